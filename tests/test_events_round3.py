"""Event rules of issue 10, round 3 (error analysis on the tune half of the whole-article gold
set): one short invented sentence per rule (docs/changelog-events.md, round 3)."""

from __future__ import annotations


def types_of(events, word):
    return {e.type for e in events if word in e.trigger.text}


def test_convictions_and_indictments_are_coerce(evs):
    assert types_of(evs("A jury found the former mayor guilty of bribery on Tuesday."), "found") == {"COERCE"}
    assert types_of(evs("The city's budget director has been indicted on fraud charges."), "indicted") == {"COERCE"}
    # an international tribunal's indictment stays its accusation
    assert types_of(evs("The general was indicted by the UN war crimes tribunal for atrocities."), "indicted") == {
        "ACCUSE"
    }


def test_plead_guilty_concedes_plead_with_asks(evs):
    assert types_of(evs("The former treasurer pleaded guilty to bribery charges."), "pleaded") == {"CONCEDE"}
    assert types_of(evs("The mayor pleaded with the governor to send the National Guard."), "pleaded") == {"REQUEST"}
    assert types_of(evs("A camp official who pleaded anonymity said four people had died."), "pleaded") == set()


def test_press_charges_accuses_and_pressing_on_is_no_request(evs):
    assert types_of(evs("The police pressed charges against the activists."), "pressed") == {"ACCUSE"}
    assert "REQUEST" not in types_of(evs("Turkish forces pressed into the Kurdish enclave on Tuesday."), "press")
    assert types_of(evs("The senators pressed the minister to release the report."), "pressed") == {"REQUEST"}


def test_voting_is_not_coded(evs):
    found = evs("Sixteen opposition lawmakers voted against the motion on Friday.")
    assert not any("voted" in e.trigger.text for e in found)


def test_verbal_attacks_on_persons_are_accuse_even_near_military_words(evs):
    assert types_of(evs("Trump attacked Clinton for her support of military action in Iraq."), "attacked") == {"ACCUSE"}
    assert types_of(evs("The Democratic nominee attacked her opponent as a fraud during the debate."), "attacked") == {
        "ACCUSE"
    }
    assert types_of(evs("Senate Minority Leader Harry Reid has been pounding Trump as a con artist."), "pounding") == {
        "ACCUSE"
    }
    # armed actors attack
    assert types_of(evs("Hamas militants attacked an Israeli patrol near the border."), "attacked") == {"ASSAULT"}
    assert types_of(evs("Israeli artillery pounded Gaza overnight."), "pounded") == {"ASSAULT"}


def test_an_advised_act_is_not_an_event_of_its_own(evs):
    found = evs("The party secretary has advised the party chairman to resign his position.")
    assert "RETREAT" not in {e.type for e in found}


def test_a_decrease_is_no_refusal(evs):
    assert (
        types_of(evs("On Oahu, the population declined an average of 11 people per day, officials said."), "declined")
        == set()
    )
    assert types_of(evs("The minister declined the invitation to the summit."), "declined") == {"REJECT"}


def test_confidence_evidence_of_round_3():
    from newsgraph.extractors.events.actors import CodedActor
    from newsgraph.extractors.events.confidence import features
    from newsgraph.extractors.events.relevance import Relevance

    rel = Relevance(20, 2, 0)
    implied = CodedActor(
        None, "USA", "COP", 0, 5, "unnamed+article-country+implied-sector", tags=frozenset({"implied"})
    )
    pronoun = CodedActor(None, "USA", "GOV", 0, 5, "pronoun:", tags=frozenset({"pronoun"}))
    named = CodedActor(None, "USA", "GOV", 0, 5, "text:role", tags=frozenset({"pronoun", "text"}))
    f_impl = features("COERCE", "lexicon", "charge", "VERB", implied, None, rel, rel, False, frozenset())
    assert "actor_ev=implied" in f_impl and "rec=none" in f_impl
    assert "actor_indirect=1" in features(
        "ACCUSE", "lexicon", "accuse", "VERB", pronoun, None, rel, rel, False, frozenset()
    )
    assert "actor_indirect=1" not in features(
        "ACCUSE", "lexicon", "accuse", "VERB", named, None, rel, rel, False, frozenset()
    )
    assert "intention=1" in features(
        "AGREE", "lexicon", "meet", "VERB", named, None, rel, rel, False, frozenset(), intention=True
    )


def test_an_arrest_told_without_its_actor_passes_the_threshold(evs):
    from newsgraph.thresholds import event_passes

    found = evs(
        "A Chicago man has been charged with murder in the stabbing death of a software executive, "
        "according to Chicago police."
    )
    e = next(e for e in found if e.type == "COERCE")
    assert e.actor_sector == "COP" and event_passes(e.confidence)


def test_custody_bail_and_charges_faced_are_coerce(evs):
    found = evs("A 28-year-old man is in custody after pointing a replica handgun at a police officer.")
    e = next(e for e in found if e.type == "COERCE")
    assert "in custody" in e.trigger.text and e.actor_sector == "COP"
    assert types_of(evs("He is being held on a $100,000 bail and will appear in court on Monday."), "held") == {
        "COERCE"
    }
    assert types_of(evs("She faces charges including bribery and wire fraud."), "faces") == {"COERCE"}
    # holding talks is not custody
    assert "COERCE" not in types_of(evs("The two ministers held talks in Geneva."), "held")


def test_denying_an_accusation_or_a_request_is_reject(evs):
    found = evs("Moscow denied that its troops had targeted civilians.")
    assert types_of(found, "denied") == {"REJECT"}
    assert not any(e.type == "ASSAULT" and not e.negated for e in found)  # what is denied did not happen
    assert types_of(evs("The regional heads denied the government's request for a fee waiver."), "denied") == {"REJECT"}


def test_a_participle_with_a_by_agent_is_passive(evs):
    found = evs("Scott is one of at least 707 people shot and killed by police so far this year.")
    assert "PROTEST" not in {e.type for e in found}  # the victims are not rioting
    e = next(e for e in found if "killed" in e.trigger.text)
    assert e.actor_sector == "COP"


def test_a_person_acted_on_keeps_the_words_that_name_them(evs):
    found = evs(
        "Police in Baku arrested the journalist in May, charged him with resisting the authorities, "
        "and a court sentenced him to 30 days of detention."
    )
    charged = next(e for e in found if "charged" in e.trigger.text)
    assert charged.recipient_mention is not None and charged.recipient_mention.text == "him"
    # a police or court act on a named person is done at home
    assert charged.recipient_country == charged.actor_country == "AZE"


def test_a_pronoun_stands_for_a_speaker_it_agrees_with(evs):
    found = evs("Police say he posed a deadly threat and refused to drop the gun.")
    assert not any(e.actor_sector == "COP" for e in found if "refused" in e.trigger.text)
    e = next(e for e in evs("Hungary has said it will support the sanctions.") if "support" in e.trigger.text)
    assert e.actor_country == "HUN"


def test_a_modal_reaches_an_infinitive_parsed_as_a_clause(evs):
    found = evs("If Trump wins, the government could reverse the rules or decline to appeal to the Supreme Court.")
    assert all(e.hypothetical for e in found if "appeal" in e.trigger.text)
    assert any("appeal" in e.trigger.text for e in found)


def test_a_dateline_is_not_the_actor(evs):
    found = evs(
        "KOLKATA, India – Indian police have arrested a 46-year-old man for keeping his mother's body in a freezer."
    )
    e = next(e for e in found if e.type == "COERCE")
    assert e.actor_sector == "COP" and e.actor_mention is not None and "police" in e.actor_mention.text


def test_offering_advice_is_no_offer_and_a_decision_cannot_act(evs):
    assert types_of(evs("Bernie Sanders offered some pointed advice to Hillary Clinton on Friday."), "offered") == set()
    assert types_of(evs("Turkey offered talks to Greece."), "offered") == {"AGREE"}
    from newsgraph.thresholds import event_passes

    found = evs("But the rejection of NATO's grant offer seems to ease Paris's quest for leadership in North Africa.")
    assert not any(event_passes(e.confidence) for e in found if "ease" in e.trigger.text)


def test_a_polity_restricting_is_no_civilian_protest(evs):
    found = evs("A US state has permanently revoked the medical licence of a disgraced former sports doctor.")
    assert types_of(found, "revoked") == {"COERCE"}
    assert types_of(evs("Shopkeepers shut down their businesses in protest."), "shut") == {"PROTEST"}


def test_an_act_only_alleged_is_not_coded_as_done(evs):
    found = evs("The activists alleged that soldiers tortured the detainees.")
    assert types_of(found, "alleged") == {"ACCUSE"}
    assert all(e.hypothetical for e in found if "tortured" in e.trigger.text)
