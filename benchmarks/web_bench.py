"""Latency of the web app on a large store: statement search and the actor page.

Builds (once) a synthetic store with at least ``--quotes`` quotes (default 100,000) through the
store's own writer (``Store.add_record``: same tables, indexes and FTS triggers as a real
ingest), then times requests through the FastAPI app in-process (``TestClient``: routing,
validation, queries, JSON or HTML rendering; no network) and prints p50/p95/max per request kind.

    .venv/bin/python benchmarks/web_bench.py                     # builds /tmp/newsgraph_web_bench.db once
    .venv/bin/python benchmarks/web_bench.py --quotes 20000 --db /tmp/small.db --requests 100

The synthetic articles are invented: 600 speakers in 30 countries, 24 outlets, one year of
dates, quotes built from a small vocabulary (so full-text terms match many rows, as real news
words do), speakers drawn with a skew (the
most present actor is in several thousand articles), about a third of quotes repeating a
statement another outlet carried, three events per article.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

WORDS = (
    "ceasefire talks sanctions aid border troops election reform budget energy gas oil grain port "
    "bridge city region government minister president army civilians refugees peace war trade "
    "security agreement treaty court vote parliament opposition protest police strike market "
    "prices inflation jobs health schools water power winter convoy mission summit envoy"
).split()
VERBS = ["said", "told reporters", "said in a statement", "warned", "added", "stressed"]
COUNTRIES = [
    "POL",
    "UKR",
    "RUS",
    "DEU",
    "FRA",
    "TUR",
    "SYR",
    "GRC",
    "USA",
    "GBR",
    "CZE",
    "ITA",
    "ESP",
    "NLD",
    "BEL",
    "SWE",
    "FIN",
    "NOR",
    "ROU",
    "HUN",
    "AUT",
    "CHE",
    "IRN",
    "ISR",
    "EGY",
    "SAU",
    "CHN",
    "JPN",
    "IND",
    "BRA",
]
CITIES = [
    ("Warsaw", 52.23, 21.01, "POL", 756135),
    ("Kyiv", 50.45, 30.52, "UKR", 703448),
    ("Kharkiv", 49.99, 36.23, "UKR", 706483),
    ("Moscow", 55.75, 37.62, "RUS", 524901),
    ("Berlin", 52.52, 13.40, "DEU", 2950159),
    ("Paris", 48.85, 2.35, "FRA", 2988507),
    ("Ankara", 39.93, 32.86, "TUR", 323786),
    ("Damascus", 33.51, 36.29, "SYR", 170654),
    ("Athens", 37.98, 23.73, "GRC", 264371),
    ("Prague", 50.09, 14.42, "CZE", 3067696),
    ("Rome", 41.89, 12.48, "ITA", 3169070),
    ("Madrid", 40.42, -3.70, "ESP", 3117735),
]
WEIGHTS = [1 / (rank + 1) ** 0.9 for rank in range(600)]
EVENT_TYPES = ["CONSULT", "ACCUSE", "REQUEST", "SUPPORT", "REJECT", "THREATEN", "AGREE", "ASSAULT", "PROTEST"]
FIRST = [
    "Anna",
    "Jan",
    "Igor",
    "Claire",
    "Selim",
    "Olaf",
    "Maria",
    "Petr",
    "Dmitry",
    "Elena",
    "Mehmet",
    "Sofia",
    "Luca",
    "Ines",
    "Tomas",
    "Nadia",
    "Karl",
    "Irene",
    "Pavel",
    "Lena",
]
LAST = [
    "Novak",
    "Kowal",
    "Sorokin",
    "Dubois",
    "Aydin",
    "Berger",
    "Rossi",
    "Dvorak",
    "Orlov",
    "Kaya",
    "Lind",
    "Moreau",
    "Weber",
    "Costa",
    "Horvat",
    "Nagy",
    "Berg",
    "Ivanova",
    "Popescu",
    "Jensen",
    "Haas",
    "Vidal",
    "Marin",
    "Koch",
    "Silva",
    "Brandt",
    "Meyer",
    "Fischer",
    "Klein",
    "Wolf",
]


def make_record(i: int, rng: random.Random, speakers: list, pool: list):
    from newsgraph.record import Entity, Event, Place, Quote, Record, SentenceRef, Span

    day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    outlet = f"Outlet {rng.randint(1, 24)}"
    parts: list[str] = []
    pos = 0
    ents: dict[str, Entity] = {}
    quotes, events = [], []

    def add(s: str) -> int:
        nonlocal pos
        start = pos
        parts.append(s)
        pos += len(s)
        return start

    city = rng.choice(CITIES)
    p_start = add(f"{city[0]} ({outlet}) - ")
    place = Place(
        "P1",
        city[0],
        city[4],
        city[1],
        city[2],
        city[3],
        None,
        "city",
        1_000_000,
        [],
        [Span(p_start, p_start + len(city[0]), city[0])],
        "bench",
    )
    # speakers: a skewed choice (a few actors are everywhere, most are rare, as in news);
    # up to two of the article's quotes repeat a statement another outlet already carried
    repeats = [rng.choice(pool) for _ in range(2) if pool and rng.random() < 0.8]
    chosen: list = []
    for _text, name, country in repeats:
        if (name, country) not in chosen:
            chosen.append((name, country))
    while len(chosen) < 4:
        sp = rng.choices(speakers, weights=WEIGHTS[: len(speakers)])[0]
        if sp not in chosen:
            chosen.append(sp)
    for k, (name, country) in enumerate(chosen):
        ents[f"E{k + 1}"] = Entity(
            f"E{k + 1}", name, "PERSON", country, ["minister" if k % 2 else "spokesman"], "GOV", []
        )
    by_name = {e.name: e for e in ents.values()}
    for qn in range(5):
        if qn < len(repeats):
            text, name, _ = repeats[qn]
            e = by_name[name]
        else:
            e = ents[f"E{rng.randint(1, 4)}"]
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14))).capitalize() + ","
            if len(pool) < 5000:
                pool.append((text, e.name, e.country))
        s0 = add('"')
        q0 = add(text)
        add('" ')
        m0 = add(e.name)
        add(" ")
        verb = rng.choice(VERBS)
        c0 = add(verb)
        add(". ")
        e.mentions.append(Span(m0, m0 + len(e.name), e.name))
        kind = rng.choices(["direct", "indirect", "mixed"], weights=[60, 35, 5])[0]
        cue_type = "speech" if rng.random() < 0.85 else "other"
        quotes.append(
            Quote(
                f"Q{qn + 1}",
                text,
                q0,
                q0 + len(text),
                kind,
                cue_type,
                e.id,
                Span(m0, m0 + len(e.name), e.name),
                Span(c0, c0 + len(verb), verb),
                None,
                None,
                day,
                SentenceRef(s0, pos - 1),
                "bench:quote-cue",
            )
        )
    for vn in range(3):
        a, b = rng.sample(list(ents.values()), 2)
        t = rng.choice(EVENT_TYPES)
        m_a = add(a.name)
        add(" ")
        tr = add(t.lower())
        add(" ")
        m_b = add(b.name)
        add(f" in {city[0]}. ")
        a.mentions.append(Span(m_a, m_a + len(a.name), a.name))
        b.mentions.append(Span(m_b, m_b + len(b.name), b.name))
        events.append(
            Event(
                f"V{vn + 1}",
                t,
                None,
                [],
                a.id,
                b.id,
                a.country,
                "GOV",
                b.country,
                "GOV",
                day,
                "P1",
                None,
                None,
                Span(tr, tr + len(t), t.lower()),
                SentenceRef(m_a, pos - 1),
                rule="bench",
            )
        )
    text = "".join(parts)
    return Record(
        id=f"bench-{i}",
        text=text,
        title=f"Synthetic article {i}",
        published=day,
        source=outlet,
        url=f"https://bench.example/{i}",
        entities=list(ents.values()),
        quotes=quotes,
        events=events,
        places=[place],
    )


def build(db: str, n_quotes: int, seed: int = 7) -> None:
    from newsgraph.store import open_store

    rng = random.Random(seed)
    speakers = [(f"{f} {last}", rng.choice(COUNTRIES)) for f in FIRST for last in LAST][:600]
    pool: list = []
    store = open_store(db)
    n_articles = (n_quotes + 4) // 5
    t0 = time.perf_counter()
    for i in range(n_articles):
        store.add_record(make_record(i, rng, speakers, pool))
        if (i + 1) % 2000 == 0:
            el = time.perf_counter() - t0
            print(f"  {i + 1:,}/{n_articles:,} articles, {el:.0f} s", file=sys.stderr)
    store.close()


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def exports(args, store) -> None:
    """CSV/JSONL exports through a real server on a loopback port (so the first byte is really
    the first byte): time to the first byte, and to the 10,000th row."""
    import socket
    import threading

    import httpx
    import uvicorn

    from newsgraph.web.app import create_app
    from newsgraph.web.cli import server_config

    with socket.socket() as s_:
        s_.bind(("127.0.0.1", 0))
        port = s_.getsockname()[1]
    server = uvicorn.Server(server_config(create_app(args.db, store=store), "127.0.0.1", port))
    th = threading.Thread(target=server.run, daemon=True)
    th.start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    rng = random.Random(2)
    kinds = {
        "export statements CSV (no filter)": lambda: "/statements?format=csv",
        "export statements CSV (one word)": lambda: f"/statements?format=csv&q={rng.choice(WORDS)}",
        "export statements JSONL (no filter)": lambda: "/api/statements?format=jsonl",
        "export articles CSV": lambda: "/articles?format=csv",
        "export events CSV (timeline)": lambda: "/timeline?format=csv",
    }
    n = max(5, args.requests // 10)
    print(f"\n{'export (real server, loopback)':50s} {'n':>5s} {'TTFB p50':>9s} {'TTFB p95':>9s} {'10k rows p95':>13s}")
    with httpx.Client(timeout=120) as http:
        for name, make in kinds.items():
            first, full = [], []
            for i in range(n + 1):
                t0 = time.perf_counter()
                with http.stream("GET", base + make()) as r:
                    assert r.status_code == 200, r.status_code
                    lines, t1 = 0, None
                    for chunk in r.iter_bytes():
                        if t1 is None:
                            t1 = time.perf_counter()
                        lines += chunk.count(b"\n")
                        if lines > 10_000:
                            break
                t2 = time.perf_counter()
                if i:  # the first one warms
                    first.append((t1 - t0) * 1000)
                    full.append((t2 - t0) * 1000)
            print(
                f"{name:50s} {len(first):5d} {statistics.median(first):9.1f} {pct(first, 95):9.1f} {pct(full, 95):13.1f}"
            )
    server.should_exit = True
    th.join(10)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="/tmp/newsgraph_web_bench.db")
    ap.add_argument("--quotes", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=200, help="requests per kind")
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--build-only", action="store_true", help="build the store, time nothing")
    args = ap.parse_args(argv)

    from fastapi.testclient import TestClient

    from newsgraph.store import open_store
    from newsgraph.web.app import create_app

    if args.rebuild:
        for suffix in ("", "-wal", "-shm"):
            Path(args.db + suffix).unlink(missing_ok=True)
    store = open_store(args.db)
    have = store.stats()["quotes"]
    if have < args.quotes:
        store.close()
        print(f"building {args.db}: {args.quotes:,} quotes (have {have:,})", file=sys.stderr)
        t0 = time.perf_counter()
        build(args.db, args.quotes - have, seed=7 + have)
        print(f"built in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        store = open_store(args.db)
    stats = store.stats()
    print(
        f"store: {args.db}: {stats['articles']:,} articles, {stats['quotes']:,} quotes, "
        f"{stats['statements']:,} statements, {stats['actors']:,} actors, {stats['events']:,} events"
    )

    if args.build_only:
        store.close()
        return 0
    rng = random.Random(1)
    client = TestClient(create_app(args.db, store=store))
    actor_ids = [a["id"] for a in store.ranked_actors(limit=None)]
    top = actor_ids[:20]
    n_art = stats["articles"]
    stmt_ids = [s_["id"] for s_ in store.overview()["top_statements"]] or [1]
    word = lambda: rng.choice(WORDS)  # noqa: E731
    kinds = {
        "overview (HTML)": lambda: "/",
        "overview (JSON)": lambda: "/api/overview",
        "statements: no filter (HTML)": lambda: "/statements",
        "statements: no filter (JSON)": lambda: "/api/statements",
        "statements: one word (JSON)": lambda: f"/api/statements?q={word()}",
        "statements: one word (HTML)": lambda: f"/statements?q={word()}",
        "statements: two words + dates (JSON)": lambda: (
            f"/api/statements?q={word()}+{word()}&since=2024-03-01&until=2024-06-30"
        ),
        'statements: "phrase" (JSON)': lambda: f"/api/statements?q=%22{word()}+{word()}%22",
        "statements: prefix* (JSON)": lambda: f"/api/statements?q={word()[:4]}*",
        "statements: a OR b (JSON)": lambda: f"/api/statements?q={word()}+OR+{word()}",
        "statements: speaker id (JSON)": lambda: f"/api/statements?speaker={rng.choice(actor_ids)}",
        "statements: outlet + kind (HTML)": lambda: f"/statements?outlet=Outlet+{rng.randint(1, 24)}&kind=indirect",
        "statements: page 5 (HTML)": lambda: "/statements?offset=80",
        "statement page (HTML)": lambda: f"/statements/{rng.choice(stmt_ids)}",
        "speaker autocomplete (JSON)": lambda: f"/api/suggest?q={rng.choice(LAST)[:3]}",
        "articles: no filter (HTML)": lambda: "/articles",
        "articles: one word (JSON)": lambda: f"/api/articles?q={word()}",
        "article page (HTML)": lambda: f"/articles/{rng.randint(1, n_art)}",
        "article (JSON)": lambda: f"/api/articles/{rng.randint(1, n_art)}",
        "actors (HTML)": lambda: "/actors",
        "actors: name part (JSON)": lambda: f"/api/actors?q={rng.choice(LAST)[:3]}",
        "actor page (HTML), any actor": lambda: f"/actors/{rng.choice(actor_ids)}",
        "actor page (JSON), any actor": lambda: f"/api/actors/{rng.choice(actor_ids)}",
        "actor page (HTML), 20 most present": lambda: f"/actors/{rng.choice(top)}",
        "timeline (HTML)": lambda: "/timeline",
        "timeline: type + month (JSON)": lambda: f"/api/timeline?type={rng.choice(EVENT_TYPES)}&unit=month",
        "map (HTML)": lambda: "/map",
        "map (JSON)": lambda: "/api/map",
        "network (HTML)": lambda: "/network",
        "network (JSON)": lambda: "/api/network",
        "network: 3 months, 60 actors (JSON)": lambda: "/api/network?since=2024-04-01&until=2024-06-30&nodes=60",
        "facets (JSON)": lambda: "/api/facets",
    }
    print(f"\n{'request':50s} {'n':>5s} {'p50 ms':>8s} {'p95 ms':>8s} {'max ms':>8s}")
    for name, make in kinds.items():
        client.get(make())  # warm
        times = []
        for _ in range(args.requests):
            url = make()
            t0 = time.perf_counter()
            r = client.get(url)
            times.append((time.perf_counter() - t0) * 1000)
            assert r.status_code == 200, (url, r.status_code, r.text[:200])
        print(f"{name:50s} {len(times):5d} {statistics.median(times):8.1f} {pct(times, 95):8.1f} {max(times):8.1f}")
    exports(args, store)
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
