"""claims.article_hash indexed: a claim's matches are kept one per other article, and each article's
claims (with its syndicated copies) are read by their content hash when it is matched (issue 18)

Revision ID: 0014
Revises: 0013
"""
from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_claims_article_hash", "claims", ["article_hash"])


def downgrade() -> None:
    op.drop_index("ix_claims_article_hash", table_name="claims")
