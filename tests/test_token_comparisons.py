"""spaCy builds a new ``Token`` object every time one is read (``doc[i]``, ``tok.head``), so
``tok.head is tok`` is never true, even at the root, and a walk up the parse that stops on it
runs on. Tokens are compared with ``==`` (same Doc, same position). This test reads the source
and lists every identity test on a parse head."""

from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "newsgraph"

# "x.head is x", "x.head is not y", "y is x.head", "y is not x.head"
IDENTITY_ON_HEAD = re.compile(r"\.head\s+is\s+(?!None\b)|\bis\s+(?:not\s+)?[\w.]*\.head\b")


def offenders(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if IDENTITY_ON_HEAD.search(line.split("#")[0])]


def test_the_pattern_finds_identity_tests_on_heads():
    bad = "if tok.head is tok:\n    while t.head is not t:\nif v is not tok.head:\nok = tok.head is None\n"
    assert offenders(bad) == ["if tok.head is tok:", "while t.head is not t:", "if v is not tok.head:"]
    assert offenders("if tok.head == tok:\n    x = t.head != t\n") == []


def test_no_source_file_compares_a_head_by_identity():
    found = {
        str(p.relative_to(SRC)): hits
        for p in sorted(SRC.rglob("*.py"))
        if (hits := offenders(p.read_text(encoding="utf-8")))
    }
    assert found == {}, f"compare spaCy tokens with == / !=, not is: {found}"
