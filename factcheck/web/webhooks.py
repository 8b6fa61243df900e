"""The webhooks page (admins): register a URL for events, see each hook's deliveries, remove it.

A new hook's signing secret is shown once, in the page that answers the form (never in a flash
message, which would carry it in the session cookie), as on the tokens page.
"""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from .admin import admin_required
from .context import db, settings, ui_text as _t
from ..messages import N_
from ..store.webhooks import EVENTS, WebhookError, create_hook, hook_list, recent_deliveries, remove_hook

bp = Blueprint("webhooks", __name__, url_prefix="/admin/webhooks")

# What each event means, on the page (N_: translated through t() there).
EVENT_LABELS = {"claim.conflict": N_("a new conflicting match is stored"), "claim.decided": N_("a decision is recorded")}
STATES = (N_("pending"), N_("delivered"), N_("failed"))


def _page(*, secret: str | None = None, error: str | None = None, form: dict | None = None, status: int = 200):
    s = db()
    html = render_template("webhooks/index.html", hooks=hook_list(s), deliveries=recent_deliveries(s),
                           events=EVENTS, labels=EVENT_LABELS, new_secret=secret, error=error,
                           form=form or {"url": "", "events": list(EVENTS)})
    return html, status, {"Cache-Control": "no-store"} if secret else {}


@bp.get("")
@admin_required
def index():
    return _page()


@bp.post("")
@admin_required
def add():
    url = request.form.get("url", "")[:4000]
    events = [e for e in request.form.getlist("event")[:10]]
    s = db()
    try:
        _, secret = create_hook(s, url, events, allow_private=settings().allow_private_networks, user=current_user)
        s.commit()
    except WebhookError as exc:
        s.rollback()
        # The form comes back as it was sent, with the reason: nothing typed is lost.
        return _page(error=_t("webhook not added: {error}", error=str(exc)), form={"url": url, "events": events},
                     status=400)
    return _page(secret=secret, status=201)


@bp.post("/<int:hook_id>/remove")
@admin_required
def remove(hook_id: int):
    s = db()
    try:
        remove_hook(s, hook_id)
        s.commit()
    except WebhookError:
        s.rollback()
        abort(404, _t("webhook {id} does not exist", id=hook_id))
    flash(_t("webhook {id} removed", id=hook_id), "ok")
    return redirect(url_for("webhooks.index"), 303)
