"""A throw-away PostgreSQL server on 127.0.0.1, for tests and benchmarks.

    url, stop = start_temp_postgres()   # postgresql://postgres@127.0.0.1:PORT
    ...
    stop()

Uses Debian's PostgreSQL binaries (``apt-get install postgresql``): ``initdb`` in a temporary
directory, ``pg_ctl start`` on a free loopback port, run as the ``postgres`` user when we are
root (PostgreSQL refuses to run as root). Durability is switched off: this is for scratch data.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable
from typing import Optional


class PostgresUnavailable(RuntimeError):
    """PostgreSQL is not installed, or the server would not start."""


def pg_bindir() -> Optional[str]:
    """The newest installed PostgreSQL's bin directory, or None."""
    found = glob.glob("/usr/lib/postgresql/*/bin/initdb")
    found.sort(key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0)
    return os.path.dirname(found[-1]) if found else None


def start_temp_postgres() -> tuple[str, Callable[[], None]]:
    """Start a private server; returns its URL (no database name) and a function that stops it
    and removes its files. Raises PostgresUnavailable."""
    bindir = pg_bindir()
    if bindir is None:
        raise PostgresUnavailable(
            "PostgreSQL binaries not found (apt-get install postgresql; scripts/system-deps.sh installs them)"
        )
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

    def run(*cmd: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(prefix + list(cmd), check=True, capture_output=True, text=True, timeout=120)

    try:
        run(f"{bindir}/initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")
        run(
            f"{bindir}/pg_ctl",
            "-D",
            data,
            "-l",
            os.path.join(base, "log"),
            "-w",
            "-o",
            f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
            f"-c full_page_writes=off",
            "start",
        )
    except subprocess.CalledProcessError as e:
        shutil.rmtree(base, ignore_errors=True)
        raise PostgresUnavailable(f"could not start PostgreSQL: {e.stderr or e.stdout}") from None

    def stop() -> None:
        subprocess.run(
            prefix + [f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "stop"], capture_output=True, timeout=60
        )
        shutil.rmtree(base, ignore_errors=True)

    return f"postgresql://postgres@127.0.0.1:{port}", stop
