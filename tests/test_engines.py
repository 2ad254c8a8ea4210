"""The extraction engines on hand-built parses: a spaCy Doc made from words, heads, labels and
entities (what the parser and tagger would give), no model loaded. Each case is the parse
en_core_web_sm gives the sentence, written out, so a rule is tested on its own input and a
change of model cannot move the test."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from newsgraph.pipeline import add_components


@pytest.fixture(scope="module")
def blank():
    """A blank English pipeline (tokenizer only) with the newsgraph components but places (which
    needs the gazetteer index); quotes keep every record whatever its confidence."""
    nlp = spacy.blank("en")
    add_components(
        nlp,
        ["newsgraph_entities", "newsgraph_times", "newsgraph_quotes", "newsgraph_events"],
        {"newsgraph_quotes": {"min_confidence": 0}},
    )
    return nlp


def parse(nlp, rows: str, ents=(), published=None) -> Doc:
    """A Doc from one line per token: ``word head dep pos tag lemma [nospace]`` (head: the index
    of the head token), with ``ents`` as (start, end, label) token ranges."""
    toks = [r.split() for r in rows.strip().splitlines()]
    doc = Doc(
        nlp.vocab,
        words=[t[0] for t in toks],
        spaces=[len(t) < 7 for t in toks],
        heads=[int(t[1]) for t in toks],
        deps=[t[2] for t in toks],
        pos=[t[3] for t in toks],
        tags=[t[4] for t in toks],
        lemmas=[t[5] for t in toks],
    )
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    doc._.published = published
    return doc


NOVAK = """
"       9  punct    PUNCT ``  "       nospace
We      4  nsubj    PRON  PRP we
will    4  aux      AUX   MD  will
not     4  neg      PART  RB  not
retreat 9  ccomp    VERB  VB  retreat nospace
,       9  punct    PUNCT ,   ,       nospace
"       9  punct    PUNCT ''  "
Anna    8  compound PROPN NNP Anna
Novak   9  nsubj    PROPN NNP Novak
said    9  ROOT     VERB  VBD say
on      9  prep     ADP   IN  on
Monday  10 pobj     PROPN NNP Monday  nospace
.       9  punct    PUNCT .   .       nospace
"""

DVORAK = """
Prime     1  compound PROPN NNP Prime
Minister  3  compound PROPN NNP Minister
Petr      3  compound PROPN NNP Petr
Dvorak    4  nsubj    PROPN NNP Dvorak
met       4  ROOT     VERB  VBD meet
the       7  det      DET   DT  the
French    7  amod     ADJ   JJ  french
president 4  dobj     NOUN  NN  president
in        7  prep     ADP   IN  in
Paris     8  pobj     PROPN NNP Paris
on        4  prep     ADP   IN  on
Tuesday   10 pobj     PROPN NNP Tuesday nospace
.         4  punct    PUNCT .   .       nospace
"""


def test_the_parse_is_what_was_written(blank):
    doc = parse(blank, NOVAK, [(7, 9, "PERSON"), (11, 12, "DATE")])
    assert doc.text == '"We will not retreat," Anna Novak said on Monday.'
    assert doc[9].dep_ == "ROOT" and doc[4].head.i == 9 and [e.text for e in doc.ents] == ["Anna Novak", "Monday"]


def test_direct_quote_speaker_and_date(blank):
    doc = blank(parse(blank, NOVAK, [(7, 9, "PERSON"), (11, 12, "DATE")], published="2024-03-06"))
    (ent,) = doc._.entities
    assert (ent.name, ent.type) == ("Anna Novak", "PERSON")
    (t,) = doc._.times
    assert (t.text, t.value, t.rule) == ("Monday", "2024-03-04", "date:weekday")  # the Monday before a Wednesday
    (q,) = doc._.quotes
    assert (q.text, q.kind, q.cue_type, q.rule) == ("We will not retreat,", "direct", "speech", "direct:quote-cue")
    assert q.speaker == ent.id and q.cue.text == "said" and q.speaker_mention.text == "Anna Novak"
    assert (q.date, q.date_time) == ("2024-03-04", t.id)
    (ev,) = doc._.events  # "will not retreat" said by a private person: read, but gated to 0
    assert (ev.type, ev.quote, ev.confidence) == ("REJECT", q.id, 0.0) and "untrusted" in ev.rule


def test_without_a_publication_date_the_weekday_stays_unresolved(blank):
    doc = blank(parse(blank, NOVAK, [(7, 9, "PERSON"), (11, 12, "DATE")], published=None))
    (t,) = doc._.times
    assert t.value is None and t.resolution == "unresolved"
    (q,) = doc._.quotes
    assert q.date is None


def test_titles_descriptions_and_a_meeting(blank):
    doc = blank(
        parse(
            blank, DVORAK, [(2, 4, "PERSON"), (6, 7, "NORP"), (9, 10, "GPE"), (11, 12, "DATE")], published="2024-03-06"
        )
    )
    by_name = {e.name: e for e in doc._.entities}
    dvorak, french = by_name["Petr Dvorak"], by_name["French president"]
    assert dvorak.roles == ["Prime Minister"] and dvorak.sector == "GOV"  # the title makes the role
    assert (french.country, french.sector) == ("FRA", "GOV")  # a description: country from the adjective
    assert doc._.quotes == []
    (ev,) = doc._.events
    assert (ev.type, ev.actor, ev.recipient, ev.trigger.text) == ("CONSULT", dvorak.id, french.id, "met")
    assert (ev.recipient_country, ev.date) == ("FRA", "2024-03-05")
    assert ev.confidence > 0.5


def test_a_relative_week(blank):
    rows = """
The   1 det      DET  DT  the
talks 2 nsubj    NOUN NNS talk
ended 2 ROOT     VERB VBD end
last  4 amod     ADJ  JJ  last
week  2 npadvmod NOUN NN  week nospace
.     2 punct    PUNCT . .    nospace
"""
    doc = blank(parse(blank, rows, [(3, 5, "DATE")], published="2024-03-06"))
    (t,) = doc._.times
    assert (t.text, t.value, t.granularity) == ("last week", "2024-W09", "week")


def test_places_and_the_place_of_an_event():
    """With the places component (the gazetteer index setup.sh builds): Paris is the French
    capital here (the article's French president), and the meeting took place there."""
    nlp = spacy.blank("en")
    add_components(nlp, ["newsgraph_entities", "newsgraph_times", "newsgraph_places", "newsgraph_events"])
    doc = nlp(
        parse(nlp, DVORAK, [(2, 4, "PERSON"), (6, 7, "NORP"), (9, 10, "GPE"), (11, 12, "DATE")], published="2024-03-06")
    )
    by_name = {p.name: p for p in doc._.places}
    paris = by_name["Paris"]
    assert (paris.country, paris.feature) == ("FRA", "city") and paris.mentions[0].text == "Paris"
    (ev,) = doc._.events
    assert ev.place == paris.id
