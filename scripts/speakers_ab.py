"""Before/after of the speaker round 13 rules on PolNeAR, on the same parses.

Each text is parsed once with spaCy; newsgraph's components then run twice on a copy of the
Doc, with every rule of ``entities.SPEAKER_RULES_OFF`` switched off and with none, and both runs are
scored as ``newsgraph eval polnear`` scores. Every record whose speaker, mention, cue type,
confidence or rule differs is written as one JSON line (for reading the changes).

    nice -n 10 .venv/bin/python scripts/speakers_ab.py --split train -o /tmp/ab-train.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RULES = {
    "continue-quoted",
    "quoted-word",
    "it-continues",
    "cross-para",
    "family",
    "first-gender",
    "role-first-name",
    "group-words",
}
# the group words round 13 added to data/en/quotes/speakers.tsv (switched off with "group-words")
NEW_GROUP = set("listeners viewers readers fans followers constituents donors critics detractors".split())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "polnear"))
    ap.add_argument("--split", default="train")
    ap.add_argument("--limit", type=int)
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args(argv)

    from newsgraph.article import Article
    from newsgraph.eval.polnear import Score, headline, load_split, preds_from_record, score_article
    from newsgraph.extractors import entities as E
    from newsgraph.extractors import speakers as S
    from newsgraph.pipeline import load_nlp, make_doc, record_from_doc

    words = S._words

    def _words(cls: str) -> frozenset:
        w = words(cls)
        return w - NEW_GROUP if cls == "group" and "group-words" in E.SPEAKER_RULES_OFF else w

    S._words = _words  # type: ignore[assignment]
    arts = load_split(Path(args.data), args.split)[: args.limit]
    nlp = load_nlp()
    ours = [n for n in nlp.pipe_names if n.startswith("newsgraph")]
    base = [n for n in nlp.pipe_names if n not in ours]
    total = {"off": Score(), "on": Score()}
    t0 = time.time()
    articles = [Article(id=n, text=t, title=headline(t, n)) for n, t, _ in arts]
    with open(args.output, "w", encoding="utf-8") as out, nlp.select_pipes(enable=base):
        parsed = nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=16)
        for (name, text, gold), art, doc in zip(arts, articles, parsed):
            seen = {}
            for mode in ("off", "on"):
                E.SPEAKER_RULES_OFF.clear()
                if mode == "off":
                    E.SPEAKER_RULES_OFF.update(RULES)
                d = doc.copy()
                for n in ours:
                    d = nlp.get_pipe(n)(d)
                rec = record_from_doc(d, art, nlp)
                sc, _ = score_article(preds_from_record(rec), gold)
                total[mode].add(sc)
                names = {e.id: e.name for e in rec.entities}
                seen[mode] = {
                    (q.start, q.end): (
                        names.get(q.speaker),
                        q.speaker_mention.text if q.speaker_mention else None,
                        q.cue_type,
                        q.confidence,
                        q.rule,
                    )
                    for q in rec.quotes
                }
            for k in sorted(set(seen["off"]) | set(seen["on"])):
                before, after = seen["off"].get(k), seen["on"].get(k)
                if before != after:
                    row = {"art": name, "span": k, "text": text[k[0] : k[1]][:120], "off": before, "on": after}
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
    E.SPEAKER_RULES_OFF.clear()
    for mode in ("off", "on"):
        t = total[mode]
        print(
            f"round 13 {mode}: P {t.precision:.4f} R {t.recall:.4f} F1 {t.f1:.4f} (predictions {t.predictions}, "
            f"paired {t.paired}, gold {t.gold}, found {t.found}) source {t.source_accuracy:.4f} "
            f"({t.source_right} of {t.with_source})"
        )
    print(f"{time.time() - t0:.0f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
