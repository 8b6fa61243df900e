"""The background poller: polls due feeds, forever, and never dies of a bad feed."""
from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy.orm import Session, sessionmaker

from .config import Settings
from .pipeline import PollOutcome, due_feed_ids, poll_feed

log = logging.getLogger(__name__)


def poll_round(factory: sessionmaker[Session], settings: Settings, *, force: bool = False) -> list[PollOutcome]:
    """Poll every due feed once (all enabled feeds with force) and return when done.

    Fetches run concurrently; each feed's results are stored in its own
    transaction, so one slow or broken feed never holds up the others.
    """
    with factory() as s:
        ids = due_feed_ids(s, force=force)
    if not ids:
        return []
    threads = max(1, min(settings.poll_threads, len(ids)))
    # SQLite has one writer at a time; fetching in parallel still pays off
    # because nearly all the time of a poll is spent waiting on the network.
    with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="poll") as pool:
        return list(pool.map(lambda fid: _safe_poll(factory, fid, settings), ids))


def _safe_poll(factory, feed_id: int, settings: Settings) -> PollOutcome:
    try:
        return poll_feed(factory, feed_id, settings)
    except Exception as exc:  # the database itself failed: log it and let the next round retry
        log.exception("poll of feed %s failed", feed_id)
        return PollOutcome(feed_id, error=repr(exc))


def run_forever(factory: sessionmaker[Session], settings: Settings, stop: threading.Event,
                idle_seconds: float = 5.0) -> None:
    """Poll rounds until `stop` is set. Survives any exception in a round."""
    while not stop.is_set():
        try:
            poll_round(factory, settings)
        except Exception:
            log.exception("poll round failed; retrying")
        stop.wait(idle_seconds)


def start_background(factory: sessionmaker[Session], settings: Settings) -> tuple[threading.Thread, threading.Event]:
    stop = threading.Event()
    t = threading.Thread(target=run_forever, args=(factory, settings, stop), name="poller", daemon=True)
    t.start()
    return t, stop
