"""Who did what to whom: political events in the PLOVER ontology, with coded actors.

A spaCy component (``newsgraph_events``, runs last) that reads each sentence once and turns
event triggers into ``record.Event`` objects on ``Doc._.events``. The engine is split by step;
the knowledge is data (``newsgraph/data/en/events/*.tsv``, read by ``newsgraph.lexicon``):

``ontology``        the 16 PLOVER types, their modes, quad classes, CAMEO roots
``tables``          the verb, noun, verb+object, frame and word tables (data files)
``syntax``          helpers over the dependency parse
``classification``  what a verb token codes (tables, parse rules, PETRARCH2 patterns)
``candidates``      the candidates of a sentence (a ``Candidate`` dataclass), sentence
                    patterns, frames that absorb what they govern, the noun fallback
``flags``           negation, hypotheticals, the future, read before the type is final
``actors``          actor and recipient mentions and their country and sector
``build``           a candidate to a ``record.Event``

Every event has ``rule``: which table entry or pattern fired and how the actor was coded.
"""

from __future__ import annotations

import logging
from bisect import bisect_left
from pathlib import Path
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ... import actors as actor_codes
from ...record import Event
from .. import speakers
from ..doc_cache import doc_attr, doc_sents, doc_tokens, doc_words, gc_paused
from .actors import _code_actor, _Ctx, _speaker_for
from .build import make_event
from .candidates import Candidate, noun_fallback, sentence_candidates
from .confidence import load as load_confidence
from .confidence import threshold as confidence_threshold
from .ontology import PLOVER_TYPES, QUAD, cameo_root, plover_from_cameo
from .precision18 import link_alone18
from .syntax import QUOTE_CHARS, _quoted_regions
from .tables import NOUNS, OBJECT_RULES, VERBS, W, petrarch_verbs

__all__ = [
    "EventsComponent",
    "extract_events",
    "Candidate",
    "PLOVER_TYPES",
    "QUAD",
    "cameo_root",
    "plover_from_cameo",
    "VERBS",
    "NOUNS",
    "OBJECT_RULES",
    "MIN_CONFIDENCE",
]
MIN_CONFIDENCE = confidence_threshold()  # the documented default threshold (docs/events.md)

log = logging.getLogger(__name__)


class EventsComponent:
    """spaCy component: ``doc._.events`` = list of ``record.Event``. Config: ``confidence_model``,
    the path of another confidence model than the shipped one (cross-validation, docs/events.md)."""

    def __init__(self, nlp: Language, name: str = "newsgraph_events", confidence_model: Optional[str] = None):
        self.name = name
        self.confidence_model = load_confidence(Path(confidence_model)) if confidence_model else None
        petrarch_verbs()
        actor_codes.actor_table()
        actor_codes.agents_table()

    @gc_paused
    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.events = extract_events(doc, self.confidence_model)
        except Exception:  # an odd document must never stop the pipeline
            log.warning("event extraction failed", exc_info=True)
            doc._.events = []
        return doc


@Language.factory(
    "newsgraph_events",
    default_config={"confidence_model": None},
    requires=[
        "doc._.published",
        "doc._.entities",
        "doc._.times",
        "doc._.places",
        "doc._.place_mentions",
        "doc._.quotes",
        "token.dep",
        "token.pos",
        "token.tag",
        "token.lemma",
        "token.ent_type",
    ],
    assigns=["doc._.events"],
)
def make_events(nlp: Language, name: str, confidence_model: Optional[str]) -> EventsComponent:
    return EventsComponent(nlp, name, confidence_model)


def extract_events(doc: Doc, confidence_model: Optional[dict] = None) -> list[Event]:
    """The events of a parsed Doc; ``confidence_model``: another model than the shipped one."""
    # the speaker helpers read ``doc.ents`` hundreds of times per article and spaCy rebuilds the
    # spans (a pass over every token) on each access: build them once for this pass (the
    # component never changes the Doc's entities)
    with speakers.reading(doc, speakers.doc_text(doc)):
        return _extract_events(doc, confidence_model)


def _subjects(doc: Doc) -> list[int]:
    """The indices of the Doc's subject tokens (nsubj, nsubjpass), ascending: read from the Doc's
    list of dependency labels (``doc_attr``, made once per Doc), not from a Token per word."""
    return [i for i, d in enumerate(doc_attr(doc, "dep_")) if d == "nsubj" or d == "nsubjpass"]


def _extract_events(doc: Doc, confidence_model: Optional[dict]) -> list[Event]:
    ctx = _Ctx(doc)
    ctx.confidence_model = confidence_model
    events: list[Event] = []
    toks = doc_tokens(doc)
    words = doc_words(doc)
    subjects = _subjects(doc)
    pos, lower = doc_attr(doc, "pos_"), doc_attr(doc, "lower_")
    for sent in doc_sents(doc):
        if len(sent) < 2 or len(sent) > 400:
            continue
        stoks = toks[sent.start : sent.end]  # the tokens made once per Doc, not through the Span
        regions = _quoted_regions(sent)
        title_toks: set[int] = set()
        quoted_toks: set[int] = set()
        for a, b, title in regions:
            quoted_toks.update(range(a, b + 1))
            if title:
                title_toks.update(range(a, b + 1))
        link = _link_line(stoks)
        if link:
            title_toks.update(link)
        has_quote = bool(regions) or any(w in QUOTE_CHARS for w in words[sent.start : sent.end])
        speaker = _speaker_for(ctx, sent, regions) if has_quote else None
        final, inner_of = sentence_candidates(stoks, title_toks, ctx.published, quoted_toks)
        n_before = len(events)
        for c in final:
            ev = make_event(ctx, sent, c, speaker, quoted_toks, len(events) + 1, inner_of.get(c.i))
            if ev is not None:
                events.append(ev)
        if len(events) == n_before:
            # no verb told the event: an event noun anywhere in the sentence ("in a bombing
            # campaign against ...", "Tuesday's talks on ..."), the one highest in the parse,
            # only with an actor the text names
            fb = noun_fallback(stoks, title_toks)
            if fb is not None:
                ev = make_event(ctx, sent, fb, speaker, quoted_toks, len(events) + 1, named_actor=True)
                if ev is not None:
                    events.append(ev)
        # remember subjects of this sentence for pronouns later on
        for i in subjects[bisect_left(subjects, sent.start) : bisect_left(subjects, sent.end)]:
            if i not in title_toks and (
                pos[i] == "PROPN"
                or lower[i] in actor_codes.ROLE_NOUNS
                or toks[i].ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
            ):
                _code_actor(ctx, toks[i])
    # de-duplicate: one event per trigger token
    seen = set()
    out: list[Event] = []
    for e in events:
        k = (e.trigger.start, e.type)
        if k in seen:
            continue
        seen.add(k)
        e.id = f"V{len(out) + 1}"
        out.append(e)
    return out


def _link_line(stoks: list) -> range:
    """The tokens of a link to another article: a line that opens with a label and a colon
    ("Related: GOP Candidates Resoundingly Reject The Idea ...", "Read more: ...": words.tsv
    link_labels), up to the end of its line. A headline of another story reports no act (round 13)."""
    n = len(stoks)
    k = 0
    while k < n and (stoks[k].is_space or stoks[k].text in QUOTE_CHARS):
        k += 1  # an opening quote mark
    j = k
    while j < n and j - k < 3 and stoks[j].lower_ in W.link_labels:
        j += 1
    if j == k:
        return range(0)
    while j < n and stoks[j].text in QUOTE_CHARS:
        j += 1  # '"Related:"' may close its quote before or after the colon
    if j >= n or not stoks[j].text.startswith(":"):
        return range(0)
    end = n
    alone = False
    for m in range(j, n):
        if "\n" in stoks[m].text_with_ws:
            if not alone and link_alone18(stoks, j, m):
                alone = True  # '"Related:"' alone on its line: the headline is the next line (round 18)
                continue
            end = m + 1
            break
    return range(stoks[0].i, stoks[end - 1].i + 1)
