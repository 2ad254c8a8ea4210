"""Issue 10, round 15: precision rules read from fresh whole PolNeAR train articles (election and
campaign activity, wars of words, past habits, replies withheld from reporters, "allowed it to
happen", figures of speech, slogans, standing attitudes). Short sentences written for the project
(docs/events.md, "Round 15")."""

from __future__ import annotations

from events_view import of_trigger, shown


def test_voting_and_asking_voters_is_campaigning(evs):
    out = evs(
        "DES MOINES, Iowa — Senator Jane Holt had been firmly rejected by voters in her district. "
        "Governor Ray Mills urged voters to turn away from the senator on Tuesday. "
        "The nominee asked them to vote early in the fall. "
        "The Holt campaign wants to mobilize young supporters across Ohio."
    )
    assert not shown(out), [(e.trigger.text, e.rule) for e in out]
    # asking a government body to act is still a request
    out = evs("PHOENIX — Mayor Ray Mills urged the Justice Department to investigate the county on Tuesday.")
    assert [e for e in shown(out) if e.type == "REQUEST"], [e.rule for e in out]


def test_campaign_trips_and_races_are_not_events(evs):
    out = evs(
        "WASHINGTON — Senator Jane Holt made a campaign trip to Guam in March. "
        "Senator Holt beat the governor by 12 points in the primary on Tuesday. "
        "Governor Ray Mills decided to withdraw from the presidential race on Monday. "
        "Mayor Dan Ortiz dismissed a presidential run on Monday."
    )
    assert not shown(out), [(e.trigger.text, e.rule) for e in out]
    (e,) = of_trigger(out, "withdraw")
    assert "election race" in e.rule


def test_a_war_of_words_is_an_accusation(evs):
    out = evs(
        "MANCHESTER, N.H. — The two rivals escalated their war of words before the vote. "
        "Five candidates went on the attack in radio ads on Friday."
    )
    assert not [e for e in out if e.type == "ASSAULT"], [(e.trigger.text, e.type, e.rule) for e in out]
    assert [e for e in out if e.type == "ACCUSE" and "went" in e.trigger.text], [e.rule for e in out]
    # armed actors still attack
    out = evs("MOSUL, Iraq — The rebels went on the attack near the border town on Sunday.")
    assert [e for e in out if e.type == "ASSAULT"], [e.rule for e in out]


def test_a_past_habit_is_background(evs):
    out = evs("LOUISVILLE, Ky. — Senator Tom Reyes used to support the governor, but now backs the mayor.")
    assert not shown(of_trigger(out, "support")), [e.rule for e in out]
    assert "used to" in of_trigger(out, "support")[0].rule


def test_replies_withheld_from_reporters_are_no_rejection(evs):
    out = evs(
        "WASHINGTON — The Reyes campaign declined to comment for this article. "
        "The governor's office declined to give a breakdown of the costs. "
        "The spokesman refused to answer questions about the trip."
    )
    assert not [e for e in out if e.type == "REJECT"], [(e.trigger.text, e.rule) for e in out]
    # refusing an envoy's plan stays a rejection
    out = evs("KYIV — The government refused to accept the envoy's peace plan on Tuesday.")
    assert [e for e in out if e.type == "REJECT"], [(e.trigger.text, e.rule) for e in out]


def test_letting_a_thing_happen_and_figures_of_speech(evs):
    out = evs(
        "PHOENIX — 'I am furious that the county board allowed it to happen,' the mayor said. "
        "The Reyes campaign shelled out $3 million on radio ads. "
        "Senator Holt shut down such questions on Tuesday. "
        "City officials said they welcome the extra publicity. "
        "The speaker had to beat back a primary challenge from his left. "
        "Senator Holt struck a chord with farmers on Tuesday."
    )
    bad = [e for e in shown(out) if e.type in ("CONCEDE", "ASSAULT", "COERCE", "SUPPORT")]
    assert not bad, [(e.trigger.text, e.type, e.rule) for e in bad]


def test_striking_a_deal_is_an_agreement(evs):
    out = evs("BRUSSELS — Poland and Latvia struck a deal on gas supplies on Monday.")
    assert [e for e in out if e.type == "AGREE"], [(e.trigger.text, e.type, e.rule) for e in out]
    assert not [e for e in out if e.type in ("ACCUSE", "ASSAULT")]


def test_prep_objects_of_none_rows_and_hosted_conventions(evs):
    out = evs(
        "FARGO, N.D. — The state party chair, Ann Lutz, called for a show-of-hands vote on Saturday. "
        "A county official said so on Monday, asking for anonymity because the talks were private. "
        "Denver, which hosted the party convention, stayed calm."
    )
    assert not shown(out), [(e.trigger.text, e.rule) for e in out]
    # calling for a ceasefire is still a request
    out = evs("WARSAW — Foreign Minister Jan Kowal called for a ceasefire in Ukraine on Monday.")
    assert [e for e in shown(out) if e.type == "REQUEST"], [e.rule for e in out]


def test_a_quoted_slogan_is_not_done(evs):
    out = evs('TAMPA, Fla. — Marchers shouted "Jail the governor!" as Senator Holt spoke.')
    assert not [e for e in shown(out) if e.type == "COERCE"], [(e.trigger.text, e.rule) for e in out]


def test_coming_under_attack_in_words_is_criticism(evs):
    out = evs("WASHINGTON — Senator Dale Hart's record came under fire from Democrats on Tuesday.")
    assert [e for e in out if e.type == "ACCUSE"] and not [e for e in out if e.type == "ASSAULT"], [
        (e.type, e.rule) for e in out
    ]
    out = evs("KABUL — The governor came under fire from gunmen as he left the city hall on Tuesday.")
    assert [e for e in out if e.type == "ASSAULT"], [(e.type, e.rule) for e in out]


def test_a_standing_attitude_is_no_act(evs):
    out = evs(
        "RABAT — Officials met on Monday. Moroccan ministers oppose any foreign naval base on the "
        "coast, the spokesman said."
    )
    assert not shown(of_trigger(out, "oppose")), [e.rule for e in out]
    out = evs("RABAT — Officials met on Monday. The minister opposed the plan on Tuesday.")
    assert of_trigger(out, "opposed") and "attitude" not in of_trigger(out, "opposed")[0].rule


def test_rules_off_switch(evs, event_rules_off):
    text = "DES MOINES, Iowa — Governor Ray Mills urged voters to turn away from Senator Holt on Tuesday."
    assert not shown(evs(text))
    event_rules_off("precision15")
    assert [e for e in evs(text) if e.type == "REQUEST" and "campaign" not in e.rule]


def test_other_senses_realising_oneself_and_wondering(evs):
    out = evs(
        "WASHINGTON — Aides to Senator Holt smiled, recognizing that the vote was lost. "
        "Party leaders had consoled themselves with promises from the governor. "
        "Some lawmakers are questioning whether the new rules could be used against them. "
        "Senator Holt questioned the governor's judgment on Tuesday. "
        "The United States recognized Kosovo on Tuesday."
    )
    words = [e.trigger.text for e in shown(out)]
    assert "recognizing" not in words and "had consoled" not in words and "are questioning" not in words, words
    assert "questioned" in words and "recognized" in words, words


def test_a_promise_describing_a_thing(evs):
    out = evs(
        "WASHINGTON — The president admitted that the deep divides he promised to heal have widened. "
        "Senator Holt promised to meet the Mexican president on Monday."
    )
    promised = of_trigger(out, "promised")
    assert len(promised) == 2 and len(shown(promised)) == 1, [(e.trigger.start, e.rule) for e in promised]


def test_voters_who_protest_or_sue_still_act(evs):
    out = evs(
        "ATLANTA — Hundreds of voters protested outside the state election office on Monday against the new ID law. "
        "Two voters sued the state election board over the new ID law on Tuesday."
    )
    assert [e for e in out if e.type == "PROTEST" and "voting" not in e.rule], [(e.type, e.rule) for e in out]
    assert [e for e in out if e.type == "ACCUSE" and "voting" not in e.rule], [(e.type, e.rule) for e in out]
