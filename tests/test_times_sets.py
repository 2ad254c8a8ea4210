"""Recurring times counted by a number of units or on weekends, quarter abbreviations, wire clock
times, "earlier in the day" (issue 12, third round): texts written for the project."""

from __future__ import annotations


def _times(nlp, text, published="2024-03-06"):
    doc = nlp.make_doc(text)
    doc._.published = published
    return {t.text: t for t in nlp(doc)._.times}


def test_every_n_units_is_a_set(nlp):
    ts = _times(nlp, "Patients get a dose every 24 hours, a scan every other week and a check every two months.")
    assert (ts["every 24 hours"].type, ts["every 24 hours"].value) == ("SET", "PT24H")
    assert (ts["every other week"].type, ts["every other week"].value) == ("SET", "P2W")
    assert (ts["every two months"].type, ts["every two months"].value) == ("SET", "P2M")
    assert "two months" not in ts  # one expression, not a set around a duration


def test_on_weekends_is_a_set(nlp):
    ts = _times(nlp, "The market opens on weekends and on Sundays.")
    assert (ts["weekends"].type, ts["weekends"].value) == ("SET", "XXXX-WXX-WE")
    assert ts["Sundays"].value == "XXXX-WXX-7"
    assert "weekends" not in _times(nlp, "He spent weekends at home.")


def test_quarter_abbreviations_with_a_year(nlp):
    ts = _times(nlp, "Revenue grew 8% in Q3 2023, the 2024 Q1 figures were weaker and H1 2024 sales rose.")
    assert ts["Q3 2023"].value == "2023-Q3" and ts["Q3 2023"].granularity == "quarter"
    assert ts["2024 Q1"].value == "2024-Q1"
    assert ts["H1 2024"].value == "2024-H1" and ts["H1 2024"].granularity == "half"


def test_earlier_in_the_day_is_the_day_named_last(nlp):
    ts = _times(nlp, "On Monday, the army attacked the town. Earlier in the day, the mayor had fled.")
    assert ts["Earlier in the day"].value == "2024-03-04"
    assert _times(nlp, "Fighting eased later in the day.")["later in the day"].value == "2024-03-06"


def test_wire_24_hour_clock_times(nlp):
    ts = _times(nlp, "Trading halted at 0900 GMT. The truce expires at 1600 local time on Friday.")
    assert (ts["0900 GMT"].type, ts["0900 GMT"].value) == ("TIME", "2024-03-06T09:00")
    assert ts["1600 local time on Friday"].value == "2024-03-08T16:00"
    assert "1600" not in ts  # not the year 1600
    assert _times(nlp, "The church was built in 1600.")["1600"].value == "1600"


def test_clock_time_takes_the_day_named_right_after(nlp):
    ts = _times(nlp, "The blast happened at 3 p.m. local time (1300 GMT) on Tuesday.")
    assert ts["3 p.m. local time"].value == "2024-03-05T15:00"
    assert ts["1300 GMT"].value == "2024-03-05T13:00"
