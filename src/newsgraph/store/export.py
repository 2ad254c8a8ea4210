"""Export a store: full records (JSONL), one table (CSV, Parquet), PLOVER JSON event records,
or a POLECAT-style event TSV.

- ``jsonl``: one record per line, exactly as extracted (``Record.to_dict()``).
- ``csv`` / ``parquet``: the rows of one table (``--table``: events, quotes, statements, actors,
  entities, places, times, articles without text, failures).
- ``plover``: a JSON list of event records shaped like the PLOVER gold-standard records
  (``id, date, source[{actorText, code, sector}], target[...], event, mode, context,
  eventText, text, eventLoc{name, lat, lon, geonameid, country code}, publication, ...``).
- ``polecat``: tab-separated, one event a line, POLECAT-style columns (see POLECAT_COLUMNS).

Events flagged negated, hypothetical or future are left out of plover/polecat (and of the
events table) unless ``include_flagged``; so are events below ``min_confidence`` (default: the
documented threshold, ``newsgraph.thresholds``; 0 keeps them all), and the rows of the quotes
table below ``min_confidence`` (default: the quotes' own documented threshold, docs/quotes.md).
``jsonl`` writes whole records as stored, every event and quote with its confidence.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any, Optional

from sqlalchemy import Boolean, Column, Float, Integer, Table, select

from ..about import __version__
from ..record import Event, Record
from ..thresholds import event_passes
from . import schema as S
from .read import confident

if TYPE_CHECKING:
    from .db import Store

TABLES = {
    "events": S.events,
    "quotes": S.quotes,
    "statements": S.statements,
    "actors": S.actors,
    "entities": S.entities,
    "places": S.places,
    "times": S.times,
    "articles": S.articles,
    "failures": S.failures,
    "runs": S.runs,
}
FORMATS = ["jsonl", "csv", "parquet", "plover", "polecat"]

POLECAT_COLUMNS = [
    "Event ID",
    "Event Date",
    "Event Type",
    "Event Mode",
    "Contexts",
    "Quad Code",
    "Actor Name",
    "Actor Country",
    "Actor Sector",
    "Recipient Name",
    "Recipient Country",
    "Recipient Sector",
    "Place Name",
    "Latitude",
    "Longitude",
    "GeoNames ID",
    "Source",
    "Publication Date",
    "Story ID",
    "Headline",
    "Event Text",
    "URL",
    "Recipient Basis",
]


def _columns(table: Table) -> list[Column[Any]]:
    if table is S.articles:  # the text and JSON are in jsonl exports; keep the table light
        return [c for c in table.c if c.name not in ("text", "record_json")]
    return list(table.c)


def iter_table(
    store: Store, name: str, include_flagged: bool = False, chunk: int = 5000, min_confidence: Optional[float] = None
) -> Iterator[dict]:
    """Rows of one table in id order, read in chunks (keyset paging, flat memory)."""
    table = TABLES[name]
    cols = _columns(table)
    last = 0
    while True:
        q = select(*cols).where(table.c.id > last).order_by(table.c.id).limit(chunk)
        if name == "events" and not include_flagged:
            q = q.where(table.c.negated.is_(False), table.c.hypothetical.is_(False), table.c.future.is_(False))
        if name in ("events", "quotes"):
            q = q.where(confident(table, min_confidence))
        with store.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(q)]
        if not rows:
            return
        yield from rows
        last = rows[-1]["id"]


def _event_ok(ev: Event, include_flagged: bool, min_confidence: Optional[float] = None) -> bool:
    return (include_flagged or not (ev.negated or ev.hypothetical or ev.future)) and event_passes(
        getattr(ev, "confidence", None), min_confidence
    )


def _alpha2(a3: Optional[str]) -> Optional[str]:
    if not a3:
        return None
    from ..countries import country_info

    info = country_info(a3)
    return info.get("alpha2") if info else None


def plover_events(rec: Record, include_flagged: bool = False, min_confidence: Optional[float] = None) -> Iterator[dict]:
    """PLOVER JSON event records for one article's events."""
    ents = {e.id: e for e in rec.entities}
    places = {p.id: p for p in rec.places}
    today = _dt.date.today().isoformat()
    for ev in rec.events:
        if not _event_ok(ev, include_flagged, min_confidence):
            continue
        out: dict = {"id": f"{rec.id}-{ev.id}", "date": (ev.date if ev.date and len(ev.date) >= 10 else rec.published)}
        for role, eid, country, sector in (
            ("source", ev.actor, ev.actor_country, ev.actor_sector),
            ("target", ev.recipient, ev.recipient_country, ev.recipient_sector),
        ):
            e = ents.get(eid) if eid else None
            if e is None and not country:
                continue
            actor = {"actorText": e.name if e else country, "code": country or (e.country if e else None)}
            if sector or (e and e.sector):
                actor["sector"] = sector or (e.sector if e else None)
            basis = getattr(ev, "recipient_basis", None)
            if role == "target" and basis and basis != "named":
                actor["basis"] = basis  # no target named: how its country was found (docs/events.md)
            out[role] = [actor]
        out["event"] = ev.type
        out["mode"] = ev.mode or ""
        out["context"] = ", ".join(ev.contexts or [])
        out["eventText"] = ev.trigger.text
        out["text"] = rec.text[ev.sentence.start : ev.sentence.end].strip()
        p = places.get(ev.place) if ev.place else None
        if p is not None:
            loc: dict[str, Any] = {"name": p.name}
            if _alpha2(p.country):
                loc["country code"] = _alpha2(p.country)
            if p.lat is not None and p.lon is not None:
                loc["lat"], loc["lon"] = p.lat, p.lon
            if p.geonameid is not None:
                loc["geonameid"] = p.geonameid
            out["eventLoc"] = loc
        out["language"] = "en"
        out["publication"] = rec.source or ""
        out["url"] = rec.url
        out["quad"] = ev.quad
        out["coder"] = f"newsgraph {__version__}"
        out["rule"] = ev.rule
        out["confidence"] = getattr(ev, "confidence", None)
        out["dateCoded"] = today
        yield out


def polecat_rows(rec: Record, include_flagged: bool = False, min_confidence: Optional[float] = None) -> Iterator[list]:
    ents = {e.id: e for e in rec.entities}
    places = {p.id: p for p in rec.places}
    for ev in rec.events:
        if not _event_ok(ev, include_flagged, min_confidence):
            continue
        a = ents.get(ev.actor) if ev.actor else None
        r = ents.get(ev.recipient) if ev.recipient else None
        p = places.get(ev.place) if ev.place else None
        yield [
            f"{rec.id}-{ev.id}",
            ev.date if ev.date and len(ev.date) >= 10 else rec.published,
            ev.type,
            ev.mode,
            ";".join(ev.contexts or []),
            ev.quad,
            a.name if a else None,
            ev.actor_country,
            ev.actor_sector,
            r.name if r else None,
            ev.recipient_country,
            ev.recipient_sector,
            p.name if p else None,
            p.lat if p else None,
            p.lon if p else None,
            p.geonameid if p else None,
            rec.source,
            rec.published,
            rec.id,
            rec.title,
            rec.text[ev.sentence.start : ev.sentence.end].strip(),
            rec.url,
            getattr(ev, "recipient_basis", None),
        ]


def _tsv_cell(v: object) -> str:
    if v is None:
        return ""
    return str(v).replace("\t", " ").replace("\r", " ").replace("\n", " ")


def _arrow_type(col: Column[Any]) -> Any:
    import pyarrow as pa

    if isinstance(col.type, Boolean):
        return pa.bool_()
    if isinstance(col.type, Integer):
        return pa.int64()
    if isinstance(col.type, Float):
        return pa.float64()
    return pa.string()


def export(
    store: Store,
    fmt: str,
    out: Optional[IO] = None,
    path: Optional[str] = None,
    table: str = "events",
    include_flagged: bool = False,
    min_confidence: Optional[float] = None,
) -> int:
    """Write the store in ``fmt`` to ``out`` (a text stream) or ``path``. Returns the number of
    items written (records, rows or events)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    if fmt in ("csv", "parquet") and table not in TABLES:
        raise ValueError(f"unknown table {table!r}; one of {', '.join(TABLES)}")
    n = 0
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not path:
            raise ValueError("parquet needs an output file (-o FILE)")
        cols = _columns(TABLES[table])
        schema = pa.schema([(c.name, _arrow_type(c)) for c in cols])
        with pq.ParquetWriter(path, schema) as w:
            buf: list[dict] = []
            for row in iter_table(store, table, include_flagged, min_confidence=min_confidence):
                buf.append(row)
                if len(buf) >= 10000:
                    w.write_table(pa.Table.from_pylist(buf, schema=schema))
                    n += len(buf)
                    buf = []
            if buf or n == 0:
                w.write_table(pa.Table.from_pylist(buf, schema=schema))
                n += len(buf)
        return n

    own = out is None
    if out is not None:
        fh = out
    elif path is not None:
        fh = open(path, "w", encoding="utf-8", newline="")
    else:
        raise TypeError("export needs out (a text stream) or path")
    try:
        if fmt == "jsonl":
            for d in store.iter_records():
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
                n += 1
        elif fmt == "csv":
            fieldnames = [c.name for c in _columns(TABLES[table])]
            writer = csv.DictWriter(fh, fieldnames=fieldnames, extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
            for row in iter_table(store, table, include_flagged, min_confidence=min_confidence):
                writer.writerow(row)
                n += 1
        elif fmt == "plover":
            fh.write("[")
            for d in store.iter_records():
                for ev in plover_events(Record.from_dict(d), include_flagged, min_confidence):
                    fh.write(("\n" if n == 0 else ",\n") + json.dumps(ev, ensure_ascii=False))
                    n += 1
            fh.write("\n]\n")
        elif fmt == "polecat":
            fh.write("\t".join(POLECAT_COLUMNS) + "\n")
            for d in store.iter_records():
                for cells in polecat_rows(Record.from_dict(d), include_flagged, min_confidence):
                    fh.write("\t".join(_tsv_cell(v) for v in cells) + "\n")
                    n += 1
    finally:
        if own:
            fh.close()
    return n


def to_string(store: Store, fmt: str, **kw: Any) -> str:
    buf = io.StringIO()
    export(store, fmt, out=buf, **kw)
    return buf.getvalue()
