"""CPU time of each newsgraph component on Docs parsed once (spaCy's own time out of the measure),
and a dump of every record, to show a speed change leaves the output byte-identical.

    .venv/bin/python benchmarks/component_time.py parse /tmp/docs.spacy --limit 200   # PolNeAR train
    .venv/bin/python benchmarks/component_time.py run /tmp/docs.spacy --rounds 3 --dump /tmp/a.jsonl
    .venv/bin/python benchmarks/component_time.py run /tmp/docs.spacy --profile /tmp/prof.out

``parse`` runs the spaCy pipeline alone (newsgraph components disabled) on the first N texts
(sorted file names) and saves the Docs as a DocBin. ``run`` loads them, runs every newsgraph
component in order on every Doc, and prints each component's CPU time (``time.process_time``,
the least of ``--rounds`` rounds: on a loaded machine CPU time varies far less than wall-clock);
``--dump`` writes each article's record as a JSON line (``record_from_doc``), ``--profile`` a
cProfile of one round of the components.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
PUBLISHED = "2016-06-01"


def parse(out: Path, limit: int, corpus: str) -> None:
    from spacy.tokens import DocBin

    from newsgraph.article import Article
    from newsgraph.extractors import COMPONENTS
    from newsgraph.pipeline import load_nlp, make_doc

    paths = sorted((DATA / f"polnear/{corpus}/text").glob("*.txt"))[:limit]
    nlp = load_nlp()
    ours = [n for n in nlp.pipe_names if n in COMPONENTS]
    arts = [Article(id=p.stem, text=p.read_text(encoding="utf-8"), published=PUBLISHED) for p in paths]
    db = DocBin(store_user_data=False)
    with nlp.select_pipes(disable=ours):
        for doc in nlp.pipe(make_doc(nlp, a) for a in arts):
            db.add(doc)
    out.write_bytes(db.to_bytes())
    (out.with_suffix(".ids.json")).write_text(json.dumps([a.id for a in arts]))
    print(f"{len(arts)} Docs -> {out}")


def run(path: Path, rounds: int, dump: Path | None, profile: Path | None) -> None:
    from spacy.tokens import DocBin

    from newsgraph.article import Article
    from newsgraph.extractors import COMPONENTS
    from newsgraph.pipeline import load_nlp, record_from_doc

    nlp = load_nlp()
    ours = [n for n in nlp.pipe_names if n in COMPONENTS]
    comps = [(n, nlp.get_pipe(n)) for n in ours]
    ids = json.loads(path.with_suffix(".ids.json").read_text())
    data = path.read_bytes()

    def fresh():
        docs = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
        for d in docs:
            d._.published = PUBLISHED
        return docs

    # warm up: lazy tables (gazetteer, lexicons) load here, not inside the timed rounds
    for d in fresh()[:3]:
        for _, c in comps:
            c(d)
    best = {n: float("inf") for n in ours}
    docs = []
    for _ in range(rounds):
        docs = fresh()
        spent = dict.fromkeys(ours, 0.0)
        for d in docs:  # Doc by Doc, every component on one Doc in turn, as nlp.pipe runs them
            for n, c in comps:
                t = time.process_time()
                c(d)
                spent[n] += time.process_time() - t
        for n in ours:
            best[n] = min(best[n], spent[n])
    total = sum(best.values())
    print(f"{len(docs)} Docs, {sum(len(d) for d in docs):,} tokens; CPU s, least of {rounds} round(s)")
    for n in ours:
        print(f"  {n:22s} {best[n]:7.2f} s")
    print(f"  {'all components':22s} {total:7.2f} s")
    if dump:
        with dump.open("w", encoding="utf-8") as f:
            for i, d in zip(ids, docs):
                art = Article(id=i, text=d.text, published=PUBLISHED)
                f.write(json.dumps(record_from_doc(d, art).to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
        print(f"records -> {dump}")
    if profile:
        docs = fresh()
        pr = cProfile.Profile()
        pr.enable()
        for d in docs:
            for _, c in comps:
                c(d)
        pr.disable()
        pr.dump_stats(str(profile))
        print(f"profile -> {profile}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("parse")
    p.add_argument("out", type=Path)
    p.add_argument("--limit", type=int, default=200)
    p.add_argument("--corpus", default="train")
    r = sub.add_parser("run")
    r.add_argument("docs", type=Path)
    r.add_argument("--rounds", type=int, default=3)
    r.add_argument("--dump", type=Path)
    r.add_argument("--profile", type=Path)
    args = ap.parse_args()
    if args.cmd == "parse":
        parse(args.out, args.limit, args.corpus)
    else:
        run(args.docs, args.rounds, args.dump, args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
