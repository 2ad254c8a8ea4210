"""Issue 10, round 14 (recall): events told through what was said that the other readers missed
(``extractors/events/recall.py``): praise said of someone, a verb whose preposition makes it an
act, a quoted "X must", a failing told of someone, a verb of asking whose asked act codes no
event. Short sentences written for the project (docs/events.md, "Round 14, recall")."""

from __future__ import annotations

import pytest

from events_view import of_trigger, shown

pytestmark = pytest.mark.slow


def test_praise_told_through_a_word_of_approval(evs):
    out = evs(
        "WASHINGTON — The State Department described Senator Dale Hart as a tireless advocate of "
        "human rights. The union called Governor Ann Lee a champion of working families."
    )
    (e,) = of_trigger(out, "described")
    assert e.type == "SUPPORT" and e.recipient_mention is not None and "Hart" in e.recipient_mention.text, e.rule
    (e2,) = of_trigger(out, "called")
    assert e2.type == "SUPPORT" and "Lee" in e2.recipient_mention.text, e2.rule


def test_praise_needs_a_speaker_and_someone_praised(evs):
    # a description in the story's own voice, a thing praised, a negated praise: no SUPPORT
    out = evs(
        "WASHINGTON — Senator Dale Hart is a distinguished member of the committee. "
        "The bill is superior to the old one, Senator Ann Lee said. "
        "Senator Ann Lee said the governor is not a visionary."
    )
    assert [e for e in out if e.type == "SUPPORT"] == []


def test_a_verb_whose_preposition_makes_it_criticism(evs):
    out = evs("WASHINGTON — Senator Dale Hart railed against the governor on Monday over the budget.")
    (e,) = of_trigger(out, "railed")
    assert e.type == "ACCUSE" and e.mode == "disapprove" and "governor" in e.recipient_mention.text, e.rule
    # what is gone after must be an actor: "went after the title" is no criticism
    assert of_trigger(evs("WASHINGTON — Senator Dale Hart went after the nomination."), "went") == []


def test_a_failing_told_of_someone_is_an_accusation(evs):
    out = evs("NEW DELHI — In its petition, the state government said the Centre had failed to frame a scheme.")
    (e,) = of_trigger(out, "said")
    assert e.type == "ACCUSE" and e.mode == "allege" and "Centre" in e.recipient_mention.text, e.rule
    # failing to reach an agreement stays the REJECT frame
    out2 = evs("TEHRAN — Officials said Iran failed to reach an agreement with the inspectors.")
    assert [e.type for e in of_trigger(out2, "failed")] == ["REJECT"]
    assert [e for e in out2 if e.type == "ACCUSE"] == []


def test_a_verb_of_asking_with_an_actor_and_a_to_infinitive(evs):
    out = evs("ABUJA — Senator Dale Hart advised the party leaders to learn from the opposition.")
    (e,) = of_trigger(out, "advised")
    assert e.type == "REQUEST" and e in shown(out), e.rule
    # a thing that encourages people asks nobody
    out2 = evs("WASHINGTON — The ruling could also encourage Senator Hart to stay in the race.")
    assert [e for e in out2 if e.type == "REQUEST"] == []


def test_a_quoted_demand_but_not_a_statement_formula(evs):
    out = evs('WASHINGTON — "The governor should resign now and Congress must act," Senator Dale Hart told reporters.')
    assert any(e.type == "REQUEST" for e in out)
    out2 = evs('LONDON — A spokesman said: "It is with sadness that the Ministry of Defence must confirm the death."')
    assert of_trigger(out2, "confirm") == []


def test_a_stance_held_of_someone(evs):
    out = evs(
        "WASHINGTON — Senator Dale Hart has been sharply critical of the governor's handling of the budget. "
        "Senator Ann Lee was supportive of the governor's plan."
    )
    (e,) = of_trigger(out, "critical")
    assert e.type == "ACCUSE" and e.mode == "disapprove" and "governor" in e.recipient_mention.text, e.rule
    (e2,) = of_trigger(out, "supportive")
    assert e2.type == "SUPPORT", e2.rule
    # a stance on a thing, or one denied, is no event
    out2 = evs(
        "WASHINGTON — Senator Dale Hart is concerned about the economy. "
        "Senator Ann Lee was not critical of the governor."
    )
    assert of_trigger(out2, "concerned") == [] and of_trigger(out2, "critical") == []


def test_praise_given_by_someone_is_their_support(evs):
    out = evs("WASHINGTON — Senator Ann Lee unveiled a list of endorsements from 95 retired generals on Monday.")
    (e,) = of_trigger(out, "endorsements")
    assert e.type == "SUPPORT" and "generals" in e.actor_mention.text, e.rule
    # none given: no support
    out2 = evs("WASHINGTON — Senator Ann Lee has no endorsement from the party.")
    assert [e for e in shown(out2) if e.type == "SUPPORT"] == []


def test_an_act_said_as_what_someone_should_do_is_a_demand(evs):
    # the act itself is not done: a REQUEST, not a hypothetical release
    out = evs('BEIJING — Li Wenzu met reporters on Monday. "He did nothing wrong, they should release him," she said.')
    (e,) = of_trigger(out, "release")
    assert e.type == "REQUEST" and not e.hypothetical, e.rule
    # a reproach about the past is no demand, nor what the speaker's own side must do
    out2 = evs(
        'WASHINGTON — "You should have resigned," Senator Dale Hart said. "We must fight back," Senator Ann Lee said.'
    )
    assert [e for e in out2 if e.type == "REQUEST"] == []


def test_an_endorsement_of_someone_is_not_given_by_them(evs):
    # "Cruz's non-endorsement of Trump": nobody endorses; "X's endorsement of Y" is the lexicon's
    out = evs("WASHINGTON — Sen. Ted Cruz's non-endorsement of presidential nominee Donald Trump drew attention.")
    assert [e for e in shown(out) if e.type == "SUPPORT" and "pattern:" in e.rule] == []


def test_a_meeting_told_in_a_phrase_of_when(evs):
    out = evs(
        "SEOUL — In a meeting with Chinese Foreign Minister Wang Yi on Monday, South Korean President "
        "Moon Jae-in said China must act on pollution."
    )
    (e,) = of_trigger(out, "meeting")
    assert e.type == "CONSULT" and e.actor_country == "KOR" and e.recipient_country == "CHN", e.rule
    # a briefing for reporters, a meeting ahead: no consultation
    out2 = evs(
        "PARIS — The French environment minister spoke during a meeting with reporters at the United Nations. "
        "The minister left ahead of talks with the rebels."
    )
    assert [e for e in out2 if "with" in e.rule and e.type == "CONSULT"] == []


def test_a_charge_called_false_is_a_denial(evs):
    out = evs("WASHINGTON — The Trump campaign called the charges unsubstantiated and fabricated.")
    (e,) = of_trigger(out, "called")
    assert e.type == "REJECT", e.rule
    out2 = evs("WASHINGTON — Senator Dale Hart said the allegations are not false.")
    assert [e for e in out2 if e.type == "REJECT"] == []


def test_a_stance_told_with_a_participle(evs):
    out = evs(
        "WASHINGTON — Senator Dale Hart said he was disappointed in the governor. "
        "Senator Ann Lee was impressed by the governor's speech."
    )
    (e,) = of_trigger(out, "disappointed")
    assert e.type == "ACCUSE", e.rule
    (e2,) = of_trigger(out, "impressed")
    assert e2.type == "SUPPORT", e2.rule
    # what is no act of anyone, and "critical to" (important for): no stance on someone
    out2 = evs(
        "WASHINGTON — Employers are frustrated by their inability to find workers. "
        "Senator Dale Hart said the vote was critical to his success."
    )
    assert of_trigger(out2, "frustrated") == [] and of_trigger(out2, "critical") == []
