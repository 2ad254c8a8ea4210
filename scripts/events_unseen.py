"""List the events a user sees on whole articles outside the event gold set, for a hand audit.

The articles are TimeBank 1.2 news documents (``../shared/data/timebank/TimeBank``: every sixth
file in name order, 31 texts, much business and finance); none is in gold/events (GeoWebNews and
PolNeAR articles are). Each text is the document's TEXT element with the TimeML tags removed,
published on its creation date. Every event at or above the confidence threshold is listed
(flagged ones too, with their flags: the pretty view shows them, exports leave them out):

    article  trigger  sentence  type  actor  recipient  flags  confidence  rule

    .venv/bin/python scripts/events_unseen.py > /tmp/unseen.tsv

The judged table is docs/audits/events-unseen-2026-12-06.tsv (issue 10, round 9).

With ``--polnear`` the articles are political: PolNeAR train texts
(``../shared/data/polnear/train/text``: every 56th file in name order, 15 US political news
articles of 2015-16, dated from the file name). The event gold set holds only PolNeAR dev
articles, so none of these is in it:

    .venv/bin/python scripts/events_unseen.py --polnear > /tmp/unseen-pol.tsv

The judged table is docs/audits/events-unseen-political-2026-12-06.tsv (issue 10, round 10).

``--offset N`` starts at the N-th file, for a new sample (round 11: ``--polnear --offset 23 --step 20``,
41 articles, judged in docs/audits/events-unseen-political-round11.tsv; offsets 7, 13 and 17 with
step 20 were read for the changed events only; TimeBank ``--offset 1``, ``3`` and ``5``). With step
20, offsets that differ by a multiple of 20 draw the same files, so an offset at or above the step
is refused (round 21 found that the "fresh" offsets 20-37 of rounds 19-21 were offsets 0-17 again:
every PolNeAR train article at step 20 has been read; TimeBank offsets 2 and 4 were round 21's
blind audit).
"""

from __future__ import annotations

import argparse
import csv
import html
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMEBANK = ROOT.parent / "shared" / "data" / "timebank" / "TimeBank"
POLNEAR_TRAIN = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"


def polnear_articles(step: int = 56, offset: int = 0):
    from newsgraph.article import Article

    for f in sorted(POLNEAR_TRAIN.glob("*.txt"))[offset::step]:
        d = re.search(r"_(\d{4}-\d\d-\d\d)_", f.name)
        yield Article(id=f.stem, text=f.read_text(encoding="utf-8"), published=d.group(1) if d else None)


def articles(step: int = 6, offset: int = 0):
    from newsgraph.article import Article

    for f in sorted(TIMEBANK.glob("*.tml"))[offset::step]:
        t = f.read_text(encoding="utf-8")
        m = re.search(r"<TEXT>(.*)</TEXT>", t, re.S)
        if m is None:
            continue
        body = html.unescape(re.sub(r"<[^>]+>", "", m.group(1))).strip()
        d = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d\d-\d\d)', t) or re.search(
            r'value="(\d{4}-\d\d-\d\d)[^"]*"[^>]*functionInDocument="CREATION_TIME"', t
        )
        yield Article(id=f.stem, text=body + "\n", published=d.group(1) if d else None)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--step", type=int, default=None, help="every STEP-th file (default 6; 56 with --polnear)")
    ap.add_argument(
        "--offset",
        type=int,
        default=0,
        help="start at the OFFSET-th file (a new sample: --polnear --offset 23 --step 40)",
    )
    ap.add_argument("--polnear", action="store_true", help="PolNeAR train articles (political) instead of TimeBank")
    args = ap.parse_args(argv)
    step = args.step or (56 if args.polnear else 6)
    if args.offset >= step:
        # round 21: offsets 20-37 with step 20 were taken for fresh samples; they were offsets 0-17 again
        ap.error(
            f"--offset {args.offset} with --step {step} draws the files of --offset {args.offset % step} "
            f"(less the first {args.offset // step}): not a new sample; use an offset below the step"
        )
    from newsgraph.pipeline import extract_one, load_nlp
    from newsgraph.thresholds import event_passes

    nlp = load_nlp()
    # (csv quoting: a sentence may open with a quotation mark, which a reader would take for a
    # quoted field running on over the next lines)
    w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    w.writerow(["article", "trigger", "sentence", "type", "actor", "recipient", "flags", "confidence", "rule"])
    arts = polnear_articles(step, args.offset) if args.polnear else articles(step, args.offset)
    for art in arts:
        rec = extract_one(nlp, art)
        if isinstance(rec, Exception):
            print(f"{art.id}: {rec}", file=sys.stderr)
            continue
        ents = {e.id: e.name for e in rec.entities}
        for e in rec.events:
            if not event_passes(e.confidence):
                continue
            flags = ",".join(f for f in ("negated", "hypothetical", "future") if getattr(e, f))
            sent = rec.text[e.sentence.start : e.sentence.end]
            sent = " ".join(sent.split())
            # the entity's name, else the words that name the party in the sentence (round 13:
            # a recipient "Republicans" with no entity showed as its bare country)
            am, rm = e.actor_mention, e.recipient_mention
            a = ents.get(e.actor) or (f"'{am.text}'" if am else None) or e.actor_country or "?"
            r = ents.get(e.recipient) or (f"'{rm.text}'" if rm else None) or e.recipient_country or "-"
            row = [art.id, e.trigger.text, sent, e.type, f"{a} ({e.actor_country})", f"{r} ({e.recipient_country})"]
            w.writerow(row + [flags, f"{e.confidence:.2f}", e.rule])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
