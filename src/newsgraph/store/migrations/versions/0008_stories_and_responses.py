"""stories and responses: ``stories`` (one row per story: title, span of days, articles),
``story_articles`` (the story of each article and why: the article it matched, the cosine),
``story_terms`` (the inverted index the story engine finds candidates by: term, day, article,
story, weight, the article's norm; one covering index so a lookup reads the index only), and
``responses`` (a statement answering another, in one article or across the articles of a
story: cue, stance, rule). Articles stored before this revision are given stories here, in
publication order (newsgraph.store.storyindex) (their records have no response links: those are extracted from now on).

Revision ID: 0008
Revises: 0007
"""
from alembic import op
import sqlalchemy as sa

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'stories',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('title', sa.Text()),
        sa.Column('first_day', sa.String(length=10)),
        sa.Column('last_day', sa.String(length=10)),
        sa.Column('n_articles', sa.Integer(), nullable=False, server_default='0'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_stories_last_day', 'stories', ['last_day'])
    op.create_index('ix_stories_n_articles', 'stories', ['n_articles'])
    op.create_table(
        'story_articles',
        sa.Column('article_id', sa.Integer(), nullable=False),
        sa.Column('story_id', sa.Integer(), nullable=False),
        sa.Column('day', sa.String(length=10)),
        sa.Column('score', sa.Float()),
        sa.Column('via_article_id', sa.Integer()),
        sa.Column('rule', sa.Text()),
        sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['story_id'], ['stories.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('article_id'),
    )
    op.create_index('ix_story_articles_story', 'story_articles', ['story_id', 'day'])
    op.create_index('ix_story_articles_day', 'story_articles', ['day'])
    op.create_table(
        'story_terms',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('term', sa.String(length=64), nullable=False),
        sa.Column('day', sa.String(length=10), nullable=False),
        sa.Column('article_id', sa.Integer(), nullable=False),
        sa.Column('story_id', sa.Integer(), nullable=False),
        sa.Column('weight', sa.Float(), nullable=False),
        sa.Column('norm', sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_story_terms_lookup', 'story_terms',
                    ['term', 'day', 'article_id', 'story_id', 'weight', 'norm'])
    op.create_index('ix_story_terms_article', 'story_terms', ['article_id'])
    op.create_table(
        'responses',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('article_id', sa.Integer(), nullable=False),
        sa.Column('qid', sa.String(length=16), nullable=False),
        sa.Column('statement_id', sa.Integer(), nullable=True),
        sa.Column('to_article_id', sa.Integer(), nullable=False),
        sa.Column('to_qid', sa.String(length=16), nullable=False),
        sa.Column('to_statement_id', sa.Integer(), nullable=True),
        sa.Column('cue', sa.Text()),
        sa.Column('stance', sa.String(length=16), nullable=False),
        sa.Column('rule', sa.Text()),
        sa.Column('scope', sa.String(length=8), nullable=False),
        sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['to_article_id'], ['articles.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['statement_id'], ['statements.id']),
        sa.ForeignKeyConstraint(['to_statement_id'], ['statements.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_responses_article', 'responses', ['article_id', 'qid'])
    op.create_index('ix_responses_to_article', 'responses', ['to_article_id', 'to_qid'])
    op.create_index('ix_responses_statement', 'responses', ['statement_id'])
    op.create_index('ix_responses_to_statement', 'responses', ['to_statement_id'])
    from newsgraph.store.storyindex import backfill

    backfill(op.get_bind())


def downgrade() -> None:
    op.drop_table('responses')
    op.drop_table('story_terms')
    op.drop_table('story_articles')
    op.drop_table('stories')
