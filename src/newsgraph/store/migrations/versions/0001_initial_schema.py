"""initial schema: articles, actors, entities, statements, quotes, places, times, events,
runs, failures; full-text search (SQLite FTS5 tables + triggers, PostgreSQL GIN indexes).

Revision ID: 0001
Revises: 
Create Date: 2026-11-25 13:47:18.357844
"""
from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('actors',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('actor_key', sa.String(length=600), nullable=False),
    sa.Column('name', sa.String(length=512), nullable=False),
    sa.Column('country', sa.String(length=8), nullable=True),
    sa.Column('type', sa.String(length=16), nullable=True),
    sa.Column('sector', sa.String(length=16), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('actor_key')
    )
    with op.batch_alter_table('actors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_actors_country'), ['country'], unique=False)
        batch_op.create_index('ix_actors_name', ['name'], unique=False)

    op.create_table('articles',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('key', sa.String(length=512), nullable=False),
    sa.Column('url', sa.String(length=2048), nullable=True),
    sa.Column('text_hash', sa.String(length=64), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.String(length=10), nullable=True),
    sa.Column('source', sa.String(length=256), nullable=True),
    sa.Column('source_path', sa.Text(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('model', sa.String(length=256), nullable=True),
    sa.Column('newsgraph_version', sa.String(length=32), nullable=True),
    sa.Column('schema_version', sa.String(length=16), nullable=True),
    sa.Column('n_entities', sa.Integer(), nullable=False),
    sa.Column('n_quotes', sa.Integer(), nullable=False),
    sa.Column('n_events', sa.Integer(), nullable=False),
    sa.Column('n_places', sa.Integer(), nullable=False),
    sa.Column('n_times', sa.Integer(), nullable=False),
    sa.Column('ingested_at', sa.String(length=32), nullable=False),
    sa.Column('record_json', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('text_hash'),
    sa.UniqueConstraint('url')
    )
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.create_index('ix_articles_key', ['key'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_published'), ['published'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_source'), ['source'], unique=False)

    op.create_table('runs',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('started', sa.String(length=32), nullable=False),
    sa.Column('finished', sa.String(length=32), nullable=True),
    sa.Column('command', sa.Text(), nullable=True),
    sa.Column('engine', sa.String(length=16), nullable=True),
    sa.Column('workers', sa.Integer(), nullable=True),
    sa.Column('stored', sa.Integer(), nullable=False),
    sa.Column('duplicates', sa.Integer(), nullable=False),
    sa.Column('failed', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('entities',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('eid', sa.String(length=16), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=512), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=True),
    sa.Column('country', sa.String(length=8), nullable=True),
    sa.Column('sector', sa.String(length=16), nullable=True),
    sa.Column('roles', sa.Text(), nullable=True),
    sa.Column('n_mentions', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], ),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article_id', 'eid', name='uq_entities_article_eid')
    )
    with op.batch_alter_table('entities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_entities_actor_id'), ['actor_id'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('vid', sa.String(length=16), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('mode', sa.String(length=64), nullable=True),
    sa.Column('contexts', sa.Text(), nullable=True),
    sa.Column('actor_eid', sa.String(length=16), nullable=True),
    sa.Column('recipient_eid', sa.String(length=16), nullable=True),
    sa.Column('actor_actor_id', sa.Integer(), nullable=True),
    sa.Column('recipient_actor_id', sa.Integer(), nullable=True),
    sa.Column('actor_name', sa.String(length=512), nullable=True),
    sa.Column('recipient_name', sa.String(length=512), nullable=True),
    sa.Column('actor_country', sa.String(length=8), nullable=True),
    sa.Column('actor_sector', sa.String(length=16), nullable=True),
    sa.Column('recipient_country', sa.String(length=8), nullable=True),
    sa.Column('recipient_sector', sa.String(length=16), nullable=True),
    sa.Column('date', sa.String(length=32), nullable=True),
    sa.Column('day', sa.String(length=10), nullable=True),
    sa.Column('published', sa.String(length=10), nullable=True),
    sa.Column('outlet', sa.String(length=256), nullable=True),
    sa.Column('place_pid', sa.String(length=16), nullable=True),
    sa.Column('place_name', sa.String(length=512), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('geonameid', sa.Integer(), nullable=True),
    sa.Column('place_country', sa.String(length=8), nullable=True),
    sa.Column('quad', sa.String(length=32), nullable=True),
    sa.Column('cameo_root', sa.String(length=8), nullable=True),
    sa.Column('trigger_text', sa.Text(), nullable=True),
    sa.Column('trigger_start', sa.Integer(), nullable=True),
    sa.Column('trigger_end', sa.Integer(), nullable=True),
    sa.Column('sent_start', sa.Integer(), nullable=True),
    sa.Column('sent_end', sa.Integer(), nullable=True),
    sa.Column('quote_qid', sa.String(length=16), nullable=True),
    sa.Column('negated', sa.Boolean(), nullable=False),
    sa.Column('hypothetical', sa.Boolean(), nullable=False),
    sa.Column('future', sa.Boolean(), nullable=False),
    sa.Column('rule', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['actor_actor_id'], ['actors.id'], ),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['recipient_actor_id'], ['actors.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article_id', 'vid', name='uq_events_article_vid')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_actor_actor_id'), ['actor_actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_actor_country'), ['actor_country'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_day'), ['day'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_place_name'), ['place_name'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_published'), ['published'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_recipient_actor_id'), ['recipient_actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_recipient_country'), ['recipient_country'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_type'), ['type'], unique=False)

    op.create_table('failures',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=True),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('error', sa.Text(), nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['runs.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('failures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_failures_run_id'), ['run_id'], unique=False)

    op.create_table('places',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('pid', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=512), nullable=False),
    sa.Column('geonameid', sa.Integer(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('country', sa.String(length=8), nullable=True),
    sa.Column('admin1', sa.String(length=64), nullable=True),
    sa.Column('feature', sa.String(length=16), nullable=True),
    sa.Column('population', sa.Integer(), nullable=True),
    sa.Column('aliases', sa.Text(), nullable=True),
    sa.Column('n_mentions', sa.Integer(), nullable=False),
    sa.Column('rule', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article_id', 'pid', name='uq_places_article_pid')
    )
    with op.batch_alter_table('places', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_places_country'), ['country'], unique=False)
        batch_op.create_index(batch_op.f('ix_places_geonameid'), ['geonameid'], unique=False)
        batch_op.create_index(batch_op.f('ix_places_name'), ['name'], unique=False)

    op.create_table('statements',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('statement_key', sa.String(length=64), nullable=False),
    sa.Column('speaker_actor_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['speaker_actor_id'], ['actors.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('statement_key')
    )
    with op.batch_alter_table('statements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_statements_speaker_actor_id'), ['speaker_actor_id'], unique=False)

    op.create_table('times',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('tid', sa.String(length=16), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=True),
    sa.Column('value', sa.String(length=64), nullable=True),
    sa.Column('rule', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article_id', 'tid', name='uq_times_article_tid')
    )
    with op.batch_alter_table('times', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_times_value'), ['value'], unique=False)

    op.create_table('quotes',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('qid', sa.String(length=16), nullable=False),
    sa.Column('statement_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=True),
    sa.Column('cue_type', sa.String(length=16), nullable=True),
    sa.Column('speaker_eid', sa.String(length=16), nullable=True),
    sa.Column('speaker_actor_id', sa.Integer(), nullable=True),
    sa.Column('speaker_name', sa.String(length=512), nullable=True),
    sa.Column('speaker_mention', sa.Text(), nullable=True),
    sa.Column('cue', sa.Text(), nullable=True),
    sa.Column('addressee', sa.Text(), nullable=True),
    sa.Column('via', sa.Text(), nullable=True),
    sa.Column('date', sa.String(length=32), nullable=True),
    sa.Column('day', sa.String(length=10), nullable=True),
    sa.Column('published', sa.String(length=10), nullable=True),
    sa.Column('outlet', sa.String(length=256), nullable=True),
    sa.Column('sent_start', sa.Integer(), nullable=True),
    sa.Column('sent_end', sa.Integer(), nullable=True),
    sa.Column('rule', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['speaker_actor_id'], ['actors.id'], ),
    sa.ForeignKeyConstraint(['statement_id'], ['statements.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article_id', 'qid', name='uq_quotes_article_qid')
    )
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quotes_day'), ['day'], unique=False)
        batch_op.create_index(batch_op.f('ix_quotes_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_quotes_outlet'), ['outlet'], unique=False)
        batch_op.create_index(batch_op.f('ix_quotes_published'), ['published'], unique=False)
        batch_op.create_index(batch_op.f('ix_quotes_speaker_actor_id'), ['speaker_actor_id'], unique=False)
        batch_op.create_index('ix_quotes_speaker_day', ['speaker_actor_id', 'day'], unique=False)
        batch_op.create_index(batch_op.f('ix_quotes_statement_id'), ['statement_id'], unique=False)

    _create_fulltext()


def downgrade() -> None:
    _drop_fulltext()
    with op.batch_alter_table('quotes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quotes_statement_id'))
        batch_op.drop_index('ix_quotes_speaker_day')
        batch_op.drop_index(batch_op.f('ix_quotes_speaker_actor_id'))
        batch_op.drop_index(batch_op.f('ix_quotes_published'))
        batch_op.drop_index(batch_op.f('ix_quotes_outlet'))
        batch_op.drop_index(batch_op.f('ix_quotes_kind'))
        batch_op.drop_index(batch_op.f('ix_quotes_day'))

    op.drop_table('quotes')
    with op.batch_alter_table('times', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_times_value'))

    op.drop_table('times')
    with op.batch_alter_table('statements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_statements_speaker_actor_id'))

    op.drop_table('statements')
    with op.batch_alter_table('places', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_places_name'))
        batch_op.drop_index(batch_op.f('ix_places_geonameid'))
        batch_op.drop_index(batch_op.f('ix_places_country'))

    op.drop_table('places')
    with op.batch_alter_table('failures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_failures_run_id'))

    op.drop_table('failures')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_type'))
        batch_op.drop_index(batch_op.f('ix_events_recipient_country'))
        batch_op.drop_index(batch_op.f('ix_events_recipient_actor_id'))
        batch_op.drop_index(batch_op.f('ix_events_published'))
        batch_op.drop_index(batch_op.f('ix_events_place_name'))
        batch_op.drop_index(batch_op.f('ix_events_day'))
        batch_op.drop_index(batch_op.f('ix_events_actor_country'))
        batch_op.drop_index(batch_op.f('ix_events_actor_actor_id'))

    op.drop_table('events')
    with op.batch_alter_table('entities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_entities_actor_id'))

    op.drop_table('entities')
    op.drop_table('runs')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_articles_source'))
        batch_op.drop_index(batch_op.f('ix_articles_published'))
        batch_op.drop_index('ix_articles_key')

    op.drop_table('articles')
    with op.batch_alter_table('actors', schema=None) as batch_op:
        batch_op.drop_index('ix_actors_name')
        batch_op.drop_index(batch_op.f('ix_actors_country'))

    op.drop_table('actors')


SQLITE_FTS = [
    # external-content FTS5 tables: the text lives in quotes/articles, the index here
    "CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER quotes_fts_ai AFTER INSERT ON quotes BEGIN "
    "INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER quotes_fts_ad AFTER DELETE ON quotes BEGIN "
    "INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); END",
]
POSTGRES_FTS = [
    "CREATE INDEX ix_quotes_fts ON quotes USING GIN (to_tsvector('english', text))",
    "CREATE INDEX ix_articles_fts ON articles USING GIN "
    "(to_tsvector('english', coalesce(title, '') || ' ' || text))",
]


def _create_fulltext() -> None:
    dialect = op.get_bind().dialect.name
    for sql in SQLITE_FTS if dialect == "sqlite" else POSTGRES_FTS if dialect == "postgresql" else []:
        op.execute(sql)


def _drop_fulltext() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in ("quotes_fts_ai", "quotes_fts_ad", "articles_fts_ai", "articles_fts_ad"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS quotes_fts")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_quotes_fts")
        op.execute("DROP INDEX IF EXISTS ix_articles_fts")
