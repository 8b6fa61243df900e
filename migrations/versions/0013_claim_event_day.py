"""claims.event_day: the day of the event a claim dates, indexed and looked up besides its publication

A claim about a past event ("the raid on 20 August", in a November article) is compared with
the reports published around that day, not only around its own publication (issue 18). The
pipeline fills ``event_day`` (``pipeline.event_day``) and indexes the claim under both days
(``retrieval.posting_days``); this fills both for the claims already stored. Their matches are
not recomputed here: ``factcheck db rematch`` does that.

Revision ID: 0013
Revises: 0012
"""
from __future__ import annotations

from collections import Counter

import sqlalchemy as sa
from alembic import op
from sqlalchemy import insert, text
from sqlalchemy.orm import Session

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("claims", sa.Column("event_day", sa.Integer(), nullable=True))

    from factcheck.store.models import claim_terms
    from factcheck.store.pipeline import event_day
    from factcheck.store.retrieval import _UPSERT_COUNTS, day_number, postings_terms

    session = Session(bind=op.get_bind())
    query = text("SELECT id, feed_id, published, text, sentence, speaker, kind, language, date_value, date_grain, "
                 "value, unit FROM claims WHERE id > :last ORDER BY id LIMIT 2000")
    update = text("UPDATE claims SET event_day = :day WHERE id = :id")
    counts: Counter[tuple[str, int]] = Counter()
    last = 0
    while True:
        rows = session.execute(query, {"last": last}).all()
        if not rows:
            break
        last = rows[-1][0]
        days, postings = [], []
        for cid, feed_id, published, text_, sentence, speaker, kind, lang, date_value, grain, value, unit in rows:
            if isinstance(published, str):
                from datetime import datetime

                published = datetime.fromisoformat(published)
            day = event_day(kind, date_value, grain, sentence, published, lang)
            if day is None:
                continue
            days.append({"id": cid, "day": day})
            if day != day_number(published):
                terms = postings_terms(text_, sentence, speaker, kind, lang, date_value, value, unit)
                postings.extend({"term": t, "day": day, "claim_id": cid, "feed_id": feed_id} for t in terms)
                counts[("", day // 7)] += 1
                for t in terms:
                    counts[(t, day // 7)] += 1
        if days:
            session.execute(update, days)
        if postings:
            session.execute(insert(claim_terms), postings)
    if counts:
        session.execute(_UPSERT_COUNTS, [{"term": t, "week": w, "n": n} for (t, w), n in sorted(counts.items())])
    session.flush()


def downgrade() -> None:
    # The postings under the event's day go with the column (and their counts), so the next
    # upgrade writes them again.
    from factcheck.store.retrieval import _UPSERT_COUNTS, day_number

    session = Session(bind=op.get_bind())
    rows = session.execute(text("SELECT id, published, event_day FROM claims WHERE event_day IS NOT NULL")).all()
    gone = [{"id": cid, "day": day} for cid, published, day in rows if day != day_number(published)]
    if gone:
        counts: Counter[tuple[str, int]] = Counter()
        for g in gone:
            terms = session.execute(text("SELECT term FROM claim_terms WHERE claim_id = :id AND day = :day"), g).scalars()
            for t in terms:
                counts[(t, g["day"] // 7)] -= 1
            counts[("", g["day"] // 7)] -= 1
        session.execute(text("DELETE FROM claim_terms WHERE claim_id = :id AND day = :day"), gone)
        session.execute(_UPSERT_COUNTS, [{"term": t, "week": w, "n": n} for (t, w), n in sorted(counts.items())])
    session.flush()
    op.drop_column("claims", "event_day")
