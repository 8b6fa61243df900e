"""stories.headline_claim_id/n_claims/n_agreeing: what a row of the story queue shows (issue 22)

The queue computed each row's headline claim, claim count and agreeing count from every claim
of the page's stories and their matches on each request (90% of a page's time at 120,000
claims). Stored on the story like the order's figures (0019), a page reads them with its rows;
``factcheck.store.stories.refresh`` recounts them for every story a regroup or a move touches.
The backfill below computes them the same way for the stories stored before.

Revision ID: 0020
Revises: 0019
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

# The definitions of factcheck.store.stories.refresh, frozen here as they were when this ran.
# The headline: the story's claim most outlets back, then the fewest contradicted, then the lowest id.
HEADLINE = """
UPDATE stories SET headline_claim_id = (
  SELECT c.id FROM articles a JOIN claims c ON c.article_id = a.id
  WHERE a.story_id = stories.id
  ORDER BY c.n_sources DESC, c.n_conflicts ASC, c.id ASC LIMIT 1)
"""
CLAIMS = """
UPDATE stories SET n_claims = (
  SELECT COUNT(*) FROM articles a JOIN claims c ON c.article_id = a.id WHERE a.story_id = stories.id)
"""
# Agreeing claims: a claim of the story that a claim of another outlet of the same story supports.
AGREEING = """
UPDATE stories SET n_agreeing = (
  SELECT COUNT(DISTINCT c.id) FROM articles a
  JOIN claims c ON c.article_id = a.id
  JOIN matches m ON m.claim_id = c.id AND m.relation = 'supports'
  JOIN claims o ON o.id = m.other_claim_id AND o.feed_id <> c.feed_id
  JOIN articles oa ON oa.id = o.article_id AND oa.story_id = a.story_id
  WHERE a.story_id = stories.id)
"""


def upgrade() -> None:
    op.add_column("stories", sa.Column("headline_claim_id", sa.Integer(), nullable=True))
    op.add_column("stories", sa.Column("n_claims", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("stories", sa.Column("n_agreeing", sa.Integer(), nullable=False, server_default="0"))
    op.execute(HEADLINE)
    op.execute(CLAIMS)
    op.execute(AGREEING)


def downgrade() -> None:
    op.drop_column("stories", "n_agreeing")
    op.drop_column("stories", "n_claims")
    op.drop_column("stories", "headline_claim_id")
