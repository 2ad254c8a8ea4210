"""Issue 10, round 16: precision rules read from fresh whole PolNeAR train articles (killings by
private persons, one's own side met, interviews, alleged acts, acts not yet done, trigger words in
another sense, trips at home, intentions to vote). Short sentences written for the project
(docs/changelog-events.md, "Round 16")."""

from __future__ import annotations

from events_view import described, of_trigger, shown


def test_a_killing_by_private_persons_is_no_riot(evs):
    out = evs(
        "ROME — The old dictator was eventually murdered by his own people after the war. "
        "Residents said their uncle gets killed, beheaded and chopped into pieces by his own people."
    )
    assert not [e for e in shown(out) if e.type == "PROTEST"], described(out)
    # a crowd that kills is still a riot
    out = evs("LAGOS, Nigeria — Hundreds of protesters killed two police officers in the capital on Monday.")
    assert [e for e in shown(out) if e.type in ("PROTEST", "ASSAULT")], described(out)


def test_a_meeting_with_ones_own_staff_or_a_newspaper_is_no_consultation(evs):
    out = evs(
        "WASHINGTON — After meeting with his security council on Tuesday, President Tom Reyes spoke to reporters. "
        "Two state officials who spoke with the Daily Herald said the plan had failed."
    )
    assert not [e for e in shown(out) if e.type == "CONSULT"], described(out)
    # meeting another state's leader is one
    out = evs("WARSAW — Polish President Jan Kowal met with his Latvian counterpart in Riga on Friday.")
    assert [e for e in shown(out) if e.type == "CONSULT"], described(out)


def test_an_act_blamed_or_charged_is_alleged(evs):
    out = evs(
        "WASHINGTON — Senate Democrats railed against the governor for refusing to release the prisoners. "
        "Federal prosecutors threatened to charge the aide with two felonies, perjury, violating the Ethics Act and lying."
    )
    assert not shown(of_trigger(out, "refusing")), described(out)
    assert not shown(of_trigger(out, "violating")), described(out)
    assert [e for e in shown(out) if e.type == "ACCUSE" and "railed" in e.trigger.text], described(out)


def test_an_act_coming_or_talked_about_is_not_done(evs):
    out = evs(
        "CHICAGO — Senator Jane Holt's impending endorsement of the governor drew attention on Monday. "
        "Mayor Dan Ortiz had been talking with aides of the governor for days about his endorsing the senator."
    )
    assert not [e for e in shown(out) if e.type == "SUPPORT"], described(out)
    out = evs("CHICAGO — Mayor Dan Ortiz endorsed Senator Jane Holt on Monday.")
    assert [e for e in shown(out) if e.type == "SUPPORT"], described(out)


def test_trigger_words_in_another_sense(evs):
    out = evs(
        "BOSTON — As earlier campaigns have demonstrated, a candidate's answer matters. "
        "Many voters think the party is insufficiently committed to its principles. "
        "Senator Holt fought hard for conservative principles in the Senate. "
        "Little-known candidates beating established candidates is rare, Senator Holt said. "
        "The long debate in the Senate yielded a couple of votes for the Democratic Party. "
        "Governor Mills said he walked out of that hospital feeling angry at the Senate."
    )
    assert not shown(out), described(out)
    # the office committed to an inquiry promises an act (AGREE stays)
    out = evs(
        'NEW YORK — Attorney General Ray Mills said his office is committed to "a full investigation" of the police.'
    )
    assert [e for e in out if e.type == "AGREE" and "value" not in e.rule], described(out)


def test_a_trip_at_home_and_an_intention_to_vote_are_campaigning(evs):
    out = evs(
        "WASHINGTON — President Tom Reyes traveled to Chicago for Democratic Party fundraisers on Monday. "
        "Senator Ray Mills stated his intention to vote for the governor on Wednesday."
    )
    assert not shown(out), described(out)


def test_the_switch_turns_the_rules_off(evs, event_rules_off):
    event_rules_off("precision16")
    out = evs("WASHINGTON — Senate Democrats railed against the governor for refusing to release the prisoners.")
    assert not any("round 16" in e.rule or "(alleged)" in e.rule for e in of_trigger(out, "refusing")), described(out)


def test_a_contracted_modal_is_would_or_will(evs):
    out = evs("WASHINGTON — Senator John Mills said he’d hold a hearing on the prison plan.")
    (e,) = of_trigger(out, "hearing")
    assert e.future and not shown([e]), described(out)
    # "he'd met" is "had met": done
    out = evs("WASHINGTON — Senator Ann Reyes said she'd met with the Mexican president.")
    assert [e for e in shown(out) if e.type == "CONSULT"], described(out)


def test_a_stance_told_in_a_relative_clause_is_no_act(evs):
    out = evs(
        "DENVER — The delegate, who backs Senator Holt, warned reporters about the convention. "
        "Ray Mills, an adviser to the governor who has long dismissed efforts to unseat the senator, spoke on Friday."
    )
    assert not [e for e in shown(out) if e.type in ("SUPPORT", "REJECT")], described(out)
    # an act done on a day, told in a relative clause, stays
    out = evs("DENVER — Mayor Dan Ortiz, who endorsed Senator Holt on Monday, spoke on Friday.")
    assert [e for e in shown(out) if e.type == "SUPPORT"], described(out)


def test_an_act_in_a_when_clause_on_an_old_date_is_background(evs):
    out = evs(
        "WASHINGTON — The vote was his first win since 2009, when Senator Holt joined 40 senators to reject "
        "the president's request to close the prison."
    )
    assert not [e for e in shown(out) if e.type == "REJECT"], described(out)


def test_an_inquiry_into_a_thing_accuses_no_one(evs, event_rules_off):
    out = evs("The cause of both fires on Elm Street is under investigation, the fire chief said.")
    assert not [e for e in shown(out) if e.type == "ACCUSE"], described(out)
    # a person under investigation is the target of one
    out = evs("The mayor of Brno is under investigation for bribery.")
    assert [e for e in shown(out) if e.type == "ACCUSE" and e.recipient_mention is not None], described(out)
    event_rules_off("precision16")
    out = evs("The cause of both fires on Elm Street is under investigation, the fire chief said.")
    assert [e for e in out if e.type == "ACCUSE" and "under investigation" in e.rule], described(out)


def test_an_act_inside_the_subjects_own_phrase_is_not_the_subjects(evs, event_rules_off):
    text = "He said a former governor whose property was under investigation was now dining with the president."
    (e,) = [e for e in evs(text) if "under investigation" in e.rule]
    assert e.actor_mention is None or "governor" not in e.actor_mention.text, described([e])
    event_rules_off("precision16")
    (e,) = [e for e in evs(text) if "under investigation" in e.rule]
    assert e.actor_mention is not None and "governor" in e.actor_mention.text, described([e])
