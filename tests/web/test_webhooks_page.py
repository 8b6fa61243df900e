"""The webhooks page: admins register a URL (its secret shown once), see deliveries, remove a hook."""
from __future__ import annotations

import re

from sqlalchemy import func, select

from factcheck.store.db import transaction
from factcheck.store.models import User, Webhook, WebhookDelivery
from factcheck.store.review import decide

from ..conftest import admin_client, csrf_token
from . import data


def _add(c, url: str, events=("claim.decided",)):
    return c.post("/admin/webhooks", data={"url": url, "event": list(events),
                                           "csrf_token": csrf_token(c, "/admin/webhooks")})


def test_an_admin_adds_a_hook_sees_its_secret_once_then_its_deliveries(app, factory, editor):
    boss = admin_client(app, factory)
    r = _add(boss, "http://127.0.0.1:9/hook")
    assert r.status_code == 201 and r.headers["Cache-Control"] == "no-store"
    secret = re.search(r'id="new-secret">([^<]+)<', r.get_data(as_text=True)).group(1)
    with transaction(factory) as s:
        hook = s.scalar(select(Webhook))
        assert hook.secret == secret and hook.event_names == ("claim.decided",)
        c = data.claim(s, "Outlet A", "The bridge reopens on Monday.")
        s.flush()
        decide(s, c.id, s.scalar(select(User).where(User.name == "rana")), "disputed")
        s.execute(WebhookDelivery.__table__.update().values(attempts=2, last_status=503, last_error="HTTP 503 busy",
                                                            last_attempt_at=hook.created_at))
    page = boss.get("/admin/webhooks").get_data(as_text=True)
    assert secret not in page, "the secret is shown once"
    assert "http://127.0.0.1:9/hook" in page and "1 pending, 0 delivered, 0 failed" in page
    assert "HTTP 503 busy" in page and "claim.decided" in page
    ar = boss.get("/admin/webhooks", headers={"Accept-Language": "ar"}).get_data(as_text=True)
    assert "خطافات الويب" in ar and "1 قيد الانتظار" in ar

    r = boss.post(f"/admin/webhooks/{hook.id}/remove", data={"csrf_token": csrf_token(boss, "/admin/webhooks")})
    assert r.status_code == 303
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(Webhook)) == 0
    r = boss.post(f"/admin/webhooks/{hook.id}/remove", data={"csrf_token": csrf_token(boss, "/admin/webhooks")})
    assert r.status_code == 404


def test_a_refused_hook_keeps_the_form_and_says_why(app, factory, settings):
    boss = admin_client(app, factory)
    settings.allow_private_networks = False
    r = _add(boss, "http://10.0.0.7/hook", events=("claim.conflict",))
    html = r.get_data(as_text=True)
    assert r.status_code == 400 and "webhook not added: refused: 10.0.0.7 resolves to 10.0.0.7" in html
    assert 'value="http://10.0.0.7/hook"' in html, "what was typed is kept"
    assert re.search(r'value="claim.conflict" checked', html) and not re.search(r'value="claim.decided" checked', html)
    r = _add(boss, "ftp://hooks.example/x")
    assert r.status_code == 400 and "must start with http" in r.get_data(as_text=True)
    r = _add(boss, "http://192.0.2.1/x", events=())
    assert r.status_code == 400 and "choose at least one event" in r.get_data(as_text=True)
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(Webhook)) == 0


def test_editors_and_strangers_are_kept_out(app, client):
    assert client.get("/admin/webhooks").status_code == 403
    r = client.post("/admin/webhooks", data={"url": "http://192.0.2.1/x", "event": "claim.decided",
                                             "csrf_token": csrf_token(client)})
    assert r.status_code == 403
    assert app.test_client().get("/admin/webhooks").status_code == 302
