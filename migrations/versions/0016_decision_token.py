"""decisions.token_id: the API token a decision was made with (None: the web or the CLI)

The audit trail already names the user; a decision made through /api/v1/ also names the token
(issue 20), so a leaked or misused token's writes can be found and told from its user's own.

Revision ID: 0016
Revises: 0015
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Batch mode: SQLite adds a foreign key only by copying the table (PostgreSQL alters it in place).
    with op.batch_alter_table("decisions", schema=None) as b:
        b.add_column(sa.Column("token_id", sa.Integer(), nullable=True))
        b.create_foreign_key("fk_decisions_token", "api_tokens", ["token_id"], ["id"], ondelete="SET NULL")


def downgrade() -> None:
    with op.batch_alter_table("decisions", schema=None) as b:
        b.drop_constraint("fk_decisions_token", type_="foreignkey")
        b.drop_column("token_id")
