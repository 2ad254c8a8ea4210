"""Train the learned-frame model of newsgraph_quotes on PolNeAR *train* annotations.

For every word that could be a cue (verb, noun, predicate adjective) where the hand-written
rules make no record, each of its dependents that could hold content (a frame: clause,
infinitive, object, a noun's ``that``/``to`` clause, a preposition's object) is a candidate. A
candidate is positive when its content, scored as newsgraph eval polnear scores, matches an
annotated attribution whose cue holds that word. A logistic model over the candidate's
features (newsgraph/extractors/quote_frames.py) is fitted by plain stochastic gradient descent
with L2 regularisation, and written with its threshold to
``src/newsgraph/data/quotes/frame_model.json.gz``.

    .venv/bin/python scripts/learn_quote_frames.py                    # all of train (about 6 min)
    .venv/bin/python scripts/learn_quote_frames.py --fold 0/2 -o M    # articles 0, 2, 4, ... only

The threshold was chosen by two-fold cross-validation on train (fit on one half, score the
other with ``newsgraph eval polnear --split train``). Only train is read; dev stays for reporting.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

from newsgraph.eval import polnear as P
from newsgraph.extractors import quote_confidence as QC
from newsgraph.extractors import quotes as Q

OUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "data" / "quotes" / "frame_model.json.gz"
THRESHOLD = 0.20  # chosen by two-fold cross-validation on train (docs/quotes.md)
EPOCHS, RATE, L2, MIN_COUNT = 8, 0.1, 1e-5, 2


def gold_with_cues(gold: list) -> list[tuple[list, list]]:
    """(cue segments, content segments) of each attribution (``polnear.Gold`` items from
    ``load_split``, whose offsets are on the repaired text newsgraph reads)."""
    return [(g.cue, g.content) for g in gold]


def matches(content: tuple[int, int], gold_content: list) -> bool:
    """Whether a predicted content alone would find this gold content, as the scorer counts it."""
    sc, _ = P.score_article([P.Pred(*content)], [P.Gold(content=list(gold_content))])
    return sc.found == 1


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(P.DEFAULT_DATA), help="PolNeAR folder")
    ap.add_argument("--fold", default=None, help="I/K: learn only from articles whose index %% K == I")
    ap.add_argument("--docbin", default=None, help="parsed train articles (spaCy DocBin) to skip parsing")
    ap.add_argument("--threshold", type=float, default=THRESHOLD, help=f"score a frame needs (default {THRESHOLD})")
    ap.add_argument("-o", "--output", default=str(OUT))
    args = ap.parse_args(argv)
    data = Path(args.data)
    arts = P.load_split(data, "train")
    from newsgraph.pipeline import load_nlp

    ent = load_nlp(components=["newsgraph_entities"]).get_pipe("newsgraph_entities")
    docs = (ent(d) for d in P.parsed_texts(arts, args.docbin))
    keep = None
    if args.fold:
        i, k = (int(x) for x in args.fold.split("/"))
        keep = {n for j, (n, _, _) in enumerate(arts) if j % k == i}
    samples: list[tuple[list[str], int]] = []
    for (name, text, gold_items), doc in zip(arts, docs):
        if keep is not None and name not in keep:
            continue
        gold = gold_with_cues(gold_items)
        breaks = [(m.start(), m.end()) for m in re.finditer(r"\n+", text)]
        newlines, ends = [a for a, _ in breaks], [b for _, b in breaks]
        for tok, k, whole, sent in Q._token_contexts(doc, newlines, ends):
            if Q.frame_class(tok) is None or not Q.frames_at(tok):
                continue
            if any(c.content for c in Q._rule_cands(doc, text, tok, k, whole, sent)):
                continue
            cued = [g for cue, g in gold if any(a <= tok.idx < b for a, b in cue)]
            for c, _frame, feats in Q.frame_candidates(doc, text, tok, sent):
                samples.append((feats, int(any(matches(c.content, g) for g in cued))))
    positives = sum(y for _, y in samples)
    weights = fit(samples)
    model = {
        "trained_on": "PolNeAR train" + (f" fold {args.fold}" if args.fold else ""),
        "candidates": len(samples),
        "positives": positives,
        "threshold": args.threshold,
        "weights": weights,
    }
    with open(args.output, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(json.dumps(model, sort_keys=True).encode("utf-8"))  # same data, same bytes
    print(f"{len(samples)} candidates, {positives} positive, {len(weights)} weights -> {args.output}", file=sys.stderr)
    return 0


def fit(samples: list[tuple[list[str], int]]) -> dict[str, float]:
    """Logistic regression by stochastic gradient descent (one fixed seed, so runs repeat): the
    confidence model's learner (quote_confidence.fit) with this model's settings."""
    return QC.fit(samples, epochs=EPOCHS, rate=RATE, l2=L2, min_count=MIN_COUNT, seeds=(13,))


if __name__ == "__main__":
    sys.exit(main())
