"""Stories: the articles, from any outlet, that report the same happening (docs/stories.md).

At ingest each article joins a story or starts one, incrementally (nothing is re-clustered):

1. its **terms**, in two blocks: the **words** of its title and lead (the first ``LEAD_WORDS``
   words of the text), lower-cased, stop words (``data/en/stories/stopwords.tsv``) dropped, a
   plural ``-s`` cut, title words counted ``TITLE_WEIGHT`` times; and, when the record has
   entities and places, its **names**: the actors (PERSON, ORG) and places of the whole article
   (``a:<name>``, ``p:<geonameid>``), each weighted ``1 + log(mentions)``, the ``MAX_NAMES``
   heaviest;
2. the **candidates**: the articles published within ``WINDOW_DAYS`` days of it that share a
   term with it, found through an inverted index (term -> articles, kept in the store's
   ``story_terms`` table, or in memory for ``newsgraph eval stories``). A term found in more
   than ``MAX_DF_SHARE`` of the window's articles is too common to find candidates by;
3. the **similarity**: per block, the cosine of the two TF-IDF vectors, the IDF computed over
   the articles of the window (so "debate" is common in debate week and rare otherwise); the
   score is ``WORDS_SHARE`` x the words' cosine + (1 - ``WORDS_SHARE``) x the names' cosine
   (the words' cosine alone when the new article has no names: no extraction);
4. it joins the story of the best-scoring candidate when the score is at least ``THRESHOLD``
   (ties: the earliest stored article), else it starts a story of its own.

Same articles in the same order give the same stories. The result says why: the article it
matched, the score and each block's cosine (``rule``
``tfidf:cos=0.41:words=0.30:names=0.52:via=<article>``).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Optional, Protocol

from .lexicon import table, words

LEAD_WORDS = 100  # the lead: the text's first words (after the title when the text repeats it)
TITLE_WEIGHT = 2.0
WINDOW_DAYS = 3  # candidates published within this many days before or after
THRESHOLD = 0.20  # the least score that joins a story
WORDS_SHARE = 0.7  # the words' share of the score; the names' is the rest
MAX_NAMES = 40  # an article's name terms with the highest weight (ties: alphabetical)
NAME_PREFIXES = ("a:", "p:")  # terms of the names block
MAX_DF_SHARE = 0.25  # terms in more than this share of the window's articles do not find candidates
MIN_WINDOW_FOR_DF_CAP = 20  # ... once the window holds at least this many articles
MAX_TERMS = 80  # an article's terms with the highest weight (ties: alphabetical)

_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:['’][A-Za-z]+)?|\d{3,}")


@lru_cache(maxsize=1)
def stopwords() -> frozenset:
    return words(table("stories/stopwords.tsv", columns=("word",)))


def _norm_word(w: str) -> Optional[str]:
    w = w.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    elif "'" in w:
        return None  # contractions: "don't", "we're"
    if len(w) < 2 or w in stopwords():
        return None
    if len(w) > 3 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    return w


def lead_of(title: Optional[str], text: str, n_words: Optional[int] = None) -> str:
    """The text's first ``n_words`` (LEAD_WORDS) words, after the title when the text starts with it."""
    n_words = LEAD_WORDS if n_words is None else n_words
    body = text.lstrip()
    if title and body[: len(title.strip())].casefold() == title.strip().casefold():
        body = body[len(title.strip()) :]
    return " ".join(body.split()[:n_words])


def is_name(term: str) -> bool:
    """Whether a term is of the names block (an actor or a place) rather than a word."""
    return term.startswith(NAME_PREFIXES)


def terms(title: Optional[str], text: str, names: Optional[dict[str, float]] = None) -> dict[str, float]:
    """An article's weighted terms: title words (x TITLE_WEIGHT) and lead words, the MAX_TERMS
    heaviest; and ``names`` (actor and place terms with their weights), the MAX_NAMES heaviest."""
    out: dict[str, float] = defaultdict(float)
    for w in _TOKEN.findall(title or ""):
        t = _norm_word(w)
        if t:
            out[t] += TITLE_WEIGHT
    for w in _TOKEN.findall(lead_of(title, text)):
        t = _norm_word(w)
        if t:
            out[t] += 1.0
    best = sorted(out.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS]
    named = sorted((names or {}).items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_NAMES]
    return dict(best + named)


def record_terms(rec: Any) -> dict[str, float]:
    """``terms`` of a Record (or its dict): title and lead words, and the actors (PERSON, ORG)
    and places of the whole article, each weighted 1 + log(its mentions)."""
    d = rec if isinstance(rec, dict) else rec.to_dict()
    counts: Counter[str] = Counter()
    for e in d.get("entities") or []:
        if e.get("type") in ("PERSON", "ORG") and e.get("name"):
            counts[("a:" + re.sub(r"\s+", "_", e["name"].casefold()))[:64]] += len(e.get("mentions") or []) or 1
    for p in d.get("places") or []:
        if p.get("geonameid"):
            counts[f"p:{p['geonameid']}"] += len(p.get("mentions") or []) or 1
    names = {t: 1.0 + math.log(c) for t, c in counts.items()}
    return terms(d.get("title"), d.get("text") or "", names)


def _shift(day: str, days: int) -> str:
    try:
        return (date.fromisoformat(day[:10]) + timedelta(days=days)).isoformat()
    except ValueError:
        return day


class StoryIndex(Protocol):
    """Where the engine looks up earlier articles (the store, or memory)."""

    def window(self, terms: list[str], lo: str, hi: str) -> tuple[int, dict[str, int]]:
        """(articles in [lo, hi], {term: articles in [lo, hi] holding it})."""

    def postings(self, terms: list[str], lo: str, hi: str) -> Iterable[tuple[Hashable, Hashable, str, float, float]]:
        """(article, story, term, weight, article norm) for the terms' postings in [lo, hi]."""


@dataclass
class Assignment:
    story: Optional[Hashable]  # the story joined; None: the article starts a story
    via: Optional[Hashable] = None  # the article it matched
    score: float = 0.0  # the score with that article
    norms: tuple[float, float] = (0.0, 0.0)  # the article's own norms (words, names), kept for later
    cosines: tuple[float, float] = (0.0, 0.0)  # the words' and the names' cosine with that article

    @property
    def rule(self) -> str:
        if self.story is None:
            return "tfidf:new"
        return f"tfidf:cos={self.score:.2f}:words={self.cosines[0]:.2f}:names={self.cosines[1]:.2f}:via={self.via}"

    def norm_of(self, term: str) -> float:
        """The norm of the block ``term`` is in (stored with each of the article's postings)."""
        return self.norms[1] if is_name(term) else self.norms[0]


def assign(index: StoryIndex, day: Optional[str], vec: dict[str, float]) -> Assignment:
    """The story an article with terms ``vec`` published on ``day`` joins (see the module)."""
    if not vec:
        return Assignment(None)
    ts = sorted(vec)
    if not day:
        return Assignment(None, norms=_norms({t: vec[t] for t in ts}))
    lo, hi = _shift(day, -WINDOW_DAYS), _shift(day, WINDOW_DAYS)
    n, df = index.window(ts, lo, hi)
    idf = {t: math.log((n + 2) / (df.get(t, 0) + 1)) + 1.0 for t in ts}
    norms = _norms({t: vec[t] * idf[t] for t in ts})
    cap = max(1, int(MAX_DF_SHARE * n)) if n >= MIN_WINDOW_FOR_DF_CAP else None
    look = [t for t in ts if df.get(t) and (cap is None or df[t] <= cap)]
    if not look:
        return Assignment(None, norms=norms)
    share = WORDS_SHARE if norms[1] else 1.0  # no names (no extraction): the words alone
    dot: dict[Hashable, list[float]] = defaultdict(lambda: [0.0, 0.0])
    story_of: dict[Hashable, Hashable] = {}
    for art, story, t, w, anorm in index.postings(look, lo, hi):
        b = 1 if is_name(t) else 0
        if norms[b] and anorm:
            dot[art][b] += vec[t] * w * idf[t] * idf[t] / (norms[b] * anorm)
        story_of[art] = story
    best: Optional[Hashable] = None
    best_score, best_cos = 0.0, (0.0, 0.0)
    for art in sorted(dot, key=_order):
        cw, cn = dot[art]
        s = share * cw + (1.0 - share) * cn
        if s > best_score + 1e-12:
            best, best_score, best_cos = art, s, (cw, cn)
    if best is not None and best_score >= THRESHOLD:
        return Assignment(story_of[best], via=best, score=best_score, norms=norms, cosines=best_cos)
    return Assignment(None, norms=norms)


def _norms(weighted: dict[str, float]) -> tuple[float, float]:
    w = math.sqrt(sum(x * x for t, x in weighted.items() if not is_name(t)))
    n = math.sqrt(sum(x * x for t, x in weighted.items() if is_name(t)))
    return w, n


def _order(x: Hashable) -> tuple[int, Hashable, str]:
    return (0, x, "") if isinstance(x, int) else (1, 0, str(x))


class MemoryIndex:
    """The inverted index in memory (``newsgraph eval stories``, tests): same engine as the store."""

    def __init__(self) -> None:
        # term -> [(day, article, story, weight)]
        self.post: dict[str, list[tuple[str, Hashable, Hashable, float]]] = defaultdict(list)
        self.days: Counter[str] = Counter()
        self.norm: dict[tuple[Hashable, bool], float] = {}  # (article, names block?) -> norm
        self.story_of: dict[Hashable, Hashable] = {}

    def window(self, terms: list[str], lo: str, hi: str) -> tuple[int, dict[str, int]]:
        n = sum(c for d, c in self.days.items() if lo <= d <= hi)
        return n, {t: sum(1 for p in self.post.get(t, ()) if lo <= p[0] <= hi) for t in terms}

    def postings(self, terms: list[str], lo: str, hi: str) -> Iterator[tuple[Hashable, Hashable, str, float, float]]:
        for t in terms:
            for d, art, story, w in self.post.get(t, ()):
                if lo <= d <= hi:
                    yield art, story, t, w, self.norm[(art, is_name(t))]

    def add(self, article: Hashable, day: Optional[str], vec: dict[str, float]) -> Assignment:
        """Assign the article and index it; its story id is the first article's id."""
        a = assign(self, day, vec)
        story = a.story if a.story is not None else article
        self.story_of[article] = story
        self.norm[(article, False)], self.norm[(article, True)] = a.norms
        if day:
            self.days[day] += 1
            for t, w in vec.items():
                self.post[t].append((day, article, story, w))
        return a
