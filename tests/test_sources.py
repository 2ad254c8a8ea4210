"""WARC and RSS/Atom readers, on small files written here (no network)."""

from __future__ import annotations

import io
from pathlib import Path

from newsgraph.article import Article, ArticleError
from newsgraph.readers import read_path

BODY = (
    "The foreign ministers of both countries met in Vienna on Monday to discuss the ceasefire. "
    "The talks lasted six hours and ended without an agreement, officials said. "
) * 3
PAGE = f"""<html><head><title>Talks in Vienna end without deal</title>
<meta property="article:published_time" content="2024-05-13T08:00:00Z"></head>
<body><nav>Home | World</nav><article><h1>Talks in Vienna end without deal</h1>
<p>{BODY}</p><p>{BODY}</p></article><footer>Copyright</footer></body></html>"""


def write_warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=str(path).endswith(".gz"))

        def response(uri, status, ctype, payload: bytes):
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=headers))

        response("https://news.example/vienna-talks", "200 OK", "text/html; charset=utf-8", PAGE.encode("utf-8"))
        response("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
        response("https://news.example/moved", "301 Moved Permanently", "text/html", b"<a href='/x'>moved</a>")
        response("https://news.example/empty", "200 OK", "text/html", b"<html><body></body></html>")
        w.write_record(
            w.create_warc_record(
                "https://news.example/wire.txt",
                "resource",
                payload=io.BytesIO(b"Plain wire copy: the minister resigned."),
                warc_content_type="text/plain",
            )
        )


def test_warc_pages_become_articles(tmp_path):
    for name in ("crawl.warc.gz", "crawl.warc"):
        p = tmp_path / name
        write_warc(p)
        items = list(read_path(p))
        arts = [i for i in items if isinstance(i, Article)]
        errs = [i for i in items if isinstance(i, ArticleError)]
        assert [a.url for a in arts] == ["https://news.example/vienna-talks", "https://news.example/wire.txt"]
        page = arts[0]
        assert page.id == page.url and "met in Vienna on Monday" in page.text
        assert "Home | World" not in page.text
        assert page.title == "Talks in Vienna end without deal" and page.published == "2024-05-13"
        assert arts[1].text == "Plain wire copy: the minister resigned."
        # the empty page is a named error; the image and the redirect are not articles at all
        assert len(errs) == 1 and "news.example/empty" in errs[0].source


def test_broken_warc_is_an_error_not_a_crash(tmp_path):
    p = tmp_path / "broken.warc"
    p.write_bytes(b"this is not a warc file at all\n" * 10)
    items = list(read_path(p))
    assert items and all(isinstance(i, ArticleError) for i in items)


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://wire.example/</link>
<item><title>Minister resigns</title><link>https://wire.example/resigns</link>
<guid>wire-1</guid><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>
<description>&lt;p&gt;The minister &lt;b&gt;resigned&lt;/b&gt; on Tuesday, his office said.&lt;/p&gt;</description></item>
<item><title>Empty item</title><link>https://wire.example/empty</link><description></description></item>
<item><title>Summit</title><link>https://wire.example/summit</link>
<pubDate>Wed, 06 Mar 2024 09:00:00 GMT</pubDate><description>Leaders met in Ankara.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Times</title>
<entry><title>Vote tomorrow</title><link href="https://times.example/vote"/><id>urn:times:1</id>
<updated>2024-11-04T18:00:00Z</updated>
<content type="html">&lt;p&gt;Anna Novak said on Sunday she would fight corruption.&lt;/p&gt;&lt;p&gt;Voters go to the polls tomorrow.&lt;/p&gt;</content>
</entry></feed>"""


def test_rss_items_become_articles(tmp_path):
    p = tmp_path / "wire.rss"
    p.write_text(RSS, encoding="utf-8")
    items = list(read_path(p))
    arts = [i for i in items if isinstance(i, Article)]
    assert [(a.id, a.url, a.title, a.published, a.source) for a in arts] == [
        ("wire-1", "https://wire.example/resigns", "Minister resigns", "2024-03-05", "Example Wire"),
        ("https://wire.example/summit", "https://wire.example/summit", "Summit", "2024-03-06", "Example Wire"),
    ]
    assert arts[0].text == "The minister resigned on Tuesday, his office said."
    errs = [i for i in items if isinstance(i, ArticleError)]
    assert len(errs) == 1 and "empty article" in errs[0].reason


def test_atom_entry_with_html_content(tmp_path):
    p = tmp_path / "times.atom"
    p.write_text(ATOM, encoding="utf-8")
    (a,) = list(read_path(p))
    assert a.id == "urn:times:1" and a.url == "https://times.example/vote" and a.published == "2024-11-04"
    assert a.source == "Example Times"
    assert a.text == "Anna Novak said on Sunday she would fight corruption.\n\nVoters go to the polls tomorrow."


def test_xml_is_read_as_feed_only_when_named(tmp_path):
    (tmp_path / "feed.xml").write_text(RSS, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("A short note about the summit in Ankara.", encoding="utf-8")
    assert [a.id for a in read_path(tmp_path)] == ["notes.txt"]  # a directory scan skips .xml
    assert len([a for a in read_path(tmp_path / "feed.xml") if isinstance(a, Article)]) == 2
    (tmp_path / "other.xml").write_text("<root><x>not a feed</x></root>", encoding="utf-8")
    (err,) = list(read_path(tmp_path / "other.xml"))
    assert isinstance(err, ArticleError)


# ------------------------------------------------------------------ hostile inputs, reader by reader


def _read(p):
    prefix = str(p if p.is_dir() else p.parent) + "/"
    return [
        (i.id if isinstance(i, Article) else f"ERR {i.source.replace(prefix, '')}: {i.reason}") for i in read_path(p)
    ]


def test_jsonl_good_lines_around_bad_ones(tmp_path, monkeypatch):
    import newsgraph.readers.jsonl as jsonl

    monkeypatch.setattr(jsonl, "MAX_BYTES", 3000)  # a "huge" line, cheaply
    p = tmp_path / "m.jsonl"
    p.write_bytes(
        b'\xef\xbb\xbf{"id": "a", "text": "First."}\n'
        + b"[" * 2900
        + b"\n"
        + b'{"id": "b", "text": "'
        + b"x" * 5000
        + b'"}\n'
        + b'{"id": "c", "text": "Third.", "url": {"x": 1}}\n'
        + b'{"id": "d", "text": "Fourth \\ud800."}\n'
        + b'{"id": "e", "text": "Last.", "published": "9999-12-31"}'
    )
    assert _read(p) == [
        "a",
        "ERR m.jsonl:2: invalid JSON (nested too deeply)",
        "ERR m.jsonl:3: line too long (more than 3,000 bytes limit)",
        "ERR m.jsonl:4: url must be a string, not an object",
        "d",
        "ERR m.jsonl:6: published is out of range (9999-12-31: the year must be 1000 to 2999)",
    ]


def test_byte_order_marks(tmp_path):
    (tmp_path / "a.txt").write_bytes("Text in UTF-16.".encode("utf-16"))
    (tmp_path / "b.txt").write_bytes("Text in UTF-32.".encode("utf-32"))
    (tmp_path / "c.txt").write_bytes(b"\xef\xbb\xbfText with a UTF-8 mark.")
    (tmp_path / "d.jsonl").write_bytes('{"id": "u16", "text": "Ligne en UTF-16."}\n'.encode("utf-16"))
    texts = [a.text for a in read_path(tmp_path)]
    assert texts == ["Text in UTF-16.", "Text in UTF-32.", "Text with a UTF-8 mark.", "Ligne en UTF-16."]


def test_truncated_archives_fail_with_that_reason(tmp_path):
    import gzip

    p = tmp_path / "crawl.warc"
    write_warc(p)
    data = p.read_bytes()
    (tmp_path / "cut.warc").write_bytes(data[:1200])
    assert _read(tmp_path / "cut.warc") == [
        "ERR cut.warc#https://news.example/vienna-talks: WARC record truncated: 827 of its 1,332 bytes (file cut short)"
    ]
    p = tmp_path / "crawl.warc.gz"
    write_warc(p)
    data = p.read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(data[:-10])  # every record whole, the gzip trailer cut
    assert (
        _read(tmp_path / "cut.warc.gz")[-1] == "ERR cut.warc.gz: gzip stream cut short after 5 records (file truncated)"
    )
    z = gzip.compress(b'{"text": "One line."}\n' * 3)
    (tmp_path / "cut.jsonl.gz").write_bytes(z[:-12])
    assert _read(tmp_path / "cut.jsonl.gz") == [
        "cut.jsonl.gz:1",  # the only line whole before the cut
        "ERR cut.jsonl.gz:2: gzip stream cut short (file truncated)",
    ]


def test_odd_files_in_a_directory(tmp_path):
    import os

    os.mkfifo(tmp_path / "pipe.txt")
    os.symlink(tmp_path / "nowhere", tmp_path / "link.txt")
    with open(os.fsencode(str(tmp_path)) + b"/caf\xe9.txt", "wb") as fh:
        fh.write(b"A name that is not UTF-8.")
    (tmp_path / "new\nline.txt").write_text("A name with a newline.")
    assert _read(tmp_path) == [
        "caf\\xe9.txt",
        "ERR link.txt: cannot read file (No such file or directory)",
        "new\\nline.txt",
        "ERR pipe.txt: not a regular file (a pipe, socket or device), skipped",
    ]


def test_reading_layer_has_no_import_cycle():
    """article.py knows only the limits; the readers know the article, the limits and the helper
    processes (and the dateline reader, a leaf), never the pipeline, the runners, the store or the
    web app (issue 15, part 1)."""
    import ast
    from pathlib import Path

    import newsgraph

    src = Path(newsgraph.__file__).parent

    def imports(path: Path) -> set[str]:
        pkg = path.relative_to(src.parent).with_suffix("").parts[:-1]
        out = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = pkg[: len(pkg) - node.level + 1]
                out.add(".".join(base + ((node.module,) if node.module else ())).split(".")[1])
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("newsgraph."):
                out.add(node.module.split(".")[1])
        return out

    assert imports(src / "article.py") == {"limits"}
    assert imports(src / "limits.py") == set() and imports(src / "isolation.py") == set()
    assert imports(src / "dateline.py") == set()  # a leaf the readers and the components share
    for f in (src / "readers").glob("*.py"):
        assert imports(f) <= {"article", "limits", "isolation", "readers", "dateline"}, f.name


def test_an_empty_path_is_refused_and_hidden_folders_are_not_read(tmp_path, monkeypatch):
    # an unset shell variable ("newsgraph extract $DIR") must not read the whole working directory
    (tmp_path / "story.txt").write_text("The minister resigned on Tuesday.")
    (tmp_path / ".venv").mkdir()
    (tmp_path / ".venv" / "LICENSE.txt").write_text("Permission is hereby granted.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "other.txt").write_text("The talks resumed on Friday.")
    monkeypatch.chdir(tmp_path)
    items = list(read_path(""))
    assert len(items) == 1 and isinstance(items[0], ArticleError)
    assert "empty path" in str(items[0])
    assert _read(tmp_path) == ["story.txt", "other.txt"]  # a folder's own files, then its subfolders'


def test_html_site_name_is_the_outlet_and_source_fills_the_rest(tmp_path):
    page = PAGE.replace("<head>", '<head><meta property="og:site_name" content="Vienna Daily">')
    (tmp_path / "talks.html").write_text(page, encoding="utf-8")
    (tmp_path / "wire.txt").write_text("The minister resigned on Tuesday.", encoding="utf-8")
    got = {a.id: a.source for a in read_path(tmp_path)}
    assert got == {"talks.html": "Vienna Daily", "wire.txt": None}
    # --source: for the articles that name no outlet; the page's own site name wins
    got = {a.id: a.source for a in read_path(tmp_path, source="Wire Service")}
    assert got == {"talks.html": "Vienna Daily", "wire.txt": "Wire Service"}
