"""Extraction for ``POST /api/articles``, away from the server's event loop and its readers.

By default one worker *process* holds the spaCy pipeline (loaded on the first article) and
extracts one article at a time; the server waits for it without blocking anything else. An
article that takes longer than ``timeout`` seconds is failed with that reason and the worker
is killed and replaced, so a pathological article can neither stall the readers (the
tokenizer holds the GIL, so a thread would not be enough) nor keep the worker busy.

The worker process runs the function that ``loader`` ("module:function") returns, by default
``pipeline_extract`` (article dict -> record dict). Given a *callable* instead of an import
path, returning a spaCy pipeline (the tests hand in the one they loaded), extraction runs in
one worker thread of this process, with the same interface and time limit.
"""

from __future__ import annotations

import importlib
import multiprocessing as mp
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from multiprocessing.connection import Connection
from typing import Any, Optional, Union

DEFAULT_LOADER = "newsgraph.web.extract:pipeline_extract"
DEFAULT_TIMEOUT = 60.0
LOAD_TIME = 120.0  # the first article also waits for the worker to load the pipeline


class ExtractError(Exception):
    """The article could not be extracted; the message says why (shown to the client)."""


def _load(loader: str):
    mod, _, fn = loader.partition(":")
    return getattr(importlib.import_module(mod), fn)()


def extract_with(nlp, article: dict) -> dict:
    """One article dict (``Article`` fields) -> its record dict, or ExtractError."""
    from ..article import Article
    from ..pipeline import process

    result = next(iter(process([Article(**article)], nlp)))
    if isinstance(result, Exception):
        raise ExtractError(str(result))
    return result.to_dict()


def pipeline_extract() -> Callable[[dict], dict]:
    """The worker's extraction function: newsgraph's spaCy pipeline, loaded once."""
    from ..pipeline import load_nlp

    nlp = load_nlp()
    return lambda article: extract_with(nlp, article)


def _worker(conn, loader: str) -> None:  # runs in the child process
    extract = None
    while True:
        try:
            article = conn.recv()
        except EOFError:
            return
        try:
            if extract is None:
                extract = _load(loader)
            conn.send(("ok", extract(article)))
        except Exception as e:  # reported to the server, the worker goes on
            conn.send(("error", str(e) or type(e).__name__))


class Extractor:
    """``run(article_dict) -> record dict``; one article at a time; ``close()`` stops the worker."""

    def __init__(self, loader: Union[str, Callable[[], Any], None] = None, timeout: float = DEFAULT_TIMEOUT):
        self.loader = loader or DEFAULT_LOADER
        self.timeout = timeout
        self._lock = threading.Lock()
        self._proc: Optional[mp.process.BaseProcess] = None
        self._conn: Optional[Connection] = None
        self._pool: Optional[ThreadPoolExecutor] = None
        self._nlp = None
        self._warm = False

    @property
    def in_process(self) -> bool:
        return isinstance(self.loader, str)

    def run(self, article: dict) -> dict:
        with self._lock:
            return self._run_process(article) if self.in_process else self._run_thread(article)

    # ----------------------------------------------------------------- worker process
    def _start(self) -> None:
        ctx = mp.get_context("spawn")  # a clean interpreter: no threads or sockets inherited
        parent, child = ctx.Pipe()
        self._proc = ctx.Process(target=_worker, args=(child, self.loader), daemon=True, name="newsgraph-extract")
        self._proc.start()
        child.close()
        self._conn = parent

    def _kill(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.join(5)
        if self._conn is not None:
            self._conn.close()
        self._proc = self._conn = None

    def _run_process(self, article: dict) -> dict:
        if self._proc is None or not self._proc.is_alive():
            self._kill()
            self._start()
        assert self._conn is not None
        try:
            self._conn.send(article)
            # the first article also loads the pipeline: give it time for that
            if not self._conn.poll(self.timeout + (0 if self._warm else LOAD_TIME)):
                self._kill()
                raise ExtractError(f"extraction took longer than {self.timeout:g} s: the article was not stored")
            status, value = self._conn.recv()
        except (EOFError, OSError, BrokenPipeError):
            self._kill()
            raise ExtractError("the extraction worker stopped on this article: it was not stored") from None
        self._warm = True
        if status == "error":
            raise ExtractError(value)
        return value

    # ----------------------------------------------------------------- worker thread
    def _run_thread(self, article: dict) -> dict:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsgraph-extract")

        def job():
            if self._nlp is None:
                self._nlp = self.loader()
            return extract_with(self._nlp, article)

        fut = self._pool.submit(job)
        try:
            return fut.result(timeout=self.timeout)
        except FutureTimeout:
            # a thread cannot be killed: it finishes in the background, its result is dropped
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
            raise ExtractError(f"extraction took longer than {self.timeout:g} s: the article was not stored") from None

    def close(self) -> None:
        self._kill()
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
