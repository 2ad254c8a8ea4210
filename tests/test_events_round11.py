"""Event rules of issue 10, round 11: kinds of false events counted on whole political articles
outside the gold set (a new sample of PolNeAR train, docs/audits/events-unseen-political-round11.tsv);
short invented sentences per rule (docs/changelog-events.md, round 11)."""

from __future__ import annotations

from events_view import of_trigger, shown


def test_a_promise_to_nobody_named_is_not_shown(evs):
    # one-sided commitments with nobody they are made to or about: campaign talk, stated policy
    for text, word in (
        ("Senator Alma Reyes is vowing to bring back thousands of factory jobs to Ohio.", "vowing"),
        ("Governor Dale Hart has pledged to cut taxes for families in Kansas.", "pledged"),
    ):
        events = of_trigger(evs(text), word)
        assert events and not shown(events), text
    # a commitment two parties make to each other stays
    (e,) = of_trigger(
        evs("Senator Alma Reyes and Governor Dale Hart pledged to work together after a meeting in Ohio."), "pledged"
    )
    assert e.type == "AGREE" and "intention_rec" not in " ".join(e.rule.split()) and shown([e])
    # a pledge made to a party the sentence names stays
    (e,) = of_trigger(evs("The Ukrainian president pledged to the European Union to fight corruption."), "pledged")
    assert e.type == "AGREE" and e.recipient_country == "EU" and shown([e])


def test_an_act_under_a_judging_adjective_is_not_done(evs):
    for text, word in (
        ("Senator Reyes said it was premature to endorse Governor Hart for the nomination.", "endorse"),
        ("It is easy to criticize the Senate for its delays, the governor said.", "criticize"),
    ):
        events = of_trigger(evs(text), word)
        assert events and all(e.hypothetical for e in events), text
        assert any("unrealised under" in e.rule for e in events)
    # adjectives under which the act was done (words.tsv realising_adjs)
    for text, word, type_ in (
        ("The foreign minister was quick to condemn the attack on the embassy.", "condemn", "ACCUSE"),
        ("Senator Hart is proud to endorse Governor Reyes.", "endorse", "SUPPORT"),
    ):
        (e,) = of_trigger(evs(text), word)
        assert e.type == type_ and not e.hypothetical, text


def test_an_act_under_a_negated_verb_did_not_happen(evs):
    (e,) = of_trigger(evs("The president has not bothered to ask Republican senators for their views."), "ask")
    assert e.type == "REQUEST" and e.negated
    # a verb that turns the negation round (words.tsv negation_flipping)
    (e,) = of_trigger(evs("The foreign minister did not hesitate to condemn the attack on the embassy."), "condemn")
    assert e.type == "ACCUSE" and not e.negated


def test_releasing_a_document_is_no_release(evs):
    events = evs("The mayor said Friday that she thinks the police video of the shooting should be released.")
    assert not [e for e in events if e.type == "RETREAT"]


def test_calling_someone_something_is_no_call_nor_request(evs):
    for text in (
        "Senator Hart called Governor Reyes, a former prosecutor, an outstanding leader.",
        "Party chairman Tom Reyes called the senator's remarks on the war a new low.",
    ):
        events = of_trigger(evs(text), "called")
        assert not shown([e for e in events if e.type in ("CONSULT", "REQUEST")]), text
        assert all("naming" in e.rule for e in events if e.type in ("CONSULT", "REQUEST"))
    (e,) = of_trigger(evs("The senator called on the governor to resign."), "called")
    assert e.type == "REQUEST" and shown([e])


def test_a_campaign_rally_is_no_protest(evs):
    events = [e for e in evs("Senator Bernie Sanders held a rally Saturday in Des Moines.") if e.type == "PROTEST"]
    assert events and not shown(events) and all("a campaign rally" in e.rule for e in events)
    (e,) = of_trigger(evs("Teachers rallied at the state Capitol for higher pay on Monday."), "rallied")
    assert e.type == "PROTEST" and shown([e])
    # a rally by a city's leaders against a candidate is a protest
    text = "The city's political and religious leaders held a rally on Wednesday against Donald Trump's plan to ban Muslims."
    (e,) = of_trigger(evs(text), "rally")
    assert e.type == "PROTEST" and "a campaign rally" not in e.rule and shown([e])


def test_a_reproach_about_the_past_is_no_demand(evs):
    text = (
        "Director James Comey said the secretary should have known that the system was no place for classified talks."
    )
    assert not [e for e in evs(text) if e.type == "REQUEST"]
    (e,) = of_trigger(evs("Director James Comey said the secretary should resign."), "resign")
    assert e.type == "REQUEST"


def test_a_verbal_clash_between_politicians_is_an_accusation(evs):
    (e,) = of_trigger(
        evs("Former Secretary of State Hillary Clinton clashed with Senator Ron Johnson during the Senate hearing."),
        "clashed",
    )
    assert e.type == "ACCUSE" and "verbal attack" in e.rule


def test_odds_that_shot_up_are_no_shooting(evs):
    assert not [
        e
        for e in evs("The odds of a Democratic majority in the Senate have shot up in the past week.")
        if e.type == "ASSAULT"
    ]


def test_a_warning_about_another_party_is_no_threat(evs):
    text = "Former Governor George Pataki warns that Donald Trump would drive the Republican Party off the cliff."
    events = [e for e in evs(text) if e.type == "THREATEN"]
    assert events and not shown(events) and all("a warning about another party" in e.rule for e in events)
    # what the warned party would suffer is a threat (words.tsv consequence_verbs)
    (e,) = of_trigger(evs("Iran warned that the United States would pay a heavy price for the sanctions."), "warned")
    assert e.type == "THREATEN" and shown([e])


def test_an_air_strike_is_an_attack_not_a_walkout(evs):
    events = of_trigger(
        evs("US air strikes against Iraq could do serious harm to relations with the Kremlin."), "strikes"
    )
    assert events and all(e.type == "ASSAULT" for e in events)
    (e,) = of_trigger(evs("Teachers went on strike in Oklahoma on Monday over pay."), "went")
    assert e.type == "PROTEST"
