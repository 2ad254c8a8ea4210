"""``newsgraph eval events``: events against the project's gold set of whole articles.

The gold (``gold/events/``, built by the rules of docs/event-guidelines.md) codes every codeable
event of 150 whole news articles, political and not, with a fixed tune/report split
(``articles.tsv``). Each article is run through the whole pipeline and its events are matched
to the gold events one to one, a prediction and a gold event pairing only when their triggers
overlap. Three levels:

- **type**: the PLOVER type is the gold's;
- **type+actor**: and the actor is right: when the gold marks the actor's words, the predicted
  actor's mention (or a mention of its entity) overlaps them, and when the gold gives the
  actor's country, the predicted country is the same (gold ``IGO`` takes any IGO code); a gold
  actor with neither words nor country is unknown, and a predicted country for it is wrong;
- **type+actor+recipient**: and, where the gold names a recipient (its words or its country),
  the recipient is right by the same test; where the gold names none, the recipient is not
  judged.

Precision is pairs / counted predictions, recall pairs / gold events. Predictions flagged
negated, hypothetical or future, or below the confidence threshold, count as not predicted
(they are listed in ``--dump``). On the articles labelled ``political: false`` the predictions
left unpaired at the type level are false events, given per 10,000 words.

``--agreement`` scores the second, independent annotation pass against the first on the
articles that have both, with the same matching (F1 is symmetric in the two passes).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from ..actors import IGO_CODES
from .goldset import gold_dir, load_article_text, read_article_list, shared_data

LEVELS = ("type", "type+actor", "type+actor+recipient")
Spans = tuple[tuple[int, int], ...]


@dataclass
class GoldEvent:
    type: str
    mode: Optional[str]
    trigger: tuple[int, int]
    actor: Optional[tuple[int, int]]
    actor_country: Optional[str]
    recipient: Optional[tuple[int, int]]
    recipient_country: Optional[str]
    s: int = 0
    sentence: Optional[tuple[int, int]] = None
    text: dict = field(default_factory=dict)  # trigger/actor/recipient strings, for --dump

    @property
    def has_recipient(self) -> bool:
        return self.recipient is not None or bool(self.recipient_country)


@dataclass
class PredEvent:
    """A predicted event (or a second-pass gold event, for agreement) in the scorer's terms."""

    type: str
    mode: Optional[str]
    trigger: tuple[int, int]
    actor: Spans  # the words naming the actor: its mention and its entity's mentions
    actor_country: Optional[str]
    recipient: Spans
    recipient_country: Optional[str]
    counted: bool = True
    why_not: str = ""  # why it does not count: negated, hypothetical, future, confidence
    info: dict = field(default_factory=dict)


@dataclass
class GoldArticle:
    id: str
    split: str
    political: bool
    events: list[GoldEvent]
    annotator: str = ""


# --------------------------------------------------------------------------------------------
# reading
# --------------------------------------------------------------------------------------------
def _span(x) -> Optional[tuple[int, int]]:
    return (int(x[0]), int(x[1])) if x else None


def gold_events(doc: dict) -> list[GoldEvent]:
    out = []
    for e in doc.get("events", []):
        trigger = _span(e.get("trigger_span"))
        if trigger is None:
            continue  # the annotation tool could not place it: reported by gold_tool.py events check
        out.append(
            GoldEvent(
                type=e["type"],
                mode=e.get("mode") or None,
                trigger=trigger,
                actor=_span(e.get("actor_span")),
                actor_country=e.get("actor_country") or None,
                recipient=_span(e.get("recipient_span")),
                recipient_country=e.get("recipient_country") or None,
                s=e.get("s", 0),
                sentence=_span(e.get("sentence_span")),
                text={k: e.get(k) for k in ("trigger", "actor", "recipient")},
            )
        )
    return out


def slug(article_id: str) -> str:
    """The file name of an article's annotation: ``gwn:12`` -> ``gwn-12``."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", article_id)


def resolve_gold(path: Optional[str]) -> tuple[Path, Path, Optional[Path]]:
    """(articles.tsv, pass1 dir, pass2 dir or None) for ``--gold``: the gold/events folder, or
    its pass1 folder itself."""
    base = Path(path) if path else gold_dir() / "events"
    if (base / "pass1").is_dir() or (base / "articles.tsv").is_file():
        p1, p2 = base / "pass1", base / "pass2"
        tsv = base / "articles.tsv"
    else:
        p1, p2 = base, base.parent / "pass2"
        tsv = base.parent / "articles.tsv"
    if not tsv.is_file():
        tsv = gold_dir() / "events" / "articles.tsv"
    return tsv, p1, p2 if p2.is_dir() else None


def load_pass(tsv: Path, folder: Optional[Path], split: str = "all") -> list[GoldArticle]:
    """The annotated articles of one pass in ``split`` (tune | report | all), in list order."""
    if folder is None or not folder.is_dir():
        return []
    by_article = {}
    for p in sorted(folder.glob("*.json")):
        try:
            d = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            print(f"newsgraph eval events: skipping {p}: {e}", file=sys.stderr)
            continue
        by_article[d.get("article")] = d
    out = []
    for row in read_article_list(tsv):
        if split != "all" and row["split"] != split:
            continue
        d = by_article.get(row["article"])
        if d is None:
            continue
        out.append(
            GoldArticle(row["article"], row["split"], bool(d.get("political")), gold_events(d), d.get("annotator", ""))
        )
    return out


def listed(tsv: Path, split: str) -> int:
    return sum(1 for r in read_article_list(tsv) if split == "all" or r["split"] == split)


def published_of(article_id: str) -> Optional[str]:
    """PolNeAR names carry the date ("polnear:dev/nyt_2016-10-02_..."); GeoWebNews has none."""
    m = re.search(r"_(\d{4}-\d{2}-\d{2})_", article_id)
    return m.group(1) if m else None


def preds_from_record(rec, min_confidence: float) -> list[PredEvent]:
    mentions = {e.id: tuple((m.start, m.end) for m in e.mentions) for e in rec.entities}
    out = []
    for ev in rec.events:
        why = [k for k in ("negated", "hypothetical", "future") if getattr(ev, k)]
        conf = getattr(ev, "confidence", None)
        if conf is not None and conf < min_confidence:
            why.append(f"confidence {conf:.2f}")

        def spans(mention, ent):
            own = ((mention.start, mention.end),) if mention is not None else ()
            return own + mentions.get(ent, ())

        out.append(
            PredEvent(
                type=ev.type,
                mode=ev.mode,
                trigger=(ev.trigger.start, ev.trigger.end),
                actor=spans(getattr(ev, "actor_mention", None), ev.actor),
                actor_country=ev.actor_country,
                recipient=spans(getattr(ev, "recipient_mention", None), ev.recipient),
                recipient_country=ev.recipient_country,
                counted=not why,
                why_not=", ".join(why),
                info={
                    "id": ev.id,
                    "trigger": ev.trigger.text,
                    "rule": ev.rule,
                    "confidence": conf,
                    "actor_mention": getattr(getattr(ev, "actor_mention", None), "text", None),
                    "recipient_mention": getattr(getattr(ev, "recipient_mention", None), "text", None),
                    "actor_sector": ev.actor_sector,
                    "recipient_sector": ev.recipient_sector,
                    "date": getattr(ev, "date", None),
                    "published": getattr(rec, "published", None),
                    "sentence": rec.text[ev.sentence.start : ev.sentence.end][:600],
                },
            )
        )
    return out


def preds_from_gold(events: Sequence[GoldEvent]) -> list[PredEvent]:
    """A second pass read as predictions (for agreement)."""
    return [
        PredEvent(
            type=g.type,
            mode=g.mode,
            trigger=g.trigger,
            actor=(g.actor,) if g.actor else (),
            actor_country=g.actor_country,
            recipient=(g.recipient,) if g.recipient else (),
            recipient_country=g.recipient_country,
            info={"trigger": g.text.get("trigger")},
        )
        for g in events
    ]


# --------------------------------------------------------------------------------------------
# matching and scoring (pure: no model)
# --------------------------------------------------------------------------------------------
def _overlap(a: Optional[tuple[int, int]], b: Optional[tuple[int, int]]) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def country_ok(gold: Optional[str], pred: Optional[str]) -> bool:
    if gold == "IGO":
        return pred in IGO_CODES
    return gold == pred


def party_ok(
    g_span: Optional[tuple[int, int]], g_country: Optional[str], p_spans: Spans, p_country: Optional[str]
) -> bool:
    """An actor (or recipient) is right when it names the gold's words (if the gold marks them)
    and has the gold's country (if the gold gives one); a party the gold leaves wholly unknown
    must not be given a country."""
    if g_span is None and not g_country:
        return not p_country
    if g_span is not None and not any(_overlap(g_span, s) for s in p_spans):
        return False
    if g_country and not country_ok(g_country, p_country):
        return False
    return True


def level_ok(level: str, g: GoldEvent, p: PredEvent) -> bool:
    if p.type != g.type:
        return False
    if level == "type":
        return True
    if not party_ok(g.actor, g.actor_country, p.actor, p.actor_country):
        return False
    if level == "type+actor" or not g.has_recipient:
        return True
    return party_ok(g.recipient, g.recipient_country, p.recipient, p.recipient_country)


def match(
    gold: Sequence[GoldEvent], preds: Sequence[PredEvent], ok: Callable[[GoldEvent, PredEvent], bool]
) -> dict[int, int]:
    """Largest one-to-one pairing {gold index: prediction index} among overlapping triggers that
    ``ok`` accepts (augmenting paths; a few events per sentence)."""
    edges = {
        gi: [pi for pi, p in enumerate(preds) if _overlap(g.trigger, p.trigger) and ok(g, p)]
        for gi, g in enumerate(gold)
    }
    pred_to_gold: dict[int, int] = {}

    def augment(gi: int, seen: set) -> bool:
        for pi in edges[gi]:
            if pi in seen:
                continue
            seen.add(pi)
            if pi not in pred_to_gold or augment(pred_to_gold[pi], seen):
                pred_to_gold[pi] = gi
                return True
        return False

    for gi in edges:
        augment(gi, set())
    return {gi: pi for pi, gi in pred_to_gold.items()}


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    pairs: Counter = field(default_factory=Counter)  # level -> pairs
    gold_by_type: Counter = field(default_factory=Counter)
    pred_by_type: Counter = field(default_factory=Counter)
    pairs_by_type: Counter = field(default_factory=Counter)
    mode_n: int = 0  # type pairs where the gold gives a mode
    mode_ok: int = 0
    recipient_n: int = 0  # type+actor pairs where the gold names a recipient
    recipient_ok: int = 0
    nonpol_words: int = 0
    nonpol_false: int = 0
    nonpol_articles: int = 0
    articles: int = 0
    words: int = 0
    not_counted: int = 0

    def add(self, o: Score) -> None:
        for k in (
            "gold",
            "predicted",
            "mode_n",
            "mode_ok",
            "recipient_n",
            "recipient_ok",
            "nonpol_words",
            "nonpol_false",
            "nonpol_articles",
            "articles",
            "words",
            "not_counted",
        ):
            setattr(self, k, getattr(self, k) + getattr(o, k))
        for k in ("pairs", "gold_by_type", "pred_by_type", "pairs_by_type"):
            getattr(self, k).update(getattr(o, k))

    def prf(self, level: str) -> tuple[float, float, float]:
        tp = self.pairs[level]
        p = tp / self.predicted if self.predicted else 0.0
        r = tp / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def false_per_10k(self) -> Optional[float]:
        return 10000 * self.nonpol_false / self.nonpol_words if self.nonpol_words else None

    def as_dict(self) -> dict:
        out: dict[str, Any] = {
            "articles": self.articles,
            "words": self.words,
            "gold": self.gold,
            "predicted": self.predicted,
            "not_counted": self.not_counted,
        }
        for lv in LEVELS:
            p, r, f = self.prf(lv)
            out[lv] = {"pairs": self.pairs[lv], "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}
        out["mode_accuracy"] = round(self.mode_ok / self.mode_n, 3) if self.mode_n else None
        out["mode_n"] = self.mode_n
        out["recipient_accuracy"] = round(self.recipient_ok / self.recipient_n, 3) if self.recipient_n else None
        out["recipient_n"] = self.recipient_n
        out["nonpolitical"] = {
            "articles": self.nonpol_articles,
            "words": self.nonpol_words,
            "false_events": self.nonpol_false,
            "per_10k_words": None if self.false_per_10k is None else round(self.false_per_10k, 2),
        }
        per = {}
        for t in sorted(set(self.gold_by_type) | set(self.pred_by_type)):
            tp, g, pr = self.pairs_by_type[t], self.gold_by_type[t], self.pred_by_type[t]
            p = tp / pr if pr else 0.0
            r = tp / g if g else 0.0
            per[t] = {
                "gold": g,
                "predicted": pr,
                "pairs": tp,
                "precision": round(p, 3),
                "recall": round(r, 3),
                "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            }
        out["per_type"] = per
        return out


def score_article(
    gold: Sequence[GoldEvent], preds: Sequence[PredEvent], political: bool = True, words: int = 0
) -> tuple[Score, dict[str, dict[int, int]]]:
    """Counts for one article and, per level, the pairing {gold index: index into preds}."""
    counted = [i for i, p in enumerate(preds) if p.counted]
    cp = [preds[i] for i in counted]
    sc = Score(gold=len(gold), predicted=len(cp), articles=1, words=words, not_counted=len(preds) - len(cp))
    pairings = {}
    for lv in LEVELS:

        def ok(g: GoldEvent, p: PredEvent, lv: str = lv) -> bool:
            return level_ok(lv, g, p)

        m = match(gold, cp, ok)
        sc.pairs[lv] = len(m)
        pairings[lv] = {gi: counted[pi] for gi, pi in m.items()}
    for g in gold:
        sc.gold_by_type[g.type] += 1
    for p in cp:
        sc.pred_by_type[p.type] += 1
    for gi, pi in pairings["type"].items():
        g, p = gold[gi], preds[pi]
        sc.pairs_by_type[g.type] += 1
        if g.mode:
            sc.mode_n += 1
            sc.mode_ok += p.mode == g.mode
    for gi, pi in pairings["type+actor"].items():
        g, p = gold[gi], preds[pi]
        if g.has_recipient:
            sc.recipient_n += 1
            sc.recipient_ok += party_ok(g.recipient, g.recipient_country, p.recipient, p.recipient_country)
    if not political:
        sc.nonpol_articles = 1
        sc.nonpol_words = words
        sc.nonpol_false = len(cp) - len(pairings["type"])
    return sc, pairings


def dump_rows(
    article: str,
    text: str,
    gold: Sequence[GoldEvent],
    preds: Sequence[PredEvent],
    pairings: dict[str, dict[int, int]],
    political: bool,
) -> list[dict]:
    """One row per gold event (the best level it was found at, and the prediction paired with it)
    and per prediction (paired or not, counted or not, its rule): what ``--dump`` writes."""
    rows = []
    pred_level: dict[int, str] = {}
    for lv in LEVELS:
        for pi in pairings[lv].values():
            pred_level[pi] = lv

    for gi, g in enumerate(gold):
        found = [lv for lv in LEVELS if gi in pairings[lv]]
        tpi = pairings["type"].get(gi)
        overlapping = [preds[i] for i, p in enumerate(preds) if _overlap(g.trigger, p.trigger)]
        rows.append(
            {
                "article": article,
                "political": political,
                "kind": "gold",
                "s": g.s,
                "type": g.type,
                "mode": g.mode,
                "trigger": g.text.get("trigger"),
                "actor": g.text.get("actor"),
                "actor_country": g.actor_country,
                "recipient": g.text.get("recipient"),
                "recipient_country": g.recipient_country,
                "found": found[-1] if found else None,
                "prediction": preds[tpi].info.get("id") if tpi is not None else None,
                "overlapping": [
                    {"type": p.type, "counted": p.counted, "why_not": p.why_not, **p.info} for p in overlapping
                ],
                "sentence": text[g.sentence[0] : g.sentence[1]] if g.sentence else None,
            }
        )
    for pi, p in enumerate(preds):
        rows.append(
            {
                "article": article,
                "political": political,
                "kind": "prediction",
                "type": p.type,
                "mode": p.mode,
                "counted": p.counted,
                "why_not": p.why_not,
                "paired": pred_level.get(pi),
                "actor_country": p.actor_country,
                "recipient_country": p.recipient_country,
                **p.info,
                "start": p.trigger[0],
                "end": p.trigger[1],
            }
        )
    return rows


# --------------------------------------------------------------------------------------------
# the command
# --------------------------------------------------------------------------------------------
EPILOG = """\
examples:
  newsgraph eval events                          the report half (the figures to quote)
  newsgraph eval events --split tune --dump tune.jsonl
                                                 the tuning half, every gold event and prediction
  newsgraph eval events --agreement              second annotation pass against the first
  newsgraph eval events --gold /path/to/gold/events --min-confidence 0

Matching and the three levels are defined in docs/events.md ("Measured on whole articles").
Tune on the tune half; read the report half as totals.
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.description = (__doc__ or "").split("\n\n")[0]
    p.epilog = EPILOG
    p.add_argument(
        "--gold",
        metavar="DIR",
        help="the event gold folder (articles.tsv, pass1/, pass2/) or its "
        "pass1 folder (default: gold/events of the repository)",
    )
    p.add_argument(
        "--data", metavar="DIR", default=None, help="shared data with the article texts (default ../shared/data)"
    )
    p.add_argument(
        "--split",
        choices=["tune", "report", "all"],
        default=None,
        help="which articles: tune, report (default for scoring) or all (default for --agreement)",
    )
    p.add_argument(
        "--min-confidence",
        type=float,
        default=None,
        metavar="X",
        help="count only events with confidence >= X (default: the coder's documented threshold)",
    )
    p.add_argument("--model", metavar="M", help="spaCy pipeline ('sm', 'md', a package or a path)")
    p.add_argument("--limit", type=int, metavar="N", help="score only the first N articles")
    p.add_argument(
        "--dump",
        metavar="FILE",
        help="write every gold event and every prediction, with how it "
        "scored, as JSON lines (for reading errors; use it on the tune half)",
    )
    p.add_argument(
        "--agreement", action="store_true", help="score the second annotation pass against the first (no model)"
    )
    p.add_argument("--json", action="store_true", help="print the figures as JSON")


def default_min_confidence() -> float:
    from ..thresholds import event_min_confidence

    return event_min_confidence()


def _print(title: str, sc: Score, out=sys.stdout, per_type: bool = True) -> None:
    d = sc.as_dict()
    print(title, file=out)
    print(
        f"  articles {d['articles']}, words {d['words']}, gold events {d['gold']}, predicted {d['predicted']}"
        f" (not counted: {d['not_counted']} flagged or below the threshold)",
        file=out,
    )
    print(f"  {'level':22} {'pairs':>5} {'P':>6} {'R':>6} {'F1':>6}", file=out)
    for lv in LEVELS:
        x = d[lv]
        print(f"  {lv:22} {x['pairs']:5d} {x['precision']:6.3f} {x['recall']:6.3f} {x['f1']:6.3f}", file=out)

    def opt(x):
        return "n/a" if x is None else f"{x:.3f}"

    print(
        f"  mode accuracy {opt(d['mode_accuracy'])} (n={d['mode_n']} type pairs with a gold mode); "
        f"recipient accuracy {opt(d['recipient_accuracy'])} (n={d['recipient_n']} type+actor pairs with a gold "
        f"recipient)",
        file=out,
    )
    np_ = d["nonpolitical"]
    rate = "n/a" if np_["per_10k_words"] is None else f"{np_['per_10k_words']:.2f}"
    print(
        f"  non-political articles: {np_['articles']}, {np_['words']} words, {np_['false_events']} false events"
        f" = {rate} per 10,000 words",
        file=out,
    )
    if per_type:
        print(f"  {'type':10} {'gold':>5} {'pred':>5} {'pairs':>5} {'P':>6} {'R':>6} {'F1':>6}", file=out)
        for t, v in d["per_type"].items():
            print(
                f"  {t:10} {v['gold']:5d} {v['predicted']:5d} {v['pairs']:5d} {v['precision']:6.3f} "
                f"{v['recall']:6.3f} {v['f1']:6.3f}",
                file=out,
            )


def run_agreement(args) -> int:
    tsv, p1, p2 = resolve_gold(args.gold)
    split = args.split or "all"
    first = {a.id: a for a in load_pass(tsv, p1, split)}
    second = [a for a in load_pass(tsv, p2, split) if a.id in first]
    if not second:
        print(
            f"newsgraph eval events --agreement: no article has both passes ({p1}, {p2 or 'no pass2 folder'})",
            file=sys.stderr,
        )
        return 2
    total = Score()
    political_agree = 0
    for a in second:
        g = first[a.id]
        sc, _ = score_article(g.events, preds_from_gold(a.events), g.political)
        sc.nonpol_articles = sc.nonpol_words = sc.nonpol_false = 0
        total.add(sc)
        political_agree += a.political == g.political
    if args.json:
        print(
            json.dumps(
                {
                    "split": split,
                    "articles": len(second),
                    "political_label_agreement": political_agree,
                    **total.as_dict(),
                },
                indent=2,
            )
        )
        return 0
    print(
        f"Agreement: second pass against the first, {len(second)} articles ({split}); "
        f"the 'political' label agrees on {political_agree}"
    )
    print(f"  events: first pass {total.gold}, second pass {total.predicted}")
    print(f"  {'level':22} {'pairs':>5} {'F1':>6}")
    for lv in LEVELS:
        print(f"  {lv:22} {total.pairs[lv]:5d} {total.prf(lv)[2]:6.3f}")
    return 0


def run(args) -> int:
    if args.agreement:
        return run_agreement(args)
    from ..article import Article
    from ..pipeline import ModelError, load_nlp, process

    split = args.split or "report"
    tsv, p1, _ = resolve_gold(args.gold)
    arts = load_pass(tsv, p1, split)
    if args.limit:
        arts = arts[: args.limit]
    if not arts:
        print(f"newsgraph eval events: no annotated articles in {p1} for split {split}", file=sys.stderr)
        return 2
    data = Path(args.data) if args.data else shared_data()
    texts = {}
    for a in arts:
        try:
            texts[a.id] = load_article_text(a.id, data)
        except (OSError, KeyError, ValueError) as e:
            print(f"newsgraph eval events: {a.id}: {e}", file=sys.stderr)
            return 2
    try:
        nlp = load_nlp(args.model)
    except ModelError as e:
        print(f"newsgraph eval events: {e}", file=sys.stderr)
        return 2
    min_conf = default_min_confidence() if args.min_confidence is None else args.min_confidence
    t0 = time.time()
    total = Score()
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None
    failed = 0
    articles = [Article(id=a.id, text=texts[a.id], published=published_of(a.id)) for a in arts]
    for a, rec in zip(arts, process(articles, nlp)):
        text = texts[a.id]
        if isinstance(rec, Exception):
            print(f"{a.id}: {rec}", file=sys.stderr)
            failed += 1
            preds = []
        else:
            preds = preds_from_record(rec, min_conf)
        sc, pairings = score_article(a.events, preds, a.political, len(text.split()))
        total.add(sc)
        if dump is not None:
            for row in dump_rows(a.id, text, a.events, preds, pairings, a.political):
                dump.write(json.dumps(row, ensure_ascii=False) + "\n")
    if dump is not None:
        dump.close()
    if args.json:
        print(
            json.dumps(
                {
                    "split": split,
                    "min_confidence": min_conf,
                    "listed": listed(tsv, split),
                    "failed": failed,
                    **total.as_dict(),
                },
                indent=2,
            )
        )
    else:
        print(
            f"Event gold set, {split} half: {len(arts)} of {listed(tsv, split)} listed articles annotated "
            f"(first pass), model {args.model or 'default'}, min confidence {min_conf:g}, {time.time() - t0:.0f}s"
        )
        _print("", total)
    return 1 if failed else 0
