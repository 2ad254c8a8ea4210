"""newsgraph_quotes, round 21: recall rules for reported content (``extractors/quote_recall.py``;
docs/quotes.md "Round 21: recall"). Invented sentences, each with its switch off to show what the
rule changes."""

from __future__ import annotations

import pytest


def _contents(rec):
    return [q.text for q in rec.quotes]


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "Mayor Anna Kowal will talk about the housing shortage and how the city plans to pay for new homes.",
            "the housing shortage and how the city plans to pay for new homes",
        ),
    ],
)
def test_whconj21_a_coordinated_how_clause_is_part_of_what_was_spoken_of(extract, quote_rules_off, text, content):
    assert content in _contents(extract(text))
    quote_rules_off("whconj21")
    got = _contents(extract(text))
    assert content not in got and "the housing shortage" in got


def test_whconj21_not_a_coordinated_relative_clause(extract):
    # 'and who ...' goes on with a relative clause of the object's, not a second topic
    text = "The candidates courted voters who dislike both parties and who have stayed home before."
    assert not any(" and who " in c for c in _contents(extract(text)))


@pytest.mark.parametrize(
    "text, content, source",
    [
        ("The meeting was first reported by the Riverside Gazette.", "The meeting", "the Riverside Gazette"),
        ("Her attacks on the plan were echoed by Mayor Anna Kowal.", "Her attacks on the plan", "Mayor Anna Kowal"),
    ],
)
def test_passive21_what_a_source_reported_in_the_passive(every, quote_rules_off, text, content, source):
    got = [(q.text, q.speaker_mention.text if q.speaker_mention else None, q.cue_type) for q in every(text)]
    assert (content, source, "other") in got  # (a thing reported on: not a statement)
    quote_rules_off("passive21")
    assert not any(q.text == content for q in every(text))


def test_passive21_not_a_pronoun_nor_a_verb_with_no_object(every):
    assert not any(q.text == "It" for q in every("It was reported by the newspaper on Monday."))
    assert not every("The bill was signed by the governor.")
