"""Hostile input at the sizes of issue 14: time and peak memory of each case, and of a whole
`newsgraph ingest` over the big hostile corpus (tests/hostile.py, big=True).

    .venv/bin/python benchmarks/hostile_bench.py            # every case (a few minutes)
    .venv/bin/python benchmarks/hostile_bench.py --only html-60mb warc-60mb

Each case runs in a fresh process; its peak is the resident memory of the whole process tree
(sampled every 0.2 s), its time the wall time of the process (model loading included where the
case loads the model). Reader cases read with ``newsgraph.readers.read_path`` only; command cases
run the real `newsgraph` command.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from hostile import MB, make_corpus  # noqa: E402
from test_hostile import run_measured  # noqa: E402

PY = sys.executable


def _read_only(path: Path) -> list[str]:
    code = (
        "import sys\nfrom newsgraph.readers import read_path\nfrom newsgraph.article import Article\n"
        "if __name__ == '__main__':\n"
        "    for i in read_path(sys.argv[1]):\n"
        "        print(('article ' + i.id) if isinstance(i, Article) else ('failed: ' + i.reason)[:160])\n"
    )
    return [PY, "-c", code, str(path)]


def _extract_equals(n: int) -> list[str]:
    code = (
        "import time\nfrom newsgraph.pipeline import load_nlp, extract_one\nfrom newsgraph.article import Article\n"
        "if __name__ == '__main__':\n"
        "    nlp = load_nlp(); nlp('Warm up.')\n"
        f"    text = 'The minister said the talks failed. ' + '=' * {n} + ' Officials said talks would resume.'\n"
        "    t = time.perf_counter(); r = extract_one(nlp, Article(id='eq', text=text))\n"
        f"    print(f'extraction of {n:,} \"=\": {{time.perf_counter() - t:.2f}} s, {{type(r).__name__}}')\n"
    )
    return [PY, "-c", code]


def make_cases(tmp: Path) -> dict:
    cases = {}
    cases["equals-20k"] = (
        "20,000 '=' in one article, extraction only (time printed by the case)",
        _extract_equals(20_000),
    )
    cases["equals-200k"] = ("200,000 '=' in one article, extraction only", _extract_equals(200_000))

    html = tmp / "big.html"
    with open(html, "wb") as fh:
        fh.write(b"<html><body><article>")
        chunk = b"<p><a href='/x'>link text here</a> and more words in the paragraph.</p>\n" * 10_000
        while fh.tell() < 60 * MB:
            fh.write(chunk)
        fh.write(b"</article></body></html>")
    cases["html-60mb"] = ("a 60 MB HTML page (read)", _read_only(html))
    cases["html-60mb-ingest"] = (
        "a 60 MB HTML page: newsgraph ingest --workers 2",
        [PY, "-m", "newsgraph.cli", "ingest", str(html), "--db", str(tmp / "h.db"), "--workers", "2", "--no-progress"],
    )
    links = tmp / "links-19mb.html"
    links.write_bytes(
        b"<html><body><article>" + b"<a href='/x'>link text here</a> " * (19 * MB // 35) + b"</article></body></html>"
    )
    cases["html-19mb-links"] = ("a 19 MB page of links, just under the size limit (read)", _read_only(links))

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    class Payload:
        """60 MB of HTML, streamed into the WARC writer."""

        def __init__(self, size):
            self.left = size
            self.chunk = b"<p>word word word word word word word word.</p>\n" * 20_000

        def read(self, n=-1):
            if self.left <= 0:
                return b""
            out = self.chunk[: self.left if n < 0 else min(n, self.left)]
            self.left -= len(out)
            return out

    for name, gz in (("big.warc", False), ("big.warc.gz", True)):
        with open(tmp / name, "wb") as fh:
            w = WARCWriter(fh, gzip=gz)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            w.write_record(
                w.create_warc_record(
                    "https://big.example/", "response", payload=Payload(60 * MB), length=60 * MB, http_headers=headers
                )
            )
    cases["warc-60mb"] = ("a WARC with one 60 MB HTML record (read)", _read_only(tmp / "big.warc"))
    cases["warcgz-60mb"] = ("a .warc.gz with one 60 MB HTML record (read)", _read_only(tmp / "big.warc.gz"))
    cases["warc-60mb-ingest"] = (
        "the 60 MB WARC record: newsgraph ingest --workers 2",
        [
            PY,
            "-m",
            "newsgraph.cli",
            "ingest",
            str(tmp / "big.warc"),
            "--db",
            str(tmp / "w.db"),
            "--workers",
            "2",
            "--no-progress",
        ],
    )

    line = tmp / "line-200mb.jsonl"
    with open(line, "wb") as fh:
        fh.write(json.dumps({"id": "before", "text": "A good article before the long line."}).encode() + b"\n")
        fh.write(b'{"id": "huge", "text": "')
        for _ in range(200):
            fh.write(b"a" * MB)
        fh.write(b'"}\n')
        fh.write(json.dumps({"id": "after", "text": "A good article after the long line."}).encode() + b"\n")
    cases["jsonl-200mb-line"] = ("a JSONL file with a 200 MB line between two good ones (read)", _read_only(line))

    feed = tmp / "big.rss"
    with open(feed, "wb") as fh:
        fh.write(
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><title>x</title><description>'
        )
        for _ in range(60):
            fh.write(b"word " * (MB // 5))
        fh.write(b"</description></item></channel></rss>")
    cases["rss-60mb-item"] = ("an RSS feed with one 60 MB item (read)", _read_only(feed))

    corpus = make_corpus(tmp / "hostile", big=True)
    cases["hostile-ingest"] = (
        f"newsgraph ingest --workers 2 over the big hostile corpus ({len(corpus.good)} good, "
        f"{len(corpus.bad)} bad items)",
        [
            PY,
            "-m",
            "newsgraph.cli",
            "ingest",
            str(corpus.root),
            "--db",
            str(tmp / "x.db"),
            "--workers",
            "2",
            "--no-progress",
        ],
    )
    return cases


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", nargs="*", help="case names to run")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="newsgraph-hostile-"))
    try:
        cases = make_cases(tmp)
        for name, (label, cmd) in cases.items():
            if args.only and name not in args.only:
                continue
            done, seconds, peak = run_measured(cmd, 3600)
            out = (done.stdout.decode("utf-8", "replace") + done.stderr.decode("utf-8", "replace")).strip()
            tail = " | ".join(x for x in out.splitlines()[-3:] if x)[:400]
            print(
                f"{name:18s} {seconds:7.1f} s  peak {peak:6.0f} MB  exit {done.returncode}  {label}\n{'':18s} {tail}",
                flush=True,
            )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
