"""claims.match_key gains a third field: the matcher's pre-filter key

Retrieval re-ranks a pool of a few hundred stored claims per lookup by the
matcher's pre-filter score (token_set_ratio of their content words). Working
those words out of the stored tokens was a fifth of a lookup's time at a
million claims; the key is now stored after a second tab
(``factcheck.match.similarity.stored_tokens``). No schema change: this
rewrites the keys already stored, from their own tokens (no text is
normalised again). A key without the field still works (it is worked out
when read), so a database that is not upgraded only loses the speed.

Revision ID: 0007
Revises: 0006
"""
from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

BATCH = 5000


def _rewrite(change: Callable[[str], str | None]) -> None:
    """Rewrite every stored match_key through ``change`` (None: leave it), a batch at a time, so a
    large database is never read into memory whole."""
    conn = op.get_bind()
    read = sa.text("SELECT id, match_key FROM claims WHERE id > :last AND match_key IS NOT NULL "
                   "ORDER BY id LIMIT :n")
    write = sa.text("UPDATE claims SET match_key = :key WHERE id = :id")
    last = 0
    while rows := conn.execute(read, {"last": last, "n": BATCH}).all():
        last = rows[-1][0]
        changes = [{"id": cid, "key": new} for cid, key in rows if (new := change(key)) is not None]
        if changes:
            conn.execute(write, changes)


def upgrade() -> None:
    from factcheck.match.similarity import parse_stored_tokens, prefilter_key

    def add_key(key: str) -> str | None:
        if key.count("\t") != 1:
            return None  # already rewritten, or not a key this code wrote
        tokens = parse_stored_tokens(key)
        return key + "\t" + prefilter_key(*tokens) if tokens is not None else None

    _rewrite(add_key)


def downgrade() -> None:
    # Drop the third field: the keys are then as migration 0004 wrote them.
    _rewrite(lambda key: "\t".join(key.split("\t", 2)[:2]) if key.count("\t") == 2 else None)
