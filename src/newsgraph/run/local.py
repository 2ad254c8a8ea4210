"""Run extraction on this machine: in this process (``workers=1``), or in ``workers`` worker
processes that each load the spaCy pipeline once (an initializer), fed bounded chunks so memory
stays flat however long the input. Results come back in input order."""
from __future__ import annotations

import multiprocessing as mp
import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Iterable, Iterator, Optional

from ..article import Article
from .core import Failure, Result, extract_batch, source_of, worker_extract, worker_init


def _chunks(it: Iterable, n: int) -> Iterator[list]:
    it = iter(it)
    while True:
        chunk = list(islice(it, n))
        if not chunk:
            return
        yield chunk


def run_local(articles: Iterable[Article], *, workers: int = 1, model: Optional[str] = None, batch_size: int = 32,
              chunk_size: int = 8, nlp=None) -> Iterator[tuple[Article, Result]]:
    """Yield ``(article, Record | Failure)`` for every article, in input order."""
    if workers <= 1:
        if nlp is None:
            from ..pipeline import load_nlp

            nlp = load_nlp(model)
        # small chunks keep the store's writes close behind extraction (a kill loses little work)
        for chunk in _chunks(articles, max(1, min(batch_size, chunk_size * 2))):
            yield from zip(chunk, extract_batch(nlp, chunk, batch_size))
        return

    ctx = mp.get_context("forkserver")

    def new_pool():
        return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=worker_init,
                                   initargs=(model, os.getpid()))

    pools = [new_pool()]  # pools[-1] is the live one; a dead pool is replaced once
    inflight: deque = deque()

    def collect():
        chunk, fut, pool = inflight.popleft()
        try:
            return list(zip(chunk, fut.result()))
        except BrokenProcessPool:
            # a worker died (out of memory, a crash in native code): its chunk and the chunks
            # queued with it fail, each named; the run goes on with a fresh pool
            if pool is pools[-1]:
                pool.shutdown(wait=False, cancel_futures=True)
                pools.append(new_pool())
            return [(a, Failure(source_of(a), "worker process died while extracting this batch"))
                    for a in chunk]

    try:
        for chunk in _chunks(articles, chunk_size):
            inflight.append((chunk, pools[-1].submit(worker_extract, chunk, batch_size), pools[-1]))
            while len(inflight) >= 2 * workers:
                yield from collect()
        while inflight:
            yield from collect()
    finally:
        for _, fut, _ in inflight:
            fut.cancel()
        pools[-1].shutdown(wait=True, cancel_futures=True)
