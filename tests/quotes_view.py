"""Helpers for the quote rule tests."""

from __future__ import annotations


def cued(quotes, cue):
    """The reported (not direct) quotes whose cue is the word ``cue``."""
    return [q for q in quotes if q.cue is not None and q.cue.text == cue and q.kind != "direct"]
