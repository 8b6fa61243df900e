"""The background webhook deliverer: beside the poller in `factcheck run` and `factcheck worker`.

Each pass claims due deliveries under a lease (``store.webhooks.claim_due``: two workers never
hold one delivery), POSTs each signed (``ingest.signed_post``) outside any transaction, and records
the outcome (``store.webhooks.record``): delivered, retried later, or given up. Between passes it
reads when the next delivery is due and sleeps until then (at most ``IDLE`` seconds, so an event
queued by another process is sent within that): an idle deliverer writes nothing.

Deliveries are sent one after the other by one thread per worker: a receiver that stalls holds
the others back for at most the POST's timeout (10 s); run more workers for more at once.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime

import httpcore
from sqlalchemy.orm import Session, sessionmaker

from .config import Settings
from .ingest.fetch import make_client
from .ingest.signed_post import post_signed
from .store.models import utcnow
from .store.webhooks import BATCH, Due, claim_due, next_due, record
from .worker import make_worker_id

log = logging.getLogger(__name__)

IDLE = 2.0  # seconds between looks at the outbox when nothing is due sooner


@dataclass(frozen=True)
class Sent:
    """One attempt: the delivery, the receiver's status (None: no answer), the error, the new state."""

    delivery_id: int
    status: int | None
    error: str | None
    state: str | None  # delivered | pending | failed; None: the lease was lost before recording


def send(due: Due, settings: Settings, client: httpcore.ConnectionPool | None = None) -> tuple[int | None, str | None]:
    """POST one delivery, signed now; (status, error), error None for a 2xx."""
    result = post_signed(due.url, due.body.encode("utf-8"), secret=due.secret, client=client,
                         allow_private=settings.allow_private_networks,
                         headers=[("X-Factcheck-Event", due.event), ("X-Factcheck-Delivery", due.event_id)])
    return result.status, result.error


def deliver_due(factory: sessionmaker[Session], settings: Settings, *, owner: str | None = None,
                client: httpcore.ConnectionPool | None = None, limit: int = BATCH,
                stop: threading.Event | None = None) -> list[Sent]:
    """Claim and send the deliveries due now, batch after batch, until none is due; return the attempts."""
    owner = owner or make_worker_id()
    out: list[Sent] = []
    while stop is None or not stop.is_set():
        batch = claim_due(factory, owner, limit=limit)
        if not batch:
            return out
        for due in batch:
            status, error = send(due, settings, client)
            state = record(factory, due, owner, status=status, error=error, settings=settings)
            if state is None:
                log.warning("webhook delivery %s: the lease expired before its outcome was recorded", due.id)
            elif error is not None:
                log.info("webhook delivery %s to %s failed (attempt %d): %s", due.id, due.url, due.attempts + 1, error)
            out.append(Sent(due.id, status, error, state))
    return out


def _wait(factory: sessionmaker[Session], now: datetime) -> float:
    with factory() as s:
        due = next_due(s)
    if due is None:
        return IDLE
    return max(0.05, min(IDLE, (due - now).total_seconds()))


def run_forever(factory: sessionmaker[Session], settings: Settings, stop: threading.Event) -> None:
    """Deliver until ``stop`` is set; survives any exception in a pass."""
    owner = make_worker_id()
    client = make_client(max_connections=4)
    log.info("webhook deliverer %s started", owner)
    try:
        while not stop.is_set():
            try:
                deliver_due(factory, settings, owner=owner, client=client, stop=stop)
                wait = _wait(factory, utcnow())
            except Exception:
                log.exception("webhook delivery pass failed; retrying")
                wait = IDLE
            stop.wait(wait)
    finally:
        client.close()


def start_background(factory: sessionmaker[Session], settings: Settings) -> tuple[threading.Thread, threading.Event]:
    stop = threading.Event()
    t = threading.Thread(target=run_forever, args=(factory, settings, stop), name="webhooks", daemon=True)
    t.start()
    return t, stop
