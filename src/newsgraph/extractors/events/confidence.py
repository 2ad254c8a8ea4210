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
from .tables import GENERIC_VERBS

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


def organised(coded, igo_codes, sent_rel: Relevance, art_rel: Optional[Relevance] = None) -> bool:
    """A political or organised actor (``relevance.political_actor``), or a person, organisation
    or people the text names in a sentence or an article about public affairs."""
    if coded is None:
        return False
    if political_actor(coded.sector, coded.country, coded.head_ent, coded.country in igo_codes):
        return True
    return coded.mention is not None and coded.head_ent in ("PERSON", "ORG", "NORP") and (
        sent_rel.political > 0 or art_rel is not None and art_rel.balance in ("pol", "mixed"))


def gate(type_: str, source: str, lemma: str, actor, recipient, sent_rel: Relevance, art_rel: Relevance,
         igo_codes) -> Optional[str]:
    """Why an event is not to be trusted at all (its confidence is then 0), or None:
    a PETRARCH2 verb's default code with no pattern; a subject that cannot act; no political or
    organised actor on either side (PETRARCH2 and ICEWS require a coded actor; an actor the
    sentence leaves unnamed counts when the sentence is about public affairs; protesters are
    organised by their act); a general verb not between two such actors; a sentence with no
    political content in an article that has little."""
    if source == "petrarch-verb":
        return "a PETRARCH2 verb code with no pattern"
    if actor is not None and not actor.animate and actor.mention is not None:
        return "the subject cannot act"
    a, r = organised(actor, igo_codes, sent_rel, art_rel), organised(recipient, igo_codes, sent_rel, art_rel)
    unnamed = (actor is None or actor.mention is None and not actor.sector) and sent_rel.political > 0
    if type_ != "PROTEST":
        if not (a or r or unnamed):
            return "no political or organised actor"
        if lemma in GENERIC_VERBS and not ((a or unnamed) and (r or recipient is None)):
            return "a general verb not between political or organised actors"
    if sent_rel.political == 0 and art_rel.balance in ("non", "none"):
        return "no political content"
    return None


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
    f += [f"actor_org={int(organised(actor, igo_codes, sent_rel, art_rel))}",
          f"rec_org={int(organised(recipient, igo_codes, sent_rel, art_rel))}"]
    return f


def confidence(features_: list[str]) -> float:
    return round(score(features_), 3)


def describe(features_: list[str], top: int = 5) -> Optional[str]:
    """The features that weigh most, for reading a decision ("type=ASSAULT +1.2, src=... -0.8")."""
    w = model()["weights"]
    fs = sorted(((w.get(f, 0.0), f) for f in features_), key=lambda x: -abs(x[0]))[:top]
    return ", ".join(f"{f} {v:+.2f}" for v, f in fs if v) or None
