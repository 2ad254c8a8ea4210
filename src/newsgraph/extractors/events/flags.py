"""Negation, hypotheticals, the future, and what they do to the type.

``read_flags`` reads them before the type is final: a refusal ("will not accept") is a REJECT,
not a negated AGREE; a cooperative act in the future is an intention (AGREE), a conflictual one
a THREATEN, as the PLOVER manual says.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Token

from .classification import _threat_mode
from .ontology import COOPERATIVE, MATERIAL_CONFLICT
from .precision16 import contracted_modal16
from .precision17 import not_yet17, wanted_done17
from .precision18 import must_act18, yet_to18
from .precision20 import neg_conj20
from .syntax import _frame_of, _obj
from .tables import (
    ABILITY_NOUNS,
    ANNOUNCED_SANCTION_MODES,
    ATTEMPT_FRAMES,
    FRAME_TYPES,
    FUTURE_MARKERS,
    NEGATING_FRAMES,
    NEGATION_FLIPPING,
    NOUNS,
    PREVENTING_VERBS,
    READY_ADJS,
    REALISING_ADJS,
    SPECULATION_ADVERBS,
    SPEECH_VERBS,
    UNREALISED_FRAMES,
    W,
)


@dataclass
class Flags:
    """The type and mode after the flags are read, the rule notes they add, and the flags."""

    type: str
    mode: Optional[str]
    rule: str
    negated: bool
    hypothetical: bool
    future: bool
    modals: set
    intention: bool = False  # a future act read as the intention or threat (AGREE, THREATEN)


def _has_neg(tok: Token) -> bool:
    """ "did not attack", "never met", "no talks were held", "without consulting", "failed to reach"."""
    for c in tok.children:
        if c.dep_ == "neg" or c.lower_ in ("never",) and c.dep_ in ("advmod", "neg"):
            return True
        if c.lower_ in ("nor", "neither") and c.i < tok.i:  # "nor do we support", "neither side attacked"
            return True
        if c.dep_ == "det" and c.lower_ == "no" and tok.pos_ in ("NOUN", "PROPN"):
            return True
    if tok.dep_ == "pcomp" and tok.head.lower_ == "without":
        return True
    if tok.dep_ in ("xcomp",) and tok.head.pos_ in ("VERB", "AUX"):
        if tok.head.lemma_ in ("fail", "neglect"):
            return True
        h = tok.head.lemma_.lower()
        if h in ("try", "manage", "be"):
            return _has_neg(tok.head)
        # "has not bothered to ask", "did not dare to criticize", "never got to meet": under a
        # negated verb that is no frame (a frame decides: "did not agree to withdraw"), the
        # to-infinitive act did not happen, unless the verb turns the negation round
        # ("did not hesitate to condemn": words.tsv negation_flipping; round 11)
        return (
            any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            and h not in FRAME_TYPES
            and h not in NEGATION_FLIPPING
            and h not in SPEECH_VERBS
            and _has_neg(tok.head)
        )
    return False


def _modals(tok: Token) -> set[str]:
    out = set()
    t = tok
    for _ in range(3):
        for c in t.children:
            if c.dep_ == "aux" or c.tag_ == "MD":
                # round 16: "said he'd hold a hearing", "he’ll attack": a contraction is its modal
                out.add(contracted_modal16(c, t) or c.lower_)
            if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
                out.add("if")
        if (
            t.dep_ in ("xcomp", "conj")
            or t.dep_ == "advcl"
            and (
                any(  # "decline to appeal" parsed as advcl
                    c.dep_ == "aux" and c.lower_ == "to" for c in t.children
                )
                # "will write to the commissioner asking for ...": a participle with no subject of
                # its own is as real as the act it goes with
                or t.tag_ == "VBG"
                and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in t.children)
            )
        ) and t.head != t:
            t = t.head
            continue
        break
    if tok.dep_ == "advcl":
        for c in tok.children:
            if c.dep_ == "mark" and c.lower_ in ("if", "unless"):
                out.add("if")
    # "going to": "is going to attack"
    h = tok.head
    if tok.dep_ == "xcomp" and h.lemma_ == "go" and any(c.tag_ == "VBG" for c in [h]):
        out.add("will")
    return out


def _hypothetical_context(tok: Token) -> bool:
    """Under an 'if' clause, or in the complement of a belief/expectation verb with a modal."""
    t = tok
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.children):
            return True
        if not_yet17(t):  # "until they attack" (round 17)
            return True
        if t.head == t:
            break
        t = t.head
    return False


def _unrealised_by(tok: Token) -> Optional[Token]:
    """The word under which the act ``tok`` is only wanted, aimed at, claimed or tried
    (words.tsv unrealised_frames): "wants to attack", "tried to force him to resign", "with the aim
    of allowing", "wants the court to act by directing". Walks up through to-infinitives,
    complements, coordination, means ("by") and noun complements ("of"); a frame verb on the way
    decides instead ("wants to agree to ..."), a clause of time or cause stops the walk."""
    t = tok
    for _ in range(5):
        h = t.head
        if h == t:
            return None
        dep = t.dep_
        if any(c.dep_ == "mark" and c.lower_ not in ("to", "that", "for") for c in t.children):
            return None  # "after rebels attacked", "because police arrested": a clause of its own
        if wanted_done17(t, h):
            return h  # "wants Trump banned from the country" (round 17)
        if dep == "ccomp" and t.tag_ != "VB":
            return None  # "wants the court to act" is wanted, a finite clause is told as it is
        if dep in ("pcomp", "pobj") and h.dep_ == "prep" and h.lower_ in ("by", "of") and h.head != h:
            t, h = h, h.head  # "by directing", "the aim of allowing"
        elif dep == "advcl":
            if any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in t.children):
                return None  # "after rebels attacked": a clause of its own
        elif dep not in ("xcomp", "ccomp", "acl", "conj"):
            return None
        adj = _judging_adjective(t) if dep == "xcomp" else None
        if adj is not None:
            return adj  # "it is easy to criticize", "premature to back", "late to recognize"
        lem = h.lemma_.lower()
        if lem in UNREALISED_FRAMES or h.lower_ in UNREALISED_FRAMES:
            return h
        if (
            dep in ("acl", "ccomp")
            and h.pos_ == "NOUN"
            and (lem in W.allegation_nouns or h.lower_ in W.allegation_nouns)
        ):
            return h  # "accusations that the campaign is violating the law": alleged (round 13)
        if lem in FRAME_TYPES or lem in NEGATING_FRAMES or lem in SPEECH_VERBS:
            return None
        t = h
    return None


def _inverted_condition(tok: Token) -> bool:
    """An auxiliary before the subject in a clause that is not a question: "had Hillary Clinton
    congratulated him", "should they continue to rebuff any nominee"."""
    t = tok
    for _ in range(3):
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            h = t.head
            # (the parser may make the auxiliary the head: "had" -> ccomp "congratulated")
            aux_head = (
                t.dep_ in ("ccomp", "xcomp")
                and h.lower_ in W.counterfactual_auxes
                and h.i < subj.i
                and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in h.children)
            )
            return (
                aux_head
                or any(
                    c.dep_ in ("aux", "auxpass") and c.lower_ in W.counterfactual_auxes and c.i < subj.i
                    for c in t.children
                )
            ) and not any(c.text == "?" for c in t.sent)
        if t.dep_ not in ("xcomp", "conj") or t.head == t:
            return False
        t = t.head
    return False


def _judging_adjective(t: Token) -> Optional[Token]:
    """The adjective a to-infinitive act ``t`` is the complement of, when it tells the act as
    judged or assessed rather than done ("it is easy to criticize", "it was premature to back",
    "was late to recognize"; the parser hangs the infinitive on the adjective or on the copula
    beside it). Not an adjective of readiness (``ready_adjs``, a frame) nor one under which the
    act was done (words.tsv realising_adjs: "was quick to condemn", "the first to call for")."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
        return None
    h = t.head
    adj = h if h.pos_ == "ADJ" else None
    if adj is None and h.lemma_ == "be":
        adj = next((c for c in h.children if c.dep_ == "acomp" and c.pos_ == "ADJ" and c.i < t.i), None)
    if adj is None:
        return None
    lem = adj.lemma_.lower()
    if lem in READY_ADJS or lem in REALISING_ADJS or lem in FRAME_TYPES or adj.lower_ in REALISING_ADJS:
        return None
    return adj


def _power_of(tok: Token) -> Optional[Token]:
    """The noun of a power under which the act ``tok`` is told as what an actor may do (words.tsv
    ability_nouns): "has the authority to seek to freeze or seize a defendant's assets". Walks up
    through coordination, to-infinitives and complements to a noun the clause modifies."""
    t = tok
    for _ in range(5):
        h = t.head
        if h == t:
            return None
        if t.dep_ == "acl" and h.pos_ == "NOUN" and h.lemma_.lower() in ABILITY_NOUNS:
            return h if any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) else None
        if (
            t.dep_ in ("acl", "relcl")
            and h.pos_ == "NOUN"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
            and h.lemma_.lower() not in W.deciding_nouns
            and h.lower_ not in W.deciding_nouns
            and h.lemma_.lower() not in NOUNS
            # "the only senator to endorse Sanders", "the first leader to visit": done (realising_adjs)
            and not any(
                c.dep_ in ("amod", "advmod", "nummod") and (c.lower_ in REALISING_ADJS or c.tag_ == "JJS")
                for c in h.children
            )
        ):
            return h  # a purpose: "identified officers to attack", "a deportation force to round up" (round 13)
        if (
            t.dep_ == "relcl"
            and h.pos_ == "NOUN"
            and h.lemma_.lower() in W.proposal_nouns
            and any(
                c.dep_ == "prep" and any(g.lower_ == "which" for g in c.children) or c.lower_ == "where"
                for c in t.children
            )
        ):
            return h  # "a scenario in which members of Congress defy the will of voters" (round 13)
        if (
            t.dep_ in ("pcomp", "pobj")
            and h.dep_ == "prep"
            and h.lower_ in ("of", "for", "to", "on")
            and h.head != h
            and (t.tag_ in ("VBG", "VBN") or t.lemma_.lower() in NOUNS)
        ):
            n = h.head
            if (
                h.lower_ != "on"
                and n.pos_ == "NOUN"
                and (n.lemma_.lower() in W.proposal_nouns or n.lower_ in W.proposal_nouns)
            ):
                return n  # "his plan for banning Muslims", "little chance of officials being prosecuted"
            if h.lower_ == "on" and n.pos_ == "NOUN" and n.lemma_.lower() in W.stance_nouns:
                return n  # "his position on banning Muslims"
            if h.lower_ == "to" and n.pos_ == "ADJ" and n.lemma_.lower() in W.openness_adjs:
                return n  # "is open to negotiating a deal"
            if (
                h.lower_ == "to"
                and n.lemma_.lower() in W.topic_verbs
                and any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in n.children)
            ):
                return n  # "when it comes to fighting terrorism": a topic
            return None
        if t.dep_ not in ("conj", "xcomp"):
            return None
        t = h
    return None


def _speculated(tok: Token) -> bool:
    """ "The government probably wouldn't give in": a modal guess (words.tsv speculation_adverbs)."""
    t = tok
    while t.dep_ == "conj" and t.head != t:
        t = t.head
    has_modal = any(c.tag_ == "MD" for c in t.children)
    return has_modal and any(c.dep_ == "advmod" and c.lower_ in SPECULATION_ADVERBS for c in t.children)


def ctx_modal_neg(tok: Token) -> bool:
    """'cannot accept', 'will not allow', 'won't meet': a present/future refusal."""
    for ch in tok.children:
        if ch.dep_ == "aux" and ch.lower_ in ("ca", "can", "wo", "will", "would", "shall"):
            return True
    return False


def read_flags(
    tok: Token, type_: str, mode: Optional[str], rule: str, pattern: bool = False, must: bool = False
) -> Flags:
    """Flags of the act ``tok`` triggers (``pattern``: a sentence pattern, never negated;
    ``must``: a demand "X must", never hypothetical or future), and the type they leave."""
    modals = _modals(tok.head if tok.dep_ == "attr" else tok)
    frame = _frame_of(tok)
    negated = _has_neg(tok)
    o0 = _obj(tok) if tok.pos_ == "VERB" else None
    if o0 is not None and o0.lemma_.lower() in NOUNS and _has_neg(o0):
        negated = True  # "no talks were held", "held no talks"
    # "is expected to", "is likely to": a prediction, not a stated act or intention (guidelines 4)
    expected = tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("expect", "likely")
    # "had Hillary Clinton congratulated him", "were Russia to attack": an inverted auxiliary
    # before the subject opens a condition (words.tsv counterfactual_auxes; round 13)
    inverted = _inverted_condition(tok)
    hypothetical = (
        bool(modals & {"could", "might", "may", "should", "if", "can"})
        or _hypothetical_context(tok)
        or expected
        or inverted
    )
    future = (
        bool(modals & FUTURE_MARKERS)
        or any(ch.lower_ == "going" for ch in tok.children)
        or (tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("expect", "schedule", "due", "set", "slate", "plan"))
    )
    head_frame = tok.head if tok.head != tok else None
    if "would" in modals:
        # backshifted future in reported speech ("said Poland would send aid"), else conditional
        if head_frame is not None and tok.dep_ == "ccomp" and head_frame.lemma_.lower() in SPEECH_VERBS:
            future = True
        else:
            hypothetical = True
    negated = negated or neg_conj20(tok)  # "hasn't endorsed her or conceded" (round 20)
    if not negated and yet_to18(tok):
        negated = True  # "has yet to apologize": not done (round 18)
        rule += "; 'yet to'"
    if must_act18(modals, pattern):
        hypothetical = True  # "said the US must ... destroy terrorist networks": not done (round 18)
    if pattern:
        negated = False
        if must:
            hypothetical = future = False
    if frame is not None and frame.lemma_.lower() in NEGATING_FRAMES:
        negated = True
        rule += f"; under '{frame.lemma_}'"
    if (
        tok.dep_ in ("pcomp", "pobj")
        and tok.tag_ == "VBG"
        and tok.head.lower_ == "from"
        and tok.head.head != tok.head
        and tok.head.head.lemma_.lower() in PREVENTING_VERBS
    ):
        negated = True  # "barred the protesters from marching": the act was kept from happening
        rule += f"; prevented by '{tok.head.head.lemma_}'"
    said = tok
    while said.dep_ == "conj" and said.head != said:  # "claims that he was harassed and detained"
        said = said.head
    if (
        said.dep_ == "ccomp"
        and said.head != said
        and said.head.lemma_.lower()
        in ("believe", "think", "expect", "hope", "fear", "suggest", "predict", "speculate", "claim", "allege")
    ):
        hypothetical = True  # what someone only alleges is coded as their accusation, not as the act (guidelines 4)
    elif said.dep_ == "ccomp" and said.head != said and said.head.lemma_.lower() in SPEECH_VERBS:
        # "the claim alleged, adding that officers arrested him": what is added to an allegation is alleged too
        cue = said.head
        if cue.dep_ in ("advcl", "conj", "xcomp") and cue.head.lemma_.lower() in ("claim", "allege"):
            hypothetical = True
    wanted = None if pattern else _unrealised_by(tok)
    if wanted is not None and not (type_ == "ASSAULT" and wanted.lemma_.lower() in ATTEMPT_FRAMES):
        hypothetical = True  # only wanted, aimed at, claimed or tried: not reported as done (guidelines 4)
        rule += f"; unrealised under '{wanted.lemma_}'"
    power = None if pattern else _power_of(tok)
    if power is not None:
        hypothetical = True  # what an actor has the power to do is not done (round 9)
        rule += f"; a power, a plan or a purpose under '{power.lemma_}'"
    speculated = not pattern and _speculated(tok)
    if speculated:
        hypothetical = True  # a writer's guess about what an actor would do (round 9)
        rule += "; speculated"
    # a refusal in the future or with a modal is a rejection, not a negated cooperation
    if (
        not speculated
        and negated
        and (type_ in COOPERATIVE or type_ == "AGREE")
        and (future or modals & {"would", "can"} or ctx_modal_neg(tok))
        and not (modals & {"could"} and not modals & {"would", "can", "ca", "will", "wo"})
    ):  # "could not agree" is a past inability, not a refusal: it stays negated
        rule += f"; 'not {type_}' -> REJECT"
        type_, mode, negated, future, hypothetical = "REJECT", None, False, False, False
    intention = False
    unless = any(ch.dep_ == "advcl" and any(g.lower_ == "unless" for g in ch.children) for ch in tok.children)
    announced = head_frame is not None and head_frame.lemma_.lower() in ("announce", "decide", "declare", "order")
    if future and not unless and not negated and type_ == "SANCTION" and mode in ANNOUNCED_SANCTION_MODES:
        # "Russia will expel 60 US diplomats and close the consulate": a diplomatic measure announced
        # in kind is the sanction itself (the gold codes it SANCTION), not a threat
        rule += "; announced SANCTION"
        future = False
        intention = True
    if (
        (future or unless)
        and not negated
        and (type_ in MATERIAL_CONFLICT and not (announced and not unless) or unless and type_ in COOPERATIVE)
    ):
        rule += f"; future/conditional {type_} -> THREATEN"
        type_, mode = "THREATEN", _threat_mode(type_, mode)
        future = False  # the threat is the event, and it was made
        intention = True
    if future and type_ in COOPERATIVE and not negated:
        rule += f"; future {type_} -> AGREE (intention)"
        type_, mode = "AGREE", None
        future = False  # the intention is the event (PLOVER; guidelines 4), and it was stated
        intention = True
    return Flags(type_, mode, rule, negated, hypothetical, future, modals, intention)
