"""The one place that ties the stages to the database.

ingest -> extract -> match -> save. The web app, the worker and the CLI all call
these functions, so a feed refreshed from the UI, the CLI or the scheduler, and
an article imported from a file, go through exactly the same code.
"""
from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from . import matching, retrieval
from ..config import Settings
from .db import transaction, writer_lock
from ..extract import ClaimCandidate, detect_lang, extract_claims, find_dates
from ..ingest.parse import content_hash
from ..match import ClaimView
from .models import Article, Claim, Feed, Match, utcnow
from ..text.bidi import strip_bidi
from ..text.normalize import normalize
from ..text.urls import safe_url

log = logging.getLogger(__name__)


# ---------------------------------------------------------------- articles


@dataclass
class ArticleIn:
    """An article from any source (feed entry or imported file), before storage."""

    dedup_key: str
    title: str
    text: str
    published: datetime
    guid: str | None = None
    url: str | None = None
    html: str | None = None
    language: str | None = None
    content_hash: str = ""

    def __post_init__(self) -> None:
        if not self.content_hash:
            self.content_hash = content_hash(self.title, self.text)


@dataclass
class StoreResult:
    new: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    unchanged: int = 0


def store_articles(session: Session, feed: Feed, items: list[ArticleIn], settings: Settings) -> StoreResult:
    """Insert new articles and update edited ones, then extract and match their claims.

    Idempotent: storing the same items twice changes nothing the second time.
    Each item is cleaned first (``_clean``), whatever its source.
    """
    for item in items:
        _clean(item)
    result = StoreResult()
    changed: list[tuple[Article, bool]] = []
    existing, found = _existing_articles(session, feed, items)
    for item, art in zip(items, found):
        if art is None:
            art = existing.get(item.dedup_key)  # an earlier item of this batch with the same key
        elif art.dedup_key != item.dedup_key:
            # The feed changed how its entries are keyed (guids started repeating, say): the
            # article moves to the new key, so the next round finds it directly.
            art.dedup_key = item.dedup_key
            existing[item.dedup_key] = art
        if art is not None and art.content_hash == item.content_hash:
            result.unchanged += 1
            continue
        if art is None:
            # claims=[]: a new article has none, and saying so spares a query for them.
            art = Article(feed=feed, dedup_key=item.dedup_key, claims=[])
            session.add(art)
            existing[item.dedup_key] = art
            is_new = True
        else:
            art.updated_at = utcnow()
            is_new = False
        art.guid, art.url, art.title, art.text, art.html = item.guid, item.url, item.title, item.text, item.html
        art.published = item.published
        art.language = item.language or feed.language
        art.content_hash = item.content_hash
        changed.append((art, is_new))
    if changed:
        session.flush()  # one INSERT round for the batch; extraction and matching need the ids
    for art, is_new in changed:
        process_article(session, art, settings)
        (result.new if is_new else result.updated).append(art.id)
    return result


def _clean(item: ArticleIn) -> None:
    """What may be stored of a feed entry or an imported file, in place, before anything reads it."""
    # Only an absolute http(s) URL with a host is an article's address. A javascript: or data: URL (an
    # entry's <link>, `factcheck import --url`) would be a live href on the claim page and in the printable
    # report, which runs it when clicked from disk, so it is stored as no URL at all. Pages check again.
    item.url = safe_url(item.url)
    # Bidi overrides, embeddings and isolates reorder what the editor reads ("gpj.exe" shown as "exe.jpg").
    # They go before extraction, so the claims' start/end offsets index the text as stored; the hash is
    # then the cleaned text's, so an article stored with them before is cleaned on its next poll.
    title, text = strip_bidi(item.title), strip_bidi(item.text)
    if title != item.title or text != item.text:
        item.title, item.text, item.content_hash = title, text, content_hash(title, text)
    item.html = strip_bidi(item.html)


def _existing_articles(session: Session, feed: Feed,
                       items: list[ArticleIn]) -> tuple[dict[str, Article], list[Article | None]]:
    """The stored article each item is, if any: by dedup key, else by guid, URL or content hash.

    Keys change when a feed changes how it identifies entries (unique guids, then repeated ones:
    keys go from guid: to link:).  The fallbacks find the article under its old key so that the
    round of the change stores no duplicates.  A fallback value is trusted only when exactly one
    item of the batch and one unclaimed stored article share it (a feed that gives every entry
    the same guid must not collapse them), and each stored article is claimed at most once.
    """
    keys = [i.dedup_key for i in items]
    if not keys:
        return {}, []
    guids = {i.guid for i in items if i.guid}
    urls = {i.url for i in items if i.url}
    hashes = {i.content_hash for i in items if i.content_hash}
    cond = Article.dedup_key.in_(keys)
    if guids:
        cond = cond | Article.guid.in_(guids)
    if urls:
        cond = cond | Article.url.in_(urls)
    if hashes:
        cond = cond | Article.content_hash.in_(hashes)
    rows = list(session.scalars(select(Article).where(Article.feed_id == feed.id, cond)))
    by_key = {a.dedup_key: a for a in rows}
    found: list[Article | None] = [by_key.get(k) for k in keys]
    claimed = {id(a) for a in found if a is not None}
    for attr in ("guid", "url", "content_hash"):
        item_counts = Counter(getattr(i, attr) for i in items if getattr(i, attr))
        stored: dict[str, list[Article]] = {}
        for a in rows:
            value = getattr(a, attr)
            if value and id(a) not in claimed:
                stored.setdefault(value, []).append(a)
        for n, item in enumerate(items):
            value = getattr(item, attr)
            if found[n] is not None or not value or item_counts[value] != 1:
                continue
            candidates = [a for a in stored.get(value, []) if id(a) not in claimed]
            if len(candidates) == 1:
                found[n] = candidates[0]
                claimed.add(id(candidates[0]))
    return {a.dedup_key: a for a in rows}, found


def process_article(session: Session, article: Article, settings: Settings) -> list[Claim]:
    """Extract the article's claims, store them, and match each against other sources.

    On re-extraction (an entry edited upstream) claims that are still there keep
    their row, status and history; vanished claims are deleted unless an editor
    already decided them (the audit trail is never thrown away).
    """
    if not article.language and (article.text or "").strip():
        # No language from the feed, the entry, the import or the API: the extractor would guess it
        # anyway; storing its guess puts the claims under the queue's and export's language filters
        # and lets matching tell an Arabic claim from an English one (cross-language comparison).
        article.language = detect_lang(article.text)
    found = extract_claims(article.text, published=article.published, lang=article.language)
    if not found and not article.claims:
        return []  # nothing to store, index or match
    # An edited article's former hash: copies of it in other outlets are an article of their own now.
    former = {c.article_hash for c in article.claims if c.article_hash}
    old = {(c.kind, c.text): c for c in article.claims}
    fresh: list[Claim] = []
    kept: set[int] = set()
    for cand in found:
        row = old.get((cand.kind, cand.text))
        if row is not None and row.id not in kept:
            kept.add(row.id)
            _fill_claim(row, cand, article)
            continue
        row = Claim(article=article, feed_id=article.feed_id)
        _fill_claim(row, cand, article)
        session.add(row)
        fresh.append(row)
    current = fresh + [c for c in article.claims if c.id in kept]
    for row in list(article.claims):
        if row.id is not None and row.id not in kept and row not in fresh and not row.decisions:
            session.delete(row)
    session.flush()
    # Kept claims were refilled from the edited text: their index entries and
    # matches are rewritten too, in this same transaction.
    retrieval.index_claims(session, current)
    matching.store_matches(session, current, settings, groups=former, articles=[article.id])
    return fresh


def _fill_claim(row: Claim, cand: ClaimCandidate, article: Article) -> None:
    row.published = article.published
    row.language = article.language
    row.kind, row.text, row.sentence = cand.kind, cand.text, cand.sentence
    row.start, row.end = cand.start, cand.end
    row.speaker, row.verb, row.direct = cand.speaker, cand.verb, cand.direct
    row.date_value, row.date_grain, row.date_text = cand.date, cand.grain, cand.date_text
    row.value, row.unit = cand.value, cand.unit
    row.norm_text = normalize(cand.text)
    row.article_hash = article.content_hash
    row.event_day = event_day(cand.kind, cand.date, cand.grain, cand.sentence, article.published, article.language)


_EPOCH = date(1970, 1, 1)


def event_day(kind: str, date_value: str | None, grain: str | None, sentence: str | None,
              published: datetime | None, language: str | None) -> int | None:
    """The day (since 1970-01-01) of the event a claim dates, or None.

    A date claim at day grain dates its event itself; a statement or a figure dates it when its
    sentence gives exactly one day ("the raid on 20 August lasted about two hours"); a sentence of
    two days does not say which is the event's.
    """
    if kind == "date":
        days = {date_value} if grain == "day" and date_value else set()
    else:
        days = {m.value for m in find_dates(sentence or "", published, language) if m.grain == "day"}
    if len(days) != 1:
        return None
    try:
        return (date.fromisoformat(days.pop()) - _EPOCH).days
    except ValueError:
        return None


def event_date(day: int | None) -> date | None:
    """``event_day`` as a date."""
    return None if day is None else _EPOCH + timedelta(days=day)


# ---------------------------------------------------------------- matching


def claim_view(claim: Claim) -> ClaimView:
    return ClaimView(
        id=claim.id,
        source=claim.article.feed.name,
        kind=claim.kind,
        text=claim.text,
        sentence=claim.sentence,
        speaker=claim.speaker,
        date=claim.date_value,
        grain=claim.date_grain,
        date_text=claim.date_text,
        value=claim.value,
        unit=claim.unit,
        published=claim.published,
        lang=claim.language,
        article_hash=claim.article_hash,
        event=event_date(claim.event_day),
    )


def match_claim(session: Session, claim: Claim, settings: Settings) -> list[Match]:
    """Match one claim again, with the index and settings of the moment; its stored rows.

    The rows between its article and every article linked to it are rewritten
    (``matching.store_matches``): the same rows as when the articles were stored, in
    whichever order, unless the settings or the other articles changed since.
    """
    matching.store_matches(session, [claim], settings)
    return list(session.scalars(select(Match).where(Match.claim_id == claim.id)))


@dataclass
class RematchResult:
    """What ``rematch_claims`` did: claims matched again, and every stored match by relation before and after."""

    claims: int = 0
    failed: list[int] = field(default_factory=list)
    before: Counter[str] = field(default_factory=Counter)
    after: Counter[str] = field(default_factory=Counter)


def _relation_counts(factory: sessionmaker[Session]) -> Counter[str]:
    with factory() as s:
        return Counter(dict(s.execute(select(Match.relation, func.count()).group_by(Match.relation)).all()))


def rematch_claims(factory: sessionmaker[Session], settings: Settings, since: datetime | None = None,
                   batch: int = 200, progress: Callable[[int], None] | None = None) -> RematchResult:
    """Match stored claims again with the settings of the moment, oldest first (``match_claim``).

    What a desk runs after changing a matcher threshold: claims keep the
    matches they were given until they are matched again. Each batch is one
    transaction, so a stop loses at most one batch of work and no stored
    match. A batch that loses a race with the poller (both wrote one pair of
    claims; PostgreSQL) is rolled back and run again claim by claim; a claim
    that fails that way twice is left as it was and reported.
    """
    out = RematchResult(before=_relation_counts(factory))
    ids_sql = select(Claim.id).order_by(Claim.id).limit(batch)
    if since is not None:
        ids_sql = ids_sql.where(Claim.published >= since)
    last = 0
    while True:
        with factory() as s:
            ids = list(s.scalars(ids_sql.where(Claim.id > last)))
        if not ids:
            break
        last = ids[-1]
        try:
            _rematch(factory, settings, ids)
        except IntegrityError:
            for cid in ids:
                for attempt in (1, 2):
                    try:
                        _rematch(factory, settings, [cid])
                        break
                    except IntegrityError:
                        if attempt == 2:
                            log.warning("claim %s was not matched again: another writer kept taking its pairs", cid)
                            out.failed.append(cid)
        out.claims += len(ids)
        if progress is not None:
            progress(out.claims)
    out.after = _relation_counts(factory)
    return out


def _rematch(factory: sessionmaker[Session], settings: Settings, ids: list[int]) -> None:
    with writer_lock(factory), transaction(factory) as s:
        # A claim deleted since its id was read is simply gone.
        claims = list(s.scalars(select(Claim).where(Claim.id.in_(ids)).order_by(Claim.id)))
        matching.store_matches(s, claims, settings)


# ---------------------------------------------------------------- imports


class ImportError_(ValueError):
    """An article file that cannot be imported (not text or HTML)."""


def read_article_file(path: Path) -> tuple[str, str | None]:
    """Plain text or HTML from a file; anything else is refused before it is stored."""
    from ..ingest.sanitize import html_to_text, sanitize_html

    raw = path.read_bytes()
    if b"\x00" in raw[:8192]:
        raise ImportError_(f"{path}: not a text or HTML file (binary content)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportError_(f"{path}: not a text or HTML file (not valid UTF-8)") from None
    head = text[:2048].lstrip().lower()
    if head.startswith("<!doctype html") or head.startswith("<html") or path.suffix.lower() in {".html", ".htm"}:
        return html_to_text(text), sanitize_html(text)
    return text, None


def import_article(session: Session, settings: Settings, *, source: str, text: str, html: str | None = None,
                   title: str | None = None, url: str | None = None, published: datetime | None = None,
                   language: str | None = None, key: str | None = None) -> tuple[Article, bool]:
    """Store one local article under the source NAME, through the same path as polled ones."""
    source = strip_bidi(source)  # the outlet's name is shown like a title (see _clean)
    url = safe_url(url)  # before it becomes the dedup key; store_articles would drop it anyway (see _clean)
    feed = session.scalar(select(Feed).where(Feed.url == f"import:{source}"))
    if feed is None:
        feed = Feed(name=source, url=f"import:{source}", kind="import", enabled=False, language=language)
        session.add(feed)
        session.flush()
    title = title if title is not None else _first_line(text)
    published = published or utcnow()
    if published.tzinfo is None:
        published = published.replace(tzinfo=timezone.utc)
    item = ArticleIn(dedup_key="", title=title, text=text, html=html, url=url, published=published,
                     language=language)
    item.dedup_key = key or url or item.content_hash
    stored = store_articles(session, feed, [item], settings)
    art = session.scalar(select(Article).where(Article.feed_id == feed.id, Article.dedup_key == item.dedup_key))
    return art, bool(stored.new or stored.updated)


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:300]
    return ""


# ---------------------------------------------------------------- archives


@dataclass
class ArchiveResult:
    """What ``import_archive`` did: articles new, edited and unchanged, their claims, and the lines it skipped."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    claims: int = 0
    errors: list = field(default_factory=list)  # ingest.archive.ArchiveLineError, in file order


def _import_feed(session: Session, source: str, language: str | None) -> Feed:
    """The feed that stands for an imported source NAME (``import_article``'s), created on first use."""
    feed = session.scalar(select(Feed).where(Feed.url == f"import:{source}"))
    if feed is None:
        feed = Feed(name=source, url=f"import:{source}", kind="import", enabled=False, language=language)
        session.add(feed)
        session.flush()
    return feed


def import_archive(factory: sessionmaker[Session], settings: Settings, records, batch: int = 100,
                   progress: Callable[[], None] | None = None) -> ArchiveResult:
    """Store the articles of an archive (``ingest.archive.Archive``: records and line errors) through
    ``store_articles``, as ``import_article`` stores one file: the source NAME is the feed, the URL (or the
    content hash) the article's key, so importing the same archive twice changes nothing.

    Each ``batch`` of articles is one transaction: a stop loses at most one batch, and a bad line is
    only reported (``errors``), never a reason to drop the good lines around it. ``progress`` is
    called after each batch.
    """
    from ..ingest.archive import ArchiveLineError

    out = ArchiveResult()
    pending: list = []

    def flush() -> None:
        if not pending:
            return
        with writer_lock(factory), transaction(factory) as s:
            feeds: dict[str, Feed] = {}
            by_feed: dict[str, list[ArticleIn]] = {}
            for rec in pending:
                source = strip_bidi(rec.source)
                if source not in feeds:
                    feeds[source] = _import_feed(s, source, rec.language)
                url = safe_url(rec.url)
                item = ArticleIn(dedup_key="", title=rec.title if rec.title is not None else _first_line(rec.text),
                                 text=rec.text, url=url, published=rec.published, language=rec.language)
                item.dedup_key = url or item.content_hash
                by_feed.setdefault(source, []).append(item)
            for source, items in by_feed.items():
                stored = store_articles(s, feeds[source], items, settings)
                out.new += len(stored.new)
                out.updated += len(stored.updated)
                out.unchanged += stored.unchanged
                ids = stored.new + stored.updated
                if ids:
                    out.claims += s.scalar(select(func.count()).select_from(Claim).where(Claim.article_id.in_(ids)))
        pending.clear()
        if progress is not None:
            progress()

    for rec in records:
        if isinstance(rec, ArchiveLineError):
            out.errors.append(rec)
            continue
        pending.append(rec)
        if len(pending) >= batch:
            flush()
    flush()
    return out
