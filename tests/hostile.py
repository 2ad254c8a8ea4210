"""A hostile-input corpus: good articles in many shapes (languages, encodings, odd file names,
pathological punctuation) mixed with every kind of bad input we know (empty, binary, too large,
wrong encodings, NUL bytes, long lines, deep nesting, wrong JSON types, bad dates, truncated
archives, broken feeds, pipes, dangling links).

    corpus = make_corpus(Path("hostile"))          # small sizes (tests)
    corpus = make_corpus(Path("hostile"), big=True) # the sizes of the issue (benchmarks)
    corpus.good   # ids of the articles that must be stored
    corpus.bad    # {name relative to the root: reason fragment}: each must fail once, so named

Used by tests/test_hostile.py and benchmarks/hostile_bench.py.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import random
from dataclasses import dataclass, field
from pathlib import Path

MB = 1024 * 1024


@dataclass
class Corpus:
    root: Path
    good: set[str] = field(default_factory=set)
    bad: dict[str, str] = field(default_factory=dict)


def article(i: int, lang: str = "en") -> str:
    """A distinct, plausible article text (no two alike, so none is a duplicate)."""
    texts = {
        "en": (
            f'"We will not accept talks under fire," Foreign Minister Anna Novak said on Monday in Vienna, '
            f"after the {i}th round of negotiations ended without an agreement. Officials said the "
            f"delegations would meet again in Geneva next week."
        ),
        "zh": f"外交部发言人周一在北京表示，第{i}轮谈判没有达成协议。官员说，代表团下周将在日内瓦再次会面。",
        "ar": f"قال وزير الخارجية يوم الاثنين في فيينا إن الجولة رقم {i} من المفاوضات انتهت دون اتفاق.",
        "ru": f"Министр иностранных дел заявил в понедельник в Вене, что {i}-й раунд переговоров завершился без соглашения.",
        "hi": f"विदेश मंत्री ने सोमवार को वियना में कहा कि वार्ता का {i}वां दौर बिना समझौते के समाप्त हो गया।",
        "emoji": f"The minister posted 🇺🇦🕊️ on Monday after the {i}th round of talks in Vienna ended 😐.",
    }
    return texts[lang]


def _page(i: int) -> str:
    body = " ".join(article(i + k) for k in range(4))
    return (
        f"<html><head><title>Talks round {i} end without deal</title>"
        f'<meta property="article:published_time" content="2024-05-13T08:00:00Z"></head>'
        f"<body><nav>Home | World</nav><article><h1>Talks round {i} end without deal</h1>"
        f"<p>{body}</p><p>{body}</p></article><footer>Copyright</footer></body></html>"
    )


def _warc(path: Path, records: list[tuple[str, str, str, bytes]], gz: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        for uri, status, ctype, payload in records:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=headers))


def _sparse(path: Path, size: int, head: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(head)
        fh.seek(size - 1)
        fh.write(b"\n")


def make_corpus(root: Path, big: bool = False) -> Corpus:
    root.mkdir(parents=True, exist_ok=True)
    c = Corpus(root)
    n = iter(range(1000))
    rnd = random.Random(14)

    def good_file(name, data: bytes, key=None):
        (root / name).write_bytes(data)
        c.good.add(key or name)

    def bad_file(name, data: bytes, reason: str):
        (root / name).write_bytes(data)
        c.bad[name] = reason

    # --- plain text in many shapes: all good
    good_file("good.txt", article(next(n)).encode())
    for lang in ("zh", "ar", "ru", "hi", "emoji"):
        good_file(f"{lang}.txt", article(next(n), lang).encode())
    good_file("bom-utf8.txt", b"\xef\xbb\xbf" + article(next(n)).encode())
    good_file("bom-utf16le.txt", article(next(n)).encode("utf-16"))
    good_file("bom-utf16be.txt", b"\xfe\xff" + article(next(n)).encode("utf-16-be"))
    good_file("bom-utf32.txt", article(next(n), "ru").encode("utf-32"))
    good_file("cp1252.txt", ("Café owners in Zürich said prices rose. " + article(next(n))).encode("cp1252"))
    good_file("nul-late.txt", (article(next(n)) * 40).encode() + b"\x00\x00" + article(next(n)).encode())
    good_file(
        "equals.txt", (article(next(n)) + "\n" + "=" * (200_000 if big else 20_000) + "\n" + article(next(n))).encode()
    )
    good_file(
        "punct-mix.txt",
        (article(next(n)) + " " + ".,!?'\"([" * (25_000 if big else 2_500) + " " + article(next(n))).encode(),
    )
    good_file(
        "long-sentence.txt",
        (
            article(next(n)) + " " + "and the government will act " * (10_000 if big else 1_500) + article(next(n))
        ).encode(),
    )
    (root / "sub" / "deeper").mkdir(parents=True, exist_ok=True)
    good_file("sub/deeper/nested.txt", article(next(n)).encode(), key="nested.txt")
    # odd file names: not UTF-8, a newline, a leading dash, spaces, quotes
    odd = os.fsencode(str(root)) + b"/caf\xe9 not-utf8.txt"
    with open(odd, "wb") as fh:
        fh.write(article(next(n)).encode())
    c.good.add("caf\\xe9 not-utf8.txt")
    good_file("new\nline.txt", article(next(n)).encode(), key="new\\nline.txt")
    good_file("-dash.txt", article(next(n)).encode())
    good_file("with space 'and' \"quotes\".txt", article(next(n)).encode())
    (root / ".hidden.txt").write_bytes(b"never read")  # skipped: hidden
    (root / "notes.md").write_bytes(b"never read")  # skipped: not an input suffix

    # --- plain text: bad
    bad_file("empty.txt", b"", "empty article")
    bad_file("whitespace.txt", b"  \n\t \n", "empty article")
    bad_file("binary.txt", bytes(rnd.randrange(256) for _ in range(5000)) + b"\x00", "binary content")
    bad_file("utf16-nobom.txt", article(next(n)).encode("utf-16-le"), "binary content")
    _sparse(root / "huge.txt", (50 if big else 25) * MB, b"x")
    c.bad["huge.txt"] = "too large"
    _sparse(root / "huge.html", (60 if big else 25) * MB, b"<html><body><p>")
    c.bad["huge.html"] = "too large"
    too_long = ("All work and no play. " * 50_000).encode()  # 1.1 M characters > 1 M
    bad_file("too-long.txt", too_long, "article too long")

    # --- HTML
    good_file("page.html", _page(next(n)).encode())
    bad_file("no-text.html", b"<html><head><title>t</title></head><body></body></html>", "no article text")

    # --- JSONL with good lines around bad ones
    L = []

    def line(obj_or_raw, reason=None, key=None):
        raw = obj_or_raw if isinstance(obj_or_raw, bytes) else json.dumps(obj_or_raw).encode()
        L.append(raw)
        if reason:
            c.bad[f"mixed.jsonl:{len(L)}"] = reason
        elif key:
            c.good.add(key)

    line(b"\xef\xbb\xbf" + json.dumps({"id": "j-bom", "text": article(next(n))}).encode(), key="j-bom")
    line(b"   ")  # blank: nothing
    line({"id": "j-surrogate", "text": article(next(n)) + " \ud800 end."}, key="j-surrogate")
    line({"id": "j-url-object", "text": article(next(n)), "url": {"href": "x"}}, "url must be a string")
    line({"id": "j-url-list", "text": article(next(n)), "url": ["https://a.example/1"]}, "url must be a string")
    line({"id": "j-int", "text": 12345}, "text must be a string")
    line({"id": "j-yesterday", "text": article(next(n)), "published": "yesterday"}, "published is not a date")
    line({"id": "j-9999", "text": article(next(n)), "published": "9999-12-31"}, "published is out of range")
    line(b"[" * 200_000 + b"]" * 200_000, "nested too deeply")
    line(b'{"id": "j-broken", "text": "unterminated', "invalid JSON")
    line(b'{"id": ' + b"9" * 5000 + b', "text": "big number"}', "invalid JSON")
    line([{"text": "a list, not an object"}], "expected a JSON object")
    line({"id": "j-nul-first", "text": "\u0000" + article(next(n))}, "binary content")
    line({"id": "j-no-text"}, "missing 'text'")
    line(b'{"id": "j-huge-line", "text": "' + b"a" * ((200 if big else 21) * MB) + b'"}', "line too long")
    line({"id": "j-title-object", "text": article(next(n)), "title": {"t": 1}}, "title must be a string")
    line({"id": ["a", "list"], "text": article(next(n))}, "id must be")
    line({"id": "j-nul-late", "text": article(next(n)) * 40 + "\u0000" + article(next(n))}, key="j-nul-late")
    line({"id": "j-rfc2822", "text": article(next(n)), "published": "Tue, 05 Mar 2024 10:00:00 GMT"}, key="j-rfc2822")
    line(b"\xff\xfe not UTF-8 and not JSON", "invalid JSON")
    line({"id": "j-last", "text": article(next(n), "zh")}, key="j-last")
    (root / "mixed.jsonl").write_bytes(b"\n".join(L))  # the last line has no newline

    (root / "utf16.jsonl").write_bytes(
        (
            "".join(
                json.dumps({"id": f"u16-{k}", "text": article(next(n), "ar")}, ensure_ascii=False) + "\n"
                for k in range(2)
            )
        ).encode("utf-16")
    )
    c.good |= {"u16-0", "u16-1"}
    data = gzip.compress(
        "".join(json.dumps({"id": f"gz-{k}", "text": article(next(n))}) + "\n" for k in range(200)).encode()
    )
    (root / "cut.jsonl.gz").write_bytes(data[: len(data) * 2 // 3])
    with gzip.open(root / "cut.jsonl.gz") as fh:  # the lines that survive the cut are good
        kept = b""
        try:
            while True:
                b = fh.read1(1 << 16)
                if not b:
                    break
                kept += b
        except EOFError:
            pass
    whole = kept.count(b"\n")
    c.good |= {f"gz-{k}" for k in range(whole)}
    c.bad[f"cut.jsonl.gz:{whole + 1}"] = "gzip stream cut short"
    (root / "not-gzip.jsonl.gz").write_bytes(b'{"text": "plain text, not gzip"}\n')
    c.bad["not-gzip.jsonl.gz:1"] = "corrupt gzip"

    # --- WARC
    pages = [
        ("https://news.example/a", "200 OK", "text/html; charset=utf-8", _page(next(n)).encode()),
        ("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20),
        ("https://news.example/moved", "301 Moved Permanently", "text/html", b"<a href='/x'>moved</a>"),
        ("https://news.example/empty", "200 OK", "text/html", b"<html><body></body></html>"),
        ("https://news.example/b", "200 OK", "text/html", _page(next(n)).encode()),
    ]
    _warc(root / "crawl.warc.gz", pages, gz=True)
    c.good |= {"https://news.example/a", "https://news.example/b"}
    c.bad["crawl.warc.gz#https://news.example/empty"] = "no article text"
    cut = [
        ("https://cut.example/a", "200 OK", "text/html", _page(next(n)).encode()),
        ("https://cut.example/b", "200 OK", "text/html", _page(next(n)).encode()),
    ]
    _warc(root / "cut.warc", cut, gz=False)
    data = (root / "cut.warc").read_bytes()
    (root / "cut.warc").write_bytes(data[:-400])
    c.good.add("https://cut.example/a")
    c.bad["cut.warc#https://cut.example/b"] = "WARC record truncated"
    _warc(root / "cut.warc.gz", [("https://cutgz.example/a", "200 OK", "text/html", _page(next(n)).encode())], gz=True)
    data = (root / "cut.warc.gz").read_bytes()
    (root / "cut.warc.gz").write_bytes(data[: len(data) // 2])
    c.bad["cut.warc.gz"] = "gzip stream cut short"
    big_page = (
        b"<html><body><article>"
        + b"<p>word word word word</p>" * ((60 if big else 21) * MB // 27)
        + b"</article></body></html>"
    )
    _warc(root / "big-record.warc", [("https://big.example/page", "200 OK", "text/html", big_page)], gz=False)
    del big_page
    c.bad["big-record.warc#https://big.example/page"] = "too large"
    bad_file("not-a.warc", b"this is not a warc file at all\n" * 10, "not a WARC file")

    # --- feeds
    (root / "broken.rss").write_bytes(b"<rss><channel><item><title>unclosed")  # an item, without text
    c.bad["broken.rss#1"] = "empty article"
    bad_file("garbage.atom", bytes(rnd.randrange(1, 256) for _ in range(3000)), "not an RSS/Atom feed")
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Times</title>'
        f'<entry><title>Vote</title><link href="https://times.example/vote"/><id>urn:t:1</id>'
        f'<updated>2024-11-04T18:00:00Z</updated><content type="html">&lt;p&gt;{article(next(n))}&lt;/p&gt;'
        '</content></entry><entry><title>Empty</title><id>urn:t:2</id><content type="html"></content></entry>'
        "</feed>"
    )
    (root / "times.atom").write_text(atom, encoding="utf-8")
    c.good.add("urn:t:1")
    c.bad["times.atom#2"] = "empty article"

    # --- things that are not files to read
    os.mkfifo(root / "a-pipe.txt")  # reading it would block for ever
    c.bad["a-pipe.txt"] = "not a regular file"
    os.symlink(root / "no-such-target.txt", root / "dangling.txt")
    c.bad["dangling.txt"] = "cannot read file"
    return c


def relative(source: str, root: Path) -> str:
    """A failure's source relative to the corpus root (as ``Corpus.bad`` names it)."""
    prefix = os.fsdecode(os.fsencode(str(root))) + "/"
    return source[len(prefix) :] if source.startswith(prefix) else source
