"""Story lookup on a large store: how long finding the story of a new article takes.

Builds a synthetic SQLite store of N articles (default 100,000) over a year, with the story
tables filled as ingest fills them (one row per article and term in ``story_terms``, its
story in ``story_articles``): articles are drawn from synthetic happenings (each a set of rare
terms and names, told by 1-20 articles over a few days) plus common background terms and names
(Zipf-distributed vocabularies; 50 words and 25 actor terms an article, as in real articles), so that posting lists have realistic lengths (a common term is in hundreds of
articles of a week). Then it times ``Store.find_story`` (the engine of newsgraph.stories on the
store's inverted index: window counts, postings, cosine) for new articles of existing
happenings and of new ones, and reports the median and 95th percentile.

    .venv/bin/python benchmarks/story_bench.py                   # 100,000 articles
    .venv/bin/python benchmarks/story_bench.py --articles 20000 --lookups 500
    .venv/bin/python benchmarks/story_bench.py --db PATH --keep   # lookups only, on a store built before

A benchmark, not a test. Note the machine's load (printed) next to the figures.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select

from newsgraph.store import open_store
from newsgraph.store import schema as S

VOCAB = 60_000
TERMS_PER_ARTICLE = 50  # word terms (real articles of the gold set: 47 median, 63 at most)
NAMES_PER_ARTICLE = 25  # actor and place terms (real: 24 median, 40 at most)
NAME_VOCAB = 30_000


def zipf_term(rng: random.Random) -> str:
    # rank ~ Pareto: a few terms very common, most rare
    r = int(rng.paretovariate(1.1)) % VOCAB
    return f"w{r}"


def zipf_name(rng: random.Random) -> str:
    r = int(rng.paretovariate(1.1)) % NAME_VOCAB
    return f"a:n{r}"


def article_terms(rng: random.Random, core: list[str], core_names: list[str]) -> tuple[dict, dict]:
    """(words, names) of one synthetic article: 5 of its happening's 8 core words and 3 of its 4
    core names, the rest drawn from the Zipf vocabularies."""
    words = {t: 2.0 for t in rng.sample(core, 5)}
    while len(words) < TERMS_PER_ARTICLE:
        words.setdefault(zipf_term(rng), 1.0)
    names = {t: 2.0 for t in rng.sample(core_names, 3)}
    while len(names) < NAMES_PER_ARTICLE:
        names.setdefault(zipf_name(rng), 1.0)
    return words, names


def build(path: str, n: int, seed: int = 7):
    rng = random.Random(seed)
    start = date(2024, 1, 1)
    store = open_store(path)
    eng = store.engine
    arts, links, terms, story_rows = [], [], [], []
    first_days: dict[int, str] = {}
    aid = 0
    sid = 0
    t0 = time.perf_counter()
    while aid < n:
        sid += 1
        size = min(n - aid, rng.choice([1, 1, 1, 1, 2, 2, 3, 5, 8, 20]))
        day0 = start + timedelta(days=rng.randrange(365))
        core = [f"s{sid}x{i}" for i in range(8)]
        core_names = [f"a:s{sid}n{i}" for i in range(4)]
        first = last = None
        for _ in range(size):
            aid += 1
            day = (day0 + timedelta(days=rng.randrange(3))).isoformat()
            first = min(first or day, day)
            last = max(last or day, day)
            words, names = article_terms(rng, core, core_names)
            wnorm = sum(w * w for w in words.values()) ** 0.5 * 3.0
            nnorm = sum(w * w for w in names.values()) ** 0.5 * 3.0
            arts.append(
                {
                    "id": aid,
                    "key": f"a{aid}",
                    "text_hash": f"{aid:064x}",
                    "title": f"article {aid}",
                    "published": day,
                    "source": f"outlet{aid % 40}",
                    "text": "x",
                    "ingested_at": "2024",
                    "record_json": "{}",
                }
            )
            links.append({"article_id": aid, "story_id": sid, "day": day, "rule": "synthetic"})
            terms.extend(
                {"term": t, "day": day, "article_id": aid, "story_id": sid, "weight": w, "norm": wnorm}
                for t, w in words.items()
            )
            terms.extend(
                {"term": t, "day": day, "article_id": aid, "story_id": sid, "weight": w, "norm": nnorm}
                for t, w in names.items()
            )
        first_days[sid] = first
        story_rows.append(
            {"id": sid, "title": f"story {sid}", "first_day": first, "last_day": last, "n_articles": size}
        )
        if len(terms) > 200_000 or aid >= n:
            with eng.begin() as conn:
                conn.execute(insert(S.articles), arts)
                conn.execute(insert(S.stories), story_rows)
                conn.execute(insert(S.story_articles), links)
                conn.execute(insert(S.story_terms), terms)
            arts, links, terms, story_rows = [], [], [], []
            print(f"  {aid} articles stored ({time.perf_counter() - t0:.0f} s)", file=sys.stderr, flush=True)
    with eng.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    return store, first_days


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--lookups", type=int, default=300)
    ap.add_argument("--db", help="store path (default: a temporary file, rebuilt)")
    ap.add_argument(
        "--keep", action="store_true", help="time the lookups on the store --db already holds (built by a run before)"
    )
    args = ap.parse_args()
    path = args.db or str(Path(tempfile.mkdtemp(prefix="story-bench-")) / "stories.db")
    print(f"load before: {os.getloadavg()}")
    if args.keep and os.path.exists(path):
        store = open_store(path)
        with store.engine.connect() as conn:
            first_days = dict(conn.execute(select(S.stories.c.id, S.stories.c.first_day)).fetchall())
            args.articles = conn.execute(select(func.count()).select_from(S.story_articles)).scalar_one()
        print(f"kept {args.articles} articles, {len(first_days)} stories ({path})")
    else:
        if os.path.exists(path):
            os.remove(path)
        t0 = time.perf_counter()
        store, first_days = build(path, args.articles)
        print(f"built {args.articles} articles, {len(first_days)} stories in {time.perf_counter() - t0:.0f} s ({path})")
    n_stories = len(first_days)
    rng = random.Random(11)
    times, joined = [], 0
    # warm the page cache once (a running server has it warm)
    store.find_story("warm", "w1 w2 w3", "2024-06-01")
    for i in range(args.lookups):
        day = (date(2024, 1, 1) + timedelta(days=rng.randrange(365))).isoformat()
        if i % 2 == 0:  # a new article of an existing happening, a day after it began
            sid = rng.randrange(1, n_stories + 1)
            day = (date.fromisoformat(first_days[sid]) + timedelta(days=1)).isoformat()
            core = [f"s{sid}x{k}" for k in rng.sample(range(8), 5)]
            core_names = [f"a:s{sid}n{k}" for k in rng.sample(range(4), 3)]
        else:  # a new happening
            core = [f"new{i}x{k}" for k in range(5)]
            core_names = [f"a:new{i}n{k}" for k in range(3)]
        body = core + [zipf_term(rng) for _ in range(TERMS_PER_ARTICLE)]
        names = {t: 2.0 for t in core_names}
        while len(names) < NAMES_PER_ARTICLE:
            names.setdefault(zipf_name(rng), 1.0)
        # find_story takes title and text: give the words as text (no stop words among them)
        t = time.perf_counter()
        found = store.find_story(" ".join(core), " ".join(body), day, names)
        times.append((time.perf_counter() - t) * 1000)
        joined += found["story"] is not None
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(
        f"find_story on {args.articles} articles: median {statistics.median(times):.1f} ms, "
        f"p95 {p95:.1f} ms, max {times[-1]:.1f} ms over {len(times)} lookups ({joined} joined a story)"
    )
    print(f"load after: {os.getloadavg()}")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
