"""Per-Doc memory of what spaCy rebuilds on every access (``Doc.text``, ``Doc.ents``, the
``Token`` objects of ``doc[i]``, the sentences), shared by the components (the quote component's
speaker checks, events, entities, times, places, responses)."""

from __future__ import annotations

import functools
import gc
from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import numpy as np
from spacy.attrs import DEP, LEMMA, LOWER, POS, TAG  # type: ignore[import-not-found]
from spacy.symbols import NOUN, PRON, PROPN  # type: ignore[import-not-found]
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

# spaCy rebuilds ``Doc.text`` (joining every token) and ``Doc.ents`` (new spans) on every access,
# and makes a new ``Token`` object on every ``doc[i]``, ``for t in doc`` and ``tok.sent`` (which
# also walks the sentence to find its ends), so the components read them once per article:
# ``_Memory`` holds the last Doc asked for and what was built of it (a Doc's text, tokens and
# sentences never change once parsed; ``reading(doc, text)`` also keeps its entity spans while
# the quote component runs over it). The components run one Doc at a time (``nlp.pipe`` passes
# each Doc through every component in turn), so one Doc is enough.


class _Memory:
    __slots__ = ("doc", "text", "ents", "toks", "words", "sents", "sent_starts", "kids", "kid_toks", "subtrees", "memo")

    def __init__(self, doc: Doc | None = None, text: str | None = None):
        self.doc = doc
        self.text = text
        self.ents: Sequence[SpacySpan] | None = None  # the entity spans, while reading(doc, ...)
        self.toks: list[Token] | None = None
        self.words: list[str] | None = None
        self.sents: list[SpacySpan] | None = None
        self.sent_starts: list[int] | None = None
        self.kids: dict[int, list[int]] | None = None  # token index -> its children's indices, ascending
        self.kid_toks: dict[int, tuple[Token, ...]] = {}  # token index -> its children
        self.subtrees: dict[int, list[int]] = {}  # token index -> its subtree's indices (spaCy's order)
        self.memo: dict[str, Any] = {}  # doc_memo: what a component derives from the Doc once


_CURRENT = _Memory()
_NOMINAL = (NOUN, PROPN, PRON)


def _memory(doc: Doc) -> _Memory:
    global _CURRENT
    m = _CURRENT
    if m.doc is not doc:
        m = _CURRENT = _Memory(doc)
    return m


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc (the last one asked for is kept)."""
    m = _CURRENT
    if m.doc is doc and m.text is not None:
        return m.text
    m = _memory(doc)
    m.text = "".join([t.text_with_ws for t in doc_tokens(doc)])
    return m.text


def doc_tokens(doc: Doc) -> list[Token]:
    """``list(doc)``, made once per Doc: ``doc_tokens(doc)[a:b]`` the tokens of ``doc[a:b]``
    without a Span (``doc_tokens(doc)[i]`` is ``doc[i]``, equal with ``==``)."""
    m = _CURRENT
    if m.doc is doc and m.toks is not None:
        return m.toks
    m = _memory(doc)
    m.toks = list(doc)
    return m.toks


def doc_memo(doc: Doc) -> dict[str, Any]:
    """A dict kept with the Doc's other memory, for values a component derives once per Doc
    (the component names its keys; a value must depend on the Doc alone, or say on what else)."""
    return _memory(doc).memo


def doc_words(doc: Doc) -> list[str]:
    """``[t.text for t in doc]``, made once per Doc (``Token.text`` builds its string each time)."""
    m = _CURRENT
    if m.doc is doc and m.words is not None:
        return m.words
    m = _memory(doc)
    m.words = [t.text for t in doc_tokens(doc)]
    return m.words


_ATTRS = {"pos_": POS, "lemma_": LEMMA, "dep_": DEP, "lower_": LOWER, "tag_": TAG}


def doc_attr(doc: Doc, name: str) -> list[str]:
    """``[getattr(t, name) for t in doc]`` for ``name`` in pos_, lemma_, dep_, lower_, tag_, made
    once per Doc from ``Doc.to_array`` (each ``Token`` attribute read is a call into spaCy that
    looks its string up again): the per-token loops test these lists before they touch a Token."""
    memo = _memory(doc).memo
    key = "attr:" + name
    got = memo.get(key)
    if got is None:
        hashes = doc.to_array(_ATTRS[name]).tolist() if len(doc) else []
        _STRINGS.store = doc.vocab.strings  # (where a string not met before is looked up)
        got = [_STRINGS[h] for h in hashes]
        memo[key] = got
    return got


def doc_lemma_lower(doc: Doc) -> list[str]:
    """``[t.lemma_.lower() for t in doc]``, made once per Doc (the event rules compare lower-case
    lemmas on every token of every sentence)."""
    memo = _memory(doc).memo
    got = memo.get("lemma_lower")
    if got is None:
        got = memo["lemma_lower"] = [w.lower() for w in doc_attr(doc, "lemma_")]
    return got


class _Strings(dict):
    """hash (or symbol id) -> string, shared by every Doc (a string's hash never changes); a hash
    not met before is looked up in the StringStore once (``__missing__``: no second pass over the
    Doc's hashes, which every new article's words needed before)."""

    store: Any = None

    def __missing__(self, h: int) -> str:
        s = self[h] = self.store[h]
        return s


_STRINGS = _Strings()


def doc_sents(doc: Doc) -> list[SpacySpan]:
    """``list(doc.sents)``, made once per Doc."""
    m = _memory(doc)
    if m.sents is None:
        m.sents = list(doc.sents)
        m.sent_starts = [s.start for s in m.sents]
    return m.sents


def sent_of(doc: Doc, i: int) -> SpacySpan:
    """The sentence of token ``i``: ``doc[i].sent`` (an equal Span) without walking the sentence
    again on each call."""
    sents = doc_sents(doc)
    starts = _CURRENT.sent_starts
    assert starts is not None
    return sents[bisect_right(starts, i) - 1]


def doc_span(doc: Doc, start: int, end: int) -> SpacySpan:
    """``doc[start:end]`` (an equal Span) without spaCy's slice normalisation, a Python call on
    every slice (out-of-range or reversed bounds still go through ``doc[start:end]``)."""
    if 0 <= start <= end <= len(doc):
        return SpacySpan(doc, start, end)
    return doc[start:end]


def span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text``, cut from the Doc's text (``Span.text`` joins its tokens again)."""
    if not 0 <= start < end <= len(doc):
        return doc[start:end].text
    toks = doc_tokens(doc)
    last = toks[end - 1]
    return doc_text(doc)[toks[start].idx : last.idx + len(last)]


def text_of(span: SpacySpan) -> str:
    """``span.text``, cut from its Doc's text."""
    return doc_text(span.doc)[span.start_char : span.end_char]


_NP_DEPS = ("oprd", "nsubj", "dobj", "nsubjpass", "pcomp", "pobj", "dative", "appos", "attr", "ROOT")


def noun_chunk_bounds(doc: Doc) -> list[tuple[int, int]]:
    """``[(c.start, c.end) for c in doc.noun_chunks]`` for an English parse, read from the parse
    arrays: spaCy's English iterator makes a ``Token`` for every word and two more for each
    noun's left edge; this is the same walk over integers (other languages go through spaCy)."""
    if doc.lang_ != "en":
        return [(c.start, c.end) for c in doc.noun_chunks]
    strings = doc.vocab.strings
    np_deps = {strings.add(label) for label in _NP_DEPS}
    conj = strings.add("conj")
    n = len(doc)
    arr = doc.to_array(["POS", "DEP", "HEAD"])
    pos = arr[:, 0].tolist()
    dep = arr[:, 1].tolist()
    head = (np.arange(n, dtype=np.int64) + arr[:, 2].astype(np.int64)).tolist()
    left = list(range(n))  # each token's left edge: the first token of its subtree
    for j in range(n):
        a = head[j]
        while left[a] > j:  # tokens are read left to right: an ancestor already this far left stops the climb
            left[a] = j
            if head[a] == a:
                break
            a = head[a]
    out: list[tuple[int, int]] = []
    prev_end = -1
    for i in range(n):
        if pos[i] not in _NOMINAL or left[i] <= prev_end:  # no chunk nested in the last one
            continue
        d = dep[i]
        if d == conj:  # a conjunct is a chunk when what it is coordinated to is one
            h = head[i]
            while dep[h] == conj and head[h] < h:
                h = head[h]
            d = dep[h]
        if d in np_deps:
            prev_end = i
            out.append((left[i], i + 1))
    return out


def _kids(doc: Doc) -> dict[int, list[int]]:
    m = _CURRENT
    if m.doc is doc and m.kids is not None:
        return m.kids
    m = _memory(doc)
    if m.kids is None:
        kids: dict[int, list[int]] = {}
        if len(doc):
            # the heads as offsets (spaCy's HEAD array: head index minus token index)
            heads = (doc.to_array("HEAD").view(np.int64) + np.arange(len(doc))).tolist()
            for i, h in enumerate(heads):
                if h != i:
                    kids.setdefault(h, []).append(i)
        m.kids = kids
    return m.kids


def subtree_ids(tok: Token) -> list[int]:
    """The indices of ``tok.subtree``, in its order (left children's subtrees, the token, right
    children's subtrees), from the heads read once per Doc: no Token walk. (The list is shared:
    read it, do not change it.)"""
    doc = tok.doc
    m = _CURRENT
    if m.doc is not doc:
        m = _memory(doc)
    i = tok.i
    got = m.subtrees.get(i)
    if got is None:
        kids = _kids(doc)
        memo = _CURRENT.subtrees
        got = []
        stack: list[tuple[int, bool]] = [(i, False)]
        while stack:  # (no recursion: a sentence's tree can be hundreds of tokens deep)
            j, done = stack.pop()
            ks = kids.get(j)
            if done or not ks:
                got.append(j)
                continue
            # pushed in reverse: the left children's subtrees, then j itself, then the right ones'
            for k in reversed(ks):
                if k > j:
                    stack.append((k, False))
            stack.append((j, True))
            for k in reversed(ks):
                if k < j:
                    stack.append((k, False))
        memo[i] = got
    return got


def subtree(tok: Token) -> list[Token]:
    """``list(tok.subtree)`` (equal tokens, same order), from the cached tokens and heads."""
    toks = doc_tokens(tok.doc)
    return [toks[j] for j in subtree_ids(tok)]


def children(tok: Token) -> tuple[Token, ...]:
    """``tuple(tok.children)`` (equal tokens, same order: ascending), from the cached heads."""
    doc = tok.doc
    m = _CURRENT
    if m.doc is not doc:
        m = _memory(doc)
    i = tok.i
    got = m.kid_toks.get(i)
    if got is None:
        ks = _kids(doc).get(i)
        if ks:
            toks = doc_tokens(doc)
            got = tuple([toks[j] for j in ks])
        else:
            got = ()
        m.kid_toks[i] = got
    return got


def doc_ents(doc: Doc) -> Sequence[SpacySpan]:
    """``doc.ents``, built once while ``reading(doc, ...)``, else fresh."""
    m = _CURRENT
    return m.ents if m.doc is doc and m.ents is not None else doc.ents


class reading:
    """``with reading(doc, text):`` the quote component's pass over one article: ``doc_text``
    and ``doc_ents`` give the Doc's text and entity spans without rebuilding them."""

    def __init__(self, doc: Doc, text: str):
        self.doc, self.text = doc, text

    def __enter__(self) -> reading:
        m = _memory(self.doc)
        m.text = self.text
        m.ents = self.doc.ents
        return self

    def __exit__(self, *exc) -> None:
        if _CURRENT.doc is self.doc:
            _CURRENT.ents = None  # (the text stays right; the entity spans may change)


_Call = TypeVar("_Call", bound=Callable[..., Any])


def gc_paused(call: _Call) -> _Call:
    """Run a component's ``__call__`` with Python's cyclic garbage collector paused, and restore
    it after (also when the call raises). A component makes hundreds of thousands of short-lived
    objects per article (tokens, spans, candidates): every 700 new container objects start a
    young-generation collection, and every so often an older generation's, which walks the
    long-lived objects too; the cycles made while paused are collected once it runs again. On 150 PolNeAR train Docs this took the components'
    CPU time from 7.1 s to 6.4 s (``benchmarks/component_time.py``); spaCy's own work runs as before."""

    @functools.wraps(call)
    def run(*args: Any, **kwargs: Any) -> Any:
        if not gc.isenabled():
            return call(*args, **kwargs)
        gc.disable()
        try:
            return call(*args, **kwargs)
        finally:
            gc.enable()

    return run  # type: ignore[return-value]
