"""Issue 10, round 19: precision and recipient rules read from fresh whole political articles.

Each function reads one kind of event, actor or recipient a PLOVER coder would not sign
(guidelines 2.2, 4 and 5.2) and says why; the knowledge is in ``words.tsv`` (the "# round 19
(precision)" block). Read on ``scripts/events_unseen.py --polnear --step 20 --offset 27`` and
``--offset 28``, on the round 18 blind audit table (``docs/audits/events-fresh-blind-round18.tsv``)
and on the lead's user trials:

``homonym_tail19``      (recipient19; read by ``actors._countries_in``) the last word of a place
                        whose name holds another country's ("Jersey" of "New Jersey", "Mexico" of
                        "New Mexico": ``data/en/actors/homonym_places.tsv``) names no country when
                        the rest of the name was left out of the words read: "endorsed Trump ...
                        in Democratic-leaning New Jersey" gave Trump the country JEY;
``person_country19``    (recipient19) a person the text names as the target of a statement
                        (ACCUSE, REJECT, REQUEST, SUPPORT, ...) takes no country from another
                        phrase of the clause or the sentence ("defended Mr. Trump's views on
                        Russia" is no Russian target): the person's own words, the article's one
                        country, or none;
``owner_political19``   (recipient19) the speaker told before is the owner of "the deal" a
                        criticism names only when that speaker is a political or organised actor:
                        "Republicans denounced the deal" after a chief executive's words about a
                        merger aims at the deal and the firm, no political recipient (empty);
``judged_thing19``      (recipient19) a criticism, rejection or praise of "the deal", "the plan"
                        (words.tsv judged_acts) whose owner neither the phrase nor the speaker told
                        before names: no guessed country as recipient (the target is the thing);
``stateless_group19``   (recipient19) an actor or a recipient whose phrase names a transnational
                        armed group (words.tsv stateless_groups19: "Islamic State fighters", "al
                        Qaeda") takes no country from the sentence or the article ("showed Islamic
                        State fighters warning of an atrocity if Britain remained" is no British
                        actor; guidelines 5.3: no single country);
``foreign_story19``     (recipient19) a body the sentence names with no country of its own ("the
                        government", "officials") as the target of a statement is the actor's own
                        country's only in an article mostly about that country ("He persuaded the
                        government to lower grain export tariffs", of an American in Ukraine, is
                        no USA target): else no country is guessed;
``reason_for19``        (recipient19; read by ``actors._recipient_country``) a "for" phrase on a
                        protest gives its reason, not its target ("protested the government for
                        selling arms to Azerbaijan" is no Azerbaijani target), as for ACCUSE,
                        SUPPORT and REJECT;
``campaign_rally19``    a rally a person the article names holds (the entities component's named
                        person, which the tagger may call ORG: "Sanders held a rally Saturday"):
                        campaigning, no PROTEST (guidelines 3), as the round 11 rule for PERSON
                        names;
``thanks19``            thanks to the public ("thank you, Delaware", "thanked voters", "thanked
                        his supporters"): campaigning, no SUPPORT of an actor;
``won_by19``            an act told as the means of a win ("won his party's nomination by promising
                        its furious revenge"): a campaign, no act on anyone;
``life_stage19``        an act dated by a stage of its actor's life ("convicted of assault as a
                        young man", "in his youth"): background history (guidelines 9);
``standing_law19``      an act whose doer is a precedent, a doctrine or a statute ("Supreme Court
                        precedents restricting class actions"): a law in force, no act;
``judicial_dismissal19`` (a confidence feature) a court, judge or prosecutor dismissing or dropping
                        charges, a case or a lawsuit, read as REJECT: a judicial act the rejection
                        type does not fit (the lead's user trials); its confidence is lowered below
                        the threshold, not set to 0 ("Trump dismissed the charges as false" stays a
                        REJECT);
``policy_stance19``     (a confidence feature) support for a policy, a method or a course of action
                        told by its gerund ("support reforming the party's superdelegate system",
                        "endorsed one of their preferred methods for stopping Trump", "supports a
                        wage proposal"), with no owner named: a stance on a policy, no act toward an
                        actor (PLOVER SUPPORT is support of an actor); lowered below the threshold.

Off switches for before/after measures: ``"precision19"`` and ``"recipient19"`` in
``tables.RULES_OFF``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Optional

from spacy.tokens import Token

from ... import actors as actor_codes
from ...countries import normalise as countries_normalise
from ..doc_cache import children, doc_words
from .ontology import STATEMENT_TYPES
from .tables import RULES_OFF, W

# statements and stances whose target is a party, not a place (guidelines 5.2)
_PERSON_TARGET_TYPES = STATEMENT_TYPES | {"SUPPORT"}
_UNNAMED = ("clause-country", "sentence-country")
_POLITICAL_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "DIP", "SPY", "PTY", "OPP", "REB", "UAF", "IGO"})


def _off() -> bool:
    return "precision19" in RULES_OFF


def _recipient_off() -> bool:
    return "recipient19" in RULES_OFF


# ---- recipients


def homonym_tail19(t: Token) -> bool:
    """Whether ``t`` ends the name of a place whose name holds another country's ("New Jersey",
    "New South Wales": homonym_places.tsv), read with the words before it in the text."""
    if _recipient_off() or t.i == 0:
        return False
    places = actor_codes.homonym_places()
    texts, i = doc_words(t.doc), t.i  # (the words' texts made once per Doc: no Span, no Token per word)
    for n in (1, 2):
        if i - n < 0:
            break
        words = " ".join(texts[i - n : i + 1])
        if countries_normalise(words) in places:
            return True
    return False


def person_country19(
    rc: Optional[str], how: str, type_: str, named_person: bool, actor_country: Optional[str], one_country: bool
) -> tuple[Optional[str], str]:
    """The recipient country and its basis, for a person the text names as the target of a
    statement: not a country from another phrase of the clause or the sentence (``rc`` with
    ``how`` clause-country or sentence-country); the actor's country when the article names no
    other (``one_country``), else none."""
    if _recipient_off() or not rc or how not in _UNNAMED or not named_person or type_ not in _PERSON_TARGET_TYPES:
        return rc, how
    if actor_country and actor_country not in actor_codes.IGO_CODES and one_country:
        return actor_country, "domestic"
    return None, ""


def owner_political19(owner):
    """The owner of a judged act told before (``actors._owner_told_before``), or None when it is no
    political or organised actor (a firm, a medium, or a person or body with no sector): a
    criticism of "the deal" then has no political recipient (guidelines 5.2: left empty)."""
    if _recipient_off() or owner is None:
        return owner
    if owner.sector in _POLITICAL_SECTORS or owner.country in actor_codes.IGO_CODES:
        return owner
    return None


def judged_thing19(rc: Optional[str], how: str, tok: Token, type_: str) -> tuple[Optional[str], str]:
    """No guessed recipient (``how`` domestic, clause-country or sentence-country) for an ACCUSE,
    REJECT or SUPPORT whose object is a judged act (words.tsv judged_acts) with "the", "this" or
    "that" and no owner in its phrase: "Republicans denounced the deal" aims at the deal."""
    if (
        _recipient_off()
        or not rc
        or how not in _UNNAMED + ("domestic",)
        or type_ not in ("ACCUSE", "REJECT", "SUPPORT")
    ):
        return rc, how
    obj = next((c for c in children(tok) if c.dep_ == "dobj"), None) if tok.pos_ == "VERB" else None
    if (
        obj is not None
        and obj.lemma_.lower() in W.judged_acts
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in children(obj))
        and not any(c.dep_ in ("poss", "prep", "compound", "amod") for c in children(obj))
    ):
        return None, ""
    return rc, how


def stateless_group19(text: str, coded):
    """``coded`` (an actor or a recipient) without the country the sentence, the clause or the
    article gave it, when its own words name a transnational armed group (words.tsv
    stateless_groups19); else ``coded`` unchanged."""
    if _recipient_off() or coded is None or not coded.country or coded.mention is None:
        return coded
    if coded.rule.rsplit("+", 1)[-1] not in _CONTEXT_BASES:
        return coded
    words = " ".join(text[coded.mention[0] : coded.mention[1]].lower().replace("-", " ").split())
    if any(g in words for g in _stateless_groups()):
        return replace(coded, country=None, rule=coded.rule + "+stateless19")
    return coded


_CONTEXT_BASES = ("sentence-country", "article-country", "clause-country", "phrase-country", "domestic")


def _stateless_groups() -> tuple[str, ...]:
    return tuple(" ".join(g.lower().replace("-", " ").split()) for g in W.stateless_groups19)


def foreign_story19(
    rc: Optional[str], how: str, type_: str, named_recipient: bool, named_person: bool, home_country: bool
) -> tuple[Optional[str], str]:
    """No ``domestic`` country for a body the sentence names without a country of its own (not a
    person it names: "Paul Ryan" is coded from the article), as the target of a statement or a
    stance, in an article not mostly about the actor's country (``home_country`` False)."""
    if _recipient_off() or how != "domestic" or not named_recipient or named_person or home_country:
        return rc, how
    if type_ not in _PERSON_TARGET_TYPES:
        return rc, how
    return None, ""


def reason_for19(type_: str) -> bool:
    """Whether a "for" phrase on an act of ``type_`` gives a reason, beyond ACCUSE, SUPPORT and
    REJECT: a protest's."""
    return not _recipient_off() and type_ == "PROTEST"


# ---- events no coder would sign


def campaign_rally19(type_: str, lemma: str, olem: Optional[str], named_person: bool) -> Optional[str]:
    """A PROTEST read from a rally (words.tsv campaign_rally_words) held by a person the article
    names (``named_person``: the entities component's reading, whatever the tagger called the
    name)."""
    if _off() or type_ != "PROTEST" or not named_person:
        return None
    if lemma in W.campaign_rally_words or olem in W.campaign_rally_words:
        return "a campaign rally held by a named person"
    return None


def thanks19(tok: Token, type_: str) -> Optional[str]:
    """A SUPPORT read from thanking (words.tsv thanks_verbs19) the public: "you", a place, voters,
    supporters (public_targets19) or nobody: campaigning, no support of an actor."""
    if _off() or type_ != "SUPPORT" or tok.lemma_.lower() not in W.thanks_verbs19:
        return None
    objs = [c for c in children(tok) if c.dep_ in ("dobj", "npadvmod", "appos", "dative", "attr")]
    for o in objs:
        if o.ent_type_ in ("PERSON", "ORG", "NORP") and o.lower_ not in W.public_targets19:
            return None
        if o.pos_ == "PROPN" and o.ent_type_ not in ("GPE", "LOC"):
            return None
    for o in objs:
        if (
            o.lower_ in W.public_targets19
            or o.lemma_.lower() in W.public_targets19
            or o.ent_type_ in ("GPE", "LOC")
            or any(
                g.lower_ in W.public_targets19 or g.ent_type_ == "GPE"
                for g in children(o)
                if g.dep_ in ("appos", "npadvmod")
            )
        ):
            return "thanks to the public, campaigning"
    # "thank you, Delaware": the place may hang on the verb itself
    if any(c.ent_type_ == "GPE" and c.dep_ in ("npadvmod", "appos", "vocative", "conj") for c in children(tok)):
        return "thanks to the public, campaigning"
    return None


def won_by19(tok: Token) -> Optional[str]:
    """An act told as the means of a win ("won his party's nomination by promising ..."): the
    act is in a "by" phrase on a verb of winning (words.tsv win_verbs19)."""
    if _off() or tok.dep_ != "pcomp" or tok.head.lower_ != "by":
        return None
    v = tok.head.head
    if v.lemma_.lower() in W.win_verbs19:
        return "the means of a win, campaigning"
    return None


def life_stage19(tok: Token) -> Optional[str]:
    """An act dated by a stage of its actor's life ("as a young man", "in his youth", "as a
    student": words.tsv life_stage_nouns19): background history."""
    if _off():
        return None
    for p in children(tok):
        if p.dep_ != "prep" or p.lower_ not in ("as", "in", "during"):
            continue
        for n in children(p):
            if n.dep_ != "pobj":
                continue
            lem = n.lemma_.lower()
            if lem in W.life_stage_nouns19 and (p.lower_ != "as" or lem not in ("youth",)):
                return "an act dated by a stage of a life, background"
            if (
                p.lower_ == "as"
                and lem in ("man", "woman", "lawyer", "officer", "soldier")
                and any(a.dep_ == "amod" and a.lower_ in ("young", "younger") for a in children(n))
            ):
                return "an act dated by a stage of a life, background"
    return None


def judicial_dismissal19(tok: Token, type_: str, actor_sector: Optional[str], subj: Optional[Token]) -> list[str]:
    """The confidence feature ``doubt19=judicial-dismissal`` for a REJECT read from dismissing,
    dropping or throwing out (words.tsv dismissal_verbs19) charges, a case or a lawsuit
    (judicial_objects19) by a court, a judge or a prosecutor: a judicial act, not the rejection of
    a request or an accusation; [] otherwise."""
    if _off() or type_ != "REJECT" or tok.lemma_.lower() not in W.dismissal_verbs19:
        return []
    obj = next((c for c in children(tok) if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None or obj.lemma_.lower() not in W.judicial_objects19:
        return []
    judicial = actor_sector in ("JUD", "COP") or (subj is not None and subj.lemma_.lower() in W.judicial_heads19)
    if not judicial and not any(c.dep_ == "nsubjpass" for c in children(tok)):
        return []
    return ["doubt19=judicial-dismissal"]


def standing_law19(tok: Token, subj: Optional[Token]) -> Optional[str]:
    """An act whose subject, or the noun its participle describes, is a precedent, a doctrine or a
    statute (words.tsv inanimate_heads19): a law in force acts on nobody."""
    if _off():
        return None
    heads = [subj] if subj is not None else []
    if tok.dep_ in ("acl", "relcl"):
        heads.append(tok.head)
    if any(h.lemma_.lower() in W.inanimate_heads19 or h.lower_ in W.inanimate_heads19 for h in heads):
        return "a precedent or a law in force, no act"
    return None


def policy_stance19(tok: Token, type_: str) -> list[str]:
    """The confidence feature ``doubt19=policy-stance`` for a SUPPORT read from a verb of support
    (words.tsv stance_verbs19) whose object is a gerund ("support reforming the system") or a
    policy word (policy_nouns19: "a wage proposal", "one of their preferred methods") with no
    owner in its phrase; [] otherwise."""
    if _off() or type_ != "SUPPORT" or tok.pos_ != "VERB" or tok.lemma_.lower() not in W.stance_verbs19:
        return []
    kids = children(tok)
    objs = [c for c in kids if c.dep_ in ("dobj", "xcomp", "ccomp") and c.i > tok.i]
    for o in objs:
        if o.tag_ == "VBG" and o.dep_ in ("dobj", "xcomp"):
            return ["doubt19=policy-stance"]
        head = o
        if o.dep_ == "dobj" and o.lower_ in ("one", "some", "all", "many", "part", "parts"):
            head = next((p for c in children(o) if c.lower_ == "of" for p in children(c) if p.dep_ == "pobj"), o)
        if (
            o.dep_ == "dobj"
            and head.lemma_.lower() in W.policy_nouns19
            and not any(
                c.dep_ == "poss" and c.lower_ not in ("their", "its", "our", "his", "her") for c in children(head)
            )
            and not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in children(head))
        ):
            return ["doubt19=policy-stance"]
    return []
