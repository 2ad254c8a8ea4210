"""The store's tables, as SQLAlchemy Core ``Table`` definitions (one schema for SQLite and
PostgreSQL). Alembic migrations in ``newsgraph/store/migrations`` create and upgrade them.

One row in ``articles`` per article (its whole record JSON kept in ``record_json``, so nothing
is lost); one row per extracted item in ``entities``, ``quotes``, ``events``, ``places`` and
``times``, keyed by the article's integer ``id`` and the record's own item id ("Q1", "V2", ...).

Across articles:
- ``actors``: one row per (canonical name, country); ``entities.actor_id`` points to it.
- ``statements``: one row per (speaker actor, normalised quote text); ``quotes.statement_id``
  points to it, so the same statement reported by several outlets is one statement with all
  its sources.

Full-text search: SQLite keeps FTS5 tables ``quotes_fts`` and ``articles_fts`` in step with
triggers; PostgreSQL has GIN indexes on ``to_tsvector('english', text)``. Both are made by the
migrations (``migrations/versions``), not by this module.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

SCHEMA_REVISION = "0010"  # the Alembic head this code reads and writes

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(512), nullable=False),  # the record's own id (file name, jsonl id or url)
    Column("url", String(2048), nullable=True, unique=True),
    Column("text_hash", String(64), nullable=False, unique=True),  # sha256 of the normalised text
    Column("title", Text),
    Column("published", String(10), index=True),  # YYYY-MM-DD
    Column("source", String(256), index=True),  # the outlet
    Column("source_path", Text),
    Column("text", Text, nullable=False),
    Column("model", String(256)),
    Column("newsgraph_version", String(32)),
    Column("schema_version", String(16)),
    Column("n_entities", Integer, nullable=False, default=0),
    Column("n_quotes", Integer, nullable=False, default=0),
    Column("n_events", Integer, nullable=False, default=0),
    Column("n_places", Integer, nullable=False, default=0),
    Column("n_times", Integer, nullable=False, default=0),
    Column("ingested_at", String(32), nullable=False),  # ISO datetime, UTC
    Column("record_json", Text, nullable=False),  # Record.to_dict() as JSON: nothing is lost
)
Index("ix_articles_key", articles.c.key)

actors = Table(
    "actors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("actor_key", String(600), nullable=False, unique=True),  # "<normalised name>|<country>"
    Column("name", String(512), nullable=False),  # display name (as first met)
    Column("country", String(8), index=True),
    Column("type", String(16)),
    Column("sector", String(16)),
    # revision 0007 (newsgraph.store.actors): an actor merged into another points to it (its
    # rows moved there; `newsgraph actors split` undoes it); junk: why this is no actor
    # ("weekday", "common-noun", "outlet typed as a person", ...), left out of actor lists
    Column("merged_into", Integer, nullable=True, index=True),
    Column("junk", String(64), nullable=True),
)
Index("ix_actors_name", actors.c.name)

# every name variant met, and why it is that actor (revision 0007; newsgraph.store.actors)
actor_names = Table(
    "actor_names",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name_key", String(600), nullable=False, unique=True),  # "p:donald trump", "s:trump|USA|2016", "o:gop|"
    Column("actor_id", Integer, ForeignKey("actors.id"), nullable=False, index=True),
    Column("name", String(512), nullable=False),  # as first met
    Column(
        "rule", String(64), nullable=False
    ),  # new, name, variant, petrarch2-alias, fuzzy, surname, manual-merge, ...
    Column("why", Text),  # one readable line: why this name is this actor
)

entities = Table(
    "entities",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("eid", String(16), nullable=False),
    Column("actor_id", Integer, ForeignKey("actors.id"), nullable=False, index=True),
    Column("name", String(512), nullable=False),
    Column("type", String(16)),
    Column("country", String(8)),
    Column("sector", String(16)),
    Column("roles", Text),  # JSON list
    Column("n_mentions", Integer, nullable=False, default=0),
    Column("name_key", String(600), index=True),  # its actor_names key (revision 0007); null before
    UniqueConstraint("article_id", "eid", name="uq_entities_article_eid"),
)

statements = Table(
    "statements",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("statement_key", String(64), nullable=False, unique=True),  # sha256(speaker actor|norm text)
    Column("speaker_actor_id", Integer, ForeignKey("actors.id"), nullable=True, index=True),
    Column("text", Text, nullable=False),  # as first met
    # kept up to date as articles are added (revision 0002), so "most reported" is an index scan
    Column("n_sources", Integer, nullable=False, server_default="0", index=True),  # articles reporting it
    Column("first_day", String(10)),
    Column("last_day", String(10)),
    # revision 0007: the same text from one outlet in BOILERPLATE_MIN articles or more (an
    # editor's note): kept, but out of statement rankings
    Column("boilerplate", Boolean, nullable=False, server_default=false()),
)

quotes = Table(
    "quotes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("qid", String(16), nullable=False),
    Column("statement_id", Integer, ForeignKey("statements.id"), nullable=True, index=True),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("kind", String(16), index=True),
    Column("cue_type", String(16)),
    Column("speaker_eid", String(16)),
    Column("speaker_actor_id", Integer, ForeignKey("actors.id"), nullable=True, index=True),
    Column("speaker_name", String(512)),
    Column("speaker_mention", Text),
    Column("cue", Text),
    Column("addressee", Text),
    Column("via", Text),
    Column("date", String(32)),  # when it was said, as extracted (may be partial or null)
    Column("day", String(10), index=True),  # full date it was said, else the publication date
    Column("published", String(10), index=True),  # copied from the article
    Column("outlet", String(256), index=True),  # copied from the article
    Column("sent_start", Integer),
    Column("sent_end", Integer),
    Column("rule", Text),
    Column("confidence", Float),  # Quote.confidence; null in rows stored before revision 0005
    # Quote.parts as JSON ([{"start", "end"}, ...]; revision 0010): the content's segments, one for
    # an ordinary quote; null in rows stored before it (one part, start..end)
    Column("parts", Text),
    UniqueConstraint("article_id", "qid", name="uq_quotes_article_qid"),
)
Index("ix_quotes_speaker_day", quotes.c.speaker_actor_id, quotes.c.day)

places = Table(
    "places",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("pid", String(16), nullable=False),
    Column("name", String(512), nullable=False, index=True),
    Column("geonameid", Integer, index=True),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String(8), index=True),
    Column("admin1", String(64)),
    Column("feature", String(16)),
    Column("population", Integer),
    Column("aliases", Text),  # JSON list
    Column("n_mentions", Integer, nullable=False, default=0),
    Column("rule", Text),
    Column("confidence", Float),  # 0..1 from the place resolver (revision 0003); None before it
    UniqueConstraint("article_id", "pid", name="uq_places_article_pid"),
)

times = Table(
    "times",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("tid", String(16), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String(16)),
    Column("value", String(64), index=True),
    Column("rule", Text),
    UniqueConstraint("article_id", "tid", name="uq_times_article_tid"),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("vid", String(16), nullable=False),
    Column("type", String(32), nullable=False, index=True),
    Column("mode", String(64)),
    Column("contexts", Text),  # JSON list
    Column("actor_eid", String(16)),
    Column("recipient_eid", String(16)),
    Column("actor_actor_id", Integer, ForeignKey("actors.id"), nullable=True, index=True),
    Column("recipient_actor_id", Integer, ForeignKey("actors.id"), nullable=True, index=True),
    Column("actor_name", String(512)),
    Column("recipient_name", String(512)),
    Column("actor_country", String(8), index=True),
    Column("actor_sector", String(16)),
    Column("recipient_country", String(8), index=True),
    Column("recipient_sector", String(16)),
    # named | clause-country | sentence-country | domestic (a guess): Event.recipient_basis (0009)
    Column("recipient_basis", String(24)),
    Column("date", String(32)),  # event date as extracted (may be partial or null)
    Column("day", String(10), index=True),  # full event date, else the publication date
    Column("published", String(10), index=True),  # copied from the article
    Column("outlet", String(256)),
    Column("place_pid", String(16)),
    Column("place_name", String(512), index=True),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonameid", Integer),
    Column("place_country", String(8)),
    Column("quad", String(32)),
    Column("cameo_root", String(8)),
    Column("trigger_text", Text),
    Column("trigger_start", Integer),
    Column("trigger_end", Integer),
    Column("sent_start", Integer),
    Column("sent_end", Integer),
    Column("quote_qid", String(16)),
    Column("negated", Boolean, nullable=False, default=False),
    Column("hypothetical", Boolean, nullable=False, default=False),
    Column("future", Boolean, nullable=False, default=False),
    Column("rule", Text),
    Column("confidence", Float, index=True),  # the coder's confidence in [0, 1]; null for rows stored before it
    UniqueConstraint("article_id", "vid", name="uq_events_article_vid"),
)

# what each quote refers to (revision 0003; see newsgraph.store.refs): a place in its sentence
# ("place"), an actor named inside it ("named"), the agency relaying it ("via")
quote_refs = Table(
    "quote_refs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("qid", String(16), nullable=False),
    Column("ref", String(16), nullable=False),  # an entity id (E3) or place id (P2) of the article
    Column("role", String(8), nullable=False, index=True),
)
Index("ix_quote_refs_article", quote_refs.c.article_id, quote_refs.c.qid)

# stories (revision 0008; see newsgraph.stories and newsgraph.store.storyindex)
stories = Table(
    "stories",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("title", Text),  # the title of its first article
    Column("first_day", String(10)),
    Column("last_day", String(10)),
    Column("n_articles", Integer, nullable=False, server_default="0"),
)
Index("ix_stories_last_day", stories.c.last_day)
Index("ix_stories_n_articles", stories.c.n_articles)

story_articles = Table(
    "story_articles",
    metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
    Column("day", String(10)),
    Column("score", Float),  # cosine with the article it matched (null: it started the story)
    Column("via_article_id", Integer),  # the article it matched
    Column("rule", Text),
)
Index("ix_story_articles_story", story_articles.c.story_id, story_articles.c.day)
Index("ix_story_articles_day", story_articles.c.day)

# the inverted index the story engine finds candidates by (one row per article and term)
story_terms = Table(
    "story_terms",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("term", String(64), nullable=False),
    Column("day", String(10), nullable=False),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("story_id", Integer, nullable=False),
    Column("weight", Float, nullable=False),
    Column("norm", Float, nullable=False),  # the article's vector norm
)
Index(
    "ix_story_terms_lookup",
    story_terms.c.term,
    story_terms.c.day,
    story_terms.c.article_id,
    story_terms.c.story_id,
    story_terms.c.weight,
    story_terms.c.norm,
)
Index("ix_story_terms_article", story_terms.c.article_id)

# a statement answering another (revision 0008; see newsgraph.responses): within one
# article (scope "article", from Quote.responds_to) or across the articles of a story ("story")
responses = Table(
    "responses",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("qid", String(16), nullable=False),
    Column("statement_id", Integer, ForeignKey("statements.id"), nullable=True),
    Column("to_article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("to_qid", String(16), nullable=False),
    Column("to_statement_id", Integer, ForeignKey("statements.id"), nullable=True),
    Column("cue", Text),
    Column("stance", String(16), nullable=False),
    Column("rule", Text),
    Column("scope", String(8), nullable=False),
)
Index("ix_responses_article", responses.c.article_id, responses.c.qid)
Index("ix_responses_to_article", responses.c.to_article_id, responses.c.to_qid)
Index("ix_responses_statement", responses.c.statement_id)
Index("ix_responses_to_statement", responses.c.to_statement_id)

failures = Table(
    "failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("runs.id"), nullable=True, index=True),
    Column("source", Text, nullable=False),  # file, file:line, or article id
    Column("error", Text, nullable=False),
    Column("at", String(32), nullable=False),
)

runs = Table(
    "runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started", String(32), nullable=False),
    Column("finished", String(32)),
    Column("command", Text),
    Column("engine", String(16)),
    Column("workers", Integer),
    Column("stored", Integer, nullable=False, default=0),
    Column("duplicates", Integer, nullable=False, default=0),
    Column("failed", Integer, nullable=False, default=0),
)

# covering indexes for the web app's counts (revision 0003; with the confidence columns every
# page filters by since revision 0006)
_FLAGS = [events.c.negated, events.c.hypothetical, events.c.future]
Index(
    "ix_quotes_facets",
    quotes.c.cue_type,
    quotes.c.day,
    quotes.c.kind,
    quotes.c.outlet,
    quotes.c.speaker_actor_id,
    quotes.c.statement_id,
    quotes.c.confidence,
)
Index("ix_entities_actor_cover", entities.c.actor_id, entities.c.article_id, entities.c.n_mentions)
Index("ix_events_day_type", events.c.day, events.c.type, *_FLAGS, events.c.confidence)
Index(
    "ix_events_pair",
    events.c.actor_actor_id,
    events.c.recipient_actor_id,
    events.c.type,
    events.c.day,
    *_FLAGS,
    events.c.confidence,
)
Index(
    "ix_events_pair_r",
    events.c.recipient_actor_id,
    events.c.actor_actor_id,
    events.c.type,
    events.c.day,
    *_FLAGS,
    events.c.confidence,
)
Index(
    "ix_events_place",
    events.c.geonameid,
    events.c.place_name,
    events.c.lat,
    events.c.lon,
    events.c.place_country,
    events.c.type,
    events.c.day,
    *_FLAGS,
    events.c.confidence,
)

ALL_TABLES = [
    articles,
    actors,
    actor_names,
    entities,
    statements,
    quotes,
    places,
    times,
    events,
    quote_refs,
    stories,
    story_articles,
    story_terms,
    responses,
    runs,
    failures,
]
