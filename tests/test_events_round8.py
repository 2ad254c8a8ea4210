"""Event rules of issue 10, round 8: precision on whole articles (the tune half's false events and
wrong recipients by kind); short invented sentences per rule (docs/changelog-events.md, round 8)."""

from __future__ import annotations

from events_view import of_trigger, shown


def test_an_act_only_wanted_aimed_at_claimed_or_tried_is_not_done(evs):
    for text, word in (
        ("Senator Smith said he wants to attack the new tax rules.", "attack"),
        ("The crown prince detained the prime minister and tried to force him to resign.", "resign"),
        ("The ministers made visits with the clear aim of allowing France to assume a central role.", "allowing"),
        ("County police now claim to be defending California from criminals.", "defending"),
        ("The petition wants the court to act by directing the government to frame a scheme.", "directing"),
    ):
        events = of_trigger(evs(text), word)
        assert events and not shown(events), text
        assert all(e.hypothetical for e in events)
    # what is told as done still is
    assert shown(
        of_trigger(evs("The crown prince detained the prime minister and tried to force him to resign."), "detained")
    )
    # a clause of its own under the wish is reported as it is
    (e,) = of_trigger(evs("The governor said he wants peace after rebels attacked the town."), "attacked")
    assert not e.hypothetical
    # an attack tried is an attack
    (e,) = of_trigger(evs("Rebels tried to kill the governor of the province on Monday."), "kill")
    assert e.type == "ASSAULT" and not e.hypothetical


def test_an_act_told_on_a_count_is_background(evs):
    text = (
        "Jones is one of at least 300 people shot and killed by police so far this year "
        "and the third person shot and killed by a county police officer."
    )
    events = [e for e in evs(text) if e.type == "ASSAULT"]
    assert events and not shown(events)
    assert any("a count told as background" in e.rule for e in events)
    (e,) = of_trigger(evs("Russia secured the exit of more than 5,000 civilians besieged by rebels."), "besieged")
    assert not shown([e])
    # a count told as the act itself is an event
    for text, word in (
        ("More than 200 lawyers and activists were detained by Chinese police in July.", "detained"),
        ("Police arrested more than 200 protesters in Nairobi on Friday.", "arrested"),
        ("The two New Jersey police officers shot by the alleged terrorist were treated in hospital.", "shot"),
    ):
        assert shown(of_trigger(evs(text), word)), text


def test_a_verb_whose_object_makes_it_no_event(evs):
    for text in (
        "A worldwide terror campaign is being deliberately executed by the group, the senator said.",
        "The interior ministry executed a campaign against smuggling in the border city.",
        "The rebels shot a video in the village before the talks.",
        "The opposition party targeted young voters in the election campaign.",
    ):
        assert not [e for e in evs(text) if e.type in ("ASSAULT", "PROTEST")], text
    # people executed are still killed
    (e,) = of_trigger(evs("The army executed three deserters in the capital on Monday."), "executed")
    assert e.type == "ASSAULT"


def test_an_act_with_no_target_in_an_article_mostly_about_one_country_is_domestic(evs, event_rules_off):
    text = (
        "The governor of Ohio spoke in Columbus on Monday. Lawmakers from Cleveland, Dayton and "
        "Cincinnati met in Columbus on Tuesday. A trade group in Mexico said exports fell. "
        "State judges in Ohio have condemned the misconduct."
    )
    # round 20 (recipient20): the sentence names no target, so none is guessed (guidelines 5.2)
    (e,) = of_trigger(evs(text), "condemned")
    assert e.type == "ACCUSE" and e.recipient_country is None
    event_rules_off("recipient20")
    (e,) = of_trigger(evs(text), "condemned")
    assert e.type == "ACCUSE" and e.recipient_country == "USA" and "domestic" in e.rule
    # in an article about two countries no home is guessed
    text = (
        "The governor of Ohio spoke in Columbus on Monday. Officials in Mexico City and Monterrey met "
        "on Tuesday. Mexico said exports fell. State judges in Ohio have condemned the misconduct."
    )
    (e,) = of_trigger(evs(text), "condemned")
    assert e.recipient_country is None


def test_a_denial_is_not_aimed_at_the_subject_of_what_is_denied(evs):
    text = (
        "Ukraine said Russian forces shelled Kharkiv. Poland and Germany condemned the attack. "
        "Russian Defence Ministry spokesman Igor Sorokin denied that Russian troops had targeted residential areas."
    )
    (e,) = [e for e in of_trigger(evs(text), "denied") if e.type == "REJECT"]
    assert e.recipient_mention is None or "troops" not in e.recipient_mention.text
    assert e.recipient_country != "RUS"
    # a demand still is aimed at the subject of the demanded clause
    (e,) = of_trigger(evs("The foreign minister demanded that Iran release the detained sailors."), "demanded")
    assert e.type == "REQUEST" and e.recipient_country == "IRN"


def test_an_act_judged_with_no_owner_named_is_the_last_speaker_s(evs):
    text = (
        "Maria Lind, the opposition leader, said on Sunday that her government would raise pensions. "
        'Prime Minister Karl Berg called the plan "reckless" and said it would ruin the budget.'
    )
    events = evs(text)
    (e,) = [e for e in of_trigger(events, "called") if e.type == "ACCUSE"]
    assert e.recipient is not None and "owner-told-before" in e.rule
    assert e.recipient != e.actor
    # the actor's own plan, or one nobody told of before, gets no guessed owner
    text = 'Prime Minister Karl Berg said on Sunday that taxes would rise. Berg later called the plan "reckless".'
    for e in of_trigger(evs(text), "called"):
        assert "owner-told-before" not in e.rule


def test_a_place_whose_name_holds_a_country_s_name_is_not_that_country(evs):
    (e,) = of_trigger(evs("New Mexico police arrested two men in Santa Fe on Monday."), "arrested")
    assert e.actor_country == "USA"
    text = "The two New Jersey police officers shot by the gunman were treated in hospital."
    (e,) = of_trigger(evs(text), "shot")
    assert e.recipient_country == "USA"
    # the country itself still is
    (e,) = of_trigger(evs("Mexican police arrested two men in Monterrey on Monday."), "arrested")
    assert e.actor_country == "MEX"


def test_a_speech_act_aimed_at_the_speaker_s_own_country_is_none(evs):
    for text in (
        "Maltese Prime Minister Joseph Muscat insisted that Malta needed to stand its ground against other states.",
        "Polish Foreign Minister Jan Kowal said Poland must send more aid to the region.",
    ):
        events = [e for e in evs(text) if e.type == "REQUEST"]
        assert not shown(events), text
        assert all("speaker's own country" in e.rule for e in events)
    # aimed at another country it is a demand
    (e,) = [
        e for e in evs("Polish Foreign Minister Jan Kowal said Russia must withdraw its troops.") if e.type == "REQUEST"
    ]
    assert shown([e]) and e.recipient_country == "RUS"


def test_a_meeting_with_no_other_party_is_one_body_meeting(evs):
    text = (
        "The governor of Ohio spoke in Columbus on the budget crisis. Republican leaders of the state "
        "House and Senate said Thursday they will meet Friday to consider legislation on the budget."
    )
    events = of_trigger(evs(text), "meet")
    assert events and not shown(events)
    assert all("a meeting with no other party" in e.rule for e in events)
    # a meeting with someone named is a consultation
    text = "The governor of Ohio met with the leaders of the teachers' union in Columbus on the budget crisis."
    (e,) = of_trigger(evs(text), "met")
    assert e.type == "CONSULT" and "a meeting with no other party" not in e.rule


def test_what_drew_criticism_in_a_relative_clause_is_its_antecedent(evs):
    text = "Migrants began to leave a protest camp in southern Mexico that has drawn criticism from U.S. President Donald Trump."
    (e,) = [e for e in of_trigger(evs(text), "drawn") if e.type == "ACCUSE"]
    assert e.actor_country == "USA"
    assert e.recipient_mention is not None and e.recipient_mention.text.endswith("camp")
    # not the clause that tells the act (USA); round 12: "in southern Mexico" hangs on "leave" (the
    # parse), a phrase of place of another verb, so it gives the camp no country either (the event
    # gold codes such a camp with none)
    assert e.recipient_country != "USA"


def test_who_is_found_guilty_is_the_recipient(evs):
    text = "A South Korean court has found the former president guilty on multiple counts of bribery."
    (e,) = of_trigger(evs(text), "found")
    assert e.type == "COERCE" and e.recipient_mention is not None and "president" in e.recipient_mention.text
    assert e.recipient_country == "KOR"
    (e,) = of_trigger(evs("The regional court in Nairobi found him guilty of murder on Monday."), "found")
    assert e.recipient_mention is not None and e.recipient_mention.text == "him"


def test_a_body_named_by_its_modifier_after_a_preposition_is_the_recipient(evs):
    text = "The Russian foreign minister called on the UN agencies to provide aid for the civilians in Aleppo."
    (e,) = [e for e in of_trigger(evs(text), "called") if e.type == "REQUEST"]
    assert e.recipient_mention is not None and "agencies" in e.recipient_mention.text
    assert e.recipient_country == "UN"


def test_the_reason_for_an_act_says_nothing_of_the_actor_s_country(evs):
    text = (
        "The senator spoke in Columbus, Ohio on Monday. During a speech later in the day, Jane Smith "
        "criticized Governor Tom Brown for his support of military action in Iraq and Libya."
    )
    (e,) = [e for e in of_trigger(evs(text), "criticized") if e.type == "ACCUSE"]
    assert e.actor_country == "USA" and e.recipient_country == "USA"
    # aid for a country is aimed at it
    (e,) = of_trigger(evs("The Polish government sent 40 trucks of medical aid for Ukraine on Monday."), "sent")
    assert e.type == "AID" and e.recipient_country == "UKR"
