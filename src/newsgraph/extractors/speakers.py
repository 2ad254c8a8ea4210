"""Speaker checks made over the whole article, after the quote rules (issue 11, round 5).

``refine(doc, text, newlines, kept)`` takes the quote component's records (before output) and
returns, for each, ``(speaker entity, speaker mention, statement)``: who said it once the
article is read around the record, and whether a speech-cued record is still a statement.
The quote component keeps its confidence as computed before these checks (the confidence
model was fitted without them), so they decide who said it and what is a statement, never
whether a record is an attribution.

Rules (docs/quotes.md, "Speakers" and "Statements"):

- a clitic parsed as the subject (``he's said``: ``'s``) is its host word's: ``he``;
- an expletive (``It's common for news accounts to portray ...``) is never a speaker, and
  what such a clause says is the writer's;
- a share of respondents (``58 percent of voters said``, ``About four in 10 said``, ``a
  majority said``) reports a poll result: no speaker, not a statement;
- a term (``railed against what he calls the "Washington cartel"``) and a hypothetical act
  (``Rubio can ask them to ...``) are not statements; a passive report (``were reported
  missing``) has no speaker in its subject;
- ``As for Trump, he said``: the pronoun is the topic the clause opens with;
- ``Khalif said Trump is ...  But he said ...``: a pronoun speaker resolved to someone only
  spoken of in the previous statement is that statement's speaker;
- coordinated speakers (``Cruz and his aides signaled that ...``) say it together;
- a description (``The businessman said``, ``The company said``, ``Senator from Texas
  says``) that the entities component left unnamed is the named person or body the article
  gives that role or that was just quoted or mentioned; a name in apposition after the
  description (``One of her former supporters, former Rep. Pat Schroeder, wrote``) is the
  speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Token

from ..dateline import dateline_at, datelines
from ..lexicon import table
from ..record import Span
from .cue_table import cue_lemmas
from .doc_cache import doc_ents, doc_text, reading  # noqa: F401  (the quote and event components read them here)
from .entities import SPEAKER_RULES_OFF, entity_for_span, entity_gender, lexicon
from .speaker_choice import H as _CHOICE_HELPERS
from .speaker_choice import Helpers as _ChoiceHelpers
from .speaker_choice import choose as choose_speaker

CLITICS = {"'s", "\u2019s", "'re", "\u2019re", "'ve", "\u2019ve", "'d", "\u2019d", "'ll", "\u2019ll", "'m", "\u2019m"}
EXPLETIVES = {"it", "there"}
# a description followed by its own name: 'the newspaper "Lidove noviny"', 'the agency, Interfax,'
_NAME_FOLLOWS_RE = re.compile(r"\s*[,(]?\s*[\"\u201c\u201d\u201e\u00ab\u00bb'`]*\s*[A-Z]")
# ... but not a comma and a quotation of three words or more: 'According to the paper, "Gun laws are ..."'
_QUOTATION_FOLLOWS_RE = re.compile(r"\s*,\s*(?:[\"\u201c\u201e\u00ab`]|'')\s*[A-Z]\S*\s+\S+\s+\S+")
# "X and other Y", "X and several other Y": the named one among the others (round 12)
_OTHERS_RE = re.compile(r"\s*,?\s*and\s+(?:\w+\s+)?other\s", re.I)
PRONOUN_WORDS = {"he", "she", "him", "her", "his", "hers", "they", "them", "their", "it", "its", "who", "whom"}


@lru_cache(maxsize=1)
def _classes() -> dict[str, frozenset]:
    """data/en/quotes/speakers.tsv: word -> class (person, share, modal, naming)."""
    rows = table("quotes/speakers.tsv", columns=("word", "class"), key=("word",))
    out: dict[str, set] = {}
    for r in rows:
        out.setdefault(r["class"], set()).add(r["word"])
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _senders() -> frozenset:
    """data/en/quotes/senders.tsv: verbs that send or publish a text (round 16, ``it-sent``)."""
    return frozenset(r["word"] for r in table("quotes/senders.tsv", columns=("word",), key=("word",)))


def _words(cls: str) -> frozenset:
    return _classes().get(cls, frozenset())


_AGE_RE = re.compile(r"(?:\d+|[a-z]+(?:-[a-z]+)?)-years?-old", re.I)  # "57-year-old", "forty-year-old"
DESC_PARAS = 3  # how many paragraphs back a description looks for the speaker it stands for


def _title_noun(w: str) -> bool:
    return w in lexicon().titles or w in _words("title")


def _holds(role: str, head: str) -> bool:
    """Whether a role the article gives someone ("Sen.", "Texas senator") is the title ``head``."""
    words = role.lower().split()
    return head in words or any(w.endswith(".") and len(w) <= 5 and head.startswith(w[:-1]) for w in words)


def _org_noun(w: str) -> bool:
    lex = lexicon()
    return w in lex.orgs


_HAS_NAME = [lambda ent: bool(getattr(ent, "name", ""))]  # set by refine (the quote component's test)


def _named(ent) -> bool:
    return ent is not None and _HAS_NAME[0](ent)


def named(ent) -> bool:
    """Whether an entity is named by the quote component's test ("Ted Cruz", not "Senator" or
    "company"); shared with the event coder."""
    return _named(ent)


def _span_of(doc: Doc, a: Token, b: Token) -> Span:
    s, e = a.idx, b.idx + len(b.text)
    return Span(s, e, doc_text(doc)[s:e])


def _ent_of(doc: Doc, s: int, e: int):
    try:
        return entity_for_span(doc, s, e)
    except Exception:
        return None


def _share(tok: Token) -> bool:
    """'58 percent of voters', 'About four in 10', 'a majority of Republicans', 'Six of 10'."""
    share = _words("share")
    if tok.lower_ in share or tok.lemma_.lower() in share:
        return True  # (the share heads the phrase: "A third source said" is no share)
    if tok.like_num and any(c.dep_ == "quantmod" and c.lower_ in ("in", "of", "out") for c in tok.children):
        return True  # ("four in 10" parsed as 10 with the quantifiers "four" and "in")
    for t in [tok] + [c for c in tok.children if c.dep_ == "nummod"]:
        if t.like_num and t.ent_type_ not in ("DATE", "TIME", "MONEY"):
            for p in t.children:  # "four in 10", "six out of 10", "three of 10"
                if p.dep_ == "prep" and p.lower_ in ("in", "of", "out"):
                    if any(g.dep_ == "pobj" and g.like_num for g in p.children):
                        return True
    return False


def _describes_group(v: Token) -> bool:
    """A cue in a restrictive relative clause on a group with no name: 'voters who say ...',
    'those who said ...', 'a lot of Democrats that said ...' (not 'the panel, which said')."""
    if v.dep_ != "relcl" or v.head.i >= v.i:
        return False
    head = v.head
    if any(t.text in (",", "\u2014", "\u2013", "(") for t in v.doc[head.i : v.left_edge.i]):
        return False  # (non-restrictive: the group is already named, this says what it said)
    if head.pos_ == "PRON":
        return head.lower_ in ("those", "anyone", "everyone", "all", "some", "many", "others", "few")
    return head.pos_ == "NOUN" and head.tag_ == "NNS" and not head.ent_type_


def _what_calls(doc: Doc, a: int, b: int) -> bool:
    """'what he calls the "Washington cartel"': a term someone uses, not something said."""
    sp = doc.char_span(a, b, alignment_mode="expand")
    if sp is None or len(sp) < 3:
        return False
    first = sp[0]
    if first.lower_ not in ("what", "which"):
        return False
    h = first.head
    return sp.start <= h.i < sp.end and h.lemma_.lower() in _words("naming")


def _topic_for(v: Token) -> Optional[Token]:
    """'As for Trump, he said ...': the topic the clause opens with."""
    for c in v.lefts:
        if c.dep_ == "prep" and c.lower_ == "as":
            inner = next((g for g in c.children if g.dep_ == "prep" and g.lower_ == "for"), None)
            pobj = None
            if inner is not None:
                pobj = next((g for g in inner.children if g.dep_ == "pobj"), None)
            if pobj is None:
                nxt = c.doc[c.i + 1] if c.i + 1 < len(c.doc) else None
                if nxt is not None and nxt.lower_ == "for":
                    pobj = next((g for g in nxt.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


MEMBER_WORDS = {"including", "like", "among", "especially", "notably", "such"}


def _apposition_name(doc: Doc, sm: Span):
    """'One of her supporters who still backs him, former Rep. Pat Schroeder, wrote': the
    person (or body: "Canada's broadcast regulator, the CRTC,") named in apposition right after
    the speaker phrase."""
    text = doc_text(doc)
    k = sm.end
    while k < len(text) and text[k] == " ":
        k += 1
    if k >= len(text) or text[k] != ",":
        return None
    for e in doc_ents(doc):
        if e.label_ not in ("PERSON", "ORG") or e.start_char <= k:
            continue
        between = text[k + 1 : e.start_char]
        if (
            len(between.split()) > 4
            or "," in between
            or any(ch in between for ch in ';:"\u201c')
            or re.search(r"\.\s+\S", between)  # (a sentence ends; "former Rep. " does not)
        ):
            return None
        if set(between.lower().split()) & MEMBER_WORDS:
            return None  # ("Several fact checkers, including The Washington Post,": one of them)
        after = text[e.end_char : e.end_char + 2].lstrip()
        if not after.startswith((",", ")")):
            return None
        ent = _ent_of(doc, e.start_char, e.end_char)
        if not _named(ent):
            return None
        if getattr(ent, "type", "") == "PERSON":
            return ent
        # a body in apposition to a description of one body ("Canada's broadcast regulator, the
        # CRTC, has said"; not "Joh Husted, Ohio Secretary of State,", nor "groups such as ...
        # and Bloomberg's super PAC, Independence USA,")
        words = sm.text.lower().split()
        if between.strip().lower() not in ("", "the") or " and " in f" {sm.text} " or "such" in words:
            return None
        return ent if _body(ent) else None
    return None


RELATIVE_WORDS = {"who", "which", "that", "whom"}


def _relative_antecedent(tok: Token) -> Optional[Token]:
    """The noun a relative pronoun speaker stands for: 'Garin, a pollster who advised ...' ->
    "pollster"; 'a Clinton endorser whose district went for her but who suggested ...' (a
    relative clause coordinated with another on the same noun) -> "endorser"."""
    if tok.lower_ not in RELATIVE_WORDS or tok.tag_ not in ("WP", "WDT"):
        return None
    v = tok.head
    for _ in range(4):
        if v.dep_ != "conj" or v.head == v:
            break
        v = v.head
    if v.dep_ != "relcl" and tok.lower_ == "who" and v != tok.head:
        # "said Mayor Lena Ortiz, a party veteran whose district voted early but who warned
        # ...": the parse hung the second relative clause on the cue; its subject is the name
        subj = next((c for c in v.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        return subj if subj is not None and subj.pos_ == "PROPN" else None
    if v.dep_ != "relcl" or v.head.i >= tok.i:
        return None
    # the name right before the clause's relative word ("Eric Kingson, who is running ... and
    # who worked the crowd", the clause hung on "academic named Eric Kingson")
    rel = next((c for c in v.children if c.lower_ in RELATIVE_WORDS and c.tag_ in ("WP", "WDT")), tok)
    k = rel.i - 1
    if k >= 0 and v.doc[k].text == ",":
        k -= 1
    if k >= 0 and v.doc[k].pos_ == "PROPN" and v.doc[k].ent_type_ in ("PERSON", "ORG"):
        return v.doc[k]
    return v.head


def _name_of_phrase(doc: Doc, n: Optional[Token]):
    """The named person or body a noun phrase is, through appositions: the name itself
    ("Geoffrey Garin"), the name a description is in apposition to ("Garin, a Democratic
    pollster"), or the name in apposition to it ("the regulator, the CRTC,")."""
    for _ in range(6):
        if n is None:
            return None
        if n.pos_ == "PROPN" and n.ent_type_ in ("PERSON", "ORG"):
            e = next((x for x in doc_ents(doc) if x.start <= n.i < x.end), None)
            ent = _ent_of(doc, e.start_char, e.end_char) if e is not None else None
            if _named(ent) and (_fits(ent, True) or _fits(ent, False)):
                return ent
            return None
        app = next(
            (c for c in n.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ in ("PERSON", "ORG")),
            None,
        )
        for acl in (c for c in n.children if c.dep_ == "acl" and c.lemma_.lower() in ("name", "call")):
            # "a 70-year-old academic named Eric Kingson"
            app = app or next((g for g in acl.children if g.dep_ == "oprd" and g.pos_ == "PROPN"), None)
        if app is not None:
            n = app
        elif n.dep_ == "appos":
            n = n.head
        elif (
            n.dep_ == "conj"
            and n.tag_ in ("NN", "NNP")  # (not "the party leaders and elected officials who")
            and n.head.tag_ in ("NN", "NNP")
            and n.head.dep_ == "appos"
            and n.head.i < n.i
        ):
            # "Lionel Sosa, a media consultant and an influential Republican who said ..."
            n = n.head
        elif (
            n.dep_ == "pobj"
            and n.head.dep_ == "prep"
            and n.head.head.pos_ == "NOUN"
            and n.ent_type_ in ("GPE", "LOC", "FAC")
        ):
            # "Alan Berger, a gynecologist from Englewood, New Jersey, who said ...": a place is
            # never who said it; the person the place describes
            n = n.head.head
        else:
            return None
    return None


def _one_person_titles(doc: Doc, tok: Token, sm: Span):
    """'lobbyist and GOP strategist Charlie Black': two bare titles of one named person (no
    determiner before the first: "the mayor and Governor Reyes" are two people)."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or any(c.dep_ in ("det", "poss", "nummod") for c in tok.children):
        return None
    conj = [c for c in tok.children if c.dep_ == "conj" and c.i > tok.i]
    if len(conj) != 1 or conj[0].pos_ != "PROPN" or conj[0].ent_type_ != "PERSON":
        return None
    last = conj[0]
    if any(t.dep_ in ("det", "poss") for t in doc[tok.i : last.i]) or "," in doc_text(doc)[sm.start : last.idx]:
        return None
    return _name_of_phrase(doc, last)


def _noun_like(tok: Token) -> bool:
    """Whether a speaker token heads a noun phrase: a pronoun, a name, a noun, a number, a
    named entity, or a quantity word ("Many said"); not a verb, auxiliary or adjective."""
    if tok.pos_ not in ("VERB", "AUX", "ADJ", "ADV", "ADP", "CCONJ", "PART", "INTJ", "PUNCT", "SYM"):
        return True
    if any(c.dep_ in ("det", "poss", "compound", "nummod", "prep", "conj") for c in tok.children):
        # (a phrase the tagger headed with an adjective or verb: "the polling average", "what's
        # left of the establishment", "voters ... going to the polls", "Current and former
        # officials": kept, unnamed)
        return True
    return bool(tok.ent_type_) or tok.lower_ in _words("quantity")


def _other_subject(v: Optional[Token], bad: Optional[Token]) -> Optional[Token]:
    """The cue's one other subject that heads a noun phrase, if the parse gave it two."""
    if v is None:
        return None
    subs = [
        c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and (bad is None or c.i != bad.i) and _noun_like(c)
    ]
    subs = [c for c in subs if c.pos_ in ("PROPN", "NOUN", "PRON") or c.ent_type_]
    return subs[0] if len(subs) == 1 else None


def _name_at_end(doc: Doc, sm: Span):
    """'Sirius XM Vice President for news and talk Dave Gorab': the person whose name ends the
    speaker phrase (a title before the name)."""
    for e in doc_ents(doc):
        if e.label_ == "PERSON" and e.end_char == sm.end and e.start_char > sm.start and _heads_phrase(e):
            ent = _ent_of(doc, e.start_char, e.end_char)
            if _named(ent) and getattr(ent, "type", "") == "PERSON":
                return ent
    return None


def _pet(doc: Doc, ent, memo: Optional[dict] = None) -> bool:
    """Whether the article introduces a named entity as an animal: its name in apposition to an
    animal noun ("his 4-year-old yellow lab, Levi,"). ``memo``: the answer per mention (start,
    end) for this Doc (``refine`` asks again for every record of a person)."""
    memo = {} if memo is None else memo
    return any(_pet_mention(doc, m.start, m.end, memo) for m in ent.mentions)


def _pet_mention(doc: Doc, start: int, end: int, memo: dict) -> bool:
    key = (start, end)
    if key not in memo:
        pets = _words("animal")
        sp = doc.char_span(start, end, alignment_mode="expand")
        before = doc[sp.start - 2] if sp is not None and sp.start >= 2 and doc[sp.start - 1].text == "," else None
        memo[key] = (
            before is not None and before.pos_ == "NOUN" and (before.lemma_.lower() in pets or before.lower_ in pets)
        )
    return memo[key]


def _heads_phrase(e) -> bool:
    """A name that is not inside a prepositional or possessive phrase ("A spokesman for
    candidate Hillary Clinton": the spokesman speaks, not Clinton)."""
    return e.root.dep_ not in ("pobj", "poss") and not any(t.dep_ == "case" for t in e)


def _name_before_cue(doc: Doc, sm: Span, v: Token):
    """(the speaker phrase through the name, the person) when a person's name follows a title
    phrase and ends right before the cue ("... for news and talk Dave Gorab called"), or None."""
    text = doc_text(doc)
    for e in doc_ents(doc):
        if (
            e.label_ != "PERSON"
            or e.start_char < sm.end
            or e.end_char > v.idx
            or text[e.end_char : v.idx].strip()
            or not _heads_phrase(e)
        ):
            continue
        if any(ch in text[sm.start : e.start_char] for ch in ',;:."\u201c\u201d()'):
            return None
        ent = _ent_of(doc, e.start_char, e.end_char)
        if _named(ent) and getattr(ent, "type", "") == "PERSON":
            return Span(sm.start, e.end_char, text[sm.start : e.end_char]), ent
    return None


def _previous_subject(doc: Doc, tok: Token, final, gender: Optional[str] = None, cross: bool = False):
    """The named person who is the subject of the sentence right before a 'he'/'she' speaker
    in the same paragraph: 'Ban Ki-moon condemned ... "...," he told reporters.' Only when the
    pronoun's own sentence names no person before it, the subject opens the sentence before
    (no pronoun ahead of it: "He would like ... the ideas Sanders championed" is no case), and
    the subject acts (the sentence's root is a verb, not a copula: "Sandy Hook wasn't just a
    tragedy"), and the person's gender, as the entities component read it, fits the pronoun (or is unknown for
    a name the tagger calls a person or the article gives a role: not "Sandy Hook"). ``gender``:
    "any" for a person description ("the New York businessman said", round 11), which fits any
    person the tagger calls a person or the article gives a role."""
    s = tok.sent
    if s.start == 0:
        return None
    ps = doc[s.start - 1].sent
    if "\n" in doc_text(doc)[ps.start_char : tok.idx] and not _reports_before(doc, ps, s, tok, any_act=cross):
        return None
    subj = next((c for c in ps.root.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.pos_ == "NOUN":
        # "Her father, Brad, 39, worried that ...": the name in apposition to the subject
        subj = next((c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if subj is None or subj.pos_ != "PROPN" or subj.i > ps.root.i or ps.root.pos_ != "VERB":
        return None
    if subj.tag_ == "NNPS" and "family" not in SPEAKER_RULES_OFF and _family(doc, subj):
        return None  # ("The Clintons left early": a family is no "he", round 13)
    if any(t.lower_ in PRONOUN_WORDS for t in doc[ps.start : subj.i] if t.dep_ != "poss"):
        return None
    ent = _ent_of(doc, subj.left_edge.idx, subj.idx + len(subj.text))
    if ent is None or ent is final or not _named(ent) or not _fits(ent, True):
        return None
    g = entity_gender(doc, ent)
    want = gender or ("m" if tok.lower_ == "he" else "f")
    if want == "any" and g is None and not getattr(ent, "roles", None) and subj.ent_type_ != "PERSON":
        return None  # (a description: a person by gender, the tagger or a role)
    if (
        want != "any"
        and g != want
        and (g is not None or not getattr(ent, "roles", None) and subj.ent_type_ != "PERSON")
    ):
        return None  # (gender unknown: a person by the tagger or by a role, not "Sandy Hook")
    for e in doc._.entities or []:
        if getattr(e, "type", "") == "PERSON" and any(
            s.start_char <= m.start < tok.idx
            and m.end <= tok.idx  # (not the speaker's own phrase: "the Senate minority leader", round 16)
            and m.text.lower() not in PRONOUN_WORDS
            and not _in_quotes(doc_text(doc), m.start)  # (named in the quotation the pronoun says)
            for m in e.mentions
        ):
            return None  # ("Shuster has touted the projects he has helped bring")
    return ent


def _family(doc: Doc, tok: Token) -> bool:
    """Whether a plural name is a family: the plural of the surname of a person the article
    names in full ("the Clintons" after "Hillary Clinton"; not "Melendres", round 13)."""
    low = tok.lower_
    return low.endswith("s") and any(
        getattr(e, "type", "") == "PERSON" and len(e.name.split()) >= 2 and e.name.split()[-1].lower() == low[:-1]
        for e in doc._.entities or []
    )


def _reports_before(doc: Doc, ps, s, tok: Token, any_act: bool = False) -> bool:
    """'Josh Hendler warned that ...' ending a paragraph, then '"...," he wrote' opening the next:
    the pronoun's sentence opens its paragraph with the quotation, and the sentence before
    reports what its subject said (a cue verb with a clause)."""
    start = doc_text(doc).rfind("\n", 0, tok.idx) + 1
    first = ps.start_char
    if "prev-act20" not in SPEAKER_RULES_OFF:
        # (a closing quotation mark and the paragraph break after it, that the parse put at the
        # start of the sentence before, are no second paragraph break: round 20)
        first = next((t.idx for t in ps if not (t.is_punct or t.is_space)), first)
    if doc_text(doc)[first:start].count("\n") > 2:
        return False  # (more than one paragraph break)
    if not doc_text(doc)[start : tok.idx].lstrip().startswith(('"', "\u201c", "''", "``")):
        return False  # (the paragraph does not open with the quotation)
    root = ps.root
    if any_act:
        return True  # (the person the pronoun resolved to is only named in the quotation: round 13)
    if root.lemma_.lower() in cue_lemmas() and root.pos_ == "VERB" and "prev-act20" not in SPEAKER_RULES_OFF:
        # ('David Pepper called the ruling a "huge win."', 'Debbie Kepler remembered the cold
        # winters.': a cue verb with an object, not only a clause, puts its subject up to speak;
        # round 20)
        return True
    return root.lemma_.lower() in cue_lemmas() and any(c.dep_ == "ccomp" for c in root.children)


def _last_quoted_before(people_said: list, start: int, p: int, text: str = ""):
    """The named person of the last speech record that ends before ``start``, in paragraph ``p``
    or the one before; a heading line between them (fewer than six words: "- Country less safe
    -.") is no paragraph that separates them (round 12; ``text``: the article)."""
    for r in reversed(people_said):
        if r["end"] <= start:
            gap = p - r["para"]
            if gap > 1 and text:
                between = text[r["end"] : start].split("\n")[1:-1]
                gap = 1 + sum(1 for line in between if len(line.split()) >= 6)
            return r["ent"] if gap <= 1 else None
    return None


def _named_only_in_quotes(doc: Doc, tok: Token, ent) -> bool:
    """Whether, in the pronoun's paragraph, the person it resolved to is named (not by a
    pronoun) only inside quotation marks, and in the pronoun's own sentence."""
    text = doc_text(doc)
    para = text.rfind("\n", 0, tok.idx) + 1
    named = [m for m in ent.mentions if para <= m.start < tok.idx and m.text.lower() not in PRONOUN_WORDS]
    return (
        bool(named)
        and all(_in_quotes(text, m.start) for m in named)
        and any(m.start >= max(tok.sent.start_char, para) for m in named)
    )


def _subject_before(doc: Doc, text: str, at: int, final):
    """The named person who is the last subject of a clause, outside quotation marks, before
    character ``at`` in its paragraph or the one before; None when that subject is ``final`` or
    is no named person (round 16, ``quoted-description``)."""
    line = text.rfind("\n", 0, at) + 1
    prev = text.rfind("\n", 0, max(0, line - 1))
    while prev > 0 and not text[prev + 1 : line].strip():
        prev = text.rfind("\n", 0, prev)
    sp = doc.char_span(prev + 1, at, alignment_mode="contract")
    if sp is None:
        return None
    for t in reversed(list(sp)):
        if t.dep_ != "nsubj" or t.pos_ != "PROPN" or _in_quotes(text, t.idx):
            continue
        ent = _ent_of(doc, t.left_edge.idx, t.idx + len(t.text))
        if ent is None or ent is final or not _named(ent) or getattr(ent, "type", "") != "PERSON":
            return None
        return ent
    return None


def _quoted_in(text: str, ent, a: int, b: int) -> bool:
    """Whether an entity is named (not by a pronoun) inside quotation marks between ``a`` and ``b``."""
    return any(
        a <= m.start < b and m.text.lower() not in PRONOUN_WORDS and _in_quotes(text, m.start) for m in ent.mentions
    )


def _named_in(ent, a: int, b: int) -> bool:
    """Whether an entity is named (not by a pronoun) between characters ``a`` and ``b``."""
    return any(a <= m.start < b and m.text.lower() not in PRONOUN_WORDS for m in ent.mentions)


def _last_was_quotation(people_said: list, start: int) -> bool:
    """Whether the last speech record with a named person speaker that ends before ``start`` is
    a quotation (not a reported question or a relative clause's report: "Conroy asked Sanders
    whether ...", "rivals who say ...")."""
    return next((r["direct"] for r in reversed(people_said) if r["end"] <= start), False)


def _last_reporter(people_said: list, start: int, p: int):
    """The named person of the last speech record before ``start`` (this paragraph or the one
    before) when it is a report whose speaker and cue come after its content ("..., Jones said.")."""
    r = next((r for r in reversed(people_said) if r["end"] <= start), None)
    if r is None or not r.get("cue_after") or p - r["para"] > 1:
        return None
    return r["ent"]


def _last_end(people_said: list, start: int) -> int:
    """Where the last speech record with a named person speaker that ends before ``start`` ends."""
    return next((r["end"] for r in reversed(people_said) if r["end"] <= start), start)


_OPEN_QUOTE_RE = re.compile(r"(?:[\"\u201c]|''|``)\s*$")
_CLOSE_QUOTE_RE = re.compile(r"\s*[,.!?]?\s*(?:[\"\u201d]|'')")


def _whole_quotation(text: str, sm: Span) -> bool:
    """Whether a speaker mention is all of a quotation ('"Meh," wrote a supporter'): an opening
    quotation mark right before it and a closing one right after (round 13)."""
    return bool(_OPEN_QUOTE_RE.search(text, max(0, sm.start - 3), sm.start) and _CLOSE_QUOTE_RE.match(text, sm.end))


PEOPLE_TYPES = ("PERSON", "OTHER")
BODY_TYPES = ("ORG", "GPE", "NORP")


def _it_fits(doc: Doc, ent) -> bool:
    """Whether "it" may stand for a named speaker: a body, or a name the model typed a person
    that no he/she ever stood for and that has no gender ("Tamil Nadu contended", round 13)."""
    if getattr(ent, "type", "") in BODY_TYPES:
        return True
    return (
        getattr(ent, "type", "") == "PERSON"
        and entity_gender(doc, ent) is None
        and not any(m.text.lower() in ("he", "she", "him", "his", "her", "hers") for m in ent.mentions)
    )


def _nobody_named_since(doc: Doc, text: str, start: int, end: int, types=PEOPLE_TYPES, but=None) -> bool:
    """Whether no person or group (``types``) is named (by a name or a description, not a
    pronoun) outside quotation marks between ``start`` and ``end``, but ``but`` (round 13)."""
    for e in doc._.entities or []:
        if getattr(e, "type", "") not in types or e is but:
            continue
        for m in e.mentions:
            if start <= m.start < end and m.text.lower() not in PRONOUN_WORDS and not _in_quotes(text, m.start):
                return False
    return True


def _only_in_clause_before(doc: Doc, tok: Token, v: Token, ent) -> bool:
    """Whether, in the pronoun's sentence, the person it resolved to is named before it only
    inside a clause or phrase that opens the sentence ("Asked about her vote in the event that
    Clinton faces Trump, she replied"), and not in the sentence or paragraph before."""
    s = tok.sent
    clauses = [
        c
        for c in v.children
        if c.dep_ == "advcl"
        and c.i < tok.i
        and c.tag_ in ("VBN", "VBG")
        and not any(g.dep_ in ("nsubj", "nsubjpass", "mark") for g in c.children)
    ]  # (a clause with no subject of its own: not "While President Obama has cautioned ..., he")
    if not clauses:
        return False
    para = doc_text(doc).rfind("\n", 0, tok.idx) + 1
    start = max(s.start_char, para)  # (a sentence the parse ran over a paragraph break)
    inside = False
    for m in ent.mentions:
        if m.start >= tok.idx or m.text.lower() in PRONOUN_WORDS:
            continue
        if m.start >= start:
            if not any(c.left_edge.idx <= m.start < c.right_edge.idx + len(c.right_edge.text) for c in clauses):
                return False
            inside = True
        elif m.start >= para:
            return False  # (named earlier in the paragraph: may well be the one meant)
    return inside


def _acts(doc: Doc, a: int, b: int) -> bool:
    """Whether a mention is the subject of its clause ("Twitter acknowledged", "Twitter takes
    steps"), not a name inside another phrase ("co-director of the National Security Program")."""
    sp = doc.char_span(a, b, alignment_mode="expand")
    return sp is not None and sp.root.dep_ in ("nsubj", "nsubjpass", "ROOT")


def _other_kind(ent, head: str) -> bool:
    """'The company' is not the "Bank of Japan" nor the "State Department": a body whose name
    says it is another kind of body."""
    lex = lexicon()
    return any(w in lex.orgs and w != head for w in ent.name.lower().split()) or owned_other(ent, head)


def owned_other(ent, head: str) -> bool:
    """A person's own people ("Hillary Clinton's campaign", "Obama's aides": a ``group`` word
    ending the name) are no "company", "agency" or "institute"."""
    words = ent.name.lower().split()
    return len(words) > 1 and words[-1] in _words("group") and words[-1] != head


@lru_cache(maxsize=1)
def _outlets() -> frozenset:
    return frozenset(" ".join(r["name"].lower().split()) for r in table("actors/outlets.tsv", columns=("name",)))


def _body(ent) -> bool:
    """An organisation, or an outlet or platform the small NER model typed as a person ("Twitter")."""
    t = getattr(ent, "type", "")
    return t == "ORG" or t == "PERSON" and " ".join(ent.name.lower().split()) in _outlets()


def _full_name(doc: Doc, sm: Span):
    """'Nefzi said' after "Adel Nefzi" (which the model typed as an organisation, so the surname
    found no person): the one named entity of two or more words ending with that name."""
    words = sm.text.split()
    if len(words) != 1 or not words[0][:1].isupper() or words[0].lower() in PRONOUN_WORDS:
        return None
    w = words[0].rstrip(".,")
    found = [
        e
        for e in doc._.entities or []
        if len(e.name.split()) >= 2 and e.name.split()[-1] == w and e.type in ("PERSON", "ORG", "GPE") and _named(e)
    ]
    return found[0] if len(found) == 1 and " ".join(found[0].name.lower().split()) not in _outlets() else None


def _fits(ent, person: bool) -> bool:
    t = getattr(ent, "type", "")
    if person:
        return t == "PERSON" and not _body(ent)
    return t == "GPE" or _body(ent)


def _description(
    doc: Doc, text: str, sm: Span, tok: Optional[Token], named_said: list, newlines, a: int, more_bodies: bool = False
):
    """The named entity a description speaker stands for, or None. ``more_bodies``: the ``body``
    words of speakers.tsv count as a body's description too (a text's publisher, round 14)."""
    if tok is None:
        return None
    words = sm.text.split()
    if not words or len(words) > 5:
        return None
    first = words[0].lower()
    head = tok.lemma_.lower()
    if tok.tag_ in ("NNS", "NNPS") or tok.lower_ in ("officials", "authorities"):
        return None  # (a group: "the officials", "Democrats")
    title = _title_noun(head) or _title_noun(tok.lower_)
    # "the Republican said" (only the bare word: "the Wisconsin Republican" is someone else)
    party = not title and tok.lower_ in _words("party") and len(words) == 2
    # "the Florida Republican said": a party word with words before it stands only for the
    # named subject of the sentence before (round 15, ``description-subject``)
    party_mod = (
        not title
        and tok.lower_ in _words("party")
        and len(words) > 2
        and "description-subject" not in SPEAKER_RULES_OFF
    )
    generic = not title and (head in _words("person") or tok.lower_ in _words("person") or party)
    # "Lori Bern held up a sign. The 57-year-old scientist says ...": a phrase that gives a
    # person's age stands for a person, whatever its noun (round 17, ``age-description``)
    aged = (
        not title
        and "age-description" not in SPEAKER_RULES_OFF
        and any(_AGE_RE.fullmatch(w) for w in words[1:])
        and tok.tag_ not in ("NNPS",)
    )
    person = title or generic or party_mod or aged
    newer = more_bodies and (head in _words("body") or tok.lower_ in _words("body"))
    org = not person and (head in _words("org") or tok.lower_ in _words("org") or newer)
    if not (person or org) or tok.pos_ == "PROPN" and not words[0][:1].isupper() and not (party or party_mod):
        return None  # (not "the Senate": a name of its own)
    # definite ("the company", "this businessman") or a bare capitalised title in a headline
    # ("Senator from Texas says ...")
    line = text.rfind("\n", 0, sm.start) + 1
    headline = (
        (tok.i == tok.sent.start or not text[line : sm.start].strip())
        and tok.idx == sm.start  # (the title opens the phrase: not "A lawmaker in the Philippines")
        and words[0][:1].isupper()
        and person
    )
    if first not in ("the", "this", "that") and not headline:
        return None
    if org and any(
        t.ent_type_ in ("PERSON", "ORG") and t.pos_ == "PROPN" for t in tok.subtree if t.i != tok.i and t.i < tok.i
    ):
        return None  # (names a body of its own: "the Interfax agency"; not "the Supreme Court justice")
    if _NAME_FOLLOWS_RE.match(text, sm.end) and not (
        _QUOTATION_FOLLOWS_RE.match(text, sm.end) and "quotation-follows" not in SPEAKER_RULES_OFF
    ):
        # (a description followed by its own name: 'the newspaper "Lidove noviny"'; not by a
        # comma and the quotation it introduces: 'According to the newspaper, "Gun laws ..."',
        # round 15)
        return None
    p = bisect_right(newlines, a)
    # (an entity already resolved at the mention and dropped by the quote rules, the asker of a
    # question or the person spoken of, is not brought back)
    ents = [e for e in doc._.entities or [] if not any(m.start < sm.end and sm.start < m.end for m in e.mentions)]
    if party or party_mod:
        # "the Republican": not someone the article gives another party ("Democratic Sen. ...")
        other = _words("party") - {tok.lower_}
        ents = [
            e
            for e in ents
            if not any(
                w.strip(".,") in other or w.startswith(tuple(o[:8] for o in other))
                for r in e.roles
                for w in r.lower().split()
            )
        ]
    if party_mod or aged:
        # "Mr. Ruiz declined to comment. Asked again, the Ohio Republican would only say ...":
        # the person who was last the subject of a clause before it, in this or the paragraph
        # before, outside quotation marks, when the article gives that person no other party
        # (round 15); "The 57-year-old scientist says" likewise (round 17)
        return _last_named_person(doc, text, sm.start, ents, p, newlines)
    if person:
        # the one named person the article gives this role ("Sen. Ted Cruz" for "Senator")
        holders = [
            e
            for e in ents
            if e.type == "PERSON"
            and _named(e)
            and any(_holds(r, head) for r in e.roles)
            and head not in e.name.lower().split()  # (a name that is a description: "no Libertarian candidate")
        ]
        if len(holders) > 1:
            before = [e for e in holders if any(m.start < sm.start for m in e.mentions)]
            holders = before if len(before) == 1 else holders
        if len(holders) == 1:
            return holders[0]
        if title and not (headline and len(words) == 1):
            # (an office title stands only for someone the article gives it; a bare title opening
            # a headline line, "Justice vows ...", may stand for the article's main person)
            return None
        if title and line > 0:
            # "Ginsburg apologizes for Trump comments;" then "Justice vows ...": the person the
            # headline line just before is about (its named subject)
            above = _line_subject(doc, text, text.rfind("\n", 0, line - 1) + 1, line)
            if above is not None:
                return above
    if org:
        # the named body just quoted (up to DESC_PARAS paragraphs back), else the one named last
        # in this or the two paragraphs before; for round 14's words ("the group"), only a body
        # that acted, never an outlet (the one just quoted is often the outlet that reported it)
        for ent, q_para, question in [] if newer else reversed(named_said):
            if p - q_para > DESC_PARAS:
                break
            if _fits(ent, False) and any(ent is e for e in ents) and not _other_kind(ent, head):
                return None if question else ent
        best, best_pos = None, -1
        for e in ents:
            if not _body(e) or not _named(e) or _other_kind(e, head):
                continue
            if newer and " ".join(e.name.lower().split()) in _outlets():
                continue
            for m in e.mentions:
                if (
                    m.end <= sm.start
                    and m.start > best_pos
                    and bisect_right(newlines, m.start) >= p - 2
                    and _acts(doc, m.start, m.end)
                ):
                    best, best_pos = e, m.start
        return best
    # a person description ("the businessman"): the article's main person, named before it
    # (the named person with the most mentions, at least twice as many as any other)
    counts = sorted(
        (
            (sum(1 for m in e.mentions if m.text.lower() not in PRONOUN_WORDS), e)
            for e in ents
            if e.type == "PERSON" and _named(e) and any(m.end <= sm.start for m in e.mentions)
        ),
        key=lambda x: -x[0],
    )
    if counts and (len(counts) == 1 or counts[0][0] >= 2 * counts[1][0]) and counts[0][0] >= 2:
        return counts[0][1]
    if generic and not party:
        # 'Trump ... cited problems in the Middle East. "We need change," the New York businessman
        # said': the named person who is the subject of the sentence right before (round 11)
        return _previous_subject(doc, tok, None, gender="any")
    return None


def _main_subject(doc: Doc, a: int, b: int) -> bool:
    """Whether a mention is the subject of its sentence's main verb ("Ryan says no matter what
    Obama does ...": Ryan, not Obama)."""
    sp = doc.char_span(a, b, alignment_mode="expand")
    return sp is not None and sp.root.dep_ in ("nsubj", "nsubjpass") and sp.root.head.dep_ == "ROOT"


def _last_named_person(doc: Doc, text: str, pos: int, ents: list, p: int, newlines: list[int]):
    """The person of ``ents`` named last before ``pos`` as the subject of a main clause (by a name,
    not a pronoun, outside quotation marks), in the same or the previous paragraph; None when
    there is none."""
    best, best_pos = None, -1
    for e in ents:
        if e.type != "PERSON" or not _named(e):
            continue
        for m in e.mentions:
            if (
                best_pos < m.start
                and m.end <= pos
                and m.text.lower() not in PRONOUN_WORDS
                and bisect_right(newlines, m.start) >= p - 1
                and not _in_quotes(text, m.start)
                and _main_subject(doc, m.start, m.end)
            ):
                best, best_pos = e, m.start
    return best


def _line_subject(doc: Doc, text: str, a: int, b: int):
    """The named person who is the subject of the line ``text[a:b]`` (a headline), or None."""
    if not text[a:b].strip() or b - a > 200:
        return None
    sp = doc.char_span(a, b, alignment_mode="contract")
    if sp is None:
        return None
    subj = next(  # (a headline's name the tagger may call a common noun: "Ginsburg apologizes")
        (t for t in sp if t.dep_ == "nsubj" and t.pos_ in ("PROPN", "NOUN") and t.text[:1].isupper()), None
    )
    if subj is None:
        return None
    ent = _ent_of(doc, subj.left_edge.idx, subj.idx + len(subj.text))
    return ent if _named(ent) and _fits(ent, True) else None


def _named_next(doc: Doc, sm: Span, tok: Token):
    """'A retired electrician says the spark is still there. Barry Smith, 80, and his wife ...':
    a person described with an indefinite article at the start of a paragraph, named as the
    subject opening the next sentence, where the article names that person first. Round 15
    (``lede-description``): also a definite description opening the article's lede, its first
    long paragraph ('The Romanian hacker who first revealed ... was sentenced Thursday. Ion
    Radu, 44, ...'), and a relative speaker ('who') stands for the noun it hangs on."""
    words = sm.text.split()
    if tok.lower_ in RELATIVE_WORDS and "lede-description" not in SPEAKER_RULES_OFF:
        ante = _relative_antecedent(tok)
        if ante is not None:
            tok, sm = ante, _span_of(doc, ante.left_edge, ante)
            words = sm.text.split()
    definite = bool(words) and words[0].lower() == "the" and "lede-description" not in SPEAKER_RULES_OFF
    if not words or words[0].lower() not in ("a", "an") and not definite or tok.pos_ != "NOUN" or tok.tag_ != "NN":
        return None
    if definite and not _in_lede(doc_text(doc), sm.start):
        return None
    low = tok.lemma_.lower()
    if _title_noun(low) or _org_noun(low) or low in _words("org") or low in _words("document") or tok.ent_type_:
        return None  # (a spokesman, a report, a company: not someone the next sentence names)
    s = tok.sent
    if sm.start != s.start_char or (s.start > 0 and "\n" not in doc_text(doc)[doc[s.start - 1].idx : s.start_char]):
        return None  # (the sentence must open a paragraph: a lede)
    if definite:
        return _lede_named(doc, sm)
    if s.end >= len(doc):
        return None
    nxt = doc[s.end].sent
    e = next((x for x in doc_ents(doc) if x.start == nxt.start and x.label_ == "PERSON"), None)
    if e is None or "\n" in doc_text(doc)[s.end_char : nxt.start_char] or e.root.dep_ not in ("nsubj", "nsubjpass"):
        return None
    ent = _ent_of(doc, e.start_char, e.end_char)
    if not _named(ent) or not _fits(ent, True) or any(m.start < e.start_char for m in ent.mentions):
        return None
    return ent


LEDE_WORDS = 15  # a paragraph of fewer words before the lede is a title, a subtitle or a dateline


def _lede_named(doc: Doc, sm: Span):
    """The person a description opening the lede stands for: the first person whose name opens a
    sentence after it, in the lede or the paragraph after, where the article names that person
    first (the name, not the parse's sentence split: 'in Alexandria, Va. Ion Radu, 44, ...')."""
    text = doc_text(doc)
    end = text.find("\n", sm.end)  # (the lede's end, then the next paragraph's)
    if end >= 0:
        nxt = len(text) - len(text[end:].lstrip())
        end = text.find("\n", nxt)
    end = len(text) if end < 0 else end
    for e in doc_ents(doc):
        if e.start_char < sm.end or e.label_ != "PERSON":
            continue
        if e.start_char > end:
            break
        k = e.start
        while k > 0 and doc[k - 1].tag_ == "NNP" and doc[k - 1].text[:1].isupper() and e.start - k < 2:
            k -= 1  # (a first name the model left out of the name)
        start = doc[k].idx
        before = text[:start].rstrip(" ")
        if before and not before.endswith((".", "\n")):
            continue  # (a name inside the sentence, "that Hillary Clinton used ...": spoken of)
        ent = _ent_of(doc, e.start_char, e.end_char)
        if not _named(ent) or not _fits(ent, True) or any(m.start < start for m in ent.mentions):
            return None
        return ent
    return None


def _in_lede(text: str, pos: int) -> bool:
    """Whether ``pos`` lies in the article's lede: the first paragraph of LEDE_WORDS words or more."""
    a = 0
    while True:
        b = text.find("\n", a)
        b = len(text) if b < 0 else b
        if len(text[a:b].split()) >= LEDE_WORDS:
            return a <= pos <= b
        if b >= pos or b >= len(text):
            return False
        a = b + 1


_ACRONYM_SKIP = {"of", "the", "and", "for", "on", "in", "&"}


def _acronym_body(doc: Doc, tok: Token, sm: Span):
    """'the IRENA said' after 'the International Renewable Energy Agency (IRENA)': the named body an
    acronym a definite article left unnamed stands for, the one named right before the acronym in
    brackets, else the one body named by it or by its initials (round 17, ``the-acronym``); None
    otherwise."""
    words = sm.text.split()
    if len(words) != 2 or words[0].lower() != "the" or not (tok.text.isupper() and 2 <= len(tok.text) <= 8):
        return None
    if words[1] != tok.text:
        return None
    bodies = [e for e in doc._.entities or [] if _named(e) and getattr(e, "type", "") in ("ORG", "GPE", "NORP")]
    text = doc_text(doc)
    k = text.find(f"({tok.text})", 0, sm.start)
    if k > 0:
        # "the International Renewable Energy Agency (IRENA)": the body named right before it
        before = [e for e in bodies if any(0 <= k - m.end <= 1 for m in e.mentions)]
        if len(before) == 1:
            return before[0]
    found = {
        id(e): e
        for e in bodies
        if e.name == tok.text
        or "".join(w[0] for w in e.name.replace("-", " ").split() if w.lower() not in _ACRONYM_SKIP).upper() == tok.text
    }
    return next(iter(found.values())) if len(found) == 1 else None


def stands_for(
    doc: Doc, tok: Token, sm: Span, newlines: list[int], named_said: Optional[list] = None, a=None, speaker=False
):
    """The named entity a mention the entities component left unnamed stands for: a name in
    apposition after it, the full name of a bare surname, a name closing the phrase, else the
    named person or body a description or title gives ("the Senator" -> the one the article
    calls Sen. Ted Cruz; "the company" -> the body just quoted or named); None when none.
    ``tok`` is the mention's head, ``sm`` its words, ``newlines`` the article's paragraph
    breaks, ``named_said`` the named speakers read so far (``refine``'s memory; empty for a
    mention that is no speaker). One mechanism for quote speakers (``refine``) and event actors
    (``extractors/events/actors.py``)."""
    # (the subject of a passive is not named by apposition as a speaker: "the Philippines'
    # president, Rodrigo Duterte, has been called the Trump of the East"; ``speaker``: refine's call)
    passive = speaker and tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() not in ("quote", "cite")
    found = (
        _name_of_phrase(doc, _relative_antecedent(tok))
        or (None if passive else _apposition_name(doc, sm))
        or _full_name(doc, sm)
        or _name_at_end(doc, sm)
    )
    if found is not None:
        return found
    if "the-acronym" not in SPEAKER_RULES_OFF and (body := _acronym_body(doc, tok, sm)) is not None:
        return body
    return _description(
        doc, doc_text(doc), sm, tok, named_said or [], newlines, sm.start if a is None else a
    ) or _named_next(doc, sm, tok)


def antecedent(doc: Doc, tok: Token):
    """The named person a 'he'/'she' stands for when the sentence before, in the same
    paragraph, opens with that person as the subject of an act (``_previous_subject``); None
    otherwise. Shared with the event coder."""
    if tok.lower_ not in ("he", "she"):
        return None
    return _previous_subject(doc, tok, None)


def _coordination(doc: Doc, tok: Token, sm: Span) -> Optional[Span]:
    """'Cruz and his aides': the speaker phrase with the actors coordinated with it (a name, a
    pronoun, or a described group: "his aides", "the party", "officials")."""
    conj = [c for c in tok.children if c.dep_ == "conj" and c.i > tok.i]
    if not conj or not any(c.dep_ == "cc" and c.lower_ == "and" for c in tok.children):
        return None
    last = conj[-1]
    if not (
        last.pos_ in ("PROPN", "PRON")
        or last.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or last.pos_ == "NOUN"
        and (last.tag_ == "NNS" or any(c.dep_ in ("det", "poss") for c in last.children))
    ):
        return None
    text = doc_text(doc)
    gap = text[sm.end : last.left_edge.idx]
    if not re.fullmatch(r"\s*(?:,\s*)?and\s+", gap):
        return None  # (only "X and Y", not "X, a senior director ..., and a Republican")
    right = last
    for c in last.rights:
        if c.dep_ in ("compound", "flat"):
            right = c.right_edge
    return Span(sm.start, right.idx + len(right.text), text[sm.start : right.idx + len(right.text)])


def _entourage(doc: Doc, tok: Token, whole: Span) -> bool:
    """Whether the one conjunct after speaker ``tok`` is a group of its own people: "She and her
    aides", "Cruz and his advisers" (a ``group`` word of speakers.tsv with a possessive pronoun of
    the person's number)."""
    conj = [c for c in tok.children if c.dep_ == "conj" and c.i > tok.i]
    if len(conj) != 1 or conj[0].lemma_.lower() not in _words("group") and conj[0].lower_ not in _words("group"):
        return False
    poss = [c for c in conj[0].children if c.dep_ == "poss"]
    return len(poss) == 1 and poss[0].lower_ in ("his", "her") and conj[0].right_edge.idx < whole.end


def _owner_not_group(doc: Doc, tok: Token, final) -> tuple[bool, object]:
    """'her campaign's leadership, who ... criticized Sanders', 'Trump's aides said': people around
    or within a named actor (a ``group`` word of speakers.tsv heading the phrase, the actor its
    possessor) are not that actor. Returns (True, the body between them when the article has one:
    "her campaign" -> "Hillary Clinton's campaign") when the phrase's possessor is ``final``."""
    head = _relative_antecedent(tok) if tok.lower_ in RELATIVE_WORDS else tok
    if head is None or head.pos_ != "NOUN" or head.lower_ not in _words("group"):
        return False, None
    before = [t for t in doc[head.left_edge.i : head.i]]
    for p in (t for t in before if t.dep_ == "poss"):
        if _ent_of(doc, p.left_edge.idx, p.idx + len(p.text)) is not final:
            continue
        # the body the group belongs to: "her campaign" ('s), when the article has it as an actor
        body = None
        for m in before:
            if m.pos_ == "NOUN" and m.lower_ in _words("group") and m.i > p.i:
                e = _ent_of(doc, p.left_edge.idx, m.idx + len(m.text))
                if e is None or e is final:  # (the span read inside a longer phrase: the owned body by name)
                    own = f"{final.name}'s {m.lower_}".lower()
                    e = next((x for x in doc._.entities or [] if x.name.lower() == own), None)
                if e is not None and e is not final and _named(e):
                    body = e
        return True, body
    # "supporters of Hillary Clinton wondered": the people around her, not her (round 12); "Aides
    # to Clinton", "lawyers for Trump" likewise (round 17, ``group-prep``)
    preps = ("of",) if "group-prep" in SPEAKER_RULES_OFF else ("of", "to", "for")
    for pr in (c for c in head.children if c.dep_ == "prep" and c.lower_ in preps):
        obj = next((g for g in pr.children if g.dep_ == "pobj"), None)
        if obj is not None and _ent_of(doc, obj.left_edge.idx, obj.idx + len(obj.text)) is final:
            own = f"{final.name}'s {head.lower_}".lower()  # ("the campaign of ... Hillary Clinton")
            body = next((x for x in doc._.entities or [] if x.name.lower() == own and _named(x)), None)
            if body is None and head.tag_ != "NNS":
                return False, None  # (her campaign, with no actor of its own, stays hers)
            return True, body
    return False, None


SOURCE_WORDS = {"source", "sources", "insider", "insiders"}  # a source named by whom it is close to


def _source_of(doc: Doc, tok: Token, final) -> bool:
    """'A Trump campaign source told NBC': whether the phrase is headed by a source word and
    ``final`` is named only in the words before that head (round 15, ``source-modifier``)."""
    if tok.pos_ != "NOUN" or tok.lower_ not in SOURCE_WORDS:
        return False
    return any(
        t.pos_ == "PROPN" and _ent_of(doc, t.idx, t.idx + len(t.text)) is final for t in doc[tok.left_edge.i : tok.i]
    )


PLACE_PREPS = {"on": False, "at": False, "from": True, "in": True}  # (True: only for a place's name)


def _named_in_place_phrase(doc: Doc, tok: Token, sm: Span, ent) -> bool:
    """Whether ``ent`` is named in the speaker phrase only inside a phrase that says where the
    speakers are (``on``, ``at``; ``from`` and ``in`` with a place's name) hanging on a head
    that is no name and no office, body or text word ("some on Twitter", "a woman at one of
    Trump's rallies", "the chairs from Jefferson and Arapahoe"; not "data from the Department
    of Education", "many in the party", "a spokesman at the ministry")."""
    if tok.pos_ not in ("NOUN", "PRON", "DET", "NUM", "ADJ") or tok.ent_type_:
        return False
    low = tok.lemma_.lower()
    if _org_noun(low) or low in _words("org") or low in _words("document"):
        return False
    inside = [m for m in ent.mentions if sm.start <= m.start and m.end <= sm.end]
    if not inside:
        return False
    place = getattr(ent, "type", "") == "GPE"
    # (an office keeps its body; only where its holders come from is no speaker: "the chairs
    # from Jefferson and Arapahoe", "a senator from Texas")
    title = _title_noun(low)
    preps = [
        c
        for c in tok.children
        if c.dep_ == "prep"
        and c.lower_ in PLACE_PREPS
        and (place or not PLACE_PREPS[c.lower_])
        and (not title or place and c.lower_ == "from")
    ]
    spans = [(c.idx, c.right_edge.idx + len(c.right_edge.text)) for c in preps]
    return all(any(a <= m.start and m.end <= b for a, b in spans) for m in inside)


def _spoken_of_before(prev, ent) -> bool:
    """Whether ``ent`` is named in the previous statement's content, not as its speaker."""
    pa, pb = prev["content"]
    return any(pa <= m.start and m.end <= pb for m in ent.mentions)


def _sender(v: Token) -> Optional[Token]:
    """'his campaign sent a text message to supporters saying: "..."' (the parser hangs
    ``saying`` on the recipients): the sender of the text, the subject of the verb whose ``to``
    phrase the cue describes, when that verb has a text as its object (``document`` in
    speakers.tsv, round 10)."""
    if v.dep_ != "acl" or v.tag_ != "VBG":
        return None
    rec = v.head
    prep = rec.head if rec.dep_ == "pobj" else None
    if prep is None or prep.lower_ != "to" or prep.dep_ not in ("dative", "prep"):
        return None
    verb = prep.head
    if verb.pos_ != "VERB" or not any(
        ch.dep_ == "dobj" and ch.lemma_.lower() in _words("document") for ch in verb.children
    ):
        return None
    subj = next((ch for ch in verb.children if ch.dep_ == "nsubj"), None)
    return subj if subj is not None and subj.pos_ in ("NOUN", "PROPN") else None


# ---------------------------------------------------------------- round 14
QUESTION_CUES = {"ask"}  # a cue whose passive subject is who was asked, not who asked (round 14)
_WH_TAGS = ("WDT", "WP", "WP$", "WRB")


def _passive_cue(v: Token) -> bool:
    """Whether a cue verb is passive: 'he was asked', 'when asked to leave', 'Asked whether ...'
    (a past participle with no subject and no auxiliary of its own)."""
    if any(ch.dep_ in ("auxpass", "nsubjpass") for ch in v.children):
        return True
    return (
        v.tag_ == "VBN"
        and v.dep_ in ("advcl", "acl", "ROOT", "conj")
        and not any(ch.dep_ in ("nsubj", "aux", "expl") for ch in v.children)
    )


def _asked_content(v: Token, a: int, b: int) -> bool:
    """Whether what a record of ``ask`` says is the question or the request itself: a clause
    opened by if/whether/a wh- word, or an infinitive ('asked to leave'), inside [a, b)."""
    for ch in v.children:
        if not (a <= ch.idx < b):
            continue
        if ch.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in ch.children):
            return True
        if ch.dep_ == "ccomp":
            first = ch.left_edge
            if first.lower_ in ("if", "whether") or first.tag_ in _WH_TAGS:
                return True
    return False


def _xcomp_in(v: Token, a: int, b: int) -> bool:
    """Whether the verb's infinitive lies in [a, b) ('were asked to pick the loser': round 10's
    rule, no speaker and no statement, reads those)."""
    return any(ch.dep_ == "xcomp" and a <= ch.idx < b for ch in v.children)


def asked_not_asker(v: Optional[Token], a: int, b: int) -> bool:
    """'when he was first asked if he would support Trump', 'when asked to leave, he refused':
    who was asked a question or asked to act did not ask it; the asker is the agent ('asked by
    a reporter') or no one named (round 14, ``asked-passive``)."""
    return (
        v is not None
        and "asked-passive" not in SPEAKER_RULES_OFF
        and v.lemma_.lower() in QUESTION_CUES
        and _passive_cue(v)
        and _asked_content(v, a, b)
    )


def _asker_of_opening(doc: Doc, tok: Token, ent) -> bool:
    """Whether ``ent`` is the agent of a participle that opens the pronoun's sentence ('Asked by
    Matt Lauer whether she had practiced, she said'): the one who asked is not the one who
    answers (round 14, ``asker``)."""
    if ent is None or "asker" in SPEAKER_RULES_OFF:
        return False
    for t in doc[tok.sent.start : tok.i]:
        if t.tag_ != "VBN" or t.dep_ != "advcl":
            continue
        for ag in t.children:
            if ag.dep_ != "agent":
                continue
            for ob in ag.children:
                if ob.dep_ == "pobj" and _ent_of(doc, ob.idx, ob.idx + len(ob.text)) is ent:
                    return True
    return False


def _possessor_of_subject(doc: Doc, tok: Token, v: Token):
    """For a he/she subject of a cue in a clause that hangs on the sentence's main verb ('when he
    told Fox News'), the named person who is the possessor in that verb's subject ('One of Trump's
    earlier jeremiads came in February'), when the gender fits and no other person is named in
    the sentence before the pronoun (round 14, ``possessor-subject``)."""
    if "possessor-subject" in SPEAKER_RULES_OFF or tok.head.i != v.i or tok.dep_ != "nsubj":
        return None
    root = v.head if v.dep_ == "advcl" else None
    if root is None or root.dep_ != "ROOT" or root.i > v.i:
        return None
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ not in ("NOUN", "PRON", "NUM"):
        return None  # (the subject is itself no name: "One of Trump's ...", "His remarks ...")
    poss = [t for t in subj.subtree if t.dep_ == "poss" and t.pos_ == "PROPN"]
    if len(poss) != 1:
        return None
    owner = _ent_of(doc, poss[0].left_edge.idx, poss[0].idx + len(poss[0].text))
    if owner is None or not _named(owner) or getattr(owner, "type", "") != "PERSON":
        return None
    if entity_gender(doc, owner) not in (None, "m" if tok.lower_ == "he" else "f"):
        return None
    text = doc_text(doc)
    for e in doc._.entities or []:
        if e is owner or getattr(e, "type", "") != "PERSON":
            continue
        if any(
            tok.sent.start_char <= m.start < tok.idx
            and m.text.lower() not in PRONOUN_WORDS
            and not _in_quotes(text, m.start)
            for m in e.mentions
        ):
            return None
    return owner


def _gender_clash(doc: Doc, tok: Token, ent) -> bool:
    """Whether a he/she speaker was given a person whose gender is known and is the other one
    (round 14, ``gender-clash``)."""
    if ent is None or tok.lower_ not in ("he", "she") or "gender-clash" in SPEAKER_RULES_OFF:
        return False
    if getattr(ent, "type", "") != "PERSON":
        return False
    g = entity_gender(doc, ent)
    if g is None or g == ("m" if tok.lower_ == "he" else "f"):
        return False
    # (only a gender a first name or an honorific gives: a title's, "spokesman Hope Hicks", is not
    # trusted here)
    words = ent.name.lower().replace(".", "").split()
    if words and len(words) >= 2 and lexicon().first_names.get(words[0]) == g:
        return True
    honorific = {"m": ("mr.", "mr "), "f": ("mrs.", "ms.", "mrs ", "ms ")}[g]
    return any(m.text.lower().startswith(honorific) for m in ent.mentions)


def _body_described(doc: Doc, tok: Token, newlines: list[int]):
    """The named body a definite description of a body ('The group', org words of speakers.tsv)
    stands for, as for a speaker phrase (``_description``), or None (round 14, for a text's
    publisher in speaker_choice)."""
    if tok.pos_ != "NOUN":
        return None
    sm = _span_of(doc, tok.left_edge, tok)
    e = _description(doc, doc_text(doc), sm, tok, [], newlines, sm.start, more_bodies=True)
    return e if e is not None and _body(e) and _named(e) else None


def _continued_from(kept: list, k: int, newlines: list[int], p: int) -> Optional[int]:
    """For a quotation that goes on (``direct:continued``) and was given the cue of a report made
    in the same sentence after the quotation before it ('"...," Trump said, two hours after news
    outlets declared him the victor. "You are going to be so happy."'; '"...," said Gov. Phil
    Bryant, a former backer of Sen. Ted Cruz, who has since called on ...'): the index of that
    quotation's record, whose speaker goes on (round 14, ``continued-quotation``)."""
    if "continued-quotation" in SPEAKER_RULES_OFF:
        return None
    a, _, c, kind, rule = kept[k][:5]
    v = c.cue_tok
    if rule != "direct:continued" or v is None:
        return None
    for j in range(k - 1, -1, -1):
        aj, bj, cj, kj = kept[j][:4]
        if bj > a:
            continue
        if bisect_right(newlines, aj) != p:
            return None
        if kj != "direct" or cj is c:
            continue  # (an earlier part given the same cue: look further back)
        vj = cj.cue_tok
        if vj is None or vj.sent != v.sent or vj.i >= v.i or bj > v.idx or cj.cue_type != "speech":
            return None
        return j
    return None


def refine(doc: Doc, text: str, newlines: list[int], kept: list, has_name=None) -> list[tuple]:
    """``(entity, speaker mention, statement, why)`` for each record of ``kept`` (the quote
    component's ``(a, b, cand, kind, rule, mention, entity, class)`` rows); ``has_name``: the
    quote component's test of a named entity."""
    if has_name is not None:
        _HAS_NAME[0] = has_name
    out: list[tuple] = []
    pet_memo: dict = {}  # (start, end) of a mention -> whether it names a pet (_pet)
    named_said: list = []  # (entity, paragraph) of speech records with a named speaker, in order
    prev = None  # the last speech record with a named person speaker: {"ent", "content", "para", "end"}
    people_said: list = []  # every such record, in order
    last_speech = None  # (entity given by the quote component, entity given here, paragraph) of the last speech record
    last_direct = None  # (named speaker, end, paragraph) when the last speech record is a quotation with one
    last_body = None  # (named body, end, paragraph) of the last speech record with a named body speaker (round 13)
    last_doc = None  # (speaker, mention, paragraph) of the last speech record when a text said it (round 15)
    dls = None  # the article's datelines, read when a speaker needs them (round 16)
    last_unnamed = None  # (mention, paragraph, start) of the last speech record when it names no one (round 16)
    for a, b, c, kind, rule, sm, ent, cls in kept:
        statement = True
        why, chosen = "", None  # how a round 12 choice named the speaker (appended to the record's rule)
        after_quotation = False  # named by the name between the quotation and its cue (round 15)
        group_of = False  # no name to look for in the phrase: people around the person it names, a name in a relative clause (round 17)
        tok = c.speaker_tok
        v = c.cue_tok
        p = bisect_right(newlines, a)
        final = ent if ent is not None and cls.endswith("+") else None
        if (
            sm is not None
            and tok is not None
            and "opening-name" not in SPEAKER_RULES_OFF
            and _in_dateline(tok.idx, dls := dls if dls is not None else datelines(text))
        ):
            # "WASHINGTON -- President Obama, dedicating the museum, said": the dateline's place
            # the parse made the subject is no speaker (the name after it is: opening-name, round 16)
            sm, tok, final = None, None, None
        if (
            sm is not None
            and tok is not None
            and final is None
            and tok.tag_ == "NNS"
            and tok.lemma_.lower() in cue_lemmas()
            and tok.lower_.endswith("s")
            and tok.lemma_.lower() not in _words("document")
            and tok.i + 1 < len(doc)
            and doc[tok.i + 1].tag_ == "MD"  # (the clause's own verb follows: "predicts will continue")
            and tok.i > 0
            and doc[tok.i - 1].dep_ == "compound"
            and doc[tok.i - 1].head == tok
            and doc[tok.i - 1].pos_ == "NOUN"
        ):
            # "a trend that the foundation predicts will continue": a cue verb the tagger made a
            # noun heads no speaker phrase; the noun before it is the speaker's (round 12)
            tok = doc[tok.i - 1]
            sm = Span(sm.start, tok.idx + len(tok.text), text[sm.start : tok.idx + len(tok.text)])
        if sm is not None and tok is not None:
            # a clitic taken for the subject: "While he's said ..." -> "he"
            if tok.text in CLITICS or sm.text.strip() in CLITICS:
                host = doc[tok.i - 1] if tok.i > 0 else None
                if host is not None and host.pos_ in ("PRON", "PROPN"):
                    sm = _span_of(doc, host, host)
                    final = _ent_of(doc, sm.start, sm.end)
                    final = final if _named(final) else None
                else:
                    sm, final = None, None
                tok = host
            # an expletive is no speaker: "It's common for news accounts to portray ..."
            elif tok is not None and (
                tok.dep_ == "expl"
                or tok.lower_ in EXPLETIVES
                and rule.endswith(":inherited")
                and tok.head.lemma_ in ("be", "seem", "appear", "become")
            ):
                sm, final, statement = None, None, False
            elif (
                tok.lower_ == "it"
                and v is not None
                and tok.dep_ == "nsubjpass"
                and tok.head.i == v.i
                and "it-passive18" not in SPEAKER_RULES_OFF
                and not any(ch.dep_ == "agent" for ch in v.children)
                and any(ch.dep_ == "ccomp" for ch in v.children)
            ):
                # "It was reported on Monday that the mayor would resign", "when it was revealed that
                # he bankrolled ...": the "it" of a passive cue stands for its that-clause, no one
                # said it in the sentence (round 18)
                sm, final = None, None
            elif tok.lower_ in ("he", "she", "they") and v is not None:
                topic = _topic_for(v)
                if topic is not None:
                    # "As for Trump, he said he's not worried"
                    t_ent = _ent_of(doc, topic.idx, topic.idx + len(topic.text))
                    if _named(t_ent) and (getattr(t_ent, "type", "") == "PERSON") == (tok.lower_ != "they"):
                        final = t_ent
                elif (
                    final is not None
                    and prev is not None
                    and prev["ent"] is not final
                    and p - prev["para"] <= 0
                    and tok.lower_ != "they"
                    and getattr(final, "type", "") == "PERSON"
                    and _spoken_of_before(prev, final)
                    and entity_gender(doc, prev["ent"]) in (None, "m" if tok.lower_ == "he" else "f")
                    and not any(
                        prev["end"] <= m.start < a and m.start < sm.start
                        for m in final.mentions
                        if m.text.lower() not in ("he", "she", "him", "her", "his")
                    )
                    and v.lemma_
                    in (
                        "say",
                        "add",
                        "tell",
                        "argue",
                        "note",
                        "insist",
                        "warn",
                        "explain",
                        "contend",
                        "suggest",
                        "predict",
                        "acknowledge",
                        "claim",
                        "write",
                    )
                ):
                    # "Khalif said Trump is ... But he said ...": the one spoken of is not the speaker
                    final = prev["ent"]
                elif (
                    final is not None
                    and tok.lower_ in ("he", "she")
                    and (before := _last_quoted_before(people_said, tok.sent.start_char, p, text)) is not None
                    and before is not final
                    and _only_in_clause_before(doc, tok, v, final)
                    and entity_gender(doc, before) in (None, "m" if tok.lower_ == "he" else "f")
                ):
                    # 'Asked about her vote if Clinton faces Trump, she replied: "..."': the person
                    # named in the clause before the cue is spoken of; the one last quoted replies
                    final = before
                elif (
                    final is not None
                    and kind == "direct"
                    and tok.lower_ in ("he", "she")
                    and _named_only_in_quotes(doc, tok, final)
                    and (
                        (other := _previous_subject(doc, tok, final, cross="cross-para" not in SPEAKER_RULES_OFF))
                        or (other := _last_quoted_before(people_said, tok.sent.start_char, p, text))
                    )
                    is not None
                    and other is not final
                    and entity_gender(doc, other) in (None, "m" if tok.lower_ == "he" else "f")
                ):
                    # '"If the Americans choose Trump, ...," he said' after Hollande warned ...: a
                    # person named only inside quotations is spoken of, not the one who speaks
                    final = other
                elif (
                    final is not None
                    and tok.lower_ in ("he", "she")
                    and "continue-quoted" not in SPEAKER_RULES_OFF
                    and (last := _last_quoted_before(people_said, tok.sent.start_char, p, text)) is not None
                    and last is not final
                    and entity_gender(doc, last) == ("m" if tok.lower_ == "he" else "f")
                    and _last_was_quotation(people_said, tok.sent.start_char)
                    and _nobody_named_since(doc, text, _last_end(people_said, tok.sent.start_char), tok.idx)
                ):
                    # '"Swaps are tricky," he said' after Daniloff was quoted, with Reagan only
                    # spoken of: when no one is named outside quotation marks between the last
                    # person quoted and the pronoun, the pronoun goes on with that person (round 13)
                    final = last
                elif (
                    final is not None
                    and kind == "direct"
                    and tok.lower_ in ("he", "she")
                    and "after-report18" not in SPEAKER_RULES_OFF
                    and (last := _last_reporter(people_said, tok.sent.start_char, p)) is not None
                    and last is not final
                    and entity_gender(doc, last) in (None, "m" if tok.lower_ == "he" else "f")
                    and _nobody_named_since(doc, text, _last_end(people_said, tok.sent.start_char), tok.idx, but=last)
                ):
                    # 'That could help him win Texas, Jones said. "He is gaining momentum," he said':
                    # after a report whose cue and named speaker close the sentence, with no one
                    # else named since, the pronoun goes on with that speaker (round 18)
                    final = last
                elif tok.lower_ in ("he", "she"):
                    # "Ban Ki-moon condemned ... '...,' he told reporters": the previous sentence's subject
                    subj = _previous_subject(doc, tok, final)
                    if subj is not None:
                        final = subj
            if (
                tok.lower_ in ("he", "she")
                and "conj-subject20" not in SPEAKER_RULES_OFF
                and (first := _first_conjunct_subject(doc, tok)) is not None
                and first is not final
            ):
                # 'Rep. Devin Nunes didn't second-guess Comey's recommendation, but he did call for
                # more accountability': the he/she subject of a clause coordinated with one whose
                # subject is a named person is that person, not the last man named (round 20)
                final = first
            if (
                tok.lower_ in ("he", "she")
                and "described20" not in SPEAKER_RULES_OFF
                and last_unnamed is not None
                and p - last_unnamed[1] <= 1
                and sm.text.strip().lower() == tok.lower_
                and _described_goes_on(doc, text, last_unnamed, tok)
            ):
                # 'A cashier at the market said the line ran for hours. "It was chaos," said the
                # woman. "I have worked here ten years," she said': a he/she after the speech of one
                # person the article describes but does not name, with no one named since and the
                # gender agreeing, goes on with that person, not the last named one (round 20)
                sm, final = last_unnamed[0], None
        if (
            final is not None
            and kind == "direct"
            and tok is not None
            and sm is not None
            and tok.pos_ == "NOUN"
            and sm.text.lower().startswith("the ")
            and getattr(final, "type", "") == "PERSON"
            and "quoted-description" not in SPEAKER_RULES_OFF
            and _quoted_in(text, final, text.rfind("\n", 0, a) + 1, b)
        ):
            # '"I just think what Rubio has done is one of the worst machinations," the Senate
            # minority leader said' after 'Harry Reid blasted Rubio': a description is not the
            # person its own quotation names; the named subject of the sentence before is (round 16)
            other = _subject_before(doc, text, min(a, sm.start), final)
            if other is not None and not _named_in(other, a, b):
                final = other
        if (
            final is None
            and tok is not None
            and sm is not None
            and v is not None
            and tok.lower_ in ("he", "she", "they")
            and sm.text.strip().lower() == tok.lower_
            and v.lemma_.lower() in ("add", "continue")
            and last_unnamed is not None
            and last_unnamed[1] == p
            and tok.sent.start > 0
            and not any(not t.is_punct and not t.is_space for t in doc[tok.sent.start : tok.i])
            and doc[tok.sent.start - 1].sent.start_char <= last_unnamed[2]
            and "added-unnamed" not in SPEAKER_RULES_OFF
        ):
            # 'A representative for Mr. Pinchuk said the inquiry had nothing to do with the State
            # Department. He added that ...': "He added" opening the next sentence goes on with the
            # speaker just quoted, also one the article does not name (round 16)
            sm = last_unnamed[0]
        elif (
            final is None
            and tok is not None
            and sm is not None
            and tok.lower_ == "they"
            and sm.text.strip().lower() == "they"
            and last_unnamed is not None
            and last_unnamed[1] == p
            and "they-unnamed" not in SPEAKER_RULES_OFF
            and not _in_quotes(text, tok.idx)
            and not rule.endswith("continued")
            and _plural_phrase(doc, last_unnamed[0])
        ):
            # 'Military analysts say Mr. Putin would ... Russia's gains, they said, could be ...',
            # '..., according to sources. They said the campaign ...': a "they" that found no one
            # goes on with the people of the speech record just before, whom the article does not
            # name (round 17)
            sm = last_unnamed[0]
        if (
            last_speech is not None
            and tok is not None
            and v is not None
            and tok.lower_ in ("he", "she", "they")
            and v.lemma_.lower() in ("add", "continue")
            and ent is not None
            and ent is last_speech[0]
            and last_speech[1] is not ent
            and p - last_speech[2] <= 1
        ):
            # 'she replied: "..." She added: "..."' (who adds is who was just quoted, as the quote
            # component already said): the speaker the checks above gave that record
            final = last_speech[1]
        elif (
            last_speech is not None
            and final is None
            and ent is None
            and last_speech[0] is None
            and last_speech[1] is not None
            and _named(last_speech[1])
            and tok is not None
            and v is not None
            and tok.lower_ in ("he", "she", "they")
            and v.lemma_.lower() in ("add", "continue")
            and p - last_speech[2] <= 1
            and (getattr(last_speech[1], "type", "") == "PERSON") == (tok.lower_ != "they")
            and not _gender_clash(doc, tok, last_speech[1])
            and "go-on-named21" not in SPEAKER_RULES_OFF
        ):
            # '"...," the businessman replied. "...," he added': the quote component let the "he"
            # go on with a description it could not name, which the checks above named since
            # (round 21)
            final = last_speech[1]
        if (
            tok is not None
            and v is not None
            and tok.lower_ in ("he", "she")
            and (owner := _possessor_of_subject(doc, tok, v)) is not None
            and owner is not final
        ):
            # 'One of Trump's earlier jeremiads came in February, when he told Fox News that ...':
            # the person whose act the sentence's subject is (round 14)
            final = owner
        if tok is not None and _gender_clash(doc, tok, final):
            # '"It just came out of my mouth," she said' given to Ben Jacobs, the man quoted before
            # (a quotation that goes on with the last speaker whatever the pronoun): a he/she is
            # never a person of the other gender (round 14)
            final = None
        if tok is not None and tok.lower_ in ("he", "she") and _asker_of_opening(doc, tok, final):
            # 'Asked by Matt Lauer whether she had practiced her speech, she said': the one who
            # asked is not the one who answers; the pronoun's own antecedent is (round 14)
            alt = ent if ent is not None and ent is not final and cls.endswith("+") else None
            final = None if alt is None or _asker_of_opening(doc, tok, alt) else alt
        if (
            c.cue_type == "speech"
            and asked_not_asker(v, a, b)
            and not (
                tok is not None
                and tok.dep_ == "nsubjpass"
                and v is not None
                and tok.head.i == v.i
                and _xcomp_in(v, a, b)
            )
        ):
            # 'when he was first asked if he would support Trump', 'when asked to leave, he
            # refused': who was asked did not ask; the agent, if any, did (round 14)
            sm, tok, final = None, None, None
        if final is not None and tok is not None and sm is not None and _named_in_place_phrase(doc, tok, sm, final):
            # "according to some on Twitter", "the chairs from Jefferson and Arapahoe": a name
            # that only says where the speakers are is not who speaks (round 12)
            final = None
        if final is not None and tok is not None and getattr(final, "type", "") == "PERSON":
            # "her campaign's leadership, who ... criticized": the people around her, not her
            owned, body = _owner_not_group(doc, tok, final)
            if owned:
                final = body
                group_of = "group-prep" not in SPEAKER_RULES_OFF
            elif "source-modifier" not in SPEAKER_RULES_OFF and _source_of(doc, tok, final):
                # "A Trump campaign source told NBC": a source named by whom it is close to is
                # not that person, nor a body of the article (round 15)
                final = None
        if final is not None and getattr(final, "type", "") == "PERSON" and _pet(doc, final, pet_memo):
            # "his 4-year-old yellow lab, Levi": a pet is no speaker; a pronoun resolved to it is
            # the person last quoted, when the gender fits
            final = None
            if prev is not None and tok is not None and tok.lower_ in ("he", "she"):
                if entity_gender(doc, prev["ent"]) in (None, "m" if tok.lower_ == "he" else "f"):
                    final = prev["ent"]
        if (
            sm is not None
            and tok is not None
            and v is not None
            and "quoted-word" not in SPEAKER_RULES_OFF
            and (_whole_quotation(text, sm) or _in_quotes(text, sm.start))
            and not _in_quotes(text, v.idx)
        ):
            # '"Meh," wrote a Trump supporter who runs ...', '"... Not a conspiracy theory, folks,"
            # Trump said': words inside a quotation the parse made the cue's subject are what was
            # said, not who said it; the cue's other subject is (round 13)
            alt = _other_subject(tok.head if tok.dep_ in ("nsubj", "nsubjpass") else v, tok)
            sm, tok, final = None, None, None
            if alt is not None and not _in_quotes(text, alt.idx):
                tok, sm = alt, _span_of(doc, alt.left_edge, alt)
                e = _ent_of(doc, sm.start, sm.end)
                final = e if _named(e) else None
        if sm is not None and tok is not None and final is None and not _noun_like(tok):
            # "Pathetic", "do": a word that heads no noun phrase is no speaker; the cue's other
            # subject, when it has one, is ("'...,' ESPN said" parsed with two subjects)
            sm, tok = None, None
            alt = _other_subject(v, c.speaker_tok)
            if alt is not None:
                tok, sm = alt, _span_of(doc, alt.left_edge, alt)
                e = _ent_of(doc, sm.start, sm.end)
                final = e if _named(e) else None
        if sm is not None and tok is not None and v is not None and _title_noun(tok.lemma_.lower()):
            # "Sirius XM Vice President for news and talk Dave Gorab called ...": a title, then
            # the person's name right before the cue
            named = _name_before_cue(doc, sm, v)
            if named is not None:
                sm, final = named
        if (
            sm is not None
            and tok is not None
            and v is not None
            and tok.pos_ in ("NOUN", "PROPN")
            and _title_noun(tok.lower_)
            and (final is None or getattr(final, "type", "") != "PERSON" or _title_only(final, tok))
            and "title-name18" not in SPEAKER_RULES_OFF
            and (holder := _title_holder(doc, text, tok, v)) is not None
        ):
            # "PSI deputy director for grassroots sports Salvador B. Malbog IV, said", "MINISTER of
            # Defense, Brigadier General Mansur Dan-Ali (rtd) has said": the person the title
            # phrase names, not the body of the title nor the title itself (round 18)
            final, e_end = holder
            sm = Span(sm.start, e_end, text[sm.start : e_end])
        if (
            final is not None
            and sm is not None
            and " ".join(final.name.lower().split()) == sm.text.lower().strip()
            and _title_noun(sm.text.lower().strip())
        ):
            # "Justice vows to be 'more circumspect'" (a subheadline): a bare title taken for a
            # name stands for the one person the article gives that title, else no one
            final = None
        if (
            final is not None
            and tok is not None
            and sm is not None
            and getattr(final, "type", "") != "PERSON"
            and "body-title-name" not in SPEAKER_RULES_OFF
            and (titled := _titled_name_after(doc, text, tok, sm)) is not None
        ):
            # "said Malaysia's Department of Civil Aviation director-general Azharuddin Abdul Rahman":
            # the person the body's title names, not the body (round 17)
            final, sm = titled
        if (
            final is not None
            and tok is not None
            and sm is not None
            and "relcl-name" not in SPEAKER_RULES_OFF
            and _named_only_in_relative(doc, tok, sm, final)
        ):
            # "Many of the county chairs that the Ledger interviewed predicted ...": a name inside
            # a relative clause on the speaker phrase is someone the speakers met, not who speaks
            # (round 17)
            final, group_of = None, True
        if (
            tok is not None
            and v is not None
            and rule.endswith(":inherited")
            and "participle-outer" not in SPEAKER_RULES_OFF
            and (outer := _outer_participle_subject(doc, text, v, tok)) is not None
        ):
            # "Kowal said Brenner would lose the race, saying the polls had turned": a participle
            # after a comma the parse hung on a reported clause is the reporter's (round 17)
            final, tok = outer
            sm = _span_of(doc, tok.left_edge, tok)
            final = final if _named(final) else None  # (a description: named below)
        if (
            sm is None
            and tok is None
            and v is not None
            and "modal-name" not in SPEAKER_RULES_OFF
            and (found := _modal_name(doc, v)) is not None
        ):
            # "Instead, Will called for Republicans to ...", "May said Britain would ...": a
            # surname the tagger made the cue's modal (round 17)
            final, tok, sm = found
        if (
            sm is None
            and tok is None
            and v is not None
            and c.cue_type == "speech"
            and not any(ch.dep_ == "agent" for ch in v.children)  # (the agent speaks: below)
        ):
            # '"...," Ada Brenner, the pollster who founded the site tweeted' (no subject in the
            # parse), 'Novak seemed ready to joke about it, telling the crowd, "..."'
            # (the participle hung inside the quotation): the name after the quotation, the
            # subject of the main clause (round 15)
            found = None
            if "name-after-quotation" not in SPEAKER_RULES_OFF:
                found = _name_after_quotation(doc, text, v)
            if found is not None:
                final, tok, sm = found
                after_quotation = True
            elif "opening-name" not in SPEAKER_RULES_OFF and (found := _name_opening_sentence(doc, text, v)):
                final, tok, sm = found
            elif "participle-subject" not in SPEAKER_RULES_OFF:
                main = _subject_of_main_clause(doc, text, v)
                if main is not None:
                    final, tok = main
                    sm = _span_of(doc, tok.left_edge, tok)
                    final = final if _named(final) else None  # (a description: named below)
        if sm is not None and tok is not None and final is None and c.not_ent is None and not group_of:
            # (not for "Strategists for Kowal and Brenner": the name closing the phrase is another
            # one the group is around, round 17)
            named = stands_for(doc, tok, sm, newlines, named_said, a, speaker=True)
            if named is not None:
                final = named
            elif c.cue_type == "speech":
                # round 12: the named person or body the article links to the phrase by a role,
                # a body's name or a text's author, chosen by score (speaker_choice.py)
                chosen, why = choose_speaker(doc, tok, sm, newlines, a)
                if chosen is not None:
                    final = chosen
        if sm is None and tok is None and v is not None and c.cue_type == "speech":
            # "he said when asked by a reporter if ...": the agent of a passive cue is who spoke
            agent = next((ch for ch in v.children if ch.dep_ == "agent"), None)
            obj = next((ch for ch in agent.children if ch.dep_ == "pobj"), None) if agent is not None else None
            if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                tok, sm = obj, _span_of(doc, obj.left_edge, obj)
                e = _ent_of(doc, sm.start, sm.end)
                final = e if _named(e) else None
        if sm is None and tok is None and v is not None and c.cue_type == "speech":
            sender = _sender(v)
            if sender is not None:
                tok, sm = sender, _span_of(doc, sender.left_edge, sender)
                e = _ent_of(doc, sm.start, sm.end)
                final = e if _named(e) else None
        if (
            sm is None
            and tok is None
            and v is not None
            and c.cue_type == "speech"
            and v.tag_ == "VBG"
            and v.i == v.sent.start
            and not any(ch.dep_ in ("nsubj", "nsubjpass", "agent") for ch in v.children)
            and last_speech is not None
            and last_speech[1] is not None
            and last_speech[2] == p
        ):
            # 'Maher stated that the report "wasn't good." Adding, "...": a sentence that opens
            # with its cue, a participle with no subject, goes on with the speaker just quoted in
            # the paragraph (round 12)
            final = chosen = last_speech[1]
            why = "continues"
        if (
            final is None
            and _bare_it(c, tok, sm)
            and "it-sent" not in SPEAKER_RULES_OFF
            and (sent_by := _document_sender(doc, text, tok, newlines)) is not None
        ):
            # 'A coalition of 40 groups sent a letter urging Congress to act. "...," it read': the
            # text just sent speaks for its sender (round 16)
            s_tok, s_span = sent_by
            e = _ent_of(doc, s_span.start, s_span.end)
            final = e if _named(e) else stands_for(doc, s_tok, s_span, newlines, named_said, a, speaker=True)
            if final is None:
                sm = s_span
            chosen, why = final, "sender"
        if (
            final is None
            and _bare_it(c, tok, sm)
            and "it-continues" not in SPEAKER_RULES_OFF
            and last_body is not None
            and p - last_body[2] <= 1
            and _nobody_named_since(doc, text, last_body[1], tok.idx, BODY_TYPES, but=last_body[0])
        ):
            # '"...," Tamil Nadu contended. It pointed out how "..."': an "it" that found no one
            # goes on with the body just quoted, when no other body was named since (round 13)
            final = chosen = last_body[0]
            why = "continues"
        it_doc = False
        if (
            _bare_it(c, tok, sm)
            and "it-document" not in SPEAKER_RULES_OFF
            and last_doc is not None
            and p - last_doc[2] <= 1
        ):
            # 'As for Mr. Ruiz, the staff letter noted that ... It also pointed up ...': an "it"
            # right after a text was quoted goes on with that text (and its author when named),
            # not the body the entities component gave it (round 15)
            final, sm, it_doc = last_doc[0], last_doc[1], True
            chosen, why = final, "continues"
        if (
            rule == "direct:unattributed"
            and final is None
            and last_direct is not None
            and p - last_direct[2] == 1
            and not text[last_direct[1] : a].strip(" \t\n\"'\u201c\u201d\u2018\u2019`,.")
            and not any(a <= m.start < b for m in last_direct[0].mentions)  # ("Byler's piece": spoken of)
        ):
            # a paragraph that is only a quotation, right after a paragraph that ends with one
            # given to a named speaker: the speaker goes on (a paragraph's quotation is left open
            # when the same speaker continues in the next; round 12)
            final = chosen = last_direct[0]
            why = "continues"
        if sm is not None and tok is not None and c.cue_type == "speech":
            whole = _coordination(doc, tok, sm)
            one = _one_person_titles(doc, tok, whole) if whole is not None and final is None else None
            if one is not None:
                sm, final = whole, one  # "lobbyist and GOP strategist Charlie Black said"
            elif (
                whole is not None
                and final is not None
                and getattr(final, "type", "") == "PERSON"
                and _OTHERS_RE.match(text, sm.end, whole.end)
            ):
                # "he and other Clinton challengers complained": one of those who say it, named
                # (the others are his kind); round 12
                sm, chosen, why = whole, final, "coord-other"
            elif (
                whole is not None
                and final is not None
                and getattr(final, "type", "") == "PERSON"
                and "coord-entourage" not in SPEAKER_RULES_OFF
                and _entourage(doc, tok, whole)
            ):
                # "She and her aides have vowed to win back the public's trust": the person speaks
                # with her own people (a group word of speakers.tsv owned by "her"); round 16
                sm, chosen, why = whole, final, "coord-entourage"
            elif whole is not None:
                # the people acting together (the entities component's group for two people), else
                # no one of them alone
                group = final if final is not None and getattr(final, "type", "") == "OTHER" else None
                if group is None:
                    g = _ent_of(doc, whole.start, whole.end)
                    group = g if g is not None and getattr(g, "type", "") == "OTHER" and " and " in g.name else None
                sm, final = whole, group
        if c.cue_type == "speech":
            if tok is not None and sm is not None and tok.pos_ != "PRON" and _share(tok):
                # "58 percent of voters said ...", "About four in 10 said ...": a poll result
                final, statement = None, False
            elif kind != "direct" and v is not None and _describes_group(v):
                # "voters who say the economy matters most", "those who said ...": a group described
                # by what its members say (a poll breakdown, the writer's description), no statement
                final, statement = None, False
            elif kind != "direct" and _only_a_name(doc, a, b):
                statement = False  # "Clinton has not mentioned Machado since": a name is not a statement
            elif kind != "direct" and _result_clause(doc, a, b):
                # "an attack that remains so politically charged that Cruz made it ...": a result
                # clause is the writer's, not what the cue's subject said (round 10)
                final, statement = None, False
            elif kind != "direct" and _what_calls(doc, a, b):
                statement = False  # 'railed against what he calls the "Washington cartel"'
            elif (
                v is not None
                and kind != "direct"
                and any(ch.dep_ == "aux" and ch.lower_ in _words("modal") for ch in v.children)
                and v.dep_ in ("ROOT", "conj")
                and not _in_quotes(text, v.idx)
            ):
                statement = False  # "Rubio can ask them to support another candidate": hypothetical
            elif (
                v is not None
                and tok is not None
                and tok.dep_ == "nsubjpass"
                and tok.head == v
                and not any(ch.dep_ == "agent" for ch in v.children)
                and kind != "direct"
                and not _has_clause(doc, a, b)
            ):
                # "the man was reported missing": the subject is what was reported on
                final, statement = None, False
            elif (
                v is not None
                and tok is not None
                and tok.dep_ == "nsubjpass"
                and tok.head == v
                and v.lemma_.lower() in _words("request")
                and not any(ch.dep_ == "agent" for ch in v.children)
                and any(ch.dep_ == "xcomp" and a <= ch.idx < b for ch in v.children)
            ):
                # "Respondents were asked to pick the loser": who was asked to act says nothing
                final, sm, statement = None, None, False
            elif (
                v is not None
                and kind == "indirect"
                and any(ch.dep_ == "neg" for ch in v.children)
                and not _finite(doc, a, b)
            ):
                # "the release does not mention the clinic language": what was not said
                statement = False
        if c.cue_type == "speech" and final is None and sm is not None and tok is not None:
            # "a smuggler who told them ...", "those surveyed say ...": a relative or demonstrative
            # word that resolved to no one is shown as the phrase it stands for (round 11)
            phrase = _unnamed_phrase(doc, tok, sm, v)
            if phrase is not None:
                sm = phrase
        if (
            c.cue_type == "speech"
            and not after_quotation  # (the name before its own cue says who goes on: round 15)
            and (j := _continued_from(kept, len(out), newlines, p)) is not None
        ):
            # a quotation that goes on after a report made in its sentence is its speaker's
            # ('"...," Trump said, after news outlets declared him the victor. "..."'; round 14)
            if out[j][1] is not None and out[j][0] is not final:
                final, sm = out[j][0], out[j][1]
                chosen, why = final, "continues"
        if (
            c.cue_type == "speech"
            and rule == "direct:continued"
            and "own-cue18" not in SPEAKER_RULES_OFF
            and (own := _own_cue_after(doc, text, b)) is not None
            and own[0] is not final
        ):
            # '... could make him fume. ''They were professionals,'' William M. Daley, Obama's
            # former chief of staff, said of their time': a quotation taken to go on with the last
            # speaker is the speaker named after it with its own cue (round 18)
            final, tok, sm = own
            chosen, why = None, ""
        if c.cue_type == "speech":
            unnamed = final is None and sm is not None and sm.text.strip().lower() not in PRONOUN_WORDS
            last_unnamed = (sm, p, a, max(b, sm.end), v.lemma_.lower() if v is not None else "") if unnamed else None
        if c.cue_type == "speech" and sm is not None:
            last_speech = (ent, final, p)
            is_doc = it_doc or tok is not None and tok.pos_ == "NOUN" and tok.lemma_.lower() in _words("document")
            last_doc = (final, sm, p) if is_doc else None
        if c.cue_type == "speech":
            last_direct = (final, b, p) if kind == "direct" and final is not None and _named(final) else None
        if c.cue_type == "speech" and final is not None and _named(final) and _it_fits(doc, final):
            last_body = (final, b, p)
        if c.cue_type == "speech" and final is not None and _named(final):
            named_said.append((final, p, text[a:b].rstrip(" ,\"'\u201d").endswith("?")))
            if getattr(final, "type", "") == "PERSON":
                prev = {
                    "ent": final,
                    "content": (a, b),
                    "para": p,
                    "end": b,
                    "direct": kind == "direct",
                    "cue_after": kind != "direct" and sm is not None and sm.start >= b,
                }
                people_said.append(prev)
        out.append((final, sm, statement, why if final is not None and final is chosen else ""))
    return _repeated_quotations(text, kept, out)


def _words_of(s: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", s.lower()).split())


def _repeated_quotations(text: str, kept: list, out: list) -> list:
    """A quotation with no speaker in reach (``direct:unattributed``) that the article quotes
    again elsewhere, word for word (one holding the other, 40 characters or more), with a named
    speaker: that speaker ('"It's now more important than ever ..."' in a box, then '"It's now
    more important than ever ...," Chamberlain said in a statement'; round 12)."""
    named = [
        (_words_of(text[r[0] : r[1]]), o[0])
        for r, o in zip(kept, out)
        if r[3] == "direct" and o[0] is not None and _named(o[0])
    ]
    if not named:
        return out
    for k, (r, o) in enumerate(zip(kept, out)):
        if r[4] != "direct:unattributed" or o[0] is not None:
            continue
        mine = _words_of(text[r[0] : r[1]])
        if len(mine) < 40:
            continue
        found = {id(e): e for w, e in named if len(w) >= 40 and (mine in w or w in mine)}
        if len(found) == 1:
            out[k] = (next(iter(found.values())), o[1], o[2], "repeats")
    return out


def _unnamed_phrase(doc: Doc, tok: Token, sm: Span, v: Optional[Token]) -> Optional[Span]:
    """The noun phrase a bare relative or demonstrative speaker word stands for, when it names no
    one: the noun the relative clause hangs on, up to the relative word ("tricked by a smuggler
    who told them" -> "a smuggler who", shown as "a smuggler"), or the demonstrative with the words that describe it before the cue ("those
    surveyed say" -> "those surveyed"; ``demonstrative`` in data/en/quotes/speakers.tsv)."""
    if sm.text.strip().lower() != tok.lower_:
        return None
    if tok.lower_ in RELATIVE_WORDS:
        n = _relative_antecedent(tok)
        if n is None or n.i >= tok.i or n.pos_ not in ("NOUN", "PROPN") or n.lower_ in _words("pronoun"):
            return None
        # (the span runs on to the relative word, which PolNeAR marks as the source;
        # record.shown_mention shows the phrase without it)
        return _span_of(doc, n.left_edge, tok)
    if tok.lower_ in _words("demonstrative") and tok.pos_ == "PRON":
        limit = v.i if v is not None and v.i > tok.i else len(doc)
        mods = [c for c in tok.children if c.i > tok.i and c.dep_ in ("acl", "amod", "prep") and c.right_edge.i < limit]
        if mods:
            return _span_of(doc, tok, max((c.right_edge for c in mods), key=lambda t: t.i))
    return None


def _only_a_name(doc: Doc, a: int, b: int) -> bool:
    """Whether a content is a name and nothing else ("mentioned Machado", "cited the CRTC")."""
    sp = doc.char_span(a, b, alignment_mode="expand")
    if sp is None:
        return False
    toks = [t for t in sp if not t.is_punct and not (t.i == sp.start and t.lower_ == "the")]
    return bool(toks) and len(toks) <= 5 and all(t.pos_ == "PROPN" and t.ent_type_ for t in toks)


def _in_quotes(text: str, pos: int) -> bool:
    """Whether ``pos`` lies between quote marks within its paragraph (an odd count before it);
    the paired single marks of some outlets (``''...''``, ````...''``) count as one mark each
    (round 15, ``quote-pairs``)."""
    a = text.rfind("\n", 0, pos) + 1
    s = text[a:pos]
    n = s.count('"') + s.count("\u201c") + s.count("\u201d")
    if "quote-pairs" not in SPEAKER_RULES_OFF:
        n += s.count("''") + s.count("``")
    return n % 2 == 1


_CLOSE_MARK_RE = re.compile(r"[\"\u201d]|''")


def _name_after_quotation(doc: Doc, text: str, v: Token) -> Optional[tuple]:
    """'"...," Ada Brenner, the pollster who founded the site, tweeted': the named
    person or body whose name opens the words between a quotation's closing mark and its cue
    (the parse found no subject for the cue, or one inside the quotation): ``(entity, head
    token, mention)`` or None (round 15, ``name-after-quotation``)."""
    line = text.rfind("\n", 0, v.idx) + 1
    if _in_quotes(text, v.idx):
        return None
    close = None
    for m in _CLOSE_MARK_RE.finditer(text, max(line, v.idx - 160), v.idx):
        close = m
    if close is None or not _in_quotes(text, close.start()):
        return None  # (the last mark before the cue must close a quotation)
    between = text[close.end() : v.idx]
    start = close.end() + len(between) - len(between.lstrip(" ,"))
    for e in doc_ents(doc):
        if e.start_char < start:
            continue
        lead = [t for t in doc[max(0, e.start - 5) : e.start] if t.idx >= start]
        if len(lead) > 3 or any(t.pos_ != "PROPN" and not _title_noun(t.lower_) for t in lead):
            break  # (only a title may stand before the name: "Representative Ada Brenner"; not "Of Carson")
        if e.label_ in ("PERSON", "ORG") and e.end_char < v.idx:
            if any(t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in cue_lemmas() for t in doc[e.end : v.i]):
                return None  # ('"Certainly," Ortega said when asked by a reporter': her own cue)
            ent = _ent_of(doc, e.start_char, e.end_char)
            if _named(ent):
                return ent, e.root, Span(e.start_char, e.end_char, text[e.start_char : e.end_char])
    return None


def _own_cue_after(doc: Doc, text: str, b: int) -> Optional[tuple]:
    """(entity, head token, mention) of the name and cue that follow a quotation ending at ``b``
    in its sentence (''"...," Ada Brenner, the pollster, said of ...''), or None (round 18,
    ``own-cue18``)."""
    if text[max(0, b - 2) : b].rstrip("'\"\u201d ").endswith("."):
        return None  # ('"We are not terrorists." Mr. Zahed said: "..."': the next sentence's cue)
    end = text.find("\n", b)
    end = min(len(text) if end < 0 else end, b + 200)
    sp = doc.char_span(b, end, alignment_mode="contract")
    if sp is None:
        return None
    for t in sp:
        if t.text in ('"', "\u201c", "``") or t.is_sent_start and t.idx > b and t.text not in ("''", "\u201d"):
            return None  # (another quotation, or the next sentence, before any cue)
        if t.pos_ == "VERB" and t.tag_ in ("VBD", "VBZ") and t.lemma_.lower() in cue_lemmas():
            return _name_after_quotation(doc, text, t)
    return None


def _first_conjunct_subject(doc: Doc, tok: Token):
    """The named person who is the subject of the first of two coordinated clauses when ``tok``
    (he/she) is the subject of the second ('X didn't second-guess the plan, but he did call for
    ...'): the pronoun's verb is a ``conj`` of a verb whose ``nsubj`` is a proper name before it,
    tagged a person, whose entity is a named person of a gender that fits (round 20,
    ``conj-subject20``)."""
    v = tok.head
    if tok.dep_ != "nsubj" or v.dep_ != "conj" or v.head.i >= tok.i:
        return None
    subj = next((c for c in v.head.children if c.dep_ == "nsubj"), None)
    if subj is None and v.head.pos_ == "PROPN":
        subj = v.head  # (the parse hung the second clause on the first one's subject)
    if subj is None or subj.pos_ != "PROPN" or subj.ent_type_ != "PERSON" or subj.i > v.head.i:
        return None
    if "\n" in doc_text(doc)[subj.idx : tok.idx] or subj.sent.start != tok.sent.start:
        return None  # (a parse that runs over a paragraph break)
    if any(c.dep_ == "cc" and c.lower_ in ("and", "or", "nor") for c in subj.children):
        return None  # ("Novak and Reyes ...": several people)
    ent = _ent_of(doc, subj.left_edge.idx, subj.idx + len(subj.text))
    if ent is None or not _named(ent) or getattr(ent, "type", "") != "PERSON":
        return None
    if entity_gender(doc, ent) not in (None, "m" if tok.lower_ == "he" else "f") or _gender_clash(doc, tok, ent):
        return None
    return ent


_REPLY_RE = re.compile(r"^(?:reply|answer|respond|retort|counter)$")
_AGENT_RE = re.compile(r"(?:er|or|ist|ian|ant|ent|ee|man|woman)$")


def _person_noun(w: str) -> bool:
    """A noun that names a person by what they do ("cashier", "resident", "student"; round 20)."""
    return bool(_AGENT_RE.search(w)) and not w.endswith("ment") or w in _gendered()


@lru_cache(maxsize=1)
def _gendered() -> dict[str, str]:
    """data/en/quotes/gendered.tsv: person nouns that tell a gender (round 20)."""
    return {r["word"]: r["gender"] for r in table("quotes/gendered.tsv", columns=("word", "gender"), key=("word",))}


def _described_goes_on(doc: Doc, text: str, last_unnamed: tuple, tok: Token) -> bool:
    """Whether a he/she cue (``tok``) goes on with the unnamed person of the last speech record
    (``last_unnamed``: mention, paragraph, start, end, cue lemma) rather than a named person: the
    mention is one person described by a person noun (singular, no name, no body or text), its
    gender (gendered.tsv) agrees, and no person is named outside quotation marks between that
    record and the pronoun (round 20, ``described20``)."""
    sm, _, start, end, cue = last_unnamed
    if cue in QUESTION_CUES or cue in ("wonder", "question", "inquire"):
        return False  # ("when a reporter asked if ...": who answers is the one asked)
    sp = doc.char_span(sm.start, sm.end, alignment_mode="expand")
    if sp is None or end > tok.idx:
        return False
    root = sp.root
    if root.tag_ != "NN" or root.pos_ != "NOUN" or _plural_phrase(doc, sm):
        return False
    w = root.lower_
    if w in _words("document") or w in _words("org") or w in _words("body") or w in _words("pronoun") or _org_noun(w):
        return False
    if sm.text.isupper() or w in _words("person") or w in _words("party") or _title_noun(w):
        return False  # (a heading; a description that may stand for someone named: "the businessman")
    first = sp[0].lower_
    # (a person introduced unnamed, "a cashier at the store", or one too vague to be named, "the woman")
    if not (w in _words("vague") or first in ("a", "an", "one", "another") and _person_noun(w)):
        return False
    if _REPLY_RE.match(tok.head.lemma_.lower()) or text[start:end].rstrip(" ,\"'\u201d").endswith("?"):
        return False  # (who answers the unnamed asker is someone else)
    if any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in sp):
        return False
    between = doc.char_span(sm.end, start, alignment_mode="contract") if sm.end < start else None
    if between is not None and any(t.ent_type_ == "PERSON" and t.pos_ == "PROPN" for t in between):
        return False  # ("One pastor supporting Novak, Darran Kowal of ..., said": named after all)
    want = "m" if tok.lower_ == "he" else "f"
    genders = {_gendered()[t.lower_] for t in sp if t.lower_ in _gendered()}
    if genders and genders != {want}:
        return False
    return _nobody_named_since(doc, text, end, tok.idx)


def _plural_phrase(doc: Doc, sm: Span) -> bool:
    """Whether a speaker phrase names several people: a plural head ("Military analysts",
    "sources", "female donors in both parties") or a coordination ("X and Y")."""
    sp = doc.char_span(sm.start, sm.end, alignment_mode="expand")
    if sp is None:
        return False
    root = sp.root
    return root.tag_ in ("NNS", "NNPS") or any(t.dep_ == "cc" and t.lower_ == "and" and t.head == root for t in sp)


MODAL_NAMES = {"will", "may", "can"}  # modals that are also surnames (George Will, Theresa May)


def _modal_name(doc: Doc, v: Token) -> Optional[tuple]:
    """(entity, token, mention) of a capitalised modal the parse hung on a cue that has no
    subject, when the cue is a form no modal takes ("Will urged", "May said": a past or third
    person form) and the article names one person with that surname; None otherwise."""
    if v.tag_ not in ("VBD", "VBN", "VBZ"):
        return None
    aux = next(
        (c for c in v.children if c.dep_ == "aux" and c.i < v.i and c.text.istitle() and c.lower_ in MODAL_NAMES),
        None,
    )
    if aux is None or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in v.children):
        return None
    people = {
        id(e): e
        for e in doc._.entities or []
        if getattr(e, "type", "") == "PERSON" and _named(e) and e.name.split()[-1] == aux.text
    }
    if len(people) != 1:
        return None
    return next(iter(people.values())), aux, _span_of(doc, aux, aux)


def _bare_it(c, tok: Optional[Token], sm) -> bool:
    """Whether a speech cue's speaker is a bare "it" (mention and token), which the "it" rules
    (it-sent, it-continues, it-document) read on."""
    return (
        c.cue_type == "speech"
        and tok is not None
        and sm is not None
        and tok.lower_ == "it"
        and sm.text.strip().lower() == "it"
    )


def _document_sender(doc: Doc, text: str, tok: Token, newlines: list[int]) -> Optional[tuple]:
    """'The city sent a cease-and-desist letter Thursday. It says ...': for an ``it`` that opens
    its sentence (after a quotation, if any), the subject of the sentence before (same or previous paragraph)
    whose verb sends, releases or files a text (senders.tsv, and ``document`` in speakers.tsv) as its
    object, when no other noun is that verb's object: ``(head token, mention)`` or None
    (round 16, ``it-sent``)."""
    s = tok.sent
    if s.start == 0 or any(
        not t.is_space and not t.is_punct and t.i < tok.i and not _in_quotes(text, t.idx) for t in s
    ):
        return None
    k = s.start - 1
    while k > 0 and (doc[k].is_space or doc[k].is_punct and doc[k].text not in ".!?"):
        k -= 1
    prev = doc[k].sent
    if bisect_right(newlines, tok.idx) - bisect_right(newlines, prev.start_char) > 1:
        return None
    for v in prev:
        if v.pos_ != "VERB" or v.lemma_.lower() not in _senders():
            continue
        objs = [c for c in v.children if c.dep_ == "dobj"]
        if len(objs) != 1 or objs[0].lemma_.lower() not in _words("document"):
            continue
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ not in ("NOUN", "PROPN") or _in_quotes(text, subj.idx):
            continue
        end = subj
        for t in doc[subj.i + 1 : subj.right_edge.i + 1]:
            if t.text in ("-", "--", "\u2013", "\u2014", ",", "(") or t.dep_ in ("relcl", "acl"):
                break
            end = t
        return subj, _span_of(doc, subj.left_edge, end)
    return None


def _in_dateline(pos: int, dls: list) -> bool:
    return any(d.start <= pos < d.end for d in dls)


def _name_opening_sentence(doc: Doc, text: str, v: Token) -> Optional[tuple]:
    """'Mr. Slinker, whose latest start-up uses big data, said ...', 'WASHINGTON -- President
    Obama, dedicating the museum on Saturday, said ...' (the parse gave the cue no subject,
    or the dateline): the named person or body that opens the sentence (after a dateline and
    at most a title), right before the cue or when the words from the comma after its name up to
    the cue are one interruption closed by a comma right before the cue, with no quotation and no clause of
    another subject in it: ``(entity, head token, mention)`` or None (round 16,
    ``opening-name``)."""
    if v.i == 0 or _in_quotes(text, v.idx):
        return None
    if v.tag_ not in ("VBD", "VBZ", "VBP") and not (
        # "Roy Keller (D), the governor's opponent, called Friday for ...": a past form the tagger
        # made a participle, when no finite verb comes before it in the sentence (round 17,
        # ``opening-bracket``)
        v.tag_ == "VBN"
        and "opening-bracket" not in SPEAKER_RULES_OFF
        and not any(c.dep_ in ("aux", "auxpass") for c in v.children)
        and not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in doc[v.sent.start : v.i])
    ):
        return None
    line = text.rfind("\n", 0, v.idx) + 1
    start = max(v.sent.start_char, line)  # (a sentence the parser ran over a paragraph break)
    if not text[line:start].strip():
        d = dateline_at(text, line)
        if d is not None and d.end <= v.idx:
            start = d.end
    found = _opening_name_at(doc, text, v, start)
    if found is None and "opening-phrase18" not in SPEAKER_RULES_OFF:
        # "Alarmed by the unrest in Nevada, Senator Harry Reid, the minority leader, said ...": the
        # name right after the comma that closes an opening participle or prepositional phrase
        # (the parse hung the name inside that phrase; round 18)
        first = next((t for t in doc[v.sent.start : v.i] if t.idx >= start and not t.is_space), None)
        if first is not None and (first.tag_ in ("VBN", "VBG") or first.pos_ == "ADP"):
            for t in doc[first.i + 1 : v.i]:
                if t.text == "," and not _in_quotes(text, t.idx):
                    found = _opening_name_at(doc, text, v, t.idx + 1)
                    if found is not None:
                        break
    return found


def _opening_name_at(doc: Doc, text: str, v: Token, start: int) -> Optional[tuple]:
    """``_name_opening_sentence`` for a sentence read from ``start``."""
    for e in doc_ents(doc):
        if e.end_char <= start:
            continue
        lead = [t for t in doc[max(0, e.start - 5) : e.start] if t.idx >= start and not t.is_space]
        if len(lead) > 4 or any(
            t.pos_ != "PROPN" and not _title_noun(t.lower_) and t.lower_ not in ("former", "acting") for t in lead
        ):
            return None
        if e.start_char < start or e.label_ not in ("PERSON", "ORG") or e.end > v.i:
            return None
        between = doc[e.end : v.i]
        if (
            len(between) > 3
            and between[0].text == "("
            and "opening-bracket" not in SPEAKER_RULES_OFF
            and (close := next((t.i for t in between[:8] if t.text == ")"), None)) is not None
            and close + 1 < v.i
            and doc[close + 1].text == ","
        ):
            between = doc[close + 1 : v.i]  # ("Roy Keller (D), ...": the party's brackets)
        if not between:
            pass  # ("CLEVELAND -- Former Attorney General Michael Mukasey told delegates ...")
        elif (
            doc[v.i - 1].text != ","
            or between[0].text != ","
            or v.idx - e.end_char > 240
            or any(ch in text[e.end_char : v.idx] for ch in '"\u201c\u201d')
        ):
            return None
        for t in between:
            subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
            if t.tag_ in ("VBD", "VBZ", "VBP", "MD") and any(
                c.lower_ not in RELATIVE_WORDS and not e.start <= c.i < e.end for c in subj
            ):
                return None  # ("Smith, the mayor said, ..." : another clause's subject speaks)
        ent = _ent_of(doc, e.start_char, e.end_char)
        if not _named(ent):
            return None
        return ent, e.root, Span(e.start_char, e.end_char, text[e.start_char : e.end_char])
    return None


def _subject_of_main_clause(doc: Doc, text: str, v: Token):
    """'Novak seemed ready to joke about it, telling the crowd, "..."' (the parse hung
    the participle inside the quotation): the named subject of the sentence's main verb, when
    that verb comes before the participle, outside quotation marks, with no quotation between
    (round 15, ``participle-subject``); ``(entity or None, subject token)`` or None (a
    description the caller may resolve)."""
    if v.tag_ != "VBG" or v.i == 0 or doc[v.i - 1].text != ",":
        return None
    root = v.sent.root
    if root.i >= v.i or root.pos_ not in ("VERB", "AUX") or _in_quotes(text, root.idx):
        return None
    if _CLOSE_MARK_RE.search(text, root.idx, v.idx) or any(ch in text[root.idx : v.idx] for ch in '"\u201c'):
        return None
    if any(
        t.tag_ in ("VBD", "VBZ", "VBP")
        and (t.dep_ in ("ccomp", "conj", "advcl", "relcl") or any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children))
        for t in doc[root.i + 1 : v.i]
    ):
        return None  # (another clause stands between: its subject may speak)
    subj = next((c for c in root.children if c.dep_ == "nsubj" and c.i < root.i), None)
    if subj is None or subj.pos_ not in ("PROPN", "NOUN"):
        return None
    return _ent_of(doc, subj.left_edge.idx, subj.idx + len(subj.text)), subj


def _titled_name_after(doc: Doc, text: str, tok: Token, sm: Span) -> Optional[tuple]:
    """(person, whole phrase) when the body phrase ``sm`` is followed, with no comma, by an office
    title (``titles.txt``, lower-case words) and a named person the parse hung on the body's head
    ("Department of Civil Aviation director-general Azharuddin Abdul Rahman"); None otherwise."""
    for c in tok.children:
        if c.dep_ not in ("appos", "npadvmod", "dep") or c.pos_ != "PROPN" or c.idx < sm.end:
            continue
        e = _ent_of(doc, c.left_edge.idx, c.idx + len(c.text))
        if not _named(e) or getattr(e, "type", "") != "PERSON":
            continue
        m = next((m for m in e.mentions if m.start >= sm.end and m.end <= c.idx + len(c.text)), None)
        if m is None:
            continue
        gap = text[sm.end : m.start]
        words = re.findall(r"[A-Za-z]+", gap)
        if not words or "," in gap or len(words) > 4 or not any(_title_noun(w.lower()) for w in words):
            continue
        if any(w[:1].isupper() for w in words):
            continue
        return e, Span(sm.start, m.end, text[sm.start : m.end])
    return None


def _title_only(ent, tok: Token) -> bool:
    """Whether an entity's name is a title phrase ending with the title word ``tok`` ("PSI deputy
    director"), no person's name."""
    return " ".join(ent.name.lower().split()).endswith(" " + tok.lower_)


def _title_holder(doc: Doc, text: str, tok: Token, v: Token) -> Optional[tuple]:
    """(person, end of the name) for a title phrase headed by ``tok`` whose holder the parse hung
    inside it: the object of its preposition with other words between (``director for grassroots
    sports Salvador B. Malbog IV``; not ``adviser for Gov. Robert Hale``, whose name is the one
    advised), or a name after a comma the parse made its conjunct or apposition (``MINISTER of
    Defense, Brigadier General Mansur Dan-Ali``); only punctuation, a bracket or an auxiliary between
    the name and the cue (round 18, ``title-name18``)."""
    for e in doc_ents(doc):
        if e.label_ != "PERSON" or e.start <= tok.i or e.end > v.i:
            continue
        r = e.root
        between = doc[e.end : v.i]
        depth = 0
        for t in between:
            depth += t.text == "("
            ok = t.is_punct or depth > 0 or t.dep_ in ("aux", "auxpass", "neg") or t.pos_ == "ADV"
            depth -= t.text == ")"
            if not ok:
                break
        else:
            if r.dep_ in ("conj", "appos") and r.head.i == tok.i:
                lead = doc[tok.i + 1 : e.start]
                # (the title's own object, then a comma, then the name with its own titles)
                if "," not in [t.text for t in lead] or any(
                    t.dep_ != "compound" and not t.is_punct and not (tok.i < t.head.i < e.start or t.head.i == tok.i)
                    for t in lead
                ):
                    continue
            elif r.dep_ == "pobj" and r.head.dep_ == "prep" and r.head.head.i == tok.i:
                words = doc[r.head.i + 1 : e.start]
                if not words or any(t.text[:1].isupper() or _title_noun(t.lower_) for t in words):
                    continue
            else:
                continue
            ent = _ent_of(doc, e.start_char, e.end_char)
            if _named(ent) and getattr(ent, "type", "") == "PERSON":
                return ent, e.end_char
    return None


def _named_only_in_relative(doc: Doc, tok: Token, sm: Span, ent) -> bool:
    """Whether every mention of ``ent`` in the speaker phrase lies in a relative clause on a noun
    of the phrase (not its head), and the phrase's head is no pronoun or relative word."""
    if tok.pos_ not in ("NOUN", "ADJ", "NUM", "PRON") or tok.lower_ in RELATIVE_WORDS or tok.lower_ in PRONOUN_WORDS:
        return False
    inside = [m for m in ent.mentions if sm.start <= m.start and m.end <= sm.end]
    if not inside:
        return False
    rel = [
        (t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text))
        for t in doc[tok.left_edge.i : tok.right_edge.i + 1]
        if t.dep_ == "relcl" and t.i > tok.i
    ]
    return bool(rel) and all(any(a <= m.start and m.end <= b for a, b in rel) for m in inside)


def _outer_participle_subject(doc: Doc, text: str, v: Token, tok: Token) -> Optional[tuple]:
    """'Kowal said Brenner would lose the race, saying ...', 'Brandt rejected the idea that the
    developer would be a drag, saying ...': a participle cue after a comma, hung on the verb of a
    reported or complement clause that is no cue itself and whose subject the participle took
    (``tok``), belongs to the clause above: ``(entity or None, subject token)`` of the verb that
    clause hangs on (through a noun: "the idea that"), or None (round 17, ``participle-outer``)."""
    if v.tag_ != "VBG" or v.dep_ != "advcl" or v.i == 0 or doc[v.i - 1].text != ",":
        return None
    h = v.head
    if h.i > v.i or h.dep_ not in ("ccomp", "acl") or h.lemma_.lower() in cue_lemmas():
        return None
    if tok.head.i != h.i or tok.dep_ not in ("nsubj", "nsubjpass"):
        return None
    up = h.head
    if up.pos_ == "NOUN" and up.dep_ in ("dobj", "pobj") and h.dep_ == "acl":
        up = up.head.head if up.dep_ == "pobj" else up.head
    if up.pos_ not in ("VERB", "AUX") or up.i > h.i or _in_quotes(text, up.idx):
        return None
    if any(ch in text[up.idx : v.idx] for ch in '"\u201c\u201d'):
        return None
    subj = next((c for c in up.children if c.dep_ == "nsubj" and c.i < up.i), None)
    if subj is None or subj.pos_ not in ("PROPN", "NOUN") and subj.lower_ not in ("he", "she"):
        return None
    outer = _ent_of(doc, subj.left_edge.idx, subj.idx + len(subj.text))
    inner = _ent_of(doc, tok.left_edge.idx, tok.idx + len(tok.text))
    if (not _named(outer) or getattr(outer, "type", "") == "OTHER" or subj.pos_ == "NOUN") and (
        _named(inner) and getattr(inner, "type", "") == "PERSON"
    ):
        # ("Aides said Obama will make a familiar case ..., highlighting ...": the person named
        # in the clause acts; unnamed people or a thing above do not speak for him)
        return None
    return outer, subj


def _result_clause(doc: Doc, a: int, b: int) -> bool:
    """Whether a content is a ``that`` clause of result: "so charged that ...", "such a mess that
    ..." (``so``/``such`` among the three words before the ``that``)."""
    sp = doc.char_span(a, b, alignment_mode="expand")
    if sp is None or sp[0].lower_ != "that" or sp.start == 0:
        return False
    prev = doc[sp.start - 1]
    if prev.pos_ not in ("ADJ", "ADV", "VERB", "NOUN"):
        return False
    lo = max(prev.sent.start, prev.i - 3)
    return any(t.lower_ in ("so", "such") and t.dep_ in ("advmod", "predet", "amod") for t in doc[lo : prev.i])


def _finite(doc: Doc, a: int, b: int) -> bool:
    """Whether a content holds a finite verb or an infinitive (a clause someone could say), not
    only a noun phrase ("the language restricting money to clinics")."""
    sp = doc.char_span(a, b, alignment_mode="expand")
    if sp is None:
        return True
    return any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") or t.lower_ == "to" and t.dep_ == "aux" for t in sp)


def _has_clause(doc: Doc, a: int, b: int) -> bool:
    sp = doc.char_span(a, b, alignment_mode="expand")
    if sp is None:
        return True
    return any(t.dep_ in ("nsubj", "nsubjpass", "expl", "ccomp") and sp.start <= t.head.i < sp.end for t in sp) or any(
        t.dep_ == "aux" and t.lower_ == "to" for t in sp[:1]
    )


# the speaker rules' knowledge the scored choice reads (speaker_choice.py, round 12)
_CHOICE_HELPERS[:] = [
    _ChoiceHelpers(
        ent_of=_ent_of,
        named=_named,
        doc_ents=doc_ents,
        fits=_fits,
        org_noun=_org_noun,
        words=_words,
        body=_body,
        other_kind=_other_kind,
        describes=lambda doc, tok, newlines: _body_described(doc, tok, newlines),
    )
]
