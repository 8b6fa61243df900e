"""The review queue, a claim with its evidence, decisions, bulk decisions and undo."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

import time as _time

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import distinct, func, select, tuple_
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload, selectinload

from .context import db, ui_text as _t
from ..extract.calendar import to_hijri
from ..i18n import explain, stored_reason
from ..store.models import CLAIM_KINDS, CLAIM_STATUSES, Article, Claim, Decision, Feed, Match, utcnow
from ..store.pipeline import match_claim
from ..store.review import MAX_NOTE, MissingClaim, ReviewError, StaleClaim, decide, decide_many, touch_lock, undo
from ..text.normalize import normalize
from .params import MAX_ID, form_note, form_status, local_path, optional_int, parse_int, ticked_claims

bp = Blueprint("queue", __name__)

PAGE_SIZE = 50
MAX_PAGE = 1000  # deeper than this, use the keyset link ("Older"), which stays fast at any depth
MAX_QUERY = 200
DECIDE_STATUSES = ("corroborated", "disputed", "unverifiable", "skipped")

# Queue order: conflicts first, then most independent sources, then newest.
# Matches the ix_claims_queue index column for column, so every page is an
# index range scan whatever its depth.
RANK = (Claim.n_conflicts, Claim.n_sources, Claim.published, Claim.id)


def _rank_of(c: Claim) -> tuple:
    return (c.n_conflicts, c.n_sources, c.published, c.id)


def _after(key: tuple):
    return tuple_(*RANK) < tuple_(*key)


def _before(key: tuple):
    return tuple_(*RANK) > tuple_(*key)


# ---------------------------------------------------------------- filters


@dataclass
class Filters:
    status: str = "pending"
    kind: str = ""
    source: int | None = None
    language: str = ""
    speaker: str = ""
    date_from: date | None = None
    date_to: date | None = None
    q: str = ""

    def args(self) -> dict:
        """As query-string arguments (empty ones left out), for links that keep the filters."""
        out = {"status": self.status, "kind": self.kind, "source": self.source, "language": self.language,
               "speaker": self.speaker, "from": self.date_from.isoformat() if self.date_from else None,
               "to": self.date_to.isoformat() if self.date_to else None, "q": self.q}
        return {k: v for k, v in out.items() if v not in (None, "")}

    def apply(self, stmt):
        stmt = stmt.where(Claim.status == self.status)
        if self.kind:
            stmt = stmt.where(Claim.kind == self.kind)
        if self.source is not None:
            stmt = stmt.where(Claim.feed_id == self.source)
        if self.language:
            stmt = stmt.where(Claim.language == self.language)
        if self.speaker:
            stmt = stmt.where(Claim.speaker.ilike(f"%{_escape_like(self.speaker)}%", escape="\\"))
        if self.date_from:
            stmt = stmt.where(Claim.published >= datetime.combine(self.date_from, time(), timezone.utc))
        if self.date_to:
            stmt = stmt.where(Claim.published < datetime.combine(self.date_to + timedelta(days=1), time(),
                                                                 timezone.utc))
        if self.q:
            # Same folding as matching: hamza/alef/ta marbuta/diacritics/digits, English case.
            folded = normalize(self.q)
            if folded:
                stmt = stmt.where(Claim.norm_text.contains(folded, autoescape=True))
        return stmt


def _escape_like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _parse_date(raw: str | None, name: str) -> date | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        abort(400, _t("{name} must be a date like 2025-11-07, got {value}", name=name, value=repr(raw[:40])))


def parse_filters(a) -> Filters:
    f = Filters()
    f.status = a.get("status") or "pending"
    if f.status not in CLAIM_STATUSES:
        abort(400, _t("unknown status {value}; use one of {choices}", value=repr(f.status[:40]),
                      choices=", ".join(CLAIM_STATUSES)))
    f.kind = a.get("kind") or ""
    if f.kind and f.kind not in CLAIM_KINDS:
        abort(400, _t("unknown kind {value}; use one of {choices}", value=repr(f.kind[:40]),
                      choices=", ".join(CLAIM_KINDS)))
    f.source = optional_int(a.get("source"), "source")
    f.language = (a.get("language") or "")[:8]
    f.speaker = (a.get("speaker") or "").strip()
    f.q = (a.get("q") or "").strip()
    if len(f.speaker) > MAX_QUERY or len(f.q) > MAX_QUERY:
        abort(400, _t("search text is limited to {max} characters", max=MAX_QUERY))
    f.date_from = _parse_date(a.get("from"), "from")
    f.date_to = _parse_date(a.get("to"), "to")
    return f


def _int_arg(name: str, lo: int, hi: int) -> int | None:
    return optional_int(request.args.get(name), name, lo, hi)


# ---------------------------------------------------------------- queue


PENDING_TTL = 3.0  # seconds


def _pending_count(s) -> int:
    """Pending claims, cached per process for a few seconds.

    Counting 80k pending rows walks the whole index range (about 20 ms on
    SQLite), which would be the most expensive part of every queue page; a
    badge a few seconds old is fine. Today's decided counts stay exact (they
    read only today's slice of the decisions index).
    """
    cache = current_app.extensions.setdefault("factcheck.pending_count", {})
    now = _time.monotonic()
    if cache.get("until", 0) < now:
        cache["value"] = s.scalar(select(func.count()).select_from(Claim).where(Claim.status == "pending")) or 0
        cache["until"] = now + PENDING_TTL
    return cache["value"]


def _forget_pending_count() -> None:
    current_app.extensions.get("factcheck.pending_count", {}).pop("until", None)


def _counts(s) -> dict[str, int]:
    today = datetime.combine(utcnow().date(), time(), timezone.utc)

    def decided(status: str) -> int:
        return s.scalar(select(func.count(distinct(Decision.claim_id)))
                        .where(Decision.at >= today, Decision.status == status)) or 0

    return {"pending": _pending_count(s), "corroborated": decided("corroborated"), "disputed": decided("disputed")}


@bp.get("/")
@login_required
def home():
    # Events first (issue 22): the story queue, the claim queue one click away from it.
    return redirect(url_for("stories.index"))


@bp.get("/queue")
@login_required
def index():
    s = db()
    f = parse_filters(request.args)
    page = _int_arg("page", 1, MAX_PAGE) or 1
    after_id = _int_arg("after", 1, MAX_ID)
    # The source name comes straight from feeds (claims carry feed_id): loading
    # each row's article would drag 50 article bodies into every page.
    stmt = (f.apply(select(Claim, Feed.name)).join(Feed, Feed.id == Claim.feed_id)
            .options(joinedload(Claim.locked_by)))
    if after_id is not None:
        anchor = s.get(Claim, after_id)
        if anchor is None:
            abort(400, _t("claim {id} does not exist (the queue moved on; start from the first page)", id=after_id))
        stmt = stmt.where(_after(_rank_of(anchor)))
    else:
        stmt = stmt.offset((page - 1) * PAGE_SIZE)
    stmt = stmt.order_by(*(col.desc() for col in RANK)).limit(PAGE_SIZE + 1)
    rows = s.execute(stmt).unique().all()
    has_next = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    claims = [c for c, _ in rows]
    feeds = s.execute(select(Feed.id, Feed.name).order_by(Feed.name)).all()
    now = utcnow()
    return render_template("queue/index.html", claim_base=url_for("queue.claim", claim_id=0)[:-1], claims=claims, rows=rows, has_next=has_next, f=f, counts=_counts(s),
                           feeds=feeds, statuses=CLAIM_STATUSES, kinds=CLAIM_KINDS, decide_statuses=DECIDE_STATUSES,
                           paged=after_id is not None or page > 1, now=now, lock_ttl=timedelta(minutes=10))


@bp.post("/queue/decide")
@login_required
def bulk_decide():
    s = db()
    status = form_status(request.form, DECIDE_STATUSES)
    ids, versions = ticked_claims(request.form, _t("select at least one claim"))
    note = form_note(request.form)
    done, problems = decide_many(s, ids, current_user, status, note, versions)
    s.commit()
    _forget_pending_count()
    if done:
        flash(_t("{count} × {status}", count=len(done), status=status), "ok")
    lang = g.get("lang", "en")
    for p in problems:  # each refused claim, as its message's template and values
        flash(explain(lang, p), "error")
    return redirect(local_path(request.form.get("back"), url_for("queue.index"), under="/queue"), 303)


# ---------------------------------------------------------------- one claim


_HIJRI = re.compile(r"هـ|هجري|محرم|صفر|ربيع|جمادى|رجب|شعبان|رمضان|شوال|ذو القعدة|ذو الحجة|\bAH\b|Hijri", re.I)


def hijri_of(c: Claim) -> str | None:
    """The Hijri form of a resolved date, shown when the article itself gave a Hijri date."""
    if not c.date_value or not c.date_text or not _HIJRI.search(c.date_text) or len(c.date_value) != 10:
        return None
    try:
        h = to_hijri(date.fromisoformat(c.date_value))
    except ValueError:
        return None
    return f"{h.day} {h.month_name('ar')} {h.year} هـ" if h is not None else None


def in_context(c: Claim) -> tuple[str, str, str]:
    """(before, claim, after): the claim inside its paragraph, for highlighting."""
    text = c.article.text or ""
    para = None
    anchor = c.sentence or c.text
    for p in re.split(r"\n\s*\n|\n", text):
        if anchor and anchor in p:
            para = p
            break
    para = para or c.sentence or c.text
    i = para.find(c.text)
    if i < 0:
        return para, "", ""
    return para[:i], c.text, para[i + len(c.text):]


def sides(m: Match) -> tuple[list, list]:
    """The word diff split for the two columns: ours shows what only we say, theirs what only they say."""
    if not m.diff:
        return [], []
    mine, theirs = [], []
    for op, words in m.diff:
        words = words if isinstance(words, str) else " ".join(words)
        if op in ("equal", "delete"):
            mine.append((op, words))
        if op in ("equal", "insert"):
            theirs.append((op, words))
        if op == "spelled" and theirs:  # the equal part just before, in the other outlet's own spelling
            theirs[-1] = ("equal", words)
    return mine, theirs


def reason_of(m: Match) -> str:
    """Why the two claims match, in the interface language (``i18n.stored_reason``)."""
    return stored_reason(g.get("lang", "en"), m.reason_data, m.reason)


def _neighbour(s, c: Claim, forward: bool) -> int | None:
    """The next (or previous) pending claim in queue order, relative to c's rank."""
    cond = _after(_rank_of(c)) if forward else _before(_rank_of(c))
    order = [col.desc() if forward else col.asc() for col in RANK]
    return s.scalar(select(Claim.id).where(Claim.status == "pending", cond, Claim.id != c.id)
                    .order_by(*order).limit(1))


@bp.get("/claims/<int:claim_id>")
@login_required
def claim(claim_id: int):
    s = db()
    c = s.scalar(
        select(Claim).where(Claim.id == claim_id).options(
            joinedload(Claim.article).joinedload(Article.feed),
            joinedload(Claim.locked_by),
            selectinload(Claim.matches).joinedload(Match.other).joinedload(Claim.article).joinedload(Article.feed),
            selectinload(Claim.decisions).joinedload(Decision.user),
            selectinload(Claim.decisions).joinedload(Decision.token),
        )
    )
    if c is None:
        abort(404, _t("claim {id} does not exist", id=claim_id))
    holder = touch_lock(s, c, current_user)
    s.commit()
    return render_template("queue/claim.html", claim=c, holder=holder, context=in_context(c), hijri=hijri_of(c),
                           sides=sides, reason_of=reason_of, next_id=_neighbour(s, c, True),
                           prev_id=_neighbour(s, c, False), max_note=MAX_NOTE)


@bp.post("/claims/<int:claim_id>/lock")
@login_required
def keep_lock(claim_id: int):
    """Heartbeat from review.js while the editor is active on the page (CSRF-checked like any POST)."""
    s = db()
    c = s.get(Claim, claim_id)
    if c is None:
        abort(404, _t("claim {id} does not exist", id=claim_id))
    holder = touch_lock(s, c, current_user)
    s.commit()
    return {"holder": holder.name if holder else None}


@bp.post("/claims/<int:claim_id>/decide")
@login_required
def decide_view(claim_id: int):
    s = db()
    status = form_status(request.form, DECIDE_STATUSES)
    c = s.get(Claim, claim_id)
    if c is None:
        abort(404, _t("claim {id} does not exist; nothing was saved", id=claim_id))
    note = form_note(request.form)
    # The version the editor saw, required: a form without it would overwrite unseen whatever
    # another editor decided since.
    version = parse_int(request.form.get("version"), "version", 1)
    rank = _rank_of(c)
    try:
        decide(s, claim_id, current_user, status, note, expected_version=version)
        s.commit()
        _forget_pending_count()
    except StaleClaim as exc:
        s.rollback()
        flash(explain(g.get("lang", "en"), exc), "error")
        return redirect(url_for("queue.claim", claim_id=claim_id)), 303
    except ReviewError as exc:
        s.rollback()
        abort(404 if isinstance(exc, MissingClaim) else 400, explain(g.get("lang", "en"), exc))
    flash(f"#{claim_id}: {_t(status)}", "ok")
    # The next claim opens: the first pending one after this claim's place in the queue.
    nxt = s.scalar(select(Claim.id).where(Claim.status == "pending", _after(rank))
                   .order_by(*(col.desc() for col in RANK)).limit(1))
    if nxt is None:
        nxt = s.scalar(select(Claim.id).where(Claim.status == "pending")
                       .order_by(*(col.desc() for col in RANK)).limit(1))
    return redirect(url_for("queue.claim", claim_id=nxt) if nxt else url_for("queue.index"), 303)


@bp.post("/claims/<int:claim_id>/rematch")
@login_required
def rematch_view(claim_id: int):
    """Match the claim again against what the other sources reported, with today's index and settings.

    The same code path as a polled or imported article (pipeline.match_claim);
    two editors pressing it at once both end with the same, fresh matches.
    """
    s = db()
    c = s.get(Claim, claim_id)
    if c is None:
        abort(404, _t("claim {id} does not exist", id=claim_id))
    try:
        stored = match_claim(s, c, current_app.extensions["factcheck.settings"])
        s.commit()
    except IntegrityError:
        # Another editor's re-match of this claim committed first (PostgreSQL):
        # theirs is the same computation, so the page shows it.
        s.rollback()
        stored = s.scalars(select(Match).where(Match.claim_id == claim_id)).all()
    flash(f"#{claim_id}: " + _t("matched again against the other sources; matches now: {n}", n=len(stored)), "ok")
    return redirect(url_for("queue.claim", claim_id=claim_id), 303)


@bp.post("/undo")
@login_required
def undo_view():
    s = db()
    try:
        d = undo(s, current_user)
        s.commit()
        _forget_pending_count()
    except (StaleClaim, ReviewError) as exc:
        # Someone decided the claim since, "nothing to undo", or the claim vanished.
        s.rollback()
        flash(explain(g.get("lang", "en"), exc), "error")
        return redirect(request.referrer if _local(request.referrer) else url_for("queue.index"), 303)
    flash(f"#{d.claim_id}: {_t('undo')} → {_t(d.status)}", "ok")
    return redirect(url_for("queue.claim", claim_id=d.claim_id), 303)


def _local(url: str | None) -> bool:
    if not url:
        return False
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return parts.netloc == request.host and parts.path.startswith("/")


MAX_PAGE_URL = 2000  # articles.url


@bp.route("/import", methods=["GET", "POST"])
@login_required
def import_page():
    """An editor's "Import a page": the URL's page fetched and stored as an article, as
    `factcheck import --url` does (store.polling.import_pages: the guarded fetcher with its
    private-address checks, size and time limits, robots.txt, then trafilatura and the pipeline).

    A page that cannot be had stores nothing and gives the form back with the URL and source as
    typed and the reason; an imported page shows the claims found in it.
    """
    from ..store.polling import import_pages

    if request.method == "GET":
        return render_template("queue/import.html", url="", source="", error=None, result=None)
    url = request.form.get("url", "").strip()
    source = request.form.get("source", "").strip()
    error = None
    if not url:
        error = _t("paste the address of a page")
    elif len(url) > MAX_PAGE_URL or any(ord(ch) < 33 or ord(ch) == 127 for ch in url):
        error = _t("not a page address: {url}", url=url[:200])
    elif not url.lower().startswith(("http://", "https://")):
        error = _t("a page address starts with http:// or https://")
    elif len(source) > 200:
        error = _t("the source name is too long (at most {n} characters)", n=200)
    if error:
        return render_template("queue/import.html", url=url[:MAX_PAGE_URL], source=source[:200], error=error,
                               result=None), 400
    settings = current_app.extensions["factcheck.settings"]
    [(_, art_id, _n, failure)] = import_pages(current_app.extensions["factcheck.sessions"], settings, [url],
                                              source=source or None)
    if failure:
        return render_template("queue/import.html", url=url, source=source, result=None,
                               error=_t("the page could not be imported: {reason}", reason=failure)), 422
    s = db()
    art = s.get(Article, art_id)
    claims = s.scalars(select(Claim).where(Claim.article_id == art_id).order_by(Claim.id)).all()
    _forget_pending_count()
    return render_template("queue/import.html", url="", source="", error=None,
                           result={"article": art, "claims": claims, "feed": s.get(Feed, art.feed_id)})
