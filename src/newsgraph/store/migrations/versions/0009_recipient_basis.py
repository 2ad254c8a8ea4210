"""events.recipient_basis: how an event's recipient was found (``named``, ``clause-country``,
``sentence-country``, or ``domestic``: no target named, the actor's own country, a guess), so
the pages and exports show a guessed recipient as one (docs/events.md). Rows stored before it
existed have none.

Revision ID: 0009
Revises: 0008
"""
from alembic import op
import sqlalchemy as sa

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('events', sa.Column('recipient_basis', sa.String(length=24), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE events DROP COLUMN recipient_basis")
