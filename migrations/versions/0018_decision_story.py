"""decisions.story_id and decisions.batch_id: a fact of a story decided at once (issue 22, build 4)

An editor decides a fact of a story (the claims of several outlets that state it) in one
submission: each claim still gets its own decision, which now names the story it was decided on
(``story_id``) and the submission it was part of (``batch_id``, the id of the submission's first
decision), so "undo this fact" can reverse exactly that submission. Both None for a decision taken
on one claim.

Revision ID: 0018
Revises: 0017
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain columns, added in place: no foreign keys. Stories are never deleted (a merged one stays,
    # empty), a batch is only a grouping of rows of this table, and on SQLite a key would need the
    # table copied.
    op.add_column("decisions", sa.Column("story_id", sa.Integer(), nullable=True))
    op.add_column("decisions", sa.Column("batch_id", sa.Integer(), nullable=True))
    op.create_index("ix_decisions_story", "decisions", ["story_id", "user_id"])
    op.create_index("ix_decisions_batch", "decisions", ["batch_id"])


def downgrade() -> None:
    op.drop_index("ix_decisions_batch", table_name="decisions")
    op.drop_index("ix_decisions_story", table_name="decisions")
    op.drop_column("decisions", "batch_id")
    op.drop_column("decisions", "story_id")
