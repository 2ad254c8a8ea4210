"""A new date given by a verb of rescheduling, and a "would" reported by a past verb of saying,
are still to come (issue 12, third round): texts written for the project, published on a
Wednesday."""

from __future__ import annotations

import pytest

PUB = "2024-03-06"  # a Wednesday


@pytest.mark.parametrize(
    "text, expr, value",
    [
        ("The vote was postponed until March 20.", "March 20", "2024-03-20"),
        ("The court adjourned the case to March 20.", "March 20", "2024-03-20"),
        ("The judge set sentencing for April 12.", "April 12", "2024-04-12"),
        ("The deadline was extended to Friday.", "Friday", "2024-03-08"),
        ("The hearing was postponed to Monday.", "Monday", "2024-03-11"),
        ("The board scheduled a meeting for Thursday.", "Thursday", "2024-03-07"),
        ("The launch was delayed to May.", "May", "2024-05"),
    ],
)
def test_new_date_of_a_rescheduling_verb_is_ahead(times_of, text, expr, value):
    assert times_of(text)[expr].value == value


def test_what_happened_on_a_past_day_stays_past(times_of):
    ts = times_of("The vote was held on March 1, and the minister moved to Berlin on Monday.")
    assert ts["Monday"].value == "2024-03-04"
    ts = times_of("The offer had been scheduled to expire on Friday.")
    assert ts["Friday"].value == "2024-03-01"


def test_would_in_reported_speech_without_a_day_of_saying_is_ahead(times_of):
    # the day of saying is in a relative clause, not on "said": "would" still points forward
    ts = times_of("Kowal, who spoke to reporters on Monday, said talks would resume Thursday.")
    assert ts["Thursday"].value == "2024-03-07"
    # with the day of saying on "said", the day is read from it (Friday after Monday, published Saturday)
    ts = times_of("Kowal said on Monday that the talks would resume on Friday.", published="2024-03-09")
    assert ts["Friday"].value == "2024-03-08"
