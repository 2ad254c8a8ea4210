"""Event rules of issue 10, round 6: false events in text with no political content, actors
resolved through the quotes' speaker resolution (``extractors/speakers.py``), pronoun objects
inside reported speech; one short invented sentence per rule (docs/changelog-events.md, round 6)."""

from __future__ import annotations

from newsgraph.thresholds import event_min_confidence


def shown(events):
    """The events a default view shows: at or above the threshold and not flagged."""
    t = event_min_confidence()
    return [e for e in events if (e.confidence or 0) >= t and not (e.negated or e.hypothetical or e.future)]


def of_trigger(events, word):
    return [e for e in events if word in e.trigger.text.split()]


def test_a_subject_hung_on_the_auxiliary_is_the_subject(evs):
    # the parser attaches "the agency" to "is": the minister only reports what the agency is
    events = evs(
        "Speaking of the new loan scheme, the Minister noted that the newly created agency is committed "
        "to support small bakeries in the region."
    )
    for e in of_trigger(events, "committed"):
        assert e.actor_mention is None or "Minister" not in e.actor_mention.text
        assert e not in shown(events)


def test_showing_is_no_protest(evs):
    events = evs('"The grant signed today demonstrates the union\'s commitment to clean water," the director said.')
    assert not [e for e in events if e.type == "PROTEST"]
    # a demonstration with no object still is one
    (e,) = [e for e in evs("Thousands of students demonstrated outside parliament on Friday.") if e.type == "PROTEST"]
    assert e.trigger.text == "demonstrated"


def test_a_business_that_closes_down_is_closed_by_no_one(evs):
    events = evs("The bakery on Main Street closed down in March after forty years, its owner said.")
    assert not [e for e in events if e.type == "COERCE"]
    (e,) = [e for e in evs("The government shut down the opposition newspaper on Monday.") if e.type == "COERCE"]
    assert e.mode == "restrict"


def test_an_alert_is_mobilisation_only_with_forces(evs):
    events = evs("The city issued alerts over the thick smog that covered the region on Tuesday.")
    assert not [e for e in events if e.type == "MOBILIZE"]
    found = evs("The army issued an alert along the northern border after the shelling, the ministry said.")
    assert [e for e in found if e.type == "MOBILIZE"]


def test_a_firm_acting_on_a_target_guessed_from_its_clause_is_gated(evs):
    events = evs(
        "The chief executives of four airlines met in Brussels and decided to lobby for a new EU aviation strategy."
    )
    assert not shown(events)


def test_an_event_noun_that_is_a_topic_of_comment_is_no_report(evs):
    events = evs("Lawyers for the singer had no comment on the attack when reached by reporters.")
    assert not [e for e in events if e.trigger.text == "attack"]


def test_who_is_kept_from_an_act_would_have_done_it_and_it_did_not_happen(evs):
    events = evs("In 1998 the court blocked a chemicals company from abandoning its waste plants.")
    for e in of_trigger(events, "abandoning"):
        assert e.actor_mention is not None and "company" in e.actor_mention.text
    (e,) = [e for e in evs("Riot police barred the students from marching to parliament.") if e.type == "PROTEST"]
    assert e.negated
