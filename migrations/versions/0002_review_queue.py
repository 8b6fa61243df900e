"""review queue: ranking columns kept by triggers, undo links, login attempts

The queue orders pending claims by conflicts, then independent sources, then
newest. Counting matches per claim at query time costs a scan of the matches
table per page; at 100k claims that is far too slow, so the two counts live on
the claim row (with an index in queue order) and database triggers keep them
right whoever writes the matches (pipeline, worker, CLI, a script).

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# The two counts for one claim: how many of its matches conflict, and how many
# other outlets (feeds) support or contradict it.
_N_CONFLICTS = "(SELECT count(*) FROM matches m WHERE m.claim_id = {cid} AND m.relation = 'conflicts')"
_N_SOURCES = (
    "(SELECT count(DISTINCT o.feed_id) FROM matches m JOIN claims o ON o.id = m.other_claim_id "
    "WHERE m.claim_id = {cid} AND m.relation IN ('supports', 'conflicts'))"
)


def _refresh(cid: str) -> str:
    return (f"UPDATE claims SET n_conflicts = {_N_CONFLICTS.format(cid=cid)}, "
            f"n_sources = {_N_SOURCES.format(cid=cid)} WHERE id = {cid};")


def upgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as b:
        b.add_column(sa.Column("n_conflicts", sa.Integer(), nullable=False, server_default="0"))
        b.add_column(sa.Column("n_sources", sa.Integer(), nullable=False, server_default="0"))
        b.create_index("ix_claims_queue", ["status", "n_conflicts", "n_sources", "published", "id"], unique=False)
    with op.batch_alter_table("decisions", schema=None) as b:
        b.add_column(sa.Column("undoes_id", sa.Integer(), nullable=True))
        b.create_foreign_key("fk_decisions_undoes", "decisions", ["undoes_id"], ["id"], ondelete="SET NULL")
        b.create_index("ix_decisions_user_at", ["user_id", "at"], unique=False)
    op.create_table(
        "login_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=80), nullable=False),
        sa.Column("ip", sa.String(length=64), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("login_attempts", schema=None) as b:
        b.create_index("ix_login_attempts_user_at", ["username", "at"], unique=False)
        b.create_index("ix_login_attempts_ip_at", ["ip", "at"], unique=False)

    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"""
CREATE FUNCTION claims_refresh_rank() RETURNS trigger AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    {_refresh('NEW.claim_id')}
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    {_refresh('OLD.claim_id')}
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql;
""")
        op.execute("CREATE TRIGGER matches_rank AFTER INSERT OR UPDATE OR DELETE ON matches "
                   "FOR EACH ROW EXECUTE FUNCTION claims_refresh_rank()")
    else:
        op.execute(f"CREATE TRIGGER matches_rank_ins AFTER INSERT ON matches BEGIN {_refresh('NEW.claim_id')} END")
        op.execute(f"CREATE TRIGGER matches_rank_upd AFTER UPDATE ON matches BEGIN "
                   f"{_refresh('NEW.claim_id')} {_refresh('OLD.claim_id')} END")
        op.execute(f"CREATE TRIGGER matches_rank_del AFTER DELETE ON matches BEGIN {_refresh('OLD.claim_id')} END")
    # Claims matched before this migration get their counts once.
    op.execute(f"UPDATE claims SET n_conflicts = {_N_CONFLICTS.format(cid='claims.id')}, "
               f"n_sources = {_N_SOURCES.format(cid='claims.id')}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS matches_rank ON matches")
        op.execute("DROP FUNCTION IF EXISTS claims_refresh_rank()")
    else:
        for name in ("matches_rank_ins", "matches_rank_upd", "matches_rank_del"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("login_attempts")
    with op.batch_alter_table("decisions", schema=None) as b:
        b.drop_index("ix_decisions_user_at")
        b.drop_constraint("fk_decisions_undoes", type_="foreignkey")
        b.drop_column("undoes_id")
    with op.batch_alter_table("claims", schema=None) as b:
        b.drop_index("ix_claims_queue")
        b.drop_column("n_sources")
        b.drop_column("n_conflicts")
