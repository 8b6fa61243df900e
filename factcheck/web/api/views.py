"""The /api/v1/ routes: claims, decisions, articles, feeds, ClaimReview, and the OpenAPI document."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

from flask import current_app, g, jsonify, request
from sqlalchemy import select

from . import bp, fail
from .body import decision_json, json_body, only_fields, status_and_note, string_field
from ..context import db, settings
from ..params import MAX_ID, optional_int
from ..queue import DECIDE_STATUSES, MAX_QUERY
from ...export import ExportConfigError, load_export_config
from ...export.claimreview import claim_review
from ...store.claim_search import ClaimQuery, SearchError, article_claims, claim_detail, claim_page
from ...store.db import begin_write
from ...store.models import Claim, Feed, utc_iso
from ...store.reports import ExportFilters, FilterError
from ...store.review import MissingClaim, ReviewError, StaleClaim, decide
from ...text.urls import safe_url

DEFAULT_LIMIT, MAX_LIMIT = 50, 200
CLAIM_FIELDS = ("id", "kind", "text", "sentence", "start", "end", "speaker", "verb", "direct", "date", "grain",
                "date_text", "value", "unit", "status", "story", "version", "article", "matches", "decisions")
FILTER_ARGS = ("status", "kind", "source", "language", "editor", "since", "until", "by")
LIST_ARGS = (*FILTER_ARGS, "speaker", "q", "cursor", "limit", "fields")
REVIEW_ARGS = (*FILTER_ARGS, "cursor", "limit")


def _only(allowed: tuple[str, ...]) -> None:
    unknown = sorted(set(request.args) - set(allowed))
    if unknown:
        fail(400, f"unknown parameter {unknown[0][:40]!r}; use {', '.join(allowed)}")


def _filters() -> ExportFilters:
    a = request.args
    for name in ("editor", "since", "until", "by"):
        if len(a.getlist(name)) > 1:
            fail(400, f"{name} may be given once")
    try:
        return ExportFilters.parse(statuses=a.getlist("status"), kinds=a.getlist("kind"), sources=a.getlist("source"),
                                   languages=a.getlist("language"), editor=a.get("editor"), since=a.get("since"),
                                   until=a.get("until"), by=a.get("by") or "article")
    except FilterError as exc:
        fail(400, str(exc))


def _page_args() -> tuple[int, int]:
    after = optional_int(request.args.get("cursor"), "cursor", 1, MAX_ID) or 0
    limit = optional_int(request.args.get("limit"), "limit", 1, MAX_LIMIT) or DEFAULT_LIMIT
    return after, limit


def _fields() -> tuple[str, ...] | None:
    raw = request.args.get("fields")
    if raw is None or not raw.strip():
        return None
    wanted = tuple(dict.fromkeys(f.strip() for f in raw.split(",") if f.strip()))
    bad = [f for f in wanted if f not in CLAIM_FIELDS]
    if bad:
        fail(400, f"unknown field {bad[0][:40]!r}; use {', '.join(CLAIM_FIELDS)}")
    return ("id", *[f for f in wanted if f != "id"])


def _trim(row: dict, fields: tuple[str, ...] | None) -> dict:
    return row if fields is None else {k: row[k] for k in fields}


def _text_arg(name: str) -> str:
    value = (request.args.get(name) or "").strip()
    if len(value) > MAX_QUERY:
        fail(400, f"{name} is limited to {MAX_QUERY} characters")
    return value


@bp.get("/claims")
def claims():
    _only(LIST_ARGS)
    filters = _filters()
    after, limit = _page_args()
    fields = _fields()
    query = ClaimQuery(filters=filters, speaker=_text_arg("speaker"), q=_text_arg("q"), after=after, limit=limit)
    try:
        rows, nxt = claim_page(db(), query)
    except (FilterError, SearchError) as exc:
        fail(400, str(exc))
    return jsonify(claims=[_trim(r, fields) for r in rows], next=str(nxt) if nxt else None)


@bp.get("/claims/<int:claim_id>")
def claim(claim_id: int):
    _only(("fields",))
    fields = _fields()
    row = claim_detail(db(), claim_id)
    if row is None:
        fail(404, f"claim {claim_id} does not exist")
    return jsonify(_trim(row, fields))


@bp.post("/claims/<int:claim_id>/decisions")
def add_decision(claim_id: int):
    body = json_body()
    only_fields(body, ("status", "note", "version"))
    status, note = status_and_note(body, DECIDE_STATUSES)
    version = body.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= MAX_ID:
        fail(400, "version is required: the claim's version you saw (a whole number, from GET /claims/{id})")
    s = db()
    begin_write(s)  # SQLite: the write lock before the first read, so a concurrent writer meets the version check
    try:
        d = decide(s, claim_id, g.caller.user, status, note, expected_version=version, token_id=g.caller.token_id)
        claim_row = s.get(Claim, claim_id)
        out = {"decision": decision_json(d, g.caller.user.name),
               "claim": {"id": claim_id, "status": claim_row.status, "version": claim_row.version}}
        s.commit()
    except StaleClaim as exc:
        s.rollback()
        fresh = s.get(Claim, claim_id)
        fail(409, str(exc), changed_by=exc.by, status=exc.status, version=fresh.version if fresh else None)
    except MissingClaim as exc:
        s.rollback()
        fail(404, str(exc))
    except ReviewError as exc:
        s.rollback()
        fail(400, str(exc))
    current_app.extensions.get("factcheck.pending_count", {}).pop("until", None)  # the queue's badge
    return jsonify(out), 201


ARTICLE_FIELDS = ("source", "title", "text", "html", "url", "published", "language")


@bp.post("/articles")
def add_article():
    from ...ingest.sanitize import html_to_text, sanitize_html
    from ...store.pipeline import import_article

    body = json_body()
    only_fields(body, ARTICLE_FIELDS)
    source = string_field(body, "source", required=True, limit=200).strip()
    title = string_field(body, "title", limit=1000)
    text = string_field(body, "text", limit=1_000_000)
    html = string_field(body, "html", limit=1_000_000)
    if (text is None) == (html is None):
        fail(400, "give the article as text or as html (one of them)")
    if html is not None:
        text, html = html_to_text(html), sanitize_html(html)
    if not (text or "").strip():
        fail(400, "the article has no text")
    url = string_field(body, "url", limit=2000)
    if url is not None and safe_url(url) is None:
        fail(400, "url must be an absolute http(s) URL")
    published = string_field(body, "published", limit=40)
    when = None
    if published is not None:
        try:
            when = datetime.fromisoformat(published)
        except ValueError:
            fail(400, f"published must be an ISO 8601 time like 2025-11-07T22:13:00+02:00, got {published!r}")
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
    language = string_field(body, "language", limit=8)
    if language is not None and language not in ("ar", "en"):
        fail(400, "language must be ar or en (or left out: detected)")
    s = db()
    begin_write(s)
    art, changed = import_article(s, settings(), source=source, text=text, html=html, title=title, url=url,
                                  published=when, language=language)
    s.commit()
    rows = article_claims(s, art.id)
    out = {"article": {"id": art.id, "source": art.feed.name, "title": art.title, "url": art.url,
                       "published": utc_iso(art.published),
                       "language": art.language},
           "created": changed, "claims": rows}
    return jsonify(out), 201 if changed else 200


def _shown_url(url: str) -> str:
    """The feed's URL without a user name or password in it (``https://***@host/feed``)."""
    scheme, sep, rest = url.partition("://")
    host, slash, path = rest.partition("/")
    if sep and "@" in host:
        return f"{scheme}://***@{host.rsplit('@', 1)[1]}{slash}{path}"
    return url


def _feed_row(f: Feed) -> dict:
    return {"id": f.id, "name": f.name, "url": _shown_url(f.url), "kind": f.kind, "language": f.language, "enabled": f.enabled,
            "interval_minutes": f.interval_minutes, "last_polled_at": utc_iso(f.last_polled_at),
            "last_success_at": utc_iso(f.last_success_at), "next_poll_at": utc_iso(f.next_poll_at),
            "last_status": f.last_status, "error_count": f.error_count, "last_error": f.last_error,
            "disabled_reason": f.disabled_reason, "full_text": f.full_text,
            "page_error_count": f.page_error_count, "last_page_error": f.last_page_error}


@bp.get("/feeds")
def feeds():
    _only(())
    rows = db().scalars(select(Feed).order_by(Feed.name, Feed.id)).all()
    return jsonify(feeds=[_feed_row(f) for f in rows])


@bp.post("/feeds/<int:feed_id>/poll")
def poll(feed_id: int):
    from ...store.polling import poll_feed

    if not g.caller.user.is_admin:
        fail(403, "polling a feed is for admins")
    s = db()
    f = s.get(Feed, feed_id)
    if f is None:
        fail(404, f"feed {feed_id} does not exist")
    s.rollback()  # release our read before the poll writes from its own sessions
    out = poll_feed(current_app.extensions["factcheck.sessions"], feed_id, settings())
    return jsonify(feed_id=feed_id, status=out.status, new=out.new, updated=out.updated,
                   not_modified=out.not_modified, error=out.error)


@bp.get("/claimreview")
def claimreview():
    _only(REVIEW_ARGS)
    filters = _filters()
    after, limit = _page_args()
    try:
        config = load_export_config()
    except ExportConfigError as exc:
        fail(503, f"the ClaimReview settings are wrong: {exc}", code="misconfigured")
    published = config.published_statuses
    keep = tuple(x for x in (filters.statuses or published) if x in published)
    if not keep:
        return jsonify(reviews=[], next=None)
    try:
        rows, nxt = claim_page(db(), ClaimQuery(filters=replace(filters, statuses=keep), after=after, limit=limit))
    except FilterError as exc:
        fail(400, str(exc))
    reviews = [node for node in (claim_review(r, config) for r in rows) if node is not None]
    return jsonify(reviews=reviews, next=str(nxt) if nxt else None)


@bp.get("/openapi.json")
def openapi():
    from .openapi import document

    return jsonify(document())
