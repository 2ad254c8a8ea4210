"""Stand-ins for the extraction done in worker processes (tests/test_limits.py): they run in
real worker processes (``newsgraph.isolation``) without loading the spaCy pipeline."""

from __future__ import annotations

import os
import time


def init(tag=None):
    return {"tag": tag, "pid": os.getpid()}


def init_fails(tag=None):
    raise RuntimeError("no model here")


def work(state, job):
    """An article whose id says what to do: "slow" sleeps (ignoring any soft limit), "crash"
    kills its process, "big" grows to about 400 MB, anything else answers at once."""
    article, _limit = job
    if article.id.startswith("slow"):
        time.sleep(120)
    elif article.id.startswith("crash"):
        os._exit(3)
    elif article.id.startswith("big"):
        hog = [bytearray(50 * 1024 * 1024) for _ in range(8)]
        for b in hog:
            b[::4096] = b"x" * len(b[::4096])
        time.sleep(60)
    elif article.id.startswith("raise"):
        raise ValueError("bad luck")
    return f"done {article.id} in {state['pid']}"


def sleep_for(state, seconds):
    time.sleep(seconds)
    return seconds


def grow(state, mb):
    hog = bytearray(mb * 1024 * 1024)
    hog[::4096] = b"x" * len(hog[::4096])
    time.sleep(30)
    return len(hog)
