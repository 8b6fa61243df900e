"""Webhooks: the hooks admins register, and the outbox of their deliveries.

An event writes one ``webhook_deliveries`` row per hook that listens for it, in the transaction
that stores the event itself (the decision, the match): a rolled-back decision sends nothing,
and a committed one is in the outbox even if the process dies the next instant. The background
deliverer (factcheck.deliverer) then sends each row:

1. **claim** (``claim_due``, one short transaction): one ``UPDATE … WHERE id IN (SELECT … FOR
   UPDATE SKIP LOCKED) … RETURNING`` stamps due deliveries that no live lease holds with the
   worker's id and a lease expiry, as the poller claims feeds (factcheck.worker): two workers
   never send one delivery at once;
2. **send**, outside any transaction (``ingest.signed_post``);
3. **record** (``record``): the attempt's outcome, and the lease cleared, only if the lease is
   still ours. A worker killed between 2 and 3 leaves a lease that expires (``LEASE``) and the
   delivery is sent again: delivery is at least once, with the same ``X-Factcheck-Delivery`` id,
   which is a receiver's key for dropping the rare second copy.

Failed attempts are retried after ``retry_delay``: doubling from
``Settings.webhook_retry_seconds`` up to ``webhook_retry_max_seconds``, at most
``webhook_attempts`` attempts, then the delivery is ``failed``.
"""
from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import orjson
from sqlalchemy import bindparam, case, func, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from ..config import Settings
from ..ingest import netguard
from ..ingest.signed_post import DEFAULT_TIMEOUT, HINT
from ..text.bidi import strip_bidi
from .db import transaction, writer_lock
from .models import Article, Claim, Feed, User, Webhook, WebhookDelivery, utc_iso, utcnow

EVENTS = ("claim.conflict", "claim.decided")
SECRET_PREFIX = "whsec_"
MAX_URL = 2000
BATCH = 4  # deliveries a worker claims at once, sent one after the other
# A claim's lease outlasts sending its whole batch (each POST is bounded by its timeout).
LEASE = timedelta(seconds=BATCH * (DEFAULT_TIMEOUT + 5))
_MAX_ERROR = 2000


class WebhookError(ValueError):
    """A hook that cannot be made (bad URL, refused address, unknown event) or removed (no such hook).

    English (the CLI's language); the admin page shows it inside a translated sentence, as the
    feeds page shows a feed's error.
    """


# ---------------------------------------------------------------- hooks


def check_target(url: str, *, allow_private: bool) -> str:
    """The URL if deliveries may go there, else WebhookError saying why (the feeds' address guard:
    FACTCHECK_ALLOW_PRIVATE_NETWORKS opens loopback and private addresses, as for feeds)."""
    url = strip_bidi(url or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise WebhookError("a webhook URL must start with http:// or https:// and name a host")
    if len(url) > MAX_URL:
        raise WebhookError(f"a webhook URL is limited to {MAX_URL} characters")
    if any(c.isspace() or ord(c) < 32 for c in url):
        raise WebhookError("a webhook URL must not contain spaces or control characters")
    try:
        parts.port  # noqa: B018 - raises for a port that is not a number in range
        # bounded as a delivery is: the editor's request must not hang on a stalled resolver
        netguard.check_url(url, allow_private=allow_private, hint=HINT, timeout=DEFAULT_TIMEOUT)
    except netguard.ResolveTimeout:
        raise WebhookError(f"cannot resolve {parts.hostname}: no answer within {DEFAULT_TIMEOUT:g} s") from None
    except ValueError as exc:
        raise WebhookError(f"bad URL: {exc}") from None
    except netguard.BlockedTarget as exc:
        raise WebhookError(str(exc)) from None
    return url


def create_hook(session: Session, url: str, events: list[str] | tuple[str, ...], *, allow_private: bool,
                user: User | None = None) -> tuple[Webhook, str]:
    """A new hook; returns the row and its secret (shown once)."""
    wanted = tuple(dict.fromkeys(e.strip() for e in events if e.strip()))
    if not wanted:
        raise WebhookError(f"choose at least one event: {', '.join(EVENTS)}")
    unknown = [e for e in wanted if e not in EVENTS]
    if unknown:
        raise WebhookError(f"unknown event {unknown[0][:40]!r}; use {', '.join(EVENTS)}")
    url = check_target(url, allow_private=allow_private)
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    row = Webhook(url=url, events=",".join(e for e in EVENTS if e in wanted), secret=secret, created_at=utcnow(),
                  created_by_id=user.id if user is not None else None)
    session.add(row)
    session.flush()
    session.info.pop(_LISTENERS, None)
    return row, secret


def remove_hook(session: Session, hook_id: int) -> Webhook:
    """Delete a hook and its deliveries (pending ones are not sent)."""
    row = session.get(Webhook, hook_id)
    if row is None:
        raise WebhookError(f"webhook {hook_id} does not exist")
    session.delete(row)
    session.flush()
    session.info.pop(_LISTENERS, None)
    return row


@dataclass(frozen=True)
class HookStats:
    hook: Webhook
    counts: dict[str, int]  # deliveries by state: pending, delivered, failed
    last: WebhookDelivery | None  # the latest delivery tried


def hook_list(session: Session) -> list[HookStats]:
    """Every hook with its deliveries counted by state and its latest attempt."""
    hooks = list(session.scalars(select(Webhook).order_by(Webhook.id)))
    counts: dict[int, dict[str, int]] = {h.id: {"pending": 0, "delivered": 0, "failed": 0} for h in hooks}
    for hook_id, state, n in session.execute(select(WebhookDelivery.webhook_id, WebhookDelivery.state, func.count())
                                             .group_by(WebhookDelivery.webhook_id, WebhookDelivery.state)):
        counts.setdefault(hook_id, {})[state] = n
    last_ids = select(func.max(WebhookDelivery.id)).where(WebhookDelivery.last_attempt_at.is_not(None)) \
        .group_by(WebhookDelivery.webhook_id)
    last = {d.webhook_id: d for d in session.scalars(select(WebhookDelivery).where(WebhookDelivery.id.in_(last_ids)))}
    return [HookStats(h, counts[h.id], last.get(h.id)) for h in hooks]


def recent_deliveries(session: Session, limit: int = 50) -> list[WebhookDelivery]:
    """The latest deliveries of every hook, newest first (the admin page)."""
    return list(session.scalars(select(WebhookDelivery).order_by(WebhookDelivery.id.desc()).limit(limit)))


# ---------------------------------------------------------------- the outbox

_LISTENERS = "factcheck.webhook_listeners"


def listeners(session: Session, event: str) -> list[int]:
    """The ids of the hooks that listen for ``event``.

    Read once per session (a web request, a poll's transaction) and kept in ``session.info``: the
    pipeline asks for every claim it matches, and the table has a handful of rows.
    """
    cached = session.info.get(_LISTENERS)
    if cached is None:
        cached = session.info[_LISTENERS] = [(h_id, events.split(",")) for h_id, events in
                                             session.execute(select(Webhook.id, Webhook.events))]
    return [h_id for h_id, events in cached if event in events]


def enqueue(session: Session, event: str, data: dict, hooks: list[int] | None = None) -> int:
    """Queue ``event`` for every hook listening (``hooks``, when the caller has asked already), in
    the caller's transaction; returns how many deliveries were queued."""
    hooks = listeners(session, event) if hooks is None else hooks
    if not hooks:
        return 0
    now = utcnow()
    event_id = str(uuid.uuid4())
    body = orjson.dumps({"id": event_id, "event": event, "created_at": utc_iso(now), "data": data}).decode("utf-8")
    session.add_all(WebhookDelivery(webhook_id=h, event=event, event_id=event_id, body=body, state="pending",
                                    attempts=0, created_at=now, next_attempt_at=now) for h in hooks)
    session.flush()
    return len(hooks)


def claim_summaries(session: Session, ids: list[int]) -> dict[int, dict]:
    """What an event says about each claim: its text, speaker, status and version, and its article."""
    rows = session.execute(
        select(Claim.id, Claim.kind, Claim.text, Claim.speaker, Claim.language, Claim.status, Claim.version,
               Feed.name, Article.url, Article.title, Article.published, Article.language.label("article_language"))
        .join(Article, Article.id == Claim.article_id).join(Feed, Feed.id == Article.feed_id)
        .where(Claim.id.in_(ids)))
    return {r.id: {"id": r.id, "kind": r.kind, "text": r.text, "speaker": r.speaker, "language": r.language,
                   "status": r.status, "version": r.version,
                   "article": {"source": r.name, "title": r.title, "url": r.url, "published": utc_iso(r.published),
                               "language": r.article_language}}
            for r in rows}


def decided(session: Session, claim_id: int, decision_id: int, status: str, previous: str | None, note: str,
            editor: str, at: datetime, token_id: int | None = None) -> None:
    """claim.decided, queued with the decision (store.review.decide calls it)."""
    hooks = listeners(session, "claim.decided")
    if not hooks:
        return
    claim = claim_summaries(session, [claim_id]).get(claim_id)
    decision = {"id": decision_id, "status": status, "previous_status": previous, "note": note, "editor": editor,
                "at": utc_iso(at), "token_id": token_id}
    enqueue(session, "claim.decided", {"claim": claim, "decision": decision}, hooks)


def conflicts_found(session: Session, pairs: list[tuple[int, int, float, str]]) -> int:
    """claim.conflict for each (claim, other, score, reason) newly stored as conflicting (the
    matcher's store.matching._write finds them); returns how many events were queued."""
    if not pairs:
        return 0
    hooks = listeners(session, "claim.conflict")
    summaries = claim_summaries(session, sorted({i for a, b, _, _ in pairs for i in (a, b)}))
    for claim_id, other_id, score, reason in sorted(pairs):
        enqueue(session, "claim.conflict", {
            "claim": summaries.get(claim_id), "other": summaries.get(other_id),
            "match": {"relation": "conflicts", "score": score, "reason": reason}}, hooks)
    return len(pairs)


# ---------------------------------------------------------------- sending


def retry_delay(attempts: int, settings: Settings) -> timedelta:
    """The wait after the ``attempts``-th failed attempt: doubling from the first, capped."""
    first, cap = settings.webhook_retry_seconds, settings.webhook_retry_max_seconds
    return timedelta(seconds=min(cap, first * 2 ** min(attempts - 1, 40)))


@dataclass(frozen=True)
class Due:
    """A delivery a worker holds: what sending it needs."""

    id: int
    hook_id: int
    url: str
    secret: str
    event: str
    event_id: str
    body: str
    attempts: int  # attempts made before this one


_d = WebhookDelivery.__table__


def _claim_statement():  # type: ignore[no-untyped-def]
    lease_free = or_(_d.c.lease_owner.is_(None), _d.c.lease_expires_at < bindparam("now"))
    pick = (select(_d.c.id).where(_d.c.state == "pending", _d.c.next_attempt_at <= bindparam("now"), lease_free)
            .order_by(_d.c.next_attempt_at, _d.c.id).limit(bindparam("limit")).with_for_update(skip_locked=True))
    # The lease condition again: under READ COMMITTED it is re-evaluated on the locked row, so a
    # delivery another worker stamped meanwhile is not ours (as in factcheck.worker).
    return (update(_d).where(_d.c.id.in_(pick.scalar_subquery()), lease_free)
            .values(lease_owner=bindparam("owner"), lease_expires_at=bindparam("expires"))
            .returning(_d.c.id, _d.c.webhook_id, _d.c.event, _d.c.event_id, _d.c.body, _d.c.attempts))


_CLAIM = _claim_statement()


def next_due(session: Session) -> datetime | None:
    """When the earliest pending delivery may be claimed (a read only: an idle deliverer writes
    nothing): its attempt's time, or its lease's end while another worker holds it."""
    d = WebhookDelivery
    held = case((d.lease_owner.is_not(None) & (d.lease_expires_at > d.next_attempt_at), d.lease_expires_at),
                else_=d.next_attempt_at)
    return session.scalar(select(func.min(held)).where(d.state == "pending"))


def claim_due(factory: sessionmaker[Session], owner: str, *, limit: int = BATCH,
              now: datetime | None = None) -> list[Due]:
    """Lease up to ``limit`` due deliveries to ``owner``; return them with their hooks' URL and secret."""
    now = now or utcnow()
    with writer_lock(factory), transaction(factory) as s:
        rows = s.execute(_CLAIM, {"now": now, "limit": limit, "owner": owner, "expires": now + LEASE}).all()
        if not rows:
            return []
        hooks = {h.id: h for h in s.scalars(select(Webhook).where(Webhook.id.in_({r.webhook_id for r in rows})))}
        return [Due(r.id, r.webhook_id, hooks[r.webhook_id].url, hooks[r.webhook_id].secret, r.event, r.event_id,
                    r.body, r.attempts) for r in rows if r.webhook_id in hooks]


def record(factory: sessionmaker[Session], due: Due, owner: str, *, status: int | None, error: str | None,
           settings: Settings, now: datetime | None = None) -> str | None:
    """Write one attempt's outcome and free the lease; returns the delivery's new state, or None
    when the lease was no longer ours (it expired and another worker took the delivery over)."""
    now = now or utcnow()
    attempts = due.attempts + 1
    values: dict = {"attempts": attempts, "last_attempt_at": now, "last_status": status,
                    "last_error": error[:_MAX_ERROR] if error else None, "lease_owner": None,
                    "lease_expires_at": None}
    if error is None:
        values.update(state="delivered", delivered_at=now)
    elif attempts >= settings.webhook_attempts:
        values.update(state="failed")
    else:
        values.update(next_attempt_at=now + retry_delay(attempts, settings))
    with writer_lock(factory), transaction(factory) as s:
        moved = s.execute(update(WebhookDelivery).where(WebhookDelivery.id == due.id,
                                                        WebhookDelivery.lease_owner == owner)
                          .values(**values).execution_options(synchronize_session=False))
    if moved.rowcount != 1:
        return None
    return values.get("state", "pending")
