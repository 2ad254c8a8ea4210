"""Issue 10, round 17: precision rules read from fresh whole PolNeAR train articles (poll answers,
attacks on ideas, declining comment, statements offered, the floor taken, commitments to run,
interview questions, eras long past, acts wanted or not yet done). Short sentences written for the
project (docs/changelog-events.md, "Round 17"); each rule's case is shown again with the switch
off."""

from __future__ import annotations

import pytest

from events_view import described, of_trigger, shown

# (text, trigger word, type) that the round's rules keep from the default view
CASES = [
    ("In a new survey, voters in both states were angry with the governor.", "angry", "ACCUSE"),
    ("Our liberty is under assault from the federal government, Governor Ray Mills said.", "assault", "ASSAULT"),
    ("Senator Jane Holt declined to respond to a question about the mayor.", "declined", "REJECT"),
    ("Governor Ray Mills has shifted, offering more grim warnings about crime.", "offering", "AGREE"),
    ("State Senate Democrats seized the floor from Republicans on Tuesday.", "seized", "COERCE"),
    (
        "Mayor Dan Ortiz gave his campaign $2 million to show donors that he's committed to running for governor.",
        "committed",
        "AGREE",
    ),
    ("When Mayor Ortiz was questioned about the budget on WKXT News, he walked away.", "questioned", "ACCUSE"),
    ("The school is named for Carl Reyes, the Cold War general who fought the rebels.", "fought", "ASSAULT"),
    ("The Klan has been banned in the state since the Civil War.", "banned", "COERCE"),
    ("In the early 1950s, the army rounded up hundreds of farmers in the valley.", "rounded", "COERCE"),
    ("With characteristic zeal, the vice president talks tough in first rally in Pueblo.", "talks", "CONSULT"),
    ("There are still many activists and voters who backed Senator Holt in the primary.", "backed", "SUPPORT"),
    (
        "There was not much to complain about in the mayor's budget, Senator Jane Holt said on Monday.",
        "complain",
        "ACCUSE",
    ),
    ("Senator Jane Holt calls on Mexico to lead, step up fight against the cartels.", "step", "MOBILIZE"),
    ("When President Tom Reyes flew to Boise, Idaho, for a speech last winter, crowds cheered.", "flew", "CONSULT"),
]


@pytest.mark.parametrize("text,word,type_", CASES)
def test_the_rounds_kinds_are_not_shown(evs, event_rules_off, text, word, type_):
    out = [e for e in evs("DENVER — " + text) if word in e.trigger.text and e.type == type_]
    assert not shown(out), described(out)
    # (round 20's recipient20 leaves "talks tough" with no guessed party, gated as a meeting alone)
    event_rules_off("precision17", "recipient20")
    out = [e for e in evs("DENVER — " + text) if word in e.trigger.text and e.type == type_]
    assert out and not any("round 17" in e.rule for e in out), described(out)
    assert [e for e in out if e.confidence > 0], described(out)


def test_acts_wanted_or_not_yet_done_are_hypothetical(evs, event_rules_off):
    text = (
        "MANILA — A Philippine senator wants the American candidate banned from the country. "
        "Officials said they cannot find the gunmen until they attack the police."
    )
    for w in ("banned", "attack"):
        (e,) = [e for e in of_trigger(evs(text), w) if e.type in ("COERCE", "ASSAULT")]
        assert e.hypothetical, described([e])
    event_rules_off("precision17")
    for w in ("banned", "attack"):
        (e,) = [e for e in of_trigger(evs(text), w) if e.type in ("COERCE", "ASSAULT")]
        assert not e.hypothetical, described([e])


def test_what_the_rules_leave(evs):
    # a police interview is an inquiry; a war of today is no era; an offer of talks is an offer;
    # an act done before a present clause of time is done; a party that met says so
    out = evs(
        "DENVER — The FBI questioned the aide about the emails in an interview on Monday. "
        "Russian artillery shelled the town of Velna during the Civil War in Ukraine on Monday. "
        "Governor Ray Mills offered talks to the striking teachers on Tuesday. "
        "Police arrested the two men on Friday before they reach the border, officials said."
    )
    types = {e.type for e in shown(out)}
    assert {"ACCUSE", "AGREE"} <= types, described(out)
    assert [e for e in of_trigger(out, "shelled") if e.confidence > 0], described(out)
    assert [e for e in shown(of_trigger(out, "arrested"))], described(out)


def test_the_owner_of_a_thing_judged_is_the_recipient(evs, event_rules_off):
    # the tagger reads the name before a curly apostrophe as an organisation
    text = "WASHINGTON — Several Republican leaders have since denounced Trump’s comments on Monday."
    (e,) = [e for e in evs(text) if e.type == "ACCUSE"]
    assert e.recipient_mention is not None and e.recipient_mention.text.startswith("Trump"), described([e])
    assert "comments" not in e.recipient_mention.text, described([e])
    event_rules_off("precision17")
    (e,) = [e for e in evs(text) if e.type == "ACCUSE"]
    assert e.recipient_mention is not None and "comments" in e.recipient_mention.text, described([e])
