"""Issue 12 (times), round 19: mechanisms found fragile by reading every time value of 30 whole
PolNeAR train articles (no time gold) against the TIMEX3 guidelines. Each rule has a switch in
``times.RULES_OFF``; each test shows the rule on and, switched off, what it changes. All texts
are written for these tests."""

from __future__ import annotations

import pytest

from time_helpers import times_of


@pytest.fixture
def rules_off(time_rules_off):
    return time_rules_off


def test_a_hyphenated_fraction_is_no_duration(extract, rules_off):
    text = "Support reached three-quarters in the county, down two-quarters from its peak."
    assert times_of(extract, text) == []
    # a count of quarters is still one
    assert times_of(extract, "The mill lost money for three quarters.") == [("three quarters", "DURATION", "P3Q")]
    rules_off("fraction-quarters")
    assert ("three-quarters", "DURATION", "P3Q") in times_of(extract, text)


def test_a_decade_with_an_apostrophe(extract, rules_off):
    text = "She studied in Leeds in the 1970\u2019s and taught there in the late 1980's."
    assert times_of(extract, text) == [("the 1970\u2019s", "DATE", "197"), ("the late 1980's", "DATE", "198")]
    # a year's: no decade
    assert times_of(extract, "In 1990's budget the port got nothing.") == [("1990", "DATE", "1990")]
    rules_off("decade-apostrophe")
    assert ("1970", "DATE", "1970") in times_of(extract, text)


def test_this_weekend_without_a_past_verb_is_this_weeks(extract, rules_off):
    text = "A win in the runoff this weekend would help the mayor."
    assert times_of(extract, text) == [("this weekend", "DATE", "2024-W10-WE")]
    # a past verb: the weekend just passed
    assert times_of(extract, "Farmers rallied in the square this weekend.") == [("this weekend", "DATE", "2024-W09-WE")]
    assert times_of(extract, "This weekend's debate gave the party much to cheer.") == [
        ("This weekend", "DATE", "2024-W09-WE")
    ]
    # on a Monday, as before: the one just passed unless the verb reads ahead
    assert times_of(extract, "The vote this weekend drew crowds.", published="2024-03-04") == [
        ("this weekend", "DATE", "2024-W09-WE")
    ]
    rules_off("this-weekend", "modal-ahead21")  # round 21: "would help" alone now reads ahead
    assert times_of(extract, text) == [("this weekend", "DATE", "2024-W09-WE")]


def test_come_a_time_is_ahead(extract, rules_off):
    text = "These are the voters the party will need come November."
    assert times_of(extract, text) == [("November", "DATE", "2024-11")]
    assert times_of(extract, "Come Friday, the strike begins.") == [("Friday", "DATE", "2024-03-08")]
    rules_off("come-time")
    assert times_of(extract, text) == [("November", "DATE", "2023-11")]


def test_a_story_told_in_the_past_keeps_its_year_for_600_characters(extract, rules_off):
    filler = (
        "The mill had been losing money for years, and its owners argued about what to do with it. "
        "Some wanted to sell the land to a developer, others to keep the looms running a little longer. "
        "Workers held meetings in the church hall and wrote letters to the newspaper. "
        "The union asked the town council for help, and the council promised to look into it. "
    )
    text = "In June 2001, the owners cut wages at the mill. " + filler + "In August, the owners sold the mill."
    assert times_of(extract, text)[-1] == ("August", "DATE", "2001-08")
    # no tense: only 300 characters ("August's sale" is the nearest August, as before)
    assert times_of(
        extract, "In June 2001, the owners cut wages at the mill. " + filler + "August's sale surprised them."
    )[-1] == ("August", "DATE", "2024-08")
    rules_off("narrative-far")
    assert times_of(extract, text)[-1] == ("August", "DATE", "2023-08")


def test_an_implicative_participle_on_a_past_verb_is_past(extract, rules_off):
    text = "Eight men were detained attempting to cross the river on Monday."
    assert times_of(extract, text) == [("Monday", "DATE", "2024-03-04")]
    # a participle of a present verb still reads ahead
    assert times_of(extract, "The senator is spending the week trying to reach the governor on Friday.") == [
        ("Friday", "DATE", "2024-03-08")
    ]
    rules_off("infinitive-participle")
    assert times_of(extract, text) == [("Monday", "DATE", "2024-03-11")]
