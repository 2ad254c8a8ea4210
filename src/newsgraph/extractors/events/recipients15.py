"""Issue 10, round 15: the recipient the sentence names, found before any country guess.

On fresh whole political articles the commonest recipient error was a bare country (the actor's
own, the "domestic" guess of ``_recipient_country``) where the sentence does name the target
(guidelines 5.2). ``named_target15`` is asked only when the earlier recipient rules found no
token, and before the guess; it returns the token that names the target, or None (then the guess
stands as before). The kinds, each with its lists in ``words.tsv`` (the "recipients15" rows):

- a verb coordinated with the trigger that has the object the trigger lacks: "derided and
  insulted the union leaders", "shot and killed Ronald Vick";
- a pronoun object of the trigger or of its prepositions (``target_preps15``), resolved through
  the article's entities by the caller: "called on him to resign", "went after her";
- a party or people after those prepositions for a meeting or a request: "spoke with voters";
- the pronoun owner of what a statement judges (ACCUSE, REJECT, SUPPORT): "mocked her record",
  "question my judgment" (the caller drops it when it is the actor itself);
- the doer named in the judged thing's own phrase (``agent_preps15``): "derided efforts by some
  Republicans".

Off switch for before/after measures: ``"recipients15"`` in ``tables.RULES_OFF``.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ..doc_cache import children
from .syntax import NON_ACTOR_ENTS, _actor_like, _obj
from .tables import NOUNS, PERSON_NOUNS, RULES_OFF, W

_JUDGING = ("ACCUSE", "REJECT", "SUPPORT")
_ADDRESSED = ("CONSULT", "REQUEST")
_OWNER_PRONOUNS = ("his", "her", "their", "my")


def _party(t: Token, people: bool = False) -> bool:
    """A token that names a party: an actor word, or (``people``) a noun for people or voters."""
    if t.ent_type_ in NON_ACTOR_ENTS or t.lemma_.lower() in NOUNS or t.pos_ == "NUM":
        return False
    if t.pos_ == "PRON":
        return t.lower_ in W.target_pronouns15
    if _actor_like(t):
        return True
    return people and t.pos_ == "NOUN" and (t.lemma_.lower() in PERSON_NOUNS or t.lower_ in W.voter_nouns)


def named_target15(tok: Token, type_: str) -> tuple[Optional[Token], str]:
    """The token naming the target of ``tok`` (of PLOVER type ``type_``) and the rule's name, or
    (None, "") when the sentence names none."""
    if "recipients15" in RULES_OFF:
        return None, ""
    kids = children(tok)
    obj = _obj(tok)
    # "derided and insulted the union leaders": the object both verbs share
    # (down a chain: "began arresting, imprisoning and executing thousands of dissidents")
    v: Optional[Token] = tok if obj is None and tok.pos_ == "VERB" else None
    for _ in range(4):
        if v is None:
            break
        c = next((g for g in children(v) if g.dep_ == "conj" and g.pos_ == "VERB" and g.i > v.i), None)
        if c is None or any(g.dep_ in ("nsubj", "nsubjpass") for g in children(c)):
            break  # none, or a clause of its own: "... and he attacked X"
        o = next((g for g in children(c) if g.dep_ == "dobj"), None)  # (not "will become X")
        if o is not None:
            if o.like_num or o.lemma_.lower() in ("thousand", "hundred", "dozen", "million", "score"):
                o = next((p for g in children(o) if g.lower_ == "of" for p in children(g) if p.dep_ == "pobj"), o)
            return (o, "shared-object") if _party(o, people=True) else (None, "")
        v = c
    # "called on him to resign", "went after her", "spoke with voters"
    for c in kids:
        if c.dep_ in ("prep", "prt", "dative") and c.lower_ in W.target_preps15:
            for g in children(c):
                if g.dep_ != "pobj":
                    continue
                if g.pos_ == "PRON" and g.lower_ in W.target_pronouns15:
                    return g, "pronoun-object"
                if type_ in _ADDRESSED and c.lower_ in ("with", "to") and _party(g, people=True):
                    return g, "addressee"
    if obj is not None and obj.pos_ == "PRON" and obj.lower_ in W.target_pronouns15 and type_ in _JUDGING:
        return obj, "pronoun-object"
    if obj is not None and type_ in _JUDGING and obj.pos_ == "NOUN":
        # "mocked her record", "question my judgment": whose thing is judged
        for c in children(obj):
            if c.dep_ == "poss" and c.lower_ in _OWNER_PRONOUNS and c.i < obj.i:
                return c, "owner-pronoun"
        # "derided efforts by some Republicans": who did the judged thing
        for c in children(obj):
            if c.dep_ == "prep" and c.lower_ in W.agent_preps15:
                for g in children(c):
                    if g.dep_ == "pobj" and g.pos_ != "PRON" and _party(g):
                        return g, "doer-of-judged"
    return None, ""
