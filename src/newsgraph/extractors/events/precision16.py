"""Issue 10, round 16: precision rules read from fresh whole political articles.

Each function reads one kind of event a PLOVER coder would not sign (guidelines 2.2, 3, 4 and 9)
and says why; the knowledge is in ``words.tsv`` and ``verb_objects.tsv`` (the "# round 16
(precision)" blocks). Read on ``scripts/events_unseen.py --polnear --step 20 --offset 4`` and
``--offset 8``:

``killing_not_riot16``  a killing by private persons ("a leader who was murdered by his own
                        people", "your uncle gets killed, beheaded") is a crime or history, no
                        riot (PROTEST) (guidelines 2.2);
``own_side_meeting16``  a meeting with one's own body or staff ("after meeting with his National
                        Security Council") or an interview with a news medium ("officials who
                        spoke with The Huffington Post"): no consultation of another party;
``alleged_act16``       an act told as the content of a blame or a charge ("railed against
                        Republicans for refusing to give ...", "threatened to charge him with
                        violating the Espionage Act"): alleged, only the blame is coded;
``unrealised16``        an act named as not yet done ("Obama's impending endorsement") or as the
                        topic of talks ("had been talking ... about her endorsing the nominee");
``other_sense16``       a trigger word in another sense: "as campaigns have demonstrated" (shown),
                        "insufficiently committed to its principles" (a value held), "walked out
                        of that tragedy" (no talks left), a NONE row of verb_objects.tsv read on
                        the object of "for" after an adverb ("continued to fight hard for
                        conservative principles");
``trip_home16``         a trip "to" a place within the actor's own country ("traveled to New York
                        for fundraisers"): campaigning or a tour, no consultation (round 17,
                        switch precision17: travel verbs too, whatever label the place has);
``vote_intention16``    an intention to vote for someone ("stated his intention to vote for
                        Clinton"): voting is not coded;
``stance_described16``  support, rejection or criticism told in a relative clause in the present
                        ("the delegate, who backs Cruz, warned"; "who has long dismissed attempts
                        to ..."): a stance, not an act on a day;
``dated_by_when16``     an act in a "when" clause on an old date ("since 2009, when Sanders joined
                        89 other senators to reject the request"): background;
``contracted_modal16``  "he said he'd hold a hearing", "he’ll attack" (read by flags): a contracted
                        modal is "would" or "will", so the act is flagged future or read as an
                        intention ("he'd met him" stays "had").

Off switch for before/after measures: ``"precision16"`` in ``tables.RULES_OFF``.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ..doc_cache import children
from .tables import OBJECT_RULES, RULES_OFF, W

_PREPS_OBJ = ("pobj", "pcomp")


def _pobjs(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    return [
        g for c in children(tok) if c.dep_ == "prep" and c.lower_ in preps for g in children(c) if g.dep_ in _PREPS_OBJ
    ]


def killing_not_riot16(lemma: str, crowd: bool) -> bool:
    """A killing (words.tsv lethal_verbs16) by civilians who are no crowd ("a leader murdered by
    his own people", "they beheaded him") read as violence by civilians: a crime or history,
    no riot. A crowd or a mob that kills stays a riot."""
    if "precision16" in RULES_OFF:
        return False
    return lemma in W.lethal_verbs16 and not crowd


def own_side_meeting16(
    tok: Token, type_: str, recipient_tok: Optional[Token], recipient_sector: Optional[str]
) -> Optional[str]:
    """Why a CONSULT has no other party: the one met is the actor's own body or staff ("met with
    his National Security Council", "her advisers": words.tsv own_side_nouns16 with an owner
    pronoun), or a news medium spoken to (an interview, no consultation)."""
    if "precision16" in RULES_OFF or type_ != "CONSULT":
        return None
    heads = [recipient_tok] if recipient_tok is not None else []
    heads += _pobjs(tok, ("with", "to"))
    for h in heads:
        if h.lemma_.lower() in W.own_side_nouns16 or h.lower_ in W.own_side_nouns16:
            if any(c.dep_ == "poss" and c.lower_ in W.owner_pronouns16 for c in children(h)):
                return "a meeting with one's own body or staff, no other party"
    if recipient_sector == "MED" and tok.lemma_.lower() in W.interview_verbs16:
        return "an interview with a news medium, no consultation"
    for h in heads:
        if h.lemma_.lower() in W.media_nouns16 or any(
            c.lower_ in W.media_nouns16 for c in children(h) if c.dep_ in ("compound", "amod")
        ):
            if tok.lemma_.lower() in W.interview_verbs16:
                return "an interview with a news medium, no consultation"
    return None


def _governing_verb(t: Token) -> Optional[Token]:
    """The verb a "for"/"with"/"of" phrase hangs on, through a noun it modifies ("railed against
    Republicans for refusing": railed; "charge him with violating": charge)."""
    p = t.head
    if p.dep_ != "prep" or p.head.i == p.i:
        return None
    v = p.head
    for _ in range(2):
        if v.pos_ in ("VERB", "AUX"):
            return v
        if v.head.i == v.i:
            return None
        v = v.head.head if v.dep_ == "pobj" else v.head
    return v if v.pos_ in ("VERB", "AUX") else None


def alleged_act16(tok: Token) -> Optional[str]:
    """Why the act ``tok`` is only alleged: a gerund after "for" under a verb of blame
    (words.tsv blame_verbs16: "railed against Republicans for refusing to give the president a
    hearing"), or after "with"/"of" under a verb or noun of charging (charge_words16: "threatened
    to charge him with violating the Espionage Act"). Guidelines 2.3: an allegation is coded only
    as the accusation."""
    if "precision16" in RULES_OFF or tok.tag_ != "VBG":
        return None
    t = tok
    for _ in range(3):  # through coordination: "with conspiracy, violating the Act and lying"
        if t.dep_ in ("conj", "appos") and t.head.i != t.i:
            t = t.head
            continue
        break
    if t.dep_ not in _PREPS_OBJ:
        # "charge him with three felonies, including conspiracy, violating the Act": a gerund in
        # the list of what is charged, hung on the charge's verb or noun
        h = t.head
        if t.dep_ in ("acl", "appos", "advcl") and h.i != t.i:
            v = _governing_verb(h) if h.pos_ == "NOUN" and h.dep_ in _PREPS_OBJ else h
            if (
                v is not None
                and v.lemma_.lower() in W.charge_words16
                and any(c.dep_ == "prep" and c.lower_ in ("with", "of") for c in children(v))
            ):
                return f"an act in a charge ('{v.text}'), alleged"
        return None
    p = t.head
    if p.dep_ != "prep":
        return None
    v = _governing_verb(t)
    if v is None:
        return None
    vl = v.lemma_.lower()
    if p.lower_ == "for" and vl in W.blame_verbs16:
        return f"an act blamed under '{v.text}' (alleged)"
    if p.lower_ in ("with", "of") and vl in W.charge_words16:
        return f"an act in a charge ('{v.text}'), alleged"
    return None


_TALK_TYPES = ("CONSULT",)


def unrealised16(tok: Token) -> Optional[str]:
    """Why the act ``tok`` is not reported as done: an event noun named as coming or possible
    (words.tsv unrealised_modifiers16: "Obama's impending endorsement", "a possible strike"), or a
    gerund that is the topic of talks or thought ("talking with officials about her endorsing the
    nominee": talk_topic_words16)."""
    if "precision16" in RULES_OFF:
        return None
    kids = children(tok)
    if tok.pos_ == "NOUN" and any(
        c.dep_ in ("amod", "compound") and c.lower_ in W.unrealised_modifiers16 for c in kids
    ):
        return "an act named as coming or possible, not done"
    if tok.tag_ == "VBG" and tok.dep_ in _PREPS_OBJ and tok.head.lower_ in ("about", "on") and tok.head.dep_ == "prep":
        # up through the phrases the parser may hang "about" on ("talking with officials from
        # the campaign for weeks about her endorsing")
        h = tok.head.head
        for _ in range(10):
            if h.lemma_.lower() in W.talk_topic_words16 or h.lower_ in W.talk_topic_words16:
                return f"the topic of '{h.text}', not an act done"
            if h.pos_ in ("VERB", "AUX") or h.dep_ not in ("pobj", "prep") or h.head.i == h.i:
                break
            h = h.head
    return None


def other_sense16(tok: Token, type_: str) -> Optional[str]:
    """Why the trigger ``tok`` is not in its event sense here, or None."""
    if "precision16" in RULES_OFF:
        return None
    lem = tok.lemma_.lower()
    kids = children(tok)
    # "As previous campaigns have demonstrated, ...", "demonstrated his commitment": showing
    if type_ == "PROTEST" and lem in W.show_verbs16 and tok.pos_ == "VERB":
        if any(c.dep_ in ("dobj", "ccomp") for c in kids) or any(c.dep_ == "mark" and c.lower_ == "as" for c in kids):
            return "showing something, no demonstration"
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" for c in kids) and tok.head.i != tok.i:
            if any(c.dep_ == "mark" and c.lower_ == "as" for c in kids):
                return "showing something, no demonstration"
    # "insufficiently committed to its ideological principles": a value held, no promise ("is
    # committed to an independent investigation" still promises an act)
    if type_ == "AGREE" and lem in W.commitment_adjs16 and tok.tag_ == "VBN":
        if tok.dep_ in ("acomp", "amod", "advcl", "conj", "xcomp") or any(c.dep_ == "auxpass" for c in kids):
            to = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "to"), None)
            vals = [g for g in children(to) if g.dep_ == "pobj"] if to is not None else []
            if vals and all(g.lemma_.lower() in W.value_nouns16 or g.lower_ in W.value_nouns16 for g in vals):
                return "committed to a value, no act promised"
    # "I walked out of that tragedy feeling ...": out of something that is no talks or sitting
    if type_ == "SANCTION" and lem == "walk" and any(c.dep_ in ("prt", "prep") and c.lower_ == "out" for c in kids):
        outs = [g for c in kids if c.lower_ == "out" for g in _pobjs(c, ("of",))] + _pobjs(tok, ("of",))
        if outs and not any(o.lemma_.lower() in W.talk_nouns or o.lemma_.lower() in W.walkout_places16 for o in outs):
            return "walking out of something that is no talks or sitting"
    # "continued to fight hard for conservative principles": a NONE row on the object of "for",
    # with words between the verb and the preposition
    if tok.pos_ == "VERB":
        # "it yielded a couple of floor votes": a NONE row on the noun a quantity counts
        for c in kids:
            if c.dep_ == "dobj" and (c.lemma_.lower() in W.quantity_of_nouns or c.lower_ in W.quantity_nouns16):
                of = next((x for x in children(c) if x.dep_ == "prep" and x.lower_ == "of"), None)
                g = next((x for x in children(of) if x.dep_ == "pobj"), None) if of is not None else None
                if (
                    g is not None
                    and g.i != c.i
                    and any(OBJECT_RULES.get((lem, w), ("",))[0] is None for w in (g.lemma_.lower(), g.lower_))
                ):
                    return f"'{tok.text} ... {g.text}': no event (verb_objects.tsv NONE row)"
        for o in _pobjs(tok, ("for",)):
            if any(OBJECT_RULES.get((lem, w), ("",))[0] is None for w in (o.lemma_.lower(), o.lower_)):
                return f"'{tok.text} for {o.text}': no event (verb_objects.tsv NONE row)"
    return None


def trip_home16(
    tok: Token, type_: str, actor_country: Optional[str], place_country, via_pronoun: bool
) -> Optional[str]:
    """A CONSULT told by a trip "to" a place (not a capital) in the actor's own country
    ("the president traveled to New York for Democratic Party fundraisers"): campaigning or a
    tour, no consultation (round 14 read the trip's object; this reads "to"). ``place_country``:
    character offset -> the country the places component gave that place."""
    if "precision16" in RULES_OFF or type_ != "CONSULT" or via_pronoun or not actor_country:
        return None
    # round 17 (switch precision17): the verbs of travel too, and a place whatever label the
    # tagger gave its name ("flew to Boise, Idaho, for a speech": Boise tagged ORG)
    wider = "precision17" not in RULES_OFF
    lem = tok.lemma_.lower()
    if lem not in W.trip_verbs and not (wider and lem in W.travel_verbs and lem not in ("meet", "sit", "gather")):
        return None
    from .precision import _capital

    for o in _pobjs(tok, ("to",)):
        if (
            (o.ent_type_ == "GPE" or wider)
            and place_country.get(o.idx) == actor_country
            and not _capital(o.text, actor_country)
        ):
            # (the place's first token may start the entity: "New York" -> "New")
            return "a trip within the actor's own country"
        first = min(x.i for x in o.subtree)
        ft = o.doc[first]
        if ft.ent_type_ == "GPE" and place_country.get(ft.idx) == actor_country and not _capital(o.text, actor_country):
            return "a trip within the actor's own country"
    return None


def vote_intention16(tok: Token, type_: str) -> Optional[str]:
    """ "stated his intention to vote for Clinton", "pledged to vote for the nominee": an
    intention to vote (words.tsv campaign_acts) is voting, not coded (guidelines 2.2)."""
    if "precision16" in RULES_OFF or type_ not in ("AGREE", "SUPPORT"):
        return None
    cands = [tok] + [c for c in children(tok) if c.dep_ in ("dobj", "attr")]
    for n in cands:
        for c in children(n):
            if (
                c.dep_ in ("acl", "xcomp", "relcl")
                and c.lemma_.lower() in W.campaign_acts
                and any(g.dep_ == "aux" and g.lower_ == "to" for g in children(c))
            ):
                return "an intention to vote or campaign, not coded"
    return None


def contracted_modal16(aux: Token, verb: Token) -> Optional[str]:
    """The modal a contraction stands for: "'d" / "’d" before a verb in the base form is "would"
    ("said he’d hold a hearing"; before a participle it is "had": "he'd met him"), "’ll" is "'ll"
    (the future marker), else None (the auxiliary is read as it is written)."""
    if "precision16" in RULES_OFF:
        return None
    t = aux.lower_.replace("\u2019", "'")
    if t == "'d" and aux.tag_ == "MD" and verb.tag_ == "VB":
        return "would"
    if t == "'ll" and aux.lower_ != t:
        return "'ll"
    return None


_STANCE_TYPES16 = ("SUPPORT", "REJECT", "ACCUSE")


def stance_described16(tok: Token, type_: str) -> Optional[str]:
    """ "The influential delegate, who backs Cruz, warned ...", "an adviser who has long dismissed
    attempts to unhorse Trump": support, rejection or criticism told in a relative clause in the
    present simple, or in the present perfect with a word of habit (words.tsv habitual_adverbs),
    says where someone stands, not what they did on a day (round 9 read such clauses on a noun
    in apposition, round 15 verbs of attitude in a main clause)."""
    if "precision16" in RULES_OFF or type_ not in _STANCE_TYPES16 or tok.dep_ != "relcl" or tok.pos_ != "VERB":
        return None
    if tok.head.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    kids = children(tok)
    aux = [c for c in kids if c.dep_ in ("aux", "auxpass")]
    if tok.tag_ in ("VBZ", "VBP") and not aux:
        return "a stance told of a person in a relative clause, not an act"
    if (
        tok.tag_ == "VBN"
        and any(c.lower_ in ("has", "have") for c in aux)
        and any(c.dep_ == "advmod" and c.lower_ in W.habitual_adverbs for c in kids)
    ):
        return "a stance held over time, told in a relative clause, not an act"
    return None


def dated_by_when16(tok: Token, published: Optional[str], times) -> Optional[str]:
    """ "a boost for Obama since 2009, when Sanders joined 89 other senators to reject the
    president's request": an act in a "when" clause on a date a year or more before the article
    is history told as background (round 14 read dates on the act's own clause)."""
    if "precision16" in RULES_OFF:
        return None
    from .precision import BACKGROUND_DAYS, _clause_verbs, _date_end, _published

    pub = _published(published)
    if pub is None:
        return None
    top = _clause_verbs(tok)[-1]
    if top.dep_ != "relcl":
        return None
    d = top.head
    for tx in times or []:
        if getattr(tx, "type", None) != "DATE" or not (tx.start <= d.idx < tx.end):
            continue
        end = _date_end(getattr(tx, "value", None))
        if end is not None and (pub - end).days >= BACKGROUND_DAYS:
            return f"history told as background ('{tx.text}, when ...')"
    return None
