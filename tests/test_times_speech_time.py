"""Issue 12 (times): the time phrase right after a verb of saying dates the saying, also when
the reported clause has no "that" and the parser hangs the phrase on the reported verb ("The
army said on Sunday it would withdraw"). All texts are written for these tests."""

from __future__ import annotations

import pytest

PUB = "2024-03-06"  # a Wednesday


def times(doc):
    return {t.text: t for t in doc._.times}


@pytest.mark.parametrize(
    "text,expr,want",
    [
        ("The army said on Sunday it would withdraw.", "Sunday", "2024-03-03"),
        ("Officials said on Tuesday they would reopen the border.", "Tuesday", "2024-03-05"),
        ("The union said on Monday its members would strike.", "Monday", "2024-03-04"),
        # a "that" before the phrase puts it inside what is said: a future there stays ahead
        ("The company said that on Friday it would release the figures.", "Friday", "2024-03-08"),
        ("He said the talks would resume on Friday.", "Friday", "2024-03-08"),
    ],
)
def test_a_day_right_after_the_verb_of_saying_is_when_it_was_said(run_at, text, expr, want):
    assert times(run_at(text))[expr].value == want


def test_what_was_said_is_read_from_that_day(run_at):
    ts = times(run_at("The company said on Friday it would release the figures on Monday."))
    assert ts["Friday"].value == "2024-03-01"
    assert ts["Monday"].value == "2024-03-04"  # the Monday after that Friday
    assert ts["Monday"].anchor == ts["Friday"].id


def test_told_with_its_object_before_the_day(run_at):
    ts = times(run_at("The minister told reporters on Friday the talks would resume on Monday."))
    assert (ts["Friday"].value, ts["Monday"].value) == ("2024-03-01", "2024-03-04")


def test_the_saying_clause_is_dated_by_its_day(run_at):
    from newsgraph.extractors.times import date_for_span

    doc = run_at("The army said on Sunday it would withdraw.")
    i = doc.text.index("said")
    assert date_for_span(doc, i, i + 4) == "2024-03-03"
