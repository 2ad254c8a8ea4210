"""Readers for web archives and saved feeds (``article.read_path`` dispatches here).

- WARC (``.warc``, ``.warc.gz``, via ``warcio``): every ``response`` or ``resource`` record
  holding an HTML (or plain-text) page becomes an article; its main text comes from trafilatura
  (as for ``.html`` files), its URL and id from ``WARC-Target-URI``. The publication date is the
  page's own date when trafilatura finds one, else ``--published``; the crawl date is *not*
  used (a page crawled today may be years old).
- RSS / Atom (``.rss``, ``.atom``; an ``.xml`` file given by name), via ``feedparser`` on the
  saved file (no network): every item becomes an article with its title, link, date, the feed's
  title as outlet, and as text the item's full content when present, else its summary.

Like the other readers, these yield ``Article`` or ``ArticleError`` values and never raise for
one bad record, so a batch goes on.
"""
from __future__ import annotations

import datetime as _dt
import html as _html
import re
from pathlib import Path
from typing import Iterator, Optional, Union

from .article import Article, ArticleError, check_text, decode_bytes, html_to_text, normalise_date

WARC_SUFFIXES = (".warc", ".warc.gz")
FEED_SUFFIXES = (".rss", ".atom")
SUFFIXES = WARC_SUFFIXES + FEED_SUFFIXES  # what a directory scan picks up
EXPLICIT_SUFFIXES = (".xml",)  # read as a feed only when named explicitly

Item = Union[Article, ArticleError]


def handles(name: str, explicit: bool = True) -> bool:
    name = name.lower()
    return name.endswith(SUFFIXES) or (explicit and name.endswith(EXPLICIT_SUFFIXES))


def read_source(path: Path, published: Optional[str] = None) -> Iterator[Item]:
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        yield from read_warc(path, published)
    else:
        yield from read_feed(path, published)


# ---------------------------------------------------------------- WARC

def _head(path: Path) -> bytes:
    """The first bytes of a file, gunzipped when it is gzip."""
    import gzip

    with open(path, "rb") as fh:
        start = fh.read(2)
    if start == b"\x1f\x8b":
        with gzip.open(path, "rb") as gz:
            return gz.read(8)
    with open(path, "rb") as fh:
        return fh.read(8)


def _charset(content_type: str) -> Optional[str]:
    m = re.search(r"charset=([\w-]+)", content_type or "", re.I)
    return m.group(1) if m else None


def read_warc(path: Path, published: Optional[str] = None) -> Iterator[Item]:
    """Articles from the HTML (and plain-text) pages of a WARC file."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    src = str(path)
    try:
        head = _head(path)
        fh = open(path, "rb")
    except (OSError, EOFError) as e:
        yield ArticleError(src, f"cannot read file ({getattr(e, 'strerror', None) or e})")
        return
    if not head.startswith(b"WARC/"):
        fh.close()
        yield ArticleError(src, "not a WARC file (it does not start with a WARC/1.x record header)")
        return
    with fh:
        n = 0
        try:
            for rec in ArchiveIterator(fh):
                if rec.rec_type not in ("response", "resource"):
                    continue
                n += 1
                uri = rec.rec_headers.get_header("WARC-Target-URI") or f"{path.name}#{n}"
                where = f"{src}#{uri}"
                if rec.rec_type == "response":
                    if rec.http_headers is None:
                        continue
                    status = rec.http_headers.get_statuscode()
                    if status and not status.startswith("2"):
                        continue  # redirects, errors: no article
                    ctype = rec.http_headers.get_header("Content-Type") or ""
                else:
                    ctype = rec.rec_headers.get_header("Content-Type") or ""
                kind = ctype.split(";")[0].strip().lower()
                if kind not in ("text/html", "application/xhtml+xml", "text/plain"):
                    continue  # images, scripts, style sheets
                try:
                    data = rec.content_stream().read()
                    text = _decode(data, _charset(ctype), where)
                    if kind == "text/plain":
                        yield Article(id=uri, text=check_text(text, where), source_path=src, url=uri,
                                      published=published)
                    else:
                        body, title, date = html_to_text(text, where)
                        yield Article(id=uri, text=check_text(body, where), source_path=src, url=uri, title=title,
                                      published=published or date)
                except ArticleError as e:
                    yield e
                except Exception as e:  # one broken record never stops the file
                    yield ArticleError(where, f"unreadable WARC record: {type(e).__name__}: {e}")
        except ArchiveLoadFailed as e:
            yield ArticleError(src, f"not a readable WARC file ({e})")
        except Exception as e:
            yield ArticleError(src, f"WARC file broken after {n} records: {type(e).__name__}: {e}")


def _decode(data: bytes, charset: Optional[str], where: str) -> str:
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data, where)


# ---------------------------------------------------------------- RSS / Atom

_TAG = re.compile(r"<[^>]+>")


def _strip_html(fragment: str) -> str:
    """Text of a short HTML fragment (a feed summary): paragraphs end with a blank line."""
    t = re.sub(r"(?i)<\s*br\s*/?>", "\n", fragment)
    t = re.sub(r"(?i)<\s*(/p|/div|/li|/h\d)\s*>", "\n\n", t)
    t = _html.unescape(_TAG.sub("", t))
    t = re.sub(r"[ \t]+", " ", t)
    return re.sub(r"\n\s*\n+", "\n\n", t).strip()


def _entry_text(entry, where: str) -> str:
    parts = entry.get("content") or []
    value = max((p.get("value") or "" for p in parts), key=len, default="") or entry.get("summary") or ""
    if "<" in value and ">" in value:
        if len(value) > 2000:  # a full article in the feed: trafilatura finds the main text
            try:
                return html_to_text(value, where)[0]
            except ArticleError:
                pass
        return _strip_html(value)
    return _html.unescape(value).strip()


def _entry_date(entry) -> Optional[str]:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            try:
                return _dt.date(t.tm_year, t.tm_mon, t.tm_mday).isoformat()
            except ValueError:
                continue
    return normalise_date(entry.get("published") or entry.get("updated"))


def read_feed(path: Path, published: Optional[str] = None) -> Iterator[Item]:
    """Articles from a saved RSS or Atom feed (the file only; nothing is fetched)."""
    import feedparser

    src = str(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        yield ArticleError(src, f"cannot read file ({e.strerror or e})")
        return
    feed = feedparser.parse(data)  # bytes in: feedparser never touches the network
    if not feed.entries:
        reason = f"not an RSS/Atom feed ({feed.bozo_exception})" if feed.get("bozo") else "feed has no items"
        yield ArticleError(src, reason)
        return
    outlet = (feed.feed.get("title") or "").strip() or None
    for n, entry in enumerate(feed.entries, 1):
        link = entry.get("link")
        where = f"{src}:{n}"
        try:
            text = check_text(_entry_text(entry, where), where)
            yield Article(id=str(entry.get("id") or link or f"{path.name}:{n}"), text=text, source_path=src,
                          url=link, title=(entry.get("title") or None), published=_entry_date(entry) or published,
                          source=outlet)
        except ArticleError as e:
            yield e
        except Exception as e:
            yield ArticleError(where, f"unreadable feed item: {type(e).__name__}: {e}")
