"""The engine-agnostic step shared by every runner: a batch of articles in, one result per
article out (a ``Record``, or a ``Failure`` saying why not), in input order."""
from __future__ import annotations

import os
import threading
import time
from dataclasses import asdict, dataclass
from typing import Iterable, Optional, Union

from ..article import Article, ArticleError
from ..record import Record


@dataclass
class Failure:
    """An article that could not be extracted. (Plain data, so it crosses process boundaries;
    ``ArticleError`` itself does not unpickle.)"""

    source: str
    reason: str

    @classmethod
    def of(cls, err: ArticleError) -> "Failure":
        return cls(err.source, err.reason)

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


Result = Union[Record, Failure]


def article_to_dict(a: Article) -> dict:
    return asdict(a)


def article_from_dict(d: dict) -> Article:
    return Article(**{k: d.get(k) for k in ("id", "text", "source_path", "url", "title", "published", "source")})


def extract_batch(nlp, articles: Iterable[Article], batch_size: int = 32) -> list[Result]:
    """Run the pipeline over ``articles``; one Record or Failure per article, in order."""
    from ..pipeline import process

    out: list[Result] = []
    for r in process(list(articles), nlp, batch_size=batch_size):
        out.append(Failure.of(r) if isinstance(r, ArticleError) else r)
    return out


def source_of(a: Article) -> str:
    return a.source_path or a.url or a.id


_NLP = None
_MODEL: Optional[str] = None


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:  # a zombie (killed, not yet reaped) counts as dead
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
    except OSError:  # no /proc: ask the kernel
        try:
            os.kill(pid, 0)
            return True
        except ProcessLookupError:
            return False
        except PermissionError:
            return True


def _watch_parent(pid: int, every: float = 1.0) -> None:
    while True:
        time.sleep(every)
        if not _alive(pid):
            os._exit(1)  # the ingest process is gone (e.g. kill -9): don't linger as an orphan


def worker_init(model: Optional[str], parent_pid: Optional[int] = None) -> None:
    """Process-pool initializer: load the pipeline once per worker process; exit when the
    parent (the ingest process) dies."""
    global _NLP, _MODEL
    from ..pipeline import load_nlp

    if parent_pid:
        threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()
    _NLP, _MODEL = load_nlp(model), model


def worker_extract(articles: list[Article], batch_size: int = 32) -> list[Result]:
    """Process-pool task: ``extract_batch`` with the worker's pipeline."""
    if _NLP is None:
        worker_init(_MODEL)
    return extract_batch(_NLP, articles, batch_size)
