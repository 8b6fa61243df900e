"""Admin pages: users, and feeds with their health (enable, disable, poll now)."""
from __future__ import annotations

from functools import wraps
from urllib.parse import urlsplit

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from .context import db, settings, ui_text as _t
from ..i18n import explain, translate_plural
from ..messages import N_
from ..store.models import ROLES, Feed, User
from ..store.review import ReviewError, count_sessions, create_user, end_all_sessions
from ..text.bidi import strip_bidi

bp = Blueprint("admin", __name__, url_prefix="/admin")


def admin_required(view):
    @wraps(view)
    @login_required
    def wrapper(*args, **kwargs):
        if not current_user.is_admin:
            abort(403, _t("this page is for admins"))
        return view(*args, **kwargs)

    return wrapper


@bp.get("/users")
@admin_required
def users():
    s = db()
    rows = s.scalars(select(User).order_by(User.name)).all()
    return render_template("admin/users.html", users=rows, roles=ROLES, sessions=count_sessions(s))


@bp.post("/users")
@admin_required
def add_user():
    s = db()
    try:
        create_user(s, request.form.get("name", "")[:80], request.form.get("password", ""),
                    request.form.get("role", "editor"))
        s.commit()
    except ReviewError as exc:
        s.rollback()
        flash(explain(g.get("lang", "en"), exc), "error")
        return redirect(url_for("admin.users"), 303)
    flash(_t("user {name} added", name=repr(request.form.get("name", "").strip())), "ok")
    return redirect(url_for("admin.users"), 303)


@bp.post("/users/<int:user_id>/sign-out")
@admin_required
def sign_out_everywhere(user_id: int):
    """End every session of the user, in every browser and process (a lost laptop, a leaked cookie)."""
    s = db()
    user = s.get(User, user_id)
    if user is None:
        abort(404, _t("user {id} does not exist", id=user_id))
    ended = end_all_sessions(s, user)
    s.commit()
    flash(translate_plural(g.get("lang", "en"), "{name} is signed out everywhere ({n} session ended)",
                           "{name} is signed out everywhere ({n} sessions ended)", ended, name=repr(user.name)), "ok")
    return redirect(url_for("admin.users"), 303)


@bp.get("/feeds")
@admin_required
def feeds():
    rows = db().scalars(select(Feed).where(Feed.kind == "feed").order_by(Feed.name)).all()
    return render_template("admin/feeds.html", feeds=rows)


@bp.post("/feeds")
@admin_required
def add_feed():
    s = db()
    url = request.form.get("url", "").strip()
    name = strip_bidi(request.form.get("name", "")).strip()[:200]
    # Only http(s) from the web: file: (and anything else) would let a browser
    # session read the server's disk; feeds.yaml is the place for local files.
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or len(url) > 2000:
        abort(400, _t("a feed URL must start with http:// or https://"))
    if s.scalar(select(Feed).where(Feed.url == url)) is not None:
        flash(_t("{url} is already a feed", url=url), "error")
        return redirect(url_for("admin.feeds"), 303)
    lang = request.form.get("language", "")
    s.add(Feed(name=name or parts.netloc, url=url, kind="feed", language=lang if lang in ("ar", "en") else None,
               enabled=True, from_config=False, allow_private=False))
    s.commit()
    flash(_t("feed {url} added", url=url), "ok")
    return redirect(url_for("admin.feeds"), 303)


def _feed(feed_id: int) -> Feed:
    f = db().get(Feed, feed_id)
    if f is None or f.kind != "feed":
        abort(404, _t("feed {id} does not exist", id=feed_id))
    return f


@bp.post("/feeds/<int:feed_id>/enable")
@admin_required
def enable(feed_id: int):
    f = _feed(feed_id)
    f.enabled, f.disabled_reason = True, None
    db().commit()
    return redirect(url_for("admin.feeds"), 303)


@bp.post("/feeds/<int:feed_id>/disable")
@admin_required
def disable(feed_id: int):
    f = _feed(feed_id)
    f.enabled = False
    f.disabled_reason = f"disabled by {current_user.name}"
    db().commit()
    return redirect(url_for("admin.feeds"), 303)


@bp.post("/feeds/<int:feed_id>/poll")
@admin_required
def poll_now(feed_id: int):
    from ..store.polling import poll_feed

    _feed(feed_id)
    db().rollback()  # release our read before the poll writes from its own sessions
    # The very function the background poller calls: one code path.
    out = poll_feed(current_app.extensions["factcheck.sessions"], feed_id, settings())
    if out.error:
        # The feed's own error (a status line, a network error) is shown as the poller wrote it,
        # as on the feeds table.
        flash(_t("poll failed: {error}", error=out.error), "error")
    elif out.not_modified:
        flash(_t("polled: not modified"), "ok")
    else:
        flash(_t("polled: {new} new, {updated} updated", new=out.new, updated=out.updated), "ok")
    return redirect(url_for("admin.feeds"), 303)


@bp.get("/feeds.opml")
@admin_required
def export_opml():
    """The feed list as OPML, for another reader or another factcheck (`factcheck feeds export-opml`)."""
    from ..store.polling import export_opml as build

    return current_app.response_class(build(db()), mimetype="text/x-opml",
                                      headers={"Content-Disposition": "attachment; filename=factcheck-feeds.opml"})


@bp.post("/feeds/opml")
@admin_required
def import_opml():
    """Add the feeds of an uploaded OPML file (`factcheck feeds import-opml`); bad OPML writes nothing."""
    from ..ingest.opml import OpmlError, parse_opml
    from ..store.polling import import_opml as add

    upload = request.files.get("opml")
    if upload is None or not upload.filename:
        flash(_t("choose an OPML file to import"), "error")
        return redirect(url_for("admin.feeds"), 303)
    try:
        items = parse_opml(upload.read(), source=strip_bidi(upload.filename)[:200])
    except OpmlError as exc:
        flash(_t("OPML not imported: {error}", error=str(exc)), "error")
        return redirect(url_for("admin.feeds"), 303)
    s = db()
    counts = add(s, items)
    s.commit()
    flash(_t("OPML imported: {added} feeds added, {existing} already followed", **counts), "ok")
    return redirect(url_for("admin.feeds"), 303)


@bp.post("/feeds/<int:feed_id>/full-text")
@admin_required
def set_full_text(feed_id: int):
    """Whether the page behind each entry's link is fetched: auto (a teaser), always, never."""
    from ..ingest.fulltext import FULL_TEXT_MODES

    f = _feed(feed_id)
    mode = request.form.get("full_text", "")
    if mode not in FULL_TEXT_MODES:
        abort(400, _t("full text must be auto, always or never"))
    f.full_text = mode
    db().commit()
    shown = {"auto": N_("when the entry is a teaser"), "always": N_("always"), "never": N_("never fetch")}[mode]
    flash(_t("full text for {name}: {mode}", name=f.name, mode=_t(shown)), "ok")
    return redirect(url_for("admin.feeds"), 303)
