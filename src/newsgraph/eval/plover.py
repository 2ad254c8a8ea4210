"""``newsgraph eval plover``: events against the PLOVER gold standard records.

The 322 records (``plover/gold_standard_records/PLOVER_GSR_CAMEO.txt``) are single edited
sentences from the CAMEO manual, coded in PLOVER 0.5b1. Their labels are mapped to the current
PLOVER (the 16 types of CAMEO2PLOVER-2021 / POLECAT):

    DEMAND -> REQUEST     DISAPPROVE -> ACCUSE     INVESTIGATE -> ACCUSE (mode investigate)
    FIGHT -> ASSAULT      (the other types keep their names)

and their 0.5b1 modes to current ones (``MODE_MAP``). The gold has no split, so newsgraph uses a
fixed one: records with an even index (0, 2, ...) were used to tune the rules, odd ones are
held out; the report shows the held-out half and all records.

For each sentence the prediction is newsgraph's top event: the one whose trigger is highest in
the dependency tree (ties: the first). No gold information is used to choose it. Actor country
is right when it is one of the gold source codes (gold "IGO" matches any IGO code such as UN,
NATO, EU; gold NGO/IMG codes, which name no country, match an empty country).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Optional

from ..actors import IGO_CODES

DEFAULT_GOLD = (
    Path(__file__).resolve().parents[3].parent
    / "shared"
    / "data"
    / "plover"
    / "gold_standard_records"
    / "PLOVER_GSR_CAMEO.txt"
)

TYPE_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
MODE_MAP = {
    "demo-org": "demo",
    "demo-spon": "demo",
    "riot-spon": "riot",
    "riot": "riot",
    "strike-hun": "hunger",
    "strike-gen": "boycott",
    "obstruct": "obstruct",
    "host": "visit",
    "visit": "visit",
    "phone": "phone",
    "third-party": "third-party",
    "multilateral": "third-party",
    "detain": "arrest",
    "arrest": "arrest",
    "confiscate": "seize",
    "destroy": "seize",
    "censor": "restrict",
    "restrict": "restrict",
    "ban": "ban",
    "curfew": "curfew",
    "martial-law": "martial-law",
    "deport": "deport",
    "troops": "troops",
    "police": "police",
    "heavy-weapons": "heavy-weapons",
    "firearms": "firearms",
    "explosives": "explosives",
    "suicide-attack": "suicide-attack",
    "assassinate": "assassinate",
    "primitive": None,
    "beat": "beat",
    "sexual": "sexual",
    "torture": "torture",
    "other": None,
    "": None,
    "violence": "violence",
    "relations": "relations",
    "political": "political",
    "weapons": None,
}
CODE_FIX = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU"}
NO_COUNTRY = {"NGO", "IMG", "ISM", "MNC"}


def _load_json_lenient(text: str) -> Any:
    return json.loads(re.sub(r",\s*([\]}])", r"\1", text))


def _codes(actors: Any) -> list[str]:
    out: list[str] = []
    if isinstance(actors, list):
        for a in actors:
            c = (a or {}).get("code") if isinstance(a, dict) else None
            if c:
                c = c.strip().upper()[:3]
                out.append(CODE_FIX.get(c) or c)
    return out


def load_gold(path: Path) -> list[dict]:
    """The gold records with current PLOVER labels: ``{index, id, text, date, type, type_05,
    mode, source, target}`` (``source``/``target``: lists of 3-letter codes)."""
    try:
        raw = _load_json_lenient(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SystemExit(f"newsgraph eval plover: gold file not found: {path}") from None
    except json.JSONDecodeError as e:
        raise SystemExit(f"newsgraph eval plover: cannot read {path}: {e}") from None
    out: list[dict] = []
    for r in raw:
        if r.get("event") == "DOCUMENT" or not r.get("text"):
            continue
        t05 = r["event"].strip().upper()
        mode = (r.get("mode") or "").strip()
        out.append(
            {
                "index": len(out),
                "id": r.get("id"),
                "text": r["text"],
                "date": r.get("date"),
                "type_05": t05,
                "type": TYPE_MAP.get(t05, t05),
                "mode": "investigate" if t05 == "INVESTIGATE" else MODE_MAP.get(mode, mode or None),
                "source": _codes(r.get("source")),
                "target": _codes(r.get("target")),
            }
        )
    return out


def country_match(pred: Optional[str], gold: list[str]) -> bool:
    for g in gold:
        if g == "IGO" and pred in IGO_CODES:
            return True
        if g in NO_COUNTRY and pred is None:
            return True
        if pred is not None and pred == g:
            return True
    return False


def score(pairs: Iterable[tuple[dict, Optional[dict]]]) -> dict:
    """Pure scoring. ``pairs``: (gold record, predicted event dict or None). Returns counts,
    accuracies, per-type precision/recall/F1, macro-F1 over the gold types, and the confusion
    matrix ``{gold type: {predicted type or NONE: n}}``."""
    pairs = list(pairs)
    n = len(pairs)
    conf: dict[str, Counter] = defaultdict(Counter)
    ok_type = mode_n = mode_ok = a_n = a_ok = r_n = r_ok = 0
    for g, p in pairs:
        pt = p["type"] if p else "NONE"
        conf[g["type"]][pt] += 1
        ok_type += pt == g["type"]
        if g.get("mode"):
            mode_n += 1
            mode_ok += bool(p) and pt == g["type"] and (p or {}).get("mode") == g["mode"]
        if g.get("source"):
            a_n += 1
            a_ok += bool(p) and country_match((p or {}).get("actor_country"), g["source"])
        if g.get("target"):
            r_n += 1
            r_ok += bool(p) and country_match((p or {}).get("recipient_country"), g["target"])
    labels = sorted(conf)
    per = {}
    for t in labels:
        tp = conf[t][t]
        fn = sum(conf[t].values()) - tp
        fp = sum(conf[g][t] for g in conf if g != t)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[t] = {"n": tp + fn, "precision": round(prec, 3), "recall": round(rec, 3), "f1": round(f1, 3)}
    macro = sum(v["f1"] for v in per.values()) / len(per) if per else 0.0

    def ratio(a, b):
        return round(a / b, 3) if b else None

    return {
        "n": n,
        "type_accuracy": ratio(ok_type, n),
        "macro_f1": round(macro, 3),
        "mode_accuracy": ratio(mode_ok, mode_n),
        "mode_n": mode_n,
        "actor_country_accuracy": ratio(a_ok, a_n),
        "actor_n": a_n,
        "recipient_country_accuracy": ratio(r_ok, r_n),
        "recipient_n": r_n,
        "per_type": per,
        "confusion": {g: dict(c) for g, c in conf.items()},
    }


def top_event(doc) -> Optional[dict]:
    """newsgraph's main event of a one-sentence document: the trigger highest in the parse."""
    evs = list(doc._.events or [])
    if not evs:
        return None

    def depth(e):
        span = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
        if span is None or not len(span):
            return (99, e.trigger.start)
        t, d = span.root, 0
        while t.head != t and d < 50:
            t, d = t.head, d + 1
        return (d, e.trigger.start)

    best = min(evs, key=depth)
    return {
        "type": best.type,
        "mode": best.mode,
        "actor_country": best.actor_country,
        "recipient_country": best.recipient_country,
        "trigger": best.trigger.text,
        "rule": best.rule,
    }


def predict(gold: list[dict], model: Optional[str] = None) -> list[Optional[dict]]:
    from ..pipeline import load_nlp

    nlp = load_nlp(model)
    docs = []
    for g in gold:
        d = nlp.make_doc(g["text"])
        d._.published = g.get("date")
        docs.append(d)
    return [top_event(doc) for doc in nlp.pipe(docs, batch_size=64)]


def split(gold: list[dict], name: str) -> list[int]:
    if name == "tune":
        return [i for i, g in enumerate(gold) if g["index"] % 2 == 0]
    if name == "report":
        return [i for i, g in enumerate(gold) if g["index"] % 2 == 1]
    return list(range(len(gold)))


def _print(name: str, m: dict, out) -> None:
    def pct(x):
        return "  n/a" if x is None else f"{x:.3f}"

    print(f"\n== {name}: {m['n']} records", file=out)
    print(
        f"type accuracy {pct(m['type_accuracy'])}   type macro-F1 {pct(m['macro_f1'])}   "
        f"mode accuracy {pct(m['mode_accuracy'])} (n={m['mode_n']})",
        file=out,
    )
    print(
        f"actor country accuracy {pct(m['actor_country_accuracy'])} (n={m['actor_n']})   "
        f"recipient country accuracy {pct(m['recipient_country_accuracy'])} (n={m['recipient_n']})",
        file=out,
    )
    print(f"{'type':10} {'n':>4} {'P':>6} {'R':>6} {'F1':>6}", file=out)
    for t, v in sorted(m["per_type"].items()):
        print(f"{t:10} {v['n']:4d} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f}", file=out)


def _print_confusion(m: dict, out) -> None:
    gold_types = sorted(m["confusion"])
    pred_types = sorted({p for c in m["confusion"].values() for p in c})
    ab = {t: t[:4] for t in pred_types}
    print("\nconfusion (rows gold, columns predicted):", file=out)
    print(f"{'':10}" + "".join(f"{ab[p]:>5}" for p in pred_types), file=out)
    for g in gold_types:
        print(f"{g:10}" + "".join(f"{m['confusion'][g].get(p, 0) or '.':>5}" for p in pred_types), file=out)


def add_arguments(p) -> None:
    p.description = (__doc__ or "").split("\n\n")[0]
    p.add_argument(
        "--gold", default=str(DEFAULT_GOLD), help="PLOVER_GSR_CAMEO.txt (default: ../shared/data/plover/...)"
    )
    p.add_argument(
        "--split",
        choices=["report", "tune", "all", "both"],
        default="both",
        help="report: odd-index records (held out); tune: even ones; all; both: report and all (default)",
    )
    p.add_argument("--model", help="spaCy pipeline (default: the newsgraph default)")
    p.add_argument("--json", action="store_true", help="print the metrics as JSON")
    p.add_argument("--errors", type=int, default=0, metavar="N", help="list N wrongly typed records of the split")


def run(args) -> int:
    gold = load_gold(Path(args.gold))
    preds = predict(gold, args.model)
    names = ["report", "all"] if args.split == "both" else [args.split]
    result = {}
    for name in names:
        idx = split(gold, name)
        result[name] = score((gold[i], preds[i]) for i in idx)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(
            "PLOVER gold standard records (0.5b1 labels mapped to current PLOVER; "
            "rules tuned on even-index records, 'report' = odd-index records held out)"
        )
        for name in names:
            _print(name, result[name], sys.stdout)
        _print_confusion(result[names[-1]], sys.stdout)
    if args.errors:
        idx = split(gold, names[0])
        shown = 0
        for i in idx:
            g, p = gold[i], preds[i]
            if p is None or p["type"] != g["type"] or not country_match(p.get("actor_country"), g["source"] or [None]):
                print(
                    f"\n[{g['index']}] gold {g['type']}/{g['mode']} {g['source']}>{g['target']}  "
                    f"pred {p and p['type']}/{p and p['mode']} {p and p['actor_country']}>{p and p['recipient_country']}"
                    f" [{p and p['trigger']}] {p and p['rule']}\n    {g['text']}"
                )
                shown += 1
                if shown >= args.errors:
                    break
    return 0
