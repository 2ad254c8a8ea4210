"""search and quote references: full-text search with a stemming tokenizer (SQLite FTS5
``porter``; PostgreSQL already stems with the 'english' configuration), the ``quote_refs``
table (places, actors named and relaying agencies of each quote; filled from the stored
records), and ``places.confidence``.

Revision ID: 0003
Revises: 0002
"""
import json

from alembic import op
import sqlalchemy as sa

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

TOKENIZE = "porter unicode61 remove_diacritics 2"
SQLITE_FTS = [
    f"CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='id', tokenize='{TOKENIZE}')",
    "CREATE TRIGGER quotes_fts_ai AFTER INSERT ON quotes BEGIN "
    "INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER quotes_fts_ad AFTER DELETE ON quotes BEGIN "
    "INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    f"CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id', "
    f"tokenize='{TOKENIZE}')",
    "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); END",
    "INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')",
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
]


# covering indexes for the web app's counts (facets and volume charts, most present actors,
# timeline, map and network), so they read narrow index entries instead of whole rows
FLAGS = ['negated', 'hypothetical', 'future']
INDEXES = [
    ('ix_quotes_facets', 'quotes', ['cue_type', 'day', 'kind', 'outlet', 'speaker_actor_id', 'statement_id']),
    ('ix_entities_actor_cover', 'entities', ['actor_id', 'article_id', 'n_mentions']),
    ('ix_events_day_type', 'events', ['day', 'type'] + FLAGS),
    ('ix_events_pair', 'events', ['actor_actor_id', 'recipient_actor_id', 'type', 'day'] + FLAGS),
    ('ix_events_pair_r', 'events', ['recipient_actor_id', 'actor_actor_id', 'type', 'day'] + FLAGS),
    ('ix_events_place', 'events', ['geonameid', 'place_name', 'lat', 'lon', 'place_country', 'type', 'day'] + FLAGS),
]


def _drop_sqlite_fts() -> None:
    for name in ("quotes_fts_ai", "quotes_fts_ad", "articles_fts_ai", "articles_fts_ad"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS quotes_fts")
    op.execute("DROP TABLE IF EXISTS articles_fts")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        _drop_sqlite_fts()
        for sql in SQLITE_FTS:
            op.execute(sql)
    op.add_column('places', sa.Column('confidence', sa.Float(), nullable=True))
    op.create_table(
        'quote_refs',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('article_id', sa.Integer(), nullable=False),
        sa.Column('qid', sa.String(length=16), nullable=False),
        sa.Column('ref', sa.String(length=16), nullable=False),
        sa.Column('role', sa.String(length=8), nullable=False),
        sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_quote_refs_article', 'quote_refs', ['article_id', 'qid'], unique=False)
    op.create_index('ix_quote_refs_role', 'quote_refs', ['role'], unique=False)
    for name, table, cols in INDEXES:
        op.create_index(name, table, cols, unique=False)
    _backfill(bind)


def _backfill(bind) -> None:
    """quote_refs and places.confidence from the records already stored, 500 articles at a time."""
    from newsgraph.store.refs import quote_refs

    arts = sa.table('articles', sa.column('id', sa.Integer), sa.column('record_json', sa.Text),
                    sa.column('n_quotes', sa.Integer), sa.column('n_places', sa.Integer))
    refs = sa.table('quote_refs', sa.column('article_id', sa.Integer), sa.column('qid', sa.String),
                    sa.column('ref', sa.String), sa.column('role', sa.String))
    places = sa.table('places', sa.column('article_id', sa.Integer), sa.column('pid', sa.String),
                      sa.column('confidence', sa.Float))
    last = 0
    while True:
        rows = bind.execute(sa.select(arts.c.id, arts.c.record_json).where(
            arts.c.id > last, (arts.c.n_quotes > 0) | (arts.c.n_places > 0)).order_by(arts.c.id).limit(500)).all()
        if not rows:
            return
        batch, conf = [], []
        for aid, js in rows:
            rec = json.loads(js)
            batch += [dict(article_id=aid, **r) for r in quote_refs(rec)]
            conf += [dict(a=aid, p=p["id"], c=p["confidence"]) for p in rec.get("places") or []
                     if isinstance(p.get("confidence"), (int, float))]
        if batch:
            bind.execute(refs.insert(), batch)
        if conf:
            bind.execute(places.update().where(places.c.article_id == sa.bindparam("a"),
                                               places.c.pid == sa.bindparam("p"))
                         .values(confidence=sa.bindparam("c")), conf)
        last = rows[-1][0]


def downgrade() -> None:
    for name, table, _ in INDEXES:
        op.drop_index(name, table_name=table)
    op.drop_index('ix_quote_refs_role', table_name='quote_refs')
    op.drop_index('ix_quote_refs_article', table_name='quote_refs')
    op.drop_table('quote_refs')
    op.execute("ALTER TABLE places DROP COLUMN confidence")
    if op.get_bind().dialect.name == "sqlite":
        _drop_sqlite_fts()
        for sql in SQLITE_FTS:
            op.execute(sql.replace("porter ", ""))
