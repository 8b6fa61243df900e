"""create_app(): the Flask application over one database."""
from __future__ import annotations

from flask import Flask, session
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect

from .config import ROOT, Settings, ensure_instance, load_settings
from .store.db import make_engine, make_sessionmaker
from .store.review import session_user
from .web.context import SESSION_TOKEN, close_db, db
from .web.jsonresponse import OrjsonProvider

csrf = CSRFProtect()


def create_app(settings: Settings | None = None, *, factory=None, testing: bool = False) -> Flask:
    settings = settings or load_settings()
    ensure_instance(settings)
    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
        instance_path=str(settings.instance),
    )
    app.config.update(
        SECRET_KEY=settings.secret_key,
        TESTING=testing,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        REMEMBER_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_SAMESITE="Lax",
        # Behind HTTPS (FACTCHECK_SECURE_COOKIES=1) the browser sends the cookies over HTTPS only.
        SESSION_COOKIE_SECURE=settings.secure_cookies,
        REMEMBER_COOKIE_SECURE=settings.secure_cookies,
        WTF_CSRF_TIME_LIMIT=None,  # tokens live as long as the session: editors keep tabs open all shift
        MAX_CONTENT_LENGTH=2 * 2**20,
    )
    if factory is None:
        factory = make_sessionmaker(make_engine(settings.database_url))
    app.json = OrjsonProvider(app)
    app.extensions["factcheck.settings"] = settings
    app.extensions["factcheck.sessions"] = factory

    from .web.params import refuse_undecodable_form

    app.before_request(refuse_undecodable_form)  # before the CSRF check, which would misname the problem
    csrf.init_app(app)
    login = LoginManager(app)
    login.login_view = "auth.login"

    @login.user_loader
    def _load_user(user_id: str):
        # Only while the session's row exists: logout, a password change or "sign out everywhere"
        # deleted it, whoever kept a copy of the cookie. The app never sets a "remember me" cookie,
        # and one (made with the secret key) would bring no session token: it opens nothing either.
        try:
            uid = int(user_id)
        except (TypeError, ValueError):
            return None
        return session_user(db(), uid, session.get(SESSION_TOKEN))

    app.teardown_appcontext(close_db)

    from .web import register
    from .web.auth import trust_proxies

    register(app)
    # The client's address (login throttling) from X-Forwarded-For only behind trusted proxies.
    app.wsgi_app = trust_proxies(app.wsgi_app, settings.trusted_proxies)
    return app

