"""How sure the coder is of an event: ``confidence`` in [0, 1].

A small logistic model over plain string features of the event and its context: where its
reading comes from (newsgraph's tables, a sentence pattern, a PETRARCH2 fallback), what the text
says about the actor and the recipient (named or only guessed from context, which sector,
political or organised or not), and how political the sentence and the article are
(``relevance``). The type, the trigger word and the exact sector are deliberately not features. Before it, the
gates (``gate``) set the confidence of events that cannot be trusted at all to 0. Its weights are data (``data/en/events/confidence_model.json``),
learned on the *tune* half of the whole-article gold set by ``scripts/learn_event_confidence.py``
(label: the event is paired with a gold event of its type), with the threshold chosen by
cross-validation on that half. Events below the threshold stay in the record (with their
confidence) and are left out of exports, the timeline and the network by default.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ...thresholds import EVENT_MODEL, FALLBACK_EVENT_MIN_CONFIDENCE, event_min_confidence
from .recall18 import named_pair18
from .relevance import Relevance, political_actor
from .tables import GENERIC_VERBS, HABITUAL_ADVERBS

MODEL_PATH = EVENT_MODEL  # the shipped model


def load(path: Optional[Path] = None) -> dict:
    """The model in ``path`` (default: the shipped one): {"bias", "weights", "threshold"}; with no
    model file every event scores 0.5."""
    try:
        return json.loads((path or MODEL_PATH).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"bias": 0.0, "weights": {}, "threshold": FALLBACK_EVENT_MIN_CONFIDENCE}


@lru_cache(maxsize=1)
def model() -> dict:
    """The shipped model (the events component's ``confidence_model`` config may name another)."""
    return load()


def threshold() -> float:
    """The documented threshold (``newsgraph.thresholds.event_min_confidence``)."""
    return event_min_confidence()


def score(features: list[str], m: Optional[dict] = None) -> float:
    m = m or model()
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
    if coded.sector == "BUS":
        return False  # a firm acts politically only on a political target
    return (
        coded.mention is not None
        and coded.head_ent in ("PERSON", "ORG", "NORP")
        and (sent_rel.political > 0 or art_rel is not None and art_rel.balance == "pol")
    )


def early_gate(source: str) -> Optional[str]:
    """The reason of ``gate`` it reads from the candidate's source alone, the first it tries: a
    PETRARCH2 verb's default code with no pattern is never trusted, whoever its actor and
    recipient. The event builder asks it as soon as the actor is coded and builds no more of such
    an event (round 20: no recipient country, place, date or features)."""
    return "a PETRARCH2 verb code with no pattern" if source == "petrarch-verb" else None


def gate(
    type_: str, source: str, lemma: str, actor, recipient, sent_rel: Relevance, art_rel: Relevance, igo_codes
) -> Optional[str]:
    """Why an event is not to be trusted at all (its confidence is then 0), or None:
    a PETRARCH2 verb's default code with no pattern; a subject that cannot act; no political or
    organised actor on either side (PETRARCH2 and ICEWS require a coded actor; an actor the
    sentence leaves unnamed counts when the sentence is about public affairs; protesters are
    organised by their act); a firm's or a medium's act on no political target; a general verb
    not between two such actors; a sentence with no political content in an article that has
    little; in an article not about public affairs (``Relevance.public_affairs``), any actor
    but a state organ, a security force, an armed group or an international body."""
    why = early_gate(source)
    if why:
        return why
    if actor is not None and not actor.animate and actor.mention is not None:
        return "the subject cannot act"
    a, r = organised(actor, igo_codes, sent_rel, art_rel), organised(recipient, igo_codes, sent_rel, art_rel)
    # an actor the sentence leaves unnamed, in a sentence about public affairs; not for an
    # attack, where an unknown attacker on a private person is a crime (guidelines 2.2)
    unnamed = (
        (actor is None or actor.mention is None and not actor.sector) and sent_rel.political > 0 and type_ != "ASSAULT"
    )
    if type_ != "PROTEST" or sent_rel.political == 0:
        if not (a or r or unnamed):
            return "no political or organised actor"
        if actor is not None and actor.sector in ("BUS", "MED") and not (r and recipient.mention is not None):
            # (a target only guessed from the clause's places, "lobby for a new EU strategy", is none)
            return "a firm's or a medium's act on no political target"
        if lemma in GENERIC_VERBS and not ((a or unnamed) and (r or recipient is None or recipient.mention is None)):
            return "a general verb not between political or organised actors"
    if sent_rel.political == 0 and art_rel.balance in ("non", "none"):
        return "no political content"
    if not art_rel.public_affairs and not (actor is not None and actor.sector in STRONG_SECTORS):
        # a business, sport or culture story: only a state organ, a security force, an armed
        # group or an international body acting makes an event there (guidelines 6)
        return "an article not about public affairs"
    return None


MATERIAL_COOPERATION = {"COOPERATE", "AID", "RETREAT"}
STRONG_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "DIP", "SPY", "REB", "UAF", "IGO"}


def _count(n: int) -> str:
    return str(n) if n < 3 else "3+"


def features(
    type_: str,
    source: str,
    lemma: str,
    pos: str,
    actor,
    recipient,
    sent_rel: Relevance,
    art_rel: Relevance,
    in_quote: bool,
    igo_codes: frozenset,
    intention: bool = False,
    setting: Optional[str] = None,
    promise: bool = False,
) -> list[str]:
    """The features of one event (plain strings; the model's weights are keyed by them).

    Few and general on purpose: the tune half is small (a few hundred events) and mostly
    domestic politics and local news, so no feature names the type or the trigger word (which
    words code which type is the tables' business) and none the exact sector. What is left
    judges how well an event is grounded: which rule read it, what evidence names the actor
    (its own words, the entities component, a quote's speaker, a pronoun, only the context),
    the kind of actor (state organ, security force, armed group, party, civil society, a
    country, an international body), whether actor and recipient are political or organised,
    whether it is said inside a quotation, and how political the sentence and the article are.
    """
    a_org = organised(actor, igo_codes, sent_rel, art_rel)
    r_org = organised(recipient, igo_codes, sent_rel, art_rel)
    a_pol = actor is not None and political_actor(
        actor.sector, actor.country, actor.head_ent, actor.country in igo_codes
    )
    r_pol = recipient is not None and political_actor(
        recipient.sector, recipient.country, recipient.head_ent, recipient.country in igo_codes
    )
    asec = _sector_class(actor)
    if type_ == "PROTEST" and asec in ("civil", "unknown") and actor.mention is not None:
        asec = "protesters"  # people protesting are organised by their act (as in ``gate``)
    f = [
        f"src={source}",
        f"sent={sent_rel.balance}",
        f"sent_pol={_count(sent_rel.political)}",
        f"art={art_rel.balance}",
        f"quote={int(in_quote)}",
        f"asec={asec}",
        f"art_public={int(art_rel.public_affairs)}",
        f"actor_org={int(a_org)}",
        f"rec_org={int(r_org)}",
        f"pair_pol={int(a_pol) + int(r_pol)}",
    ]
    if actor is None:
        f.append("actor=none")
    else:
        ev = "+".join(sorted(actor.tags - {"nonstate"})) or "context"
        if ev == "context" and named_pair18(type_, actor, recipient):
            ev = "text"  # a person the sentence names, coded from the article (round 18)
        f += [
            f"actor_ev={ev}",
            f"actor_named={int(actor.mention is not None)}",
        ]
        if actor.tags & {"pronoun", "speaker"} and not actor.tags & {"entity", "implied", "text"}:
            f.append("actor_indirect=1")  # only a pronoun or a quotation's speaker names the actor
    if type_ in MATERIAL_COOPERATION:
        f.append("act=material-cooperation")  # freeing, financing, sharing, withdrawing: told with general verbs
    if setting:
        f.append(f"setting={setting}")  # told as a description or a habit, not as an act that happened
    if intention:
        f.append("intention=1")  # a future act read as an intention (AGREE) or a threat (THREATEN)
    if promise and (recipient is None or recipient.mention is None):
        f.append("intention_rec=none")  # a promise made to or about nobody the sentence names
    if recipient is None:
        f.append("rec=none")
    return f


def setting_of(tok) -> Optional[str]:
    """How the act is told when it is not told as a specific act: ``modifier`` for a participle
    or relative clause describing a noun ("an intelligence centre financed by Tunisian
    institutions", "a man shot by officers", "the lawyer, who defended activists"), ``habitual``
    for an act modified by a habit word ("traditionally opposes", "have often collaborated",
    "has long called for": words.tsv habitual_adverbs)."""
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in tok.children):
        return "habitual"
    while tok.dep_ == "conj" and tok.head != tok:  # "people shot and killed by police"
        tok = tok.head
    if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return "modifier"
    return None


def _sector_class(coded) -> str:
    if coded is None:
        return "none"
    s = coded.sector
    if s in ("GOV", "DIP", "LEG", "JUD"):
        return "state"
    if s in ("MIL", "COP", "SPY"):
        return "force"
    if s in ("REB", "UAF", "SEP", "INS"):
        return "armed"
    if s in ("PTY", "OPP", "ELI"):
        return "party"
    if s == "IGO" or coded.country in ("UN", "EU", "NATO", "AU", "IGO"):
        return "igo"
    if s:
        return "civil"
    return "country" if coded.country and coded.head_ent in ("GPE", "NORP") else "unknown"


def confidence(features_: list[str], m: Optional[dict] = None) -> float:
    return round(score(features_, m), 3)


def describe(features_: list[str], top: int = 5) -> Optional[str]:
    """The features that weigh most, for reading a decision ("type=ASSAULT +1.2, src=... -0.8")."""
    w = model()["weights"]
    fs = sorted(((w.get(f, 0.0), f) for f in features_), key=lambda x: -abs(x[0]))[:top]
    return ", ".join(f"{f} {v:+.2f}" for v, f in fs if v) or None
