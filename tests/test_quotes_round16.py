"""newsgraph_quotes, issue 11 round 16 (spans): invented sentences, one per rule
(docs/quotes.md "Round 16: spans")."""

from __future__ import annotations

import pytest


def texts(qs):
    return [q.text for q in qs]


# ---------------------------------------------------------------- a negated cue says nothing


@pytest.mark.parametrize(
    "text",
    [
        "The police would not say whether the case had been sent to the special unit.",
        "Two of the delegates have not said who they would vote for in July.",
        "The company would not say how many workers had been laid off.",
    ],
)
def test_a_negated_cue_is_no_statement(every, quote_rules_off, text):
    qs = [q for q in every(text) if q.kind != "direct"]
    assert qs and all(q.cue_type == "other" for q in qs)
    quote_rules_off("negcue16")
    assert any(q.cue_type == "speech" for q in every(text))


@pytest.mark.parametrize(
    "text",
    [
        "The minister said he would not resign over the affair.",
        "The mayor did not say that the clinics would close.",
        "She not only said the plan would fail but also warned that it would cost jobs.",
        '"I never said the plan would fail," the minister said.',
    ],
)
def test_a_negation_elsewhere_keeps_the_statement(every, text):
    assert any(q.cue_type == "speech" for q in every(text))


# ---------------------------------------------------------------- a cue in a condition, the writer's set phrases


@pytest.mark.parametrize(
    "text",
    [
        "Q: If you\u2019re saying consensus building is what\u2019s needed to bring back the middle class in this "
        "country \u2013 consensus building around good policy. Could that be what voters should be thinking about?",
    ],
)
def test_a_cue_in_a_condition_is_no_statement(every, quote_rules_off, text):
    qs = [q for q in every(text) if q.cue is not None and q.cue.text == "saying"]
    assert qs and all(q.cue_type == "other" for q in qs)
    quote_rules_off("ifcue16")
    assert any(q.cue_type == "speech" for q in every(text) if q.cue is not None and q.cue.text == "saying")


@pytest.mark.parametrize(
    "text, cue",
    [
        ("All told, up to five million people could be eligible for the new programs.", "told"),
        ("Let's say you think a degree from a state university will cost $160,000 in 18 years.", "say"),
    ],
)
def test_the_writers_set_phrases_report_no_one(every, quote_rules_off, text, cue):
    assert not [q for q in every(text) if q.cue is not None and q.cue.text.lower() == cue]
    quote_rules_off("idiom16")
    assert [q for q in every(text) if q.cue is not None and q.cue.text.lower() == cue]


def test_a_speech_word_outside_a_set_phrase_still_reports(every):
    qs = every("Novak told the crowd that all the plans were dead.")
    assert [q.text for q in qs] == ["that all the plans were dead"]


# ---------------------------------------------------------------- what an event leads "many" to say


@pytest.mark.parametrize(
    "text",
    [
        "The company also works with the border agency, leaving many to wonder whether the agency has been infiltrated.",
        "The weak result has caused many to wonder if a third candidate should run.",
        "The announcement led some to speculate that the mayor would resign.",
    ],
)
def test_what_an_event_leads_many_to_say_is_no_statement(every, quote_rules_off, text):
    qs = [q for q in every(text) if q.kind != "direct"]
    assert qs and all(q.cue_type == "other" for q in qs)
    quote_rules_off("caused16")
    assert any(q.cue_type == "speech" for q in every(text))


def test_a_named_one_led_to_speak_still_says_it(every):
    qs = every("The strike led Kowal to warn that the plant would close.")
    assert [q.cue_type for q in qs if q.text == "that the plant would close"] == ["speech"]
