"""Learn the frame table of newsgraph_quotes from PolNeAR *train* annotations.

For every word that could be a cue (verb, noun, predicate adjective) where the hand-written
rules make no record, and for each of its dependents that could hold content (clause,
infinitive, object, ``that``/``to`` clause of a noun, a preposition's object), count how often
that dependent, taken as content, matches an annotated attribution with that word in its cue.
Writes ``src/newsgraph/data/quotes/learned_frames.tsv``: class, lemma, frame, right, seen.

    .venv/bin/python scripts/learn_quote_frames.py              # all of train (about 5 min)
    .venv/bin/python scripts/learn_quote_frames.py --fold 0/2   # articles 0, 2, 4, ... only

Only the train split is read; dev stays for reporting. The table holds counts, not text.
"""
from __future__ import annotations

import argparse
import bisect
import re
import sys
from collections import Counter
from pathlib import Path

from newsgraph.eval import polnear as P
from newsgraph.extractors import quotes as Q

OUT = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "data" / "quotes" / "learned_frames.tsv"


def gold_with_cues(ann_text: str) -> list[tuple[list, list]]:
    """(cue segments, content segments) of each attribution in a BRAT file."""
    spans, events = {}, []
    for line in ann_text.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            try:
                spans[parts[0]] = P._spans(parts[1].partition(" ")[2])
            except ValueError:
                pass
        elif line.startswith("E") and len(parts) >= 2:
            roles = {}
            for item in parts[1].split():
                r, _, ref = item.partition(":")
                roles.setdefault(r, ref)
            events.append(roles)
    return [(spans.get(r.get("Cue", ""), []), sorted(spans[r["Content"]])) for r in events
            if r.get("Content") in spans]


def matches(content: tuple[int, int], gold_content: list) -> bool:
    a, b = content
    glen = sum(y - x for x, y in gold_content)
    for x, y in gold_content:
        ov = max(0, min(b, y) - max(a, x))
        if ov > 0 and 2 * ov >= (b - a) and 2 * ov >= glen:
            return True
    return False


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(P.DEFAULT_DATA), help="PolNeAR folder")
    ap.add_argument("--fold", default=None, help="I/K: learn only from articles whose index %% K == I")
    ap.add_argument("--docbin", default=None, help="parsed train articles (spaCy DocBin) to skip parsing")
    ap.add_argument("-o", "--output", default=str(OUT))
    args = ap.parse_args(argv)
    data = Path(args.data)
    arts = P.load_split(data, "train")
    from newsgraph.pipeline import load_nlp
    nlp = load_nlp(components=["newsgraph_entities"])
    if args.docbin:
        from spacy.tokens import DocBin
        docs = DocBin().from_disk(args.docbin).get_docs(nlp.vocab)
        docs = (nlp.get_pipe("newsgraph_entities")(d) for d in docs)
    else:
        docs = nlp.pipe((t for _, t, _ in arts), batch_size=32)
    keep = None
    if args.fold:
        i, k = (int(x) for x in args.fold.split("/"))
        keep = {n for j, (n, _, _) in enumerate(arts) if j % k == i}
    adir = data / "train" / "attributions"
    seen, right = Counter(), Counter()
    for (name, text, _), doc in zip(arts, docs):
        if keep is not None and name not in keep:
            continue
        ann = P.first_annotator(adir.glob(name + "_*.ann"))
        gold = gold_with_cues(ann.read_text(encoding="utf-8")) if ann else []
        breaks = [(m.start(), m.end()) for m in re.finditer(r"\n+", text)]
        newlines, ends = [a for a, _ in breaks], [b for _, b in breaks]
        for tok, k, whole, sent in Q._token_contexts(doc, newlines, ends):
            cls = Q.frame_class(tok)
            if cls is None:
                continue
            frames = Q.frames_at(tok)
            if not frames or any(c.content for c in Q._rule_cands(doc, text, tok, k, whole, sent)):
                continue
            cued = [g for cue, g in gold if any(a <= tok.idx < b for a, b in cue)]
            for frame in frames:
                c = Q.frame_cand(doc, text, tok, frame, sent)
                if c is None or c.content is None:
                    continue
                key = (cls, tok.lemma_.lower(), frame)
                seen[key] += 1
                if any(matches(c.content, g) for g in cued):
                    right[key] += 1
    rows = sorted((k for k in seen if right[k] > 0), key=lambda k: (-right[k], k))
    with open(args.output, "w", encoding="utf-8") as f:
        f.write("# Learned by scripts/learn_quote_frames.py from PolNeAR train annotations (Newell et al.,\n"
                "# LREC 2018); counts only. class (V verb, N noun, A adjective)\tlemma\tframe\tright\tseen\n")
        for k in rows:
            f.write(f"{k[0]}\t{k[1]}\t{k[2]}\t{right[k]}\t{seen[k]}\n")
    print(f"{len(rows)} frames with at least one match ({sum(seen.values())} candidates, "
          f"{sum(right.values())} matching) -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
