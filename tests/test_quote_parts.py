"""A quote's discontinuous content (``Quote.parts``, round 20): the record and its JSON, the schema,
the store (and an old store upgraded), the exports, the pretty output and the web article page.
Records are built by hand on made-up sentences, so these tests do not depend on the extractors."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest

from newsgraph.record import Entity, Quote, Record, SentenceRef, Span, parts_text

TEXT = "And that, Mr. Novak said, was in the works. Novak left on Tuesday.\n"


def _span(s: str) -> Span:
    i = TEXT.index(s)
    return Span(i, i + len(s), s)


def parted_record(rid: str = "parts-1", extra: str = "") -> Record:
    """One quote in two parts ('And that' + 'was in the works'), the attribution between."""
    p1, p2 = _span("And that"), _span("was in the works")
    parts = [{"start": p1.start, "end": p1.end}, {"start": p2.start, "end": p2.end}]
    novak = Entity("E1", "Anna Novak", "PERSON", "CZE", [], None, [_span("Mr. Novak")])
    q = Quote(
        id="Q1",
        text=parts_text(TEXT, parts),
        start=p1.start,
        end=p2.end,
        kind="indirect",
        cue_type="speech",
        speaker="E1",
        speaker_mention=_span("Mr. Novak"),
        cue=_span("said"),
        addressee=None,
        via=None,
        date="2024-03-05",
        sentence=SentenceRef(0, TEXT.index(" Novak left")),
        rule="indirect:ccomp+parts20",
        confidence=0.9,
        parts=parts,
    )
    return Record(
        id=rid,
        text=TEXT + extra,
        title="Novak",
        published="2024-03-06",
        source="Example Wire",
        url=f"https://example.org/{rid}",
        entities=[novak],
        quotes=[q],
    )


def test_one_part_by_default_and_for_old_records():
    q = Quote("Q1", "x", 3, 9, "direct", "speech", None, None, None, None, None, None, SentenceRef(0, 10))
    assert q.parts == [{"start": 3, "end": 9}]
    d = parted_record().to_dict()
    old = {**d, "quotes": [{k: v for k, v in d["quotes"][0].items() if k != "parts"}]}
    assert Record.from_dict(old).quotes[0].parts == [{"start": 0, "end": 42}]


def test_text_is_the_parts_joined_and_the_json_round_trips():
    rec = parted_record()
    assert rec.quotes[0].text == "And that ... was in the works"
    d = json.loads(json.dumps(rec.to_dict()))
    assert d["quotes"][0]["parts"] == [{"start": 0, "end": 8}, {"start": 26, "end": 42}]
    assert Record.from_dict(d).to_dict() == d


def test_schema_accepts_parts_and_records_without_them():
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(
        "make_schema", Path(__file__).resolve().parents[1] / "scripts" / "make_schema.py"
    )
    ms = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ms)
    schema = ms.schema()
    d = json.loads(json.dumps(parted_record().to_dict()))
    jsonschema.validate(d, schema)
    jsonschema.validate({**d, "quotes": [{k: v for k, v in d["quotes"][0].items() if k != "parts"}]}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**d, "quotes": [{**d["quotes"][0], "parts": [{"start": 0}]}]}, schema)


def test_restored_text_keeps_the_parts_joined():
    """After the pipeline puts every span's text back from the article (``_restore_spans``), a
    quote in parts still reads as its parts joined, an ordinary quote as its slice."""
    from newsgraph.pipeline import _restore_spans

    rec = parted_record()
    rec.quotes[0].text = "garbled"
    _restore_spans(rec.quotes, TEXT)
    assert rec.quotes[0].text == "And that ... was in the works"
    one = Quote("Q2", "?", 44, 49, "direct", "speech", None, None, None, None, None, None, SentenceRef(44, 66))
    _restore_spans([one], TEXT)
    assert one.text == "Novak"


def test_pretty_shows_the_parts_with_the_attribution_left_out():
    from newsgraph.pretty import format_record

    out = format_record(parted_record())
    assert "And that ... was in the works" in out
    assert "2 parts, the attribution left out" in out
    assert "Mr. Novak said, was" not in out


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    from newsgraph.store import open_store

    url = str(tmp_path / "store.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    s = open_store(url)
    yield s
    s.close()


def test_store_keeps_parts_and_exports_carry_them(store):
    from sqlalchemy import select

    from newsgraph.store import schema as S
    from newsgraph.store.export import to_string

    store.add_record(parted_record())
    with store.engine.connect() as conn:
        row = conn.execute(select(S.quotes.c.text, S.quotes.c.parts)).one()
    assert row.text == "And that ... was in the works"
    assert json.loads(row.parts) == [{"start": 0, "end": 8}, {"start": 26, "end": 42}]
    rows = list(csv.DictReader(io.StringIO(to_string(store, "csv", table="quotes"))))
    assert json.loads(rows[0]["parts"])[1] == {"start": 26, "end": 42}
    back = Record.from_dict(json.loads(to_string(store, "jsonl").splitlines()[0]))
    assert back.quotes[0].parts == parted_record().quotes[0].parts


def test_an_old_store_opens_and_is_upgraded(tmp_path):
    """A store written before revision 0010 (no ``parts`` column) opens: upgraded, its rows
    without parts (one part, start..end), new rows with them."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import inspect, select

    from newsgraph.store import open_store
    from newsgraph.store import schema as S
    from newsgraph.store.db import MIGRATIONS

    target = str(tmp_path / "old.db")
    s = open_store(target)
    s.add_record(parted_record("old-1"))
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with s.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0009")
    with s.engine.connect() as conn:
        assert "parts" not in {c["name"] for c in inspect(conn).get_columns("quotes")}
    s.close()
    s = open_store(target)
    assert s.add_record(parted_record("new-1", extra="Then she spoke again.\n")) is not None
    with s.engine.connect() as conn:
        parts = [r.parts for r in conn.execute(select(S.quotes.c.parts).order_by(S.quotes.c.id))]
    s.close()
    assert parts[0] is None and json.loads(parts[1])[0] == {"start": 0, "end": 8}


def test_web_article_page_shows_the_parts(tmp_path):
    from fastapi.testclient import TestClient

    from newsgraph.store import open_store
    from newsgraph.web.app import create_app

    s = open_store(str(tmp_path / "web.db"))
    s.add_record(parted_record())
    with TestClient(create_app(s.target, store=s, token=None)) as client:
        aid = client.get("/api/articles").json()["results"][0]["id"]
        r = client.get(f"/articles/{aid}")
        assert r.status_code == 200
        html = r.text
    s.close()
    # the list beside the text: what a person reads, the attribution left out
    assert "\u201cAnd that ... was in the works\u201d" in html
    # in the text: each part marked as the quote, the attribution between them not
    assert '<span class="q indirect" data-r="Q1">And that</span>' in html
    assert 'data-r="Q1">was in the works</span>' in html
    assert 'data-r="Q1">, Mr.' not in html and 'data-r="Q1">And that, Mr.' not in html
