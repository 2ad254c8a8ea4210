"""The ``newsgraph_responses`` component: links the statements that answer others
(``Quote.responds_to``) with the engine in ``newsgraph.responses`` (docs/responses.md)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..responses import link_responses
from .doc_cache import doc_text, gc_paused


class ResponsesComponent:
    """Sets ``responds_to`` on the quotes the quotes component left on ``doc._.quotes``."""

    @gc_paused
    def __call__(self, doc: Doc) -> Doc:
        quotes = doc._.quotes or []
        if quotes:
            link_responses(doc_text(doc), quotes, doc._.entities or [], [(s.start_char, s.end_char) for s in doc.sents])
        return doc


@Language.factory(
    "newsgraph_responses",
    default_config={},
    requires=["doc._.quotes", "doc._.entities", "doc.sents"],
    assigns=["doc._.quotes"],
)
def make_responses(nlp: Language, name: str) -> ResponsesComponent:
    return ResponsesComponent()
