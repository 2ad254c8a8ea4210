"""Extraction throughput as a ratio of bare spaCy ``nlp.pipe`` on the same texts, same run.

    .venv/bin/python benchmarks/extract_speed.py                 # PolNeAR dev texts
    .venv/bin/python benchmarks/extract_speed.py --corpus all    # every real article in ../shared/data
    .venv/bin/python benchmarks/extract_speed.py --model md --rounds 3

Bare = the spaCy pipeline alone (newsgraph components disabled). Full = ``newsgraph.pipeline.process``
with every newsgraph component, building the records and serialising them to JSON, as
``newsgraph extract`` does. Rounds alternate bare and full so drift on a shared machine hits both;
the ratio is full/bare articles per second (1.0 = newsgraph adds nothing). Prints articles/s,
words/s, the per-component share of the time, and peak RSS. One process (no multiprocessing).
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def load_texts(corpus: str, limit: int | None) -> list[str]:
    texts: list[str] = []
    if corpus in ("polnear-dev", "all"):
        texts += [p.read_text(encoding="utf-8") for p in sorted((DATA / "polnear/dev/text").glob("*.txt"))]
    if corpus == "all":
        texts += [p.read_text(encoding="utf-8") for p in sorted((DATA / "polnear/train/text").glob("*.txt"))]
        gwn = (DATA / "geowebnews/GWN.xml").read_text(encoding="utf-8")
        texts += [re.sub(r"\s+", " ", t) for t in re.findall(r"<text>(.*?)</text>", gwn, re.S)]
        for p in sorted((DATA / "timebank").rglob("*.tml")):
            m = re.search(r"<TEXT>(.*?)</TEXT>", p.read_text(encoding="utf-8"), re.S)
            if m:
                texts.append(re.sub(r"<[^>]+>", "", m.group(1)))
    if corpus == "samples":
        from newsgraph.samples import sample_articles

        texts = [a["text"] for a in sample_articles()]
    texts = [t for t in texts if t.strip()]
    return texts[:limit] if limit else texts


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", choices=["polnear-dev", "all", "samples"], default="polnear-dev")
    ap.add_argument("--limit", type=int, help="first N texts only")
    ap.add_argument("--model", default=None, help="spaCy pipeline (default: newsgraph's default)")
    ap.add_argument("--rounds", type=int, default=2, help="alternating bare/full rounds (median reported)")
    ap.add_argument("--batch-size", type=int, default=64)
    args = ap.parse_args()

    from newsgraph.article import Article
    from newsgraph.extractors import COMPONENTS
    from newsgraph.pipeline import load_nlp, process

    texts = load_texts(args.corpus, args.limit)
    if not texts:
        print(f"no texts found for corpus {args.corpus!r} under {DATA}", file=sys.stderr)
        return 2
    words = sum(len(t.split()) for t in texts)
    rss0 = peak_rss_mb()
    t0 = time.perf_counter()
    nlp = load_nlp(args.model)
    load_s = time.perf_counter() - t0
    ours = [n for n in nlp.pipe_names if n in COMPONENTS]
    articles = [Article(id=str(i), text=t, published="2024-01-15") for i, t in enumerate(texts)]

    # warm up: lazy data (gazetteer, lexicons) loads here, not inside the timed rounds
    for _ in process(articles[:3], nlp):
        pass
    rss_warm = peak_rss_mb()

    bare_times, full_times = [], []
    comp_time = {n: 0.0 for n in ours}
    for _ in range(args.rounds):
        with nlp.select_pipes(disable=ours):
            t = time.perf_counter()
            for _doc in nlp.pipe(texts, batch_size=args.batch_size):
                pass
            bare_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        n_ok = 0
        for rec in process(articles, nlp, batch_size=args.batch_size):
            if not isinstance(rec, Exception):
                json.dumps(rec.to_dict(), ensure_ascii=False)
                n_ok += 1
        full_times.append(time.perf_counter() - t)

    rss_rounds = peak_rss_mb()  # before the per-component pass below, which holds every Doc at once

    # per-component share: time each newsgraph component alone on parsed docs (one pass)
    with nlp.select_pipes(disable=ours):
        docs = list(nlp.pipe(texts, batch_size=args.batch_size))
    from newsgraph.pipeline import make_doc  # noqa: F401  (docs above carry no published date)

    for d in docs:
        d._.published = "2024-01-15"
    comps = [(name, nlp.get_pipe(name)) for name in ours]
    for d in docs:  # Doc by Doc, every component in turn, as nlp.pipe runs them (doc_cache keeps one Doc)
        for name, comp in comps:
            t = time.perf_counter()
            comp(d)
            comp_time[name] += time.perf_counter() - t

    bare, full = statistics.median(bare_times), statistics.median(full_times)
    ratios = [b / f for b, f in zip(bare_times, full_times)]
    print(
        f"texts: {len(texts)} ({args.corpus}), words: {words:,}, model: {nlp.meta.get('name')} "
        f"{nlp.meta.get('version')}, components: {', '.join(ours) or '(none)'}"
    )
    print(f"pipeline load: {load_s:.1f} s; rounds: {args.rounds}; articles extracted: {n_ok}/{len(texts)}")
    print(f"bare nlp.pipe : {len(texts) / bare:7.1f} articles/s  {words / bare:8.0f} words/s  (median {bare:.2f} s)")
    print(f"newsgraph     : {len(texts) / full:7.1f} articles/s  {words / full:8.0f} words/s  (median {full:.2f} s)")
    print(
        f"ratio full/bare throughput: {statistics.median(ratios):.3f} "
        f"(per round: {', '.join(f'{r:.3f}' for r in ratios)})"
    )
    total_comp = sum(comp_time.values())
    for name, s in comp_time.items():
        print(f"  {name:22s} {s:6.2f} s  ({100 * s / bare:5.1f}% of bare spaCy time)")
    print(f"  {'all components':22s} {total_comp:6.2f} s")
    print(
        f"peak RSS during the timed rounds: {rss_rounds:.0f} MB (at start {rss0:.0f} MB, after load+warm-up "
        f"{rss_warm:.0f} MB; {peak_rss_mb():.0f} MB once the per-component pass held all Docs)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
