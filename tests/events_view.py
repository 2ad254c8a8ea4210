"""What a default view of events shows, for the event tests: at or above the confidence
threshold and not flagged negated, hypothetical or future (as exports, queries and the web
timeline filter them)."""

from __future__ import annotations

from newsgraph.thresholds import event_min_confidence


def shown(events):
    """The events a default view shows: at or above the threshold and not flagged."""
    t = event_min_confidence()
    return [e for e in events if (e.confidence or 0) >= t and not (e.negated or e.hypothetical or e.future)]


def of_trigger(events, word):
    """The events whose trigger holds ``word``."""
    return [e for e in events if word in e.trigger.text.split()]


def described(events):
    """What a failing event test prints: each event's trigger, type, confidence, flags and rule."""
    return [(e.trigger.text, e.type, e.confidence, e.negated, e.hypothetical, e.rule) for e in events]
