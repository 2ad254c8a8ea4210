"""Before/after of a speaker round's rules on PolNeAR, on the same parses (``--round``: 21, 20, 18, 17, 16, 15, 14 or 13).

Each text is parsed once with spaCy; newsgraph's components then run twice on a copy of the
Doc, with every rule of ``entities.SPEAKER_RULES_OFF`` switched off and with none, and both runs are
scored as ``newsgraph eval polnear`` scores. Every record whose speaker, mention, cue type,
confidence or rule differs is written as one JSON line (for reading the changes).

    nice -n 10 .venv/bin/python scripts/speakers_ab.py --split train -o /tmp/ab-train.jsonl

``--docbin FILE`` keeps the spaCy parses: read from FILE when it exists (and holds the same
texts), else parsed and written there, so a second run skips the parse.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROUND13 = {
    "continue-quoted",
    "quoted-word",
    "it-continues",
    "cross-para",
    "family",
    "first-gender",
    "role-first-name",
    "group-words",
}
ROUND14 = {
    "continued-quotation",
    "asked-passive",
    "asker",
    "first-names",
    "division-fit",
    "acronym",
    "entity-name",
    "gender-clash",
    "publisher-body",
    "possessor-subject",
    "hashtag",
    "apostrophe-name",
}
ROUND15 = {
    "quote-pairs",
    "name-after-quotation",
    "participle-subject",
    "name-colon",
    "lede-description",
    "description-subject",
    "quotation-follows",
    "office-word",
    "source-modifier",
    "it-document",
}
ROUND16 = {
    "conj-content",
    "cite-conj",
    "opening-name",
    "it-sent",
    "coord-entourage",
    "quoted-description",
    "added-unnamed",
    "kin-friend",
}
ROUND17 = {
    "age-description",
    "owner-phrase",
    "group-prep",
    "they-unnamed",
    "modal-name",
    "participle-outer",
    "relcl-name",
    "body-title-name",
    "the-acronym",
    "opening-bracket",
}
ROUND18 = {"obtained18", "title-name18", "it-passive18", "after-report18", "opening-phrase18", "own-cue18"}
ROUND20 = {"described20", "conj-subject20", "prev-act20", "go-on-gender20", "inversion20"}
ROUND21 = {"cue-first21", "first-told21", "go-on-named21", "set-off21", "two-named21"}
ROUNDS = {13: ROUND13, 14: ROUND14, 15: ROUND15, 16: ROUND16, 17: ROUND17, 18: ROUND18, 20: ROUND20, 21: ROUND21}
# the group words round 13 added to data/en/quotes/speakers.tsv (switched off with "group-words")
NEW_GROUP = set("listeners viewers readers fans followers constituents donors critics detractors".split())
# the group words round 16 added (switched off with "kin-friend")
NEW_GROUP16 = set(
    "friend friends relative relatives neighbor neighbors neighbour neighbours colleague colleagues family".split()
)
# the group words round 17 added (switched off with "group-prep")
NEW_GROUP17 = {"strategists", "consultants"}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "polnear"))
    ap.add_argument("--split", default="train")
    ap.add_argument("--limit", type=int)
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--round", type=int, default=18, choices=sorted(ROUNDS))
    ap.add_argument("--docbin", help="saved parses (read when present, else written)")
    ap.add_argument("--rules", help="switch only these of the round's rules (comma-separated names)")
    args = ap.parse_args(argv)

    from newsgraph.article import Article
    from newsgraph.eval.polnear import Score, headline, load_split, preds_from_record, score_article
    from newsgraph.extractors import entities as E
    from newsgraph.extractors import speakers as S
    from newsgraph.pipeline import load_nlp, record_from_doc

    words = S._words

    def _words(cls: str) -> frozenset:
        w = words(cls)
        if cls == "group" and "office-word" in E.SPEAKER_RULES_OFF:
            w = w - {"office"}  # (round 15's group word)
        if cls == "group" and "kin-friend" in E.SPEAKER_RULES_OFF:
            w = w - NEW_GROUP16  # (round 16's)
        if cls == "group" and "group-prep" in E.SPEAKER_RULES_OFF:
            w = w - NEW_GROUP17  # (round 17's)
        return w - NEW_GROUP if cls == "group" and "group-words" in E.SPEAKER_RULES_OFF else w

    S._words = _words  # type: ignore[assignment]
    arts = load_split(Path(args.data), args.split)[: args.limit]
    nlp = load_nlp()
    ours = [n for n in nlp.pipe_names if n.startswith("newsgraph")]
    base = [n for n in nlp.pipe_names if n not in ours]
    total = {"off": Score(), "on": Score()}
    t0 = time.time()
    articles = [Article(id=n, text=t, title=headline(t, n)) for n, t, _ in arts]
    RULES = set(args.rules.split(",")) if args.rules else ROUNDS[args.round]
    with open(args.output, "w", encoding="utf-8") as out, nlp.select_pipes(enable=base):
        parsed = _parses(nlp, articles, args.docbin)
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
            f"round {args.round} {mode}: P {t.precision:.4f} R {t.recall:.4f} F1 {t.f1:.4f} (predictions {t.predictions}, "
            f"paired {t.paired}, gold {t.gold}, found {t.found}) source {t.source_accuracy:.4f} "
            f"({t.source_right} of {t.with_source})"
        )
    print(f"{time.time() - t0:.0f}s", file=sys.stderr)
    return 0


def _parses(nlp, articles, docbin):
    """The articles' Docs with spaCy's own pipes only: from ``docbin`` when it holds the same
    texts, else parsed (and saved there when given)."""
    from spacy.tokens import DocBin

    from newsgraph.pipeline import make_doc

    if docbin and Path(docbin).exists():
        docs = list(DocBin().from_disk(docbin).get_docs(nlp.vocab))
        if len(docs) == len(articles) and all(d.text == make_doc(nlp, a).text for d, a in zip(docs, articles)):
            for d, a in zip(docs, articles):
                d._.published, d._.title = a.published, a.title
            return docs
    docs = list(nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=16))
    if docbin:
        DocBin(docs=docs).to_disk(docbin)
    return docs


if __name__ == "__main__":
    sys.exit(main())
