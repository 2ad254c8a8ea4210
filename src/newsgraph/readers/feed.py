"""``.rss`` / ``.atom`` (and an ``.xml`` file named explicitly), via ``feedparser`` on the
saved file (nothing is fetched): every item becomes an article with its title, link, date, the
feed's title as outlet, and as text the item's full content when present, else its summary.
A feed file is read up to ``limits.MAX_BYTES``; items are named ``file#N`` (the Nth item)."""

from __future__ import annotations

import datetime as _dt
import html as _html
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Optional

from ..article import Article, ArticleError, normalise_date, one_line
from .common import Item, display, read_file
from .html import html_to_text

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
                return normalise_date(_dt.date(t.tm_year, t.tm_mon, t.tm_mday).isoformat())
            except ValueError:
                continue
    return normalise_date(entry.get("published") or entry.get("updated"))


def read(path: Path, published: Optional[str] = None) -> Iterator[Item]:
    import feedparser

    src = display(path)
    data = read_file(path, src)
    feed = feedparser.parse(data)  # bytes in: feedparser never touches the network
    if not feed.entries:
        reason = f"not an RSS/Atom feed ({one_line(feed.bozo_exception)})" if feed.get("bozo") else "feed has no items"
        yield ArticleError(src, reason)
        return
    outlet = (feed.feed.get("title") or "").strip() or None
    for n, entry in enumerate(feed.entries, 1):
        link = entry.get("link")
        where = f"{src}#{n}"
        try:
            yield Article(
                id=str(entry.get("id") or link or f"{display(path.name)}:{n}"),
                text=_entry_text(entry, where),
                source_path=src,
                url=link,
                title=(entry.get("title") or None),
                published=_entry_date(entry) or published,
                source=outlet,
                where=where,
            )
        except ArticleError as e:
            yield e
        except Exception as e:
            yield ArticleError(where, f"unreadable feed item: {type(e).__name__}: {e}")


def count(path: Path) -> Optional[int]:
    return None
