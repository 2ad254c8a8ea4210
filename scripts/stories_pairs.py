#!/usr/bin/env python3
"""How far apart are the articles of one gold story? (docs/stories.md, "Why clustering gains
little over singletons")

    python scripts/stories_pairs.py --split tune [--lead 100] [--records RECORDS.jsonl]

For the articles of one half of the story gold set (gold/stories/), every pair of articles is
scored like the story engine scores it, with its own term vectors (newsgraph.stories.terms:
title and lead words, title words twice; with --records, newsgraph.stories.record_terms: also
the actors and places of the whole article), IDF counted over all the gold articles: the words'
cosine, or with names WORDS_SHARE x the words' cosine + the rest x the names' cosine. Printed: how many
pairs of the same gold story, and how many pairs of different stories published within the
engine's window, reach each cosine; how many same-story pairs are further apart than the window;
and, with --stories, each gold story of two articles or more with each article's best cosine to
another article of its story. A threshold separates the two kinds of pairs only where the first
count is high and the second low.
"""

from __future__ import annotations

import argparse
import json
import math
from collections import Counter, defaultdict
from datetime import date

from newsgraph import stories
from newsgraph.eval.goldset import gold_dir, load_article_text, read_article_list
from newsgraph.eval.stories import read_labels


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--split", choices=("tune", "report", "all"), default="tune")
    p.add_argument("--lead", type=int, default=None, help="lead words (default: the engine's)")
    p.add_argument("--stories", action="store_true", help="list the gold stories of two articles or more")
    p.add_argument("--records", default=None, help="records of the gold articles (newsgraph extract): adds names")
    args = p.parse_args()
    if args.lead is not None:
        stories.LEAD_WORDS = args.lead
        stories.MAX_TERMS = max(stories.MAX_TERMS, 4 * args.lead)
    base = gold_dir() / "stories"
    rows = read_article_list(base / "articles.tsv")
    label = read_labels(base / "labels-S1.tsv")
    recs: dict = {}
    if args.records:
        with open(args.records, encoding="utf-8") as fh:
            recs = {d["id"]: d for d in map(json.loads, filter(str.strip, fh))}
    vec = {
        r["article"]: (
            stories.record_terms({**recs[r["article"]], "title": r.get("title")})
            if r["article"] in recs
            else stories.terms(r.get("title"), load_article_text(r["article"]))
        )
        for r in rows
    }
    day = {r["article"]: date.fromisoformat(r["date"]).toordinal() for r in rows}
    title = {r["article"]: r.get("title") or "" for r in rows}
    df = Counter(t for v in vec.values() for t in v)
    n = len(vec)
    unit = {}
    for a, v in vec.items():
        x = {t: w * (math.log((n + 2) / (df[t] + 1)) + 1) for t, w in v.items()}
        norm = [math.sqrt(sum(y * y for t, y in x.items() if stories.is_name(t) == b)) or 1.0 for b in (False, True)]
        unit[a] = {t: y / norm[stories.is_name(t)] for t, y in x.items()}
    has_names = {a for a, v in vec.items() if any(map(stories.is_name, v))}

    def cos(a: str, b: str) -> float:
        block = [0.0, 0.0]
        for t, w in unit[a].items():
            block[stories.is_name(t)] += w * unit[b].get(t, 0.0)
        share = stories.WORDS_SHARE if a in has_names else 1.0
        return share * block[0] + (1 - share) * block[1]

    half = sorted(r["article"] for r in rows if args.split == "all" or r["split"] == args.split)
    same, other, far = [], [], 0
    for i, a in enumerate(half):
        for b in half[i + 1 :]:
            c = cos(a, b)
            if label[a] == label[b]:
                same.append(c)
                far += abs(day[a] - day[b]) > stories.WINDOW_DAYS
            elif abs(day[a] - day[b]) <= stories.WINDOW_DAYS:
                other.append(c)
    print(f"{args.split} half, {len(half)} articles, lead {stories.LEAD_WORDS} words, names: {bool(recs)}")
    print(" score  same-story pairs  other pairs within the window")
    for th in (0.10, 0.15, 0.20, 0.25, 0.30):
        print(
            f"{th:>6.2f}  {sum(c >= th for c in same):>4} of {len(same):<6}  {sum(c >= th for c in other):>4} of {len(other)}"
        )
    print(f"same-story pairs more than {stories.WINDOW_DAYS} days apart: {far}")
    if args.stories:
        by: dict = defaultdict(list)
        for a in half:
            by[label[a]].append(a)
        for s, arts in sorted(by.items()):
            if len(arts) < 2:
                continue
            print(f"## {s}")
            for a in sorted(arts, key=lambda x: day[x]):
                best = max(cos(a, b) for b in arts if b != a)
                print(f"  {date.fromordinal(day[a])}  best {best:.2f}  {title[a][:80]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
