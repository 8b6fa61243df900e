"""claims.match_key and term_counts: faster candidate retrieval, cross-language index keys

* ``claims.match_key``: the matcher's tokens of a claim's text and sentence,
  stored when the claim is indexed, so a lookup reads its ~100 candidates
  ready to score instead of normalising each again.
* ``term_counts``: postings per (term, week), maintained in the same
  transaction as ``claim_terms``; a lookup reads the counts of its terms in
  the window from here (a few rows) instead of counting postings.
* The index is rebuilt: it now also holds language-neutral keys (speaker
  names across scripts, resolved dates, figures) for cross-language matching.

Revision ID: 0004
Revises: 0003
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("claims", sa.Column("match_key", sa.Text(), nullable=True))
    op.create_table(
        "term_counts",
        sa.Column("term", sa.String(length=64), nullable=False),
        sa.Column("week", sa.Integer(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("term", "week", name="pk_term_counts"),
        sqlite_with_rowid=False,
    )

    from factcheck.store.retrieval import reindex_all

    session = Session(bind=op.get_bind())
    reindex_all(session)
    session.flush()


def downgrade() -> None:
    op.drop_table("term_counts")
    # Plain DROP COLUMN (SQLite >= 3.35, PostgreSQL): a batch rebuild of claims
    # would trip over the queue-rank triggers of migration 0002.
    op.execute("ALTER TABLE claims DROP COLUMN match_key")
