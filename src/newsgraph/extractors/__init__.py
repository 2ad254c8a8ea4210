"""The extraction steps, one module per question, each a spaCy pipeline component.

This package owns the contract the components keep (docs/components.md):

- ``COMPONENTS``: the components in the one order they run; a later one reads what earlier ones
  left on the Doc (``requires``), never the other way round;
- ``EXTENSIONS``: the ``Doc._`` attributes they read and write, registered here once (before any
  component module runs), never by the components themselves;
- each component is a factory ``newsgraph_<part>`` (``@Language.factory``) that declares its
  switches as ``default_config`` and the attributes it ``requires`` and ``assigns``, and builds a
  ``<Part>Component`` object; a document it cannot handle leaves an empty list, never an error.

Importing this package registers the factories with spaCy, so ``nlp.add_pipe("newsgraph_quotes")``
works in any English pipeline; ``newsgraph.pipeline.load_nlp`` adds them all in order.
"""

from __future__ import annotations

from spacy.tokens import Doc

# Doc extensions: name -> what it holds (all default to None)
EXTENSIONS: dict[str, str] = {
    "published": "the article's publication date (ISO YYYY-MM-DD) or None; set by pipeline.make_doc",
    "title": "the article's title (never a quote) or None; set by pipeline.make_doc",
    "entities": "list of record.Entity (newsgraph_entities)",
    "times": "list of record.TimeExpr (newsgraph_times)",
    "places": "list of record.Place (newsgraph_places)",
    "place_mentions": "internal to newsgraph_places: [(start_char, end_char, place_id, source, token_index)], "
    "read by places.place_for_span",
    "quotes": "list of record.Quote (newsgraph_quotes)",
    "events": "list of record.Event (newsgraph_events)",
}
for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

# the components in run order (importing the modules registers their factories)
from . import entities, events, places, quotes, responses, times  # noqa: E402

COMPONENTS: list[str] = [
    "newsgraph_entities",  # first: the later components resolve speakers and actors with it
    "newsgraph_times",
    "newsgraph_places",
    "newsgraph_quotes",
    "newsgraph_events",
    "newsgraph_responses",  # last: links the statements that answer others (reads the quotes)
]

__all__ = ["COMPONENTS", "EXTENSIONS", "entities", "events", "places", "quotes", "responses", "times"]
