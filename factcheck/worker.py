"""The background poller: concurrent, lease-based, and never dies of a bad feed.

How a feed gets polled, on one machine or many against one PostgreSQL:

1. **claim** (a short transaction): one ``UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)
   … RETURNING`` picks due feeds that no live lease holds, stamps them with this worker's id and a
   lease expiry, and returns what the poll needs (URL, validators).  Two workers never claim the
   same feed: SKIP LOCKED makes the second skip rows the first is claiming, and the stamp
   (re-checked in the UPDATE) keeps them away after that transaction commits.  The same
   transaction reads the feeds' recent publication dates.
2. **poll** (``polling.poll_recorded``, the sequential poller's path too): the HTTP fetch runs outside any transaction, then the
   results are stored in the feed's own transaction.  Many feeds are fetched at once by a thread
   pool, each thread with its own small HTTP connection pool; bodies are parsed in a child
   process (``ParsePool``) so that parsing does not hold the GIL the threads need.
3. **release**: in that same recording transaction the lease is cleared, if it is still ours.
   A thread claims a few feeds per transaction and polls them one after the other; the
   unchanged ones (304) of that batch are recorded together, with one UPDATE statement.

A worker killed mid-poll simply never releases: its leases expire (``Settings.poll_lease_seconds``,
``FACTCHECK_POLL_LEASE_SECONDS``, well above
the fetch deadline) and another worker takes those feeds later.  Articles are never stored twice:
storing is idempotent on (feed, dedup key), with a unique constraint as the last line of defence.

SQLite has no row locks: the same code runs there in one process, and the poller's write
transactions (claims, records) queue on a process-wide lock (``db.writer_lock``): SQLite admits one
writer at a time anyway, and a Python lock hands it over without SQLite's busy-wait sleeps.
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

from sqlalchemy import bindparam, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from .config import Settings
from .store.db import transaction, writer_lock
from .ingest.fetch import DEFAULT_TIMEOUT, make_client
from .ingest.parse import parse_feed
from .ingest.parsepool import ParsePool
from .store.models import Feed, utcnow
from .store.polling import (TARGET_COLUMNS, PollOutcome, PollTarget, due_feed_ids, poll_feed_ids, poll_recorded,
                            release_lease, targets_from_rows)

log = logging.getLogger(__name__)

# Used when no Settings are at hand (Settings.poll_lease_seconds is the configured value).
DEFAULT_LEASE_SECONDS = 300
CLAIM_BATCH = 1  # feeds claimed per call of claim_feeds by default
MAX_CLAIM_BATCH = 8  # the poller's batches, when the lease is long enough (see _claim_batch)
PARSE_POOL_MIN_FEEDS = 16  # smaller rounds parse in the poller: a child costs more to start


def make_worker_id() -> str:
    """host:pid:random, so `factcheck feeds status` can say which worker holds a feed."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"[:200]


_feeds = Feed.__table__


def _claim_statement(*, due_only: bool, among_ids: bool):  # type: ignore[no-untyped-def]
    """A claim as one statement, built once (the poller runs it for every batch): stamp the
    picked feeds with our lease and return what polling them needs."""
    lease_free = or_(_feeds.c.lease_owner.is_(None), _feeds.c.lease_expires_at.is_(None),
                     _feeds.c.lease_expires_at < bindparam("now"))
    pick = select(_feeds.c.id).where(_feeds.c.enabled.is_(True), _feeds.c.kind == "feed", lease_free)
    if due_only:
        pick = pick.where(or_(_feeds.c.next_poll_at.is_(None), _feeds.c.next_poll_at <= bindparam("now")))
    if among_ids:
        pick = pick.where(_feeds.c.id.in_(bindparam("ids", expanding=True)))
    pick = (pick.order_by(_feeds.c.next_poll_at.nulls_first(), _feeds.c.id).limit(bindparam("limit"))
            .with_for_update(skip_locked=True))
    # The lease condition again: under READ COMMITTED it is re-evaluated on the locked row, so a
    # feed another worker stamped meanwhile is not ours.  RETURNING lists exactly the rows stamped.
    return (update(_feeds).where(_feeds.c.id.in_(pick.scalar_subquery()), lease_free)
            .values(lease_owner=bindparam("owner"), lease_expires_at=bindparam("expires"))
            .returning(*TARGET_COLUMNS))


_CLAIM = {(due, among): _claim_statement(due_only=due, among_ids=among)
          for due in (False, True) for among in (False, True)}


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
    params = {"now": now, "limit": limit, "owner": owner, "expires": expires,
              **({"ids": id_list} if id_list is not None else {})}
    with writer_lock(factory), transaction(factory) as s:
        rows = s.execute(_CLAIM[(not force, id_list is not None)], params).all()
        return targets_from_rows(s, rows, now)


def _claim_batch(lease: float) -> int:
    """Feeds a poller thread claims per transaction: fewer claim transactions per feed, as long as
    the lease outlasts fetching the whole batch one after the other (each fetch is bounded by
    the fetch deadline), so that no lease can expire before its feed's fetch has ended."""
    return max(1, min(MAX_CLAIM_BATCH, int(lease // (2 * DEFAULT_TIMEOUT))))


def release_feed(factory: sessionmaker[Session], feed_id: int, owner: str) -> None:
    release_lease(factory, feed_id, owner)


def poll_round(factory: sessionmaker[Session], settings: Settings, *, force: bool = False,
               owner: str | None = None, client=None, stop: threading.Event | None = None,  # noqa: ANN001
               threads: int | None = None, parse_pool: ParsePool | None = None) -> list[PollOutcome]:
    """Poll every due feed once (every enabled feed with ``force``) and return when done.

    The due feeds are listed once; ``threads`` workers then claim them one by one and poll them.
    A feed another worker holds is skipped (it is being polled right now).  Each feed is polled
    at most once per round, even with ``force``.  Bodies are parsed by ``parse_pool``; without
    one, a round of at least PARSE_POOL_MIN_FEEDS feeds makes its own when
    ``settings.parse_processes`` allows (a child takes a fraction of a second to start, so a
    long-running poller passes one it keeps, as ``run_forever`` does).
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
    own_pool = None
    if parse_pool is None and settings.parse_processes and len(ids) >= PARSE_POOL_MIN_FEEDS:
        # Not started ahead: a round without changed feeds then never starts a child.
        parse_pool = own_pool = ParsePool(settings.parse_processes)
    parse = parse_pool.parse if parse_pool is not None else parse_feed
    pending = deque(ids)
    max_batch = _claim_batch(settings.poll_lease_seconds)
    pending_lock = threading.Lock()
    outcomes: list[PollOutcome] = []

    def work() -> None:
        # Each thread has its own small client unless one is given: httpcore's pool scans all of
        # its connections for every request, and one pool shared by 64 threads spent more CPU on
        # that scan than on the request itself.  (Keep-alive across threads is lost, which only
        # matters for many feeds on one host; a thread still reuses its own connections.)
        own = make_client(max_connections=2) if client is None else None
        try:
            _work(own or client)
        finally:
            if own is not None:
                own.close()

    def _work(http) -> None:  # noqa: ANN001
        while stop is None or not stop.is_set():
            with pending_lock:
                if not pending:
                    return
                # Never more than an even share of what is left (rounded up): a thread that took
                # a full batch near the end would poll its feeds one after the other while the
                # others idle.  Rounded down, the share fell to one feed per claim half-way through
                # a round, and claims, not fetches, became most of an unchanged round's CPU.
                size = max(1, min(max_batch, -(-len(pending) // n_threads)))
                batch = [pending.popleft() for _ in range(size)]
            try:
                claimed = claim_targets(factory, owner, ids=batch, limit=len(batch), force=force,
                                        lease=settings.poll_lease_seconds)
            except Exception:  # the database hiccupped: leave these feeds to the next round
                log.exception("claiming feeds %s failed", batch)
                continue
            # poll_feeds releases each lease in the transaction that records its poll.
            done = poll_recorded(factory, claimed, settings, client=http, lease_owner=owner, parse=parse)
            with pending_lock:
                outcomes.extend(done)

    try:
        with ThreadPoolExecutor(max_workers=n_threads, thread_name_prefix="poll") as pool:
            for future in [pool.submit(work) for _ in range(n_threads)]:
                future.result()
    finally:
        if own_pool is not None:
            own_pool.close()
    return outcomes


def poll_sequentially(factory: sessionmaker[Session], settings: Settings, *,
                      force: bool = False) -> list[PollOutcome]:
    """The naive poller: one feed after the other, no leases (the benchmark's baseline).  Each feed
    goes through ``polling.poll_recorded``, as in ``poll_round``."""
    with factory() as s:
        ids = due_feed_ids(s, force=force)
    client = make_client(max_connections=1)
    try:
        return poll_feed_ids(factory, ids, settings, client=client)
    finally:
        client.close()


def run_forever(factory: sessionmaker[Session], settings: Settings, stop: threading.Event,
                idle_seconds: float = 5.0) -> None:
    """Poll rounds until ``stop`` is set.  Survives any exception in a round."""
    owner = make_worker_id()
    log.info("poller %s started with %d threads, %d parse processes", owner, settings.poll_threads,
             settings.parse_processes)
    parse_pool = ParsePool(settings.parse_processes).start() if settings.parse_processes else None
    try:
        while not stop.is_set():
            outcomes: list[PollOutcome] = []
            try:
                outcomes = poll_round(factory, settings, owner=owner, stop=stop, parse_pool=parse_pool)
            except Exception:
                log.exception("poll round failed; retrying")
            if not outcomes:
                stop.wait(idle_seconds)
    finally:
        if parse_pool is not None:
            parse_pool.close()


def start_background(factory: sessionmaker[Session], settings: Settings) -> tuple[threading.Thread, threading.Event]:
    stop = threading.Event()
    t = threading.Thread(target=run_forever, args=(factory, settings, stop), name="poller", daemon=True)
    t.start()
    return t, stop
