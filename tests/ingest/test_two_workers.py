"""Acceptance 3: two worker processes on one PostgreSQL, one SIGKILLed midway and restarted.

Every entry must be stored exactly once, and the server, which counts requests in flight per
feed, must never have served one feed to two clients at the same time.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

from factcheck.store.models import Article, Feed
from tests.ingest.test_worker import _add_feeds, _articles
from tests.support.feedserver import FeedServer

FEEDS = 200
ENTRIES = 2 * FEEDS


def _start_worker(settings, database_url: str, tmp_path) -> subprocess.Popen:
    env = dict(os.environ,
               FACTCHECK_DATABASE_URL=database_url,
               FACTCHECK_INSTANCE=str(tmp_path / "instance"),
               FACTCHECK_FEEDS=str(settings.feeds_file),
               FACTCHECK_ALLOW_PRIVATE_NETWORKS="1",
               FACTCHECK_POLL_THREADS="4",
               FACTCHECK_POLL_LEASE_SECONDS="4",
               FACTCHECK_SECRET_KEY="test-secret")
    return subprocess.Popen([sys.executable, "-m", "factcheck", "worker"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _wait(predicate, timeout: float, what: str) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.mark.postgres
@pytest.mark.slow
def test_two_workers_one_killed_every_entry_exactly_once(factory, settings, database_url, tmp_path):
    if not database_url.startswith("postgresql"):
        pytest.skip("needs FACTCHECK_TEST_DATABASE_URL (PostgreSQL)")
    with FeedServer(latency=0.05) as server:
        _add_feeds(factory, server, FEEDS)
        a = _start_worker(settings, database_url, tmp_path)
        b = _start_worker(settings, database_url, tmp_path)
        workers = [a, b]
        try:
            _wait(lambda: len(server.requests) >= FEEDS // 4, 120, "the workers to start polling")
            with factory() as s:
                held = s.scalar(select(func.count()).select_from(Feed)
                                .where(Feed.lease_owner.like(f"%:{a.pid}:%")))
            a.send_signal(signal.SIGKILL)
            a.wait(10)
            polled_at_kill = len(server.requests)
            restarted = _start_worker(settings, database_url, tmp_path)
            workers.append(restarted)
            _wait(lambda: _articles(factory) >= ENTRIES, 240, "every entry to be stored")
            time.sleep(1.0)  # let stragglers finish: nothing more may arrive
        finally:
            for w in workers:
                if w.poll() is None:
                    w.send_signal(signal.SIGTERM)
            for w in workers:
                try:
                    w.wait(20)
                except subprocess.TimeoutExpired:
                    w.kill()
        with factory() as s:
            rows = s.execute(select(Article.feed_id, Article.dedup_key)).all()
            unpolled = s.scalar(select(func.count()).select_from(Feed).where(Feed.last_success_at.is_(None)))
        paths = {r.path for r in server.requests}
        print(f"\nkilled worker held {held} leases after {polled_at_kill} requests; "
              f"{len(server.requests)} requests in all for {len(paths)} feeds; "
              f"{len(rows)} articles; max in flight per feed {server.max_inflight()}")
        assert len(rows) == ENTRIES == len(set(rows))  # every entry, each exactly once
        assert unpolled == 0 and len(paths) == FEEDS
        assert server.overlaps() == {}, "a feed was fetched by two workers at once"
        assert b.returncode is not None and restarted.returncode is not None
