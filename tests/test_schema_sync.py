"""The record is defined once (src/newsgraph/record.py); the JSON Schema and the field tables of
docs/output.md are generated from it by scripts/make_schema.py and must be in sync (issue 15)."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
from pathlib import Path

import jsonschema
import pytest

from newsgraph import record as R

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def make_schema():
    spec = importlib.util.spec_from_file_location("make_schema", ROOT / "scripts" / "make_schema.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_schema_and_docs_are_in_sync_with_record_py(make_schema, capsys):
    assert make_schema.main(["--check"]) == 0, capsys.readouterr().err


def test_every_field_is_documented_and_in_the_schema(make_schema):
    schema = make_schema.schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    parts = {"Record": schema, **{cls.__name__: schema["$defs"][name] for name, cls in make_schema.DEFS.items()}}
    for name, part in parts.items():
        cls = getattr(R, name)
        names = [f.name for f in dataclasses.fields(cls)]
        assert list(part["properties"]) == names
        assert part["required"] == [n for n in names if R.FIELD_DOCS[name][n].required]
        assert set(R.FIELD_DOCS[name]) == set(names)
        assert R.FIELD_DOCS[name][names[0]].doc, f"{name}: the first field opens a row of the docs table"


def test_an_undocumented_field_is_refused(make_schema, monkeypatch):
    docs = {k: dict(v) for k, v in R.FIELD_DOCS.items()}
    del docs["Quote"]["confidence"]
    monkeypatch.setattr(R, "FIELD_DOCS", docs)
    with pytest.raises(SystemExit, match="Quote.*confidence"):
        make_schema.schema()


def test_a_record_round_trips_and_validates(make_schema):
    rec = R.Record(
        id="a",
        text="Kowal said so.",
        published="2024-03-05",
        quotes=[
            R.Quote(
                id="Q1",
                text="so",
                start=11,
                end=13,
                kind="indirect",
                cue_type="speech",
                speaker=None,
                speaker_mention=R.Span(0, 5, "Kowal"),
                cue=R.Span(6, 10, "said"),
                addressee=None,
                via=None,
                date=None,
                sentence=R.SentenceRef(0, 14),
                rule="indirect:ccomp",
                confidence=0.9,
            )
        ],
    )
    d = json.loads(json.dumps(rec.to_dict()))
    jsonschema.validate(d, make_schema.schema())
    assert R.Record.from_dict(d).to_dict() == d
    bad = {**d, "quotes": [{**d["quotes"][0], "kind": "rumour"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, make_schema.schema())
