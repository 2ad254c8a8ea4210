"""Issue 12 (times), round 21: value errors that general news rules fix, read on 30 fresh whole
PolNeAR train articles and sorted by mechanism on TimeBank's tune half. Each rule has a switch in
``times.RULES_OFF`` (names ending in 21); each test shows the rule on and, switched off, what it
changes. All texts are written for these tests."""

from __future__ import annotations

import pytest

from time_helpers import dates_of, times_of


@pytest.fixture
def rules_off(time_rules_off):
    return time_rules_off


# ----------------------------------------------------------------------------- values


def test_soon_seen_from_a_past_moment_is_no_future(extract, rules_off):
    text = "The band finished its set. Soon afterward, the mayor walked onto the stage."
    assert times_of(extract, text) == []
    assert times_of(extract, "The clinic will soon open a second floor.") == [("soon", "DATE", "FUTURE_REF")]
    rules_off("soon-past21")
    assert times_of(extract, text) == [("Soon", "DATE", "FUTURE_REF")]


def test_soon_under_a_past_perfect_is_no_future(extract):
    text = "It was no idle worry: soon the governor had vowed to close the border."
    assert times_of(extract, text) == []


def test_one_quarter_to_one_third_is_a_share(extract, rules_off):
    text = "Mr. Pell, who guessed that one-quarter to one-third of the drivers backed the strike, spoke last."
    assert times_of(extract, text) == []
    rules_off("fraction-range21")
    assert times_of(extract, text) == [("one-quarter", "DURATION", "P1Q")]


def test_the_day_before_repeated_compares_with_the_same_day(extract, rules_off):
    text = (
        "Copper prices slipped on Monday. Zinc fell to $2.10 from $2.14 the day before. "
        "In currencies, the peso rose to 17.1 from 17.3 the day before."
    )
    assert times_of(extract, text) == [
        ("Monday", "DATE", "2024-03-04"),
        ("the day before", "DATE", "2024-03-03"),
        ("the day before", "DATE", "2024-03-03"),
    ]
    rules_off("anchor-chain21")
    assert times_of(extract, text)[2] == ("the day before", "DATE", "2024-03-02")


def test_a_week_from_a_named_day_is_that_day_shifted(extract, rules_off):
    text = "The ferry line will reopen a week from Friday, the harbour office said."
    assert times_of(extract, text) == [("a week from Friday", "DATE", "2024-03-15")]
    assert times_of(extract, "The jury returns two days from tomorrow.") == [
        ("two days from tomorrow", "DATE", "2024-03-09")
    ]
    # a count of years "from" a year is a duration and a year, as before
    assert times_of(extract, "Sales grew for five years from 2010.") == [
        ("five years", "DURATION", "P5Y"),
        ("2010", "DATE", "2010"),
    ]
    rules_off("from-day21")
    assert times_of(extract, text) == [("a week", "DURATION", "P1W"), ("Friday", "DATE", "2024-03-08")]


def test_starting_a_day_takes_the_tense_of_its_clause(extract, rules_off):
    text = "Starting Monday, the bridge will be closed to trucks."
    assert times_of(extract, text) == [("Monday", "DATE", "2024-03-11")]
    assert times_of(extract, "Starting Monday, drivers lined up at the border.") == [("Monday", "DATE", "2024-03-04")]
    rules_off("starting-time21")
    assert times_of(extract, text) == [("Monday", "DATE", "2024-03-04")]


def test_prepared_to_is_read_as_past(extract):
    # "prepare" joins the verbs whose past to-infinitive is read as past (past_infinitive_verbs.tsv)
    text = "As the senator prepared to speak to farmers in Ames on Monday, a tractor blocked the road."
    assert times_of(extract, text) == [("Monday", "DATE", "2024-03-04")]


def test_a_month_naming_a_hypothetical_contest_is_ahead(extract, rules_off):
    text = "The survey found that either mayor would beat the senator in a hypothetical November runoff."
    assert times_of(extract, text) == [("November", "DATE", "2024-11")]
    text2 = "Organisers say the strike could lift turnout to improve their chances in a November referendum."
    assert times_of(extract, text2) == [("November", "DATE", "2024-11")]
    # a finite past verb or a participle is not climbed
    assert times_of(extract, "The mayor won a November runoff.") == [("November", "DATE", "2023-11")]
    rules_off("modal-ahead21")
    assert times_of(extract, text) == [("November", "DATE", "2023-11")]


def test_could_not_is_not_ahead(extract):
    # "could not" (an inability, as often past) and "would have" are not a hypothesis ahead
    assert times_of(extract, "She could not attend the hearing on Monday.") == [("Monday", "DATE", "2024-03-04")]
    assert times_of(extract, "He would have won the runoff in November.") == [("November", "DATE", "2023-11")]


def test_a_quoted_programme_title_is_no_weekday(extract, rules_off):
    text = "The governor spoke in an interview with \u201cFox News Sunday.\u201d"
    assert times_of(extract, text) == []
    rules_off("named-quoted21")
    assert [t[0] for t in times_of(extract, text)] == ["Sunday"]


# ----------------------------------------------------------------------------- statement dates


def test_a_year_in_the_speakers_description_does_not_date_the_saying(extract, rules_off):
    text = "\u201cShe always keeps her word,\u201d said Ada Brill, a spokeswoman for the mayor\u2019s 2008 campaign."
    assert dates_of(extract, text) == [("said", None)]
    rules_off("described-time21")
    assert dates_of(extract, text) == [("said", "2008")]


def test_a_year_naming_the_object_does_not_date_the_act(extract, rules_off):
    text = "In the debate, the senator praised the 1994 farm bill, calling it \u201ca lifeline for growers.\u201d"
    dates = dict(dates_of(extract, text))
    assert all(d != "1994" for d in dates.values())
    rules_off("described-time21")
    assert "1994" in dict(dates_of(extract, text)).values()


def test_this_week_in_a_sunday_paper_is_the_week_ahead(extract, rules_off):
    sunday = "2024-03-10"
    text = "The mayor will skip this week's budget hearings."
    assert times_of(extract, text, sunday) == [("this week", "DATE", "2024-W11")]
    assert times_of(extract, "\u201cShe is not available this week,\u201d an aide wrote.", sunday)[0][2] == "2024-W11"
    # told in the past, the week ending that Sunday
    assert times_of(extract, "This week, the council passed the budget.", sunday) == [("This week", "DATE", "2024-W10")]
    # any other day, the week of publication
    assert times_of(extract, text) == [("this week", "DATE", "2024-W10")]
    rules_off("sunday-week21")
    assert times_of(extract, text, sunday) == [("this week", "DATE", "2024-W10")]


def test_a_capitalised_future_in_a_title_is_no_time(extract, rules_off):
    text = "Fans posted a clip from \u201cBack to the Future\u201d online."
    assert times_of(extract, text) == []
    assert times_of(extract, "The future is bright. We look to the future.") == [
        ("The future", "DATE", "FUTURE_REF"),
        ("the future", "DATE", "FUTURE_REF"),
    ]
    rules_off("title-future21")
    assert times_of(extract, text) == [("the Future", "DATE", "FUTURE_REF")]


def test_the_year_of_a_named_half_is_that_halfs_year(extract, rules_off):
    published = "2024-01-26"
    text = (
        "The fund raised $9 million in the first half of 2023 and is expected to report that it raised "
        "more in the second half of the year."
    )
    assert times_of(extract, text, published) == [
        ("the first half of 2023", "DATE", "2023-H1"),
        ("the second half", "DATE", "2023-H2"),
        ("the year", "DATE", "2023"),
    ]
    rules_off("part-year21")
    assert times_of(extract, text, published)[2] == ("the year", "DATE", "2024")


def test_round21_rules_keep_what_they_should(extract):
    # "soon after" under a future verb is still ahead
    assert times_of(extract, "Mr. Hale, who will retire soon after serving in Oslo, spoke.") == [
        ("soon", "DATE", "FUTURE_REF")
    ]
    # "will" alone over a thing named by a month does not move it: the November figures are November's
    text = "Analysts will get more data on Friday with the release of the February sales report."
    assert times_of(extract, text) == [("Friday", "DATE", "2024-03-08"), ("February", "DATE", "2024-02")]
    # a past verb above a participle keeps "this week" in a Sunday paper as the week ending that day
    text = "\u201cIt went well,\u201d the mayor said at a forum hosted by the library this week."
    assert times_of(extract, text, "2024-03-10") == [("this week", "DATE", "2024-W10")]
    # but a week that names a thing is not placed by the verb of the clause: the agenda was sent
    # out, the meeting is still to come
    text = "On Friday, the party sent out an agenda for this week's meeting that omits the plan."
    assert times_of(extract, text, "2024-03-10")[1] == ("this week", "DATE", "2024-W11")


def test_would_under_a_past_verb_is_not_ahead(extract):
    # a future seen from the past can be before publication (a Thursday paper)
    text = "It was clear even before they knew what the results would be on Saturday night."
    assert times_of(extract, text, "2024-03-07") == [("Saturday night", "TIME", "2024-03-02TNI")]
    # a hypothesis of the writer's own is ahead
    text = "The mayor could win the runoff on Tuesday and still lose the council."
    assert times_of(extract, text) == [("Tuesday", "DATE", "2024-03-12")]
