"""Shared fixtures. The spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("NEWSGRAPH_SHARED_DATA", ROOT.parent / "shared" / "data"))


MODEL_FIXTURES = {"nlp", "extract", "sample_records"}


def pytest_collection_modifyitems(config, items):
    """Mark the tests that load the spaCy pipeline (through the fixtures below) ``model``."""
    for item in items:
        if MODEL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.model)


@pytest.fixture(scope="session")
def nlp():
    from newsgraph.pipeline import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def extract(nlp):
    """``extract(text, published=None)`` -> Record, with the session's pipeline."""
    import newsgraph

    def _extract(text, published=None, **kw):
        return newsgraph.extract(text, published=published, **kw)

    return _extract


@pytest.fixture(scope="module")
def run_at(nlp, request):
    """``run_at(text, published=<the test module's PUB>)`` -> the Doc, run through the pipeline."""
    default = request.module.PUB

    def run(text, published=default):
        doc = nlp.make_doc(text)
        doc._.published = published
        return nlp(doc)

    return run


@pytest.fixture(scope="module")
def times_of(run_at):
    """``times_of(text, published=<the test module's PUB>)`` -> {expression text: Time}."""

    def run(text, *args, **kw):
        return {t.text: t for t in run_at(text, *args, **kw)._.times}

    return run


@pytest.fixture(scope="module")
def evs(nlp):
    """``evs(text)`` -> the events of one article published 2024-03-06 (a Wednesday)."""
    from newsgraph.article import Article
    from newsgraph.pipeline import extract_one

    def _evs(text):
        rec = extract_one(nlp, Article(id="t", text=text, published="2024-03-06"))
        assert not isinstance(rec, Exception), rec
        return rec.events

    return _evs


def _switched_off(rules: set):
    """Yield ``off(*names)``, which adds rule names to a component's switch set; the names it
    added are removed again when the fixture ends."""
    added: set = set()

    def off(*names):
        for n in names:
            if n not in rules:
                rules.add(n)
                added.add(n)

    yield off
    rules.difference_update(added)


@pytest.fixture
def quote_rules_off():
    """``quote_rules_off(*names)`` switches quote rules off (``quotes._RULES_OFF``) for one test,
    to show what they change; they are on again after it."""
    from newsgraph.extractors import quotes

    yield from _switched_off(quotes._RULES_OFF)


@pytest.fixture
def place_rules_off():
    """``place_rules_off(*names)`` switches place rules off (``places._RULES_OFF``) for one test;
    they are on again after it."""
    from newsgraph.extractors import places

    yield from _switched_off(places._RULES_OFF)


@pytest.fixture
def time_rules_off():
    """``time_rules_off(*names)`` switches time rules off (``times.RULES_OFF``) for one test;
    they are on again after it."""
    from newsgraph.extractors import times

    yield from _switched_off(times.RULES_OFF)


@pytest.fixture
def event_rules_off():
    """``event_rules_off(*names)`` switches event rules off (``events.tables.RULES_OFF``:
    "precision15", "recipients15", ...) for one test; they are on again after it."""
    from newsgraph.extractors.events import tables

    yield from _switched_off(tables.RULES_OFF)


@pytest.fixture
def without():
    """``without(*rules)``: speaker rules (``entities.SPEAKER_RULES_OFF``) switched off for the
    next extraction, to show what they change; none is off after the test."""
    from newsgraph.extractors.entities import SPEAKER_RULES_OFF

    def _off(*rules):
        SPEAKER_RULES_OFF.clear()
        SPEAKER_RULES_OFF.update(rules)

    yield _off
    SPEAKER_RULES_OFF.clear()


@pytest.fixture(scope="session")
def sample_records(nlp):
    from newsgraph.pipeline import process
    from newsgraph.readers import read_path
    from newsgraph.samples import sample_path

    return {r.id: r for r in process(read_path(sample_path()), nlp)}


@pytest.fixture(scope="session")
def shared_data():
    """Path to ../shared/data; tests that need it skip cleanly when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared gold data not found at {SHARED_DATA}")
    return SHARED_DATA


# --- PostgreSQL for the store tests (a throw-away cluster, started once per session) --------


@pytest.fixture(scope="session")
def pg_server():
    """A private PostgreSQL server on 127.0.0.1 (newsgraph.store.pgtemp). Yields
    ``postgresql://postgres@127.0.0.1:PORT``; skips when PostgreSQL is not installed, unless
    CI=true (then it fails)."""
    from newsgraph.store.pgtemp import PostgresUnavailable, start_temp_postgres

    try:
        url, stop = start_temp_postgres()
    except PostgresUnavailable as e:
        if os.environ.get("CI") == "true":
            pytest.fail(str(e))
        pytest.skip(str(e))
    try:
        yield url
    finally:
        stop()


@pytest.fixture
def pg_url(pg_server):
    """A fresh, empty PostgreSQL database for one test."""
    import uuid

    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(pg_server + "/postgres", autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    yield f"{pg_server}/{name}"
    with psycopg.connect(pg_server + "/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="module")
def every(nlp):
    """``every(text)`` -> every quote record the rules make, whatever its confidence (rule tests
    of paths the confidence threshold may leave out of the default output)."""
    from newsgraph.extractors.quotes import extract_quotes

    return lambda text: extract_quotes(nlp(text), min_confidence=0.0)
