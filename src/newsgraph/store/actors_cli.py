"""``newsgraph actors``: see, explain, merge and split the store's actors (argument parsing and
printing only; the work is in ``newsgraph.store.actors``)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TYPE_CHECKING

from .db import DEFAULT_DB

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

DESCRIPTION = """\
One actor per real-world actor: at ingest every entity of an article is resolved against the
store's actors (docs/store.md, "Actors across articles"). Each name variant met is kept with the
rule that joined it to its actor and why, so every merge can be read and undone:

  name             the same name (a person's, whatever country an article gave)
  alias            PETRARCH2 dictionaries or data/en/actors/aliases.tsv list both names
  variant          the same first and last name, middle names or initials aside ("Donald J. Trump")
  fuzzy            a typo of a well-known actor's name ("Hilary Clinton")
  surname          a surname alone, to the one (or by far the most present) full-name person of
                   that surname, country and period ("Clinton" in 2016 vs in 1998)
  first-name       a first name alone, the same way, stricter
  prefix           a title or description fused before a person's full name met before
                   ("Universe Alicia Machado" of "Miss Universe Alicia Machado")
  person-name      a person's name typed as an organisation by the NER
  person-org       "Trump's company" = "Donald J. Trump's company"
  junk:KIND        no actor (a common noun, weekday, outlet typed as a person, headline, the
                   people around a person: "Clinton campaign", "Trump's aides"; a programme
                   or law: "Medicare", "Affordable Care Act", ...)
  manual-merge / manual-split   done by hand with this command (never undone by a rule)
"""

EPILOG = """\
examples:
  newsgraph actors list --db news.db                 the most mentioned actors (junk and merged left out)
  newsgraph actors show "Hillary Clinton"            an actor: its names, each with its rule and why
  newsgraph actors why Clinton                       the same, for the actor a name or variant belongs to
  newsgraph actors merge 120 57                      actor #120 (and all it holds) becomes part of #57
  newsgraph actors split 57 --name "Clinton"         the name "Clinton" (its entities, quotes, events)
                                                     leaves #57 for an actor of its own
  newsgraph actors junk --db news.db                 the names kept out as no actor, by kind
  newsgraph actors resolve --db old.db               resolve a store made before this resolution
                                                     (schema revision 0007), then merge what it finds

An ACTOR is an id (57 or #57) or a name; a name that fits several actors lists them. A merge
prints the split command that undoes it. Output: readable text, or --json.
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "actors",
        help="see, explain, merge and split the store's actors (one per real-world actor)",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "action",
        choices=["list", "show", "why", "merge", "split", "junk", "resolve"],
        help="list | show ACTOR | why NAME | merge FROM INTO | split ACTOR --name N | junk | resolve",
    )
    p.add_argument("refs", nargs="*", metavar="ACTOR", help="actor ids or names")
    p.add_argument(
        "--db",
        default=os.environ.get("NEWSGRAPH_DB", DEFAULT_DB),
        metavar="TARGET",
        help=f"SQLite file or postgresql://user:pw@host/db (default: $NEWSGRAPH_DB or {DEFAULT_DB})",
    )
    p.add_argument(
        "--name",
        action="append",
        default=[],
        metavar="N",
        help="split: a name variant (or name key) to move out; repeat for several",
    )
    p.add_argument("--limit", type=int, default=50, help="list/junk: how many (default 50)")
    p.add_argument("--json", action="store_true", help="JSON instead of text")
    p.set_defaults(func=cmd_actors)


def _one(conn: Connection, ref: str) -> list[int]:
    from .actors import find

    ids = find(conn, ref)
    if not ids:
        raise ValueError(f"no actor {ref!r}")
    return ids


def _print_actor(d: dict) -> None:
    flag = (
        f"  [merged into #{d['merged_into']}]"
        if d.get("merged_into")
        else (f"  [no actor: {d['junk']}]" if d.get("junk") else "")
    )
    print(
        f"#{d['id']} {d['name']}  country={d['country'] or '-'} type={d['type'] or '-'}  "
        f"{d['n_entities']} entities{flag}"
    )
    for n in d["names"]:
        print(f"  {n['name']!r:40} {n['n_entities']:5}  {n['rule']:16} {n['why'] or ''}")
    if d.get("merged_from"):
        print("  merged from: " + ", ".join(f"#{i}" for i in d["merged_from"]))


def cmd_actors(args: argparse.Namespace) -> int:
    from .actors import describe, resolve_store
    from .db import StoreError, open_store

    try:
        store = open_store(args.db, must_exist=True)
    except StoreError as e:
        print(f"newsgraph actors: {e}", file=sys.stderr)
        return 2
    out: object = None  # what --json prints
    try:
        if args.action == "list":
            rows = store.list_actors(limit=args.limit)
            out = rows
            if not args.json:
                for r in rows:
                    print(
                        f"#{r['id']:<6} {r['n_articles']:5} articles  {r['name']}  ({r['country'] or '-'}, {r['type']})"
                    )
        elif args.action == "junk":
            from sqlalchemy import func, select

            from . import schema as S

            with store.engine.connect() as conn:
                rows = [
                    dict(r._mapping)
                    for r in conn.execute(
                        select(S.actors.c.junk, func.count().label("n"))
                        .where(S.actors.c.junk.is_not(None))
                        .group_by(S.actors.c.junk)
                        .order_by(func.count().desc())
                    )
                ]
                for r in rows:
                    r["examples"] = [
                        x[0]
                        for x in conn.execute(
                            select(S.actors.c.name)
                            .where(S.actors.c.junk == r["junk"])
                            .order_by(S.actors.c.id)
                            .limit(min(args.limit, 8))
                        )
                    ]
            out = rows
            if not args.json:
                for r in rows:
                    print(f"{r['junk']:22} {r['n']:6}  e.g. " + ", ".join(repr(x) for x in r["examples"]))
        elif args.action in ("show", "why"):
            if not args.refs:
                print("newsgraph actors: show/why need an actor id or name", file=sys.stderr)
                return 2
            shown: list[dict] = []
            out = shown
            with store.engine.connect() as conn:
                for ref in args.refs:
                    for aid in _one(conn, ref)[:5]:
                        d = describe(conn, aid)
                        if d:
                            shown.append(d)
                            if not args.json:
                                _print_actor(d)
        elif args.action == "merge":
            if len(args.refs) != 2:
                print("newsgraph actors: merge needs two actors: FROM INTO", file=sys.stderr)
                return 2
            with store.engine.begin() as conn:
                src, dst = (_one(conn, r) for r in args.refs)
                if len(src) > 1 or len(dst) > 1:
                    print(
                        "newsgraph actors: a name fits several actors; give ids: "
                        + ", ".join(f"#{i}" for i in src + dst),
                        file=sys.stderr,
                    )
                    return 2
                names = [n["name"] for n in (describe(conn, src[0]) or {}).get("names", [])]
            store.merge_actors(src[0], dst[0])
            undo = f"newsgraph actors split {dst[0]} " + " ".join(f"--name {json.dumps(n)}" for n in names)
            out = {"merged": src[0], "into": dst[0], "undo": undo}
            if not args.json:
                print(f"#{src[0]} merged into #{dst[0]}; to undo: {undo}")
        elif args.action == "split":
            if len(args.refs) != 1 or not args.name:
                print("newsgraph actors: split needs one actor and --name N (repeatable)", file=sys.stderr)
                return 2
            with store.engine.connect() as conn:
                ids = _one(conn, args.refs[0])
            new = store.split_actor(ids[0], args.name)
            out = {"split_from": ids[0], "new": new}
            if not args.json:
                print(f"{', '.join(args.name)}: moved from #{ids[0]} to the new actor #{new}")
        elif args.action == "resolve":
            with store.engine.begin() as conn:
                done = resolve_store(conn)
            out = {"merges": [{"from": a, "into": b, "why": w} for a, b, w in done]}
            if not args.json:
                for a, b, w in done:
                    print(f"#{a} -> #{b}: {w}")
                print(f"newsgraph actors resolve: {len(done)} merges")
    except ValueError as e:
        print(f"newsgraph actors: {e}", file=sys.stderr)
        return 2
    finally:
        store.close()
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1, default=str))
    return 0
