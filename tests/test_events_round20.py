"""Issue 10, round 20: precision and recipient rules read from fresh whole PolNeAR train articles
(no recipient country guessed from the actor's own when the sentence names no target, a verb joined
by "or" to a negated one, a generic "a president must", a person's name read as a trigger, attacks
told as money spent, declining to weigh in). Short sentences written for the project
(docs/changelog-events.md, "Round 20"); each rule's case is shown again with its switch off."""

from __future__ import annotations

import pytest

from events_view import described, shown


def _of(evs, text, word, type_):
    return [e for e in evs("DENVER — " + text) if word in e.trigger.text and e.type == type_]


def test_no_home_country_is_guessed_for_a_target_the_sentence_does_not_name(evs, event_rules_off):
    text = (
        "Senator Tom Riley, a Democrat, decried the influence of big money in politics at a campaign event on Tuesday."
    )
    (e,) = _of(evs, text, "decried", "ACCUSE")
    assert e.recipient_country is None and shown([e]), described([e])
    # a target the text names keeps the actor's country
    (named,) = _of(evs, "Senator Tom Riley criticized the governor over the budget on Tuesday.", "criticized", "ACCUSE")
    assert named.recipient_country == "USA", described([named])
    event_rules_off("recipient20")
    (e,) = _of(evs, text, "decried", "ACCUSE")
    assert e.recipient_country == "USA", described([e])


def test_a_verb_joined_by_or_to_a_negated_verb_is_negated(evs, event_rules_off):
    text = "Senator Tom Riley has not endorsed Governor Ana Lopes or conceded the race to her."
    (e,) = _of(evs, text, "conceded", "CONCEDE")
    assert e.negated, described([e])
    event_rules_off("precision20")
    (e,) = _of(evs, text, "conceded", "CONCEDE")
    assert not e.negated, described([e])


def test_a_generic_addressee_falls_under_the_threshold(evs, event_rules_off):
    text = "Senator Jane Holt said a president must be ready to lead the country from the first day."
    out = _of(evs, text, "must", "REQUEST")
    assert out and not shown(out) and all(e.confidence > 0 for e in out), described(out)
    # a demand on someone the text names stays
    said = _of(evs, "Senator Jane Holt said the governor must resign.", "must", "REQUEST")
    assert shown(said), described(said)
    event_rules_off("precision20")
    assert shown(_of(evs, text, "must", "REQUEST"))


def test_a_persons_name_is_no_trigger(evs, event_rules_off):
    text = "U.N. Secretary-General Ban Ki-moon spoke in Geneva about the war. Asked about the sanctions on Russia, Ban demurred."
    out = _of(evs, text, "Ban", "COERCE")
    assert out and not shown(out) and all("a person's name" in e.rule for e in out), described(out)
    event_rules_off("precision20")
    out = _of(evs, text, "Ban", "COERCE")
    assert out and not any("a person's name" in e.rule for e in out), described(out)


def test_an_attack_told_as_money_spent_falls_under_the_threshold(evs, event_rules_off):
    text = "Conservative groups spent $6 million attacking Senator Jane Holt in the Senate campaign."
    out = _of(evs, text, "attacking", "PROTEST")
    assert out and not shown(out) and all(e.confidence > 0 for e in out), described(out)
    event_rules_off("precision20")
    assert shown(_of(evs, text, "attacking", "PROTEST"))


def test_declining_to_weigh_in_is_no_rejection(evs):
    out = _of(evs, "Senator Jane Holt declined to weigh in on the dispute with Russia.", "declined", "REJECT")
    assert out and not shown(out) and all("declining to comment" in e.rule for e in out), described(out)


# (text, trigger word, type, the reason the round's gate gives)
GATED = [
    (
        "Democrats supporting Senator Jane Holt have pointed to Governor Ana Lopes as a peacemaker.",
        "supporting",
        "SUPPORT",
        "a stance describing who someone is",
    ),
    (
        "Senator Jane Holt conceded the situation in the country is deeply regrettable.",
        "conceded",
        "CONCEDE",
        "an admission, no concession",
    ),
    (
        "Senator Jane Holt marched in the city's parade on Sunday, the party said.",
        "marched",
        "PROTEST",
        "a parade or a celebration",
    ),
    (
        "The gunman shot four police officers, although he had been investigated in the past by the FBI.",
        "investigated",
        "ACCUSE",
        "an act placed in the past",
    ),
]


@pytest.mark.parametrize("text,word,type_,why", GATED)
def test_the_rounds_gates(evs, event_rules_off, text, word, type_, why):
    out = _of(evs, text, word, type_)
    assert out and not shown(out) and all(why in e.rule for e in out), described(out)
    event_rules_off("precision20")
    out = _of(evs, text, word, type_)
    assert out and not any(why in e.rule for e in out), described(out)


def test_conceding_a_race_stays_a_concession(evs):
    out = _of(evs, "Senator Jane Holt conceded the race to Governor Ana Lopes on Tuesday night.", "conceded", "CONCEDE")
    assert out and not any("an admission" in e.rule for e in out), described(out)


@pytest.mark.parametrize(
    "text,word",
    [
        ("Senator Jane Holt's campaign manager, Tom Reyes, struck a similar tune on Monday.", "struck"),
        ("Republicans, the senator's problem is that your nominee enjoys shooting himself in the foot.", "shooting"),
    ],
)
def test_figures_of_speech_are_no_events(evs, text, word):
    out = [e for e in evs("DENVER — " + text) if word in e.trigger.text]
    assert not shown(out), described(out)


def test_a_statement_between_named_political_persons_needs_no_political_word(evs, event_rules_off):
    text = (
        "Senator Jane Holt and Governor Tom Reyes met voters in Pueblo on Monday. "
        "She has repeatedly accused Reyes of using divisive rhetoric."
    )
    out = _of(evs, text, "accused", "ACCUSE")
    assert shown(out), described(out)
    event_rules_off("recall20")
    out = _of(evs, text, "accused", "ACCUSE")
    assert out and not shown(out), described(out)


def test_an_object_pronoun_is_the_person_its_sentence_named_before(evs, event_rules_off):
    text = "Governor Tom Reyes hit the campaign trail on Monday, trashing Mayor Dan Ortiz as unfit and accusing him of lying."
    (e,) = _of(evs, text, "accusing", "ACCUSE")
    assert e.recipient is not None and e.recipient != e.actor, described([e])
    event_rules_off("recall20")
    (e,) = _of(evs, text, "accusing", "ACCUSE")
    assert e.recipient is None, described([e])
