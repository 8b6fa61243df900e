"""feeds.ttl_minutes: the feed's own <ttl>, kept so that a 304 honours it too

A 304 carries no body, so the <ttl> a feed declares was only known on the polls that
downloaded it, and an unchanged feed could be polled earlier than it asked.  The value
parsed from the last full download is stored on the feed and applied after every poll.

Revision ID: 0006
Revises: 0005
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("feeds") as batch:
        batch.add_column(sa.Column("ttl_minutes", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("feeds") as batch:
        batch.drop_column("ttl_minutes")
