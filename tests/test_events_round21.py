"""Issue 10, round 21: recall and type rules read from fresh whole PolNeAR train articles (a person
the sentence names though no actor table codes them, a retort told with "fired back", a demand told
with "has to" / "has got to"). Short sentences written for the project (docs/changelog-events.md,
"Round 21"); each rule's case is shown again with its switch off."""

from __future__ import annotations

from events_view import described, shown


def _of(evs, text, word, type_):
    return [e for e in evs("DENVER — " + text) if word in e.trigger.text and e.type == type_]


def test_a_person_the_sentence_names_is_named_evidence(evs, event_rules_off):
    text = (
        "Dana Whitfield spoke to voters in Denver on Monday. In the debate, Dana Whitfield blamed the "
        "Democratic governor for the state's budget deficit."
    )
    (e,) = _of(evs, text, "blamed", "ACCUSE")
    assert shown([e]), described([e])
    event_rules_off("recall21")
    (e,) = _of(evs, text, "blamed", "ACCUSE")
    assert not shown([e]) and e.confidence > 0, described([e])


def test_a_named_person_rule_leaves_material_acts_alone(evs, event_rules_off):
    # an attack told of a person is no statement: the rule does not lift it
    text = "Dana Whitfield spoke to voters in Denver on Monday. Dana Whitfield attacked the guard at the gate."
    before = [e.confidence for e in _of(evs, text, "attacked", "ASSAULT")]
    event_rules_off("recall21")
    assert [e.confidence for e in _of(evs, text, "attacked", "ASSAULT")] == before


def test_fired_back_between_politicians_is_an_accusation(evs, event_rules_off):
    text = "Senator Marco Alvarez fired back at Governor Chris Doyle over the state's credit rating."
    out = _of(evs, text, "fired", "ACCUSE")
    assert out and shown(out) and not _of(evs, text, "fired", "ASSAULT"), described(out)
    # armed actors, or a sentence about a shooting, still shoot
    troops = _of(evs, "Government troops fired back at the rebels near the border.", "fired", "ASSAULT")
    assert troops and shown(troops), described(troops)
    assert not _of(evs, "Officers fired back at the gunman outside the bank.", "fired", "ACCUSE")
    event_rules_off("precision21")
    assert _of(evs, text, "fired", "ASSAULT") and not _of(evs, text, "fired", "ACCUSE")


def test_has_to_in_a_reported_clause_is_a_demand(evs, event_rules_off):
    texts = (
        '"The president has to resign," Senator Ted Marlow said on Monday.',
        '"The president has got to resign," Senator Ted Marlow said on Monday.',
    )
    for text in texts:
        out = _of(evs, text, "ha", "REQUEST")
        assert out and shown(out), described(out)
    # "has to do with" is a relation, no demand
    assert not _of(evs, "Senator Ted Marlow said the governor's decision has to do with the budget.", "ha", "REQUEST")
    event_rules_off("recall21")
    for text in texts:
        assert not _of(evs, text, "ha", "REQUEST")


def test_a_verb_of_harsh_criticism_with_other_senses_needs_a_person_or_a_body(evs, event_rules_off):
    text = "Former Mayor Rudy Garza trashed FBI Director James Comey on a morning talk show."
    out = _of(evs, text, "trashed", "ACCUSE")
    assert out and shown(out), described(out)
    # a building, a coast: another sense
    assert not _of(evs, "Protesters trashed the offices of the party in Lagos.", "trashed", "ACCUSE")
    assert not _of(evs, "The storm hammered the coast on Tuesday.", "hammered", "ACCUSE")
    event_rules_off("recall21")
    assert not _of(evs, text, "trashed", "ACCUSE")


def test_a_public_role_noun_is_a_target_of_criticism(evs, event_rules_off):
    text = "Senator Marco Alvarez railed against the debate moderators for failing to bring up abortion."
    out = _of(evs, text, "railed", "ACCUSE")
    assert out and out[0].recipient_mention is not None, described(out)
    event_rules_off("recall21")
    assert not _of(evs, text, "railed", "ACCUSE")


def test_speaking_out_against_someone_is_criticism(evs):
    out = _of(evs, "Mayor Libby Sharpe of Oakland also spoke out against Governor Tom Reyes.", "spoke", "ACCUSE")
    assert out and shown(out), described(out)
    assert not _of(evs, "Senator Libby Sharpe spoke against the bill on Tuesday.", "spoke", "ACCUSE")


def test_taking_a_swipe_at_someone_is_criticism(evs):
    out = _of(evs, "Senator Hillary Rowe took a dig at Governor Tom Reyes on Monday.", "took", "ACCUSE")
    assert out and shown(out), described(out)
