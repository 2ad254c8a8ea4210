"""Issue 12 (times), round 17: earnings reports' periods, found by reading the TimeBank tuning
half's wrong values. Each rule has a switch in ``times.RULES_OFF``; each test shows the rule on
and, switched off, what it changes. All texts are written for these tests."""

from __future__ import annotations

import pytest

from time_helpers import quote_dates as _quote_dates

PUB = "2024-11-04"  # a Monday, five weeks into the calendar fourth quarter


@pytest.fixture
def rules_off(time_rules_off):
    return time_rules_off


def _values(extract, text, published=PUB):
    return {t.text: t.value for t in extract(text, published=published).times}


def test_a_fiscal_quarter_reported_in_the_past_is_the_period_reported(extract, rules_off):
    text = (
        "Marlow Foods Inc. reported a 20% drop in fourth-quarter profit. Sales in the latest period were $2.1 billion."
    )
    v = _values(extract, text)
    assert v["fourth-quarter"] == "2024-Q4"
    assert v["the latest period"] == "2024-Q4"
    # a quarter still ahead is no period reported
    text2 = "Marlow Foods expects fourth-quarter profit to fall. Sales in the latest period were $2.1 billion."
    assert _values(extract, text2)["the latest period"] == "2024-Q3"
    rules_off("fiscal-current")
    assert _values(extract, text)["the latest period"] == "2024-Q3"


def test_last_year_after_a_compared_figure_is_the_year_earlier_quarter(extract, rules_off):
    text = (
        "Brenton Corp. reported third-quarter net income of $40 million. Its lighting unit earned "
        "$12 million, compared with a loss of $2 million last year. Revenue rose 8% from last year's "
        "$310 million."
    )
    v = [(t.text, t.value) for t in extract(text, published=PUB).times]
    assert v.count(("last year", "2023-Q3")) == 2
    # no figure right before it, or no comparison: the year
    for other in (
        "Brenton Corp. reported third-quarter net income of $40 million. The unit had $90 million in sales last year.",
        "Brenton Corp. reported third-quarter net income of $40 million. It earned 16 cents a share last year.",
        "Brenton Corp. said its third-quarter profit will be lower than the $3 million it reported last year.",
    ):
        assert _values(extract, other)["last year"] == "2023", other
    rules_off("last-year-figure")
    assert [t.value for t in extract(text, published=PUB).times if t.text == "last year"] == ["2023", "2023"]


def test_this_quarters_results_are_the_quarter_just_reported(extract, rules_off):
    text = (
        "Dunmore Inc. posted a third-quarter loss of $8 million. This quarter's loss includes a charge of $3 million."
    )
    assert _values(extract, text)["This quarter"] == "2024-Q3"
    # a forecast is the quarter under way
    text2 = "Dunmore Inc. posted a third-quarter loss of $8 million. This quarter's sales will fall, it said."
    assert _values(extract, text2)["This quarter"] == "2024-Q4"
    # late in a quarter, the quarter under way
    assert _values(extract, text, published="2024-12-20")["This quarter"] == "2024-Q4"
    rules_off("this-quarter-results")
    assert _values(extract, text)["This quarter"] == "2024-Q4"


# statement dates, found by reading the dated statements of 20 whole PolNeAR train articles

WED = "2024-03-06"  # a Wednesday


def _dates(extract, text, published=WED):
    return {c: d for c, d, _ in _quote_dates(extract(text, published=published))}


def test_a_part_of_the_day_before_a_noun_takes_the_day_named_after_it(extract, rules_off):
    text = '"I never said that," Anna Kowal wrote in a late-evening email on Monday.'
    rec = extract(text, published=WED)
    assert {t.text: t.value for t in rec.times}["late-evening"] == "2024-03-04TEV"
    assert _quote_dates(rec) == [("wrote", "2024-03-04", None)]
    rules_off("part-noun-day")
    assert {t.text: t.value for t in extract(text, published=WED).times}["late-evening"] == "2024-03-06TEV"


def test_the_following_year_is_a_year(extract, rules_off):
    text = "The mill closed in February 2012 and reopened the following year."
    assert _values(extract, text, WED)["the following year"] == "2013"
    text2 = "The strike began in March 2019. The following month, talks resumed."
    assert _values(extract, text2, WED)["The following month"] == "2019-04"
    rules_off("following-unit")
    assert _values(extract, text, WED)["the following year"] == "2013-02"


def test_a_since_clause_gives_a_statement_no_date(extract, rules_off):
    text = "Since 2009, Kowal has repeatedly made public promises to give the profits to charity."
    assert _dates(extract, text) == {"promises": None}
    rules_off("since-own")
    assert _dates(extract, text) == {"promises": "2009"}


def test_a_time_the_statement_is_about_does_not_date_it(extract, rules_off):
    text = '"That is why he is the main sponsor," Anna Kowal wrote of the 2010 gift.'
    assert _dates(extract, text) == {"wrote": None}
    # the interview's year still dates it
    assert _dates(extract, '"We will win," Kowal said in a 2015 interview.')["said"] == "2015"
    rules_off("topic-of")
    assert _dates(extract, text) == {"wrote": "2010"}


def test_a_present_statement_takes_no_past_day_from_another_verb(extract, rules_off):
    text = "The council closed her stall on Monday; it gave no reason, but she suspects that rivals complained."
    assert _dates(extract, text) == {"suspects": None}
    # a past verb coordinated with the dated one shares its day
    assert _dates(extract, "Kowal spoke on Monday and said the plan was dead.")["said"] == "2024-03-04"
    rules_off("statement-present")
    assert _dates(extract, text) == {"suspects": "2024-03-04"}
