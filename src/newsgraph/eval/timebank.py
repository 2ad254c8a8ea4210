"""``newsgraph eval timebank``: time expressions against TimeBank 1.2 (TimeML ``.tml`` files).

For each document the publication date is the TIMEX3 with ``functionInDocument="CREATION_TIME"``;
every other TIMEX3 inside ``<TEXT>`` is a gold expression. newsgraph's ``newsgraph_times``
component runs on the plain text with that date as ``published``.

- extent, lenient: a prediction matches a gold expression when their spans overlap (pairs are
  taken greedily by overlap, each side at most once); strict: identical start and end.
- value accuracy: on lenient matches, the predicted value equals the gold value exactly (string
  equality, as TempEval-3 scores values: the figure the issues' targets are read on).
- lenient value accuracy, printed beside it since round 16 (``value_matches``): also the same
  clock time written to another precision ("T17" and "T17:00", both of the schema's Time type),
  and, where the gold is a temporal function left underspecified ("this week" as ``1989-WXX``
  with temporalFunction="true", as the specification's own example 15 writes "last week"), a
  value that fills its placeholders and agrees with every character the gold gives
  (``1989-W44``). The gold cannot check the week or quarter filled in, so this figure is an
  upper bound, not the score.

TimeBank has no train/dev split, so documents are split by their index in file-name order:
even indices were used to tune the rules, odd ones are held out. All three rows are printed.

Errors (misses, false alarms, wrong values) are counted by kind: ``reported speech`` (inside
what a verb of saying dated to another day than publication reports), ``weekday`` (a weekday
name), ``last week/month`` (weeks and months relative to a date), ``range`` (an end of a stated
range), ``other``. ``--dump FILE`` writes every gold TIMEX3 and every prediction, one JSON object
a line, with how it scored and its kind.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

DEFAULT_DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "timebank"

_TAG = re.compile(r"<[^>]+>|[^<]+")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: Optional[str]
    # temporalFunction="true": a value computed from an anchor, which TimeML 1.2.1 lets the
    # annotation leave underspecified (placeholders X)
    function: bool = False


@dataclass
class Event:
    eid: str
    start: int
    end: int
    text: str
    cls: str


@dataclass
class TmlDoc:
    name: str
    text: str
    dct: Optional[str]
    timexes: list[Timex]
    events: list[Event] = field(default_factory=list)
    # event id -> gold values of the TEXT timexes the event happens within (TLINK IS_INCLUDED,
    # DURING, SIMULTANEOUS, IDENTITY, or the reverse INCLUDES from the time's side)
    anchors: dict = field(default_factory=dict)


class TimeBankError(Exception):
    """A .tml file could not be read."""


def parse_tml(source: str, name: str = "doc") -> TmlDoc:
    """Plain text of ``<TEXT>`` with its TIMEX3 spans (character offsets) and the document date."""
    dct = None
    for m in re.finditer(r"<TIMEX3\b([^>]*)>", source):
        attrs = dict(_ATTR.findall(m.group(1)))
        if attrs.get("functionInDocument") == "CREATION_TIME":
            dct = attrs.get("value")
            break
    text_m = re.search(r"<TEXT>(.*?)</TEXT>", source, re.S)
    if not text_m:
        raise TimeBankError(f"{name}: no <TEXT> element")
    body = text_m.group(1)
    parts: list[str] = []
    pos = 0
    open_: list[tuple[int, dict]] = []
    open_ev: list[tuple[int, dict]] = []
    timexes: list[Timex] = []
    events: list[Event] = []
    tid_value: dict[str, Optional[str]] = {}
    for tok in _TAG.finditer(body):
        t = tok.group(0)
        if t.startswith("<"):
            if re.match(r"<TIMEX3\b", t):
                attrs = dict(_ATTR.findall(t))
                if t.endswith("/>"):
                    continue
                open_.append((pos, attrs))
            elif t.startswith("</TIMEX3") and open_:
                start, attrs = open_.pop()
                if attrs.get("functionInDocument") != "CREATION_TIME":
                    txt = "".join(parts)[start:pos]
                    timexes.append(
                        Timex(
                            start,
                            pos,
                            txt,
                            attrs.get("type", ""),
                            attrs.get("value"),
                            attrs.get("temporalFunction", "").lower() == "true",
                        )
                    )
                    tid_value[attrs.get("tid", "")] = attrs.get("value")
            elif re.match(r"<EVENT\b", t) and not t.endswith("/>"):
                open_ev.append((pos, dict(_ATTR.findall(t))))
            elif t.startswith("</EVENT") and open_ev:
                start, attrs = open_ev.pop()
                events.append(
                    Event(attrs.get("eid", ""), start, pos, "".join(parts)[start:pos], attrs.get("class", ""))
                )
            continue
        s = html.unescape(t)
        parts.append(s)
        pos += len(s)
    text = "".join(parts)
    timexes.sort(key=lambda x: (x.start, x.end))
    ei_event = {
        a.get("eiid"): a.get("eventID")
        for a in (dict(_ATTR.findall(m.group(0))) for m in re.finditer(r"<MAKEINSTANCE\b[^>]*>", source))
    }
    anchors: dict[str, list[str]] = {}
    for m in re.finditer(r"<TLINK\b[^>]*>", source):
        a = dict(_ATTR.findall(m.group(0)))
        rel = a.get("relType")
        if a.get("eventInstanceID") and a.get("relatedToTime") in tid_value and rel in _WITHIN:
            ev, tid = ei_event.get(a["eventInstanceID"]), a["relatedToTime"]
        elif a.get("timeID") in tid_value and a.get("relatedToEventInstance") and rel in _CONTAINS:
            ev, tid = ei_event.get(a["relatedToEventInstance"]), a["timeID"]
        else:
            continue
        value = tid_value.get(tid)
        if ev and value:
            anchors.setdefault(ev, []).append(value)
    return TmlDoc(name=name, text=text, dct=dct, timexes=timexes, events=events, anchors=anchors)


_WITHIN = {"IS_INCLUDED", "DURING", "SIMULTANEOUS", "IDENTITY"}
_CONTAINS = {"INCLUDES", "DURING", "SIMULTANEOUS", "IDENTITY"}


def load_dir(data: Path, limit: Optional[int] = None) -> list[TmlDoc]:
    files = sorted(Path(data).rglob("*.tml"), key=lambda p: p.name)
    if not files:
        raise TimeBankError(f"no .tml files under {data}")
    if limit:
        files = files[:limit]
    docs = []
    for p in files:
        try:
            docs.append(parse_tml(p.read_text(encoding="utf-8"), p.name))
        except (OSError, UnicodeDecodeError) as e:
            raise TimeBankError(f"{p}: {e}") from None
    return docs


# ----------------------------------------------------------------------------- scoring (pure)


def match(gold: Sequence, pred: Sequence) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) of overlapping spans, greedily by overlap size."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            ov = min(g.end, p.end) - max(g.start, p.start)
            if ov > 0:
                cands.append((-ov, abs(g.start - p.start) + abs(g.end - p.end), i, j))
    cands.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, _, i, j in cands:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((i, j))
    return pairs


_CLOCK = re.compile(r"(?P<day>.*T)(?P<h>\d{2})(?::(?P<m>\d{2})(?::(?P<s>\d{2}))?)?")


def value_matches(gold, value: Optional[str]) -> bool:
    """Whether a predicted ``value`` is the gold expression's value as TimeML 1.2.1 reads values.

    - the same string;
    - the same clock time at another written precision: the schema's Time type allows ``hh``,
      ``hh:mm`` and ``hh:mm:ss`` (TimeBank writes "5 p.m." both ``T17`` and ``T17:00``), so
      ``T17`` = ``T17:00`` = ``T17:00:00`` (not ``T17:30``);
    - a temporal function (temporalFunction="true", DATE or TIME) whose gold value the annotators
      left underspecified with placeholders X: the specification says such TIMEX3s "typically
      appear ... in an underspecified form", their value being the function's result on the
      anchor (its example 15: "last week", ``XXXX-WXX``, anchored on the creation time). A value
      of the same form that fills the placeholders with digits and agrees with every character
      the gold gives is that result (``1989-W44`` for ``1989-WXX``; not ``1988-W44``, not a day).
      Durations and sets are not read so: there X is a vague amount ("several days", ``PXD``).
    """
    g = gold.value
    if g == value:
        return True
    if g is None or value is None:
        return False
    a, b = _CLOCK.fullmatch(g), _CLOCK.fullmatch(value)
    if a and b:
        return (a["day"], a["h"], a["m"] or "00", a["s"] or "00") == (b["day"], b["h"], b["m"] or "00", b["s"] or "00")
    if getattr(gold, "function", False) and gold.type in ("DATE", "TIME") and "X" in g and len(g) == len(value):
        return all(x == y or (x == "X" and y.isdigit()) for x, y in zip(g, value))
    return False


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "pred": n_pred, "gold": n_gold, "precision": p, "recall": r, "f1": f}


def score(pairs_of_docs: Iterable[tuple[Sequence, Sequence]]) -> dict:
    """Scores for (gold, predicted) expression lists, one pair per document. Items need
    ``start``, ``end``, ``type`` and ``value``.

    Returns lenient and strict P/R/F1, value accuracy (string equality), lenient value accuracy
    (``value_matches``) and type accuracy on lenient matches, and per gold type: count, recall
    (lenient) and value accuracy.
    """
    n_gold = n_pred = tp = tp_strict = val_ok = val_lenient = type_ok = 0
    by_type: dict[str, Counter] = defaultdict(Counter)
    pred_type: dict[str, Counter] = defaultdict(Counter)
    for gold, pred in pairs_of_docs:
        n_gold += len(gold)
        n_pred += len(pred)
        for g in gold:
            by_type[g.type]["gold"] += 1
        for p in pred:
            pred_type[p.type]["pred"] += 1
        pairs = match(gold, pred)
        tp += len(pairs)
        for i, j in pairs:
            g, p = gold[i], pred[j]
            strict = g.start == p.start and g.end == p.end
            tp_strict += strict
            ok = g.value == p.value
            val_ok += ok
            val_lenient += value_matches(g, p.value)
            type_ok += g.type == p.type
            by_type[g.type]["found"] += 1
            by_type[g.type]["strict"] += strict
            by_type[g.type]["value"] += ok
            pred_type[p.type]["tp"] += 1
    return {
        "lenient": _prf(tp, n_pred, n_gold),
        "strict": _prf(tp_strict, n_pred, n_gold),
        "value_accuracy": val_ok / tp if tp else 0.0,
        "value_lenient": val_lenient / tp if tp else 0.0,
        "type_accuracy": type_ok / tp if tp else 0.0,
        "matched": tp,
        "per_type": {
            t: {
                "gold": c["gold"],
                "recall": c["found"] / c["gold"] if c["gold"] else 0.0,
                "strict_recall": c["strict"] / c["gold"] if c["gold"] else 0.0,
                "value_accuracy": c["value"] / c["found"] if c["found"] else 0.0,
                "pred": pred_type[t]["pred"],
                "precision": pred_type[t]["tp"] / pred_type[t]["pred"] if pred_type[t]["pred"] else 0.0,
            }
            for t, c in sorted(by_type.items())
        },
    }


def score_event_dates(items: Iterable[tuple[Sequence[str], Optional[str], str]]) -> dict:
    """Dates given to events against TimeBank's TLINK anchors.

    ``items``: (gold calendar dates the event lies within, predicted date or None, event class).
    Only events with at least one gold calendar date count. ``right``: the prediction is one of
    the gold dates; ``wrong``: another date; ``none``: no date. Reported for all events and for
    REPORTING events (said, told: the quote cues).
    """
    out = {}
    for subset in ("all", "REPORTING"):
        c: Counter = Counter()
        for gold, pred, cls in items if isinstance(items, list) else list(items):
            if subset != "all" and cls != subset:
                continue
            c["n"] += 1
            if pred is None:
                c["none"] += 1
            elif pred in gold:
                c["right"] += 1
            else:
                c["wrong"] += 1
        dated = c["right"] + c["wrong"]
        out[subset] = {
            "n": c["n"],
            "right": c["right"],
            "wrong": c["wrong"],
            "none": c["none"],
            "precision": c["right"] / dated if dated else 0.0,
            "coverage": c["right"] / c["n"] if c["n"] else 0.0,
        }
    return out


def score_statement_dates(docs: Sequence[TmlDoc], spacy_docs: Sequence) -> dict:
    """For each REPORTING event with TLINK anchors: the date of the quote whose cue overlaps it,
    counted by how it was found (``own`` clause, inferred from the ``paragraph`` or the
    ``speaker``, ``none``; ``no quote`` when no quote has that cue) and right/wrong/none."""
    from ..extractors.times import calendar_date

    out: dict[str, Counter] = defaultdict(Counter)
    for d, sd in zip(docs, spacy_docs):
        quotes = [q for q in (getattr(sd._, "quotes", None) or []) if q.cue is not None]
        for ev in d.events:
            if ev.cls != "REPORTING":
                continue
            gold = [g for g in (calendar_date(v) for v in d.anchors.get(ev.eid, [])) if g]
            if not gold:
                continue
            q = next((q for q in quotes if q.cue.start < ev.end and ev.start < q.cue.end), None)
            if q is None:
                out["no quote"]["none"] += 1
                continue
            how = q.date_inferred or ("own" if q.date else "none")
            out[how]["none" if not q.date else ("right" if q.date in gold else "wrong")] += 1
    return out


def event_date_items(docs: Sequence[TmlDoc], spacy_docs: Sequence) -> list[tuple[list[str], Optional[str], str]]:
    """For each gold event anchored in a TEXT time expression with a calendar value: (gold dates,
    ``date_for_span`` of the event word, event class)."""
    from ..extractors.times import calendar_date, date_for_span

    items = []
    for d, sd in zip(docs, spacy_docs):
        for ev in d.events:
            gold = [g for g in (calendar_date(v) for v in d.anchors.get(ev.eid, [])) if g]
            if not gold:
                continue
            items.append((gold, date_for_span(sd, ev.start, ev.end), ev.cls))
    return items


# ----------------------------------------------------------------------------- command


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--data",
        metavar="DIR",
        default=str(DEFAULT_DATA),
        help=f"folder with TimeBank .tml files (default: {DEFAULT_DATA})",
    )
    p.add_argument("--limit", type=int, metavar="N", help="only the first N documents (file-name order)")
    p.add_argument("--model", metavar="M", help="spaCy pipeline (default: newsgraph's default)")
    p.add_argument(
        "--errors",
        type=int,
        default=0,
        metavar="N",
        help="print up to N misses, false alarms and wrong values (held-out odd documents)",
    )
    p.add_argument(
        "--split",
        choices=["tune", "report", "all"],
        default="all",
        help="which documents to run: tune (even indices, the rules were tuned on them), report "
        "(odd, held out: read as totals only) or all (default; prints all three rows)",
    )
    p.add_argument(
        "--errors-split",
        choices=["even", "odd", "all"],
        default="odd",
        help="which documents --errors lists (default: odd, the held-out half)",
    )
    p.add_argument(
        "--dump",
        metavar="FILE",
        help="write every gold TIMEX3 and every prediction (JSON lines: document, split, outcome "
        "correct|wrong-value|missed|false-alarm, strict extent match, error kind, gold, "
        "prediction, sentence); '-' for stdout",
    )


def parse_docs(docs: list[TmlDoc], nlp) -> list:
    """spaCy Docs (with newsgraph_times run) for the documents, in order."""
    made = []
    for d in docs:
        doc = nlp.make_doc(d.text)
        doc._.published = (d.dct or "")[:10] or None
        made.append(doc)
    return list(nlp.pipe(made, batch_size=16))


def predict(docs: list[TmlDoc], nlp) -> list[list]:
    """newsgraph_times predictions for each document, in order."""
    return [list(doc._.times or []) for doc in parse_docs(docs, nlp)]


def _row(label: str, s: dict) -> str:
    le, st = s["lenient"], s["strict"]
    return (
        f"{label:<10} {le['gold']:>5} {le['pred']:>5}  {le['precision']:.3f} {le['recall']:.3f} {le['f1']:.3f}"
        f"   {st['precision']:.3f} {st['recall']:.3f} {st['f1']:.3f}   {s['value_accuracy']:.3f}"
        f"   {s['value_lenient']:.3f}   {s['type_accuracy']:.3f}"
    )


def run(args) -> int:
    from ..pipeline import ModelError, load_nlp

    try:
        docs = load_dir(Path(args.data), args.limit)
    except TimeBankError as e:
        print(f"newsgraph eval timebank: {e}", file=sys.stderr)
        return 2
    try:
        # the whole pipeline: quotes re-read the times inside dated quotations, and give the
        # statement dates scored below
        nlp = load_nlp(args.model)
    except ModelError as e:
        print(f"newsgraph eval timebank: {e}", file=sys.stderr)
        return 2
    which = getattr(args, "split", "all") or "all"
    # a half keeps its documents' corpus indices, so "even"/"odd" mean the same documents
    orig = [i for i in range(len(docs)) if which == "all" or i % 2 == (0 if which == "tune" else 1)]
    docs = [docs[i] for i in orig]
    sdocs = parse_docs(docs, nlp)
    preds = [list(sd._.times or []) for sd in sdocs]
    split = {
        "even": [n for n, i in enumerate(orig) if i % 2 == 0],
        "odd": [n for n, i in enumerate(orig) if i % 2 == 1],
        "all": list(range(len(docs))),
    }
    names = [name for name in ("even", "odd", "all") if split[name] and (which == "all" or name != "all")]
    print(f"TimeBank: {len(docs)} documents from {args.data} ({which}); even indices tune, odd are held out")
    print(
        f"{'split':<10} {'gold':>5} {'pred':>5}  {'lenient P   R     F1':<19}   {'strict P    R     F1':<19}"
        f"   value   lenient type"
    )
    results = {}
    for name in names:
        results[name] = score((docs[i].timexes, preds[i]) for i in split[name])
        print(_row(f"{name} ({len(split[name])})"[:10], results[name]))
    print(f"\nper gold type ({names[-1]} documents):")
    print(f"{'type':<10} {'gold':>5} {'recall':>7} {'strict':>7} {'value':>7} {'pred':>6} {'prec':>6}")
    for t, r in results[names[-1]]["per_type"].items():
        print(
            f"{t:<10} {r['gold']:>5} {r['recall']:>7.3f} {r['strict_recall']:>7.3f} {r['value_accuracy']:>7.3f}"
            f" {r['pred']:>6} {r['precision']:>6.3f}"
        )
    print("\nevent dates (date_for_span on TimeBank events anchored by a TLINK in a dated TEXT timex):")
    print(
        f"{'split':<10} {'events':<9} {'n':>5} {'right':>6} {'wrong':>6} {'none':>5} {'precision':>9} {'coverage':>8}"
    )
    for name in names:
        ev = score_event_dates(event_date_items([docs[i] for i in split[name]], [sdocs[i] for i in split[name]]))
        for sub, r in ev.items():
            print(
                f"{name:<10} {sub:<9} {r['n']:>5} {r['right']:>6} {r['wrong']:>6} {r['none']:>5} {r['precision']:>9.3f}"
                f" {r['coverage']:>8.3f}"
            )
    print(
        "\nstatement dates (Quote.date of the quote whose cue is a TimeBank REPORTING event with a TLINK"
        " anchor), by how the date was found:"
    )
    print(f"{'split':<10} {'found by':<10} {'n':>5} {'right':>6} {'wrong':>6} {'none':>5}")
    for name in names:
        st = score_statement_dates([docs[i] for i in split[name]], [sdocs[i] for i in split[name]])
        for how in ("own", "paragraph", "speaker", "none", "no quote"):
            c = st.get(how)
            if c:
                print(f"{name:<10} {how:<10} {sum(c.values()):>5} {c['right']:>6} {c['wrong']:>6} {c['none']:>5}")
    rows = dump_rows(docs, sdocs, preds, orig)
    print("\nerrors by kind (misses + false alarms + wrong values):")
    print(f"{'kind':<18}" + "".join(f"{name:>8}" for name in names))
    counts = {
        name: Counter(r["kind"] for r in rows if r["outcome"] != "correct" and (name == "all" or r["split"] == name))
        for name in names
    }
    for kind in ERROR_KINDS + ("total",):
        vals = [sum(c.values()) if kind == "total" else c[kind] for c in counts.values()]
        print(f"{kind:<18}" + "".join(f"{v:>8}" for v in vals))
    if args.dump:
        try:
            out = sys.stdout if args.dump == "-" else open(args.dump, "w", encoding="utf-8")
        except OSError as e:
            print(f"newsgraph eval timebank: cannot write {args.dump}: {e}", file=sys.stderr)
            return 2
        with out if out is not sys.stdout else _nullcontext(out):
            for r in rows:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
        if args.dump != "-":
            print(f"\n{len(rows)} gold and predicted expressions written to {args.dump}")
    if args.errors:
        _print_errors(docs, preds, split[args.errors_split], args.errors)
        _print_event_errors(docs, sdocs, split[args.errors_split], args.errors)
    return 0


class _nullcontext:
    def __init__(self, x):
        self.x = x

    def __enter__(self):
        return self.x

    def __exit__(self, *exc):
        return False


ERROR_KINDS = ("reported speech", "weekday", "last week/month", "range", "other")
_WEEKDAY = re.compile(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")
_WEEK_MONTH = re.compile(
    r"(?i)\b(?:(?:last|this|next|past|coming|previous|following|same|current)\s+(?:week|weekend|month)"
    r"|(?:weeks?|months?)\s+(?:ago|earlier|later|before|after|from\s+now))\b"
)
_RANGE_GAP = re.compile(r"(?i)\s*(?:-|\u2013|\u2014|to|through|thru|until|till|and)\s*")


def reported_speech_day(d: TmlDoc, sdoc, start: int, end: int) -> Optional[str]:
    """The day a span was said on, when it lies in what a verb of saying reports and a gold
    TIMEX3 attached to that verb (outside what it reports) dates the saying to a day other than
    the document's creation day ("Kowal said on Monday that ... Friday"); else None. Uses the
    gold times, so the kind of an error does not depend on the system scored."""
    from ..extractors.times import _direct_verb, _verb_group
    from ..lexicon import table, words

    if sdoc is None or not sdoc.has_annotation("DEP"):
        return None
    speech = words(table("times/speech_verbs.tsv", columns=("lemma",), key=("lemma",)), "lemma")
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    child = span.root
    for _ in range(12):
        h = child.head
        if h is child:
            return None
        if h.pos_ == "VERB" and h.lemma_.lower() in speech and child.dep_ in ("ccomp", "parataxis", "xcomp"):
            break
        child = h
    else:
        return None
    inside = {w.i for w in child.subtree}
    hosts = _verb_group(h) - inside
    for g in d.timexes:
        if not g.value or not re.fullmatch(r"\d{4}-\d{2}-\d{2}(T.*)?", g.value) or g.value[:10] == (d.dct or "")[:10]:
            continue
        gs = sdoc.char_span(g.start, g.end, alignment_mode="expand")
        if gs is None or len(gs) == 0 or gs.root.i in inside or gs.root.sent.start != h.sent.start:
            continue
        tv = _direct_verb(gs.root)
        if tv is not None and tv.i in hosts:
            return g.value[:10]
    return None


def error_kind(d: TmlDoc, sdoc, g: Optional[Timex], p) -> str:
    """The kind of an error on a gold expression ``g`` and/or prediction ``p`` (ERROR_KINDS, first
    that applies)."""
    x = g if g is not None else p
    if reported_speech_day(d, sdoc, x.start, x.end):
        return "reported speech"
    texts = " ".join(t.text for t in (g, p) if t is not None)
    if _WEEKDAY.search(texts):
        return "weekday"
    if _WEEK_MONTH.search(texts):
        return "last week/month"
    if p is not None and getattr(p, "range", None):
        return "range"
    if g is not None:
        k = d.timexes.index(g)
        for a, b in ((k - 1, k), (k, k + 1)):
            if 0 <= a and b < len(d.timexes) and _RANGE_GAP.fullmatch(d.text[d.timexes[a].end : d.timexes[b].start]):
                if d.text[d.timexes[a].end : d.timexes[b].start].strip().lower() != "and" or re.search(
                    r"(?i)between\s+$", d.text[max(0, d.timexes[a].start - 9) : d.timexes[a].start]
                ):
                    return "range"
        if re.search(
            r"\d\s*(?:-|\u2013|to|through)\s*\d|\w\s+(?:to|through)\s+\w+\s+(?:days|weeks|months|years)\b", g.text
        ):
            return "range"  # "1990-95", "12 to 18 months"
    return "other"


def _jx(x) -> Optional[dict]:
    if x is None:
        return None
    out = {"start": x.start, "end": x.end, "text": x.text, "type": x.type, "value": x.value}
    for k in ("function", "rule", "granularity", "resolution", "anchor", "range"):
        if hasattr(x, k):
            out[k] = getattr(x, k)
    return out


def dump_rows(
    docs: Sequence[TmlDoc], sdocs: Sequence, preds: Sequence[Sequence], indices: Optional[Sequence[int]] = None
) -> list[dict]:
    """One row per gold expression (matched or missed) and per unmatched prediction. ``indices``
    are the documents' indices in the whole corpus (their half), when ``docs`` is a subset."""
    rows = []
    for n, (d, sd, pred) in enumerate(zip(docs, sdocs, preds)):
        i = indices[n] if indices is not None else n
        split = "even" if i % 2 == 0 else "odd"
        pairs = dict(match(d.timexes, pred))
        used = set(pairs.values())

        def sentence(x, sd=sd, d=d):
            span = sd.char_span(x.start, x.end, alignment_mode="expand") if sd is not None else None
            if span is not None and len(span):
                return " ".join(span[0].sent.text.split())
            return " ".join(d.text[max(0, x.start - 100) : x.end + 100].split())

        for k, g in enumerate(d.timexes):
            p = pred[pairs[k]] if k in pairs else None
            if p is None:
                outcome = "missed"
            else:
                outcome = "correct" if p.value == g.value else "wrong-value"
            rows.append(
                {
                    "doc": d.name,
                    "split": split,
                    "dct": d.dct,
                    "outcome": outcome,
                    "strict": bool(p is not None and p.start == g.start and p.end == g.end),
                    "lenient": bool(p is not None and value_matches(g, p.value)),
                    "kind": error_kind(d, sd, g, p) if outcome != "correct" else None,
                    "gold": _jx(g),
                    "pred": _jx(p),
                    "sentence": sentence(g),
                }
            )
        for j, p in enumerate(pred):
            if j not in used:
                rows.append(
                    {
                        "doc": d.name,
                        "split": split,
                        "dct": d.dct,
                        "outcome": "false-alarm",
                        "strict": False,
                        "lenient": False,
                        "kind": error_kind(d, sd, None, p),
                        "gold": None,
                        "pred": _jx(p),
                        "sentence": sentence(p),
                    }
                )
    return rows


def _print_event_errors(docs, sdocs, idx, n) -> None:
    from ..extractors.times import calendar_date, date_for_span

    rows = []
    for i in idx:
        d, sd = docs[i], sdocs[i]
        for ev in d.events:
            gold = [g for g in (calendar_date(v) for v in d.anchors.get(ev.eid, [])) if g]
            if not gold:
                continue
            pred = date_for_span(sd, ev.start, ev.end)
            if pred not in gold:
                sent = sd.char_span(ev.start, ev.end, alignment_mode="expand")
                ctx = sent[0].sent.text if sent is not None and len(sent) else ""
                rows.append(f"  {d.name}: {ev.text!r} gold {gold} pred {pred} | {' '.join(ctx.split())[:150]}")
    print(f"\nevent dates not right ({len(rows)}):")
    print("\n".join(rows[:n]))


def _print_errors(docs, preds, idx, n) -> None:
    miss, fa, wrong = [], [], []
    for i in idx:
        gold, pred = docs[i].timexes, preds[i]
        pairs = match(gold, pred)
        gi = {a for a, _ in pairs}
        pj = {b for _, b in pairs}
        miss += [(docs[i].name, g) for k, g in enumerate(gold) if k not in gi]
        fa += [(docs[i].name, p) for k, p in enumerate(pred) if k not in pj]
        wrong += [(docs[i].name, gold[a], pred[b]) for a, b in pairs if gold[a].value != pred[b].value]
    print(f"\nmissed ({len(miss)}):")
    for name, g in miss[:n]:
        print(f"  {name}: {g.text!r} {g.type} {g.value}")
    print(f"\nfalse alarms ({len(fa)}):")
    for name, p in fa[:n]:
        print(f"  {name}: {p.text!r} {p.type} {p.value} [{p.rule}]")
    print(f"\nwrong values ({len(wrong)}):")
    for name, g, p in wrong[:n]:
        print(f"  {name}: gold {g.text!r} {g.value}  pred {p.text!r} {p.value} [{p.rule}]")
