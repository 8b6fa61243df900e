"""stories, story_events and articles.story_id: reports of one event grouped as they arrive (issue 22)

Revision ID: 0017
Revises: 0016
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("first", sa.DateTime(), nullable=False),
        sa.Column("last", sa.DateTime(), nullable=False),
        sa.Column("n_articles", sa.Integer(), nullable=False),
    )
    op.create_index("ix_stories_last", "stories", ["last"])
    op.create_table(
        "story_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.Column("into_id", sa.Integer(), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
    )
    op.create_index("ix_story_events_story", "story_events", ["story_id"])
    op.create_index("ix_story_events_into", "story_events", ["into_id"])
    # A plain column, added in place: no foreign key (models.Article.story_id says why).
    # Existing articles get their stories on the next `db rematch` (every stored match passes
    # through factcheck.store.stories).
    op.add_column("articles", sa.Column("story_id", sa.Integer(), nullable=True))
    op.create_index("ix_articles_story", "articles", ["story_id"])


def downgrade() -> None:
    op.drop_index("ix_articles_story", table_name="articles")
    op.drop_column("articles", "story_id")
    op.drop_index("ix_story_events_into", table_name="story_events")
    op.drop_index("ix_story_events_story", table_name="story_events")
    op.drop_table("story_events")
    op.drop_index("ix_stories_last", table_name="stories")
    op.drop_table("stories")
