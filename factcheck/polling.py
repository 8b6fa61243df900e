"""Polling feeds into the pipeline, and feeds.yaml into the database.

The HTTP fetch runs outside any transaction; what it brought is stored through
pipeline.store_articles, the same path as imported files. The worker, the web
("poll now") and the CLI all poll through poll_feed.
"""
from __future__ import annotations

import logging
import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from .config import Settings
from .db import transaction
from .ingest.fetch import FetchResult, fetch_feed
from .ingest.parse import ParsedEntry, entry_keys, parse_feed
from .models import Feed, utcnow
from .pipeline import ArticleIn, store_articles

log = logging.getLogger(__name__)


# ---------------------------------------------------------------- polling


@dataclass
class PollOutcome:
    feed_id: int
    status: int | None = None
    new: int = 0
    updated: int = 0
    not_modified: bool = False
    error: str | None = None


MAX_BACKOFF = timedelta(hours=24)


def poll_feed(factory: sessionmaker[Session], feed_id: int, settings: Settings, *, client=None) -> PollOutcome:
    """Fetch one feed (outside any transaction) and store what it brought.

    Never raises for a bad feed: the error lands on the feed row and the
    caller goes on with the next feed.
    """
    with transaction(factory) as s:
        feed = s.get(Feed, feed_id)
        if feed is None:
            return PollOutcome(feed_id, error="feed no longer exists")
        url, etag, last_modified = feed.url, feed.etag, feed.last_modified
        allow_private = feed.allow_private or settings.allow_private_networks
        allow_file = feed.from_config
    try:
        result = fetch_feed(url, etag=etag, last_modified=last_modified, client=client,
                            allow_private=allow_private, allow_file=allow_file,
                            base_dir=settings.feeds_file.parent)
        parsed = None
        if result.content is not None and not result.error:
            parsed = parse_feed(result.content, result.headers, result.final_url)
    except Exception as exc:  # a bug in a parser must not kill the poller: record it on the feed
        log.exception("polling %s failed", url)
        result = FetchResult(url=url, final_url=url, status=None, content=None, headers={}, etag=etag,
                             last_modified=last_modified, error=f"internal error: {exc!r}")
        parsed = None
    with transaction(factory) as s:
        feed = s.get(Feed, feed_id)
        if feed is None:
            return PollOutcome(feed_id, error="feed no longer exists")
        return _record_poll(s, feed, result, parsed, settings)


def _record_poll(s: Session, feed: Feed, result: FetchResult, parsed, settings: Settings) -> PollOutcome:
    now = utcnow()
    out = PollOutcome(feed.id, status=result.status, not_modified=result.not_modified)
    feed.last_polled_at = now
    feed.last_status = result.status
    error = result.error or (parsed.error if parsed is not None else None)
    if result.gone:
        feed.enabled = False
        feed.disabled_reason = f"410 Gone at {now:%Y-%m-%d %H:%M} UTC: the publisher removed this feed"
    if error:
        feed.error_count += 1
        feed.last_error = error
        out.error = error
        backoff = min(timedelta(minutes=feed.interval_minutes) * (2 ** min(feed.error_count, 10)), MAX_BACKOFF)
        feed.next_poll_at = now + backoff * random.uniform(0.8, 1.2)
    else:
        feed.error_count = 0
        feed.last_error = None
        feed.last_success_at = now
        feed.next_poll_at = now + timedelta(minutes=feed.interval_minutes) * random.uniform(0.9, 1.1)
        if result.etag or result.last_modified or not result.not_modified:
            feed.etag, feed.last_modified = result.etag, result.last_modified
        if parsed is not None:
            stored = store_articles(s, feed, entries_to_articles(parsed.entries, feed), settings)
            out.new, out.updated = len(stored.new), len(stored.updated)
    if result.retry_after is not None and result.retry_after > feed.next_poll_at:
        feed.next_poll_at = result.retry_after
    return out


def entries_to_articles(entries: list[ParsedEntry], feed: Feed) -> list[ArticleIn]:
    now = utcnow()
    out = []
    for entry, key in zip(entries, entry_keys(entries)):
        out.append(ArticleIn(dedup_key=key, title=entry.title or "", text=entry.text, html=entry.html,
                             guid=entry.guid, url=entry.link, published=entry.published or now,
                             language=feed.language, content_hash=entry.content_hash))
    return out


def due_feed_ids(session: Session, now: datetime | None = None, force: bool = False) -> list[int]:
    now = now or utcnow()
    stmt = select(Feed.id).where(Feed.enabled.is_(True), Feed.kind == "feed")
    if not force:
        stmt = stmt.where((Feed.next_poll_at.is_(None)) | (Feed.next_poll_at <= now))
    return list(session.scalars(stmt.order_by(Feed.next_poll_at.nulls_first(), Feed.id)))


# ---------------------------------------------------------------- feeds.yaml


def sync_feeds(session: Session, specs) -> dict[str, int]:
    """Upsert feeds.yaml entries by URL. Feeds not in the file are left alone."""
    counts = {"added": 0, "updated": 0}
    existing = {f.url: f for f in session.scalars(select(Feed).where(Feed.url.in_([s.url for s in specs])))}
    for spec in specs:
        feed = existing.get(spec.url)
        if feed is None:
            feed = Feed(url=spec.url, kind="feed")
            session.add(feed)
            counts["added"] += 1
        else:
            counts["updated"] += 1
        feed.name, feed.language, feed.interval_minutes = spec.name, spec.language, spec.interval
        feed.allow_private, feed.from_config = spec.allow_private, True
        # A feed the publisher removed (410) stays off until someone re-enables it
        # by hand; feeds.yaml re-enables only what it disabled itself.
        if not feed.disabled_reason:
            feed.enabled = spec.enabled
    session.flush()
    return counts
