"""Login (rate-limited), logout, and the interface-language switch."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, abort, flash, g, make_response, redirect, render_template, request, url_for
from flask_login import login_required, login_user, logout_user

from ..app import db
from ..i18n import LANGUAGES, translate
from ..review import authenticate, login_blocked, record_login

bp = Blueprint("auth", __name__)


def _safe_next(target: str | None) -> str:
    # Only local paths: an attacker's ?next=https://evil must not become a redirect.
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target \
            and not urlsplit(target).netloc:
        return target
    return url_for("queue.index")


def _t(text: str) -> str:
    return translate(g.get("lang", "en"), text)


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        s = db()
        name = request.form.get("username", "")[:200]
        ip = request.remote_addr or "?"
        # Checked before the (slow) password hash: a guesser gets a cheap 429.
        if login_blocked(s, name, ip):
            flash(_t("Too many failed logins; wait a few minutes and try again."), "error")
            return render_template("auth/login.html"), 429
        user = authenticate(s, name, request.form.get("password", ""))
        record_login(s, name, ip, ok=user is not None)
        s.commit()
        if user is None:
            flash(_t("Wrong user name or password."), "error")
            return render_template("auth/login.html"), 401
        login_user(user)
        return redirect(_safe_next(request.args.get("next")))
    return render_template("auth/login.html")


@bp.post("/logout")
@login_required
def logout():
    logout_user()
    return redirect(url_for("auth.login"))


@bp.post("/lang/<code>")
def set_language(code: str):
    if code not in LANGUAGES:
        abort(404, translate(g.get("lang", "en"), "unknown language {value}", value=repr(code)))
    resp = make_response(redirect(_safe_next(request.form.get("next")), 303))
    resp.set_cookie("lang", code, max_age=365 * 86400, httponly=True, samesite="Lax")
    return resp
