"""Issue 12 (times), round 18: kinds of error general in news, found on sentences written for
the project and by reading the dated statements of whole PolNeAR train articles. Each rule has a
switch in ``times.RULES_OFF``; each test shows the rule on and, switched off, what it changes.
All texts are written for these tests."""

from __future__ import annotations

import pytest

from time_helpers import dates_of, times_of


@pytest.fixture
def rules_off(time_rules_off):
    return time_rules_off


def test_the_morning_of_a_date_is_one_time(extract, rules_off):
    text = "The fire broke out on the night of Feb. 12 and was put out on the morning of Tuesday."
    assert times_of(extract, text) == [
        ("the night of Feb. 12", "TIME", "2024-02-12TNI"),
        ("the morning of Tuesday", "TIME", "2024-03-05TMO"),
    ]
    assert times_of(extract, "The ferry sank on the evening of June 7, 2019.") == [
        ("the evening of June 7, 2019", "TIME", "2019-06-07TEV")
    ]
    rules_off("part-of-date")
    # "the morning" was the morning of the day named before, beside Tuesday
    assert ("the morning", "TIME", "2024-02-12TMO") in times_of(extract, text)


def test_the_last_two_quarters_without_a_year_is_a_stretch(extract, rules_off):
    text = "The bakery chain has lost money in the last two quarters."
    assert times_of(extract, text) == [("the last two quarters", "DURATION", "P2Q")]
    # with its year, the half
    assert times_of(extract, "Sales fell in the last two quarters of 2023.") == [
        ("the last two quarters of 2023", "DATE", "2023-H2")
    ]
    assert times_of(extract, "Sales will rise in the first two quarters.") == [
        ("the first two quarters", "DATE", "2024-H1")
    ]
    rules_off("last-quarters")
    assert times_of(extract, text) == [("the last two quarters", "DATE", "2024-H2")]


def test_the_following_decade_is_a_decade(extract, rules_off):
    text = "Mill towns boomed in the 1960s and emptied in the following decade."
    assert times_of(extract, text) == [("the 1960s", "DATE", "196"), ("the following decade", "DATE", "197")]
    assert times_of(extract, "The dam was finished in 1975; the town grew in the following decade.")[-1] == (
        "the following decade",
        "DATE",
        "198",
    )
    rules_off("decade-shift")
    assert times_of(extract, text)[-1] == ("the following decade", "DATE", "2034")


def test_a_statement_said_later_borrows_no_date(extract, rules_off):
    text = "Mayor Anna Kowal spoke about the budget on Monday.\nKowal later said her words had been misread."
    assert dates_of(extract, text) == [("spoke", "2024-03-04"), ("said", None)]
    # "later that day" is a time of its own
    text2 = "Mayor Anna Kowal spoke about the budget on Monday. Later that day, Kowal said her words had been misread."
    assert dates_of(extract, text2)[-1] == ("said", "2024-03-04")
    rules_off("later-cue")
    assert dates_of(extract, text) == [("spoke", "2024-03-04"), ("said", "2024-03-04")]


def test_an_old_date_of_the_speaker_carries_on_only_to_a_quotation(extract, rules_off):
    text = (
        "Kowal wrote in her 2009 memoir that the mill had saved the town.\n"
        '"We owed the mill everything," Kowal wrote.\n'
        "Kowal admitted that the mill had also closed two schools."
    )
    assert dates_of(extract, text) == [("wrote", "2009"), ("wrote", "2009"), ("admitted", None)]
    rules_off("speaker-old")
    assert dates_of(extract, text) == [("wrote", "2009"), ("wrote", "2009"), ("admitted", "2009")]


def test_a_statement_still_to_come_borrows_no_earlier_date(extract, rules_off):
    text = "Kowal opened her campaign office on Monday.\nIt is unclear whether Kowal will tell her voters to back the plan."
    assert dates_of(extract, text)[-1] == ("tell", None)
    rules_off("infer-future")
    assert dates_of(extract, text)[-1] == ("tell", "2024-03-04")


def test_a_time_in_what_a_statement_says_does_not_date_it(extract, rules_off):
    text = "As the Daily Ledger reported, even if Kowal wins Tuesday's vote, she will need a coalition to govern."
    assert dates_of(extract, text) == [("reported", None)]
    rules_off("content-own")
    assert dates_of(extract, text) == [("reported", "2024-03-05")]
