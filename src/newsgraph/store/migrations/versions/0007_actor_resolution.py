"""Actor resolution across the store (newsgraph.store.actors, docs/store.md "Actors"):
``actor_names`` (every name variant met and why it is its actor), ``actors.merged_into`` and
``actors.junk``, ``entities.name_key``, and ``statements.boilerplate`` (an editor's note repeated
by one outlet, kept out of statement rankings). Stores made before it keep their actors as they
were; ``newsgraph actors resolve --db STORE`` resolves them.

Revision ID: 0007
Revises: 0006
"""
from alembic import op
import sqlalchemy as sa

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'actor_names',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('name_key', sa.String(length=600), nullable=False),
        sa.Column('actor_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=512), nullable=False),
        sa.Column('rule', sa.String(length=64), nullable=False),
        sa.Column('why', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['actor_id'], ['actors.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('name_key'),
    )
    op.create_index('ix_actor_names_actor_id', 'actor_names', ['actor_id'], unique=False)
    op.add_column('actors', sa.Column('merged_into', sa.Integer(), nullable=True))
    op.add_column('actors', sa.Column('junk', sa.String(length=64), nullable=True))
    op.create_index('ix_actors_merged_into', 'actors', ['merged_into'], unique=False)
    op.add_column('entities', sa.Column('name_key', sa.String(length=600), nullable=True))
    op.create_index('ix_entities_name_key', 'entities', ['name_key'], unique=False)
    op.add_column('statements', sa.Column('boilerplate', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    op.execute("ALTER TABLE statements DROP COLUMN boilerplate")
    op.drop_index('ix_entities_name_key', table_name='entities')
    op.execute("ALTER TABLE entities DROP COLUMN name_key")
    op.drop_index('ix_actors_merged_into', table_name='actors')
    op.execute("ALTER TABLE actors DROP COLUMN junk")
    op.execute("ALTER TABLE actors DROP COLUMN merged_into")
    op.drop_index('ix_actor_names_actor_id', table_name='actor_names')
    op.drop_table('actor_names')
