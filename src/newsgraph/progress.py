"""Progress bars on stderr for long work (tqdm), silent when stderr is not a terminal."""

from __future__ import annotations

import sys

from tqdm import tqdm


def progress(total=None, desc=None, unit="it", disable=False):
    """A tqdm bar on stderr showing rate and ETA; disabled off a terminal or on request."""
    return tqdm(
        total=total,
        desc=desc,
        unit=unit,
        file=sys.stderr,
        disable=disable or not sys.stderr.isatty(),
        dynamic_ncols=True,
    )
