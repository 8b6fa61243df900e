"""Claims as plain rows for the report writers (the JSON contract's shape).

Streams in batches so an export of any size holds one batch in memory.
"""
from __future__ import annotations

from typing import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from .models import Article, Claim, Decision, Match

BATCH = 500


def _iso(dt) -> str | None:
    return dt.isoformat().replace("+00:00", "Z") if dt is not None else None


def claim_row(c: Claim) -> dict:
    value = c.value
    if value is not None and float(value).is_integer():
        value = int(value)
    art = c.article
    return {
        "id": c.id,
        "kind": c.kind,
        "text": c.text,
        "sentence": c.sentence,
        "start": c.start,
        "end": c.end,
        "speaker": c.speaker,
        "verb": c.verb,
        "direct": c.direct,
        "date": c.date_value,
        "grain": c.date_grain,
        "date_text": c.date_text,
        "value": value,
        "unit": c.unit,
        "status": c.status,
        "article": {
            "source": art.feed.name,
            "title": art.title,
            "url": art.url,
            "published": _iso(art.published),
            "language": art.language,
        },
        "matches": [
            {
                "claim_id": m.other_claim_id,
                "source": m.other.article.feed.name,
                "text": m.other.text,
                "sentence": m.other.sentence,
                "score": round(m.score, 1),
                "relation": m.relation,
                "reason": m.reason,
            }
            for m in c.matches
        ],
        "decisions": [
            {"status": d.status, "editor": d.user.name if d.user else None, "note": d.note, "at": _iso(d.at)}
            for d in c.decisions
        ],
    }


def iter_claim_rows(session: Session, *, status: str | None = None) -> Iterator[dict]:
    """Every claim (optionally of one status) in id order, as contract rows."""
    last_id = 0
    while True:
        stmt = (
            select(Claim)
            .where(Claim.id > last_id)
            .order_by(Claim.id)
            .limit(BATCH)
            .options(
                joinedload(Claim.article).joinedload(Article.feed),
                selectinload(Claim.matches).joinedload(Match.other).joinedload(Claim.article).joinedload(Article.feed),
                selectinload(Claim.decisions).joinedload(Decision.user),
            )
        )
        if status:
            stmt = stmt.where(Claim.status == status)
        batch = list(session.scalars(stmt).unique())
        if not batch:
            return
        for c in batch:
            yield claim_row(c)
        last_id = batch[-1].id
        session.expunge_all()  # keep memory flat across batches
