"""End-to-end: the web app in a real headless Chromium (Debian's chromium, driven by the Python
playwright package; no browser download). A uvicorn server runs in a thread on 127.0.0.1 over a
temporary demo store built from the bundled sample articles.

The tests take a screenshot of each page (into a temporary folder; with
NEWSGRAPH_SCREENSHOTS=docs/screenshots they refresh the ones shown in the README), check
that pages render without script errors and load nothing from outside this server, that the
article page explains its marks, and that markup in article text never runs.

They skip when chromium or playwright is missing, except under CI=true, where they fail.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("NEWSGRAPH_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

# a test run must not rewrite tracked files: screenshots go to a temporary folder unless asked
SHOTS = Path(os.environ.get("NEWSGRAPH_SCREENSHOTS") or Path(tempfile.gettempdir()) / "newsgraph-screenshots")
VIEW = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}

pytestmark = pytest.mark.slow


def _need(what: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is required for the end-to-end tests under CI")
    pytest.skip(f"{what} not available")


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _need("the playwright package")
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        _need(f"chromium ({CHROMIUM}; install with scripts/system-deps.sh)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Server:
    """uvicorn in a thread on a free loopback port."""

    def __init__(self, app):
        import uvicorn

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        from newsgraph.web.cli import server_config

        self.server = uvicorn.Server(server_config(app, "127.0.0.1", self.port))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.time() + 20
        while not self.server.started:
            if time.time() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self):
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="module")
def demo(tmp_path_factory, nlp):
    """The demo store (the sample articles, extracted for real) behind a live server."""
    from newsgraph.pipeline import process
    from newsgraph.readers import read_path
    from newsgraph.samples import responses_sample_path, sample_path
    from newsgraph.store import open_store
    from newsgraph.web.app import create_app

    store = open_store(str(tmp_path_factory.mktemp("demo") / "demo.db"))
    # the samples, then the article answering the ceasefire call (the day after: same story)
    for rec in process(list(read_path(sample_path())) + list(read_path(responses_sample_path())), nlp):
        assert not isinstance(rec, Exception), rec
        store.add_record(rec)
    # shown in the page footer as the store's name: the default a user sees, not the temp path
    srv = Server(create_app("newsgraph.db", store=store))
    yield srv, store
    srv.stop()
    store.close()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, nlp):
    """A store holding articles whose text, names and quotes carry <script> and onerror=."""
    from newsgraph.article import Article
    from newsgraph.pipeline import process
    from newsgraph.store import open_store
    from newsgraph.web.app import create_app
    from test_web_api import make_records

    store = open_store(str(tmp_path_factory.mktemp("xss") / "xss.db"))
    for rec in make_records():
        store.add_record(rec)
    text = (
        'Mayor <script>window.__pwned = 1; alert("x")</script> Anna Novak said on Monday: '
        '"<img src=x onerror="window.__pwned = 2; alert(2)"> is not welcome in Warsaw." '
        'Police <b onmouseover="alert(3)">arrested</b> three men in Warsaw.'
    )
    for rec in process(
        [
            Article(
                id="xss-extracted",
                text=text,
                title='<svg onload="alert(4)">',
                published="2024-03-08",
                source="<i>Outlet</i>",
            )
        ],
        nlp,
    ):
        assert not isinstance(rec, Exception), rec
        store.add_record(rec)
    srv = Server(create_app(store.target, store=store))
    yield srv, store
    srv.stop()
    store.close()


def _new_page(browser, viewport=VIEW):
    ctx = browser.new_context(viewport=viewport, device_scale_factor=1)
    pg = ctx.new_page()
    pg.errors = []
    pg.dialogs = []
    pg.requests = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("console", lambda m: m.type == "error" and pg.errors.append(m.text))
    pg.on("request", lambda r: pg.requests.append(r.url))

    def on_dialog(d):
        pg.dialogs.append(d.message)
        d.dismiss()

    pg.on("dialog", on_dialog)
    return pg


@pytest.fixture()
def page(browser):
    pg = _new_page(browser)
    yield pg
    pg.context.close()


@pytest.fixture(params=["desktop", "phone"])
def any_page(request, browser):
    """A page at desktop width (1280 px) and again at phone width (390 px)."""
    pg = _new_page(browser, VIEW if request.param == "desktop" else PHONE)
    pg.width_name = request.param
    yield pg
    pg.context.close()


def _open(page, url, status=200):
    resp = page.goto(url, wait_until="networkidle")
    assert resp is not None and resp.status == status, (url, resp and resp.status)
    assert "server" not in resp.headers and "content-security-policy" in resp.headers  # no banner
    page.wait_for_timeout(100)
    if status >= 400:  # the browser's own note on the page's status
        page.errors[:] = [e for e in page.errors if not e.startswith("Failed to load resource")]
    assert page.errors == [], page.errors
    assert all(u.startswith("http://127.0.0.1:") or u.startswith("data:") for u in page.requests), page.requests
    return resp


def _submit(page, form="form.filters"):
    """Submit a form as a person would (its button), wait for the new page, check it."""
    with page.expect_navigation(wait_until="networkidle") as nav:
        page.click(f"{form} button[type=submit]")
    resp = nav.value
    assert resp is not None and resp.status == 200, (page.url, resp and resp.status)
    page.wait_for_timeout(100)
    assert page.errors == [], page.errors
    return resp


def _axe(page):
    """axe-core (the axe-playwright-python package ships it) in the page: no serious or
    critical violation."""
    from axe_playwright_python.sync_playwright import Axe

    res = Axe().run(page)
    bad = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in res.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert bad == [], (page.url, bad)


def _fits(page):
    """No sideways scroll, and every navigation link on screen."""
    over = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert over <= 0, (page.url, f"{over}px sideways scroll")
    for link in page.locator("header.top nav a").all():
        box = link.bounding_box()
        assert box and box["y"] >= 0 and box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"], (
            page.url,
            link.inner_text(),
            box,
        )


def _shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def _ids(store):
    arts = {a["key"]: a["id"] for a in store.list_articles(limit=None)}
    actors = store.list_actors(limit=None)
    return arts, actors


def _pages(store):
    arts, actors = _ids(store)
    kowal = next((a["id"] for a in actors if "Kowal" in a["name"]), actors[0]["id"])
    stmt = store.overview()["top_statements"][0]["id"]
    return [  # name, path, what must appear (results, drawn charts)
        ("overview", "/", ".stat b"),
        ("article", f"/articles/{arts['sample-ceasefire']}", "#article-text .q"),
        ("articles", "/articles", "table.list td a"),
        ("stories", "/stories", "table.list td a[href^='/stories/']"),
        ("story", f"/stories/{store.story_of_article(arts['sample-ceasefire'])['id']}", ".story-grid td a"),
        ("statements", "/statements", ".stmt .said a"),
        ("statements-search", "/statements?q=aid&unit=day", ".stmt mark"),
        ("statement", f"/statements/{stmt}", ".sources li"),
        ("actors", "/actors", "table.list td a"),
        ("actor", f"/actors/{kowal}", ".tl li"),
        ("timeline", "/timeline", "#timeline-chart svg rect"),
        ("map", "/map", "#map-chart svg path.country"),
        ("network", "/network", "#network-chart svg .node"),
        ("api", "/docs", ".swagger-ui .opblock"),
    ]


def test_every_page_at_desktop_and_phone_width(demo, any_page):
    """Each page answers 200, shows its results, runs no failing script, loads nothing from
    outside, fits the screen (no sideways scroll, navigation reachable) and has no serious or
    critical axe-core violation; at both widths. Screenshots of each."""
    srv, store = demo
    page = any_page
    for name, path, selector in _pages(store):
        _open(page, srv.url + path)
        page.wait_for_selector(selector, state="attached", timeout=20_000)  # drawn (Swagger UI is slow)
        assert page.locator(selector).count() > 0, (name, selector)
        if name == "api":
            continue  # Swagger UI's own page, not ours
        _fits(page)
        _axe(page)
        assert page.locator("h1").count() == 1 and page.locator("a.skip[href='#main']").count() == 1
        if page.width_name == "desktop":
            _shoot(page, name)
        elif name in ("overview", "statements-search", "article"):
            _shoot(page, "phone-" + name)
    if page.width_name == "desktop":
        # the map draws the shipped country shapes and a circle per located place
        _open(page, srv.url + "/map")
        assert page.locator("#map-chart path.country").count() > 170
        assert page.locator("#map-chart circle.pt").count() == len(store.map_points()["points"]) > 0


def test_forms_as_a_person_submits_them(demo, any_page):
    """Every filter form, filled in part and with the rest left empty, answers 200 with results."""
    srv, store = demo
    page = any_page
    forms = [
        ("/articles", {"input[name=q]": "ceasefire"}, "table.list td a[href^='/articles/']"),
        ("/articles", {}, "table.list td a[href^='/articles/']"),
        ("/statements", {"input[name=q]": "ceasefire OR aid"}, ".stmt .ctx mark"),
        ("/statements", {}, ".stmt .said a"),
        ("/actors", {"input[name=q]": "a"}, "table.list td a[href^='/actors/']"),
        ("/actors", {}, "table.list td a[href^='/actors/']"),
        ("/timeline", {}, "#timeline-chart svg rect"),
        ("/map", {}, "#map-chart circle.pt"),
        ("/network", {}, "#network-chart svg .node"),
    ]
    for path, fill, results in forms:
        _open(page, srv.url + path)
        for sel, value in fill.items():
            page.fill(f"form.filters {sel}", value)
        resp = _submit(page)
        assert page.url.startswith(srv.url + path), page.url
        assert page.locator(results).count() > 0, (path, fill, results, resp.status)
        if path == "/statements" and fill:
            for s in page.locator(".stmt .ctx mark").all_inner_texts()[:5]:
                assert s.strip()
    # a bad value gets an HTML page that says what was wrong
    _open(page, srv.url + "/statements?since=March", status=422)
    assert "since: not a date" in page.inner_text(".errors")
    _open(page, srv.url + "/statements?q=%22", status=422)
    assert "no words to look for" in page.inner_text(".errors")


def test_speaker_autocomplete_filters_by_actor(demo, page):
    srv, store = demo
    _open(page, srv.url + "/statements")
    speaker = next(a for a in store.ranked_actors(limit=50) if store.search_statements(speaker_id=a["id"])["total"])
    page.fill("form.filters input[name=speaker]", speaker["name"][:4])
    page.wait_for_selector("#speaker-list option", state="attached", timeout=5000)
    value = next(
        v
        for v in page.eval_on_selector_all("#speaker-list option", "os => os.map(o => o.value)")
        if v.endswith(f"#{speaker['id']}")
    )
    page.fill("form.filters input[name=speaker]", value)
    _submit(page)
    who = page.locator(".stmt .who > a").all_inner_texts()
    assert who and set(who) == {speaker["name"]}, who


def test_speaker_field_takes_a_long_paste_without_errors(demo, page):
    """A sentence pasted or typed into the speaker field (longer than the autocomplete's
    100-character limit) asks no suggestion the server must refuse: no 422 in the console,
    and the form still answers with choices."""
    srv, _store = demo
    _open(page, srv.url + "/statements")
    page.fill("form.filters input[name=speaker]", "the spokesman for the ministry of foreign affairs " * 3)
    page.wait_for_timeout(600)  # the autocomplete waits 150 ms before it asks
    assert page.errors == [], page.errors
    _submit(page)


def test_deep_link_scrolls_to_and_marks_the_quote(demo, page):
    srv, store = demo
    arts, _ = _ids(store)
    aid = arts["sample-ceasefire"]
    rec = store.get_record_dict(aid)
    q = rec["quotes"][-1]["id"]
    _open(page, srv.url + f"/articles/{aid}#{q}")
    assert f"Quote {q}" in page.text_content("#why")
    sel = page.locator(f'#article-text .sel[data-r~="{q}"]').first
    box = sel.bounding_box()
    assert box and 0 <= box["y"] <= VIEW["height"], box  # scrolled into view
    # from the statements page, a source link lands on its mark
    _open(page, srv.url + "/statements?q=ceasefire")
    link = page.locator(".sources a[href*='#Q']").first
    href = link.get_attribute("href")
    with page.expect_navigation(wait_until="networkidle"):
        link.click()
    assert page.url.endswith(href)
    assert f"Quote {href.split('#')[1]}" in page.text_content("#why")


def test_map_zooms_and_pans(demo, page):
    srv, _ = demo
    _open(page, srv.url + "/map")
    svg = page.locator("#map-chart svg")
    before = svg.get_attribute("viewBox")
    page.click("#zoom-in")
    zoomed = svg.get_attribute("viewBox")
    assert zoomed != before and float(zoomed.split()[2]) < float(before.split()[2])
    svg.focus()
    page.keyboard.press("ArrowRight")
    assert svg.get_attribute("viewBox").split()[0] != zoomed.split()[0]
    page.select_option("#map-colour", "type")
    assert "main event type" in page.inner_text("#map-keys")
    assert "uncertain place" in page.inner_text("#map-keys")


def test_chart_is_reachable_by_keyboard(demo, page):
    srv, _ = demo
    _open(page, srv.url + "/timeline")
    chart = page.locator("#timeline-chart svg")
    chart.focus()
    page.keyboard.press("Home")
    first = page.inner_text("#timeline-chart [aria-live]")
    page.keyboard.press("ArrowRight")
    assert page.inner_text("#timeline-chart [aria-live]") != first and ":" in first
    with page.expect_navigation(wait_until="networkidle"):
        page.keyboard.press("Enter")
    assert "since=" in page.url and "until=" in page.url


def test_empty_store_page(tmp_path, page, monkeypatch):
    from newsgraph.web.app import create_app

    monkeypatch.chdir(tmp_path)  # the page shows the store path as given: keep it short
    srv = Server(create_app("newsgraph.db"))
    try:
        _open(page, srv.url + "/")
        assert "No articles in this store yet" in page.inner_text("h1")
        assert "newsgraph ingest --sample" in page.inner_text("main")
        _shoot(page, "empty")
        for path in ["/articles", "/statements", "/actors", "/timeline", "/map", "/network"]:
            _open(page, srv.url + path)  # no script error on pages with nothing to draw
            assert page.locator("h1").count() == 1
    finally:
        srv.stop()


def test_article_marks_explain_themselves(demo, page):
    srv, store = demo
    arts, _ = _ids(store)
    _open(page, srv.url + f"/articles/{arts['sample-ceasefire']}")
    rec = store.get_record_dict(arts["sample-ceasefire"])
    # a stretch of text that is only a quote (no place, cue or trigger inside it)
    q = next(q for q in rec["quotes"] if q.get("cue") and page.locator(f'#article-text [data-r="{q["id"]}"]').count())
    page.locator(f'#article-text [data-r="{q["id"]}"]').first.hover()
    why = page.locator("#why")
    assert why.is_visible()
    assert f"Quote {q['id']}" in why.text_content()
    assert q["cue"]["text"] in why.text_content() and (q["rule"] or "") in why.text_content()
    # clicking an event in the side list selects its trigger in the text
    if rec["events"]:
        v = rec["events"][0]
        page.locator(f'.evlist li[data-r="{v["id"]}"]').click()
        assert f"Event {v['id']}" in why.text_content()
        assert page.locator(f'#article-text .sel[data-r~="{v["id"]}"]').count() >= 1
    # keyboard: Tab to a quote in the side list, Enter selects it
    q_last = rec["quotes"][-1]["id"]
    page.locator(f'.evlist li[data-r="{q_last}"]').focus()
    page.keyboard.press("Enter")
    assert f"Quote {q_last}" in why.text_content()
    # a speaker mention links to the actor page
    link = page.locator("#article-text a.ent").first
    href = link.get_attribute("href")
    assert href.startswith("/actors/")
    with page.expect_navigation(wait_until="networkidle"):
        link.click()
    assert page.url.endswith(href) and page.locator(".tl li").count() > 0


def test_markup_in_articles_never_runs(hostile, page):
    srv, store = hostile
    arts, actors = _ids(store)
    paths = ["/", "/articles", "/statements", "/actors", "/timeline", "/map", "/network"]
    paths += [f"/articles/{i}" for i in arts.values()] + [f"/actors/{a['id']}" for a in actors]
    for path in paths:
        _open(page, srv.url + path)
        # hover every mark (onmouseover=) on article pages
        for el in page.locator("#article-text [data-r]").all()[:40]:
            el.hover()
        assert page.evaluate("window.__pwned === undefined"), path
        assert (
            page.locator("img[src=x], main script:not([src]):not([type='application/json']), b[onmouseover]").count()
            == 0
        ), path
    assert page.dialogs == []
    _open(page, srv.url + f"/articles/{arts['xss-extracted']}")
    assert "<script>window.__pwned" in page.inner_text("#article-text")  # shown as text


def test_story_page_shows_articles_by_outlet_and_statements(demo, page):
    """The story page answers 200 and shows its article on the outlet-by-day grid, its
    statements and its events; the article page links to its story."""
    srv, store = demo
    arts, _ = _ids(store)
    story = store.story_of_article(arts["sample-ceasefire"])
    resp = _open(page, srv.url + f"/stories/{story['id']}")
    assert resp.status == 200
    assert page.inner_text("h1") == story["title"]
    grid = page.inner_text(".story-grid")
    assert "Polish minister calls for ceasefire" in grid and "Kremlin dismisses Polish ceasefire call" in grid
    assert "example post" in grid.lower() and "example wire" in grid.lower()  # th text is upper-cased by CSS
    assert "welcomed Kowal's proposal" in " ".join(page.locator(".story-statements .responses").all_inner_texts())
    assert page.locator(".story-statements li").count() >= 1
    assert "ceasefire" in page.inner_text(".story-statements").lower()
    assert page.locator(".story-events li .badge.ev").count() >= 1
    _open(page, srv.url + f"/articles/{arts['sample-responses']}")
    thread = " ".join(page.locator(".responses.thread").all_inner_texts())
    assert "answers Jan Kowal" in thread and "support" in thread
    _open(page, srv.url + f"/articles/{arts['sample-ceasefire']}")
    assert "answered by Oksana Melnyk" in " ".join(page.locator(".responses.thread").all_inner_texts())
    page.click(".story-link a")
    page.wait_for_load_state("networkidle")
    assert page.url.endswith(f"/stories/{story['id']}")


def test_a_long_role_wraps_at_phone_width(tmp_path, browser, nlp):
    """An actor page whose person holds a long role (round 20 trial: "presumptive Republican
    presidential nominee in the United States" scrolled the page sideways at 390 px)."""
    from newsgraph.article import Article
    from newsgraph.pipeline import process
    from newsgraph.store import open_store
    from newsgraph.web.app import create_app

    text = (
        "Maria Lindqvist, the presumptive Republican presidential nominee in the United States, said on "
        'Monday that she would win the election in November. "We will win," Lindqvist told reporters.'
    )
    store = open_store(str(tmp_path / "role.db"))
    for rec in process([Article(id="long-role", text=text, title="Lindqvist", published="2016-05-02")], nlp):
        assert not isinstance(rec, Exception), rec
        store.add_record(rec)
    actor = next(a for a in store.list_actors(limit=None) if a["name"] == "Maria Lindqvist")
    srv = Server(create_app(store.target, store=store))
    pg = _new_page(browser, PHONE)
    try:
        _open(pg, srv.url + f"/actors/{actor['id']}")
        assert "Maria Lindqvist" in pg.inner_text("h1")
        assert "presumptive Republican presidential nominee in the United States" in pg.inner_text("main")
        _fits(pg)
    finally:
        pg.context.close()
        srv.stop()
        store.close()
