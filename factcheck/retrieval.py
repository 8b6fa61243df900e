"""Candidate retrieval for matching: which stored claims could be the same as this one.

First version: a bounded scan of other sources' claims inside the time window.
To be replaced by a full-text index that lives with the data.
"""
from __future__ import annotations

from datetime import timedelta
from typing import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import Claim

MAX_CANDIDATES = 2000


def index_claims(session: Session, claims: Sequence[Claim]) -> None:
    """Make freshly flushed claims findable (nothing to do for the scan)."""


def candidates(session: Session, claim: Claim, window_days: int, limit: int = MAX_CANDIDATES) -> list[Claim]:
    lo = claim.published - timedelta(days=window_days)
    hi = claim.published + timedelta(days=window_days)
    stmt = (
        select(Claim)
        .where(Claim.feed_id != claim.feed_id, Claim.published.between(lo, hi), Claim.id != claim.id)
        .order_by(Claim.published.desc())
        .limit(limit)
    )
    return list(session.scalars(stmt))
