"""The speaker-and-actor check on real news (issue 11), as last run and judged: the top 100
actors of the shared-data corpus (docs/audits/top-actors.tsv, written by scripts/actor_check.py)
and the judgements made by hand from the names (docs/audits/top-actors-verdicts.tsv). Skips when
the table is absent; fails when the table was rebuilt and not judged again."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

AUDITS = Path(__file__).resolve().parents[1] / "docs" / "audits"
TABLE = AUDITS / "top-actors.tsv"
VERDICTS = AUDITS / "top-actors-verdicts.tsv"
# (full name, the name alone by which articles also call them)
PEOPLE = [
    ("Donald Trump", "Trump"),
    ("Hillary Clinton", "Hillary"),
    ("Bill Clinton", None),
    ("Barack Obama", "Obama"),
    ("Vladimir Putin", "Putin"),
    ("Bernie Sanders", "Sanders"),
    ("Mike Pence", "Pence"),
]
# the judged result of the last run (docs/store.md); a rebuilt table may only do better
MAX_DUPLICATES = 0
MAX_JUNK = 0


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def _names(variants: str) -> set[str]:
    """ "Donald Trump (553, new); Trump (42, surname)" -> {"Donald Trump", "Trump"}"""
    return {m.group(1).strip() for m in re.finditer(r"(?:^|; )(.+?) \(\d+, [^)]*\)", variants)}


@pytest.fixture(scope="module")
def table():
    if not TABLE.exists():
        pytest.skip("no docs/audits/top-actors.tsv (run scripts/actor_check.py)")
    return _read(TABLE)


def test_variant_parsing():
    assert _names("Donald Trump (553, new); Trump (42, surname); TRUMP (1, surname)") == {
        "Donald Trump",
        "Trump",
        "TRUMP",
    }


def test_the_table_has_the_top_100(table):
    assert len(table) == 100
    assert [int(r["rank"]) for r in table] == list(range(1, 101))
    arts = [int(r["articles"]) for r in table]
    assert arts == sorted(arts, reverse=True)


@pytest.mark.parametrize("full,alone", PEOPLE)
def test_each_person_is_one_actor(table, full, alone):
    rows = [r for r in table if full in _names(r["variants"]) or r["name"] == full]
    assert len(rows) == 1, [r["name"] for r in rows]
    if alone:
        assert [r["name"] for r in table if alone in _names(r["variants"])] == [rows[0]["name"]]


def test_verdicts_judge_this_table(table):
    if not VERDICTS.exists():
        pytest.fail("docs/audits/top-actors-verdicts.tsv is missing: judge the table")
    verdicts = _read(VERDICTS)
    assert [v["name"] for v in verdicts] == [r["name"] for r in table], "the table changed: judge it again"
    assert {v["verdict"] for v in verdicts} <= {"ok", "duplicate", "junk"}
    by_rank = {int(r["rank"]): r for r in table}
    for v in verdicts:
        if v["verdict"] == "duplicate":  # names the row it duplicates: "of 14"
            m = re.search(r"\bof (\d+)", v["note"])
            assert m and int(m.group(1)) in by_rank and int(m.group(1)) != int(v["rank"]), v
    n = {k: sum(v["verdict"] == k for v in verdicts) for k in ("duplicate", "junk")}
    assert n["duplicate"] <= MAX_DUPLICATES and n["junk"] <= MAX_JUNK, n
