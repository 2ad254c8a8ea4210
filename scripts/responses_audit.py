#!/usr/bin/env python3
"""Precision audit of response links on PolNeAR train articles outside the response gold set.

    python scripts/responses_audit.py --skip 400 --n 200 > audit.txt

The gold set (gold/responses/) is small: 24 articles a half. To see more of the links newsgraph
makes, this runs the pipeline on ``--n`` PolNeAR train articles that are not in the gold set
(sorted by name, shuffled with ``--seed``, the first ``--skip`` left out, so that successive
audits do not overlap) and prints every link with its cue in context, the answer and the
answered statement with their speakers, numbered, for judging by hand by the rules of
docs/responses.md. Recall cannot be judged this way (only the links made are shown). The
judgements and the figures are in docs/responses.md ("Figures").
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from newsgraph.article import Article
from newsgraph.eval.events import published_of
from newsgraph.eval.goldset import gold_dir, load_article_text, read_article_list, shared_data
from newsgraph.pipeline import load_nlp, process


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--polnear", default=None, help="the PolNeAR folder (default: ../shared/data/polnear)")
    p.add_argument("--seed", type=int, default=16)
    p.add_argument("--skip", type=int, default=0, help="leave out the first SKIP articles of the order")
    p.add_argument("--n", type=int, default=200, help="how many articles")
    args = p.parse_args()
    gold = {r["article"] for r in read_article_list(gold_dir() / "responses" / "articles.tsv")}
    base = Path(args.polnear) if args.polnear else shared_data() / "polnear"
    names = sorted(x.stem for x in (base / "train" / "text").glob("*.txt"))
    ids = [f"polnear:train/{n}" for n in names if f"polnear:train/{n}" not in gold]
    random.Random(args.seed).shuffle(ids)
    ids = ids[args.skip : args.skip + args.n]
    arts = [Article(id=a, text=load_article_text(a), published=published_of(a)) for a in ids]
    nlp = load_nlp(None)
    n = 0
    for art, rec in zip(arts, process(arts, nlp)):
        if isinstance(rec, Exception):
            continue
        names_of = {e.id: e.name for e in rec.entities}
        by_id = {q.id: q for q in rec.quotes}
        for q in rec.quotes:
            for link in q.responds_to:
                n += 1
                t = by_id[link["quote"]]
                cs, ce = link["cue"]["start"], link["cue"]["end"]
                print(f"#{n} {art.id} [{link['stance']}] {link['rule']}")
                print(f"  cue in context: {rec.text[max(0, cs - 150) : ce + 60]!r}")
                print(f"  answer ({names_of.get(q.speaker)}): {q.text[:160]!r}")
                print(f"  answered ({names_of.get(t.speaker)}): {t.text[:160]!r}\n")
    print(f"{n} links in {len(arts)} articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
