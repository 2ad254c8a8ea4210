"""Issue 10, round 15: precision rules read from fresh whole political articles.

Each function reads one kind of event a PLOVER coder would not sign (guidelines 2.2, 3 and 9)
and says why; the knowledge is in ``words.tsv`` and ``verb_objects.tsv`` (the "# round 15
(precision)" blocks):

``campaigning``     election and campaign activity: voters acting ("had been soundly rejected by
                    an electorate"), a campaign asking voters or surrogates to vote or stump ("urged
                    voters to ...", "urged them to vote Tuesday"), a campaign trip or stop ("made a
                    campaign trip to Puerto Rico"), a race told with a verb of conflict or retreat
                    and a margin or a contest word ("beat the senator by 18 points", "withdraw from
                    the presidential race", "dismissed a presidential run");
``verbal_conflict`` a war or an attack of words: "stepped up their war of words", "went on the
                    attack", candidates "attack each other" with no weapon or military word in the
                    sentence: ACCUSE, no ASSAULT;
``used_to``         a past habit ("used to support fellow Kentuckian Rand Paul"): background;
``standing_stance`` a verb of attitude in the present ("authorities oppose the presence of ..."):
                    a position held, no act;
``promise_describing`` "the divides he promised to bridge": a promise describing a thing;
``other_sense15``   "recognizing that ...", "consoled themselves", "questioning whether ...";
``quoted_order``    a slogan or an order quoted ("the chant 'Lock her up!'"): not done;
``under_fire_in_words`` "came under attack by dozens of women": criticism, no attack;
``no_comment15``, ``let_happen15``, ``none_for_prep_object15`` (read by classification):
                    "declined to comment for this story", "declined to provide a list of venues";
                    "allowed it to happen"; a NONE row read on the object of "for" ("asking for
                    anonymity", "called for a voice vote").

Off switch for before/after measures: ``"precision15"`` in ``tables.RULES_OFF``.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..doc_cache import children
from .tables import ARMED_HEADS, CONTEXT_WORDS, HEAVY_WEAPON_HEADS, RULES_OFF, VERBAL_ACTOR_NOUNS, WEAPON_MODES, W

# verbs of conflict or retreat that tell a race with a margin or a contest word
_RACE_TYPES = ("ASSAULT", "COERCE", "PROTEST", "RETREAT", "REJECT")
_ARMED_SECTORS = ("MIL", "COP", "REB", "UAF", "SPY")
# what voters do by voting: back, reject, beat or oust a candidate
_VOTING_TYPES = ("SUPPORT", "REJECT", "ASSAULT", "COERCE", "RETREAT", "CONCEDE", "AGREE")


def _head_lemma(t: Optional[Token]) -> str:
    return t.lemma_.lower() if t is not None else ""


def _is_voter(t: Optional[Token]) -> bool:
    return t is not None and (t.lower_ in W.voter_nouns or t.lemma_.lower() in W.voter_nouns)


def _pobjs(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    return [g for c in children(tok) if c.dep_ == "prep" and c.lower_ in preps for g in children(c) if g.dep_ == "pobj"]


def _race(tok: Token, type_: str) -> bool:
    """ "beat the senator from Vermont by 18 points", "to withdraw from the presidential race",
    "dismissed a presidential run": a margin after "by", or a contest word as the object or after
    "from"/"out of", with a verb of conflict, rejection or retreat."""
    if type_ not in _RACE_TYPES or tok.pos_ != "VERB":
        return False
    heads = _pobjs(tok, ("by",))
    if type_ in ("RETREAT", "REJECT"):
        heads += [c for c in children(tok) if c.dep_ == "dobj"] + _pobjs(tok, ("from",))
        heads += [x for c in children(tok) if c.lower_ == "out" for x in _pobjs(c, ("of",))]
    return any(h.lower_ in W.contest_words or h.lemma_.lower() in W.contest_words or h.lower_ == "run" for h in heads)


def campaigning(
    tok: Token,
    type_: str,
    subj: Optional[Token],
    recipient_tok: Optional[Token],
) -> Optional[str]:
    """Why the event at ``tok`` is election or campaign activity (guidelines 2.2: not coded), or
    None. ``subj``: the acting phrase's head (the by-agent of a passive), ``recipient_tok``: the
    head of who it is aimed at."""
    if "precision15" in RULES_OFF:
        return None
    kids = children(tok)
    if _is_voter(subj) and type_ in _VOTING_TYPES:
        return "voting, not coded"  # (voters who protest or sue still act: PROTEST, ACCUSE)
    if type_ in ("REQUEST", "MOBILIZE"):
        obj = next((c for c in kids if c.dep_ == "dobj"), None)
        if _is_voter(obj) or _is_voter(recipient_tok) and type_ == "REQUEST":
            return "a campaign asking voters"
        if type_ == "REQUEST" and any(
            c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in W.campaign_acts for c in kids
        ):
            return "a campaign asking for votes or campaigning"
    if type_ == "CONSULT":
        nouns = [tok] if tok.pos_ == "NOUN" else [c for c in kids if c.dep_ in ("dobj", "attr")]
        for n in nouns:
            if any(c.dep_ in ("compound", "amod") and c.lower_ in W.campaign_modifiers for c in children(n)):
                return "a campaign trip or stop, no consultation"
    if _race(tok, type_):
        return "an election race, not conflict or retreat"
    return None


def _event_noun(tok: Token) -> Optional[Token]:
    """The noun that names the act: the trigger noun, a light verb's object ("stepped up the war
    of words") or what the verb goes "on" ("went on the attack")."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return tok
    kids = children(tok)
    o = next((c for c in kids if c.dep_ == "dobj"), None)
    if o is not None:
        return o
    on = _pobjs(tok, ("on",))
    return on[0] if on else None


def verbal_conflict(tok: Token, sent: SpacySpan, subj: Optional[Token], actor_sector: Optional[str]) -> bool:
    """An ASSAULT that is a war or an attack of words (guidelines 3: verbal attacks between
    politicians are ACCUSE): its noun is "of words" or modified so ("verbal", "rhetorical", "ad"),
    or politicians or candidates (words.tsv verbal_actor_nouns) attack, with no weapon or military
    word in the sentence and no armed actor."""
    if "precision15" in RULES_OFF:
        return False
    n = _event_noun(tok)
    if n is not None and (
        any(c.dep_ in ("amod", "compound") and c.lower_ in W.verbal_conflict_modifiers for c in children(n))
        or any(g.lower_ == "words" for g in _pobjs(n, ("of",)))
    ):
        return True
    if actor_sector in _ARMED_SECTORS or subj is None:
        return False
    if _head_lemma(subj) in ARMED_HEADS | HEAVY_WEAPON_HEADS:
        return False
    if not (subj.lemma_.lower() in VERBAL_ACTOR_NOUNS or subj.lower_ in VERBAL_ACTOR_NOUNS):
        return False
    attack_words = W.verbal_attack_verbs | {"attack", "war", "offensive"}
    if not (tok.lemma_.lower() in attack_words or n is not None and n.lemma_.lower() in attack_words):
        return False
    own = {tok.i, n.i if n is not None else tok.i}  # (the attack word itself is a military context word)
    return not any(
        t.i not in own and (t.lemma_.lower() in WEAPON_MODES or t.lower_ in CONTEXT_WORDS["military"]) for t in sent
    )


def used_to(tok: Token) -> bool:
    """ "used to support fellow Kentuckian Rand Paul": a past habit, told as background."""
    if "precision15" in RULES_OFF:
        return False
    h = tok.head
    return (
        tok.dep_ == "xcomp"
        and h.i != tok.i
        and h.lower_ == "used"
        and h.tag_ == "VBD"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(tok))
    )


def no_comment15(tok: Token) -> bool:
    """ "declined to comment for this story", "declined to provide a list of venues or fees",
    "refused to answer questions on who ...": withholding something from reporters is no political
    rejection (words.tsv no_comment_acts, disclosure_verbs, no_comment_objects)."""
    if "precision15" in RULES_OFF:
        return False
    for c in children(tok):
        if c.dep_ != "xcomp":
            continue
        lem = c.lemma_.lower()
        objs = [g for g in children(c) if g.dep_ == "dobj"]
        preps = [g for g in children(c) if g.dep_ == "prep"]
        if lem in W.no_comment_acts and not objs and all(g.lower_ in ("on", "about", "for") for g in preps):
            return True
        if lem in W.disclosure_verbs and objs and all(o.lemma_.lower() in W.no_comment_objects for o in objs):
            return True
    return False


def let_happen15(tok: Token) -> bool:
    """ "I am angry that county officials allowed it to happen": letting a thing happen is blame,
    no concession (words.tsv happening_verbs)."""
    if "precision15" in RULES_OFF:
        return False
    return any(c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in W.happening_verbs for c in children(tok))


def none_for_prep_object15(lemma: str, prep: Token, object_rules) -> bool:
    """A verb_objects.tsv NONE row for the verb and the object of "for" right after it: "asking for
    anonymity", "called for a voice vote" (a source's terms, a procedural vote: no request)."""
    if "precision15" in RULES_OFF or prep.lower_ != "for":
        return False
    objs = [g for g in children(prep) if g.dep_ == "pobj"]
    return bool(objs) and all(
        any(object_rules.get((lemma, w), ("",))[0] is None for w in (o.lemma_.lower(), o.lower_)) for o in objs
    )


def quoted_order(tok: Token) -> bool:
    """ "the crowd chanted 'Lock her up!'": a verb in the base form right after an opening quotation
    mark, with no subject or auxiliary, is an order or a slogan quoted: the act is asked for, not
    done (the request, if any, is its own event)."""
    if "precision15" in RULES_OFF or tok.tag_ != "VB" or tok.i == 0:
        return False
    if tok.doc[tok.i - 1].text not in ('"', "“", "‘", "'", "``"):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in children(tok))


def under_fire_in_words(subj: Token, under: Token, src: Optional[Token]) -> bool:
    """ "Cosby is coming under attack by dozens of women", "the senator's record came under fire":
    a person, a politician or a thing coming under attack or fire from nobody armed, with no weapon
    or military word in the sentence, is criticised (ACCUSE), not attacked (a figure of speech)."""
    if "precision15" in RULES_OFF:
        return False
    sl = subj.lemma_.lower()
    if not (subj.ent_type_ == "PERSON" or sl in VERBAL_ACTOR_NOUNS or sl in W.inanimate_heads or sl in W.judged_acts):
        return False
    if src is not None and (
        src.lemma_.lower() in ARMED_HEADS | HEAVY_WEAPON_HEADS
        or any(x.lemma_.lower() in ARMED_HEADS | HEAVY_WEAPON_HEADS for x in src.subtree)
    ):
        return False
    return not any(
        t.i != under.i and (t.lemma_.lower() in WEAPON_MODES or t.lower_ in CONTEXT_WORDS["military"])
        for t in subj.sent
    )


def standing_stance(tok: Token, type_: str) -> bool:
    """ "Tunisian authorities oppose the presence of any foreign organisations", "many party members
    oppose the candidate": a verb of attitude (words.tsv state_verbs) in the present simple tells a
    position held, not an act (not in the article's first sentence, where a headline's present
    tells an act)."""
    if "precision15" in RULES_OFF or type_ not in ("REJECT", "SUPPORT", "ACCUSE"):
        return False
    if tok.tag_ not in ("VBZ", "VBP") or tok.lemma_.lower() not in W.state_verbs or tok.sent.start == 0:
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in children(tok))


_SELF_TYPES = ("SUPPORT", "ACCUSE", "REQUEST", "CONSULT", "AGREE", "REJECT")


def other_sense15(tok: Token, type_: str) -> Optional[str]:
    """Why the verb ``tok`` is not in its event sense here, or None: recognising that something is
    so (words.tsv realising_verbs), an act on oneself (reflexive_pronouns), questioning whether
    something is so (doubting_marks)."""
    if "precision15" in RULES_OFF or tok.pos_ != "VERB":
        return None
    lem = tok.lemma_.lower()
    kids = children(tok)
    if type_ == "SUPPORT" and lem in W.realising_verbs and any(c.dep_ == "ccomp" for c in kids):
        if not any(c.dep_ == "dobj" for c in kids):
            return "recognising that something is so, no recognition of a party"
    if type_ in _SELF_TYPES and any(c.dep_ == "dobj" and c.lower_ in W.reflexive_pronouns for c in kids):
        return "an act on oneself, no other party"
    if (
        type_ == "ACCUSE"
        and lem == "question"
        and not any(c.dep_ == "dobj" for c in kids)
        and any(
            c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ in W.doubting_marks for g in children(c))
            for c in kids
        )
    ):
        return "questioning whether something is so, no accusation"
    return None


def promise_describing(tok: Token, type_: str) -> bool:
    """ "the political divides he promised to bridge", "the wall she vowed to build": a promise told
    in a relative clause on a thing describes the thing (a campaign line or background), no
    commitment made to another party (words.tsv commitment_verbs)."""
    if "precision15" in RULES_OFF or type_ not in ("AGREE", "THREATEN"):
        return False
    v = tok
    if tok.dep_ == "xcomp" and tok.head.i != tok.i:  # the act promised: read from its commitment verb
        v = tok.head
    if v.lemma_.lower() not in W.commitment_verbs or v.dep_ != "relcl":
        return False
    n = v.head
    return n.pos_ == "NOUN" and n.ent_type_ == "" and n.lemma_.lower() not in VERBAL_ACTOR_NOUNS
