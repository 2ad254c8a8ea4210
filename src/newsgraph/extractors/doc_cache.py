"""Per-Doc memory of what spaCy rebuilds on every access (``Doc.text``, ``Doc.ents``), shared by
the components (the quote component's speaker checks, events, entities, times, places, responses)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

# spaCy rebuilds ``Doc.text`` (joining every token) and ``Doc.ents`` (new spans) on every access,
# so the speaker checks, which ask for them once per record and per entity, read them once per
# article: ``doc_text`` keeps the last Doc's text (a Doc's text never changes), ``reading(doc,
# text)`` also keeps its entity spans while the quote component runs over it.
_CURRENT: tuple = (None, "", None)  # (the Doc last read, its text, its ents while reading it)


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc (the last one asked for is kept)."""
    global _CURRENT
    d, t, _ = _CURRENT
    if d is doc:
        return t
    t = doc.text
    _CURRENT = (doc, t, None)
    return t


def doc_ents(doc: Doc) -> Sequence[SpacySpan]:
    """``doc.ents``, built once while ``reading(doc, ...)``, else fresh."""
    d, _, e = _CURRENT
    return e if d is doc and e is not None else doc.ents


class reading:
    """``with reading(doc, text):`` the quote component's pass over one article: ``doc_text``
    and ``doc_ents`` give the Doc's text and entity spans without rebuilding them."""

    def __init__(self, doc: Doc, text: str):
        self.doc, self.text = doc, text

    def __enter__(self) -> reading:
        global _CURRENT
        _CURRENT = (self.doc, self.text, self.doc.ents)
        return self

    def __exit__(self, *exc) -> None:
        global _CURRENT
        if _CURRENT[0] is self.doc:
            _CURRENT = (self.doc, self.text, None)  # (the text stays right; the entity spans may change)
