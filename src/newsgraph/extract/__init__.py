"""The extraction steps, one module per question, each a spaCy pipeline component.

Importing this package registers the factories (``newsgraph_entities``, ``newsgraph_quotes``,
...) with spaCy, so ``nlp.add_pipe("newsgraph_quotes")`` works in any English pipeline.
"""
import sys as _sys
import types as _types


class _CallableModule(_types.ModuleType):
    """Importing this package rebinds ``newsgraph.extract`` (the public function) to the
    package; calling the package calls the function, so ``newsgraph.extract(text)`` always works."""

    def __call__(self, *args, **kwargs):
        from .. import _extract_text

        return _extract_text(*args, **kwargs)


_sys.modules[__name__].__class__ = _CallableModule

from . import entities  # noqa: E402,F401  newsgraph_entities (first: later components resolve speakers with it)
from . import quotes  # noqa: F401  newsgraph_quotes
from . import times  # noqa: F401  newsgraph_times
from . import places  # noqa: F401  newsgraph_places
from . import events  # noqa: F401  newsgraph_events
