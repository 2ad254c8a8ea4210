"""Event rules of issue 10, round 7: precision on whole articles (the tune half's false events by
kind); one short invented sentence per rule (docs/changelog-events.md, round 7)."""

from __future__ import annotations

from events_view import of_trigger, shown


def test_an_act_told_as_wrongdoing_is_the_charge_not_the_act(evs):
    events = evs("The lawyer for the families argued that the regional court wrongly dismissed the appeal.")
    assert not [e for e in events if e.type == "REJECT"]  # the dismissal is only alleged
    (e,) = [e for e in events if e.type == "ACCUSE"]
    assert e.trigger.text.split()[-1] == "argued"
    assert "lawyer" in e.actor_mention.text and "court" in e.recipient_mention.text
    # in nobody's voice the word of wrongdoing is the trigger, and the act is still not coded
    events = evs("The two senators foolishly withdrew their support for the treaty in March.")
    assert not [e for e in events if e.type in ("RETREAT", "SANCTION")]
    assert [e.trigger.text for e in events if e.type == "ACCUSE"] == ["foolishly"]
    # without such a word the act is coded as told
    assert [e for e in evs("The regional court dismissed the appeal on Monday.") if e.type == "REJECT"]


def test_an_attack_by_an_actor_bearing_no_arms_is_verbal(evs):
    events = evs("The New York Times attacked Trump in an editorial, saying he has offended women and veterans.")
    assert [e.type for e in of_trigger(events, "attacked")] == ["ACCUSE"]
    # armed actors still assault
    events = evs("Rebels attacked the governor's convoy on Sunday.")
    assert [e.type for e in of_trigger(events, "attacked")] == ["ASSAULT"]


def test_a_person_acted_on_is_the_recipient_whoever_is_theirs(evs):
    text = "Kenyan police arrested the opposition leader in Nairobi. Police also questioned his father on Tuesday."
    (e,) = of_trigger(evs(text), "questioned")
    assert e.recipient_mention is not None and e.recipient_mention.text.endswith("father")
    assert e.recipient_country == "KEN"  # a police act on a person the text names is done at home
    # released people are the recipient of the release
    (e,) = of_trigger(evs("The supreme court of Azerbaijan released him on a suspended sentence."), "released")
    assert e.type == "RETREAT" and e.recipient_mention is not None and e.recipient_mention.text == "him"
    # the actor's own forces still are not
    for e in of_trigger(evs("Russia withdrew its troops from the border region on Monday."), "withdrew"):
        assert e.recipient_mention is None or "troops" not in e.recipient_mention.text


def test_a_date_is_nobody_s_recipient(evs):
    for text, word in (
        ("State officials praised Thursday's protests for being largely peaceful.", "praised"),
        ("Oklahoma lawmakers will convene rare Friday sessions on the school budget.", "convene"),
    ):
        for e in of_trigger(evs(text), word):
            assert e.recipient_mention is None or not e.recipient_mention.text.startswith(("Thursday", "Friday"))
            assert e.recipient_country != "TUR"
    # a country's thing still names its owner
    (e,) = of_trigger(evs("The foreign minister rejected Turkey's proposal on Monday."), "rejected")
    assert e.recipient_country == "TUR"


def test_a_rival_attacked_is_the_recipient_at_home(evs):
    text = (
        "Senator Jane Smith of Ohio spoke in Columbus on Monday. "
        "The Democratic nominee attacked her opponent as a fraud during the debate."
    )
    (e,) = of_trigger(evs(text), "attacked")
    assert e.type == "ACCUSE" and e.recipient_mention.text == "her opponent"
    assert e.recipient_country == "USA"  # a person named as the target in a one-country article


def test_who_is_acted_on_in_a_relative_clause_is_its_antecedent(evs):
    text = "Police in Baku arrested two journalists. And there is Afgan Mukhtarli, who was sentenced in January to six years."
    (e,) = of_trigger(evs(text), "sentenced")
    assert e.type == "COERCE" and e.recipient_mention is not None and "Mukhtarli" in e.recipient_mention.text
    assert e.actor_mention is None or "Mukhtarli" not in e.actor_mention.text


def test_what_is_avoided_or_cleared_of_did_not_happen(evs):
    for text, word in (
        ("But the party is steering clear of criticizing the governor over the tax plan.", "criticizing"),
        ("The army refrained from attacking the town on Sunday.", "attacking"),
        ("The court cleared the officer of assaulting the protester.", "assaulting"),
    ):
        found = of_trigger(evs(text), word)
        assert found and all(e.negated for e in found), text
    # a frame that is no avoidance still absorbs what it governs
    (e,) = evs("The minister accused the rebels of bombing the market.")
    assert e.type == "ACCUSE" and not e.negated


def test_a_recording_device_acts_on_nobody(evs):
    text = (
        "Police said they have no plans to release two recordings of the shooting, one captured by a dashboard camera."
    )
    assert not of_trigger(shown(evs(text)), "captured")
    # a participle's by-agent acts
    text = "Government troops said they had freed two villages, one captured by rebels in March."
    (e,) = of_trigger(evs(text), "captured")
    assert e.actor_mention.text == "rebels"
