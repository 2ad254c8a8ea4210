"""Issue 12 (times), round 16: statement dates a reader would reject, found by reading the dated
statements of 20 whole PolNeAR train articles, and one weekday read the wrong way. Each rule has
a switch in ``times.RULES_OFF``; each test shows the rule on and, switched off, what it changes.
All texts are written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.extractors import times as T
from time_helpers import quote_dates as _quote_dates
from time_helpers import span as _span

PUB = "2024-03-06"  # a Wednesday


@pytest.fixture
def rules_off(time_rules_off):
    return time_rules_off


def test_a_statement_takes_no_time_from_another_paragraph(extract, rules_off):
    # the parser runs the closing quotation mark of one paragraph and the next one into a sentence
    text = (
        "Dorn said his 2003 book The Trouble With Anna detailed how Anna Kowal was \u201cdeeply part of the "
        "effort to silence these critics and scare these critics.\u201d\n\n\u201cIt goes all the way back to "
        "from her first arrival in Dover, Delaware,\u201d Dorn said. \u201cWhen she went there to marry Jan "
        "Kowal, she was told at once.\u201d"
    )
    rec = extract(text, published=PUB)
    assert [d for _, d, _ in _quote_dates(rec)] == [None] * len(rec.quotes)
    rules_off("statement-paragraph")
    assert "2003" in [d for _, d, _ in _quote_dates(extract(text, published=PUB))]


def test_a_statement_made_is_not_dated_after_publication(extract, run_at, rules_off):
    text = "Some 2028 presidential hopefuls have called for closing the agency altogether."
    assert _quote_dates(extract(text, published=PUB)) == [("called", None, None)]
    # a future cue keeps its day
    doc = run_at("The mayor will announce the budget on Friday.")
    s, e = _span(doc, "announce")
    assert T._span_date(doc, s, e, statement=True)[0] == "2024-03-08"
    rules_off("statement-ahead", "perfect-cue20")  # "have called": a present perfect (round 20)
    assert _quote_dates(extract(text, published=PUB)) == [("called", "2028", None)]


def test_a_verdict_expected_later_is_no_date_of_the_expecting(extract, rules_off):
    text = "A ruling is expected in late April in the Springfield zoning case, officials said."
    dates = {c: d for c, d, _ in _quote_dates(extract(text, published=PUB))}
    assert "2024-04" not in dates.values()
    rules_off("statement-ahead")
    dates = {c: d for c, d, _ in _quote_dates(extract(text, published=PUB))}
    assert dates.get("expected") in ("2024-04", None)


def test_a_day_in_a_phrase_on_a_verb_takes_its_tense(extract, rules_off):
    def values(text):
        return [t.value for t in extract(text, published=PUB).times]

    assert values("The governor will say in a speech on Monday that the plan is dead.") == ["2024-03-11"]
    assert values("The governor spoke at a rally on Monday.") == ["2024-03-04"]
    rules_off("noun-pp-tense")
    assert values("The governor will say in a speech on Monday that the plan is dead.") == ["2024-03-04"]


def test_a_time_after_since_dates_nothing(run_at, rules_off):
    doc = run_at(
        "Kowal goes into the vote after a string of gains since their Feb. 20 debate, including the "
        "mayor's endorsement and a strong fundraising report."
    )
    s, e = _span(doc, "endorsement")
    assert T.date_for_span(doc, s, e) is None
    doc2 = run_at("Shares have fallen 9 percent since Monday.")
    assert T.date_for_span(doc2, *_span(doc2, "fallen")) is None
    rules_off("since-start")
    assert T.date_for_span(doc2, *_span(doc2, "fallen")) == "2024-03-04"


def test_a_live_blog_time_line_still_dates_its_entry(extract):
    text = (
        "The Latest: Kowal to speak.\n\nSPRINGFIELD (AP) \u2014 The latest on the budget fight (all times EST):\n\n"
        "12:35 p.m.:\n\nMayor Anna Kowal is offering her support for the plan in a tweet.\n\n"
        "She called the plan \u201ca crucial step forward.\u201d\n"
    )
    assert [(c, d) for c, d, _ in _quote_dates(extract(text, published=PUB))] == [
        ("offering", "2024-03-06"),
        ("called", "2024-03-06"),
    ]


def test_a_statement_still_to_come_is_not_dated_before_publication(run_at, rules_off):
    doc = run_at("Monday's vote will force the mayor to acknowledge a hard truth.")
    s, e = _span(doc, "acknowledge")
    assert T._span_date(doc, s, e, statement=True)[0] is None
    assert T.date_for_span(doc, s, e) == "2024-03-04"  # an event's date: unchanged
    rules_off("statement-ahead")
    assert T._span_date(doc, s, e, statement=True)[0] == "2024-03-04"
