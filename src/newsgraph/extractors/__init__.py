"""The extraction steps, one module per question, each a spaCy pipeline component.

Importing this package registers the factories (``newsgraph_entities``, ``newsgraph_quotes``,
...) with spaCy, so ``nlp.add_pipe("newsgraph_quotes")`` works in any English pipeline.
"""
from . import entities  # noqa: F401  newsgraph_entities (first: later components resolve speakers with it)
from . import quotes  # noqa: F401  newsgraph_quotes
from . import times  # noqa: F401  newsgraph_times
from . import places  # noqa: F401  newsgraph_places
from . import events  # noqa: F401  newsgraph_events
from . import responses  # noqa: F401  newsgraph_responses (after quotes: links the statements that answer others)
