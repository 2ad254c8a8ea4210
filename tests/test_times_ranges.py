"""Stated ranges whose ends, read one by one, would run backwards, and months named around a
range (issue 12, third round): texts written for the project, with the values a reader gives."""

from __future__ import annotations

PUB = "2024-03-06"  # a Wednesday


def test_weekday_range_in_the_future_runs_forward(times_of):
    # Monday has passed this week: read forward it is next Monday, so Thursday is the one after
    ts = times_of("Voting runs from Monday through Thursday.")
    assert ts["Monday"].value == "2024-03-11"
    assert ts["Thursday"].value == "2024-03-14"
    assert ts["Monday"].range == ts["Thursday"].range == ["2024-03-11", "2024-03-14"]
    assert ts["Thursday"].resolution == "range"


def test_weekday_range_in_the_past_runs_forward(times_of):
    # Thursday read as past is last week's: the Monday before it starts the range
    ts = times_of("Voting ran from Monday through Thursday.")
    assert ts["Monday"].range == ["2024-02-26", "2024-02-29"]
    ts = times_of("Voting ran from Friday to Monday.")
    assert ts["Friday"].range == ["2024-03-01", "2024-03-04"]


def test_a_change_of_date_is_no_range(times_of):
    ts = times_of("The talks were postponed from Friday to Tuesday.")
    assert ts["Friday"].range is None and ts["Tuesday"].range is None


def test_clock_range_over_midnight_ends_the_next_day(times_of):
    ts = times_of("The curfew lasts from 10 p.m. to 6 a.m.")
    assert ts["10 p.m."].value == "2024-03-06T22:00"
    assert ts["6 a.m."].value == "2024-03-07T06:00"
    assert ts["6 a.m."].range == ["2024-03-06T22:00", "2024-03-07T06:00"]


def test_month_ranges_stay_in_one_stretch(times_of):
    ts = times_of("Prices fell in March-April.")
    assert ts["March"].range == ["2023-03", "2023-04"]
    ts = times_of("Heavy rains fell from November to January.")
    assert ts["November"].range == ["2023-11", "2024-01"]
    ts = times_of("The fair will run from February to April.")
    assert ts["February"].range == ["2025-02", "2025-04"]


def test_march_between_and_before_a_month_is_the_month(times_of):
    ts = times_of("The festival runs between March and May.")
    assert ts["March"].value == "2024-03"
    assert ts["March"].range == ["2024-03", "2024-05"]
    assert "march" not in {k.lower() for k in times_of("Thousands march in the capital.")}


def test_the_year_to_a_month_is_a_year_long_period(times_of):
    ts = times_of("Sales rose 5% in the year to March.")
    assert ts["the year"].type == "DURATION" and ts["the year"].value == "P1Y"
    assert ts["the year"].range is None


def test_month_day_range_around_publication(times_of):
    # read alone, "Feb. 20" under a present verb is the next one (2025): the stretch that runs now
    ts = times_of("The exhibition runs from Feb. 20 to March 15.")
    assert ts["Feb. 20"].value == "2024-02-20" and ts["March 15"].value == "2024-03-15"
    assert ts["Feb. 20"].range == ["2024-02-20", "2024-03-15"]


def test_month_day_range_over_new_year(times_of):
    # seen on Dec. 1, the winter market is this winter's: the end moves into the next year
    ts = times_of("The market will be open from Dec. 20 to Jan. 5.", published="2024-12-01")
    assert ts["Dec. 20"].range == ["2024-12-20", "2025-01-05"]
    ts = times_of("The festival ran from Dec. 26 to Jan. 4.", published="2024-01-10")
    assert ts["Dec. 26"].range == ["2023-12-26", "2024-01-04"]


def test_month_day_range_with_a_year_is_left_as_written(times_of):
    ts = times_of("The survey ran from Nov. 3, 2023 to Feb. 1, 2023.")
    assert ts["Nov. 3, 2023"].range is None  # backwards as written: no range is made up
