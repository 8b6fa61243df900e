"""claim_terms: adjacent word pairs and wording fingerprints as extra search terms

Each claim is now also indexed under the unordered pairs of adjacent content
words of its text and sentence (``factcheck.match.pair_terms``: ``a+b``), in
the same ``claim_terms`` table and ``term_counts`` counts as single words. A
newsroom's vocabulary is small, so at a million claims every single word has
thousands of postings in a four-week window and the same wording a week
apart could only be found by intersecting them; a pair is rare even when
both its words are common, so it is looked up directly. Each claim also gets
one wording fingerprint (``factcheck.match.fingerprint_term``: the set of its
text's content words and its speaker's name key, hashed, ``=`` + 16 hex
digits): every report of the same quote by the same person, in one read.

No schema change: this migration adds the pair and fingerprint postings of
the claims already stored (``retrieval.index_added_terms``), without
rebuilding the single-word rows; new claims get them from ``index_claims``,
and ``factcheck db reindex`` (``retrieval.reindex_all``) rebuilds them.

Revision ID: 0005
Revises: 0004
"""
from __future__ import annotations

from alembic import op
from sqlalchemy.orm import Session

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from factcheck.store.retrieval import index_added_terms

    session = Session(bind=op.get_bind())
    index_added_terms(session)
    session.flush()


def downgrade() -> None:
    # The tokeniser drops "+" and "=", so only pairs hold the one and only
    # fingerprints start with the other; language-neutral keys (which start
    # with @ or #) are left alone whatever they contain.
    for table in ("claim_terms", "term_counts"):
        op.execute(f"DELETE FROM {table} WHERE term LIKE '=%' "
                   "OR (term LIKE '%+%' AND term NOT LIKE '@%' AND term NOT LIKE '#%')")
