"""Measure quote rules on PolNeAR *train* with the learned models held fixed (docs/quotes.md,
"Round 14: content").

The records are made as ``calibrate_quotes.py`` makes them (every train record, the odd articles
with frames learned on the even ones and the other way round), then scored at a few thresholds
two-fold, each half by a confidence model loaded from a file (``--conf C0 C1``: fitted on the other
half) instead of refitted, and in sample by the shipped confidence model. So two rule sets are
compared on the same models; a refit moves the curve by itself (docs/quotes.md, round 13).

    # once, on main: save the two-fold confidence models of main's records
    .venv/bin/python scripts/quotes_fixed_models.py --frames M0 M1 --docbin D --samples main.jsonl --save-conf /tmp/conf
    # then, on any rules (or with some switched off: --off ccomp14,inview14)
    .venv/bin/python scripts/quotes_fixed_models.py --frames M0 M1 --docbin D --samples new.jsonl \\
        --conf /tmp/conf0.json.gz /tmp/conf1.json.gz

Only train is read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import calibrate_quotes as CQ  # noqa: E402
from newsgraph.extractors import quote_confidence as QC  # noqa: E402
from newsgraph.extractors import quotes as Q  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--frames", nargs=2, required=True, metavar=("M0", "M1"), help="two-fold frame models")
    ap.add_argument("--docbin", help="parsed train articles (calibrate_quotes.py --save-docbin)")
    ap.add_argument("--save-docbin", help=argparse.SUPPRESS)
    ap.add_argument("--data", default=str(CQ.P.DEFAULT_DATA), help="PolNeAR folder")
    ap.add_argument("--samples", required=True, help="labelled records: read when the file exists, else made")
    ap.add_argument("--conf", nargs=2, metavar=("C0", "C1"), help="two-fold confidence models to load")
    ap.add_argument("--save-conf", help="without --conf: fit the two-fold models and save them as PREFIX0/1.json.gz")
    ap.add_argument("--full", default=str(QC.MODEL_PATH), help="in-sample confidence model (default: shipped)")
    ap.add_argument("--off", default="", help="quotes._RULES_OFF switches to add, comma-separated")
    args = ap.parse_args(argv)

    Q._RULES_OFF.update(x for x in args.off.split(",") if x)
    if Path(args.samples).exists():
        rows = [json.loads(line) for line in open(args.samples, encoding="utf-8")]
    else:
        rows = CQ.make_samples(args)
        with open(args.samples, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r) + "\n")
    for k in (0, 1):
        if args.conf:
            m = QC.load_model(Path(args.conf[k]))
        else:
            w = QC.fit([(x["f"], x["y"]) for r in rows if r["fold"] != k for x in r["records"]], seeds=CQ.SEEDS)
            m = QC.ConfidenceModel(w, 0.0)
            if args.save_conf:
                QC.save_model(f"{args.save_conf}{k}.json.gz", w, 0.55)
        for r in rows:
            if r["fold"] == k:
                for x in r["records"]:
                    x["oof"] = m.score(x["f"])
    full = QC.load_model(Path(args.full))
    for r in rows:
        for x in r["records"]:
            x["ins"] = full.score(x["f"])
    for key in ("oof", "ins"):
        for t in (0.0, 0.50, 0.55, 0.60):
            sc = CQ.score_at(rows, key, t)
            print(
                f"{'two-fold' if key == 'oof' else 'in-sample'} {t:.2f}  P {sc.precision:.4f}  R {sc.recall:.4f}  "
                f"F1 {sc.f1:.4f}  source {sc.source_accuracy:.4f}  predictions {sc.predictions}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
