"""Shared fixtures: a real database per test (SQLite always, PostgreSQL when
FACTCHECK_TEST_DATABASE_URL is set), settings in a temporary instance folder,
the Flask app and a logged-in client.
"""
from __future__ import annotations

import os
import shutil
import uuid

import pytest
from sqlalchemy import create_engine, text

from factcheck.config import load_settings
from factcheck.store.db import make_engine, make_sessionmaker, transaction, upgrade_database

from .support import evaldata

PG_URL = os.environ.get("FACTCHECK_TEST_DATABASE_URL")


def pytest_report_header(config):
    # Tests read the third-party evaluation data through tests/support/evaldata.py (require()).
    return evaldata.describe()


def _pg(url: str) -> str:
    return "postgresql+psycopg://" + url.split("://", 1)[1] if url.startswith(("postgresql://", "postgres://")) else url


@pytest.fixture(scope="session")
def database_template(tmp_path_factory):
    """Migrate once per test run; each test then starts from a copy (SQLite) or a truncated schema (PostgreSQL)."""
    if PG_URL:
        admin = create_engine(_pg(PG_URL), isolation_level="AUTOCOMMIT")
        name = f"factcheck_test_{uuid.uuid4().hex[:10]}"
        with admin.connect() as c:
            c.execute(text(f'CREATE DATABASE "{name}"'))
        base, _, _ = _pg(PG_URL).rpartition("/")
        url = f"{base}/{name}"
        upgrade_database(url)
        yield {"kind": "postgres", "url": url}
        make_engine(url).dispose()
        with admin.connect() as c:
            c.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()
    else:
        path = tmp_path_factory.mktemp("dbtemplate") / "template.sqlite3"
        upgrade_database(f"sqlite:///{path}")
        yield {"kind": "sqlite", "path": path}


_pg_engines: dict[str, object] = {}


@pytest.fixture
def database_url(database_template, tmp_path) -> str:
    if database_template["kind"] == "sqlite":
        dest = tmp_path / "factcheck.sqlite3"
        shutil.copy(database_template["path"], dest)
        return f"sqlite:///{dest}"
    url = database_template["url"]
    engine = _pg_engines.setdefault(url, make_engine(url))
    with engine.begin() as c:
        tables = [r[0] for r in c.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname='public' AND tablename <> 'alembic_version'"))]
        if tables:
            c.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"))
    return url


@pytest.fixture
def settings(tmp_path, database_url):
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text("[]\n")
    s = load_settings(instance=tmp_path / "instance", database_url=database_url, feeds_file=feeds)
    s.allow_private_networks = True  # test servers live on 127.0.0.1
    s.poll_threads = 4
    s.secret_key = "test-secret"
    return s


@pytest.fixture
def factory(settings):
    engine = make_engine(settings.database_url)
    yield make_sessionmaker(engine)
    engine.dispose()


@pytest.fixture
def app(settings, factory):
    from factcheck.app import create_app

    return create_app(settings, factory=factory, testing=True)


@pytest.fixture
def editor(factory):
    from factcheck.store.review import create_user

    with transaction(factory) as s:
        u = create_user(s, "rana", "correct horse battery", "editor")
    return u


@pytest.fixture
def client(app, editor):
    """A test client logged in as the editor `rana`, with real CSRF checks on."""
    c = app.test_client()
    login(c, "rana", "correct horse battery")
    return c


def csrf_token(client, path: str = "/queue") -> str:
    import re

    html = client.get(path).get_data(as_text=True)
    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, f"no CSRF token on {path}"
    return m.group(1)


def login(client, name: str, password: str):
    token = csrf_token(client, "/login")
    return client.post("/login", data={"username": name, "password": password, "csrf_token": token})


def admin_client(app, factory):
    """A test client logged in as a new admin, `boss`."""
    from factcheck.store.review import create_user

    with transaction(factory) as s:
        create_user(s, "boss", "admin password 1", "admin")
    c = app.test_client()
    login(c, "boss", "admin password 1")
    return c


from .support.browser import browser  # noqa: E402,F401  (session fixture shared by all browser tests)
