"""The bounds that keep one bad article from costing a batch more than a bounded amount of time
and memory (docs/store.md, "Limits"). Every reader, the pipeline and the runners use these.

- ``MAX_BYTES``: a ``.txt``/``.html`` file, a feed file, one JSONL line, one WARC record (and
  standard input) are read up to this many bytes; a longer one is refused, not read.
- ``MAX_CHARS``: an article's text, after decoding.
- ``PUNCT_RUN``: a run of more than this many punctuation/symbol characters is collapsed before
  spaCy sees it (the tokenizer is quadratic on such runs; offsets stay the same).
- ``MAX_SENT_TOKENS``: a stretch of more than this many tokens without a sentence end or line
  break is cut into sentences of at most this length before parsing.
- ``TIME_LIMIT``: seconds of extraction per article (``--time-limit``); then the article fails
  with "took longer than N s" and the run goes on.
- ``HTML_TIME_LIMIT``, ``HTML_MEMORY_MB``: finding the main text of one HTML page (trafilatura)
  runs in a helper process that is stopped after this time or above this resident memory.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Optional

MAX_BYTES = 20_000_000
MAX_CHARS = 1_000_000  # spaCy's own default limit; a longer "article" is almost surely not one
PUNCT_RUN = 32
MAX_SENT_TOKENS = 300
TIME_LIMIT = 120.0
HTML_TIME_LIMIT = 20.0
HTML_MEMORY_MB = 1024


def mb(n: int) -> str:
    """A size for messages: "20.0 MB" (or "3,000 bytes" when small)."""
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n:,} bytes"


class TimeLimitExceeded(Exception):
    """Raised inside the work when its ``deadline`` passes."""


@contextmanager
def deadline(seconds: Optional[float]) -> Iterator[None]:
    """Raise ``TimeLimitExceeded`` in the block after ``seconds`` (SIGALRM, so only in the main
    thread of a process; elsewhere, or without ``seconds``, the block runs unbounded). Interrupts
    Python code and regular expressions, not every long native call: the process runners also
    kill a worker that overruns (``newsgraph.isolation``). Nests: an outer deadline is restored."""
    if (
        not seconds
        or seconds <= 0
        or threading.current_thread() is not threading.main_thread()
        or not hasattr(signal, "setitimer")
    ):
        yield
        return

    def on_alarm(signum, frame):
        raise TimeLimitExceeded(f"took longer than {seconds:g} s")

    started = time.monotonic()
    old_handler = signal.signal(signal.SIGALRM, on_alarm)
    old_left, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    if old_left and old_left < seconds:  # an outer deadline comes first: keep it
        signal.setitimer(signal.ITIMER_REAL, old_left)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old_handler)
        if old_left:  # an outer deadline was running: give it back what is left of it
            signal.setitimer(signal.ITIMER_REAL, max(old_left - (time.monotonic() - started), 0.001))
