"""`factcheck db rematch`: every stored claim matched again with the settings of the moment.

The command's output is checked in tests/test_cli.py; here, what happens when a
batch loses a race with another writer (the poller, an editor's "Match again")
on a match row: the batch is rolled back and run claim by claim, and nothing
is lost.
"""
from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from factcheck.store import pipeline
from factcheck.store.db import transaction
from factcheck.store.models import Claim, Match

WHEN = datetime(2025, 11, 7, 10, tzinfo=timezone.utc)
# One quote in three outlets' words (not copies of one article, which count once).
REPORTS = {
    "Outlet A": 'وقال وزير الخارجية أسعد الشيباني إن "سوريا ستعيد بناء المدارس المدمرة في حلب".',
    "Outlet B": 'وأكد الشيباني أن "سورية ستعيد بناء المدارس المدمرة في مدينة حلب".',
    "Outlet C": '"سوريا ستعيد بناء جميع المدارس المدمّرة في حلب"، بحسب ما قاله وزير الخارجية أسعد الشيباني.',
}


def _import_three_outlets(factory, settings) -> None:
    for i, (source, text) in enumerate(REPORTS.items()):
        with transaction(factory) as s:
            pipeline.import_article(s, settings, source=source, text=text, published=WHEN + timedelta(hours=i),
                                    language="ar")


def _relations(factory) -> set[tuple[int, int, str]]:
    with factory() as s:
        return {(m.claim_id, m.other_claim_id, m.relation) for m in s.scalars(select(Match))}


def test_a_batch_that_loses_a_race_is_run_again_claim_by_claim(factory, settings, monkeypatch):
    strict = dataclasses.replace(settings, match_thresholds={"quote_same": 99.0})
    _import_three_outlets(factory, settings)
    expected = _relations(factory)
    assert {r for _, _, r in expected} == {"supports"}
    # Everything matched under a threshold no pair reaches: no supports left.
    pipeline.rematch_claims(factory, strict)
    assert "supports" not in {r for _, _, r in _relations(factory)}

    real, calls = pipeline._rematch, []

    def racing(factory_, settings_, ids):
        calls.append(list(ids))
        if len(ids) > 1:  # the whole batch: another writer took one of its pairs first
            raise IntegrityError("INSERT INTO matches", {}, Exception("uq_matches_pair"))
        return real(factory_, settings_, ids)

    monkeypatch.setattr(pipeline, "_rematch", racing)
    result = pipeline.rematch_claims(factory, settings)
    with factory() as s:
        ids = sorted(s.scalars(select(Claim.id)))
    assert calls == [ids] + [[i] for i in ids]
    assert result.claims == len(ids) and result.failed == []
    assert _relations(factory) == expected
    assert result.after["supports"] == len(expected) and result.before["supports"] == 0


def test_a_claim_that_keeps_losing_is_reported_and_left_as_it_was(factory, settings, monkeypatch):
    _import_three_outlets(factory, settings)
    with factory() as s:
        ids = sorted(s.scalars(select(Claim.id)))
    before = _relations(factory)
    real = pipeline._rematch

    def always_losing_first(factory_, settings_, batch):
        if ids[0] in batch:
            raise IntegrityError("INSERT INTO matches", {}, Exception("uq_matches_pair"))
        return real(factory_, settings_, batch)

    monkeypatch.setattr(pipeline, "_rematch", always_losing_first)
    result = pipeline.rematch_claims(factory, settings, batch=2)
    assert result.failed == [ids[0]]
    assert result.claims == len(ids)
    assert _relations(factory) == before  # nothing lost


def test_since_leaves_older_claims_alone(factory, settings):
    _import_three_outlets(factory, settings)
    result = pipeline.rematch_claims(factory, settings, since=WHEN + timedelta(minutes=30))
    with factory() as s:
        newer = s.scalars(select(Claim.id).where(Claim.published >= WHEN + timedelta(minutes=30))).all()
    assert result.claims == len(newer) and 0 < len(newer) < 3
