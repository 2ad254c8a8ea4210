"""newsgraph_quotes, issue 11 round 18 (spans): invented sentences, one group per rule
(docs/quotes.md "Round 18: spans")."""

from __future__ import annotations

import pytest

from quotes_view import cued

# ---------------------------------------------------------------- what a poll suggests is the writer's reading


@pytest.mark.parametrize(
    "text, cue",
    [
        ("The Marlow poll also suggests that the governor is seen more favorably than his rivals.", "suggests"),
        ("A new poll of likely voters has revealed that most oppose the pipeline.", "revealed"),
        ("Projections suggest the tax would raise $91 billion over the next decade.", "suggest"),
        ("Early ratings data suggests that the broadcast drew about 8 million viewers.", "suggests"),
    ],
)
def test_what_data_suggests_is_no_statement(every, quote_rules_off, text, cue):
    qs = cued(every(text), cue)
    assert qs and all(q.cue_type == "other" for q in qs)
    quote_rules_off("pollread18")
    assert any(q.cue_type == "speech" for q in cued(every(text), cue))


@pytest.mark.parametrize(
    "text, cue",
    [
        ("The mayor suggested that the council should vote again.", "suggested"),
        ("Research suggests that the job losses have hurt the incumbent.", "suggests"),
    ],
)
def test_a_person_or_research_suggesting_keeps_its_statement(every, text, cue):
    assert any(q.cue_type == "speech" for q in cued(every(text), cue))


# ---------------------------------------------------------------- 'insisted on CNN that ...': the clause


@pytest.mark.parametrize(
    "text, cue, content",
    [
        (
            "The mayor agreed with the council that the bridge must be repaired.",
            "agreed",
            "the bridge must be repaired",
        ),
        ("She commented on the report that it was badly flawed.", "commented", "it was badly flawed"),
    ],
)
def test_a_clause_after_a_prepositional_object_is_the_content(every, quote_rules_off, text, cue, content):
    qs = cued(every(text), cue)
    assert qs and qs[0].text.endswith(content) and qs[0].cue_type == "speech"
    quote_rules_off("prepthat18")
    assert not any(q.text.endswith(content) for q in cued(every(text), cue))


def test_a_prepositional_object_alone_stays_the_content(every):
    qs = cued(every("The governor insisted on a recount of the ballots."), "insisted")
    assert qs and qs[0].text == "a recount of the ballots"


# ---------------------------------------------------------------- a predicate whose subject is a relative word


@pytest.mark.parametrize(
    "text, cue",
    [
        ("The new rules, which officials said will go into effect in the spring, apply to all farmers.", "said"),
        ("The plan, which the mayor says has cost the city millions, is dead.", "says"),
        ("She has a job that many economists say is the future of the city.", "say"),
    ],
)
def test_a_subject_gap_is_no_statement(every, quote_rules_off, text, cue):
    qs = cued(every(text), cue)
    assert qs and all(q.cue_type == "other" for q in qs)
    quote_rules_off("relgap18")
    assert any(q.cue_type == "speech" for q in cued(every(text), cue))


@pytest.mark.parametrize(
    "text", ["The mayor said the bridge will be closed.", "The mayor said that would be a mistake."]
)
def test_a_clause_with_its_subject_stays_a_statement(every, text):
    assert any(q.cue_type == "speech" for q in cued(every(text), "said"))


def test_a_clause_an_attribution_splits_is_no_relative_gap(every):
    text = "Climate change, the president often says, is the greatest threat facing the world."
    assert any(q.cue_type == "speech" for q in cued(every(text), "says"))


# ---------------------------------------------------------------- 'did not mention that ...': the writer's fact


@pytest.mark.parametrize(
    "text, cue",
    [
        ("The mayor's office did not mention, however, that the bridge had been closed twice.", "mention"),
        ("The minister never acknowledged that the plan had failed.", "acknowledged"),
    ],
)
def test_a_negated_factive_cue_is_no_statement(every, quote_rules_off, text, cue):
    qs = cued(every(text), cue)
    assert qs and all(q.cue_type == "other" for q in qs)
    quote_rules_off("negfact18")
    assert any(q.cue_type == "speech" for q in cued(every(text), cue))


def test_a_negated_say_keeps_its_statement(every):
    assert any(q.cue_type == "speech" for q in cued(every("The minister did not say that the plan had failed."), "say"))


# ---------------------------------------------------------------- 'on condition of anonymity' is no content


def test_the_terms_of_anonymity_are_no_quote(every, quote_rules_off):
    text = "He could not find a single buyer, he said, on condition of anonymity to speak freely about the deal."
    assert not any("anonymity" in q.text for q in every(text))
    quote_rules_off("anoncond18")
    assert any(q.text.startswith("on condition of anonymity") for q in every(text))
