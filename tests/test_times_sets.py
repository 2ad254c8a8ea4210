"""Recurring times counted by a number of units or on weekends (issue 12, third round): texts
written for the project."""

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
