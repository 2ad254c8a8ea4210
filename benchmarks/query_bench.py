"""Query latency on a synthetic store of at least 100k quotes.

Builds (once; reused when the file exists) a store of synthetic records through the normal
write path (``Store.add_records``, 16 articles a transaction, as ``newsgraph ingest`` commits): 10 quotes, 4 events, 3
entities and a place per article, 600 speakers, 40 outlets, two years of dates. Then times
(p50 / p95 over repeated queries with random parameters):

  quotes by speaker + 3-month date range   store.search_quotes(speaker=..., since=..., until=...)
  full-text phrase search on quotes         store.search_quotes(text="...")
  event counts per actor pair per week      store.event_counts(actor=COUNTRY)
  statements reported by >= 2 outlets       store.list_statements(min_sources=2)

    .venv/bin/python benchmarks/query_bench.py                     # SQLite, /tmp/newsgraph-query-bench.db
    .venv/bin/python benchmarks/query_bench.py --articles 2000      # smaller
    .venv/bin/python benchmarks/query_bench.py --db postgresql://user@host/db
    .venv/bin/python benchmarks/query_bench.py --pg-temp           # a throw-away local PostgreSQL

A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import time

from newsgraph.record import Entity, Event, Place, Quote, Record, SentenceRef, Span
from newsgraph.store import open_store

WORDS = (
    "government minister security talks border troops ceasefire sanctions election reform economy "
    "energy prices refugees aid agreement treaty protest police court investigation corruption "
    "coalition parliament budget war peace negotiations embassy alliance summit rally vote"
).split()
PHRASES = [
    "regime change",
    "no military solution",
    "red line",
    "humanitarian corridor",
    "free and fair elections",
    "full support",
    "act of aggression",
    "return to the table",
]
COUNTRIES = [
    "USA",
    "RUS",
    "UKR",
    "CHN",
    "FRA",
    "DEU",
    "GBR",
    "TUR",
    "IRN",
    "ISR",
    "PSE",
    "SYR",
    "POL",
    "IND",
    "PAK",
    "JPN",
    "KOR",
    "PRK",
    "BRA",
    "EGY",
    "SAU",
    "ETH",
    "NGA",
    "VEN",
    "MEX",
    "CAN",
    "ITA",
    "ESP",
    "GRC",
    "CZE",
]
TYPES = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "INVESTIGATE",
    "DEMAND",
    "DISAPPROVE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
FIRST = [
    "Anna",
    "Jan",
    "Selim",
    "Claire",
    "Olaf",
    "Petr",
    "Maria",
    "Ivan",
    "Li",
    "Ahmed",
    "Sofia",
    "Kenji",
    "Amara",
    "Diego",
    "Olga",
    "Yusuf",
    "Eva",
    "Tomas",
    "Nadia",
    "Omar",
]
LAST = [
    "Novak",
    "Kowal",
    "Aydin",
    "Dubois",
    "Berger",
    "Dvorak",
    "Silva",
    "Petrov",
    "Wei",
    "Hassan",
    "Rossi",
    "Tanaka",
    "Okafor",
    "Garcia",
    "Ivanova",
    "Demir",
    "Lind",
    "Horak",
    "Haddad",
    "Farouk",
    "Moreau",
    "Schulz",
    "Nowak",
    "Costa",
    "Sato",
    "Kim",
    "Adeyemi",
    "Lopez",
    "Popescu",
    "Fischer",
]
START = dt.date(2022, 1, 1)


def speakers(rng):
    out = []
    for i in range(600):
        out.append((f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}", COUNTRIES[i % len(COUNTRIES)]))
    return out


def make_record(i: int, rng: random.Random, spk: list) -> Record:
    day = START + dt.timedelta(days=rng.randrange(730))
    parts, quotes, ents = [], [], []
    chosen = rng.sample(spk, 3)
    for k, (name, country) in enumerate(chosen):
        ents.append(Entity(id=f"E{k + 1}", name=name, type="PERSON", country=country, sector="GOV"))
    ents.append(Entity(id="E4", name=f"{rng.choice(COUNTRIES)} government", type="ORG", country=None))
    pos = 0
    for q in range(10):
        words = rng.sample(WORDS, 8)
        if rng.random() < 0.1:
            words.insert(rng.randrange(8), rng.choice(PHRASES))
        if rng.random() < 0.05:  # a line many outlets repeat
            words = ["we", "will", "not", "accept", rng.choice(PHRASES), "said", "nothing", "more"]
        said = " ".join(words).capitalize() + "."
        e = rng.randrange(3)
        sent = f'"{said}" {chosen[e][0]} said. '
        start = pos + 1
        quotes.append(
            Quote(
                id=f"Q{q + 1}",
                text=said,
                start=start,
                end=start + len(said),
                kind=rng.choice(["direct", "indirect", "mixed"]),
                cue_type="speech",
                speaker=f"E{e + 1}",
                speaker_mention=None,
                cue=None,
                addressee=None,
                via=None,
                date=None,
                sentence=SentenceRef(pos, pos + len(sent)),
                rule="synthetic",
            )
        )
        parts.append(sent)
        pos += len(sent)
    text = "".join(parts)
    events = []
    for v in range(4):
        a, r = rng.sample(COUNTRIES, 2)
        events.append(
            Event(
                id=f"V{v + 1}",
                type=rng.choice(TYPES),
                mode=None,
                contexts=["military"],
                actor=None,
                recipient=None,
                actor_country=a,
                actor_sector="GOV",
                recipient_country=r,
                recipient_sector=None,
                date=None,
                place="P1",
                quad=None,
                cameo_root=None,
                trigger=Span(0, 1, text[0]),
                sentence=SentenceRef(0, 10),
                negated=rng.random() < 0.05,
            )
        )
    places = [
        Place(
            id="P1",
            name=f"City {rng.randrange(300)}",
            geonameid=None,
            lat=None,
            lon=None,
            country=rng.choice(COUNTRIES),
            admin1=None,
            feature="city",
            population=None,
        )
    ]
    return Record(
        id=f"syn-{i}",
        text=text,
        url=f"https://outlet{i % 40}.example/{i}",
        title=f"Article {i}",
        published=day.isoformat(),
        source=f"Outlet {i % 40}",
        entities=ents,
        quotes=quotes,
        events=events,
        places=places,
    )


def build(store, n: int, seed: int = 7) -> float:
    rng = random.Random(seed)
    spk = speakers(rng)
    t0 = time.perf_counter()
    have = store.stats()["articles"]
    batch = []
    for i in range(have, n):
        batch.append(make_record(i, rng, spk))
        if len(batch) == 16 or i == n - 1:  # as newsgraph ingest commits: 16 articles a transaction
            store.add_records(batch)
            batch = []
        if (i + 1) % 2000 == 0:
            print(f"  {i + 1} articles ({time.perf_counter() - t0:.0f} s)", file=sys.stderr, flush=True)
    return time.perf_counter() - t0


def bench(label, fn, rounds: int) -> None:
    times, sizes = [], []
    for r in range(rounds):
        t0 = time.perf_counter()
        out = fn(r)
        times.append((time.perf_counter() - t0) * 1000)
        sizes.append(len(out))
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    print(
        f"{label:42s} p50 {statistics.median(times):8.1f} ms   p95 {p95:8.1f} ms   "
        f"(median {statistics.median(sizes):.0f} rows, {rounds} runs)",
        flush=True,
    )


def temp_postgres():
    """A throw-away PostgreSQL (newsgraph.store.pgtemp): (url of its postgres database, stop)."""
    from newsgraph.store.pgtemp import PostgresUnavailable, start_temp_postgres

    try:
        url, stop = start_temp_postgres()
    except PostgresUnavailable as e:
        raise SystemExit(str(e)) from None
    return url + "/postgres", stop


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="/tmp/newsgraph-query-bench.db")
    ap.add_argument("--articles", type=int, default=10_000, help="articles (10 quotes each; default 10,000)")
    ap.add_argument("--rounds", type=int, default=40)
    ap.add_argument("--pg-temp", action="store_true", help="build and query a throw-away local PostgreSQL")
    args = ap.parse_args()
    stop = None
    if args.pg_temp:
        args.db, stop = temp_postgres()
    try:
        return run(args)
    finally:
        if stop:
            stop()


def run(args) -> int:
    store = open_store(args.db)
    secs = build(store, args.articles)
    st = store.stats()
    print(
        f"store {store.dialect} {args.db}: {st['articles']} articles, {st['quotes']} quotes, {st['statements']} statements, "
        f"{st['events']} events, {st['actors']} actors"
        + (f" (built in {secs:.0f} s, {args.articles / secs:.0f} articles/s through add_records)" if secs > 1 else "")
    )
    rng = random.Random(1)
    spk = speakers(rng)

    def by_speaker(_):
        name = rng.choice(spk)[0]
        since = START + dt.timedelta(days=rng.randrange(640))
        return store.search_quotes(
            speaker=name, since=since.isoformat(), until=(since + dt.timedelta(days=91)).isoformat(), limit=50
        )

    bench("quotes by speaker + 3-month range", by_speaker, args.rounds)
    bench(
        "full-text phrase search (quotes, limit 50)",
        lambda _: store.search_quotes(text=rng.choice(PHRASES), limit=50),
        args.rounds,
    )
    bench(
        "full-text word search (quotes, limit 50)",
        lambda _: store.search_quotes(text=rng.choice(WORDS), limit=50),
        args.rounds,
    )
    bench(
        "event counts per actor pair per week", lambda _: store.event_counts(actor=rng.choice(COUNTRIES)), args.rounds
    )
    bench(
        "statements with >= 2 sources (top 50)",
        lambda _: store.list_statements(min_sources=2, limit=50),
        max(5, args.rounds // 4),
    )
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
