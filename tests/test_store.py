"""The store on both back ends (SQLite file, throw-away PostgreSQL): writing, duplicates,
cross-article statements and actors, read functions, full text, exports. Records are built by
hand here, so these tests do not depend on the extractors."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import pytest

from newsgraph.record import Entity, Event, Place, Quote, Record, SentenceRef, Span, TimeExpr
from newsgraph.store import open_store
from newsgraph.store.export import POLECAT_COLUMNS, export, to_string


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        url = str(tmp_path / "store.db")
    else:
        url = request.getfixturevalue("pg_url")
    s = open_store(url)
    yield s
    s.close()


def span(text: str, part: str) -> Span:
    i = text.index(part)
    return Span(i, i + len(part), part)


def make_record(
    rid="a1",
    url="https://example.org/a1",
    outlet="Example Wire",
    published="2024-03-06",
    speaker="Anna Novak",
    said="We will not retreat from Kharkiv,",
    extra="",
    negated=False,
    said_on="2024-03-05",
) -> Record:
    text = (
        f'"{said}" {speaker} said on Tuesday. Russian forces shelled Kharkiv, '
        f"officials said. The regime change debate continued.{extra}"
    )
    q_start = 1
    q_end = q_start + len(said)
    sent_end = text.index(" Russian")
    ents = [
        Entity(
            id="E1",
            name=speaker,
            type="PERSON",
            country="CZE",
            roles=["opposition leader"],
            mentions=[span(text, speaker)],
        ),
        Entity(
            id="E2",
            name="Russian forces",
            type="ORG",
            country="RUS",
            sector="MIL",
            mentions=[span(text, "Russian forces")],
        ),
    ]
    quotes = [
        Quote(
            id="Q1",
            text=said,
            start=q_start,
            end=q_end,
            kind="direct",
            cue_type="speech",
            speaker="E1",
            speaker_mention=span(text, speaker),
            cue=span(text, "said"),
            addressee=None,
            via=None,
            date=said_on,
            sentence=SentenceRef(0, sent_end),
            rule="direct: quote-speaker-cue",
        ),
        Quote(
            id="Q2",
            text="The regime change debate continued.",
            start=text.index("The regime"),
            end=len(text) - len(extra),
            kind="indirect",
            cue_type="other",
            speaker=None,
            speaker_mention=None,
            cue=None,
            addressee=None,
            via=None,
            date=None,
            sentence=SentenceRef(text.index("The regime"), len(text)),
            rule="test",
        ),
    ]
    places = [
        Place(
            id="P1",
            name="Kharkiv",
            geonameid=706483,
            lat=49.98,
            lon=36.25,
            country="UKR",
            admin1="07",
            feature="city",
            population=1_430_000,
            mentions=[span(text, "Kharkiv")],
            rule="gazetteer",
        )
    ]
    times = [
        TimeExpr(
            id="T1",
            start=text.index("Tuesday"),
            end=text.index("Tuesday") + 7,
            text="Tuesday",
            type="DATE",
            value="2024-03-05",
            rule="weekday",
        )
    ]
    trig = span(text, "shelled")
    events = [
        Event(
            id="V1",
            type="ASSAULT",
            mode="heavy-weapons",
            contexts=["military"],
            actor="E2",
            recipient=None,
            actor_country="RUS",
            actor_sector="MIL",
            recipient_country="UKR",
            recipient_sector=None,
            date=published,
            place="P1",
            quad="MATERIAL CONFLICT",
            cameo_root="19",
            trigger=trig,
            sentence=SentenceRef(sent_end + 1, text.index(" The regime")),
            negated=negated,
            rule="test",
        )
    ]
    return Record(
        id=rid,
        text=text,
        url=url,
        title=f"Title {rid}",
        published=published,
        source=outlet,
        entities=ents,
        quotes=quotes,
        events=events,
        places=places,
        times=times,
        model="test",
        newsgraph_version="0.1.0",
    )


def test_record_round_trips_exactly(store):
    rec = make_record()
    aid = store.add_record(rec)
    assert isinstance(aid, int)
    assert store.get_record(aid).to_dict() == rec.to_dict()
    assert store.get_record("a1").to_dict() == rec.to_dict()  # by record id
    assert store.get_record("https://example.org/a1").to_dict() == rec.to_dict()  # by url
    assert store.get_record(999) is None
    c = store.counts()
    assert (c["articles"], c["quotes"], c["events"], c["places"], c["times"], c["entities"]) == (1, 2, 1, 1, 1, 2)


def test_same_article_is_stored_once(store):
    rec = make_record()
    assert store.add_record(rec) is not None
    assert store.add_record(rec) is None  # same url and text
    # same url, different text: the same article (e.g. updated), not stored twice
    assert store.add_record(dataclasses.replace(rec, id="a1b", text=rec.text + " Update.")) is None
    # no url, same text up to case and whitespace: a duplicate by normalised text
    retyped = dataclasses.replace(rec, id="copy", url=None, text="  " + rec.text.upper().replace(" ", "\n "))
    assert store.add_record(retyped) is None
    assert store.find_duplicates([(None, rec.text.lower()), ("https://example.org/other", "new text")]) == [True, False]
    assert store.stats()["articles"] == 1


def test_statement_reported_by_several_outlets_is_one_statement(store):
    store.add_record(make_record("a1", "https://one.example/a", outlet="Wire One"))
    # another outlet, other punctuation and case, different article text
    store.add_record(
        make_record(
            "a2",
            "https://two.example/b",
            outlet="Paper Two",
            said="we will NOT retreat from Kharkiv",
            extra=" Second report.",
        )
    )
    # a different speaker saying the same words is a different statement
    store.add_record(
        make_record("a3", "https://three.example/c", outlet="Third", speaker="Petr Dvorak", extra=" Third report.")
    )
    sts = store.list_statements(speaker="Novak")
    assert len(sts) == 1
    assert sts[0]["n_sources"] == 2
    assert set(sts[0]["outlets"].split(",")) == {"Wire One", "Paper Two"}
    full = store.get_statement(sts[0]["id"])
    assert {q["outlet"] for q in full["sources"]} == {"Wire One", "Paper Two"}
    assert len(store.list_statements(min_sources=2)) == 2  # Novak's, and the unattributed sentence
    # one actor across the corpus per canonical name and country
    novak = store.list_actors(name="novak")
    assert len(novak) == 1 and novak[0]["n_articles"] == 2 and novak[0]["country"] == "CZE"
    actor = store.get_actor(novak[0]["id"])
    assert {a["key"] for a in actor["articles"]} == {"a1", "a2"}
    assert actor["articles"][0]["roles"] == ["opposition leader"]
    assert actor["n_quotes"] == 2
    assert len(store.list_actors(country="RUS")) == 1


def test_statement_normalisation():
    from newsgraph.store import normalise_statement as n

    assert n("“We will NOT retreat,”") == n("we will not retreat") == "we will not retreat"
    assert n("that voters are split") == n("Voters are split.")  # indirect speech's "that"
    assert n("That’s it.") == "that s it"  # a "that" that is part of the statement stays


def test_near_identical_statements_by_the_same_speaker_merge(store):
    said = "We will not retreat from Kharkiv, not one step back, whatever Moscow says"
    store.add_record(make_record("a1", "https://one.example/a", outlet="Wire One", said=said))
    # a word changed by another outlet, two days later: the same statement
    store.add_record(
        make_record(
            "a2",
            "https://two.example/b",
            outlet="Paper Two",
            published="2024-03-08",
            said=said.replace("one step", "a step"),
            extra=" Two.",
        )
    )
    # part of it quoted by a third: the same statement
    store.add_record(
        make_record(
            "a3",
            "https://three.example/c",
            outlet="Third",
            published="2024-03-07",
            said="not retreat from Kharkiv, not one step back",
            extra=" Three.",
        )
    )
    # the same words a month later, or by someone else, or a different sentence: other statements
    store.add_record(
        make_record(
            "a4",
            "https://four.example/d",
            outlet="Fourth",
            published="2024-04-20",
            said=said.replace("one step", "a step"),
            extra=" Four.",
            said_on="2024-04-19",
        )
    )
    store.add_record(
        make_record("a5", "https://five.example/e", outlet="Fifth", speaker="Petr Dvorak", said=said, extra=" Five.")
    )
    store.add_record(
        make_record(
            "a6",
            "https://six.example/f",
            outlet="Sixth",
            said="We will fight for Kharkiv until the last day of the war",
            extra=" Six.",
        )
    )
    novak = store.list_statements(speaker="Novak")
    assert [s["n_sources"] for s in novak] == [3, 1, 1]
    top = store.get_statement(novak[0]["id"])
    assert {q["article_key"] for q in top["sources"]} == {"a1", "a2", "a3"}
    assert top["text"] == said and (top["first_day"], top["last_day"]) == ("2024-03-05", "2024-03-05")
    assert len(store.list_statements(speaker="Dvorak")) == 1


def test_quote_filters_and_full_text(store):
    store.add_record(make_record("a1", "https://one.example/a", outlet="Wire One", published="2024-03-06"))
    store.add_record(
        make_record(
            "a2",
            "https://two.example/b",
            outlet="Paper Two",
            published="2024-04-10",
            speaker="Petr Dvorak",
            said="Taxes will fall next year",
            extra=" More.",
        )
    )
    assert {q["speaker_name"] for q in store.search_quotes(speaker="dvorak")} == {"Petr Dvorak"}
    assert store.search_quotes(speaker="CZE", kind="direct", limit=None).__len__() == 2
    # day = the date the quote was said (2024-03-05) when known, else publication date
    assert [q["article_key"] for q in store.search_quotes(speaker="Novak", since="2024-03-05", until="2024-03-05")] == [
        "a1"
    ]
    assert store.search_quotes(speaker="Novak", since="2024-03-06") == []
    assert {q["outlet"] for q in store.search_quotes(outlet="paper")} == {"Paper Two"}
    hits = store.search_quotes(text="regime change")
    assert len(hits) == 2 and all("regime change" in q["text"] for q in hits)
    assert store.search_quotes(text="change regime") == []  # a phrase, in order
    assert [q["text"] for q in store.search_quotes(text="retreat", speaker="Novak")] == [
        "We will not retreat from Kharkiv,"
    ]
    assert [a["key"] for a in store.list_articles(text="taxes")] == ["a2"]
    assert [a["key"] for a in store.list_articles(outlet="wire")] == ["a1"]
    assert len(store.search_quotes(limit=1)) == 1 and len(store.search_quotes(limit=1, offset=1)) == 1
    speech, other = (
        store.search_quotes(cue_type="speech", limit=None),
        store.search_quotes(cue_type="other", limit=None),
    )
    assert (
        speech
        and other
        and {q["cue_type"] for q in speech} == {"speech"}
        and {q["cue_type"] for q in other} == {"other"}
    )
    assert len(speech) + len(other) == len(store.search_quotes(limit=None))


def test_events_filters_counts_and_places(store):
    store.add_record(make_record("a1", "https://one.example/a", published="2024-03-04"))  # a Monday
    store.add_record(make_record("a2", "https://two.example/b", published="2024-03-10", extra=" Two."))  # Sunday
    store.add_record(make_record("a3", "https://three.example/c", published="2024-03-11", extra=" Three."))
    store.add_record(make_record("a4", "https://four.example/d", published="2024-03-12", extra=" Four.", negated=True))
    evs = store.search_events(actor="RUS", type="assault", place="Kharkiv")
    assert [e["article_key"] for e in evs] == ["a3", "a2", "a1"]  # newest first; the negated one left out
    assert evs[0]["contexts"] == ["military"] and evs[0]["lat"] == pytest.approx(49.98)
    assert len(store.search_events(include_flagged=True)) == 4
    assert store.search_events(actor="USA") == []
    counts = store.event_counts(actor="RUS")
    assert [(c["week"], c["n"]) for c in counts] == [("2024-03-04", 2), ("2024-03-11", 1)]
    assert counts[0]["actor"] == "Russian forces" and counts[0]["recipient_country"] == "UKR"
    places = store.list_places()
    assert len(places) == 1 and places[0]["n_articles"] == 4 and places[0]["geonameid"] == 706483


def test_failures_and_runs(store):
    run = store.start_run("newsgraph ingest x", "local", 2)
    store.add_failure("bad.jsonl:3", "invalid JSON", run)
    store.finish_run(run, stored=5, duplicates=1, failed=1)
    assert store.list_failures(run_id=run)[0]["error"] == "invalid JSON"
    r = store.list_runs()[0]
    assert (r["stored"], r["duplicates"], r["failed"], r["workers"]) == (5, 1, 1, 2) and r["finished"]


def test_reopen_keeps_schema_and_data(store):
    store.add_record(make_record())
    again = open_store(store.target)
    assert again.stats()["articles"] == 1
    again.close()


def test_exports(store, tmp_path):
    store.add_record(make_record("a1", "https://one.example/a"))
    store.add_record(make_record("a2", "https://two.example/b", extra=" Negated.", negated=True))
    lines = to_string(store, "jsonl").splitlines()
    assert [Record.from_dict(json.loads(x)).id for x in lines] == ["a1", "a2"]

    rows = list(csv.DictReader(io.StringIO(to_string(store, "csv", table="quotes"))))
    assert len(rows) == 4 and rows[0]["speaker_name"] == "Anna Novak"
    assert len(list(csv.DictReader(io.StringIO(to_string(store, "csv", table="events"))))) == 1
    assert len(list(csv.DictReader(io.StringIO(to_string(store, "csv", table="events", include_flagged=True))))) == 2

    plover = json.loads(to_string(store, "plover"))
    assert len(plover) == 1
    ev = plover[0]
    assert ev["event"] == "ASSAULT" and ev["mode"] == "heavy-weapons" and ev["context"] == "military"
    assert ev["source"] == [{"actorText": "Russian forces", "code": "RUS", "sector": "MIL"}]
    assert ev["target"] == [{"actorText": "UKR", "code": "UKR"}]
    assert ev["eventText"] == "shelled" and ev["text"].startswith("Russian forces shelled Kharkiv")
    assert ev["eventLoc"]["name"] == "Kharkiv" and ev["eventLoc"]["geonameid"] == 706483
    assert ev["eventLoc"]["country code"] == "UA"
    assert ev["date"] == "2024-03-06" and ev["publication"] == "Example Wire"

    tsv = to_string(store, "polecat", include_flagged=True).splitlines()
    assert tsv[0].split("\t") == POLECAT_COLUMNS
    assert len(tsv) == 3
    row = dict(zip(POLECAT_COLUMNS, tsv[1].split("\t")))
    assert row["Event Type"] == "ASSAULT" and row["Actor Country"] == "RUS" and row["Place Name"] == "Kharkiv"
    assert row["Latitude"] == "49.98" and row["GeoNames ID"] == "706483" and row["Publication Date"] == "2024-03-06"

    import pyarrow.parquet as pq

    out = tmp_path / "quotes.parquet"
    assert export(store, "parquet", path=str(out), table="quotes") == 4
    t = pq.read_table(out)
    assert t.num_rows == 4 and "speaker_name" in t.column_names and "text" in t.column_names


def test_migrations_down_and_up_again(store):
    """The Alembic revisions run both ways; opening a store brings it back to the head."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import inspect

    from newsgraph.store.db import MIGRATIONS, current_revision
    from newsgraph.store.schema import SCHEMA_REVISION

    with store.engine.connect() as conn:
        assert current_revision(conn) == SCHEMA_REVISION
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert "articles" not in inspect(store.engine).get_table_names()
    again = open_store(store.target)  # upgrades automatically
    assert again.add_record(make_record()) is not None
    assert again.search_quotes(text="regime change")  # the full-text index came back too
    again.close()


def test_upgrade_from_0001_backfills_statement_counts(store):
    from alembic import command
    from alembic.config import Config

    from newsgraph.store.db import MIGRATIONS

    store.add_record(make_record("a1", "https://one.example/a", outlet="Wire One", published="2024-03-06"))
    store.add_record(
        make_record("a2", "https://two.example/b", outlet="Paper Two", published="2024-03-09", extra=" Second.")
    )
    before = store.list_statements(speaker="Novak")
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")  # a store made by the first release
    again = open_store(store.target)  # upgraded to the head, counts backfilled from the quotes
    after = again.list_statements(speaker="Novak")
    assert after == before
    assert (after[0]["n_sources"], after[0]["first_day"], after[0]["last_day"]) == (2, "2024-03-05", "2024-03-05")
    again.close()


def test_add_records_in_one_transaction_and_fallback(store):
    a, b = make_record("a1", "https://one.example/a"), make_record("a2", "https://two.example/b", extra=" Two.")
    dup = dataclasses.replace(a, id="a1-again")
    assert store.add_records([a, b, dup])[2] is None  # a duplicate of an article earlier in the same batch
    broken = make_record("bad", "https://bad.example/c", extra=" Bad.")
    broken.quotes[0].sentence = None  # cannot be stored
    c = make_record("a3", "https://three.example/c", extra=" Three.")
    res = store.add_records([broken, c])
    assert isinstance(res[0], Exception) and isinstance(res[1], int)  # the good one is not taken down with it
    assert sorted(x["key"] for x in store.list_articles()) == ["a1", "a2", "a3"]
    assert store.counts()["quotes"] == 6  # nothing half-stored from the broken one


def test_full_text_takes_any_user_text(store):
    store.add_record(make_record())
    for text in ['he said "no" AND (x', "NEAR(", "*", "'; DROP TABLE quotes; --", "", "   ", "retreat*", "ä ö"]:
        assert isinstance(store.search_quotes(text=text), list)
        assert isinstance(store.list_articles(text=text), list)
    assert store.stats()["quotes"] == 2


def test_quote_confidence_is_stored_and_filters_quotes_statements_and_exports(store, tmp_path):
    from newsgraph.thresholds import quote_min_confidence

    t = quote_min_confidence()
    assert 0 < t < 1  # the shipped model's documented threshold
    rec = make_record("a1", "https://one.example/a")
    sure, unsure = rec.quotes
    sure.confidence, unsure.confidence = 0.95, round(t / 2, 3)
    store.add_record(rec)
    # stored with its confidence; the quote below the threshold is left out by default
    assert [q["qid"] for q in store.search_quotes(limit=None)] == ["Q1"]
    assert store.search_quotes(limit=None)[0]["confidence"] == 0.95
    assert {q["qid"] for q in store.search_quotes(limit=None, min_confidence=0)} == {"Q1", "Q2"}
    assert store.search_quotes(limit=None, min_confidence=0.99) == []
    # a quote below the threshold is never a statement: not counted, not on the Statements page
    sts = store.list_statements()
    assert [s["text"] for s in sts] == [sure.text]
    page = store.search_statements(cue_type=None)
    assert page["total"] == 1 and page["total_quotes"] == 1
    assert store.search_statements(cue_type=None, min_confidence=0.99)["total"] == 0
    assert [r["qid"] for r in store.iter_quotes(cue_type=None)] == ["Q1"]
    assert {r["qid"] for r in store.iter_quotes(cue_type=None, min_confidence=0)} == {"Q1", "Q2"}
    # exports of the quotes table: the same default, --min-confidence 0 for all
    out = io.StringIO()
    assert export(store, "csv", out=out, table="quotes") == 1
    assert export(store, "csv", out=io.StringIO(), table="quotes", min_confidence=0) == 2
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert float(row["confidence"]) == 0.95
    # the record itself is kept whole
    assert [q.id for q in store.get_record("a1").quotes] == ["Q1", "Q2"]


def test_search_facets_and_chart_count_every_match(store):
    # three articles from two outlets on two days; the search matches the statement in each
    store.add_record(make_record("a1", "https://one.example/a", outlet="Wire A", said_on="2024-03-05"))
    store.add_record(
        make_record(
            "a2",
            "https://two.example/b",
            outlet="Wire B",
            said_on="2024-03-05",
            said="We will not retreat from Kharkiv, ever,",
        )
    )
    store.add_record(
        make_record(
            "a3",
            "https://one.example/c",
            outlet="Wire A",
            published="2024-04-02",
            said_on="2024-04-01",
            said="Kharkiv will stand,",
        )
    )
    page = store.search_statements(q="Kharkiv OR retreat", cue_type=None)
    facets = page["facets"]
    assert page["total_quotes"] == facets["scanned"] == 3
    assert facets["outlet"] == [{"value": "Wire A", "n": 2}, {"value": "Wire B", "n": 1}]
    assert facets["kind"] == [{"value": "direct", "n": 3}]
    assert facets["cue_type"] == [{"value": "speech", "n": 3}]
    assert facets["month"] == [{"value": "2024-04", "n": 1}, {"value": "2024-03", "n": 2}]
    assert [(f["label"], f["n"]) for f in facets["speaker"]] == [("Anna Novak", 3)]
    chart = page["chart"]
    assert sum(n for _day, _kind, n in chart["counts"]) == 3 and chart["types"] == ["direct"]
    # no search: every quote counts (each article also holds a statement with cue type other)
    everything = store.search_statements(cue_type=None)["facets"]
    assert everything["outlet"] == [{"value": "Wire A", "n": 4}, {"value": "Wire B", "n": 2}]
    assert everything["cue_type"] == [{"value": "other", "n": 3}, {"value": "speech", "n": 3}]


def test_opening_a_store_another_process_is_creating_retries_a_lock(tmp_path, monkeypatch):
    """SQLite may answer "database is locked" at once (no busy wait) while another process creates
    the same new store: opening tries again instead of failing the ingest."""
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from newsgraph.store import db

    real, calls = db.migrate, []

    def flaky(engine):
        calls.append(1)
        if len(calls) < 3:
            raise OperationalError("PRAGMA journal_mode=WAL", {}, sqlite3.OperationalError("database is locked"))
        real(engine)

    monkeypatch.setattr(db, "migrate", flaky)
    monkeypatch.setattr(db.time, "sleep", lambda s: None)
    with open_store(str(tmp_path / "new.db")) as store:
        assert store.list_statements() == []
    assert len(calls) == 3

    def broken(engine):
        raise OperationalError("SELECT 1", {}, sqlite3.OperationalError("disk I/O error"))

    monkeypatch.setattr(db, "migrate", broken)
    with pytest.raises(db.StoreError, match="disk I/O error"):
        open_store(str(tmp_path / "other.db"))


def test_actor_page_shows_statements_and_the_timelines_events(store):
    """An actor page's "said" is what the statements page counts (speech, confident) and its
    "did" what the timeline shows (no negated, hypothetical or future event, confident)."""
    import dataclasses

    rec = make_record("a1", "https://one.example/a")
    speech = rec.quotes[0]
    belief = dataclasses.replace(speech, id="Q3", cue_type="other", text="We will not retreat")
    rec.quotes.append(belief)
    rec.events[0].actor = "E1"
    rec.events.append(dataclasses.replace(rec.events[0], id="V2", negated=True))
    store.add_record(rec)
    novak = next(a for a in store.list_actors() if a["name"] == "Anna Novak")
    d = store.actor_page(novak["id"])
    assert d["n_said"] == 1 and [q["qid"] for q in d["said"]] == ["Q1"]
    assert d["n_did"] == 1 and [e["vid"] for e in d["did"]] == ["V1"]
    chart = d["activity"]["counts"]
    assert sum(n for _, what, n in chart if what == "said") == 1
    assert sum(n for _, what, n in chart if what == "did") == 1
