"""stories.conflicted/n_conflicts/n_outlets for the queue's order; articles.story_pinned and the
editor on story_events for editors' corrections (issue 22, builds 2 and 5)

The story queue puts first what needs a human most: a story where one outlet contradicts
another, then the stories more independent outlets report, then the newest. Sorting on figures
computed from claims and matches would read every story; stored on the story and indexed
(``ix_stories_need``), a page is the first rows of one index. ``factcheck.store.stories``
refreshes them whenever it regroups a story; the backfill below computes them the same way for
the stories stored before.

An article an editor moved is pinned (``articles.story_pinned``): regrouping never moves it
back. ``story_events`` says who moved it (``user_id``) and which article (``article_id``).

Revision ID: 0019
Revises: 0018
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

# The definitions of factcheck.store.stories.refresh, frozen here as they were when this ran.
# Independent outlets: the feeds of the story's articles, a syndicated copy (the content hash of
# a lower article of the story from another feed) not counted again.
OUTLETS = """
UPDATE stories SET n_outlets = (
  SELECT COUNT(DISTINCT a.feed_id) FROM articles a
  WHERE a.story_id = stories.id AND NOT EXISTS (
    SELECT 1 FROM articles b WHERE b.story_id = a.story_id AND b.content_hash = a.content_hash
      AND b.id < a.id AND b.feed_id <> a.feed_id))
"""
# Diverging claims: a claim of the story that a claim of another outlet of the same story contradicts.
CONFLICTS = """
UPDATE stories SET n_conflicts = (
  SELECT COUNT(DISTINCT c.id) FROM articles a
  JOIN claims c ON c.article_id = a.id
  JOIN matches m ON m.claim_id = c.id AND m.relation = 'conflicts'
  JOIN claims o ON o.id = m.other_claim_id AND o.feed_id <> c.feed_id
  JOIN articles oa ON oa.id = o.article_id AND oa.story_id = a.story_id
  WHERE a.story_id = stories.id)
"""


def upgrade() -> None:
    op.add_column("stories", sa.Column("conflicted", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("stories", sa.Column("n_conflicts", sa.Integer(), nullable=False, server_default="0"))
    op.add_column("stories", sa.Column("n_outlets", sa.Integer(), nullable=False, server_default="0"))
    op.execute(OUTLETS)
    op.execute(CONFLICTS)
    op.execute(sa.text("UPDATE stories SET conflicted = (n_conflicts > 0)"))
    op.create_index("ix_stories_need", "stories", ["conflicted", "n_outlets", "last", "id"])
    op.add_column("articles", sa.Column("story_pinned", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("story_events", sa.Column("article_id", sa.Integer(), nullable=True))
    op.add_column("story_events", sa.Column("user_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    # In place, as 0017 drops articles.story_id: a batch copy of articles would cascade to the claims.
    op.drop_column("story_events", "user_id")
    op.drop_column("story_events", "article_id")
    op.drop_column("articles", "story_pinned")
    op.drop_index("ix_stories_need", table_name="stories")
    op.drop_column("stories", "n_outlets")
    op.drop_column("stories", "n_conflicts")
    op.drop_column("stories", "conflicted")
