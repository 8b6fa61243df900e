"""The rows are read in batches (claims by id, then their matches and decisions by id range):
the batch size and the filters must never change what a claim's row says."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select, update

from factcheck.store.db import transaction
from factcheck.store.models import Decision, User
from factcheck.store.reports import ExportFilters, iter_claim_rows
from factcheck.store.review import decide

from .conftest import at


@pytest.fixture
def shared_claim(factory, newsroom):
    """Rana also decides the claim Mona corroborated, at a time with microseconds."""
    with transaction(factory) as s:
        rana = s.scalar(select(User).where(User.name == "rana"))
        d = decide(s, newsroom["ar_quote"], rana, "disputed", "second look")
        s.execute(update(Decision).where(Decision.id == d.id).values(at=at("2025-11-13T07:05:09.123456")))
    return newsroom


FILTERS = [
    ExportFilters(),
    ExportFilters.parse(editor="mona"),
    ExportFilters.parse(editor="rana"),
    ExportFilters.parse(statuses=["disputed", "skipped"]),
    ExportFilters.parse(sources=["Wire EN"]),
    ExportFilters.parse(since="2025-11-13", until="2025-11-13", by="decision"),
    ExportFilters.parse(languages=["ar"], kinds=["quote", "figure"]),
]


@pytest.mark.parametrize("filters", FILTERS,
                         ids=lambda f: ",".join(f"{k}={'|'.join(v)}" for k, v in f.describe()) or "all")
@pytest.mark.parametrize("batch", [1, 2, 3])
def test_rows_do_not_depend_on_batch_size_or_filters(factory, shared_claim, filters, batch):
    with factory() as s:
        full = {r["id"]: r for r in iter_claim_rows(s, batch=1000)}
        rows = list(iter_claim_rows(s, filters, batch=batch))
        again = list(iter_claim_rows(s, filters, batch=1000))
    assert rows == again, "same rows, same order, whatever the batch size"
    assert [r["id"] for r in rows] == sorted(r["id"] for r in rows)
    # A filter picks claims; it never trims the evidence of a picked claim (e.g. another
    # editor's decisions, or matches with claims the filter leaves out).
    assert rows == [full[r["id"]] for r in rows]


def test_every_claim_keeps_all_its_decisions_and_matches(factory, shared_claim):
    n = shared_claim
    with factory() as s:
        rows = {r["id"]: r for r in iter_claim_rows(s, ExportFilters.parse(editor="rana"), batch=1)}
    ar = rows[n["ar_quote"]]
    assert [(d["editor"], d["status"], d["at"]) for d in ar["decisions"]] == [
        ("mona", "corroborated", "2025-11-10T09:30:00Z"), ("rana", "disputed", "2025-11-13T07:05:09.123456Z")]
    assert [m["claim_id"] for m in ar["matches"]] == [n["en_quote"], n["c_quote"]]
    assert ar["status"] == "disputed"


def test_contract_types_survive_the_raw_read(cli, newsroom):
    """Read without SQLAlchemy's result processing, booleans and times still come out as JSON says."""
    claims = {c["id"]: c for c in json.loads(cli("--format", "json").stdout)["claims"]}
    assert claims[newsroom["ar_quote"]]["direct"] is True
    assert claims[newsroom["c_quote"]]["direct"] is False
    assert claims[newsroom["ar_date"]]["direct"] is None
    assert claims[newsroom["ar_quote"]]["article"]["published"] == "2025-11-07T22:13:00Z"
    assert claims[newsroom["ar_figure"]]["value"] == 47 and claims[newsroom["skipped"]]["value"] == 3
