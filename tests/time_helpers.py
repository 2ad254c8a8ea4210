"""Helpers shared by the time tests (not a test module)."""

from __future__ import annotations


def quote_dates(rec):
    """(cue text, date, inferred) of each quote of a record."""
    return [(q.cue.text if q.cue else None, q.date, q.date_inferred) for q in rec.quotes]


def span(doc, word):
    """Character offsets of the first ``word`` in the Doc's text."""
    i = doc.text.index(word)
    return i, i + len(word)


def times_of(extract, text, published="2024-03-06"):
    """(text, type, value) of each time expression of ``text`` (published on a Wednesday by default)."""
    return [(t.text, t.type, t.value) for t in extract(text, published=published).times]


def dates_of(extract, text, published="2024-03-06"):
    """(cue text, date) of each quote of ``text`` (published on a Wednesday by default)."""
    return [(cue, date) for cue, date, _ in quote_dates(extract(text, published=published))]
