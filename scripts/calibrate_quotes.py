"""Calibrate ``Quote.confidence`` on PolNeAR *train* and choose the default threshold.

Every record newsgraph_quotes makes on train (with no threshold) is labelled right when it
pairs with an annotated content as ``newsgraph eval polnear`` pairs them. A logistic model over
the record's features (``newsgraph/extractors/quote_confidence.py``) is fitted to these labels
and written, with the threshold, to ``src/newsgraph/data/quotes/confidence.json.gz``.

Two-fold, as for the learned frames (docs/quotes.md): the records of the odd train articles
are made with frames learned on the even ones and the other way round (``--frames M0 M1``),
so the learned paths earn their confidence as on unseen text. The threshold table is also
two-fold: the confidence of each half comes from a model fitted on the other half.

    .venv/bin/python scripts/learn_quote_frames.py --fold 0/2 -o /tmp/m0.json.gz
    .venv/bin/python scripts/learn_quote_frames.py --fold 1/2 -o /tmp/m1.json.gz
    .venv/bin/python scripts/calibrate_quotes.py --frames /tmp/m0.json.gz /tmp/m1.json.gz

Only train is read. About 4 minutes (parsing); ``--docbin`` reuses parses saved by
``--save-docbin``, ``--samples`` reuses the labelled records of a previous run.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from newsgraph.eval import polnear as P
from newsgraph.extractors import quote_confidence as QC

OUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "data" / "quotes" / "confidence.json.gz"
# The default threshold: the lowest confidence at which the records kept are right at least
# TARGET of the time on train (two-fold).
TARGET = 0.86
# The model is the mean of one SGD run per seed: one run moved in-sample precision at the
# threshold by up to 0.01 from one refit to the next (docs/quotes.md, round 13).
SEEDS = (13, 14, 15, 16, 17)


def make_samples(args) -> list[dict]:
    """One row per article: its gold and its records (features, label, speaker spans)."""
    from newsgraph.extractors import quotes as Q
    from newsgraph.extractors.quote_frames import load_model
    from newsgraph.pipeline import load_nlp

    arts = P.load_split(Path(args.data), "train")
    ent = load_nlp(components=["newsgraph_entities"]).get_pipe("newsgraph_entities")
    docs = P.parsed_texts(arts, args.docbin, args.save_docbin)
    frames = [load_model(Path(m)) for m in args.frames] if args.frames else [Q.FRAME_MODEL, Q.FRAME_MODEL]
    flat = QC.ConfidenceModel({}, 0.0)
    rows = []
    for j, ((name, text, gold), doc) in enumerate(zip(arts, docs)):
        doc._.title = P.headline(text, name)
        doc = ent(doc)
        # odd articles get frames learned on the even ones (model 0), even articles model 1
        qs = Q.extract_quotes(
            doc, frames=frames[0] if j % 2 else frames[1], min_confidence=0.0, confidence=flat, keep_features=True
        )
        ents = {e.id: e for e in doc._.entities or []}
        preds = []
        for q in qs:
            spans = [(q.speaker_mention.start, q.speaker_mention.end)] if q.speaker_mention else []
            if q.speaker in ents:
                spans += [(m.start, m.end) for m in ents[q.speaker].mentions]
            parts = [(x["start"], x["end"]) for x in q.parts] if len(q.parts) > 1 else []
            preds.append(P.Pred(q.start, q.end, spans, parts))
        used, _, _ = P.pair(preds, gold)
        rows.append(
            {
                "name": name,
                "fold": j % 2,
                "gold": [g.__dict__ for g in gold],
                "records": [
                    {
                        "f": q._features,
                        "y": int(k in used),
                        "rule": q.rule,
                        "cue_type": q.cue_type,
                        "start": q.start,
                        "end": q.end,
                        "spans": preds[k].speaker_spans,
                    }
                    for k, q in enumerate(qs)
                ],
            }
        )
    return rows


def score_at(rows: list[dict], conf_key: str, t: float) -> P.Score:
    total = P.Score()
    for r in rows:
        gold = [
            P.Gold(content=[tuple(s) for s in g["content"]], source=[tuple(s) for s in g["source"]]) for g in r["gold"]
        ]
        preds = [P.Pred(x["start"], x["end"], [tuple(s) for s in x["spans"]]) for x in r["records"] if x[conf_key] >= t]
        sc, _ = P.score_article(preds, gold)
        total.add(sc)
    return total


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(P.DEFAULT_DATA), help="PolNeAR folder")
    ap.add_argument(
        "--frames",
        nargs=2,
        metavar=("M0", "M1"),
        help="frame models learned on train fold 0/2 and 1/2 (default: the shipped model for both, "
        "which has seen every train article)",
    )
    ap.add_argument("--docbin", help="parsed train articles (spaCy DocBin) to skip parsing")
    ap.add_argument("--save-docbin", help="save the parses here for --docbin")
    ap.add_argument("--samples", help="labelled records: read when the file exists, else made and written there")
    ap.add_argument("--target", type=float, default=TARGET, help=f"precision the threshold aims at (default {TARGET})")
    ap.add_argument("-o", "--output", default=str(OUT))
    args = ap.parse_args(argv)

    if args.samples and Path(args.samples).exists():
        rows = [json.loads(line) for line in open(args.samples, encoding="utf-8")]
    else:
        rows = make_samples(args)
        if args.samples:
            with open(args.samples, "w", encoding="utf-8") as f:
                for r in rows:
                    f.write(json.dumps(r) + "\n")

    # two-fold: each half scored by a model fitted on the other half
    for k in (0, 1):
        w = QC.fit([(x["f"], x["y"]) for r in rows if r["fold"] != k for x in r["records"]], seeds=SEEDS)
        m = QC.ConfidenceModel(w, 0.0)
        for r in rows:
            if r["fold"] == k:
                for x in r["records"]:
                    x["oof"] = m.score(x["f"])
    print("two-fold on train (confidence of each half from a model fitted on the other):", file=sys.stderr)
    print("threshold      P      R     F1  source  predictions", file=sys.stderr)
    chosen = None
    for t in [0.0] + [x / 100 for x in range(20, 86, 5)]:
        sc = score_at(rows, "oof", t)
        print(
            f"  {t:.2f}     {sc.precision:.3f}  {sc.recall:.3f}  {sc.f1:.3f}  {sc.source_accuracy:.3f}  "
            f"{sc.predictions}",
            file=sys.stderr,
        )
        if chosen is None and sc.precision >= args.target:
            chosen = t
    chosen = 0.5 if chosen is None else chosen

    # how well each path is calibrated (two-fold)
    paths = defaultdict(lambda: [0, 0.0, 0, 0])
    for r in rows:
        for x in r["records"]:
            key = ":".join(x["rule"].split(":")[:2])
            key = "indirect:learned-*" if "learned-" in key else key
            p = paths[key]
            p[0] += 1
            p[1] += x["oof"]
            p[2] += x["y"]
            p[3] += x["oof"] >= chosen
    print(f"per path (two-fold): records, mean confidence, share right, kept at {chosen:.2f}", file=sys.stderr)
    for key, (n, c, y, kept) in sorted(paths.items(), key=lambda kv: -kv[1][0]):
        print(f"  {n:6d}  {c / n:.3f}  {y / n:.3f}  {kept:6d}  {key}", file=sys.stderr)

    weights = QC.fit([(x["f"], x["y"]) for r in rows for x in r["records"]], seeds=SEEDS)
    # in-sample: every record scored by the model fitted on all of train, as dev is scored by the
    # shipped model (docs/quotes.md, round 13: dev precision follows this one more than the two-fold)
    full = QC.ConfidenceModel(weights, 0.0)
    for r in rows:
        for x in r["records"]:
            x["ins"] = full.score(x["f"])
    print("in-sample on train (the model fitted on all of train):", file=sys.stderr)
    for t in (0.50, 0.55, 0.60, 0.65):
        sc = score_at(rows, "ins", t)
        print(
            f"  {t:.2f}     {sc.precision:.3f}  {sc.recall:.3f}  {sc.f1:.3f}  {sc.source_accuracy:.3f}  {sc.predictions}",
            file=sys.stderr,
        )
    QC.save_model(
        args.output,
        weights,
        chosen,
        trained_on="PolNeAR train (learned frames two-fold)" if args.frames else "PolNeAR train",
        records=sum(len(r["records"]) for r in rows),
        target=args.target,
    )
    print(f"threshold {chosen:.2f}, {len(weights)} weights -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
