"""The engine-agnostic step shared by every runner: articles in, one result per article out (a
``Record``, or an ``ArticleError`` saying why not), each article under the time limit."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Optional, Union

from ..article import Article, ArticleError
from ..limits import TIME_LIMIT
from ..record import Record

Result = Union[Record, ArticleError]


def extract_batch(nlp, articles: Iterable[Article], time_limit: Optional[float] = TIME_LIMIT) -> list[Result]:
    """Run the pipeline over ``articles``; one Record or ArticleError per article, in order."""
    from ..pipeline import extract_one

    return [extract_one(nlp, a, time_limit) for a in articles]


def worker_init(model: Optional[str]):
    """In a worker process: load the pipeline once (its state for ``worker_extract``)."""
    from ..pipeline import load_nlp

    return load_nlp(model)


def worker_extract(nlp, job: tuple[Article, Optional[float]]) -> Result:
    """In a worker process: one article under the time limit (checked inside the worker too,
    so a slow article usually fails without the worker being killed and reloaded)."""
    from ..pipeline import extract_one

    article, time_limit = job
    return extract_one(nlp, article, time_limit)
