"""Login (throttled per address and account), logout, one's own password, and the interface-language switch.

A signed-in browser's session cookie carries a random token whose hash is a row
of user_sessions (factcheck.store.review.start_session); the user loader (app.py)
accepts the cookie only while that row exists.
"""
from __future__ import annotations

import ipaddress
from urllib.parse import unquote

from flask import Blueprint, abort, flash, g, make_response, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.middleware.proxy_fix import ProxyFix

from .context import SESSION_TOKEN, db, settings, ui_text as _t
from ..i18n import LANGUAGES, explain
from ..store.review import (
    ReviewError,
    authenticate,
    change_password,
    end_session,
    login_succeeded,
    reserve_login,
    start_session,
)
from .params import local_path

bp = Blueprint("auth", __name__)


def _safe_next(target: str | None) -> str:
    """`target` if it is a path on this site, else the queue: an attacker's ?next= never leaves the site.

    Checked as typed and as each of its percent-decodings (a proxy or a browser may decode it), by
    the one parser of local redirect targets (web/params.local_path); never a 500.
    """
    fallback = url_for("queue.index")
    if not target or len(target) > 2000:
        return fallback
    seen = target
    for _ in range(4):
        if local_path(seen, fallback) != seen:
            return fallback
        decoded = unquote(seen)
        if decoded == seen:
            return target
        seen = decoded
    return fallback  # still decoding after four rounds: nothing a link of ours looks like


def _client_address() -> str:
    # The socket's address, or the one a trusted proxy forwarded (trust_proxies, FACTCHECK_TRUSTED_PROXIES).
    return request.remote_addr or "?"


def _too_many(template: str, wait: int, **context):
    flash(_t("Too many failed logins; wait a few minutes and try again."), "error")
    resp = make_response(render_template(template, **context), 429)
    resp.headers["Retry-After"] = str(wait)
    return resp


def _sign_in(s, user) -> None:
    """A fresh session for `user`: a new token (and row), and nothing kept from the session before,
    so the anonymous session's CSRF token is no longer valid and Flask-WTF issues a new one."""
    token = start_session(s, user)
    s.commit()
    session.clear()
    login_user(user)
    session[SESSION_TOKEN] = token


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        s = db()
        name = request.form.get("username", "")[:200]
        ip = _client_address()
        # Counted before the (slow) password hash: a guesser past the budget gets a cheap 429.
        wait = reserve_login(s, name, ip)
        if wait:
            return _too_many("auth/login.html", wait)
        user = authenticate(s, name, request.form.get("password", ""))
        if user is None:
            flash(_t("Wrong user name or password."), "error")
            return render_template("auth/login.html"), 401
        login_succeeded(s, name, ip)
        _sign_in(s, user)
        return redirect(_safe_next(request.args.get("next")))
    return render_template("auth/login.html")


@bp.post("/logout")
@login_required
def logout():
    s = db()
    end_session(s, session.get(SESSION_TOKEN))  # wherever this cookie was copied, it opens nothing now
    s.commit()
    session.clear()
    logout_user()
    return redirect(url_for("auth.login"))


@bp.route("/password", methods=["GET", "POST"])
@login_required
def password():
    """Change one's own password: every other session of the account ends, this browser stays signed in."""
    if request.method == "GET":
        return render_template("auth/password.html")
    new = request.form.get("new_password", "")
    if new != request.form.get("new_password_again", ""):
        flash(_t("The two new passwords differ."), "error")
        return render_template("auth/password.html"), 400
    s = db()
    name, ip = current_user.name, _client_address()
    # The current password is guessed no faster here than on the login page.
    wait = reserve_login(s, name, ip)
    if wait:
        return _too_many("auth/password.html", wait)
    user = authenticate(s, name, request.form.get("current_password", ""))
    if user is None or user.id != current_user.id:
        flash(_t("The current password is wrong."), "error")
        return render_template("auth/password.html"), 400
    login_succeeded(s, name, ip)
    try:
        change_password(s, user, new)
    except ReviewError as exc:
        s.commit()  # the current password was right: its try is not held against this address
        flash(explain(g.get("lang", "en"), exc), "error")
        return render_template("auth/password.html"), 400
    _sign_in(s, user)
    flash(_t("Password changed; your other sessions are signed out."), "ok")
    return redirect(url_for("queue.index"), 303)


@bp.post("/lang/<code>")
def set_language(code: str):
    if code not in LANGUAGES:
        abort(404, _t("unknown language {value}", value=repr(code)))
    resp = make_response(redirect(_safe_next(request.form.get("next")), 303))
    resp.set_cookie("lang", code, max_age=365 * 86400, httponly=True, samesite="Lax",
                    secure=settings().secure_cookies)
    return resp


# ---------------------------------------------------------------- the client's address behind proxies


class _ListedProxies:
    """X-Forwarded-For honoured only from the listed proxies: the client is the nearest address in
    the chain that is not one of them (what the first of our proxies saw)."""

    def __init__(self, app, networks) -> None:
        self.app = app
        self.networks = [ipaddress.ip_network(n) for n in networks]

    def _listed(self, address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in net for net in self.networks)

    def __call__(self, environ, start_response):
        remote = environ.get("REMOTE_ADDR", "")
        if self._listed(remote):
            client = remote
            for hop in reversed([h.strip() for h in environ.get("HTTP_X_FORWARDED_FOR", "").split(",")]):
                if not hop:
                    break
                client = hop
                if not self._listed(hop):
                    break
            environ["REMOTE_ADDR"] = client
            proto = environ.get("HTTP_X_FORWARDED_PROTO", "").split(",")[-1].strip().lower()
            if proto in ("http", "https"):
                environ["wsgi.url_scheme"] = proto
        return self.app(environ, start_response)


def trust_proxies(wsgi_app, trusted: int | tuple[str, ...]):
    """The WSGI app reading the client's address from X-Forwarded-For as FACTCHECK_TRUSTED_PROXIES says:
    a number of proxy hops (Werkzeug's ProxyFix), or the proxies' own addresses."""
    if isinstance(trusted, int):
        return ProxyFix(wsgi_app, x_for=trusted, x_proto=trusted) if trusted > 0 else wsgi_app
    return _ListedProxies(wsgi_app, trusted) if trusted else wsgi_app
