"""Read functions of a store (mixed into ``Store``). Every function returns plain dicts (JSON-ready)
or ``Record`` objects, the same on SQLite and PostgreSQL.

Filters common to several functions:
- ``since`` / ``until``: inclusive ``YYYY-MM-DD`` bounds on the item's ``day`` (the date it was
  said or happened when the extractor resolved a full date, else the article's publication date);
- ``text``: full-text phrase search (SQLite FTS5 / PostgreSQL ``phraseto_tsquery``);
- ``limit`` / ``offset``: paging (``limit=None`` for all).
"""
from __future__ import annotations

import json
from typing import Any, Optional, Union

from sqlalchemy import Date, String, and_, case, cast, func, literal_column, or_, select, text as sql_text
from sqlalchemy.sql import Select

from ..record import Record
from . import schema as S

ARTICLE_COLS = [S.articles.c.id, S.articles.c.key, S.articles.c.url, S.articles.c.title, S.articles.c.published,
                S.articles.c.source, S.articles.c.source_path, S.articles.c.n_entities, S.articles.c.n_quotes,
                S.articles.c.n_events, S.articles.c.n_places, S.articles.c.n_times, S.articles.c.ingested_at]


def _like(col, value: str):
    """Case-insensitive substring match."""
    return func.lower(col).like(f"%{value.lower()}%")


def _page(q: Select, limit: Optional[int], offset: int) -> Select:
    if limit is not None:
        q = q.limit(limit)
    if offset:
        q = q.offset(offset)
    return q


class ReadMixin:
    engine: Any
    dialect: str

    # ----------------------------------------------------------------- helpers
    def _rows(self, q) -> list[dict]:
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def _fulltext(self, table, fts_table: str, value: str, columns: str = "text"):
        """A WHERE clause: ``table`` rows whose text contains the phrase ``value``."""
        if self.dialect == "sqlite":
            phrase = '"' + value.replace('"', '""') + '"'
            sub = sql_text(f"SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH :fts_q").bindparams(fts_q=phrase)
            return table.c.id.in_(sub.columns(literal_column("rowid")))
        if self.dialect == "postgresql":
            if table is S.articles:
                doc = func.to_tsvector("english", func.coalesce(table.c.title, "") + " " + table.c.text)
            else:
                doc = func.to_tsvector("english", table.c.text)
            return doc.op("@@")(func.phraseto_tsquery("english", value))
        return _like(table.c.text, value)

    def _week(self, col):
        """The Monday (YYYY-MM-DD) of the week of a YYYY-MM-DD column."""
        if self.dialect == "sqlite":
            return func.date(col, "-6 days", "weekday 1")
        if self.dialect == "postgresql":
            return func.to_char(func.date_trunc("week", cast(col, Date)), "YYYY-MM-DD")
        return col

    def _actor_match(self, name: str) -> Select:
        """Actors whose name contains ``name`` or whose country code is ``name``."""
        return select(S.actors.c.id).where(or_(_like(S.actors.c.name, name), S.actors.c.country == name.upper()))

    # ----------------------------------------------------------------- articles
    def stats(self) -> dict[str, int]:
        """Counts: articles, quotes, statements, actors, events, places, times, failures."""
        out = {}
        with self.engine.connect() as conn:
            for t in (S.articles, S.quotes, S.statements, S.actors, S.events, S.places, S.times, S.failures):
                out[t.name] = conn.execute(select(func.count()).select_from(t)).scalar_one()
        return out

    def list_articles(self, *, outlet: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
                      text: Optional[str] = None, title: Optional[str] = None, limit: Optional[int] = 50,
                      offset: int = 0) -> list[dict]:
        """Articles, newest first: id, key, url, title, published, source, source_path, counts."""
        q = select(*ARTICLE_COLS)
        if outlet:
            q = q.where(_like(S.articles.c.source, outlet))
        if since:
            q = q.where(S.articles.c.published >= since)
        if until:
            q = q.where(S.articles.c.published <= until)
        if title:
            q = q.where(_like(S.articles.c.title, title))
        if text:
            q = q.where(self._fulltext(S.articles, "articles_fts", text))
        q = q.order_by(S.articles.c.published.desc(), S.articles.c.id.desc())
        return self._rows(_page(q, limit, offset))

    def get_article(self, ref: Union[int, str]) -> Optional[dict]:
        """One article's row (as in list_articles) by integer id, record id (key) or URL."""
        q = select(*ARTICLE_COLS)
        if isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit()):
            q = q.where(S.articles.c.id == int(ref))
        else:
            q = q.where(or_(S.articles.c.key == ref, S.articles.c.url == ref))
        rows = self._rows(q.order_by(S.articles.c.id).limit(1))
        return rows[0] if rows else None

    def get_record(self, ref: Union[int, str]) -> Optional[Record]:
        """The full Record of an article (by integer id, record id or URL), exactly as extracted."""
        d = self.get_record_dict(ref)
        return Record.from_dict(d) if d is not None else None

    def get_record_dict(self, ref: Union[int, str]) -> Optional[dict]:
        art = self.get_article(ref)
        if art is None:
            return None
        with self.engine.connect() as conn:
            js = conn.execute(select(S.articles.c.record_json).where(S.articles.c.id == art["id"])).scalar_one()
        return json.loads(js)

    def iter_records(self, batch: int = 200):
        """Every stored record as a dict (``Record.to_dict()`` form), in ingest order."""
        last = 0
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(select(S.articles.c.id, S.articles.c.record_json).where(S.articles.c.id > last)
                                    .order_by(S.articles.c.id).limit(batch)).all()
            if not rows:
                return
            for r in rows:
                yield json.loads(r.record_json)
            last = rows[-1].id

    # ----------------------------------------------------------------- quotes and statements
    def search_quotes(self, *, speaker: Optional[str] = None, since: Optional[str] = None,
                      until: Optional[str] = None, outlet: Optional[str] = None, kind: Optional[str] = None,
                      text: Optional[str] = None, actor_id: Optional[int] = None, article_id: Optional[int] = None,
                      statement_id: Optional[int] = None, cue_type: Optional[str] = None,
                      limit: Optional[int] = 50, offset: int = 0) -> list[dict]:
        """Quotes, newest first. ``speaker``: substring of the speaker's actor name (or its
        country code, e.g. "RUS"); ``kind``: direct|indirect|mixed; ``outlet``: substring;
        ``cue_type``: speech|other."""
        q = S.quotes
        a = S.articles
        cols = [q.c.id, q.c.article_id, q.c.qid, q.c.statement_id, q.c.text, q.c.kind, q.c.cue_type,
                q.c.speaker_eid, q.c.speaker_actor_id, q.c.speaker_name, q.c.cue, q.c.addressee, q.c.via, q.c.date,
                q.c.day, q.c.published, q.c.outlet, q.c.start, q.c.end, q.c.rule, a.c.title, a.c.url,
                a.c.key.label("article_key")]
        stmt = select(*cols).select_from(q.join(a, a.c.id == q.c.article_id))
        if speaker:
            stmt = stmt.where(or_(q.c.speaker_actor_id.in_(self._actor_match(speaker)),
                                  and_(q.c.speaker_actor_id.is_(None), _like(q.c.speaker_name, speaker))))
        if actor_id is not None:
            stmt = stmt.where(q.c.speaker_actor_id == actor_id)
        if article_id is not None:
            stmt = stmt.where(q.c.article_id == article_id)
        if statement_id is not None:
            stmt = stmt.where(q.c.statement_id == statement_id)
        if since:
            stmt = stmt.where(q.c.day >= since)
        if until:
            stmt = stmt.where(q.c.day <= until)
        if outlet:
            stmt = stmt.where(_like(q.c.outlet, outlet))
        if kind:
            stmt = stmt.where(q.c.kind == kind)
        if cue_type:
            stmt = stmt.where(q.c.cue_type == cue_type)
        if text:
            stmt = stmt.where(self._fulltext(q, "quotes_fts", text))
        stmt = stmt.order_by(q.c.day.desc(), q.c.id.desc())
        return self._rows(_page(stmt, limit, offset))

    def list_statements(self, *, speaker: Optional[str] = None, text: Optional[str] = None, min_sources: int = 1,
                        limit: Optional[int] = 50, offset: int = 0) -> list[dict]:
        """Statements (the same quote across articles), most reported first: id, text, speaker,
        n_sources (articles reporting it), outlets (distinct, comma-separated), first_day, last_day."""
        q, st, ac = S.quotes, S.statements, S.actors
        stmt = (select(st.c.id, st.c.text, st.c.speaker_actor_id, ac.c.name.label("speaker"),
                       ac.c.country.label("speaker_country"), st.c.n_sources, st.c.first_day, st.c.last_day)
                .select_from(st.outerjoin(ac, ac.c.id == st.c.speaker_actor_id)))
        if speaker:
            stmt = stmt.where(st.c.speaker_actor_id.in_(self._actor_match(speaker)))
        if text:
            stmt = stmt.where(st.c.id.in_(select(q.c.statement_id).where(self._fulltext(q, "quotes_fts", text))))
        if min_sources > 1:
            stmt = stmt.where(st.c.n_sources >= min_sources)
        stmt = stmt.order_by(st.c.n_sources.desc(), st.c.id)
        rows = self._rows(_page(stmt, limit, offset))
        if rows:  # the outlets of just this page's statements
            outlets: dict[int, list[str]] = {}
            pairs = select(q.c.statement_id, q.c.outlet).where(
                q.c.statement_id.in_([r["id"] for r in rows])).distinct().order_by(q.c.statement_id, q.c.outlet)
            for sid, outlet in ((r["statement_id"], r["outlet"]) for r in self._rows(pairs)):
                if outlet:
                    outlets.setdefault(sid, []).append(outlet)
            for r in rows:
                r["outlets"] = ",".join(outlets.get(r["id"], []))
        return rows

    def get_statement(self, statement_id: int) -> Optional[dict]:
        """A statement with every quote (source) that reports it."""
        rows = self._rows(select(S.statements).where(S.statements.c.id == statement_id))
        if not rows:
            return None
        out = rows[0]
        out["sources"] = self.search_quotes(statement_id=statement_id, limit=None)
        return out

    # ----------------------------------------------------------------- actors
    def list_actors(self, *, name: Optional[str] = None, country: Optional[str] = None, type: Optional[str] = None,
                    limit: Optional[int] = 50, offset: int = 0) -> list[dict]:
        """Actors (one per canonical name and country), most mentioned first: id, name, country,
        type, sector, n_articles, n_mentions."""
        ac, en = S.actors, S.entities
        n_art = func.count(func.distinct(en.c.article_id))
        stmt = (select(ac.c.id, ac.c.name, ac.c.country, ac.c.type, ac.c.sector, n_art.label("n_articles"),
                       func.coalesce(func.sum(en.c.n_mentions), 0).label("n_mentions"))
                .select_from(ac.outerjoin(en, en.c.actor_id == ac.c.id))
                .group_by(ac.c.id, ac.c.name, ac.c.country, ac.c.type, ac.c.sector))
        if name:
            stmt = stmt.where(_like(ac.c.name, name))
        if country:
            stmt = stmt.where(ac.c.country == country.upper())
        if type:
            stmt = stmt.where(ac.c.type == type.upper())
        stmt = stmt.order_by(n_art.desc(), ac.c.name)
        return self._rows(_page(stmt, limit, offset))

    def get_actor(self, actor_id: int) -> Optional[dict]:
        """An actor with its name variants, the articles that mention it, and quote/event counts."""
        rows = self._rows(select(S.actors).where(S.actors.c.id == actor_id))
        if not rows:
            return None
        out = rows[0]
        en, a = S.entities, S.articles
        out["articles"] = self._rows(
            select(a.c.id, a.c.key, a.c.title, a.c.published, a.c.source, en.c.eid, en.c.name, en.c.roles,
                   en.c.n_mentions)
            .select_from(en.join(a, a.c.id == en.c.article_id)).where(en.c.actor_id == actor_id)
            .order_by(a.c.published.desc(), a.c.id.desc()))
        for r in out["articles"]:
            r["roles"] = json.loads(r["roles"]) if r["roles"] else []
        with self.engine.connect() as conn:
            out["n_quotes"] = conn.execute(select(func.count()).select_from(S.quotes)
                                           .where(S.quotes.c.speaker_actor_id == actor_id)).scalar_one()
            out["n_events"] = conn.execute(select(func.count()).select_from(S.events).where(
                or_(S.events.c.actor_actor_id == actor_id, S.events.c.recipient_actor_id == actor_id))).scalar_one()
        return out

    # ----------------------------------------------------------------- events
    def _event_filters(self, stmt, *, actor=None, recipient=None, type=None, place=None, since=None, until=None,
                       include_flagged=False, quad=None, article_id=None):
        ev = S.events
        if actor:
            stmt = stmt.where(or_(ev.c.actor_country == actor.upper(), _like(ev.c.actor_name, actor)))
        if recipient:
            stmt = stmt.where(or_(ev.c.recipient_country == recipient.upper(), _like(ev.c.recipient_name, recipient)))
        if type:
            stmt = stmt.where(ev.c.type == type.upper())
        if quad:
            stmt = stmt.where(ev.c.quad == quad)
        if place:
            stmt = stmt.where(or_(_like(ev.c.place_name, place), ev.c.place_country == place.upper()))
        if since:
            stmt = stmt.where(ev.c.day >= since)
        if until:
            stmt = stmt.where(ev.c.day <= until)
        if article_id is not None:
            stmt = stmt.where(ev.c.article_id == article_id)
        if not include_flagged:
            stmt = stmt.where(ev.c.negated.is_(False), ev.c.hypothetical.is_(False), ev.c.future.is_(False))
        return stmt

    def search_events(self, *, actor: Optional[str] = None, recipient: Optional[str] = None,
                      type: Optional[str] = None, place: Optional[str] = None, since: Optional[str] = None,
                      until: Optional[str] = None, include_flagged: bool = False, quad: Optional[str] = None,
                      article_id: Optional[int] = None, limit: Optional[int] = 50, offset: int = 0) -> list[dict]:
        """Events, newest first. ``actor``/``recipient``: a country code (RUS) or a name substring;
        ``type``: PLOVER type; ``place``: place name substring or country code. Events flagged
        negated/hypothetical/future are left out unless ``include_flagged``."""
        ev, a = S.events, S.articles
        stmt = select(*[c for c in ev.c], a.c.key.label("article_key"), a.c.title, a.c.url).select_from(
            ev.join(a, a.c.id == ev.c.article_id))
        stmt = self._event_filters(stmt, actor=actor, recipient=recipient, type=type, place=place, since=since,
                                   until=until, include_flagged=include_flagged, quad=quad, article_id=article_id)
        rows = self._rows(_page(stmt.order_by(ev.c.day.desc(), ev.c.id.desc()), limit, offset))
        for r in rows:
            r["contexts"] = json.loads(r["contexts"]) if r["contexts"] else []
        return rows

    def event_counts(self, *, actor: Optional[str] = None, recipient: Optional[str] = None,
                     type: Optional[str] = None, place: Optional[str] = None, since: Optional[str] = None,
                     until: Optional[str] = None, include_flagged: bool = False,
                     limit: Optional[int] = None) -> list[dict]:
        """Event counts per actor pair per week: week (Monday, YYYY-MM-DD), actor, actor_country,
        recipient, recipient_country, n. Actors are named by actor name, else country code;
        events without a known actor are not counted."""
        ev = S.events
        week = self._week(ev.c.day).label("week")
        act = func.coalesce(ev.c.actor_name, ev.c.actor_country).label("actor")
        rec = func.coalesce(ev.c.recipient_name, ev.c.recipient_country).label("recipient")
        stmt = (select(week, act, ev.c.actor_country, rec, ev.c.recipient_country, func.count().label("n"))
                .where(ev.c.day.is_not(None), or_(ev.c.actor_name.is_not(None), ev.c.actor_country.is_not(None)))
                .group_by(week, act, ev.c.actor_country, rec, ev.c.recipient_country))
        stmt = self._event_filters(stmt, actor=actor, recipient=recipient, type=type, place=place, since=since,
                                   until=until, include_flagged=include_flagged)
        stmt = stmt.order_by(week, func.count().desc())
        return self._rows(_page(stmt, limit, 0))

    # ----------------------------------------------------------------- places and failures
    def list_places(self, *, name: Optional[str] = None, country: Optional[str] = None,
                    limit: Optional[int] = 50, offset: int = 0) -> list[dict]:
        """Places across articles (grouped by GeoNames id, else by name and country), most
        mentioned first: name, geonameid, lat, lon, country, feature, n_articles, n_mentions."""
        p = S.places
        key = case((p.c.geonameid.is_not(None), cast(p.c.geonameid, String)),
                   else_=p.c.name + "|" + func.coalesce(p.c.country, "")).label("place_key")
        n_art = func.count(func.distinct(p.c.article_id))
        stmt = (select(key, func.min(p.c.name).label("name"), func.max(p.c.geonameid).label("geonameid"),
                       func.max(p.c.lat).label("lat"), func.max(p.c.lon).label("lon"),
                       func.max(p.c.country).label("country"), func.max(p.c.feature).label("feature"),
                       n_art.label("n_articles"), func.sum(p.c.n_mentions).label("n_mentions"))
                .group_by(key))
        if name:
            stmt = stmt.where(_like(p.c.name, name))
        if country:
            stmt = stmt.where(p.c.country == country.upper())
        stmt = stmt.order_by(n_art.desc(), func.min(p.c.name))
        return self._rows(_page(stmt, limit, offset))

    def list_failures(self, *, run_id: Optional[int] = None, limit: Optional[int] = 100, offset: int = 0) -> list[dict]:
        """Articles (or files) that could not be stored, with their error, newest first."""
        stmt = select(S.failures)
        if run_id is not None:
            stmt = stmt.where(S.failures.c.run_id == run_id)
        return self._rows(_page(stmt.order_by(S.failures.c.id.desc()), limit, offset))

    def list_runs(self, limit: Optional[int] = 20) -> list[dict]:
        return self._rows(_page(select(S.runs).order_by(S.runs.c.id.desc()), limit, 0))
