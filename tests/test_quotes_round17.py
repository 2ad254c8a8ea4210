"""newsgraph_quotes, issue 11 round 17 (spans): invented sentences, one group per rule
(docs/quotes.md "Round 17: spans")."""

from __future__ import annotations

import pytest

from quotes_view import cued

# ---------------------------------------------------------------- a negated cue with an object says nothing


@pytest.mark.parametrize(
    "text, cue",
    [
        ('The governor would not comment on an order signed by the mayor "to protect the river".', "comment"),
        ('The minister has not commented on the "new rules" for farmers since March.', "commented"),
    ],
)
def test_a_negated_cue_with_an_object_is_no_statement(every, quote_rules_off, text, cue):
    qs = cued(every(text), cue)
    assert qs and all(q.cue_type == "other" for q in qs)
    quote_rules_off("negobj17")
    assert any(q.cue_type == "speech" for q in cued(every(text), cue))


@pytest.mark.parametrize(
    "text, cue",
    [
        ('The governor commented on the "new rules" for farmers on Monday.', "commented"),
        ("The senator did not say that the plan would fail.", "say"),
    ],
)
def test_a_cue_not_negated_or_with_a_clause_keeps_its_statement(every, text, cue):
    assert any(q.cue_type == "speech" for q in cued(every(text), cue))


# ---------------------------------------------------------------- 'continued doing' is no statement


def test_going_on_doing_is_no_statement(every, quote_rules_off):
    text = "As the results came in, Kowal continued delivering a longer version of her speech."
    qs = cued(every(text), "continued")
    assert qs and all(q.cue_type == "other" for q in qs)
    quote_rules_off("aspect17")
    assert any(q.cue_type == "speech" for q in cued(every(text), "continued"))


def test_going_on_speaking_stays_a_statement(every):
    qs = every('"We will not stop now," the mayor continued.')
    assert any(q.cue_type == "speech" and q.text.startswith("We will not stop") for q in qs)


# ---------------------------------------------------------------- the means of a hypothetical act


def test_the_means_of_a_hypothetical_act_is_no_statement(every, quote_rules_off):
    text = "The mayor could end the dispute by telling the council that she will drop the plan."
    qs = cued(every(text), "telling")
    assert qs and all(q.cue_type == "other" for q in qs)
    quote_rules_off("modalby17")
    assert any(q.cue_type == "speech" for q in cued(every(text), "telling"))


def test_the_means_of_a_real_act_stays_a_statement(every):
    qs = cued(every("The mayor ended the dispute by telling the council that she will drop the plan."), "telling")
    assert any(q.cue_type == "speech" for q in qs)


# ---------------------------------------------------------------- a comma that closes an apposition


def test_a_with_phrase_after_an_apposition_goes_on_with_the_clause(every, quote_rules_off):
    text = (
        "The aide wrote that he needed to connect Jan Kowal, a shipping magnate who was one of the "
        "party's top donors, with someone at the ministry to talk about his interests in Gdansk."
    )
    qs = cued(every(text), "wrote")
    assert qs and qs[0].text.endswith("his interests in Gdansk")
    quote_rules_off("withappos17")
    assert cued(every(text), "wrote")[0].text.endswith("top donors")


def test_a_final_with_phrase_is_still_cut(every):
    qs = cued(
        every("The mayor said the new tax would pay for the road, with most of the money coming from tourists."), "said"
    )
    assert qs and qs[0].text == "the new tax would pay for the road"


# ---------------------------------------------------------------- one clause the parse split in two


@pytest.mark.parametrize(
    "text, end",
    [
        ("The coach told me he\u2019s had a quiet life and was not ready for the loss.", "for the loss"),
        ("The governor said he would be honored to serve should the opportunity present itself.", "present itself"),
    ],
)
def test_a_clause_split_in_two_by_the_parse_is_one_content(every, quote_rules_off, text, end):
    cue = next(w for w in ("told", "said") if w in text)
    qs = cued(every(text), cue)
    assert qs and qs[0].text.endswith(end)
    quote_rules_off("ccompjoin17")
    assert not cued(every(text), cue)[0].text.endswith(end)


def test_two_clauses_with_a_conjunction_between_stay_apart(every):
    text = "To suggest that the vote was a mistake is outrageous."
    assert all(not q.text.endswith("outrageous") for q in cued(every(text), "suggest"))
