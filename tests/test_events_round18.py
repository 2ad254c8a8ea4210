"""Issue 10, round 18: precision rules read from fresh whole PolNeAR train articles (warnings that
tell a fact, classes of people, a poll's shares, rallying behind a candidate, acts there is no sign
of, impressions of a feeling, one's own unit closed, acts under "must", link lines). Short
sentences written for the project (docs/changelog-events.md, "Round 18"); each rule's case is shown
again with the switch off."""

from __future__ import annotations

import pytest

from events_view import described, of_trigger, shown

# (text, trigger word, type) that the round's rules keep from the default view
CASES = [
    ("“It is wrecking our schools and our courts,” Prime Minister Ana Lopes warned on Monday.", "warned", "THREATEN"),
    (
        "The delegate warned of a bitter fight ahead that could split the party if the leaders change the rules.",
        "warned",
        "THREATEN",
    ),
    (
        "Most voters back shorter prison terms for people convicted of minor crimes, the senator said.",
        "convicted",
        "COERCE",
    ),
    ("About 4 in 10 say they want Senator Jane Holt to drop out of the race.", "want", "REQUEST"),
    ("Senator Jane Holt urged Republicans to unite behind her against the governor.", "urged", "REQUEST"),
    ("So far, there is no indication that the FBI has arrested the mayor.", "arrested", "COERCE"),
    (
        'An aide said that the White House seemed "rattled" and "frustrated" by the rising opposition to its policy.',
        "frustrated",
        "ACCUSE",
    ),
    (
        "During the event, Senator Jane Holt unveiled a proposal to create an Office of Rural Affairs.",
        "unveiled",
        "REQUEST",
    ),
    ("Mayor Dan Ortiz shut down the police department's surveillance unit last year.", "shut", "COERCE"),
]


@pytest.mark.parametrize("text,word,type_", CASES)
def test_the_rounds_kinds_are_not_shown(evs, event_rules_off, text, word, type_):
    out = [e for e in evs("DENVER — " + text) if word in e.trigger.text and e.type == type_]
    assert not shown(out), described(out)
    event_rules_off("precision18")
    out = [e for e in evs("DENVER — " + text) if word in e.trigger.text and e.type == type_]
    assert out and not any("untrusted" in e.rule for e in out), described(out)
    assert [e for e in out if e.confidence > 0], described(out)


def test_an_act_under_must_is_not_done(evs, event_rules_off):
    text = "DENVER — Senator Jane Holt said the state must raise its guard, arrest the smugglers and close the camps."
    (e,) = [e for e in of_trigger(evs(text), "arrest") if e.type == "COERCE"]
    assert e.hypothetical, described([e])
    event_rules_off("precision18")
    (e,) = [e for e in of_trigger(evs(text), "arrest") if e.type == "COERCE"]
    assert not e.hypothetical, described([e])


def test_a_link_label_alone_on_its_line(evs, event_rules_off):
    text = (
        "DENVER — Senator Jane Holt met Governor Ray Mills on Monday.\n\n"
        '"Related:"\nSenate Democrats Reject The Governor\'s Budget Deal.\n\n'
        "The two will meet again next week."
    )
    assert not of_trigger(evs(text), "Reject"), described(evs(text))
    event_rules_off("precision18")
    assert of_trigger(evs(text), "Reject"), described(evs(text))


def test_what_the_rules_leave(evs):
    # a warning of what someone would do is a threat; a group told of by number is acted on; a
    # party asked to act is asked; an act with a sign of it is done
    out = evs(
        "DENVER — Governor Ray Mills warned that the state would sue the company. "
        "Police arrested 12 people accused of looting on Friday. "
        "Senator Jane Holt urged the governor to release the report. "
        "Senator Jane Holt presented the plan to the governor on Monday. "
        "Police arrested the mayor on Monday, the first sign that the inquiry is moving."
    )
    types = {e.type for e in shown(out)}
    assert {"THREATEN", "COERCE", "REQUEST"} <= types, described(out)
    assert shown(of_trigger(out, "arrested")), described(out)
    assert shown(of_trigger(out, "presented")), described(out)


def test_yet_to_is_not_done(evs, event_rules_off):
    text = "DENVER — Despite the outrage, Governor Ray Mills has yet to apologize to the Khans."
    (e,) = of_trigger(evs(text), "apologize")
    assert e.negated and not shown([e]), described([e])
    event_rules_off("precision18")
    (e,) = of_trigger(evs(text), "apologize")
    assert not e.negated, described([e])


@pytest.mark.parametrize(
    "text,word",
    [
        (
            "Republican presidential candidate Marco Rubio spoke to voters on Saturday. "
            "Rubio is congratulating Trump for his victory in the state's Republican primary.",
            "congratulating",
        ),
        (
            "Anna Kowalczyk, a Democratic activist, spoke at the convention. "
            "Kowalczyk lashed out at Tom Brenner after his speech at the Republican convention.",
            "lashed",
        ),
    ],
)
def test_a_criticism_or_praise_between_named_persons_is_shown(evs, event_rules_off, text, word):
    # the actor named by a bare name the article gave in full before (recall18)
    out = [e for e in evs("WASHINGTON — " + text) if word in e.trigger.text]
    assert shown(out), described(out)
    # (round 19's recall19 and round 21's recall21, a person the sentence names, read these pairs too)
    event_rules_off("recall18", "recall19", "recall21")
    out = [e for e in evs("WASHINGTON — " + text) if word in e.trigger.text]
    assert out and not shown(out), described(out)


def test_calling_out_is_criticism(evs, event_rules_off):
    text = "DENVER — On Friday, President Tom Reyes took a lighter tone, still calling out the Republicans."
    assert {e.type for e in of_trigger(evs(text), "calling")} == {"ACCUSE"}, described(evs(text))
    assert "ACCUSE" not in {e.type for e in evs("DENVER — The governor called out the National Guard after the riots.")}
    event_rules_off("precision18")
    assert "ACCUSE" not in {e.type for e in of_trigger(evs(text), "calling")}, described(evs(text))
