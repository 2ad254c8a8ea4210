"""Round 20 (speed): the event builder's early gate. A candidate that can never be shown (a
PETRARCH2 verb code with no pattern: ``confidence.early_gate``; a PETRARCH2 verb code or a
fallback noun with no actor the text names: no event) is decided as soon
as its actor is coded and not built further (docs/events.md, "The early gate"). What a default view
shows must be the same as with every candidate built in full (the switch ``early-gate20``).
Sentences written for the project."""

from __future__ import annotations

import dataclasses

import pytest

from events_view import described, shown

TEXTS = [
    # PETRARCH2 verb codes ("introduced", "greeted", "learned") beside coded acts, and pronouns
    # after them that read the actor memory the builder keeps
    "BOSTON — Senator Maria Lopez introduced a bill on Tuesday. The governor of Ohio greeted her in "
    "Columbus, and she criticized him for his budget cuts. Police arrested two protesters.",
    "Mayor Tom Reyes learned of the plan in March. He condemned the ministry of defence and urged "
    "the police to release the students. The Interior Ministry rejected his demand on Friday.",
    # a subject that cannot act ("the decision", "the law") beside people who do: gated, but
    # built in full
    "The decision banned protests in the capital. The law restricts police searches, and "
    "President Ana Ruiz vetoed it on Monday while the opposition accused her of corruption.",
    # a sentence whose only reading is a fallback noun with nobody named
    "There were clashes near the border on Sunday. Russia accused Ukraine of shelling the town.",
]


def _record(extract, text):
    return dataclasses.asdict(extract(text, published="2024-03-06"))


def _shown_dicts(rec):
    from newsgraph.thresholds import event_min_confidence

    t = event_min_confidence()
    return [e for e in rec["events"] if (e["confidence"] or 0) >= t]


@pytest.mark.parametrize("text", TEXTS)
def test_the_early_gate_shows_what_the_full_build_shows(extract, event_rules_off, text):
    fast = _record(extract, text)
    event_rules_off("early-gate20")
    full = _record(extract, text)
    # the same events, in the same order, with the same ids, types and triggers
    assert [(e["id"], e["type"], e["trigger"]) for e in fast["events"]] == [
        (e["id"], e["type"], e["trigger"]) for e in full["events"]
    ]
    # what is shown at the threshold, byte for byte, and everything else the record holds
    assert _shown_dicts(fast) == _shown_dicts(full)
    for part in ("entities", "quotes", "places", "times"):
        assert fast[part] == full[part], part
    # an early-gated event is untrusted with the same reason and actor either way
    for e, f in zip(fast["events"], full["events"]):
        if e != f:
            assert e["confidence"] == f["confidence"] == 0.0
            assert e["rule"].rsplit("; untrusted: ", 1)[1] == f["rule"].rsplit("; untrusted: ", 1)[1]
            assert (e["actor"], e["actor_country"], e["actor_sector"], e["actor_mention"]) == (
                f["actor"],
                f["actor_country"],
                f["actor_sector"],
                f["actor_mention"],
            )


def test_the_texts_have_early_gated_candidates(evs):
    """The texts above do exercise the early gate (else the test above compares nothing)."""
    out = [e for t in TEXTS for e in evs(t)]
    reasons = {e.rule.rsplit("; untrusted: ", 1)[-1] for e in out if "; untrusted: " in e.rule}
    assert "a PETRARCH2 verb code with no pattern" in reasons, described(out)
    assert shown(out), described(out)


def test_early_gate_reason_is_the_gates_first():
    """``gate`` asks ``early_gate`` first: the two cannot drift apart."""
    from newsgraph.extractors.events.actors import CodedActor
    from newsgraph.extractors.events.confidence import early_gate, gate
    from newsgraph.extractors.events.relevance import relevance

    rel = relevance(["the", "minister", "said"])
    person = CodedActor("E1", "USA", "GOV", 0, 3, "text", frozenset({"text"}), (0, 3), "PERSON", True)
    thing = CodedActor(None, None, None, 0, 3, "text", frozenset({"text"}), (0, 3), "", False)
    why = early_gate("petrarch-verb")
    assert why and why == gate("ACCUSE", "petrarch-verb", "x", person, None, rel, rel, set())
    # a subject that cannot act is still gated, after the candidate is built in full
    assert early_gate("lexicon") is None
    assert gate("ACCUSE", "lexicon", "x", thing, None, rel, rel, set()) == "the subject cannot act"
