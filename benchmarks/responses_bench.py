"""What linking responses costs at ingest, against the whole extraction of the same articles.

    .venv/bin/python benchmarks/responses_bench.py --n 200

Runs the pipeline once over the first ``--n`` PolNeAR train texts of ../shared/data (timed: the
whole extraction, responses included), then times the response engine alone
(``newsgraph.responses.link_responses``) ``--repeat`` times over the same quotes, entities and
sentences, and prints both per article. A benchmark, not a test; note the load average when
quoting it (docs/responses.md).
"""

from __future__ import annotations

import argparse
import copy
import os
import time

from newsgraph.article import Article
from newsgraph.eval.goldset import shared_data
from newsgraph.pipeline import load_nlp, make_doc, record_from_doc
from newsgraph.responses import link_responses


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    files = sorted((shared_data() / "polnear" / "train" / "text").glob("*.txt"))[: args.n]
    arts = [Article(id=f.stem, text=f.read_text(encoding="utf-8")) for f in files]
    nlp = load_nlp(None)
    t0 = time.perf_counter()
    docs = [make_doc(nlp, a) for a in arts]
    recs = []
    for doc, a in zip(nlp.pipe(docs, batch_size=32), arts):
        rec = record_from_doc(doc, a, nlp).to_dict()
        recs.append((rec, [(s.start_char, s.end_char) for s in doc.sents]))
    extract = time.perf_counter() - t0
    best = None
    links = 0
    for _ in range(args.repeat):
        work = [(copy.deepcopy(r["quotes"]), r["entities"], r["text"], s) for r, s in recs]
        t = time.perf_counter()
        links = sum(link_responses(text, quotes, ents, sents) for quotes, ents, text, sents in work)
        el = time.perf_counter() - t
        best = el if best is None else min(best, el)
    n = len(recs)
    print(f"{n} articles, load average {os.getloadavg()[0]:.1f}")
    print(f"extraction (whole pipeline): {1000 * extract / n:.1f} ms an article")
    print(f"responses alone (best of {args.repeat}): {1000 * best / n:.2f} ms an article, {links} links")
    print(f"share of the extraction: {100 * best / extract:.2f}%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
