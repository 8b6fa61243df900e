"""Accounts, rate limiting, language, and the admin pages."""
from __future__ import annotations

import textwrap

from sqlalchemy import select

from factcheck.store.models import Feed

from ..conftest import admin_client, csrf_token, login
from ..support.feedserver import FeedServer


def test_failed_logins_are_rate_limited_even_with_the_right_password(app, editor):
    c = app.test_client()
    for _ in range(5):
        assert login(c, "rana", "wrong guess").status_code == 401
    r = login(c, "rana", "correct horse battery")
    assert r.status_code == 429 and "Too many failed logins" in r.get_data(as_text=True)


def test_logout_ends_the_session(client):
    token = csrf_token(client)
    assert client.post("/logout", data={"csrf_token": token}).status_code == 302
    assert client.get("/queue").status_code == 302


def test_language_from_browser_and_switch(app, client):
    html = client.get("/queue", headers={"Accept-Language": "ar,en;q=0.5"}).get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in html and "قائمة المراجعة" in html
    html = client.get("/queue", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="en" dir="ltr">' in html
    r = client.post("/lang/ar", data={"csrf_token": csrf_token(client), "next": "/queue"})
    assert r.status_code == 303 and r.headers["Location"] == "/queue"
    html = client.get("/queue", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert 'dir="rtl"' in html, "the switch wins over the browser"
    assert client.post("/lang/ar", data={"next": "/queue"}).status_code == 400, "CSRF on the switch too"


def test_editors_cannot_open_admin_pages(client):
    assert client.get("/admin/feeds").status_code == 403
    assert client.post("/admin/users", data={"csrf_token": csrf_token(client), "name": "x",
                                             "password": "12345678"}).status_code == 403


def test_admin_adds_a_user_who_can_log_in(app, factory):
    c = admin_client(app, factory)
    r = c.post("/admin/users", data={"csrf_token": csrf_token(c, "/admin/users"), "name": "lina",
                                     "password": "lina's long password", "role": "editor"})
    assert r.status_code == 303
    assert login(app.test_client(), "lina", "lina's long password").status_code == 302


RSS = textwrap.dedent("""\
    <?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
    <item><guid>1</guid><title>One</title><link>http://x/1</link><description>Hello.</description>
    <pubDate>Fri, 07 Nov 2025 10:00:00 GMT</pubDate></item></channel></rss>""").encode()


def test_feeds_health_enable_disable_and_poll_now(app, factory):
    c = admin_client(app, factory)
    token = csrf_token(c, "/admin/feeds")
    assert c.post("/admin/feeds", data={"csrf_token": token, "url": "file:///etc/passwd"}).status_code == 400
    with FeedServer() as server:
        server.feed("/a.xml", RSS)
        r = c.post("/admin/feeds", data={"csrf_token": token, "url": server.url("/a.xml"), "name": "Local"})
        assert r.status_code == 303
        with factory() as s:
            fid = s.scalar(select(Feed.id).where(Feed.name == "Local"))
        # The test server is on 127.0.0.1: the settings allow private networks for tests.
        r = c.post(f"/admin/feeds/{fid}/poll", data={"csrf_token": token}, follow_redirects=True)
        html = r.get_data(as_text=True)
        assert "polled: 1 new" in html
        assert len(server.requests_for("/a.xml")) == 1
    with factory() as s:
        f = s.get(Feed, fid)
        assert f.last_polled_at is not None and f.next_poll_at is not None and f.error_count == 0
    c.post(f"/admin/feeds/{fid}/disable", data={"csrf_token": token})
    with factory() as s:
        assert s.get(Feed, fid).enabled is False
    c.post(f"/admin/feeds/{fid}/enable", data={"csrf_token": token})
    with factory() as s:
        assert s.get(Feed, fid).enabled is True
    html = c.get("/admin/feeds").get_data(as_text=True)
    assert "Local" in html and "UTC" in html
