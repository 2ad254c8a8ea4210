"""``newsgraph eval NAME``: score newsgraph against a public gold data set.

Each scorer is a module ``newsgraph.eval.NAME`` with ``add_arguments(parser)`` and
``run(args) -> int``.
"""

from __future__ import annotations

import argparse
import importlib

# name -> (module, one-line help)
SCORERS: dict[str, tuple[str, str]] = {
    "polnear": ("newsgraph.eval.polnear", "who said what: quote content P/R/F1 and source accuracy on PolNeAR"),
    "timebank": ("newsgraph.eval.timebank", "when: TIMEX3 extent P/R/F1 and value accuracy on TimeBank"),
    "gwn": ("newsgraph.eval.gwn", "where: toponym P/R/F1 and accuracy@161km on GeoWebNews"),
    "plover": ("newsgraph.eval.plover", "who did what to whom: PLOVER type macro-F1, mode, actor countries"),
    "events": (
        "newsgraph.eval.events",
        "who did what to whom on whole articles: event P/R/F1 on the project's gold set",
    ),
    "responses": (
        "newsgraph.eval.responses",
        "what answered what: response-link P/R and stance on the project's gold set",
    ),
    "stories": ("newsgraph.eval.stories", "stories across outlets: B-cubed P/R/F1 on the project's story gold set"),
}


def register(sub) -> None:
    p = sub.add_parser(
        "eval",
        help="score extraction against public gold data",
        description="Score newsgraph against public gold annotations (../shared/data by default).",
    )
    evsub = p.add_subparsers(dest="dataset", metavar="DATASET")
    for name, (module, help_) in SCORERS.items():
        ep = evsub.add_parser(name, help=help_, description=help_, formatter_class=argparse.RawDescriptionHelpFormatter)
        mod = importlib.import_module(module)
        mod.add_arguments(ep)
        ep.set_defaults(func=mod.run)
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])
