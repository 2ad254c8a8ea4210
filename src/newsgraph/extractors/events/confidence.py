"""How sure the coder is of an event: ``confidence`` in [0, 1].

A small logistic model over plain string features of the event and its context: the type, the
trigger word and where its reading comes from (newsgraph's tables, a sentence pattern, a
PETRARCH2 fallback), what the text says about the actor and the recipient (named or only
guessed from context, political or organised or not), and how political the sentence and the
article are (``relevance``). Its weights are data (``data/en/events/confidence_model.json``),
learned on the *tune* half of the whole-article gold set by ``scripts/learn_event_confidence.py``
(label: the event is paired with a gold event of its type), with the threshold chosen by
cross-validation on that half. Events below the threshold stay in the record (with their
confidence) and are left out of exports, the timeline and the network by default.
"""
from __future__ import annotations

import json
import math
import os
from functools import lru_cache
from pathlib import Path
from typing import Optional

from .relevance import Relevance, density_bucket, political_actor

MODEL_PATH = Path(os.environ.get("NEWSGRAPH_EVENT_MODEL") or
                  Path(__file__).resolve().parents[2] / "data" / "en" / "events" / "confidence_model.json")
DEFAULT_THRESHOLD = 0.5


@lru_cache(maxsize=1)
def model() -> dict:
    """{"bias", "weights", "threshold"}; with no model file every event scores 0.5."""
    try:
        return json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"bias": 0.0, "weights": {}, "threshold": DEFAULT_THRESHOLD}


def threshold() -> float:
    return float(model().get("threshold", DEFAULT_THRESHOLD))


def score(features: list[str]) -> float:
    m = model()
    w = m["weights"]
    z = m["bias"] + sum(w.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _count(n: int) -> str:
    return str(n) if n < 3 else "3+"


def _party(prefix: str, coded, igo_codes) -> list[str]:
    if coded is None:
        return [f"{prefix}=none"]
    pol = political_actor(coded.sector, coded.country, coded.head_ent, coded.country in igo_codes)
    ev = "+".join(sorted(coded.tags - {"nonstate"})) or "context"
    return [f"{prefix}_ev={ev}", f"{prefix}_sec={coded.sector or '-'}", f"{prefix}_pol={int(pol)}",
            f"{prefix}_named={int(coded.mention is not None)}", f"{prefix}_ent={coded.head_ent or '-'}"]


def features(type_: str, source: str, lemma: str, pos: str, actor, recipient, sent_rel: Relevance,
             art_rel: Relevance, in_quote: bool, igo_codes: frozenset) -> list[str]:
    """The features of one event (plain strings; the model's weights are keyed by them)."""
    a_pol = actor is not None and political_actor(actor.sector, actor.country, actor.head_ent,
                                                   actor.country in igo_codes)
    r_pol = recipient is not None and political_actor(recipient.sector, recipient.country, recipient.head_ent,
                                                       recipient.country in igo_codes)
    art = art_rel.balance
    f = [f"type={type_}", f"src={source}", f"lemma={lemma}", f"tl={type_}|{lemma}", f"pos={pos}",
         f"sent={sent_rel.balance}", f"sent_pol={_count(sent_rel.political)}", f"sent_non={_count(sent_rel.nonpolitical)}",
         f"art={art}", f"art_dens={density_bucket(art_rel)}", f"type|art={type_}|{art}",
         f"pair_pol={int(a_pol) + int(r_pol)}", f"apol|art={int(a_pol)}|{art}", f"apol|sent={int(a_pol)}|{sent_rel.balance}",
         f"quote={int(in_quote)}"]
    f += _party("actor", actor, igo_codes)
    f += _party("rec", recipient, igo_codes)
    return f


def confidence(features_: list[str]) -> float:
    return round(score(features_), 3)


def describe(features_: list[str], top: int = 5) -> Optional[str]:
    """The features that weigh most, for reading a decision ("type=ASSAULT +1.2, src=... -0.8")."""
    w = model()["weights"]
    fs = sorted(((w.get(f, 0.0), f) for f in features_), key=lambda x: -abs(x[0]))[:top]
    return ", ".join(f"{f} {v:+.2f}" for v, f in fs if v) or None
