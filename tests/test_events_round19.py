"""Issue 10, round 19: precision and recipient rules read from fresh whole PolNeAR train articles
(campaign rallies and thanks, acts as the means of a win, acts dated by a stage of a life, laws in
force as doers, judicial dismissals read as REJECT; the tail of "New Jersey" read as Jersey, a named
person's country taken from another phrase, the owner of "the deal" told before). Short sentences
written for the project (docs/changelog-events.md, "Round 19"); each rule's case is shown again
with its switch off."""

from __future__ import annotations

import pytest

from events_view import described, shown

# (text, trigger word, type, the reason the round's rule gives)
CASES = [
    (
        "Bernie Sanders spoke in Iowa. Sanders held a rally Saturday while Clinton met donors.",
        "rally",
        "PROTEST",
        "a campaign rally held by a named person",
    ),
    (
        "Senator Jane Holt spoke to the crowd. “Thank you, Colorado, for standing with us,” Holt said.",
        "Thank",
        "SUPPORT",
        "thanks to the public",
    ),
    (
        "Obama won his party's nomination by promising its furious revenge.",
        "promising",
        "THREATEN",
        "the means of a win",
    ),
    (
        "Mayor Dan Ortiz, who was convicted of fraud as a young man, defeated the sheriff in the election.",
        "convicted",
        "COERCE",
        "a stage of a life",
    ),
    (
        "Court precedents restricting police searches are now at risk, the senator said.",
        "restricting",
        "COERCE",
        "a precedent or a law in force",
    ),
]


def _of(evs, text, word, type_):
    return [e for e in evs("DENVER — " + text) if word in e.trigger.text and e.type == type_]


@pytest.mark.parametrize("text,word,type_,why", CASES)
def test_the_rounds_kinds_are_not_shown(evs, event_rules_off, text, word, type_, why):
    out = _of(evs, text, word, type_)
    assert out and not shown(out) and all(why in e.rule for e in out), described(out)
    event_rules_off("precision19")
    out = _of(evs, text, word, type_)
    assert out and not any(why in e.rule for e in out), described(out)


def test_a_judicial_dismissal_falls_under_the_threshold(evs, event_rules_off):
    text = "The state Supreme Court dismissed the charges against Mayor Dan Ortiz on Friday."
    out = _of(evs, text, "dismissed", "REJECT")
    assert out and not shown(out) and all(e.confidence > 0 for e in out), described(out)
    # a politician dismissing the charges rejects an accusation: still shown
    said = _of(evs, "Senator Tom Riley dismissed the charges against him as lies on Friday.", "dismissed", "REJECT")
    assert shown(said), described(said)
    event_rules_off("precision19")
    assert shown(_of(evs, text, "dismissed", "REJECT"))


def test_the_tail_of_new_jersey_is_no_country(evs, event_rules_off):
    text = "Governor Chris Christie endorsed Donald Trump last week, a move that shocked many in New Jersey."
    (e,) = _of(evs, text, "endorsed", "SUPPORT")
    assert e.recipient_country == "USA", described([e])
    event_rules_off("recipient19")
    (e,) = _of(evs, text, "endorsed", "SUPPORT")
    assert e.recipient_country == "JEY", described([e])


def test_the_owner_of_a_deal_told_by_a_firm_is_no_recipient(evs, event_rules_off):
    text = '"The merger will create jobs," said Acme chief executive John Park. Republicans denounced the deal on Wednesday.'
    (e,) = _of(evs, text, "denounced", "ACCUSE")
    assert e.recipient is None and e.recipient_country is None, described([e])
    event_rules_off("recipient19")
    (e,) = _of(evs, text, "denounced", "ACCUSE")
    assert e.recipient is not None, described([e])


def test_a_transnational_armed_group_takes_no_country_from_the_sentence(evs, event_rules_off):
    text = "A campaign video showed Islamic State fighters warning of an atrocity if Britain remained in the union."
    out = _of(evs, text, "warning", "THREATEN")
    assert out and all(e.actor_country is None for e in out), described(out)
    event_rules_off("recipient19")
    out = _of(evs, text, "warning", "THREATEN")
    assert out and all(e.actor_country == "GBR" for e in out), described(out)


def test_a_protests_reason_names_no_target(evs, event_rules_off):
    text = "Hundreds of teachers protested the government for selling arms to Azerbaijan."
    (e,) = _of(evs, text, "protested", "PROTEST")
    assert e.recipient_country != "AZE", described([e])
    event_rules_off("recipient19")
    (e,) = _of(evs, text, "protested", "PROTEST")
    assert e.recipient_country == "AZE", described([e])


def test_a_body_in_a_story_abroad_is_not_the_actors_own(evs, event_rules_off):
    text = (
        "Paul Manafort, an American consultant, worked in Ukraine for years. "
        "He persuaded the government to lower grain export tariffs. Russia and Poland watched."
    )
    (e,) = _of(evs, text, "persuaded", "REQUEST")
    assert e.recipient_country is None, described([e])
    event_rules_off("recipient19")
    (e,) = _of(evs, text, "persuaded", "REQUEST")
    assert e.recipient_country == "USA", described([e])


def _actor_evidence(nlp, text):
    from newsgraph.article import Article
    from newsgraph.pipeline import make_doc

    doc = nlp(make_doc(nlp, Article(id="t", text=text, published="2024-03-06")))
    feats = doc.user_data.get("newsgraph_event_features", {})
    return [
        (e.trigger.text, f) for e in doc._.events for f in feats.get((e.trigger.start, e.type), []) if "actor_ev" in f
    ]


def test_a_request_between_two_named_persons_is_read_as_named(nlp, event_rules_off):
    text = (
        "DENVER — Viktor Yanukovych was the president. Paul Manafort was his adviser. "
        "Mr. Manafort pressed Mr. Yanukovych to sign an agreement with the European Union."
    )
    assert ("pressed", "actor_ev=text") in _actor_evidence(nlp, text)
    event_rules_off("recall19", "recall21")  # (round 21's recall21 reads a named person too)
    assert ("pressed", "actor_ev=context") in _actor_evidence(nlp, text)


def test_support_for_a_policy_falls_under_the_threshold(evs, event_rules_off):
    text = "Governor Ana Lopes endorsed a proposal to raise the minimum wage on Tuesday."
    out = _of(evs, text, "endorsed", "SUPPORT")
    assert out and not shown(out) and all(e.confidence > 0 for e in out), described(out)
    # support for a person stays
    said = _of(evs, "Senator Jane Holt endorsed Governor Ana Lopes on Tuesday.", "endorsed", "SUPPORT")
    assert shown(said), described(said)
    event_rules_off("precision19")
    assert shown(_of(evs, text, "endorsed", "SUPPORT"))
