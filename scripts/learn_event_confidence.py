"""Learn the event coder's confidence model on the *tune* half of the whole-article gold set.

Every event the coder makes on a tune article (not flagged negated, hypothetical or future, not
rejected by the gates) is a sample; its features are those ``extractors/events/confidence.py``
builds (where the reading comes from, what the text says about actor and recipient, how
political the sentence and the article are). It is positive when ``newsgraph eval events``
pairs it with a gold event of its type. The evidence points are written in
``data/en/events/confidence_prior.tsv``; what is learned is a scale and an offset
(confidence = sigmoid(scale * points + offset)), fitted by gradient descent, and the
threshold. (``--full`` learns a weight for every feature instead, by stochastic gradient descent
with L2 regularisation: on the few hundred tune events it did no better in cross-validation and
gave weights no coder would sign, e.g. a political recipient counting against an event.) The
model is written to ``src/newsgraph/data/en/events/confidence_model.json``.

The threshold is chosen by K-fold cross-validation over the tune articles (fit on K-1 folds,
score the held-out fold with the scorer's own one-to-one pairing): among the thresholds at which
the cross-validated false events on the non-political articles stay at most ``--max-false`` per
10,000 words (2, the issue's target), the one with the best type F0.5 (precision weighted over
recall); ``--target`` can ask for a precision floor too. (The issue's precision target, 0.85, is reached on the tune half only
at a recall of a few percent: the threshold is set for useful exports, and the whole curve is in
docs/events.md.) Only the tune half is read; the report half stays
for reporting. Events the coder's gates reject (``confidence.gate``) are not samples. The
tune half of the PLOVER gold records (even index) can be added to every fold's samples
(``--plover``; it did not help).

    .venv/bin/python scripts/learn_event_confidence.py --gold ../main/gold/events
    .venv/bin/python scripts/learn_event_confidence.py --folds 5 --dry-run    # cross-validation only
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter
from pathlib import Path

from newsgraph.article import Article
from newsgraph.eval import events as E
from newsgraph.eval.goldset import load_article_text, shared_data
from newsgraph.extractors.events import confidence as C
from newsgraph.pipeline import load_nlp, make_doc, record_from_doc

EPOCHS, RATE, L2, MIN_COUNT = 30, 0.05, 1e-3, 3


def collect(arts, data: Path):
    """Per article: (gold events, predictions, features of each prediction, political, words)."""
    nlp = load_nlp()
    texts = [load_article_text(a.id, data) for a in arts]
    articles = [Article(id=a.id, text=t, published=E.published_of(a.id)) for a, t in zip(arts, texts)]
    docs = [make_doc(nlp, x) for x in articles]
    out = []
    for a, art, doc, text in zip(arts, articles, nlp.pipe(docs, batch_size=16), texts):
        rec = record_from_doc(doc, art, nlp)
        feats = doc.user_data.get("newsgraph_event_features", {})
        preds = E.preds_from_record(rec, 0.0)
        fs = [feats.get((ev.trigger.start, ev.type), []) for ev in rec.events]
        out.append((a, preds, fs, len(text.split())))
    return out


def plover_samples() -> list[tuple[list[str], int]]:
    """Samples from the tune half (even-index records) of the PLOVER gold records: single edited
    sentences that each hold one coded event, mostly conflict and diplomacy (the whole-article
    set is mostly domestic politics and local news). An event whose type is the record's is
    positive, any other event negative."""
    from newsgraph.eval import plover as P

    try:
        gold = P.load_gold(P.DEFAULT_GOLD)
    except SystemExit:
        return []
    nlp = load_nlp()
    recs = [g for g in gold if g["index"] % 2 == 0]
    docs = []
    for g in recs:
        d = nlp.make_doc(g["text"])
        d._.published = g.get("date")
        docs.append(d)
    out = []
    for g, doc in zip(recs, nlp.pipe(docs, batch_size=64)):
        feats = doc.user_data.get("newsgraph_event_features", {})
        for ev in doc._.events:
            fs = feats.get((ev.trigger.start, ev.type), [])
            if fs and "gated" not in fs and not (ev.negated or ev.hypothetical or ev.future):
                out.append((fs, int(ev.type == g["type"])))
    return out


def labels(a, preds) -> list[int]:
    _, pairings = E.score_article(a.events, preds, a.political)
    paired = set(pairings["type"].values())
    return [int(i in paired) for i in range(len(preds))]


def fit(samples: list[tuple[list[str], int]], seed: int = 0) -> dict:
    counts = Counter(f for fs, _ in samples for f in set(fs))
    keep = {f for f, n in counts.items() if n >= MIN_COUNT}
    w: dict[str, float] = {}
    b = 0.0
    rnd = random.Random(seed)
    order = list(range(len(samples)))
    for ep in range(EPOCHS):
        rnd.shuffle(order)
        rate = RATE / (1 + ep * 0.2)
        for i in order:
            fs, y = samples[i]
            fs = [f for f in fs if f in keep]
            z = b + sum(w.get(f, 0.0) for f in fs)
            p = 1.0 / (1.0 + math.exp(-max(-30, min(30, z))))
            g = p - y
            b -= rate * g
            for f in fs:
                w[f] = w.get(f, 0.0) - rate * (g + L2 * w.get(f, 0.0))
    return {"bias": round(b, 4), "weights": {f: round(v, 4) for f, v in sorted(w.items()) if abs(v) >= 1e-4}}


def prior_points() -> dict[str, float]:
    from newsgraph.lexicon import table

    return {
        r["feature"]: float(r["points"])
        for r in table("events/confidence_prior.tsv", columns=("feature", "points"), key=("feature",))
    }


def fit_scaled(samples: list[tuple[list[str], int]], points: dict[str, float]) -> dict:
    """Only a scale and an offset: confidence = sigmoid(scale * sum of the prior points + offset)."""
    one = [([f"x:{sum(points.get(f, 0.0) for f in fs)}"], y) for fs, y in samples]
    xs = [(sum(points.get(f, 0.0) for f in fs), y) for fs, y in samples]
    a, b = 1.0, 0.0
    for _ in range(300):
        ga = gb = 0.0
        for x, y in xs:
            p = 1.0 / (1.0 + math.exp(-max(-30, min(30, a * x + b))))
            ga += (p - y) * x
            gb += p - y
        a -= 0.5 * ga / len(xs)
        b -= 0.5 * gb / len(xs)
    del one
    return {
        "bias": round(b, 4),
        "weights": {f: round(a * w, 4) for f, w in sorted(points.items()) if w},
        "scale": round(a, 4),
    }


def predict(m: dict, fs: list[str]) -> float:
    if "gated" in fs:
        return 0.0  # the coder's gates (confidence.gate): never trusted
    z = m["bias"] + sum(m["weights"].get(f, 0.0) for f in fs)
    return 1.0 / (1.0 + math.exp(-max(-30, min(30, z))))


def score_at(rows, probs, thr: float) -> E.Score:
    """The scorer's totals when only predictions with probability >= thr count."""
    total = E.Score()
    for (a, preds, _, words), ps in zip(rows, probs):
        kept = [E.PredEvent(**{**p.__dict__, "counted": p.counted and q >= thr}) for p, q in zip(preds, ps)]
        sc, _ = E.score_article(a.events, kept, a.political, words)
        total.add(sc)
    return total


def choose(rows, probs, target: float, max_false: float) -> tuple[float, list]:
    """Among the thresholds whose cross-validated type precision reaches ``target`` and whose
    false-event rate on the non-political articles is at most ``max_false`` per 10,000 words,
    the one with the best type F0.5 (precision weighted over recall); failing all, the best F0.5."""
    grid = [x / 100 for x in range(5, 96)]
    table = []
    for thr in grid:
        sc = score_at(rows, probs, thr)
        p, r, _ = sc.prf("type")
        table.append(
            (thr, p, r, sc.prf("type+actor")[0], sc.prf("type+actor+recipient")[0], sc.false_per_10k, sc.predicted)
        )

    def f05(t):
        p, r = t[1], t[2]
        return 1.25 * p * r / (0.25 * p + r) if p + r else 0.0

    ok = [t for t in table if t[1] >= target and (t[5] or 0.0) <= max_false and t[6] >= 10]
    return max(ok or table, key=lambda t: (f05(t), -t[0]))[0], table


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", default=None, help="the event gold folder (default gold/events)")
    ap.add_argument("--data", default=None, help="shared data (default ../shared/data)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument(
        "--target",
        type=float,
        default=0.0,
        help="cross-validated type precision the threshold must also reach (default: none; the issue's "
        "0.85 is reached only at a recall of a few percent, docs/events.md)",
    )
    ap.add_argument(
        "--max-false",
        type=float,
        default=2.0,
        help="false events per 10,000 words on non-political articles the threshold keeps to (2: the issue's target)",
    )
    ap.add_argument("--threshold", type=float, default=None, help="use this threshold instead of choosing one")
    ap.add_argument("--dry-run", action="store_true", help="cross-validate only, write nothing")
    ap.add_argument(
        "--plover", action="store_true", help="add the PLOVER records' tune half (even index) to the samples"
    )
    ap.add_argument(
        "--full",
        action="store_true",
        help="learn a weight for every feature instead of a scale and an offset for the written points",
    )
    ap.add_argument("-o", "--output", default=str(C.MODEL_PATH))
    args = ap.parse_args(argv)
    tsv, p1, _ = E.resolve_gold(args.gold)
    arts = E.load_pass(tsv, p1, "tune")
    if not arts:
        print("no tune articles annotated", file=sys.stderr)
        return 2
    rows = collect(arts, Path(args.data) if args.data else shared_data())
    extra = plover_samples() if args.plover else []
    points = prior_points()
    ys = [labels(a, preds) for a, preds, _, _ in rows]
    # cross-validation: folds by article
    k = args.folds
    probs: list[list[float]] = [[] for _ in rows]
    for fold in range(k):
        train = [
            (fs, y)
            for j, ((a, preds, feats, _), yy) in enumerate(zip(rows, ys))
            if j % k != fold
            for p, fs, y in zip(preds, feats, yy)
            if p.counted and "gated" not in fs
        ]
        m = fit(train + extra) if args.full else fit_scaled(train + extra, points)
        for j, (_, _, feats, _) in enumerate(rows):
            if j % k == fold:
                probs[j] = [predict(m, fs) for fs in feats]
    thr, table = choose(rows, probs, args.target, args.max_false)
    if args.threshold is not None:
        thr = args.threshold
    n = sum(p.counted for _, preds, _, _ in rows for p in preds)
    pos = sum(y for (_, preds, _, _), yy in zip(rows, ys) for p, y in zip(preds, yy) if p.counted)
    print(
        f"tune half: {len(rows)} articles, {sum(len(a.events) for a in arts)} gold events, {n} predictions "
        f"({pos} paired at the type level)"
    )
    print(f"{k}-fold cross-validation (thr, type P, R, type+actor P, +recipient P, false/10k non-political, counted):")
    for t in table:
        if round(t[0] * 100) % 5 == 0 or t[0] == thr:
            fp = "n/a" if t[5] is None else f"{t[5]:.1f}"
            print(
                f"  {t[0]:.2f}  P {t[1]:.3f}  R {t[2]:.3f}  Pa {t[3]:.3f}  Par {t[4]:.3f}  false {fp}  n {t[6]}"
                + ("   <- threshold" if t[0] == thr else "")
            )
    if args.dry_run:
        return 0
    all_samples = [
        (fs, y)
        for (a, preds, feats, _), yy in zip(rows, ys)
        for p, fs, y in zip(preds, feats, yy)
        if p.counted and "gated" not in fs
    ]
    m = fit(all_samples + extra) if args.full else fit_scaled(all_samples + extra, points)
    m["model"] = (
        "every feature weight learned"
        if args.full
        else ("points from data/en/events/confidence_prior.tsv times the learned scale, plus the learned offset")
    )
    cv = next(t for t in table if t[0] == thr) if any(t[0] == thr for t in table) else None
    m["threshold"] = thr
    m["trained_on"] = {
        "split": "tune",
        "articles": len(rows),
        "samples": len(all_samples),
        "positives": sum(y for _, y in all_samples),
        "plover_tune_samples": len(extra),
        "plover_tune_positives": sum(y for _, y in extra),
    }
    if cv:
        m["cross_validated"] = {
            "folds": k,
            "type_precision": round(cv[1], 3),
            "type_recall": round(cv[2], 3),
            "type_actor_precision": round(cv[3], 3),
            "type_actor_recipient_precision": round(cv[4], 3),
        }
    Path(args.output).write_text(json.dumps(m, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.output}: {len(m['weights'])} weights, threshold {thr:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
