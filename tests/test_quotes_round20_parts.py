"""newsgraph_quotes, round 20: a content an attribution interrupts, joined into parts
(``extractors/quote_parts.py``; docs/quotes.md "Round 20"). Invented sentences, each with its
switch off to show what the rule changes."""

from __future__ import annotations

import pytest


@pytest.fixture
def split_on():
    """split20 on for one test (on by default since the round 20 merge; kept so the tests read
    the same if it is put back in quote_parts.OFF_BY_DEFAULT)."""
    from newsgraph.extractors import quote_parts

    quote_parts.ON.add("split20")
    yield
    quote_parts.ON.discard("split20")


def test_split20_is_on_by_default(extract, quote_rules_off):
    text = '"We will keep the clinic open," Dr. Anna Kowalska said, "until the last patient has been seen."'
    assert [len(q.parts) for q in _speech(extract(text))] == [2]
    quote_rules_off("split20")
    assert [len(q.parts) for q in _speech(extract(text))] == [1, 1]


def _parts(rec, q):
    return [rec.text[p["start"] : p["end"]] for p in q.parts]


def _speech(rec):
    return [q for q in rec.quotes if q.cue is not None]


@pytest.mark.parametrize(
    "text, parts",
    [
        ("And that, Ms. Kowalska said, was never part of the plan.", ["And that", "was never part of the plan."]),
        (
            "The new bridge, the mayor said on Monday, would open to traffic by the spring.",
            ["The new bridge", "would open to traffic by the spring."],
        ),
        (
            "Farmers in the valley, she explained, cannot wait another season for the water.",
            ["Farmers in the valley", "cannot wait another season for the water."],
        ),
    ],
)
def test_across20_content_around_a_parenthetical_attribution(extract, quote_rules_off, text, parts):
    rec = extract(text)
    (q,) = _speech(rec)
    assert _parts(rec, q) == parts
    assert q.text == " ... ".join(parts) and q.rule.endswith("+across20")
    assert q.start == 0 and q.end == rec.text.index(parts[-1]) + len(parts[-1])
    quote_rules_off("across20")
    (q,) = _speech(extract(text))
    assert len(q.parts) == 1 and q.text.endswith(parts[-1])


def test_across20_leaves_what_the_cue_governs(extract):
    """A phrase that belongs to the saying, not to what was said, is no part of the content."""
    rec = extract("Speaking to reporters in the capital, Kowalska said the bridge would open in May.")
    (q,) = _speech(rec)
    assert len(q.parts) == 1 and q.text.startswith("the bridge would open")


@pytest.mark.parametrize(
    "text, parts",
    [
        (
            '"We will keep the clinic open," Dr. Anna Kowalska said, "until the last patient has been seen."',
            ["We will keep the clinic open,", "until the last patient has been seen."],
        ),
        (
            '"The river is rising faster than we planned for," said Piotr Nowak. "and the levees are old."',
            ["The river is rising faster than we planned for,", "and the levees are old."],
        ),
    ],
)
def test_split20_one_quotation_split_by_its_attribution(extract, split_on, quote_rules_off, text, parts):
    rec = extract(text)
    (q,) = _speech(rec)
    assert _parts(rec, q) == parts and q.kind == "direct"
    assert q.text == " ... ".join(parts) and "+split20" in q.rule
    quote_rules_off("split20")
    assert [q.text for q in _speech(extract(text))] == parts


def test_split20_keeps_two_sentences_apart(extract, split_on):
    """'"A," said X. "B."' with B a sentence of its own: two records."""
    rec = extract('"We will keep the clinic open," said Dr. Anna Kowalska. "Nobody will be sent home."')
    assert [len(q.parts) for q in _speech(rec)] == [1, 1]


def test_parts_ids_are_renumbered(extract, split_on):
    rec = extract(
        '"We will keep the clinic open," Dr. Anna Kowalska said, "until the last patient has been seen." '
        "The new wing, she said, would open in May."
    )
    assert [q.id for q in rec.quotes] == [f"Q{i}" for i in range(1, len(rec.quotes) + 1)]
    assert [len(q.parts) for q in _speech(rec)] == [2, 2]


def test_across20_content_that_stops_at_the_attribution(extract, quote_rules_off):
    """The other side: the content found is the words before the attribution; the rest of the
    clause after it is its second part."""
    text = "Her first budget, the mayor says, was a mistake."
    rec = extract(text)
    (q,) = _speech(rec)
    assert _parts(rec, q) == ["Her first budget", "was a mistake."] and q.text == "Her first budget ... was a mistake."
    quote_rules_off("across20")
    (q,) = _speech(extract(text))
    assert q.text == "Her first budget"
