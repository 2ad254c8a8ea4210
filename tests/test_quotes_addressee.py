"""newsgraph_quotes: who a statement is addressed to, on invented sentences (docs/quotes.md
"Addressee or venue": a message's "to" phrase, a dative "to", and venues still to come)."""

from __future__ import annotations

import pytest


def _by_cue(qs, cue):
    return next(q for q in qs if q.cue is not None and q.cue.text == cue)


DATIVE = "Senator Dana Whitfield offered some blunt advice to Governor Tom Reyes on Monday."
APOLOGY = "The mayor delivered an apology to the families of the victims."
FUTURE = "Senator Dana Whitfield offered some blunt advice on Monday in the upcoming budget debate."


def test_a_dative_to_gives_its_object_not_the_preposition(every, quote_rules_off):
    q = _by_cue(every(DATIVE), "offered")
    assert q.addressee is not None and q.addressee.text == "Governor Tom Reyes"
    quote_rules_off("dative-to")
    assert _by_cue(every(DATIVE), "offered").addressee.text == "to"  # what the rule repairs


def test_a_message_told_as_the_object_is_addressed_by_its_to_phrase(every, quote_rules_off):
    q = _by_cue(every(APOLOGY), "delivered")
    assert q.addressee is not None and q.addressee.text == "the families of the victims"
    quote_rules_off("object-to")
    assert _by_cue(every(APOLOGY), "delivered").addressee is None


def test_an_end_to_something_names_no_addressee(every):
    q = _by_cue(every("Senator Whitfield called for an end to the strike."), "called")
    assert q.addressee is None


def test_a_venue_still_to_come_is_no_venue(every, quote_rules_off):
    assert _by_cue(every(FUTURE), "offered").addressee is None
    quote_rules_off("future-venue")
    q = _by_cue(every(FUTURE), "offered")
    assert q.addressee is not None and q.addressee.text == "the upcoming budget debate"


def test_a_past_venue_is_still_read(every):
    q = _by_cue(every("The minister said in a televised address on Tuesday that the border would stay closed."), "said")
    assert q.addressee is not None and q.addressee.text.startswith("a televised address")


@pytest.mark.parametrize(
    "text, venue",
    [
        ("Speaking at a rally in Toledo, Governor Reyes said the plant would stay open.", "a rally in Toledo"),
        ("Governor Reyes, speaking at a rally in Toledo, said the plant would stay open.", "a rally in Toledo"),
        (
            "Senator Whitfield, in an interview with the Daily Ledger, said the bill would fail.",
            "an interview with the Daily Ledger",
        ),
        ("Talking to reporters after the vote, Senator Whitfield said the bill would fail.", "reporters"),
        (
            'Whitfield, speaking on the programme "Morning Desk", said the bill would fail.',
            'the programme "Morning Desk"',
        ),
    ],
)
def test_a_venue_told_before_the_cue(every, text, venue):
    q = _by_cue(every(text), "said")
    assert q.addressee is not None and q.addressee.text == venue


def test_speaking_on_condition_of_anonymity_is_no_venue(every, quote_rules_off):
    text = "The official, speaking on condition of anonymity, said the talks had stalled."
    assert _by_cue(every(text), "said").addressee is None
    text = "Speaking at a rally in Toledo, Governor Reyes said the plant would stay open."
    quote_rules_off("venue-before")
    assert _by_cue(every(text), "said").addressee is None
