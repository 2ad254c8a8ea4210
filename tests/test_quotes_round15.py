"""newsgraph_quotes, issue 11 round 15 (content): invented sentences, one per rule
(docs/quotes.md "Round 15: content")."""

from __future__ import annotations

import pytest


def texts(qs):
    return [q.text for q in qs]


# ---------------------------------------------------------------- a reported clause running into a quotation


def test_a_quotation_that_goes_on_with_a_reported_clause_is_part_of_it(every, quote_rules_off):
    text = 'Novak said she had received offers for the land, but "the offers were to use it in a way I did not like."'
    qs = every(text)
    assert texts(qs) == [
        'she had received offers for the land, but "the offers were to use it in a way I did not like."'
    ]
    assert qs[0].kind == "mixed" and qs[0].rule.startswith("indirect:ccomp")
    assert qs[0].speaker_mention.text == "Novak"
    quote_rules_off("tailquote15")
    assert texts(every(text)) == [
        "she had received offers for the land",
        "the offers were to use it in a way I did not like.",
    ]


def test_a_second_quoted_part_of_the_same_clause_joins_it(every):
    text = (
        "The mayor told residents on Sunday that her deputy would be \u201cin charge of rebuilding the "
        "harbor, because he knows how to do it,\u201d especially \u201cin places like the old docks.\u201d"
    )
    qs = every(text)
    assert len(qs) == 1
    assert qs[0].text.startswith("that her deputy would be") and qs[0].text.endswith("the old docks.\u201d")


@pytest.mark.parametrize(
    "text",
    [
        # a sentence ends before the quotation: a record of its own
        'Novak said the budget was balanced. "We did it without new taxes and without cuts," she added.',
        # the quotation has a cue of its own between them
        'Novak said the plan would fail, Kowal replied, "It will not last the winter, believe me."',
        # a dash sets the quotation apart
        'Novak cited the town\'s old motto -- "Build it once and build it well for all of us."',
    ],
)
def test_a_quotation_set_apart_from_the_clause_is_not_joined(every, text):
    assert not any(q.kind == "mixed" and q.text.endswith(('us."', 'winter, believe me."')) for q in every(text))
    assert all("balanced." not in q.text for q in every(text))
