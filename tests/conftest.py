"""Shared fixtures. The spaCy pipeline is loaded once per test session."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("NEWSGRAPH_SHARED_DATA", ROOT.parent / "shared" / "data"))


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


@pytest.fixture(scope="session")
def sample_records(nlp):
    from newsgraph.article import read_path
    from newsgraph.pipeline import process
    from newsgraph.samples import sample_path

    return {r.id: r for r in process(read_path(sample_path()), nlp)}


@pytest.fixture(scope="session")
def shared_data():
    """Path to ../shared/data; tests that need it skip cleanly when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared gold data not found at {SHARED_DATA}")
    return SHARED_DATA


# --- PostgreSQL for the store tests (a throw-away cluster, started once per session) --------

def _pg_bindir():
    import glob

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]) if
                   p.split("/")[4].isdigit() else 0)
    return os.path.dirname(found[-1]) if found else None


@pytest.fixture(scope="session")
def pg_server():
    """A private PostgreSQL server on 127.0.0.1 (initdb in a temp dir, pg_ctl start; run as the
    ``postgres`` user when we are root). Yields ``postgresql://postgres@127.0.0.1:PORT``; skips
    when PostgreSQL is not installed, unless CI=true (then it fails)."""
    import shutil
    import socket
    import subprocess
    import tempfile

    bindir = _pg_bindir()
    if bindir is None:
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL binaries not found (scripts/system-deps.sh installs them)")
        pytest.skip("PostgreSQL not installed (apt-get install postgresql)")
    base = tempfile.mkdtemp(prefix="newsgraph-pg-")
    prefix: list[str] = []
    if os.geteuid() == 0:
        import pwd

        pw = pwd.getpwnam("postgres")
        os.chown(base, pw.pw_uid, pw.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    data = os.path.join(base, "data")

    def run(*cmd):
        return subprocess.run(prefix + list(cmd), check=True, capture_output=True, text=True, timeout=120)

    try:
        run(f"{bindir}/initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")
        run(f"{bindir}/pg_ctl", "-D", data, "-l", os.path.join(base, "log"), "-w", "-o",
            f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
            f"-c full_page_writes=off", "start")
    except subprocess.CalledProcessError as e:
        shutil.rmtree(base, ignore_errors=True)
        msg = f"could not start PostgreSQL: {e.stderr or e.stdout}"
        if os.environ.get("CI") == "true":
            pytest.fail(msg)
        pytest.skip(msg)
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(prefix + [f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "stop"],
                       capture_output=True, timeout=60)
        shutil.rmtree(base, ignore_errors=True)


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
