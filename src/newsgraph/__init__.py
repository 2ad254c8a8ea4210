"""newsgraph: who said what, who did what to whom, where and when, from news articles.

    >>> import newsgraph
    >>> rec = newsgraph.extract('"We will not retreat," Anna Novak said on Monday.', published="2024-03-06")
    >>> rec.quotes[0].text
    'We will not retreat,'

``extract`` returns a ``newsgraph.record.Record``; ``rec.to_dict()`` is the JSON shape
documented in docs/output.md.
"""

from __future__ import annotations

from typing import Optional

from .about import __version__


def extract(
    text: str,
    published: Optional[str] = None,
    *,
    id: str = "text",
    title: Optional[str] = None,
    url: Optional[str] = None,
    source: Optional[str] = None,
    model: Optional[str] = None,
):
    """Extract one article's record from its text. ``published`` is an ISO date (YYYY-MM-DD)
    against which relative dates ("late Sunday") are resolved; without it they stay null.
    Raises ``newsgraph.article.ArticleError`` for input the contract refuses (docs/output.md)."""
    from .article import Article
    from .pipeline import extract_one, load_nlp

    art = Article(id=id, text=text, title=title, url=url, source=source, published=published)
    result = extract_one(load_nlp(model), art)
    if isinstance(result, Exception):
        raise result
    return result


__all__ = ["extract", "__version__"]
