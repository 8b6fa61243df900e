"""matches.reason_data: why two claims match, as a template and its values

``matches.reason`` holds the English sentence ("same quote 93%, speaker agrees"),
which exports and the command line print. The interface is also Arabic, and
translating an English sentence after the fact means parsing it back; the
matcher's reason is now also stored as its template and values
(``factcheck.messages.Message.to_data``), which the claim page translates.

Rows written before this revision have no data and keep showing their English
reason until the claim is matched again (``factcheck db rematch``, or Match
again on the claim's page).

Revision ID: 0008
Revises: 0007
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("matches", sa.Column("reason_data", sa.JSON(), nullable=True))


def downgrade() -> None:
    # Not in batch mode: on SQLite that copies the table, and the queue's triggers (0002) on
    # matches, which read claims, would be lost or fail. SQLite drops a column itself since 3.35.
    op.drop_column("matches", "reason_data")
