"""Round 20 (the lead's blind audit, issue 10): a relative clause inside an actor's phrase tells
what the actor did, not who it is: "Sen. Dana Wells of Texas, who has blasted Tom Baker's
statements on Israel" is no Israeli, and "Baker" later does not take her codes
(``clause-words20``). Text written for the project."""

from __future__ import annotations

import newsgraph
from newsgraph.extractors.events import tables

TEXT = (
    "Sen. Dana Wells of Texas, who has blasted Tom Baker's statements on Israel, and Gov. Ron Pike "
    "are due to speak. Baker criticized the mayor of Boston on Monday."
)


def _actor_countries():
    rec = newsgraph.extract(TEXT, published="2016-03-18")
    return {e.trigger.text: e.actor_country for e in rec.events}


def test_clause_words_give_no_country():
    on = _actor_countries()
    assert on["criticized"] != "ISR" and on["has blasted"] != "ISR"
    tables.RULES_OFF.add("clause-words20")
    try:
        off = _actor_countries()
    finally:
        tables.RULES_OFF.discard("clause-words20")
    assert off["criticized"] == "ISR"
