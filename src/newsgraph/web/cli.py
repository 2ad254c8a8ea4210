"""``newsgraph serve``: the web app and JSON API over a store."""

from __future__ import annotations

import argparse
import os
import sys

EPILOG = """\
examples:
  newsgraph serve                                   the demo store built by scripts/setup.sh
  newsgraph serve --db corpus.db --port 8080
  newsgraph serve --db postgresql://me@localhost/news --host 0.0.0.0 --token "$SECRET"

Pages: / (overview), /articles, /statements, /actors, /timeline, /map, /network; each page /X
is also /api/X and answers format=html, json, csv or jsonl (csv/jsonl: the whole result); the
API is described at /docs (OpenAPI at /openapi.json). Searches: stemmed words, "phrases",
prefix*, OR, NOT (docs/web.md).
The server is read-only unless a token is given (--token or the NEWSGRAPH_TOKEN environment
variable); then POST /api/articles with 'Authorization: Bearer TOKEN' ingests one article.
"""


def register(sub) -> None:
    from ..store import DEFAULT_DB

    p = sub.add_parser(
        "serve",
        help="web app and JSON API over a store (articles, statements, actors, map, ...)",
        description="Serve a newsgraph store: HTML pages and a JSON API on the same data.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "--db",
        default=os.environ.get("NEWSGRAPH_DB", DEFAULT_DB),
        metavar="TARGET",
        help=f"SQLite file or postgresql:// URL (default: $NEWSGRAPH_DB or {DEFAULT_DB}, where "
        "scripts/setup.sh puts the sample articles)",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument(
        "--token",
        default=None,
        help="allow POST /api/articles with this bearer token (default: $NEWSGRAPH_TOKEN, better: a command "
        "line is visible to other users; none = read-only)",
    )
    p.add_argument(
        "--max-body",
        type=int,
        default=5 * 1024 * 1024,
        metavar="BYTES",
        help="refuse request bodies larger than this with 413 (default 5 MB)",
    )
    p.add_argument(
        "--extract-timeout",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="POST /api/articles: fail an article whose extraction takes longer (default 60)",
    )
    p.set_defaults(func=cmd_serve)


LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}


def allowed_hosts(host: str):
    """On a loopback address only requests for loopback names are answered (no DNS
    rebinding); on any other address every Host is accepted."""
    return ["127.0.0.1", "localhost", "[::1]", "::1"] if host in LOOPBACK else None


def cmd_serve(args) -> int:
    import uvicorn

    from ..store import StoreError
    from .app import create_app, display_target

    try:
        app = create_app(
            args.db,
            token=args.token,
            max_body=args.max_body,
            allowed_hosts=allowed_hosts(args.host),
            extract_timeout=args.extract_timeout,
        )
    except StoreError as e:
        print(f"newsgraph serve: {e}", file=sys.stderr)
        return 2
    token = args.token or os.environ.get("NEWSGRAPH_TOKEN")
    mode = "ingest enabled (token set)" if token else "read-only"
    print(
        f"newsgraph: serving {display_target(args.db)} on http://{args.host}:{args.port}/ ({mode}); Ctrl-C stops",
        file=sys.stderr,
    )
    uvicorn.Server(server_config(app, args.host, args.port)).run()
    return 0


def server_config(app, host: str, port: int):
    """uvicorn's settings for the app: no ``Server:`` banner, quiet logs."""
    import uvicorn

    return uvicorn.Config(app, host=host, port=port, log_level="warning", server_header=False)
