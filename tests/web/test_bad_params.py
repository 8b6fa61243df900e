"""Malformed ids, numbers, redirect targets and form bytes get a 4xx naming the problem, never a 5xx or a write."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from factcheck.store.db import transaction
from factcheck.store.models import Claim, Decision, Feed

from ..conftest import admin_client, csrf_token
from . import data

HUGE = str(2**63)  # past any 64-bit integer; 2**31 is one past PostgreSQL's INTEGER ids


@pytest.fixture
def two_claims(factory):
    with transaction(factory) as s:
        a = data.claim(s, "Outlet A", "The bridge reopens on Monday.")
        b = data.claim(s, "Outlet B", "The school closes on Friday.")
        return a.id, b.id


def _decisions(factory) -> int:
    with factory() as s:
        return s.scalar(select(func.count()).select_from(Decision))


@pytest.mark.parametrize("raw", [str(2**31), HUGE, "99999999999999999999999", "²", "٣"])
def test_claim_ids_past_the_database_or_in_other_digits_are_not_found(client, two_claims, raw):
    token = csrf_token(client)
    assert client.get(f"/claims/{raw}").status_code == 404
    for action in ("decide", "lock", "rematch"):
        r = client.post(f"/claims/{raw}/{action}", data={"csrf_token": token, "status": "disputed", "version": "1"})
        assert r.status_code == 404, (action, r.status_code)


def test_admin_feed_routes_refuse_huge_ids(app, factory):
    c = admin_client(app, factory)
    token = csrf_token(c, "/admin/feeds")
    for action in ("enable", "disable", "poll"):
        for huge in (str(2**31), HUGE):
            assert c.post(f"/admin/feeds/{huge}/{action}", data={"csrf_token": token}).status_code == 404


@pytest.mark.parametrize("query", ["/queue?source=²", "/queue?page=²", "/queue?after=" + HUGE,
                                   "/dashboard?days=²", "/dashboard?days=1000"])
def test_numbers_in_query_strings_are_ascii_and_in_range(client, two_claims, query):
    r = client.get(query)
    assert r.status_code == 400
    assert "must be" in r.get_data(as_text=True)


def test_a_decision_without_its_version_is_refused_and_writes_nothing(client, factory, two_claims):
    a, _ = two_claims
    token = csrf_token(client)
    r = client.post(f"/claims/{a}/decide", data={"csrf_token": token, "status": "disputed"})
    assert r.status_code == 400
    assert "version" in r.get_data(as_text=True)
    r = client.post(f"/claims/{a}/decide", data={"csrf_token": token, "status": "disputed", "version": "²"})
    assert r.status_code == 400
    assert _decisions(factory) == 0
    with factory() as s:
        assert s.get(Claim, a).status == "pending"


def test_a_bulk_decision_needs_every_claims_version_and_writes_nothing_without(client, factory, two_claims):
    a, b = two_claims
    token = csrf_token(client)
    form = {"csrf_token": token, "status": "corroborated", "claim": [str(a), str(b)], f"v{a}": "1"}
    assert client.post("/queue/decide", data=form).status_code == 400
    form[f"v{b}"] = "²"
    assert client.post("/queue/decide", data=form).status_code == 400
    form[f"v{b}"] = "1"
    form["claim"] = [str(a), "²"]
    assert client.post("/queue/decide", data=form).status_code == 400
    assert _decisions(factory) == 0


@pytest.mark.parametrize("back", ["/queue\r\nSet-Cookie: x=1", "/queue\n", "//evil.example/queue",
                                  "/queue/../\\evil", "https://evil.example/queue", "/queuex"])
def test_a_bulk_decision_with_a_bad_back_link_is_taken_and_returns_to_the_queue(client, factory, two_claims, back):
    a, _ = two_claims
    token = csrf_token(client)
    r = client.post("/queue/decide", data={"csrf_token": token, "status": "corroborated", "claim": str(a),
                                           f"v{a}": "1", "back": back})
    assert r.status_code == 303
    assert r.headers["Location"] == "/queue"
    assert _decisions(factory) == 1


def test_a_good_back_link_keeps_the_editors_filters(client, two_claims):
    a, _ = two_claims
    token = csrf_token(client)
    r = client.post("/queue/decide", data={"csrf_token": token, "status": "corroborated", "claim": str(a),
                                           f"v{a}": "1", "back": "/queue?status=pending&kind=quote"})
    assert r.headers["Location"] == "/queue?status=pending&kind=quote"


def test_a_form_that_is_not_utf8_is_refused_as_such(client, factory, two_claims):
    a, _ = two_claims
    token = csrf_token(client)
    body = f"csrf_token={token}&status=disputed&version=1&note=".encode() + b"\xff\xfe caf\xe9"
    r = client.post(f"/claims/{a}/decide", data=body, content_type="application/x-www-form-urlencoded")
    assert r.status_code == 400
    page = r.get_data(as_text=True)
    assert "UTF-8" in page and "CSRF" not in page
    assert _decisions(factory) == 0
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(Feed)) == 2  # the two outlets, nothing more
