"""The concurrent, lease-based poller on the real database (SQLite, or PostgreSQL when configured)."""
from __future__ import annotations

import time

from sqlalchemy import delete, func, select

from factcheck.store.db import transaction
from factcheck.store.models import Article, Feed
from factcheck.worker import claim_feeds, poll_round, release_feed
from tests.ingest.docs import item, rss
from tests.support.feedserver import FeedServer


def _feed_doc(i: int) -> str:
    return rss(*(item(f"Feed {i} story {j}", guid=f"f{i}-{j}", link=f"http://example.org/{i}/{j}",
                      date="Fri, 07 Nov 2025 22:13:00 +0200", body=f"<p>Item {j} of feed {i}.</p>")
                 for j in range(2)), title=f"Outlet {i}")


def _add_feeds(factory, server: FeedServer, n: int) -> list[int]:
    with transaction(factory) as s:
        feeds = []
        for i in range(n):
            server.feed(f"/f{i}.xml", _feed_doc(i), etag=f'"e{i}"')
            feeds.append(Feed(name=f"Outlet {i}", url=server.url(f"/f{i}.xml"), interval_minutes=30,
                              allow_private=True))
        s.add_all(feeds)
        s.flush()
        return [f.id for f in feeds]


def _articles(factory) -> int:
    with factory() as s:
        return s.scalar(select(func.count()).select_from(Article))


def test_round_polls_concurrently_and_second_round_is_all_304(factory, settings):
    with FeedServer(latency=0.2) as server:
        _add_feeds(factory, server, 24)
        t0 = time.monotonic()
        outcomes = poll_round(factory, settings, threads=8)
        elapsed = time.monotonic() - t0
        assert len(outcomes) == 24 and not [o for o in outcomes if o.error]
        assert _articles(factory) == 48
        # concurrency seen from the server: how many answers were in progress at once (a wall-clock
        # bound alone failed on a loaded CI machine, 4.3 s against 2.4 s, with the polls still parallel)
        first = [r for r in server.requests if r.n == 0]
        edges = sorted([(r.start, 1) for r in first] + [(r.end, -1) for r in first if r.end is not None])
        peak = now = 0
        for _, step in edges:
            now += step
            peak = max(peak, now)
        assert peak >= 4, peak  # 8 threads, 24 feeds of 0.2 s each
        assert elapsed < 24 * 0.2, elapsed  # sequential takes 4.8 s
        assert server.overlaps() == {}
        again = poll_round(factory, settings, force=True, threads=8)
        assert len(again) == 24 and all(o.not_modified for o in again)
        assert _articles(factory) == 48
        second = [r for r in server.requests if r.n == 1]
        assert len(second) == 24 and all(r.headers.get("if-none-match") for r in second)
    with factory() as s:
        assert s.scalars(select(Feed.lease_owner).where(Feed.lease_owner.is_not(None))).all() == []


def test_feed_leased_by_a_live_worker_is_skipped_and_an_expired_lease_is_taken(factory, settings):
    with FeedServer() as server:
        ids = _add_feeds(factory, server, 3)
        held = claim_feeds(factory, "other-host:1:live", ids=[ids[0]], lease=60)
        dead = claim_feeds(factory, "other-host:2:killed", ids=[ids[1]], lease=1)
        assert held == [ids[0]] and dead == [ids[1]]
        assert claim_feeds(factory, "me", ids=ids[:2]) == []  # both leases are live
        time.sleep(1.2)
        outcomes = poll_round(factory, settings, threads=2)
        assert sorted(o.feed_id for o in outcomes) == [ids[1], ids[2]]
        assert server.requests_for("/f0.xml") == []
        release_feed(factory, ids[0], "other-host:1:live")
        assert [o.feed_id for o in poll_round(factory, settings, threads=2)] == [ids[0]]
        assert _articles(factory) == 6


def test_force_round_polls_each_feed_once(factory, settings):
    with FeedServer() as server:
        _add_feeds(factory, server, 5)
        poll_round(factory, settings, threads=3)
        server.reset_log()
        outcomes = poll_round(factory, settings, force=True, threads=3)
        assert len(outcomes) == 5
        assert sorted(r.path for r in server.requests) == sorted(f"/f{i}.xml" for i in range(5))


def test_a_feed_deleted_while_its_304_was_in_flight_is_reported_not_recorded(factory, settings):
    from factcheck.store.polling import poll_feeds
    from factcheck.worker import claim_targets

    with FeedServer() as server:
        ids = _add_feeds(factory, server, 3)
        poll_round(factory, settings, threads=1)
        targets = claim_targets(factory, "w1", ids=ids, limit=3, force=True)
        assert len(targets) == 3
        with transaction(factory) as s:  # an administrator removes one feed while the batch is out
            s.execute(delete(Feed).where(Feed.id == ids[1]))
        outcomes = {o.feed_id: o for o in poll_feeds(factory, targets, settings, lease_owner="w1")}
    assert outcomes[ids[1]].error == "feed no longer exists"
    assert outcomes[ids[0]].not_modified and outcomes[ids[2]].not_modified
    assert not outcomes[ids[0]].error and not outcomes[ids[2]].error
    with factory() as s:
        assert [f.lease_owner for f in s.scalars(select(Feed).order_by(Feed.id))] == [None, None]
