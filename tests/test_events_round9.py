"""Event rules of issue 10, round 9: false events found on whole articles outside the gold set
(TimeBank news, docs/audits/events-unseen-2026-12-06.tsv); short invented sentences per rule
(docs/changelog-events.md, round 9)."""

from __future__ import annotations

from events_view import of_trigger, shown


def test_a_power_to_act_is_not_an_act(evs):
    for text, word in (
        (
            "Under the new statute the ministry has the authority to seek to freeze or seize a company's assets.",
            "seize",
        ),
        ("The council gave the mayor the power to arrest protesters who block roads.", "arrest"),
    ):
        events = of_trigger(evs(text), word)
        assert events and not shown(events), text
        assert all(e.hypothetical for e in events)
    # the act itself is still told as done
    (e,) = of_trigger(evs("The ministry seized the company's assets on Monday."), "seized")
    assert e.type == "COERCE" and not e.hypothetical


def test_a_guess_about_what_an_actor_would_do_is_no_refusal(evs):
    events = evs("The cabinet probably wouldn't give in readily to a hostile bid by the carmaker.")
    assert not shown(events)
    assert not [e for e in events if e.type == "REJECT"]
    # a refusal stated is still a refusal
    (e,) = of_trigger(evs("The cabinet will not give in to the rebels, the defence minister said."), "give")
    assert e.type == "REJECT" and not e.hypothetical


def test_a_warning_about_a_hazard_is_no_threat(evs):
    for text in (
        "State officials are warning residents that heavy rains will cause dangerous landslides.",
        "The finance minister warned that the economy would shrink next year.",
    ):
        events = [e for e in evs(text) if e.type == "THREATEN"]
        assert events and not shown(events), text
        assert all("a warning about a hazard" in e.rule for e in events)
    # a warning of an actor's own act is a threat
    (e,) = [e for e in evs("Iran warned Israel that its missiles would strike Tel Aviv.") if e.type == "THREATEN"]
    assert shown([e])


def test_a_role_told_of_a_person_is_not_an_act(evs):
    text = "Communities will not be left alone, said Tom Byrne, a former prisoner who leads protests in Belfast."
    events = of_trigger(evs(text), "leads")
    assert events and not shown(events)
    assert all("a role told of a person" in e.rule for e in events)
    # a relative clause that tells an act on a day is still an act
    text = "The minister, who arrested three officials on Monday, spoke in Belfast."
    events = of_trigger(evs(text), "arrested")
    assert not any("a role told of a person" in e.rule for e in events)


def test_detonating_cord_is_no_attack(evs):
    text = "Police arrested two men at a bomb factory, which contained circuitry, detonating cord and a truck."
    assert not [e for e in evs(text) if e.type == "ASSAULT"]
    assert [e for e in evs(text) if e.type == "COERCE"]


def test_a_party_expelled_from_talks_is_sanctioned(evs):
    (e,) = of_trigger(evs("The Irish party was expelled from the peace talks by the two governments."), "expelled")
    assert e.type == "SANCTION" and e.mode == "expel"
    # people expelled from a place are still coerced, diplomats expelled still sanctioned
    (e,) = of_trigger(evs("Police expelled the protesters from the square."), "expelled")
    assert e.type == "COERCE"
    (e,) = of_trigger(evs("Russia expelled 23 British diplomats."), "expelled")
    assert e.type == "SANCTION"


def test_a_phrasal_verb_whose_object_makes_it_no_event(evs):
    text = "Senator Lee's lawyer, a defense attorney, said he has turned down a number of cases this year."
    assert not [e for e in evs(text) if e.type == "REJECT"]
    # turning down an offer of talks is still a rejection
    (e,) = of_trigger(evs("Hamas turned down the offer of talks."), "turned")
    assert e.type == "REJECT"
