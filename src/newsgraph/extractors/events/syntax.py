"""Helpers over the dependency parse: objects, prepositions, subjects, noun-phrase bounds."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ... import actors as actor_codes
from ..doc_cache import children, doc_tokens, doc_words, sent_of
from .tables import (
    APPROXIMATORS,
    ASPECTUAL,
    FRAME_TYPES,
    INTENT_NOUNS,
    LIGHT_VERBS,
    NEGATING_FRAMES,
    NOUNS,
    OBJECT_RULES,
    RAISING,
    READY_ADJS,
    SPOKES_NOUNS,
    TITLE_NOUNS,
    VERBS,
)

QUOTE_CHARS = '"“”„«»'
NON_ACTOR_ENTS = {
    "DATE",
    "TIME",
    "CARDINAL",
    "ORDINAL",
    "MONEY",
    "PERCENT",
    "QUANTITY",
    "WORK_OF_ART",
    "LAW",
    "EVENT",
    "LANGUAGE",
    "PRODUCT",
}


def _obj(tok: Token) -> Optional[Token]:
    kids = children(tok)  # (spaCy builds new Token objects on each walk: walk once)
    for c in kids:
        if c.dep_ in ("dobj", "obj", "attr", "oprd"):
            return c
    lem = tok.lemma_.lower()
    if lem in LIGHT_VERBS:  # "talks were held", "a curfew was imposed"
        for c in kids:
            if c.dep_ == "nsubjpass" and c.lemma_.lower() in NOUNS:
                return c
    for c in kids:  # "sanctions were lifted", "the border was reopened"
        if c.dep_ == "nsubjpass" and ((lem, c.lemma_.lower()) in OBJECT_RULES or (lem, c.lower_) in OBJECT_RULES):
            return c
    if tok.dep_ == "relcl" and any(c.dep_ == "nsubjpass" and c.lower_ in ("who", "that", "which") for c in kids):
        ante = tok.head  # "Russian envoys who were expelled": the antecedent is what was done to
        if (lem, ante.lemma_.lower()) in OBJECT_RULES or (lem, ante.lower_) in OBJECT_RULES:
            return ante
    for c in kids:  # "lifted Friday a blockade": the parser may call it npadvmod
        if c.dep_ == "npadvmod" and c.pos_ == "NOUN":
            return c
    return None


def _preps(tok: Token) -> list[tuple[str, Optional[Token]]]:
    out = []
    for c in children(tok):
        if c.dep_ in ("prep", "agent", "dative"):
            pobj = next((g for g in children(c) if g.dep_ in ("pobj", "pcomp")), None)
            out.append((c.lower_, pobj))
        elif c.dep_ == "prt":
            out.append((c.lower_, None))
    return out


def _subject(tok: Token) -> tuple[Optional[Token], bool]:
    """(subject token, passive?) of a verb, climbing xcomp/conj/advcl chains when it has none. A
    passive verb that takes its subject from an active one ("she invoked the attacks ... and was
    roundly criticized", "when questioned about the cause") is still passive (round 13)."""
    s, passive = _subject_climbing(tok)
    if (
        s is not None
        and not passive
        and s.head.i != tok.i
        and tok.tag_ == "VBN"
        and tok.dep_ in ("conj", "advcl")
        and (
            any(c.dep_ == "auxpass" for c in tok.children)
            or tok.dep_ == "advcl"
            and any(c.dep_ == "mark" for c in tok.children)
            and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in tok.children)
        )
    ):
        passive = True
    return s, passive


def _subject_climbing(tok: Token) -> tuple[Optional[Token], bool]:
    t = tok
    via_xcomp = False
    for _ in range(6):
        subs = [c for c in t.children if c.dep_ in ("nsubj", "csubj")]
        if len(subs) > 1:
            # "KOLKATA, India - Indian police have arrested": a dateline parsed as a second
            # subject; the subject nearest the verb acts
            return max(subs, key=lambda c: c.i if c.i < t.i else -1), False
        for c in t.children:
            if c.dep_ in ("nsubj", "csubj"):
                return c, False
            if c.dep_ == "nsubjpass":
                # "Rebels are expected to release": the subject of the raising verb acts
                return c, not (via_xcomp and t.lemma_.lower() in RAISING)
        for a in t.children:
            if a.dep_ in ("aux", "auxpass") and a.i < t.i:
                # "the institution is committed to ...": a subject the parser hangs on the auxiliary
                s = next((c for c in a.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if s is not None:
                    return s, s.dep_ == "nsubjpass" or a.dep_ == "auxpass" and t.tag_ == "VBN"
        via_xcomp = t.dep_ == "xcomp"
        if t.dep_ in ("pcomp", "pobj") and t.head.lower_ == "from" and t.tag_ == "VBG":
            # "blocked a company from abandoning its plants", "barred him from leaving": who is
            # kept from the act would have done it
            held = next((c for c in t.head.head.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if held is not None:
                return held, False
        if t.dep_ in ("xcomp", "conj", "acomp", "advcl", "pcomp", "relcl", "acl") and t.head != t:
            if t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN", "PRON"):
                # a sentence whose root is a noun with the verb as its "acl" is a misparse of
                # "X called on ...": the noun acts (unless a by-phrase says otherwise)
                misparsed = (
                    t.head.dep_ == "ROOT"
                    and t.tag_ in ("VBN", "VBD")
                    and not any(c.dep_ == "agent" for c in t.children)
                )
                return t.head, t.dep_ == "acl" and t.tag_ == "VBN" and not misparsed
            t = t.head
            if t.dep_ == "prep":
                t = t.head
            continue
        break
    return None, False


def _agent(tok: Token) -> Optional[Token]:
    for c in tok.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _np_tokens(head: Token) -> list:
    """The noun phrase of head without the clauses hanging on it (acl, relcl)."""
    out, stack = [], [head]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in ("acl", "relcl", "ccomp", "xcomp", "advcl"))
    return sorted(out, key=lambda t: t.i)


def _np_bounds(head: Token) -> tuple[int, int]:
    """Token bounds of the actor phrase: left modifiers, compounds, 'of'-phrases, appositions."""
    lo = hi = head.i
    stack = [head]
    keep = {
        "compound",
        "amod",
        "det",
        "poss",
        "nmod",
        "nummod",
        "case",
        "quantmod",
        "appos",
        "flat",
        "prep",
        "pobj",
        "punct",
        "cc",
        "conj",
        "npadvmod",
        "advmod",
    }
    while stack:
        t = stack.pop()
        lo, hi = min(lo, t.i), max(hi, t.i)
        for c in t.children:
            if c.dep_ not in keep:
                continue
            if (
                c.dep_ == "prep"
                and c.lower_ not in ("of", "in", "from")
                and not (c.lower_ == "for" and t is head and head.lemma_.lower() in SPOKES_NOUNS)
                or c.dep_ == "punct"
            ):
                continue  # "a spokesman for the Taliban" speaks for the Taliban
            if c.dep_ == "conj" and t is not head:
                continue
            stack.append(c)
    return lo, hi + 1


def _first_conj_end(head: Token, lo: int, hi: int) -> int:
    for c in head.children:
        if c.dep_ == "cc" and lo <= c.i < hi:
            return c.i
    return hi


def _depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok, d = tok.head, d + 1
    return d


def _named_elsewhere(t: Token) -> bool:
    """A capitalised word the parser left untagged ("Trump must stop ..." at a sentence's start,
    tagged NOUN) that names a person, organisation or place elsewhere in the document."""
    if not t.is_title or t.ent_type_:
        return False
    names = t.doc.user_data.get("newsgraph_entity_words")
    if names is None:
        names = t.doc.user_data["newsgraph_entity_words"] = frozenset(
            w.text for e in t.doc.ents if e.label_ in ("PERSON", "GPE", "ORG", "NORP") for w in e if w.is_title
        )
    return t.text in names


def _actor_like(t: Token) -> bool:
    return t.ent_type_ not in NON_ACTOR_ENTS and (
        t.ent_type_ in ("PERSON", "GPE", "ORG", "NORP")
        or t.pos_ == "PROPN"
        or t.lemma_.lower() in actor_codes.ROLE_NOUNS
        or t.lower_ in actor_codes.ROLE_NOUNS
        or _named_elsewhere(t)
    )


def _left_subject(tok: Token) -> Optional[Token]:
    """A main verb the parser left without a subject ("With the signing of ..., the Sudanese
    government and the rebels have agreed"): the actor noun right before it (past auxiliaries),
    climbing coordinations to their first member."""
    i = tok.i - 1
    toks, first = doc_tokens(tok.doc), sent_of(tok.doc, tok.i).start
    while i >= first and toks[i].dep_ in ("aux", "auxpass", "neg", "advmod") and toks[i].head.i == tok.i:
        i -= 1
    if i < first:
        return None
    t = toks[i]
    if t.pos_ not in ("NOUN", "PROPN") or not _actor_like(t):
        return None
    while t.dep_ == "conj" and _actor_like(t.head) and t.head.pos_ in ("NOUN", "PROPN"):
        t = t.head
    return t


def _by_agent(tok: Token) -> Optional[Token]:
    """The actor of an event noun given by a by-phrase ("the arrest of X by Malaysian police"; the
    parser often hangs the by-phrase on X)."""
    of_objs = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    for c in list(tok.children) + [c for g in of_objs for c in g.children]:
        if c.dep_ in ("prep", "agent") and c.lower_ == "by":
            g = next((x for x in c.children if x.dep_ == "pobj"), None)
            if g is not None and _actor_like(g):
                return g
    return None


def _between_first(tok: Token) -> Optional[Token]:
    """'talks between Iran and Iraq' -> Iran (when a second party follows)."""
    # "fighting erupted between Azerbaijani and Armenian forces": the phrase may hang on the verb
    heads = [tok] + ([tok.head] if tok.dep_ in ("nsubj", "attr") and tok.head.i != tok.i else [])
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "between":
                g = next((x for x in c.children if x.dep_ == "pobj"), None)
                if g is not None and _actor_like(g) and any(x.dep_ == "conj" and _actor_like(x) for x in g.children):
                    return g
                if g is not None and any(
                    m.dep_ in ("amod", "nmod", "compound") and any(x.dep_ == "conj" for x in m.children)
                    for m in g.children
                ):
                    return g  # "between Indian and Pakistani troops"
    return None


def _lemma(tok: Token) -> str:
    """The token's lemma, repaired when the lemmatizer stumbles ("staged" -> "stag")."""
    lemma = tok.lemma_.lower()
    if lemma in VERBS or lemma in LIGHT_VERBS or lemma in FRAME_TYPES:
        return lemma
    low = tok.lower_
    for cut in (1, 2):
        if low.endswith(("ed", "es")) and len(low) > cut + 2:
            c = low[:-cut]
            if c in VERBS or c in LIGHT_VERBS or c in FRAME_TYPES:
                return c
    return lemma


def _quoted_regions(sent: SpacySpan) -> list[tuple[int, int, bool]]:
    """(start token, end token, title_like) of the quotation-mark regions in a sentence."""
    toks, words = doc_tokens(sent.doc), doc_words(sent.doc)  # (made once per Doc)
    marks = [i for i in range(sent.start, sent.end) if words[i] in QUOTE_CHARS or words[i] in ("``", "''")]
    out = []
    for a, b in zip(marks[0::2], marks[1::2]):
        inner = [t for t in toks[a + 1 : b] if t.is_alpha]
        if not inner:
            continue
        prev = toks[a - 1] if a - 1 >= sent.start else None
        while prev is not None and prev.is_punct and prev.i > sent.start:
            prev = toks[prev.i - 1]
        caps = sum(1 for t in inner if t.text[0].isupper()) / len(inner)
        short_title = (
            len(inner) <= 8
            and caps >= 0.6
            and len(inner) >= 1
            and not any(t.dep_ == "ROOT" for t in toks[a + 1 : b])
            and (len(inner) > 1 or inner[0].pos_ == "PROPN")
        )
        title = bool(prev is not None and prev.lemma_.lower() in TITLE_NOUNS) or short_title
        out.append((a, b, title))
    return out


def _frame_of(tok: Token) -> Optional[Token]:
    """The frame verb/adjective that governs tok ("agreed to [withdraw]", "ready to [host]")."""
    h = tok.head
    if h == tok:
        return None
    if tok.dep_ == "acl" and h.lemma_.lower() in INTENT_NOUNS and h.head != h and h.head.lemma_.lower() in FRAME_TYPES:
        return h.head  # "expressed readiness to resume talks"
    if tok.dep_ in ("xcomp", "dobj") and h.lemma_.lower() in ASPECTUAL and h.dep_ in ("xcomp", "ccomp") and h.head != h:
        return _frame_of(h)
    if (
        tok.dep_ == "advcl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        and (h.lemma_.lower() in FRAME_TYPES and not any(c.dep_ in ("xcomp", "ccomp") for c in h.children))
    ):
        return h  # "have sworn to fight until ...": a to-infinitive the parser hung on as a clause
    if tok.dep_ in ("xcomp", "ccomp", "pcomp") or (tok.dep_ == "pobj" and h.dep_ == "prep"):
        cand = h.head if tok.dep_ in ("pobj", "pcomp") and h.dep_ == "prep" else h
        if (
            tok.dep_ in ("pobj", "pcomp")
            and cand.dep_ in ("dobj", "obj")
            and (cand.head.lemma_.lower() in FRAME_TYPES or cand.head.lemma_.lower() in NEGATING_FRAMES)
        ):  # "accused X of bombing", "cleared the officer of assaulting"
            cand = cand.head
        lem = cand.lemma_.lower()
        if lem in FRAME_TYPES or lem in READY_ADJS or lem in NEGATING_FRAMES:
            return cand
    if tok.dep_ == "xcomp" and h.lemma_.lower() == "be" or tok.dep_ == "xcomp" and h.pos_ == "ADJ":
        if h.lemma_.lower() in READY_ADJS:
            return h
    return None


def _told_as_count(tok: Token) -> bool:
    """The act is told on a count of the people it befell, as background or a statistic rather
    than as one act: a participle or reduced relative clause (no auxiliary of its own) on a noun
    counted approximately ("at least 707 people shot and killed by police this year", "more than
    135,000 civilians besieged": words.tsv approximators) or by an ordinal ("the fourth person shot
    and killed by an officer"). "More than 200 lawyers were detained" is told as an act."""
    top = tok
    while top.dep_ == "conj" and top.head != top and top.head.pos_ in ("VERB", "AUX"):
        if top.head.lemma_ == "be":
            break  # "... is one of ... and the fourth person shot": a reduced relative parsed as a clause
        top = top.head
    if top.dep_ == "ROOT" or any(c.dep_ in ("aux", "auxpass") for c in top.children):
        return False
    if top.pos_ != "VERB" or top.tag_ not in ("VBN", "VBD", "VBG"):
        return False
    if top.dep_ in ("acl", "relcl"):
        noun: Optional[Token] = top.head
    else:  # the parser often hangs the reduced relative as a clause with the noun as its subject
        noun = next((c for c in top.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    for c in noun.children:
        if c.dep_ == "amod" and c.ent_type_ == "ORDINAL":
            return True
        if c.dep_ == "nummod" and any(
            g.lower_ in APPROXIMATORS for g in c.subtree if g.i != c.i and g.dep_ in ("advmod", "amod", "quantmod")
        ):
            return True
    return False
