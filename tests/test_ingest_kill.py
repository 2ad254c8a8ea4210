"""Kill a real `newsgraph ingest` process with SIGKILL mid-way, run it again, and check that no
article is lost or stored twice, and that every stored article is whole."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

N = 400
NAMES = ["Anna Novak", "Jan Kowal", "Selim Aydin", "Claire Dubois", "Olaf Berger", "Petr Dvorak"]
CITIES = ["Kharkiv", "Ankara", "Prague", "Warsaw", "Vienna", "Berlin"]


def article(i: int) -> dict:
    name, city = NAMES[i % len(NAMES)], CITIES[(i // 6) % len(CITIES)]
    text = (
        f'"We need {i} more days," {name} told reporters in {city} on Monday. '
        f"Officials said talks on item {i} would resume. "
        f"{name} said the plan number {i * 7} was under review."
    )
    d = {"id": f"kill-{i}", "text": text, "published": "2024-03-06", "source": f"Outlet {i % 3}"}
    if i % 2:
        d["url"] = f"https://news.example/{i}"
    return d


def count(db: str) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:  # not created yet
        return 0


def check_whole(db: str) -> list[str]:
    """Every stored article has exactly the rows its record says; return the article keys."""
    con = sqlite3.connect(db)
    keys = []
    for aid, key, rj, nq, ne, nt in con.execute(
        "SELECT id, key, record_json, n_quotes, n_entities, n_times FROM articles ORDER BY id"
    ):
        rec = json.loads(rj)
        assert (nq, ne, nt) == (len(rec["quotes"]), len(rec["entities"]), len(rec["times"]))
        assert con.execute("SELECT count(*) FROM quotes WHERE article_id=?", (aid,)).fetchone()[0] == nq
        assert con.execute("SELECT count(*) FROM entities WHERE article_id=?", (aid,)).fetchone()[0] == ne
        assert con.execute("SELECT count(*) FROM times WHERE article_id=?", (aid,)).fetchone()[0] == nt
        keys.append(key)
    con.close()
    return keys


def session_members(sid: int) -> list[int]:
    """Live (non-zombie) processes in session ``sid`` (the killed ingest and its workers)."""
    out = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == sid and fields[0] != "Z":
                out.append(int(d))
    return out


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_sigkill_then_rerun_loses_nothing_and_duplicates_nothing(nlp, tmp_path, workers):
    src = tmp_path / "articles.jsonl"
    src.write_text("".join(json.dumps(article(i)) + "\n" for i in range(N)), encoding="utf-8")
    db = str(tmp_path / "kill.db")
    cmd = [
        sys.executable,
        "-m",
        "newsgraph.cli",
        "ingest",
        str(src),
        "--db",
        db,
        "--workers",
        str(workers),
        "--no-progress",
    ]

    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while count(db) < 30:
            assert proc.poll() is None, f"ingest ended before it could be killed: {proc.stderr.read()!r}"
            assert time.monotonic() < deadline, "ingest stored nothing within 60 s"
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        # worker processes notice their parent is gone and exit (no orphans left running)
        while session_members(proc.pid) and time.monotonic() < deadline + 10:
            time.sleep(0.2)
        assert session_members(proc.pid) == []
    finally:
        if proc.poll() is None or session_members(proc.pid):
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == -signal.SIGKILL
    stored_at_kill = count(db)
    assert 30 <= stored_at_kill < N, "the kill did not land mid-way"
    keys = check_whole(db)
    assert len(keys) == len(set(keys)) == stored_at_kill

    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"{N - stored_at_kill} stored, {stored_at_kill} skipped as duplicates, 0 failed" in done.stderr
    keys = check_whole(db)
    assert sorted(keys) == sorted(f"kill-{i}" for i in range(N))  # each article exactly once
    con = sqlite3.connect(db)
    runs = con.execute("SELECT finished, stored FROM runs ORDER BY id").fetchall()
    con.close()
    assert runs[0][0] is None and runs[1][0] is not None  # the killed run never finished
