"""Issue 10, round 20: recall read from fresh whole political articles.

``political_pair20``  a criticism, a praise, a request or a rejection between an actor the text
                      names and a target it names, one of them a political actor (``pair_pol``
                      1 or 2), told in a sentence with no word of public affairs ("Clinton has
                      repeatedly accused Trump of using divisive rhetoric", "Trump has
                      relentlessly attacked her as an unreliable guardian"): the pair makes the
                      sentence one about public affairs, so the sentence's missing political words
                      (``sent_pol=0``) do not count against the event. Read on
                      ``scripts/events_unseen.py --polnear --step 20 --offset 31`` and ``--offset
                      32``, where such events sat at 0.46-0.53, under the threshold 0.54.

``object_antecedent20`` (a recipient) an object pronoun ("him", "her") whose own
                      sentence names before it one person (of the pronoun's gender, by the first
                      names of ``data/entities``) as an object or a prepositional object: that
                      person ("trashing Donald Trump as unqualified ... and accusing him of ..."
                      -> Trump; offsets 31 and 32 showed such recipients with no country).

Off switch for before/after measures: ``"recall20"`` in ``tables.RULES_OFF``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

from spacy.tokens import Token

from ...lexicon import first_names
from .tables import RULES_OFF

_TYPES = ("ACCUSE", "SUPPORT", "REQUEST", "REJECT")


def political_pair20(feats: list[str], type_: str) -> list[str]:
    """``feats`` without ``sent_pol=0`` for a statement read from the verb tables (not a word of
    judgement: "thought she was a liar") between a named actor and a named, organised target of
    which one is political; else ``feats`` unchanged."""
    if "recall20" in RULES_OFF or type_ not in _TYPES or "sent_pol=0" not in feats:
        return feats
    if not {"actor_named=1", "rec_org=1", "src=lexicon"} <= set(feats) or not (
        {"pair_pol=1", "pair_pol=2"} & set(feats)
    ):
        return feats
    return ["sent_pol=pair20" if f == "sent_pol=0" else f for f in feats]


def object_antecedent20(head: Optional[Token], code):
    """The coded person an object pronoun ("him", "her") stands for when its own sentence names,
    before it, a person as an object, a prepositional object or an apposition (not a subject:
    "Obama said Clinton would beat him" is Obama): "trashing Donald Trump as unqualified and
    accusing him of ..." -> Trump, "spoke to Donald Trump and asked him to ..." -> Trump. ``code``
    codes a token (``actors._code_actor``); None when no such person or the rule is off."""
    if (
        "recall20" in RULES_OFF
        or head is None
        or head.lower_ not in ("him", "her")
        or head.dep_ not in ("dobj", "pobj", "dative")
    ):
        return None
    sent = head.sent
    cands = [
        t
        for t in sent
        if t.i < head.i
        and t.ent_type_ == "PERSON"
        and t.pos_ == "PROPN"
        and t.dep_ in ("dobj", "pobj", "appos", "dative")
        and (t.i + 1 >= len(t.doc) or t.doc[t.i + 1].ent_type_ != "PERSON" or t.doc[t.i + 1].ent_iob_ == "B")
    ]
    want = "m" if head.lower_ == "him" else "f"
    cands = [c for c in cands if _gender(c) in (None, want)]  # "with Hillary Clinton ... Trump ... him"
    if len({c.lower_ for c in cands}) != 1:
        return None  # none, or two persons: which one is meant is not sure
    coded = code(cands[-1])
    if coded is None:
        return None
    pron = (head.idx, head.idx + len(head))
    return coded.via("pronoun:", "pronoun", pron)


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    return first_names()


def _gender(t) -> Optional[str]:
    """ "m" or "f" from the first name of the PERSON name ``t`` ends, or None."""
    i = t.i
    while i > 0 and t.doc[i - 1].ent_type_ == "PERSON" and t.doc[i].ent_iob_ != "B":
        i -= 1
    return _names().get(t.doc[i].lower_) if i < t.i else None
