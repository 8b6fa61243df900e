"""Polling feeds into the pipeline, and feeds.yaml into the database.

The HTTP fetch runs outside any transaction; what it brought is stored through
pipeline.store_articles, the same path as imported files. The worker, the web
("poll now") and the CLI all poll through poll_feeds (poll_feed is the one-feed case).

Transactions per feed, the cost that dominates a round once the network is concurrent: the worker
reads what a poll needs (``PollTarget``) in the transaction that claims a batch of feeds, and each
outcome is recorded, and its lease released, in one more.  The unchanged feeds (304) of a batch
are recorded together, with one UPDATE statement.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import bindparam, case, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from ..config import Settings
from .db import transaction, writer_lock
from ..ingest import schedule
from ..ingest.fetch import FetchResult, fetch_feed
from ..ingest.parse import ParsedEntry, ParsedFeed, entry_keys, parse_feed
from ..ingest.fulltext import canonical_url, word_count
from ..ingest.parse import content_hash
from ..ingest.sanitize import plain_to_html
from .models import Article, Feed, utcnow
from .pipeline import ArticleIn, process_article, store_articles
from .stories import refresh
from ..text.bidi import strip_bidi

log = logging.getLogger(__name__)

# A permanent redirect (301/308) replaces the stored URL only once it was seen on this many
# consecutive polls: a publisher's misconfiguration for an afternoon must not move a feed for good.
REDIRECT_ADOPT_AFTER = 3
_URL_MAX = 2000  # feeds.url / feeds.redirect_url
_ETAG_MAX = 1000  # feeds.etag
_LAST_MODIFIED_MAX = 200  # feeds.last_modified


# ---------------------------------------------------------------- polling


@dataclass
class PollOutcome:
    feed_id: int
    status: int | None = None
    new: int = 0
    updated: int = 0
    not_modified: bool = False
    error: str | None = None


@dataclass
class PollTarget:
    """What one poll needs to know about its feed, read before the fetch."""

    feed_id: int
    url: str
    etag: str | None
    last_modified: str | None
    allow_private: bool
    from_config: bool
    interval_minutes: int
    ttl_minutes: int | None = None
    # Publication dates of the feed's latest stored articles: a 304 is scheduled from these.
    recent_published: list[datetime] = field(default_factory=list)


_feeds = Feed.__table__
_articles = Article.__table__


# The feed columns a PollTarget is made of (the worker's claim returns them from its UPDATE).
TARGET_COLUMNS = (_feeds.c.id, _feeds.c.url, _feeds.c.etag, _feeds.c.last_modified, _feeds.c.allow_private,
                  _feeds.c.from_config, _feeds.c.interval_minutes, _feeds.c.ttl_minutes)
_TARGETS = select(*TARGET_COLUMNS).where(_feeds.c.id.in_(bindparam("ids", expanding=True)))


def read_targets(session: Session, feed_ids: list[int], now: datetime | None = None) -> list[PollTarget]:
    """PollTargets of these feeds (missing ids are left out), in the caller's transaction."""
    if not feed_ids:
        return []
    return targets_from_rows(session, session.execute(_TARGETS, {"ids": list(feed_ids)}), now)


def targets_from_rows(session: Session, rows, now: datetime | None = None) -> list[PollTarget]:  # noqa: ANN001
    """PollTargets of rows of TARGET_COLUMNS, with their feeds' recent publication dates.

    One more query whatever the number of feeds: the poller claims feeds in batches, and on an
    unchanged round the database is a good part of the cost.
    """
    targets = {r.id: PollTarget(r.id, r.url, r.etag, r.last_modified, bool(r.allow_private),
                                bool(r.from_config), r.interval_minutes or 30, r.ttl_minutes) for r in rows}
    if not targets:
        return []
    now = now or utcnow()
    for feed_id, published in session.execute(_RECENT_PUBLISHED, {
            "ids": list(targets), "since": now - schedule.ADAPT_WINDOW}):
        targets[feed_id].recent_published.append(published)
    return list(targets.values())


def _recent_published_query():  # type: ignore[no-untyped-def]
    """The latest ADAPT_ENTRIES publication dates of each feed in :ids, newest first."""
    ranked = (select(_articles.c.feed_id, _articles.c.published,
                     func.row_number().over(partition_by=_articles.c.feed_id,
                                            order_by=_articles.c.published.desc()).label("n"))
              .where(_articles.c.feed_id.in_(bindparam("ids", expanding=True)),
                     _articles.c.published >= bindparam("since"))
              .subquery())
    return (select(ranked.c.feed_id, ranked.c.published)
            .where(ranked.c.n <= schedule.ADAPT_ENTRIES)
            .order_by(ranked.c.feed_id, ranked.c.published.desc()))


_RECENT_PUBLISHED = _recent_published_query()


def _recent_published(session: Session, feed_id: int, now: datetime) -> list[datetime]:
    return [p for _, p in session.execute(_RECENT_PUBLISHED,
                                          {"ids": [feed_id], "since": now - schedule.ADAPT_WINDOW})]


def poll_feed(factory: sessionmaker[Session], feed_id: int, settings: Settings, *, client=None,  # noqa: ANN001
              lease_owner: str | None = None, target: PollTarget | None = None) -> PollOutcome:
    """Fetch one feed (outside any transaction) and store what it brought.

    ``target``: the feed as read when it was claimed (else it is read here).  ``lease_owner``:
    the worker holding the feed's lease, released in the transaction that records the poll.

    Never raises for a bad feed: the error lands on the feed row and the caller goes on with the
    next feed.  It raises only when the database itself fails.
    """
    if target is None:
        target = read_target(factory, feed_id)
        if target is None:
            return PollOutcome(feed_id, error=FEED_GONE)
    return poll_feeds(factory, [target], settings, client=client, lease_owner=lease_owner)[0]


FEED_GONE = "feed no longer exists"


def read_target(factory: sessionmaker[Session], feed_id: int) -> PollTarget | None:
    """The PollTarget of one feed, in its own transaction (None: the feed was deleted)."""
    with transaction(factory) as s:
        found = read_targets(s, [feed_id])
    return found[0] if found else None


def poll_feed_ids(factory: sessionmaker[Session], feed_ids: list[int], settings: Settings, *,
                  client=None, parse: Callable[..., ParsedFeed] = parse_feed) -> list[PollOutcome]:  # noqa: ANN001
    """Poll these feeds one after the other, without leases, each read just before its fetch:
    the sequential poller (``worker.poll_sequentially``).  Never raises (see ``poll_recorded``)."""
    out: list[PollOutcome] = []
    for feed_id in feed_ids:
        target = read_target(factory, feed_id)
        out.extend(poll_recorded(factory, [target], settings, client=client, parse=parse) if target
                   else [PollOutcome(feed_id, error=FEED_GONE)])
    return out


def poll_recorded(factory: sessionmaker[Session], targets: list[PollTarget], settings: Settings, *,
                  client=None, lease_owner: str | None = None,  # noqa: ANN001
                  parse: Callable[..., ParsedFeed] = parse_feed) -> list[PollOutcome]:
    """``poll_feeds`` for a poller that must never die: the one path of both the concurrent and the
    sequential poller.  A bad feed's error is on its row already (``poll_feeds``); when the
    database itself fails, it is logged, the leases of ``lease_owner`` are released (or left to
    expire if that fails too) and every feed of the batch gets that error as its outcome, so the
    next round retries them.
    """
    try:
        return poll_feeds(factory, targets, settings, client=client, lease_owner=lease_owner, parse=parse)
    except Exception as exc:  # noqa: BLE001 - the database failed: log it and let the next round retry
        log.exception("poll of feeds %s failed", [t.feed_id for t in targets])
        if lease_owner:
            for t in targets:
                try:
                    release_lease(factory, t.feed_id, lease_owner)
                except Exception:  # noqa: BLE001 - the lease then simply expires
                    log.exception("releasing feed %s failed", t.feed_id)
        return [PollOutcome(t.feed_id, error=repr(exc)) for t in targets]


def release_lease(factory: sessionmaker[Session], feed_id: int, owner: str) -> None:
    """Clear the feed's lease if ``owner`` still holds it, in its own transaction."""
    with transaction(factory) as s:
        _release(s, feed_id, owner)


def poll_feeds(factory: sessionmaker[Session], targets: list[PollTarget], settings: Settings, *,
               client=None, lease_owner: str | None = None,  # noqa: ANN001
               parse: Callable[..., ParsedFeed] = parse_feed) -> list[PollOutcome]:
    """Poll these feeds one after the other: fetch, parse, store each, in its own transaction.

    Feeds that answered a plain 304 are recorded together at the end, in one transaction
    (one UPDATE statement for all of them): on an unchanged round that is most of the work.
    ``parse`` parses a body (``ParsePool.parse`` runs it in another process).  Raises only when
    the database fails; the outcomes recorded before that are then lost to the caller, not to
    the feeds.
    """
    outcomes: dict[int, PollOutcome] = {}
    unchanged: list[tuple[PollTarget, FetchResult]] = []
    for target in targets:
        result, parsed = _fetch_and_parse(target, settings, client, parse)
        if result.not_modified and not result.error and not result.permanent_redirect:
            unchanged.append((target, result))
            continue
        out = outcomes[target.feed_id] = _store_poll(factory, target, result, parsed, settings, lease_owner)
        if parsed is not None and not out.error:
            # The pages behind teaser entries, after the feed's own poll is recorded (and its lease
            # released): a slow publisher's pages never hold the feed's poll back.
            try:
                fetch_pages(factory, target.feed_id, settings)
            except Exception:  # noqa: BLE001 - the feed's poll is stored; its pages wait for the next one
                log.exception("fetching the pages of feed %s failed", target.feed_id)
    if unchanged:
        with writer_lock(factory), transaction(factory) as s:
            for out in _record_not_modified(s, unchanged, lease_owner):
                outcomes[out.feed_id] = out
    return [outcomes[t.feed_id] for t in targets]


def _fetch_and_parse(target: PollTarget, settings: Settings, client,  # noqa: ANN001
                     parse: Callable[..., ParsedFeed]) -> tuple[FetchResult, ParsedFeed | None]:
    url = target.url
    try:
        result = fetch_feed(url, etag=target.etag, last_modified=target.last_modified, client=client,
                            allow_private=target.allow_private or settings.allow_private_networks,
                            allow_file=target.from_config, base_dir=settings.feeds_file.parent)
        parsed = None
        if result.content is not None and not result.error:
            # An empty 200 arrives here as b"": parse_feed reports it as an error of the feed.
            parsed = parse(result.content, result.headers, result.final_url)
        return result, parsed
    except Exception as exc:  # a bug in a parser must not kill the poller: record it on the feed
        log.exception("polling %s failed", url)
        return FetchResult(url=url, final_url=url, status=None, content=None, headers={},
                           etag=target.etag, last_modified=target.last_modified,
                           error=f"internal error: {exc!r}"), None


def _store_poll(factory: sessionmaker[Session], target: PollTarget, result: FetchResult,
                parsed: ParsedFeed | None, settings: Settings, lease_owner: str | None) -> PollOutcome:
    feed_id, url = target.feed_id, target.url
    try:
        try:
            return _store_once(factory, target, result, parsed, settings, lease_owner)
        except IntegrityError:
            # Another writer (an editor's Match again, `factcheck db rematch`) stored one of this
            # poll's match pairs first (PostgreSQL's uq_matches_pair). The transaction was rolled
            # back whole; storing it again finds their row and updates it.
            log.warning("storing the poll of feed %s met another writer's match row; storing it again", feed_id)
            return _store_once(factory, target, result, parsed, settings, lease_owner)
    except Exception as exc:
        # Storing failed (a bug in extraction, a constraint): the fetch is lost, but the feed must
        # not be retried in a hot loop nor silently stop.  Record the failure like a feed error.
        log.exception("storing the poll of feed %s failed", feed_id)
        message = f"internal error while storing: {type(exc).__name__}: {exc}"[:2000]
        failed = FetchResult(url=url, final_url=url, status=result.status, content=None, headers={},
                             etag=target.etag, last_modified=target.last_modified, error=message)
        with transaction(factory) as s:
            feed = s.get(Feed, feed_id)
            if feed is None:
                return PollOutcome(feed_id, error="feed no longer exists")
            out = _record_poll(s, feed, failed, None, settings)
            if lease_owner:
                _release(s, feed_id, lease_owner)
            return out


def _store_once(factory: sessionmaker[Session], target: PollTarget, result: FetchResult,
                parsed: ParsedFeed | None, settings: Settings, lease_owner: str | None) -> PollOutcome:
    with writer_lock(factory), transaction(factory) as s:
        feed = s.get(Feed, target.feed_id)
        if feed is None:
            return PollOutcome(target.feed_id, error="feed no longer exists")
        out = _record_poll(s, feed, result, parsed, settings, recent=target.recent_published)
        if lease_owner:
            _release(s, target.feed_id, lease_owner)
        return out


_RELEASE = (update(_feeds).where(_feeds.c.id == bindparam("fid"), _feeds.c.lease_owner == bindparam("owner"))
            .values(lease_owner=None, lease_expires_at=None))


def _release(s: Session, feed_id: int, owner: str) -> None:
    """Clear the lease if it is still ours (it may have expired and been taken over)."""
    s.execute(_RELEASE, {"fid": feed_id, "owner": owner})


def _fit(value: str | None, limit: int) -> str | None:
    """A validator longer than its column is dropped (never sent back) instead of failing the row."""
    return value if value is not None and len(value) <= limit else None


def _not_modified_update(release: bool):  # type: ignore[no-untyped-def]
    values: dict = dict(
        last_polled_at=bindparam("now"), last_status=bindparam("status"), last_success_at=bindparam("now"),
        error_count=0, last_error=None, next_poll_at=bindparam("next_poll_at"),
        etag=bindparam("new_etag"), last_modified=bindparam("new_last_modified"),
        redirect_url=None, redirect_count=0,  # no permanent redirect this time: the streak ends
    )
    if release:
        mine = _feeds.c.lease_owner == bindparam("owner")
        values["lease_owner"] = case((mine, None), else_=_feeds.c.lease_owner)
        values["lease_expires_at"] = case((mine, None), else_=_feeds.c.lease_expires_at)
    return update(_feeds).where(_feeds.c.id == bindparam("fid")).values(**values)


_NOT_MODIFIED = {False: _not_modified_update(False), True: _not_modified_update(True)}


def _record_not_modified(s: Session, polls: list[tuple[PollTarget, FetchResult]],
                         owner: str | None) -> list[PollOutcome]:
    """304s without redirect news: one UPDATE statement (validators, schedule, health, lease)."""
    now = utcnow()
    params = []
    for target, result in polls:
        interval = schedule.adaptive_interval(timedelta(minutes=target.interval_minutes),
                                              target.recent_published, now)
        params.append({
            "fid": target.feed_id, "now": now, "status": result.status, "owner": owner,
            "next_poll_at": schedule.next_poll_at(now, interval, retry_after=result.retry_after,
                                                  ttl_minutes=target.ttl_minutes),
            "new_etag": _fit(result.etag, _ETAG_MAX),
            "new_last_modified": _fit(result.last_modified, _LAST_MODIFIED_MAX)})
    done = s.execute(_NOT_MODIFIED[owner is not None], params)
    ids = [t.feed_id for t, _ in polls]
    if done.rowcount == len(ids):  # the usual case: every feed still exists
        return [PollOutcome(t.feed_id, status=r.status, not_modified=True) for t, r in polls]
    # Fewer rows (or a driver that cannot count an executemany): find the feeds deleted meanwhile.
    present = set(s.scalars(select(_feeds.c.id).where(_feeds.c.id.in_(ids))))
    return [PollOutcome(t.feed_id, status=r.status, not_modified=True) if t.feed_id in present
            else PollOutcome(t.feed_id, error="feed no longer exists") for t, r in polls]


def _record_poll(s: Session, feed: Feed, result: FetchResult, parsed: ParsedFeed | None, settings: Settings,
                 *, recent: list[datetime] | None = None) -> PollOutcome:
    now = utcnow()
    out = PollOutcome(feed.id, status=result.status, not_modified=result.not_modified)
    feed.last_polled_at = now
    feed.last_status = result.status
    configured = timedelta(minutes=feed.interval_minutes or 30)
    error = result.error or (parsed.error if parsed is not None else None)
    if result.gone:
        feed.enabled = False
        feed.disabled_reason = f"410 Gone at {now:%Y-%m-%d %H:%M} UTC: the publisher removed this feed"
    if error:
        feed.error_count = (feed.error_count or 0) + 1
        feed.last_error = error[:4000]
        out.error = error
        # Validators are kept as they were: those of an error page must not turn into 304s later.
        feed.next_poll_at = schedule.next_error_poll_at(now, feed.error_count, retry_after=result.retry_after,
                                                        interval=configured)
        return out
    warning = _follow_permanent_redirect(s, feed, result)
    feed.error_count = 0
    feed.last_error = warning
    feed.last_success_at = now
    # New validators, even from a 304; a 200 without any clears them (nothing to send back).
    feed.etag = _fit(result.etag, _ETAG_MAX)
    feed.last_modified = _fit(result.last_modified, _LAST_MODIFIED_MAX)
    if parsed is not None:
        items = _without_fetched_pages(s, feed, entries_to_articles(parsed.entries, feed))
        stored = store_articles(s, feed, items, settings)
        _mark_feed_text(s, stored.new + stored.updated)
        out.new, out.updated = len(stored.new), len(stored.updated)
        dates = [e.published for e in parsed.entries]
        feed.ttl_minutes = ttl = parsed.ttl_minutes
    else:
        ttl = feed.ttl_minutes
        dates = recent if recent is not None else _recent_published(s, feed.id, now)
    interval = schedule.adaptive_interval(configured, dates, now)
    feed.next_poll_at = schedule.next_poll_at(now, interval, retry_after=result.retry_after, ttl_minutes=ttl)
    return out


def _follow_permanent_redirect(s: Session, feed: Feed, result: FetchResult) -> str | None:
    """Count consecutive polls that ended a 301/308 chain at the same URL; adopt it after N.

    A temporary redirect (or none) ends the streak.  Returns a warning for the feed row when the
    new URL cannot be adopted because another feed already polls it (feeds.url is unique).
    """
    target = result.permanent_redirect
    if not target or target == feed.url or len(target) > _URL_MAX:
        feed.redirect_url, feed.redirect_count = None, 0
        return None
    if feed.redirect_url == target:
        feed.redirect_count = (feed.redirect_count or 0) + 1
    else:
        feed.redirect_url, feed.redirect_count = target, 1
    if feed.redirect_count < REDIRECT_ADOPT_AFTER:
        return None
    other = s.execute(select(Feed.id, Feed.name).where(Feed.url == target, Feed.id != feed.id)).first()
    if other is not None:
        return (f"permanent redirect to {target} not adopted: feed #{other.id} ({other.name}) "
                f"already has that URL")
    log.info("feed %s moved permanently: %s -> %s", feed.id, feed.url, target)
    feed.url = target
    feed.redirect_url, feed.redirect_count = None, 0
    return None


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
        feed.full_text, feed.tag = spec.full_text, spec.tag
        # A feed the publisher removed (410) stays off until someone re-enables it
        # by hand; feeds.yaml re-enables only what it disabled itself.
        if not feed.disabled_reason:
            feed.enabled = spec.enabled
    session.flush()
    return counts


# ---------------------------------------------------------------- OPML


def import_opml(session: Session, feeds) -> dict[str, int]:  # noqa: ANN001 - list[opml.OpmlFeed]
    """Add the OPML's feeds that are not feeds yet (by URL), in the caller's transaction.

    A feed already followed keeps its settings; it only takes the OPML's category as its tag when
    it has none.  Imported feeds are plain web feeds: public addresses only, no file: URLs
    (``parse_opml`` refused those), as if added on the feeds page.
    """
    counts = {"added": 0, "existing": 0}
    urls = [f.url for f in feeds]
    existing = {f.url: f for f in session.scalars(select(Feed).where(Feed.url.in_(urls)))} if urls else {}
    for item in feeds:
        feed = existing.get(item.url)
        if feed is not None:
            counts["existing"] += 1
            if item.tag and not feed.tag:
                feed.tag = item.tag
            continue
        feed = Feed(url=item.url, kind="feed", name=item.name, tag=item.tag, language=item.language,
                    interval_minutes=item.interval or 30, full_text=item.full_text or "auto",
                    enabled=True, from_config=False, allow_private=False)
        session.add(feed)
        existing[item.url] = feed
        counts["added"] += 1
    session.flush()
    return counts


def export_opml(session: Session) -> bytes:
    """Every polled http(s) feed (not the sources of imported articles) as OPML, grouped by tag."""
    from ..ingest.opml import OpmlFeed, write_opml

    # file: feeds (the bundled samples) are feeds.yaml's alone: another machine has no such file.
    rows = session.scalars(select(Feed).where(Feed.kind == "feed", Feed.url.like("http%")).order_by(Feed.tag.nulls_first(), Feed.name,
                                                                            Feed.id))
    return write_opml(OpmlFeed(name=f.name, url=f.url, tag=f.tag, language=f.language,
                               interval=f.interval_minutes, full_text=f.full_text) for f in rows)


# ---------------------------------------------------------------- full text (issue 19)

PAGE_RETRY_AFTER = timedelta(minutes=10)  # a failed page is tried again on a poll after this


def fulltext_config(settings: Settings):  # noqa: ANN201 - ingest.pages.FullTextConfig
    """How pages are fetched: ``settings.fulltext`` when set (tests), else the process's config for
    ``settings.fulltext_*`` (one per-host limiter for every thread of the process)."""
    from ..ingest.pages import default_config

    return settings.fulltext or default_config(settings.fulltext_per_host, settings.fulltext_delay,
                                               settings.fulltext_robots)


def _without_fetched_pages(s: Session, feed: Feed, items: list[ArticleIn]) -> list[ArticleIn]:
    """The items to store: not an unchanged teaser whose page is stored in its place, not a story
    already stored under the same canonical URL (from this feed under another key, or another feed).

    An entry edited upstream (its hash differs from the one the feed gave before) is stored again,
    teaser and all, and its page fetched again.
    """
    if not items:
        return items
    keys = [i.dedup_key for i in items]
    fetched = dict(s.execute(select(Article.dedup_key, Article.feed_hash).where(
        Article.feed_id == feed.id, Article.dedup_key.in_(keys), Article.page_status == "fetched")).all())
    known_keys = set(s.scalars(select(Article.dedup_key).where(Article.feed_id == feed.id,
                                                              Article.dedup_key.in_(keys))))
    canon = {i.dedup_key: canonical_url(i.url) for i in items if i.dedup_key not in known_keys}
    taken = set()
    wanted = [c for c in canon.values() if c]
    if wanted:
        # Other feeds only: within one feed, the same article under a new key is store_articles' to find.
        taken = set(s.scalars(select(Article.canonical_url).where(Article.canonical_url.in_(wanted),
                                                                  Article.feed_id != feed.id)))
    out = []
    for item in items:
        stored_hash = fetched.get(item.dedup_key)
        if stored_hash is not None and stored_hash == content_hash(strip_bidi(item.title), strip_bidi(item.text)):
            continue  # the teaser as before: the page's text stays
        if canon.get(item.dedup_key) in taken:
            continue  # the same story, reached through another feed (or link) of the outlet
        out.append(item)
    return out


def _mark_feed_text(s: Session, ids: list[int]) -> None:
    """Stored from the feed just now: remember the feed's hash, and let the page be fetched (again)."""
    for art_id in ids:
        art = s.get(Article, art_id)
        if art is None:
            continue
        art.feed_hash = art.content_hash
        art.canonical_url = canonical_url(art.url)
        art.page_status, art.page_error, art.page_attempts = None, None, 0


@dataclass
class PagesOutcome:
    fetched: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


def fetch_pages(factory: sessionmaker[Session], feed_id: int, settings: Settings, *,
                config=None) -> PagesOutcome:  # noqa: ANN001 - ingest.pages.FullTextConfig
    """Fetch the pages behind the feed's teaser entries and store their text in place of the teaser.

    Which entries: those the feed's ``full_text`` mode asks for (``fulltext.wants_page``), not yet
    tried, or failed fewer than ``max_attempts`` times and not in the last ten minutes.  A feed read
    from a file (the bundled samples) fetches nothing under ``auto``: its links are not to be
    followed offline.  Pages are fetched outside any transaction; a page that cannot be had leaves
    the article's text as the feed gave it, with the reason on the article and on the feed's health.
    """
    from ..ingest.fulltext import wants_page
    from ..ingest.pages import PageFetcher

    config = config or fulltext_config(settings)
    out = PagesOutcome()
    now = utcnow()
    with factory() as s:
        feed = s.get(Feed, feed_id)
        if feed is None or feed.full_text == "never" or (feed.full_text == "auto" and feed.url.startswith("file:")):
            return out
        mode, allow_private = feed.full_text or "auto", bool(feed.allow_private)
        rows = s.execute(
            select(Article.id, Article.url, Article.text)
            .where(Article.feed_id == feed_id, Article.url.is_not(None),
                   (Article.page_status.is_(None)) | (
                       (Article.page_status == "failed") & (Article.page_attempts < config.max_attempts)
                       & (Article.page_fetched_at < now - PAGE_RETRY_AFTER)))
            .order_by(Article.id.desc()).limit(config.max_per_poll * 4)).all()
    todo = [(r.id, r.url) for r in rows if wants_page(mode, r.text, r.url)][:config.max_per_poll]
    skipped = [r.id for r in rows if not wants_page(mode, r.text, r.url)]
    if not todo and not skipped:
        return out
    fetcher = PageFetcher(config, allow_private=allow_private or settings.allow_private_networks)
    results = fetcher.fetch_many(url for _, url in todo)
    with writer_lock(factory), transaction(factory) as s:
        for art_id in skipped:
            art = s.get(Article, art_id)
            if art is not None and art.page_status is None:
                art.page_status = "skipped"
        for (art_id, url), result in zip(todo, results):
            art = s.get(Article, art_id)
            if art is None:
                continue
            error = _apply_page(s, art, result, settings)
            if error:
                out.failed += 1
                out.errors.append(f"{url}: {error}")
            else:
                out.fetched += 1
        feed = s.get(Feed, feed_id)
        if feed is not None:
            if out.failed:
                feed.page_error_count = (feed.page_error_count or 0) + out.failed
                feed.last_page_error = out.errors[-1][:4000]
            elif out.fetched:
                feed.page_error_count, feed.last_page_error = 0, None
    return out


def _apply_page(s: Session, art: Article, result, settings: Settings) -> str | None:  # noqa: ANN001
    """Store a fetched page's text in place of the teaser (claims extracted again), or the failure."""
    now = utcnow()
    art.page_fetched_at = now
    art.page_attempts = (art.page_attempts or 0) + 1
    error = result.error
    page = result.page
    if error is None and page is not None:
        text, title = strip_bidi(page.text), strip_bidi(page.title or "")
        if word_count(text) <= word_count(art.text):
            error = (f"the page's main text ({word_count(text)} words) is no longer than the feed's "
                     f"({word_count(art.text)} words)")
        else:
            canon = page.canonical_url or canonical_url(result.final_url) or art.canonical_url
            if canon and canon != art.canonical_url:
                other = s.scalar(select(Article.id).where(Article.canonical_url == canon, Article.id != art.id))
                if other is not None and not any(c.decisions for c in art.claims):
                    # The same story, stored already from another feed of the outlet: stored once.
                    log.info("article %s is article %s (canonical %s): removed", art.id, other, canon)
                    story = art.story_id
                    s.delete(art)
                    if story is not None:
                        # Its claims and their matches went with it: its story's figures are recounted.
                        s.flush()
                        refresh(s, {story})
                    return None
            art.canonical_url = canon if canon and len(canon) <= 2000 else art.canonical_url
            if not art.title and title:
                art.title = title[:1000]
            if page.date and art.fetched_at and abs((art.published - art.fetched_at).total_seconds()) < 5:
                # The feed gave no date (the entry was stamped when stored): the page's own is better.
                # A feed's date is never replaced by one read from the page (a widget's, a sidebar's).
                try:
                    art.published = datetime.fromisoformat(page.date).replace(tzinfo=art.published.tzinfo)
                except ValueError:
                    pass
            art.text, art.html = text, plain_to_html(text)
            art.content_hash = content_hash(art.title, art.text)
            art.updated_at = now
            art.page_status, art.page_error = "fetched", None
            # The update path of an edited entry: same article, claims that remain keep their decisions.
            process_article(s, art, settings)
            return None
    art.page_status, art.page_error = "failed", (error or "no page")[:4000]
    return art.page_error


def import_pages(factory: sessionmaker[Session], settings: Settings, urls: list[str], *, source: str | None = None,
                 language: str | None = None, config=None) -> list[tuple[str, int | None, int, str | None]]:  # noqa: ANN001
    """Fetch article pages and import each through ``pipeline.import_article`` (`factcheck import --url`).

    The same fetcher as teaser pages (guard, per-host limit, robots.txt, User-Agent).  The source is
    ``source``, else the site's name (the host without www.).  Returns (url, article id or None,
    claims, error) per URL; a page that cannot be had stores nothing.
    """
    from urllib.parse import urlsplit

    from ..ingest.pages import PageFetcher
    from .pipeline import import_article

    config = config or fulltext_config(settings)
    fetcher = PageFetcher(config, allow_private=settings.allow_private_networks)
    out = []
    for url, result in zip(urls, fetcher.fetch_many(urls)):
        if not result.ok:
            out.append((url, None, 0, result.error))
            continue
        page = result.page
        site = (urlsplit(result.final_url).hostname or "").removeprefix("www.")
        published = None
        if page.date:
            try:
                published = datetime.fromisoformat(page.date)
            except ValueError:
                published = None
        link = page.canonical_url or canonical_url(result.final_url)
        with writer_lock(factory), transaction(factory) as s:
            art, _ = import_article(s, settings, source=source or site, text=page.text,
                                    html=plain_to_html(page.text), title=page.title or None, url=link,
                                    published=published, language=language)
            art.page_status, art.page_fetched_at, art.canonical_url = "fetched", utcnow(), link
            out.append((url, art.id, len(art.claims), None))
    return out
