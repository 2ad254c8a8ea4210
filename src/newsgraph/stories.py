"""Stories: the articles, from any outlet, that report the same happening (docs/stories.md).

At ingest each article joins a story or starts one, incrementally (nothing is re-clustered):

1. its **terms**: the words of its title and lead (the first ``LEAD_WORDS`` words of the text),
   lower-cased, stop words (``data/en/stories/stopwords.tsv``) dropped, a plural ``-s`` cut;
   title words count ``TITLE_WEIGHT`` times. When the record has entities and places, the
   actors and places named in the title or lead add a term each (``a:<name>``, ``p:<geonameid>``,
   weight ``NAME_WEIGHT``): shared actors and places count more than shared words;
2. the **candidates**: the articles published within ``WINDOW_DAYS`` days of it that share a
   term with it, found through an inverted index (term -> articles, kept in the store's
   ``story_terms`` table, or in memory for ``newsgraph eval stories``). A term found in more
   than ``MAX_DF_SHARE`` of the window's articles is too common to find candidates by;
3. the **similarity**: the cosine of the two TF-IDF vectors, the IDF computed over the articles
   of the window (so "debate" is common in debate week and rare otherwise);
4. it joins the story of the most similar candidate when the cosine is at least ``THRESHOLD``
   (ties: the earliest stored article), else it starts a story of its own.

Same articles in the same order give the same stories. The result says why: the article it
matched and the cosine (``rule`` ``tfidf:cos=0.41:via=<article>``).
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
NAME_WEIGHT = 2.0
WINDOW_DAYS = 3  # candidates published within this many days before or after
THRESHOLD = 0.20  # the least cosine that joins a story
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


def terms(title: Optional[str], text: str, names: Iterable[str] = ()) -> dict[str, float]:
    """An article's weighted terms: title words (x TITLE_WEIGHT), lead words, and ``names``
    (actor and place terms, x NAME_WEIGHT); the MAX_TERMS heaviest."""
    out: dict[str, float] = defaultdict(float)
    for w in _TOKEN.findall(title or ""):
        t = _norm_word(w)
        if t:
            out[t] += TITLE_WEIGHT
    for w in _TOKEN.findall(lead_of(title, text)):
        t = _norm_word(w)
        if t:
            out[t] += 1.0
    for n in names:
        out[n] = NAME_WEIGHT
    best = sorted(out.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TERMS]
    return dict(best)


def record_terms(rec: Any) -> dict[str, float]:
    """``terms`` of a Record (or its dict): title, lead, and its actors and places named in the
    title or lead."""
    d = rec if isinstance(rec, dict) else rec.to_dict()
    text = d.get("text") or ""
    title = d.get("title")
    lead = lead_of(title, text)
    lead_end = text.find(lead[-40:]) + min(40, len(lead)) if lead else 0
    names: list[str] = []
    for e in d.get("entities") or []:
        if e.get("type") in ("PERSON", "ORG") and any(m["start"] < lead_end for m in e.get("mentions") or []):
            names.append("a:" + re.sub(r"\s+", "_", e["name"].casefold()))
    for p in d.get("places") or []:
        if p.get("geonameid") and any(m["start"] < lead_end for m in p.get("mentions") or []):
            names.append(f"p:{p['geonameid']}")
    return terms(title, text, names)


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
    score: float = 0.0  # the cosine with that article
    norm: float = 0.0  # the article's own vector norm (kept for later comparisons)

    @property
    def rule(self) -> str:
        if self.story is None:
            return "tfidf:new"
        return f"tfidf:cos={self.score:.2f}:via={self.via}"


def assign(index: StoryIndex, day: Optional[str], vec: dict[str, float]) -> Assignment:
    """The story an article with terms ``vec`` published on ``day`` joins (see the module)."""
    if not vec:
        return Assignment(None)
    if not day:
        return Assignment(None, norm=math.sqrt(sum(w * w for w in vec.values())))
    lo, hi = _shift(day, -WINDOW_DAYS), _shift(day, WINDOW_DAYS)
    ts = sorted(vec)
    n, df = index.window(ts, lo, hi)
    idf = {t: math.log((n + 2) / (df.get(t, 0) + 1)) + 1.0 for t in ts}
    norm = math.sqrt(sum((vec[t] * idf[t]) ** 2 for t in ts))
    cap = max(1, int(MAX_DF_SHARE * n)) if n >= MIN_WINDOW_FOR_DF_CAP else None
    look = [t for t in ts if df.get(t) and (cap is None or df[t] <= cap)]
    if not look or norm == 0:
        return Assignment(None, norm=norm)
    dot: dict[Hashable, float] = defaultdict(float)
    story_of: dict[Hashable, Hashable] = {}
    norm_of: dict[Hashable, float] = {}
    for art, story, t, w, anorm in index.postings(look, lo, hi):
        dot[art] += vec[t] * w * idf[t] * idf[t]
        story_of[art], norm_of[art] = story, anorm
    best: Optional[Hashable] = None
    best_score = 0.0
    for art in sorted(dot, key=_order):
        s = dot[art] / (norm * norm_of[art]) if norm_of[art] else 0.0
        if s > best_score + 1e-12:
            best, best_score = art, s
    if best is not None and best_score >= THRESHOLD:
        return Assignment(story_of[best], via=best, score=best_score, norm=norm)
    return Assignment(None, norm=norm)


def _order(x: Hashable) -> tuple[int, Hashable, str]:
    return (0, x, "") if isinstance(x, int) else (1, 0, str(x))


class MemoryIndex:
    """The inverted index in memory (``newsgraph eval stories``, tests): same engine as the store."""

    def __init__(self) -> None:
        # term -> [(day, article, story, weight)]
        self.post: dict[str, list[tuple[str, Hashable, Hashable, float]]] = defaultdict(list)
        self.days: Counter[str] = Counter()
        self.norm: dict[Hashable, float] = {}
        self.story_of: dict[Hashable, Hashable] = {}

    def window(self, terms: list[str], lo: str, hi: str) -> tuple[int, dict[str, int]]:
        n = sum(c for d, c in self.days.items() if lo <= d <= hi)
        return n, {t: sum(1 for p in self.post.get(t, ()) if lo <= p[0] <= hi) for t in terms}

    def postings(self, terms: list[str], lo: str, hi: str) -> Iterator[tuple[Hashable, Hashable, str, float, float]]:
        for t in terms:
            for d, art, story, w in self.post.get(t, ()):
                if lo <= d <= hi:
                    yield art, story, t, w, self.norm[art]

    def add(self, article: Hashable, day: Optional[str], vec: dict[str, float]) -> Assignment:
        """Assign the article and index it; its story id is the first article's id."""
        a = assign(self, day, vec)
        story = a.story if a.story is not None else article
        self.story_of[article] = story
        self.norm[article] = a.norm
        if day:
            self.days[day] += 1
            for t, w in vec.items():
                self.post[t].append((day, article, story, w))
        return a
