"""Issue 11, round 20: speakers and statements (invented sentences, one group per rule;
docs/quotes.md "Round 20").

Each speaker rule has a name in ``entities.SPEAKER_RULES_OFF``, each statement rule one in
``quotes._RULES_OFF``; a test switches it off to show what it changes."""

from __future__ import annotations

import pytest

from quotes_view import cued
from speaker_helpers import quote_starting as _q
from speaker_helpers import speaker_of as _speaker_of

# ---------------------------------------------------------------- described20


CASHIER = (
    "Anna Novak, the mayor, said the fund was empty.\n\n"
    "A middle-aged cashier at the market said the line had stretched for hours. "
    '"It was chaos," said the woman. "I have worked here ten years," she said.'
)


def test_she_after_an_unnamed_woman_goes_on_with_her(extract, without):
    assert _speaker_of(extract(CASHIER), "I have worked") is None
    assert _q(extract(CASHIER), "I have worked").speaker_mention.text == "the woman"
    without("described20")
    assert _speaker_of(extract(CASHIER), "I have worked") == "Anna Novak"


def test_she_after_an_unnamed_man_is_not_him(extract):
    text = (
        "Anna Novak, the mayor, said the fund was empty.\n\n"
        'An elderly man at the market said the line had stretched for hours. "It was chaos," said the man. '
        '"We will vote against the plan," she said.'
    )
    assert _speaker_of(extract(text), "We will vote") == "Anna Novak"


def test_he_after_an_unnamed_person_named_since_is_the_named_one(extract):
    text = (
        'A cashier at the market said the line had stretched for hours. "It was chaos," said the cashier. '
        'Tom Reyes, the treasurer, visited the market on Monday. "We will pay for more staff," he said.'
    )
    assert _speaker_of(extract(text), "We will pay") == "Tom Reyes"


# ---------------------------------------------------------------- inversion20


INVERTED = (
    'Tom Reyes runs the bakery on Main Street. "We never close," he said.\n\n'
    "At a store near the bakery, a middle-aged cashier was shaken by what she had heard. "
    '"One man came in and said we should close," said the woman, who like many in the town did not want to be '
    'named. "Too much anger," she said.'
)


def test_a_description_after_an_inverted_cue_is_the_speaker(extract, without):
    q = _q(extract(INVERTED), "One man came in")
    assert q.speaker is None and q.speaker_mention.text == "the woman"
    assert _q(extract(INVERTED), "Too much anger").speaker_mention.text == "the woman"
    without("inversion20")
    assert _q(extract(INVERTED), "One man came in").speaker_mention is None


def test_a_date_after_an_inverted_cue_is_no_speaker(extract):
    text = '"We will reopen the bridge in May," said Tuesday a statement from the city.'
    q = _q(extract(text), "We will reopen")
    assert q.speaker_mention is None or "Tuesday" not in q.speaker_mention.text


# ---------------------------------------------------------------- conj-subject20


def test_he_of_a_coordinated_clause_is_the_first_clauses_subject(extract, without):
    text = (
        "Tom Reyes, the treasurer, published the figures on Friday.\n\n"
        "Rep. Mark Dunn, chairman of the budget committee, didn't second-guess Reyes's figures on the deficit, "
        "but he did call for a new audit of the city accounts."
    )
    assert _speaker_of(extract(text), "a new audit") == "Mark Dunn"
    without("conj-subject20")
    assert _speaker_of(extract(text), "a new audit") == "Tom Reyes"


# ---------------------------------------------------------------- prev-act20


def test_he_opening_a_paragraph_after_a_new_persons_act_is_that_person(extract, without):
    text = (
        'In a statement, Tom Reyes said the ruling "will force us to reopen the rolls." '
        "He said the county would appeal.\n\n"
        'Mark Dunn, the party chairman, called the ruling a "huge win for voters."\n\n'
        '"The decision protects every voter in the county," he said in a statement.'
    )
    assert _speaker_of(extract(text), "The decision protects") == "Mark Dunn"
    without("prev-act20")
    assert _speaker_of(extract(text), "The decision protects") == "Tom Reyes"


# ---------------------------------------------------------------- go-on-gender20


def test_she_added_after_a_man_was_quoted_is_not_him(extract, without):
    text = (
        "Tom Reyes said he questioned the judgment of Anna Novak on the budget. "
        "She added that his plan would raise questions about the budget."
    )
    assert _speaker_of(extract(text), "that his plan") == "Anna Novak"
    without("go-on-gender20")
    assert _speaker_of(extract(text), "that his plan") is None


# ---------------------------------------------------------------- howtopic20


@pytest.mark.parametrize(
    "text, cue",
    [
        ("The engineer described how she carefully checks the pipes every morning.", "described"),
        ("Anna Novak spoke for an hour, explaining how the city could justify the bonuses.", "explaining"),
        ("Tom Reyes explained what the new plan would cost the city.", "explained"),
    ],
)
def test_the_topic_of_an_account_is_no_statement(every, quote_rules_off, text, cue):
    qs = cued(every(text), cue)
    assert qs and all(q.cue_type == "other" for q in qs)
    quote_rules_off("howtopic20")
    assert any(q.cue_type == "speech" for q in cued(every(text), cue))


@pytest.mark.parametrize(
    "text, cue",
    [
        ("Mark Dunn said how proud he was of the team.", "said"),
        ("Anna Novak asked how the city could afford the plan.", "asked"),
        ("Tom Reyes recalled how on his first day all he saw was an empty office.", "recalled"),
    ],
)
def test_how_after_other_cues_keeps_its_statement(every, text, cue):
    qs = cued(every(text), cue)
    assert not qs or any(q.cue_type == "speech" for q in qs)


# ---------------------------------------------------------------- gapinf20


@pytest.mark.parametrize(
    "text, cue",
    [
        ("The case challenges the city's claims to the river, which the mayor has vowed to ignore.", "vowed"),
        ("If there were no primaries - as Novak claims to desire - Reyes would already have won.", "claims"),
    ],
)
def test_an_infinitive_with_its_object_before_the_cue_is_no_statement(every, quote_rules_off, text, cue):
    qs = cued(every(text), cue)
    assert qs and all(q.cue_type == "other" for q in qs)
    quote_rules_off("gapinf20")
    assert any(q.cue_type == "speech" for q in cued(every(text), cue))


@pytest.mark.parametrize(
    "text, cue",
    [
        ("The mayor vowed to resign.", "vowed"),
        ("Anna Novak promised to fight the ruling in court.", "promised"),
    ],
)
def test_an_infinitive_with_its_own_object_keeps_its_statement(every, text, cue):
    qs = cued(every(text), cue)
    assert not qs or any(q.cue_type == "speech" for q in qs)


def test_he_answering_an_unnamed_asker_is_not_the_asker(extract):
    text = (
        "Mr. Reyes himself tried to draw a distinction during an interview this month with a local station, "
        "when a reporter asked if the new plan meant that he was reversing his pledge.\n\n"
        "\"You know, when I said, 'No new taxes,' I think the people understood that,\" he said."
    )
    assert _speaker_of(extract(text), "You know") == "Reyes"
