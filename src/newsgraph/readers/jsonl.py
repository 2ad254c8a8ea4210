"""``.jsonl`` and ``.jsonl.gz``: one article a line, ``{"text": ..., "id", "url", "title",
"published", "source"}`` (only ``text`` is required).

Every line is its own item: a line that is not JSON, nested too deeply, longer than
``limits.MAX_BYTES`` (skipped without holding it in memory), or not a valid article fails with
``file:LINE`` and the reason, and reading goes on with the next line. A UTF-8 byte-order mark is
skipped; a file that starts with a UTF-16 or UTF-32 mark is read in that encoding. A gzip
stream cut short fails at the line where it ends (the lines before it are kept)."""

from __future__ import annotations

import gzip
import io
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, Optional, Union

from ..article import ArticleError, article_from_dict
from ..limits import MAX_BYTES, mb
from .common import Item, decode_bytes, display, sniff_bom

CHUNK = 1 << 20


def _open(path: Path) -> BinaryIO:
    raw = open(path, "rb")
    if path.name.lower().endswith(".gz"):
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    return raw


def _stream_error(e: BaseException) -> str:
    if isinstance(e, EOFError):
        return "gzip stream cut short (file truncated)"
    if isinstance(e, (gzip.BadGzipFile, zlib.error)):
        return f"corrupt gzip data ({e})"
    if isinstance(e, UnicodeDecodeError):
        return f"cannot decode ({e.reason} at byte {e.start})"
    return f"cannot read file ({getattr(e, 'strerror', None) or e})"


def _ends_line(line: Union[bytes, str]) -> bool:
    return line.endswith(b"\n") if isinstance(line, bytes) else line.endswith("\n")


def lines(fh: BinaryIO) -> Iterator[tuple[int, Union[bytes, str, None]]]:
    """``(line number, line)`` for every line, at most ``MAX_BYTES`` held at once: a longer
    line comes as ``None`` (its bytes skipped). Lines are bytes, or str after a UTF-16/32 mark.
    Stream errors (truncated gzip, ...) propagate with the line number in ``.line``."""
    n = 1
    try:
        head = fh.peek(4)[:4] if hasattr(fh, "peek") else b""
    except (EOFError, OSError, zlib.error) as e:
        setattr(e, "line", n)  # noqa: B010  (the exception types have no such attribute declared)
        raise
    enc, _ = sniff_bom(head)
    src: Union[BinaryIO, io.TextIOWrapper] = fh
    limit = MAX_BYTES
    if enc and not enc.startswith("utf-8"):  # the utf-16/utf-32 codecs read the mark themselves
        src = io.TextIOWrapper(fh, encoding=enc[:6], newline="\n")
        limit = MAX_BYTES // 2  # characters
    n = 0
    while True:
        n += 1
        try:
            line = src.readline(limit + 1)
            if not line:
                return
            if len(line) > limit and not _ends_line(line):
                while True:  # skip the rest of the line, a chunk at a time
                    rest = src.readline(CHUNK)
                    if not rest or _ends_line(rest):
                        break
                yield n, None
                continue
        except (EOFError, OSError, zlib.error, UnicodeDecodeError) as e:
            setattr(e, "line", n)  # noqa: B010
            raise
        yield n, line


def read(path: Path, published: Optional[str] = None) -> Iterator[Item]:
    where = display(path)
    default_name = display(path.name)
    try:
        fh = _open(path)
    except OSError as e:
        yield ArticleError(where, f"cannot read file ({e.strerror or e})")
        return
    with fh:
        try:
            for n, line in lines(fh):
                at = f"{where}:{n}"
                if line is None:
                    yield ArticleError(at, f"line too long (more than {mb(MAX_BYTES)} limit)")
                    continue
                item = _parse(line, n, at, where, default_name, published)
                if item is not None:
                    yield item
        except (EOFError, OSError, zlib.error, UnicodeDecodeError) as e:
            yield ArticleError(f"{where}:{getattr(e, 'line', '?')}", _stream_error(e))


def _parse(
    line: Union[bytes, str], n: int, at: str, where: str, default_name: str, published: Optional[str]
) -> Optional[Item]:
    repairs: list[str] = []
    try:
        if isinstance(line, bytes):
            if n == 1 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            if not line.strip():
                return None
            line = decode_bytes(line, at, repairs)
        elif not line.strip():
            return None
        try:
            d = json.loads(line)
        except json.JSONDecodeError as e:
            return ArticleError(at, f"invalid JSON ({e.msg}, column {e.colno})")
        except RecursionError:
            return ArticleError(at, "invalid JSON (nested too deeply)")
        except (ValueError, MemoryError) as e:  # e.g. an integer with more than 4,300 digits
            return ArticleError(at, f"invalid JSON ({type(e).__name__}: {e})")
        if isinstance(d, dict):
            if d.get("source_path") in (None, ""):
                d["source_path"] = where
            if published and d.get("published") in (None, "") and d.get("date") in (None, ""):
                d["published"] = published
            if repairs:
                d["repairs"] = repairs
        return article_from_dict(d, at, f"{default_name}:{n}")
    except ArticleError as e:
        return e


def count(path: Path) -> Optional[int]:
    """Non-blank lines, read in chunks (a huge line costs no memory)."""
    n = 0
    pending = False  # the current (unfinished) line has content
    try:
        with _open(path) as fh:
            while True:
                chunk = fh.read(CHUNK)
                if not chunk:
                    break
                parts = chunk.split(b"\n")
                for part in parts[:-1]:
                    if pending or part.strip():
                        n += 1
                    pending = False
                pending = pending or bool(parts[-1].strip())
    except (EOFError, OSError, zlib.error):
        return None
    return n + pending
