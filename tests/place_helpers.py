"""Helpers shared by the place tests (not a test module)."""

from __future__ import annotations


def mentions(doc):
    """Each place mention's text -> its place, for a Doc the places component ran on."""
    return {m.text: p for p in doc._.places for m in p.mentions}
