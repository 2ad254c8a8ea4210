"""Issue 10, round 17: precision rules read from fresh whole political articles.

Each function reads one kind of event a PLOVER coder would not sign (guidelines 2.2, 3, 4 and 9)
and says why; the knowledge is in ``words.tsv`` (the "# round 17 (precision)" block). Read on
``scripts/events_unseen.py --polnear --step 20 --offset 5`` and ``--offset 9``:

``poll_answer17``        what a poll's public answered ("In exit polls, voters in both parties were
                         unhappy with the federal government"): an opinion, no act;
``figurative_attack17``  an attack on an idea or a value ("Our freedom is under assault", "an
                         assault on our way of life"): rhetoric, no violence;
``declined_comment17``   "declined to respond to a question", "refused to comment": declining
                         comment (CAMEO 011, a statement), no rejection of anyone;
``statement_offered17``  "offering more dire warnings about terrorism", "offered his thoughts": a
                         statement given, no offer (AGREE);
``floor_taken17``        "seized the floor from Republicans", "hijacked the floor of the House":
                         taking the floor of a chamber, no seizure or attack;
``campaign_commitment17`` "to show donors he's committed to running for president": a commitment
                         to run or campaign, no act promised (guidelines 2.2);
``interview_question17`` "When Trump was questioned about the dispute on ABC News": an interview's
                         or a debate's questions, no inquiry;
``talk_alone17``         "the vice president talks tough at a rally": speaking with nobody named on
                         the other side, no consultation;
``historic17``           an act dated by an era ("the World War II general who beat Hitler",
                         "banned from voting since the Civil War") or an old decade ("in the early
                         1900s"), or in a relative clause on a noun an old year dates ("the 1992
                         convention, when Buchanan called for ..."): history told as background;
``wanted_done17``        (read by flags) an act wanted in a small clause ("wants Trump banned from
                         the country"): not done, hypothetical;
``not_yet17``            (read by flags) an act in a clause of time in the present that has not
                         happened ("impossible to identify them until they attack", "once they
                         strike"): hypothetical.

Off switch for before/after measures: ``"precision17"`` in ``tables.RULES_OFF``.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Optional

from spacy.tokens import Token

from ..doc_cache import children, sent_of
from .tables import RULES_OFF, W

_VERBAL = ("ACCUSE", "SUPPORT", "REJECT", "REQUEST", "AGREE", "CONCEDE", "THREATEN")
_DECADE = re.compile(r"^(1[5-9]\d0|20[0-9]0)'?s$")
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")


def _off() -> bool:
    return "precision17" in RULES_OFF


def _subjects_up(tok: Token) -> list[Token]:
    """The subject of the trigger's clause and of the clauses it hangs on ("voters were unhappy",
    "4 in 10 say they want ...")."""
    out: list[Token] = []
    t = tok
    for _ in range(4):
        out += [c for c in children(t) if c.dep_ in ("nsubj", "nsubjpass")]
        if t.head.i == t.i or t.dep_ not in ("acomp", "attr", "ccomp", "xcomp", "conj", "advcl", "amod"):
            break
        t = t.head
    return out


def poll_answer17(tok: Token, type_: str) -> Optional[str]:
    """A verbal act or a stance whose subject is the public a poll asked ("voters", "Americans",
    words.tsv public_nouns17) in a sentence that names a poll (poll_words17): an answer, no act."""
    if _off() or type_ not in _VERBAL:
        return None
    sent = sent_of(tok.doc, tok.i)
    if not any(t.lemma_.lower() in W.poll_words17 or t.lower_ in W.poll_words17 for t in sent):
        return None
    for s in _subjects_up(tok):
        if s.ent_type_ in ("PERSON", "ORG", "GPE"):
            continue
        if s.lemma_.lower() in W.public_nouns17 or s.lower_ in W.public_nouns17:
            return "what a poll's public answered, an opinion"
    return None


def figurative_attack17(tok: Token, type_: str, recipient_tok: Optional[Token]) -> Optional[str]:
    """An attack whose target is an idea or a value (words.tsv abstract_targets17): "Our freedom is
    under assault from an out-of-control government", "their assault on our way of life"."""
    if _off() or type_ not in ("ASSAULT", "COERCE"):
        return None
    targets: list[Token] = [recipient_tok] if recipient_tok is not None else []
    kids = children(tok)
    targets += [c for c in kids if c.dep_ in ("dobj", "nsubjpass")]
    targets += [g for c in kids if c.dep_ == "prep" and c.lower_ in ("on", "against", "upon") for g in children(c)]
    if tok.dep_ == "pobj" and tok.head.lower_ == "under" and tok.head.head.i != tok.head.i:
        # "X is under assault", "X came under attack": X is the target
        targets += [c for c in children(tok.head.head) if c.dep_ in ("nsubj", "nsubjpass")]
    for t in targets:
        if t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"):
            continue
        if t.lemma_.lower() in W.abstract_targets17 or t.lower_ in W.abstract_targets17:
            return f"an attack on an idea or a value ('{t.text}'), figurative"
    return None


def _to_verb(tok: Token) -> Optional[Token]:
    return next(
        (
            c
            for c in children(tok)
            if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in children(c))
        ),
        None,
    )


def declined_comment17(tok: Token, type_: str) -> Optional[str]:
    """ "declined to directly respond to a question", "refused to comment": declining comment is a
    statement (CAMEO 011), no rejection of a demand (words.tsv decline_verbs17, comment_verbs17)."""
    if _off() or type_ != "REJECT" or tok.lemma_.lower() not in W.decline_verbs17:
        return None
    x = _to_verb(tok)
    if x is not None and x.lemma_.lower() in W.comment_verbs17:
        return "declining to comment, no rejection"
    return None


def statement_offered17(tok: Token, type_: str) -> Optional[str]:
    """ "offering more dire warnings about terrorism", "offered his thoughts on the race": a
    statement given (words.tsv statement_nouns17), no offer."""
    if _off() or type_ != "AGREE" or tok.lemma_.lower() not in W.offer_verbs17:
        return None
    for c in children(tok):
        if c.dep_ == "dobj" and (c.lemma_.lower() in W.statement_nouns17 or c.lower_ in W.statement_nouns17):
            return f"a statement offered ('{c.text}'), no offer"
    # the trigger may be the whole phrase's head noun ("offering more dire warnings")
    return None


def floor_taken17(tok: Token, type_: str) -> Optional[str]:
    """ "seized the floor from Republicans", "hijacked the floor of the House": taking the floor
    (words.tsv speaking_places17), no seizure or attack."""
    if _off() or type_ not in ("ASSAULT", "COERCE", "SANCTION"):
        return None
    for c in children(tok):
        if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in W.speaking_places17:
            return f"taking the {c.text}, no seizure"
    return None


def campaign_commitment17(tok: Token, type_: str) -> Optional[str]:
    """ "to show donors that he's committed to running for president", "pledged to keep
    campaigning": a commitment to run or campaign (words.tsv campaign_acts, run_verbs17) is no act
    promised to anyone (guidelines 2.2)."""
    if _off() or type_ != "AGREE":
        return None
    kids = children(tok)
    acts = [
        g for c in kids if c.dep_ == "prep" and c.lower_ == "to" for g in children(c) if g.dep_ in ("pcomp", "pobj")
    ]
    acts += [c for c in kids if c.dep_ in ("xcomp", "ccomp")]
    for a in acts:
        lem = a.lemma_.lower()
        for _ in range(2):  # "to keep campaigning"
            if lem in W.campaign_acts:
                return "a commitment to campaign, no act promised"
            if lem in W.run_verbs17 and a.pos_ == "VERB":
                return "a commitment to run for office, no act promised"
            nxt = next((c for c in children(a) if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
            if nxt is None:
                break
            a, lem = nxt, nxt.lemma_.lower()
    return None


def interview_question17(tok: Token, type_: str) -> Optional[str]:
    """ "When Trump was questioned about the dispute on ABC News", "was grilled by the moderator":
    questions in an interview or a debate (a medium, words.tsv media_nouns16, or an interview word,
    interview_nouns17, in a phrase of the verb), no inquiry."""
    if _off() or type_ != "ACCUSE" or tok.pos_ != "VERB" or tok.lemma_.lower() not in W.question_verbs17:
        return None
    # (who asks, if named, is a medium or an interviewer: "the FBI questioned the aide in an
    # interview" is an inquiry)
    askers = [c for c in children(tok) if c.dep_ == "nsubj"]
    askers += [g for c in children(tok) if c.dep_ == "agent" for g in children(c) if g.dep_ == "pobj"]
    for a in askers:
        words = {x.lower_ for x in a.subtree} | {x.lemma_.lower() for x in a.subtree}
        if not words & (W.media_nouns16 | W.interview_nouns17):
            return None
    preps = [c for c in children(tok) if c.dep_ in ("prep", "agent") and c.lower_ in _MEDIUM_PREPS]
    # (the parser may hang the medium on the topic: "questioned about the dispute on ABC News")
    preps += [
        p
        for c in children(tok)
        if c.dep_ == "prep" and c.lower_ == "about"
        for g in children(c)
        if g.dep_ == "pobj"
        for p in children(g)
        if p.dep_ == "prep" and p.lower_ in _MEDIUM_PREPS and p.lower_ != "from"
    ]
    for c in preps:
        for g in children(c):
            if g.dep_ != "pobj":
                continue
            words = {x.lower_ for x in g.subtree} | {x.lemma_.lower() for x in g.subtree}
            if words & (W.media_nouns16 | W.interview_nouns17):
                return "questions in an interview or a debate, no inquiry"
    return None


_MEDIUM_PREPS = ("on", "in", "by", "during", "at", "from")


def talk_alone17(tok: Token, type_: str) -> Optional[str]:
    """ "the vice president talks tough in first rally", "Clinton spoke at a rally": speaking
    (words.tsv interview_verbs16) with nobody named on the other side ("with", "to", an object, a
    coordinated subject), no consultation."""
    if _off() or type_ != "CONSULT" or tok.lemma_.lower() not in W.interview_verbs16:
        return None
    kids = children(tok)
    if any(c.dep_ in ("dobj", "dative") for c in kids):
        return None
    for c in kids:
        # ("With characteristic zeal, the vice president talks tough": a manner, no party)
        if c.dep_ in ("prep", "prt") and c.lower_ in ("with", "to", "by", "among"):
            objs = [g for g in children(c) if g.dep_ == "pobj"]
            if not objs or any(_party_like(g) for g in objs):
                return None
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    if subj is None or any(c.dep_ == "conj" for c in children(subj)) or subj.lower_ in ("they", "we", "both"):
        return None
    if subj.tag_ == "NNS" or subj.lemma_.lower() in ("leader", "side", "party") and subj.tag_ != "NN":
        return None
    return "speaking with nobody named, no consultation"


def _era_in(tokens: list[Token]) -> Optional[str]:
    """An era name (words.tsv history_eras17, matched as written) in ``tokens``, not one a
    country's adjective makes another war ("Syria's civil war", "the Syrian Civil War")."""
    if not tokens:
        return None
    doc = tokens[0].doc
    lo, hi = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    text = doc[lo:hi].text
    for era in W.history_eras17:
        k = text.find(era)
        if k < 0:
            continue
        span = doc.char_span(doc[lo].idx + k, doc[lo].idx + k + len(era), alignment_mode="expand")
        if span is None:
            continue
        prev = doc[span.start - 1] if span.start > 0 else None
        if prev is not None and prev.lower_ not in ("the",) and prev.pos_ != "ADP":
            continue  # "the Syrian Civil War", "Syria's civil war", "a new Cold War"
        nxt = doc[span.end : span.end + 2]
        if len(nxt) == 2 and nxt[0].lower_ in ("in", "of") and nxt[1].ent_type_ in ("GPE", "NORP", "LOC"):
            continue  # "the civil war in Ukraine"
        return era
    return None


def _old_decade(tokens: list[Token], pub: date) -> Optional[str]:
    for t in tokens:
        m = _DECADE.match(t.lower_)
        if m and int(m.group(1)) + 9 < pub.year - 1:
            return t.text
    return None


def historic17(tok: Token, published: Optional[str]) -> Optional[str]:
    """History told as background (guidelines 9): an era (words.tsv history_eras17) or a decade
    long past in a phrase of the act's clause ("banned from voting since the Civil War", "halting
    attacks in the early 1900s by shooting them"), or on the noun a relative clause describes
    ("the World War II general who beat Hitler"), or an old year on that noun ("the 1992
    convention, when Buchanan called for ...")."""
    if _off():
        return None
    from .precision import _clause_verbs, _published

    pub = _published(published)
    if pub is None:
        return None
    verbs = _clause_verbs(tok)
    # up through a participle or a gerund a preposition hangs on a verb ("halting attacks ... by
    # shooting them")
    t = verbs[-1]
    for _ in range(2):
        if t.dep_ in ("acl", "advcl", "pcomp", "xcomp") and t.head.i != t.i:
            h = t.head.head if t.dep_ == "pcomp" and t.head.dep_ == "prep" else t.head
            if h.pos_ in ("VERB", "AUX") and h not in verbs:
                verbs.append(h)
                t = h
                continue
        break
    for v in verbs:
        for c in children(v):
            if c.dep_ == "prep" and c.lower_ in W.history_preps17:
                sub = list(c.subtree)
                found = _era_in(sub) or _old_decade(sub, pub)
                if found:
                    return f"history told as background ('{found}')"
    top = verbs[-1]
    if top.dep_ in ("relcl", "acl") and top.head.pos_ in ("NOUN", "PROPN"):
        n = top.head
        left = [x for x in n.subtree if x.i < n.i] + [n]
        found = _era_in(left) or _old_decade(left, pub)
        if found:
            return f"history told as background ('{found}')"
        for x in left:
            if x.dep_ in ("nummod", "compound", "amod") and x.head.i == n.i and _YEAR.match(x.text):
                if int(x.text) < pub.year - 1:
                    return f"history told as background ('{x.text}')"
    return None


def wanted_done17(t: Token, h: Token) -> bool:
    """(flags) ``t`` is an act wanted in a small clause under ``h`` ("wants Trump banned from the
    country", "would like him arrested": words.tsv want_verbs17), not reported as done."""
    if _off():
        return False
    return (
        t.dep_ in ("ccomp", "xcomp", "oprd")
        and t.tag_ == "VBN"
        and h.lemma_.lower() in W.want_verbs17
        and not any(c.dep_ in ("aux", "auxpass") for c in children(t))
    )


def not_yet17(t: Token) -> bool:
    """(flags) a clause of time in the present (words.tsv not_yet_marks17: "until they attack",
    "once they strike", "before police arrest them"): what it tells has not happened."""
    if _off():
        return False
    if not any(c.dep_ == "mark" and c.lower_ in W.not_yet_marks17 for c in children(t)):
        return False
    if t.tag_ not in ("VBP", "VBZ"):
        return False
    return not any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBN") for c in children(t))


def _party_like(g: Token) -> bool:
    from ... import actors as actor_codes

    return (
        g.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
        or g.pos_ in ("PROPN", "PRON")
        or g.lemma_.lower() in actor_codes.ROLE_NOUNS
        or g.lemma_.lower() in W.public_nouns17
    )


def conj_frame17(tok: Token) -> Optional[Token]:
    """(candidates) the frame that governs the first of two coordinated acts governs the second
    when it has no subject of its own ("calls on the U.S. to lead, step up the fight against the
    group": both are asked for, the REQUEST is coded, not the acts; guidelines 4)."""
    if _off() or tok.dep_ != "conj" or tok.pos_ != "VERB" or tok.head.i == tok.i:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in children(tok)):
        return None
    h = tok.head
    if h.dep_ not in ("xcomp", "ccomp") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in children(h)):
        return None
    from .syntax import _frame_of

    return _frame_of(h)


def voters_backing17(tok: Token, type_: str) -> Optional[str]:
    """ "pockets of activists and voters who backed Sanders", "voters rejected the governor":
    voters (words.tsv voter_nouns17) backing or rejecting someone is voting, not coded
    (guidelines 2.2)."""
    if _off() or type_ not in ("SUPPORT", "REJECT"):
        return None
    subs = [c for c in children(tok) if c.dep_ in ("nsubj", "nsubjpass")]
    if tok.dep_ == "relcl" and any(c.lower_ in ("who", "that") for c in subs):
        subs = [tok.head]
    group: list[Token] = []
    for sj in subs:
        group.append(sj)
        group += [c for c in sj.subtree if c.dep_ == "conj" and c.head.i in {x.i for x in group}]
    if any(g.lemma_.lower() in W.voter_nouns17 or g.lower_ in W.voter_nouns17 for g in group):
        return "voters backing or rejecting a candidate: voting, not coded"
    return None


def nothing_to17(tok: Token) -> Optional[str]:
    """ "there was not much to complain about", "he has nothing to apologize for": an act with
    nothing or little to it (words.tsv nothing_words17), not done."""
    if _off() or tok.dep_ not in ("relcl", "acl", "xcomp") or tok.head.i == tok.i:
        return None
    h = tok.head
    hl = h.lower_
    if hl not in W.nothing_words17:
        return None
    negs = list(children(h)) + (list(children(h.head)) if h.dep_ in ("attr", "dobj") and h.head.i != h.i else [])
    if hl in ("nothing", "little", "none") or any(
        c.dep_ in ("neg", "det") and c.lower_ in ("not", "no", "n't", "never") for c in negs
    ):
        return f"'{hl} to {tok.text}': no act"
    return None


def owner_judged17(t: Token, obj: Token, kind_type: str) -> bool:
    """(actors) ``t`` is the named owner of the thing a statement judges ("denounced Trump’s
    comments", "praised Rubio’s positions": the tagger often reads the name before a curly
    apostrophe as ORG), not a body named by its modifier ("the UN organizations"): the owner is the
    recipient, as it is when the name is tagged PERSON."""
    if _off() or kind_type not in ("ACCUSE", "SUPPORT", "REJECT"):
        return False
    return t.dep_ == "poss" and t.head.i == obj.i and any(c.tag_ == "POS" for c in children(t))
