"""One table of the distinct events of two ``scripts/events_unseen.py`` runs (before and after a
round, on the same articles), for one blind judge, and the counts of each run from its judgements.

    .venv/bin/python scripts/events_audit_union.py BEFORE.tsv AFTER.tsv UNION.tsv
    .venv/bin/python scripts/events_audit_union.py --count BEFORE.tsv AFTER.tsv UNION-JUDGED.tsv

An event is the same in both runs when its article, trigger, sentence, type, actor, recipient and
flags are; the union lists each once (ids U001, ...) with empty judgement columns (type_right,
actor_right, recipient_right, note), sorted by article and sentence so the judge cannot tell
which run a row came from. ``--count`` prints, for each run, the unflagged events and how many
the judge found right by type, type and actor, and all three.
"""

from __future__ import annotations

import argparse
import csv

KEY = ("article", "trigger", "sentence", "type", "actor", "recipient", "flags")
JUDGED = ("type_right", "actor_right", "recipient_right", "note")


def rows(path: str) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader([line for line in f if not line.startswith("#")], delimiter="\t"))


def key(r: dict) -> tuple:
    return tuple(r[k] for k in KEY)


def union(before: list[dict], after: list[dict], out: str) -> int:
    seen: set[tuple] = set()
    kept = []
    for r in before + after:
        if key(r) not in seen:
            seen.add(key(r))
            kept.append(r)
    kept.sort(key=lambda r: (r["article"], r["sentence"], r["trigger"]))
    fields = ["id", *before[0].keys(), *JUDGED]
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields, delimiter="\t", lineterminator="\n")
        w.writeheader()
        for i, r in enumerate(kept, 1):
            w.writerow({"id": f"U{i:03d}", **r, **dict.fromkeys(JUDGED, "")})
    return len(kept)


def count(before: list[dict], after: list[dict], judged: list[dict]) -> None:
    j = {key(r): r for r in judged}
    for name, run in (("before", before), ("after", after)):
        un = [j[key(r)] for r in run if not r["flags"]]
        n = len(un) or 1
        t, a, rr = (sum(r[c] == "y" for r in un) for c in JUDGED[:3])
        print(
            f"{name}: {len(run)} events, {len(un)} unflagged: type {t} ({t / n:.2f}), "
            f"+actor {a} ({a / n:.2f}), +recipient {rr} ({rr / n:.2f})"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", action="store_true", help="count each run from the judged union table")
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("table", help="the union table to write (or, with --count, the judged one to read)")
    args = ap.parse_args()
    before, after = rows(args.before), rows(args.after)
    if args.count:
        count(before, after, rows(args.table))
    else:
        n = union(before, after, args.table)
        print(f"before {len(before)}, after {len(after)}, union {n} -> {args.table}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
