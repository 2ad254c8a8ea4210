"""`newsgraph ingest`, `query` and `export` end to end on the sample articles and tiny files."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

from newsgraph.cli import main
from newsgraph.samples import sample_path
from newsgraph.store import open_store


def ingest(capsys, *args) -> tuple[int, str]:
    code = main(["ingest", *args, "--no-progress"])
    return code, capsys.readouterr().err


def test_ingest_sample_then_again_skips_all(nlp, tmp_path, capsys, sample_records):
    db = str(tmp_path / "news.db")
    code, err = ingest(capsys, "--sample", "--db", db, "--workers", "1")
    assert code == 0
    assert "3 stored, 0 skipped as duplicates, 0 failed" in err
    code, err = ingest(capsys, "--sample", "--db", db, "--workers", "1")
    assert code == 0 and "0 stored, 3 skipped as duplicates, 0 failed" in err
    with open_store(db) as store:
        assert store.stats()["articles"] == 3
        for rid, rec in sample_records.items():  # stored exactly as `newsgraph extract` makes it
            assert store.get_record(rid).to_dict() == rec.to_dict()
        runs = store.list_runs()
        assert [(r["stored"], r["duplicates"]) for r in runs] == [(0, 3), (3, 0)]
    # SQLite in WAL mode, so a reader (the web app) can read while ingest writes
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_failures_are_recorded_and_the_batch_goes_on(nlp, tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("The minister resigned on Tuesday, his office said.", encoding="utf-8")
    (src / "empty.txt").write_text("   \n", encoding="utf-8")
    (src / "mixed.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Leaders met in Ankara on Monday.", "published": "2024-05-13"})
        + "\n"
        + "{not json\n"
        + json.dumps({"id": "j3"})
        + "\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "news.db")
    code, err = ingest(capsys, str(src), "--db", db, "--workers", "1")
    assert code == 1
    assert "2 stored, 0 skipped as duplicates, 3 failed" in err
    assert "empty.txt: empty article" in err and "mixed.jsonl:2: invalid JSON" in err
    with open_store(db) as store:
        fails = store.list_failures()
        assert sorted(f["source"].rsplit("/", 1)[-1] for f in fails) == ["empty.txt", "mixed.jsonl:2", "mixed.jsonl:3"]
        assert {a["key"] for a in store.list_articles()} == {"good.txt", "j1"}


def test_duplicates_in_one_run_and_across_runs(nlp, tmp_path, capsys):
    text = "Polish Foreign Minister Jan Kowal called for a ceasefire on Tuesday."
    rows = [
        {"id": "a", "url": "https://a.example/1", "text": text},
        {"id": "b", "url": "https://b.example/2", "text": "  " + text.upper()},  # same normalised text
        {"id": "c", "url": "https://a.example/1", "text": "Another text, same URL."},  # same URL
        {"id": "d", "text": "Turkish President Selim Aydin met French President Claire Dubois."},
    ]
    f = tmp_path / "dups.jsonl"
    f.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = str(tmp_path / "news.db")
    code, err = ingest(capsys, str(f), "--db", db, "--workers", "1")
    assert code == 0 and "2 stored, 2 skipped as duplicates, 0 failed" in err
    g = tmp_path / "more.jsonl"
    g.write_text(
        json.dumps({"id": "e", "text": text + "\n"})
        + "\n"
        + json.dumps({"id": "f", "text": "A new article about talks in Vienna."})
        + "\n",
        encoding="utf-8",
    )
    code, err = ingest(capsys, str(f), str(g), "--db", db, "--workers", "1")
    assert code == 0 and "1 stored, 5 skipped as duplicates" in err
    with open_store(db) as store:
        assert sorted(a["key"] for a in store.list_articles()) == ["a", "d", "f"]


def test_two_worker_processes_store_the_same_records(nlp, tmp_path):
    from newsgraph.run.ingest import ingest as run_ingest

    one, two = open_store(str(tmp_path / "one.db")), open_store(str(tmp_path / "two.db"))
    s1 = run_ingest([str(sample_path())], one, workers=1, show_progress=False)
    s2 = run_ingest([str(sample_path())], two, workers=2, show_progress=False)
    assert (s1.stored, s2.stored, s2.failed) == (3, 3, 0)
    for rid in ("sample-ceasefire", "sample-summit", "sample-election"):
        assert one.get_record(rid).to_dict() == two.get_record(rid).to_dict()
    one.close()
    two.close()


@pytest.fixture
def sample_db(nlp, tmp_path, capsys):
    db = str(tmp_path / "news.db")
    assert ingest(capsys, "--sample", "--db", db, "--workers", "1")[0] == 0
    return db


def test_query_formats(sample_db, capsys):
    assert main(["query", "quotes", "--db", sample_db, "--format", "jsonl", "--speaker", "Novak"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert rows and all("Novak" in r["speaker_name"] for r in rows)
    assert all(r["article_key"] == "sample-election" for r in rows)

    assert main(["query", "quotes", "--db", sample_db, "--format", "csv", "--text", "ceasefire"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and all("ceasefire" in r["text"].lower() for r in rows)

    assert main(["query", "actors", "--db", sample_db, "--format", "table", "--limit", "5"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[:4] == ["id", "name", "country", "type"] and len(out) == 7

    assert main(["query", "record", "sample-summit", "--db", sample_db]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == "sample-summit"
    assert main(["query", "record", "nope", "--db", sample_db]) == 1


def test_query_on_missing_store_is_a_clear_error(tmp_path, capsys):
    assert main(["query", "quotes", "--db", str(tmp_path / "none.db")]) == 2
    assert "no store at" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()


def test_export_cli(sample_db, tmp_path, capsys):
    out = tmp_path / "records.jsonl"
    assert main(["export", "--db", sample_db, "--format", "jsonl", "-o", str(out)]) == 0
    assert "3 records" in capsys.readouterr().err
    assert sorted(json.loads(x)["id"] for x in out.read_text().splitlines()) == [
        "sample-ceasefire",
        "sample-election",
        "sample-summit",
    ]
    assert main(["export", "--db", sample_db, "--format", "plover"]) == 0
    assert isinstance(json.loads(capsys.readouterr().out), list)
    assert main(["export", "--db", sample_db, "--format", "parquet"]) == 2  # needs -o
    assert (
        main(
            ["export", "--db", sample_db, "--format", "parquet", "--table", "quotes", "-o", str(tmp_path / "q.parquet")]
        )
        == 0
    )


def test_extraction_failure_is_recorded_with_its_article(nlp, tmp_path, capsys, monkeypatch):
    import newsgraph.pipeline

    monkeypatch.setattr(newsgraph.pipeline, "MAX_CHARS", 80)  # make one article "too long"
    f = tmp_path / "two.jsonl"
    f.write_text(
        json.dumps({"id": "short", "text": "The minister resigned on Tuesday."})
        + "\n"
        + json.dumps({"id": "long", "text": "Leaders met in Ankara. " * 10})
        + "\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "news.db")
    code, err = ingest(capsys, str(f), "--db", db, "--workers", "1")
    assert code == 1 and "1 stored, 0 skipped as duplicates, 1 failed" in err
    with open_store(db) as store:
        (fail,) = store.list_failures()
        assert fail["source"].endswith("two.jsonl:2") and "too long" in fail["error"]  # file and line
        assert [a["key"] for a in store.list_articles()] == ["short"]


def test_ingest_into_postgresql(nlp, pg_url, capsys):
    code, err = ingest(capsys, "--sample", "--db", pg_url, "--workers", "1")
    assert code == 0 and "3 stored" in err
    code, err = ingest(capsys, "--sample", "--db", pg_url, "--workers", "1")
    assert code == 0 and "0 stored, 3 skipped as duplicates" in err
    assert main(["query", "quotes", "--db", pg_url, "--format", "jsonl", "--text", "ceasefire"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert rows and all("ceasefire" in r["text"].lower() for r in rows)


def test_ingest_records_already_extracted(nlp, tmp_path, capsys, sample_records):
    """`newsgraph extract` output (or an export) goes into a store as it is, without the pipeline."""
    recs = tmp_path / "records.jsonl"
    recs.write_text(
        "".join(json.dumps(r.to_dict()) + "\n" for r in sample_records.values())
        + "{broken\n"
        + json.dumps({"id": "x", "text": "no quotes list", "quotes": [{"id": "Q1"}]})
        + "\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "news.db")
    code, err = ingest(capsys, "--records", str(recs), "--db", db)
    assert code == 1 and "3 stored, 0 skipped as duplicates, 2 failed" in err
    assert "records.jsonl:4: invalid JSON" in err and "records.jsonl:5: not a newsgraph record" in err
    with open_store(db) as store:
        for rid, rec in sample_records.items():
            assert store.get_record(rid).to_dict() == rec.to_dict()
        # from one store to another: export jsonl, ingest --records
        out = tmp_path / "export.jsonl"
        assert main(["export", "--db", db, "--format", "jsonl", "-o", str(out)]) == 0
    db2 = str(tmp_path / "copy.db")
    code, err = ingest(capsys, "--records", str(out), "--db", db2)
    assert code == 0 and "3 stored" in err
    code, err = ingest(capsys, "--records", str(out), "--db", db2)
    assert "0 stored, 3 skipped as duplicates" in err


def _records_file(tmp_path, n: int):
    from test_store import make_record

    f = tmp_path / "records.jsonl"
    f.write_text(
        "".join(
            json.dumps(
                make_record(
                    f"r{i}", f"https://x.example/{i}", extra=f" Item {i}.", published=f"2024-03-{1 + i % 28:02d}"
                ).to_dict()
            )
            + "\n"
            for i in range(n)
        ),
        encoding="utf-8",
    )
    return f


def _at_once(cmd: list[str], k: int) -> list[tuple[int, str]]:
    """Start ``k`` copies of ``cmd`` at the same moment; (exit code, stderr) of each."""
    import subprocess

    procs = [subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True) for _ in range(k)]
    return [(p.returncode, err) for p, err in ((p, p.communicate(timeout=300)[1]) for p in procs)]


def test_ingests_at_once_into_postgresql(pg_url, tmp_path):
    """Several writers on one new PostgreSQL store: the schema is made once (no creation race),
    every article once, no errors, consistent counts."""
    import sys

    f = _records_file(tmp_path, 120)
    cmd = [sys.executable, "-m", "newsgraph.cli", "ingest", "--records", str(f), "--db", pg_url, "--no-progress"]
    done = _at_once(cmd, 3)
    assert [code for code, _ in done] == [0, 0, 0], [err for _, err in done]
    with open_store(pg_url) as store:
        st = store.stats()
        assert (st["articles"], st["quotes"], st["failures"]) == (120, 240, 0)
        assert sorted(a["key"] for a in store.list_articles(limit=None)) == sorted(f"r{i}" for i in range(120))
        novak = store.list_statements(speaker="Novak", limit=None)
        assert sum(s["n_sources"] for s in novak) == 120  # each article counted once
        assert sum(r["stored"] for r in store.list_runs()) == 120


def test_ingests_at_once_into_one_new_sqlite_store(tmp_path):
    """Three ingests started at the same moment on one new SQLite file: the schema is created
    once (the others wait for the write lock), all finish with exit 0, every article once."""
    import sys

    f = _records_file(tmp_path, 150)
    db = str(tmp_path / "race.db")
    cmd = [sys.executable, "-m", "newsgraph.cli", "ingest", "--records", str(f), "--db", db, "--no-progress"]
    done = _at_once(cmd, 3)
    assert [code for code, _ in done] == [0, 0, 0], [err for _, err in done]
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*), count(DISTINCT key) FROM articles").fetchone() == (150, 150)
    assert con.execute("SELECT count(*) FROM quotes").fetchone() == (300,)
    assert con.execute("SELECT sum(stored), count(*) FROM runs WHERE finished IS NOT NULL").fetchone() == (150, 3)
    con.close()


@pytest.mark.slow
def test_two_extracting_ingests_at_once_on_sqlite(nlp, tmp_path):
    """Two real `newsgraph ingest` processes, each extracting, started together on one SQLite
    store: both finish (exit 0), every article stored exactly once and whole."""
    import sys

    from test_ingest_kill import article, check_whole

    src = tmp_path / "articles.jsonl"
    src.write_text("".join(json.dumps(article(i)) + "\n" for i in range(40)), encoding="utf-8")
    db = str(tmp_path / "two.db")
    cmd = [sys.executable, "-m", "newsgraph.cli", "ingest", str(src), "--db", db, "--workers", "1", "--no-progress"]
    done = _at_once(cmd, 2)
    assert [code for code, _ in done] == [0, 0], [err for _, err in done]
    assert sorted(check_whole(db)) == sorted(f"kill-{i}" for i in range(40))
    stored = [int(err.split(" stored")[0].rsplit(" ", 1)[-1]) for _, err in done]
    assert sum(stored) == 40


def test_ingest_min_confidence_zero_stores_every_quote_but_only_sure_ones_are_statements(
    nlp, tmp_path, capsys, monkeypatch
):
    from newsgraph.pipeline import QUOTE_MIN_CONFIDENCE_ENV as MIN_CONFIDENCE_ENV
    from newsgraph.thresholds import quote_min_confidence

    monkeypatch.setenv(MIN_CONFIDENCE_ENV, "")  # restored after the test
    f = tmp_path / "a.txt"
    f.write_text(
        '"We will not retreat," Anna Novak told reporters. The economy seems to have recovered.\n',
        encoding="utf-8",
    )
    db = str(tmp_path / "news.db")
    code, _ = ingest(capsys, str(f), "--db", db, "--workers", "1", "--min-confidence", "0")
    assert code == 0
    t = quote_min_confidence()
    with open_store(db) as store:
        every = store.search_quotes(limit=None, min_confidence=0)
        low = [q for q in every if q["confidence"] < t]
        assert low and all(q["statement_id"] is None for q in low)  # stored, never a statement
        assert {q["qid"] for q in store.search_quotes(limit=None)} == {q["qid"] for q in every if q["confidence"] >= t}
        assert [s["text"] for s in store.list_statements()] == ["We will not retreat,"]
    assert main(["query", "quotes", "--db", db, "--format", "jsonl", "--min-confidence", "0"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == len(every)
