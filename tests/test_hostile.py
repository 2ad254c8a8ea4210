"""`newsgraph ingest` over a hostile-input corpus (tests/hostile.py): every good article stored,
every bad one named exactly once (in `failures` and on stderr, one line each), no traceback,
exit code 1, memory and wall time bounded. Small sizes here; benchmarks/hostile_bench.py runs
the sizes of issue 14."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from hostile import make_corpus, relative

PEAK_MB = 3000  # the whole process tree: ingest + 2 workers with the model + the HTML helper
WALL_S = 300


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (MB), from /proc."""
    parent, rss = {}, {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as fh:
                parent[int(d)] = int(fh.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{d}/statm") as fh:
                rss[int(d)] = int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
        except (OSError, ValueError, IndexError):
            continue
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0.0)
        todo += [c for c, pp in parent.items() if pp == p]
    return total


_WRAP = """import resource, subprocess, sys
code = subprocess.call(sys.argv[2:])
with open(sys.argv[1], "w") as fh:
    fh.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(code)
"""


def run_measured(cmd: list[str], timeout: float) -> tuple[subprocess.CompletedProcess, float, float]:
    """Run ``cmd``; (result, seconds, peak resident MB): the larger of the process tree's
    resident memory sampled every 0.2 s and the peak of its largest process (``getrusage`` in a
    small wrapper process, so that a short process is not under-measured)."""
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".maxrss") as tmp:
        t0 = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, "-c", _WRAP, tmp.name, *cmd], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        peak = [0.0]
        stop = threading.Event()

        def sample():
            while not stop.is_set():
                peak[0] = max(peak[0], tree_rss_mb(proc.pid))
                stop.wait(0.2)

        t = threading.Thread(target=sample, daemon=True)
        t.start()
        try:
            out, err = proc.communicate(timeout=timeout)
        finally:
            stop.set()
            t.join()
            if proc.poll() is None:
                proc.kill()
        seconds = time.monotonic() - t0
        try:
            peak[0] = max(peak[0], int(open(tmp.name).read()) * 1024 / 1e6)
        except ValueError:
            pass
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err), seconds, peak[0]


@pytest.mark.slow
def test_ingest_survives_hostile_corpus(nlp, tmp_path):
    corpus = make_corpus(tmp_path / "hostile")
    db = str(tmp_path / "hostile.db")
    cmd = [
        sys.executable,
        "-m",
        "newsgraph.cli",
        "ingest",
        str(corpus.root),
        "--db",
        db,
        "--workers",
        "2",
        "--no-progress",
    ]
    done, seconds, peak = run_measured(cmd, WALL_S)
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 1, err
    assert "Traceback" not in err and "Error -3" not in err, err
    assert seconds < WALL_S and peak < PEAK_MB, (seconds, peak)

    con = sqlite3.connect(db)
    keys = [k for (k,) in con.execute("SELECT key FROM articles")]
    failures = [(relative(s, corpus.root), e) for s, e in con.execute("SELECT source, error FROM failures")]
    assert (set(keys) - corpus.good, corpus.good - set(keys)) == (set(), set()), failures
    assert len(keys) == len(set(keys))  # every good article, once
    names = [s for s, _ in failures]
    assert (set(names) - set(corpus.bad), set(corpus.bad) - set(names)) == (set(), set()), failures
    assert len(names) == len(set(names))  # every bad item named, once
    for source, error in failures:
        assert corpus.bad[source] in error, (source, error)
        assert "\n" not in error and len(error) <= 300 and "[SQL" not in error
    # the same names on stderr, one line each
    lines = [line for line in err.splitlines() if line.startswith("newsgraph: failed: ")]
    assert len(lines) == len(corpus.bad)
    assert f"{len(corpus.good)} stored, 0 skipped as duplicates, {len(corpus.bad)} failed" in err
    # what was repaired is kept in the text, offsets unchanged
    text = con.execute("SELECT text FROM articles WHERE key = 'j-surrogate'").fetchone()[0]
    assert "\ufffd" in text
    text = con.execute("SELECT text, length(text) FROM articles WHERE key = 'nul-late.txt'").fetchone()
    assert "\x00" not in text[0] and text[1] == len(text[0])  # SQLite keeps the whole text
    con.close()

    # a rerun goes past every bad item again and stores nothing twice
    again = subprocess.run(cmd, capture_output=True, timeout=WALL_S)
    err = again.stderr.decode("utf-8", "replace")
    assert again.returncode == 1 and "Traceback" not in err
    assert f"0 stored, {len(corpus.good)} skipped as duplicates, {len(corpus.bad)} failed" in err
