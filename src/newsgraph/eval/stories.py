"""``newsgraph eval stories``: story clustering against the project's story gold set.

The gold (``gold/stories/``, by the rules of docs/stories.md) gives each of 357 PolNeAR
articles (June-October 2016, seven outlets) one story label; a second annotator labelled 104
of them again. The articles are fed to the story engine (``newsgraph.stories``, the same code
ingest runs, here with an in-memory index) in publication order (then by id), exactly as an
ingest would meet them; then the clusters are scored on one half of the fixed tune/report split
(``articles.tsv``), clusters and gold stories restricted to that half, by B-cubed precision,
recall and F1 (Bagga & Baldwin 1998: per article, the share of its cluster that is in its gold
story, and the share of its gold story that is in its cluster; averaged over articles).

Also printed: the singleton baseline (every article a story of its own) and, as the agreement
figure, the second annotator's labels scored against the first's on the articles both labelled.

Without ``--records`` the engine sees titles and leads only (no actors or places: those need the
extraction pipeline); ``--records FILE.jsonl`` (from ``newsgraph extract``) adds them.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import Optional

from .goldset import gold_dir, load_article_text, read_article_list


def bcubed(pred: Mapping[str, Hashable], gold: Mapping[str, Hashable]) -> tuple[float, float, float]:
    """B-cubed (precision, recall, F1) of clustering ``pred`` (item -> cluster) against ``gold``
    (item -> class), over the items of ``gold`` (both restricted to them)."""
    items = [i for i in gold if i in pred]
    if not items:
        return 0.0, 0.0, 0.0
    pc: dict = defaultdict(set)
    gc: dict = defaultdict(set)
    for i in items:
        pc[pred[i]].add(i)
        gc[gold[i]].add(i)
    p = r = 0.0
    for i in items:
        both = len(pc[pred[i]] & gc[gold[i]])
        p += both / len(pc[pred[i]])
        r += both / len(gc[gold[i]])
    p, r = p / len(items), r / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def read_labels(path: Path) -> dict[str, str]:
    return {row["article"]: row["story"] for row in read_article_list(path) if row.get("story")}


def cluster_articles(rows: list[dict], records: Optional[dict] = None) -> dict[str, Hashable]:
    """Feed the gold articles to the story engine in publication order; article -> story."""
    from ..stories import MemoryIndex, record_terms, terms

    index = MemoryIndex()
    pred: dict[str, Hashable] = {}
    for row in sorted(rows, key=lambda r: (r["date"], r["article"])):
        aid = row["article"]
        if records and aid in records:
            rec = dict(records[aid])
            rec.setdefault("title", row.get("title"))
            vec = record_terms(rec)
        else:
            vec = terms(row.get("title"), load_article_text(aid))
        index.add(aid, row["date"], vec)
        pred[aid] = index.story_of[aid]
    return pred


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--gold", default=None, help="the gold/stories folder (default: the repository's)")
    p.add_argument(
        "--split",
        choices=("report", "tune", "all"),
        default="report",
        help="which half to score (default: report; tune on 'tune')",
    )
    p.add_argument(
        "--records",
        default=None,
        help="records (JSON lines from newsgraph extract) of the "
        "gold articles, keyed by their 'id': adds actors and places",
    )
    p.add_argument("--threshold", type=float, default=None, help="override stories.THRESHOLD (tuning)")
    p.add_argument("--window", type=int, default=None, help="override stories.WINDOW_DAYS (tuning)")
    p.add_argument("--lead", type=int, default=None, help="override stories.LEAD_WORDS (tuning)")
    p.add_argument(
        "--words-share",
        type=float,
        default=None,
        help="override stories.WORDS_SHARE, the words' share of the score (tuning)",
    )
    p.add_argument(
        "--write-articles",
        metavar="FILE",
        default=None,
        help="write the gold articles as JSON lines for 'newsgraph extract FILE -o RECORDS' (the input of --records) and stop",
    )
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--dump", action="store_true", help="list each predicted cluster of the half with gold labels")


def run(args) -> int:
    from .. import stories

    base = Path(args.gold) if args.gold else gold_dir() / "stories"
    rows = read_article_list(base / "articles.tsv")
    s1 = read_labels(base / "labels-S1.tsv")
    s2 = read_labels(base / "labels-S2.tsv") if (base / "labels-S2.tsv").exists() else {}
    if args.threshold is not None:
        stories.THRESHOLD = args.threshold
    if args.window is not None:
        stories.WINDOW_DAYS = args.window
    if args.lead is not None:
        stories.LEAD_WORDS = args.lead
    if args.words_share is not None:
        stories.WORDS_SHARE = args.words_share
    if args.write_articles:
        try:
            with open(args.write_articles, "w", encoding="utf-8") as out_fh:
                for row in rows:
                    art = {
                        "id": row["article"],
                        "title": row.get("title"),
                        "published": row["date"],
                        "source": row.get("outlet"),
                        "text": load_article_text(row["article"]),
                    }
                    out_fh.write(json.dumps(art, ensure_ascii=False) + "\n")
        except FileNotFoundError as e:
            print(f"newsgraph eval stories: article text not found ({e}); is ../shared/data there?")
            return 1
        print(f"{len(rows)} gold articles written to {args.write_articles}")
        return 0
    records = None
    if args.records:
        records = {}
        with open(args.records, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    d = json.loads(line)
                    records[d["id"]] = d
    try:
        pred = cluster_articles(rows, records)
    except FileNotFoundError as e:
        print(f"newsgraph eval stories: article text not found ({e}); is ../shared/data there?")
        return 1
    half = {r["article"] for r in rows if args.split == "all" or r["split"] == args.split}
    gold = {a: s for a, s in s1.items() if a in half}
    p, r, f = bcubed(pred, gold)
    sp, sr, sf = bcubed({a: a for a in gold}, gold)
    both = {a for a in s2 if a in s1}
    ap, ar, af = bcubed({a: s2[a] for a in both}, {a: s1[a] for a in both})
    out = {
        "split": args.split,
        "articles": len(gold),
        "gold_stories": len(set(gold.values())),
        "predicted_stories": len({pred[a] for a in gold}),
        "bcubed": {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)},
        "singleton_baseline": {"precision": round(sp, 3), "recall": round(sr, 3), "f1": round(sf, 3)},
        "agreement_S2_vs_S1": {
            "articles": len(both),
            "precision": round(ap, 3),
            "recall": round(ar, 3),
            "f1": round(af, 3),
        },
        "settings": {
            "threshold": stories.THRESHOLD,
            "window_days": stories.WINDOW_DAYS,
            "lead_words": stories.LEAD_WORDS,
            "words_share": stories.WORDS_SHARE,
            "records": bool(records),
        },
    }
    if args.json:
        print(json.dumps(out, indent=1))
    else:
        print(
            f"stories, {args.split} half: {out['articles']} articles, {out['gold_stories']} gold stories, "
            f"{out['predicted_stories']} predicted"
        )
        print(f"  B-cubed   P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
        print(f"  singleton P {sp:.3f}  R {sr:.3f}  F1 {sf:.3f}  (every article its own story)")
        print(f"  agreement S2 vs S1 on {len(both)} articles: P {ap:.3f}  R {ar:.3f}  F1 {af:.3f}")
    if args.dump:
        by: dict = defaultdict(list)
        for a in sorted(gold):
            by[pred[a]].append(a)
        for c, arts in sorted(by.items(), key=lambda kv: str(kv[0])):
            if (
                len(arts) > 1
                or len({gold[a] for a in arts}) > 1
                or sum(1 for x in gold.values() if x == gold[arts[0]]) > 1
            ):
                print(f"- cluster {c}")
                for a in arts:
                    print(f"    {gold[a]:50s} {a}")
    return 0
