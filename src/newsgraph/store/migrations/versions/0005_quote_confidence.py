"""quotes.confidence: the quote's confidence in [0, 1] (docs/quotes.md); a quote below the
documented threshold gets no statement, and quote lists and exports keep quotes at or above a
threshold by default. Rows stored before it existed have none (and are kept).

Revision ID: 0005
Revises: 0004
"""
from alembic import op
import sqlalchemy as sa

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('quotes', sa.Column('confidence', sa.Float(), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE quotes DROP COLUMN confidence")
