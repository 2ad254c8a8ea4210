"""Issue 12 (times), round 15: statement dates a reader would reject, found by reading the dated
statements of 20 whole PolNeAR train articles. Each rule has a switch in
``times.RULES_OFF``; each test shows the rule on and, switched off, what it changes. All texts
are written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.extractors import times as T
from time_helpers import quote_dates as _quote_dates
from time_helpers import span as _span

PUB = "2024-03-06"  # a Wednesday
SUNDAY = "Anna Novak said on Sunday that the party would win.\n\n"


@pytest.fixture
def rules_off(time_rules_off):
    return time_rules_off


def test_a_programme_named_midday_is_no_time(extract, rules_off):
    text = "Speaking on WXYZ\u2019s \u201cMidday with Anna Kowal,\u201d the mayor said the plan was dead."
    assert [t.text for t in extract(text, published=PUB).times] == []
    assert [t.text for t in extract("The vote closes at midday on Friday.", published=PUB).times] == [
        "midday on Friday"
    ]
    rules_off("show-title")
    assert [t.value for t in extract(text, published=PUB).times] == ["2024-03-06T12:00"]


def test_a_year_inside_a_name_dates_no_statement(extract, rules_off):
    text = '"We have never had this much attention," said Jan Novak, head of the Springfield 2024 Host Committee.'
    assert _quote_dates(extract(text, published=PUB)) == [("said", None, None)]
    rules_off("year-in-name")
    assert _quote_dates(extract(text, published=PUB)) == [("said", "2024", None)]


def test_a_day_after_for_is_when_what_was_arranged_happens(run_at, rules_off):
    doc = run_at("When the government called snap elections for October 2025, Kowal rallied the party.")
    assert T.date_for_span(doc, *_span(doc, "called")) is None
    # a year after "for" is the period a clause is about, and still dates it
    doc2 = run_at("Sales growth has not met our expectations for 2023, the chairman said.")
    assert T.date_for_span(doc2, *_span(doc2, "met")) == "2023"
    rules_off("for-target")
    assert T.date_for_span(doc, *_span(doc, "called")) == "2025-10"


def test_what_a_statement_hopes_for_is_not_when_it_was_made(run_at, rules_off):
    doc = run_at("The candidate is hoping to win delegates in Michigan this Tuesday.", published="2016-03-04")
    s, e = _span(doc, "hoping")
    assert T._span_date(doc, s, e, statement=True)[0] is None
    assert T.date_for_span(doc, s, e) == "2016-03-08"  # an event's date: unchanged
    rules_off("content-xcomp", "statement-ahead")  # round 16's rule drops it too (no cue ahead)
    assert T._span_date(doc, s, e, statement=True)[0] == "2016-03-08"


def test_a_past_infinitive_still_dates_the_statement(run_at):
    doc = run_at("Kowal voted to ban the project in 2021.", published="2024-03-06")
    assert T._span_date(doc, *_span(doc, "voted"), statement=True)[0] == "2021"


def test_no_borrowed_date_for_a_subordinate_clause(extract, rules_off):
    text = (
        SUNDAY
        + "It is far from certain that the plan will work, since Novak argued for it before Kowal joined the party."
    )
    assert _quote_dates(extract(text, published=PUB))[-1] == ("argued", None, None)
    rules_off("infer-main-clause")
    assert _quote_dates(extract(text, published=PUB))[-1] == ("argued", "2024-03-03", "speaker")


def test_no_borrowed_date_for_a_clause_with_a_time_of_its_own(extract, rules_off):
    text = SUNDAY + '"We have waited long enough," Novak has said in recent months.'
    assert _quote_dates(extract(text, published=PUB))[-1] == ("said", None, None)
    plain = SUNDAY + '"We have waited long enough," Novak told supporters.'
    assert _quote_dates(extract(plain, published=PUB))[-1] == ("told", "2024-03-03", "speaker")
    rules_off("infer-own-time", "perfect-cue20")  # "has said": a present perfect borrows no day either (round 20)
    assert _quote_dates(extract(text, published=PUB))[-1] == ("said", "2024-03-03", "speaker")


def test_a_clause_hanging_on_a_day_happens_that_day(extract, rules_off):
    text = SUNDAY + "Kowal was even more emphatic Monday when he spoke to reporters about the plan."
    assert _quote_dates(extract(text, published=PUB))[-1] == ("spoke", "2024-03-04", None)
    rules_off("time-relcl", "infer-own-time")
    assert _quote_dates(extract(text, published=PUB))[-1] == ("spoke", None, None)


def test_a_day_after_for_is_no_time_of_the_statement_s_own(run_at, rules_off):
    doc = run_at("When the council called a referendum for October 2025, Kowal rallied the party.")
    assert T._may_borrow(doc, *_span(doc, "called"), doc._.times)[1] is None
    rules_off("for-target")
    assert T._may_borrow(doc, *_span(doc, "called"), doc._.times)[1].text == "October 2025"


@pytest.mark.parametrize(
    "text,want",
    [
        ("The dispute echoes a controversy in June when Kowal assailed a judge.", "2023-06"),
        ("The dispute echoes a controversy in June, when Kowal will face a judge.", "2024-06"),
        # the clause the time stands in says "will": a "when" clause with a past-looking form
        # does not turn it back
        ("Novak will reach that number on Tuesday, when voters cast ballots.", "2024-03-12"),
    ],
)
def test_a_when_clause_after_a_time_gives_its_tense(times_of, rules_off, text, want):
    t = next(iter(times_of(text).values()))
    assert t.value == want


def test_when_clause_switch(times_of, rules_off):
    text = "The dispute echoes a controversy in June when Kowal assailed a judge."
    rules_off("when-clause")
    assert times_of(text)["June"].value == "2024-06"


@pytest.mark.parametrize(
    "text,want",
    [
        ("The deal follows months of twists and turns.", {"months": "PXM"}),
        ("After years of war, the town is quiet.", {"years": "PXY"}),
        ("It took weeks of talks to agree.", {"weeks": "PXW"}),
        # qualified: not a bare stretch of time
        ("The first months of his term were hard.", {}),
        ("The days of the week have names.", {}),
        ("It happened in the waning days of the old regime.", {}),
    ],
)
def test_a_bare_plural_unit_before_of_is_a_duration(times_of, text, want):
    assert {k: t.value for k, t in times_of(text).items()} == want


def test_units_of_switch(times_of, rules_off):
    rules_off("units-of")
    assert times_of("The deal follows months of twists and turns.") == {}


def test_a_present_progressive_borrows_no_earlier_day(extract, rules_off):
    text = SUNDAY + "Novak is hoping to win the vote in the capital next week."
    assert _quote_dates(extract(text, published=PUB))[-1][1] is None
    same_day = "Anna Novak said on Wednesday that the party would win.\n\nNovak is praising her rivals."
    assert _quote_dates(extract(same_day, published=PUB))[-1] == ("praising", "2024-03-06", "speaker")
    rules_off("infer-own-time")
    assert _quote_dates(extract(text, published=PUB))[-1][1] == "2024-03-03"
