"""The search language (newsgraph.store.fts): parsed once, written out for FTS5 with every
term quoted, so no input reaches FTS5's own syntax."""

from __future__ import annotations

import pytest

from newsgraph.store.fts import SearchError, fts5_query, parse, phrase_words


@pytest.mark.parametrize(
    "q,fts",
    [
        ("ceasefire", '"ceasefire"'),
        ("peace talks", '("peace" AND "talks")'),
        ('"no peace"', '"no peace"'),
        ("sanction*", '"sanction"*'),
        ("gas OR oil", '("gas" OR "oil")'),
        ("ceasefire NOT gaza", '(("ceasefire") NOT "gaza")'),
        ("ceasefire -gaza", '(("ceasefire") NOT "gaza")'),
        ("(gas OR oil) prices", '(("gas" OR "oil") AND "prices")'),
        ("e-mail", '"e mail"'),
        ("a\x00b", '("a" AND "b")'),
        ('"unclosed', '"unclosed"'),
        ('say "NEAR(" col:x ^y', '("say" AND "NEAR" AND "col x" AND "y")'),
        ("or and", '("or" AND "and")'),  # lower-case operators are words
    ],
)
def test_queries_become_quoted_fts5(q, fts):
    assert fts5_query(q) == fts


@pytest.mark.parametrize(
    "q,why",
    [
        ("", "no words"),
        ("???", "no words"),
        ("(((", "no words"),
        ("NOT x", "only excluded"),
        ("-x", "only excluded"),
        ("a OR -b", "only excluded"),
        (" ".join("w" * i for i in range(1, 40)), "too many"),
    ],
)
def test_nothing_to_look_for_is_a_clear_error(q, why):
    with pytest.raises(SearchError, match=why):
        parse(q)


def test_phrase_words_drop_punctuation():
    assert phrase_words('he said "no" AND (x\x00') == "he said no AND x"


def test_quote_refs():
    from newsgraph.store.refs import quote_refs

    rec = {
        "text": "x" * 100,
        "entities": [
            {"id": "E1", "mentions": [{"start": 0, "end": 5}]},
            {"id": "E2", "mentions": [{"start": 20, "end": 25}]},
            {"id": "E3", "mentions": [{"start": 60, "end": 65}]},
        ],
        "places": [
            {"id": "P1", "lat": 1.0, "lon": 2.0, "mentions": [{"start": 40, "end": 45}]},
            {"id": "P2", "lat": None, "lon": None, "mentions": [{"start": 22, "end": 24}]},
        ],
        "quotes": [
            {
                "id": "Q1",
                "start": 10,
                "end": 30,
                "speaker": "E1",
                "via": {"start": 60, "end": 65},
                "sentence": {"start": 0, "end": 50},
            }
        ],
    }
    assert quote_refs(rec) == [
        {"qid": "Q1", "ref": "P1", "role": "place"},
        {"qid": "Q1", "ref": "E2", "role": "named"},
        {"qid": "Q1", "ref": "E3", "role": "via"},
    ]
