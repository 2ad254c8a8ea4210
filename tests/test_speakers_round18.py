"""Issue 11, round 18: speakers (invented sentences, one per rule; docs/quotes.md "Round 18: speakers").

Each rule has a name in ``entities.SPEAKER_RULES_OFF``; a test switches it off to show what it
changes."""

from __future__ import annotations

from speaker_helpers import quote_starting as _q
from speaker_helpers import speaker_of as _speaker_of


def test_a_text_obtained_by_an_outlet_is_not_the_outlets(extract, without):
    text = "The letter, obtained by the Harlow Gazette, warned that the agency would run out of money by October."
    assert _speaker_of(extract(text), "that the agency") is None
    assert _q(extract(text), "that the agency").speaker_mention.text == "The letter"
    without("obtained18")
    assert _speaker_of(extract(text), "that the agency") == "Harlow Gazette"


def test_a_text_an_outlet_obtained_before_is_not_the_outlets(extract, without):
    text = "The Harlow Gazette obtained the memo on Tuesday. The memo said the plant would close in March."
    assert _speaker_of(extract(text), "the plant would") is None
    without("obtained18")
    assert _speaker_of(extract(text), "the plant would") == "Harlow Gazette"


def test_a_text_sent_by_a_body_is_still_the_bodys(extract):
    text = "The Kowal Group sent a letter to the council on Monday. The letter warned that the plan would fail."
    assert _speaker_of(extract(text), "that the plan") == "Kowal Group"
