"""The FastAPI application: a JSON API (``/api/...``, described at ``/docs``) and HTML pages over
the same data. Every page ``/X`` has its JSON twin ``/api/X`` with the same query parameters
(datasette-style), and the page links to it.

Safe by default:
- article text is untrusted: templates autoescape everything, page data reaches scripts only as
  JSON (``tojson``) and scripts write it with ``textContent``; a Content-Security-Policy allows
  scripts from this server only, so injected markup could not run even if it got through;
- read-only unless a token is configured (``--token`` or ``NEWSGRAPH_TOKEN``): ``POST
  /api/articles`` (ingest one article) needs ``Authorization: Bearer <token>``;
- request bodies larger than ``max_body`` (5 MB) are refused with 413 before they are read;
- every query is parameterised SQLAlchemy Core.
"""
from __future__ import annotations

import hmac
import logging
import os
import threading
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Header, HTTPException, Path as PathParam, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import BaseModel, Field

from .. import __version__
from . import queries
from .annotate import layout

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent
MAX_BODY = 5 * 1024 * 1024
DATE = r"^\d{4}-\d{2}-\d{2}$"
UNIT = "^(day|week|month)?$"
TOKEN_ENV = "NEWSGRAPH_TOKEN"

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# Swagger UI (served from the fastapi-offline package, not a CDN) needs one inline script.
CSP_DOCS = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")

NAV = [("/", "Overview"), ("/articles", "Articles"), ("/statements", "Statements"), ("/actors", "Actors"),
       ("/timeline", "Timeline"), ("/map", "Map"), ("/network", "Network"), ("/docs", "API")]


class BodyLimit:
    """ASGI middleware: refuse request bodies over ``limit`` bytes with 413, whether announced
    by Content-Length or streamed in chunks, without reading more than ``limit`` + one chunk."""

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
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
        msg = f'{{"detail": "request body too large (limit {self.limit} bytes)"}}'.encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(msg)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": msg})


class ArticleIn(BaseModel):
    """One article to ingest: the same fields as a line of a .jsonl input file."""

    text: str = Field(..., description="the article text (plain text)")
    id: Optional[str] = Field(None, description="your id for the article (default: the URL, else 'api')")
    url: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = Field(None, description="publication date YYYY-MM-DD (resolves relative dates)")
    source: Optional[str] = Field(None, description="the outlet")


class Filters:
    """Date range shared by the pages (inclusive, YYYY-MM-DD)."""

    def __init__(self, since: Optional[str] = Query(None, pattern=DATE, description="from day YYYY-MM-DD"),
                 until: Optional[str] = Query(None, pattern=DATE, description="to day YYYY-MM-DD (inclusive)")):
        self.since, self.until = since, until


def _opt(v: Optional[str]) -> Optional[str]:
    return (v.strip() or None) if v else None


def display_target(db: str) -> str:
    """The store as shown on pages: a database URL without its password."""
    if "://" not in db:
        return db
    try:
        from sqlalchemy.engine import make_url

        return make_url(db).render_as_string(hide_password=True)
    except Exception:
        return db.split("://", 1)[0] + "://..."


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")),
                      autoescape=select_autoescape(["html", "xml"], default_for_string=True, default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(nav=NAV, version=__version__)
    env.filters["qs"] = _qs
    return env


def _qs(params: dict, **override) -> str:
    """A query string: the current parameters (empty ones dropped) with some replaced."""
    d = {k: v for k, v in params.items() if v not in (None, "")}
    d.update({k: v for k, v in override.items()})
    return urlencode({k: v for k, v in d.items() if v not in (None, "")})


CUE_TYPE_HELP = ("speech: what was said (default); other: beliefs, wishes, polls, findings and other "
                 "attributions; all: both")


def create_app(db: str, *, token: Optional[str] = None, max_body: int = MAX_BODY, store=None,
               nlp_loader=None, allowed_hosts: Optional[list[str]] = None) -> FastAPI:
    """The web app over the store at ``db`` (a SQLite path or a PostgreSQL URL). ``token``
    enables ``POST /api/articles`` (default: the NEWSGRAPH_TOKEN environment variable).
    ``allowed_hosts``: answer only requests for these host names (``newsgraph serve`` on a
    loopback address passes 127.0.0.1/localhost, so a web page cannot reach the API through
    DNS rebinding); None accepts any."""
    from ..store import open_store

    token = token if token is not None else (os.environ.get(TOKEN_ENV) or None)
    store = store or open_store(db)
    env = _env()
    ingest_lock = threading.Lock()
    nlp_box: dict[str, Any] = {}

    app = FastAPI(title="newsgraph", version=__version__, docs_url=None, redoc_url=None,
                  description="Read-only JSON API over a newsgraph store: articles with their records, "
                              "statements, actors, events (timeline, map, network). Every HTML page /X has "
                              "its JSON twin /api/X. POST /api/articles needs the server's token.")
    app.state.store = store
    app.state.db = db
    shown_db = display_target(db)
    app.state.token_set = bool(token)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    try:
        import fastapi_offline

        app.mount("/static-docs", StaticFiles(directory=str(Path(fastapi_offline.__file__).parent / "static")),
                  name="static-docs")
        have_docs_assets = True
    except ImportError:  # the API still works; /docs says how to get the page
        have_docs_assets = False

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        resp = await call_next(request)
        path = request.url.path
        resp.headers["Content-Security-Policy"] = CSP_DOCS if path == "/docs" else CSP
        resp.headers["X-Content-Type-Options"] = "nosniff"
        resp.headers["Referrer-Policy"] = "no-referrer"
        resp.headers["X-Frame-Options"] = "DENY"
        return resp

    app.add_middleware(BodyLimit, limit=max_body)
    if allowed_hosts:
        from starlette.middleware.trustedhost import TrustedHostMiddleware

        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))

    def page(name: str, request: Request, data: dict, *, title: str, api: str, status: int = 200, **extra):
        qs = request.url.query
        html = env.get_template(name).render(
            data=data, title=title, path=request.url.path, api_url=api + (f"?{qs}" if qs else ""),
            db=shown_db, token_set=bool(token), params=dict(request.query_params), **extra)
        return HTMLResponse(html, status_code=status)

    def not_found(what: str):
        raise HTTPException(status_code=404, detail=f"no such {what}")

    # first, so that /actors/5.json is not taken for actor "5.json"
    @app.get("/{page:path}.json", include_in_schema=False)
    def json_suffix(request: Request, page: str):
        """datasette-style: /statements.json, /actors/5.json, /index.json are the JSON twins."""
        target = "/api/overview" if page in ("", "index") else f"/api/{page}"
        qs = request.url.query
        return RedirectResponse(target + (f"?{qs}" if qs else ""), status_code=307)

    # ------------------------------------------------------------------ JSON API
    @app.get("/api/overview", tags=["pages"], summary="Counts, latest articles, most present actors")
    def api_overview():
        return queries.overview(store)

    @app.get("/api/facets", tags=["pages"], summary="Values for filter menus (event types, outlets, kinds)")
    def api_facets():
        return queries.facets(store)

    @app.get("/api/articles", tags=["articles"], summary="Articles, newest first; q = full-text phrase")
    def api_articles(q: Optional[str] = Query(None, max_length=200), outlet: Optional[str] = Query(None, max_length=200),
                     f: Filters = Depends(), limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0)):
        return queries.articles(store, q=_opt(q), outlet=_opt(outlet), since=f.since, until=f.until,
                                limit=limit, offset=offset)

    @app.get("/api/articles/{article_id}", tags=["articles"],
             summary="One article: its row, its full record (docs/output.md) and its actor ids")
    def api_article(article_id: int = PathParam(..., ge=1)):
        return queries.article(store, article_id) or not_found("article")

    @app.post("/api/articles", tags=["articles"], status_code=201,
              summary="Ingest one article (needs the server's token): extract and store it",
              responses={401: {"description": "missing or wrong token"},
                         403: {"description": "server is read-only (no token configured)"},
                         413: {"description": "body over the size limit"},
                         422: {"description": "the article could not be extracted"}})
    def api_ingest(article: ArticleIn, authorization: Optional[str] = Header(None),
                   x_newsgraph_token: Optional[str] = Header(None)):
        if not token:
            raise HTTPException(403, "this server is read-only: start it with --token or NEWSGRAPH_TOKEN to "
                                     "allow POST /api/articles")
        given = x_newsgraph_token or ""
        if authorization and authorization.lower().startswith("bearer "):
            given = authorization[7:].strip()
        if not hmac.compare_digest(given.encode(), token.encode()):
            raise HTTPException(401, "missing or wrong token (send 'Authorization: Bearer <token>')",
                                headers={"WWW-Authenticate": "Bearer"})
        return ingest_one(article)

    def ingest_one(article: ArticleIn):
        from ..article import Article, ArticleError, check_text, normalise_date
        from ..pipeline import load_nlp, process

        ident = article.id or article.url or "api"
        try:
            check_text(article.text, ident)
        except ArticleError as e:
            raise HTTPException(422, str(e))
        if article.published and not normalise_date(article.published):
            raise HTTPException(422, f"published must be a date YYYY-MM-DD, not {article.published!r}")
        art = Article(id=ident, text=article.text, url=article.url, title=article.title,
                      published=normalise_date(article.published), source=article.source)
        with ingest_lock:  # one extraction at a time; the pipeline is loaded once
            if "nlp" not in nlp_box:
                nlp_box["nlp"] = (nlp_loader or load_nlp)()
            result = next(iter(process([art], nlp_box["nlp"])))
            if isinstance(result, Exception):
                raise HTTPException(422, str(result))
            new_id = store.add_record(result)
        if new_id is None:
            return JSONResponse({"stored": False, "duplicate": True,
                                 "detail": "already stored (same URL or same text)"}, status_code=200)
        return {"stored": True, "duplicate": False, "id": new_id, "url": f"/articles/{new_id}",
                "quotes": len(result.quotes), "events": len(result.events), "entities": len(result.entities),
                "places": len(result.places), "times": len(result.times)}

    @app.get("/api/statements", tags=["statements"],
             summary="What was said: full-text search and filters; one result per statement with its sources")
    def api_statements(q: Optional[str] = Query(None, max_length=200, description="full-text phrase"),
                       speaker: Optional[str] = Query(None, max_length=200, description="name substring or country code"),
                       outlet: Optional[str] = Query(None, max_length=200),
                       kind: Optional[str] = Query(None, pattern="^(direct|indirect|mixed)?$"),
                       cue_type: str = Query("speech", pattern="^(speech|other|all)$", description=CUE_TYPE_HELP),
                       f: Filters = Depends(), limit: int = Query(20, ge=1, le=200), offset: int = Query(0, ge=0)):
        return queries.statements(store, q=_opt(q), speaker=_opt(speaker), outlet=_opt(outlet), kind=_opt(kind),
                                  cue_type=None if cue_type == "all" else cue_type,
                                  since=f.since, until=f.until, limit=limit, offset=offset)

    @app.get("/api/actors", tags=["actors"], summary="Actors (one per canonical name and country)")
    def api_actors(q: Optional[str] = Query(None, max_length=200), country: Optional[str] = Query(None, max_length=8),
                   limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0)):
        return queries.actors(store, q=_opt(q), country=_opt(country), limit=limit, offset=offset)

    @app.get("/api/actors/{actor_id}", tags=["actors"],
             summary="One actor: what it said, did and had done to it, on a timeline; roles, country")
    def api_actor(actor_id: int = PathParam(..., ge=1), limit: int = Query(100, ge=1, le=1000)):
        return queries.actor(store, actor_id, limit=limit) or not_found("actor")

    @app.get("/api/timeline", tags=["events"], summary="Events per day and type, and the events themselves")
    def api_timeline(type: Optional[str] = Query(None, max_length=32), place: Optional[str] = Query(None, max_length=200),
                     unit: Optional[str] = Query(None, pattern=UNIT, description="day, week or month (default: by span)"),
                     f: Filters = Depends(), limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0)):
        return queries.timeline(store, type=_opt(type), place=_opt(place), since=f.since, until=f.until,
                                unit=_opt(unit), limit=limit, offset=offset)

    @app.get("/api/map", tags=["events"], summary="Places of events and quotes, with counts and coordinates")
    def api_map(type: Optional[str] = Query(None, max_length=32), f: Filters = Depends()):
        return queries.map_points(store, type=_opt(type), since=f.since, until=f.until)

    @app.get("/api/network", tags=["events"],
             summary="Actors and who consults, accuses, meets or quotes whom (edges counted)")
    def api_network(type: Optional[str] = Query(None, max_length=32), f: Filters = Depends(),
                    nodes: int = Query(60, ge=2, le=300)):
        return queries.network(store, type=_opt(type), since=f.since, until=f.until, max_nodes=nodes)

    # ------------------------------------------------------------------ HTML pages
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request):
        data = queries.overview(store)
        if data["empty"]:
            return page("empty.html", request, data, title="No articles yet", api="/api/overview")
        return page("home.html", request, data, title="Overview", api="/api/overview")

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles_page(request: Request, q: Optional[str] = Query(None, max_length=200),
                      outlet: Optional[str] = Query(None, max_length=200), f: Filters = Depends(),
                      offset: int = Query(0, ge=0)):
        data = queries.articles(store, q=_opt(q), outlet=_opt(outlet), since=f.since, until=f.until, offset=offset)
        return page("articles.html", request, data, title="Articles", api="/api/articles",
                    facets=queries.facets(store))

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: int = PathParam(..., ge=1)):
        data = queries.article(store, article_id) or not_found("article")
        lay = layout(data["record"], data["actor_ids"])
        return page("article.html", request, data, title=data["article"]["title"] or data["article"]["key"],
                    api=f"/api/articles/{article_id}", lay=lay)

    @app.get("/statements", response_class=HTMLResponse, include_in_schema=False)
    def statements_page(request: Request, q: Optional[str] = Query(None, max_length=200),
                        speaker: Optional[str] = Query(None, max_length=200),
                        outlet: Optional[str] = Query(None, max_length=200),
                        kind: Optional[str] = Query(None, pattern="^(direct|indirect|mixed)?$"),
                        cue_type: str = Query("speech", pattern="^(speech|other|all)$"),
                        f: Filters = Depends(), offset: int = Query(0, ge=0)):
        data = queries.statements(store, q=_opt(q), speaker=_opt(speaker), outlet=_opt(outlet), kind=_opt(kind),
                                  cue_type=None if cue_type == "all" else cue_type,
                                  since=f.since, until=f.until, offset=offset)
        return page("statements.html", request, data, title="Statements", api="/api/statements",
                    facets=queries.facets(store))

    @app.get("/actors", response_class=HTMLResponse, include_in_schema=False)
    def actors_page(request: Request, q: Optional[str] = Query(None, max_length=200),
                    country: Optional[str] = Query(None, max_length=8), offset: int = Query(0, ge=0)):
        data = queries.actors(store, q=_opt(q), country=_opt(country), offset=offset)
        return page("actors.html", request, data, title="Actors", api="/api/actors")

    @app.get("/actors/{actor_id}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, actor_id: int = PathParam(..., ge=1)):
        data = queries.actor(store, actor_id) or not_found("actor")
        return page("actor.html", request, data, title=data["name"], api=f"/api/actors/{actor_id}")

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request, type: Optional[str] = Query(None, max_length=32),
                      place: Optional[str] = Query(None, max_length=200), unit: Optional[str] = Query(None, pattern=UNIT),
                      f: Filters = Depends(), offset: int = Query(0, ge=0)):
        data = queries.timeline(store, type=_opt(type), place=_opt(place), since=f.since, until=f.until,
                                unit=_opt(unit), offset=offset)
        return page("timeline.html", request, data, title="Timeline", api="/api/timeline",
                    facets=queries.facets(store))

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request, type: Optional[str] = Query(None, max_length=32), f: Filters = Depends()):
        data = queries.map_points(store, type=_opt(type), since=f.since, until=f.until)
        return page("map.html", request, data, title="Map", api="/api/map", facets=queries.facets(store))

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(request: Request, type: Optional[str] = Query(None, max_length=32), f: Filters = Depends()):
        data = queries.network(store, type=_opt(type), since=f.since, until=f.until)
        return page("network.html", request, data, title="Network", api="/api/network",
                    facets=queries.facets(store))

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs_page():
        if not have_docs_assets:
            return HTMLResponse("<p>The API page needs the fastapi-offline package (pip install fastapi-offline); "
                                "the API description is at <a href='/openapi.json'>/openapi.json</a>.</p>")
        from fastapi.openapi.docs import get_swagger_ui_html

        return get_swagger_ui_html(openapi_url="/openapi.json", title="newsgraph API",
                                   swagger_js_url="/static-docs/swagger-ui-bundle.js",
                                   swagger_css_url="/static-docs/swagger-ui.css",
                                   swagger_favicon_url="/static/favicon.svg")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return RedirectResponse("/static/favicon.svg")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith("/api/") or request.method != "GET" or exc.status_code < 400:
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        html = env.get_template("error.html").render(
            title=f"{exc.status_code}", detail=str(exc.detail), path=request.url.path, api_url=None, db=shown_db,
            params={}, token_set=bool(token))
        return HTMLResponse(html, status_code=exc.status_code)

    return app
