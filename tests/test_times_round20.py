"""Issue 12 (times), round 20: weekday direction, the article's own date, and statement dates as a
reader gives them, read on 30 fresh whole PolNeAR train articles. Each rule has a switch in
``times.RULES_OFF``; each test shows the rule on and, switched off, what it changes. All texts
are written for these tests."""

from __future__ import annotations

import pytest

from time_helpers import dates_of, times_of


@pytest.fixture
def rules_off(time_rules_off):
    return time_rules_off


# ----------------------------------------------------------------------------- values


def test_a_fronted_time_takes_the_main_verbs_tense(extract, rules_off):
    # the small model hangs "on Friday" on the hyphen of "co-founded", a past form in the subject
    text = "And on Friday, she and other members of the club she co-founded will hold a picnic at the lake."
    assert times_of(extract, text) == [("Friday", "DATE", "2024-03-08")]
    rules_off("fronted-time20")
    assert times_of(extract, text) == [("Friday", "DATE", "2024-03-01")]


def test_sought_to_is_read_as_done(extract):
    # "seek" joins the verbs whose past to-infinitive happened then (past_infinitive_verbs.tsv)
    text = "Both mayors sought to win over younger farmers on Tuesday."
    assert times_of(extract, text) == [("Tuesday", "DATE", "2024-03-05")]


def test_two_month_days_joined_by_to_are_one_stretch(extract, rules_off):
    text = "Early voting will run Feb. 20 to March 20 in the county."
    assert times_of(extract, text) == [("Feb. 20", "DATE", "2024-02-20"), ("March 20", "DATE", "2024-03-20")]
    rules_off("range-to20")
    assert times_of(extract, text)[0] == ("Feb. 20", "DATE", "2025-02-20")


def test_the_past_before_a_count_of_things_is_no_time(extract, rules_off):
    text = "The almanac has picked the winner in five of the past six elections, a johnny-come-lately to polling."
    assert times_of(extract, text) == []
    # a count of units is still a duration, and "in the past" still the past
    assert times_of(extract, "Prices rose in the past three years. In the past, they fell.") == [
        ("the past three years", "DURATION", "P3Y"),
        ("the past", "DATE", "PAST_REF"),
    ]
    rules_off("ref-extent20")
    assert [t[0] for t in times_of(extract, text)] == ["the past", "lately"]


def test_the_next_weeks_names_the_coming_week(extract, rules_off):
    text = "The governor heads into the next week's primaries with a lead."
    assert times_of(extract, text) == [("the next week", "DATE", "2024-W11")]
    # a stretch of time stays one
    assert times_of(extract, "Talks will go on over the next week.") == [("the next week", "DURATION", "P1W")]
    rules_off("next-week-possessive20")
    assert times_of(extract, text) == [("the next week", "DURATION", "P1W")]


def test_two_apostrophes_quote_a_speaker(extract, rules_off):
    text = (
        "Mayor Anna Kowal spoke to reporters on Monday night.\n"
        "''Thousands could not vote today because of the storm,'' Kowal said."
    )
    assert times_of(extract, text)[-1] == ("today", "DATE", "2024-03-04")
    rules_off("quote-apostrophes20")
    assert times_of(extract, text)[-1] == ("today", "DATE", "2024-03-06")


def test_a_datelines_day_is_the_writers_day(extract, rules_off):
    text = "LISBON, March 7 (Example Wire) - A survey released Thursday showed the mayor ahead."
    assert times_of(extract, text) == [("March 7", "DATE", "2024-03-07"), ("Thursday", "DATE", "2024-03-07")]
    # a dateline's date far from publication is not taken for the writer's day
    far = "LISBON, March 27 (Example Wire) - A survey released Thursday showed the mayor ahead."
    assert times_of(extract, far)[-1] == ("Thursday", "DATE", "2024-02-29")
    rules_off("dateline-date20")
    assert times_of(extract, text)[-1] == ("Thursday", "DATE", "2024-02-29")


# ----------------------------------------------------------------------------- statement dates


def test_said_after_a_dated_participle(extract, rules_off):
    text = "Victory is close, the senator said after meeting Tuesday with party leaders."
    assert dates_of(extract, text) == [("said", "2024-03-05")]
    text2 = (
        "In remarks after meeting with his generals on Monday, the president repeated his claim that the war was won."
    )
    assert dates_of(extract, text2) == [("repeated", "2024-03-04")]
    rules_off("after-participle20")
    assert dates_of(extract, text) == [("said", None)]
    assert dates_of(extract, text2) == [("repeated", None)]


def test_a_document_released_on_a_day_speaks_then(extract, rules_off):
    text = "A Ledger poll of the county released on Monday showed Ms. Kowal with a lead of nine points."
    assert dates_of(extract, text) == [("showed", "2024-03-04")]
    rules_off("subject-release20")
    assert dates_of(extract, text) == [("showed", None)]


def test_a_purpose_infinitive_is_said_when_its_act_is_done(extract, rules_off):
    text = "The mayor went on the radio Monday to criticise the budget."
    assert dates_of(extract, text) == [("criticise", "2024-03-04")]
    rules_off("purpose-infinitive20")
    assert dates_of(extract, text) == [("criticise", None)]


def test_an_old_time_in_a_clause_on_the_speaker_does_not_date_the_saying(extract, rules_off):
    text = '"It is over," said Tom Brandt, who ran the 2012 campaign in the county.'
    assert dates_of(extract, text) == [("said", None)]
    rules_off("subject-relcl20")
    assert dates_of(extract, text) == [("said", "2012")]


def test_a_present_perfect_takes_no_day(extract, rules_off):
    text = "Minister Eva Lind spoke at the harbour on Tuesday. Lind has said that she supports a higher wage."
    assert dates_of(extract, text)[-1] == ("said", None)
    rules_off("perfect-cue20")
    assert dates_of(extract, text)[-1] == ("said", "2024-03-05")


def test_a_day_in_a_clause_describing_a_thing_stays_there(extract, rules_off):
    text = (
        "Omar Haddad sat in the hall where he saw the gunman for the last time on Friday. "
        "He said that about a hundred others were there for prayers."
    )
    assert dates_of(extract, text)[-1] == ("said", None)
    # a when-clause on the day is that day's own clause: it still dates what follows
    text2 = "The split showed on Monday, when Senator Jon Tester voted against the bill. Tester said he opposed it."
    assert dates_of(extract, text2)[-1] == ("said", "2024-03-04")
    rules_off("relcl-carry20")
    assert dates_of(extract, text)[-1] == ("said", "2024-03-01")
