"""Candidate retrieval for matching: which stored claims could be the same as this one.

An inverted index kept in the database beside the claims: one row per
(search term, day, claim) in ``claim_terms`` (migration 0003). The terms are
``factcheck.match.search_terms`` of the claim's text and sentence, so the
index holds the same folded forms the matcher compares (ترمب is found under
ترامب, "the U.S." under "usa").

Why a term table and not FTS5 / tsvector: it is the same SQL on SQLite and
PostgreSQL (so both engines return the same candidates, which the labelled set
checks), its primary key (term, day, claim_id) makes the time window part of
the index range scan instead of a filter after a full-text match, and rows are
written in the claim's own transaction, so a crash can never leave the index
out of step with the claims; deleting a claim cascades to its rows.

A lookup reads, for each of the claim's terms, only that term's postings
inside the window; terms so common that they have more than ``COMMON_CAP``
postings in the window say little and are dropped first (an IDF cut without
keeping document frequencies), then the claims sharing most terms win.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import Column, Integer, MetaData, String, Table, bindparam, delete, insert, select, text
from sqlalchemy.orm import Session, selectinload

from .match import ClaimView, search_terms, speaker_terms
from .models import Article, Claim

MAX_CANDIDATES = 100
# Terms looked up per claim: the first ones of the claim text, then of its sentence.
QUERY_TERMS = 16
# A term with more postings than this inside the window is too common to rank by.
COMMON_CAP = 4000
_EPOCH = date(1970, 1, 1)

# The index table as created by migration 0003 (kept off the ORM models: no
# code but this module reads or writes it).
claim_terms = Table(
    "claim_terms", MetaData(),
    Column("term", String(64), primary_key=True),
    Column("day", Integer, primary_key=True),
    Column("claim_id", Integer, primary_key=True),
    Column("feed_id", Integer, primary_key=True),
)


def day_number(when: datetime | None) -> int:
    """Days since 1970-01-01 (UTC) of a publication time."""
    if when is None:
        return 0
    if when.tzinfo is not None:
        when = when.astimezone(timezone.utc)
    return (when.date() - _EPOCH).days


def terms_for(text_: str, sentence: str, speaker: str | None = None, limit: int = 64) -> list[str]:
    """Index terms of one claim: its speaker's name, its own words, then its sentence's, each once."""
    out: list[str] = []
    seen: set[str] = set()
    for t in (speaker_terms(speaker) + search_terms(text_ or "", max_terms=limit)
              + search_terms(sentence or "", max_terms=limit)):
        if t not in seen and len(t) <= 64:
            seen.add(t)
            out.append(t)
    return out[:limit]


def index_claims(session: Session, claims: Sequence[Claim]) -> None:
    """Write (or rewrite) the index rows of freshly flushed claims, in the caller's transaction."""
    rows = []
    ids = [c.id for c in claims if c.id is not None]
    if not ids:
        return
    session.execute(delete(claim_terms).where(claim_terms.c.claim_id.in_(ids)))
    for c in claims:
        if c.id is None:
            continue
        day = day_number(c.published)
        rows.extend({"term": t, "day": day, "claim_id": c.id, "feed_id": c.feed_id}
                    for t in terms_for(c.text, c.sentence, c.speaker))
    if rows:
        session.execute(insert(claim_terms), rows)


def candidate_ids(session: Session, claim: Claim, window_days: int, limit: int = MAX_CANDIDATES) -> list[int]:
    """Ids of the claims of other feeds in the window that share most index terms with ``claim``."""
    terms = terms_for(claim.text, claim.sentence, claim.speaker, QUERY_TERMS)
    if not terms:
        return []
    day = day_number(claim.published)
    lo, hi = day - window_days, day + window_days
    terms = _drop_common(session, terms, lo, hi)
    stmt = text(
        "SELECT claim_id FROM claim_terms "
        "WHERE term IN :terms AND day BETWEEN :lo AND :hi AND feed_id != :feed AND claim_id != :me "
        "GROUP BY claim_id ORDER BY count(*) DESC, max(day) DESC, claim_id DESC LIMIT :limit"
    ).bindparams(bindparam("terms", expanding=True))
    rows = session.execute(stmt, {"terms": terms, "lo": lo, "hi": hi, "feed": claim.feed_id,
                                  "me": claim.id or -1, "limit": limit})
    return [r[0] for r in rows]


def _drop_common(session: Session, terms: list[str], lo: int, hi: int) -> list[str]:
    """Leave out terms with more than COMMON_CAP postings in the window (keeping at least two)."""
    parts = []
    params: dict[str, object] = {"lo": lo, "hi": hi, "cap": COMMON_CAP + 1}
    for i, t in enumerate(terms):
        params[f"t{i}"] = t
        parts.append(f"SELECT {i} AS i, (SELECT count(*) FROM (SELECT 1 FROM claim_terms WHERE term = :t{i} "
                     f"AND day BETWEEN :lo AND :hi LIMIT :cap) s{i}) AS n")
    counts = {i: n for i, n in session.execute(text(" UNION ALL ".join(parts)), params)}
    kept = [t for i, t in enumerate(terms) if counts.get(i, 0) <= COMMON_CAP]
    if len(kept) >= 2:
        return kept
    rarest = sorted(range(len(terms)), key=lambda i: (counts.get(i, 0), i))[:2]
    return [terms[i] for i in sorted(rarest)]


def candidates(session: Session, claim: Claim, window_days: int, limit: int = MAX_CANDIDATES) -> list[Claim]:
    """The candidate Claim rows, with article and feed loaded (the matcher needs both)."""
    ids = candidate_ids(session, claim, window_days, limit)
    if not ids:
        return []
    stmt = (select(Claim).where(Claim.id.in_(ids))
            .options(selectinload(Claim.article).selectinload(Article.feed)))
    by_id = {c.id: c for c in session.scalars(stmt)}
    return [by_id[i] for i in ids if i in by_id]


_VIEW_SQL = text(
    "SELECT c.id, f.name, c.kind, c.text, c.sentence, c.speaker, c.date_value, c.date_grain, c.value, c.unit, "
    "c.published, c.language, a.content_hash "
    "FROM claims c JOIN articles a ON a.id = c.article_id JOIN feeds f ON f.id = c.feed_id "
    "WHERE c.id IN :ids"
).bindparams(bindparam("ids", expanding=True))


def candidate_views(session: Session, claim: Claim, window_days: int, limit: int = MAX_CANDIDATES) -> list[ClaimView]:
    """The candidates as the matcher's ClaimViews, read with one plain query (no ORM objects).

    What the pipeline needs to match a claim: ``best_matches(claim_view(claim),
    candidate_views(...))``; results carry the other claim's id.
    """
    ids = candidate_ids(session, claim, window_days, limit)
    if not ids:
        return []
    views = {}
    for (cid, source, kind, text_, sentence, speaker, date_value, grain, value, unit, published, lang,
         content_hash) in session.execute(_VIEW_SQL, {"ids": ids}):
        if isinstance(published, str):
            published = datetime.fromisoformat(published)
        if published is not None and published.tzinfo is None:
            published = published.replace(tzinfo=timezone.utc)
        views[cid] = ClaimView(id=cid, source=source, kind=kind, text=text_, sentence=sentence or "",
                               speaker=speaker, date=date_value, grain=grain, value=value, unit=unit,
                               published=published, lang=lang, article_hash=content_hash)
    return [views[i] for i in ids if i in views]


def reindex_all(session: Session, batch: int = 2000) -> int:
    """Rebuild the whole index (after a change to the search terms); returns the claims indexed.

    Plain SQL on the columns it needs, so migration 0003 can run it whatever
    columns later migrations add to the claims model.
    """
    session.execute(delete(claim_terms))
    done, last = 0, 0
    query = text("SELECT id, feed_id, published, text, sentence, speaker FROM claims WHERE id > :last ORDER BY id LIMIT :n")
    while True:
        rows = session.execute(query, {"last": last, "n": batch}).all()
        if not rows:
            return done
        postings = []
        for cid, feed_id, published, text_, sentence, speaker in rows:
            if isinstance(published, str):  # SQLite through a plain text() query
                published = datetime.fromisoformat(published)
            day = day_number(published)
            postings.extend({"term": t, "day": day, "claim_id": cid, "feed_id": feed_id}
                            for t in terms_for(text_, sentence, speaker))
        if postings:
            session.execute(insert(claim_terms), postings)
        done += len(rows)
        last = rows[-1][0]
