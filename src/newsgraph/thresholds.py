"""Documented defaults shared by the CLI, the store and the web app (no spaCy needed to read them).

``quote_min_confidence()``: the confidence a quote needs to be output by the quotes component
(``newsgraph extract``, ``newsgraph eval polnear``), to become a statement in a store (counted
on the Statements page and in the most reported statements), and to appear by default in
``newsgraph query quotes``, exports and the web app's statement lists. It is the threshold
stored with the quote confidence model (``data/quotes/confidence.json.gz``, chosen on PolNeAR
train, two-fold: docs/quotes.md); ``--min-confidence`` / ``?min_confidence=`` change it.

``event_min_confidence()``: the confidence an event needs to appear, by default, in exports
(``newsgraph export``), store queries (``newsgraph query events|counts``), the timeline and the
network. It is the threshold stored with the event coder's confidence model
(``data/en/events/confidence_model.json``, chosen by cross-validation on the tune half of the
whole-article gold set: docs/events.md); ``--min-confidence`` changes it everywhere.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from pathlib import Path

# the shipped models (the components' ``confidence_model`` config may name others, for
# cross-validation; the documented thresholds are those of the shipped models)
EVENT_MODEL = Path(__file__).resolve().parent / "data" / "en" / "events" / "confidence_model.json"
FALLBACK_EVENT_MIN_CONFIDENCE = 0.5  # with no model file (every event then scores 0.5)


@lru_cache(maxsize=1)
def event_min_confidence() -> float:
    try:
        return float(
            json.loads(EVENT_MODEL.read_text(encoding="utf-8")).get("threshold", FALLBACK_EVENT_MIN_CONFIDENCE)
        )
    except (FileNotFoundError, ValueError):
        return FALLBACK_EVENT_MIN_CONFIDENCE


def event_passes(confidence, min_confidence=None) -> bool:
    """Whether an event's confidence reaches the threshold (an event stored before confidences
    existed, with none, passes)."""
    t = event_min_confidence() if min_confidence is None else min_confidence
    return confidence is None or confidence >= t


QUOTE_MODEL = Path(__file__).resolve().parent / "data" / "quotes" / "confidence.json.gz"
FALLBACK_QUOTE_MIN_CONFIDENCE = 0.0  # with no model file every quote has confidence 1


@lru_cache(maxsize=1)
def quote_min_confidence() -> float:
    try:
        with gzip.open(QUOTE_MODEL, "rt", encoding="utf-8") as f:
            return float(json.load(f).get("threshold", FALLBACK_QUOTE_MIN_CONFIDENCE))
    except (FileNotFoundError, OSError, ValueError):
        return FALLBACK_QUOTE_MIN_CONFIDENCE


def quote_passes(confidence, min_confidence=None) -> bool:
    """Whether a quote's confidence reaches the threshold (a quote stored before confidences
    existed, with none, passes)."""
    t = quote_min_confidence() if min_confidence is None else min_confidence
    return confidence is None or confidence >= t
