"""Event rules of issue 10, round 6: false events in text with no political content, actors
resolved through the quotes' speaker resolution (``extractors/speakers.py``), pronoun objects
inside reported speech; one short invented sentence per rule (docs/changelog-events.md, round 6)."""

from __future__ import annotations

from events_view import of_trigger, shown


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


ARTICLE = (
    "Sen. Ted Cruz of Texas spoke in Houston on Monday about the border.\n"
    "Senator from Texas says the governor lied about the budget.\n"
    "Northwind Energy said on Monday it would close two plants in Ohio.\n"
    "The company accused the state regulator of delaying its licence, the statement said.\n"
    "The senator also criticised the mayor of Austin."
)


def test_an_actor_described_or_titled_is_the_named_speaker_the_quotes_resolve(extract):
    rec = extract(ARTICLE, published="2024-03-06")
    names = {e.id: e.name for e in rec.entities}
    by_trigger = {e.trigger.text: e for e in rec.events}
    # a title in a headline-like sentence and a title later on: the senator the article names
    assert names[by_trigger["says"].actor] == "Ted Cruz"
    assert names[by_trigger["criticised"].actor] == "Ted Cruz"
    assert by_trigger["criticised"].actor_mention.text == "The senator"  # the words in the sentence stay
    # a description of a body: the body just quoted
    assert names[by_trigger["accused"].actor] == "Northwind Energy"
    assert "description" in by_trigger["accused"].rule


def test_the_quote_speaker_and_the_event_actor_are_one_reading(extract):
    from newsgraph.extractors import speakers

    rec = extract(ARTICLE, published="2024-03-06")
    quoted = {q.speaker_mention.start: q.speaker for q in rec.quotes if q.speaker_mention is not None}
    matched = [e for e in rec.events if e.actor_mention is not None and e.actor_mention.start in quoted]
    assert len(matched) >= 2
    for e in matched:
        assert e.actor == quoted[e.actor_mention.start], e.trigger.text
    assert callable(speakers.stands_for) and callable(speakers.antecedent)


def test_an_object_pronoun_in_reported_speech_is_never_the_speaker(extract):
    rec = extract(
        "Sen. Ted Cruz of Texas spoke in Houston on Monday.\nThe police chief said officers arrested him on Friday.",
        published="2024-03-06",
    )
    (e,) = [e for e in rec.events if e.type == "COERCE"]
    assert e.actor_mention.text == "officers"
    assert e.recipient_mention is None or e.recipient_mention.text == "him"
    assert e.recipient_mention is None or "chief" not in e.recipient_mention.text
    chief = [x.id for x in rec.entities if any("chief" in m.text for m in x.mentions)]
    assert e.recipient is None or e.recipient not in chief
    # a clause under a frame is still what the speakers told
    rec = extract("The two women told police the driver threatened to stab them.", published="2024-03-06")
    (t,) = [e for e in rec.events if e.type == "THREATEN"]
    assert t.recipient_mention is None or t.recipient_mention.text == "them"
    assert "police" not in (t.recipient_mention.text if t.recipient_mention else "")


def test_a_subject_pronoun_in_reported_speech_is_still_the_speaker(evs):
    (e,) = [e for e in evs("Hungary has said it will support the new sanctions on Moscow.") if e.type == "AGREE"]
    assert e.actor_country == "HUN"


def test_a_light_verb_with_an_event_noun_is_not_a_general_verb(evs):
    events = evs(
        "A student and his father have launched a lawsuit against the city police, alleging he was beaten at a station."
    )
    (e,) = [e for e in events if e.type == "ACCUSE" and "lawsuit" in e.trigger.text]
    assert "untrusted" not in e.rule and e.recipient_mention.text.endswith("police")


def test_a_particle_read_for_a_preposition_still_gives_the_recipient(evs):
    (e,) = [e for e in evs("The victim's family has called on police to release the videos.") if e.type == "REQUEST"]
    assert e.recipient_mention is not None and e.recipient_mention.text == "police"


def test_recall_rules_of_round_six(evs):
    (r,) = [e for e in evs("The appeals court released him on a suspended sentence on Tuesday.") if e.type == "RETREAT"]
    assert r.mode == "release"
    (s,) = [
        e
        for e in evs("The farmers are seeking 2 million dollars in damages from the water board.")
        if e.type == "REQUEST"
    ]
    assert "damages" in s.rule
    (w,) = [e for e in evs("The union wants the ministry to reopen the talks.") if e.trigger.text == "wants"]
    assert w.type == "REQUEST" and w.recipient_mention.text == "the ministry"
    (q,) = [e for e in evs("Detectives questioned the mayor's brother for six hours on Monday.") if e.type == "ACCUSE"]
    assert q.trigger.text == "questioned"
    assert not [e for e in evs("I want to go home early today.") if e.type == "REQUEST"]


def test_a_participle_goes_with_the_future_of_its_act(evs):
    (e,) = [
        e for e in evs("The council will write to the ministry asking for more police patrols.") if e.type == "REQUEST"
    ]
    assert e.future
    (p,) = [
        e
        for e in evs("The mayor wrote to the ministry on Friday, asking for more police patrols.")
        if e.type == "REQUEST"
    ]
    assert not p.future
