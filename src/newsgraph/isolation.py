"""Work in helper processes that can be stopped: a hard bound on time and memory.

A ``Worker`` is one long-lived process (``forkserver``: a clean, small parent to fork from)
that builds its state once (``init(*init_args)``, e.g. load the spaCy pipeline) and then runs
``fn(state, payload)`` for each payload it is sent, answering each with ``("ok", result)`` or
``("error", "Type: message")``. The parent decides when a worker has run too long or grown too
big and kills it (SIGKILL): whatever it was doing fails with that reason and a fresh worker
takes its place. Workers exit by themselves when the parent process dies.

``Helper`` wraps one Worker for synchronous calls with a time and memory limit (HTML -> text
in the readers); ``newsgraph.run.local`` drives several Workers for extraction.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import wait
from typing import Any, Optional


class LimitExceeded(Exception):
    """The work took too long, used too much memory, or its process died; ``str()`` says which."""


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


def watch_parent(pid: int, every: float = 1.0) -> None:
    """In a worker: exit as soon as process ``pid`` (the parent) is gone (e.g. kill -9), so no
    orphan lingers. Runs in a daemon thread."""

    def loop():
        while True:
            time.sleep(every)
            if not _alive(pid):
                os._exit(1)

    threading.Thread(target=loop, daemon=True).start()


def rss_mb(pid: Optional[int]) -> float:
    """Resident memory of process ``pid`` in MB (0 when unknown)."""
    if pid is None:
        return 0.0
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError, IndexError):
        return 0.0


def _serve(conn, init: Optional[Callable], init_args: tuple, fn: Callable, parent_pid: int) -> None:
    watch_parent(parent_pid)
    try:
        state = init(*init_args) if init is not None else None
    except BaseException as e:  # the worker cannot work (e.g. the model is missing): say why, stop
        conn.send(("init_error", f"{type(e).__name__}: {e}"))
        return
    conn.send(("ready", None))
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        try:
            answer = ("ok", fn(state, msg))
        except MemoryError:
            answer = ("error", "MemoryError: ran out of memory")
        except BaseException as e:
            answer = ("error", f"{type(e).__name__}: {e}")
        try:
            conn.send(answer)
        except Exception as e:  # an answer that does not pickle
            conn.send(("error", f"cannot send the result back: {type(e).__name__}: {e}"))


class Worker:
    """One helper process. ``send(payload)`` starts a job (only when ``idle``); the answer
    arrives on ``conn`` (``recv()``): ``("ready", None)`` once after start, then
    ``("ok", result)`` / ``("error", reason)`` per job, or ``("init_error", reason)``."""

    def __init__(
        self, fn: Callable, init: Optional[Callable] = None, init_args: tuple = (), context: str = "forkserver"
    ):
        ctx = mp.get_context(context)
        self.conn, child = ctx.Pipe(duplex=True)
        self.process = ctx.Process(  # type: ignore[attr-defined]
            target=_serve, args=(child, init, init_args, fn, os.getpid()), daemon=True
        )
        self.process.start()
        child.close()
        self.ready = False
        self.busy_since: Optional[float] = None  # when the current job started (None: no job)

    @property
    def pid(self) -> Optional[int]:
        return self.process.pid

    def send(self, payload: Any) -> None:
        self.conn.send(payload)
        if self.ready:
            self.busy_since = time.monotonic()

    def kill(self) -> None:
        """Stop the process now (SIGKILL) and reap it."""
        try:
            self.process.kill()
            self.process.join(5)
        except Exception:
            pass
        self.conn.close()

    def close(self) -> None:
        """Ask the process to finish, then make sure it has."""
        try:
            self.conn.send(None)
        except Exception:
            pass
        self.process.join(2)
        if self.process.is_alive():
            self.kill()
        else:
            self.conn.close()


class Helper:
    """A Worker for one call at a time, with limits: ``helper(payload)`` returns ``fn(state,
    payload)`` or raises ``LimitExceeded`` (too slow, too big, died: the worker is then
    replaced) or ``RuntimeError`` (``fn`` raised: its type and message). Not thread-safe."""

    def __init__(
        self,
        fn: Callable,
        init: Optional[Callable] = None,
        init_args: tuple = (),
        *,
        seconds: Optional[float] = None,
        memory_mb: Optional[float] = None,
    ):
        self.fn, self.init, self.init_args = fn, init, init_args
        self.seconds, self.memory_mb = seconds, memory_mb
        self.worker: Optional[Worker] = None

    def _start(self) -> Worker:
        w = Worker(self.fn, self.init, self.init_args)
        tag, reason = _recv(w, 120.0, None)
        if tag != "ready":
            w.kill()
            raise RuntimeError(f"helper process could not start: {reason}")
        w.ready = True
        return w

    def __call__(self, payload: Any) -> Any:
        if self.worker is None or not self.worker.process.is_alive():
            self.worker = self._start()
        w = self.worker
        w.send(payload)
        try:
            tag, value = _recv(w, self.seconds, self.memory_mb)
        except LimitExceeded:
            self.worker = None
            w.kill()
            raise
        w.busy_since = None
        if tag == "ok":
            return value
        raise RuntimeError(value)

    def close(self) -> None:
        if self.worker is not None:
            self.worker.close()
            self.worker = None


def _recv(w: Worker, seconds: Optional[float], memory_mb: Optional[float]) -> tuple:
    """The worker's next answer, waiting at most ``seconds`` and while its memory stays under
    ``memory_mb``; else ``LimitExceeded``."""
    start = time.monotonic()
    while True:
        left = None if seconds is None else seconds - (time.monotonic() - start)
        if left is not None and left <= 0:
            raise LimitExceeded(f"took longer than {seconds:g} s")
        ready = wait([w.conn, w.process.sentinel], timeout=0.1 if left is None else min(left, 0.1))
        if w.conn in ready:
            try:
                return w.conn.recv()
            except (EOFError, OSError):
                ready = [w.process.sentinel]
        if w.process.sentinel in ready and not w.conn.poll():
            w.process.join(1)
            code = w.process.exitcode
            raise LimitExceeded(
                "ran out of memory (its process was killed)" if code == -9 else f"its process died (exit code {code})"
            )
        if memory_mb and rss_mb(w.pid) > memory_mb:
            raise LimitExceeded(f"used more than {memory_mb:g} MB of memory")
