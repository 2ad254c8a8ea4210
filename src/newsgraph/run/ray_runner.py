"""Run extraction on Ray (``pip install 'newsgraph[ray]'``): a Ray Data pipeline whose
``map_batches`` stage is an actor class that loads the spaCy pipeline once per actor and calls
the same ``extract_batch`` as the local runner.

Local machine: ``ray.init(num_cpus=workers)`` starts a private Ray instance (no dashboard).
Cluster: ``--address auto`` (on a cluster node) or ``ray://head:10001``; every node needs
newsgraph installed (the same version).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Optional

from ..article import Article, ArticleError, article_from_dict
from ..limits import TIME_LIMIT
from ..record import Record
from .core import Result, extract_batch


class RayExtractor:
    """The ``map_batches`` callable: one spaCy pipeline per Ray actor."""

    def __init__(self, model: Optional[str] = None, time_limit: Optional[float] = TIME_LIMIT):
        from ..pipeline import load_nlp

        self.nlp = load_nlp(model)
        self.time_limit = time_limit

    def __call__(self, batch: dict) -> dict:
        arts = [article_from_dict(json.loads(a)) for a in batch["article"]]
        records, errors = [], []
        for r in extract_batch(self.nlp, arts, self.time_limit):
            if isinstance(r, ArticleError):
                records.append("")
                errors.append(r.reason)
            else:
                records.append(json.dumps(r.to_dict(), ensure_ascii=False))
                errors.append("")
        return {"article": list(batch["article"]), "record": records, "error": errors}


def _ray():
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise RuntimeError("the Ray engine needs Ray: pip install 'newsgraph[ray]'") from None
    return ray


def init_ray(address: Optional[str] = None, workers: int = 2):
    ray = _ray()
    if not ray.is_initialized():
        if address:
            ray.init(address=address, log_to_driver=False)
        else:
            ray.init(num_cpus=max(1, workers), include_dashboard=False, log_to_driver=False, configure_logging=False)
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    ctx.execution_options.preserve_order = False
    return ray


def _dataset(
    articles: list[Article],
    workers: int,
    model: Optional[str],
    batch_size: int,
    time_limit: Optional[float] = TIME_LIMIT,
):
    ray = _ray()
    items = [{"article": json.dumps(a.to_dict(), ensure_ascii=False)} for a in articles]
    ds = ray.data.from_items(items, override_num_blocks=max(1, min(len(items), workers * 4)))
    return ds.map_batches(
        RayExtractor,
        fn_constructor_kwargs={"model": model, "time_limit": time_limit},
        batch_size=batch_size,
        compute=ray.data.ActorPoolStrategy(size=max(1, workers)),
        num_cpus=1,
        batch_format="default",
    )


def run_ray(
    articles: Iterable[Article],
    *,
    workers: int = 2,
    model: Optional[str] = None,
    batch_size: int = 16,
    address: Optional[str] = None,
    block: int = 5000,
    time_limit: Optional[float] = TIME_LIMIT,
) -> Iterator[tuple[Article, Result]]:
    """Yield ``(article, Record | ArticleError)`` for every article (order not kept). Articles
    are sent to Ray ``block`` at a time, so the driver's memory stays bounded. ``time_limit`` is
    passed to ``extract_one`` in the actors, but Ray runs actor methods outside the main thread,
    where ``limits.deadline`` cannot interrupt: with Ray there is no time limit per article."""
    init_ray(address, workers)
    it = iter(articles)
    while True:
        chunk = list(islice(it, block))
        if not chunk:
            return
        for batch in _dataset(chunk, workers, model, batch_size, time_limit).iter_batches(
            batch_size=batch_size, batch_format="default"
        ):
            for a, rec, err in zip(batch["article"], batch["record"], batch["error"]):
                art = article_from_dict(json.loads(a))
                yield art, (ArticleError(art.where or art.id, err) if err else Record.from_dict(json.loads(rec)))


def write_parquet(
    articles: Iterable[Article],
    out_dir: str,
    *,
    workers: int = 2,
    model: Optional[str] = None,
    batch_size: int = 16,
    address: Optional[str] = None,
    time_limit: Optional[float] = TIME_LIMIT,
) -> None:
    """Extract with Ray and write Parquet partitions (columns article, record, error: JSON text)
    to ``out_dir`` (a local path, or any filesystem URI Ray/pyarrow can write, e.g. s3://...)."""
    init_ray(address, workers)
    _dataset(list(articles), workers, model, batch_size, time_limit).write_parquet(out_dir)
