"""Ingest speed and memory on every article text in ../shared/data (PolNeAR train+dev texts,
GeoWebNews articles, TimeBank documents: about 1,300 real news articles).

For each configuration a fresh subprocess is timed end to end (model loading included) and its
peak RSS is sampled (the sum over the process and all its children, e.g. worker processes):

  bare        load_nlp() + list(nlp.pipe(texts)): the pipeline alone, no reading, no store
  workers=1   newsgraph ingest corpus.jsonl --db X --workers 1
  nostories   the same with NEWSGRAPH_STORIES=0 (no story assignment): the cost of stories
  workers=2   newsgraph ingest corpus.jsonl --db X --workers 2
  ray=2       newsgraph ingest corpus.jsonl --db X --engine ray --workers 2   (if ray is installed)

    .venv/bin/python benchmarks/ingest_bench.py                 # everything
    .venv/bin/python benchmarks/ingest_bench.py --limit 200     # a subset (say so when quoting it)
    .venv/bin/python benchmarks/ingest_bench.py --skip ray

A benchmark, not a test: it takes minutes and both cores.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED_DATA", ROOT.parent / "shared" / "data"))
PY = sys.executable


def corpus(shared: Path) -> list[dict]:
    """Every article text in the shared data, as jsonl rows."""
    rows: list[dict] = []
    meta = {}
    mpath = shared / "polnear" / "metadata.tsv"
    if mpath.exists():
        lines = mpath.read_text(encoding="utf-8").splitlines()
        head = lines[0].split("\t")
        for line in lines[1:]:
            d = dict(zip(head, line.split("\t")))
            meta[d.get("filename")] = d
    for split in ("train", "dev"):
        for f in sorted((shared / "polnear" / split / "text").glob("*.txt")):
            m = meta.get(f.stem, {})
            rows.append(
                {
                    "id": f"polnear/{split}/{f.stem}",
                    "text": f.read_text(encoding="utf-8"),
                    "published": m.get("publication_date"),
                    "source": m.get("publisher"),
                    "title": m.get("title"),
                }
            )
    gwn = shared / "geowebnews" / "GWN.xml"
    if gwn.exists():
        for art in ET.parse(gwn).getroot().iter("article"):
            rows.append(
                {
                    "id": f"gwn/{art.get('file')}",
                    "text": art.findtext("text") or "",
                    "title": art.findtext("title"),
                    "url": art.findtext("link"),
                }
            )
    for f in sorted((shared / "timebank").rglob("*.tml")):
        raw = f.read_text(encoding="utf-8")
        m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
        dct = re.search(
            # the value is a date or a date-time ("1998-03-22T14:57:00": 23 of the 183 documents)
            r'value="(\d{4}-\d{2}-\d{2})[^"]*"[^>]*functionInDocument="CREATION_TIME"|'
            r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})[^"]*"',
            raw,
        )
        text = unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip() if m else ""
        rows.append(
            {"id": f"timebank/{f.stem}", "text": text, "published": (dct.group(1) or dct.group(2)) if dct else None}
        )
    return [r for r in rows if r["text"].strip()]


def _tree_rss_kb(pid: int) -> int:
    """RSS (kB) of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/status") as fh:
                st = fh.read()
        except OSError:
            continue
        ppid = int(re.search(r"PPid:\s+(\d+)", st).group(1))
        m = re.search(r"VmRSS:\s+(\d+)", st)
        rss[int(d)] = int(m.group(1)) if m else 0
        children.setdefault(ppid, []).append(int(d))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(children.get(p, []))
    return total


def timed(cmd: list[str], env=None) -> tuple[float, float, str]:
    """(seconds, peak RSS of the process tree in MB, stderr tail)."""
    peak = [0]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss_kb(proc.pid))
            done.wait(0.25)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, err = proc.communicate()
    secs = time.perf_counter() - t0
    done.set()
    th.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err[-2000:]}")
    return secs, peak[0] / 1024, err.strip().splitlines()[-1] if err.strip() else ""


BARE = """
import json, sys
from newsgraph.pipeline import load_nlp
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
nlp = load_nlp()
n = sum(1 for _ in nlp.pipe(texts, batch_size=32))
print(n, file=sys.stderr)
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--skip", nargs="*", default=[], choices=["bare", "workers1", "nostories", "workers2", "ray"])
    args = ap.parse_args()
    if not SHARED.is_dir():
        raise SystemExit(f"shared data not found at {SHARED}")
    rows = corpus(SHARED)
    if args.limit:
        rows = rows[: args.limit]
    tmp = Path(tempfile.mkdtemp(prefix="ingest-bench-"))
    src = tmp / "corpus.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    n = len(rows)
    chars = sum(len(r["text"]) for r in rows)
    print(f"corpus: {n} articles, {chars / 1e6:.2f} M characters ({src})")
    ng = [PY, "-m", "newsgraph.cli", "ingest", str(src), "--no-progress"]
    # stories off first, then on: a load that falls during the run (as it does here after the
    # warm-up) then favours the configuration with stories, not the one without
    configs = [
        ("bare", "bare nlp.pipe", [PY, "-c", BARE, str(src)]),
        ("nostories", "ingest --workers 1, stories off", ng + ["--db", str(tmp / "w1n.db"), "--workers", "1"]),
        ("workers1", "ingest --workers 1", ng + ["--db", str(tmp / "w1.db"), "--workers", "1"]),
        ("workers2", "ingest --workers 2", ng + ["--db", str(tmp / "w2.db"), "--workers", "2"]),
    ]
    envs = {"nostories": dict(os.environ, NEWSGRAPH_STORIES="0")}
    try:
        import ray  # noqa: F401

        configs.append(
            (
                "ray",
                "ingest --engine ray --workers 2",
                ng + ["--db", str(tmp / "ray.db"), "--engine", "ray", "--workers", "2"],
            )
        )
    except ImportError:
        print("(ray not installed: skipping the Ray engine)")
    # warm-up (untimed): builds any on-disk caches (the place gazetteer index) so that no timed
    # configuration pays for them
    warm = tmp / "warm.jsonl"
    warm.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[:3]), encoding="utf-8")
    timed([PY, "-c", BARE, str(warm)])
    results = {}
    for key, label, cmd in configs:
        if key in args.skip:
            continue
        secs, rss, tail = timed(cmd, env=envs.get(key))
        results[key] = (secs, rss)
        print(f"{label:34s} {secs:7.1f} s  {n / secs:6.2f} articles/s  peak RSS {rss:7.0f} MB   {tail}", flush=True)
    if "bare" in results:
        base = results["bare"][0]
        for key, label, _ in configs:
            if key != "bare" and key in results:
                print(f"ratio {label:28s} {base / results[key][0]:.2f} x bare nlp.pipe throughput")
    if "workers1" in results and "nostories" in results:
        drop = 1 - results["nostories"][0] / results["workers1"][0]
        print(
            f"stories on (workers=1): throughput {-100 * drop:+.1f}% against stories off "
            f"(negative: slower with stories)"
        )
    if "ray" in results and "workers2" in results:
        print(f"ray / multiprocessing (2 workers): {results['workers2'][0] / results['ray'][0]:.2f} x throughput")
    return 0


if __name__ == "__main__":
    sys.exit(main())
