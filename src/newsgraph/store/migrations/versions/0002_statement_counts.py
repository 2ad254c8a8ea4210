"""statement counts: statements.n_sources (articles reporting it), first_day, last_day,
kept up to date on insert, so the most reported statements are an index scan away.

Revision ID: 0002
Revises: 0001
"""
from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('statements', sa.Column('n_sources', sa.Integer(), nullable=False, server_default='0'))
    op.add_column('statements', sa.Column('first_day', sa.String(length=10), nullable=True))
    op.add_column('statements', sa.Column('last_day', sa.String(length=10), nullable=True))
    op.create_index('ix_statements_n_sources', 'statements', ['n_sources'], unique=False)
    # backfill from the quotes already stored
    op.execute(
        "UPDATE statements SET "
        "n_sources = (SELECT count(DISTINCT q.article_id) FROM quotes q WHERE q.statement_id = statements.id), "
        "first_day = (SELECT min(q.day) FROM quotes q WHERE q.statement_id = statements.id), "
        "last_day = (SELECT max(q.day) FROM quotes q WHERE q.statement_id = statements.id)")


def downgrade() -> None:
    op.drop_index('ix_statements_n_sources', table_name='statements')
    for col in ('last_day', 'first_day', 'n_sources'):  # SQLite >= 3.35 and PostgreSQL both drop columns
        op.execute(f"ALTER TABLE statements DROP COLUMN {col}")
