"""events.confidence: the event coder's confidence in [0, 1] (docs/events.md); queries,
exports, the timeline and the network keep events at or above a threshold by default. Rows
stored before it existed have none (and are kept).

Revision ID: 0004
Revises: 0003
"""
from alembic import op
import sqlalchemy as sa

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('events', sa.Column('confidence', sa.Float(), nullable=True))
    op.create_index('ix_events_confidence', 'events', ['confidence'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_events_confidence', table_name='events')
    op.execute("ALTER TABLE events DROP COLUMN confidence")
