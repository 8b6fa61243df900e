"""What the request's code reaches through the app: its database session and the settings.

app.py puts them in place (create_app) and every blueprint reads them from here, so the web layer
never imports app.py and app.py imports the web layer only to register it: imports point one way.
"""
from __future__ import annotations

from flask import current_app, g
from sqlalchemy.orm import Session

from ..config import Settings
from ..i18n import translate

# The session cookie's key for the token of its user_sessions row (factcheck.store.review.start_session).
SESSION_TOKEN = "sid"


def db() -> Session:
    """The request's database session (opened on first use, closed at teardown)."""
    if "db" not in g:
        g.db = current_app.extensions["factcheck.sessions"]()
    return g.db


def ui_text(text: str, **params) -> str:
    """``text`` in the request's interface language (g.lang); with params it is a template
    (factcheck.i18n). Reasons given to abort() arrive at the error page already translated.
    Modules import it as ``_t``, the keyword the catalog's extractor looks for."""
    return translate(g.get("lang", "en"), text, **params)


def settings() -> Settings:
    return current_app.extensions["factcheck.settings"]


def close_db(_exc: BaseException | None = None) -> None:
    """At the end of each request (teardown): close its session, if it opened one."""
    s = g.pop("db", None)
    if s is not None:
        s.close()
