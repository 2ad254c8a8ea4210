"""``newsgraph eval polnear``: who said what, scored against PolNeAR attributions.

PolNeAR (Newell et al., LREC 2018) marks, in full news articles, every attribution's Source,
Cue and Content spans (BRAT standoff). Scoring, one-to-one so that pieces, nested copies or
whole sentences do not pay:

- gold items are the Content spans of ``E`` (Attribution) records; a discontinuous Content
  (``start end;start end``) is ONE gold item made of its segments;
- a prediction (a newsgraph quote: ``start``..``end``) pairs with a gold segment when at least
  half of the prediction lies inside that segment; candidate pairs are taken greedily by
  overlap (largest first), each segment and each prediction at most once;
- a prediction whose content is in several ``parts`` (an attribution interrupts it, round 20):
  each part pairs as above (half of the part inside a segment; each part at most once, each
  segment for one prediction, which may pair several of its parts with it), and the prediction
  counts once: paired when its paired parts make at least half of its length. With one part per
  prediction this is the rule above, figure for figure;
- precision = paired predictions / predictions;
- a gold Content is *found* when the predictions paired with its segments cover at least
  half of it (its total length over all segments); recall = found / gold items;
- source accuracy, over found contents whose attribution has a gold Source: right when the
  speaker mention of a paired prediction, or any mention of its speaker entity, overlaps the
  gold Source span.

Annotators: when an article has several ``.ann`` files (``NAME_ANNOTATOR.ann``), the first
annotator is used: the file whose suffix after the last ``_`` sorts first (plain string order).
Lines that are not ``T``/``E`` records are skipped (one train file has a span text that runs
onto a second line).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

# ../shared/data/polnear next to the project (NEWSGRAPH_SHARED_DATA overrides ../shared/data)
DEFAULT_DATA = (
    Path(os.environ.get("NEWSGRAPH_SHARED_DATA", Path(__file__).resolve().parents[3].parent / "shared" / "data"))
    / "polnear"
)

Seg = tuple[int, int]


@dataclass
class Gold:
    content: list[Seg]
    source: list[Seg] = field(default_factory=list)
    cue: list[Seg] = field(default_factory=list)

    @property
    def length(self) -> int:
        return sum(b - a for a, b in self.content)


@dataclass
class Pred:
    start: int
    end: int
    # character spans that count as the speaker: the speaker mention and every mention of
    # the speaker entity
    speaker_spans: list[Seg] = field(default_factory=list)
    # the content's segments (``Quote.parts``); empty: one part, start..end
    parts: list[Seg] = field(default_factory=list)

    @property
    def segments(self) -> list[Seg]:
        return self.parts or [(self.start, self.end)]

    @property
    def length(self) -> int:
        return sum(b - a for a, b in self.segments)


@dataclass
class Score:
    predictions: int = 0
    paired: int = 0
    gold: int = 0
    found: int = 0
    with_source: int = 0
    source_right: int = 0

    def add(self, o: Score) -> None:
        for k in ("predictions", "paired", "gold", "found", "with_source", "source_right"):
            setattr(self, k, getattr(self, k) + getattr(o, k))

    @property
    def precision(self) -> float:
        return self.paired / self.predictions if self.predictions else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def source_accuracy(self) -> float:
        return self.source_right / self.with_source if self.with_source else 0.0


# ---------------------------------------------------------------- reading the gold


def _spans(s: str) -> list[Seg]:
    out = []
    for part in s.split(";"):
        a, _, b = part.strip().partition(" ")
        out.append((int(a), int(b)))
    return out


def parse_ann(text: str) -> list[Gold]:
    """Gold attributions of one BRAT ``.ann`` file (only ``T`` and ``E`` lines are read)."""
    tspans: dict[str, list[Seg]] = {}
    events: list[dict[str, str]] = []
    for line in text.splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            label, _, sp = parts[1].partition(" ")
            try:
                tspans[parts[0]] = _spans(sp)
            except ValueError:
                continue
        elif line.startswith("E"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            roles: dict[str, str] = {}
            for item in parts[1].split():
                role, _, ref = item.partition(":")
                roles.setdefault(role, ref)
            events.append(roles)
    gold = []
    for roles in events:
        c = roles.get("Content")
        if c is None or c not in tspans:
            continue
        src = tspans.get(roles.get("Source", ""), [])
        gold.append(Gold(content=sorted(tspans[c]), source=src, cue=tspans.get(roles.get("Cue", ""), [])))
    return gold


def first_annotator(ann_files: Iterable[Path]) -> Optional[Path]:
    """The first annotator's file: smallest suffix after the last ``_`` (string order)."""
    files = sorted(ann_files, key=lambda p: (p.stem.rsplit("_", 1)[-1], p.name))
    return files[0] if files else None


def _offset_map(old: str, new: str):
    """A function taking an offset into ``old`` to the matching offset into ``new`` (the same
    text with a few characters repaired)."""
    import difflib

    ops = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()

    def f(i: int) -> int:
        for tag, a, b, c, d in ops:
            if a <= i < b or (i == b and tag == "equal" and b == len(old)):
                return c + (i - a if tag == "equal" else min(i - a, d - c))
        return len(new)

    return f


def repaired(text: str, gold: list[Gold]) -> tuple[str, list[Gold]]:
    """The text as newsgraph reads it (mojibake repaired, ``article.repair_text``) and the gold
    spans moved onto it: a handful of PolNeAR articles hold "Ã¡" for "á"."""
    from ..article import repair_text

    new, _ = repair_text(text)
    if new == text:
        return text, gold
    f = _offset_map(text, new)
    move = lambda segs: [(f(a), f(b)) for a, b in segs]  # noqa: E731
    return new, [Gold(content=move(g.content), source=move(g.source), cue=move(g.cue)) for g in gold]


def headline(text: str, name: Optional[str] = None) -> Optional[str]:
    """The headline line that opens a PolNeAR text (the article's title), or None: read by the
    rule of the plain-text reader (``readers.plain.headline``, given the file name ``NAME.txt``),
    so the figures measure what ``newsgraph extract`` does with the same file. It finds the
    headline of all 924 train and dev texts. PolNeAR annotates attributions in headlines (50 of
    the 2,192 dev attributions); newsgraph never takes a quote from a title, so they count as
    misses."""
    from ..readers.plain import headline as plain_headline

    return plain_headline(text, f"{name}.txt" if name else None)


def load_split(data: Path, split: str) -> list[tuple[str, str, list[Gold]]]:
    """``(name, text, gold)`` for every article of a split, in name order. The text is the
    repaired text newsgraph extracts from, and the gold offsets are moved onto it."""
    tdir, adir = data / split / "text", data / split / "attributions"
    if not tdir.is_dir():
        raise FileNotFoundError(f"no PolNeAR split at {tdir}")
    by_name: dict[str, list[Path]] = {}
    for p in adir.glob("*.ann"):
        by_name.setdefault(p.stem.rsplit("_", 1)[0], []).append(p)
    out = []
    for t in sorted(tdir.glob("*.txt")):
        ann = first_annotator(by_name.get(t.stem, []))
        gold = parse_ann(ann.read_text(encoding="utf-8")) if ann else []
        out.append((t.stem, *repaired(t.read_text(encoding="utf-8"), gold)))
    return out


def parsed_texts(
    arts: Sequence[tuple[str, str, list[Gold]]], docbin: Optional[str] = None, save_docbin: Optional[str] = None
) -> Iterable:
    """spaCy Docs (bare pipeline, no newsgraph component) of the articles' texts, in order: read
    from a DocBin an earlier run saved (``docbin``) when it exists, else parsed (and saved to
    ``save_docbin`` when given). A saved Doc whose text is no longer the article's (the input
    repair changed since it was saved) is parsed again, so a stale DocBin cannot misplace offsets."""
    from newsgraph.pipeline import load_nlp

    nlp = load_nlp(components=[])
    if docbin and Path(docbin).exists():
        from spacy.tokens import DocBin

        saved = DocBin().from_disk(docbin).get_docs(nlp.vocab)
        for (_, text, _), doc in zip(arts, saved):
            yield doc if doc.text == text else nlp(text)
        return
    if not save_docbin:
        yield from nlp.pipe((t for _, t, _ in arts), batch_size=32)
        return
    from spacy.tokens import DocBin

    docs = list(nlp.pipe((t for _, t, _ in arts), batch_size=32))
    DocBin(docs=docs).to_disk(save_docbin)
    yield from docs


# ---------------------------------------------------------------- scoring


def _overlap(a: Seg, b: Seg) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def pair(preds: Sequence[Pred], gold: Sequence[Gold]) -> tuple[set[int], list[int], list[list[int]]]:
    """One-to-one pairing: (paired prediction indexes, characters covered per gold item,
    prediction indexes paired with each gold item).

    Each part of a prediction (``Pred.segments``: one for an ordinary quote) pairs with a gold
    segment when at least half of the part lies inside it; candidate (part, segment) pairs are
    taken greedily by overlap, largest first, each part at most once and each segment for at most
    one prediction (the parts of one prediction may share a segment). A prediction is paired
    when its paired parts' overlaps make at least half of its length (all its parts together);
    with one part this is the rule above, figure for figure. Only paired predictions cover gold
    characters."""
    segs = [(gi, s) for gi, g in enumerate(gold) for s in g.content]
    cands = []
    for pi, p in enumerate(preds):
        if p.length <= 0:
            continue
        for ki, part in enumerate(p.segments):
            plen = part[1] - part[0]
            if plen <= 0:
                continue
            for si, (_, s) in enumerate(segs):
                ov = _overlap(part, s)
                if ov > 0 and 2 * ov >= plen:
                    cands.append((ov, pi, ki, si))
    cands.sort(key=lambda c: (-c[0], c[1], c[2], c[3]))
    used_part: set[tuple[int, int]] = set()
    seg_owner: dict[int, int] = {}
    accepted: list[tuple[int, int, int]] = []  # (prediction, segment, overlap), in the greedy order
    got: dict[int, int] = {}  # prediction -> characters of its paired parts
    for ov, pi, ki, si in cands:
        if (pi, ki) in used_part or seg_owner.get(si, pi) != pi:
            continue
        used_part.add((pi, ki))
        seg_owner[si] = pi
        accepted.append((pi, si, ov))
        got[pi] = got.get(pi, 0) + ov
    used_p = {pi for pi, n in got.items() if 2 * n >= preds[pi].length}
    covered = [0] * len(gold)
    paired_with: list[list[int]] = [[] for _ in gold]
    for pi, si, ov in accepted:
        if pi not in used_p:
            continue
        gi = segs[si][0]
        covered[gi] += ov
        if pi not in paired_with[gi]:
            paired_with[gi].append(pi)
    return used_p, covered, paired_with


def score_article(preds: Sequence[Pred], gold: Sequence[Gold]) -> tuple[Score, list[Optional[int]]]:
    """Score one article. Returns the counts and, for each gold item, the index of one
    prediction paired with it when it was found (else None)."""
    used_p, covered, paired_with = pair(preds, gold)
    sc = Score(predictions=len(preds), paired=len(used_p), gold=len(gold))
    found_by: list[Optional[int]] = [None] * len(gold)
    for gi, g in enumerate(gold):
        if g.length > 0 and 2 * covered[gi] >= g.length:
            sc.found += 1
            found_by[gi] = paired_with[gi][0]
            if g.source:
                sc.with_source += 1
                if any(
                    _overlap(sp, gs) > 0 for pi in paired_with[gi] for sp in preds[pi].speaker_spans for gs in g.source
                ):
                    sc.source_right += 1
    return sc, found_by


def preds_from_record(rec) -> list[Pred]:
    """Predictions from a newsgraph Record (speaker mention + all mentions of the entity)."""
    ents = {e.id: e for e in rec.entities}
    out = []
    for q in rec.quotes:
        spans = []
        if q.speaker_mention is not None:
            spans.append((q.speaker_mention.start, q.speaker_mention.end))
        if q.speaker and q.speaker in ents:
            spans.extend((m.start, m.end) for m in ents[q.speaker].mentions)
        parts = getattr(q, "parts", None) or []
        out.append(Pred(q.start, q.end, spans, [(x["start"], x["end"]) for x in parts] if len(parts) > 1 else []))
    return out


def dump_rows(name: str, text: str, gold: Sequence[Gold], preds: Sequence[Pred], found_by, quotes) -> list[dict]:
    """One row per gold content (found, how much covered, the predictions overlapping it) and
    per prediction (paired or not, its rule): what ``--dump`` writes."""
    used, covered, _ = pair(preds, gold)
    rows = []
    for gi, g in enumerate(gold):
        a, b = g.content[0][0], g.content[-1][1]
        over = [qi for qi, p in enumerate(preds) if any(_overlap(x, s) for x in p.segments for s in g.content)]
        rows.append(
            {
                "article": name,
                "kind": "gold",
                "start": a,
                "end": b,
                "text": " ... ".join(text[x:y] for x, y in g.content),
                "found": found_by[gi] is not None,
                "covered": covered[gi],
                "length": g.length,
                "source": " / ".join(text[x:y] for x, y in g.source),
                "overlapping": [quotes[qi].rule for qi in over if qi < len(quotes)],
            }
        )
    for qi, q in enumerate(quotes):
        rows.append(
            {
                "article": name,
                "kind": "prediction",
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "parts": [[x["start"], x["end"]] for x in getattr(q, "parts", None) or []],
                "paired": qi in used,
                "rule": q.rule,
                "cue": q.cue.text if q.cue else None,
                "speaker": q.speaker_mention.text if q.speaker_mention else None,
            }
        )
    return rows


# ---------------------------------------------------------------- command line

EPILOG = """\
examples:
  newsgraph eval polnear                      dev split, default pipeline
  newsgraph eval polnear --split train --limit 100 --worst 5
  newsgraph eval polnear --model md
  newsgraph eval polnear --split train --dump train.jsonl   every gold content and prediction, scored
  newsgraph eval polnear --split train --fold 1/2 --frames-model m0.json.gz
                                              score train's odd articles with frames learned on the even ones
  newsgraph eval polnear --confidence-model /nonexistent.json.gz   every record (no confidence model)

Content precision/recall/F1 and source accuracy as defined in docs/quotes.md (one-to-one
pairing; a prediction pairs with a gold Content segment when half of it lies inside).
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.epilog = EPILOG
    p.add_argument("--split", default="dev", help="train or dev (default dev)")
    p.add_argument(
        "--data",
        metavar="DIR",
        default=str(DEFAULT_DATA),
        help=f"PolNeAR folder with train/ and dev/ (default {DEFAULT_DATA})",
    )
    p.add_argument("--model", metavar="M", help="spaCy pipeline ('sm', 'md', a package or a path)")
    p.add_argument("--limit", type=int, metavar="N", help="score only the first N articles")
    p.add_argument(
        "--fold",
        metavar="I/K",
        help="score only articles whose index %% K == I (cross-validation "
        "of the learned quote frames, see docs/quotes.md)",
    )
    p.add_argument("--worst", type=int, default=10, metavar="K", help="list the K articles with lowest F1 (default 10)")
    p.add_argument(
        "--dump",
        metavar="FILE",
        help="write every gold content and every prediction, with how it "
        "scored, as JSON lines (for reading errors; use it on train)",
    )
    p.add_argument(
        "--frames-model",
        metavar="FILE",
        help="learned-frame model file instead of the shipped one "
        "(the quotes component's frames_model config; cross-validation, docs/quotes.md)",
    )
    p.add_argument(
        "--confidence-model",
        metavar="FILE",
        help="quote confidence model file instead of the shipped "
        "one (the quotes component's confidence_model config; a missing file: no model, every record kept)",
    )


def quotes_config(args) -> dict:
    """The quotes component's config from ``--frames-model`` and ``--confidence-model``."""
    cfg = {}
    if getattr(args, "frames_model", None):
        cfg["frames_model"] = str(args.frames_model)
    if getattr(args, "confidence_model", None):
        cfg["confidence_model"] = str(args.confidence_model)
    return {"newsgraph_quotes": cfg} if cfg else {}


def run(args) -> int:
    from ..article import Article
    from ..pipeline import ModelError, load_nlp, process

    try:
        arts = load_split(Path(args.data), args.split)
    except FileNotFoundError as e:
        print(f"newsgraph eval polnear: {e}", file=sys.stderr)
        return 2
    if args.fold:
        try:
            i, k = (int(x) for x in args.fold.split("/"))
        except ValueError:
            print(f"newsgraph eval polnear: --fold wants I/K such as 1/2, not {args.fold!r}", file=sys.stderr)
            return 2
        arts = [a for j, a in enumerate(arts) if j % k == i]
    if args.limit:
        arts = arts[: args.limit]
    try:
        nlp = load_nlp(args.model, config=quotes_config(args))
    except ModelError as e:
        print(f"newsgraph eval polnear: {e}", file=sys.stderr)
        return 2
    total = Score()
    per: list[tuple[float, str, Score]] = []
    t0 = time.time()
    articles = (Article(id=name, text=text, title=headline(text, name)) for name, text, _ in arts)
    failed = 0
    dump = open(args.dump, "w", encoding="utf-8") if getattr(args, "dump", None) else None
    for (name, text, gold), rec in zip(arts, process(articles, nlp)):
        if isinstance(rec, Exception):
            print(f"{name}: {rec}", file=sys.stderr)
            failed += 1
            preds = []
        else:
            preds = preds_from_record(rec)
        sc, found_by = score_article(preds, gold)
        total.add(sc)
        per.append((sc.f1, name, sc))
        if dump is not None:
            for row in dump_rows(name, text, gold, preds, found_by, [] if isinstance(rec, Exception) else rec.quotes):
                dump.write(json.dumps(row, ensure_ascii=False) + "\n")
    if dump is not None:
        dump.close()
    dt = time.time() - t0
    print(f"PolNeAR {args.split}: {len(arts)} articles, model {args.model or 'default'}, {dt:.0f}s")
    print(
        f"content  P {total.precision:.3f}  R {total.recall:.3f}  F1 {total.f1:.3f}   "
        f"(predictions {total.predictions}, paired {total.paired}, gold {total.gold}, found {total.found})"
    )
    print(
        f"source   accuracy {total.source_accuracy:.3f}   "
        f"({total.source_right} of {total.with_source} found contents with a gold Source)"
    )
    if args.worst:
        print(f"worst {args.worst} articles (lowest content F1):")
        for f1, name, sc in sorted(per, key=lambda x: (x[0], x[1]))[: args.worst]:
            print(
                f"  F1 {f1:.2f}  P {sc.precision:.2f}  R {sc.recall:.2f}  gold {sc.gold:3d}  "
                f"pred {sc.predictions:3d}  {name}"
            )
    return 1 if failed else 0
