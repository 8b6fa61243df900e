"""An API page deep in the claims costs what the first page costs (keyset pagination, issue 20).

Timed figures are bench/web.py's (BENCHMARKS.md); here the work is counted: SQLite's progress
handler ticks every 100 virtual-machine steps, so a plan that walks the claims before the cursor
shows as thousands of ticks where the first page takes a few dozen.
"""
from __future__ import annotations

import pytest
from sqlalchemy import insert, select

from factcheck.store.claim_search import ClaimQuery, claim_page
from factcheck.store.db import transaction
from factcheck.store.models import Claim
from factcheck.store.reports import ExportFilters

from .web import data

N = 3000


@pytest.fixture
def many(factory):
    with transaction(factory) as s:
        first = data.claim(s, "Outlet A", "Claim zero.")
        s.flush()
        row = {k: getattr(first, k) for k in ("article_id", "feed_id", "published", "language", "kind", "sentence",
                                              "start", "end", "speaker", "verb", "direct", "norm_text",
                                              "article_hash", "status", "version", "n_conflicts", "n_sources")}
        s.execute(insert(Claim), [{**row, "text": f"Claim number {i}."} for i in range(1, N)])
        return list(s.scalars(select(Claim.id).order_by(Claim.id)))


def _steps(factory, query: ClaimQuery) -> tuple[int, list[int]]:
    with factory() as s:
        raw = s.connection().connection.dbapi_connection
        ticks = [0]

        def tick() -> int:
            ticks[0] += 1
            return 0

        raw.set_progress_handler(tick, 100)
        try:
            rows, _ = claim_page(s, query)
        finally:
            raw.set_progress_handler(None, 100)
        return ticks[0], [r["id"] for r in rows]


def test_a_deep_page_reads_no_more_than_the_first(factory, database_url, many):
    if not database_url.startswith("sqlite"):
        pytest.skip("counts SQLite's steps (PostgreSQL's btree takes the tighter bound of a range itself)")
    first, first_ids = _steps(factory, ClaimQuery(ExportFilters(), limit=50))
    deep, deep_ids = _steps(factory, ClaimQuery(ExportFilters(), after=many[-60], limit=50))
    assert first_ids == many[:50] and deep_ids == many[-59:-9], "the pages themselves"
    assert deep <= 2 * first + 10, f"a deep page took {deep} ticks, the first {first}: it walks the claims before it"
