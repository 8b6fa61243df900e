"""feeds: OPML category (tag), full-text mode and page-fetch health; articles: the linked page's state

- feeds.tag: the category an OPML outline put the feed in (kept on import, written on export).
- feeds.full_text: auto | always | never, whether the article page behind an entry's link is
  fetched when the feed carries only a teaser (factcheck.ingest.fulltext).
- feeds.page_error_count / feeds.last_page_error: the feed's health for those page fetches,
  apart from the feed's own (a feed that polls fine may link to pages that fail).
- articles.page_status / page_error / page_fetched_at / page_attempts: whether the page was
  fetched ("fetched"), failed ("failed", the error kept, the feed's text kept), or was not
  needed ("skipped"); a failed page is tried again on a later poll, a few times.
- articles.feed_hash: the content hash of the entry as the feed gave it, so that an unchanged
  teaser does not overwrite the page's text stored in its place, and an edited one does.
- articles.canonical_url: the page's <link rel="canonical">, else the link without tracking
  parameters (utm_*): one story reached through two feeds of an outlet is stored once.

Revision ID: 0011
Revises: 0010
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("feeds") as batch:
        batch.add_column(sa.Column("tag", sa.String(200), nullable=True))
        batch.add_column(sa.Column("full_text", sa.String(8), nullable=False, server_default="auto"))
        batch.add_column(sa.Column("page_error_count", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("last_page_error", sa.Text(), nullable=True))
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("page_status", sa.String(16), nullable=True))
        batch.add_column(sa.Column("page_error", sa.Text(), nullable=True))
        batch.add_column(sa.Column("page_fetched_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("page_attempts", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("canonical_url", sa.String(2000), nullable=True))
        batch.add_column(sa.Column("feed_hash", sa.String(64), nullable=True))
    op.create_index("ix_articles_canonical", "articles", ["canonical_url"])


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+), not a batch rebuild: rebuilding articles or feeds on SQLite
    # drops the old table, and its ON DELETE CASCADE would take the claims (or articles) with it.
    op.drop_index("ix_articles_canonical", table_name="articles")
    for name in ("feed_hash", "canonical_url", "page_attempts", "page_fetched_at", "page_error", "page_status"):
        op.drop_column("articles", name)
    for name in ("last_page_error", "page_error_count", "full_text", "tag"):
        op.drop_column("feeds", name)
