"""Error pages (400, 403, 404, 405, 413, 429, 500 ...) in the app's layout and the reader's language.

Werkzeug's default page is a bare English document; here every HTTP error
raised by abort(), by routing, by Flask-WTF's CSRF check or by an unhandled
exception (500) is shown inside base.html, so it carries the language switch
and <html dir="rtl"> in Arabic. The app's own reasons given to abort() arrive
already translated (lower layers' errors through factcheck.i18n.explain()).
Reasons worded outside the app (Werkzeug's default descriptions, Flask-WTF's
CSRF refusals) arrive as fixed English sentences and are looked up whole in the
catalog; nothing with a value in it is ever read back from its English.
"""
from __future__ import annotations

import re

from flask import Flask, current_app, g, make_response, render_template, request
from markupsafe import escape
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException, ServiceUnavailable

from ..store.db import is_busy
from ..i18n import direction, pick_language, translate
from ..messages import N_

_ARABIC = re.compile("[\u0600-\u06ff]")


# Sentences worded outside the app, shown as they arrive: Werkzeug's error names and default
# descriptions, Flask-WTF's CSRF refusals, Flask-Login's login prompt (flashed). Listed here so
# the catalog has them (factcheck/translations); looked up whole when shown.
FOREIGN_MESSAGES = (
    N_('Bad Request'),
    N_('Unauthorized'),
    N_('Forbidden'),
    N_('Not Found'),
    N_('Method Not Allowed'),
    N_('Conflict'),
    N_('Request Entity Too Large'),
    N_('Too Many Requests'),
    N_('Internal Server Error'),
    N_('Service Unavailable'),
    N_('The browser (or proxy) sent a request that this server could not understand.'),
    N_("The server could not verify that you are authorized to access the URL requested. You either supplied the wrong credentials (e.g. a bad password), or your browser doesn't understand how to supply the credentials required."),
    N_("You don't have the permission to access the requested resource. It is either read-protected or not readable by the server."),
    N_('The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.'),
    N_('The method is not allowed for the requested URL.'),
    N_('A conflict happened while processing the request. The resource might have been modified while the request was being processed.'),
    N_('The data value transmitted exceeds the capacity limit.'),
    N_('This user has exceeded an allotted request count. Try again later.'),
    N_('The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.'),
    N_('The server is temporarily unable to service your request due to maintenance downtime or capacity problems. Please try again later.'),
    N_('The CSRF token is missing.'),
    N_('The CSRF session token is missing.'),
    N_('The CSRF token has expired.'),
    N_('The CSRF token is invalid.'),
    N_('The CSRF tokens do not match.'),
    N_('The referrer header is missing.'),
    N_('The referrer does not match the host.'),
    N_('Please log in to access this page.'),
)


def register(app: Flask) -> None:
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(OperationalError, _database_error)


def _database_error(exc: OperationalError):
    """A write the database could not take in time (db.is_busy): a 503 that says nothing was saved.

    The request's transaction is rolled back at teardown, so what the editor submitted is whole
    in their form, to send again; any other database error stays a 500.
    """
    if not is_busy(exc):
        raise exc
    current_app.logger.warning("database busy, answered 503: %s", exc.orig)
    if "lang" not in g:
        g.lang = pick_language(request.cookies.get("lang"), request.accept_languages)
    unavailable = ServiceUnavailable(translate(g.lang, "the database is busy; nothing was saved, try again in a moment"),
                                     retry_after=2)
    return _http_error(unavailable)


def _http_error(exc: HTTPException):
    # Redirect-type exceptions and abort(response) already carry their answer.
    if exc.code is None or exc.code < 400 or exc.response is not None:
        return exc
    if request.path.startswith("/api/"):  # the API answers JSON, whatever went wrong
        from .api import json_error

        return json_error(exc)
    if "lang" not in g:
        # Raised before the app's own before_request ran (the CSRF check runs first).
        g.lang = pick_language(request.cookies.get("lang"), request.accept_languages)
    lang = g.lang
    title = translate(lang, exc.name)
    detail = exc.description or ""
    shown = translate(lang, detail)  # a fixed sentence, looked up whole
    # A reason with no translation stays English; say so, so it is read left to right.
    detail_lang = lang if lang == "en" or shown != detail or _ARABIC.search(shown) else "en"
    try:
        body = render_template("errors/error.html", code=exc.code, title=title, detail=shown,
                               detail_lang=detail_lang)
    except Exception:  # the layout itself failed (e.g. the database is down)
        current_app.logger.exception("error page for %s failed; answering with the bare page", exc.code)
        body = (f'<!doctype html><html lang="{lang}" dir="{direction(lang)}"><meta charset="utf-8">'
                f"<title>{exc.code} {escape(title)}</title><h1>{escape(title)}</h1>"
                f'<p lang="{detail_lang}" dir="auto">{escape(shown)}</p></html>')
    resp = make_response(body, exc.code)
    # Allow (405), Retry-After (429), WWW-Authenticate (401): keep what Werkzeug would have sent.
    for name, value in exc.get_headers():
        if name.lower() != "content-type":
            resp.headers[name] = value
    return resp
