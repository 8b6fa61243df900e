"""A database too busy to take a decision in time: a 503 that says nothing was saved, and the same form works after."""
from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import event, func, select

from factcheck.app import create_app
from factcheck.store.db import make_engine, make_sessionmaker, transaction
from factcheck.store.models import Claim, Decision
from factcheck.store.review import create_user

from ..conftest import csrf_token, login
from . import data


@pytest.fixture
def impatient_app(settings, database_url):
    """The app on an engine whose SQLite busy timeout is 0.2 s instead of 30 s, so the test is quick."""
    if not database_url.startswith("sqlite"):
        pytest.skip("SQLite's write lock: PostgreSQL locks rows and has no database-wide writer")
    engine = make_engine(database_url)

    @event.listens_for(engine, "connect")
    def _short_timeout(dbapi_conn, _record):
        dbapi_conn.execute("PRAGMA busy_timeout=200")

    factory = make_sessionmaker(engine)
    yield create_app(settings, factory=factory, testing=False), factory, database_url.split("///", 1)[1]
    engine.dispose()


def test_a_bulk_decision_meeting_a_held_write_lock_is_refused_whole_then_taken(impatient_app):
    app, factory, path = impatient_app
    with transaction(factory) as s:
        create_user(s, "rana", "correct horse battery", "editor")
        ids = [data.claim(s, "Outlet A", f"Claim {i}: the bridge reopens.", title=f"T{i}").id for i in range(3)]
    client = app.test_client()
    login(client, "rana", "correct horse battery")
    form = {"csrf_token": csrf_token(client), "status": "disputed", "claim": [str(i) for i in ids],
            **{f"v{i}": "1" for i in ids}}

    other = sqlite3.connect(path)  # another process's writer, holding the lock
    other.execute("BEGIN IMMEDIATE")
    try:
        r = client.post("/queue/decide", data=form)
    finally:
        other.rollback()
        other.close()
    assert r.status_code == 503
    assert "nothing was saved" in r.get_data(as_text=True)
    assert r.headers.get("Retry-After")
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(Decision)) == 0
        assert {s.get(Claim, i).status for i in ids} == {"pending"}

    r = client.post("/queue/decide", data=form)  # the same form, sent again
    assert r.status_code == 303
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(Decision)) == 3
        assert {s.get(Claim, i).status for i in ids} == {"disputed"}
