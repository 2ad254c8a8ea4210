"""newsgraph_quotes, issue 11 round 17 (spans): invented sentences, one group per rule
(docs/quotes.md "Round 17: spans")."""

from __future__ import annotations

import pytest

from newsgraph.extractors import quotes as Q


@pytest.fixture(scope="module")
def every(nlp):
    """``every(text)`` -> every quote record the rules make, whatever its confidence."""
    return lambda text: Q.extract_quotes(nlp(text), min_confidence=0.0)


def _cued(qs, cue):
    return [q for q in qs if q.cue is not None and q.cue.text == cue and q.kind != "direct"]


# ---------------------------------------------------------------- a negated cue with an object says nothing


@pytest.mark.parametrize(
    "text, cue",
    [
        ('The governor would not comment on an order signed by the mayor "to protect the river".', "comment"),
        ('The minister has not commented on the "new rules" for farmers since March.', "commented"),
    ],
)
def test_a_negated_cue_with_an_object_is_no_statement(every, quote_rules_off, text, cue):
    qs = _cued(every(text), cue)
    assert qs and all(q.cue_type == "other" for q in qs)
    quote_rules_off("negobj17")
    assert any(q.cue_type == "speech" for q in _cued(every(text), cue))


@pytest.mark.parametrize(
    "text, cue",
    [
        ('The governor commented on the "new rules" for farmers on Monday.', "commented"),
        ("The senator did not say that the plan would fail.", "say"),
    ],
)
def test_a_cue_not_negated_or_with_a_clause_keeps_its_statement(every, text, cue):
    assert any(q.cue_type == "speech" for q in _cued(every(text), cue))


# ---------------------------------------------------------------- 'continued doing' is no statement


def test_going_on_doing_is_no_statement(every, quote_rules_off):
    text = "As the results came in, Kowal continued delivering a longer version of her speech."
    qs = _cued(every(text), "continued")
    assert qs and all(q.cue_type == "other" for q in qs)
    quote_rules_off("aspect17")
    assert any(q.cue_type == "speech" for q in _cued(every(text), "continued"))


def test_going_on_speaking_stays_a_statement(every):
    qs = every('"We will not stop now," the mayor continued.')
    assert any(q.cue_type == "speech" and q.text.startswith("We will not stop") for q in qs)


# ---------------------------------------------------------------- the means of a hypothetical act


def test_the_means_of_a_hypothetical_act_is_no_statement(every, quote_rules_off):
    text = "The mayor could end the dispute by telling the council that she will drop the plan."
    qs = _cued(every(text), "telling")
    assert qs and all(q.cue_type == "other" for q in qs)
    quote_rules_off("modalby17")
    assert any(q.cue_type == "speech" for q in _cued(every(text), "telling"))


def test_the_means_of_a_real_act_stays_a_statement(every):
    qs = _cued(every("The mayor ended the dispute by telling the council that she will drop the plan."), "telling")
    assert any(q.cue_type == "speech" for q in qs)
