"""Issue 10, round 15: the recipient the sentence names is found before the actor's own country is
guessed (recipients15: a shared object, a pronoun after "on/at/after/...", the addressee of a
meeting or a request, the pronoun owner or the doer of what a statement judges). Short sentences
written for the project (docs/changelog-events.md, "Round 15: recipients")."""

from __future__ import annotations

import pytest

from events_view import of_trigger


def _recipient_words(e):
    return e.recipient_mention.text if e.recipient_mention is not None else None


@pytest.fixture
def recipients15_off(event_rules_off):
    event_rules_off("recipients15")


TEXT = (
    "COLUMBUS, Ohio — Senator Mark Dalton derided and insulted the union leaders in a speech on Tuesday. "
    "Police in Dayton detained and questioned two protesters on Monday. "
    "Senator Ray Tolland dismissed efforts by some Republicans to delay the vote."
)


def test_a_named_target_comes_before_the_country_guess(evs):
    out = evs(TEXT)
    (e,) = of_trigger(out, "derided")
    assert "union leaders" in (_recipient_words(e) or ""), e.rule
    assert "shared-object" in e.rule
    (e,) = of_trigger(out, "detained")
    assert "protesters" in (_recipient_words(e) or ""), e.rule
    (e,) = of_trigger(out, "dismissed")
    assert "Republicans" in (_recipient_words(e) or ""), e.rule
    assert "doer-of-judged" in e.rule


def test_a_pronoun_after_a_preposition_is_resolved(evs):
    out = evs(
        "TALLAHASSEE, Fla. — Representative Alan Mercer lost two staff members this week. "
        "Top fellow Democrats called on him to quit the Senate race."
    )
    (e,) = of_trigger(out, "called")
    assert e.recipient_mention is not None and "pronoun-object" in e.rule, e.rule


def test_no_target_named_keeps_the_guess_and_the_switch_restores_it(evs, recipients15_off):
    out = evs(TEXT)
    (e,) = of_trigger(out, "derided")
    assert "shared-object" not in e.rule
    assert _recipient_words(e) is None


def test_own_things_and_other_clauses_give_no_target(evs):
    out = evs(
        "COLUMBUS, Ohio — Senator Mark Dalton praised the plan and he attacked the union leaders on Tuesday. "
        "The two agencies agreed to work together and complement one another."
    )
    for e in of_trigger(out, "praised"):
        assert "shared-object" not in e.rule, e.rule
    for e in out:
        assert "one another" not in (_recipient_words(e) or ""), e.rule
