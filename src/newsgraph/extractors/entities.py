"""Entities resolved within the article: names, titles, descriptions and pronouns.

The spaCy component ``newsgraph_entities`` (first in the newsgraph pipeline) reads the model's
named entities, noun chunks and tokens once, left to right, and leaves a list of
``record.Entity`` on ``doc._.entities``:

- **names**: PERSON, ORG, NORP and GPE entities (a GPE or NORP only when it acts: "Moscow
  rejected", "Poles support"). A surname or a first-name-less mention joins the full name met
  in the article ("Novak" -> Anna Novak), whatever label the model gave it; a title before a
  name makes it a person ("Prime Minister Petr Dvorak").
- **descriptions**: noun chunks headed by a role noun ("the spokesman", "the French
  president", "the ministry", "police", "an unnamed official"); definite ones join the most
  recent entity they fit (role, head noun, country), the rest start a new entity.
- **pronouns**: he/she/him/his/her (outside quotation marks) join the most salient earlier
  person: recent sentences, subjects and speakers weigh most, gender from first names,
  honorifics and titles; they/it and quoted pronouns are resolved on demand
  (``entity_for_span``); "they" may also be people acting together ("Brown and From").
- **country and roles** from descriptors: "German Chancellor Olaf Scholz" -> DEU, Chancellor;
  "Kremlin spokesman Dmitry Orlov" -> RUS, spokesman; "Anna Novak, the opposition leader" ->
  opposition leader; "the envoy to NATO, Mehmet Kaya" -> envoy to NATO.

Later components ask which entity a stretch of text refers to::

    ent = entity_for_span(doc, start_char, end_char)   # Entity or None; adds the mention

See docs/entities.md for the rules and their limits.
"""

from __future__ import annotations

import bisect
import re
import weakref
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional, cast

import numpy as np
from spacy.language import Language
from spacy.symbols import NOUN as _NOUN  # type: ignore[import-not-found]
from spacy.symbols import PROPN as _PROPN
from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from ..countries import all_country_info, country_code, igo_code
from ..countries import normalise as _normalise
from ..dateline import dateline_at, datelines
from ..lexicon import FIRST_NAME_FILES, first_names, name_particles, role_forms
from ..record import Entity, Span
from .cue_table import cue_lemmas, inverted_cue_verb
from .doc_cache import (
    children,
    doc_span,
    doc_text,
    doc_tokens,
    gc_paused,
    noun_chunk_bounds,
    span_text,
    subtree,
    subtree_ids,
)

DATA = Path(__file__).resolve().parent.parent / "data" / "entities"

# internal resolution state (mention index) used by entity_for_span; kept beside the Doc, not
# in its user_data, so it is never serialised with the Doc
_STATES: weakref.WeakKeyDictionary[Doc, _State] = weakref.WeakKeyDictionary()

# speaker and entity rules switched off by name, for before/after measures on the same parses
# (scripts/speakers_ab.py; the names are those of rounds 13 and 14, docs/quotes.md; extractors/speakers.py reads
# the same set), as quotes._RULES_OFF does for the quote rules
SPEAKER_RULES_OFF: set = set()
LOOKBACK_MENTIONS = 60  # how many earlier mentions a description or pronoun may look back over
LOOKBACK_SENTS = 4  # how many sentences back a pronoun may reach
# pronoun salience weights (see _add_pronoun)
W_MENTION, W_SUBJECT, W_QUOTED, W_GENDER, W_SAME_SUBJECT, W_SPEAKER = 100.0, 80.0, 0.2, 1.25, 2.0, 1.5
W_HEARD_OTHER = 0.25  # earlier pronouns for it were of the other gender
SPEECH_VERBS = {
    "say",
    "tell",
    "add",
    "write",
    "explain",
    "note",
    "insist",
    "argue",
    "claim",
    "state",
    "continue",
    "ask",
    "reply",
    "respond",
    "warn",
    "deny",
    "stress",
    "announce",
    "tweet",
    "declare",
    "acknowledge",
    "admit",
    "recall",
    "suggest",
    "predict",
    "complain",
    "urge",
}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "another", "some", "any"}
UNNAMED = {
    "unnamed",
    "unidentified",
    "anonymous",
    "senior",
    "junior",
    "top",
    "former",
    "acting",
    "interim",
    "new",
    "two",
    "three",
    "several",
    "many",
    "some",
    "other",
}
ACTOR_DEPS = {"nsubj", "nsubjpass", "agent", "csubj"}
NAME_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
# possessed nouns that stand for their possessor ("the president's office" -> the president)
STANDS_FOR_POSSESSOR = {"office"}
# possessed nouns that make an organisation of their own, tied to the possessor
# ("Donald Trump's campaign" ... "It said")
OWNED_ORGS = {"campaign", "camp", "team", "staff", "entourage", "family", "lawyers", "aides", "allies"}
# ... also when a person's name is compounded on them ("the Clinton campaign")
OWNED_BY_NAME = {"campaign", "camp", "team", "staff", "entourage", "lawyers", "aides", "allies"}
# ... and these too when the possessor is a person ("her government" -> her)
STANDS_FOR_PERSON = {"government", "administration", "cabinet", "party"}
# organisation nouns that are part of a role rather than an affiliation ("opposition leader")
ROLE_ORG_WORDS = {"opposition", "party", "government", "army", "military", "union", "police", "rebel"}
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "madam", "mme", "m"}
# words that make a capitalised name an organisation, not a person ("General Assembly")
ORG_WORDS = {
    "assembly",
    "staff",
    "affairs",
    "services",
    "corps",
    "command",
    "court",
    "house",
    "hall",
    "street",
    "square",
    "centre",
    "center",
    "school",
    "college",
    "hospital",
    "club",
    "times",
    "post",
    "news",
    "press",
    "journal",
    "motors",
    "inc",
    "ltd",
    "corp",
    "co",
    "group",
    "fund",
}
RELATIVES = {"who", "whom", "whose", "which", "that"}
FIRST_SECOND = {"i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours"}


# ----------------------------------------------------------------------------- lexicons
def _read(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


@dataclass(frozen=True)
class _Lex:
    titles: dict  # word -> gender or None
    orgs: dict  # lemma -> "sg" | "pl"
    groups: frozenset
    pronouns: dict  # word -> (gender, number)
    institutions: dict  # normalised name -> (code, type)
    capitals: dict  # normalised city -> code
    first_names: dict  # lower-case first name -> m | f


def lexicon() -> _Lex:
    if SPEAKER_RULES_OFF and ("first-names" in SPEAKER_RULES_OFF or "census-names" in SPEAKER_RULES_OFF):
        return _lexicon("first-names" in SPEAKER_RULES_OFF, True)
    if not _LEX:
        _LEX.append(_lexicon(False))
    return _LEX[0]


_LEX: list = []  # the lexicon with every rule on, once read (lexicon() is called very often)


def _first_names(more: bool, census: bool = False) -> dict:
    """first_names.txt (name -> m | f), with ``more`` first_names_more.txt (round 14), with
    ``census`` first_names_census.txt (round 19): ``lexicon.first_names``."""
    files = [f for f in FIRST_NAME_FILES if f == "first_names.txt" or more and "more" in f or census and "census" in f]
    return dict(first_names(tuple(files)))


@lru_cache(maxsize=4)
def _lexicon(no_new_first_names: bool = False, no_census: bool = False) -> _Lex:
    titles = {r[0]: (r[1] if len(r) > 1 else None) for r in _read("titles.txt")}
    orgs = {r[0]: (r[1] if len(r) > 1 else "sg") for r in _read("org_nouns.txt")}
    groups = frozenset(r[0] for r in _read("group_nouns.txt"))
    pronouns = {r[0]: (r[1], r[2]) for r in _read("pronouns.txt")}
    insts = {r[0]: (r[1], r[2] if len(r) > 2 else "ORG") for r in _read("institutions.txt")}
    capitals: dict[str, str] = {}
    for a3, info in all_country_info().items():  # countryinfo's capitals, then the hand-made table (which wins)
        cap = info.get("capital")
        if cap and len(cap) > 3:
            capitals.setdefault(normalise(cap), a3)
    capitals.update({r[0]: r[1] for r in _read("capitals.txt")})
    first = _first_names(not no_new_first_names, not no_new_first_names and not no_census)
    return _Lex(titles, orgs, groups, pronouns, insts, capitals, first)


@lru_cache(maxsize=1)
def _outlet_words() -> frozenset:
    """One-word outlet and platform names (data/en/actors/outlets.tsv: "twitter", "cnn"): the last
    word of a longer name ("Wilayat Twitter", an account named after the platform) is no surname."""
    from ..lexicon import table

    names = (" ".join(r["name"].lower().split()) for r in table("actors/outlets.tsv", columns=("name",)))
    return frozenset(n for n in names if " " not in n)


@lru_cache(maxsize=8192)
def normalise(text: str) -> str:
    return _normalise(text)


def _low(t: Token) -> str:
    # (a curly apostrophe is the straight one: "D’Alessandro" is "D'Alessandro")
    return t.lower_.rstrip(".").replace("\u2019", "'")


ABBREVIATED_TITLES = {"gov", "sen", "rep", "gen", "lt", "col", "sgt", "capt", "adm", "cmdr"}


def _is_title(t: Token) -> bool:
    if t.pos_ not in ("NOUN", "PROPN"):
        return False
    low = _low(t)
    if low in ABBREVIATED_TITLES:  # "Gov. Christie", not "a bad rep"
        return t.text[:1].isupper()
    return low in lexicon().titles or t.lemma_.lower() in lexicon().titles


@lru_cache(maxsize=8192)
def _country_of_word(text: str) -> Optional[str]:
    """Country (or IGO) a word or name stands for: a country, demonym, institution or IGO."""
    key = normalise(text)
    lex = lexicon()
    if key in lex.institutions:
        return lex.institutions[key][0]
    return country_code(text) or igo_code(text)


# ----------------------------------------------------------------------------- state
@dataclass
class _Ent:
    kind: str  # PERSON | ORG | GPE | NORP | OTHER
    name: str
    country: Optional[str] = None
    roles: list = field(default_factory=list)
    gender: Optional[str] = None  # m | f | None, from a first name, honorific or title
    heard: dict = field(default_factory=dict)  # he/she pronouns clearly resolved to it so far
    plural: bool = False
    head: str = ""  # lower-case head noun of a description/org name ("ministry")
    words: frozenset = frozenset()  # lower-case content words of the name
    surname: Optional[str] = None
    first: Optional[str] = None
    named: bool = False  # has a proper name (not only a description)
    mentions: list = field(default_factory=list)  # (start_char, end_char)
    entity: Optional[Entity] = None
    owner: Optional[_Ent] = None  # "Trump's campaign" -> Trump
    divisions: frozenset = frozenset()  # first-level divisions its titles name ("Texas Sen."), round 14
    suffix: str = ""  # a generational suffix of its full name ("jr", "iii"), round 17
    first_told: int = 0  # how often the writer has called it by its first name alone (round 21)
    kin_told: bool = False  # ... once right after a kinship noun ("his brother Freddy"), round 21
    members: int = 0  # how many people a coordination of names holds ("Reyes and Novak": 2), round 21

    def add_role(self, role: str) -> None:
        role = " ".join(role.split())
        if role and role.lower() not in (r.lower() for r in self.roles):
            self.roles.append(role)


@dataclass
class _Mention:
    start: int  # token index
    end: int
    ent: _Ent
    subject: bool
    sent: int
    quoted: bool = False  # inside quotation marks
    speaker: bool = False  # subject of a speech verb ("McLenney said ...")


_QUOTE_RE = re.compile(r"\u201c|\u201d|\"|''|``|\n\s*\n")


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside double quotation marks: curly pairs, straight or '' marks
    toggling; a paragraph break closes an open quote (news continues quotes by reopening)."""
    out = []
    open_at = None
    for m in _QUOTE_RE.finditer(text):
        q = m.group()
        if q == "\u201c" or q == "``":
            open_at = m.end()
        elif q == "\u201d":
            if open_at is not None:
                out.append((open_at, m.start()))
            open_at = None
        elif q in ('"', "''"):
            if open_at is None:
                open_at = m.end()
            else:
                out.append((open_at, m.start()))
                open_at = None
        elif open_at is not None:  # paragraph break
            out.append((open_at, m.start()))
            open_at = None
    return out


class _State:
    """Mentions in token order plus the entities (kept in ``_STATES`` for ``entity_for_span``)."""

    def __init__(self, doc: Doc):
        self._doc = weakref.ref(doc)  # a strong reference would keep the Doc alive in _STATES
        self.text = doc_text(doc)  # doc.text is rebuilt on every access: read it once per Doc
        self.ents: list[_Ent] = []
        self.mentions: list[_Mention] = []  # sorted by start token
        self.starts: list[int] = []
        self.longest = 0  # the most tokens of one mention (mentions_overlapping looks no further back)
        self.sent_starts: list[int] = [0]
        if len(doc) > 1 and (doc.has_annotation("DEP") or doc.has_annotation("SENT_START")):
            flags = doc.to_array("SENT_START")
            self.sent_starts = [0] + [int(i) for i in np.flatnonzero(flags[1:] == 1) + 1]
        self.chunks: list[tuple[int, int]] = []
        if doc.has_annotation("DEP"):
            self.chunks = noun_chunk_bounds(doc)
        self.chunk_starts = [c[0] for c in self.chunks]
        self.surnames: dict[str, list[_Ent]] = {}
        self.firsts: dict[str, list[_Ent]] = {}  # first name -> people
        self.owned: dict[tuple, _Ent] = {}  # (owner id, head) -> "X's campaign"
        self.keys: dict[tuple, _Ent] = {}  # (kind, key) -> entity for names of ORG/GPE/NORP
        self.quoted = _quoted_ranges(self.text)
        self.quoted_starts = [q[0] for q in self.quoted]
        self.group_words: Optional[frozenset] = None  # _group_words, read on first use
        # entities named by the round 9 links ("the Clinton campaign", 'the newspaper "Lidove
        # noviny"'), which the quote confidence model was fitted without (named_late)
        self.late: list[tuple[int, int]] = []  # (start, end) characters of such mentions
        self.late_ents: set[int] = set()  # and entities that had no name before round 9

    def in_quotes(self, char: int) -> bool:
        k = bisect.bisect_right(self.quoted_starts, char) - 1
        return k >= 0 and char < self.quoted[k][1]

    @property
    def doc(self) -> Doc:
        return cast(Doc, self._doc())

    def sent_of(self, i: int) -> int:
        return bisect.bisect_right(self.sent_starts, i) - 1

    def chunk_at(self, i: int) -> Optional[tuple[int, int]]:
        k = bisect.bisect_right(self.chunk_starts, i) - 1
        if k >= 0 and self.chunks[k][0] <= i < self.chunks[k][1]:
            return self.chunks[k]
        return None

    # -- mentions
    def add_mention(self, ent: _Ent, start: int, end: int) -> None:
        doc = self.doc
        if start >= end:
            return
        a, b = doc_tokens(doc)[start].idx, doc_tokens(doc)[end - 1].idx + len(doc_tokens(doc)[end - 1].text)
        if (a, b) in ent.mentions:
            return
        for m in self.mentions_overlapping(start, end):
            if m.start == start and m.end == end:
                return
        ent.mentions.append((a, b))
        root = doc_span(doc, start, end).root
        r = root.head if root.dep_ == "conj" else root
        subj = r.dep_ in ACTOR_DEPS
        speaker = subj and r.head.lemma_.lower() in SPEECH_VERBS
        m = _Mention(start, end, ent, subj, self.sent_of(start), self.in_quotes(a), speaker)
        k = bisect.bisect_right(self.starts, start)
        self.starts.insert(k, start)
        self.mentions.insert(k, m)
        self.longest = max(self.longest, end - start)
        if ent.entity is not None:  # already published: keep the record consistent
            ent.entity.mentions.append(Span(a, b, self.text[a:b]))
            ent.entity.mentions.sort(key=lambda s: (s.start, s.end))

    def mentions_overlapping(self, start: int, end: int) -> list[_Mention]:
        k = bisect.bisect_left(self.starts, end)
        out = []
        j = k - 1
        lo = start - self.longest  # (a mention starting before lo ends before start)
        mentions = self.mentions
        while j >= 0 and k - j <= 40:
            m = mentions[j]
            if m.start < lo:
                break
            if m.end > start and m.start < end:
                out.append(m)
            j -= 1
        return out

    def before(self, i: int):
        """Earlier mentions (ending at or before token i), most recent first, capped."""
        k = bisect.bisect_left(self.starts, i)
        n = 0
        for j in range(k - 1, -1, -1):
            m = self.mentions[j]
            if m.end <= i:
                yield m
                n += 1
                if n >= LOOKBACK_MENTIONS:
                    return

    def new(self, kind: str, name: str, **kw) -> _Ent:
        e = _Ent(kind=kind, name=name, **kw)
        self.ents.append(e)
        return e

    # -- publishing
    def publish(self) -> list[Entity]:
        used = [e for e in self.ents if e.mentions]
        used.sort(key=lambda e: min(e.mentions))
        out = []
        for n, e in enumerate(used, 1):
            e.mentions.sort()
            e.entity = Entity(
                id=f"E{n}",
                name=e.name,
                type=e.kind,
                country=e.country,
                roles=list(e.roles),
                mentions=[Span(a, b, self.text[a:b]) for a, b in e.mentions],
            )
            out.append(e.entity)
        return out


# ----------------------------------------------------------------------------- helpers


def _speech_verb_form(t: Token) -> bool:
    """A capitalised past form of a speech cue verb ("Stated", "Added", "Wrote")."""
    w = t.lower_
    if not t.text[:1].isupper() or not w.isalpha():
        return False
    if w in ("wrote", "told"):  # (not "Said": a first name too)
        return True
    return w.endswith("ed") and (w[:-1] in cue_lemmas("speech") or w[:-2] in cue_lemmas("speech"))


_OPENING_MARKS = frozenset({'"', "\u201c", "\u201e", "\u00ab", "``", "'", "\u2018"})
_ENDING_MARKS = frozenset({'"', "\u201d", "\u00bb", "''", "'", "\u2019", ".", "!", "?"})


def _cue_first(doc: Doc, start: int, end: int) -> bool:
    """The name opens with the speech verb of a cue-first inversion (feature style: 'Said Allen,
    "..."', 'Says Novak: "..."'): "Said", "Says" (first names too, which round 12's test leaves)
    or a capitalised past form of a speech verb, opening its sentence or standing right after a
    closing quotation mark, the name closed by a comma or a colon and an opening quotation mark
    (switch ``cue-first21``)."""
    if "cue-first21" in SPEAKER_RULES_OFF:
        return False
    toks = doc_tokens(doc)
    first = toks[start]
    if not first.text[:1].isupper() or not first.text.isalpha() or not inverted_cue_verb(first.text):
        return False
    if end + 1 >= len(toks) or toks[end].text not in (",", ":") or toks[end + 1].text not in _OPENING_MARKS:
        return False
    j = start - 1
    while j >= 0 and toks[j].is_space:
        j -= 1
    return j < 0 or first.is_sent_start or toks[j].text in _ENDING_MARKS or "\n" in toks[j].whitespace_


def _strip(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading determiners/punctuation and a trailing possessive or punctuation, and a
    dateline the model swept into a name at a line's start ("ROME - Bernie Sanders", round 11)."""
    toks = doc_tokens(doc)
    if (
        start == 0
        or "\n" in toks[start - 1].text
        or toks[start - 1].is_space
        and "\n" in toks[start - 1].whitespace_ + toks[start - 1].text
    ):
        stext = span_text(doc, start, end)
        d = dateline_at(stext)  # "ROME - Bernie Sanders": the dateline is not the name
        if d is not None and stext[d.end :].strip():
            cut = toks[start].idx + d.end
            start = next(i for i in range(start, end) if toks[i].idx + len(toks[i].text) > cut)
    while start < end and (toks[start].lower_ in DETERMINERS or toks[start].is_punct or toks[start].is_space):
        start += 1
    if end - start >= 2 and toks[start].is_sent_start and _speech_verb_form(toks[start]):
        start += 1  # ("Stated Stone:" opening a line, an inverted cue the model swept into the name; round 12)
    elif end - start >= 2 and _cue_first(doc, start, end):
        start += 1  # ('Said Allen, "..."': the cue of a cue-first inversion, not a first name; round 21)
    while end > start and (
        toks[end - 1].is_punct
        or toks[end - 1].is_space
        or toks[end - 1].tag_ == "POS"
        or toks[end - 1].lower_ in ("'s", "’s")
    ):
        end -= 1
    return start, end


def _text(doc: Doc, start: int, end: int) -> str:
    return span_text(doc, start, end) if start < end else ""


DIVISION_MIN_POPULATION = 300_000  # smaller first-level divisions are not read as a country sign


@lru_cache(maxsize=1)
def _division_countries() -> dict[str, str]:
    """First-level division name (normalised) -> the country it lies in ("texas" -> USA,
    "bavaria" -> DEU), from the places table ``data/places/admin1.tsv``: divisions of at least
    ``DIVISION_MIN_POPULATION`` people, and a name shared by divisions of two countries only
    when one has five times the people of the other ("Montana": the US state, not the Bulgarian
    province); a name that is also a country's is left to the country ("Georgia")."""
    from ..gazetteer import places_table

    a3 = {i.get("alpha2"): k for k, i in all_country_info().items() if i.get("alpha2")}
    best: dict[str, list] = {}
    for r in places_table("admin1.tsv"):
        key = normalise(r["name"])
        pop = int(r["population"] or 0)
        if not key or not a3.get(r["cc"]):
            continue
        best.setdefault(key, []).append((pop, a3[r["cc"]]))
    out = {}
    for key, cands in best.items():
        cands.sort(reverse=True)
        pop, country = cands[0]
        if pop < DIVISION_MIN_POPULATION or country_code(key) or igo_code(key):
            continue
        if len({c for _, c in cands}) > 1 and pop < 5 * max(p for p, c in cands if c != country):
            continue
        out[key] = country
    return out


@lru_cache(maxsize=1)
def _building_heads() -> set[str]:
    """Head words of buildings (``data/places/building_heads.txt``, shared with the places):
    a name the model tags PERSON that ends in one is no person ("Trump Tower")."""
    from ..gazetteer import places_words

    return {normalise(w) for w in places_words("building_heads.txt")}


def _entity_bounds(doc: Doc, t: Token) -> tuple[int, int]:
    """Start and end (token indices) of the named entity ``t`` is part of."""
    toks = doc_tokens(doc)
    a = t.i
    while a > 0 and toks[a].ent_iob_ == "I":
        a -= 1
    b = t.i + 1
    while b < len(doc) and toks[b].ent_iob_ == "I":
        b += 1
    return a, b


def _division_country(doc: Doc, t: Token, end: int) -> tuple[Optional[str], int]:
    """The country of a first-level division named from ``t`` on (before ``end``) and the end of
    its name: "Texas Sen. Ted Cruz", "New Jersey Gov.", "Ontario Premier Doug Ford". A place
    entity is read whole; other capitalised words as the longest division name of up to three
    words (the model often leaves "Ontario" untagged before a title). (None, t.i) else."""
    table = _division_countries()
    if t.ent_type_ in ("GPE", "LOC") and t.ent_iob_ in ("B", "I"):
        a, b = _entity_bounds(doc, t)
        return table.get(normalise(span_text(doc, a, b))), b
    for k in (3, 2, 1):
        span = doc[t.i : min(t.i + k, end)]
        if len(span) == k and all(w.is_alpha and w.text[:1].isupper() for w in span):
            c = table.get(normalise(span.text))
            if c:
                return c, t.i + k
    return None, t.i


def _country_word(doc: Doc, t: Token) -> Optional[str]:
    """The country a capitalised word stands for, unless it is only part of a longer name
    ("New Jersey" is not Jersey) or of a hyphenated word ("Mexican-American", "Inter-American")."""
    toks = doc_tokens(doc)
    if (
        t.i > 0
        and toks[t.i - 1].text in ("-", "\u2013")
        and not toks[t.i - 1].whitespace_  # ("JERUSALEM - Israeli Prime Minister": a dash, no hyphen)
        or t.i + 1 < len(doc)
        and toks[t.i + 1].text in ("-", "\u2013")
        and not t.whitespace_
    ):
        return None
    if t.ent_iob_ in ("B", "I") and t.ent_type_ in ("GPE", "LOC", "NORP"):
        a, b = _entity_bounds(doc, t)
        if b - a > 1:
            whole = span_text(doc, a, b)
            return country_code(whole) or igo_code(whole)
    return _country_of_word(t.text)


def _describe(doc: Doc, start: int, end: int) -> tuple[Optional[str], Optional[str], bool, set]:
    """Read descriptor tokens doc[start:end] (no name in them): country, role, is-person, words.

    "Polish Foreign Minister" -> (POL, "Foreign Minister", True); "Russian Defence Ministry
    spokesman" -> (RUS, "spokesman", True); "Kremlin spokesman" -> (RUS, "spokesman", True)."""
    toks = doc_tokens(doc)
    lex = lexicon()
    country = None
    cut = start  # the role starts after the last country/organisation word
    has_title = False
    words = set()
    first_title = next((k for k in range(start, end) if _is_title(toks[k])), end)
    for t in toks[first_title:end]:
        if t.is_alpha:
            words.add(_low(t))
    i = start
    while i < first_title:  # words after the title ("envoy to NATO") are part of the role
        t = toks[i]
        low = _low(t)
        # multi-word institutions ("White House", "Downing Street")
        if i + 1 < end and normalise(span_text(doc, i, i + 2)) in lex.institutions:
            country = country or lex.institutions[normalise(span_text(doc, i, i + 2))][0]
            cut = i + 2
            i += 2
            continue
        c = None
        if (t.pos_ in ("ADJ", "PROPN", "NOUN") or t.ent_type_ in ("NORP", "GPE", "ORG")) and t.text[:1].isupper():
            c = _country_word(doc, t)
        division, after = (None, i)
        if not c and t.text[:1].isupper() and not _is_title(t):
            division, after = _division_country(doc, t, first_title)  # "Texas Sen." is a US senator
        if c:
            country = country or c
            cut = i + 1
        elif division:
            country = country or division
            if "division-fit" not in SPEAKER_RULES_OFF:
                words.add(DIVISION_MARK + normalise(span_text(doc, i, max(after, i + 1))))
            cut = i = max(after, i + 1)
            continue
        elif (
            low in lex.orgs or t.lemma_.lower() in lex.orgs or t.ent_type_ in ("ORG", "GPE", "LOC")
        ) and low not in ROLE_ORG_WORDS:
            cut = i + 1  # an affiliation or place, not part of the role ("New Jersey Gov.")
        elif t.lower_ in DETERMINERS or (t.is_punct and t.text not in ("-", "\u2013")) or t.tag_ in ("PRP$", "POS"):
            cut = i + 1
        if _is_title(t):
            has_title = True
        if t.is_alpha:
            words.add(low)
        i += 1
    for t in toks[start:end]:
        if _low(t) in HONORIFICS and lex.titles.get(_low(t)):
            words.add("__gender_" + lex.titles[_low(t)])
    role_toks = []
    for t in toks[cut:end]:
        if t.lower_ in RELATIVES or t.pos_ in ("VERB", "AUX"):
            break  # "ambassador to Libya who perished ..." -> "ambassador to Libya"
        if not t.is_punct and _low(t) not in HONORIFICS:
            role_toks.append(t)
    role = None
    if role_toks and any(_is_title(t) for t in role_toks):
        # drop "unnamed", "senior", numbers and adverbs ("especially President") from the front
        while role_toks and (role_toks[0].lower_ in UNNAMED or role_toks[0].like_num or role_toks[0].pos_ == "ADV"):
            role_toks = role_toks[1:]
        if role_toks and any(_is_title(t) for t in role_toks):
            role = span_text(doc, role_toks[0].i, role_toks[-1].i + 1)
    return country, role, has_title, words


# ----------------------------------------------------------------------------- component
class EntitiesComponent:
    """spaCy component: ``doc._.entities`` = list of ``record.Entity``, resolved in the article."""

    @gc_paused
    def __call__(self, doc: Doc) -> Doc:
        state = _State(doc)
        _STATES[doc] = state
        if len(doc):
            _resolve_document(state)
        doc._.entities = state.publish()
        return doc


@Language.factory(
    "newsgraph_entities",
    default_config={},
    requires=[
        "doc.ents",
        "token.dep",
        "token.pos",
        "token.tag",
        "token.lemma",
        "token.ent_type",
        "token.is_sent_start",
    ],
    assigns=["doc._.entities"],
)
def make_entities(nlp: Language, name: str) -> EntitiesComponent:
    return EntitiesComponent()


def _person_name(doc: Doc, start: int, end: int) -> tuple[int, int, Optional[int], bool]:
    """Strip titles inside a name span ("President Claire Dubois" -> Claire Dubois) and return
    (start, end, first token of the titles or None, had_title)."""
    toks = doc_tokens(doc)
    s, e = _strip(doc, start, end)
    k = s
    last_title = None
    while k < e - 1:
        if _is_title(toks[k]):
            last_title = k
        elif not (toks[k].text[:1].isupper() and (toks[k].pos_ in ("PROPN", "ADJ", "NOUN"))):
            break
        k += 1
    if (
        last_title is not None
        and all(_low(t) in GENERATIONAL for t in toks[last_title + 1 : e])
        and "generational" not in SPEAKER_RULES_OFF
    ):
        # "Martin Luther King III": the title word is the surname before a generational suffix
        last_title = next((j for j in range(last_title - 1, s - 1, -1) if _is_title(toks[j])), None)
    if last_title is not None:
        return last_title + 1, e, s, True
    return s, e, None, False


def _lead_trim(doc: Doc, s: int, e: int, person_texts: set) -> int:
    """The start of a person's name without the capitalised words the model swept in front of
    it: a headline's or a sentence's words ("Black Lawmakers Rip Donald Trump", "Certainly
    Donald Trump has ...", "Another GOP Figure Endorses Hillary Clinton") or a descriptor
    ("fellow Kentuckian Rand Paul"). One or two words are left off when a known first name
    (first_names.txt) follows them and a surname that, none of them is a first name, a name
    particle or an initial, each stands apart (not "Lin-Manuel"), and the sign is clear: one of
    them is no proper noun to the tagger, or the first opens its sentence or line, or the rest
    is a name the model finds elsewhere in the article (round 18, switch ``name-lead``)."""
    toks = doc_tokens(doc)
    lex = lexicon()
    for j in range(s + 1, min(s + 3, e - 1)):
        if _low(toks[j]) not in lex.first_names or not toks[j].text[:1].isupper():
            continue
        lead = toks[s:j]
        if any(
            _low(t) in lex.first_names
            or _low(t) in name_particles()
            or not t.whitespace_
            or not t.is_alpha
            or len(t.text) < 2
            for t in lead
            if not t.is_space  # ("Billionaire  Donald Trump": a second space is a token)
        ):
            return s
        lead = [t for t in lead if not t.is_space]
        first = toks[s]
        opens = first.is_sent_start or s == 0 or "\n" in toks[s - 1].text_with_ws
        if opens or any(t.pos_ != "PROPN" for t in lead) or normalise(span_text(doc, j, e)) in person_texts:
            return j
        return s
    return s


GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv"})  # (lower case, without the full stop)


def _surname_end(toks: list, s: int, e: int) -> int:
    """The end of a name without its generational suffix: "John Smith Jr." and "Salvador Malbog
    IV" are Smith and Malbog for the surname alone that follows (switch ``generational``)."""
    if "generational" in SPEAKER_RULES_OFF:
        return e
    while e - s > 2 and _low(toks[e - 1]) in GENERATIONAL:
        e -= 1  # ("Donald Jr." keeps its suffix: a first name alone is no surname)
    return e


_LEAD_JUNK_RE = re.compile(r"^[\W_]+")  # what no name opens with (name-lead)
_APOSTROPHE_NAME_RE = re.compile(r"\b[A-Z]['\u2019][A-Z][a-z]{2,}\b")


def _with_apostrophe_names(doc: Doc):
    """The model's entities, and a surname such as "D\u2019Souza" or "O'Malley" that it left out
    (it tags the word a common noun), with the capitalised proper nouns right before it ("Dinesh"),
    as a PERSON (round 14, ``apostrophe-name``). Found by a pattern over the text, not a walk
    over the tokens."""
    text = doc_text(doc)
    if "apostrophe-name" in SPEAKER_RULES_OFF or not _APOSTROPHE_NAME_RE.search(text):
        return doc.ents
    ents = list(doc.ents)
    extra: list = []
    people = [e.text for e in ents]
    for m in _APOSTROPHE_NAME_RE.finditer(text):
        if any(m.group() in p for p in people):
            continue  # ("Brett O\u2019Donnell" found by the model: its surname alone joins it as usual)
        sp = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if sp is None or any(t.ent_type_ or t.pos_ in ("VERB", "AUX") for t in sp):
            continue
        if any(e.start < sp.end and sp.start < e.end for e in ents + extra):
            continue
        s = sp.start
        while s > 0 and sp.start - s < 2:
            t = doc[s - 1]
            if t.pos_ != "PROPN" or not t.text[:1].isupper() or t.ent_type_ or _is_title(t):
                break
            s -= 1
        extra.append(DocSpan(doc, s, sp.end, label="PERSON"))
    return sorted(ents + extra, key=lambda e: e.start) if extra else ents


def _resolve_document(st: _State) -> None:
    doc = st.doc
    lex = lexicon()

    # 1. candidate names: spaCy entities, titles in front making a PERSON
    names: list[list[Any]] = []  # (start, end, label, left_start, inner_role)
    full_names: dict[str, list[tuple[int, str]]] = {}  # surname -> [(pos, first name)]
    # surnames of the people the model names in full ("Donald Trump"): "Trump Tower" is no person
    surnames = {_low(ent[-1]) for ent in doc.ents if ent.label_ == "PERSON" and len(ent) >= 2 and ent[-1].is_alpha}
    # a dateline's place ("OSLO -", a sentence of its own since round 16) is a place, whatever the
    # model tags it (ORG, PERSON)
    dateline_places = {d.place for d in datelines(st.text)} if "dateline-gpe" not in SPEAKER_RULES_OFF else set()
    person_texts: Optional[set] = None  # the model's PERSON names of two words or more (name-lead)
    told_persons = _told_as_persons(doc) if "told-person" not in SPEAKER_RULES_OFF else set()
    for ent in _with_apostrophe_names(doc):
        if ent.label_ not in NAME_LABELS:
            continue
        s, e = _strip(doc, ent.start, ent.end)
        if s >= e:
            continue
        label = ent.label_
        if label in ("ORG", "GPE") and told_persons and _low(doc_tokens(doc)[e - 1]) in told_persons:
            if all(
                t.pos_ == "PROPN" and t.text[:1].isupper() and _low(t) not in lex.orgs and _low(t) not in ORG_WORDS
                for t in doc_tokens(doc)[s:e]
            ):
                label = "PERSON"  # "Adel Nefzi said he ...", "Nefzi, a chemistry professor," (round 19)
        if (
            dateline_places
            and label != "GPE"
            and (doc_tokens(doc)[s].idx, doc_tokens(doc)[e - 1].idx + len(doc_tokens(doc)[e - 1])) in dateline_places
        ):
            label = "GPE"
        if (
            label == "NORP"
            and e - s >= 2
            and _low(doc_tokens(doc)[s]) in lex.first_names
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in doc_tokens(doc)[s:e])
        ):
            label = "PERSON"  # "Victoria Vivians" tagged a nationality: a first name makes a person
        if (
            label == "ORG"
            and s > ent.start
            and dateline_at(span_text(doc, ent.start, ent.end)) is not None
            and e - s >= 2
            and _low(doc_tokens(doc)[s]) in lex.first_names
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in doc_tokens(doc)[s:e])
        ):
            label = "PERSON"  # "ROME - Bernie Sanders" read as one body: the dateline gone, a person
        if (
            label == "ORG"
            and e - s >= 2
            and s > 0
            and _low(doc[s]) in lex.first_names
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in doc[s:e])
            and doc[s - 1].pos_ == "NOUN"
            and doc[s - 1].text[:1].islower()
            and (_is_title(doc[s - 1]) or doc[s - 1].lower_ in _person_words())
            and "role-first-name" not in SPEAKER_RULES_OFF
        ):
            # "presidential candidate Carly Fiorina" read as a body: a role and a first name (round 13)
            label = "PERSON"
        left = (st.chunk_at(ent.start) or (ent.start, ent.end))[0]
        if (
            label != "PERSON"
            and s > 0
            and _is_title(doc_tokens(doc)[s - 1])
            and doc_tokens(doc)[s - 1].text[:1].isupper()
        ):
            label = "PERSON"
        ps, pe, inner_role, had = _person_name(doc, s, e)
        if had and label != "PERSON":
            rest = doc_span(doc, ps, pe)
            if all(
                t.pos_ == "PROPN"
                and _low(t) not in lex.orgs
                and t.lemma_.lower() not in lex.orgs
                and _low(t) not in ORG_WORDS
                for t in rest
            ):
                label = "PERSON"
            else:
                inner_role = None
        # "DNAinfo's Eddie Small", "Times' Ana Ruiz": a person after an outlet's possessive
        pos = [
            t.i for t in doc_tokens(doc)[s : e - 1] if t.tag_ == "POS" or t.lower_ in ("'s", "\u2019s", "'", "\u2019")
        ]
        if pos and e - pos[-1] - 1 >= 2 and _low(doc_tokens(doc)[pos[-1] + 1]) in lex.first_names:
            s = ps = pos[-1] + 1
            label = "PERSON"
        if label == "PERSON" and e - s in (2, 3) and _low(doc_tokens(doc)[s]) in surnames:
            # another person's surname, then a building or an institution: "Trump Tower" is a
            # building (no entity), "the Obama White House" a body
            if e - s == 2 and normalise(doc_tokens(doc)[s + 1].text) in _building_heads():
                continue
            if e - s == 3 and normalise(span_text(doc, s + 1, e)) in lex.institutions:
                s, label = s + 1, "ORG"  # the White House under Obama: the White House
        if label == "PERSON":
            s, e = ps, pe
            # trim words the model swept into a name: "Obama Says" (a headline)
            while e - s > 1 and doc_tokens(doc)[e - 1].pos_ not in ("PROPN", "NOUN"):
                e -= 1
            # the model sometimes leaves a first name out: "Mehmet [Kaya]"
            while (
                s > 0
                and doc_tokens(doc)[s - 1].pos_ == "PROPN"
                and doc_tokens(doc)[s - 1].dep_ == "compound"
                and s <= doc_tokens(doc)[s - 1].head.i < e
                and doc_tokens(doc)[s - 1].text[:1].isupper()
                and doc_tokens(doc)[s - 1].is_alpha
                and not doc_tokens(doc)[s - 1].ent_type_
                and not _is_title(doc_tokens(doc)[s - 1])
            ):
                s -= 1
            if "name-lead" not in SPEAKER_RULES_OFF and e - s >= 3:
                if person_texts is None:
                    person_texts = {normalise(x.text) for x in doc.ents if x.label_ == "PERSON" and len(x) >= 2}
                s = _lead_trim(doc, s, e, person_texts)
            se = _surname_end(doc_tokens(doc), s, e)
            if se - s >= 2 and _low(doc_tokens(doc)[se - 1]) not in _outlet_words():
                full_names.setdefault(_low(doc_tokens(doc)[se - 1]), []).append((s, _low(doc_tokens(doc)[s])))
        names.append([s, e, label, min(left, s), inner_role])

    # a body's own name in quotation marks after its description, which the model leaves
    # untagged: 'the newspaper "Lidove noviny"', 'the agency, "Novosti",'
    late_names = _quoted_appositive_names(doc, lex)
    for s, e in late_names:
        # (the model's own pieces of it go: "Vecerni" tagged a place)
        names = [n for n in names if not (s <= n[0] and n[1] <= e)]
        names.append([s, e, "ORG", s, None])

    known_surnames = set(full_names)
    # single tokens equal to a known surname are that person, whatever their label
    for n in names:
        s, e, label = n[0], n[1], n[2]
        if label != "PERSON" and e - s == 1 and _low(doc_tokens(doc)[s]) in known_surnames:
            n[2] = "PERSON"
    # and a proper noun equal to the first name (a known one, first_names.txt) of one full name of
    # the article ("Megyn was incredulous" after "Megyn Kelly"; round 16, switch first-ahead)
    firsts_of: dict[str, set] = {}
    for sur, met in full_names.items():
        for _, fn in met:
            firsts_of.setdefault(fn, set()).add(sur)
    known_firsts = (
        {
            fn
            for fn, surs in firsts_of.items()
            if len(surs) == 1 and fn not in known_surnames and fn in lex.first_names and fn not in _outlet_words()
        }
        if "first-ahead" not in SPEAKER_RULES_OFF
        else set()
    )
    for n in names:
        s, e, label = n[0], n[1], n[2]
        t = doc_tokens(doc)[s]
        if label != "PERSON" and e - s == 1 and t.pos_ == "PROPN" and _low(t) in known_firsts:
            n[2] = "PERSON"
    # a surname the model missed entirely (no entity at all)
    covered: set[int] = set()
    for n in names:
        covered.update(range(n[0], n[1]))
    lows = doc.to_array("LOWER") if len(doc) else np.zeros(0, dtype="uint64")
    strings = doc.vocab.strings
    for i in _positions(lows, [strings[v] for w in known_surnames for v in {w, w.replace("'", "\u2019")}]):
        t = doc_tokens(doc)[i]
        # (the small model may even tag it a common noun: "Sanders, accordingly, is ...")
        if (
            t.i not in covered
            and t.pos_ in ("PROPN", "NOUN")
            and _low(t) in known_surnames
            and not t.ent_type_
            and t.text[:1].isupper()
            and (t.dep_ not in ("compound", "amod") or t.head.pos_ == "PROPN")
        ):
            s = t.i
            if "missed-first" not in SPEAKER_RULES_OFF and s > 0:
                # "CLEVELAND - Donald Trump painted ...", the whole name left untagged: the first
                # name before the surname makes it that person, not another of the surname the
                # article names (Ivanka Trump) (round 20)
                f = doc_tokens(doc)[s - 1]
                if (
                    f.i not in covered
                    and f.pos_ == "PROPN"
                    and not f.ent_type_
                    and f.text[:1].isupper()
                    and f.is_alpha
                    and _low(f) in lex.first_names
                    and _low(f) not in known_surnames
                ):
                    s = f.i
            names.append([s, t.i + 1, "PERSON", s, None])
            covered.update(range(s, t.i + 1))
    for i in _positions(lows, [strings[v] for w in known_firsts for v in {w}]):
        t = doc_tokens(doc)[i]
        if (
            t.i not in covered
            and t.pos_ == "PROPN"
            and not t.ent_type_
            and t.text[:1].isupper()
            and t.dep_ not in ("compound", "amod")
        ):
            names.append([t.i, t.i + 1, "PERSON", t.i, None])
            covered.add(t.i)

    # 2. names first (they cluster by surname and key alone), then descriptions (noun chunks)
    # and pronouns in document order, each resolved against the mentions before it
    names.sort(key=lambda n: n[0])
    late_starts = {s for s, _ in late_names}
    for n in names:
        got = _add_name(st, n[0], n[1], n[2], n[3], n[4], full_names=full_names)
        if got is not None and n[0] in late_starts:
            st.late_ents.add(id(got))
    _add_coordinations(st)
    events: list[tuple[int, int, str, Any]] = []
    for cs, ce in st.chunks:
        root = doc_span(doc, cs, ce).root
        if root.i in covered or root.pos_ == "PRON":
            continue
        low = root.lemma_.lower()
        if _is_title(root) or low in lex.orgs or root.lower_ in lex.orgs or root.lower_ in lex.groups:
            events.append((cs, 1, "desc", (cs, ce)))
    for i in _positions(lows, [strings[w] for w, (g, _) in lex.pronouns.items() if g in ("m", "f")]):
        t = doc_tokens(doc)[i]
        if (
            t.lower_ in lex.pronouns
            and t.pos_ == "PRON"
            or (t.lower_ in ("his", "her", "its", "their") and t.tag_ == "PRP$")
        ):
            g, _ = lex.pronouns[t.lower_]
            # he/she family resolved eagerly (not inside quotes: those are often someone the
            # speaker talks about); they/it and quoted pronouns on demand
            if g in ("m", "f") and not st.in_quotes(t.idx):
                events.append((t.i, 2, "pron", t.i))
    events.sort(key=lambda x: (x[0], x[1]))

    for _, _, kind, data in events:
        if kind == "desc":
            _add_description(st, data[0], data[1], create="actor")
        else:
            _add_pronoun(st, data, learn=True)


_OPEN_MARKS = {'"', "\u201c", "\u201e", "\u00ab", "``", "'", "\u2018"}
_CLOSE_MARKS = {'"', "\u201d", "\u00bb", "''", "'", "\u2019"}


def _quoted_appositive_names(doc: Doc, lex: _Lex) -> list[tuple[int, int]]:
    """A body's name right after an organisation noun (``org_nouns.txt``), in apposition or
    compounded on it, that the model tagged no organisation or person: in quotation marks
    ('the newspaper "Lidove noviny"', 'the agency, "Novosti",'; up to five words, the first
    capitalised), or one capitalised proper noun right after the noun ("the Danish newspaper
    Dagposten")."""
    out: list[tuple[int, int]] = []
    if len(doc) < 3:
        return out
    # candidates from the token arrays (a Python loop over every token is too slow here): a quote
    # mark, or a proper noun in apposition to or compounded on the common noun right before it
    strings = doc.vocab.strings
    arr = doc.to_array(["ORTH", "POS", "DEP", "HEAD"])
    orth, pos, dep, head = arr[:, 0], arr[:, 1], arr[:, 2], arr[:, 3].astype("int64")
    marks = np.isin(orth, np.array([strings[m] for m in _OPEN_MARKS], dtype=arr.dtype))
    propn, noun = _PROPN, _NOUN
    deps = np.array([strings["appos"], strings["compound"]], dtype=arr.dtype)
    after_noun = np.zeros(len(doc), dtype=bool)
    after_noun[1:] = (pos[1:] == propn) & (pos[:-1] == noun) & (head[1:] == -1) & np.isin(dep[1:], deps)
    for i in np.flatnonzero(marks | after_noun):
        t = doc_tokens(doc)[int(i)]
        if t.text in _OPEN_MARKS and t.i + 2 < len(doc):
            # the closing mark within six tokens
            close = next(
                (j for j in range(t.i + 2, min(t.i + 8, len(doc))) if doc_tokens(doc)[j].text in _CLOSE_MARKS), None
            )
            if close is None:
                continue
            s, e = t.i + 1, close
        elif after_noun[t.i] and not t.ent_type_ and (t.i + 1 == len(doc) or doc_tokens(doc)[t.i + 1].pos_ != "PROPN"):
            s, e = t.i, t.i + 1
        else:
            continue
        toks = doc_span(doc, s, e)
        if (
            not toks[0].text[:1].isupper()
            or not all(x.is_alpha or x.text in ("-", "&", ".") for x in toks)
            or any(x.ent_type_ in ("PERSON", "ORG", "DATE", "TIME") for x in toks)
        ):
            continue
        root = toks.root
        h = root.head
        if not (root.dep_ in ("appos", "compound") and h.i < s and h.pos_ == "NOUN"):
            continue
        if h.lemma_.lower() not in lex.orgs and h.lower_ not in lex.orgs:
            continue
        if any(x.i != t.i and not x.is_punct for x in doc_tokens(doc)[h.i + 1 : s]):
            continue  # (the mark right after the noun, or after a comma)
        out.append((s, e))
    return out


def _add_coordinations(st: _State) -> None:
    """ "Brown and From share ...": coordinated people acting together are also a group (for
    they/their), with a mention over the whole coordination."""
    doc = st.doc
    for m in list(st.mentions):
        if m.ent.kind != "PERSON":
            continue
        root = doc_span(doc, m.start, m.end).root
        if root.dep_ not in ACTOR_DEPS:
            continue
        members, end = [m.ent], m.end
        for c in children(root):
            if c.dep_ == "conj":
                for m2 in st.mentions_overlapping(c.i, c.i + 1):
                    if m2.ent.kind == "PERSON" and m2.ent not in members:
                        members.append(m2.ent)
                        end = max(end, m2.end)
        if len(members) > 1:
            key = ("GROUP", frozenset(id(x) for x in members))
            ent = st.keys.get(key)
            if ent is None:
                ent = st.new("OTHER", " and ".join(x.name for x in members), plural=True, head="group")
                ent.members = len(members)
                st.keys[key] = ent
            st.add_mention(ent, m.start, end)


def _positions(lows, hashes) -> list[int]:
    """Token indices whose lower-case form is one of ``hashes`` (a vectorised scan)."""
    if not len(lows) or not hashes:
        return []
    return [int(i) for i in np.flatnonzero(np.isin(lows, np.array(hashes, dtype=lows.dtype)))]


def _actor_dep(tok: Token) -> bool:
    t = tok
    while t.dep_ in ("conj", "appos") and t.head != t:
        t = t.head
    if t.dep_ in ACTOR_DEPS:
        return True
    if t.dep_ == "pobj" and t.head.lower_ == "by" and t.head.dep_ == "agent":
        return True
    if t.dep_ == "pobj" and t.head.lower_ == "to" and t.head.head.lower_ == "according":
        return True
    return False


def _add_name(
    st: _State, s: int, e: int, label: str, left: int, inner_role: Optional[int], full_names: dict
) -> Optional[_Ent]:
    doc = st.doc
    lex = lexicon()
    text = _text(doc, s, e)
    key = normalise(text)
    first = doc_tokens(doc)[s]
    if first.idx > 0 and doc_text(doc)[first.idx - 1] == "#" and "hashtag" not in SPEAKER_RULES_OFF:
        return None  # "#Justdoit", "#BernieOrBust": a hashtag is no name (round 14)
    if label == "PERSON":
        return _add_person(st, s, e, left, inner_role, full_names)
    root = doc_span(doc, s, e).root
    if label == "ORG" and not any(ch.isupper() for ch in text):
        return None  # "un" in running text is not the UN
    if label == "ORG" or key in lex.institutions:
        h = root.head
        if (
            root.dep_ in ("compound", "amod")
            and not (s <= h.i < e)
            and h.pos_ == "NOUN"
            and not _is_title(h)
            and h.lemma_.lower() not in lex.orgs
            and h.lower_ not in lex.groups
        ):
            return None  # a name used as a modifier of a thing: "the Udy river"
        code = None
        kind = "ORG"
        if key in lex.institutions:
            code, kind = lex.institutions[key]
        else:
            code = igo_code(text)
            if not code:
                # country words inside the name or right before it ("Russian Defence Ministry")
                for t in doc_tokens(doc)[s:e]:
                    if t.text[:1].isupper() and t.i < e - 1:
                        c = (
                            _country_word(doc, t)
                            if t.ent_type_ != "ORG"
                            else (
                                None
                                if (
                                    t.i > 0
                                    and doc_tokens(doc)[t.i - 1].text == "-"
                                    and not doc_tokens(doc)[t.i - 1].whitespace_
                                )
                                or (t.i + 1 < len(doc) and doc_tokens(doc)[t.i + 1].text == "-" and not t.whitespace_)
                                else _country_of_word(t.text)
                            )
                        )
                        if c:
                            code = c
                            break
                if not code and left < s:
                    code, _, _, _ = _describe(doc, left, s)
                if not code:
                    code = _possessor_country(doc, root)
        ent = st.keys.get(("ORG", key))
        if ent is None and "acronym" not in SPEAKER_RULES_OFF:
            # "the International Monetary Fund ... The IMF": an acronym and the name it stands for
            # are one body (round 14)
            ent = _acronym_of(st, text)
            if ent is not None:
                st.keys[("ORG", key)] = ent
                if _acronym(ent.name) and not _acronym(text):
                    ent.name = text  # (the name is fuller than its acronym)
        if ent is None:
            head = _low(doc_tokens(doc)[e - 1])
            ent = st.new(
                kind,
                text,
                country=code,
                head=head,
                named=True,
                words=frozenset(_low(t) for t in doc_tokens(doc)[s:e] if t.is_alpha),
                plural=lex.orgs.get(head) == "pl",
            )
            st.keys[("ORG", key)] = ent
            if kind == "ORG" and "acronym" not in SPEAKER_RULES_OFF:
                _note_acronym(st, ent)
        st.add_mention(ent, s, e)
        return ent
    if label == "NORP" and root.tag_ == "NNPS" and _actor_dep(root) and not country_code(text):
        # "Several Democrats said": a group named by its politics or faith, no country
        ent = st.keys.get(("NORP", key))
        if ent is None:
            ent = st.new("NORP", text, named=True, plural=True)
            st.keys[("NORP", key)] = ent
        st.add_mention(ent, s, e)
        return ent
    if label in ("GPE", "NORP"):
        code = country_code(text) or lex.capitals.get(key) or igo_code(text)
        if not code or not _actor_dep(root):
            return None
        if label == "NORP" and root.pos_ not in ("NOUN", "PROPN"):
            return None
        kind = "GPE" if label == "GPE" else "NORP"
        ent = st.keys.get((kind, code))
        if ent is None:
            ent = st.new(kind, text, country=code, named=True, plural=(label == "NORP"))
            st.keys[(kind, code)] = ent
        elif kind == "GPE" and country_code(text) and not country_code(ent.name):
            ent.name = text  # "Russia" is a fuller name for the cluster than "Moscow"
        st.add_mention(ent, s, e)
        return ent
    return None


_INITIAL_SKIP = {"of", "the", "and", "for", "on", "in", "&", "to"}


def _acronym(text: str) -> Optional[str]:
    """'IMF', 'U.N.', 'DNC': the letters of an acronym of 2-6 capitals, else None."""
    t = text.replace(".", "").strip()
    return t if 2 <= len(t) <= 6 and t.isalpha() and t.isupper() else None


def _initials(text: str) -> str:
    """'International Monetary Fund' -> 'IMF' (capitalised words; of, the, and, ... skipped)."""
    words = [w for w in re.split(r"[\s\-]+", text) if w and w.lower() not in _INITIAL_SKIP]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ""
    return "".join(w[0] for w in words)


def _acronym_of(st: _State, text: str) -> Optional[_Ent]:
    """The named body met before whose name is ``text``'s acronym, or the acronym of ``text``
    (round 14, ``acronym``); None when none or more than one fit."""
    acr = _acronym(text)
    ini = "" if acr else _initials(text)
    if not acr and not ini:
        return None
    index = st.__dict__.setdefault("acronyms", {"ini": {}, "acr": {}})  # (filled by _note_acronym)
    found = index["ini"].get(acr, []) if acr else index["acr"].get(ini, [])
    return found[0] if len(found) == 1 else None


def _note_acronym(st: _State, ent: _Ent) -> None:
    """Index a named organisation by its initials and as an acronym, for ``_acronym_of``."""
    index = st.__dict__.setdefault("acronyms", {"ini": {}, "acr": {}})
    acr = _acronym(ent.name)
    if acr:
        index["acr"].setdefault(acr, []).append(ent)
    else:
        ini = _initials(ent.name)
        if ini:
            index["ini"].setdefault(ini, []).append(ent)


def _possessor_country(doc: Doc, root: Token) -> Optional[str]:
    for c in children(root):
        if c.dep_ == "poss" and c.text[:1].isupper():
            code = _country_of_word(c.text)
            if code:
                return code
    return None


@lru_cache(maxsize=1)
def _kin_words() -> frozenset:
    """data/en/entities/kin.tsv: kinship nouns (round 21, first-told21)."""
    from ..lexicon import table

    return frozenset(r["word"] for r in table("entities/kin.tsv", columns=("word", "note"), key=("word",)))


def _told_by_first_name(st: _State, s: int, ent: _Ent) -> None:
    """Count a lone first name at token s that the writer uses to tell a person apart: outside
    quotation marks and not in the article's first line (a headline's first names are for
    brevity); and note one set off right after a kinship noun ("his brother Freddy", "her
    husband, Tom"), the way a relative is told apart (first-told21)."""
    toks = doc_tokens(st.doc)
    a = toks[s].idx
    first_line_end = st.text.find("\n")
    if st.in_quotes(a) or first_line_end < 0 or a <= first_line_end:
        return
    ent.first_told += 1
    j = s - 1
    if j >= 0 and toks[j].text == ",":
        j -= 1
    if j >= 0 and toks[j].lower_ in _kin_words():
        ent.kin_told = True


def _add_person(st: _State, s: int, e: int, left: int, inner_role: Optional[int], full_names: dict) -> _Ent:
    doc = st.doc
    lex = lexicon()
    se = _surname_end(doc_tokens(doc), s, e)
    toks = [t for t in doc_tokens(doc)[s:se]]
    suffix = " ".join(_low(t) for t in doc_tokens(doc)[se:e])  # "jr", "iii" or ""
    surname = _low(toks[-1])
    first = _low(toks[0]) if len(toks) > 1 else None
    # descriptors first: tokens in front of the name in its noun chunk, titles inside the span
    descs = []  # (country, role, words)
    if inner_role is not None and inner_role < s:
        descs.append(_describe(doc, inner_role, s))  # "President Claire Dubois" as one entity
    title_prep = _title_prep(doc, left, s, e)
    if title_prep is not None:
        # "U.S. ambassador to Libya Chris Stevens": the title phrase holds the descriptors,
        # and the country right before the name is where he is posted, not where he is from
        descs.append(_describe(doc, title_prep, s))
    elif left < s and left != inner_role:
        descs.append(_describe(doc, left, s))
    gender = lex.first_names.get(first) if first else None
    if first is None and surname not in full_names and "first-gender" not in SPEAKER_RULES_OFF:
        # "Hillary" alone, a first name no full name of the article ends with: its gender (round 13)
        gender = lex.first_names.get(surname)
    for _, role, _, words in descs:
        for g in ("m", "f"):
            if "__gender_" + g in words:  # Mr / Mrs / Ms
                gender = gender or g
        if role:
            gender = gender or _title_gender(role)

    def fits(c: _Ent) -> bool:
        # (Charles Elliott Jr. and Charles Elliott III are father and son, Donald Trump Jr. is not
        # Donald J. Trump: a name with a suffix is only the person named with that suffix)
        return (gender is None or c.gender in (None, gender)) and (not suffix or c.suffix == suffix)

    # the entity: same surname, compatible first name and gender, the most recent first
    ent = None
    # ("Wilayat Twitter", an account named after the platform, is not Twitter: no surname)
    platform = len(toks) > 1 and surname in _outlet_words()
    cands = [] if platform else [c for c in st.surnames.get(surname, []) if fits(c)]
    if first:
        for c in reversed(cands):
            if c.first in (None, first):
                ent = c
                break
    elif cands:
        # several people share the surname (Donald and Ivana Trump): the one met most so far,
        # then the most recent; not a relative the writer tells apart by the first name after a
        # kinship noun when another is not ("Ebeling said" beside "her husband, Tom"), and when
        # each is, not the one the writer calls by the first name three times as often ("Mr.
        # Trump said" beside "his brother Freddy" and "Freddy" throughout; round 21, first-told21)
        if "first-told21" not in SPEAKER_RULES_OFF and len(cands) > 1:
            untold = [c for c in cands if not c.kin_told]
            if not untold:  # (all told apart so: the one the writer calls by the first name far less)
                most = max(c.first_told for c in cands)
                untold = [c for c in cands if 3 * c.first_told <= most]
            if untold and len(untold) < len(cands):
                cands = untold
        ent = max(cands, key=lambda c: (len(c.mentions), max(c.mentions) if c.mentions else (-1, -1)))
    elif surname not in full_names:
        # a lone first name ("Melanie") that matches exactly one full name
        firsts = [c for c in st.firsts.get(surname, []) if fits(c)]
        if len(firsts) == 1:
            ent = firsts[0]
            _told_by_first_name(st, s, ent)
    ahead = None  # the surname of the one full name the article gives later to this lone first name
    if (
        ent is None
        and first is None
        and len(toks) == 1
        and surname not in full_names
        and not st.firsts.get(surname)
        and surname in lex.first_names
        and "first-ahead" not in SPEAKER_RULES_OFF
    ):
        # "Lachlan and James ... James Murdoch's wife": a first name met before the full name
        # that the article gives it once, with no other person of that first name (round 16)
        later = {sur for sur, met in full_names.items() for pos, fn in met if fn == surname and pos > s}
        others = {sur for sur, met in full_names.items() for pos, fn in met if fn == surname}
        if len(later) == 1 and later == others:
            ahead = later.pop()
    text = _text(doc, s, e)
    if "name-lead" not in SPEAKER_RULES_OFF and not text[:1].isalnum():
        # "-Donald Trump", '">Sanders': a list dash or markup fused to the name's first word
        text = _LEAD_JUNK_RE.sub("", text) or text
    if ent is None and ahead is not None:
        ent = st.new("PERSON", text, surname=ahead, first=surname, named=True, gender=gender)
        _told_by_first_name(st, s, ent)
        st.surnames.setdefault(ahead, []).append(ent)
        st.firsts.setdefault(surname, []).append(ent)
    elif ent is None:
        # "the Clintons", "the Obamas": a family named by the plural of a surname the article gives
        # in full is several people, never "he" or "she" (round 13)
        family = (
            len(toks) == 1
            and len(surname) > 3
            and surname.endswith("s")
            and surname[:-1] in full_names
            and "family" not in SPEAKER_RULES_OFF
        )
        ent = st.new(
            "PERSON", text, surname=surname, first=first, named=True, gender=gender, plural=family, suffix=suffix
        )
        if not platform:
            st.surnames.setdefault(surname, []).append(ent)
        if first:
            st.firsts.setdefault(first, []).append(ent)
    else:
        if first and ent.first is None:
            ent.first = first
            st.firsts.setdefault(first, []).append(ent)
        if ent.gender is None:
            ent.gender = gender
        ent.suffix = ent.suffix or suffix
        if len(text.split()) > len(ent.name.split()):
            ent.name = text
    for country, role, _, words in descs:
        if any(w.startswith(DIVISION_MARK) for w in words):
            ent.divisions = ent.divisions | {w for w in words if w.startswith(DIVISION_MARK)}
        if country and not ent.country:
            ent.country = country
        if role:
            ent.add_role(role)
    root = doc_span(doc, s, e).root
    _appositive_roles(st, ent, root, s, e)
    if not ent.country:
        poss = _possessor_country(doc, root)
        if poss:
            ent.country = poss
    if not ent.country:
        ent.country = _affiliation_country(doc, e)
    st.add_mention(ent, s, e)
    return ent


@lru_cache(maxsize=1)
def _affiliations() -> tuple[tuple[re.Pattern, str], ...]:
    """(pattern, country) of ``data/en/entities/affiliations.tsv``."""
    from ..lexicon import table

    return tuple(
        (re.compile(r["pattern"]), r["country"])
        for r in table("entities/affiliations.tsv", columns=("pattern", "country"), key=("pattern",))
    )


def _affiliation_country(doc: Doc, e: int) -> Optional[str]:
    """The country an affiliation right after a name gives ("Sen. Ted Cruz (R-Texas)" -> USA)."""
    toks = doc_tokens(doc)
    if e >= len(doc) or toks[e].text not in ("(", "[") and not toks[e].text.startswith("("):
        return None
    after = toks[e - 1].whitespace_ + doc[e : min(e + 8, len(doc))].text
    for pattern, country in _affiliations():
        if pattern.match(after):
            return country
    return None


def _title_prep(doc: Doc, left: int, s: int, e: int) -> Optional[int]:
    """Start of "U.S. ambassador to" when a name's noun chunk ("Libya Chris Stevens") is the
    object of a preposition after a role noun, with place words and nothing else in between,
    and the name ends the object (in "spokesman for the Clinton campaign" the role is another
    person's: the name only modifies "campaign")."""
    toks = doc_tokens(doc)
    if left < 2 or left >= s or toks[left - 1].pos_ != "ADP":
        return None
    if not all(t.ent_type_ in ("GPE", "LOC", "NORP", "ORG") or t.lower_ == "the" for t in toks[left:s]):
        return None
    if all(t.lower_ == "the" for t in toks[left:s]):
        return None  # nowhere posted: "spokesman for the Clinton campaign" is not Clinton's role
    if e < len(doc) and toks[e].pos_ in ("NOUN", "PROPN") and not toks[e].is_punct:
        return None  # the name modifies a noun ("director in the Clinton administration")
    title = toks[left - 2]
    if not _is_title(title):
        return None
    k = title.i
    while (
        k > 0
        and (
            toks[k - 1].pos_ in ("PROPN", "ADJ", "NOUN") or toks[k - 1].lower_ in DETERMINERS or _is_title(toks[k - 1])
        )
        and not toks[k - 1].is_punct
    ):
        k -= 1
    return k


def _title_gender(role: str) -> Optional[str]:
    for w in role.lower().replace(".", "").split():
        g = lexicon().titles.get(w)
        if g:
            return g
    return None


def _gender_from_title(ent: _Ent, role: str) -> None:
    lex = lexicon()
    for w in role.lower().replace(".", "").split():
        g = lex.titles.get(w)
        if g and ent.gender is None:
            ent.gender = g


def _phrase(doc: Doc, head: Token, exclude: tuple[int, int]) -> tuple[int, int]:
    """Contiguous span of head's subtree on head's side of the excluded range, without
    relative clauses and trailing punctuation, at most 8 tokens."""
    lo, hi = head.i, head.i + 1
    for t in subtree(head):
        if exclude[0] <= t.i < exclude[1]:
            continue
        if t.dep_ in ("relcl", "acl", "punct", "appos", "cc", "conj") and t.head == head:
            continue
        if t.i < head.i and (t.i >= exclude[1] or head.i < exclude[0]):
            lo = min(lo, t.i)
        elif t.i > head.i and (t.i < exclude[0] or head.i >= exclude[1]):
            # only keep a right part that does not jump over the excluded name
            hi = max(hi, t.i + 1)
    # cut at the first punctuation after the head
    for k in range(head.i + 1, hi):
        if doc_tokens(doc)[k].is_punct:
            hi = k
            break
    lo = max(lo, hi - 8)
    return lo, hi


def _appositive_roles(st: _State, ent: _Ent, root: Token, s: int, e: int) -> None:
    """ "Anna Novak, the opposition leader," / "the envoy to NATO, Mehmet Kaya": the role, the
    country, and the description as a mention of the person."""
    doc = st.doc
    spans = []
    for c in children(root):
        if c.dep_ == "appos" and _is_title(c):
            spans.append(_phrase(doc, c, (s, e)))
    if root.dep_ == "appos" and _is_title(root.head):
        spans.append(_phrase(doc, root.head, (s, e)))
    if not spans:
        spans = _surface_appositive(doc, s, e)
    for lo, hi in spans:
        if lo >= hi or (lo < s < hi):
            continue
        country, role, _, _ = _describe(doc, lo, hi)
        if role:
            ent.add_role(role)
            _gender_from_title(ent, role)
        if country and not ent.country:
            ent.country = country
        a, b = _strip_chunk(doc, lo, hi)
        if a < b:
            st.add_mention(ent, a, b)


def _surface_appositive(doc: Doc, s: int, e: int) -> list[tuple[int, int]]:
    """Appositives the parser missed: "the envoy to NATO, Mehmet Kaya, ..." and "Mehmet Kaya,
    the envoy to NATO, ...": a title phrase with no verb between commas around the name."""
    toks = doc_tokens(doc)
    out = []
    n = len(doc)
    closes = e >= n or toks[e].text in (",", ";", "--", "\u2014", "(", ")") or toks[e].is_sent_start
    if s >= 2 and toks[s - 1].text == "," and closes:
        k = s - 2
        lo = None
        while k >= 0 and s - 2 - k < 7:
            t = toks[k]
            if (
                t.is_punct
                or t.pos_ in ("VERB", "AUX")
                or t.ent_type_ == "PERSON"  # "President Bill Clinton, Hillary Clinton": a list
                or t.is_sent_start
                and not _is_title(t)
                and t.lower_ not in DETERMINERS
            ):
                break
            if _is_title(t):
                lo = k
            k -= 1
        if lo is not None:
            while (
                lo > 0
                and (
                    toks[lo - 1].lower_ in DETERMINERS
                    or toks[lo - 1].pos_ in ("ADJ", "PROPN", "NOUN")
                    and not toks[lo - 1].is_punct
                )
                and lo > k + 1
            ):
                lo -= 1
            out.append((lo, s - 1))
    if e + 2 < n and toks[e].text == ",":
        k = e + 1
        hi = None
        while k < n and k - e <= 7:
            t = toks[k]
            if t.is_punct or t.pos_ in ("VERB", "AUX"):
                break
            if t.ent_type_ == "PERSON":  # another person named: a list, not a description
                hi = None
                break
            if _is_title(t):
                hi = k + 1
            k += 1
        if hi is not None and k < n and toks[k].text == "," and toks[e + 1].lower_ in DETERMINERS | {"a", "an"}:
            out.append((e + 1, k))
    return out


def _desc_parts(doc: Doc, s: int, e: int):
    """For a description chunk: (root, country, role, words, definite, plural, possessor)."""
    ch = doc_span(doc, s, e)
    root = ch.root
    poss = None
    for c in children(root):
        if c.dep_ == "poss":
            poss = c
    first = doc_tokens(doc)[s].lower_
    definite = first in ("the", "this", "that", "these", "those") or poss is not None
    plural = (
        root.tag_ in ("NNS", "NNPS")
        or lexicon().orgs.get(root.lemma_.lower()) == "pl"
        or root.lower_ in lexicon().groups
    )
    body_start = s
    if poss is not None:
        body_start = max(s, max(subtree_ids(poss)) + 1)
    country, role, _, words = _describe(doc, body_start, root.i + 1)
    if not country and poss is not None and poss.text[:1].isupper():
        country = _country_of_word(poss.text)
    return root, country, role, words, definite, plural, poss


GROUP_COUNTS = {"two": 2, "three": 3, "four": 4}


def _named_group(st: _State, s: int, root: Token) -> Optional[_Ent]:
    """'Rep. Reyes and Rep. Novak wrote to ... "...," the two lawmakers wrote': a plural title
    counted by a number word after "the" ("the two lawmakers", "the three governors"; not "both
    candidates", which may be two others the article describes) is the coordination of that
    many named people (the subject of a clause, ``_add_coordinations``) last met within
    ``LOOKBACK_SENTS`` sentences (round 21, ``two-named21``)."""
    doc = st.doc
    toks = doc_tokens(doc)
    if not _is_title(root):
        return None
    n = 0
    for t in toks[s : root.i]:
        if t.lower_ in GROUP_COUNTS and t.i > s and toks[t.i - 1].lower_ == "the":
            n = GROUP_COUNTS[t.lower_]
    if not n:
        return None
    here = st.sent_of(s)
    for m in st.before(s):
        if here - m.sent > LOOKBACK_SENTS:
            break
        if m.ent.kind == "OTHER" and m.ent.head == "group" and m.ent.members:
            return m.ent if m.ent.members == n else None
    return None


def _add_description(st: _State, s: int, e: int, create: str = "always") -> Optional[_Ent]:
    """A description chunk ("the spokesman", "the ministry", "police") as a mention: of the
    entity it stands for or fits, else of a new entity. ``create``: "always" (on demand),
    "actor" (main pass: only when the chunk acts, so "a founder of X" is no entity)."""
    doc = st.doc
    lex = lexicon()
    s, e = _strip_chunk(doc, s, e)
    if s >= e:
        return None
    root, country, role, words, definite, plural, poss = _desc_parts(doc, s, e)
    head = root.lemma_.lower()
    if root.lower_ in lex.groups or lex.orgs.get(root.lower_) == "pl":
        head = root.lower_
    # "the president's office", "his office" stand for their possessor
    if poss is not None and (head in STANDS_FOR_POSSESSOR or head in STANDS_FOR_PERSON):
        pe = _resolve_possessor(st, poss)
        if pe is not None and (head in STANDS_FOR_POSSESSOR or pe.kind == "PERSON"):
            st.add_mention(pe, s, e)
            return pe
    owner_tok = poss
    if poss is None and (head in OWNED_ORGS or root.lower_ in OWNED_ORGS) and root.lower_ in OWNED_BY_NAME:
        # "the Clinton campaign", "the Trump camp": a person's name compounded on the noun owns it
        # as "Clinton's campaign" does (not "the Obama administration": STANDS_FOR_PERSON)
        names = [
            c
            for c in children(root)
            if c.dep_ == "compound" and c.i < root.i and c.pos_ == "PROPN" and c.i == root.i - 1
        ]
        if names and any(
            m.ent.kind == "PERSON" and m.ent.named for m in st.mentions_overlapping(names[0].i, names[0].i + 1)
        ):
            owner_tok = names[0]
    if owner_tok is not None and (head in OWNED_ORGS or root.lower_ in OWNED_ORGS):
        pe = _resolve_possessor(st, owner_tok)
        if pe is not None:
            owned = st.owned.get((id(pe), root.lower_))
            if owned is None:
                plural = root.tag_ in ("NNS", "NNPS") or root.lower_ in ("staff", "family")
                owned = st.new(
                    "ORG" if root.lower_ in ("campaign", "camp", "team", "staff") else "OTHER",
                    f"{pe.name}'s {root.text}",
                    country=pe.country,
                    head=root.lower_,
                    owner=pe,
                    plural=plural,
                    words=frozenset([root.lower_]),
                )
                st.owned[(id(pe), root.lower_)] = owned
                if owner_tok is not poss:
                    st.late_ents.add(id(owned))  # (a body no possessive named before round 9)
            st.add_mention(owned, s, e)
            return owned
    # "the Interfax agency": the organisation named inside the chunk
    for m in st.mentions_overlapping(s, root.i):
        if (
            m.ent.kind == "ORG"
            and m.ent.named
            and doc_span(doc, m.start, m.end).root.head == root
            and not _is_title(root)
        ):
            st.add_mention(m.ent, s, e)
            return m.ent
    own_side = poss is not None and poss.lower_ in FIRST_SECOND  # "our forces": the speaker's side
    # appositive to a name: "the envoy to NATO, Mehmet Kaya" is handled with the name
    for m in st.mentions_overlapping(root.i, root.i + 1):
        return m.ent
    if root.dep_ == "appos" or any(
        c.dep_ in ("appos", "prep") or (c.dep_ == "compound" and c.i > root.i) for c in children(root)
    ):
        linked = _appos_link(st, root)
        if linked is not None:
            if not _is_title(root):
                st.late.append((doc_tokens(doc)[s].idx, doc_tokens(doc)[e - 1].idx + len(doc_tokens(doc)[e - 1])))
            st.add_mention(linked, s, e)
            return linked
    if plural and poss is None and "two-named21" not in SPEAKER_RULES_OFF:
        group = _named_group(st, s, root)
        if group is not None:
            st.add_mention(group, s, e)
            return group
    is_person = _is_title(root) and not plural
    is_org = head in lex.orgs or root.lower_ in lex.orgs
    if country is None and is_person:
        # "the ministry spokesman": the country of the organisation met earlier
        for t in doc_tokens(doc)[s : root.i]:
            if t.dep_ == "compound" and t.lemma_.lower() in lex.orgs:
                org = _find_described(st, s, t.lemma_.lower(), None, set(), False, True, False, True)
                if org is not None and org.country:
                    country = org.country
                    break
    ent = None
    if own_side:
        pass
    elif (
        definite
        or (not plural and not is_person and doc_tokens(doc)[s].lower_ not in ("a", "an"))
        or (
            plural
            and doc_tokens(doc)[s].lower_ not in ("a", "an")
            and not any(t.like_num for t in doc_tokens(doc)[s:e])
        )
    ):
        ent = _find_described(st, s, head, country, words, is_person, is_org, plural, definite)
    fit = _description_fit() if "desc-fit" not in SPEAKER_RULES_OFF else {}
    if (
        ent is None
        and is_person
        and definite
        and not own_side
        and poss is None
        and _actor_dep(root)
        and not any(fit.get(w) == "generic" for w in words)
        and fit.get(head) != "staff"
        and fit.get(root.lower_) != "staff"
    ):
        # elegant variation: "Bernie Sanders ... the Vermont senator is sticking to ..." -> the
        # most salient person of the last two sentences whose gender and country fit
        # Not a person named in the same clause ("Against Clinton, the Ohio governor earned 51
        # percent": a description beside a name of the same verb is someone else), nor one whose
        # known roles hold another group word ("the Republican candidate" is not "Democratic
        # nominee" X)
        g = _title_gender(role or head)
        here = _named_in_clause(st, root, s)
        if fit:
            # (round 18, desc-fit) nor the subject of a clause above the description's own ("Trump
            # dismissed Gov. Walker, arguing that the Badger State governor ...": a name is not
            # taken up by a description inside its own clause), nor a person of a staff role
            # ("Spokeswoman Haley Morris ... The former Maryland governor")
            here = here | _subjects_above(st, root)
        groups = _group_words(st)
        mine = {w for w in words if w in groups}
        ent, _ = _most_salient(
            st,
            root,
            lambda x: (
                x.kind == "PERSON"
                and not x.plural
                and x.gender in (None, g or x.gender)
                and (not country or x.country in (None, country))
                and id(x) not in here
                and not _groups_differ(mine, x, groups)
                and not _divisions_differ(words, x)
                and not (fit and _staff_only(x, fit))
            ),
            g,
            2,
        )
        if ent is not None and role:
            ent.add_role(role)
    kind = "PERSON" if is_person else ("ORG" if is_org else "OTHER")
    key = None
    if ent is None:
        # an organisation or group described the same way long before ("the Russian
        # government" 80 mentions back) is the same one
        if not is_person and doc_tokens(doc)[s].lower_ not in ("a", "an") and not own_side:
            mods = frozenset(
                w
                for w in words
                if w != head and w not in DETERMINERS and w not in UNNAMED and w[:1] != DIVISION_MARK[0]
            )
            key = ("DESC", kind, head, country, mods)
            ent = st.keys.get(key)
        if ent is None and (create == "never" or (create == "actor" and not _actor_dep(root))):
            return None
    if ent is None:
        name = _text(doc, *_strip(doc, s, e))
        ent = st.new(kind, name, country=country, head=head, plural=plural, words=frozenset(words))
        if key:
            st.keys[key] = ent
        if is_person and role:
            ent.add_role(role)
            _gender_from_title(ent, role)
    else:
        if country and not ent.country:
            ent.country = country
    if ent.kind == "PERSON" and any(w.startswith(DIVISION_MARK) for w in words):
        ent.divisions = ent.divisions | {w for w in words if w.startswith(DIVISION_MARK)}
    st.add_mention(ent, s, e)
    return ent


@lru_cache(maxsize=1)
def _description_fit() -> dict:
    """word -> kind ("generic", "staff") of data/en/entities/description_fit.tsv (round 18)."""
    from ..lexicon import table

    return {
        r["word"]: r["kind"] for r in table("entities/description_fit.tsv", columns=("word", "kind"), key=("word",))
    }


def _role_words(roles, full_forms: bool = True) -> list[str]:
    """The lower-case words of a person's roles, with ``full_forms`` abbreviations also in full
    ("Gov." -> governor)."""
    forms = role_forms()
    out = []
    for w in " ".join(roles).lower().split():
        out.append(w)
        full = forms.get(w.rstrip(".")) if full_forms else None
        if full and full != "-" and "desc-fit" not in SPEAKER_RULES_OFF:
            out.append(full)
    return out


def _staff_only(ent: _Ent, fit: dict) -> bool:
    """Whether a person's roles are only of the staff kind ("Spokeswoman")."""
    heads = [r.lower().split()[-1] for r in ent.roles if r.split()]
    return bool(heads) and all(fit.get(h) == "staff" for h in heads)


def _subjects_above(st: _State, root: Token) -> set:
    """Ids of the entities named as the subject of a verb whose clause holds ``root``'s clause
    ("Trump said he would not, because the British prime minister ...": Trump; not across "and":
    "Christie attacked Rubio, and the New Jersey governor ...", nor out of a reporting clause:
    'Cruz defends it: "...," the senator says'), or as an object of ``root``'s
    own verb ("the governor tripped up Rubio")."""
    out = set()
    verb = root.head
    for c in children(verb):
        objs = [c] if c.dep_ in ("dobj", "dative") else []
        if c.dep_ == "prep":
            objs = [g for g in children(c) if g.dep_ == "pobj"]
        for o in objs:
            for m in st.mentions_overlapping(o.i, o.i + 1):
                out.add(id(m.ent))
    seen = 0
    if verb.lemma_.lower() in SPEECH_VERBS:
        return out  # ('Cruz defends it: "...," the senator says': a reporting clause of its own)
    while verb.head != verb and seen < 8 and verb.dep_ not in ("conj", "parataxis"):
        seen += 1
        verb = verb.head
        for c in children(verb):
            if c.dep_ in ("nsubj", "nsubjpass") and c.i < root.i:
                for m in st.mentions_overlapping(c.i, c.i + 1):
                    out.add(id(m.ent))
    return out


def _named_in_clause(st: _State, root: Token, s: int) -> set:
    """Ids of the entities named (by a name, not a pronoun) earlier in ``root``'s sentence as
    an argument or adjunct of the verb ``root`` depends on."""
    verb = root.head
    out = set()
    sent = st.sent_of(s)
    for m in st.before(s):
        if m.sent != sent:
            break
        r = st.doc[m.start : m.end].root
        if r.pos_ == "PROPN" and (r.head == verb or (r.dep_ == "pobj" and r.head.head == verb)):
            out.add(id(m.ent))
    return out


def _group_words(st: _State) -> frozenset:
    """Lower-cased words the model tags NORP in this article that are no country word
    ("republican", "democratic", "catholic"): the groups a person can be described by. Read
    once per article."""
    if st.group_words is None:
        # (the tokens of the model's NORP entities: those whose ent_type_ is NORP, without a walk
        # over every token of the Doc)
        st.group_words = frozenset(
            t.lower_ for e in st.doc.ents if e.label_ == "NORP" for t in e if not _country_of_word(t.text)
        )
    return st.group_words


def _groups_differ(mine: set, ent: _Ent, groups: frozenset) -> bool:
    """Whether a description's group words (``mine``) and those of ``ent``'s roles are both
    known and share none: "the Republican presidential candidate" for a "Democratic nominee"."""
    if not mine:
        return False
    theirs = {w for r in ent.roles for w in r.lower().split() if w in groups}
    return bool(theirs) and not (theirs & mine)


def _strip_chunk(doc: Doc, s: int, e: int) -> tuple[int, int]:
    toks = doc_tokens(doc)
    for k in range(e - 2, s - 1, -1):  # a chunk that runs over a quote mark: keep what follows
        if toks[k].is_quote:
            s = k + 1
            break
    while s < e and (toks[s].is_punct or toks[s].is_space):
        s += 1
    while e > s and (toks[e - 1].is_punct or toks[e - 1].is_space):
        e -= 1
    return s, e


def _appos_link(st: _State, root: Token) -> Optional[_Ent]:
    """The person a role description stands in apposition to ("Mehmet Kaya, the envoy"); the
    named body an organisation noun is followed by ('the newspaper "Lidove noviny"')."""
    if not _is_title(root):  # "John Dickey, ... of Ora Media, the production company"
        if root.lemma_.lower() in lexicon().orgs or root.lower_ in lexicon().orgs:
            for c in children(root):
                # (a name after a comma stays with the name: "One group, Occupy DNC Convention,")
                first = next((x.i for x in subtree(c) if not x.is_punct), c.i)
                quoted = first == root.i + 1 or st.doc[first - 1].text in _OPEN_MARKS
                if c.i > root.i and (c.dep_ == "compound" or (c.dep_ == "appos" and quoted)):
                    for m in st.mentions_overlapping(c.i, c.i + 1):
                        if m.ent.kind == "ORG" and m.ent.named:
                            return m.ent
        return None
    cands = [root.head] if root.dep_ == "appos" else []
    cands += [c for c in children(root) if c.dep_ == "appos"]
    # "U.S. ambassador to Libya Chris Stevens" (no comma: the name closes the role phrase)
    for c in children(root):
        if c.dep_ == "prep" and c.i == root.i + 1:
            for g in children(c):
                for m in st.mentions_overlapping(g.i, g.i + 1) if g.dep_ == "pobj" else ():
                    if m.ent.kind == "PERSON" and _title_prep(st.doc, c.i + 1, m.start, m.end) is not None:
                        cands.append(g)
    for c in cands:
        for m in st.mentions_overlapping(c.i, c.i + 1):
            if m.ent.kind == "PERSON":
                return m.ent
    return None


DIVISION_MARK = "\x00div:"  # a division a description names, kept among its words ("the Florida senator")


def _divisions_differ(words, e: _Ent) -> bool:
    """Whether a person description names a first-level division ("the Florida senator") and the
    person's own titles name only others ("The Vermont senator", "Texas Sen."): not that person
    (round 14, ``division-fit``)."""
    mine = {w for w in words if w.startswith(DIVISION_MARK)}
    return bool(mine and e.divisions and not mine & e.divisions)


def _find_described(
    st: _State,
    i: int,
    head: str,
    country: Optional[str],
    words: set,
    is_person: bool,
    is_org: bool,
    plural: bool,
    definite: bool,
) -> Optional[_Ent]:
    """The most recent earlier entity that a description fits."""
    lex = lexicon()
    mods = {
        w
        for w in words
        if w != head
        and w not in DETERMINERS
        and w not in UNNAMED
        and not _country_of_word(w)
        and w not in lex.titles
        and not w.startswith(DIVISION_MARK)
    }
    # an abbreviated title is the role only for a description that names a division ("the
    # Wisconsin governor" is "Wisconsin Gov. Scott Walker"); "the senator" stays the most salient
    # person, not the latest "Sen." of a list
    divs = any(w.startswith(DIVISION_MARK) for w in words)
    for m in st.before(i):
        e = m.ent
        if country and e.country and e.country != country:
            continue
        if is_person:
            if e.kind != "PERSON" or _divisions_differ(words, e):
                continue
            role_words = _role_words(e.roles, divs)
            if head not in role_words and head not in {w.rstrip("s") for w in role_words}:
                continue
            if mods and not mods <= set(role_words):
                continue
            return e
        if e.kind in ("ORG", "OTHER") and e.head == head and e.plural == plural:
            if mods and not mods <= set(e.words):
                continue
            return e
    return None


def _resolve_possessor(st: _State, poss: Token) -> Optional[_Ent]:
    low = poss.lower_
    lex = lexicon()
    if low in lex.pronouns:
        return _add_pronoun(st, poss.i, learn=False)
    for m in st.mentions_overlapping(poss.i, poss.i + 1):
        return m.ent
    # a description possessor: "the chancellor's office"
    lo = min(subtree_ids(poss))
    if _is_title(poss) or poss.lemma_.lower() in lex.orgs:
        return _add_description(st, lo, poss.i + 1)
    return None


def _pronoun_fits(e: _Ent, gender: str, number: str) -> bool:
    if gender in ("m", "f"):
        return e.kind == "PERSON" and not e.plural and e.gender in (None, gender)
    if gender == "n":
        return e.kind in ("ORG", "GPE") and not e.plural
    # they/them/their
    return e.plural or e.kind in ("ORG", "NORP")


def _add_pronoun(st: _State, i: int, learn: bool = False) -> Optional[_Ent]:
    """Resolve a pronoun to the most salient fitting entity mentioned before it."""
    doc = st.doc
    tok = doc_tokens(doc)[i]
    g, num = lexicon().pronouns.get(tok.lower_, ("-", "sg"))
    for m in st.mentions_overlapping(i, i + 1):
        return m.ent
    best, sure = _most_salient(st, tok, lambda e: _pronoun_fits(e, g, num), g, LOOKBACK_SENTS)
    if best is None:
        return None
    if learn and g in ("m", "f") and best.gender is None and sure:
        # "Lolita Grayson ... she": later he/his lean away from her (a soft cue: one wrong
        # guess must not lock a person's gender)
        best.heard[g] = best.heard.get(g, 0) + 1
    st.add_mention(best, i, i + 1)
    return best


def _most_salient(st: _State, tok: Token, fits, gender: Optional[str], max_back: int):
    """The most salient entity before ``tok`` that ``fits``, and whether it is a clear winner
    (the only candidate, or twice as salient as the next).

    Salience (after Lappin and Leass's idea, with our own weights): each of the last few
    sentences that mentions an entity adds to it 100, or 180 if a mention is a subject, halved
    for each sentence back; a subject in the word's own sentence counts double; mentions inside
    quotation marks count a fifth for a word outside them; a speaker (subject of "say", "tell",
    ...) counts half more; an entity whose gender is known to match (or that earlier pronouns
    of that gender clearly went to) counts a quarter more, one that earlier pronouns of the
    other gender went to counts a quarter."""
    doc = st.doc
    i = tok.i
    sent = st.sent_of(i)
    tok_quoted = st.in_quotes(tok.idx)
    ents: dict[int, _Ent] = {}
    per_sent: dict[tuple[int, int], float] = {}  # (entity, sentence) -> best mention weight
    for m in st.before(i):
        dist = sent - m.sent
        if dist > max_back:
            break
        e = m.ent
        if not fits(e):
            continue
        if dist == 0 and (_same_clause_object(doc, m, tok) or _reported_subject(doc, m, tok)):
            continue
        w = W_MENTION + (W_SUBJECT if m.subject else 0)
        if m.speaker:
            w *= W_SPEAKER  # who spoke last is likely who goes on speaking
        if gender == "-" and not e.plural:
            w *= 0.5  # "they" for a singular organisation is possible, a group more likely
        if dist == 0 and m.subject:
            w *= W_SAME_SUBJECT  # the subject of the pronoun's own sentence
        if m.quoted and not tok_quoted:
            w *= W_QUOTED
        w *= 0.5**dist
        key = (id(e), m.sent)
        if w > per_sent.get(key, 0.0):
            per_sent[key] = w
        ents[id(e)] = e
    if not ents:
        return None, False
    scores: dict[int, float] = {}
    for (k, _), w in per_sent.items():  # each sentence counts once per entity
        scores[k] = scores.get(k, 0.0) + w
    for k, e in ents.items():
        if gender in ("m", "f"):
            other = "f" if gender == "m" else "m"
            if e.gender == gender or e.heard.get(gender, 0) > e.heard.get(other, 0):
                scores[k] *= W_GENDER
            elif e.heard.get(other, 0) > e.heard.get(gender, 0):
                scores[k] *= W_HEARD_OTHER
    ranked = sorted(scores.values(), reverse=True)
    best = ents[max(scores, key=lambda k: scores[k])]
    return best, len(ranked) == 1 or ranked[0] >= 2 * ranked[1]


def _reported_subject(doc: Doc, m: _Mention, pron: Token) -> bool:
    """ "Martinez, he said, wanted a deal": the reporter of a parenthetical ("he said") is not
    the subject of the clause it reports (Martinez), whose clause the parenthetical interrupts."""
    v = pron.head
    if pron.dep_ != "nsubj" or v.dep_ not in ("parataxis", "ccomp") or v.i < pron.i:
        return False
    if "reported-verb" not in SPEAKER_RULES_OFF and v.lemma_.lower() not in SPEECH_VERBS:
        # "Sanders, who endorsed Clinton, said he agrees": the pronoun is the subject of the
        # reported clause, not the reporter of a parenthetical; it may well be Sanders (round 20)
        return False
    root = doc_span(doc, m.start, m.end).root
    if root.dep_ not in ("nsubj", "nsubjpass") or root.i > pron.i:
        return False
    return root.head.i == v.head.i or (v.dep_ == "ccomp" and root.head.head.i == v.i)


def _same_clause_object(doc: Doc, m: _Mention, pron: Token) -> bool:
    """ "Novak praised Dvorak and him" style: a non-reflexive pronoun does not refer to a noun
    phrase that is an argument of its own verb (cheap binding check)."""
    root = doc_span(doc, m.start, m.end).root
    if pron.dep_ in ("nsubj", "nsubjpass", "poss"):
        return False
    return root.head == pron.head


# ----------------------------------------------------------------------------- public API
def entity_by_id(doc: Doc, eid: str) -> Optional[Entity]:
    for e in doc._.entities or []:
        if e.id == eid:
            return e
    return None


def entity_gender(doc: Doc, entity: Entity) -> Optional[str]:
    """The gender the component read for a person entity (``m``, ``f``) from a first name,
    honorific, title or the pronouns clearly resolved to it; None when unknown."""
    st: Optional[_State] = _STATES.get(doc)
    if st is None:
        return None
    for e in st.ents:
        if e.entity is entity:
            return e.gender
    return None


def named_late(doc: Doc, mention, entity=None) -> bool:
    """Whether a speaker mention (characters) got its named entity from a link the quote
    confidence model was fitted without (round 9: "the Clinton campaign" as Hillary Clinton's
    campaign, 'the newspaper "Lidove noviny"'): the confidence reads it as before (unnamed)."""
    st: Optional[_State] = _STATES.get(doc)
    if st is None or mention is None or not (st.late or st.late_ents):
        return False
    if any(a < mention.end and mention.start < b for a, b in st.late):
        return True
    return bool(entity is not None and any(e.entity is entity for e in st.ents if id(e) in st.late_ents))


def entity_for_span(doc: Doc, start_char: int, end_char: int) -> Optional[Entity]:
    """The entity a stretch of text refers to, or None.

    Resolves names, surnames, titles and descriptions ("the spokesman", "the ministry"),
    pronouns (he/she/they/it/his), possessive offices ("the president's office" -> the
    president) and countries acting as actors ("Moscow", "the Kremlin"). A span that is not
    yet a mention is resolved now and added to the entity's mentions; a description of an
    actor that fits nothing earlier ("an unnamed official", "analysts") becomes a new entity.
    """
    toks = doc_tokens(doc)
    st: Optional[_State] = _STATES.get(doc)
    if st is None or st.doc is not doc:
        return None
    sp = doc.char_span(start_char, end_char, alignment_mode="expand")
    if sp is None or len(sp) == 0:
        return None
    s, e = _strip_chunk(doc, sp.start, sp.end)
    if s >= e:
        return None
    span = doc_span(doc, s, e)
    root = span.root
    ent = _resolve_span(st, s, e, root)
    if ent is None:
        return None
    if ent.entity is None:  # created on demand
        n = len(doc._.entities or []) + 1
        ent.mentions.sort()
        ent.entity = Entity(
            id=f"E{n}",
            name=ent.name,
            type=ent.kind,
            country=ent.country,
            roles=list(ent.roles),
            mentions=[Span(a, b, st.text[a:b]) for a, b in ent.mentions],
        )
        if doc._.entities is None:
            doc._.entities = []
        doc._.entities.append(ent.entity)
    else:
        ent.entity.name = ent.name
        ent.entity.country = ent.entity.country or ent.country
        for r in ent.roles:
            if r not in ent.entity.roles:
                ent.entity.roles.append(r)
    # record the span itself as a mention when it is a whole referring expression
    a, b = toks[s].idx, toks[e - 1].idx + len(toks[e - 1].text)
    if e - s <= 12 and not any(ma < b and a < mb for ma, mb in ent.mentions):
        st.add_mention(ent, s, e)
    return ent.entity


@lru_cache(maxsize=1)
def _near_words() -> frozenset:
    """Adjectives that put a source near someone, not make it them (data/en/quotes/speakers.tsv,
    class ``near``: "a source close to the campaign", "people familiar with her thinking")."""
    from ..lexicon import table

    return frozenset(r["word"] for r in table("quotes/speakers.tsv", columns=("word", "class")) if r["class"] == "near")


@lru_cache(maxsize=8)
def _class_words(cls: str) -> frozenset:
    """A word class of data/en/quotes/speakers.tsv (``person``: descriptions of a person that are
    no office; ``document``: texts and records)."""
    from ..lexicon import table

    return frozenset(r["word"] for r in table("quotes/speakers.tsv", columns=("word", "class")) if r["class"] == cls)


def _told_as_persons(doc: Doc) -> set:
    """The last words (lower case) of names the model tags ORG or GPE that the article tells as
    a person's (switch ``told-person``, round 19): a name with an age or a person's role in
    apposition ("Nefzi, a chemistry professor, said", "Lages, 39,"), or a name tagged ORG that is
    the subject of a speech verb whose clause goes on with "he" or "she" ("Adel Nefzi said he
    and many of those ..."; a place's name there is more often a person's hometown), or (round
    20, ``first-name-told``) a name tagged ORG that opens with a known first name and is the
    subject of a speech verb whose clause has no "it" ("Carly Fiorina said Monday"). The
    small model tags unfamiliar persons' names as bodies; a "he" then skips them and goes to
    the person named before. Mentions of the name the model tags ORG or GPE become a person's."""
    out: set = set()
    toks = doc_tokens(doc)
    n = len(toks)
    roles = _person_words() | set(lexicon().titles)
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "GPE") or len(ent) > 3:
            continue
        if not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent):
            continue
        root = ent.root
        told = False
        if ent.label_ == "ORG" and root.dep_ == "nsubj" and root.head.lemma_.lower() in SPEECH_VERBS:
            told = any(
                c.dep_ in ("ccomp", "conj")
                and any(g.dep_ == "nsubj" and g.lower_ in ("he", "she") for g in children(c))
                for c in children(root.head)
                if c.i > root.head.i
            )
        if (
            not told
            and ent.label_ == "ORG"
            and len(ent) >= 2
            and "first-name-told" not in SPEAKER_RULES_OFF
            and root.dep_ == "nsubj"
            and root.head.lemma_.lower() in SPEECH_VERBS
            and _low(ent[0]) in lexicon().first_names
            and not any(t.lower_ in ("it", "its") for t in root.head.subtree)
        ):
            told = True  # "Carly Fiorina said Monday": a first name and a speaker (round 20)
        if not told and ent.end < n and toks[ent.end].text == ",":
            for c in children(root):
                if c.dep_ != "appos" or not ent.end < c.i <= ent.end + 4:
                    continue
                if c.i == ent.end + 1 and c.text.isdigit() and c.i + 1 < n and toks[c.i + 1].text == ",":
                    told = 1 <= int(c.text) <= 110  # "Donna Lages, 39,"
                elif c.tag_ == "NN" and (_low(c) in roles or c.lemma_.lower() in roles):
                    told = True  # "Nefzi, a chemistry professor"
                break
        if told:
            out.add(_low(toks[ent.end - 1]))
    return out


def _person_words() -> frozenset:
    return _class_words("person")


def _modifies(doc: Doc, m: _Mention, root: Token) -> bool:
    """Whether a mention is a modifier before ``root`` ("Trump" in "a Trump voter")."""
    r = doc_span(doc, m.start, m.end).root
    return m.end <= root.i and r.dep_ in ("compound", "nmod", "amod") and r.head.i == root.i


def _under_adjective(tok: Token, root: Token) -> bool:
    """Whether ``tok`` hangs on a ``near`` adjective below ``root`` ("a source close to X")."""
    h, n = tok.head, 0
    while h.i != root.i and h.head != h and n < 8:
        if h.pos_ == "ADJ" and h.lower_ in _near_words():
            return True
        h, n = h.head, n + 1
    return False


def _resolve_span(st: _State, s: int, e: int, root: Token) -> Optional[_Ent]:
    doc = st.doc
    lex = lexicon()
    # 1. the root (or an exact mention) is already a mention; a modifier word inside another
    # mention ("ministry" in "the ministry spokesman") is resolved on its own
    exact = [m for m in st.mentions_overlapping(s, e)]
    for m in exact:
        if m.start <= root.i < m.end and (
            doc_span(doc, m.start, m.end).root.i == root.i or (s <= m.start and m.end <= e)
        ):
            return m.ent
    # 2. pronoun; a relative pronoun is its antecedent ("Henry Crespo, who said ...")
    if root.lower_ in lex.pronouns:
        return _add_pronoun(st, root.i)
    if root.lower_ in RELATIVES and root.head.dep_ == "relcl" and root.head.head.i < root.i:
        ante = root.head.head
        ante_ch = st.chunk_at(ante.i) or (ante.i, ante.i + 1)
        if ante_ch[1] <= root.i:
            return _resolve_span(st, ante_ch[0], ante_ch[1], ante)
        return None
    # a bare head word ("spokesman") is read with its noun chunk ("the Kremlin spokesman")
    ch = st.chunk_at(root.i)
    if ch is not None and (ch[0] < s or ch[1] > e) and doc_span(doc, ch[0], ch[1]).root.i == root.i:
        s, e = min(s, ch[0]), max(e, ch[1])
        for m in st.mentions_overlapping(s, e):
            if m.start <= root.i < m.end:
                return m.ent
    # a person named inside a span headed by a person noun: "The head of the Super PAC, Mike
    # Murphy", "Sirius XM Vice President for news Dave Gorab"
    # a name in apposition: "Her rival, Prime Minister Petr Dvorak" is Petr Dvorak
    for c in children(root):
        if c.dep_ == "appos":
            lo, hi = min(subtree_ids(c)), max(subtree_ids(c)) + 1
            named = [m.ent for m in st.mentions_overlapping(lo, hi) if m.ent.kind == "PERSON" and m.ent.named]
            if named:
                return named[0]
    head = root.lemma_.lower()
    if root.pos_ == "NOUN" and head not in lex.orgs and root.lower_ not in lex.groups:
        # a possessor is not the head: "Her rival" is not "her"
        people = {
            id(m.ent): m.ent
            for m in exact
            if m.ent.kind == "PERSON"
            and m.ent.named
            and doc_span(doc, m.start, m.end).root.dep_ != "poss"
            and not _under_adjective(doc_span(doc, m.start, m.end).root, root)
            # (a name modifying the head is someone else: "a Trump voter", "a Trump look-alike")
            and not _modifies(doc, m, root)
        }
        if len(people) == 1:
            return next(iter(people.values()))
    # 3. possessive office / description chunk
    if _is_title(root) or head in lex.orgs or root.lower_ in lex.orgs or root.lower_ in lex.groups:
        return _add_description(st, s, root.i + 1 if root.i + 1 <= e else e)
    # 4. a name the model did not label as an actor: country, capital, institution, surname
    key = normalise(span_text(doc, s, e))
    # (a surname the tagger took for a verb or noun: "Trump this week also said")
    known_surname = e - s == 1 and root.text[:1].isupper() and _low(root) in st.surnames
    if root.pos_ == "PROPN" or key in lex.institutions or known_surname:
        label = "ORG" if key in lex.institutions else None
        if label is None:
            if _low(root) in st.surnames:
                label = "PERSON"
            elif country_code(span_text(doc, s, e)) or key in lex.capitals:
                label = "GPE"
            else:
                label = root.ent_type_ if root.ent_type_ in NAME_LABELS else "ORG"
        if label in ("GPE", "NORP"):
            code = country_code(span_text(doc, s, e)) or lex.capitals.get(key) or igo_code(span_text(doc, s, e))
            if not code:
                return None
            ent = st.keys.get(("GPE", code)) or st.keys.get(("NORP", code))
            if ent is None:
                ent = st.new("GPE", span_text(doc, s, e), country=code, named=True)
                st.keys[("GPE", code)] = ent
            st.add_mention(ent, s, e)
            return ent
        ms, me = _strip(doc, s, e)
        # "Ledger's Ana Ruiz": a person after an outlet's possessive
        pos = [t.i for t in doc_tokens(doc)[ms : me - 1] if t.tag_ == "POS" or t.lower_ in ("'s", "\u2019s")]
        if pos and me - pos[-1] - 1 >= 2 and _low(doc_tokens(doc)[pos[-1] + 1]) in lex.first_names:
            ms, label = pos[-1] + 1, "PERSON"
        if ms < me and me - ms <= 6:
            return _add_name(st, ms, me, label, ms, None, {})
    # 5. any mention inside the span (e.g. a long span around a name); not one the head is only
    # near ("a source close to the campaign", "officials familiar with the Clinton camp")
    exact = [m for m in exact if not _under_adjective(doc_span(doc, m.start, m.end).root, root)]
    if root.pos_ == "NOUN" and root.lemma_.lower() not in _class_words("document"):
        # "a Trump voter", "a Trump look-alike": a person's name modifying a common noun is
        # someone else ("a Carrier executive" still speaks for Carrier: a body; "one Clinton ad",
        # "the Rasmussen poll" are the named person's: ``document`` in speakers.tsv)
        exact = [m for m in exact if not (m.ent.kind == "PERSON" and _modifies(doc, m, root))]
    if root.lower_ in _person_words() or root.lemma_.lower() in _person_words():
        # "the GOP front-runner", "the Democratic actress": a person described by a body or a
        # party is not that body
        exact = [m for m in exact if m.ent.kind == "PERSON"]
    if exact:
        return min(exact, key=lambda m: abs(m.start - root.i)).ent
    return None


def pronoun_sources(data_dir, split: str = "dev") -> list[tuple[str, int, int, str]]:
    """PolNeAR Source spans that are a bare pronoun: (article, start, end, text), first
    annotator's file per article (as the project's PolNeAR scorer reads them)."""
    from pathlib import Path as _P

    root = _P(data_dir) / split
    first: dict[str, _P] = {}
    for p in sorted((root / "attributions").glob("*.ann")):
        first.setdefault(p.stem.rsplit("_", 1)[0], p)
    out = []
    for name, p in sorted(first.items()):
        for line in p.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if len(parts) < 3 or not parts[0].startswith("T") or not parts[1].startswith("Source "):
                continue
            a, b = parts[1].split(" ", 1)[1].split(";")[0].split()
            if parts[2].strip().lower() in lexicon().pronouns:
                out.append((name, int(a), int(b), parts[2].strip()))
    return out


__all__ = ["EntitiesComponent", "entity_for_span", "entity_by_id", "lexicon", "pronoun_sources"]
