"""The event coder's knowledge, read from ``newsgraph/data/en/events/`` by ``newsgraph.lexicon``.

=====================  =========================================================================
``verbs.tsv``          trigger verbs: lemma -> (type, mode)                       ``VERBS``
``nouns.tsv``          event nouns: lemma -> (type, mode)                         ``NOUNS``
``verb_objects.tsv``   verb + object/particle -> (type, mode)                     ``OBJECT_RULES``
``frames.tsv``         frame verbs that type the act they govern: lemma -> type   ``FRAME_TYPES``
``weapon_modes.tsv``   weapon words -> ASSAULT mode                               ``WEAPON_MODES``
``speech_acts.tsv``    what a reported clause says -> (type, mode) of the saying  ``SPEECH_ACTS``
``evaluative.tsv``     words of negative judgement -> class (adj, label, conduct) ``EVALUATIVE``
``words.tsv``          named word lists (light verbs, speech verbs, ...)          ``W.<name>``
=====================  =========================================================================

A key defined twice with different values, a type that is no PLOVER type or a mode that is no
mode of its type stops the load with an error naming the file and the line.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Optional

from ...lexicon import LexiconError, Row, index, read, table
from .ontology import check_type_mode

DIR = "events"

# the event rules' off switches, by name, for before/after measures (as the quote, place and
# time components keep theirs): "recall14" (recall.py's extra candidates), "precision14"
# (precision.py), "precision15", "precision16", "precision17", "precision18" (precision15.py ... precision18.py), "recall18" (recall18.py), "recipients15"
# (recipients15.py), "precision19" and "recipient19" (precision19.py), "recall19" (recall19.py), "precision20" and "recipient20" (precision20.py), "recall20" (recall20.py), "recall21" and "precision21" (rules21.py). ``tests/conftest.py``'s ``event_rules_off`` switches them for one test.
RULES_OFF: set[str] = set()


NO_EVENT = "NONE"  # verb_objects.tsv: the verb in this sense is no event ("execute a plan", "shoot a video")


def _check_type_mode(r: Row) -> Optional[str]:
    if r["type"] == NO_EVENT and "objects" in r:
        return "a NONE row takes no mode" if r.get("mode") else None
    return check_type_mode(r["type"], r.get("mode") or None)


def _check_frame(r: Row) -> Optional[str]:
    return check_type_mode(r["type"], None)


def _split(cell: str) -> list[str]:
    return [w.strip() for w in cell.split(",") if w.strip()]


@lru_cache(maxsize=1)
def word_lists() -> dict[str, tuple[str, ...]]:
    """``words.tsv``: list name -> its words in file order (rows with the same name add up)."""
    out: dict[str, list[str]] = {}
    for r in table(f"{DIR}/words.tsv", columns=("list", "words")):
        ws = out.setdefault(r["list"], [])
        ws.extend(w for w in _split(r["words"]) if w not in ws)
    return {k: tuple(v) for k, v in out.items()}


class _Words:
    """``W.light_verbs`` -> the frozenset of that list of words.tsv."""

    def __getattr__(self, name: str) -> frozenset:
        lists = word_lists()
        if name not in lists:
            raise AttributeError(f"words.tsv has no list {name!r}")
        val = frozenset(lists[name])
        setattr(self, name, val)
        return val


W = _Words()


def _rows(name: str, path, **kw):
    """The packaged table ``name``, or the file at ``path`` (tests, a coder's draft)."""
    return read(path, **kw) if path is not None else table(f"{DIR}/{name}", **kw)


def lemma_table(name: str, path=None) -> dict[str, tuple[str, Optional[str]]]:
    """``verbs.tsv`` / ``nouns.tsv``: lemma -> (type, mode)."""
    rows = _rows(name, path, columns=("lemma", "type", "mode"), key=("lemma",), check=_check_type_mode)
    return {r["lemma"]: (r["type"], r["mode"] or None) for r in rows}


def _expand(cell: str, where: str) -> list[str]:
    out: list[str] = []
    lists = word_lists()
    for w in _split(cell):
        if w.startswith("&"):
            if w[1:] not in lists:
                raise LexiconError(f"{where}: {w} names no list of words.tsv")
            out.extend(lists[w[1:]])
        else:
            out.append(w)
    return out


def object_rules(path=None) -> dict[tuple[str, str], tuple[Optional[str], Optional[str]]]:
    """``verb_objects.tsv``: (verb, object or particle) -> (type, mode); a row stands for all
    pairs of its verbs and objects, and a pair given different values by two rows is an error.
    Type ``NONE`` reads as (None, None): with that object the verb is no event ("execute a plan")."""
    rows = _rows("verb_objects.tsv", path, columns=("verbs", "objects", "type", "mode"), check=_check_type_mode)
    return index(
        rows,
        lambda r: [(v, o) for v in _expand(r["verbs"], r.where) for o in _expand(r["objects"], r.where)],
        lambda r: (None, None) if r["type"] == NO_EVENT else (r["type"], r["mode"] or None),
        what="verb+object",
    )


def frame_types(path=None) -> dict[str, str]:
    """``frames.tsv``: frame verb -> the type it gives the act it governs."""
    rows = _rows("frames.tsv", path, columns=("lemma", "type"), key=("lemma",), check=_check_frame)
    return {r["lemma"]: r["type"] for r in rows}


def weapon_modes(path=None) -> dict[str, str]:
    """``weapon_modes.tsv``: weapon word -> ASSAULT mode."""
    rows = _rows(
        "weapon_modes.tsv",
        path,
        columns=("word", "mode"),
        key=("word",),
        check=lambda r: check_type_mode("ASSAULT", r["mode"]),
    )
    return {r["word"]: r["mode"] for r in rows}


def speech_acts(path=None) -> dict[tuple[str, str], tuple[str, Optional[str]]]:
    """``speech_acts.tsv``: (part, word) -> (type, mode): "X said Y lied" is X's ACCUSE of Y.
    A (part, word) pair given different values by two rows is an error."""
    rows = _rows("speech_acts.tsv", path, columns=("part", "words", "type", "mode"), check=_check_speech_act)
    return index(
        rows,
        lambda r: [(r["part"], w) for w in _expand(r["words"], r.where)],
        lambda r: (r["type"], r["mode"] or None),
        what="part+word",
    )


SPEECH_ACT_PARTS = ("verb", "object", "predicate", "need")
EVALUATIVE_CLASSES = ("adj", "label", "conduct")


def evaluative(path=None) -> dict[str, str]:
    """``evaluative.tsv``: word of negative judgement -> its class (adj, label, conduct): "X is a
    disgrace" is the speaker's ACCUSE of X. A word given two classes is an error."""
    rows = _rows(
        "evaluative.tsv",
        path,
        columns=("word", "class"),
        check=lambda r: (
            None
            if r["class"] in EVALUATIVE_CLASSES
            else f"unknown class {r['class']!r} (one of {', '.join(EVALUATIVE_CLASSES)})"
        ),
    )
    return index(rows, lambda r: _split(r["word"]), lambda r: r["class"], what="word")


def _check_speech_act(r: Row) -> Optional[str]:
    if r["part"] not in SPEECH_ACT_PARTS:
        return f"unknown part {r['part']!r} (one of {', '.join(SPEECH_ACT_PARTS)})"
    return _check_type_mode(r)


def _contexts() -> dict[str, frozenset]:
    return {k.split(":", 1)[1]: frozenset(v) for k, v in word_lists().items() if k.startswith("context:")}


VERBS = lemma_table("verbs.tsv")
NOUNS = lemma_table("nouns.tsv")
OBJECT_RULES = object_rules()
FRAME_TYPES = frame_types()
WEAPON_MODES = weapon_modes()
SPEECH_ACTS = speech_acts()
EVALUATIVE = evaluative()
CONTEXT_WORDS = _contexts()
AID_OBJECTS = W.aid_goods | W.arms
TROOP_OBJECTS = W.troops | W.police


@lru_cache(maxsize=1)
def petrarch_verbs() -> tuple[dict, list]:
    """CAMEO verb forms and pattern blocks derived from PETRARCH2 (scripts/build_actor_data.py)."""
    with resources.files("newsgraph").joinpath("data", "events", "verbs.json").open("r", encoding="utf-8") as f:
        d = json.load(f)
    blocks = []
    for b in d["blocks"]:
        idx: dict = {}
        for obj, prep, pnoun, code in b:
            idx.setdefault((obj, prep, pnoun), code)
        blocks.append(idx)
    return d["verbs"], blocks


# The word lists under the names the code uses (words.tsv).
LIGHT_VERBS = W.light_verbs
TRAVEL_VERBS = W.travel_verbs
EFFORT_HEADS = W.effort_heads
SANCTION_VERBS = W.sanction_verbs
WORKER_NOUNS = W.worker_nouns
DIPLOMAT_NOUNS = W.diplomat_nouns
INTENSIFIERS = W.intensifiers
WILLING_ACTS = W.willing_acts
TALK_NOUNS = W.talk_nouns
INTENT_NOUNS = W.intent_nouns
ASPECTUAL = W.aspectual
INTENT_FRAMES = W.intent_frames
READY_ADJS = W.ready_adjs
COMMITMENT_VERBS = W.commitment_verbs
REALISING_ADJS = W.realising_adjs
NEGATION_FLIPPING = W.negation_flipping
SPEECH_VERBS = W.speech_verbs
SPEECH_ACT_CUES = W.speech_verbs | W.speech_act_cues
ADDRESSEE_NOUNS = W.addressee_nouns
NEGATING_FRAMES = W.negating_frames
UNREALISED_FRAMES = W.unrealised_frames
APPROXIMATORS = W.approximators
SPECULATION_ADVERBS = W.speculation_adverbs
ABILITY_NOUNS = W.ability_nouns
HAZARD_HEADS = W.hazard_heads
EXCLUSION_VERBS = W.exclusion_verbs
ATTEMPT_FRAMES = W.attempt_frames
DENIABLE = W.deniable
ABSTRACT_TARGETS = W.abstract_targets
NEG_CALL_ADJS = W.neg_call_adjs
TITLE_NOUNS = W.title_nouns
FUTURE_MARKERS = W.future_markers
PEOPLE_NOUNS = W.people_nouns
QUANTITY_HEADS = W.quantity_heads
PETRARCH_STOP = W.petrarch_stop
RAISING = W.raising
SPOKES_NOUNS = W.spokes_nouns
ARMED_HEADS = W.armed_heads
MONITOR_VERBS = W.monitor_verbs
MONITOR_WORDS = W.monitor_words
NGO_HEADS = W.ngo_heads
HEAVY_WEAPON_HEADS = W.heavy_weapon_heads
LEADER_NOUNS = W.leader_nouns
DOCUMENT_NOUNS = W.document_nouns
INSTITUTIONS = W.institutions
OFFER_OBJECTS = W.offer_objects
INTERLOCUTOR_VERBS = W.interlocutor_verbs
ACTOR_OBJECT_VERBS = W.actor_object_verbs
DECISION_NOUNS = W.decision_nouns
NO_COMMENT_ACTS = W.no_comment_acts
PLACE_PREPS = W.place_preps
DESTINATION_PREPS = W.destination_preps


def role_sectors(path=None) -> dict[str, str]:
    """``roles.tsv``: role word -> CAMEO sector (read when newsgraph.actors gives none)."""
    rows = _rows("roles.tsv", path, columns=("word", "sector"), key=("word",))
    return {r["word"]: r["sector"] for r in rows}


ROLE_SECTORS = role_sectors()


def implied_sectors(path=None) -> dict[str, str]:
    """``implied_actors.tsv``: trigger lemma -> the sector of an actor the text leaves unnamed."""
    rows = _rows("implied_actors.tsv", path, columns=("lemma", "sector"), key=("lemma",))
    return {r["lemma"]: r["sector"] for r in rows}


IMPLIED_SECTORS = implied_sectors()
GENERIC_VERBS = W.generic_verbs
HABITUAL_ADVERBS = W.habitual_adverbs
VERBAL_ATTACK_VERBS = W.verbal_attack_verbs
VERBAL_ACTOR_NOUNS = W.verbal_actor_nouns
PERSON_NOUNS = W.person_nouns
POLITY_NOUNS = W.polity_nouns
CRITICISM_RECEIVERS = W.criticism_receivers
INANIMATE_HEADS = W.inanimate_heads
ANNOUNCED_SANCTION_MODES = W.announced_sanction_modes
EVALUATIVE_VERBS = W.evaluative_verbs
JUDGED_ACTS = W.judged_acts
ERGATIVE_VERBS = W.ergative_verbs
INTRANSITIVE_EVENTS = W.intransitive_events
PREVENTING_VERBS = W.preventing_verbs
FORCE_WORDS = W.troops | W.police | W.armed_heads | W.force_words
