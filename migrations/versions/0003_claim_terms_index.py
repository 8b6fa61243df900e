"""claim_terms: the candidate-retrieval index (search term, day, claim)

Matching looks up the claims of other feeds inside a time window that share
search terms with a new claim. This table is that index: written in the same
transaction as the claims (factcheck.store.retrieval.index_claims), removed with
them (ON DELETE CASCADE), and keyed so that one term's postings inside the
window are one range of the primary key on SQLite (a WITHOUT ROWID table, so
the key is the table) and on PostgreSQL (an index-only scan).

Existing claims are indexed by migration 0004, which rebuilds the whole
index (and the columns it added) with the code that runs the migrations.

Revision ID: 0003
Revises: 0002
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "claim_terms",
        sa.Column("term", sa.String(length=64), nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("feed_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["claim_id"], ["claims.id"], name="fk_claim_terms_claim", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("term", "day", "claim_id", "feed_id", name="pk_claim_terms"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_claim_terms_claim", "claim_terms", ["claim_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_claim_terms_claim", table_name="claim_terms")
    op.drop_table("claim_terms")
