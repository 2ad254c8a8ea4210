"""Articles and the readers that turn files into them.

``read_path(path)`` yields ``Article`` objects or ``ArticleError`` objects (never raises for
one bad article), so a batch can report the broken ones and go on.

Supported inputs:
- ``.txt``: the whole file is the article text; the id is the file name.
- ``.html`` / ``.htm``: the main text, extracted with trafilatura.
- ``.jsonl`` (and ``.jsonl.gz``): one article a line, ``{"text": ..., "id", "url", "title",
  "published", "source"}`` (only ``text`` is required).
- ``.warc`` / ``.warc.gz``, ``.rss`` / ``.atom`` (and ``.xml`` named explicitly): see
  ``newsgraph.sources``.
- a directory: every such file in it, recursively, in sorted order.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional, Union

MAX_BYTES = 20 * 1024 * 1024  # a news article is never this long; refuse rather than hang
SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".jsonl.gz", ".warc", ".warc.gz", ".rss", ".atom")


class ArticleError(Exception):
    """One article (or file) could not be read. ``source`` names the file or line."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


@dataclass
class Article:
    id: str
    text: str
    source_path: Optional[str] = None
    url: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None  # ISO date YYYY-MM-DD
    source: Optional[str] = None  # outlet name


_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def normalise_date(value) -> Optional[str]:
    """Return ``YYYY-MM-DD`` from an ISO date or datetime string, else None."""
    if not value:
        return None
    m = _DATE_RE.match(str(value).strip())
    if not m:
        return None
    y, mo, d = map(int, m.groups())
    import datetime as _dt

    try:
        return _dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def check_text(text: str, source: str) -> str:
    """Validate article text: a clear ArticleError for empty or binary text."""
    if text is None or not text.strip():
        raise ArticleError(source, "empty article (no text)")
    if "\x00" in text[:4096]:
        raise ArticleError(source, "binary content (NUL bytes), not an article")
    return text


def decode_bytes(data: bytes, source: str) -> str:
    if len(data) > MAX_BYTES:
        raise ArticleError(source, f"too large ({len(data) / 1e6:.1f} MB > {MAX_BYTES / 1e6:.0f} MB limit)")
    if b"\x00" in data[:4096]:
        raise ArticleError(source, "binary content (NUL bytes), not an article")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        try:  # common legacy encoding of news sites; only when the bytes are plausible text
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise ArticleError(source, f"cannot decode as UTF-8 ({e.reason} at byte {e.start})") from None
        return text


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(str(path), f"too large ({size / 1e6:.1f} MB > {MAX_BYTES / 1e6:.0f} MB limit)")
        return path.read_bytes()
    except ArticleError:
        raise
    except OSError as e:
        raise ArticleError(str(path), f"cannot read file ({e.strerror or e})") from None


def html_to_text(html: str, source: str) -> tuple[str, Optional[str], Optional[str]]:
    """Main text, title and date of an HTML page (trafilatura)."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
    title = date = None
    try:
        meta = trafilatura.extract_metadata(html)
        if meta is not None:
            title, date = meta.title, meta.date
    except Exception:  # metadata is a bonus; the text is what matters
        pass
    if not text or not text.strip():
        raise ArticleError(source, "no article text found in HTML")
    return text, title, normalise_date(date)


def article_from_dict(d: dict, source: str, default_id: str) -> Article:
    if not isinstance(d, dict):
        raise ArticleError(source, "expected a JSON object with a 'text' field")
    text = d.get("text")
    if not isinstance(text, str):
        raise ArticleError(source, "missing 'text' field")
    check_text(text, source)
    return Article(
        id=str(d.get("id") or d.get("url") or default_id),
        text=text,
        source_path=d.get("source_path"),
        url=d.get("url"),
        title=d.get("title"),
        published=normalise_date(d.get("published") or d.get("date")),
        source=d.get("source"),
    )


def read_text_file(path: Path, published: Optional[str] = None) -> Article:
    src = str(path)
    text = check_text(decode_bytes(_read_bytes(path), src), src)
    return Article(id=path.name, text=text, source_path=src, published=published)


def read_html_file(path: Path, published: Optional[str] = None) -> Article:
    src = str(path)
    html = decode_bytes(_read_bytes(path), src)
    text, title, date = html_to_text(html, src)
    return Article(id=path.name, text=text, source_path=src, title=title, published=published or date)


def read_jsonl_file(path: Path, published: Optional[str] = None) -> Iterator[Union[Article, ArticleError]]:
    src = str(path)
    try:
        if path.name.endswith(".gz"):
            fh = io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", errors="strict")
        else:
            fh = open(path, encoding="utf-8", errors="strict")
    except OSError as e:
        yield ArticleError(src, f"cannot read file ({e.strerror or e})")
        return
    with fh:
        n = 0
        while True:
            n += 1
            where = f"{src}:{n}"
            try:
                line = fh.readline()
            except (UnicodeDecodeError, OSError, EOFError) as e:
                yield ArticleError(where, f"cannot read line ({e})")
                return
            if not line:
                return
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                art = article_from_dict(d, where, f"{path.name}:{n}")
                art.source_path = art.source_path or src
                art.published = art.published or published
                yield art
            except json.JSONDecodeError as e:
                yield ArticleError(where, f"invalid JSON ({e.msg} at column {e.colno})")
            except ArticleError as e:
                yield e


def iter_files(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for root, dirs, files in os.walk(path):
            dirs.sort()
            for name in sorted(files):
                if name.lower().endswith(SUFFIXES) and not name.startswith("."):
                    yield Path(root) / name
    else:
        yield path


def read_path(path: Union[str, Path], published: Optional[str] = None) -> Iterator[Union[Article, ArticleError]]:
    """Every article in a file or directory; errors are yielded, not raised."""
    path = Path(path)
    if not path.exists():
        yield ArticleError(str(path), "no such file or directory")
        return
    for f in iter_files(path):
        name = f.name.lower()
        try:
            if name.endswith((".jsonl", ".jsonl.gz")):
                yield from read_jsonl_file(f, published)
            elif name.endswith((".html", ".htm")):
                yield read_html_file(f, published)
            elif name.endswith((".warc", ".warc.gz", ".rss", ".atom", ".xml")):
                from .sources import read_source  # WARC (warcio), saved RSS/Atom feeds (feedparser)

                yield from read_source(f, published)
            elif name.endswith(".txt") or not f.is_dir():
                yield read_text_file(f, published)
        except ArticleError as e:
            yield e
        except Exception as e:  # never let one file stop a batch
            yield ArticleError(str(f), f"unexpected error: {type(e).__name__}: {e}")
