"""The web app through FastAPI's test client: every page and its JSON twin, escaping of
untrusted article text, the token rule for POST /api/articles, the body size limit.

The store is filled with records written by hand here (not extracted), so these tests do not
depend on extraction quality and need no spaCy pipeline (except the one POST test that runs
the real extraction call).
"""

from __future__ import annotations

import re

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from newsgraph.record import Entity, Event, Place, Quote, Record, SentenceRef, Span, TimeExpr  # noqa: E402

XSS = '<script>alert("xss")</script>'
IMG = '<img src=x onerror="alert(1)">'


class Builder:
    """Build a Record by naming the pieces of a text: offsets are found, never typed."""

    def __init__(self, id, text, **meta):
        self.rec = Record(id=id, text=text, **meta)
        self.n = {"E": 0, "Q": 0, "V": 0, "P": 0, "T": 0}

    def _id(self, k):
        self.n[k] += 1
        return f"{k}{self.n[k]}"

    def span(self, s, after=0):
        i = self.rec.text.index(s, after)
        return Span(i, i + len(s), s)

    def sentence(self, sp):
        t = self.rec.text
        dot = t.rfind(". ", 0, sp.start)
        a = max(dot + 2 if dot != -1 else 0, t.rfind("\n", 0, sp.start) + 1)
        ends = [i + 1 for i in (t.find(". ", sp.end), t.find(".\n", sp.end)) if i != -1]
        return SentenceRef(a, min(ends) if ends else len(t))

    def entity(self, name, type="PERSON", country=None, roles=(), mentions=()):
        e = Entity(self._id("E"), name, type, country, list(roles), None, [self.span(m) for m in (mentions or [name])])
        self.rec.entities.append(e)
        return e

    def quote(self, text, speaker, cue, kind="direct", via=None, rule="test:cue-after-quote"):
        sp = self.span(text)
        q = Quote(
            self._id("Q"),
            text,
            sp.start,
            sp.end,
            kind,
            "speech",
            speaker.id,
            speaker.mentions[0],
            self.span(cue, sp.start - 80 if sp.start > 80 else 0),
            None,
            self.span(via) if via else None,
            self.rec.published,
            self.sentence(sp),
            rule,
        )
        self.rec.quotes.append(q)
        return q

    def place(self, name, lat, lon, country, geonameid):
        p = Place(
            self._id("P"),
            name,
            geonameid,
            lat,
            lon,
            country,
            None,
            "city",
            100000,
            [],
            [self.span(name)],
            "test:gazetteer",
        )
        self.rec.places.append(p)
        return p

    def time(self, text, value):
        sp = self.span(text)
        self.rec.times.append(TimeExpr(self._id("T"), sp.start, sp.end, text, "DATE", value, "test:weekday"))

    def event(self, type, trigger, actor, recipient=None, place=None, date=None):
        sp = self.span(trigger)
        v = Event(
            self._id("V"),
            type,
            None,
            [],
            actor.id,
            recipient.id if recipient else None,
            actor.country,
            None,
            recipient.country if recipient else None,
            None,
            date or self.rec.published,
            place.id if place else None,
            None,
            None,
            sp,
            self.sentence(sp),
            rule="test:verb-frame",
        )
        self.rec.events.append(v)
        return v


def make_records() -> list[Record]:
    out = []
    # 1. a wire story
    b = Builder(
        "wire-1",
        "Polish Foreign Minister Jan Kowal met Ukrainian President Mykola Hrytsenko in Kyiv on "
        'Tuesday. "There can be no peace while civilians are dying," Kowal told reporters. Russian '
        "spokesman Igor Sorokin accused Poland of escalation.\n",
        title="Kowal meets Hrytsenko in Kyiv",
        published="2024-03-05",
        source="Example Wire",
        url="https://example.org/wire/1",
    )
    kowal = b.entity("Jan Kowal", country="POL", roles=["Foreign Minister"], mentions=["Jan Kowal", "Kowal"])
    hry = b.entity("Mykola Hrytsenko", country="UKR", roles=["President"])
    sor = b.entity("Igor Sorokin", country="RUS", roles=["spokesman"])
    pol = b.entity("Poland", type="GPE", country="POL")
    kyiv = b.place("Kyiv", 50.45, 30.52, "UKR", 703448)
    b.time("Tuesday", "2024-03-05")
    b.quote("There can be no peace while civilians are dying,", kowal, "told")
    b.event("CONSULT", "met", kowal, hry, place=kyiv)
    b.event("ACCUSE", "accused", sor, pol)
    out.append(b.rec)
    # 2. the same statement through another outlet, and a second quote
    b = Builder(
        "daily-1",
        'Jan Kowal spoke in Warsaw. "There can be no peace while civilians are dying," Kowal '
        "said. Kowal said Poland would send aid to Kharkiv.\n",
        title="Minister: no peace while civilians die",
        published="2024-03-06",
        source="Daily Example",
        url="https://example.com/daily/1",
    )
    kowal = b.entity("Jan Kowal", country="POL", roles=["Foreign Minister"], mentions=["Jan Kowal", "Kowal"])
    b.place("Warsaw", 52.23, 21.01, "POL", 756135)
    kh = b.place("Kharkiv", 49.99, 36.23, "UKR", 706483)
    b.quote("There can be no peace while civilians are dying,", kowal, "said")
    q = b.quote("Poland would send aid to Kharkiv", kowal, "said", kind="indirect", rule="test:reported-speech")
    pol = b.entity("Poland", type="GPE", country="POL", mentions=["Poland"])
    b.event("PROVIDE_AID", "send", pol, None, place=kh)
    assert q.text
    out.append(b.rec)
    # 3. untrusted markup everywhere: text, title, outlet, names, quote
    b = Builder(
        "xss-1",
        f'Attacker {XSS} Smith {IMG} said "{XSS} and {IMG} are fine," in Paris on Friday.\n',
        title=f"Title {XSS}",
        published="2024-03-07",
        source=f"Outlet {IMG}",
        url="javascript:alert(1)",
    )
    evil = b.entity(f"Attacker {XSS} Smith", country="FRA", roles=[IMG], mentions=[f"Attacker {XSS} Smith"])
    paris = b.place("Paris", 48.85, 2.35, "FRA", 2988507)
    b.quote(f"{XSS} and {IMG} are fine,", evil, "said")
    target = b.entity(f"Victim {IMG}", country="DEU", mentions=[IMG])
    b.event("ASSAULT", "said", evil, target, place=paris)
    out.append(b.rec)
    return out


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(request, tmp_path_factory):
    """The hand-written records in a SQLite store, and again in PostgreSQL (skips when
    PostgreSQL is not installed, except under CI=true). Shared by the module: read only."""
    from newsgraph.store import open_store

    drop = None
    if request.param == "sqlite":
        target = str(tmp_path_factory.mktemp("web") / "web.db")
    else:
        import uuid

        import psycopg

        server = request.getfixturevalue("pg_server")
        name = "web_" + uuid.uuid4().hex[:12]
        with psycopg.connect(server + "/postgres", autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        target, drop = f"{server}/{name}", (server, name)
    s = open_store(target)
    for r in make_records():
        assert s.add_record(r) is not None
    yield s
    s.close()
    if drop:
        with psycopg.connect(drop[0] + "/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {drop[1]} WITH (FORCE)")


@pytest.fixture()
def client(store):
    from newsgraph.web.app import create_app

    with TestClient(create_app(store.target, store=store, token=None)) as c:
        yield c


def _no_raw_markup(html: str):
    """Untrusted markup never appears unescaped (our own <script src=...> tags are fine)."""
    assert 'alert("xss")</script>' not in html
    assert "<img src=x" not in html
    assert 'onerror="alert' not in html
    for m in re.finditer(r"<script[^>]*>", html):
        assert re.fullmatch(r'<script type="application/json" id="[\w-]+">', m.group(0)) or re.fullmatch(
            r'<script src="/static/\w+\.js">', m.group(0)
        ), m.group(0)


def _ids(client):
    arts = client.get("/api/articles").json()["results"]
    by_key = {a["key"]: a["id"] for a in arts}
    actors = {a["name"]: a["id"] for a in client.get("/api/actors").json()["results"]}
    return by_key, actors


PAGES = ["/", "/articles", "/statements", "/actors", "/timeline", "/map", "/network"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_is_also_json(client, path):
    html = client.get(path)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    api = "/api/overview" if path == "/" else "/api" + path
    assert f'href="{api}"' in html.text  # the page links its JSON twin
    js = client.get(api)
    assert js.status_code == 200 and js.headers["content-type"] == "application/json"
    assert isinstance(js.json(), dict)
    _no_raw_markup(html.text)


def test_json_suffix_urls(client):
    _, actors = _ids(client)
    kid = actors["Jan Kowal"]
    assert client.get(f"/actors/{kid}.json").json() == client.get(f"/api/actors/{kid}").json()
    assert client.get("/statements.json", params={"q": "no peace"}).json()["total"] == 1
    assert client.get("/index.json").json()["stats"]["articles"] == 3
    assert client.get("/static/countries-110m.geojson").status_code == 200  # static files untouched


def test_overview_counts(client):
    d = client.get("/api/overview").json()
    assert d["empty"] is False
    assert d["stats"]["articles"] == 3 and d["stats"]["quotes"] == 4 and d["stats"]["events"] == 4
    top = d["top_statements"]
    assert top[0]["n_sources"] == 2 and top[0]["text"].startswith("There can be no peace")
    assert [t["n_sources"] for t in top] == [2, 1, 1] and top[1]["last_day"] >= top[2]["last_day"]
    assert d["top_actors"][0]["name"] == "Jan Kowal"  # 2 articles
    # the page spells the counts out ("2 articles", "1 mention"; it said "2 art", "8 men")
    html = client.get("/").text
    row = html[html.index('href="/actors/', html.index("Most present actors")) :]
    row = row[: row.index("</tr>")]
    n = d["top_actors"][0]
    assert f"{n['n_articles']}&nbsp;articles<br>" in row and re.search(r"\d+&nbsp;mentions?</td>", row)
    assert "&nbsp;men<" not in html and "&nbsp;art<" not in html
    latest = html[html.index("Latest articles") : html.index("Most present actors")]
    assert re.search(r"\d+&nbsp;quotes?<br>\d+&nbsp;events?</td>", latest)  # not "4 q", "1 ev"


def test_article_page_highlights_and_links(client):
    arts, actors = _ids(client)
    aid = arts["wire-1"]
    d = client.get(f"/api/articles/{aid}").json()
    assert d["record"]["quotes"][0]["text"].startswith("There can be no peace")
    assert set(d["actor_ids"]) == {"E1", "E2", "E3", "E4"}
    html = client.get(f"/articles/{aid}").text
    # the quote is highlighted and carries its record id; the speaker mention links the actor page
    assert re.search(r'<span class="q direct" data-r="Q1">There can be no peace', html)
    assert f'<a class="ent" href="/actors/{actors["Jan Kowal"]}" data-r="E1">Jan Kowal</a>' in html
    assert re.search(r'class="cue[^"]*" data-r="Q1[^"]*">told<', html)
    assert re.search(r'class="trig[^"]*" data-r="V1[^"]*">met<', html)
    assert 'data-r="P1">Kyiv<' in html and 'data-r="T1">Tuesday<' in html
    # the "why" data: cue, rule and sentence for each record
    m = re.search(r'<script type="application/json" id="page-data">(.*?)</script>', html, re.S)
    import json

    why = json.loads(m.group(1))["records"]
    q1 = dict((k, v) for k, v, _ in why["Q1"]["why"])
    assert q1["Cue"] == "told" and q1["Rule"] == "test:cue-after-quote"
    assert q1["Sentence"].startswith('"There can be no peace')
    assert dict((k, v) for k, v, _ in why["V1"]["why"])["Rule"] == "test:verb-frame"
    # the events are listed beside the text
    assert 'data-r="V2"' in html and "ACCUSE" in html


def test_article_text_round_trips(client):
    """The segments rebuild the article text exactly (nothing lost, nothing doubled)."""
    import html as htmlmod

    arts, _ = _ids(client)
    for key, aid in arts.items():
        page = client.get(f"/articles/{aid}").text
        body = re.search(r'<div id="article-text" class="article-text">(.*?)</div></article>', page, re.S).group(1)
        text = htmlmod.unescape(re.sub(r"<[^>]+>", "", body))
        assert text == client.get(f"/api/articles/{aid}").json()["record"]["text"], key


def test_statements_group_sources_and_filter(client):
    d = client.get("/api/statements", params={"q": "no peace"}).json()
    assert d["total"] == 1
    s = d["results"][0]
    assert s["n_sources"] == 2 and s["outlets"] == ["Daily Example", "Example Wire"]
    assert s["speaker"] == "Jan Kowal"
    ctx = s["sources"][0]["context"]
    assert ctx["quote"] == "There can be no peace while civilians are dying,"
    assert "said" in ctx["after"] or "told" in ctx["after"]
    # filters: kind, outlet, speaker, date range
    assert [r["text"] for r in client.get("/api/statements", params={"kind": "indirect"}).json()["results"]] == [
        "Poland would send aid to Kharkiv"
    ]
    assert client.get("/api/statements", params={"outlet": "Daily Example"}).json()["total"] == 2
    assert client.get("/api/statements", params={"outlet": "Daily"}).json()["total"] == 0  # the outlet, exactly
    kid = _ids(client)[1]["Jan Kowal"]
    for speaker in (str(kid), f"#{kid}", f"Jan Kowal · POL · #{kid}", "jan kowal"):
        assert client.get("/api/statements", params={"speaker": speaker}).json()["total"] == 2, speaker
    assert client.get("/api/statements", params={"country": "POL"}).json()["total"] == 2
    assert client.get("/api/statements", params={"since": "2024-03-07"}).json()["total"] == 1
    assert client.get("/api/statements", params={"until": "2024-03-04"}).json()["total"] == 0
    # paging walks the statements newest first, each statement once
    pages = [client.get("/api/statements", params={"limit": 1, "offset": i}).json() for i in range(4)]
    assert [len(p["results"]) for p in pages] == [1, 1, 1, 0] and pages[0]["total"] == 3
    days = [p["results"][0]["last_day"] for p in pages[:3]]
    assert days == sorted(days, reverse=True) and len({p["results"][0]["statement_id"] for p in pages[:3]}) == 3
    html = client.get("/statements", params={"q": "no peace"}).text
    assert "2 sources" in html and "<mark>There can be no peace" in html
    assert client.get("/api/statements", params={"since": "March"}).status_code == 422


def test_actor_page(client):
    _, actors = _ids(client)
    kid = actors["Jan Kowal"]
    d = client.get(f"/api/actors/{kid}").json()
    assert d["country"] == "POL" and d["roles"][0]["role"] == "Foreign Minister"
    assert d["n_said"] == 3 and d["n_did"] == 1 and d["n_done_to"] == 0 and d["n_articles"] == 2
    assert {t["what"] for t in d["timeline"]} == {"said", "did"}
    assert d["activity"]["days"] == ["2024-03-05", "2024-03-06"]
    pol = client.get(f"/api/actors/{actors['Poland']}").json()
    assert pol["n_done_to"] == 1 and pol["done_to"][0]["type"] == "ACCUSE"
    html = client.get(f"/actors/{kid}").text
    assert "Foreign Minister" in html and "CONSULT" in html and "Mykola Hrytsenko" in html
    assert client.get("/api/actors/99999").status_code == 404
    assert client.get("/actors/99999").status_code == 404


def test_actor_page_counts_what_the_statements_and_timeline_pages_show(client):
    # "said": the statements page's quotes (speech, confident); "did"/"done to": the timeline's
    # events (not negated, hypothetical or future; confident); counts, lists and chart agree
    timeline = client.get("/api/timeline", params={"limit": 1000}).json()["events"]
    for a in client.get("/api/actors", params={"limit": 100}).json()["results"]:
        d = client.get(f"/api/actors/{a['id']}").json()
        st = client.get("/api/statements", params={"speaker": a["id"]}).json()
        assert d["n_said"] == st["total_quotes"] == len(d["said"])
        assert all(q["text"] for q in d["said"])
        did = [e for e in timeline if e["actor_actor_id"] == a["id"]]
        done = [e for e in timeline if e["recipient_actor_id"] == a["id"]]
        assert d["n_did"] == len(d["did"]) == len(did)
        assert d["n_done_to"] == len(d["done_to"]) == len(done)
        chart = d["activity"]["counts"]
        assert sum(n for _, what, n in chart if what == "said") <= d["n_said"]  # undated quotes aside
        assert sum(n for _, what, n in chart if what == "did") <= d["n_did"]


def test_timeline_map_network(client):
    t = client.get("/api/timeline").json()
    assert t["total"] == 4 and t["chart"]["days"] == ["2024-03-05", "2024-03-06", "2024-03-07"]
    assert ["2024-03-05", "CONSULT", 1] in t["chart"]["counts"]
    assert client.get("/api/timeline", params={"type": "accuse"}).json()["total"] == 1
    weekly = client.get("/api/timeline", params={"unit": "week"}).json()["chart"]
    assert weekly["unit"] == "week" and weekly["days"] == ["2024-03-04"]  # the Monday of that week
    assert ["2024-03-04", "CONSULT", 1] in weekly["counts"]
    assert client.get("/api/timeline", params={"unit": "year"}).status_code == 422
    assert client.get("/api/timeline", params={"place": "Kharkiv"}).json()["total"] == 1
    m = client.get("/api/map").json()
    pts = {p["name"]: p for p in m["points"]}
    assert pts["Kyiv"]["events"] == 1 and pts["Kharkiv"]["events"] == 1
    assert pts["Kharkiv"]["quotes"] == 1  # the indirect quote names Kharkiv
    assert pts["Kyiv"]["href"] == "/timeline?place=Kyiv#events"
    assert "Warsaw" not in pts  # named in the article, but in no quote's sentence and at no event
    assert "UKR" in m["countries"] and m["basemap"] == "/static/countries-110m.geojson"
    n = client.get("/api/network").json()
    names = {x["id"]: x["name"] for x in n["nodes"]}
    rel = {(names[e["source"]], e["type"], names[e["target"]]) for e in n["edges"]}
    assert ("Jan Kowal", "CONSULT", "Mykola Hrytsenko") in rel
    assert ("Igor Sorokin", "ACCUSE", "Poland") in rel
    assert ("Jan Kowal", "MENTIONS", "Poland") in rel  # named inside his quote
    only = client.get("/api/network", params={"type": "ACCUSE"}).json()
    assert {e["type"] for e in only["edges"]} == {"ACCUSE"}


def test_basemap_is_shipped(client):
    r = client.get("/static/countries-110m.geojson")
    assert r.status_code == 200
    gj = r.json()
    iso = {f["properties"]["iso3"] for f in gj["features"]}
    assert len(gj["features"]) > 170 and {"UKR", "POL", "FRA", "USA"} <= iso
    assert client.get("/static/countries-110m.NOTICE.txt").status_code == 200


def test_xss_article_is_escaped(client):
    arts, actors = _ids(client)
    aid = arts["xss-1"]
    # a name with markup in it is no actor name (junk: kept out of actor lists), but its actor
    # page is still reachable from the article
    page = client.get(f"/api/articles/{aid}").json()
    evil = next(e["id"] for e in page["record"]["entities"] if e["name"] == f"Attacker {XSS} Smith")
    for path in [
        f"/articles/{aid}",
        "/",
        "/articles",
        "/statements",
        "/actors",
        f"/actors/{page['actor_ids'][evil]}",
        "/timeline",
        "/map",
        "/network",
        "/statements?q=fine",
    ]:
        html = client.get(path).text
        _no_raw_markup(html)
    page = client.get(f"/articles/{aid}").text
    assert "&lt;script&gt;alert(&#34;xss&#34;)&lt;/script&gt;" in page  # shown as text
    assert 'href="javascript:' not in page  # the article's javascript: URL is not linked
    # JSON embedded for the scripts cannot close its <script> block
    blob = re.search(r'id="page-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in blob
    # the API returns the text unchanged (JSON is not HTML)
    assert XSS in client.get(f"/api/articles/{aid}").json()["record"]["text"]


def test_security_headers(client):
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "object-src 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_read_only_without_token(client):
    r = client.post("/api/articles", json={"text": "Anna Novak said hello."})
    assert r.status_code == 403 and "read-only" in r.json()["detail"]
    for method in ("put", "delete", "patch"):
        assert getattr(client, method)("/api/articles").status_code == 405
    assert client.delete("/api/articles/1").status_code == 405
    assert client.post("/articles", data={"x": "1"}).status_code == 405


def test_token_required_for_post(store):
    from newsgraph.web.app import create_app

    calls = []

    def fake_nlp():
        calls.append(1)
        raise AssertionError("the pipeline must not load for an unauthorised request")

    with TestClient(create_app(store.target, store=store, token="s3cret", nlp_loader=fake_nlp)) as c:
        assert c.post("/api/articles", json={"text": "x"}).status_code == 401
        assert c.post("/api/articles", json={"text": "x"}, headers={"Authorization": "Bearer wrong"}).status_code == 401
        bad = c.post("/api/articles", json={"text": "   "}, headers={"Authorization": "Bearer s3cret"})
        assert bad.status_code == 422 and "empty" in bad.json()["detail"]
        assert (
            c.post(
                "/api/articles", json={"text": "x", "published": "soon"}, headers={"Authorization": "Bearer s3cret"}
            ).status_code
            == 422
        )
    assert calls == []


def test_token_from_environment(store, monkeypatch):
    from newsgraph.web.app import create_app

    monkeypatch.setenv("NEWSGRAPH_TOKEN", "envtok")
    with TestClient(create_app(store.target, store=store, nlp_loader=lambda: None)) as c:
        assert c.post("/api/articles", json={"text": "x"}).status_code == 401
        assert "ingest enabled" in c.get("/").text


def test_body_limit_413(store):
    from newsgraph.web.app import create_app

    with TestClient(create_app(store.target, store=store, token="t", max_body=1000)) as c:
        r = c.post(
            "/api/articles",
            content=b'{"text": "' + b"a" * 5000 + b'"}',
            headers={"Authorization": "Bearer t", "Content-Type": "application/json"},
        )
        assert r.status_code == 413

        def chunks():  # no Content-Length: streamed in pieces
            yield b'{"text": "'
            for _ in range(10):
                yield b"a" * 500
            yield b'"}'

        r = c.post(
            "/api/articles", content=chunks(), headers={"Authorization": "Bearer t", "Content-Type": "application/json"}
        )
        assert r.status_code == 413
    # the default limit is 5 MB
    with TestClient(create_app(store.target, store=store, token="t")) as c:
        big = b'{"text": "' + b"a" * (5 * 1024 * 1024 + 10) + b'"}'
        assert (
            c.post(
                "/api/articles", content=big, headers={"Authorization": "Bearer t", "Content-Type": "application/json"}
            ).status_code
            == 413
        )


def test_empty_store_shows_how_to_ingest(tmp_path):
    from newsgraph.web.app import create_app

    with TestClient(create_app(str(tmp_path / "empty.db"))) as c:
        html = c.get("/").text
        assert "No articles in this store yet" in html and "newsgraph ingest --sample --db" in html
        for p in PAGES[1:]:
            assert c.get(p).status_code == 200
            assert c.get("/api" + p).status_code == 200


def test_openapi_and_docs_offline(client):
    spec = client.get("/openapi.json").json()
    for p in [
        "/api/statements",
        "/api/articles",
        "/api/actors/{actor_id}",
        "/api/timeline",
        "/api/map",
        "/api/network",
    ]:
        assert p in spec["paths"]
    assert "post" in spec["paths"]["/api/articles"]
    docs = client.get("/docs").text
    assert "/static-docs/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    assert client.get("/static-docs/swagger-ui-bundle.js").status_code == 200


def test_sql_injection_is_just_text(client):
    r = client.get("/api/statements", params={"q": "'; DROP TABLE quotes; --", "speaker": "x' OR '1'='1"})
    assert r.status_code == 200 and r.json()["total"] == 0
    assert client.get("/api/overview").json()["stats"]["quotes"] == 4


def test_database_password_never_shown():
    from newsgraph.web.app import display_target

    shown = display_target("postgresql://news:hunter2@db.example:5432/news")
    assert "hunter2" not in shown and "db.example:5432/news" in shown
    assert display_target("corpus.db") == "corpus.db"


def test_loopback_server_refuses_foreign_host_names(store):
    """DNS rebinding: a page on evil.example resolving to 127.0.0.1 gets nothing."""
    from newsgraph.web.app import create_app
    from newsgraph.web.cli import allowed_hosts

    app = create_app(store.target, store=store, allowed_hosts=allowed_hosts("127.0.0.1"))
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/overview").status_code == 200
        assert c.get("/api/overview", headers={"Host": "localhost:8000"}).status_code == 200
        assert c.get("/api/overview", headers={"Host": "evil.example:8000"}).status_code == 400
    assert allowed_hosts("0.0.0.0") is None


def test_serve_command_is_registered():
    from newsgraph.cli import build_parser

    args = build_parser().parse_args(["serve", "--db", "x.db", "--port", "8123", "--token", "t"])
    assert args.command == "serve" and args.port == 8123 and args.host == "127.0.0.1" and args.token == "t"


@pytest.mark.slow
def test_post_article_ingests_with_token(tmp_path, nlp):
    """The real extraction call behind POST /api/articles, then the article is readable."""
    from newsgraph.store import open_store
    from newsgraph.web.app import create_app

    store = open_store(str(tmp_path / "post.db"))
    store.add_records(make_records())

    with TestClient(create_app(store.target, store=store, token="s3cret", nlp_loader=lambda: nlp)) as c:
        body = {
            "text": '"We will not retreat," Anna Novak said on Monday in Warsaw.',
            "published": "2024-03-06",
            "title": "Novak",
            "source": "Test Wire",
            "url": "https://example.net/novak",
        }
        r = c.post("/api/articles", json=body, headers={"Authorization": "Bearer s3cret"})
        assert r.status_code == 201, r.text
        new = r.json()
        assert new["stored"] is True
        rec = c.get(f"/api/articles/{new['id']}").json()["record"]
        assert rec["title"] == "Novak" and rec["text"] == body["text"]
        again = c.post("/api/articles", json=body, headers={"X-Newsgraph-Token": "s3cret"})
        assert again.status_code == 200 and again.json()["duplicate"] is True
        assert c.get("/api/overview").json()["stats"]["articles"] == 4


def test_layout_offsets_are_code_points_and_bad_spans_are_dropped():
    """Highlights follow the record's offsets (Python code points) even after an emoji, nested
    marks split cleanly, and spans outside the text are ignored instead of breaking the page."""
    from newsgraph.web.annotate import layout

    b = Builder("emoji", 'Fans 😀🎉 cheered. "Kyiv will stand," Anna Novak said.\n', published="2024-03-05")
    novak = b.entity("Anna Novak", country="UKR")
    b.place("Kyiv", 50.45, 30.52, "UKR", 703448)
    b.quote("Kyiv will stand,", novak, "said")
    d = b.rec.to_dict()
    d["times"].append({"id": "T9", "start": 500, "end": 510, "text": "??", "type": "DATE", "value": None, "rule": ""})
    d["places"][0]["mentions"].append({"start": 30, "end": 20, "text": "bad"})
    lay = layout(d, {"E1": 7})
    assert "".join(s["text"] for s in lay["segments"]) == d["text"]
    quote_text = "".join(s["text"] for s in lay["segments"] if "q" in s["cls"].split())
    assert quote_text == "Kyiv will stand,"
    kyiv = [s for s in lay["segments"] if s["text"] == "Kyiv"]
    assert kyiv and kyiv[0]["refs"].split()[0] == "P1" and "Q1" in kyiv[0]["refs"]  # place inside the quote
    speaker = [s for s in lay["segments"] if s["text"] == "Anna Novak"][0]
    assert speaker["href"] == "/actors/7"
    assert "T9" in lay["records"]  # still explained in the side panel, just not marked


def test_statement_search_plans_agree(client, monkeypatch):
    """Walking by date (many matches) and driving from the match list (few) give the same
    page; the count stops at its cap and says so."""
    from newsgraph.store import read

    few = client.get("/api/statements", params={"q": "fine"}).json()
    monkeypatch.setattr(read, "DENSE_MATCHES", 0)
    monkeypatch.setattr(read, "ONE_PASS_MAX", 0)
    many = client.get("/api/statements", params={"q": "fine"}).json()
    assert few == many and few["total"] == 1 and few["total_capped"] is False
    monkeypatch.setattr(read, "FACET_SCAN", 1)
    assert client.get("/api/statements").json()["facets"]["scanned"] == 1
    monkeypatch.setattr(read, "COUNT_CAP", 1)
    capped = client.get("/api/statements").json()
    assert capped["total"] == 1 and capped["total_capped"] is True and len(capped["results"]) == 3
    assert "More than 1 statements" in client.get("/statements").text


def test_statements_keep_to_speech_unless_asked(tmp_path):
    from newsgraph.store import open_store
    from newsgraph.web.app import create_app

    b = Builder(
        "belief-1",
        'Kowal said "the talks failed again today." Kowal believes the sanctions will work.\n',
        title="Beliefs",
        published="2024-03-06",
        source="Example Wire",
    )
    kowal = b.entity("Jan Kowal", country="POL", mentions=["Kowal"])
    b.quote("the talks failed again today.", kowal, "said")
    belief = b.quote("the sanctions will work", kowal, "believes", kind="indirect")
    belief.cue_type = "other"
    s = open_store(str(tmp_path / "b.db"))
    assert s.add_record(b.rec) is not None
    with TestClient(create_app(s.target, store=s, token=None)) as c:
        said = c.get("/api/statements").json()
        assert [r["text"] for r in said["results"]] == ["the talks failed again today."]
        other = c.get("/api/statements", params={"cue_type": "other"}).json()
        assert [r["text"] for r in other["results"]] == ["the sanctions will work"]
        assert c.get("/api/statements", params={"cue_type": "all"}).json()["total"] == 2
        assert c.get("/api/statements", params={"cue_type": "maybe"}).status_code == 422
        html = c.get("/statements", params={"cue_type": "all"}).text
        assert "the sanctions will work" in html and '<option value="all" selected>' in html
        top = c.get("/api/overview").json()["top_statements"]
        assert [t["text"] for t in top] == ["the talks failed again today."]  # the overview lists what was said
    s.close()


def test_an_untitled_undated_article_is_named_by_its_file(tmp_path):
    """A plain-text article has no title, outlet or date: pages that list it name it by its file,
    not by a bare "article" with empty separators."""
    from newsgraph.store import open_store
    from newsgraph.web.app import create_app

    b = Builder("notes-2016-09-30.txt", 'Kowal said "the talks failed again today."\n')
    kowal = b.entity("Jan Kowal", country="POL", mentions=["Kowal"])
    b.quote("the talks failed again today.", kowal, "said")
    b.event("ACCUSE", "said", kowal, None)
    s = open_store(str(tmp_path / "u.db"))
    assert s.add_record(b.rec) is not None
    with TestClient(create_app(s.target, store=s, token=None)) as c:
        kid = c.get("/api/actors", params={"q": "Kowal"}).json()["results"][0]["id"]
        page = c.get(f"/actors/{kid}")
        assert page.status_code == 200
        assert page.text.count(">notes-2016-09-30.txt</a>") >= 2  # the timeline item and the articles list
        assert ">article</a>" not in page.text and " · </div>" not in page.text
        for path in ("/statements", "/timeline"):
            r = c.get(path)
            assert r.status_code == 200 and ">notes-2016-09-30.txt</a>" in r.text, path
        home = c.get("/").text  # no outlet: no separator before the date
        assert ">notes-2016-09-30.txt</a>" in home and '<div class="sub">undated</div>' in home
        assert '<div class="sub"> · ' not in home
    s.close()


# --------------------------------------------------------------------------- issue 13 / 14
FORM_FIELDS = {  # every field of every page's form, left empty as a browser sends it
    "/articles": ["q", "outlet", "since", "until", "unit"],
    "/statements": ["q", "speaker", "outlet", "kind", "since", "until", "unit"],
    "/actors": ["q", "country"],
    "/timeline": ["type", "place", "since", "until", "unit"],
    "/map": ["type", "since", "until"],
    "/network": ["type", "since", "until", "nodes", "min_weight"],
}


@pytest.mark.parametrize("path", list(FORM_FIELDS))
def test_empty_fields_mean_no_filter(client, path):
    empty = "&".join(f"{k}=" for k in FORM_FIELDS[path])
    for base in (path, "/api" + path):
        r = client.get(f"{base}?{empty}")
        assert r.status_code == 200, (base, r.text[:300])
        if base.startswith("/api"):
            assert r.json() == client.get(base).json()


def test_bad_values_say_what_was_wrong(client):
    r = client.get("/statements", params={"since": "March", "kind": "loud"})
    assert r.status_code == 422 and r.headers["content-type"].startswith("text/html")
    import html as htmlmod

    text = htmlmod.unescape(r.text)
    assert "since: not a date: 'March'" in text and "YYYY-MM-DD" in text
    assert "kind: must be one of direct, indirect, mixed (given: 'loud')" in text
    assert 'role="alert"' in r.text
    j = client.get("/api/statements", params={"since": "2024-02-30"})
    assert j.status_code == 422 and j.headers["content-type"] == "application/json"
    assert "not a date" in j.json()["detail"][0]["msg"]
    assert (
        client.get("/statements", params={"since": "2024-02-30", "format": "json"}).headers["content-type"]
        == "application/json"
    )
    for path in (
        "/articles/99999999999999999999",
        "/actors/9223372036854775808",
        "/statements?offset=9223372036854775808",
    ):
        r = client.get(path)
        assert r.status_code == 422 and "less than or equal" in r.text, path
        assert client.get("/api" + path).status_code == 422


def test_search_language(client):
    def texts(q, **kw):
        r = client.get("/api/statements", params={"q": q, "cue_type": "all", **kw})
        assert r.status_code == 200, (q, r.text)
        return sorted(s["text"] for s in r.json()["results"])

    peace = "There can be no peace while civilians are dying,"
    aid = "Poland would send aid to Kharkiv"
    assert texts("civilian") == [peace]  # stemmed: civilian = civilians
    assert texts("civ*") == [peace]  # prefix
    assert texts("peace OR aid") == sorted([peace, aid])
    assert texts("peace aid") == []  # AND
    assert texts("peace NOT dying") == [] and texts("peace -dying") == []
    assert texts('"civilians are dying"') == [peace] and texts('"dying civilians"') == []
    assert texts("(peace OR aid) Kharkiv") == [aid]
    for bad in ("\x00", '"', "(((", "NOT peace", "-peace", "*", "NEAR(", "'; DROP TABLE quotes; --"):
        r = client.get("/api/statements", params={"q": bad})
        assert r.status_code in (200, 422), (bad, r.status_code)
        if r.status_code == 422:
            assert "q:" in r.json()["detail"]
        assert client.get("/statements", params={"q": bad}).status_code in (200, 422)
        assert client.get("/api/articles", params={"q": bad}).status_code in (200, 422)
    keys = lambda q: sorted(a["key"] for a in client.get("/api/articles", params={"q": q}).json()["results"])  # noqa
    assert keys("meeting") == ["wire-1"]  # title "Kowal meets Hrytsenko": stemmed
    assert keys("minister NOT Hrytsenko") == ["daily-1"]


def test_speaker_by_actor_and_choices(client):
    _, actors = _ids(client)
    d = client.get("/api/statements", params={"speaker": "Kow"}).json()  # part of a name: choose
    assert d["results"] == [] and [a["name"] for a in d["speaker_choices"]] == ["Jan Kowal"]
    html = client.get("/statements", params={"speaker": "Kow"}).text
    assert "pick one" in html and f"speaker=%23{actors['Jan Kowal']}" in html
    sug = client.get("/api/suggest", params={"q": "kow"}).json()["results"]
    assert sug[0]["name"] == "Jan Kowal" and sug[0]["value"].endswith(f"#{actors['Jan Kowal']}")
    assert client.get("/api/suggest", params={"q": "%"}).json()["results"] == []  # LIKE wildcards are text


def test_facets_totals_chart_and_pager(client):
    d = client.get("/api/statements").json()
    assert d["total"] == 3 and d["total_quotes"] == 4 and d["more"] is False
    f = d["facets"]
    assert {x["value"]: x["n"] for x in f["outlet"]} == {"Daily Example": 2, "Example Wire": 1, f"Outlet {IMG}": 1}
    assert {x["value"]: x["n"] for x in f["kind"]} == {"direct": 3, "indirect": 1}
    assert f["speaker"][0]["label"] == "Jan Kowal" and f["speaker"][0]["n"] == 3
    assert f["month"] == [{"value": "2024-03", "n": 4}] and f["cue_type"] == [{"value": "speech", "n": 4}]
    assert d["chart"]["days"] == ["2024-03-05", "2024-03-06", "2024-03-07"]
    assert ["2024-03-06", "indirect", 1] in d["chart"]["counts"]
    assert client.get("/api/statements", params={"unit": "month"}).json()["chart"]["days"] == ["2024-03-01"]
    # the pager stops at the end
    last = client.get("/statements", params={"limit": 2, "offset": 2}).text
    assert "older →" not in last and "← newer" in last and "3–3 of 3" in last
    first = client.get("/statements", params={"limit": 2}).text
    assert "older →" in first and "← newer" not in first
    arts = client.get("/api/articles").json()
    assert arts["total"] == 3 and arts["more"] is False and len(arts["chart"]["days"]) == 3
    assert "older →" not in client.get("/articles").text


@pytest.mark.parametrize(
    "path,n",
    [("/statements", 4), ("/articles", 3), ("/actors", None), ("/timeline", 4), ("/map", None), ("/network", None)],
)
def test_exports_stream_the_whole_result(client, path, n):
    import csv
    import io
    import json

    for base in (path, "/api" + path):
        r = client.get(base, params={"format": "csv", "limit": 1})
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
        assert "attachment" in r.headers["content-disposition"]
        rows = list(csv.DictReader(io.StringIO(r.text)))
        if n is not None:
            assert len(rows) == n  # every row, not one page
        lines = client.get(base, params={"format": "jsonl"}).text.splitlines()
        assert len(lines) == len(rows) and all(isinstance(json.loads(x), dict) for x in lines)
    assert client.get("/actors/1", params={"format": "csv"}).status_code == 422  # not a list page


def test_csv_cells_never_run_as_formulas(tmp_path):
    from newsgraph.store import open_store
    from newsgraph.web.app import create_app

    b = Builder("formula", 'Kowal said "=HYPERLINK(1) is how it starts." Done.\n', published="2024-03-06")
    kowal = b.entity("Jan Kowal", country="POL", mentions=["Kowal"])
    b.quote("=HYPERLINK(1) is how it starts.", kowal, "said")
    s = open_store(str(tmp_path / "f.db"))
    s.add_record(b.rec)
    with TestClient(create_app(s.target, store=s)) as c:
        body = c.get("/statements", params={"format": "csv"}).text
        assert "'=HYPERLINK(1)" in body and ",=HYPERLINK" not in body
    s.close()


def test_deep_links_to_marks(client):
    arts, actors = _ids(client)
    page = client.get(f"/articles/{arts['wire-1']}").text
    for rid in ("Q1", "V1", "V2", "P1", "T1", "E1"):
        assert f'<span id="{rid}" class="anchor"></span>' in page, rid
    stm = client.get("/statements", params={"q": "aid"}).text
    assert f'href="/articles/{arts["daily-1"]}#Q2"' in stm
    tl = client.get("/timeline").text
    assert f'href="/articles/{arts["wire-1"]}#V1"' in tl and f'href="/articles/{arts["wire-1"]}#P1"' in tl
    actor = client.get(f"/actors/{actors['Jan Kowal']}").text
    assert f'href="/articles/{arts["wire-1"]}#Q1"' in actor
    # overview: the most reported statements are real statements and link to their statement page
    top = client.get("/api/overview").json()["top_statements"]
    assert top and all(len(t["text"].split()) >= 4 for t in top)
    home = client.get("/").text
    assert f'href="/statements/{top[0]["id"]}"' in home and f'#{top[0]["qid"]}"' in home
    st = client.get(f"/statements/{top[0]['id']}")
    assert st.status_code == 200 and "2 sources" in st.text
    assert client.get(f"/api/statements/{top[0]['id']}").json()["n_sources"] == 2


def test_one_handler_answers_html_json_by_format_and_accept(client):
    assert client.get("/statements", params={"format": "json"}).json()["total"] == 3
    assert client.get("/statements", headers={"Accept": "application/json"}).json()["total"] == 3
    assert (
        client.get("/statements", headers={"Accept": "text/html,application/json"})
        .headers["content-type"]
        .startswith("text/html")
    )
    assert client.get("/api/statements", params={"format": "html"}).headers["content-type"].startswith("text/html")
    assert client.get("/statements", params={"format": "xml"}).status_code == 422
    import inspect

    from newsgraph.web import app as webapp

    assert "queries" not in inspect.getsource(webapp)  # the web reads through store.read only
    with pytest.raises(ImportError):
        import newsgraph.web.queries  # noqa: F401


SECURITY = ("content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy")


def test_security_headers_on_every_response(store):
    from newsgraph.web.app import create_app
    from newsgraph.web.cli import allowed_hosts

    app = create_app(store.target, store=store, token="t", max_body=100, allowed_hosts=allowed_hosts("127.0.0.1"))

    def boom(*a, **k):
        raise RuntimeError("broken on purpose")

    with TestClient(app, base_url="http://127.0.0.1:8000", raise_server_exceptions=False) as c:
        responses = [
            c.get("/"),
            c.get("/api/statements"),
            c.get("/static/style.css"),
            c.get("/actors/99999"),
            c.get("/api/actors/99999"),
            c.get("/statements?since=x"),
            c.get("/api/overview", headers={"Host": "evil.example"}),
            c.post("/api/articles", content=b"x" * 500, headers={"Authorization": "Bearer t"}),
            c.post("/api/articles", json={"text": "x"}),
        ]
        store_overview = store.overview
        store.overview = boom
        try:
            responses += [c.get("/"), c.get("/api/overview")]
        finally:
            store.overview = store_overview
    assert [r.status_code for r in responses] == [200, 200, 200, 404, 404, 422, 400, 413, 401, 500, 500]
    for r in responses:
        for h in SECURITY:
            assert h in r.headers, (r.status_code, r.request.url, h)
        assert "server" not in r.headers
    assert "went wrong" in responses[-2].text and responses[-1].json()["detail"].startswith("internal")


def test_token_is_checked_before_the_body(store):
    from newsgraph.web.app import create_app

    with TestClient(create_app(store.target, store=store, token="s3cret", nlp_loader=lambda: None)) as c:
        for body in (b"not json at all", b'{"text": 5}', b"{}"):
            r = c.post("/api/articles", content=body, headers={"Content-Type": "application/json"})
            assert r.status_code == 401 and "text" not in r.text.replace("text/", ""), r.text  # no schema shown
        r = c.post("/api/articles", content=b"not json", headers={"Authorization": "Bearer s3cret"})
        assert r.status_code == 422
    with TestClient(create_app(store.target, store=store, token=None)) as c:
        assert c.post("/api/articles", content=b"{}").status_code == 403


HOSTILE = [
    "",
    " ",
    "\x00",
    "'\"",
    "9223372036854775808",
    "-1",
    "1e309",
    "NaN",
    "<script>alert(1)</script>",
    "%00",
    "a" * 5000,
    "\ud800".encode("utf-8", "surrogatepass").decode("latin-1"),
    "2024-13-45",
    "9999-12-31",
    "NOT",
    "((",
    "*",
    "-x",
]


def test_no_500_for_any_route_in_the_openapi_document(client):
    """Every GET route in the OpenAPI document, and its HTML page, with hostile values in every
    parameter (query and path): 2xx, 3xx or 4xx, never 500."""
    spec = client.get("/openapi.json").json()
    checked = 0
    for path, ops in spec["paths"].items():
        if "get" not in ops:
            continue
        params = ops["get"].get("parameters", [])
        for value in HOSTILE:
            url = path
            for p in params:
                if p["in"] == "path":
                    from urllib.parse import quote

                    url = url.replace("{" + p["name"] + "}", quote(value, safe="") or "x")
            query = {p["name"]: value for p in params if p["in"] == "query"}
            for u in {url, url.replace("/api/", "/", 1) if url != "/api/overview" else "/"}:
                r = client.get(u, params=query)
                assert r.status_code < 500, (u, value[:20], r.status_code, r.text[:200])
                assert "content-security-policy" in r.headers
                checked += 1
    assert checked > 200
    r = client.post("/api/articles", content="\ud800".encode("utf-8", "surrogatepass"))
    assert r.status_code == 403


def test_extraction_runs_in_a_worker_process_and_reads_stay_fast(store, monkeypatch):
    """POST /api/articles extracts in a worker process: while it works (a slow extractor here),
    other requests are answered at once; past the time limit the article is failed with that
    reason and the worker is replaced."""
    import threading
    import time

    from newsgraph.web.app import create_app

    monkeypatch.setenv("NEWSGRAPH_TEST_SLEEP", "3")
    app = create_app(store.target, store=store, token="t", nlp_loader="web_workers:sleepy", extract_timeout=20)
    with TestClient(app) as c:
        out = {}

        def post():
            out["r"] = c.post(
                "/api/articles",
                json={"text": "A slow article.", "url": "https://slow.example/1"},
                headers={"Authorization": "Bearer t"},
            )

        t = threading.Thread(target=post)
        t.start()
        time.sleep(0.5)
        t0 = time.perf_counter()
        n = 0
        while t.is_alive() and n < 20:
            assert c.get("/api/overview").status_code == 200
            n += 1
        fast = (time.perf_counter() - t0) / max(n, 1)
        t.join(60)
        assert out["r"].status_code == 201, out["r"].text
        assert n >= 3 and fast < 1.0  # reads went on while the article was being extracted
        app.state.extractor.timeout = 1
        r = c.post(
            "/api/articles",
            json={"text": "Another slow one.", "url": "https://slow.example/2"},
            headers={"Authorization": "Bearer t"},
        )
        assert r.status_code == 422 and "longer than 1 s" in r.json()["detail"]
        monkeypatch.setenv("NEWSGRAPH_TEST_SLEEP", "0")
        app.state.extractor.timeout = 20
        r = c.post(
            "/api/articles",
            json={"text": "A quick one.", "url": "https://slow.example/3"},
            headers={"Authorization": "Bearer t"},
        )
        assert r.status_code == 201, r.text  # a fresh worker took over
        ids = [x["id"] for x in (out["r"].json(), r.json())]
        assert all(c.get(f"/api/articles/{i}").status_code == 200 for i in ids)
        for i in ids:  # the module's store is shared: leave it as it was
            with store.engine.begin() as conn:
                from newsgraph.store import schema as S

                conn.execute(S.articles.delete().where(S.articles.c.id == i))


def test_statements_keep_quotes_at_or_above_the_confidence_threshold(tmp_path):
    """A quote below the documented threshold is stored with its confidence but is no statement:
    the Statements page, its API and its exports leave it out; ?min_confidence= raises the bar."""
    from newsgraph.store import open_store
    from newsgraph.thresholds import quote_min_confidence
    from newsgraph.web.app import create_app

    b = Builder(
        "conf-1",
        'Anna Novak spoke. "We will rebuild the bridge," Novak said. "Maybe the road too," Novak added.\n',
        title="Novak on the bridge",
        published="2024-03-05",
        source="Example Wire",
        url="https://example.org/conf/1",
    )
    novak = b.entity("Anna Novak", country="CZE", mentions=["Anna Novak", "Novak"])
    b.quote("We will rebuild the bridge,", novak, "said").confidence = 0.9
    b.quote("Maybe the road too,", novak, "added").confidence = round(quote_min_confidence() / 2, 3)
    s = open_store(str(tmp_path / "conf.db"))
    try:
        s.add_record(b.rec)
        with TestClient(create_app(s.target, store=s, token=None)) as c:
            d = c.get("/api/statements").json()
            assert [r["text"] for r in d["results"]] == ["We will rebuild the bridge,"] and d["total_quotes"] == 1
            assert c.get("/api/statements", params={"min_confidence": 0.95}).json()["total"] == 0
            assert c.get("/api/statements", params={"min_confidence": 2}).status_code == 422
            csv_text = c.get("/statements", params={"format": "csv"}).text
            assert "We will rebuild the bridge" in csv_text and "Maybe the road" not in csv_text
            html = c.get("/statements").text
            assert "We will rebuild the bridge" in html and "Maybe the road" not in html
    finally:
        s.close()


# --------------------------------------------------------------------------- trial of 2026-12-07
def test_month_facet_links_end_on_the_last_day_of_the_month(tmp_path):
    """The statements page's month facet links filter that month: a 30-day month ends on the
    30th (the link used to say until=YYYY-MM-31, which is no date: a 422 for September)."""
    from newsgraph.store import open_store
    from newsgraph.web.app import create_app

    b = Builder("sept-1", 'Kowal said "the talks failed again today."\n', title="September", published="2016-09-30")
    kowal = b.entity("Jan Kowal", country="POL", mentions=["Kowal"])
    b.quote("the talks failed again today.", kowal, "said")
    s = open_store(str(tmp_path / "m.db"))
    assert s.add_record(b.rec) is not None
    with TestClient(create_app(s.target, store=s, token=None)) as c:
        page = c.get("/statements").text
        links = re.findall(r'<a href="(\?[^"]*)">2016-09</a>', page)
        assert len(links) == 1, page
        r = c.get("/statements" + links[0].replace("&amp;", "&"))
        assert r.status_code == 200, r.text[:300]
        assert "until=2016-09-30" in links[0].replace("&amp;", "&")
        assert "the talks failed again today." in r.text
    s.close()


@pytest.mark.parametrize("path", ["/articles", "/statements", "/actors", "/timeline", "/stories"])
def test_a_page_past_the_end_says_so_and_links_back(client, path):
    """An offset past the last result (a stale bookmark, an edited URL) is not "nothing matches"
    under a total that says otherwise; the page says where it is and links to the last page."""
    r = client.get(path, params={"offset": 5000})
    assert r.status_code == 200
    assert "matches." not in r.text
    assert "this page is past the last result" in r.text
    back = re.search(r'<a href="([^"]*)">← (?:last|first) page</a>', r.text)
    assert back, r.text[-800:]
    again = client.get(back.group(1).replace("&amp;", "&"))
    assert again.status_code == 200 and "past the last result" not in again.text
    assert client.get(path).text.count("matches.") == again.text.count("matches.")


def test_overview_tiles_show_the_totals_of_the_pages_they_link_to(tmp_path):
    """The overview's numbers are the pages' numbers: a belief is no statement on the
    statements page and a negated event is not on the timeline, so neither is counted on the
    overview either (the tiles used to count every stored row: 2 statements, 2 events here)."""
    from newsgraph.store import open_store
    from newsgraph.web.app import create_app

    b = Builder(
        "tiles-1",
        'Kowal said "the talks failed again today." Kowal believes the sanctions will work. '
        "Kowal met Hrytsenko. Kowal did not attack Hrytsenko.\n",
        title="Tiles",
        published="2024-03-06",
        source="Example Wire",
    )
    kowal = b.entity("Jan Kowal", country="POL", mentions=["Kowal"])
    hry = b.entity("Mykola Hrytsenko", country="UKR", mentions=["Hrytsenko"])
    b.quote("the talks failed again today.", kowal, "said")
    b.quote("the sanctions will work", kowal, "believes", kind="indirect").cue_type = "other"
    b.event("CONSULT", "met", kowal, hry)
    b.event("ASSAULT", "attack", kowal, hry).negated = True
    s = open_store(str(tmp_path / "t.db"))
    assert s.add_record(b.rec) is not None
    with TestClient(create_app(s.target, store=s, token=None)) as c:
        page = c.get("/")
        assert page.status_code == 200
        tiles = dict(
            (label, (href, int(n.replace(",", ""))))
            for href, n, label in re.findall(
                r'<a class="stat" href="([^"]+)"><b>([\d,]+)</b><span>([^<]+)</span></a>', page.text
            )
        )
        st = c.get("/api/statements").json()
        assert tiles["statements"] == ("/statements", st["total"]) and st["total"] == 1
        assert tiles["quotes said"] == ("/statements", st["total_quotes"])
        assert tiles["actors"] == ("/actors", c.get("/api/actors").json()["total"])
        tl = c.get("/api/timeline").json()
        assert tiles["events"] == ("/timeline", tl["total"]) and tl["total"] == 1
        assert tiles["articles"] == ("/articles", 1)
        shown = c.get("/api/overview").json()["shown"]
        assert shown == {"statements": 1, "statements_capped": False, "quotes": 1, "actors": 2, "events": 1}
    s.close()


def test_the_actor_page_links_to_the_statements_it_counts(tmp_path):
    """The actor page's "said" counts speech cues; its "All statements by" link opens the
    statements page with the same quotes (it used to add beliefs: 1 said, 2 quotes behind it)."""
    from newsgraph.store import open_store
    from newsgraph.web.app import create_app

    b = Builder(
        "said-1",
        'Kowal said "the talks failed again today." Kowal believes the sanctions will work.\n',
        title="Said",
        published="2024-03-06",
        source="Example Wire",
    )
    kowal = b.entity("Jan Kowal", country="POL", mentions=["Kowal"])
    b.quote("the talks failed again today.", kowal, "said")
    b.quote("the sanctions will work", kowal, "believes", kind="indirect").cue_type = "other"
    s = open_store(str(tmp_path / "a.db"))
    assert s.add_record(b.rec) is not None
    with TestClient(create_app(s.target, store=s, token=None)) as c:
        kid = c.get("/api/actors", params={"q": "Kowal"}).json()["results"][0]["id"]
        page = c.get(f"/actors/{kid}")
        assert page.status_code == 200 and "<b>1</b><span>said</span>" in page.text
        link = re.search(r'<a href="([^"]+)">All statements by Jan Kowal →</a>', page.text)
        assert link, page.text
        r = c.get(link.group(1).replace("&amp;", "&"))
        assert r.status_code == 200 and re.search(r"1 statement\s+from 1 quote by", r.text), r.text[-2000:]
        j = c.get(link.group(1).replace("&amp;", "&") + "&format=json").json()
        assert [x["text"] for x in j["results"]] == ["the talks failed again today."]
    s.close()


@pytest.mark.parametrize("path", ["/timeline", "/map", "/network"])
def test_the_type_menu_shows_the_filter_in_force(client, path):
    """?type=accuse filters ACCUSE events, and a type the store has none of filters everything
    out: the menu says so instead of showing "all" above the filtered (or empty) result."""
    r = client.get(path, params={"type": "accuse"})
    assert r.status_code == 200 and "<option selected>ACCUSE</option>" in r.text
    assert r.text.count("<option selected>ACCUSE</option>") == 1
    r = client.get(path, params={"type": "PROTEST"})
    assert r.status_code == 200 and "<option selected>PROTEST</option>" in r.text


@pytest.mark.parametrize("path", ["/articles", "/statements"])
def test_the_outlet_menu_shows_the_outlet_in_force(client, path):
    """An outlet that is not in the menu (it lists the store's first 500; or a bookmark from
    another store) is shown as the filter in force, not "all" above an empty result."""
    r = client.get(path, params={"outlet": 'Zürich Daily "Ost"'})
    assert r.status_code == 200
    assert '<option value="Zürich Daily &#34;Ost&#34;" selected>Zürich Daily &#34;Ost&#34;</option>' in r.text
    known = client.get(path, params={"outlet": "Example Wire"}).text
    assert "<option selected>Example Wire</option>" in known  # listed: selected once, not added again
    assert 'value="Example Wire" selected' not in known


def test_overview_statements_tile_is_counted_as_the_page_counts(client, monkeypatch):
    """The statements page counts up to COUNT_CAP ("More than 1,000 statements"); the tile too."""
    from newsgraph.store import read

    monkeypatch.setattr(read, "COUNT_CAP", 1)
    assert "<b>1+</b><span>statements</span>" in client.get("/").text
    assert "More than 1 statements" in client.get("/statements").text


def test_the_article_page_lists_the_events_at_or_above_the_threshold(tmp_path):
    """An event under the documented threshold is stored with its confidence but, as on the
    timeline and in exports, neither marked in the text nor listed on the article page, and the
    article's event count is of the events listed; the page says how many it leaves out."""
    from newsgraph.store import open_store
    from newsgraph.thresholds import event_min_confidence
    from newsgraph.web.app import create_app

    b = Builder(
        "ev-conf-1",
        "Kowal met Berger in Warsaw. Kowal praised the weather.\n",
        title="Kowal meets Berger",
        published="2024-03-05",
        source="Example Wire",
    )
    kowal = b.entity("Jan Kowal", country="POL", mentions=["Kowal"])
    berger = b.entity("Olaf Berger", country="DEU", mentions=["Berger"])
    b.event("CONSULT", "met", kowal, berger).confidence = 0.9
    b.event("SUPPORT", "praised", kowal).confidence = round(event_min_confidence() / 2, 3)
    s = open_store(str(tmp_path / "ev.db"))
    try:
        aid = s.add_record(b.rec)
        with TestClient(create_app(s.target, store=s, token=None)) as c:
            r = c.get(f"/articles/{aid}")
            assert r.status_code == 200
            html = r.text
            assert "Events (1)" in html and ">CONSULT<" in html and ">SUPPORT<" not in html
            assert "1 more event below the confidence threshold" in html
            assert "1 event (1 more below the confidence threshold)" in html
            assert re.search(r'class="trig[^"]*" data-r="V1[^"]*">met<', html)
            assert not re.search(r'data-r="V2[^"]*">praised<', html)  # not marked in the text
            assert [v["id"] for v in c.get(f"/api/articles/{aid}").json()["record"]["events"]] == ["V1", "V2"]
            assert c.get("/api/articles").json()["results"][0]["n_events"] == 1
    finally:
        s.close()
