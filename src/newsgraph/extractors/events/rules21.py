"""Issue 10, round 21: recall read from whole political articles (PolNeAR train, offsets 35 and 36).

``named_person21``  a statement or a stance (``words.tsv`` named_person_types21) whose actor the
                    sentence names by a person's name that the entities component knows by a full
                    name ("Cruz blamed the network", "Sanders eventually dismissed Clinton's
                    charges", "Judicial Watch asked to depose Clinton" is no person and stays), but
                    that no actor table codes (the PETRARCH2 dictionary predates most 2016 figures),
                    so that only the article's country stood behind it: the feature
                    ``actor_ev=context`` ("only a country guessed from the sentence or the
                    article", -1 point) is wrong for it, as the text names the actor; it becomes
                    ``actor_ev=person21`` (0 points, as an actor the text names). Read on
                    ``scripts/events_unseen.py --polnear --step 20 --offset 35`` and ``--offset
                    36``, where such events sat at 0.46-0.53, under the threshold 0.54: the most
                    frequent actors of US political news (Trump, Sanders, Cruz, Clinton) are coded
                    so in every article that gives them no role word.

``retort21``        (a type) "fired back at Christie", "Local politicians fired back at Trump's
                    comments", "shot back at his critics": a verb of shooting with the particle
                    "back" (``words.tsv`` retort_verbs21), its subject no armed or security actor
                    and no weapon or military word in the sentence, is a retort in words: ACCUSE
                    disapprove, not ASSAULT (guidelines 3: verbal attacks between politicians).
                    Offsets 35 and 36 showed it as ASSAULT firearms, once above the threshold (0.71).

``need21``          (a speech act) "Ryan said Trump has to clean this up", "the president has got
                    to resign, Cruz said": a reported clause whose verb is "have" or "have got" with
                    a to-infinitive is a demand on its subject, as "needs to" already is
                    (``speech_acts.tsv`` need rows; ``words.tsv`` need_verbs21); not "has to do
                    with" (a relation, no demand).

``criticism21``     (a verb not in the tables) "Giuliani trashed Comey on MSNBC", "Chris Christie
                    savaged Rubio", "Fundraisers, scorned by Trump": a verb of harsh criticism that
                    the verb table leaves out because it has other senses (``words.tsv``
                    criticism_verbs21: "trashed the room", "ripped the page", "the storm hammered
                    the coast") is an ACCUSE disapprove when its object is a person, a body or a
                    group (a PERSON, ORG or NORP name, a politician's role word, "him", "her",
                    "them") and no particle changes it ("knocked him down"); else the PETRARCH2
                    code as before.

``target21``        (a target) "railed against Democratic debate moderators", "spoke out against
                    the media": the object of a verb of criticism with its preposition
                    (``verb_objects.tsv`` ACCUSE rows read by ``recall.verb_prep``) may also be a
                    noun of a public role the actor tables do not list (``words.tsv``
                    target_nouns21: media, press, moderators, critics, rivals, successors ...).

Off switches for before/after measures: ``"recall21"`` (named_person21, need21, criticism21,
target21) and ``"precision21"`` (retort21) in ``tables.RULES_OFF``.
"""

from __future__ import annotations

from typing import Any, Optional

from spacy.tokens import Token

from ... import actors as actor_codes
from ..doc_cache import children, sent_of
from .tables import ARMED_HEADS, CONTEXT_WORDS, HEAVY_WEAPON_HEADS, RULES_OFF, VERBAL_ACTOR_NOUNS, WEAPON_MODES, W

_FORCES = frozenset(("MIL", "COP", "REB", "UAF", "SPY"))
_SOURCES = frozenset(("src=lexicon", "src=pattern", "src=frame"))


def named_person21(feats: list[str], type_: str, actor: Any, entities: dict[str, Any]) -> list[str]:
    """``feats`` with ``actor_ev=context`` read as ``actor_ev=person21`` when the actor is a person
    the sentence names (its words, resolved by the entities component to a PERSON the article gives
    a full name: the small model often tags a bare "Trump" ORG) and the event a statement or a
    stance from the tables; else ``feats`` unchanged."""
    if (
        "recall21" in RULES_OFF
        or actor is None
        or type_ not in W.named_person_types21
        or "actor_ev=context" not in feats
        or "actor_named=1" not in feats
        or not _SOURCES & set(feats)
        or actor.mention is None
    ):
        return feats
    name = _full_name(entities.get(actor.entity) if actor.entity else None)
    if name is None:
        return feats
    return ["actor_ev=person21" if f == "actor_ev=context" else f for f in feats]


def _full_name(ent: Optional[Any]) -> Optional[str]:
    """The entity's name when it is a person's full name (two words or more, each capitalised)."""
    if ent is None or getattr(ent, "type", None) != "PERSON":
        return None
    name = str(getattr(ent, "name", "") or "")
    words = name.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    return name


def retort21(lemma: str, tok: Token) -> bool:
    """A verb of shooting with "back" (a particle or an adverb right after it) told of no armed
    actor in a sentence with no weapon or military word ("Rubio fired back at Christie"): a retort
    in words (ACCUSE disapprove)."""
    if "precision21" in RULES_OFF or lemma not in W.retort_verbs21:
        return False
    kids = children(tok)
    back = next((c for c in kids if c.lower_ == "back" and c.dep_ in ("prt", "advmod") and c.i == tok.i + 1), None)
    if back is None:
        return False
    subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and (
        subj.lemma_.lower() in ARMED_HEADS | HEAVY_WEAPON_HEADS
        or subj.lower_ in ARMED_HEADS | HEAVY_WEAPON_HEADS
        or actor_codes.ROLE_NOUNS.get(subj.lemma_.lower()) in _FORCES
    ):
        return False  # "troops fired back", "police fired back": shooting
    military = CONTEXT_WORDS.get("military", frozenset())
    for t in sent_of(tok.doc, tok.i):
        if t.i in (tok.i, back.i):
            continue
        low = t.lemma_.lower()
        if (
            low in WEAPON_MODES
            or t.lower_ in military
            or low in ARMED_HEADS
            or low in HEAVY_WEAPON_HEADS
            or low in W.retort_blockers21
            or t.lower_ in W.retort_blockers21
        ):
            return False
    return True


def need21(tok: Token) -> bool:
    """A reported clause's verb "have" / "have got" with a to-infinitive ("Trump has to clean this
    up", "the president has got to resign"): a demand on the clause's subject, as "needs to"."""
    if "recall21" in RULES_OFF:
        return False
    lem = tok.lemma_.lower()
    if lem not in W.need_verbs21:
        return False
    kids = children(tok)
    if lem == "get" and not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in kids):
        return False  # "Trump got to meet the pope": a chance had, no demand
    x = next((c for c in kids if c.dep_ == "xcomp"), None)
    if x is None or not any(c.dep_ == "aux" and c.lower_ == "to" for c in children(x)):
        return False
    if x.lemma_.lower() == "do" and any(c.dep_ == "prep" and c.lower_ == "with" for c in children(x)):
        return False  # "has to do with": a relation
    return True


_PERSONAL_OBJECTS = frozenset(("him", "her", "them"))


def criticism21(tok: Token, lemma: str, obj: Optional[Token]) -> bool:
    """A verb of harsh criticism with other senses (``words.tsv`` criticism_verbs21) whose object is
    a person, a body or a group and that has no particle ("trashed Comey", "savaged her")."""
    if "recall21" in RULES_OFF or lemma not in W.criticism_verbs21 or obj is None:
        return False
    if any(c.dep_ == "prt" for c in children(tok)):
        return False  # "knocked him down", "ripped it up": another sense
    if obj.lower_ in _PERSONAL_OBJECTS:
        return True
    # (a role word only of a person in public life: "the offices" of a party are a building)
    return obj.ent_type_ in ("PERSON", "ORG", "NORP") or obj.lemma_.lower() in VERBAL_ACTOR_NOUNS


def target21(o: Token) -> bool:
    """A noun of a public role the actor tables leave out, as the target of a verb of criticism
    with its preposition ("railed against the moderators", "spoke out against the media")."""
    return "recall21" not in RULES_OFF and (o.lemma_.lower() in W.target_nouns21 or o.lower_ in W.target_nouns21)
