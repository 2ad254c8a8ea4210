"""``newsgraph eval responses``: response links against the project's gold set.

The gold (``gold/responses/``, by the rules of docs/responses.md) marks every response link of
48 whole PolNeAR articles: the answer's words, the answered statement's words, the cue and the
stance. Each article of the chosen half is run through the whole pipeline; a predicted link
(a quote's ``responds_to`` entry) matches a gold link, one to one, when the answering quote
overlaps the gold answer and the answered quote overlaps the gold answered statement.
Precision is matched / predicted links, recall matched / gold links; the stance is scored on
the matched links (share with the gold stance).

``--agreement`` scores the second annotation pass against the first on the articles that have
both, by the same matching.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from .events import published_of, slug
from .goldset import gold_dir, load_article_text, read_article_list


def _overlap(a, b) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def gold_links(path: Path) -> list[dict]:
    d = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for link in d.get("links", []):
        if link.get("answer_span") and link.get("answered_span"):
            out.append(
                {
                    "answer": tuple(link["answer_span"]),
                    "answered": tuple(link["answered_span"]),
                    "stance": link.get("stance"),
                    "cue": link.get("cue"),
                    "text": link.get("answer"),
                }
            )
    return out


def pred_links(rec) -> list[dict]:
    d = rec if isinstance(rec, dict) else rec.to_dict()
    by_id = {q["id"]: q for q in d.get("quotes", [])}
    out = []
    for q in d.get("quotes", []):
        for link in q.get("responds_to") or []:
            t = by_id.get(link["quote"])
            if t is None:
                continue
            out.append(
                {
                    "answer": (q["start"], q["end"]),
                    "answered": (t["start"], t["end"]),
                    "stance": link["stance"],
                    "cue": (link.get("cue") or {}).get("text"),
                    "rule": link.get("rule"),
                    "text": q["text"],
                }
            )
    return out


def match(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index), greedily in text order."""
    used: set = set()
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used and _overlap(g["answer"], p["answer"]) and _overlap(g["answered"], p["answered"]):
                used.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


class Score:
    def __init__(self):
        self.gold = self.pred = self.matched = self.stance_ok = 0
        self.stances: Counter = Counter()

    def add(self, gold, pred):
        pairs = match(gold, pred)
        self.gold += len(gold)
        self.pred += len(pred)
        self.matched += len(pairs)
        for gi, pi in pairs:
            ok = gold[gi]["stance"] == pred[pi]["stance"]
            self.stance_ok += ok
            self.stances[(gold[gi]["stance"], pred[pi]["stance"])] += 1
        return pairs

    def figures(self) -> dict:
        p = self.matched / self.pred if self.pred else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "gold_links": self.gold,
            "predicted_links": self.pred,
            "matched": self.matched,
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f, 3),
            "stance_accuracy": round(self.stance_ok / self.matched, 3) if self.matched else None,
        }


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--gold", default=None, help="the gold/responses folder (default: the repository's)")
    p.add_argument(
        "--split",
        choices=("report", "tune", "all"),
        default="report",
        help="which half to score (default: report; tune on 'tune')",
    )
    p.add_argument("--agreement", action="store_true", help="score pass2 against pass1 instead (no extraction)")
    p.add_argument("--model", default=None, help="spaCy pipeline (default: newsgraph's)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--dump", metavar="FILE", help="write each article's gold and predicted links (JSON lines)")


def run(args) -> int:
    base = Path(args.gold) if args.gold else gold_dir() / "responses"
    rows = [r for r in read_article_list(base / "articles.tsv") if args.split == "all" or r["split"] == args.split]
    total = Score()
    if args.agreement:
        n = 0
        for r in rows:
            p2 = base / "pass2" / f"{slug(r['article'])}.json"
            if p2.exists():
                total.add(gold_links(base / "pass1" / f"{slug(r['article'])}.json"), gold_links(p2))
                n += 1
        out = {"split": args.split, "agreement": True, "articles": n, **total.figures()}
        print(
            json.dumps(out, indent=1)
            if args.json
            else f"responses agreement (pass2 vs pass1), {args.split}: {n} articles, P {out['precision']:.3f} "
            f"R {out['recall']:.3f} F1 {out['f1']:.3f}, stance {out['stance_accuracy']}"
        )
        return 0
    from ..article import Article
    from ..pipeline import ModelError, load_nlp, process

    try:
        texts = {r["article"]: load_article_text(r["article"]) for r in rows}
    except FileNotFoundError as e:
        print(f"newsgraph eval responses: article text not found ({e}); is ../shared/data there?", file=sys.stderr)
        return 1
    try:
        nlp = load_nlp(args.model)
    except ModelError as e:
        print(f"newsgraph eval responses: {e}", file=sys.stderr)
        return 2
    t0 = time.time()
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None
    arts = [Article(id=r["article"], text=texts[r["article"]], published=published_of(r["article"])) for r in rows]
    for r, rec in zip(rows, process(arts, nlp)):
        gold = gold_links(base / "pass1" / f"{slug(r['article'])}.json")
        pred = [] if isinstance(rec, Exception) else pred_links(rec)
        pairs = total.add(gold, pred)
        if dump is not None:
            dump.write(
                json.dumps({"article": r["article"], "gold": gold, "pred": pred, "pairs": pairs}, ensure_ascii=False)
                + "\n"
            )
    if dump is not None:
        dump.close()
    out = {
        "split": args.split,
        "articles": len(rows),
        **total.figures(),
        "seconds": round(time.time() - t0, 1),
        "stance_pairs": {f"{g}->{p}": n for (g, p), n in sorted(total.stances.items())},
    }
    if args.json:
        print(json.dumps(out, indent=1))
    else:
        print(
            f"responses, {args.split} half: {len(rows)} articles, {out['gold_links']} gold links, "
            f"{out['predicted_links']} predicted, {out['matched']} matched"
        )
        print(
            f"  P {out['precision']:.3f}  R {out['recall']:.3f}  F1 {out['f1']:.3f}  "
            f"stance accuracy {out['stance_accuracy']}"
        )
    return 0
