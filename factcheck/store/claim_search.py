"""Claims for the API: the export's rows (factcheck.store.reports), filtered, by keyset pages, and
free-text search served by the retrieval index (``claim_terms``), never a LIKE scan.

``q`` is folded as the matcher folds (factcheck.match.search_terms: Arabic hamza/alef/ta marbuta,
clitics, diacritics, digits, spelling variants; English case): a claim is found when its text,
its sentence or its speaker's name holds every word of ``q`` that the index keeps (stop words are
not indexed). The rarest word (``term_counts``) drives the lookup through the index's primary key
(term, day, claim_id); each other word is probed per candidate through ``ix_claim_terms_claim``.
When even the rarest word is common the claims are walked in id order and every word is probed,
so a page costs about the same for a rare word and a common one.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from sqlalchemy import bindparam, exists, func, select
from sqlalchemy.orm import Session

from ..match import search_terms
from .models import Claim, Match, claim_terms, term_counts
from .reports import ExportFilters, _conditions, _iter_where, check_filters

MAX_Q_TERMS = 8
DRIVE_CAP = 5000  # postings of the rarest word below which it drives the lookup


class SearchError(ValueError):
    """A query that cannot be searched (no indexed word in it); English, for the API."""


@dataclass(frozen=True)
class ClaimQuery:
    filters: ExportFilters
    speaker: str = ""
    q: str = ""
    after: int = 0  # the cursor: the last claim id of the previous page
    limit: int = 50


def _q_conditions(session: Session, q: str) -> list:
    terms = search_terms(q, max_terms=MAX_Q_TERMS)
    if not terms:
        raise SearchError(f"q {q[:80]!r} has no word the index keeps (only stop words, dates or punctuation)")
    counts = dict(session.execute(select(term_counts.c.term, func.sum(term_counts.c.n))
                                  .where(term_counts.c.term.in_(terms)).group_by(term_counts.c.term)).all())
    if any(not counts.get(t) for t in terms):
        return [Claim.id.is_(None)]  # a word no claim holds: nothing can match
    terms.sort(key=lambda t: counts[t])
    ct = claim_terms
    conds = []
    probes = terms
    if counts[terms[0]] <= DRIVE_CAP:
        conds.append(Claim.id.in_(select(ct.c.claim_id).where(ct.c.term == terms[0])))
        probes = terms[1:]
    for t in probes:
        conds.append(exists().where(ct.c.claim_id == Claim.id, ct.c.term == t))
    return conds


def claim_page(session: Session, query: ClaimQuery) -> tuple[list[dict], int | None]:
    """One page of contract rows in claim id order, and the cursor of the next page (None at the end)."""
    check_filters(session, query.filters)
    conds = _conditions(query.filters)
    if query.speaker:
        pattern = query.speaker.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        conds.append(Claim.speaker.ilike(f"%{pattern}%", escape="\\"))
    if query.q:
        conds.extend(_q_conditions(session, query.q))
    rows = list(islice(_iter_where(session, conds, query.limit + 1, None, after=query.after), query.limit + 1))
    more = len(rows) > query.limit
    rows = rows[:query.limit]
    _add_versions(session, rows)
    return rows, (rows[-1]["id"] if more and rows else None)


@lru_cache(maxsize=1)
def _versions_statement():
    # Built once: building an IN of 51 ids each time cost about 1.5 ms of CPU a page.
    return select(Claim.id, Claim.version).where(Claim.id.in_(bindparam("ids", expanding=True)))


def _add_versions(session: Session, rows: list[dict]) -> None:
    """Each row's claim version: what a decision must name (POST /claims/{id}/decisions)."""
    if not rows:
        return
    versions = dict(session.execute(_versions_statement(), {"ids": [r["id"] for r in rows]}).all())
    for r in rows:
        r["version"] = versions.get(r["id"])


def claim_detail(session: Session, claim_id: int) -> dict | None:
    """One claim's contract row, with each match's word diff and the claim's version."""
    # The walk from just before the id, without filters: its statements are built once per process
    # (reports._unfiltered), where a condition on the id would build them on every request.
    rows = list(islice(_iter_where(session, [], 1, None, after=claim_id - 1), 1))
    if not rows or rows[0]["id"] != claim_id:
        return None
    row = rows[0]
    _add_versions(session, [row])
    diffs = dict(session.execute(select(Match.other_claim_id, Match.diff).where(Match.claim_id == claim_id)).all())
    for m in row["matches"]:
        m["diff"] = diffs.get(m["claim_id"]) or []
    return row


def article_claims(session: Session, article_id: int) -> list[dict]:
    """Every claim of one article as contract rows (with versions)."""
    rows = list(_iter_where(session, [Claim.article_id == article_id], 2000, None))
    _add_versions(session, rows)
    return rows
