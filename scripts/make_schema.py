"""Generate the record's JSON Schema and the field tables of docs/output.md from record.py.

record.py is the one definition of the output record: the dataclasses give the fields and their
types, ``record.FIELD_DOCS`` what each field means and the constraints its type does not give.
From them this script writes

- ``src/newsgraph/schema/record.schema.json`` (the JSON Schema the tests validate output against);
- every table of docs/output.md between ``<!-- fields: CLASS -->`` and ``<!-- /fields -->``.

    .venv/bin/python scripts/make_schema.py           # write both
    .venv/bin/python scripts/make_schema.py --check   # exit 1 when either is out of date (CI)
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
import types
import typing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph import record as R  # noqa: E402

SCHEMA_PATH = ROOT / "src" / "newsgraph" / "schema" / "record.schema.json"
DOCS_PATH = ROOT / "docs" / "output.md"

# the record's parts, in the order of the schema's $defs
DEFS = {
    "span": R.Span,
    "sentence": R.SentenceRef,
    "entity": R.Entity,
    "quote": R.Quote,
    "time": R.TimeExpr,
    "place": R.Place,
    "event": R.Event,
}
DEF_OF = {cls: name for name, cls in DEFS.items()}
PRIMITIVES = {str: "string", int: "integer", float: "number", bool: "boolean"}
PLURAL = {
    "span": "spans",
    "entity": "entities",
    "quote": "quotes",
    "time": "times",
    "place": "places",
    "event": "events",
    "string": "strings",
}


def _optional(tp):
    """(inner type, True) for Optional[X], else (tp, False)."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1 and len(typing.get_args(tp)) == 2:
            return args[0], True
        raise TypeError(f"unsupported union {tp}")
    return tp, False


def type_schema(tp) -> dict:
    inner, nullable = _optional(tp)
    if inner in PRIMITIVES:
        t = PRIMITIVES[inner]
        return {"type": [t, "null"] if nullable else t}
    if typing.get_origin(inner) is list:
        (item,) = typing.get_args(inner)
        s = {"type": "array", "items": type_schema(item)}
        return {"anyOf": [s, {"type": "null"}]} if nullable else s
    if inner in DEF_OF:
        ref = {"$ref": f"#/$defs/{DEF_OF[inner]}"}
        return {"anyOf": [ref, {"type": "null"}]} if nullable else ref
    raise TypeError(f"no schema for type {tp}")


def type_shown(tp) -> str:
    inner, nullable = _optional(tp)
    if inner in PRIMITIVES:
        s = PRIMITIVES[inner]
    elif typing.get_origin(inner) is list:
        (item,) = typing.get_args(inner)
        s = "list of " + PLURAL.get(type_shown(item), type_shown(item) + "s")
    elif inner in DEF_OF:
        s = DEF_OF[inner]
    else:
        raise TypeError(f"no name for type {tp}")
    return s + "/null" if nullable else s


def field_docs(cls) -> list[tuple[dataclasses.Field, object, R.FieldDoc]]:
    """(field, type, FieldDoc) for every field of ``cls``; a field without documentation, or
    documentation of a field that does not exist, is an error."""
    docs = R.FIELD_DOCS.get(cls.__name__, {})
    hints = typing.get_type_hints(cls)
    out = []
    names = [f.name for f in dataclasses.fields(cls)]
    missing = [n for n in names if n not in docs]
    stale = [n for n in docs if n not in names]
    if missing or stale:
        raise SystemExit(
            f"record.FIELD_DOCS[{cls.__name__!r}]: "
            + (f"no entry for {', '.join(missing)}" if missing else "")
            + ("; " if missing and stale else "")
            + (f"entries for fields that do not exist: {', '.join(stale)}" if stale else "")
        )
    for f in dataclasses.fields(cls):
        out.append((f, hints[f.name], docs[f.name]))
    return out


def object_schema(cls) -> dict:
    props = {}
    for f, tp, doc in field_docs(cls):
        extra = doc.schema or {}
        s = {} if "type" in extra else type_schema(tp)
        if "type" in extra or "enum" in extra or "anyOf" in extra:
            s = dict(extra)
        else:
            s = {**s, **extra}
        props[f.name] = s
    required = [f.name for f, _, doc in field_docs(cls) if doc.required]
    return {"type": "object", "required": required, "additionalProperties": False, "properties": props}


def schema() -> dict:
    rec = object_schema(R.Record)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://newsgraph.example/schema/record.schema.json",
        "title": "newsgraph article record",
        "description": "One article and everything newsgraph extracted from it. Offsets are Python string indices "
        "into text. See docs/output.md.",
        **rec,
        "$defs": {name: object_schema(cls) for name, cls in DEFS.items()},
    }


def schema_text() -> str:
    return json.dumps(schema(), indent=1, ensure_ascii=False) + "\n"


def table(cls) -> str:
    """The docs/output.md table of ``cls``: one row per documented field, with the fields that
    share its meaning (``FieldDoc(None)``) listed in the same row."""
    rows: list[list] = []
    for f, tp, doc in field_docs(cls):
        shown = doc.shown or ("ISO date/null" if doc.schema is R.DATE else type_shown(tp))
        if doc.doc is None and rows:
            rows[-1][0].append(f.name)
            if shown not in rows[-1][1]:
                rows[-1][1].append(shown)
            continue
        rows.append([[f.name], [shown], doc.doc or ""])
    lines = ["| field | type | meaning |", "|---|---|---|"]
    for names, shown_types, text in rows:
        lines.append(f"| {', '.join(f'`{n}`' for n in names)} | {', '.join(shown_types)} | {text} |")
    return "\n".join(lines)


_BLOCK = re.compile(r"(<!-- fields: (\w+) -->\n)(.*?)(<!-- /fields -->)", re.S)


def docs_text(current: str) -> str:
    def repl(m):
        cls = getattr(R, m.group(2))
        return m.group(1) + table(cls) + "\n" + m.group(4)

    return _BLOCK.sub(repl, current)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 when a file is out of date")
    args = ap.parse_args(argv)
    docs_now = DOCS_PATH.read_text(encoding="utf-8")
    want = {SCHEMA_PATH: schema_text(), DOCS_PATH: docs_text(docs_now)}
    blocks = {m.group(2) for m in _BLOCK.finditer(docs_now)}
    expected = {"Record", "Entity", "Quote", "Event", "Place", "TimeExpr", "Span", "SentenceRef"}
    if blocks != expected:
        print(f"docs/output.md: field tables for {sorted(blocks)}, expected {sorted(expected)}", file=sys.stderr)
        return 1
    stale = [p for p, text in want.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
    if args.check:
        for p in stale:
            print(f"{p.relative_to(ROOT)} is out of date: run python scripts/make_schema.py", file=sys.stderr)
        return 1 if stale else 0
    for p in stale:
        p.write_text(want[p], encoding="utf-8")
        print(f"wrote {p.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
