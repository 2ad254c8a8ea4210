"""Helpers the speaker tests share: who a record's quotations are given to."""

from __future__ import annotations


def names_of(rec):
    """Entity id -> name, for a record."""
    return {e.id: e.name for e in rec.entities}


def quote_starting(rec, start):
    """The record's quotation whose text (or one of its parts: round 20) starts with ``start``."""
    return next(
        q
        for q in rec.quotes
        if q.text.startswith(start) or any(rec.text[p["start"] : p["end"]].startswith(start) for p in q.parts)
    )


def speaker_of(rec, start):
    """The name of the speaker of the quotation starting with ``start`` (None: no speaker)."""
    return names_of(rec).get(quote_starting(rec, start).speaker)
