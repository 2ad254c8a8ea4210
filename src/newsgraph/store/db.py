"""Opening a store (SQLite file or PostgreSQL URL), migrating it, and writing records to it.

    store = open_store("newsgraph.db")          # or "postgresql://user@host/db"
    article_id = store.add_record(record)       # None when the article is already stored
    store.search_quotes(speaker="Novak")        # read functions: see newsgraph.store.read

Every article is written in one transaction with all its entities, quotes, events, places and
times, so a store never holds half an article. An article is a duplicate when its URL or the
hash of its normalised text is already stored; duplicates are skipped, never stored twice.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import re
import time
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Union

from sqlalchemy import Table, case, create_engine, event, func, or_, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, OperationalError

from ..record import Record, shown_mention
from ..thresholds import event_min_confidence, quote_passes
from . import schema as S
from .actors import Resolver
from .read import ReadMixin
from .read_stories import StoriesReadMixin
from .refs import quote_refs

if TYPE_CHECKING:
    from sqlalchemy.dialects.postgresql import Insert as PgInsert
    from sqlalchemy.dialects.sqlite import Insert as SqliteInsert

BOILERPLATE_MIN = 3  # the same speakerless statement in this many articles of one outlet is boilerplate

DEFAULT_DB = "newsgraph.db"
STORIES_ENV = "NEWSGRAPH_STORIES"  # "0": ingest without giving articles stories
WRITE_ATTEMPTS = 4  # tries of one article's transaction when concurrent writers deadlock
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class StoreError(Exception):
    """The store cannot be opened, migrated or written; the message says which and why."""


def now() -> str:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()


def normalise_text(text: str) -> str:
    """Text as compared for duplicate articles: Unicode NFKC, case-folded, whitespace folded."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().casefold()


def text_hash(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)


def normalise_statement(text: str) -> str:
    """Quote text as compared across articles: no punctuation or quote marks, case-folded,
    whitespace folded, a leading "that" dropped ("We will not retreat," == "we will not retreat")."""
    t = unicodedata.normalize("NFKC", text).replace("’", "'").strip()
    t = re.sub(r"^(?i:that)\s+", "", t)  # indirect: "that voters are split" == "voters are split"
    return re.sub(r"\s+", " ", _PUNCT.sub(" ", t)).strip().casefold()


def actor_key(name: str, country: Optional[str]) -> str:
    """One actor across the corpus: canonical (normalised) name and country."""
    from ..countries import normalise

    return f"{normalise(name) or name.strip().casefold()}|{country or ''}"


def statement_key(speaker_key: Optional[str], text: str) -> str:
    return hashlib.sha256(f"{speaker_key or ''}\x1f{normalise_statement(text)}".encode()).hexdigest()


NEAR_DAYS = 7  # a near-identical quote by the same speaker within a week is the same statement
NEAR_MIN_WORDS = 6  # shorter quotes must match exactly ("No." is not a statement to merge on)
NEAR_JACCARD = 0.6  # word-bigram Jaccard similarity (one word changed in 9+ words, two in 17+)
NEAR_CONTAINED = 0.9  # or: this share of the shorter quote's bigrams is in the longer one


def _bigrams(words: list[str]) -> set:
    return {(words[i], words[i + 1]) for i in range(len(words) - 1)}


def near_same(a: str, b: str) -> float:
    """How surely two normalised quote texts are the same statement: their word-bigram Jaccard
    similarity when >= NEAR_JACCARD, or 1.0 - a little when the shorter is (nearly) contained in
    the longer (an outlet quoting part of it); 0.0 when neither (or either is too short)."""
    wa, wb = a.split(), b.split()
    if min(len(wa), len(wb)) < NEAR_MIN_WORDS:
        return 0.0
    ba, bb = _bigrams(wa), _bigrams(wb)
    inter = len(ba & bb)
    jaccard = inter / len(ba | bb)
    if jaccard >= NEAR_JACCARD:
        return jaccard
    if inter / min(len(ba), len(bb)) >= NEAR_CONTAINED:
        return NEAR_JACCARD - 0.01  # a fragment: weaker than any Jaccard match
    return 0.0


def full_date(value: Optional[str]) -> Optional[str]:
    """``YYYY-MM-DD`` when ``value`` starts with a full calendar date, else None."""
    if value and re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    return None


def to_sqlalchemy_url(target: str) -> str:
    """A file path becomes ``sqlite:///path``; ``postgresql://`` uses the psycopg (3) driver."""
    if "://" not in target:
        return "sqlite:///" + str(Path(target).expanduser().resolve())
    if target.startswith("postgresql://") or target.startswith("postgres://"):
        return "postgresql+psycopg://" + target.split("://", 1)[1]
    return target


def display_target(target: str) -> str:
    """The target as shown in messages: a URL's password is masked."""
    if "://" not in target:
        return target
    try:
        from sqlalchemy.engine import make_url

        return make_url(target).render_as_string(hide_password=True)
    except Exception:
        return target.split("://", 1)[0] + "://..."


BUSY_TIMEOUT = 60  # seconds a SQLite writer waits for another one's lock before failing
MIGRATION_LOCK = 7_236_614_783_271_032  # PostgreSQL advisory lock key: one migration at a time


def _sqlite_pragmas(dbapi_conn: Any, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT * 1000}")  # first: the next pragma may wait for a lock
    cur.execute("PRAGMA journal_mode=WAL")  # readers (the web app) never block the writer
    cur.execute("PRAGMA synchronous=NORMAL")  # durable at each checkpoint; safe with WAL
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def make_engine(target: str) -> Engine:
    url = to_sqlalchemy_url(target)
    try:
        engine = create_engine(url, future=True)
    except Exception as e:  # unknown dialect, missing driver, bad URL
        raise StoreError(f"cannot open store {display_target(target)!r}: {e}") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _transient(e: BaseException) -> bool:
    """A write that may succeed when tried again: a PostgreSQL deadlock or serialization
    failure between concurrent writers, SQLite's lock still held after the busy timeout."""
    orig = getattr(e, "orig", None)
    name = type(orig).__name__ if orig is not None else ""
    return name in ("DeadlockDetected", "SerializationFailure", "LockNotAvailable") or (
        name == "OperationalError" and "database is locked" in str(orig)
    )


def current_revision(conn: Connection) -> Optional[str]:
    from alembic.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine) -> None:
    """Bring the store's schema to the current Alembic head (creating it when empty). Safe when
    several processes open a new store at the same moment: the migration runs under a lock
    (SQLite: ``BEGIN IMMEDIATE``, the database's write lock; PostgreSQL: an advisory lock), and
    the revision is read again once the lock is held, so exactly one of them creates the
    tables and the others find them made."""
    from alembic import command
    from alembic.config import Config

    with engine.connect() as conn:
        if current_revision(conn) == S.SCHEMA_REVISION:
            return
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")  # waits (busy timeout) for any other writer
        elif engine.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")  # until commit
        if current_revision(conn) != S.SCHEMA_REVISION:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
        conn.commit()


OPEN_RETRIES = 5  # tries to open a SQLite store another process is creating at the same moment


def _migrate_retrying(engine: Engine) -> None:
    """``migrate``, tried again when SQLite answers "database is locked" at once. SQLite skips the
    busy timeout in a few cases (a new file switched to WAL by another process, a read lock that
    cannot be upgraded); two ingests started together on a new store met it now and then."""
    for attempt in range(OPEN_RETRIES):
        try:
            migrate(engine)
            return
        except OperationalError as e:
            if attempt == OPEN_RETRIES - 1 or not _transient(e):
                raise
            engine.dispose()  # drop the pooled connection that saw the lock
            time.sleep(0.2 * 2**attempt)


def open_store(target: str = DEFAULT_DB, *, migrate_schema: bool = True, must_exist: bool = False) -> Store:
    """Open (and by default create or upgrade) a store: a SQLite file path, ``sqlite:///...``,
    or ``postgresql://user:pass@host:port/db``."""
    if must_exist and "://" not in target and not Path(target).exists():
        raise StoreError(f"no store at {target!r} (run 'newsgraph ingest ... --db {target}' first)")
    engine = make_engine(target)
    try:
        if migrate_schema:
            _migrate_retrying(engine)
        else:
            with engine.connect() as conn:
                rev = current_revision(conn)
            if rev != S.SCHEMA_REVISION:
                raise StoreError(
                    f"store {display_target(target)!r} is at schema revision {rev!r}, this newsgraph "
                    f"reads {S.SCHEMA_REVISION!r}: open it with newsgraph ingest to upgrade it"
                )
    except StoreError:
        engine.dispose()
        raise
    except OperationalError as e:
        engine.dispose()
        raise StoreError(f"cannot open store {display_target(target)!r}: {e.orig}") from None
    return Store(engine, target)


class Store(ReadMixin, StoriesReadMixin):
    """A newsgraph store. Write with ``add_record``; read with the ReadMixin functions."""

    def __init__(self, engine: Engine, target: str = "", stories: Optional[bool] = None) -> None:
        self.engine = engine
        # each new article joins a story (newsgraph.stories); off with NEWSGRAPH_STORIES=0
        self.stories = stories if stories is not None else os.environ.get(STORIES_ENV, "1") != "0"
        self.target = target
        self.dialect = engine.dialect.name
        self._resolver = Resolver()  # the store's actors in memory (newsgraph.store.actors)
        self._stmts: dict[tuple[str, str], Any] = {}  # upsert statements, built once

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------- duplicates
    def find_duplicates(self, items: list[tuple[Optional[str], str]]) -> list[bool]:
        """For (url, text) pairs: is each already stored (same URL or same normalised text)?"""
        urls = {u for u, _ in items if u}
        hashes = [text_hash(t) for _, t in items]
        seen_urls: set[str] = set()
        seen_hashes: set[str] = set()
        with self.engine.connect() as conn:
            ul = list(urls)
            for i in range(0, len(ul), 500):
                seen_urls.update(
                    conn.execute(select(S.articles.c.url).where(S.articles.c.url.in_(ul[i : i + 500]))).scalars()
                )
            for i in range(0, len(hashes), 500):
                seen_hashes.update(
                    conn.execute(
                        select(S.articles.c.text_hash).where(S.articles.c.text_hash.in_(hashes[i : i + 500]))
                    ).scalars()
                )
        return [bool((u and u in seen_urls) or h in seen_hashes) for (u, _), h in zip(items, hashes)]

    def has_article(self, url: Optional[str], text: str) -> bool:
        return self.find_duplicates([(url, text)])[0]

    # ----------------------------------------------------------------- writing
    def add_record(self, rec: Union[Record, dict]) -> Optional[int]:
        """Store one article with all its records in one transaction. Returns the new article
        id, or None when the article was already stored (same URL or same normalised text)."""
        if isinstance(rec, dict):
            rec = Record.from_dict(rec)
        for attempt in range(WRITE_ATTEMPTS):
            try:
                with self.engine.begin() as conn:
                    art_id = self._insert_record(conn, rec)
                self._resolver.commit()
                break
            except IntegrityError:
                self._resolver.rollback()
                # a concurrent writer stored the same article (or the same URL) first
                if self.has_article(rec.url, rec.text):
                    return None
                raise
            except OperationalError as e:  # a deadlock with a concurrent writer: try again
                self._resolver.rollback()
                if attempt + 1 >= WRITE_ATTEMPTS or not _transient(e):
                    raise
                time.sleep(0.05 * (attempt + 1))
            except BaseException:
                self._resolver.rollback()
                raise
        return art_id

    def add_records(self, records: Iterable[Union[Record, dict]]) -> list[Union[int, None, Exception]]:
        """Store several articles in one transaction (one commit: much faster on PostgreSQL).
        Per article the result is its new id, None for a duplicate, or the exception that kept it
        out. If anything goes wrong the transaction is rolled back and the articles are stored
        one transaction each, so one bad article never takes others with it; either way each
        article is stored whole or not at all."""
        recs = [Record.from_dict(r) if isinstance(r, dict) else r for r in records]
        if not recs:
            return []
        try:
            with self.engine.begin() as conn:
                ids: list[Union[int, None, Exception]] = [self._insert_record(conn, r) for r in recs]
            self._resolver.commit()
            return ids
        except Exception:
            self._resolver.rollback()
            if len(recs) == 1:
                try:
                    return [self.add_record(recs[0])]
                except Exception as e:
                    return [e]
        out: list[Union[int, None, Exception]] = []
        for r in recs:
            try:
                out.append(self.add_record(r))
            except Exception as e:
                out.append(e)
        return out

    def merge_actors(self, src: int, dst: int, why: Optional[str] = None) -> None:
        """Merge actor ``src`` into ``dst`` by hand (``newsgraph actors merge``)."""
        from .actors import merge

        with self.engine.begin() as conn:
            merge(conn, src, dst, rule="manual-merge", why=why or f"merged by hand from #{src}")
        self._resolver = Resolver()

    def split_actor(self, actor_id: int, names: list[str], why: Optional[str] = None) -> int:
        """Move name variants of an actor to a new actor (``newsgraph actors split``); its id."""
        from .actors import split

        with self.engine.begin() as conn:
            new = split(conn, actor_id, names, why)
        self._resolver = Resolver()
        return new

    def _upsert_stmt(
        self, table: Table, key_col: str, on_conflict: Optional[Callable[[Any], dict[str, Any]]] = None
    ) -> Any:
        """``INSERT .. ON CONFLICT (key) DO UPDATE .. RETURNING id`` for ``table``, built once per
        store (executed with a parameter dict, so SQLAlchemy compiles it once)."""
        cache_key = (table.name, key_col)
        stmt = self._stmts.get(cache_key)
        if stmt is None:
            ins: Union[SqliteInsert, PgInsert]
            if self.dialect == "sqlite":
                from sqlalchemy.dialects.sqlite import insert as sqlite_insert

                ins = sqlite_insert(table)
            elif self.dialect == "postgresql":
                from sqlalchemy.dialects.postgresql import insert as pg_insert

                ins = pg_insert(table)
            else:
                raise StoreError(f"unsupported database {self.dialect!r}: use SQLite or PostgreSQL")
            set_ = on_conflict(ins.excluded) if on_conflict else {key_col: ins.excluded[key_col]}
            stmt = ins.on_conflict_do_update(index_elements=[key_col], set_=set_).returning(table.c.id)
            self._stmts[cache_key] = stmt
        return stmt

    # ----------------------------------------------------------------- actors across the store
    def consolidate_actors(self) -> list[tuple[int, int, str]]:
        """The end-of-run pass of actor resolution (``newsgraph.store.actors.consolidate``):
        returns the merges made (from id, into id, why)."""
        from .actors import consolidate

        try:
            with self.engine.begin() as conn:
                return consolidate(conn, self._resolver)
        finally:
            self._resolver = Resolver()  # reloaded at the next write

    def _statement_ids_for(self, conn: Connection, keyed: dict[str, dict]) -> dict[str, int]:
        """Statement ids for this article's statements (key -> {"text", "speaker_actor_id", days}),
        counting the article as one more source of each. A statement not stored yet under its
        exact key may still be a near-identical copy of one by the same speaker within a week
        (``near_same``): then the article is counted as a source of that one."""
        st = S.statements

        def on_conflict(new: Any) -> dict[str, Any]:
            return {
                "n_sources": st.c.n_sources + 1,
                "first_day": case(
                    (or_(st.c.first_day.is_(None), st.c.first_day > new.first_day), new.first_day), else_=st.c.first_day
                ),
                "last_day": case(
                    (or_(st.c.last_day.is_(None), st.c.last_day < new.last_day), new.last_day), else_=st.c.last_day
                ),
            }

        stmt = self._upsert_stmt(st, "statement_key", on_conflict)
        out: dict[str, int] = {}
        counted: set[int] = set()  # statements this article is already a source of
        for key, v in keyed.items():
            days = [d for d in v["days"] if d]
            lo, hi = (min(days), max(days)) if days else (None, None)
            if (
                v["speaker_actor_id"] is not None
                and lo
                and hi
                and conn.execute(select(st.c.id).where(st.c.statement_key == key)).first() is None
            ):
                near = self._near_statement(conn, v["speaker_actor_id"], v["text"], lo, hi)
                if near is not None:
                    if near not in counted:
                        conn.execute(
                            st.update()
                            .where(st.c.id == near)
                            .values(
                                n_sources=st.c.n_sources + 1,
                                first_day=case(
                                    (or_(st.c.first_day.is_(None), st.c.first_day > lo), lo), else_=st.c.first_day
                                ),
                                last_day=case(
                                    (or_(st.c.last_day.is_(None), st.c.last_day < hi), hi), else_=st.c.last_day
                                ),
                            )
                        )
                    out[key] = near
                    counted.add(near)
                    continue
            sid = conn.execute(
                stmt,
                {
                    "statement_key": key,
                    "speaker_actor_id": v["speaker_actor_id"],
                    "text": v["text"],
                    "n_sources": 1,
                    "first_day": lo,
                    "last_day": hi,
                },
            ).scalar_one()
            out[key] = sid
            counted.add(sid)
        return out

    def _flag_boilerplate(self, conn: Connection, sids: set, outlet: str) -> None:
        """Statements without a speaker (or whose speaker is no actor) now met in BOILERPLATE_MIN
        articles or more of this outlet, with the same text (an editor's note, a standing
        disclaimer), are boilerplate: kept out of rankings. A politician's words repeated by one
        outlet in many stories have a speaker, and stay statements."""
        Q, st = S.quotes, S.statements
        cand = [
            r[0]
            for r in conn.execute(
                select(st.c.id).where(
                    st.c.id.in_(sids),
                    st.c.n_sources >= BOILERPLATE_MIN,
                    st.c.boilerplate.is_(False),
                    or_(
                        st.c.speaker_actor_id.is_(None),
                        st.c.speaker_actor_id.in_(select(S.actors.c.id).where(S.actors.c.junk.is_not(None))),
                    ),
                )
            )
        ]
        if not cand:
            return
        flag = [
            sid
            for sid, n in conn.execute(
                select(Q.c.statement_id, func.count(func.distinct(Q.c.article_id)))
                .where(Q.c.statement_id.in_(cand), Q.c.outlet == outlet)
                .group_by(Q.c.statement_id)
            )
            if n >= BOILERPLATE_MIN
        ]
        if flag:
            conn.execute(st.update().where(st.c.id.in_(flag)).values(boilerplate=True))

    def _near_statement(self, conn: Connection, speaker_actor_id: int, text: str, lo: str, hi: str) -> Optional[int]:
        """The best near-identical statement by this speaker within NEAR_DAYS of [lo, hi]."""
        norm = normalise_statement(text)
        if len(norm.split()) < NEAR_MIN_WORDS:
            return None
        try:
            start = (_dt.date.fromisoformat(lo) - _dt.timedelta(days=NEAR_DAYS)).isoformat()
            stop = (_dt.date.fromisoformat(hi) + _dt.timedelta(days=NEAR_DAYS)).isoformat()
        except ValueError:
            return None
        st = S.statements
        best, best_score = None, 0.0
        for sid, other in conn.execute(
            select(st.c.id, st.c.text)
            .where(st.c.speaker_actor_id == speaker_actor_id, st.c.first_day <= stop, st.c.last_day >= start)
            .limit(500)
        ):
            score = near_same(norm, normalise_statement(other))
            if score > best_score:
                best, best_score = sid, score
        return best

    def _insert_record(self, conn: Connection, rec: Record) -> Optional[int]:
        h = text_hash(rec.text)
        dup = select(S.articles.c.id).where(S.articles.c.text_hash == h)
        if rec.url:
            dup = select(S.articles.c.id).where((S.articles.c.text_hash == h) | (S.articles.c.url == rec.url))
        if conn.execute(dup.limit(1)).first() is not None:
            return None
        d = rec.to_dict()
        art_id = conn.execute(
            S.articles.insert()
            .values(
                key=str(rec.id)[:512],
                url=rec.url or None,
                text_hash=h,
                title=rec.title,
                published=rec.published,
                source=rec.source,
                source_path=rec.source_path,
                text=rec.text,
                model=rec.model,
                newsgraph_version=rec.newsgraph_version,
                schema_version=rec.schema_version,
                n_entities=len(rec.entities),
                n_quotes=len(rec.quotes),
                # the events the article page lists: at or above the threshold (flagged ones too)
                n_events=sum(1 for v in rec.events if v.confidence is None or v.confidence >= event_min_confidence()),
                n_places=len(rec.places),
                n_times=len(rec.times),
                ingested_at=now(),
                record_json=json.dumps(d, ensure_ascii=False),
            )
            .returning(S.articles.c.id)
        ).scalar_one()

        ents = {e.id: e for e in rec.entities}
        actor_of: dict[str, int] = {}
        akey_of: dict[str, str] = {}
        rows = []
        if not self._resolver.loaded:
            self._resolver.load(conn)
        for e in rec.entities:
            info, nkey = self._resolver.actor_for(conn, e.name, e.type, e.country, e.sector, rec.published)
            actor_of[e.id], akey_of[e.id] = info.id, info.key
            rows.append(
                dict(
                    article_id=art_id,
                    eid=e.id,
                    actor_id=info.id,
                    name=e.name[:512],
                    type=e.type,
                    country=e.country,
                    sector=e.sector,
                    roles=json.dumps(e.roles, ensure_ascii=False),
                    n_mentions=len(e.mentions),
                    name_key=nkey,
                )
            )
        if rows:
            conn.execute(S.entities.insert(), rows)

        places = {p.id: p for p in rec.places}
        rows = [
            dict(
                article_id=art_id,
                pid=p.id,
                name=p.name[:512],
                geonameid=p.geonameid,
                lat=p.lat,
                lon=p.lon,
                country=p.country,
                admin1=p.admin1,
                feature=p.feature,
                population=p.population,
                aliases=json.dumps(p.aliases, ensure_ascii=False),
                n_mentions=len(p.mentions),
                rule=p.rule,
                confidence=getattr(p, "confidence", None),
            )
            for p in rec.places
        ]
        if rows:
            conn.execute(S.places.insert(), rows)

        rows = [
            dict(
                article_id=art_id,
                tid=t.id,
                start=t.start,
                end=t.end,
                text=t.text,
                type=t.type,
                value=t.value,
                rule=t.rule,
            )
            for t in rec.times
        ]
        if rows:
            conn.execute(S.times.insert(), rows)

        keyed: dict[str, dict] = {}
        qkeys: list[Optional[str]] = []
        for q in rec.quotes:
            if not quote_passes(getattr(q, "confidence", None)):
                qkeys.append(None)  # below the documented threshold: stored, never a statement
                continue
            sk = akey_of.get(q.speaker) if q.speaker else None
            key = statement_key(sk, q.text)
            qkeys.append(key)
            v = keyed.setdefault(
                key, {"text": q.text, "speaker_actor_id": actor_of.get(q.speaker) if q.speaker else None, "days": []}
            )
            v["days"].append(full_date(q.date) or rec.published)
        sids = self._statement_ids_for(conn, keyed)
        rows = []
        for q, qkey in zip(rec.quotes, qkeys):
            spk = ents.get(q.speaker) if q.speaker else None
            sid = sids[qkey] if qkey is not None else None
            rows.append(
                dict(
                    article_id=art_id,
                    qid=q.id,
                    statement_id=sid,
                    text=q.text,
                    start=q.start,
                    end=q.end,
                    kind=q.kind,
                    cue_type=q.cue_type,
                    speaker_eid=q.speaker,
                    speaker_actor_id=actor_of.get(q.speaker) if q.speaker else None,
                    # (a bare pronoun the speaker did not resolve from names no one: no speaker name)
                    speaker_name=(
                        spk.name if spk else shown_mention(q.speaker_mention.text if q.speaker_mention else None) or ""
                    )[:512]
                    or None,
                    speaker_mention=q.speaker_mention.text if q.speaker_mention else None,
                    cue=q.cue.text if q.cue else None,
                    addressee=q.addressee.text if q.addressee else None,
                    via=q.via.text if q.via else None,
                    date=q.date,
                    day=full_date(q.date) or rec.published,
                    published=rec.published,
                    outlet=rec.source,
                    sent_start=q.sentence.start,
                    sent_end=q.sentence.end,
                    rule=q.rule,
                    confidence=getattr(q, "confidence", None),
                    parts=json.dumps(getattr(q, "parts", None) or [{"start": q.start, "end": q.end}]),
                )
            )
        if rows:
            conn.execute(S.quotes.insert(), rows)
        if rec.source and sids:
            self._flag_boilerplate(conn, set(sids.values()), rec.source)
        sid_of = {q.id: (sids[key] if key is not None else None) for q, key in zip(rec.quotes, qkeys)}
        rows = [
            dict(
                article_id=art_id,
                qid=q.id,
                statement_id=sid_of.get(q.id),
                to_article_id=art_id,
                to_qid=link["quote"],
                to_statement_id=sid_of.get(link["quote"]),
                cue=(link.get("cue") or {}).get("text"),
                stance=link["stance"],
                rule=link.get("rule"),
                scope="article",
            )
            for q in rec.quotes
            for link in (getattr(q, "responds_to", None) or [])
            if link["quote"] in sid_of
        ]
        if rows:
            conn.execute(S.responses.insert(), rows)
        rows = [dict(article_id=art_id, **r) for r in quote_refs(d)]
        if rows:
            conn.execute(S.quote_refs.insert(), rows)

        rows = []
        for ev in rec.events:
            a = ents.get(ev.actor) if ev.actor else None
            r = ents.get(ev.recipient) if ev.recipient else None
            p = places.get(ev.place) if ev.place else None
            rows.append(
                dict(
                    article_id=art_id,
                    vid=ev.id,
                    type=ev.type,
                    mode=ev.mode,
                    contexts=json.dumps(ev.contexts or [], ensure_ascii=False),
                    actor_eid=ev.actor,
                    recipient_eid=ev.recipient,
                    actor_actor_id=actor_of.get(ev.actor) if ev.actor else None,
                    recipient_actor_id=actor_of.get(ev.recipient) if ev.recipient else None,
                    actor_name=a.name[:512] if a else None,
                    recipient_name=r.name[:512] if r else None,
                    actor_country=ev.actor_country,
                    actor_sector=ev.actor_sector,
                    recipient_country=ev.recipient_country,
                    recipient_sector=ev.recipient_sector,
                    recipient_basis=getattr(ev, "recipient_basis", None),
                    date=ev.date,
                    day=full_date(ev.date) or rec.published,
                    published=rec.published,
                    outlet=rec.source,
                    place_pid=ev.place,
                    place_name=(p.name[:512] if p else None),
                    lat=p.lat if p else None,
                    lon=p.lon if p else None,
                    geonameid=p.geonameid if p else None,
                    place_country=p.country if p else None,
                    quad=ev.quad,
                    cameo_root=ev.cameo_root,
                    trigger_text=ev.trigger.text,
                    trigger_start=ev.trigger.start,
                    trigger_end=ev.trigger.end,
                    sent_start=ev.sentence.start,
                    sent_end=ev.sentence.end,
                    quote_qid=ev.quote,
                    negated=bool(ev.negated),
                    hypothetical=bool(ev.hypothetical),
                    future=bool(ev.future),
                    rule=ev.rule,
                    confidence=getattr(ev, "confidence", None),
                )
            )
        if rows:
            conn.execute(S.events.insert(), rows)
        if self.stories:
            from .storyindex import assign_article

            assign_article(conn, art_id, d, sid_of)
        return art_id

    # ----------------------------------------------------------------- runs and failures
    def start_run(self, command: str = "", engine: str = "local", workers: int = 1) -> int:
        with self.engine.begin() as conn:
            return conn.execute(
                S.runs.insert()
                .values(started=now(), command=command, engine=engine, workers=workers)
                .returning(S.runs.c.id)
            ).scalar_one()

    def finish_run(self, run_id: int, stored: int, duplicates: int, failed: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                S.runs.update()
                .where(S.runs.c.id == run_id)
                .values(finished=now(), stored=stored, duplicates=duplicates, failed=failed)
            )

    def add_failure(self, source: str, error: str, run_id: Optional[int] = None) -> None:
        """Record a failed article: ``source`` names it, ``error`` says why (each kept as one
        printable line)."""
        from ..article import one_line

        with self.engine.begin() as conn:
            conn.execute(
                S.failures.insert().values(
                    run_id=run_id, source=one_line(source, 1000), error=one_line(error), at=now()
                )
            )

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        out = {}
        with self.engine.connect() as conn:
            for t in S.ALL_TABLES:
                out[t.name] = conn.execute(select(func.count()).select_from(t)).scalar_one()
        return out
