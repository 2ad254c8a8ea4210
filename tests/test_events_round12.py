"""Actor and recipient coding of issue 10, round 12: a party's country comes from its own words
(its name, its descriptors, its table entry), never from a country another phrase of the sentence
names as a place, a destination or a thing's modifier (docs/changelog-events.md, round 12). Short
sentences written for the project."""

from __future__ import annotations

from events_view import of_trigger


def test_a_named_recipient_takes_no_country_from_another_phrase(evs):
    # the country of the person someone else's phrase names ("Russian President ...") or of a war
    # the sentence mentions is not the recipient's
    (e,) = of_trigger(
        evs(
            "WASHINGTON — Governor Alma Reyes has faced criticism from Senator Dale Hart for her "
            "friendly overtures to Russian President Vladimir Putin."
        ),
        "criticism",
    )
    assert e.type == "ACCUSE" and e.recipient_country == "USA", e.rule
    (e,) = of_trigger(
        evs("WASHINGTON — Senator Dale Hart questioned Governor Alma Reyes's judgment in supporting the war in Iraq."),
        "questioned",
    )
    assert e.type == "ACCUSE" and e.actor_country == "USA" and e.recipient_country == "USA", e.rule


def test_a_country_that_modifies_a_thing_is_no_actors(evs):
    # "Spanish-language" says what language, not whose the governor is
    (e,) = of_trigger(
        evs(
            "DES MOINES, Iowa — Governor Alma Reyes unveiled her first Spanish-language campaign ad on Monday, "
            "criticizing Senator Dale Hart's tax plan."
        ),
        "criticizing",
    )
    assert e.type == "ACCUSE" and e.actor_country == "USA" and "sentence-country" not in e.rule, e.rule


def test_a_country_in_a_phrase_of_place_is_no_actors(evs):
    (e,) = of_trigger(
        evs("DES MOINES, Iowa — During the war in Iraq, federal agents arrested the senator's brother in Iowa."),
        "arrested",
    )
    assert e.type == "COERCE" and e.actor_country == "USA", e.rule


def test_a_place_in_the_clause_still_gives_a_statement_its_recipient(evs):
    # (PLOVER's coders code the place an agreement is about: only another phrase's modifier or a
    # place outside the clause is left out)
    (e,) = of_trigger(
        evs("The Security Council agreed on Monday to extend the mandate of the peacekeeping force in Lebanon."),
        "agreed",
    )
    assert e.type == "AGREE" and e.recipient_country == "LBN", e.rule


def test_a_country_named_as_a_party_still_codes(evs):
    # a country the statement is about, as its object, stays its recipient
    (e,) = of_trigger(evs("WASHINGTON — Senator Dale Hart sharply criticized Iran on Monday."), "criticized")
    assert e.type == "ACCUSE" and e.actor_country == "USA" and e.recipient_country == "IRN", e.rule
    # and a place still gives an attack its target
    (e,) = of_trigger(evs("Turkish forces shelled a town in northern Syria on Monday."), "shelled")
    assert e.type == "ASSAULT" and e.actor_country == "TUR" and e.recipient_country == "SYR", e.rule
    # a demonym on the actor's own people is the actor's own word
    (e,) = of_trigger(evs("French officials condemned the attack on the embassy on Monday."), "condemned")
    assert e.actor_country == "FRA", e.rule


def test_a_call_on_a_day_is_a_phone_call_not_a_request(evs):
    # "on" before a day is no "call on" (REQUEST): the person called is the recipient
    (e,) = of_trigger(evs("WASHINGTON — Governor Alma Reyes called Senator Dale Hart on Tuesday night."), "called")
    assert e.type == "CONSULT" and e.mode == "phone", e.rule
    (e,) = of_trigger(
        evs("WASHINGTON — President Barack Obama called Prime Minister Theresa May on Monday to discuss the talks."),
        "called",
    )
    assert e.type == "CONSULT" and e.recipient_country == "GBR", e.rule
    # a call on a party, or a call for something on a day, still asks
    (e,) = of_trigger(evs("WASHINGTON — Senator Dale Hart called on Governor Alma Reyes to resign."), "called")
    assert e.type == "REQUEST", e.rule
    (e,) = of_trigger(evs("WASHINGTON — Senator Dale Hart called on Monday for new sanctions against Iran."), "called")
    assert e.type == "REQUEST" and e.recipient_country == "IRN", e.rule
