"""Scheduling: adaptive intervals, server floors and backoff that always recovers."""
from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from factcheck.ingest import schedule

NOW = datetime(2025, 11, 8, 12, 0, tzinfo=UTC)


def test_busy_feed_is_polled_more_often_than_configured():
    dates = [NOW - timedelta(minutes=10 * i) for i in range(20)]  # one entry every 10 minutes
    got = schedule.adaptive_interval(timedelta(minutes=30), dates, NOW)
    assert got == timedelta(minutes=7.5)  # 30/4: the fastest we go below the setting


def test_weekly_feed_is_polled_less_often_but_within_a_day():
    dates = [NOW - timedelta(days=7 * i, hours=1) for i in range(4)]
    got = schedule.adaptive_interval(timedelta(minutes=30), dates, NOW)
    assert got == timedelta(hours=4)  # 8x the setting


def test_no_dates_means_the_configured_interval():
    assert schedule.adaptive_interval(timedelta(minutes=45), [None, None], NOW) == timedelta(minutes=45)


def test_intervals_are_bounded():
    fast = [NOW - timedelta(seconds=i) for i in range(20)]
    assert schedule.adaptive_interval(timedelta(minutes=1), fast, NOW) == schedule.MIN_INTERVAL
    slow = [NOW - timedelta(days=20), NOW - timedelta(days=29)]
    assert schedule.adaptive_interval(timedelta(days=3), slow, NOW) == schedule.MAX_INTERVAL


def test_jitter_spreads_feeds_added_together():
    rng = random.Random(1)
    times = {schedule.next_poll_at(NOW, timedelta(minutes=30), rng=rng) for _ in range(50)}
    assert len(times) == 50
    assert min(times) >= NOW + timedelta(minutes=27) and max(times) <= NOW + timedelta(minutes=33)


def test_backoff_grows_is_capped_and_never_zero():
    rng = random.Random(2)
    delays = [schedule.backoff_delay(n, rng=rng) for n in range(1, 40)]
    assert timedelta(minutes=1) <= delays[0] <= timedelta(minutes=2)
    assert delays[5] > delays[0]
    assert all(timedelta(minutes=1) <= d <= schedule.MAX_BACKOFF for d in delays)


def test_server_floor_is_capped_at_a_day():
    far = NOW + timedelta(days=365)
    assert schedule.next_poll_at(NOW, timedelta(minutes=30), retry_after=far) == NOW + timedelta(hours=24)
    assert schedule.next_poll_at(NOW, timedelta(minutes=30), ttl_minutes=60, jitter=0) == NOW + timedelta(minutes=60)
