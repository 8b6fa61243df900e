"""claims.article_hash: the article's content hash, kept on each of its claims

The matcher reads every candidate's article hash (syndicated copies of one
article share it and count once). Reading it through a join with articles
costs, on SQLite, a walk through the overflow pages of the article's text and
html, which come before content_hash in the row: on articles of 30 KB that was
more than half of reading 80 candidates (bench/views.py). The pipeline copies
the hash onto a claim whenever it fills the claim from its article, so an
edited article's claims follow it.

Revision ID: 0009
Revises: 0008
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("claims", sa.Column("article_hash", sa.String(length=64), nullable=True))
    op.execute("UPDATE claims SET article_hash = "
               "(SELECT articles.content_hash FROM articles WHERE articles.id = claims.article_id)")


def downgrade() -> None:
    # Not in batch mode: on SQLite that copies the table, and the queue's triggers (0002) on
    # matches, which read claims, would be lost or fail. SQLite drops a column itself since 3.35.
    op.drop_column("claims", "article_hash")
