"""create_app(): the Flask application over one database."""
from __future__ import annotations

from flask import Flask, g
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect

from .config import ROOT, Settings, ensure_instance, load_settings
from .db import make_engine, make_sessionmaker
from .models import User

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
        WTF_CSRF_TIME_LIMIT=None,  # tokens live as long as the session: editors keep tabs open all shift
        MAX_CONTENT_LENGTH=2 * 2**20,
    )
    if factory is None:
        factory = make_sessionmaker(make_engine(settings.database_url))
    app.extensions["factcheck.settings"] = settings
    app.extensions["factcheck.sessions"] = factory

    from .web.params import refuse_undecodable_form

    app.before_request(refuse_undecodable_form)  # before the CSRF check, which would misname the problem
    csrf.init_app(app)
    login = LoginManager(app)
    login.login_view = "auth.login"

    @login.user_loader
    def _load_user(user_id: str):
        return db().get(User, int(user_id))

    @app.teardown_appcontext
    def _close_db(_exc):
        s = g.pop("db", None)
        if s is not None:
            s.close()

    from .web import register

    register(app)
    return app


def db():
    """The request's database session (opened on first use, closed at teardown)."""
    from flask import current_app

    if "db" not in g:
        g.db = current_app.extensions["factcheck.sessions"]()
    return g.db


def settings() -> Settings:
    from flask import current_app

    return current_app.extensions["factcheck.settings"]
