"""The review flow through Flask's test client, with real CSRF and login."""
from __future__ import annotations

import json
from datetime import datetime, timezone

from click.testing import CliRunner
from sqlalchemy import func, select

from factcheck.cli import main
from factcheck.store.db import transaction
from factcheck.store.models import Claim, Decision

from ..conftest import csrf_token, login
from . import data

WHEN = datetime(2025, 11, 7, 10, tzinfo=timezone.utc)


def _two_sources(factory, settings):
    with transaction(factory) as s:
        a = data.claim(s, "Outlet A", "The old bridge will reopen to traffic on Monday.", title="Bridge")
        b = data.claim(s, "Outlet B", "The old bridge will reopen to traffic on Monday.", title="Bridge reopening",
                       speaker="Mayor Jane Doe")
        data.link(s, a, b, "supports", 100.0, "same words, same speaker")
        return [a.id, b.id]


def test_health_answers_without_login(app):
    r = app.test_client().get("/health")
    assert r.status_code == 200 and r.get_json()["database"] == "ok"


def test_everything_else_needs_a_login(app, factory, settings):
    ids = _two_sources(factory, settings)
    c = app.test_client()
    for path in ("/queue", f"/claims/{ids[0]}"):
        r = c.get(path)
        assert r.status_code == 302 and "/login" in r.headers["Location"]


def test_wrong_password_is_refused(app, editor):
    r = login(app.test_client(), "rana", "not the password")
    assert r.status_code == 401 and "Wrong user name or password" in r.get_data(as_text=True)


def test_queue_lists_claims_with_source_and_match_count(client, factory, settings):
    _two_sources(factory, settings)
    html = client.get("/queue").get_data(as_text=True)
    assert "The old bridge will reopen" in html
    assert "Outlet A" in html and "Outlet B" in html
    assert 'dir="auto"' in html


def test_editor_decides_and_the_decision_shows_and_exports(client, factory, settings, monkeypatch):
    ids = _two_sources(factory, settings)
    page = client.get(f"/claims/{ids[0]}").get_data(as_text=True)
    assert "Outlet B" in page and "supports" in page, "the evidence from the other source is shown"
    token = csrf_token(client, f"/claims/{ids[0]}")
    r = client.post(f"/claims/{ids[0]}/decide", data={"status": "corroborated", "note": "two outlets agree",
                                                      "version": "1", "csrf_token": token})
    assert r.status_code == 303
    page = client.get(f"/claims/{ids[0]}").get_data(as_text=True)
    assert "corroborated" in page and "two outlets agree" in page and "rana" in page

    monkeypatch.setenv("FACTCHECK_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("FACTCHECK_INSTANCE", str(settings.instance))
    out = CliRunner().invoke(main, ["export", "--format", "json"])
    row = next(c for c in json.loads(out.output)["claims"] if c["id"] == ids[0])
    assert row["status"] == "corroborated"
    assert row["decisions"][0]["editor"] == "rana" and row["decisions"][0]["note"] == "two outlets agree"


def test_a_decision_without_csrf_token_is_refused_and_writes_nothing(client, factory, settings):
    ids = _two_sources(factory, settings)
    r = client.post(f"/claims/{ids[0]}/decide", data={"status": "disputed", "version": "1"})
    assert r.status_code == 400
    with factory() as s:
        assert s.scalar(select(func.count(Decision.id))) == 0
        assert s.get(Claim, ids[0]).status == "pending"


def test_a_stale_decision_is_refused_with_who_changed_it(client, factory, settings):
    ids = _two_sources(factory, settings)
    token = csrf_token(client, f"/claims/{ids[0]}")
    first = client.post(f"/claims/{ids[0]}/decide",
                        data={"status": "corroborated", "version": "1", "csrf_token": token})
    assert first.status_code == 303
    second = client.post(f"/claims/{ids[0]}/decide", data={"status": "disputed", "version": "1", "csrf_token": token},
                         follow_redirects=True)
    html = second.get_data(as_text=True)
    assert "changed by rana a moment ago" in html
    with factory() as s:
        assert s.get(Claim, ids[0]).status == "corroborated"
        assert s.scalar(select(func.count(Decision.id))) == 1


def test_bad_decisions_get_a_clear_4xx(client, factory, settings):
    ids = _two_sources(factory, settings)
    token = csrf_token(client, f"/claims/{ids[0]}")
    assert client.post("/claims/999999/decide", data={"status": "disputed", "csrf_token": token}).status_code == 404
    r = client.post(f"/claims/{ids[0]}/decide", data={"status": "burn-it", "csrf_token": token})
    assert r.status_code == 400 and "unknown status" in r.get_data(as_text=True)
    assert client.get("/queue?page=-1").status_code == 400
    with factory() as s:
        assert s.scalar(select(func.count(Decision.id))) == 0
