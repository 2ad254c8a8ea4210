"""One actor per real-world actor across a store.

At ingest each article's entities (already resolved *within* the article by
``newsgraph_entities``) are resolved against the store's actors. An entity's name becomes a
**name key** (``name_key``), and every key met is kept in ``actor_names`` with the actor it
stands for, the ``rule`` that decided it and a readable ``why``; a key met again costs a
dictionary lookup. A new key is decided by these rules, in order (the first that applies wins):

=================  ==========================================================================
rule               when
=================  ==========================================================================
junk:KIND          no actor: a common noun, weekday or month alone ("State", "company",
                   "Friday"; ``data/en/actors/not_actors.tsv``), an outlet typed as a person
                   (``outlets.tsv``), a headline-like string typed as a person, the people
                   around an actor ("Anna Novak's team", "Novak campaign": ``entourage_nouns.tsv``;
                   neither the person nor an actor of its own), a programme, law or
                   agreement ("Medicare", "Affordable Care Act": ``programmes.tsv``,
                   ``programme_heads.tsv``). Kept (the
                   entity rows need an actor) but marked ``actors.junk`` and left out of lists.
name               the same normalised name as a known actor (people: whatever country the
                   article gave; others: the same country, or the only one when either has none)
petrarch2-alias    the PETRARCH2 actor dictionaries list both names for one actor
                   ("Hillary Rodham Clinton" = "Hillary Clinton"; ``data/actors/aliases.json.gz``)
variant            the same first and last name with middle names or initials left out
                   ("Donald J. Trump" = "Donald Trump"); never two different middles
                   ("George W. Bush" vs "George H. W. Bush")
fuzzy              one name word differs by a typo (rapidfuzz ratio >= FUZZY_RATIO, same
                   first letter, the other word equal) from an actor seen in FUZZY_MIN_ARTICLES
                   articles or more ("Hilary Clinton" = "Hillary Clinton")
surname            a surname alone ("Trump"; of several words, "Wasserman Schultz", when no
                   person met has its first word as first name), as a person or typed as an
                   organisation by the NER, goes to the one full-name person of that surname whose country agrees
                   and who is active within PERIOD_DAYS of the article; with several, to one
                   with DOMINANCE times the articles of the next ("Clinton" in 2016 -> Hillary
                   Clinton, in 1998 -> Bill Clinton)
first-name         a first name alone ("Hillary"), the same way, with FIRST_NAME_DOMINANCE
prefix             a word or two fused before the full name of a person met in
                   PREFIX_MIN_ARTICLES articles, which no established person has as first
                   name ("Universe Alicia Machado" of "Miss Universe Alicia Machado"; titles
                   and epithets of ``titles.tsv`` are dropped from every name before it is
                   compared: "Sen. Bernie Sanders", "Crooked Hillary Clinton")
person-name        an organisation-typed entity with a person's full name is that person
new                otherwise a new actor
=================  ==========================================================================

A person's name keys carry no country (the country an article gives a person does not split
them); a surname key carries the country and year; other keys the country. An actor's
``country`` is the one most of its entities give (each entity's country comes from its own
roles and descriptors, never from places near it).

At the end of an ingest run (and with ``newsgraph actors resolve``) a pass merges actors made
before their full name was known (a surname met before the full name) and sets each actor's
display name to its most frequent variant. Every merge is reversible: ``newsgraph actors split``
moves names (and every entity, quote and event behind them) to an actor of their own, and the
store remembers it (a name split by hand is never merged again by a rule).
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Optional, Union

from sqlalchemy import exists, func, select

from .. import lexicon
from ..countries import normalise
from . import schema as S

if TYPE_CHECKING:
    from sqlalchemy import Table
    from sqlalchemy.dialects.postgresql import Insert as PgInsert
    from sqlalchemy.dialects.sqlite import Insert as SqliteInsert
    from sqlalchemy.engine import Connection

PERIOD_DAYS = 365  # a surname joins a full-name actor active within this many days of the article
DOMINANCE = 3.0  # with several full-name candidates: the most present needs this many times the next
FIRST_NAME_DOMINANCE = 5.0
FIRST_NAME_MIN_ARTICLES = 3
FUZZY_RATIO = 85  # rapidfuzz ratio between the differing name words
FUZZY_MIN_ARTICLES = 3  # a typo joins only an actor this well established
PREFIX_MIN_ARTICLES = 1  # a word fused before a name: the person named must be met this often
PREFIX_MAX_WORDS = 2  # at most this many words fused before the name
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
PRONOUN_WORDS = {"his", "her", "their", "its", "our", "my", "your", "whose", "this", "that", "these", "those"}


@lru_cache(maxsize=1)
def not_actors() -> dict[str, str]:
    return {
        r["word"]: r["kind"] for r in lexicon.table("actors/not_actors.tsv", columns=("word", "kind"), key=("word",))
    }


@lru_cache(maxsize=1)
def outlets() -> frozenset:
    return frozenset(normalise(r["name"]) for r in lexicon.table("actors/outlets.tsv", columns=("name",)))


name_particles = lexicon.name_particles


@lru_cache(maxsize=1)
def function_words() -> frozenset:
    return lexicon.words(lexicon.table("actors/function_words.tsv", columns=("word",)))


@lru_cache(maxsize=1)
def event_heads() -> frozenset:
    return lexicon.words(lexicon.table("actors/event_heads.tsv", columns=("word",)))


@lru_cache(maxsize=1)
def entourage_nouns() -> frozenset:
    return lexicon.words(lexicon.table("actors/entourage_nouns.tsv", columns=("word",)))


@lru_cache(maxsize=1)
def programmes() -> frozenset:
    return lexicon.words(lexicon.table("actors/programmes.tsv", columns=("word",)))


@lru_cache(maxsize=1)
def programme_heads() -> frozenset:
    return lexicon.words(lexicon.table("actors/programme_heads.tsv", columns=("word",)))


@lru_cache(maxsize=1)
def titles() -> frozenset:
    """Words that stand before a person's name and are not part of it: titles ("Sen.", "Gov."),
    descriptions ("former", "presidential") and nicknames' epithets ("Crooked")."""
    return lexicon.words(lexicon.table("actors/titles.tsv", columns=("word",)))


@lru_cache(maxsize=1)
def nicknames() -> dict[str, str]:
    return {
        r["nickname"]: r["name"]
        for r in lexicon.table("actors/nicknames.tsv", columns=("nickname", "name"), key=("nickname",))
    }


@lru_cache(maxsize=1)
def alias_table() -> dict[str, str]:
    return {
        r["name"]: r["canonical"]
        for r in lexicon.table("actors/aliases.tsv", columns=("name", "canonical"), key=("name",))
    }


def canonical(norm: str) -> str:
    """The name an alias stands for: the hand table (``data/en/actors/aliases.tsv``), then the
    PETRARCH2 dictionaries; else the name itself."""
    return alias_table().get(norm) or petrarch_aliases().get(norm) or norm


def short_form(norm: str) -> str:
    """A person's "first last" with the first name in full ("joe biden" -> "joseph biden"); a
    "Jr." stays (Donald Trump Jr. is not Donald Trump)."""
    w = norm.split()
    suffix = ""
    if len(w) > 2 and w[-1] in SUFFIXES:
        suffix, w = " " + w[-1], w[:-1]
    return f"{nicknames().get(w[0], w[0])} {w[-1]}{suffix}"


def _middles(norm: str) -> tuple:
    w = norm.split()
    if len(w) > 2 and w[-1] in SUFFIXES:
        w = w[:-1]
    return tuple(w[1:-1])


@lru_cache(maxsize=1)
def petrarch_aliases() -> dict[str, str]:
    """Other name -> primary name, from the PETRARCH2 actor dictionaries."""
    with resources.files("newsgraph").joinpath("data", "actors", "aliases.json.gz").open("rb") as f:
        return json.loads(gzip.decompress(f.read()))


def apostrophes(name: str) -> str:
    """An opening quote or an accent typed for the apostrophe of a possessive ("Donald Trump‘s")
    made one."""
    return re.sub(r"(?<=\w)[‘`´]s\b", "’s", name)


def clean(name: str, person: bool = True) -> str:
    """A name as compared: ``countries.normalise`` (lower case, no accents or dots, no leading
    "the", no possessive), curly apostrophes straightened; a person's leading titles and
    trailing "Jr." dropped."""
    n = normalise(apostrophes(name).replace("’", "'"))
    n = re.sub(r"'s\b", "", n).strip(" '-")
    if not person:
        return n
    words = n.split()
    while len(words) > 1 and words[0] in titles():
        words.pop(0)
    return " ".join(words)


def _year(day: Optional[str]) -> str:
    return day[:4] if day and re.match(r"\d{4}", day) else ""


def name_key(name: str, type: Optional[str], country: Optional[str], day: Optional[str]) -> str:
    """The key a name is kept under in ``actor_names``: ``p:`` a person's full name (no
    country), ``s:`` a one-word person name with country and year, ``o:`` anything else with
    country."""
    n = clean(name, type == "PERSON") or name.strip().casefold()
    if type == "PERSON":
        if len(n.split()) >= 2:
            return f"p:{n}"[:600]
        return f"s:{n}|{country or ''}|{_year(day)}"[:600]
    return f"o:{n}|{country or ''}"[:600]


def junk_reason(name: str, type: Optional[str], country: Optional[str]) -> Optional[str]:
    """Why this entity name is no actor, or None when it may be one."""
    name = apostrophes(name)
    n = clean(name, type == "PERSON")
    if not n or not re.search(r"[^\W\d_]", n):
        return "junk:empty"
    words = n.split()
    if country is None and n in not_actors():
        return "junk:" + not_actors()[n]
    if n in programmes() or (type != "PERSON" and len(words) >= 2 and words[-1] in programme_heads()):
        return "junk:programme"  # "Medicare", "Affordable Care Act": a programme or law does not act
    if len(words) >= 2 and words[-1] in entourage_nouns() and _entourage(name):
        return "junk:entourage"  # "Anna Novak's team", "Novak campaign": the people around her, not her
    if type == "PERSON":
        if n in outlets():
            return "junk:outlet-as-person"
        if words[0] in function_words() and len(words) > 1:
            return "junk:description"
        raw = re.findall(r"[\w'’.-]+", name)
        lower = [w for w in raw if w[:1].islower() and w.split("-")[0].lower() not in name_particles()]
        if len(words) > 4 or re.search(r"\d|[:?!|]", name):
            return "junk:headline-like"
        if lower and words[0] not in PRONOUN_WORDS:
            return "junk:description"  # "federal judge", "Defense secretary": no name
    elif len(words) > 8 or re.search(r"[?!|]", name):
        return "junk:headline-like"
    elif type in ("ORG", "EVENT", "FAC", None) and len(words) > 1 and words[-1] in event_heads():
        return "junk:event"
    if words[0] in PRONOUN_WORDS:
        return "junk:pronoun-description"
    if type in ("PERSON", "OTHER", "NORP") and re.search(r"\s(?:and|&)\s|,", name):
        return "junk:several-actors"
    if country is None and not re.search(r"[A-Z]", name):
        return "junk:common-noun" if len(words) == 1 else "junk:description"
    return None


def _entourage(name: str) -> bool:
    """A name and a group noun after it: "Anna Novak's team" (a possessive), "Novak campaign"
    (the noun in lower case). A capitalised noun after capitalised words and no possessive
    names a body ("Human Rights Campaign", "Joint Chiefs of Staff")."""
    lead, last = name.replace("’", "'").rsplit(None, 1)
    if not re.search(r"[A-Z]", lead):
        return False
    return bool(re.search(r"'s?$", lead)) or last[:1].islower()


@dataclass
class Info:
    """An actor as the resolver knows it."""

    id: int
    name: str
    norm: str
    type: Optional[str]
    country: Optional[str]
    key: str
    junk: Optional[str] = None
    first: Optional[str] = None  # first and last day it was mentioned (publication dates)
    last: Optional[str] = None
    n: int = 0  # entities (about: articles mentioning it)
    votes: Counter = field(default_factory=Counter)
    manual: bool = False

    @property
    def person(self) -> bool:
        return self.type == "PERSON" and len(self.norm.split()) >= 2


@lru_cache(maxsize=4096)
def _place_word(n: str) -> bool:
    """A country, demonym or capital ("Washington", "Israel") is no surname, whatever the NER says."""
    from ..countries import country_code

    return bool(country_code(n)) or n in _capitals()


@lru_cache(maxsize=1)
def _capitals() -> frozenset:
    from ..extractors.entities import lexicon as entity_lexicon

    return frozenset(entity_lexicon().capitals)


def _days_apart(day: Optional[str], info: Info) -> int:
    """Days between ``day`` and the actor's active period (0 inside it or when unknown)."""
    if not day or not info.first or not info.last:  # (first and last are set together)
        return 0
    try:
        d = date.fromisoformat(day[:10])
        lo, hi = date.fromisoformat(info.first[:10]), date.fromisoformat(info.last[:10])
    except ValueError:
        return 0
    return 0 if lo <= d <= hi else min(abs((d - lo).days), abs((d - hi).days))


class Resolver:
    """The store's actors in memory, for resolving names at ingest. Changes made inside a write
    transaction are undone with ``rollback()`` when it fails."""

    def __init__(self) -> None:
        self._reset()

    def _reset(self) -> None:
        self.loaded = False
        self.actors: dict[int, Info] = {}
        self.names: dict[str, int] = {}  # name_key -> actor id
        self.by_norm: dict[str, set] = {}
        self.by_short: dict[str, set] = {}  # "first last" of a person -> ids
        self.by_last: dict[str, set] = {}  # last name of a person -> ids
        self.by_first: dict[str, set] = {}
        self.by_primary: dict[str, set] = {}  # PETRARCH2 primary name -> ids of actors named by one of its names
        self._undo: list = []
        self.new_norm: Optional[str] = None  # the norm a new actor is indexed under (set by decide)

    # ------------------------------------------------------------------ state
    def load(self, conn: Connection) -> None:
        A, N, E, Ar = S.actors, S.actor_names, S.entities, S.articles
        self._reset()
        for r in conn.execute(
            select(A.c.id, A.c.name, A.c.type, A.c.country, A.c.actor_key, A.c.junk).where(A.c.merged_into.is_(None))
        ):
            self._add(
                Info(
                    r.id,
                    r.name,
                    clean(r.name, r.type == "PERSON") or r.name.casefold(),
                    r.type,
                    r.country,
                    r.actor_key,
                    r.junk,
                )
            )
        for nr in conn.execute(select(N.c.name_key, N.c.actor_id, N.c.rule)):
            self.names[nr.name_key] = nr.actor_id
            if nr.rule.startswith("manual") and nr.actor_id in self.actors:
                self.actors[nr.actor_id].manual = True
        for er in conn.execute(
            select(E.c.actor_id, E.c.country, func.count(), func.min(Ar.c.published), func.max(Ar.c.published))
            .select_from(E.join(Ar, Ar.c.id == E.c.article_id))
            .group_by(E.c.actor_id, E.c.country)
        ):
            a = self.actors.get(er[0])
            if a is None:
                continue
            a.n += er[2]
            if er[1]:
                a.votes[er[1]] += er[2]
            if er[3] and (a.first is None or er[3] < a.first):
                a.first = er[3]
            if er[4] and (a.last is None or er[4] > a.last):
                a.last = er[4]
        self.loaded = True

    def _index(self, info: Info, add: bool) -> None:
        keys = [(self.by_norm, info.norm)]
        if info.person:
            w = info.norm.split()
            keys += [(self.by_short, short_form(info.norm)), (self.by_last, w[-1]), (self.by_first, w[0])]
        keys.append((self.by_primary, canonical(info.norm)))
        for d, k in keys:
            if add:
                d.setdefault(k, set()).add(info.id)
            else:
                d.get(k, set()).discard(info.id)

    def _add(self, info: Info) -> None:
        self.actors[info.id] = info
        self._index(info, True)

    def _remove(self, aid: int) -> None:
        info = self.actors.pop(aid, None)
        if info is not None:
            self._index(info, False)

    def commit(self) -> None:
        self._undo.clear()

    def rollback(self) -> None:
        while self._undo:
            self._undo.pop()()

    # ------------------------------------------------------------------ resolving
    def _live(
        self,
        ids: Optional[Iterable[int]],
        day: Optional[str] = None,
        country: Optional[str] = None,
        person: Optional[bool] = None,
        non_junk: bool = True,
    ) -> list[Info]:
        out: list[Info] = []
        for i in ids or ():
            a = self.actors.get(i)
            if a is None or (non_junk and a.junk) or (person is not None and a.person != person):
                continue
            if country and a.country and a.country != country:
                continue
            if day is not None and _days_apart(day, a) > PERIOD_DAYS:
                continue
            out.append(a)
        return out

    @staticmethod
    def _dominant(cands: list[Info], ratio: float, min_n: int = 0) -> Optional[Info]:
        if not cands:
            return None
        cands = sorted(cands, key=lambda a: (-a.n, a.id))
        if len(cands) == 1:
            return cands[0] if cands[0].n >= min_n else None
        if cands[0].n >= min_n and cands[0].n >= ratio * max(cands[1].n, 1):
            return cands[0]
        return None

    def decide(
        self, name: str, type: Optional[str], country: Optional[str], day: Optional[str]
    ) -> tuple[Optional[Info], str, str]:
        """For a name key not met before: (the actor it is, or None for a new actor; rule; why)."""
        a: Optional[Info]
        n = clean(name, type == "PERSON") or name.strip().casefold()
        self.new_norm = n
        words = n.split()
        junk = junk_reason(name, type, country)
        if junk:
            same = [a for a in (self.actors.get(i) for i in self.by_norm.get(n, ())) if a and a.junk]
            return (same[0] if same else None), junk, f"{name!r} is no actor ({junk[5:]})"
        if type == "PERSON" and len(words) >= 2:
            same = self._live(self.by_norm.get(n), person=True)
            if same:
                a = self._dominant(same, 1.0) or sorted(same, key=lambda a: (-a.n, a.id))[0]
                return a, "name", f"{name!r}: the same name as {a.name!r}"
            cands = [a for a in self._live(self.by_primary.get(canonical(n)), person=True) if a.norm != n]
            cands += [a for a in self._live(self.by_norm.get(canonical(n)), person=True) if a not in cands]
            if cands:
                a = sorted(cands, key=lambda a: (-a.n, a.id))[0]
                return a, "alias", f"{name!r} and {a.name!r} are names of one actor (PETRARCH2 or aliases.tsv)"
            short = short_form(n)
            mids = _middles(n)
            cands = [
                a
                for a in self._live(self.by_short.get(short), person=True)
                if not (mids and _middles(a.norm) and _middles(a.norm) != mids)
            ]
            if cands:
                a = sorted(cands, key=lambda a: (-a.n, a.id))[0]
                if len({_middles(c.norm) for c in cands if _middles(c.norm)}) <= 1:
                    return a, "variant", f"{name!r} and {a.name!r}: the same first and last name (middle names aside)"
            a = self._fuzzy(words)
            if a is not None:
                return a, "fuzzy", f"{name!r} looks like a misspelling of {a.name!r}"
            found = self._prefixed(words)
            if found is not None:
                a, lead = found
                return (
                    a,
                    "prefix",
                    f"{name!r}: {lead!r} before the full name of {a.name!r} (a title, a description "
                    "or a first name: no person met has it as first name)",
                )
            compound = self._compound_surname(words, day, country)
            if compound is not None:
                a, n_cands = compound
                return (
                    a,
                    "surname",
                    f"{name!r} is a surname of {len(words)} words (no person met has {words[0]!r} as first name): "
                    f"{a.name!r} is the "
                    + ("only person of that name" if n_cands == 1 else f"most present of {n_cands} people of that name")
                    + " active then",
                )
            return None, "new", f"{name!r}: a person not met before"
        if len(words) == 1 and name.strip()[:1].isupper() and type in ("PERSON", "ORG", None) and not _place_word(n):
            cands = self._live(self.by_last.get(n), day=day, country=country, person=True)
            a = self._dominant(cands, DOMINANCE)
            if a is not None:
                what = "a surname" if type == "PERSON" else f"a surname typed {type}"
                return (
                    a,
                    "surname",
                    (
                        f"{name!r} is {what}: {a.name!r} is the "
                        + (
                            "only person of that name"
                            if len(cands) == 1
                            else f"most present of {len(cands)} people of that name"
                        )
                        + " active then"
                    ),
                )
            if type == "PERSON":
                cands = self._live(self.by_first.get(n), day=day, country=country, person=True)
                a = self._dominant(cands, FIRST_NAME_DOMINANCE, FIRST_NAME_MIN_ARTICLES)
                if a is not None:
                    return (
                        a,
                        "first-name",
                        f"{name!r} is a first name: {a.name!r} is by far the most present "
                        f"person of that first name active then",
                    )
        if type != "PERSON" and len(words) >= 2:
            same = self._live(self.by_norm.get(n), person=True)
            if same:
                a = sorted(same, key=lambda a: (-a.n, a.id))[0]
                return a, "person-name", f"{name!r} (typed {type}) has the name of the person {a.name!r}"
        if (
            type == "PERSON"
            and len(words) == 1
            and n.endswith("s")
            and self._live(self.by_last.get(n[:-1]), person=True)
        ):
            return None, "junk:family", f"{name!r}: a family (several people named {n[:-1].title()}), no one actor"
        canon = alias_table().get(n, n)  # organisations: the hand table only (PETRARCH2 groups bodies by code)
        if canon != n or self.by_primary.get(n):
            cands = [
                a
                for a in self._live(self.by_norm.get(canon)) + self._live(self.by_primary.get(canon))
                if a.norm != n and (not country or not a.country or a.country == country)
            ]
            if cands:
                a = sorted(cands, key=lambda a: (-a.n, a.id))[0]
                return a, "alias", f"{name!r} and {a.name!r} are names of one actor (PETRARCH2 or aliases.tsv)"
        if type != "PERSON":
            a = self._person_org(name, n, country, day)
            if a is not None:
                return a, "person-org", f"{name!r}: the organisation of the person named, as {a.name!r}"
        if len(words) == 1:  # one word typed differently by the NER ("GOP" as a person, "Trump" as an ORG)
            same = [a for a in self._live(self.by_norm.get(n)) if not country or not a.country or a.country == country]
            if same:
                a = sorted(same, key=lambda a: (-a.n, a.id))[0]
                return a, "name", f"{name!r} (typed {type}): the same name as {a.name!r} ({a.type})"
        same = [a for a in self._live(self.by_norm.get(n)) if (a.type == "PERSON") == (type == "PERSON")]
        if type == "PERSON":
            same = [a for a in same if not country or not a.country or a.country == country]
        else:
            same = [a for a in same if a.country == country] or (
                same if (country is None or all(a.country is None for a in same)) and len(same) == 1 else []
            )
        if same:
            a = sorted(same, key=lambda a: (-a.n, a.id))[0]
            return (
                a,
                "name",
                f"{name!r}: the same name as {a.name!r}"
                + (f" ({a.country or 'no country'})" if a.country != country else ""),
            )
        return None, "new", f"{name!r}: not met before"

    def _person_org(self, name: str, n: str, country: Optional[str], day: Optional[str]) -> Optional[Info]:
        """ "Clinton campaign", "Donald J. Trump's campaign": the person's part resolved (surname,
        variant, ...) and the organisation looked up under the person's canonical name."""
        m = re.match(r"(.+?)'s (.+)$", name.replace("’", "'"))
        if m:
            person, rest = m.group(1), m.group(2)
        else:
            w = name.split()
            if len(w) < 2 or not w[-1][:1].islower() or not w[0][:1].isupper():
                return None
            person, rest = " ".join(w[:-1]), w[-1]
        rest = clean(rest, False)
        if not rest:
            return None
        p = self._live(self.by_norm.get(clean(person)), person=True)
        who = sorted(p, key=lambda a: (-a.n, a.id))[0] if p else None
        if who is None:
            who, rule, _ = self.decide(person, "PERSON", None, day)
            self.new_norm = n
            if who is None or rule.startswith("junk") or not who.person:
                return None
        target = f"{who.norm} {rest}"
        cands = [a for a in self._live(self.by_norm.get(target)) if a.type != "PERSON"]
        if cands:
            return sorted(cands, key=lambda a: (-a.n, a.id))[0]
        self.new_norm = target  # a new organisation, found later under the person's canonical name
        return None

    def _first_name(self, w: str, besides: Optional[int] = None) -> bool:
        """Whether a person met (other than actor ``besides``) has ``w`` as first name (a name
        that is itself a word before a person's name, "Rival Ted Cruz", is no one's)."""
        return any(
            a.id != besides and not self._live(self.by_norm.get(" ".join(a.norm.split()[1:])), person=True)
            for a in self._live(self.by_first.get(w), person=True)
        )

    def _compound_surname(
        self, words: list[str], day: Optional[str], country: Optional[str]
    ) -> Optional[tuple[Info, int]]:
        """ "Wasserman Schultz": a surname of several words alone, when no person met has its
        first word as first name: the one (or by far the most present) person of that country and
        period whose full name is a first name another person met also has, then it ("Debbie
        Wasserman Schultz"; a title before the name, "Rival Jan Kowal", is the prefix rule's).
        Returns (the person, how many there were)."""
        if len(words[0]) < 2 or self._first_name(words[0]):
            return None
        tail = " " + " ".join(words)
        cands = [
            a
            for a in self._live(self.by_last.get(words[-1]), day=day, country=country, person=True)
            if a.norm.endswith(tail)
            and len(a.norm.split()) == len(words) + 1
            and self._first_name(a.norm.split()[0], a.id)
        ]
        a = self._dominant(cands, DOMINANCE)
        return (a, len(cands)) if a is not None else None

    def _prefixed(self, words: list[str]) -> Optional[tuple[Info, str]]:
        """ "Universe Alicia Machado" (of "Miss Universe Alicia Machado"), "Chief Justice Anna
        Kowal": a word or two before the full name of a person met in PREFIX_MIN_ARTICLES
        articles, when no person met has that word as first name (apart from names that are
        themselves a word before a person's name) and it is no initial.
        Returns (the person, the words before the name)."""
        for k in range(1, PREFIX_MAX_WORDS + 1):
            if len(words) - k < 2:
                break
            w = words[k - 1]
            if len(w) < 2 or self._first_name(w):
                break
            rest = " ".join(words[k:])
            cands = [a for a in self._live(self.by_norm.get(rest), person=True) if a.n >= PREFIX_MIN_ARTICLES]
            if cands:
                return sorted(cands, key=lambda a: (-a.n, a.id))[0], " ".join(words[:k])
        return None

    def _fuzzy(self, words: list[str]) -> Optional[Info]:
        from rapidfuzz import fuzz

        first, last = words[0], words[-1]
        found = []
        for key, other in ((last, first), (first, last)):
            pool = self.by_last.get(key) if key is last else self.by_first.get(key)
            for a in self._live(pool, person=True):
                if a.n < FUZZY_MIN_ARTICLES:
                    continue
                w = a.norm.split()
                theirs = w[0] if key is last else w[-1]
                if (
                    theirs != other
                    and theirs[:1] == other[:1]
                    and min(len(theirs), len(other)) >= 4
                    and fuzz.ratio(theirs, other) >= FUZZY_RATIO
                ):
                    found.append(a)
        return self._dominant(found, DOMINANCE)

    # ------------------------------------------------------------------ writing
    def actor_for(
        self,
        conn: Connection,
        name: str,
        type: Optional[str],
        country: Optional[str],
        sector: Optional[str],
        day: Optional[str],
    ) -> tuple[Info, str]:
        """The actor of an entity (creating it and its name row when new): (actor, name key)."""
        key = name_key(name, type, country, day)
        aid = self.names.get(key)
        info = self.actors.get(aid) if aid is not None else None
        if info is None:
            info = self._new_name(conn, key, name, type, country, sector, day)
        self._count(conn, info, country, day)
        return info, key

    def _new_name(
        self,
        conn: Connection,
        key: str,
        name: str,
        type: Optional[str],
        country: Optional[str],
        sector: Optional[str],
        day: Optional[str],
    ) -> Info:
        target, rule, why = self.decide(name, type, country, day)
        if target is None:
            target = self._create(
                conn, key, name, type, country, sector, rule[5:] if rule.startswith("junk:") else None
            )
        ins = _insert(conn, S.actor_names).on_conflict_do_nothing(index_elements=["name_key"])
        res = conn.execute(ins, {"name_key": key, "actor_id": target.id, "name": name[:512], "rule": rule, "why": why})
        if res.rowcount == 0:  # another writer resolved this name first: theirs stands
            aid = conn.execute(select(S.actor_names.c.actor_id).where(S.actor_names.c.name_key == key)).scalar_one()
            target = self.actors.get(aid) or self._fetch(conn, aid) or target
        self.names[key] = target.id
        self._undo.append(lambda: self.names.pop(key, None))
        return target

    def _fetch(self, conn: Connection, aid: int) -> Optional[Info]:
        r = conn.execute(select(S.actors).where(S.actors.c.id == aid)).first()
        if r is None:
            return None
        while r.merged_into is not None:
            r = conn.execute(select(S.actors).where(S.actors.c.id == r.merged_into)).one()
        info = Info(
            r.id, r.name, clean(r.name, r.type == "PERSON") or r.name.casefold(), r.type, r.country, r.actor_key, r.junk
        )
        self._add(info)
        self._undo.append(lambda: self._remove(info.id))
        return info

    def _create(
        self,
        conn: Connection,
        key: str,
        name: str,
        type: Optional[str],
        country: Optional[str],
        sector: Optional[str],
        junk: Optional[str],
    ) -> Info:
        akey = ("j:" + key[2:] if junk else key)[:600]
        ins = _insert(conn, S.actors)
        ins = ins.on_conflict_do_update(index_elements=["actor_key"], set_={"actor_key": ins.excluded.actor_key})
        aid = conn.execute(
            ins.returning(S.actors.c.id),
            {"actor_key": akey, "name": name[:512], "country": country, "type": type, "sector": sector, "junk": junk},
        ).scalar_one()
        info = self.actors.get(aid)
        if info is None:
            info = Info(
                aid,
                name[:512],
                self.new_norm or clean(name, type == "PERSON") or name.casefold(),
                type,
                country,
                akey,
                junk,
            )
            self._add(info)
            self._undo.append(lambda: self._remove(aid))
        return info

    def _count(self, conn: Connection, info: Info, country: Optional[str], day: Optional[str]) -> None:
        """One more entity of this actor: its count, period and country votes; the actor's
        country follows the majority of its entities."""
        old = (info.n, info.first, info.last, info.country)
        info.n += 1
        if day:
            info.first = min(info.first or day, day)
            info.last = max(info.last or day, day)
        if country and not info.junk:
            info.votes[country] += 1
        self._undo.append(lambda: _restore(info, old, country))
        if not info.junk and (country or info.votes):
            top = voted(info.votes, info.n)
            if top != info.country and (top or info.type == "PERSON"):
                conn.execute(S.actors.update().where(S.actors.c.id == info.id).values(country=top))
                info.country = top


def voted(votes: Counter, n: int = 0) -> Optional[str]:
    """The country most entities of an actor give, when it has at least twice the votes of the
    next, and two votes or half of the actor's ``n`` entities (one stray country from one
    article does not recode a person mentioned in many); else None."""
    top = votes.most_common(2)
    if not top or top[0][1] <= 0:
        return None
    if len(top) > 1 and top[0][1] < 2 * top[1][1]:
        return None
    if top[0][1] < 2 and 2 * top[0][1] < n:
        return None
    return top[0][0]


def _restore(info: Info, old: tuple, country: Optional[str]) -> None:
    info.n, info.first, info.last, info.country = old
    if country:
        info.votes[country] -= 1


def _insert(conn: Connection, table: Table) -> Union[PgInsert, SqliteInsert]:
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table)


# ---------------------------------------------------------------------- whole-store operations
def merge(conn: Connection, src: int, dst: int, rule: str = "manual-merge", why: Optional[str] = None) -> None:
    """Move everything of actor ``src`` to actor ``dst`` (entities, quotes, events, statements,
    name rows) and mark ``src`` merged into ``dst``."""
    if src == dst:
        raise ValueError("an actor cannot be merged into itself")
    A, N, E, Q, V, ST = S.actors, S.actor_names, S.entities, S.quotes, S.events, S.statements
    conn.execute(E.update().where(E.c.actor_id == src).values(actor_id=dst))
    conn.execute(Q.update().where(Q.c.speaker_actor_id == src).values(speaker_actor_id=dst))
    conn.execute(V.update().where(V.c.actor_actor_id == src).values(actor_actor_id=dst))
    conn.execute(V.update().where(V.c.recipient_actor_id == src).values(recipient_actor_id=dst))
    conn.execute(ST.update().where(ST.c.speaker_actor_id == src).values(speaker_actor_id=dst))
    for r in conn.execute(select(N.c.id, N.c.rule, N.c.why).where(N.c.actor_id == src)).all():
        conn.execute(
            N.update()
            .where(N.c.id == r.id)
            .values(actor_id=dst, rule=rule, why=f"{why or 'merged'} (before: {r.rule}: {r.why})"[:4000])
        )
    conn.execute(A.update().where(A.c.id == src).values(merged_into=dst))
    conn.execute(A.update().where(A.c.merged_into == src).values(merged_into=dst))


def split(conn: Connection, actor_id: int, names: list[str], why: Optional[str] = None) -> int:
    """Move the names ``names`` (as shown by ``actors show``: a variant or its name key) of an
    actor, with every entity, quote and event behind them, to a new actor of their own; returns
    its id. The names are marked ``manual-split``, so no rule merges them again."""
    A, N, E, Q, V, ST = S.actors, S.actor_names, S.entities, S.quotes, S.events, S.statements
    rows = conn.execute(select(N).where(N.c.actor_id == actor_id)).all()
    wanted = {n.strip() for n in names}
    low = {n.casefold() for n in wanted}
    chosen = [
        r
        for r in rows
        if r.name_key in wanted or r.name.casefold() in low or clean(r.name) in {clean(n) for n in wanted}
    ]
    if not chosen:
        raise ValueError(
            f"actor #{actor_id} has no name {', '.join(sorted(wanted))!r} (see: newsgraph actors show {actor_id})"
        )
    if len(chosen) == len(rows):
        raise ValueError("that would move every name of the actor: nothing would be split")
    head = chosen[0]
    ent = conn.execute(select(E.c.type, E.c.country, E.c.sector).where(E.c.name_key == head.name_key).limit(1)).first()
    new = conn.execute(
        A.insert()
        .values(
            actor_key=f"split:{head.name_key}:{actor_id}"[:600],
            name=head.name,
            type=ent.type if ent else None,
            country=ent.country if ent else None,
            sector=ent.sector if ent else None,
        )
        .returning(A.c.id)
    ).scalar_one()
    keys = [r.name_key for r in chosen]
    for r in chosen:
        conn.execute(
            N.update()
            .where(N.c.id == r.id)
            .values(
                actor_id=new,
                rule="manual-split",
                why=f"{why or 'split by hand'} from #{actor_id} (before: {r.rule}: {r.why})"[:4000],
            )
        )
    conn.execute(E.update().where(E.c.actor_id == actor_id, E.c.name_key.in_(keys)).values(actor_id=new))
    moved = exists().where(E.c.article_id == Q.c.article_id, E.c.eid == Q.c.speaker_eid, E.c.actor_id == new)
    conn.execute(Q.update().where(Q.c.speaker_actor_id == actor_id, moved).values(speaker_actor_id=new))
    for col, eid in ((V.c.actor_actor_id, V.c.actor_eid), (V.c.recipient_actor_id, V.c.recipient_eid)):
        moved = exists().where(E.c.article_id == V.c.article_id, E.c.eid == eid, E.c.actor_id == new)
        conn.execute(V.update().where(col == actor_id, moved).values({col.name: new}))
    conn.execute(
        ST.update()
        .where(
            ST.c.speaker_actor_id == actor_id, ST.c.id.in_(select(Q.c.statement_id).where(Q.c.speaker_actor_id == new))
        )
        .values(speaker_actor_id=new)
    )
    return new


CONSOLIDATE_PASSES = 3  # a merge can open another (a name indexed again under the merged actor)


def consolidate(conn: Connection, resolver: Optional[Resolver] = None) -> list[tuple[int, int, str]]:
    """The pass at the end of an ingest run: actors made from a one-word name before the full
    name was known are merged into the full-name actor the surname rule now finds (their own
    period and country); full names into the variant or alias met later. Then each actor's
    display name becomes its most frequent variant. Actors with a name split by hand are left
    alone. Runs again (up to CONSOLIDATE_PASSES) while a pass merged something. Returns the
    merges made: (from, into, why)."""
    r = resolver or Resolver()
    done: list[tuple[int, int, str]] = []
    _display_names(conn)  # names are looked up by their most frequent form ("Jan Kowal", not "Rival Jan Kowal")
    for _ in range(CONSOLIDATE_PASSES):
        r.load(conn)
        merged = _consolidate_pass(conn, r)
        _display_names(conn)
        r.commit()
        done += merged
        if not merged:
            break
    _event_countries(conn)
    return done


def _event_countries(conn: Connection) -> None:
    """An actor no entity gives a country takes the country its events are coded with, as their
    actor (the coder's descriptors and PETRARCH2 table: Hillary Clinton USA), by the same vote as
    an entity country (twice the next, two votes at least); after the merges, so that it never
    decides one."""
    A, Ev = S.actors, S.events
    votes: dict[int, Counter] = {}
    for aid, country, n in conn.execute(
        select(Ev.c.actor_actor_id, Ev.c.actor_country, func.count())
        .where(Ev.c.actor_actor_id.is_not(None), Ev.c.actor_country.is_not(None))
        .group_by(Ev.c.actor_actor_id, Ev.c.actor_country)
    ):
        votes.setdefault(aid, Counter())[country] += n
    if not votes:
        return
    for r in conn.execute(
        select(A.c.id).where(A.c.merged_into.is_(None), A.c.country.is_(None), A.c.junk.is_(None))
    ).all():
        v = votes.get(r.id, Counter())
        country = voted(v, sum(v.values()))
        if country and sum(v.values()) >= 2:
            conn.execute(A.update().where(A.c.id == r.id).values(country=country))


def _consolidate_pass(conn: Connection, r: Resolver) -> list[tuple[int, int, str]]:
    done = []
    for a in sorted(list(r.actors.values()), key=lambda a: (a.n, -a.id)):
        if a.junk or a.manual or a.id not in r.actors:
            continue
        r._remove(a.id)
        try:
            t, rule, why = r.decide(a.name, a.type, a.country, a.first)
        finally:
            r._add(a)
        if rule.startswith("junk:"):
            conn.execute(S.actors.update().where(S.actors.c.id == a.id).values(junk=rule[5:]))
            a.junk = rule[5:]
            continue
        if t is None or t.id == a.id or t.junk or rule == "new":
            continue
        src, dst = (a, t) if (t.n, -t.id) >= (a.n, -a.id) else (t, a)
        if dst.manual and src.manual:
            continue
        why = f"consolidated after the run: {why}"
        merge(conn, src.id, dst.id, rule=rule, why=why)
        dst.n += src.n
        dst.votes.update(src.votes)
        dst.first = min(filter(None, [dst.first, src.first]), default=None)
        dst.last = max(filter(None, [dst.last, src.last]), default=None)
        r._remove(src.id)
        done.append((src.id, dst.id, why))
    return done


def _overlap(a: Info, c: Info) -> bool:
    return _days_apart(a.first, c) <= PERIOD_DAYS or _days_apart(a.last, c) <= PERIOD_DAYS


def _display_names(conn: Connection) -> None:
    """Each actor's name, country and sector: its most frequent variant, entity country and
    entity sector (the sector of the entities that have one: "Ted Cruz" is LEG when most
    articles that code him call him a senator; none when no sector has twice the votes of the
    next, as for the country)."""
    A, E = S.actors, S.entities
    names: dict[int, Counter] = {}
    votes: dict[int, Counter] = {}
    sectors: dict[int, Counter] = {}
    types: dict[int, Counter] = {}
    for aid, name, type, country, sector, n in conn.execute(
        select(E.c.actor_id, E.c.name, E.c.type, E.c.country, E.c.sector, func.count()).group_by(
            E.c.actor_id, E.c.name, E.c.type, E.c.country, E.c.sector
        )
    ):
        names.setdefault(aid, Counter())[name] += n
        types.setdefault(aid, Counter())[type] += n
        if country:
            votes.setdefault(aid, Counter())[country] += n
        if sector:
            sectors.setdefault(aid, Counter())[sector] += n
    cur = {
        r.id: (r.name, r.type, r.country, r.sector, r.actor_key)
        for r in conn.execute(
            select(A.c.id, A.c.name, A.c.type, A.c.country, A.c.sector, A.c.actor_key).where(A.c.merged_into.is_(None))
        )
    }
    for aid, c in names.items():
        if aid not in cur:
            continue
        type = types[aid].most_common(1)[0][0]
        full = {k: v for k, v in c.items() if len(k.split()) >= 2} if type == "PERSON" else {}
        # the most frequent; of two as frequent, a person's name that ends another ("Alicia
        # Machado" of "Universe Alicia Machado"; not "de Nysschen" of "Johan de Nysschen"), else
        # the longer
        name = max(
            (full or c).items(),
            key=lambda kv: (
                kv[1],
                kv[0].split()[0].lower() not in name_particles() and any(o.endswith(" " + kv[0]) for o in full),
                len(kv[0]),
            ),
        )[0][:512]
        country = voted(votes.get(aid, Counter()), sum(c.values()))
        if not country and not cur[aid][4].startswith(("p:", "s:")):
            country = cur[aid][2]  # an organisation keyed by its country keeps it
        sv = sectors.get(aid, Counter())
        sector = voted(sv, sum(c.values())) if sv else cur[aid][3]  # one vote of many entities is too few
        if (name, type, country, sector) != cur[aid][:4]:
            conn.execute(A.update().where(A.c.id == aid).values(name=name, type=type, country=country, sector=sector))


@lru_cache(maxsize=1)
def role_groups() -> dict[str, str]:
    return {
        r["word"]: r["group"] for r in lexicon.table("actors/role_groups.tsv", columns=("word", "group"), key=("word",))
    }


role_forms = lexicon.role_forms


ROLE_ONE_OFF_AMONG = 20  # an actor with this many roles met shows none met only once


def role_key(role: str) -> tuple[str, Optional[str]]:
    """How a role is counted on an actor page, and the party it names: case, dots, a leading
    article, abbreviations (``role_forms.tsv``) and the party word's form (``role_groups.tsv``)
    aside ("the Democrat nominee" -> ("democratic nominee", "democratic"); "Sen." = "senator")."""
    words = role.replace(".", " ").replace("-", " ").split()
    while words and role_forms().get(words[0].casefold()) == "-":
        words.pop(0)
    group = None
    out = []
    for w in words:
        g = role_groups().get(w)
        if g:
            group = group or g
            out.append(g)
        else:
            out.append(role_forms().get(w.casefold(), w.casefold()))
    return " ".join(out), group


def _abbreviated(role: str) -> bool:
    return any(role_forms().get(w.casefold(), "-") != "-" for w in role.replace(".", " ").split())


def actor_roles(role_lists: Iterable[list[str]], limit: Optional[int] = 12) -> list[dict]:
    """An actor's roles over its entities (one list of roles each), most frequent first:
    ``[{"role": the most frequent form (in full when one is), "n": entities}]``. One role
    written several ways is counted once (``role_key``); a plural role ("Democratic presidential candidates") describes
    a group the actor was listed in, and a role naming another party than the actor's roles
    mostly do ("presumptive Republican nominee" among "Democratic nominee") another person of
    the sentence: both are left out, and so is a role met once among ROLE_ONE_OFF_AMONG or more.
    The entities keep their roles as extracted."""
    n: Counter = Counter()
    forms: dict[str, Counter] = {}
    groups: Counter = Counter()
    party: dict[str, Optional[str]] = {}
    for roles in role_lists:
        for role in dict.fromkeys(roles):
            key, g = role_key(role)
            if not key:
                continue
            n[key] += 1
            forms.setdefault(key, Counter())[role] += 1
            party[key] = g
            if g:
                groups[g] += 1
    top = groups.most_common(2)
    main = top[0][0] if top and (len(top) == 1 or top[0][1] >= 2 * top[1][1]) else None
    least = 2 if sum(n.values()) >= ROLE_ONE_OFF_AMONG else 1
    words = {w for k in n for w in k.split()}
    out = []
    for key, k in sorted(n.items(), key=lambda kv: (-kv[1], kv[0])):
        last = key.split()[-1]
        if len(last) > 3 and last.endswith("s") and not last.endswith("ss") and last[:-1] in words:
            continue  # "candidates" beside "candidate": a group the actor was listed in
        if main and party[key] and party[key] != main:
            continue
        if k < least:
            break  # (sorted by count) a one-off among many roles: more often the extractor's slip
        shown = max(forms[key].items(), key=lambda kv: (not _abbreviated(kv[0]), kv[1], kv[0]))[0]
        out.append({"role": shown, "n": k})
        if limit and len(out) >= limit:
            break
    return out


def resolve_store(conn: Connection) -> list[tuple[int, int, str]]:
    """Resolve a store made before revision 0007 (or re-run the rules over one): every entity
    gets its name key and, in article order, the actor the rules give it; then ``consolidate``."""
    E, Ar, A = S.entities, S.articles, S.actors
    r = Resolver()
    r.load(conn)
    rows = conn.execute(
        select(E.c.id, E.c.name, E.c.type, E.c.country, E.c.sector, E.c.actor_id, Ar.c.published)
        .select_from(E.join(Ar, Ar.c.id == E.c.article_id))
        .where(E.c.name_key.is_(None))
        .order_by(Ar.c.published, E.c.id)
    ).all()
    moved = 0
    for e in rows:
        info, key = r.actor_for(conn, e.name, e.type, e.country, e.sector, e.published)
        conn.execute(E.update().where(E.c.id == e.id).values(name_key=key, actor_id=info.id))
        moved += info.id != e.actor_id
    # quotes, events and statements follow their entities
    for col, eid, tab in (
        (S.quotes.c.speaker_actor_id, S.quotes.c.speaker_eid, S.quotes),
        (S.events.c.actor_actor_id, S.events.c.actor_eid, S.events),
        (S.events.c.recipient_actor_id, S.events.c.recipient_eid, S.events),
    ):
        sub = select(E.c.actor_id).where(E.c.article_id == tab.c.article_id, E.c.eid == eid).scalar_subquery()
        conn.execute(tab.update().where(col.is_not(None)).values({col.name: sub}))
    conn.execute(
        S.statements.update().values(
            speaker_actor_id=select(S.quotes.c.speaker_actor_id)
            .where(S.quotes.c.statement_id == S.statements.c.id)
            .limit(1)
            .scalar_subquery()
        )
    )
    # actors left without entities are merged-away leftovers of the old keys
    used = select(E.c.actor_id)
    conn.execute(
        A.update()
        .where(A.c.merged_into.is_(None), A.c.id.not_in(used), ~exists().where(S.actor_names.c.actor_id == A.c.id))
        .values(junk="unused")
    )
    r.commit()
    return consolidate(conn)


def describe(conn: Connection, actor_id: int) -> Optional[dict]:
    """An actor with its name variants (each with its rule, why, and how many entities), and
    the actor it was merged into, if any."""
    A, N, E = S.actors, S.actor_names, S.entities
    row = conn.execute(select(A).where(A.c.id == actor_id)).first()
    if row is None:
        return None
    out = dict(row._mapping)
    counts: dict[str, int] = dict(
        conn.execute(select(E.c.name_key, func.count()).where(E.c.actor_id == actor_id).group_by(E.c.name_key)).all()
    )
    out["names"] = [
        dict(r._mapping, n_entities=counts.get(r.name_key, 0))
        for r in conn.execute(
            select(N.c.name_key, N.c.name, N.c.rule, N.c.why).where(N.c.actor_id == actor_id).order_by(N.c.id)
        )
    ]
    out["n_entities"] = sum(counts.values())
    out["merged_from"] = [r[0] for r in conn.execute(select(A.c.id).where(A.c.merged_into == actor_id))]
    return out


def find(conn: Connection, ref: str) -> list[int]:
    """Actor ids for ``ref``: an id ("57", "#57"), else actors (not merged) with that name or
    that name variant, most mentioned first."""
    A, N, E = S.actors, S.actor_names, S.entities
    ref = ref.strip()
    if re.fullmatch(r"#?\d+", ref):
        return [int(ref.lstrip("#"))]
    n = clean(ref)
    ids = {r[0] for r in conn.execute(select(N.c.actor_id).where(func.lower(N.c.name) == ref.lower()))}
    ids |= {
        r[0] for r in conn.execute(select(A.c.id).where(func.lower(A.c.name) == ref.lower(), A.c.merged_into.is_(None)))
    }
    ids |= {r[0] for r in conn.execute(select(N.c.actor_id).where(N.c.name_key.in_([f"p:{n}", f"o:{n}|"])))}
    if not ids:
        return []
    n_ent: dict[int, int] = dict(
        conn.execute(select(E.c.actor_id, func.count()).where(E.c.actor_id.in_(ids)).group_by(E.c.actor_id)).all()
    )
    return sorted(ids, key=lambda i: (-n_ent.get(i, 0), i))


__all__ = [
    "Resolver",
    "name_key",
    "junk_reason",
    "clean",
    "merge",
    "split",
    "consolidate",
    "resolve_store",
    "describe",
    "find",
    "actor_roles",
]
