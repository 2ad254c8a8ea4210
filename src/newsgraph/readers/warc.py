"""``.warc`` / ``.warc.gz`` (via ``warcio``): every ``response`` or ``resource`` record holding
an HTML (or plain-text) page with status 2xx becomes an article; its main text comes from
trafilatura (as for ``.html`` files), its URL and id from ``WARC-Target-URI``. The publication
date is the page's own date when trafilatura finds one, else ``--published``; the crawl date
is *not* used (a page crawled today may be years old). Images, scripts, redirects are skipped.

A record is read up to ``limits.MAX_BYTES`` (a longer one fails, its bytes skipped). A record
shorter than its declared ``Content-Length`` (a file cut short) fails with that reason rather
than being stored as if whole; so does a gzip stream cut short or corrupt (``file#URI`` or the
file names it)."""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Optional

from ..article import Article, ArticleError
from ..limits import MAX_BYTES, mb
from .common import Item, decode_bytes, display
from .html import html_to_text

PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
CHUNK = 1 << 20


class GzipCutShort(Exception):
    """The gzip stream ends inside a member (warcio reads a plain EOFError as "no more records")."""


class _Gunzip:
    """A gzip file read for warcio: every byte before a cut is delivered, then the cut raises
    ``GzipCutShort`` (warcio would read a plain EOFError as "no more records")."""

    def __init__(self, raw):
        self.gz = gzip.GzipFile(fileobj=raw, mode="rb")
        self.cut = False

    def read(self, n=-1):
        if self.cut:
            raise GzipCutShort()
        out: list[bytes] = []
        want = n if n is not None and n >= 0 else None
        got = 0
        while want is None or got < want:
            try:
                b = self.gz.read1(CHUNK if want is None else want - got)
            except EOFError:
                self.cut = True
                if got:
                    break
                raise GzipCutShort() from None
            if not b:
                break
            out.append(b)
            got += len(b)
        return b"".join(out)

    def peek(self, n):
        try:
            return self.gz.peek(n)
        except EOFError:
            raise GzipCutShort() from None

    def tell(self):
        return self.gz.tell()

    def close(self):
        self.gz.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


_STREAM_ERRORS = (GzipCutShort, EOFError, zlib.error, gzip.BadGzipFile)


def _charset(content_type: str) -> Optional[str]:
    m = re.search(r"charset=([\w-]+)", content_type or "", re.I)
    return m.group(1) if m else None


def _open(path: Path):
    raw = open(path, "rb")
    if raw.peek(2)[:2] == b"\x1f\x8b":  # gzip: one member per record, or one for the file
        return _Gunzip(raw)
    return raw


def read(path: Path, published: Optional[str] = None) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    src = display(path)
    try:
        fh = _open(path)
        head = fh.peek(5)[:5]
    except _STREAM_ERRORS as e:
        yield ArticleError(src, _stream_error(e, 0))
        return
    except OSError as e:
        yield ArticleError(src, f"cannot read file ({e.strerror or e})")
        return
    if not head.startswith(b"WARC/"):
        fh.close()
        yield ArticleError(src, "not a WARC file (it does not start with a WARC/1.x record header)")
        return
    with fh:
        n = 0
        cut_record = False  # the last record was reported cut short
        try:
            for rec in ArchiveIterator(fh):
                n += 1
                cut_record = False
                for item in _record(rec, n, src, path, published):
                    cut_record = isinstance(item, ArticleError) and "truncated" in item.reason
                    yield item
        except _STREAM_ERRORS as e:
            if not cut_record:  # else the truncated record already says it
                yield ArticleError(src, _stream_error(e, n))
        except ArchiveLoadFailed as e:
            yield ArticleError(src, f"not a readable WARC file after {n} record(s) ({str(e).strip()})")
        except Exception as e:
            yield ArticleError(src, f"WARC file broken after {n} record(s): {type(e).__name__}: {e}")


def _stream_error(e: BaseException, n: int) -> str:
    records = f"{n} record{'' if n == 1 else 's'}"
    if isinstance(e, (GzipCutShort, EOFError)):
        return f"gzip stream cut short after {records} (file truncated)"
    return f"corrupt gzip data after {records} ({e})"


def _record(rec, n: int, src: str, path: Path, published: Optional[str]) -> Iterator[Item]:
    uri = rec.rec_headers.get_header("WARC-Target-URI") or f"{path.name}#{n}"
    where = f"{src}#{display(uri)}"
    kind, ctype = "", ""
    if rec.rec_type == "response" and rec.http_headers is not None:
        status = rec.http_headers.get_statuscode()
        if not status or status.startswith("2"):  # redirects, errors: no article
            ctype = rec.http_headers.get_header("Content-Type") or ""
    elif rec.rec_type == "resource":
        ctype = rec.rec_headers.get_header("Content-Type") or ""
    kind = ctype.split(";")[0].strip().lower()
    data = b""
    try:
        if kind in PAGE_TYPES:
            data = rec.content_stream().read(MAX_BYTES + 1)
        raw = rec.raw_stream
        while raw.read(CHUNK):  # the rest of the record, to check it is all there
            pass
    except _STREAM_ERRORS:
        raise
    except Exception as e:  # one broken record never stops the file
        yield ArticleError(where, f"unreadable WARC record: {type(e).__name__}: {e}")
        return
    left = getattr(rec.raw_stream, "limit", None)
    if rec.length is None or left is None:
        yield ArticleError(where, "WARC record without a Content-Length (its header is cut short or broken)")
        return
    if left > 0:
        yield ArticleError(
            where, f"WARC record truncated: {rec.length - left:,} of its {rec.length:,} bytes (file cut short)"
        )
        return
    if kind not in PAGE_TYPES:
        return  # images, scripts, style sheets, redirects, request and metadata records
    if len(data) > MAX_BYTES:
        yield ArticleError(where, f"page too large (more than {mb(MAX_BYTES)} limit)")
        return
    try:
        repairs: list[str] = []
        text = decode_bytes(data, where, repairs, charset=_charset(ctype))
        if kind == "text/plain":
            yield Article(
                id=uri, text=text, source_path=src, url=uri, published=published, repairs=repairs, where=where
            )
        else:
            body, title, date, site = html_to_text(text, where)
            yield Article(
                id=uri,
                text=body,
                source_path=src,
                url=uri,
                title=title,
                source=site,
                published=published or date,
                repairs=repairs,
                where=where,
            )
    except ArticleError as e:
        yield e
    except Exception as e:
        yield ArticleError(where, f"unreadable WARC record: {type(e).__name__}: {e}")


def count(path: Path) -> Optional[int]:
    return None  # unknown without parsing
