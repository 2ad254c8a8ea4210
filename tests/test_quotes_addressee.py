"""newsgraph_quotes: who a statement is addressed to, on invented sentences (docs/quotes.md
"Addressee or venue": a message's "to" phrase, a dative "to", and venues still to come)."""

from __future__ import annotations

import pytest

from newsgraph.extractors import quotes as Q


@pytest.fixture(scope="module")
def every(nlp):
    """``every(text)`` -> every quote record the rules make, whatever its confidence."""
    return lambda text: Q.extract_quotes(nlp(text), min_confidence=0.0)


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
