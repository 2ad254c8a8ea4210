"""Candidate speakers for a description left unnamed, chosen by a score (issue 11, round 12).

The speaker rules (``speakers.refine``) name a description through one link at a time (a name
in apposition, an office the article gives one person, the body just quoted). When none of
them names a speech record's speaker phrase, this step gathers every named person or body the
article links to the phrase by one of the kinds of evidence below, scores each candidate and
keeps the best one when it is clear:

- ``role``: the phrase's head noun describes a named person elsewhere in the article, in
  apposition or before the name (``the organizer of a rally said`` ... ``said Tim Selaty,
  organizer of a group called ...``; ``pollster Frank Luntz``);
- ``head``: the phrase's head noun ends (or opens, ``Department of ...``) the name of a named
  body near it (``the foundation predicts`` after the ``National Golf Foundation``; ``police
  say`` before ``Maryland State Police``);
- ``owner``: the phrase is a text (``document`` in ``speakers.tsv``: note, letter, ad, memo,
  ...) whose author the article gives, in the phrase (``a note from Trump``, ``the group's
  ad``) or at the nearest earlier mention of the same kind of text (``the note`` after ``a
  handwritten note from Donald J. Trump``), or as the subject of the verb that text is the
  object of (``the network says it will run an ad`` ... ``the ad``).

Score of a candidate: the weight of its best evidence (``data/en/quotes/speaker_evidence.tsv``)
less a penalty per paragraph between the phrase and the mention that gives the evidence, plus a
bonus for each further kind of evidence for the same entity. The best candidate is kept when
its score reaches the threshold and beats the next one by the margin; the record's ``rule``
then ends with ``+speaker=KIND:WORD@DISTANCE`` (``docs/quotes.md``, round 12). The speaker
mention stays as written.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..lexicon import table
from ..record import Span
from .entities import SPEAKER_RULES_OFF

DEFINITE = {"the", "this", "that"}


@dataclass(frozen=True)
class Helpers:
    """What the speaker rules know that this step reads (``speakers.py`` passes its own
    functions, so that the two modules do not import each other)."""

    ent_of: Callable  # (doc, start char, end char) -> the entity with a mention there, or None
    named: Callable  # (entity) -> whether it has a name
    doc_ents: Callable  # (doc) -> the model's entity spans
    fits: Callable  # (entity, person: bool) -> a person / a body or place
    org_noun: Callable  # (word) -> a body's common noun (data/entities)
    words: Callable  # (class) -> the words of a speakers.tsv class
    body: Callable  # (entity) -> a body
    other_kind: Callable  # (entity, head noun) -> its name says it is another kind of body
    # (doc, token heading a definite description, newlines) -> the named body it stands for (round 14)
    describes: Callable | None = None


H: list[Helpers] = []  # set once by speakers.py


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    """data/en/quotes/speaker_evidence.tsv: evidence kind (or setting) -> weight."""
    rows = table("quotes/speaker_evidence.tsv", columns=("evidence", "weight"), key=("evidence",))
    return {r["evidence"]: float(r["weight"]) for r in rows}


@dataclass
class Candidate:
    ent: object
    kind: str  # role | head | owner | owner-verb
    word: str  # the head noun that links them
    distance: int  # paragraphs from the phrase (negative: before it)

    @property
    def score(self) -> float:
        w = weights()
        return w[self.kind] - w["per_paragraph"] * abs(self.distance)


def _para(newlines: list[int], pos: int) -> int:
    return bisect_right(newlines, pos)


def _entity_at(doc: Doc, a: int, b: int):
    e = H[0].ent_of(doc, a, b)
    return e if e is not None and H[0].named(e) else None


def _ent_spans(doc: Doc, labels: tuple[str, ...]):
    return [e for e in H[0].doc_ents(doc) if e.label_ in labels]


def _names_before(n: Token) -> set[str]:
    """The capitalised words that modify a noun before it ("the GOP front-runner": {"gop"};
    "Democratic front-runner Clinton": {"democratic"}): what sets one description apart."""
    return {
        t.lower_
        for t in n.doc[n.left_edge.i : n.i]
        if t.text[:1].isupper() and t.dep_ in ("amod", "compound", "nmod", "npadvmod") and t.head.i >= t.i
    }


def _role_nouns(doc: Doc, e) -> dict[str, set[str]]:
    """Head nouns that describe the person named by the spaCy span ``e`` (each with its
    capitalised modifiers): a noun in apposition to the name ('Tim Selaty, organizer of a
    group'; 'the organizer, Tim Selaty,'), or a noun right before the name that modifies it
    ('pollster Frank Luntz')."""
    out: dict[str, set[str]] = {}
    root = e.root
    for c in root.children:
        if c.dep_ == "appos" and c.pos_ == "NOUN":
            out[c.lemma_.lower()] = _names_before(c)
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        out[root.head.lemma_.lower()] = _names_before(root.head)
    if e.start > 0:
        t = doc[e.start - 1]
        if t.pos_ == "NOUN" and t.tag_ == "NN" and t.dep_ == "compound" and e.start <= t.head.i < e.end:
            # (singular: "hosts Joe Scarborough and Mika Brzezinski" are two)
            out[t.lemma_.lower()] = {x.lower_ for x in doc[max(0, e.start - 4) : t.i] if x.text[:1].isupper()}
    return out


def _definite(tok: Token, sm: Span) -> bool:
    words = sm.text.split()
    return bool(words) and words[0].lower() in DEFINITE


def role_candidates(doc: Doc, tok: Token, sm: Span, newlines: list[int], p: int) -> list[Candidate]:

    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or not _definite(tok, sm):
        return []
    head = tok.lemma_.lower()
    if any(head in H[0].words(k) for k in ("vague", "document", "org", "group")) or H[0].org_noun(head):
        return []
    mine = _names_before(tok)
    out = []
    for e in _ent_spans(doc, ("PERSON",)):
        if e.start_char < sm.end and sm.start < e.end_char:
            continue
        q = _para(newlines, e.start_char)
        if not -weights()["paras_before"] <= q - p <= weights()["paras_after"]:
            continue
        roles = _role_nouns(doc, e)
        if head not in roles:
            continue
        theirs = roles[head]
        if mine and theirs and not mine & theirs:
            continue  # ("the GOP front-runner" is not "Democratic front-runner Clinton")
        ent = _entity_at(doc, e.start_char, e.end_char)
        if ent is not None and H[0].fits(ent, True):
            out.append(Candidate(ent, "role", head, q - p))
    return out


def head_candidates(doc: Doc, tok: Token, sm: Span, newlines: list[int], p: int) -> list[Candidate]:

    if tok.pos_ != "NOUN":
        return []
    low = tok.lower_
    if not (_definite(tok, sm) or low in H[0].words("bare_body") and sm.text.strip().lower() == low):
        return []
    if tok.tag_ in ("NNS", "NNPS") and low not in H[0].words("bare_body"):
        return []  # (a group: "the officials")
    words = {low, tok.lemma_.lower()}
    mods = {t.lower_ for t in doc[tok.left_edge.i : tok.i] if t.dep_ in ("amod", "compound", "nmod") and t.is_alpha}
    # (the same word heading an unnamed phrase nearer before: "the trade group for the plans
    # ... the group wrote" is not the named Group further back)
    barrier = next(
        (
            t.idx
            for t in reversed(doc[max(0, tok.i - 400) : tok.left_edge.i])
            if t.pos_ == "NOUN" and t.lemma_.lower() == tok.lemma_.lower() and not t.ent_type_
        ),
        -1,
    )
    out = []
    for e in _ent_spans(doc, ("ORG", "GPE", "NORP", "FAC")):
        if e.start_char < sm.end and sm.start < e.end_char or e.start_char < barrier:
            continue
        name = [w.lower() for w in e.text.split()]
        if name and name[0] == "the":
            name = name[1:]
        if len(name) < 2 or not (name[-1] in words or name[0] in words and name[1] == "of"):
            continue
        if not mods <= set(name):
            continue  # ("the appeals court" is not the Supreme Court)
        q = _para(newlines, e.start_char)
        after = e.start_char > sm.start
        if not -weights()["paras_before"] <= q - p <= (weights()["head_paras_after"] if after else 0):
            continue
        ent = _entity_at(doc, e.start_char, e.end_char)
        if ent is None or not H[0].body(ent) or H[0].other_kind(ent, tok.lemma_.lower()):
            continue
        out.append(Candidate(ent, "head", low, q - p))
    if "entity-name" not in SPEAKER_RULES_OFF:
        out += _name_candidates(doc, sm, newlines, p, words, mods, tok.lemma_.lower(), barrier, out)
    return out


def _name_candidates(
    doc: Doc, sm: Span, newlines: list[int], p: int, words: set, mods: set, lemma: str, barrier: int, found: list
) -> list[Candidate]:
    """Round 14 (``entity-name``): a named body whose fullest name ends with the phrase's head noun
    but that is mentioned near the phrase only by another form ("The IMF had warned ... the fund
    warned", the International Monetary Fund named paragraphs before): the nearest such mention
    gives the distance."""
    w = weights()
    out = []
    for ent in doc._.entities or []:
        if any(c.ent is ent for c in found) or not H[0].named(ent) or not H[0].body(ent):
            continue
        name = ent.name.lower().split()
        if name and name[0] == "the":
            name = name[1:]
        if len(name) < 2 or not (name[-1] in words or name[0] in words and name[1] == "of"):
            continue
        if not mods <= set(name) or H[0].other_kind(ent, lemma):
            continue
        best = None
        for m in ent.mentions:
            if m.start < sm.end and sm.start < m.end or m.start < barrier:
                continue
            q = _para(newlines, m.start)
            after = m.start > sm.start
            if -w["paras_before"] <= q - p <= (w["head_paras_after"] if after else 0):
                if best is None or abs(q - p) < abs(best):
                    best = q - p
        if best is not None:
            out.append(Candidate(ent, "head", name[-1] if name[-1] in words else name[0], best))
    return out


def _owner_in_phrase(doc: Doc, n: Token):
    """The named author a text noun carries: 'the group's ad', 'a note from Trump', 'a letter by
    two senators' (a pronoun possessor resolved by the entities component counts); also a
    ``from`` phrase the parse hung on the verb the text is the object of ('received a note from
    Trump')."""
    preps = list(n.children)
    if n.dep_ == "dobj":
        preps += [c for c in n.head.children if c.dep_ == "prep" and c.lower_ == "from" and c.i > n.i]
    for c in preps:
        if c.dep_ == "poss" and c.lower_ not in ("its", "their"):
            # (a person's pronoun, resolved by the entities component, counts; "its website" and
            # "their analysis" are too often resolved to the wrong body)
            ent = _entity_at(doc, c.left_edge.idx, c.idx + len(c.text))
            if ent is not None:
                return ent
        if c.dep_ == "prep" and c.lower_ in ("from", "by"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ in ("PROPN", "NOUN", "PRON"):
                ent = _entity_at(doc, obj.left_edge.idx, obj.idx + len(obj.text))
                if ent is not None:
                    return ent
    if "owner-phrase" not in SPEAKER_RULES_OFF:
        return _author_in_phrase(doc, n)
    return None


_AUTHOR_TYPES = ("ORG", "PERSON")
_NOT_AUTHOR = ("GPE", "NORP", "LOC", "DATE", "EVENT", "FAC")


@lru_cache(maxsize=1)
def _authored() -> frozenset:
    """data/en/quotes/authored.tsv: texts whose maker a name before them gives (round 17)."""
    return frozenset(r["word"] for r in table("quotes/authored.tsv", columns=("word",), key=("word",)))


@lru_cache(maxsize=1)
def _receivers() -> frozenset:
    """data/en/quotes/receivers.tsv: verbs by which a text reaches one who did not write it (round 18)."""
    return frozenset(r["word"] for r in table("quotes/receivers.tsv", columns=("word",), key=("word",)))


def _received(v: Token) -> bool:
    """Whether ``v`` is a verb by which a text reached someone who did not write it ('a letter
    obtained by the Post', 'The Post reviewed the memo'; round 18, ``obtained18``)."""
    return "obtained18" not in SPEAKER_RULES_OFF and v.lemma_.lower() in _receivers()


def _author_in_phrase(doc: Doc, n: Token):
    """(round 17, ``owner-phrase``) The author a text noun names in other ways: the agent of a
    participle on it ('a lawsuit filed in Boston by Petra Novak', 'an analysis compiled by the
    Tax Policy Center'), or a body or person's name modifying it when the text is of a kind its
    maker names so (``authored.tsv``: 'another Gallup study', 'a CNN poll'; not 'the
    Trump University lawsuit', whose name is the one sued)."""
    for c in n.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.i > n.i and not _received(c):
            agent = next((g for g in c.children if g.dep_ == "agent"), None)
            obj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
            if obj is not None and obj.pos_ in ("PROPN", "NOUN"):
                ent = _entity_at(doc, obj.left_edge.idx, obj.idx + len(obj.text))
                if ent is not None:
                    return ent
    if n.lemma_.lower() not in _authored():
        return None
    for c in n.children:
        if c.dep_ != "compound" or c.i > n.i or not c.text[:1].isupper() or c.ent_type_ in _NOT_AUTHOR:
            continue
        ent = _entity_at(doc, c.left_edge.idx, c.idx + len(c.text))
        if ent is not None:
            return ent if getattr(ent, "type", "") in _AUTHOR_TYPES else None
        # (the entities component makes no entity of a name that only modifies a noun: the
        # article's one body or person whose name is it or opens with it, "Pew" -> the Pew
        # Research Center named before)
        words = [t.lower_ for t in doc[c.left_edge.i : c.i + 1]]
        found = {
            id(e): e
            for e in doc._.entities or []
            if H[0].named(e)
            and getattr(e, "type", "") in _AUTHOR_TYPES
            and e.name.lower().split()[: len(words)] == words
        }
        return next(iter(found.values())) if len(found) == 1 else None
    return None


def _publishing_verb(n: Token):
    """(the verb a text noun is the object of, its subject token) ('the network will run an ad',
    'Trump sent a note', 'spend $150,000 on a TV ad'), up through "xcomp"/"conj" verbs ("is also
    running full-page ads"); (None, None) when the noun is no such object or no subject is found."""
    node = n
    if node.dep_ == "pobj" and node.head.dep_ == "prep":
        node = node.head
    v = node.head
    if node.dep_ not in ("dobj", "prep") or v.pos_ != "VERB" or _received(v):
        return None, None
    for _ in range(3):
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return v, subj
        if v.dep_ in ("xcomp", "conj") and v.head.pos_ in ("VERB", "AUX"):
            v = v.head
        else:
            return None, None
    return None, None


def _publisher(doc: Doc, n: Token):
    """The entity that is the subject of the verb a text noun is the object of."""
    v, subj = _publishing_verb(n)
    if subj is None:
        return None
    ent = _entity_at(doc, subj.left_edge.idx, subj.idx + len(subj.text))
    if ent is None and subj.pos_ == "PRON" and v.dep_ == "ccomp":
        # "The network says it will run an ad": the pronoun is who says so
        up = next((c for c in v.head.children if c.dep_ == "nsubj"), None)
        if up is not None and up.pos_ in ("PROPN", "NOUN"):
            ent = _entity_at(doc, up.left_edge.idx, up.idx + len(up.text))
    return ent


def _publisher_subject(n: Token):
    """The subject token of the verb a text noun is the object of, when it is a common noun
    ('The group is also running full-page ads'), as ``_publisher`` walks to it (round 14)."""
    _, subj = _publishing_verb(n)
    return subj if subj is not None and subj.pos_ == "NOUN" else None


def owner_candidates(doc: Doc, tok: Token, sm: Span, newlines: list[int], p: int) -> list[Candidate]:

    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or lemma not in H[0].words("document"):
        return []
    own = _owner_in_phrase(doc, tok)
    if own is not None:
        return [Candidate(own, "owner", lemma, 0)]
    if not _definite(tok, sm):
        return []
    # the nearest earlier mention of the same kind of text, in reach
    floor = p - int(weights()["paras_before"])
    for t in reversed(doc[: tok.i]):
        q = _para(newlines, t.idx)
        if q < floor:
            break
        if t.lemma_.lower() != lemma or t.pos_ != "NOUN":
            continue
        own = _owner_in_phrase(doc, t)
        if own is not None:
            return [Candidate(own, "owner", lemma, q - p)]
        pub = _publisher(doc, t)
        if pub is None and "publisher-body" not in SPEAKER_RULES_OFF and H[0].describes is not None:
            # "The group is also running full-page ads ... The ads ask": the body the publisher's
            # description stands for (round 14)
            subj = _publisher_subject(t)
            pub = H[0].describes(doc, subj, newlines) if subj is not None else None
        if pub is not None:
            return [Candidate(pub, "owner-verb", lemma, q - p)]
        return []  # (the nearest one gives no author)
    return []


def choose(doc: Doc, tok: Token, sm: Span, newlines: list[int], a: int) -> tuple[object, str]:
    """(the named entity the phrase ``sm`` headed by ``tok`` stands for, why) or (None, "")."""
    p = _para(newlines, a)
    cands = (
        role_candidates(doc, tok, sm, newlines, p)
        + head_candidates(doc, tok, sm, newlines, p)
        + owner_candidates(doc, tok, sm, newlines, p)
    )
    if not cands:
        return None, ""
    w = weights()
    best: dict[int, tuple[float, Candidate, set]] = {}
    for c in cands:
        k = id(c.ent)
        s, top, kinds = best.get(k, (float("-inf"), c, set()))
        if c.score > s:
            s, top = c.score, c
        kinds.add(c.kind)
        best[k] = (s, top, kinds)
    ranked = sorted(
        ((s + w["more_evidence"] * (len(kinds) - 1), top) for s, top, kinds in best.values()),
        key=lambda x: -x[0],
    )
    score, top = ranked[0]
    if score < w["threshold"] or len(ranked) > 1 and score - ranked[1][0] < w["margin"]:
        return None, ""
    return top.ent, f"{top.kind}:{top.word}@{top.distance:+d}"
