"""Run extraction on this machine: in this process (``workers=1``), or in ``workers`` worker
processes that each load the spaCy pipeline once.

Each worker is given one article at a time (``newsgraph.isolation.Worker``), so every result is
known the moment it is ready and every article has its own clock: an article still running
``GRACE`` seconds after the time limit has its worker killed (the article fails with "took
longer than N s") and a fresh worker takes the place; a worker that dies (out of memory, a
crash in native code) fails only the article it held. Results come in the order they finish,
so a slow article never holds finished ones back; at most one article per worker is in flight,
so memory stays flat however long the input.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import wait
from typing import Optional

from ..article import Article, ArticleError
from ..isolation import Worker, rss_mb
from ..limits import TIME_LIMIT
from .core import Result, worker_extract, worker_init

GRACE = 10.0  # seconds past the time limit before a worker is killed (it usually stops itself)
MAX_START_FAILURES = 3  # workers that die while starting, in a row, before the run gives up


class WorkerStartError(RuntimeError):
    """The worker processes cannot start (e.g. the model is missing)."""


def run_local(
    articles: Iterable[Article],
    *,
    workers: int = 1,
    model: Optional[str] = None,
    time_limit: Optional[float] = TIME_LIMIT,
    nlp=None,
    memory_mb: Optional[float] = None,
    fn: Callable = worker_extract,
    init: Callable = worker_init,
    init_args: Optional[tuple] = None,
    grace: float = GRACE,
) -> Iterator[tuple[Article, Result]]:
    """Yield ``(article, Record | ArticleError)`` for every article: in input order with one
    worker (in this process), in the order they finish with several. ``memory_mb``: a worker
    whose resident memory grows above it is killed and its article failed. ``fn``/``init``:
    the work done in each worker process (tests swap them); ``grace``: seconds past the time
    limit before a worker is killed."""
    if workers <= 1:
        from ..pipeline import extract_one, load_nlp

        nlp = nlp if nlp is not None else load_nlp(model)
        for a in articles:
            yield a, extract_one(nlp, a, time_limit)
        return
    yield from _run_pool(
        articles, workers, time_limit, memory_mb, fn, init, init_args if init_args is not None else (model,), grace
    )


class _Slot:
    def __init__(self, fn, init, init_args):
        self.worker = Worker(fn, init, init_args)
        self.job: Optional[Article] = None

    def send(self, article: Article, time_limit: Optional[float]) -> None:
        self.job = article
        self.worker.send((article, time_limit))


def _run_pool(articles, n, time_limit, memory_mb, fn, init, init_args, grace) -> Iterator[tuple[Article, Result]]:
    it = iter(articles)
    retry: deque = deque()
    exhausted = False
    start_failures = 0
    hard_limit = time_limit + grace if time_limit else None

    def next_article() -> Optional[Article]:
        nonlocal exhausted
        if retry:
            return retry.popleft()
        if exhausted:
            return None
        try:
            return next(it)
        except StopIteration:
            exhausted = True
            return None

    def feed() -> None:
        for s in slots:
            if s.worker.ready and s.job is None:
                a = next_article()
                if a is None:
                    return
                s.send(a, time_limit)

    def replace(s: _Slot) -> None:
        s.worker.kill()
        s.worker = Worker(fn, init, init_args)
        s.job = None

    first = next_article()
    if first is None:  # nothing to extract (only errors, or duplicates): start no worker
        return
    retry.append(first)
    slots = [_Slot(fn, init, init_args) for _ in range(n)]
    try:
        while True:
            feed()
            if exhausted and not retry and all(s.job is None for s in slots):
                return
            now = time.monotonic()
            timeout = 0.5
            if hard_limit:
                for s in slots:
                    if s.job is not None and s.worker.busy_since is not None:
                        timeout = min(timeout, max(0.0, s.worker.busy_since + hard_limit - now))
            waitables = [s.worker.conn for s in slots] + [s.worker.process.sentinel for s in slots]
            ready = set(wait(waitables, timeout=timeout))
            out: list[tuple[Article, Result]] = []
            now = time.monotonic()
            for s in slots:
                w, job = s.worker, s.job
                msg = None
                if w.conn in ready:
                    try:
                        msg = w.conn.recv()
                    except (EOFError, OSError):
                        msg = None
                if msg is not None:
                    tag, value = msg
                    if tag == "ready":
                        w.ready, start_failures = True, 0
                    elif tag == "init_error":
                        raise WorkerStartError(f"a worker process could not start: {value}")
                    elif job is not None:
                        out.append(
                            (
                                job,
                                value
                                if tag == "ok"
                                else ArticleError(job.where or job.id, f"extraction failed: {value}"),
                            )
                        )
                        s.job, w.busy_since = None, None
                    continue
                if w.process.sentinel in ready or not w.process.is_alive():
                    w.process.join(1)
                    if not w.ready:
                        start_failures += 1
                        if start_failures >= MAX_START_FAILURES:
                            raise WorkerStartError(
                                f"worker processes die while starting (exit code {w.process.exitcode})"
                            )
                    if job is not None:
                        out.append(
                            (
                                job,
                                ArticleError(
                                    job.where or job.id,
                                    "worker process died while extracting "
                                    "this article (out of memory, or a crash in native code)",
                                ),
                            )
                        )
                    replace(s)
                    continue
                if job is None or w.busy_since is None:
                    continue
                if hard_limit and now - w.busy_since > hard_limit:
                    out.append((job, ArticleError(job.where or job.id, f"took longer than {time_limit:g} s")))
                    replace(s)
                elif memory_mb and rss_mb(w.pid) > memory_mb:
                    out.append((job, ArticleError(job.where or job.id, f"used more than {memory_mb:g} MB of memory")))
                    replace(s)
            feed()  # keep the workers busy while the caller handles these results
            yield from out
    finally:
        for s in slots:
            if s.job is not None:
                s.worker.kill()
            else:
                s.worker.close()


class Extractor:
    """Extraction of one article at a time in a worker process, hard-bounded: for a server that
    extracts what is posted off its event loop (a thread cannot be interrupted, a process can).

        extractor = Extractor(model=None, time_limit=120)
        result = extractor(article)     # Record, or ArticleError ("took longer than 120 s", ...)
        extractor.close()

    The worker loads the pipeline on first use and is replaced after a kill. Thread-safe (calls
    are served one at a time)."""

    def __init__(
        self,
        model: Optional[str] = None,
        time_limit: Optional[float] = TIME_LIMIT,
        memory_mb: Optional[float] = None,
        grace: float = GRACE,
        fn: Callable = worker_extract,
        init: Callable = worker_init,
        init_args: Optional[tuple] = None,
    ):
        import threading

        from ..isolation import Helper

        self.time_limit = time_limit
        self._helper = Helper(
            fn,
            init,
            init_args if init_args is not None else (model,),
            seconds=time_limit + grace if time_limit else None,
            memory_mb=memory_mb,
        )
        self._lock = threading.Lock()

    def __call__(self, article: Article) -> Result:
        from ..isolation import LimitExceeded

        where = article.where or article.id
        with self._lock:
            try:
                return self._helper((article, self.time_limit))
            except LimitExceeded as e:
                reason = str(e)
                if reason.startswith("took longer") and self.time_limit:
                    reason = f"took longer than {self.time_limit:g} s"
                return ArticleError(where, reason)
            except RuntimeError as e:
                return ArticleError(where, f"extraction failed: {e}")

    def close(self) -> None:
        with self._lock:
            self._helper.close()
