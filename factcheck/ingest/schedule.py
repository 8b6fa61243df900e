"""When to poll a feed next: pure functions of the clock, the feed's history and the server's hints.

- A healthy feed is polled at its configured interval *adapted to how often it publishes*: a wire
  feed that publishes every ten minutes is polled more often than its setting, a weekly column
  less often, always within [MIN_INTERVAL, MAX_INTERVAL].
- The server's wishes are a floor: never earlier than Retry-After, Cache-Control max-age or the
  feed's <ttl> (each itself capped, so a hostile "Retry-After: 10 years" cannot silence a feed).
- A failing feed backs off exponentially with jitter up to MAX_BACKOFF and is never given up on:
  the delay is capped, so it recovers by itself as soon as the publisher does.
- Jitter everywhere, so feeds added together do not fire together forever after.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import datetime, timedelta
from statistics import median

MIN_INTERVAL = timedelta(minutes=5)
MAX_INTERVAL = timedelta(hours=24)
BACKOFF_BASE = timedelta(minutes=2)
MAX_BACKOFF = timedelta(hours=6)
MAX_SERVER_FLOOR = timedelta(hours=24)  # the most a Retry-After / max-age / ttl may postpone us
ADAPT_WINDOW = timedelta(days=30)
ADAPT_ENTRIES = 20


def clamp(value: timedelta, low: timedelta, high: timedelta) -> timedelta:
    return max(low, min(high, value))


def adaptive_interval(configured: timedelta, published: Iterable[datetime | None],
                      now: datetime) -> timedelta:
    """The configured interval, adapted to the feed's publishing rhythm.

    We aim to poll about twice per typical gap between entries (median of the latest ones), but
    stay within a factor of 4 faster / 8 slower than configured, and within the global bounds.
    A feed whose newest entry is old slows down further (a dormant feed), up to the bound.
    """
    configured = clamp(configured, MIN_INTERVAL, MAX_INTERVAL)
    dates = sorted((d for d in published if d is not None and now - ADAPT_WINDOW <= d <= now),
                   reverse=True)[:ADAPT_ENTRIES]
    if len(dates) < 2:
        return configured
    gaps = [a - b for a, b in zip(dates, dates[1:])]
    target = median(gaps) / 2
    target = max(target, (now - dates[0]) / 4)  # quiet lately: no need to hurry
    low = max(MIN_INTERVAL, configured / 4)
    high = min(MAX_INTERVAL, configured * 8)
    return clamp(target, low, high)


def _jittered(delay: timedelta, fraction: float, rng: random.Random | None) -> timedelta:
    r = (rng or random).uniform(1 - fraction, 1 + fraction)
    return delay * r


def server_floor(now: datetime, *, retry_after: datetime | None = None,
                 ttl_minutes: int | None = None) -> datetime | None:
    """The earliest time the server asked for (Retry-After/max-age, <ttl>), capped."""
    floors: list[datetime] = []
    if retry_after is not None:
        floors.append(min(retry_after, now + MAX_SERVER_FLOOR))
    if ttl_minutes:
        floors.append(now + min(timedelta(minutes=ttl_minutes), MAX_SERVER_FLOOR))
    return max(floors) if floors else None


def next_poll_at(now: datetime, interval: timedelta, *, retry_after: datetime | None = None,
                 ttl_minutes: int | None = None, jitter: float = 0.1,
                 rng: random.Random | None = None) -> datetime:
    """After a successful poll (200 or 304)."""
    when = now + clamp(_jittered(interval, jitter, rng), MIN_INTERVAL, MAX_INTERVAL * (1 + jitter))
    floor = server_floor(now, retry_after=retry_after, ttl_minutes=ttl_minutes)
    return max(when, floor) if floor is not None else when


def backoff_delay(error_count: int, *, rng: random.Random | None = None) -> timedelta:
    """Delay after the ``error_count``-th consecutive error (1-based): 2, 4, 8 … minutes, ≤ 6 h.

    "Equal jitter": half the delay fixed, half random, so retries spread out but never collapse
    to zero.
    """
    n = max(1, error_count)
    delay = min(MAX_BACKOFF, BACKOFF_BASE * (2 ** min(n - 1, 20)))
    return delay / 2 + (delay / 2) * (rng or random).random()


def next_error_poll_at(now: datetime, error_count: int, *, retry_after: datetime | None = None,
                       interval: timedelta | None = None, rng: random.Random | None = None) -> datetime:
    """After a failed poll.  Retry-After (429/503) postpones this feed only, up to a day.

    With ``interval`` (the feed's own polling interval) a failing feed is never retried more
    eagerly than it would be polled when healthy: a struggling publisher gets fewer requests,
    not more.  The delay stays bounded by max(MAX_BACKOFF, MAX_INTERVAL), so it always recovers.
    """
    delay = backoff_delay(error_count, rng=rng)
    if interval is not None:
        floor = clamp(interval, MIN_INTERVAL, MAX_INTERVAL)
        delay = max(delay, floor * (rng or random).uniform(1.0, 1.2))  # jitter only upwards
    when = now + delay
    floor = server_floor(now, retry_after=retry_after)
    return max(when, floor) if floor is not None else when


def initial_poll_at(now: datetime, interval: timedelta, *, rng: random.Random | None = None) -> datetime:
    """First poll of a new feed: soon, but spread over a short window so a big feeds.yaml does not
    start with a thundering herd."""
    spread = min(interval, timedelta(minutes=1))
    return now + spread * (rng or random).random()
