"""The API tokens page: each user makes and revokes their own tokens (CSRF-checked forms).

A new token's secret is shown once, in the page that answers the form (never in a redirect's
flash message, which would carry it in the session cookie); only its hash is stored.
"""
from __future__ import annotations

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from .context import db
from ..i18n import translate
from ..store.tokens import MAX_NAME, SCOPES, TokenError, create_token, revoke_token, user_tokens

bp = Blueprint("tokens", __name__)


def _page(new_secret: str | None = None, status: int = 200):
    rows = user_tokens(db(), current_user)
    return render_template("tokens/index.html", tokens=rows, scopes=SCOPES, new_secret=new_secret), status


@bp.get("/tokens")
@login_required
def index():
    return _page()


@bp.post("/tokens")
@login_required
def add():
    s = db()
    scope = request.form.get("scope", "read")
    if scope not in SCOPES:
        abort(400, translate(g.get("lang", "en"), "unknown scope {value}; use read or write", value=repr(scope[:40])))
    name = request.form.get("name", "").strip()
    if len(name) > MAX_NAME:
        abort(400, translate(g.get("lang", "en"), "a token's name is limited to {max} characters", max=MAX_NAME))
    _, secret = create_token(s, current_user, scope, name)
    s.commit()
    resp = _page(secret, 201)
    return resp[0], 201, {"Cache-Control": "no-store"}


@bp.post("/tokens/<int:token_id>/revoke")
@login_required
def revoke(token_id: int):
    s = db()
    try:
        revoke_token(s, token_id, current_user)
        s.commit()
    except TokenError:
        s.rollback()
        abort(404, translate(g.get("lang", "en"), "token {id} does not exist", id=token_id))
    flash(translate(g.get("lang", "en"), "token {id} revoked", id=token_id), "ok")
    return redirect(url_for("tokens.index"), 303)
