#!/usr/bin/env python3
"""Tools for building the project's own gold sets from the articles in ../shared/data.

    python scripts/gold_tool.py list events            # the event gold articles, split and annotator
    python scripts/gold_tool.py show gwn:103           # an article, numbered sentences with offsets
    python scripts/gold_tool.py events fix FILE...     # add character offsets to hand-written events
    python scripts/gold_tool.py events check           # check every file of the event gold set
    python scripts/gold_tool.py responses fix FILE...  # the same for response links
    python scripts/gold_tool.py stories [--since D --until D]  # date, outlet, title and lead of
                                                       # every article of the story gold set

Article ids: ``gwn:<file>`` (an article of GeoWebNews' GWN.xml, by its ``file`` attribute) and
``polnear:<split>/<name>`` (a PolNeAR text file). The texts are read from ../shared/data and
never copied into the project; annotations refer to them by id and character offsets.

The sentence splitter here is a plain rule (end punctuation, closing quote, then a capital or a
quote; or a line break) used only to number sentences for annotators; it is independent of
newsgraph's own processing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.eval.goldset import (  # noqa: E402
    EVENT_SECTORS,
    EVENT_TYPES,
    MODES,
    load_article_text,
    read_article_list,
    sentences,
    valid_country,
)

GOLD = ROOT / "gold"


def cmd_show(args) -> int:
    text = load_article_text(args.article)
    print(f"# {args.article}  ({len(text)} characters, {len(text.split())} words)")
    for i, (s, e) in enumerate(sentences(text), 1):
        print(f"[s{i} @{s}-{e}] {text[s:e]}")
    return 0


def cmd_list(args) -> int:
    for row in read_article_list(GOLD / args.set / "articles.tsv"):
        print("\t".join(row.values()))
    return 0


def _occurrences(sent_text: str, needle: str) -> list[int]:
    """Start offsets of ``needle`` in ``sent_text`` as whole words ("he" is not found in "the",
    "Russia" not in "Russian")."""
    out, pos = [], sent_text.find(needle)
    while pos >= 0:
        end = pos + len(needle)
        left_ok = pos == 0 or not (sent_text[pos - 1].isalnum() and needle[:1].isalnum())
        right_ok = end == len(sent_text) or not (sent_text[end].isalnum() and needle[-1:].isalnum())
        if left_ok and right_ok:
            out.append(pos)
        pos = sent_text.find(needle, pos + 1)
    return out


def _find(sent_text: str, needle: str, n: int) -> int:
    """The n-th whole-word occurrence (1-based), or -1."""
    occ = _occurrences(sent_text, needle)
    return occ[n - 1] if 1 <= n <= len(occ) else -1


def fix_events(path: Path) -> list[str]:
    """Add spans to one hand-written events file; returns the problems found."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    problems = []
    art = doc.get("article")
    try:
        text = load_article_text(art)
    except Exception as e:  # noqa: BLE001
        return [f"{path}: cannot read article {art!r}: {e}"]
    sents = sentences(text)
    if not isinstance(doc.get("political"), bool):
        problems.append(f"{path}: 'political' must be true or false")
    for k, ev in enumerate(doc.get("events", []), 1):
        where = f"{path} event {k}"
        t = ev.get("type")
        if t not in EVENT_TYPES:
            problems.append(f"{where}: unknown type {t!r}")
        if ev.get("mode") and ev["mode"] not in MODES.get(t, ()):
            problems.append(f"{where}: mode {ev['mode']!r} is not a mode of {t}")
        for role in ("actor", "recipient"):
            c = ev.get(f"{role}_country")
            if c and not valid_country(c):
                problems.append(f"{where}: {role}_country {c!r} is not ISO alpha-3 or a known IGO code")
            sec = ev.get(f"{role}_sector")
            if sec and sec not in EVENT_SECTORS:
                problems.append(f"{where}: {role}_sector {sec!r} unknown")
        si = ev.get("s")
        if not isinstance(si, int) or not 1 <= si <= len(sents):
            problems.append(f"{where}: sentence number s={si!r} out of range 1..{len(sents)}")
            continue
        ss, se = sents[si - 1]
        ev["sentence_span"] = [ss, se]
        for role in ("trigger", "actor", "recipient"):
            val = ev.get(role)
            if val in (None, ""):
                if role == "trigger":
                    problems.append(f"{where}: no trigger")
                ev[f"{role}_span"] = None
                continue
            pos = _find(text[ss:se], val, int(ev.get(f"{role}_n", 1)))
            if pos < 0:
                problems.append(f"{where}: {role} {val!r} not found in sentence s{si}: {text[ss:se][:120]!r}")
                ev[f"{role}_span"] = None
                continue
            ev[f"{role}_span"] = [ss + pos, ss + pos + len(val)]
    write_gold(path, doc)
    return problems


def write_gold(path: Path, doc: dict, list_key: str = "events") -> None:
    """One key a line, one event a line: small diffs, easy to read."""
    lines = []
    for k, v in doc.items():
        if k == list_key:
            evs = ",\n".join("  " + json.dumps(e, ensure_ascii=False) for e in v)
            lines.append(f' "{k}": [\n{evs}\n ]' if v else f' "{k}": []')
        else:
            lines.append(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}")
    path.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")


def cmd_events_fix(args) -> int:
    problems = []
    for p in args.files:
        problems += fix_events(Path(p))
    for x in problems:
        print(x)
    print(f"{len(args.files)} file(s), {len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


def cmd_events_check(args) -> int:
    files = sorted((GOLD / "events").glob("pass*/*.json"))
    problems = []
    for p in files:
        problems += fix_events(p)
    listed = {r["article"] for r in read_article_list(GOLD / "events" / "articles.tsv")}
    done = {json.loads(p.read_text())["article"] for p in files if p.parent.name == "pass1"}
    for x in problems:
        print(x)
    print(
        f"{len(files)} file(s), {len(problems)} problem(s); pass1 covers {len(done & listed)}/{len(listed)} listed articles"
    )
    return 1 if problems else 0


STANCES = ("support", "reject", "clarify", "other")


def fix_responses(path: Path) -> list[str]:
    """Add spans to one hand-written response-links file; returns the problems found."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    art = doc.get("article")
    try:
        text = load_article_text(art)
    except Exception as e:  # noqa: BLE001
        return [f"{path}: cannot read article {art!r}: {e}"]
    sents = sentences(text)
    problems = []
    for k, link in enumerate(doc.get("links", []), 1):
        where = f"{path} link {k}"
        if link.get("stance") not in STANCES:
            problems.append(f"{where}: stance must be one of {', '.join(STANCES)}")
        for role in ("answer", "answered", "cue"):
            si, val = link.get(f"{role}_s"), link.get(role)
            link[f"{role}_span"] = None
            if not isinstance(si, int) or not 1 <= si <= len(sents):
                problems.append(f"{where}: {role}_s={si!r} out of range 1..{len(sents)}")
                continue
            if not val:
                problems.append(f"{where}: no {role}")
                continue
            ss, se = sents[si - 1]
            pos = _find(text[ss:se], val, int(link.get(f"{role}_n", 1)))
            if pos < 0:
                problems.append(f"{where}: {role} {val!r} not found in sentence s{si}: {text[ss:se][:120]!r}")
                continue
            link[f"{role}_span"] = [ss + pos, ss + pos + len(val)]
    write_gold(path, doc, list_key="links")
    return problems


def cmd_responses_fix(args) -> int:
    problems = []
    for p in args.files:
        problems += fix_responses(Path(p))
    for x in problems:
        print(x)
    print(f"{len(args.files)} file(s), {len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


def cmd_stories(args) -> int:
    for row in read_article_list(GOLD / "stories" / "articles.tsv"):
        if args.since and row["date"] < args.since or args.until and row["date"] > args.until:
            continue
        text = load_article_text(row["article"])
        body = " ".join(text.split("\n", 1)[-1].split())[: args.chars]
        print(f"{row['article']}\t{row['date']}\t{row['outlet']}\n  TITLE: {row['title']}\n  LEAD: {body}\n")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("show", help="an article with numbered sentences and offsets")
    p.add_argument("article")
    p.set_defaults(func=cmd_show)
    p = sub.add_parser("list", help="the articles of a gold set")
    p.add_argument("set", nargs="?", default="events")
    p.set_defaults(func=cmd_list)
    p = sub.add_parser("events", help="event gold files")
    esub = p.add_subparsers(dest="ecmd", required=True)
    q = esub.add_parser("fix", help="add offsets to hand-written files, report problems")
    q.add_argument("files", nargs="+")
    q.set_defaults(func=cmd_events_fix)
    q = esub.add_parser("check", help="check every file of gold/events")
    q.set_defaults(func=cmd_events_check)
    p = sub.add_parser("responses", help="response-link gold files")
    rsub = p.add_subparsers(dest="rcmd", required=True)
    q = rsub.add_parser("fix", help="add offsets to hand-written files, report problems")
    q.add_argument("files", nargs="+")
    q.set_defaults(func=cmd_responses_fix)
    p = sub.add_parser("stories", help="title and lead of the story gold articles, by date")
    p.add_argument("--since", default=None, metavar="YYYY-MM-DD")
    p.add_argument("--until", default=None, metavar="YYYY-MM-DD")
    p.add_argument("--chars", type=int, default=500, help="characters of the lead to show")
    p.set_defaults(func=cmd_stories)
    args = ap.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
