"""quotes.parts: the content's segments of a quote, as JSON (``[{"start": 10, "end": 18}, ...]``,
``Quote.parts``, docs/output.md): one for an ordinary quote, several when an attribution
interrupts the content. Rows stored before it existed have none (read as one part,
``start``..``end``).

Revision ID: 0010
Revises: 0009
"""
from alembic import op
import sqlalchemy as sa

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('quotes', sa.Column('parts', sa.Text(), nullable=True))


def downgrade() -> None:
    op.execute("ALTER TABLE quotes DROP COLUMN parts")
