"""The reads behind each web page, built on the store's read API (``newsgraph.store``) and, where
a page needs a shape the store does not offer, on its ``Table`` objects with parameterised
SQLAlchemy Core (never SQL built from strings). Every function returns JSON-ready dicts: the
API returns them as they are and the HTML pages render them, so both show the same data.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from typing import Any, Optional

from sqlalchemy import and_, case, func, literal_column, or_, select
from sqlalchemy import text as sql_text

from ..store import schema as S

QUOTE_KINDS = ["direct", "indirect", "mixed"]
SCAN_ARTICLES = 1000  # map/network read quote details from at most this many recent articles


def _rows(store, stmt) -> list[dict]:
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(stmt)]


def _scalar(store, stmt):
    with store.engine.connect() as conn:
        return conn.execute(stmt).scalar()


def _like(col, value: str):
    return func.lower(col).like(f"%{value.lower()}%")


def _actor_ids(name: str):
    """Actors whose name contains ``name`` or whose country code is ``name``."""
    return select(S.actors.c.id).where(or_(_like(S.actors.c.name, name), S.actors.c.country == name.upper()))


def _ilike_speaker(store, speaker: str):
    q = S.quotes
    return or_(q.c.speaker_actor_id.in_(_actor_ids(speaker)),
               and_(q.c.speaker_actor_id.is_(None), _like(q.c.speaker_name, speaker)))


# --------------------------------------------------------------------------- overview
def facets(store) -> dict[str, list]:
    """Values for the filter menus: event types and outlets."""
    types = [r for r in _column(store, select(S.events.c.type).distinct().order_by(S.events.c.type)) if r]
    outlets = [r for r in _column(store, select(S.articles.c.source).where(S.articles.c.source.is_not(None))
                                  .distinct().order_by(S.articles.c.source).limit(300)) if r]
    return {"event_types": types, "outlets": outlets, "kinds": QUOTE_KINDS}


def _column(store, stmt) -> list:
    with store.engine.connect() as conn:
        return list(conn.execute(stmt).scalars())


def overview(store) -> dict[str, Any]:
    stats = store.stats()
    out: dict[str, Any] = {"stats": stats, "empty": stats.get("articles", 0) == 0}
    if out["empty"]:
        out.update(latest_articles=[], top_actors=[], top_statements=[])
        return out
    out["latest_articles"] = store.list_articles(limit=10)
    out["top_actors"] = list_actors(store, limit=12)
    out["top_statements"] = top_statements(store, limit=6)
    return out


RECENT_QUOTES = 20_000


def top_statements(store, *, limit: int = 6) -> list[dict]:
    """Among the newest ``RECENT_QUOTES`` quotes said (``cue_type`` speech): the statements
    reported by the most articles, then the newest (bounded work however large the store)."""
    Q, ST, AC = S.quotes, S.statements, S.actors
    recent = (select(Q.c.statement_id, Q.c.article_id, Q.c.day)
              .where(Q.c.statement_id.is_not(None), Q.c.cue_type == "speech")
              .order_by(Q.c.day.desc(), Q.c.id.desc()).limit(RECENT_QUOTES).subquery())
    n = func.count(func.distinct(recent.c.article_id))
    last = func.max(recent.c.day)
    top = (select(recent.c.statement_id, n.label("n_sources"), last.label("last_day"))
           .group_by(recent.c.statement_id).order_by(n.desc(), last.desc(), recent.c.statement_id.desc())
           .limit(limit).subquery())
    return _rows(store, select(ST.c.id, ST.c.text, ST.c.speaker_actor_id, AC.c.name.label("speaker"),
                               AC.c.country.label("speaker_country"), top.c.n_sources, top.c.last_day)
                 .select_from(top.join(ST, ST.c.id == top.c.statement_id)
                              .outerjoin(AC, AC.c.id == ST.c.speaker_actor_id))
                 .order_by(top.c.n_sources.desc(), top.c.last_day.desc(), ST.c.id.desc()))


def articles(store, *, q=None, outlet=None, since=None, until=None, limit=50, offset=0) -> dict[str, Any]:
    rows = store.list_articles(text=q or None, outlet=outlet or None, since=since or None, until=until or None,
                               limit=limit + 1, offset=offset)
    return {"results": rows[:limit], "more": len(rows) > limit, "limit": limit, "offset": offset}


# --------------------------------------------------------------------------- article
def article(store, ref) -> Optional[dict[str, Any]]:
    """The article's row, its full record, and its entity ids mapped to store actor ids."""
    row = store.get_article(ref)
    if row is None:
        return None
    record = store.get_record_dict(row["id"])
    actor_ids = {r["eid"]: r["actor_id"] for r in _rows(
        store, select(S.entities.c.eid, S.entities.c.actor_id).where(S.entities.c.article_id == row["id"]))}
    return {"article": row, "record": record, "actor_ids": actor_ids}


# --------------------------------------------------------------------------- statements
COUNT_CAP = 1000  # statement totals are counted up to this ("1,000+"): bounded work per page
DENSE_MATCHES = 2000  # a full-text term matching more quotes than this is walked by date


def _fts_phrase(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def _fulltext_quotes(store, q: str):
    """Quotes whose text contains the phrase ``q``. On SQLite, a term that matches many quotes
    is better found by walking quotes newest first and testing each against the match list
    than by sorting every match, so the id test is written so the planner cannot drive from
    the match list ("id + 0")."""
    Q = S.quotes
    if store.dialect != "sqlite":
        return store._fulltext(Q, "quotes_fts", q)
    phrase = _fts_phrase(q)
    with store.engine.connect() as conn:
        n = conn.execute(sql_text("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH :m")
                         .bindparams(m=phrase)).scalar()
    sub = sql_text("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :fts_q").bindparams(fts_q=phrase)
    sub = sub.columns(literal_column("rowid"))
    return ((Q.c.id + 0) if n > DENSE_MATCHES else Q.c.id).in_(sub)


def _quote_filters(store, *, q=None, speaker=None, since=None, until=None, outlet=None, kind=None,
                   actor_id=None, cue_type=None) -> list:
    Q = S.quotes
    conds = []
    if cue_type:
        conds.append(Q.c.cue_type == cue_type)
    if q:
        conds.append(_fulltext_quotes(store, q))
    if speaker:
        conds.append(_ilike_speaker(store, speaker))
    if actor_id is not None:
        conds.append(Q.c.speaker_actor_id == actor_id)
    if since:
        conds.append(Q.c.day >= since)
    if until:
        conds.append(Q.c.day <= until)
    if outlet:
        conds.append(_like(Q.c.outlet, outlet))
    if kind:
        conds.append(Q.c.kind == kind)
    return conds


def statements(store, *, q=None, speaker=None, since=None, until=None, outlet=None, kind=None,
               cue_type="speech", limit=20, offset=0, sources_per_statement=12) -> dict[str, Any]:
    """Statements matching the filters, newest first. The same statement reported by several
    articles (same speaker, near-identical text: the store's ``statements`` table) appears once,
    with every article that reports it and the sentence it stands in. ``cue_type``: "speech"
    (what was said; the default), "other" (beliefs, wishes, polls, findings and other
    attributions), or None for both."""
    Q = S.quotes
    conds = _quote_filters(store, q=q, speaker=speaker, since=since, until=until, outlet=outlet, kind=kind,
                           cue_type=cue_type)
    # Every stored quote belongs to a statement (the store's writer makes one per new text).
    # A statement's place in "newest first" is its newest matching quote, so walk the matching
    # quotes newest first (the day index) and keep the first statement ids met; no grouping
    # over the whole table.
    conds.append(Q.c.statement_id.is_not(None))
    order = [Q.c.day.desc().nulls_last() if store.dialect == "postgresql" else Q.c.day.desc(), Q.c.id.desc()]
    need, n = offset + limit, (offset + limit) * 4 + 50
    while True:
        with store.engine.connect() as conn:
            rows = conn.execute(select(Q.c.statement_id).where(*conds).order_by(*order).limit(n)).all()
        seen = list(dict.fromkeys(r[0] for r in rows))
        if len(seen) >= need or len(rows) < n:
            break
        n *= 4
    page_ids = seen[offset:offset + limit]
    total = _scalar(store, select(func.count()).select_from(
        select(Q.c.statement_id).where(*conds).distinct().limit(COUNT_CAP + 1).subquery()))
    groups = []
    if page_ids:
        agg = {r["sid"]: r for r in _rows(store, select(
            Q.c.statement_id.label("sid"), func.max(Q.c.day).label("last_day"),
            func.count(func.distinct(Q.c.article_id)).label("n_sources"))
            .where(Q.c.statement_id.in_(page_ids)).group_by(Q.c.statement_id))}
        groups = [agg[i] for i in page_ids if i in agg]
    results = []
    if groups:
        srcs = _sources(store, [g["sid"] for g in groups], sources_per_statement)
        for g in groups:
            rows = srcs.get(g["sid"], [])
            if not rows:
                continue
            head = rows[0]
            results.append({
                "statement_id": g["sid"],
                "text": head["text"], "kind": head["kind"],
                "speaker": head["speaker_name"], "speaker_actor_id": head["speaker_actor_id"],
                "speaker_country": head.get("speaker_country"),
                "last_day": g["last_day"], "n_sources": g["n_sources"],
                "outlets": sorted({r["outlet"] for r in rows if r["outlet"]}),
                "sources": rows,
            })
    return {"results": results, "total": min(total, COUNT_CAP), "total_capped": total > COUNT_CAP,
            "limit": limit, "offset": offset}


def _sources(store, statement_ids: list[int], per: int) -> dict[int, list[dict]]:
    """The quotes (sources) of the given statements, newest first, at most ``per`` each, with
    the sentence split into before / quote / after."""
    Q, A, AC = S.quotes, S.articles, S.actors
    w0 = case((Q.c.start < Q.c.sent_start, Q.c.start), else_=func.coalesce(Q.c.sent_start, Q.c.start))
    w1 = case((Q.c.end > Q.c.sent_end, Q.c.end), else_=func.coalesce(Q.c.sent_end, Q.c.end))
    if not statement_ids:
        return {}
    stmt = (select(Q.c.id, Q.c.statement_id, Q.c.article_id, Q.c.qid, Q.c.text, Q.c.kind, Q.c.speaker_name,
                   Q.c.speaker_actor_id, AC.c.country.label("speaker_country"), Q.c.cue, Q.c.rule, Q.c.day,
                   Q.c.outlet, Q.c.start, Q.c.end, w0.label("w0"), A.c.title, A.c.url, A.c.published,
                   func.substr(A.c.text, w0 + 1, func.min(w1 - w0, 1500) if store.dialect == "sqlite"
                               else func.least(w1 - w0, 1500)).label("window"))
            .select_from(Q.join(A, A.c.id == Q.c.article_id).outerjoin(AC, AC.c.id == Q.c.speaker_actor_id))
            .where(Q.c.statement_id.in_(statement_ids)).order_by(Q.c.day.desc(), Q.c.id.desc()))
    out: dict[int, list[dict]] = defaultdict(list)
    for r in _rows(store, stmt):
        sid = r["statement_id"]
        if len(out[sid]) >= per:
            continue
        win = r.pop("window") or ""
        a = max(0, r["start"] - r["w0"])
        b = max(a, min(len(win), r["end"] - r["w0"]))
        r["context"] = {"before": win[:a], "quote": win[a:b], "after": win[b:]}
        r.pop("w0")
        out[sid].append(r)
    return out


# --------------------------------------------------------------------------- actors
def list_actors(store, *, q=None, country=None, limit=50, offset=0) -> list[dict]:
    """Actors, most present first (articles, then mentions, then name): the store's
    ``list_actors`` with mentions as the tie-break, so a small store lists its main actors first."""
    AC, EN = S.actors, S.entities
    n_art = func.count(func.distinct(EN.c.article_id))
    n_men = func.coalesce(func.sum(EN.c.n_mentions), 0)
    stmt = (select(AC.c.id, AC.c.name, AC.c.country, AC.c.type, AC.c.sector, n_art.label("n_articles"),
                   n_men.label("n_mentions"))
            .select_from(AC.outerjoin(EN, EN.c.actor_id == AC.c.id))
            .group_by(AC.c.id, AC.c.name, AC.c.country, AC.c.type, AC.c.sector))
    if q:
        stmt = stmt.where(_like(AC.c.name, q))
    if country:
        stmt = stmt.where(AC.c.country == country.upper())
    return _rows(store, stmt.order_by(n_art.desc(), n_men.desc(), AC.c.name).limit(limit).offset(offset))


def actors(store, *, q=None, country=None, limit=50, offset=0) -> dict[str, Any]:
    rows = list_actors(store, q=q, country=country, limit=limit + 1, offset=offset)
    return {"results": rows[:limit], "more": len(rows) > limit, "limit": limit, "offset": offset}


def _events_of(store, col, actor_id: int, limit: int) -> list[dict]:
    """The actor's newest events (as actor or as recipient), with their article's title: the
    newest ``limit`` are picked first, then joined (a few article lookups, not thousands)."""
    E, A = S.events, S.articles
    ids = (select(E.c.id).where(col == actor_id).order_by(E.c.day.desc(), E.c.id.desc()).limit(limit)).subquery()
    stmt = (select(E.c.id, E.c.article_id, E.c.vid, E.c.type, E.c.mode, E.c.day, E.c.date, E.c.actor_name,
                   E.c.actor_actor_id, E.c.actor_country, E.c.recipient_name, E.c.recipient_actor_id,
                   E.c.recipient_country, E.c.place_name, E.c.trigger_text, E.c.negated, E.c.hypothetical,
                   E.c.future, E.c.rule, A.c.title, A.c.source)
            .select_from(ids.join(E, E.c.id == ids.c.id).join(A, A.c.id == E.c.article_id))
            .order_by(E.c.day.desc(), E.c.id.desc()))
    return _rows(store, stmt)


def actor(store, actor_id: int, *, limit: int = 100) -> Optional[dict[str, Any]]:
    """Everything an actor said, did and had done to it (newest ``limit`` of each), its roles
    and name variants across articles, and its activity per day for the timeline."""
    AC, EN, Q, E, A = S.actors, S.entities, S.quotes, S.events, S.articles
    rows = _rows(store, select(AC).where(AC.c.id == actor_id))
    if not rows:
        return None
    out: dict[str, Any] = rows[0]
    out.pop("actor_key", None)
    out["n_articles"] = _scalar(store, select(func.count(func.distinct(EN.c.article_id))).where(EN.c.actor_id == actor_id))
    roles: Counter = Counter()
    names: Counter = Counter()
    for r in _rows(store, select(EN.c.roles, EN.c.name).where(EN.c.actor_id == actor_id)
                   .order_by(EN.c.id.desc()).limit(500)):
        names[r["name"]] += 1
        for role in json.loads(r["roles"] or "[]"):
            roles[role] += 1
    out["roles"] = [{"role": k, "n": n} for k, n in roles.most_common(12)]
    out["names"] = [k for k, _ in names.most_common(8)]
    out["n_said"] = _scalar(store, select(func.count()).select_from(Q).where(Q.c.speaker_actor_id == actor_id))
    out["n_did"] = _scalar(store, select(func.count()).select_from(E).where(E.c.actor_actor_id == actor_id))
    out["n_done_to"] = _scalar(store, select(func.count()).select_from(E).where(E.c.recipient_actor_id == actor_id))
    out["said"] = _rows(store, select(Q.c.id, Q.c.article_id, Q.c.qid, Q.c.statement_id, Q.c.text, Q.c.kind, Q.c.cue,
                                      Q.c.day, Q.c.date, Q.c.outlet, Q.c.rule, A.c.title)
                        .select_from(Q.join(A, A.c.id == Q.c.article_id)).where(Q.c.speaker_actor_id == actor_id)
                        .order_by(Q.c.day.desc(), Q.c.id.desc()).limit(limit))
    out["did"] = _events_of(store, E.c.actor_actor_id, actor_id, limit)
    out["done_to"] = _events_of(store, E.c.recipient_actor_id, actor_id, limit)
    out["articles"] = _rows(store, select(A.c.id, A.c.title, A.c.published, A.c.source)
                            .select_from(EN.join(A, A.c.id == EN.c.article_id)).where(EN.c.actor_id == actor_id)
                            .order_by(A.c.published.desc(), A.c.id.desc()).limit(20))
    # activity per day (all of it, not just the listed items): the chart on the page
    counts: list = []
    for label, stmt in (("said", select(Q.c.day, func.count()).where(Q.c.speaker_actor_id == actor_id).group_by(Q.c.day)),
                        ("did", select(E.c.day, func.count()).where(E.c.actor_actor_id == actor_id).group_by(E.c.day)),
                        ("done to", select(E.c.day, func.count()).where(E.c.recipient_actor_id == actor_id)
                         .group_by(E.c.day))):
        with store.engine.connect() as conn:
            counts += [[d, label, n] for d, n in conn.execute(stmt) if d]
    out["activity"] = bucket(counts)
    # one list on a timeline: newest first
    items = ([{"day": r["day"], "what": "said", "item": r} for r in out["said"]]
             + [{"day": r["day"], "what": "did", "item": r} for r in out["did"]]
             + [{"day": r["day"], "what": "done to", "item": r} for r in out["done_to"]])
    items.sort(key=lambda x: (x["day"] or "", x["item"]["id"]), reverse=True)
    out["timeline"] = items[: 2 * limit]
    return out


# --------------------------------------------------------------------------- timeline
def _event_conds(*, type=None, since=None, until=None, place=None, actor_id=None) -> list:
    E = S.events
    conds = [E.c.negated.is_(False), E.c.hypothetical.is_(False), E.c.future.is_(False)]
    if type:
        conds.append(E.c.type == type.upper())
    if since:
        conds.append(E.c.day >= since)
    if until:
        conds.append(E.c.day <= until)
    if place:
        conds.append(or_(_like(E.c.place_name, place), E.c.place_country == place.upper()))
    if actor_id is not None:
        conds.append(or_(E.c.actor_actor_id == actor_id, E.c.recipient_actor_id == actor_id))
    return conds


def _parse_day(d: str) -> Optional[dt.date]:
    try:
        return dt.date.fromisoformat(d[:10])
    except (TypeError, ValueError):
        return None


def bucket(counts: list, unit: Optional[str] = None) -> dict[str, Any]:
    """``[[day, type, n], ...]`` -> a chart: consecutive buckets with every empty bucket filled
    in. ``unit``: day, week (from Monday) or month; by default days, weeks when the span passes
    120 days, months past 3 years."""
    parsed = [(_parse_day(d), t, n) for d, t, n in counts]
    parsed = [p for p in parsed if p[0]]
    if not parsed:
        return {"unit": "day", "days": [], "types": [], "counts": []}
    lo, hi = min(p[0] for p in parsed), max(p[0] for p in parsed)
    span = (hi - lo).days
    if unit not in ("day", "week", "month"):
        unit = "day" if span <= 120 else "week" if span <= 3 * 366 else "month"
    if unit == "day" and span > 3 * 366:
        unit = "week"  # keep the chart to a drawable number of bars

    def key(d: dt.date) -> dt.date:
        if unit == "week":
            return d - dt.timedelta(days=d.weekday())
        if unit == "month":
            return d.replace(day=1)
        return d

    agg: Counter = Counter()
    for d, t, n in parsed:
        agg[(key(d), t)] += n
    days, cur = [], key(lo)
    while cur <= hi:
        days.append(cur)
        if unit == "day":
            cur += dt.timedelta(days=1)
        elif unit == "week":
            cur += dt.timedelta(days=7)
        else:
            cur = (cur.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return {"unit": unit, "days": [d.isoformat() for d in days],
            "types": sorted({t for _, t in agg}),
            "counts": [[d.isoformat(), t, n] for (d, t), n in sorted(agg.items())]}


def timeline(store, *, type=None, since=None, until=None, place=None, unit=None, limit=100,
             offset=0) -> dict[str, Any]:
    E, A = S.events, S.articles
    conds = _event_conds(type=type, since=since, until=until, place=place)
    with store.engine.connect() as conn:
        counts = [[d, t, n] for d, t, n in conn.execute(
            select(E.c.day, E.c.type, func.count()).where(*conds, E.c.day.is_not(None)).group_by(E.c.day, E.c.type))]
    total = sum(n for _, _, n in counts)
    events = _rows(store, select(E.c.id, E.c.article_id, E.c.vid, E.c.type, E.c.mode, E.c.day, E.c.actor_name,
                                 E.c.actor_actor_id, E.c.actor_country, E.c.recipient_name, E.c.recipient_actor_id,
                                 E.c.recipient_country, E.c.place_name, E.c.trigger_text, A.c.title, A.c.source)
                   .select_from(E.join(A, A.c.id == E.c.article_id)).where(*conds)
                   .order_by(E.c.day.desc(), E.c.id.desc()).limit(limit).offset(offset))
    return {"chart": bucket(counts, unit), "total": total, "events": events, "limit": limit, "offset": offset}


# --------------------------------------------------------------------------- quotes in recent articles
def _scan(store, *, since=None, until=None, n_articles=SCAN_ARTICLES):
    """Recent articles with quotes (newest ``n_articles`` in the date range): yields the record
    dict and its entity-id -> actor-id map. Used for what only the full record holds (mention
    offsets: where a quote was said, whom it names, which agency relayed it)."""
    A, EN = S.articles, S.entities
    conds = [A.c.n_quotes > 0]
    if since:
        conds.append(A.c.published >= since)
    if until:
        conds.append(A.c.published <= until)
    rows = _rows(store, select(A.c.id, A.c.record_json).where(*conds)
                 .order_by(A.c.published.desc(), A.c.id.desc()).limit(n_articles))
    if not rows:
        return
    ids = [r["id"] for r in rows]
    amap: dict[int, dict[str, int]] = defaultdict(dict)
    for i in range(0, len(ids), 500):
        for r in _rows(store, select(EN.c.article_id, EN.c.eid, EN.c.actor_id).where(EN.c.article_id.in_(ids[i:i + 500]))):
            amap[r["article_id"]][r["eid"]] = r["actor_id"]
    for r in rows:
        yield r["id"], json.loads(r["record_json"]), amap[r["id"]]


def _inside(m: dict, a: int, b: int) -> bool:
    return a <= m.get("start", -1) and m.get("end", 10 ** 12) <= b


# --------------------------------------------------------------------------- map
def map_points(store, *, type=None, since=None, until=None) -> dict[str, Any]:
    """Places with coordinates: events there (all matching events) and quotes said there or
    about it (a place named in the quote's sentence; from the most recent articles)."""
    E = S.events
    points: dict[str, dict] = {}

    def point(geonameid, name, lat, lon, country):
        k = str(geonameid) if geonameid else f"{name}|{round(lat, 2)}|{round(lon, 2)}"
        if k not in points:
            points[k] = {"name": name, "lat": lat, "lon": lon, "country": country, "geonameid": geonameid,
                         "events": 0, "quotes": 0}
        return points[k]

    conds = _event_conds(type=type, since=since, until=until) + [E.c.lat.is_not(None), E.c.lon.is_not(None)]
    for r in _rows(store, select(E.c.geonameid, E.c.place_name, E.c.lat, E.c.lon, E.c.place_country,
                                 func.count().label("n"))
                   .where(*conds).group_by(E.c.geonameid, E.c.place_name, E.c.lat, E.c.lon, E.c.place_country)):
        p = point(r["geonameid"], r["place_name"], r["lat"], r["lon"], r["place_country"])
        p["events"] += r["n"]
    scanned = 0
    if not type:
        for _, rec, _ in _scan(store, since=since, until=until):
            scanned += 1
            places = [p for p in rec.get("places") or [] if p.get("lat") is not None and p.get("lon") is not None]
            for q in rec.get("quotes") or []:
                sent = q.get("sentence") or {}
                a, b = min(q["start"], sent.get("start", q["start"])), max(q["end"], sent.get("end", q["end"]))
                for p in places:
                    if any(_inside(m, a, b) for m in p.get("mentions") or []):
                        pt = point(p.get("geonameid"), p["name"], p["lat"], p["lon"], p.get("country"))
                        pt["quotes"] += 1
    out = []
    for p in points.values():
        # events there on the timeline; a place only quoted about: the statements naming it
        p["href"] = ("/timeline?place=" + _q(p["name"]) + "#events" if p["events"]
                     else "/statements?q=" + _q(p["name"]))
        out.append(p)
    out.sort(key=lambda p: (-(p["events"] + p["quotes"]), p["name"] or ""))
    return {"points": out, "countries": sorted({p["country"] for p in out if p["country"]}),
            "scanned_articles": scanned, "scan_limit": SCAN_ARTICLES, "basemap": "/static/countries-110m.geojson"}


def _q(s: str) -> str:
    from urllib.parse import quote

    return quote(s or "", safe="")


# --------------------------------------------------------------------------- network
QUOTE_RELATIONS = {"QUOTES": "an outlet or agency relays a speaker's words (the quote's 'via')",
                   "MENTIONS": "a speaker names another actor in a quote"}


def network(store, *, type=None, since=None, until=None, max_nodes: int = 60) -> dict[str, Any]:
    """Actors and their relations: events between two actors (CONSULT, ACCUSE, ...; actor ->
    recipient) and, from the quotes of recent articles, QUOTES (agency -> speaker) and MENTIONS
    (speaker -> actor named in the quote). Edges are counted; the most connected actors are kept."""
    E, AC = S.events, S.actors
    edges: Counter = Counter()
    want_events = not type or type.upper() not in QUOTE_RELATIONS
    want_quotes = not type or type.upper() in QUOTE_RELATIONS
    if want_events:
        conds = _event_conds(type=type, since=since, until=until) + [
            E.c.actor_actor_id.is_not(None), E.c.recipient_actor_id.is_not(None)]
        for r in _rows(store, select(E.c.actor_actor_id, E.c.recipient_actor_id, E.c.type, func.count().label("n"))
                       .where(*conds).group_by(E.c.actor_actor_id, E.c.recipient_actor_id, E.c.type)
                       .order_by(func.count().desc()).limit(2000)):
            edges[(r["actor_actor_id"], r["recipient_actor_id"], r["type"])] += r["n"]
    scanned = 0
    if want_quotes:
        only = type.upper() if type else None
        for _, rec, amap in _scan(store, since=since, until=until):
            scanned += 1
            ents = rec.get("entities") or []
            for q in rec.get("quotes") or []:
                spk = amap.get(q.get("speaker")) if q.get("speaker") else None
                if spk is None:
                    continue
                via = q.get("via")
                if via and only in (None, "QUOTES"):
                    for e in ents:
                        if e["id"] != q.get("speaker") and any(
                                m["start"] < via["end"] and via["start"] < m["end"] for m in e.get("mentions") or []):
                            if e["id"] in amap:
                                edges[(amap[e["id"]], spk, "QUOTES")] += 1
                            break
                if only in (None, "MENTIONS"):
                    for e in ents:
                        if e["id"] == q.get("speaker") or e["id"] not in amap:
                            continue
                        if any(_inside(m, q["start"], q["end"]) for m in e.get("mentions") or []):
                            edges[(spk, amap[e["id"]], "MENTIONS")] += 1
    weight: Counter = Counter()
    for (a, b, _), n in edges.items():
        weight[a] += n
        weight[b] += n
    keep = {a for a, _ in weight.most_common(max_nodes)}
    info = {}
    if keep:
        info = {r["id"]: r for r in _rows(store, select(AC.c.id, AC.c.name, AC.c.country, AC.c.type)
                                          .where(AC.c.id.in_(sorted(keep))))}
    nodes = [{"id": a, "name": info[a]["name"], "country": info[a]["country"], "type": info[a]["type"],
              "n": weight[a], "href": f"/actors/{a}"} for a in sorted(keep, key=lambda a: (-weight[a], a)) if a in info]
    out_edges = [{"source": a, "target": b, "type": t, "n": n} for (a, b, t), n in
                 sorted(edges.items(), key=lambda kv: (-kv[1], kv[0])) if a in keep and b in keep]
    return {"nodes": nodes, "edges": out_edges, "relations": QUOTE_RELATIONS,
            "scanned_articles": scanned, "scan_limit": SCAN_ARTICLES}
