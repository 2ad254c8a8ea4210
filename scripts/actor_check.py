"""The speaker-and-actor check on real news (issue 11): ingest the shared-data corpus into a
fresh store and write its top actors by mentions, with every name variant each one holds, so
that a person can read them and mark duplicates and junk by hand.

The corpus is every article text in ../shared/data (PolNeAR train+dev, GeoWebNews, TimeBank:
about 1,300 articles; the same as benchmarks/ingest_bench.py). Extraction takes most of the
time (about 10-20 minutes on two busy cores); actor resolution happens in the store, so records
extracted once can be stored again in seconds after a change to the resolution rules:

    .venv/bin/python scripts/actor_check.py                          # extract + ingest + table
    .venv/bin/python scripts/actor_check.py --keep-records /tmp/rec.jsonl   # ... and keep the records
    .venv/bin/python scripts/actor_check.py --records /tmp/rec.jsonl        # store those records again
    .venv/bin/python scripts/actor_check.py --limit 300              # the first 300 articles only

Writes ``docs/audits/top-actors.tsv`` (``-o``): rank, id, name, country, type, articles,
mentions, variants (each name met, with its count of entities and the rule that joined it).
The judgements live beside it in ``docs/audits/top-actors-verdicts.tsv`` (rank, name, verdict:
``ok``, ``duplicate`` of another row, or ``junk``; note), written by hand from the names alone;
the script never writes it, but says whether it still matches the table and counts verdicts.
``tests/test_actor_check.py`` reads both.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "audits" / "top-actors.tsv"
VERDICTS = ROOT / "docs" / "audits" / "top-actors-verdicts.tsv"
COLUMNS = ["rank", "id", "name", "country", "type", "articles", "mentions", "variants"]


def corpus_rows() -> list[dict]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from ingest_bench import SHARED, corpus

    if not (SHARED / "polnear").exists():
        raise SystemExit(f"actor_check: no shared data at {SHARED}")
    return corpus(SHARED)


def top_actors(db: str, n: int) -> list[dict]:
    from sqlalchemy import func, select

    from newsgraph.store import open_store
    from newsgraph.store import schema as S

    with open_store(db) as store:
        rows = store.list_actors(limit=n)
        E, N = S.entities, S.actor_names
        with store.engine.connect() as conn:
            for rank, r in enumerate(rows, 1):
                counts = Counter()
                for name, key, k in conn.execute(
                    select(E.c.name, E.c.name_key, func.count())
                    .where(E.c.actor_id == r["id"])
                    .group_by(E.c.name, E.c.name_key)
                ):
                    counts[(name, key)] += k
                rules = dict(conn.execute(select(N.c.name_key, N.c.rule).where(N.c.actor_id == r["id"])).all())
                by_name: dict[str, list] = {}
                for (name, key), k in counts.items():
                    v = by_name.setdefault(name, [0, set()])
                    v[0] += k
                    v[1].add(rules.get(key, "?"))
                r["rank"] = rank
                r["variants"] = "; ".join(
                    f"{name} ({k}, {'/'.join(sorted(rl))})"
                    for name, (k, rl) in sorted(by_name.items(), key=lambda kv: (-kv[1][0], kv[0]))
                )
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", help="records already extracted (JSONL): store these instead of extracting")
    ap.add_argument("--keep-records", metavar="FILE", help="after extracting, also write the records here")
    ap.add_argument(
        "--db",
        default=str(Path(tempfile.gettempdir()) / "newsgraph-actor-check.db"),
        help="the store to build (made afresh; default in the temp directory)",
    )
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles of the corpus")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--top", type=int, default=100)
    ap.add_argument("-o", "--output", default=str(OUT))
    args = ap.parse_args(argv)

    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(args.db + suffix):
            os.remove(args.db + suffix)
    exe = [sys.executable, "-m", "newsgraph.cli"]
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        if args.records:
            src = args.records
            if args.limit:
                src = os.path.join(tmp, "records.jsonl")
                with open(args.records, encoding="utf-8") as f, open(src, "w", encoding="utf-8") as out:
                    for i, line in enumerate(f):
                        if i >= args.limit:
                            break
                        out.write(line)
            cmd = exe + ["ingest", "--records", src, "--db", args.db, "--no-progress"]
        else:
            rows = corpus_rows()
            if args.limit:
                rows = rows[: args.limit]
            src = os.path.join(tmp, "corpus.jsonl")
            with open(src, "w", encoding="utf-8") as f:
                for r in rows:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
            cmd = exe + ["ingest", src, "--db", args.db, "--workers", str(args.workers), "--no-progress"]
        print("$ " + " ".join(cmd), file=sys.stderr)
        code = subprocess.call(cmd)
        if code not in (0, 1):
            return code
        if args.keep_records and not args.records:
            subprocess.check_call(exe + ["export", "--db", args.db, "--format", "jsonl", "-o", args.keep_records])
    rows = top_actors(args.db, args.top)
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    with open(args.output, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, COLUMNS, delimiter="\t", extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({**r, "country": r["country"] or "", "articles": r["n_articles"], "mentions": r["n_mentions"]})
    print(f"actor_check: top {len(rows)} actors -> {args.output} ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    if VERDICTS.exists():
        with open(VERDICTS, encoding="utf-8") as f:
            verdicts = list(csv.DictReader(f, delimiter="\t"))
        same = [v["name"] for v in verdicts] == [r["name"] for r in rows]
        print(
            f"actor_check: verdicts {'match' if same else 'DO NOT match (judge again)'} the table; "
            + ", ".join(f"{k}: {n}" for k, n in Counter(v["verdict"] for v in verdicts).most_common()),
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
