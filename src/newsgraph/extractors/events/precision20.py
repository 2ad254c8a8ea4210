"""Issue 10, round 20: precision and recipient rules read from fresh whole political articles.

Each function reads one kind of event or recipient a PLOVER coder would not sign (guidelines
2.2, 4 and 5.2) and says why; the knowledge is in ``words.tsv`` (the "# round 20 (precision)"
block). Read on ``scripts/events_unseen.py --polnear --step 20 --offset 31`` and ``--offset 32``
and on the round 19 blind audit table (``docs/audits/events-fresh-blind-round19.tsv``):

``home_guess20``        (recipient20) no recipient country guessed from the actor's own country
                        (``domestic``) when the sentence names no target at all: "Sanders decried
                        the influence of big money", "she declined to weigh in", "Obama, who has
                        denounced the attack" were shown with the recipient USA. Guidelines 5.2:
                        the recipient is left empty when the sentence or the clause that reports
                        the act names none. Kept for material acts done at home (words.tsv
                        home_guess_types20: arrests, protests, concessions, attacks), where
                        event-data coders and the PLOVER records give the country as the target
                        ("Thousands of Iraqi Kurds demonstrated in Kirkuk": IRQ). A target the
                        text names ("all candidates", "the government") still takes the actor's
                        country;
``neg_conj20``          (precision20; read by ``flags.read_flags``) a verb joined by "or"/"nor" to
                        a negated verb, with no subject or auxiliary of its own, is negated too:
                        "he hasn't endorsed her or conceded his bid" (no concession);
``generic_addressee20`` (a confidence feature) a demand "X must/should ..." whose X is a generic
                        indefinite noun ("a president must be ready", "any candidate should"): a
                        statement of what someone in a role ought to be, no request to an actor;
                        lowered below the threshold;
``name_trigger20``      a trigger word that is a person's name ("..., Ban demurred": Ban Ki-moon
                        read as a ban): the tagger's PERSON name or a capitalised proper noun as
                        the subject of a verb;
``stance_participle20`` support or opposition told by a present participle on its holder
                        ("Democrats supporting Mrs. Clinton have pointed to", "an unpledged
                        delegate supporting Clinton"): a side described, no act;
``admission20``         a CONCEDE read from admitting that something is so ("conceded the
                        situation is regrettable"): a statement, no concession;
``parade20``            a PROTEST read from marching in a parade or a festival: a celebration;
``in_the_past20``       an act placed "in the past" under a past perfect ("he had twice been
                        investigated in the past by the FBI"): background (guidelines 9);
``paid_attack20``       an attack told as money spent ("reported spending $6 million attacking
                        Clinton", "was targeted by $4.4 million in attacks"): advertising, read as
                        ASSAULT or PROTEST; a coder would write at most an ACCUSE (lowered below
                        the threshold, not retyped).

Off switches for before/after measures: ``"precision20"`` and ``"recipient20"`` in
``tables.RULES_OFF``.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ..doc_cache import children
from .tables import RULES_OFF, W


def _off() -> bool:
    return "precision20" in RULES_OFF


def _recipient_off() -> bool:
    return "recipient20" in RULES_OFF


# ---- recipients


def home_guess20(rc: Optional[str], how: str, type_: str, no_target: bool) -> tuple[Optional[str], str]:
    """The recipient country and its basis: none for a ``domestic`` guess when the sentence
    names no target (``no_target``) and the act is a statement or a stance, not a material act
    done at home (words.tsv home_guess_types20)."""
    if _recipient_off() or not no_target or how != "domestic" or type_ in W.home_guess_types20:
        return rc, how
    return None, ""


# ---- flags


def neg_conj20(tok: Token) -> bool:
    """Whether ``tok`` is a verb joined by "or"/"nor" to a negated verb and has no subject and no
    auxiliary of its own ("hasn't endorsed her or conceded his bid")."""
    if _off() or tok.dep_ != "conj" or tok.pos_ not in ("VERB", "AUX") or tok.head == tok:
        return False
    h = tok.head
    if not any(c.dep_ == "neg" or c.lower_ in ("never", "not") and c.dep_ == "advmod" for c in children(h)):
        return False
    if not any(c.dep_ == "cc" and c.lower_ in ("or", "nor") and h.i < c.i < tok.i for c in children(h)):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg") for c in children(tok))


# ---- confidence features


def generic_addressee20(tok: Token, type_: str, recipient_tok: Optional[Token]) -> list[str]:
    """The confidence feature ``doubt20=generic-addressee`` for a REQUEST read from "X must /
    should / needs to" (words.tsv must_words20 on the trigger) whose X (``recipient_tok``) is a
    common noun with an indefinite or generic determiner (generic_dets20): "a president must be
    ready"; [] otherwise."""
    if _off() or type_ != "REQUEST" or recipient_tok is None or recipient_tok.pos_ != "NOUN":
        return []
    kids = children(tok)
    if not (
        tok.lemma_.lower() in W.must_words20
        or any(c.dep_ == "aux" and c.lower_ in W.must_words20 for c in kids)
        or tok.dep_ == "xcomp"
        and tok.head.lemma_.lower() in W.must_words20
    ):
        return []
    rk = children(recipient_tok)
    if any(c.dep_ == "det" and c.lower_ in W.generic_dets20 for c in rk) and not any(
        c.dep_ in ("compound", "poss") and c.pos_ in ("PROPN", "PRON") for c in rk
    ):
        return ["doubt20=generic-addressee"]
    return []


def paid_attack20(tok: Token, type_: str) -> list[str]:
    """The confidence feature ``doubt20=paid-attack`` for an ASSAULT or PROTEST read from an attack
    word (words.tsv attack_words20) told as money spent: its head or the head's head is a verb of
    spending or a sum of money (spending_words20, the tagger's MONEY); [] otherwise."""
    if _off() or type_ not in ("ASSAULT", "PROTEST") or tok.lemma_.lower() not in W.attack_words20:
        return []
    t = tok
    for _ in range(3):
        if t.head == t:
            break
        t = t.head
        if t.lemma_.lower() in W.spending_words20 or t.ent_type_ == "MONEY":
            return ["doubt20=paid-attack"]
    near = list(children(tok))
    near += [g for c in near if c.dep_ in ("agent", "prep") for g in children(c)]  # "targeted by $4.4 million"
    if any(c.lemma_.lower() in W.spending_words20 or c.ent_type_ == "MONEY" for c in near):
        return ["doubt20=paid-attack"]
    return []


# ---- events no coder would sign


def name_trigger20(tok: Token) -> Optional[str]:
    """A trigger word that is a person's name: the tagger's PERSON, or a capitalised proper noun
    (not the sentence's first word) that is the subject of a verb ("..., Ban demurred")."""
    if _off() or tok.pos_ == "VERB":
        return None
    if tok.ent_type_ == "PERSON":
        return "a person's name, no act"
    if (
        tok.tag_ == "NNP"
        and tok.dep_ in ("nsubj", "nsubjpass")
        and tok.i > tok.sent.start
        and tok.text[:1].isupper()
        and not tok.text.isupper()
        and not any(c.dep_ in ("det", "amod", "compound", "poss") for c in children(tok))
    ):
        return "a person's name, no act"
    return None


def stance_participle20(tok: Token, type_: str) -> Optional[str]:
    """Support or opposition told by a present participle on the noun of its holder ("Democrats
    supporting Mrs. Clinton have pointed to ...", "an unpledged delegate supporting Clinton",
    "delegates now supporting Clinton"): it says which side someone is on, not what they did
    (words.tsv stance_participles20; round 16 read relative clauses, ``stance_described16``)."""
    if _off() or type_ not in ("SUPPORT", "REJECT") or tok.tag_ != "VBG" or tok.dep_ != "acl":
        return None
    if tok.lemma_.lower() not in W.stance_participles20 or tok.head.pos_ not in ("NOUN", "PROPN"):
        return None
    return "a stance describing who someone is, not an act"


def admission20(tok: Token, type_: str) -> Optional[str]:
    """A CONCEDE read from a verb of admitting (words.tsv admit_verbs20: "conceded the situation is
    regrettable", "acknowledged that mistakes were made") whose object is a clause and not a thing
    yielded ("conceded the race", "conceded defeat"): a statement, no concession."""
    if _off() or type_ != "CONCEDE" or tok.pos_ != "VERB" or tok.lemma_.lower() not in W.admit_verbs20:
        return None
    kids = children(tok)
    if any(c.dep_ == "ccomp" for c in kids) and not any(c.dep_ in ("dobj", "dative") for c in kids):
        return "an admission, no concession"
    return None


def parade20(tok: Token, type_: str) -> Optional[str]:
    """A PROTEST read from marching or walking in a parade, a festival or a ceremony (words.tsv
    parade_words20: "Clinton marched in the New York parade"): a celebration, no demonstration."""
    if _off() or type_ != "PROTEST":
        return None
    for p in children(tok):
        if p.dep_ == "prep" and p.lower_ in ("in", "at", "during"):
            for n in children(p):
                if n.dep_ == "pobj" and n.lemma_.lower() in W.parade_words20:
                    return "a parade or a celebration, no protest"
    return None


def in_the_past20(tok: Token) -> Optional[str]:
    """An act placed "in the past" (words.tsv past_nouns20) under a past perfect ("he had twice
    been investigated in the past by the FBI"): history told as background (guidelines 9)."""
    if _off():
        return None
    kids = children(tok)
    if not any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in kids):
        return None
    for p in kids:
        if p.dep_ == "prep" and p.lower_ == "in":
            for n in children(p):
                if (
                    n.dep_ == "pobj"
                    and n.lower_ in W.past_nouns20
                    and any(d.dep_ == "det" and d.lower_ == "the" for d in children(n))
                ):
                    return "an act placed in the past, background"
    return None


# ---- the hooks build.make_event calls


def doubts20(tok: Token, type_: str, recipient_tok: Optional[Token]) -> list[str]:
    """The round's confidence features of an event."""
    return generic_addressee20(tok, type_, recipient_tok) + paid_attack20(tok, type_)


def untrusted20(tok: Token, type_: str) -> Optional[str]:
    """Why the round's rules leave an event untrusted, or None."""
    return (
        name_trigger20(tok)
        or stance_participle20(tok, type_)
        or admission20(tok, type_)
        or parade20(tok, type_)
        or in_the_past20(tok)
    )
