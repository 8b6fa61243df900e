"""A claim's page, deciding, undo, soft locks, and bad input on decisions."""
from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import func, select

from factcheck.store.db import transaction
from factcheck.store.models import Claim, Decision
from factcheck.store.review import create_user

from ..conftest import csrf_token, login
from . import data
from .data import WHEN


def _pair(factory):
    with transaction(factory) as s:
        a = data.claim(s, "Outlet A", "The bridge will reopen on Monday", title="Bridge news",
                       body="First paragraph.\n\nThe mayor said: \"The bridge will reopen on Monday\" after repairs.\n\n"
                            "Last paragraph.", sentence="The mayor said: \"The bridge will reopen on Monday\" after repairs.",
                       url="https://a.example/bridge")
        b = data.claim(s, "Outlet B", "The bridge will reopen on Tuesday", title="Bridge",
                       url="https://b.example/bridge")
        data.link(s, a, b, "conflicts", 82, "same quote 82%, wording changed materially: Monday vs Tuesday",
                  diff=[["equal", "The bridge will reopen on"], ["delete", "Monday"], ["insert", "Tuesday"]])
        c = data.claim(s, "Outlet C", "Fuel prices rise", published=WHEN - timedelta(days=1))
        return a.id, b.id, c.id


def _decide(client, cid, status, version="1", note="", token=None):
    token = token or csrf_token(client, f"/claims/{cid}")
    return client.post(f"/claims/{cid}/decide", data={"status": status, "version": version, "note": note,
                                                     "csrf_token": token})


def test_claim_page_shows_context_evidence_and_diff(client, factory):
    a, b, _ = _pair(factory)
    html = client.get(f"/claims/{a}").get_data(as_text=True)
    assert 'The mayor said: &#34;<mark class="claim-text">The bridge will reopen on Monday</mark>&#34; after repairs.' \
        in html, "the claim is highlighted inside its paragraph"
    assert "First paragraph" not in html, "only the claim's own paragraph"
    assert '<del class="chg">Monday</del>' in html and '<ins class="chg">Tuesday</ins>' in html
    assert "wording changed materially" in html and "Outlet B" in html and "82" in html
    assert f'href="/claims/{b}"' in html and "https://b.example/bridge" in html
    assert "The mayor" in html and "said" in html


def test_after_a_decision_the_next_claim_opens_and_history_shows_it(client, factory):
    a, b, c = _pair(factory)
    # Queue order: b and a (the conflict, newest id first), then c.
    r = _decide(client, b, "corroborated")
    assert r.status_code == 303 and r.headers["Location"].endswith(f"/claims/{a}")
    r = _decide(client, a, "disputed", note="B says Tuesday")
    assert r.headers["Location"].endswith(f"/claims/{c}")
    html = client.get(f"/claims/{a}").get_data(as_text=True)
    hist = html[html.index('id="history"'):]
    assert "disputed" in hist and "rana" in hist and "B says Tuesday" in hist


def test_undo_is_a_new_decision_restoring_the_previous_status(client, factory):
    a, b, _ = _pair(factory)
    _decide(client, a, "disputed")
    _decide(client, b, "corroborated")
    token = csrf_token(client)
    r = client.post("/undo", data={"csrf_token": token})
    assert r.status_code == 303 and r.headers["Location"].endswith(f"/claims/{b}")
    r = client.post("/undo", data={"csrf_token": token})
    assert r.headers["Location"].endswith(f"/claims/{a}")
    with factory() as s:
        assert s.get(Claim, a).status == "pending" and s.get(Claim, b).status == "pending"
        rows = s.execute(select(Decision.claim_id, Decision.status, Decision.undoes_id).order_by(Decision.id)).all()
    assert len(rows) == 4, "history keeps the decisions and their undos"
    assert [(r[0], r[1]) for r in rows[2:]] == [(b, "pending"), (a, "pending")]
    r = client.post("/undo", data={"csrf_token": token}, follow_redirects=True)
    assert "nothing to undo" in r.get_data(as_text=True)


def test_undo_refuses_to_overwrite_a_colleague(client, factory):
    a, _, _ = _pair(factory)
    _decide(client, a, "disputed")
    with transaction(factory) as s:
        omar = create_user(s, "omar", "another long password")
        from factcheck.store.review import decide
        decide(s, a, omar, "corroborated")
    r = client.post("/undo", data={"csrf_token": csrf_token(client)}, follow_redirects=True)
    assert "changed by omar" in r.get_data(as_text=True)
    with factory() as s:
        assert s.get(Claim, a).status == "corroborated"


def test_second_editor_sees_who_is_on_the_claim(app, client, factory):
    a, _, _ = _pair(factory)
    client.get(f"/claims/{a}")  # rana opens it
    with transaction(factory) as s:
        create_user(s, "omar", "another long password")
    omar = app.test_client()
    login(omar, "omar", "another long password")
    html = omar.get(f"/claims/{a}").get_data(as_text=True)
    assert re.search(r'<b dir="auto">rana</b> is on this claim', html)
    assert "rana" in omar.get("/queue").get_data(as_text=True).split("is on this claim")[0][-200:]
    # Ten minutes of inactivity and the lock is gone.
    with transaction(factory) as s:
        s.get(Claim, a).locked_at = s.get(Claim, a).locked_at - timedelta(minutes=11)
    html = omar.get(f"/claims/{a}").get_data(as_text=True)
    assert "is on this claim" not in html
    with factory() as s:
        assert s.get(Claim, a).locked_by.name == "omar"


def test_bad_decisions_write_nothing(client, factory):
    a, _, _ = _pair(factory)
    token = csrf_token(client, f"/claims/{a}")
    r = _decide(client, a, "disputed", note="x" * 2**20, token=token)
    assert r.status_code == 413 and "note too long" in r.get_data(as_text=True)
    assert _decide(client, a, "pending", token=token).status_code == 400
    assert _decide(client, a, "disputed", version="abc", token=token).status_code == 400
    r = client.post(f"/claims/{a}/decide", data={"status": "disputed", "version": "1", "csrf_token": "forged"})
    assert r.status_code == 400
    r = _decide(client, 10**9, "disputed", token=token)
    assert r.status_code == 404 and "does not exist" in r.get_data(as_text=True)
    assert client.get("/claims/999999").status_code == 404
    with factory() as s:
        assert s.scalar(select(func.count(Decision.id))) == 0
        assert s.get(Claim, a).status == "pending"


def test_hostile_article_text_is_escaped(client, factory):
    with transaction(factory) as s:
        c = data.claim(s, "Evil", "<script>alert(1)</script>", title='<img src=x onerror="alert(2)">',
                       url="javascript:alert(3)")
        cid = c.id
    html = client.get(f"/claims/{cid}").get_data(as_text=True)
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    assert "<img src=x" not in html
    assert 'href="javascript:' not in html
    r = client.get("/queue")
    assert "<script>alert(1)" not in r.get_data(as_text=True)
    assert "script-src 'self'" in r.headers["Content-Security-Policy"]


def test_lock_heartbeat_needs_csrf_and_keeps_the_lock(client, factory):
    a, _, _ = _pair(factory)
    token = csrf_token(client, f"/claims/{a}")
    assert client.post(f"/claims/{a}/lock").status_code == 400
    r = client.post(f"/claims/{a}/lock", headers={"X-CSRFToken": token})
    assert r.status_code == 200 and r.get_json() == {"holder": None}
    assert client.post("/claims/999999/lock", headers={"X-CSRFToken": token}).status_code == 404


def test_a_hijri_date_is_shown_in_both_calendars(client, factory):
    with transaction(factory) as s:
        hijri = data.claim(s, "عنب بلدي", "يلتقي الرئيس نظيره يوم 19 جمادى الأولى 1447 هـ", kind="date",
                           language="ar", date_value="2025-11-10", date_text="19 جمادى الأولى 1447 هـ")
        greg = data.claim(s, "Levant Daily", "The talks start on Monday 10 November", kind="date",
                          date_value="2025-11-10", date_text="Monday 10 November")
        ids = hijri.id, greg.id
    html = client.get(f"/claims/{ids[0]}").get_data(as_text=True)
    assert "2025-11-10" in html and "Hijri: <bdi dir=\"rtl\">19 جمادى الأولى 1447 هـ</bdi>" in html
    assert "Hijri:" not in client.get(f"/claims/{ids[1]}").get_data(as_text=True), "only where the article gave one"
