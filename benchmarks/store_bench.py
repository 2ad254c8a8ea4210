"""Store write cost per article: records already extracted, written through ``Store.add_records``
in groups of 16 (as ``newsgraph ingest`` commits), into a fresh SQLite store (or a throw-away
PostgreSQL server with ``--pg-temp``), then the end-of-run actor pass (``consolidate_actors``,
when this newsgraph has it). The extraction pipeline is not run: this isolates what the store
adds to ingest, e.g. the actor resolution of revision 0006.

    .venv/bin/python benchmarks/store_bench.py --records records.jsonl            # this checkout
    .venv/bin/python benchmarks/store_bench.py --records records.jsonl --src ../main/src   # another one
    .venv/bin/python benchmarks/store_bench.py --records records.jsonl --rounds 3 --limit 600

Records: any JSONL of records (``newsgraph export --format jsonl``; scripts/actor_check.py
--keep-records writes the shared-data corpus's). Prints one line per round and the median.
A benchmark, not a test; note the machine's load (printed) next to any figure.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", required=True)
    ap.add_argument("--src", help="import newsgraph from this src directory (e.g. another checkout's)")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--group", type=int, default=16, help="articles per transaction (ingest: 16)")
    ap.add_argument("--pg-temp", action="store_true", help="a throw-away PostgreSQL server instead of SQLite")
    args = ap.parse_args(argv)
    if args.src:
        sys.path.insert(0, os.path.abspath(args.src))
    import newsgraph
    from newsgraph.record import Record
    from newsgraph.store import open_store

    with open(args.records, encoding="utf-8") as f:
        recs = [Record.from_dict(json.loads(line)) for i, line in enumerate(f) if not args.limit or i < args.limit]
    n_ent = sum(len(r.entities) for r in recs)
    print(
        f"newsgraph from {os.path.dirname(newsgraph.__file__)}; {len(recs)} records, {n_ent} entities; "
        f"load {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    pg = None
    if args.pg_temp:
        from newsgraph.store.pgtemp import start_temp_postgres

        pg = start_temp_postgres()
    times = []
    try:
        for k in range(args.rounds):
            with tempfile.TemporaryDirectory() as tmp:
                if pg:
                    import psycopg

                    name = f"bench{k}_{os.getpid()}"
                    with psycopg.connect(pg[0] + "/postgres", autocommit=True) as c:
                        c.execute(f"CREATE DATABASE {name}")
                    target = f"{pg[0]}/{name}"
                else:
                    target = os.path.join(tmp, "bench.db")
                store = open_store(target)
                t0 = time.perf_counter()
                for i in range(0, len(recs), args.group):
                    out = store.add_records(recs[i : i + args.group])
                    bad = [e for e in out if isinstance(e, Exception)]
                    if bad:
                        raise bad[0]
                t1 = time.perf_counter()
                merges = store.consolidate_actors() if hasattr(store, "consolidate_actors") else []
                t2 = time.perf_counter()
                stats = store.stats()
                store.close()
            times.append(t2 - t0)
            print(
                f"round {k + 1}: writes {t1 - t0:.1f} s + end-of-run actor pass {t2 - t1:.1f} s "
                f"({len(merges)} merges) = {(t2 - t0) / len(recs) * 1000:.1f} ms/article, "
                f"{len(recs) / (t2 - t0):.1f} articles/s; {stats['actors']} actors; load {os.getloadavg()[0]:.1f}",
                flush=True,
            )
    finally:
        if pg:
            pg[1]()
    med = statistics.median(times)
    print(f"median: {med / len(recs) * 1000:.1f} ms/article ({len(recs) / med:.1f} articles/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
