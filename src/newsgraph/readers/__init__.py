"""Readers: files in, ``Article`` (or ``ArticleError``) values out, one reader per format.

    for item in read_path("articles/"):     # a file or a directory (recursively, sorted)
        if isinstance(item, ArticleError): ...   # one bad item: named, with the reason
        else: ...                                # an Article, checked by the input contract

``READERS`` is the one suffix table. A directory scan takes the files whose names end with one
of its suffixes; a file named explicitly is read by its suffix, ``.xml`` as a feed, anything
else as plain text. An article that names no outlet gets ``source`` (the user's ``--source``),
else, for a one-article file (``.txt``, ``.html``), the outlet its file name opens with
(``readers.plain.source_from_name``). Readers never raise for one bad item, so a batch reports the broken ones
and goes on; every size they read is bounded (``newsgraph.limits``).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Optional, Union

from ..article import Article, ArticleError
from . import feed, html, jsonl, text, warc
from .common import Item, display
from .plain import sourced_from_name

SINGLE = (text, html)  # one article a file: its name may name the outlet

# suffix -> reader module (``read(path, published)`` and ``count(path)``); longest match first
READERS: dict[str, object] = {
    ".jsonl.gz": jsonl,
    ".jsonl": jsonl,
    ".warc.gz": warc,
    ".warc": warc,
    ".html": html,
    ".htm": html,
    ".rss": feed,
    ".atom": feed,
    ".txt": text,
}
EXPLICIT: dict[str, object] = {".xml": feed}  # read only when the file is named explicitly
SUFFIXES = tuple(READERS)


def reader_for(name: str, explicit: bool = True):
    """The reader module for a file name (None: not an input file in a directory scan)."""
    low = name.lower()
    for table in (READERS, EXPLICIT) if explicit else (READERS,):
        for suffix, reader in table.items():
            if low.endswith(suffix):
                return reader
    return text if explicit else None


def iter_files(path: Path) -> Iterator[Union[Path, ArticleError]]:
    """The input files in ``path`` (itself when it is a file), sorted, recursively; what cannot
    be read (a directory without permission, a FIFO named like an input) comes as an error.
    Hidden files and hidden directories inside it (``.git``, ``.venv``) are not read."""
    if not path.is_dir():
        yield path
        return
    errors: list[OSError] = []
    for root, dirs, files in os.walk(path, onerror=errors.append):
        while errors:
            e = errors.pop(0)
            yield ArticleError(display(e.filename or root), f"cannot read directory ({e.strerror or e})")
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or reader_for(name, explicit=False) is None:
                continue
            f = Path(root) / name
            try:
                mode = f.stat().st_mode
            except OSError as e:  # a dangling symbolic link
                yield ArticleError(display(f), f"cannot read file ({e.strerror or e})")
                continue
            if not stat.S_ISREG(mode):
                yield ArticleError(display(f), "not a regular file (a pipe, socket or device), skipped")
                continue
            yield f
    for err in errors:
        yield ArticleError(display(err.filename or path), f"cannot read directory ({err.strerror or err})")


def read_file(
    f: Path, published: Optional[str] = None, explicit: bool = True, source: Optional[str] = None
) -> Iterator[Item]:
    """Every item of one file; never raises. An article naming no outlet gets ``source``, else
    (one-article files) the outlet the file name opens with."""
    reader = reader_for(f.name, explicit)
    if reader is None:
        return
    try:
        for item in reader.read(f, published):
            if isinstance(item, Article) and not item.source:
                if source:
                    item.source = source
                elif reader in SINGLE:
                    item.source = sourced_from_name(f.name, item.repairs)
            yield item
    except ArticleError as e:
        yield e
    except Exception as e:  # never let one file stop a batch
        yield ArticleError(display(f), f"unexpected error: {type(e).__name__}: {e}")


def read_path(path: Union[str, Path], published: Optional[str] = None, source: Optional[str] = None) -> Iterator[Item]:
    """Every article in a file or directory; errors are yielded, not raised."""
    if not str(path).strip():
        # Path("") is the current directory: an empty argument (an unset shell variable) must
        # not read every file under it
        yield ArticleError("''", "an empty path; give a file or a directory ('.' for this one)")
        return
    path = Path(path)
    if not path.exists():
        yield ArticleError(display(path), "no such file or directory")
        return
    for f in iter_files(path):
        if isinstance(f, ArticleError):
            yield f
        else:
            yield from read_file(f, published, source=source)


def count_items(paths) -> Optional[int]:
    """How many items the sources hold (for a progress bar's ETA); None when unknown."""
    n = 0
    for s in paths:
        p = Path(s)
        if not str(s).strip() or not p.exists():
            continue
        for f in iter_files(p):
            if isinstance(f, ArticleError):
                continue
            reader = reader_for(f.name)
            c = reader.count(f) if reader is not None else None
            if c is None:
                return None
            n += c
    return n


__all__ = [
    "Article",
    "ArticleError",
    "READERS",
    "SUFFIXES",
    "count_items",
    "iter_files",
    "read_file",
    "read_path",
    "reader_for",
]
