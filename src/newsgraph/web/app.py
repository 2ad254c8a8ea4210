"""The FastAPI application: one route per page, answering HTML, JSON, CSV or JSON Lines.

Every page ``/X`` is one handler, also reachable as ``/api/X`` (JSON by default; that is the
path in the OpenAPI description at ``/docs``). The answer's format comes from ``format=``
(html, json, csv, jsonl), else from the path (``/api/...``: JSON), else from the ``Accept``
header (JSON when asked for and HTML is not), else HTML, as datasette does. The list pages
(articles, statements, actors, timeline, map, network) stream their whole result as CSV or
JSON Lines. All data is read through ``newsgraph.store.read`` (the store's read API).

Forms: an empty parameter is the same as leaving it out (no filter); a bad value is a 422 that
says what was wrong (an HTML page for pages, JSON for ``/api`` and JSON/CSV requests).

Safe by default:
- article text is untrusted: templates autoescape everything, page data reaches scripts only as
  JSON (``tojson``) and scripts write it with ``textContent``; a Content-Security-Policy allows
  scripts from this server only; CSV cells that a spreadsheet would run as a formula are quoted;
- security headers on every response, errors included (400, 404, 413, 422, 500); no server banner;
- read-only unless a token is configured; ``POST /api/articles`` checks the token before it
  reads the body, then extracts in a worker process with a time limit (``web/extract.py``);
- request bodies larger than ``max_body`` (5 MB) are refused with 413 before they are read;
- ids and offsets are bounded (``MAX_ID``, ``MAX_OFFSET``); every query is parameterised
  SQLAlchemy Core; full-text input goes through ``newsgraph.store.fts``.
"""

from __future__ import annotations

import csv
import datetime as dt
import hmac
import io
import json
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Annotated, Optional
from urllib.parse import parse_qsl, urlencode

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import AfterValidator, BaseModel, Field, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..about import __version__
from ..record import RECIPIENT_BASIS_NOTES
from ..store import fts
from ..thresholds import event_min_confidence
from .annotate import layout

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent
MAX_BODY = 5 * 1024 * 1024
MAX_ID = 2**31 - 1  # ids are 32-bit integers in the store
MAX_OFFSET = 100_000  # deeper than this, export the result (format=csv) instead of paging
TOKEN_ENV = "NEWSGRAPH_TOKEN"
FORMATS = ("html", "json", "csv", "jsonl")
EXPORTS = ("csv", "jsonl")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# Swagger UI (served from the fastapi-offline package, not a CDN) needs one inline script.
CSP_DOCS = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]

NAV = [
    ("/", "Overview"),
    ("/articles", "Articles"),
    ("/stories", "Stories"),
    ("/statements", "Statements"),
    ("/actors", "Actors"),
    ("/timeline", "Timeline"),
    ("/map", "Map"),
    ("/network", "Network"),
    ("/docs", "API"),
]


# --------------------------------------------------------------------------- parameters
def _day(v: Optional[str]) -> Optional[str]:
    if v is None:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            return dt.date.fromisoformat(v).isoformat()
    except ValueError:
        pass
    raise ValueError(f"not a date: {v[:40]!r} (write it as YYYY-MM-DD, e.g. 2024-03-05)")


Since = Annotated[
    Optional[str], Query(max_length=40, description="from this day (YYYY-MM-DD, inclusive)"), AfterValidator(_day)
]
Until = Annotated[
    Optional[str], Query(max_length=40, description="to this day (YYYY-MM-DD, inclusive)"), AfterValidator(_day)
]
FORMAT = Query(
    None,
    pattern="^(html|json|csv|jsonl)$",
    description="html, json, csv or jsonl (csv/jsonl: the whole result, streamed)",
)
UNIT = Query(None, pattern="^(day|week|month)$", description="chart buckets: day, week or month (default: by span)")
OFFSET = Query(0, ge=0, le=MAX_OFFSET, description=f"skip this many results (at most {MAX_OFFSET:,})")
MIN_CONFIDENCE = Query(
    None,
    ge=0,
    le=1,
    description="events at or above this confidence (0-1); default: the "
    "documented threshold (docs/events.md, newsgraph.thresholds)",
)
QUOTE_MIN_CONFIDENCE = Query(
    None,
    ge=0,
    le=1,
    description="quotes at or above this confidence (0-1); default: "
    "the documented threshold (docs/quotes.md, newsgraph.thresholds); a quote below it "
    "is never a statement, so a lower value adds nothing",
)
SEARCH_HELP = "search: " + fts.HELP
CUE_TYPE_HELP = (
    "speech: what was said (default); other: beliefs, wishes, polls, findings and other attributions; all: both"
)


def ident(what: str):
    return PathParam(..., ge=1, le=MAX_ID, description=f"the {what}'s id")


class ArticleIn(BaseModel):
    """One article to ingest: the same fields as a line of a .jsonl input file."""

    text: str = Field(..., description="the article text (plain text)")
    id: Optional[str] = Field(None, description="your id for the article (default: the URL, else 'api')")
    url: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = Field(None, description="publication date YYYY-MM-DD (resolves relative dates)")
    source: Optional[str] = Field(None, description="the outlet")


# --------------------------------------------------------------------------- ASGI layers
class DropEmptyParams:
    """``?since=&q=x`` is ``?q=x``: an empty form field means "no filter" on every route."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope.get("query_string"):
            try:
                pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
            except ValueError:
                pairs = None
            if pairs is not None and any(v.strip() == "" for _, v in pairs):
                qs = urlencode([(k, v) for k, v in pairs if v.strip() != ""], encoding="latin-1")
                scope = dict(scope, query_string=qs.encode("latin-1"))
        return await self.app(scope, receive, send)


class Intake:
    """Writes: check the token before anything else (``guard``), then refuse bodies over
    ``limit`` bytes with 413, whether announced by Content-Length or streamed in chunks,
    without reading more than ``limit`` + one chunk."""

    def __init__(self, app, limit: int, guard: Callable[[dict], Optional[tuple[int, str]]]):
        self.app, self.limit, self.guard = app, limit, guard

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        denied = self.guard(scope)
        if denied:
            return await _send_json(
                send, denied[0], denied[1], [(b"www-authenticate", b"Bearer")] if denied[0] == 401 else []
            )
        for k, v in scope.get("headers") or []:
            if k == b"content-length":
                try:
                    too_big = int(v) > self.limit
                except ValueError:
                    too_big = False
                if too_big:
                    return await self._refuse(send)
        if scope.get("method") not in ("POST", "PUT", "PATCH"):
            return await self.app(scope, receive, send)
        chunks, size = [], 0
        while True:
            msg = await receive()
            if msg["type"] == "http.disconnect":
                return
            chunks.append(msg.get("body", b""))
            size += len(chunks[-1])
            if size > self.limit:
                return await self._refuse(send)
            if not msg.get("more_body"):
                break
        body = b"".join(chunks)
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return await self.app(scope, replay, send)

    async def _refuse(self, send):
        await _send_json(send, 413, f"request body too large (limit {self.limit} bytes)", [(b"connection", b"close")])


async def _send_json(send, status: int, detail: str, extra: list) -> None:
    msg = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(msg)).encode()), *extra],
        }
    )
    await send({"type": "http.response.body", "body": msg})


class SecurityHeaders:
    """The security headers on every response this app sends (pages, API, static files and the
    errors made by the layers inside it: 400, 404, 413, 422). 500s get them from the error
    handler (they are sent from outside every layer)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        csp = (CSP_DOCS if scope.get("path") == "/docs" else CSP).encode()

        async def send_with_headers(msg):
            if msg["type"] == "http.response.start":
                have = {k.lower() for k, _ in msg.get("headers") or []}
                extra = [(b"content-security-policy", csp)] + HEADERS
                msg = dict(
                    msg,
                    headers=[(k, v) for k, v in msg.get("headers") or [] if k.lower() != b"server"]
                    + [(k, v) for k, v in extra if k not in have],
                )
            await send(msg)

        return await self.app(scope, receive, send_with_headers)


def secure(resp: Response, path: str = "") -> Response:
    resp.headers["Content-Security-Policy"] = CSP_DOCS if path == "/docs" else CSP
    for k, v in HEADERS:
        resp.headers[k.decode()] = v.decode()
    return resp


# --------------------------------------------------------------------------- helpers
def display_target(db: str) -> str:
    """The store as shown on pages: a database URL without its password."""
    if "://" not in db:
        return db
    try:
        from sqlalchemy.engine import make_url

        return make_url(db).render_as_string(hide_password=True)
    except Exception:
        return db.split("://", 1)[0] + "://..."


def _qs(params: dict, **override) -> str:
    """A query string: the current parameters (empty ones dropped) with some replaced."""
    d = {k: v for k, v in params.items() if v not in (None, "")}
    d.update({k: v for k, v in override.items()})
    return urlencode({k: v for k, v in d.items() if v not in (None, "")})


def _month_end(month: str) -> str:
    """The last day of a 'YYYY-MM' month, as YYYY-MM-DD (the facet link's inclusive 'until')."""
    y, m = (int(x) for x in month[:7].split("-"))
    return (dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)).isoformat()


def _env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(HERE / "templates")),
        autoescape=select_autoescape(["html", "xml"], default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(nav=NAV, version=__version__, search_help=fts.HELP, recipient_notes=RECIPIENT_BASIS_NOTES)
    env.filters["qs"] = _qs
    env.filters["month_end"] = _month_end
    env.filters["num"] = lambda n: f"{n or 0:,}"
    return env


def wanted(request: Request, format: Optional[str]) -> str:
    """The answer's format: ``format=``, else JSON under /api/, else by Accept, else HTML."""
    if format:
        return format
    if request.url.path.startswith("/api/"):
        return "json"
    accept = request.headers.get("accept", "")
    if "application/json" in accept and "text/html" not in accept:
        return "json"
    return "html"


def _wants_html(request: Request) -> bool:
    if request.method != "GET" or request.url.path.startswith(("/api/", "/static", "/openapi")):
        return False
    fmt = request.query_params.get("format")
    if fmt in ("json", "csv", "jsonl"):
        return False
    accept = request.headers.get("accept", "")
    return not ("application/json" in accept and "text/html" not in accept)


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, dict)):
        v = json.dumps(v, ensure_ascii=False)
    s = str(v)
    return "'" + s if s.startswith(_FORMULA) else s  # a spreadsheet must not run it as a formula


def export_response(rows: Iterable[dict], fmt: str, name: str) -> StreamingResponse:
    """Stream ``rows`` as CSV (a header, then one line per row) or JSON Lines."""

    def as_csv() -> Iterator[str]:
        buf = io.StringIO()
        w = csv.writer(buf)
        keys = None
        for r in rows:
            if keys is None:
                keys = list(r)
                w.writerow(keys)
            w.writerow([_cell(r.get(k)) for k in keys])
            if buf.tell() > 64_000:
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
        yield buf.getvalue()

    def as_jsonl() -> Iterator[str]:
        buf = []
        for r in rows:
            buf.append(json.dumps(r, ensure_ascii=False))
            if len(buf) >= 500:
                yield "\n".join(buf) + "\n"
                buf = []
        if buf:
            yield "\n".join(buf) + "\n"

    media = "text/csv; charset=utf-8" if fmt == "csv" else "application/x-ndjson; charset=utf-8"
    return StreamingResponse(
        as_csv() if fmt == "csv" else as_jsonl(),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'},
    )


def search_error(e: fts.SearchError):
    return HTTPException(422, f"q: {e}. {fts.HELP}")


# --------------------------------------------------------------------------- the app
def story_grid(data: dict) -> dict:
    """A story's articles as a grid: one row per outlet, one column per day of its span."""
    days = sorted({a["published"] for a in data["articles"] if a["published"]})
    outlets = sorted({a["source"] or "unknown outlet" for a in data["articles"]})
    cells: dict = {}
    for a in data["articles"]:
        cells.setdefault((a["source"] or "unknown outlet", a["published"]), []).append(a)
    return {
        "days": days,
        "rows": [{"outlet": o, "cells": [cells.get((o, d), []) for d in days]} for o in outlets],
        "undated": [a for a in data["articles"] if not a["published"]],
    }


def create_app(
    db: str,
    *,
    token: Optional[str] = None,
    max_body: int = MAX_BODY,
    store=None,
    nlp_loader=None,
    extract_timeout: Optional[float] = None,
    allowed_hosts: Optional[list[str]] = None,
) -> FastAPI:
    """The web app over the store at ``db`` (a SQLite path or a PostgreSQL URL). ``token``
    enables ``POST /api/articles`` (default: the NEWSGRAPH_TOKEN environment variable).
    ``nlp_loader``: how the extraction worker gets its pipeline (an import path "module:func"
    for a worker process, the default; a callable for a worker thread). ``allowed_hosts``:
    answer only requests for these host names (``newsgraph serve`` on a loopback address passes
    127.0.0.1/localhost, so a web page cannot reach the API through DNS rebinding)."""
    from ..store import open_store
    from .extract import DEFAULT_TIMEOUT, ExtractError, Extractor

    token = token if token is not None else (os.environ.get(TOKEN_ENV) or None)
    store = store or open_store(db)
    env = _env()
    extractor = Extractor(nlp_loader, timeout=extract_timeout or DEFAULT_TIMEOUT)

    app = FastAPI(
        title="newsgraph",
        version=__version__,
        docs_url=None,
        redoc_url=None,
        description="JSON API over a newsgraph store: articles with their records, statements, actors, "
        "events (timeline, map, network). Every page /X of the web app is the same handler "
        "as /api/X: add format=json, csv or jsonl to either. POST /api/articles needs the "
        "server's token.",
    )
    app.state.store = store
    app.state.db = db
    app.state.extractor = extractor
    shown_db = display_target(db)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    try:
        import fastapi_offline

        app.mount(
            "/static-docs",
            StaticFiles(directory=str(Path(fastapi_offline.__file__).parent / "static")),
            name="static-docs",
        )
        have_docs_assets = True
    except ImportError:  # the API still works; /docs says how to get the page
        have_docs_assets = False

    def guard(scope) -> Optional[tuple[int, str]]:
        """POST /api/articles: 403 on a read-only server, 401 without the right token; checked
        before the body is read or validated (an unauthorised caller learns nothing)."""
        if scope.get("method") != "POST" or scope.get("path") != "/api/articles":
            return None
        if not token:
            return 403, (
                "this server is read-only: start it with --token or NEWSGRAPH_TOKEN to allow POST /api/articles"
            )
        headers = {k.lower(): v for k, v in scope.get("headers") or []}
        given = headers.get(b"x-newsgraph-token", b"")
        auth = headers.get(b"authorization", b"")
        if auth[:7].lower() == b"bearer ":
            given = auth[7:].strip()
        if not hmac.compare_digest(given, token.encode()):
            return 401, "missing or wrong token (send 'Authorization: Bearer <token>')"
        return None

    # innermost first: the last one added is the outermost
    app.add_middleware(Intake, limit=max_body, guard=guard)
    if allowed_hosts:
        from starlette.middleware.trustedhost import TrustedHostMiddleware

        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.add_middleware(DropEmptyParams)
    app.add_middleware(SecurityHeaders)

    def render(name: str, request: Request, data: dict, *, title: str, status: int = 200, **extra) -> HTMLResponse:
        params = dict(request.query_params)
        api = ("/api" + request.url.path) if request.url.path != "/" else "/api/overview"
        html = env.get_template(name).render(
            data=data,
            title=title,
            path=request.url.path,
            api_url=api + (f"?{_qs(params)}" if params else ""),
            csv_url=None,
            db=shown_db,
            token_set=bool(token),
            params=params,
            **extra,
        )
        return HTMLResponse(html, status_code=status)

    def answer(request: Request, fmt: str, data: dict, template: str, *, title: str, **extra) -> Response:
        if fmt == "json":
            return JSONResponse(data)
        if fmt in EXPORTS:
            raise HTTPException(
                422,
                f"format={fmt} is for list pages (articles, statements, actors, timeline, "
                "map, network); use format=json here",
            )
        return render(template, request, data, title=title, **extra)

    def page(path: str, api_path: Optional[str] = None, **kw):
        """Register one handler for the page ``path`` and its API path (in the OpenAPI document)."""

        def deco(fn):
            app.add_api_route(path, fn, methods=["GET"], include_in_schema=False, response_class=HTMLResponse)
            app.add_api_route(api_path or "/api" + path, fn, methods=["GET"], **kw)
            return fn

        return deco

    def not_found(what: str):
        raise HTTPException(status_code=404, detail=f"no such {what}")

    # first, so that /actors/5.json is not taken for actor "5.json"
    @app.get("/{page:path}.json", include_in_schema=False)
    def json_suffix(request: Request, page: str):
        """datasette-style: /statements.json, /actors/5.json, /index.json are the JSON answers."""
        target = "/api/overview" if page in ("", "index") else f"/api/{page}"
        qs = request.url.query
        return RedirectResponse(target + (f"?{qs}" if qs else ""), status_code=307)

    # ------------------------------------------------------------------ pages (and their JSON)
    @page("/", "/api/overview", tags=["pages"], summary="Counts, latest articles, most present actors and statements")
    def overview(request: Request, format: Optional[str] = FORMAT):
        fmt = wanted(request, format)
        data = store.overview()
        if fmt == "html" and data["empty"]:
            return render("empty.html", request, data, title="No articles yet")
        return answer(request, fmt, data, "home.html", title="Overview")

    @app.get("/api/facets", tags=["pages"], summary="Values for filter menus (event types, outlets, kinds)")
    def api_facets():
        return store.facets()

    @app.get(
        "/api/suggest",
        tags=["actors"],
        summary="Actors whose name (or a word of it) starts with q: the speaker autocomplete",
    )
    def api_suggest(q: str = Query(..., min_length=1, max_length=100), limit: int = Query(10, ge=1, le=50)):
        return {
            "results": [
                dict(r, value=f"{r['name']} · {r['country'] or '-'} · #{r['id']}")
                for r in store.suggest_actors(q, limit=limit)
            ]
        }

    @page("/articles", tags=["articles"], summary="Articles, newest first: search, outlet, dates; volume over time")
    def articles(
        request: Request,
        q: Optional[str] = Query(None, max_length=500, description=SEARCH_HELP),
        outlet: Optional[str] = Query(None, max_length=256, description="the outlet, exactly"),
        since: Since = None,
        until: Until = None,
        unit: Optional[str] = UNIT,
        limit: int = Query(50, ge=1, le=500),
        offset: int = OFFSET,
        format: Optional[str] = FORMAT,
    ):
        fmt = wanted(request, format)
        try:
            if fmt in EXPORTS:
                return export_response(
                    store.iter_articles(q=q, outlet=outlet, since=since, until=until), fmt, "articles"
                )
            data = store.search_articles(
                q=q, outlet=outlet, since=since, until=until, unit=unit, limit=limit, offset=offset
            )
        except fts.SearchError as e:
            raise search_error(e) from None
        return answer(request, fmt, data, "articles.html", title="Articles", facets=store.facets())

    @page(
        "/articles/{article_id}",
        tags=["articles"],
        summary="One article: its row, its full record (docs/output.md) and its actor ids",
    )
    def article(request: Request, article_id: int = ident("article"), format: Optional[str] = FORMAT):
        fmt = wanted(request, format)
        data = store.article_page(article_id) or not_found("article")
        data["story"] = store.story_of_article(article_id)
        data["responses"] = store.list_responses(article_ids=[article_id], limit=500)
        if fmt != "html":
            return answer(request, fmt, data, "article.html", title="")
        threshold = event_min_confidence()
        lay = layout(data["record"], data["actor_ids"], threshold)
        return render(
            "article.html",
            request,
            data,
            title=data["article"]["title"] or data["article"]["key"],
            lay=lay,
            event_threshold=threshold,
        )

    @page(
        "/statements",
        tags=["statements"],
        summary="What was said: search, speaker, filters; one result per statement with its sources, "
        "totals, facet counts and volume over time",
    )
    def statements(
        request: Request,
        q: Optional[str] = Query(None, max_length=500, description=SEARCH_HELP),
        speaker: Optional[str] = Query(
            None,
            max_length=300,
            description=(
                "the speaker: an actor id (57 or #57, as the autocomplete gives it); a name is "
                "taken when exactly one actor has it, else the answer lists the choices"
            ),
        ),
        country: Optional[str] = Query(None, pattern="^[A-Za-z]{2,8}$", description="speaker's country code"),
        outlet: Optional[str] = Query(None, max_length=256, description="the outlet, exactly"),
        kind: Optional[str] = Query(None, pattern="^(direct|indirect|mixed)$"),
        cue_type: str = Query("speech", pattern="^(speech|other|all)$", description=CUE_TYPE_HELP),
        since: Since = None,
        until: Until = None,
        unit: Optional[str] = UNIT,
        limit: int = Query(20, ge=1, le=200),
        offset: int = OFFSET,
        format: Optional[str] = FORMAT,
        min_confidence: Optional[float] = QUOTE_MIN_CONFIDENCE,
    ):
        fmt = wanted(request, format)
        speaker_id, who = None, None
        if speaker:
            who = store.resolve_actor(speaker)
            if who["actor"] is None:
                data = {
                    "results": [],
                    "total": 0,
                    "total_quotes": 0,
                    "total_capped": False,
                    "more": False,
                    "limit": limit,
                    "offset": offset,
                    "speaker": None,
                    "speaker_choices": who["choices"],
                    "notice": (
                        f"No actor is named exactly {speaker!r}: pick one below."
                        if who["choices"]
                        else f"No actor matches {speaker!r}."
                    ),
                }
                if fmt in EXPORTS:
                    raise HTTPException(422, data["notice"])
                return answer(request, fmt, data, "statements.html", title="Statements", facets=store.facets())
            speaker_id = who["actor"]["id"]
        ct = None if cue_type == "all" else cue_type
        kw = dict(
            q=q,
            speaker_id=speaker_id,
            country=country,
            outlet=outlet,
            kind=kind,
            cue_type=ct,
            since=since,
            until=until,
            min_confidence=min_confidence,
        )
        try:
            if fmt in EXPORTS:
                return export_response(store.iter_quotes(**kw), fmt, "statements")
            data = store.search_statements(**kw, unit=unit, limit=limit, offset=offset)
        except fts.SearchError as e:
            raise search_error(e) from None
        data["speaker"] = who["actor"] if who else None
        return answer(request, fmt, data, "statements.html", title="Statements", facets=store.facets())

    @page("/statements/{statement_id}", tags=["statements"], summary="One statement with every source reporting it")
    def statement(request: Request, statement_id: int = ident("statement"), format: Optional[str] = FORMAT):
        data = store.statement_page(statement_id) or not_found("statement")
        return answer(request, wanted(request, format), data, "statement.html", title="Statement")

    @page("/stories", tags=["stories"], summary="Stories (the same happening across outlets), latest first")
    def stories_(
        request: Request,
        q: Optional[str] = Query(None, max_length=200, description="part of the title"),
        min_articles: int = Query(1, ge=1, le=10_000, description="told by at least N articles"),
        since: Since = None,
        until: Until = None,
        limit: int = Query(50, ge=1, le=500),
        offset: int = OFFSET,
        format: Optional[str] = FORMAT,
    ):
        fmt = wanted(request, format)
        kw = dict(title=q, since=since, until=until, min_articles=min_articles)
        if fmt in EXPORTS:
            return export_response(store.list_stories(**kw, limit=None), fmt, "stories")
        rows = store.list_stories(**kw, limit=limit + 1, offset=offset)
        data = {"results": rows[:limit], "limit": limit, "offset": offset, "more": len(rows) > limit}
        return answer(request, fmt, data, "stories.html", title="Stories")

    @page(
        "/stories/{story_id}",
        tags=["stories"],
        summary="One story: its articles by outlet on a time axis, its statements with their responses, its events",
    )
    def story(request: Request, story_id: int = ident("story"), format: Optional[str] = FORMAT):
        data = store.story_page(story_id) or not_found("story")
        fmt = wanted(request, format)
        if fmt != "html":
            return answer(request, fmt, data, "story.html", title="")
        return render("story.html", request, data, title=data["title"] or f"story {story_id}", grid=story_grid(data))

    @page("/actors", tags=["actors"], summary="Actors (one per canonical name and country), most present first")
    def actors(
        request: Request,
        q: Optional[str] = Query(None, max_length=200, description="part of the name"),
        country: Optional[str] = Query(None, pattern="^[A-Za-z]{2,8}$", description="country code, e.g. RUS"),
        limit: int = Query(50, ge=1, le=500),
        offset: int = OFFSET,
        format: Optional[str] = FORMAT,
    ):
        fmt = wanted(request, format)
        if fmt in EXPORTS:
            return export_response(store.iter_actors(q=q, country=country), fmt, "actors")
        data = store.actors_page(q=q, country=country, limit=limit, offset=offset)
        return answer(request, fmt, data, "actors.html", title="Actors")

    @page(
        "/actors/{actor_id}",
        tags=["actors"],
        summary="One actor: what it said, did and had done to it, on a timeline; roles, country, activity",
    )
    def actor(
        request: Request,
        actor_id: int = ident("actor"),
        limit: int = Query(100, ge=1, le=1000),
        unit: Optional[str] = UNIT,
        format: Optional[str] = FORMAT,
    ):
        data = store.actor_page(actor_id, limit=limit, unit=unit) or not_found("actor")
        data["responded_to"] = store.list_responses(speaker_id=actor_id, limit=limit)
        data["answered_by"] = store.list_responses(to_speaker_id=actor_id, limit=limit)
        return answer(request, wanted(request, format), data, "actor.html", title=data["name"])

    @page("/timeline", tags=["events"], summary="Events over time (stacked by type) and the events, newest first")
    def timeline(
        request: Request,
        type: Optional[str] = Query(None, pattern=r"^[A-Za-z_]{1,32}$"),
        place: Optional[str] = Query(None, max_length=200, description="place name part or country code"),
        since: Since = None,
        until: Until = None,
        unit: Optional[str] = UNIT,
        limit: int = Query(100, ge=1, le=1000),
        offset: int = OFFSET,
        format: Optional[str] = FORMAT,
        min_confidence: Optional[float] = MIN_CONFIDENCE,
    ):
        fmt = wanted(request, format)
        if fmt in EXPORTS:
            return export_response(
                store.iter_events(type=type, place=place, since=since, until=until, min_confidence=min_confidence),
                fmt,
                "events",
            )
        data = store.timeline(
            type=type,
            place=place,
            since=since,
            until=until,
            unit=unit,
            limit=limit,
            offset=offset,
            min_confidence=min_confidence,
        )
        return answer(request, fmt, data, "timeline.html", title="Timeline", facets=store.facets())

    @page("/map", tags=["events"], summary="Places of events and quotes, with counts, coordinates and confidence")
    def map_(
        request: Request,
        type: Optional[str] = Query(None, pattern=r"^[A-Za-z_]{1,32}$"),
        since: Since = None,
        until: Until = None,
        format: Optional[str] = FORMAT,
    ):
        fmt = wanted(request, format)
        data = store.map_points(type=type, since=since, until=until)
        if fmt in EXPORTS:
            return export_response(
                ({k: v for k, v in p.items() if k not in ("types", "href")} for p in data["points"]), fmt, "places"
            )
        return answer(request, fmt, data, "map.html", title="Map", facets=store.facets())

    @page(
        "/network",
        tags=["events"],
        summary="The most connected actors of a period and who consults, accuses, meets or quotes whom",
    )
    def network(
        request: Request,
        type: Optional[str] = Query(None, pattern=r"^[A-Za-z_]{1,32}$"),
        since: Since = None,
        until: Until = None,
        nodes: int = Query(30, ge=2, le=200, description="how many actors (the most connected)"),
        min_weight: Optional[int] = Query(
            None,
            ge=1,
            le=1_000_000,
            description=(
                "keep relations seen at least this often (default: the smallest count that leaves "
                "about three relations per actor)"
            ),
        ),
        format: Optional[str] = FORMAT,
        min_confidence: Optional[float] = MIN_CONFIDENCE,
    ):
        fmt = wanted(request, format)
        data = store.network(
            type=type, since=since, until=until, nodes=nodes, min_weight=min_weight, min_confidence=min_confidence
        )
        if fmt in EXPORTS:
            names = {n["id"]: n["name"] for n in data["nodes"]}
            return export_response(
                (
                    {
                        "source_id": e["source"],
                        "source": names.get(e["source"]),
                        "type": e["type"],
                        "target_id": e["target"],
                        "target": names.get(e["target"]),
                        "n": e["n"],
                    }
                    for e in data["edges"]
                ),
                fmt,
                "network",
            )
        return answer(
            request,
            fmt,
            data,
            "network.html",
            title="Network",
            facets=store.facets(),
            relations=list(data["relations"]),
        )

    # ------------------------------------------------------------------ writing
    @app.post(
        "/api/articles",
        tags=["articles"],
        status_code=201,
        summary="Ingest one article (needs the server's token): extract and store it",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": ArticleIn.model_json_schema()}},
            }
        },
        responses={
            401: {"description": "missing or wrong token (checked before the body is read)"},
            403: {"description": "server is read-only (no token configured)"},
            413: {"description": "body over the size limit"},
            422: {"description": "the article could not be read or extracted (or took too long)"},
        },
    )
    async def api_ingest(request: Request):
        # the token was checked by the Intake layer before the body was read
        try:
            article_in = ArticleIn.model_validate_json(await request.body())
        except ValidationError as e:
            raise HTTPException(
                422,
                [
                    {"loc": list(x["loc"]), "msg": x["msg"], "type": x["type"]}
                    for x in e.errors(include_url=False, include_input=False)
                ],
            ) from None
        from ..article import ArticleError, check_text, normalise_date

        ident_ = article_in.id or article_in.url or "api"
        try:
            check_text(article_in.text, ident_)
        except ArticleError as e:
            raise HTTPException(422, str(e)) from None
        published = normalise_date(article_in.published) if article_in.published else None
        if article_in.published and not published:
            raise HTTPException(422, f"published must be a date YYYY-MM-DD, not {article_in.published[:40]!r}")
        art = dict(
            id=ident_,
            text=article_in.text,
            url=article_in.url,
            title=article_in.title,
            published=published,
            source=article_in.source,
        )
        try:
            record = await run_in_threadpool(extractor.run, art)
        except ExtractError as e:
            raise HTTPException(422, str(e)) from None
        new_id = await run_in_threadpool(store.add_record, record)
        if new_id is None:
            return JSONResponse(
                {"stored": False, "duplicate": True, "detail": "already stored (same URL or same text)"},
                status_code=200,
            )
        return JSONResponse(
            {
                "stored": True,
                "duplicate": False,
                "id": new_id,
                "url": f"/articles/{new_id}",
                **{k: len(record.get(k) or []) for k in ("quotes", "events", "entities", "places", "times")},
            },
            status_code=201,
        )

    # ------------------------------------------------------------------ the rest
    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs_page():
        if not have_docs_assets:
            return HTMLResponse(
                "<p>The API page needs the fastapi-offline package (pip install fastapi-offline); "
                "the API description is at <a href='/openapi.json'>/openapi.json</a>.</p>"
            )
        from fastapi.openapi.docs import get_swagger_ui_html

        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="newsgraph API",
            swagger_js_url="/static-docs/swagger-ui-bundle.js",
            swagger_css_url="/static-docs/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return RedirectResponse("/static/favicon.svg")

    def error_page(request: Request, status: int, title: str, problems: list[str]) -> HTMLResponse:
        html = env.get_template("error.html").render(
            title=title,
            status=status,
            problems=problems,
            path=request.url.path,
            api_url=None,
            db=shown_db,
            params={},
            token_set=bool(token),
        )
        return HTMLResponse(html, status_code=status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if exc.status_code >= 400 and _wants_html(request):
            title = {404: "Not found", 405: "Not allowed", 422: "Something in the request is not right"}.get(
                exc.status_code, f"Error {exc.status_code}"
            )
            detail = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
            return error_page(request, exc.status_code, title, [detail])
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def bad_params(request: Request, exc: RequestValidationError):
        if not _wants_html(request):
            return await request_validation_exception_handler(request, exc)
        problems = []
        for e in exc.errors():
            name = str(e["loc"][-1]) if e.get("loc") else "request"
            msg = e.get("msg", "invalid").removeprefix("Value error, ")
            m = re.fullmatch(r"\^\(([\w|]+)\)\$", str((e.get("ctx") or {}).get("pattern", "")))
            if e.get("type") == "string_pattern_mismatch" and m:
                msg = "must be one of " + ", ".join(m.group(1).split("|"))
            given = e.get("input")
            shown = f" (given: {str(given)[:60]!r})" if isinstance(given, (str, int)) and given != {} else ""
            problems.append(f"{name}: {msg}{shown}")
        return error_page(request, 422, "Something in the request is not right", problems)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        log.exception("error answering %s %s", request.method, request.url.path)
        if _wants_html(request):
            resp: Response = error_page(
                request,
                500,
                "Something went wrong on the server",
                ["The error was logged. Try again, or change the request."],
            )
        else:
            resp = JSONResponse({"detail": "internal server error (logged)"}, status_code=500)
        return secure(resp, request.url.path)  # sent from outside the header layer

    app.router.on_shutdown.append(extractor.close)

    return app
