"""Is there anything codeable here? Relevance of an article and of a sentence, decided before
events are trusted.

In the audit that started the whole-article gold set, events in sentences with no political
content were almost all wrong; so the coder measures, once per article and per sentence, how
much of the text is about public affairs (government, justice, security, diplomacy, protest:
``words.tsv`` ``political_words``) and how much about business, sport, culture, weather or
science (``nonpolitical_words``), and whether the sentence names a political or organised
actor. These measures are features of every event's confidence (``confidence``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Optional

from .ontology import STATE_SECTORS
from .tables import W

# sectors of political or organised actors: a state and its organs, parties, armed groups,
# international bodies, organised civil society (PETRARCH2 and ICEWS code only such actors)
POLITICAL_SECTORS = STATE_SECTORS | {"PTY", "OPP", "REB", "UAF", "IGO", "SEP", "INS", "LAB", "NGO", "HRI", "ELI"}


@dataclass(frozen=True)
class Relevance:
    words: int
    political: int
    nonpolitical: int

    @property
    def balance(self) -> str:
        """A coarse label: pol (political words clearly more), mixed, non (non-political more), none."""
        if not self.political and not self.nonpolitical:
            return "none"
        if self.political >= 2 * max(1, self.nonpolitical):
            return "pol"
        if self.nonpolitical >= 2 * max(1, self.political):
            return "non"
        return "mixed"

    @property
    def public_affairs(self) -> bool:
        """About public affairs: at least 1.5 political words per 100, or more political words
        than business, sport, culture and science ones."""
        return self.density >= 1.5 or self.political > self.nonpolitical

    @property
    def density(self) -> float:
        """Political words per 100 words."""
        return 100.0 * self.political / self.words if self.words else 0.0


def relevance(words: Iterable[str]) -> Relevance:
    """The counts of a stretch of text, from its tokens' texts (``doc_words``): alphabetic words,
    and among them political and non-political ones (spaCy's ``is_alpha`` and ``lower_`` are
    ``str.isalpha`` and ``str.lower`` of the text)."""
    n = p = q = 0
    pol, non = W.political_words, W.nonpolitical_words
    for w in words:
        if not w.isalpha():
            continue
        n += 1
        low = w.lower()
        if low in pol:
            p += 1
        elif low in non:
            q += 1
    return Relevance(n, p, q)


def density_bucket(r: Relevance) -> str:
    d = r.density
    return "0" if d == 0 else "<1" if d < 1 else "<2" if d < 2 else "<4" if d < 4 else "4+"


def political_actor(sector: Optional[str], country: Optional[str], head_ent: str = "", igo: bool = False) -> bool:
    """A country, a government, armed, police, judicial, party, movement, international body or
    a named official: an actor PETRARCH2 and ICEWS would code."""
    if sector in POLITICAL_SECTORS or igo:
        return True
    return bool(country) and head_ent in ("GPE", "NORP") and sector is None
