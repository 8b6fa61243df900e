"""The background poller: concurrent, lease-based, and never dies of a bad feed.

How a feed gets polled, on one machine or many against one PostgreSQL:

1. **claim** (a short transaction): ``SELECT … FOR UPDATE SKIP LOCKED`` picks due feeds that no
   live lease holds, and stamps them with this worker's id and a lease expiry.  Two workers never
   claim the same feed: SKIP LOCKED makes the second skip rows the first is claiming, and the
   stamp (re-checked in the UPDATE) keeps them away after that transaction commits.
   The same transaction reads what the poll needs (URL, validators, recent dates).
2. **poll** (``polling.poll_feeds``): the HTTP fetch runs outside any transaction, then the
   results are stored in the feed's own transaction.  Many feeds are fetched at once by a thread
   pool, sharing one HTTP connection pool.
3. **release**: in that same recording transaction the lease is cleared, if it is still ours.
   A thread claims a few feeds per transaction and polls them one after the other; the
   unchanged ones (304) of that batch are recorded together, with one UPDATE statement.

A worker killed mid-poll simply never releases: its leases expire (``Settings.poll_lease_seconds``,
``FACTCHECK_POLL_LEASE_SECONDS``, well above
the fetch deadline) and another worker takes those feeds later.  Articles are never stored twice:
storing is idempotent on (feed, dedup key), with a unique constraint as the last line of defence.

SQLite has no row locks: the same code runs there in one process, and claims are serialised by a
process-wide lock (SQLite serialises writers anyway; a claim is a few milliseconds).
"""
from __future__ import annotations

import logging
import os
import random
import socket
import threading
import uuid
from collections import deque
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from .config import Settings
from .db import transaction
from .ingest.fetch import DEFAULT_TIMEOUT, make_client
from .models import Feed, utcnow
from .polling import PollOutcome, PollTarget, due_feed_ids, poll_feeds, read_targets

log = logging.getLogger(__name__)

# Used when no Settings are at hand (Settings.poll_lease_seconds is the configured value).
DEFAULT_LEASE_SECONDS = 300
CLAIM_BATCH = 1  # feeds claimed per call of claim_feeds by default
MAX_CLAIM_BATCH = 8  # the poller's batches, when the lease is long enough (see _claim_batch)
_sqlite_claim_lock = threading.Lock()


def make_worker_id() -> str:
    """host:pid:random, so `factcheck feeds status` can say which worker holds a feed."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"[:200]


def _lease_free(now):  # type: ignore[no-untyped-def]
    return or_(Feed.lease_owner.is_(None), Feed.lease_expires_at.is_(None), Feed.lease_expires_at < now)


def claim_feeds(factory: sessionmaker[Session], owner: str, *, ids: Iterable[int] | None = None,
                limit: int = CLAIM_BATCH, force: bool = False, lease: float | None = None) -> list[int]:
    """Lease up to ``limit`` due feeds (among ``ids`` if given) to ``owner``; return their ids."""
    return [t.feed_id for t in claim_targets(factory, owner, ids=ids, limit=limit, force=force, lease=lease)]


def claim_targets(factory: sessionmaker[Session], owner: str, *, ids: Iterable[int] | None = None,
                  limit: int = CLAIM_BATCH, force: bool = False,
                  lease: float | None = None) -> list[PollTarget]:
    """Like claim_feeds, and read what polling the claimed feeds needs in the same transaction."""
    now = utcnow()
    expires = now + timedelta(seconds=lease or DEFAULT_LEASE_SECONDS)
    id_list = list(ids) if ids is not None else None
    if id_list is not None and not id_list:
        return []
    is_sqlite = factory.kw["bind"].dialect.name == "sqlite"
    lock = _sqlite_claim_lock if is_sqlite else _NoLock()
    with lock, transaction(factory) as s:
        stmt = select(Feed.id).where(Feed.enabled.is_(True), Feed.kind == "feed", _lease_free(now))
        if not force:
            stmt = stmt.where(or_(Feed.next_poll_at.is_(None), Feed.next_poll_at <= now))
        if id_list is not None:
            stmt = stmt.where(Feed.id.in_(id_list))
        stmt = stmt.order_by(Feed.next_poll_at.nulls_first(), Feed.id).limit(limit)
        candidates = list(s.scalars(stmt.with_for_update(skip_locked=True)))
        if not candidates:
            return []
        # The lease condition again: under READ COMMITTED it is re-evaluated on the locked row.
        s.execute(update(Feed).where(Feed.id.in_(candidates), _lease_free(now))
                  .values(lease_owner=owner, lease_expires_at=expires)
                  .execution_options(synchronize_session=False))
        claimed = list(s.scalars(select(Feed.id).where(
            Feed.id.in_(candidates), and_(Feed.lease_owner == owner, Feed.lease_expires_at == expires))))
        return read_targets(s, claimed, now)


def _claim_batch(lease: float) -> int:
    """Feeds a poller thread claims per transaction: fewer claim transactions per feed, as long as
    the lease outlasts fetching the whole batch one after the other (each fetch is bounded by
    the fetch deadline), so that no lease can expire before its feed's fetch has ended."""
    return max(1, min(MAX_CLAIM_BATCH, int(lease // (2 * DEFAULT_TIMEOUT))))


def release_feed(factory: sessionmaker[Session], feed_id: int, owner: str) -> None:
    with transaction(factory) as s:
        s.execute(update(Feed).where(Feed.id == feed_id, Feed.lease_owner == owner)
                  .values(lease_owner=None, lease_expires_at=None)
                  .execution_options(synchronize_session=False))


class _NoLock:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def poll_round(factory: sessionmaker[Session], settings: Settings, *, force: bool = False,
               owner: str | None = None, client=None, stop: threading.Event | None = None,  # noqa: ANN001
               threads: int | None = None) -> list[PollOutcome]:
    """Poll every due feed once (every enabled feed with ``force``) and return when done.

    The due feeds are listed once; ``threads`` workers then claim them one by one and poll them.
    A feed another worker holds is skipped (it is being polled right now).  Each feed is polled
    at most once per round, even with ``force``.
    """
    owner = owner or make_worker_id()
    with factory() as s:
        ids = due_feed_ids(s, force=force)
    if not ids:
        return []
    if not force:
        # Two workers listing the same due feeds should not march through them in step.
        random.shuffle(ids)
    n_threads = max(1, min(threads or settings.poll_threads, len(ids)))
    own_client = client is None
    if client is None:
        client = make_client(max_connections=n_threads)
    pending = deque(ids)
    # Never more per thread than an even share, so that a small round still spreads over threads.
    batch_size = max(1, min(_claim_batch(settings.poll_lease_seconds), len(ids) // n_threads))
    pending_lock = threading.Lock()
    outcomes: list[PollOutcome] = []

    def work() -> None:
        while stop is None or not stop.is_set():
            with pending_lock:
                if not pending:
                    return
                batch = [pending.popleft() for _ in range(min(batch_size, len(pending)))]
            try:
                claimed = claim_targets(factory, owner, ids=batch, limit=len(batch), force=force,
                                        lease=settings.poll_lease_seconds)
            except Exception:  # the database hiccupped: leave these feeds to the next round
                log.exception("claiming feeds %s failed", batch)
                continue
            # poll_feeds releases each lease in the transaction that records its poll.
            done = _safe_poll(factory, claimed, settings, client, owner=owner)
            with pending_lock:
                outcomes.extend(done)

    try:
        with ThreadPoolExecutor(max_workers=n_threads, thread_name_prefix="poll") as pool:
            for future in [pool.submit(work) for _ in range(n_threads)]:
                future.result()
    finally:
        if own_client:
            client.close()
    return outcomes


def poll_sequentially(factory: sessionmaker[Session], settings: Settings, *,
                      force: bool = False) -> list[PollOutcome]:
    """The naive poller: one feed after the other, no leases (the benchmark's baseline)."""
    with factory() as s:
        ids = due_feed_ids(s, force=force)
    client = make_client(max_connections=1)
    try:
        out: list[PollOutcome] = []
        for fid in ids:
            with factory() as s:
                targets = read_targets(s, [fid])
            out.extend(_safe_poll(factory, targets, settings, client) if targets
                       else [PollOutcome(fid, error="feed no longer exists")])
        return out
    finally:
        client.close()


def _safe_poll(factory: sessionmaker[Session], targets: list[PollTarget], settings: Settings, client,  # noqa: ANN001
               *, owner: str | None = None) -> list[PollOutcome]:
    try:
        return poll_feeds(factory, targets, settings, client=client, lease_owner=owner)
    except Exception as exc:  # the database itself failed: log it and let the next round retry
        log.exception("poll of feeds %s failed", [t.feed_id for t in targets])
        if owner:
            for t in targets:
                try:
                    release_feed(factory, t.feed_id, owner)
                except Exception:  # the lease then simply expires
                    log.exception("releasing feed %s failed", t.feed_id)
        return [PollOutcome(t.feed_id, error=repr(exc)) for t in targets]


def run_forever(factory: sessionmaker[Session], settings: Settings, stop: threading.Event,
                idle_seconds: float = 5.0) -> None:
    """Poll rounds until ``stop`` is set.  Survives any exception in a round."""
    owner = make_worker_id()
    client = make_client(max_connections=max(1, settings.poll_threads))
    log.info("poller %s started with %d threads", owner, settings.poll_threads)
    try:
        while not stop.is_set():
            outcomes: list[PollOutcome] = []
            try:
                outcomes = poll_round(factory, settings, owner=owner, client=client, stop=stop)
            except Exception:
                log.exception("poll round failed; retrying")
            if not outcomes:
                stop.wait(idle_seconds)
    finally:
        client.close()


def start_background(factory: sessionmaker[Session], settings: Settings) -> tuple[threading.Thread, threading.Event]:
    stop = threading.Event()
    t = threading.Thread(target=run_forever, args=(factory, settings, stop), name="poller", daemon=True)
    t.start()
    return t, stop
