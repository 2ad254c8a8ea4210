"""``.html`` / ``.htm``: the main text of the page (trafilatura), with its title, date and site name.

Finding the main text can cost time and memory far beyond the page's size (trafilatura grows
faster than linearly on some pages), so it runs in a helper process (``newsgraph.isolation``)
that is stopped after ``limits.HTML_TIME_LIMIT`` seconds or above ``limits.HTML_MEMORY_MB`` MB:
the page then fails with that reason and the batch goes on. WARC records and long feed items
use the same ``html_to_text``."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Optional

from ..article import Article, ArticleError, normalise_date
from ..isolation import Helper, LimitExceeded
from ..limits import HTML_MEMORY_MB, HTML_TIME_LIMIT
from .common import Item, decode_bytes, display, read_file
from .plain import dated_from_name


def _load(_=None) -> None:
    import trafilatura  # noqa: F401  (imported once per helper process)


def _main_text(_state, html: str) -> tuple[Optional[str], Optional[str], Optional[str], Optional[str]]:
    """In the helper process: (main text, title, date, site name) of a page."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
    title = date = site = None
    try:
        meta = trafilatura.extract_metadata(html)
        if meta is not None:
            title, date, site = meta.title, meta.date, meta.sitename
    except Exception:  # metadata is a bonus; the text is what matters
        pass
    return text, title, date, site


_helper: Optional[Helper] = None
_lock = threading.Lock()


def html_to_text(html: str, where: str) -> tuple[str, Optional[str], Optional[str], Optional[str]]:
    """Main text, title, date (``YYYY-MM-DD`` or None) and site name (the outlet: ``og:site_name``
    and the like, or None) of an HTML page; ``ArticleError`` when there is no text, or finding it
    overran the limits."""
    global _helper
    with _lock:
        if _helper is None:
            _helper = Helper(_main_text, _load, seconds=HTML_TIME_LIMIT, memory_mb=HTML_MEMORY_MB)
        try:
            text, title, date, site = _helper(html)
        except LimitExceeded as e:
            raise ArticleError(where, f"finding the text of this HTML page {e}") from None
        except RuntimeError as e:
            raise ArticleError(where, f"cannot read this HTML page ({e})") from None
    if not text or not text.strip():
        raise ArticleError(where, "no article text found in HTML")
    site = " ".join(site.split())[:200] if isinstance(site, str) else None
    return text, title, normalise_date(date), site or None


def read(path: Path, published: Optional[str] = None) -> Iterator[Item]:
    where = display(path)
    repairs: list[str] = []
    html = decode_bytes(read_file(path, where), where, repairs)
    text, title, date, site = html_to_text(html, where)
    yield Article(
        id=display(path.name),
        text=text,
        source_path=where,
        title=title,
        source=site,
        published=dated_from_name(published or date, path.name, repairs),
        repairs=repairs,
        where=where,
    )


def count(path: Path) -> Optional[int]:
    return 1
