"""Read functions of a store (mixed into ``Store``). Every function returns plain dicts (JSON-ready)
or ``Record`` objects, the same on SQLite and PostgreSQL.

Filters common to several functions:
- ``since`` / ``until``: inclusive ``YYYY-MM-DD`` bounds on the item's ``day`` (the date it was
  said or happened when the extractor resolved a full date, else the article's publication date);
- ``text``: full-text phrase search (SQLite FTS5 / PostgreSQL ``phraseto_tsquery``);
- ``limit`` / ``offset``: paging (``limit=None`` for all).
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any, Optional, Union
from urllib.parse import quote as quote_url

from sqlalchemy import Date, String, Table, and_, case, cast, func, literal, literal_column, or_, select, union_all
from sqlalchemy import text as sql_text
from sqlalchemy.sql import ColumnElement, Executable, Select

from ..record import Record
from . import fts
from . import schema as S
from .actors import actor_roles

DENSE_MATCHES = 2000  # a search matching more rows than this is walked along the date index (SQLite)

ARTICLE_COLS = [
    S.articles.c.id,
    S.articles.c.key,
    S.articles.c.url,
    S.articles.c.title,
    S.articles.c.published,
    S.articles.c.source,
    S.articles.c.source_path,
    S.articles.c.n_entities,
    S.articles.c.n_quotes,
    S.articles.c.n_events,
    S.articles.c.n_places,
    S.articles.c.n_times,
    S.articles.c.ingested_at,
]


def confident(table: Table, min_confidence: Optional[float] = None) -> ColumnElement[bool]:
    """The condition on the events or quotes table: confidence at or above ``min_confidence``
    (default: that table's documented threshold, ``newsgraph.thresholds``); rows stored before
    confidences existed pass."""
    from ..thresholds import event_min_confidence, quote_min_confidence

    if min_confidence is None:
        min_confidence = quote_min_confidence() if table.name == "quotes" else event_min_confidence()
    return or_(table.c.confidence.is_(None), table.c.confidence >= min_confidence)


def _like(col: ColumnElement[Any], value: str) -> ColumnElement[bool]:
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
    def _rows(self, q: Executable) -> list[dict]:
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(q)]

    def _fulltext(
        self,
        table: Table,
        fts_table: str,
        value: str,
        columns: str = "text",
        *,
        language: bool = False,
        dense_walk: bool = False,
    ) -> ColumnElement[bool]:
        """A WHERE clause: ``table`` rows whose text contains the phrase ``value`` or, with
        ``language``, matches the search ``value`` (``newsgraph.store.fts``: words stemmed, OR,
        NOT, "phrases", prefix*; raises ``fts.SearchError``). ``dense_walk`` (SQLite): when the
        search matches many rows, test rows one by one instead of driving from the match list
        ("id + 0" keeps the planner walking the date index)."""
        if self.dialect == "sqlite":
            if language:
                match = fts.fts5_query(value)
            else:
                words = fts.phrase_words(value)
                if not words:
                    return table.c.id.is_(None)  # nothing to look for: no row
                match = '"' + words.replace('"', '""') + '"'
            sub = sql_text(f"SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH :fts_q").bindparams(fts_q=match)
            col: ColumnElement[Any] = table.c.id
            if dense_walk and (self._match_count(table, fts_table, value, language=language) or 0) > DENSE_MATCHES:
                col = table.c.id + 0
            return col.in_(sub.columns(literal_column("rowid")))
        if self.dialect == "postgresql":
            if table is S.articles:
                doc = func.to_tsvector("english", func.coalesce(table.c.title, "") + " " + table.c.text)
            else:
                doc = func.to_tsvector("english", table.c.text)
            if language:
                return doc.op("@@")(fts.to_tsquery(fts.parse(value)))
            return doc.op("@@")(func.phraseto_tsquery("english", fts.phrase_words(value)))
        return _like(table.c.text, value)

    def _match_count(self, table: Table, fts_table: str, value: str, *, language: bool = True) -> Optional[int]:
        """How many rows the search matches, from the full-text index alone (SQLite; None on
        PostgreSQL, where the callers' fast paths do not apply)."""
        if self.dialect != "sqlite":
            return None
        match = fts.fts5_query(value) if language else '"' + fts.phrase_words(value).replace('"', '""') + '"'
        with self.engine.connect() as conn:
            return conn.execute(
                sql_text(f"SELECT count(*) FROM {fts_table} WHERE {fts_table} MATCH :m").bindparams(m=match)
            ).scalar()

    def _week(self, col: ColumnElement[Any]) -> ColumnElement[Any]:
        """The Monday (YYYY-MM-DD) of the week of a YYYY-MM-DD column."""
        if self.dialect == "sqlite":
            return func.date(col, "-6 days", "weekday 1")
        if self.dialect == "postgresql":
            return func.to_char(func.date_trunc("week", cast(col, Date)), "YYYY-MM-DD")
        return col

    @staticmethod
    def _listed(AC: Optional[Table] = None) -> ColumnElement[bool]:
        """Actors shown in lists: not junk, not merged into another (newsgraph.store.actors)."""
        AC = AC if AC is not None else S.actors
        return and_(AC.c.junk.is_(None), AC.c.merged_into.is_(None))

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

    def list_articles(
        self,
        *,
        outlet: Optional[str] = None,
        since: Optional[str] = None,
        until: Optional[str] = None,
        text: Optional[str] = None,
        title: Optional[str] = None,
        limit: Optional[int] = 50,
        offset: int = 0,
    ) -> list[dict]:
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

    def iter_records(self, batch: int = 200) -> Iterator[dict]:
        """Every stored record as a dict (``Record.to_dict()`` form), in ingest order."""
        last = 0
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(
                    select(S.articles.c.id, S.articles.c.record_json)
                    .where(S.articles.c.id > last)
                    .order_by(S.articles.c.id)
                    .limit(batch)
                ).all()
            if not rows:
                return
            for r in rows:
                yield json.loads(r.record_json)
            last = rows[-1].id

    # ----------------------------------------------------------------- quotes and statements
    def search_quotes(
        self,
        *,
        speaker: Optional[str] = None,
        since: Optional[str] = None,
        until: Optional[str] = None,
        outlet: Optional[str] = None,
        kind: Optional[str] = None,
        text: Optional[str] = None,
        actor_id: Optional[int] = None,
        article_id: Optional[int] = None,
        statement_id: Optional[int] = None,
        cue_type: Optional[str] = None,
        min_confidence: Optional[float] = None,
        limit: Optional[int] = 50,
        offset: int = 0,
    ) -> list[dict]:
        """Quotes, newest first. ``speaker``: substring of the speaker's actor name (or its
        country code, e.g. "RUS"); ``kind``: direct|indirect|mixed; ``outlet``: substring;
        ``cue_type``: speech|other; ``min_confidence``: quotes at or above it (default: the
        documented threshold, docs/quotes.md; 0 keeps all)."""
        q = S.quotes
        a = S.articles
        cols = [
            q.c.id,
            q.c.article_id,
            q.c.qid,
            q.c.statement_id,
            q.c.text,
            q.c.kind,
            q.c.cue_type,
            q.c.speaker_eid,
            q.c.speaker_actor_id,
            q.c.speaker_name,
            q.c.cue,
            q.c.addressee,
            q.c.via,
            q.c.date,
            q.c.day,
            q.c.published,
            q.c.outlet,
            q.c.start,
            q.c.end,
            q.c.rule,
            q.c.confidence,
            a.c.title,
            a.c.url,
            a.c.key.label("article_key"),
        ]
        stmt = select(*cols).select_from(q.join(a, a.c.id == q.c.article_id)).where(confident(q, min_confidence))
        if speaker:
            stmt = stmt.where(
                or_(
                    q.c.speaker_actor_id.in_(self._actor_match(speaker)),
                    and_(q.c.speaker_actor_id.is_(None), _like(q.c.speaker_name, speaker)),
                )
            )
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

    def list_statements(
        self,
        *,
        speaker: Optional[str] = None,
        text: Optional[str] = None,
        min_sources: int = 1,
        limit: Optional[int] = 50,
        offset: int = 0,
        include_boilerplate: bool = False,
    ) -> list[dict]:
        """Statements (the same quote across articles), most reported first: id, text, speaker,
        n_sources (articles reporting it), outlets (distinct, comma-separated), first_day, last_day.
        Boilerplate (the same text from one outlet in many articles: an editor's note) is left
        out unless ``include_boilerplate``."""
        q, st, ac = S.quotes, S.statements, S.actors
        stmt = select(
            st.c.id,
            st.c.text,
            st.c.speaker_actor_id,
            ac.c.name.label("speaker"),
            ac.c.country.label("speaker_country"),
            st.c.n_sources,
            st.c.first_day,
            st.c.last_day,
        ).select_from(st.outerjoin(ac, ac.c.id == st.c.speaker_actor_id))
        if speaker:
            stmt = stmt.where(st.c.speaker_actor_id.in_(self._actor_match(speaker)))
        if text:
            stmt = stmt.where(st.c.id.in_(select(q.c.statement_id).where(self._fulltext(q, "quotes_fts", text))))
        if min_sources > 1:
            stmt = stmt.where(st.c.n_sources >= min_sources)
        if not include_boilerplate:
            stmt = stmt.where(st.c.boilerplate.is_(False))
        stmt = stmt.order_by(st.c.n_sources.desc(), st.c.id)
        rows = self._rows(_page(stmt, limit, offset))
        if rows:  # the outlets of just this page's statements
            outlets: dict[int, list[str]] = {}
            pairs = (
                select(q.c.statement_id, q.c.outlet)
                .where(q.c.statement_id.in_([r["id"] for r in rows]))
                .distinct()
                .order_by(q.c.statement_id, q.c.outlet)
            )
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
    def list_actors(
        self,
        *,
        name: Optional[str] = None,
        country: Optional[str] = None,
        type: Optional[str] = None,
        limit: Optional[int] = 50,
        offset: int = 0,
    ) -> list[dict]:
        """Actors (one per canonical name and country), most mentioned first: id, name, country,
        type, sector, n_articles, n_mentions."""
        ac, en = S.actors, S.entities
        n_art = func.count(func.distinct(en.c.article_id))
        stmt = (
            select(
                ac.c.id,
                ac.c.name,
                ac.c.country,
                ac.c.type,
                ac.c.sector,
                n_art.label("n_articles"),
                func.coalesce(func.sum(en.c.n_mentions), 0).label("n_mentions"),
            )
            .select_from(ac.outerjoin(en, en.c.actor_id == ac.c.id))
            .where(self._listed(ac))
            .group_by(ac.c.id, ac.c.name, ac.c.country, ac.c.type, ac.c.sector)
        )
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
            select(
                a.c.id, a.c.key, a.c.title, a.c.published, a.c.source, en.c.eid, en.c.name, en.c.roles, en.c.n_mentions
            )
            .select_from(en.join(a, a.c.id == en.c.article_id))
            .where(en.c.actor_id == actor_id)
            .order_by(a.c.published.desc(), a.c.id.desc())
        )
        for r in out["articles"]:
            r["roles"] = json.loads(r["roles"]) if r["roles"] else []
        with self.engine.connect() as conn:
            out["n_quotes"] = conn.execute(
                select(func.count())
                .select_from(S.quotes)
                .where(S.quotes.c.speaker_actor_id == actor_id, confident(S.quotes))
            ).scalar_one()
            out["n_events"] = conn.execute(
                select(func.count())
                .select_from(S.events)
                .where(or_(S.events.c.actor_actor_id == actor_id, S.events.c.recipient_actor_id == actor_id))
            ).scalar_one()
            # every name variant, with the rule that made it this actor and why (store/actors.py)
            out["names"] = [
                dict(r._mapping)
                for r in conn.execute(
                    select(S.actor_names.c.name, S.actor_names.c.rule, S.actor_names.c.why)
                    .where(S.actor_names.c.actor_id == actor_id)
                    .order_by(S.actor_names.c.id)
                )
            ]
        return out

    # ----------------------------------------------------------------- events
    def _event_filters(
        self,
        stmt: Select,
        *,
        actor: Optional[str] = None,
        recipient: Optional[str] = None,
        type: Optional[str] = None,
        place: Optional[str] = None,
        since: Optional[str] = None,
        until: Optional[str] = None,
        include_flagged: bool = False,
        quad: Optional[str] = None,
        article_id: Optional[int] = None,
        min_confidence: Optional[float] = None,
    ) -> Select:
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
        stmt = stmt.where(confident(ev, min_confidence))
        return stmt

    def search_events(
        self,
        *,
        actor: Optional[str] = None,
        recipient: Optional[str] = None,
        type: Optional[str] = None,
        place: Optional[str] = None,
        since: Optional[str] = None,
        until: Optional[str] = None,
        include_flagged: bool = False,
        quad: Optional[str] = None,
        article_id: Optional[int] = None,
        limit: Optional[int] = 50,
        offset: int = 0,
        min_confidence: Optional[float] = None,
    ) -> list[dict]:
        """Events, newest first. ``actor``/``recipient``: a country code (RUS) or a name substring;
        ``type``: PLOVER type; ``place``: place name substring or country code. Events flagged
        negated/hypothetical/future are left out unless ``include_flagged``, and so are events
        below ``min_confidence`` (default: the documented threshold, newsgraph.thresholds)."""
        ev, a = S.events, S.articles
        stmt = select(*[c for c in ev.c], a.c.key.label("article_key"), a.c.title, a.c.url).select_from(
            ev.join(a, a.c.id == ev.c.article_id)
        )
        stmt = self._event_filters(
            stmt,
            actor=actor,
            recipient=recipient,
            type=type,
            place=place,
            since=since,
            until=until,
            include_flagged=include_flagged,
            quad=quad,
            article_id=article_id,
            min_confidence=min_confidence,
        )
        rows = self._rows(_page(stmt.order_by(ev.c.day.desc(), ev.c.id.desc()), limit, offset))
        for r in rows:
            r["contexts"] = json.loads(r["contexts"]) if r["contexts"] else []
        return rows

    def event_counts(
        self,
        *,
        actor: Optional[str] = None,
        recipient: Optional[str] = None,
        type: Optional[str] = None,
        place: Optional[str] = None,
        since: Optional[str] = None,
        until: Optional[str] = None,
        include_flagged: bool = False,
        limit: Optional[int] = None,
        min_confidence: Optional[float] = None,
    ) -> list[dict]:
        """Event counts per actor pair per week: week (Monday, YYYY-MM-DD), actor, actor_country,
        recipient, recipient_country, n. Actors are named by actor name, else country code;
        events without a known actor are not counted."""
        ev = S.events
        week = self._week(ev.c.day).label("week")
        act = func.coalesce(ev.c.actor_name, ev.c.actor_country).label("actor")
        rec = func.coalesce(ev.c.recipient_name, ev.c.recipient_country).label("recipient")
        stmt = (
            select(week, act, ev.c.actor_country, rec, ev.c.recipient_country, func.count().label("n"))
            .where(ev.c.day.is_not(None), or_(ev.c.actor_name.is_not(None), ev.c.actor_country.is_not(None)))
            .group_by(week, act, ev.c.actor_country, rec, ev.c.recipient_country)
        )
        stmt = self._event_filters(
            stmt,
            actor=actor,
            recipient=recipient,
            type=type,
            place=place,
            since=since,
            until=until,
            include_flagged=include_flagged,
            min_confidence=min_confidence,
        )
        stmt = stmt.order_by(week, func.count().desc())
        return self._rows(_page(stmt, limit, 0))

    # ----------------------------------------------------------------- places and failures
    def list_places(
        self, *, name: Optional[str] = None, country: Optional[str] = None, limit: Optional[int] = 50, offset: int = 0
    ) -> list[dict]:
        """Places across articles (grouped by GeoNames id, else by name and country), most
        mentioned first: name, geonameid, lat, lon, country, feature, n_articles, n_mentions."""
        p = S.places
        key = case(
            (p.c.geonameid.is_not(None), cast(p.c.geonameid, String)),
            else_=p.c.name + "|" + func.coalesce(p.c.country, ""),
        ).label("place_key")
        n_art = func.count(func.distinct(p.c.article_id))
        stmt = select(
            key,
            func.min(p.c.name).label("name"),
            func.max(p.c.geonameid).label("geonameid"),
            func.max(p.c.lat).label("lat"),
            func.max(p.c.lon).label("lon"),
            func.max(p.c.country).label("country"),
            func.max(p.c.feature).label("feature"),
            n_art.label("n_articles"),
            func.sum(p.c.n_mentions).label("n_mentions"),
        ).group_by(key)
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

    # ================================================================= the web app's reads
    # Each returns the JSON-ready dict that a page shows (the HTML page renders it, the JSON
    # twin returns it as it is), or, for exports, an iterator of flat rows.

    def facets(self) -> dict[str, list]:
        """Values for the filter menus: event types, outlets, quote kinds and cue types."""
        with self.engine.connect() as conn:
            types = [
                r for r in conn.execute(select(S.events.c.type).distinct().order_by(S.events.c.type)).scalars() if r
            ]
            outlets = [
                r
                for r in conn.execute(
                    select(S.articles.c.source)
                    .where(S.articles.c.source.is_not(None))
                    .distinct()
                    .order_by(S.articles.c.source)
                    .limit(500)
                ).scalars()
                if r
            ]
        return {"event_types": types, "outlets": outlets, "kinds": QUOTE_KINDS, "cue_types": CUE_TYPES}

    def overview(self) -> dict[str, Any]:
        """Counts, the latest articles, the most present actors and the most reported statements."""
        stats = self.stats()
        out: dict[str, Any] = {"stats": stats, "empty": stats.get("articles", 0) == 0}
        if out["empty"]:
            out.update(latest_articles=[], top_actors=[], top_statements=[])
            return out
        out["shown"] = self.shown_counts()
        out["latest_articles"] = self.list_articles(limit=10)
        out["top_actors"] = self.ranked_actors(limit=12)
        out["top_statements"] = self.top_statements(limit=6)
        return out

    def shown_counts(self) -> dict[str, Any]:
        """The totals the pages show without a filter (``stats`` counts every stored row): the
        statements page's statements (counted up to ``COUNT_CAP``, as that page counts them:
        ``statements_capped`` says there are more) and quotes (speech cues at or above the
        confidence threshold), the actors page's actors (not junk, not merged), the timeline's
        events (``_web_event_conds``: not negated, hypothetical or future; at or above the
        threshold). Each count reads a covering index."""
        from ..thresholds import event_min_confidence

        Q, E, AC = S.quotes, S.events, S.actors
        said = [*self._quote_conds(cue_type="speech"), Q.c.statement_id.is_not(None)]
        # the timeline's conditions, with confidence kept off its own index so that SQLite
        # counts along a covering index (no row reads: 30 ms -> 5 ms on 26,000 events)
        conf = self._noidx(E.c.confidence)
        shown = [
            E.c.negated.is_(False),
            E.c.hypothetical.is_(False),
            E.c.future.is_(False),
            or_(conf.is_(None), conf >= event_min_confidence()),
        ]
        with self.engine.connect() as conn:
            quotes = conn.execute(select(func.count()).select_from(Q).where(*said)).scalar_one()
            statements = conn.execute(
                select(func.count()).select_from(
                    select(Q.c.statement_id).where(*said).distinct().limit(COUNT_CAP + 1).subquery()
                )
            ).scalar_one()
            actors = conn.execute(select(func.count()).select_from(AC).where(self._listed(AC))).scalar_one()
            events = conn.execute(select(func.count()).select_from(E).where(*shown)).scalar_one()
        return {
            "statements": min(statements, COUNT_CAP),
            "statements_capped": statements > COUNT_CAP,
            "quotes": quotes,
            "actors": actors,
            "events": events,
        }

    def top_statements(self, *, limit: int = 6) -> list[dict]:
        """Among the newest ``RECENT_QUOTES`` quotes said (cue type speech) that are whole
        statements (at least ``MIN_STATEMENT_WORDS`` words, so not "it", "that" or a name) and
        have a known speaker: the statements reported by the most articles, then the newest.
        Each carries the article and quote id of its newest source (a deep link)."""
        Q, ST, AC = S.quotes, S.statements, S.actors
        words = func.length(Q.c.text) - func.length(func.replace(Q.c.text, " ", "")) + 1
        recent = (
            select(Q.c.statement_id, Q.c.article_id, Q.c.day)
            .where(
                Q.c.statement_id.is_not(None),
                Q.c.cue_type == "speech",
                Q.c.speaker_actor_id.is_not(None),
                words >= MIN_STATEMENT_WORDS,
                Q.c.statement_id.not_in(select(ST.c.id).where(ST.c.boilerplate.is_(True))),
            )
            .order_by(Q.c.day.desc(), Q.c.id.desc())
            .limit(RECENT_QUOTES)
            .subquery()
        )
        n = func.count(func.distinct(recent.c.article_id))
        last = func.max(recent.c.day)
        top = (
            select(recent.c.statement_id, n.label("n_sources"), last.label("last_day"))
            .group_by(recent.c.statement_id)
            .order_by(n.desc(), last.desc(), recent.c.statement_id.desc())
            .limit(limit)
            .subquery()
        )
        rows = self._rows(
            select(
                ST.c.id,
                ST.c.text,
                ST.c.speaker_actor_id,
                AC.c.name.label("speaker"),
                AC.c.country.label("speaker_country"),
                top.c.n_sources,
                top.c.last_day,
            )
            .select_from(top.join(ST, ST.c.id == top.c.statement_id).outerjoin(AC, AC.c.id == ST.c.speaker_actor_id))
            .order_by(top.c.n_sources.desc(), top.c.last_day.desc(), ST.c.id.desc())
        )
        if rows:
            newest: dict[int, dict] = {}
            for r in self._rows(
                select(Q.c.statement_id, Q.c.article_id, Q.c.qid)
                .where(Q.c.statement_id.in_([r["id"] for r in rows]))
                .order_by(Q.c.day.desc(), Q.c.id.desc())
            ):
                newest.setdefault(r["statement_id"], r)
            for r in rows:
                src = newest.get(r["id"]) or {}
                r["article_id"], r["qid"] = src.get("article_id"), src.get("qid")
        return rows

    # ----------------------------------------------------------------- articles (web)
    def _article_conds(
        self,
        *,
        q: Optional[str] = None,
        outlet: Optional[str] = None,
        since: Optional[str] = None,
        until: Optional[str] = None,
    ) -> list:
        A = S.articles
        conds = []
        if q:
            conds.append(self._fulltext(A, "articles_fts", q, language=True, dense_walk=True))
        if outlet:
            conds.append(A.c.source == outlet)
        if since:
            conds.append(A.c.published >= since)
        if until:
            conds.append(A.c.published <= until)
        return conds

    def search_articles(
        self,
        *,
        q: Optional[str] = None,
        outlet: Optional[str] = None,
        since: Optional[str] = None,
        until: Optional[str] = None,
        unit: Optional[str] = None,
        limit: Optional[int] = 50,
        offset: int = 0,
    ) -> dict[str, Any]:
        """Articles, newest first, with the total and their volume over time. ``q``: the search
        language (``newsgraph.store.fts``); ``outlet``: exact outlet name."""
        A = S.articles
        conds = self._article_conds(q=q, outlet=outlet, since=since, until=until)
        rows = self._rows(
            select(*ARTICLE_COLS)
            .where(*conds)
            .order_by(A.c.published.desc(), A.c.id.desc())
            .limit(limit)
            .offset(offset)
        )
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(A).where(*conds)).scalar_one()
            counts = [
                [d, "articles", n]
                for d, n in conn.execute(
                    select(A.c.published, func.count())
                    .where(*conds, A.c.published.is_not(None))
                    .group_by(A.c.published)
                )
            ]
        return {
            "results": rows,
            "total": total,
            "more": offset + len(rows) < total,
            "limit": limit,
            "offset": offset,
            "chart": bucket(counts, unit),
        }

    def iter_articles(
        self,
        *,
        q: Optional[str] = None,
        outlet: Optional[str] = None,
        since: Optional[str] = None,
        until: Optional[str] = None,
        limit: Optional[int] = None,
    ) -> Iterator[dict]:
        """Every matching article (newest first) as a flat row: the export of the Articles page."""
        A = S.articles
        stmt = (
            select(*[c for c in ARTICLE_COLS if c.name not in ("source_path", "ingested_at")])
            .where(*self._article_conds(q=q, outlet=outlet, since=since, until=until))
            .order_by(A.c.published.desc(), A.c.id.desc())
        )
        yield from self._stream(_page(stmt, limit, 0))

    def _stream(self, stmt: Executable, batch: int = 1000) -> Iterator[dict]:
        """Rows of ``stmt`` as dicts, fetched ``batch`` at a time from one cursor (a server-side
        cursor on PostgreSQL), so an export of any size starts at once and holds little memory."""
        with self.engine.connect().execution_options(stream_results=True, yield_per=batch) as conn:
            res = conn.execute(stmt)
            keys = list(res.keys())
            while True:
                chunk = res.fetchmany(batch)
                if not chunk:
                    return
                for r in chunk:
                    yield dict(zip(keys, r))

    def article_page(self, ref: Union[int, str]) -> Optional[dict[str, Any]]:
        """The article's row, its full record, and its entity ids mapped to store actor ids."""
        row = self.get_article(ref)
        if row is None:
            return None
        record = self.get_record_dict(row["id"])
        actor_ids = {
            r["eid"]: r["actor_id"]
            for r in self._rows(
                select(S.entities.c.eid, S.entities.c.actor_id).where(S.entities.c.article_id == row["id"])
            )
        }
        return {"article": row, "record": record, "actor_ids": actor_ids}

    # ----------------------------------------------------------------- statements (web)
    def suggest_actors(self, prefix: str, *, limit: int = 10) -> list[dict]:
        """Actors whose name starts with (or has a word starting with) ``prefix``, the most
        present first: the speaker autocomplete."""
        AC, EN = S.actors, S.entities
        p = (prefix or "").strip().lower()
        if not p:
            return []
        name = func.lower(AC.c.name)
        ids = (
            select(AC.c.id)
            .where(
                or_(name.like(_esc(p) + "%", escape="\\"), name.like("% " + _esc(p) + "%", escape="\\")),
                self._listed(AC),
            )
            .limit(200)
            .subquery()
        )
        n_art = func.count(EN.c.id)
        return self._rows(
            select(AC.c.id, AC.c.name, AC.c.country, AC.c.type, n_art.label("n_articles"))
            .select_from(ids.join(AC, AC.c.id == ids.c.id).outerjoin(EN, EN.c.actor_id == AC.c.id))
            .group_by(AC.c.id, AC.c.name, AC.c.country, AC.c.type)
            .order_by(n_art.desc(), AC.c.name)
            .limit(limit)
        )

    def resolve_actor(self, value: str) -> dict[str, Any]:
        """A speaker filter as typed: an actor id ("57", "#57", or a suggestion "Name · USA · #57")
        is that actor; a name is the actor of exactly that name when there is one, else no
        actor and up to ten ``choices`` (actors whose name contains it)."""
        AC = S.actors
        v = (value or "").strip()
        m = re.search(r"#?(\d{1,9})\s*$", v)
        if m and (v.startswith("#") or v.isdigit() or "#" in v):
            rows = self._rows(select(AC.c.id, AC.c.name, AC.c.country).where(AC.c.id == int(m.group(1))))
            return {"actor": rows[0] if rows else None, "choices": []}
        exact = self._rows(
            select(AC.c.id, AC.c.name, AC.c.country)
            .where(func.lower(AC.c.name) == v.lower(), self._listed(AC))
            .order_by(AC.c.id)
            .limit(11)
        )
        if len(exact) == 1:
            return {"actor": exact[0], "choices": []}
        choices = exact or self._rows(
            select(AC.c.id, AC.c.name, AC.c.country)
            .where(_like(AC.c.name, v), self._listed(AC))
            .order_by(AC.c.name)
            .limit(10)
        )
        return {"actor": None, "choices": choices[:10]}

    def _noidx(self, col: ColumnElement[Any]) -> ColumnElement[Any]:
        """``col`` as SQLite's ``+col``: the planner will not drive the query from its index (used
        when a full-text search should drive it from its list of matches instead)."""
        if self.dialect != "sqlite":
            return col
        from sqlalchemy.sql.expression import UnaryExpression
        from sqlalchemy.sql.operators import custom_op

        return UnaryExpression(col, operator=custom_op("+"), type_=col.type)

    def _quote_conds(
        self,
        *,
        q: Optional[str] = None,
        speaker_id: Optional[int] = None,
        country: Optional[str] = None,
        outlet: Optional[str] = None,
        kind: Optional[str] = None,
        cue_type=None,
        since: Optional[str] = None,
        until: Optional[str] = None,
        min_confidence: Optional[float] = None,
        dense_walk: bool = True,
    ) -> list:
        """Filters on quotes. With a search ``q`` and not ``dense_walk`` (counts, facets,
        exports), the query is driven from the search's matches (the other columns' indexes
        are set aside); with ``dense_walk`` (newest first, one page), see ``_fulltext``.
        Quotes below ``min_confidence`` (default: the documented threshold) are left out."""
        Q = S.quotes
        c = (lambda col: self._noidx(col)) if q and not dense_walk else (lambda col: col)
        conds = [confident(Q, min_confidence)]
        if cue_type:
            conds.append(c(Q.c.cue_type) == cue_type)
        if q:
            conds.append(self._fulltext(Q, "quotes_fts", q, language=True, dense_walk=dense_walk))
        if speaker_id is not None:
            conds.append(c(Q.c.speaker_actor_id) == speaker_id)
        if country:
            conds.append(
                c(Q.c.speaker_actor_id).in_(select(S.actors.c.id).where(S.actors.c.country == country.upper()))
            )
        if since:
            conds.append(c(Q.c.day) >= since)
        if until:
            conds.append(c(Q.c.day) <= until)
        if outlet:
            conds.append(c(Q.c.outlet) == outlet)
        if kind:
            conds.append(c(Q.c.kind) == kind)
        return conds

    def search_statements(
        self,
        *,
        q: Optional[str] = None,
        speaker_id: Optional[int] = None,
        country: Optional[str] = None,
        outlet: Optional[str] = None,
        kind: Optional[str] = None,
        cue_type: Optional[str] = "speech",
        since: Optional[str] = None,
        until: Optional[str] = None,
        min_confidence: Optional[float] = None,
        unit: Optional[str] = None,
        limit: int = 20,
        offset: int = 0,
        sources_per_statement: int = 12,
        with_facets: bool = True,
    ) -> dict[str, Any]:
        """Statements matching the filters, newest first. The same statement reported by
        several articles (same speaker, near-identical text: the ``statements`` table) appears
        once, with every article that reports it and the sentence it stands in. ``q``: the
        search language; ``speaker_id``: an actor id; ``cue_type``: "speech" (what was said;
        the default), "other" (beliefs, wishes, polls, findings and other attributions), or
        None for both. With the page: totals (quotes and statements), facet counts (outlet,
        speaker, kind, cue type, month) and the matching quotes per day/week/month by kind.
        Only quotes at or above ``min_confidence`` count (default: the documented threshold;
        a quote below that threshold never has a statement, so a lower value adds nothing)."""
        Q = S.quotes
        kw: dict[str, Any] = dict(
            q=q,
            speaker_id=speaker_id,
            country=country,
            outlet=outlet,
            kind=kind,
            cue_type=cue_type,
            since=since,
            until=until,
            min_confidence=min_confidence,
        )
        # counts drive from the search's matches; the newest-first walk may go along the date
        # index instead when the search matches many quotes (see _fulltext)
        conds = self._quote_conds(**kw, dense_walk=False) + [Q.c.statement_id.is_not(None)]
        walk = (self._quote_conds(**kw, dense_walk=True) + [Q.c.statement_id.is_not(None)]) if q else conds
        # A statement's place in "newest first" is its newest matching quote: walk the matching
        # quotes newest first (the day index) and keep the first statement ids met.
        order = [Q.c.day.desc().nulls_last() if self.dialect == "postgresql" else Q.c.day.desc(), Q.c.id.desc()]
        need, n = offset + limit, (offset + limit) * 4 + 50
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(select(Q.c.statement_id).where(*walk).order_by(*order).limit(n)).all()
            seen = list(dict.fromkeys(r[0] for r in rows))
            if len(seen) >= need or len(rows) < n:
                break
            n *= 4
        page_ids = seen[offset : offset + limit]
        results = self._statement_groups(page_ids, sources_per_statement)
        out: dict[str, Any] = {"results": results, "limit": limit, "offset": offset}
        # a search matching at most ONE_PASS_MAX quotes (the full-text index says how many, at no
        # cost): one pass over its matches gives the total, exact facets and the chart
        n_match = self._match_count(Q, "quotes_fts", q) if (with_facets and q) else None
        one_pass = n_match is not None and n_match <= ONE_PASS_MAX
        counts: list = []
        with self.engine.connect() as conn:
            if one_pass:
                out["facets"], counts = self._quote_facets(conds, chart=True)
                out["total_quotes"] = out["facets"]["scanned"]
            elif with_facets:  # the chart's counts by day and kind give the total in the same pass
                by_day = conn.execute(
                    select(Q.c.day, Q.c.kind, func.count()).where(*conds).group_by(Q.c.day, Q.c.kind)
                ).all()
                out["total_quotes"] = sum(n for _d, _k, n in by_day)
                counts = [[d, k or "unknown", n] for d, k, n in by_day if d is not None]
            else:
                out["total_quotes"] = conn.execute(select(func.count()).select_from(Q).where(*conds)).scalar_one()
            capped = conn.execute(
                select(func.count()).select_from(
                    select(Q.c.statement_id).where(*conds).distinct().limit(COUNT_CAP + 1).subquery()
                )
            ).scalar_one()
        out["total"] = min(capped, COUNT_CAP)
        out["total_capped"] = capped > COUNT_CAP
        out["more"] = len(seen) > offset + limit
        if with_facets and not one_pass:
            if out["total_quotes"] <= FACET_SCAN:
                out["facets"], counts = self._quote_facets(conds, chart=True)
            else:  # facets from the newest FACET_SCAN matches; the chart counts them all
                out["facets"], _ = self._quote_facets(conds)
        if with_facets:
            out["chart"] = bucket(counts, unit)
        return out

    def _quote_facets(self, conds: list, top: int = 12, chart: bool = False) -> tuple[dict[str, Any], list]:
        """Counts of the matching quotes by outlet, speaker, kind, cue type and month, over the
        newest ``FACET_SCAN`` matching quotes (all of them when fewer match; ``scanned`` says
        how many were counted), so the page costs the same however broad the search. One
        statement: the matches are read once (a common table expression) and grouped by each
        facet in the database, so only the counts cross into Python."""
        Q, AC = S.quotes, S.actors
        scan = select(
            Q.c.outlet.label("outlet"),
            Q.c.speaker_actor_id.label("spk"),
            func.coalesce(Q.c.kind, "unknown").label("kind"),
            Q.c.cue_type.label("ct"),
            Q.c.day.label("day"),
        ).where(*conds)
        if not chart:  # all matches fit when the caller asks for the chart too
            scan = scan.order_by(Q.c.day.desc(), Q.c.id.desc()).limit(FACET_SCAN)
        m = scan.cte("m")
        none = cast(literal(None), String)

        def part(name: str, col, second=None):
            group = [col] if second is None else [col, second]
            return select(
                literal(name, String).label("f"),
                cast(col, String).label("v"),
                (none if second is None else cast(second, String)).label("v2"),
                func.count().label("n"),
            ).group_by(*group)

        stmt = union_all(
            part("outlet", m.c.outlet),
            part("speaker", m.c.spk),
            part("cue_type", m.c.ct),
            part("day", m.c.day, m.c.kind),
        )
        counters: dict[str, Counter] = {k: Counter() for k in ("outlet", "speaker", "kind", "cue_type", "month")}
        days: Counter = Counter()
        with self.engine.connect() as conn:
            for f, v, v2, n in conn.execute(stmt):
                if f == "day":  # every match has one (day, kind) group: kinds, months, chart
                    counters["kind"][v2] += n
                    if v:
                        counters["month"][v[:7]] += n
                        days[(v, v2)] += n
                elif v is not None:
                    counters[f][int(v) if f == "speaker" else v] += n

            def ranked(k, n=top):
                return [
                    {"value": v, "n": c}
                    for v, c in sorted(counters[k].items(), key=lambda kv: (-kv[1], str(kv[0])))[:n]
                ]

            out: dict[str, Any] = {k: ranked(k) for k in ("outlet", "kind", "cue_type")}
            out["month"] = [{"value": v, "n": c} for v, c in sorted(counters["month"].items(), reverse=True)[:36]]
            spk = ranked("speaker")
            names = (
                {
                    r.id: r
                    for r in conn.execute(
                        select(AC.c.id, AC.c.name, AC.c.country).where(AC.c.id.in_([f["value"] for f in spk]))
                    )
                }
                if spk
                else {}
            )
            out["speaker"] = [
                dict(f, label=names[f["value"]].name, country=names[f["value"]].country)
                for f in spk
                if f["value"] in names
            ]
        out["scanned"] = sum(counters["kind"].values())
        out["scan_limit"] = FACET_SCAN
        return out, ([[d, k, n] for (d, k), n in days.items()] if chart else [])

    def _statement_groups(self, statement_ids: list[int], per: int) -> list[dict]:
        Q = S.quotes
        if not statement_ids:
            return []
        agg = {
            r["sid"]: r
            for r in self._rows(
                select(
                    Q.c.statement_id.label("sid"),
                    func.max(Q.c.day).label("last_day"),
                    func.count(func.distinct(Q.c.article_id)).label("n_sources"),
                )
                .where(Q.c.statement_id.in_(statement_ids))
                .group_by(Q.c.statement_id)
            )
        }
        srcs = self._sources(statement_ids, per)
        results = []
        for sid in statement_ids:
            g, rows = agg.get(sid), srcs.get(sid, [])
            if not g or not rows:
                continue
            head = rows[0]
            results.append(
                {
                    "statement_id": sid,
                    "text": head["text"],
                    "kind": head["kind"],
                    "speaker": head["speaker_name"],
                    "speaker_actor_id": head["speaker_actor_id"],
                    "speaker_country": head.get("speaker_country"),
                    "last_day": g["last_day"],
                    "n_sources": g["n_sources"],
                    "outlets": sorted({r["outlet"] for r in rows if r["outlet"]}),
                    "sources": rows,
                }
            )
        return results

    def _sources(self, statement_ids: list[int], per: int) -> dict[int, list[dict]]:
        """The quotes (sources) of the given statements, newest first, at most ``per`` each, with
        the sentence split into before / quote / after."""
        Q, A, AC = S.quotes, S.articles, S.actors
        if not statement_ids:
            return {}
        w0 = case((Q.c.start < Q.c.sent_start, Q.c.start), else_=func.coalesce(Q.c.sent_start, Q.c.start))
        w1 = case((Q.c.end > Q.c.sent_end, Q.c.end), else_=func.coalesce(Q.c.sent_end, Q.c.end))
        least = func.min if self.dialect == "sqlite" else func.least
        stmt = (
            select(
                Q.c.id,
                Q.c.statement_id,
                Q.c.article_id,
                Q.c.qid,
                Q.c.text,
                Q.c.kind,
                Q.c.cue_type,
                Q.c.speaker_name,
                Q.c.speaker_actor_id,
                AC.c.country.label("speaker_country"),
                Q.c.cue,
                Q.c.rule,
                Q.c.day,
                Q.c.outlet,
                Q.c.start,
                Q.c.end,
                w0.label("w0"),
                A.c.title,
                A.c.key.label("article_key"),
                A.c.url,
                A.c.published,
                func.substr(A.c.text, w0 + 1, least(w1 - w0, 1500)).label("window"),
            )
            .select_from(Q.join(A, A.c.id == Q.c.article_id).outerjoin(AC, AC.c.id == Q.c.speaker_actor_id))
            .where(Q.c.statement_id.in_(statement_ids))
            .order_by(Q.c.day.desc(), Q.c.id.desc())
        )
        out: dict[int, list[dict]] = {}
        for r in self._rows(stmt):
            lst = out.setdefault(r["statement_id"], [])
            if len(lst) >= per:
                continue
            win = r.pop("window") or ""
            a = max(0, r["start"] - r["w0"])
            b = max(a, min(len(win), r["end"] - r["w0"]))
            r["context"] = {"before": win[:a], "quote": win[a:b], "after": win[b:]}
            r.pop("w0")
            lst.append(r)
        return out

    def statement_page(self, statement_id: int, *, limit: int = 200) -> Optional[dict[str, Any]]:
        """One statement with its sources (newest first, at most ``limit``)."""
        st = self._rows(
            select(
                S.statements.c.id,
                S.statements.c.text,
                S.statements.c.n_sources,
                S.statements.c.first_day,
                S.statements.c.last_day,
            ).where(S.statements.c.id == statement_id)
        )
        groups = self._statement_groups([statement_id], limit)
        if not st or not groups:
            return None
        out = groups[0]
        out.update(first_day=st[0]["first_day"], n_sources=max(out["n_sources"], st[0]["n_sources"] or 0))
        return out

    def iter_quotes(
        self,
        *,
        q: Optional[str] = None,
        speaker_id: Optional[int] = None,
        country: Optional[str] = None,
        outlet: Optional[str] = None,
        kind: Optional[str] = None,
        cue_type: Optional[str] = "speech",
        since: Optional[str] = None,
        until: Optional[str] = None,
        min_confidence: Optional[float] = None,
        limit: Optional[int] = None,
    ) -> Iterator[dict]:
        """Every matching quote (newest first) as a flat row: the export of the Statements page
        (one row per source; ``statement_id`` groups them), at or above ``min_confidence``
        (default: the documented threshold)."""
        Q, A = S.quotes, S.articles
        stmt = (
            select(
                Q.c.statement_id,
                Q.c.article_id,
                Q.c.qid,
                Q.c.day,
                Q.c.speaker_name,
                Q.c.speaker_actor_id,
                Q.c.kind,
                Q.c.cue_type,
                Q.c.cue,
                Q.c.text,
                Q.c.outlet,
                Q.c.published,
                A.c.title,
                A.c.key.label("article_key"),
                A.c.url,
                Q.c.rule,
                Q.c.confidence,
            )
            .select_from(Q.join(A, A.c.id == Q.c.article_id))
            .where(
                *self._quote_conds(
                    q=q,
                    speaker_id=speaker_id,
                    country=country,
                    outlet=outlet,
                    kind=kind,
                    cue_type=cue_type,
                    since=since,
                    until=until,
                    min_confidence=min_confidence,
                )
            )
            .order_by(Q.c.day.desc(), Q.c.id.desc())
        )
        yield from self._stream(_page(stmt, limit, 0))

    # ----------------------------------------------------------------- actors (web)
    def ranked_actors(
        self, *, q: Optional[str] = None, country: Optional[str] = None, limit: Optional[int] = 50, offset: int = 0
    ) -> list[dict]:
        """Actors, most present first (articles, then mentions, then name)."""
        AC, EN = S.actors, S.entities
        n_art = func.count(func.distinct(EN.c.article_id))
        n_men = func.coalesce(func.sum(EN.c.n_mentions), 0)
        stmt = (
            select(
                AC.c.id,
                AC.c.name,
                AC.c.country,
                AC.c.type,
                AC.c.sector,
                n_art.label("n_articles"),
                n_men.label("n_mentions"),
            )
            .select_from(AC.outerjoin(EN, EN.c.actor_id == AC.c.id))
            .where(self._listed(AC))
            .group_by(AC.c.id, AC.c.name, AC.c.country, AC.c.type, AC.c.sector)
        )
        if q:
            stmt = stmt.where(_like(AC.c.name, q))
        if country:
            stmt = stmt.where(AC.c.country == country.upper())
        return self._rows(_page(stmt.order_by(n_art.desc(), n_men.desc(), AC.c.name), limit, offset))

    def actors_page(
        self, *, q: Optional[str] = None, country: Optional[str] = None, limit: Optional[int] = 50, offset: int = 0
    ) -> dict[str, Any]:
        AC = S.actors
        rows = self.ranked_actors(q=q, country=country, limit=limit, offset=offset)
        stmt = select(func.count()).select_from(AC).where(self._listed(AC))
        if q:
            stmt = stmt.where(_like(AC.c.name, q))
        if country:
            stmt = stmt.where(AC.c.country == country.upper())
        with self.engine.connect() as conn:
            total = conn.execute(stmt).scalar_one()
        return {"results": rows, "total": total, "more": offset + len(rows) < total, "limit": limit, "offset": offset}

    def iter_actors(
        self, *, q: Optional[str] = None, country: Optional[str] = None, limit: Optional[int] = None
    ) -> Iterator[dict]:
        yield from self.ranked_actors(q=q, country=country, limit=limit)

    def _events_of(self, col: ColumnElement[Any], actor_id: int, limit: int) -> list[dict]:
        """The actor's newest events (as actor or as recipient) with their article's title: the
        events the timeline shows (not negated, hypothetical or future; at or above the
        threshold)."""
        E, A = S.events, S.articles
        ids = (
            select(E.c.id)
            .where(col == actor_id, *self._web_event_conds())
            .order_by(E.c.day.desc(), E.c.id.desc())
            .limit(limit)
        ).subquery()
        return self._rows(
            select(*EVENT_COLS, A.c.title, A.c.key.label("article_key"), A.c.source)
            .select_from(ids.join(E, E.c.id == ids.c.id).join(A, A.c.id == E.c.article_id))
            .order_by(E.c.day.desc(), E.c.id.desc())
        )

    def actor_page(self, actor_id: int, *, limit: int = 100, unit: Optional[str] = None) -> Optional[dict[str, Any]]:
        """Everything an actor said, did and had done to it (newest ``limit`` of each), its roles
        and name variants across articles, and its activity over time. "Said" is what the
        statements page counts (speech cues at or above the confidence threshold); "did" and
        "done to" are the events the timeline shows; the counts and the activity chart count
        the same rows as the lists."""
        AC, EN, Q, E, A = S.actors, S.entities, S.quotes, S.events, S.articles
        rows = self._rows(select(AC).where(AC.c.id == actor_id))
        if not rows:
            return None
        out: dict[str, Any] = rows[0]
        out.pop("actor_key", None)
        said = [Q.c.speaker_actor_id == actor_id, confident(Q), Q.c.cue_type == "speech"]
        did = [E.c.actor_actor_id == actor_id, *self._web_event_conds()]
        done_to = [E.c.recipient_actor_id == actor_id, *self._web_event_conds()]
        with self.engine.connect() as conn:
            sc = conn.execute
            out["n_articles"] = sc(
                select(func.count(func.distinct(EN.c.article_id))).where(EN.c.actor_id == actor_id)
            ).scalar()
            out["n_said"] = sc(select(func.count()).select_from(Q).where(*said)).scalar()
            out["n_did"] = sc(select(func.count()).select_from(E).where(*did)).scalar()
            out["n_done_to"] = sc(select(func.count()).select_from(E).where(*done_to)).scalar()
        roles: list[list[str]] = []
        names: dict[str, int] = {}
        for r in self._rows(
            select(EN.c.roles, EN.c.name).where(EN.c.actor_id == actor_id).order_by(EN.c.id.desc()).limit(500)
        ):
            names[r["name"]] = names.get(r["name"], 0) + 1
            roles.append(json.loads(r["roles"] or "[]"))
        out["roles"] = actor_roles(roles, limit=12)
        out["names"] = [k for k, _ in sorted(names.items(), key=lambda kv: -kv[1])[:8]]
        out["said"] = self._rows(
            select(
                Q.c.id,
                Q.c.article_id,
                Q.c.qid,
                Q.c.statement_id,
                Q.c.text,
                Q.c.kind,
                Q.c.cue,
                Q.c.day,
                Q.c.date,
                Q.c.outlet,
                Q.c.rule,
                A.c.title,
                A.c.key.label("article_key"),
            )
            .select_from(Q.join(A, A.c.id == Q.c.article_id))
            .where(*said)
            .order_by(Q.c.day.desc(), Q.c.id.desc())
            .limit(limit)
        )
        out["did"] = self._events_of(E.c.actor_actor_id, actor_id, limit)
        out["done_to"] = self._events_of(E.c.recipient_actor_id, actor_id, limit)
        out["articles"] = self._rows(
            select(A.c.id, A.c.key, A.c.title, A.c.published, A.c.source)
            .select_from(EN.join(A, A.c.id == EN.c.article_id))
            .where(EN.c.actor_id == actor_id)
            .order_by(A.c.published.desc(), A.c.id.desc())
            .limit(20)
        )
        counts: list = []
        with self.engine.connect() as conn:
            for label, stmt in (
                ("said", select(Q.c.day, func.count()).where(*said).group_by(Q.c.day)),
                ("did", select(E.c.day, func.count()).where(*did).group_by(E.c.day)),
                ("done to", select(E.c.day, func.count()).where(*done_to).group_by(E.c.day)),
            ):
                counts += [[d, label, n] for d, n in conn.execute(stmt) if d]
        out["activity"] = bucket(counts, unit)
        items = (
            [{"day": r["day"], "what": "said", "item": r} for r in out["said"]]
            + [{"day": r["day"], "what": "did", "item": r} for r in out["did"]]
            + [{"day": r["day"], "what": "done to", "item": r} for r in out["done_to"]]
        )
        items.sort(key=lambda x: (x["day"] or "", x["item"]["id"]), reverse=True)
        out["timeline"] = items[: 2 * limit]
        return out

    # ----------------------------------------------------------------- events (web)
    def _web_event_conds(
        self,
        *,
        type: Optional[str] = None,
        since: Optional[str] = None,
        until: Optional[str] = None,
        place: Optional[str] = None,
        actor_id: Optional[int] = None,
        min_confidence: Optional[float] = None,
    ) -> list:
        """Events shown by default: not flagged, and at or above the documented confidence
        threshold (``min_confidence`` changes it; newsgraph.thresholds)."""
        E = S.events
        conds = [
            E.c.negated.is_(False),
            E.c.hypothetical.is_(False),
            E.c.future.is_(False),
            confident(E, min_confidence),
        ]
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

    def timeline(
        self,
        *,
        type: Optional[str] = None,
        since: Optional[str] = None,
        until: Optional[str] = None,
        place: Optional[str] = None,
        unit: Optional[str] = None,
        limit: Optional[int] = 100,
        offset: int = 0,
        min_confidence: Optional[float] = None,
    ) -> dict[str, Any]:
        """Events per day (or week/month) and type, and the events themselves, newest first."""
        E, A = S.events, S.articles
        conds = self._web_event_conds(type=type, since=since, until=until, place=place, min_confidence=min_confidence)
        with self.engine.connect() as conn:
            counts = [
                [d, t, n]
                for d, t, n in conn.execute(
                    select(E.c.day, E.c.type, func.count())
                    .where(*conds, E.c.day.is_not(None))
                    .group_by(E.c.day, E.c.type)
                )
            ]
            total = conn.execute(select(func.count()).select_from(E).where(*conds)).scalar_one()
        events = self._rows(
            select(*EVENT_COLS, A.c.title, A.c.key.label("article_key"), A.c.source)
            .select_from(E.join(A, A.c.id == E.c.article_id))
            .where(*conds)
            .order_by(E.c.day.desc(), E.c.id.desc())
            .limit(limit)
            .offset(offset)
        )
        return {
            "chart": bucket(counts, unit),
            "total": total,
            "events": events,
            "limit": limit,
            "offset": offset,
            "more": offset + len(events) < total,
        }

    def iter_events(
        self,
        *,
        type: Optional[str] = None,
        since: Optional[str] = None,
        until: Optional[str] = None,
        place: Optional[str] = None,
        limit: Optional[int] = None,
        min_confidence: Optional[float] = None,
    ) -> Iterator[dict]:
        """Every matching event (newest first) as a flat row: the export of the Timeline page."""
        E, A = S.events, S.articles
        stmt = (
            select(*EVENT_COLS, A.c.title, A.c.url)
            .select_from(E.join(A, A.c.id == E.c.article_id))
            .where(
                *self._web_event_conds(type=type, since=since, until=until, place=place, min_confidence=min_confidence)
            )
            .order_by(E.c.day.desc(), E.c.id.desc())
        )
        yield from self._stream(_page(stmt, limit, 0))

    def map_points(
        self, *, type: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None
    ) -> dict[str, Any]:
        """Places with coordinates: the events there and the quotes whose sentence names them
        (``quote_refs``), with the place's confidence (the mean over its mentions, when the
        resolver gave one) and its most frequent event type."""
        E, P, Q, R = S.events, S.places, S.quotes, S.quote_refs
        points: dict[str, dict] = {}

        def point(geonameid, name, lat, lon, country):
            k = str(geonameid) if geonameid else f"{name}|{round(lat, 2)}|{round(lon, 2)}"
            if k not in points:
                points[k] = {
                    "name": name,
                    "lat": lat,
                    "lon": lon,
                    "country": country,
                    "geonameid": geonameid,
                    "events": 0,
                    "quotes": 0,
                    "types": {},
                    "_conf": [],
                }
            return points[k]

        conds = self._web_event_conds(type=type, since=since, until=until) + [
            E.c.lat.is_not(None),
            E.c.lon.is_not(None),
        ]
        n = func.count().label("n")
        for r in self._rows(
            select(E.c.geonameid, E.c.place_name, E.c.lat, E.c.lon, E.c.place_country, E.c.type, n)
            .where(*conds)
            .group_by(E.c.geonameid, E.c.place_name, E.c.lat, E.c.lon, E.c.place_country, E.c.type)
        ):
            p = point(r["geonameid"], r["place_name"], r["lat"], r["lon"], r["place_country"])
            p["events"] += r["n"]
            p["types"][r["type"]] = p["types"].get(r["type"], 0) + r["n"]
        if not type:
            qconds = [R.c.role == "place", P.c.lat.is_not(None), P.c.lon.is_not(None), confident(Q)]
            if since:
                qconds.append(Q.c.day >= since)
            if until:
                qconds.append(Q.c.day <= until)
            for r in self._rows(
                select(P.c.geonameid, P.c.name, P.c.lat, P.c.lon, P.c.country, n)
                .select_from(
                    R.join(P, and_(P.c.article_id == R.c.article_id, P.c.pid == R.c.ref)).join(
                        Q, and_(Q.c.article_id == R.c.article_id, Q.c.qid == R.c.qid)
                    )
                )
                .where(*qconds)
                .group_by(P.c.geonameid, P.c.name, P.c.lat, P.c.lon, P.c.country)
            ):
                p = point(r["geonameid"], r["name"], r["lat"], r["lon"], r["country"])
                p["quotes"] += r["n"]
        # how sure the resolver was of each place: the mean over all its mentions in the store
        gids = [p["geonameid"] for p in points.values() if p["geonameid"]]
        conf: dict = {}
        with self.engine.connect() as conn:
            for i in range(0, len(gids), 500):
                conf.update(
                    conn.execute(
                        select(P.c.geonameid, func.avg(P.c.confidence))
                        .where(P.c.geonameid.in_(gids[i : i + 500]), P.c.confidence.is_not(None))
                        .group_by(P.c.geonameid)
                    ).all()
                )
        for p in points.values():
            c = conf.get(p["geonameid"])
            p["_conf"] = [(c, 1)] if c is not None else []
        out = []
        for p in points.values():
            cs = p.pop("_conf")
            p["confidence"] = round(sum(c * k for c, k in cs) / sum(k for _, k in cs), 3) if cs else None
            p["low_confidence"] = p["confidence"] is not None and p["confidence"] < LOW_PLACE_CONFIDENCE
            p["type"] = max(p["types"].items(), key=lambda kv: (kv[1], kv[0]))[0] if p["types"] else None
            p["href"] = (
                "/timeline?place=" + quote_url(p["name"] or "", safe="") + "#events"
                if p["events"]
                else "/statements?q=" + quote_url('"' + (p["name"] or "") + '"', safe="")
            )
            out.append(p)
        out.sort(key=lambda p: (-(p["events"] + p["quotes"]), p["name"] or ""))
        return {
            "points": out,
            "countries": sorted({p["country"] for p in out if p["country"]}),
            "low_confidence": LOW_PLACE_CONFIDENCE,
            "basemap": "/static/countries-110m.geojson",
        }

    def network(
        self,
        *,
        type: Optional[str] = None,
        since: Optional[str] = None,
        until: Optional[str] = None,
        nodes: int = 30,
        min_weight: Optional[int] = None,
        min_confidence: Optional[float] = None,
    ) -> dict[str, Any]:
        """The ``nodes`` actors with the most relations in the period and the relations among
        them: events between two actors (CONSULT, ACCUSE, ...; actor -> recipient) and, from
        ``quote_refs``, QUOTES (agency -> speaker) and MENTIONS (speaker -> actor named in the
        quote). Edges are counted; only those seen at least ``min_weight`` times are kept (by
        default the smallest weight that leaves at most three edges per node)."""
        E, Q, R, EN, AC = S.events, S.quotes, S.quote_refs, S.entities, S.actors
        want_events = not type or type.upper() not in QUOTE_RELATIONS
        want_quotes = not type or type.upper() in QUOTE_RELATIONS
        only = type.upper() if type and type.upper() in QUOTE_RELATIONS else None
        # (source column, target column, relation type column, from, where) per relation family
        fams: list[tuple[Any, Any, Any, Any, list]] = []
        if want_events:
            conds = self._web_event_conds(type=type, since=since, until=until, min_confidence=min_confidence) + [
                E.c.actor_actor_id.is_not(None),
                E.c.recipient_actor_id.is_not(None),
            ]
            fams.append((E.c.actor_actor_id, E.c.recipient_actor_id, E.c.type, E, conds))
        if want_quotes:
            ref_ent = EN.alias("ref_ent")
            qconds = [Q.c.speaker_actor_id.is_not(None), confident(Q)]
            if since:
                qconds.append(Q.c.day >= since)
            if until:
                qconds.append(Q.c.day <= until)
            base = R.join(Q, and_(Q.c.article_id == R.c.article_id, Q.c.qid == R.c.qid)).join(
                ref_ent, and_(ref_ent.c.article_id == R.c.article_id, ref_ent.c.eid == R.c.ref)
            )
            if only in (None, "MENTIONS"):
                fams.append(
                    (
                        Q.c.speaker_actor_id,
                        ref_ent.c.actor_id,
                        literal("MENTIONS"),
                        base,
                        qconds + [R.c.role == "named"],
                    )
                )
            if only in (None, "QUOTES"):
                fams.append(
                    (ref_ent.c.actor_id, Q.c.speaker_actor_id, literal("QUOTES"), base, qconds + [R.c.role == "via"])
                )
        empty = {
            "nodes": [],
            "edges": [],
            "relations": QUOTE_RELATIONS,
            "min_weight": min_weight or 1,
            "min_weight_auto": min_weight is None,
            "max_nodes": nodes,
            "n_edges_all": 0,
        }
        # the most connected actors: relations as source plus relations as target, per family
        # (each a GROUP BY along an index), then only the relations among them
        deg: dict[int, int] = {}
        with self.engine.connect() as conn:
            for src, dst, _, frm, where in fams:
                for col in (src, dst):
                    for x, k in conn.execute(select(col, func.count()).select_from(frm).where(*where).group_by(col)):
                        if x is not None:
                            deg[x] = deg.get(x, 0) + k
            top = dict(sorted(deg.items(), key=lambda kv: (-kv[1], kv[0]))[:nodes])
            if not top:
                return empty
            ids = sorted(top)
            edges = []
            for src, dst, rel, frm, where in fams:
                edges += [
                    (a_, b_, t_, k)
                    for a_, b_, t_, k in conn.execute(
                        select(src, dst, rel, func.count())
                        .select_from(frm)
                        .where(*where, src.in_(ids), dst.in_(ids))
                        .group_by(src, dst, rel)
                    )
                ]
            info = {
                r.id: r
                for r in conn.execute(select(AC.c.id, AC.c.name, AC.c.country, AC.c.type).where(AC.c.id.in_(ids)))
            }
        auto = min_weight is None
        if auto:  # the smallest weight that leaves at most 3 edges per node
            cap = 3 * len(ids)
            ws = sorted({n for *_, n in edges})
            min_weight = next((w for w in ws if sum(1 for *_, n in edges if n >= w) <= cap), ws[-1] if ws else 1)
        kept = [e for e in edges if e[3] >= min_weight]
        kept.sort(key=lambda e: (-e[3], e[0], e[1], e[2]))
        linked = {a for a, b, *_ in kept} | {b for a, b, *_ in kept}
        node_rows = [
            {
                "id": a,
                "name": info[a].name,
                "country": info[a].country,
                "type": info[a].type,
                "n": top[a],
                "href": f"/actors/{a}",
            }
            for a in sorted(top, key=lambda a: (-top[a], a))
            if a in info and a in linked
        ]
        return {
            "nodes": node_rows,
            "edges": [{"source": a, "target": b, "type": t, "n": n} for a, b, t, n in kept],
            "relations": QUOTE_RELATIONS,
            "min_weight": min_weight,
            "min_weight_auto": auto,
            "max_nodes": nodes,
            "n_edges_all": len(edges),
        }


QUOTE_KINDS = ["direct", "indirect", "mixed"]
CUE_TYPES = ["speech", "other"]
RECENT_QUOTES = 5_000  # the overview's most reported statements: among this many newest quotes
MIN_STATEMENT_WORDS = 4  # ... of at least this many words (not "it", "that" or a name)
FACET_SCAN = 10_000  # facet counts cover at most this many of the newest matching quotes
ONE_PASS_MAX = 60_000  # ... unless a search matches at most this many: then all of them
COUNT_CAP = 1000  # statement totals are counted up to this ("more than 1,000"): bounded work
LOW_PLACE_CONFIDENCE = 0.5  # the map marks places resolved with less confidence than this
QUOTE_RELATIONS = {
    "QUOTES": "an outlet or agency relays a speaker's words (the quote's 'via')",
    "MENTIONS": "a speaker names another actor in a quote",
}
EVENT_COLS = [
    S.events.c.id,
    S.events.c.article_id,
    S.events.c.vid,
    S.events.c.type,
    S.events.c.mode,
    S.events.c.day,
    S.events.c.date,
    S.events.c.actor_name,
    S.events.c.actor_actor_id,
    S.events.c.actor_country,
    S.events.c.recipient_name,
    S.events.c.recipient_actor_id,
    S.events.c.recipient_country,
    S.events.c.recipient_basis,
    S.events.c.place_pid,
    S.events.c.place_name,
    S.events.c.place_country,
    S.events.c.lat,
    S.events.c.lon,
    S.events.c.trigger_text,
    S.events.c.quad,
    S.events.c.negated,
    S.events.c.hypothetical,
    S.events.c.future,
    S.events.c.rule,
]


def _esc(s: str) -> str:
    """``s`` for a LIKE pattern with ``escape='\\\\'``: its own % and _ match literally."""
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _parse_day(d: object) -> Optional[_dt.date]:
    try:
        return _dt.date.fromisoformat(str(d)[:10])
    except (TypeError, ValueError):
        return None


def bucket(counts: list, unit: Optional[str] = None) -> dict[str, Any]:
    """``[[day, series, n], ...]`` -> a chart: consecutive buckets with every empty bucket
    filled in. ``unit``: day, week (from Monday) or month; by default days, weeks when the span
    passes 120 days, months past 3 years (and never more than about 1,200 days as days)."""
    parsed = [(p, t, n) for p, t, n in ((_parse_day(d), t, n) for d, t, n in counts) if p]
    if not parsed:
        return {"unit": unit or "day", "days": [], "types": [], "counts": []}
    lo, hi = min(p[0] for p in parsed), max(p[0] for p in parsed)
    span = (hi - lo).days
    if unit not in ("day", "week", "month"):
        unit = "day" if span <= 120 else "week" if span <= 3 * 366 else "month"
    if unit == "day" and span > 3 * 366:
        unit = "week"  # keep the chart to a drawable number of bars
    if unit == "week" and span > 30 * 366:
        unit = "month"

    def key(d: _dt.date) -> _dt.date:
        if unit == "week":
            return d - _dt.timedelta(days=d.weekday())
        if unit == "month":
            return d.replace(day=1)
        return d

    agg: dict = {}
    for d, t, n in parsed:
        agg[(key(d), t)] = agg.get((key(d), t), 0) + n
    days, cur = [], key(lo)
    while cur <= hi:
        days.append(cur)
        if unit == "day":
            cur += _dt.timedelta(days=1)
        elif unit == "week":
            cur += _dt.timedelta(days=7)
        else:
            cur = (cur.replace(day=28) + _dt.timedelta(days=4)).replace(day=1)
    return {
        "unit": unit,
        "days": [d.isoformat() for d in days],
        "types": sorted({t for _, t in agg}),
        "counts": [[d.isoformat(), t, n] for (d, t), n in sorted(agg.items())],
    }
