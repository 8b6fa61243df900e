"""Acceptance of stories on real coverage (issue 22): the 230 articles of ../shared/eval/real/crossoutlet/
(56 events, 3-5 outlets each) imported through the real import path, scored from the STORED stories
(articles.story_id) against the 56 groups. Skips without the data (tests/support/evaldata.py).
"""
from __future__ import annotations

import time

import pytest
from sqlalchemy import text

from factcheck.store.pipeline import import_archive

from .support import evaldata
from .support.crossoutlet import DATA, bcubed, records, stored_stories

# The order check imports a subset three times: the events whose reports are split across
# stories or share a day with another event (where an order effect would show), and a few more.
ORDER_EVENTS = {"CO23", "CO31", "CO32", "CO46", "CO48", "CO01", "CO02", "CO12"}


def _import(factory, settings, recs):
    t = time.perf_counter()
    import_archive(factory, settings, [r for _, r in recs])
    seconds = time.perf_counter() - t
    with factory() as s:
        stored = stored_stories(dict(s.execute(text("SELECT url, story_id FROM articles")).all()))
        with_claims = set(s.scalars(text("SELECT DISTINCT a.url FROM articles a JOIN claims c ON c.article_id = a.id")))
    return stored, with_claims, seconds


@pytest.fixture
def full(factory, settings):
    recs = records(evaldata.require(DATA))
    stored, with_claims, seconds = _import(factory, settings, recs)
    print(f"imported {len(recs)} articles in {seconds:.1f} s")
    return bcubed(stored, {r.url: g for g, r in recs}, with_claims)


def test_stored_stories_are_precise(full):
    assert full["precision"] >= 0.95, full


def test_stored_stories_recall_the_56_events(full):
    assert full["recall"] >= 0.90, full


@pytest.mark.xfail(strict=True, reason=(
    "measured (bench/stories.py): 3 events (CO32, CO48, CO51) take 3 queue rows; one or two outlets "
    "rewrote the story and meet the others only through links scoring under 75, which also "
    "join different events of one day, so they cannot group"))
def test_story_rows_per_event_at_most_two(full):
    assert full["max_per_event"] <= 2, {g: n for g, n in full["per_event"].items() if n > 2}


def test_same_stories_in_three_import_orders(factory, settings, database_url):
    from sqlalchemy import inspect

    recs = records(evaldata.require(DATA), ORDER_EVENTS)
    orders = [recs, sorted(recs, key=lambda gr: (gr[1].published, gr[1].url)), recs[::-1]]
    seen = []
    for order in orders:
        with factory() as s:  # a fresh database for each order
            tables = [t for t in inspect(s.get_bind()).get_table_names() if t != "alembic_version"]
        with factory.kw["bind"].begin() as c:
            if c.dialect.name == "postgresql":
                c.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"))
            else:
                c.execute(text("PRAGMA foreign_keys=OFF"))
                for t in tables:
                    c.execute(text(f'DELETE FROM "{t}"'))
        stored, _, _ = _import(factory, settings, order)
        seen.append(stored)
    assert len({len(recs)} | {sum(map(len, s)) for s in seen}) == 1
    assert seen[0] == seen[1] == seen[2], "the stored stories differ between import orders"
