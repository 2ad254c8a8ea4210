"""Round 19 place rules read from whole articles (the lead's user trials; issue 12): how a name is
used decides whether it goes on the map.

- ``org-use``: a name the gazetteer lacks that the article uses as an organisation ("Norvane's
  shareholders", "Dublin-based Norvane", "Norvane Inc", "Norvane bought ...", a mention the model
  tags ORG, or one joined by "and" to an organisation) is never placed (before, the model's GPE
  was put at the article's main place);
- ``region-state``: a region's or a natural feature's name ("Central Valley": the model's LOC, or
  a name ending in a feature head such as "Valley") read as a town of a first-level division the
  article does not name, while it names others of that country, or read as another name of a
  city, lies in the division the article names (its sentence's first): a town of that name there,
  else the name is left unresolved and placed at that division;
- ``name-part``: a single capitalised word inside a longer title-case name ("Party Unity My
  A--", "the American Unity Fund") that the scan or an organisation's name let in only because
  the word is also a division or a big city abroad is no place when it resolves to a small town.

And in ``places``: ``in-before-contains``, ``lower-head``, ``plural-demonym`` (see the switches
there). An organisation's head word ("Green Party", "Asia Pacific Program") keeps an unresolved
GPE or LOC off the map too (``org-use``).

The word lists are ``data/en/places/org_cues.tsv``; each rule has its switch in
``places._RULES_OFF``.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from ..gazetteer import NAME, Entry
from .doc_cache import doc_memo, doc_tokens, doc_words, sent_of

_CUES: Optional[dict] = None


def org_cues() -> dict:
    """class -> frozenset of words, from ``data/en/places/org_cues.tsv``."""
    global _CUES
    if _CUES is None:
        from ..lexicon import table

        rows = table("places/org_cues.tsv", columns=("word", "class"))
        out: dict = {}
        for r in rows:
            out.setdefault(r["class"], set()).add(r["word"])
        _CUES = {k: frozenset(v) for k, v in out.items()}
    return _CUES


def _occurrences(doc: Doc, words: list) -> list:
    """(start, end) token spans where the name's words stand in the article."""
    memo = doc_memo(doc)
    at = memo.get("place_uses.word_at")
    if at is None:
        at = {}
        for i, w in enumerate(doc_words(doc)):
            at.setdefault(w, []).append(i)
        memo["place_uses.word_at"] = at
    dw = doc_words(doc)
    n = len(words)
    return [(i, i + n) for i in at.get(words[0], ()) if dw[i : i + n] == words]


def used_as_org(doc: Doc, ts: int, te: int) -> bool:
    """Whether the article uses the name over tokens ts..te as an organisation in any of its
    mentions (see the module's ``org-use``)."""
    cues = org_cues()
    possessed, suffix, verbs, based = (
        cues.get("possessed", frozenset()),
        cues.get("suffix", frozenset()),
        cues.get("verb", frozenset()),
        cues.get("based", frozenset()),
    )
    toks = doc_tokens(doc)
    n = len(toks)
    for s, e in _occurrences(doc, doc_words(doc)[ts:te]):
        if any(toks[k].ent_type_ == "ORG" for k in range(s, e)):
            return True  # the model reads this mention as an organisation
        if e < n and toks[e].lower_ in ("'s", "\u2019s"):
            if any(k < n and toks[k].lower_ in possessed for k in (e + 1, e + 2)):
                return True  # "Norvane's shareholders", "Norvane's chief executive"
        if e < n and toks[e].lower_.rstrip(".") in suffix and toks[e].text[:1].isupper():
            return True  # "Norvane Inc"
        if s > 0 and toks[s - 1].lower_ in based:
            return True  # "Dublin-based Norvane"
        head = toks[e - 1]
        if head.dep_ == "nsubj" and head.head.lemma_ in verbs:
            return True  # "Norvane bought a rival"
        if head.dep_ == "conj" and head.head.ent_type_ == "ORG":
            return True  # "Pfizer and Norvane"
        if any(ch.dep_ == "conj" and ch.ent_type_ == "ORG" for ch in head.children):
            return True  # "Norvane and Pfizer"
        if head.dep_ == "conj" and head.head.dep_ == "nsubj" and head.head.head.lemma_ in verbs:
            return True  # "Pfizer and Norvane bought"
    return False


def org_headed(doc: Doc, te: int) -> bool:
    """Whether the name ending at token te-1 ends in an organisation's head word ("Green Party",
    "Asia Pacific Program")."""
    return doc_tokens(doc)[te - 1].lower_ in org_cues().get("head", frozenset())


def _first_division(x: Entry) -> tuple:
    return (x.country, x.admin1_code)


def _is_state(x: Optional[Entry]) -> bool:
    return x is not None and x.feature == "admin" and x.admin1 == x.name and bool(x.admin1_code)


def regions_in_named_divisions(doc: Doc, cands: list, geo_heads: set, entry_score) -> None:
    """The ``region-state`` rule (see the module): changes ``best`` (and sets ``within`` or
    ``unplaced``) of the candidates it applies to, in place. A division's weight is the number of
    the article's mentions of it and of its towns (not the name's own)."""
    toks = doc_tokens(doc)
    states: dict = {}  # (country, admin1 code) -> the division's entry, when the article names it
    weight: dict = {}  # (country, admin1 code) -> {name key: mentions}
    for c in cands:
        x = c.best
        if x is None or c.source in ("demonym", "embedded") or x.feature not in ("city", "admin") or not x.admin1_code:
            continue
        k = _first_division(x)
        if _is_state(x):
            states.setdefault(k, x)
        w = weight.setdefault(k, {})
        w[c.text] = w.get(c.text, 0) + 1
    if not states:
        return
    for c in cands:
        x = c.best
        if (
            x is None
            or x.feature != "city"
            or c.qualified
            or c.dateline
            or c.source in ("demonym", "embedded", "qualified", "initials")
        ):
            continue
        if not (c.label == "LOC" or (c.te - c.ts > 1 and toks[c.te - 1].lower_ in geo_heads)):
            continue

        def w(k, name=c.text):
            return sum(n for t, n in weight.get(k, {}).items() if t != name)

        alt = x.kind != NAME and c.te - c.ts > 1  # ("Horgos" is another name of the town Qarasu)
        own = _first_division(x)
        ranked = sorted((k for k in states if k[0] == x.country), key=lambda k: -w(k))
        if not ranked:
            continue
        top = ranked[0]
        if not alt and (top == own or w(top) < 2 or w(top) < 2 * w(own)):
            continue  # the article is not about another division of the country
        # the divisions to look in: those its sentence names, else the article's main one
        sent = sent_of(doc, c.ts)
        here = [
            _first_division(d.best)
            for d in cands
            if _is_state(d.best) and d.best.country == x.country and sent.start <= d.ts < sent.end
        ]
        pool = sorted(set(here), key=lambda k: -w(k)) or [top]
        if alt and own in pool:
            pool = [own]
        towns = [y for y in c.entries if y.kind == NAME and y.feature == "city" and _first_division(y) in pool]
        if towns:
            best = max(towns, key=lambda y: entry_score(y, True))
            if best.gid != x.gid:
                c.best = best
                c.reason = f"a region's name in {best.admin1}, which the article names"
            continue
        c.best = None
        if len(pool) > 1 and w(pool[0]) == w(pool[1]):
            c.unplaced = True  # two divisions named alike: no place to put it
        else:
            c.within = states[pool[0]]
        if c.label not in ("FAC", "LOC", "GPE"):
            c.label = "LOC"
        c.reason = "a region's name the gazetteer lacks in the division the article names"


def definite_city(doc: Doc, ts: int, te: int, text: str, name: str) -> bool:
    """``the-name``: a city's one-word name right after a lower-case "the" and heading its phrase
    ("on the Mesa", "in the Mission") names a neighbourhood, a landform or a building, not the
    city (longer names are often neighbourhoods the gazetteer holds: "the Near North Side"), unless
    the city's own name carries the article ("The Hague", "The Bronx", "The Dalles"). A name that
    modifies a noun after it ("the Paris attacks", "the Boston Globe") is left alone."""
    toks = doc_tokens(doc)
    if ts == 0 or toks[ts - 1].text != "the" or text.lower().startswith("the "):
        return False
    if name.lower().startswith("the "):
        return False
    return not (te < len(toks) and toks[te].pos_ in ("NOUN", "PROPN", "NUM"))
