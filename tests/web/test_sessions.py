"""Sessions the server can end: logout, a password change and "sign out everywhere" end the session
wherever its cookie was copied; a fresh session and CSRF token at login; Secure cookies when asked."""
from __future__ import annotations

import re

from click.testing import CliRunner
from flask_login.utils import encode_cookie
from sqlalchemy import select

from factcheck.app import create_app
from factcheck.cli import main
from factcheck.config import load_settings
from factcheck.store.models import User

from ..conftest import admin_client, csrf_token, login

RIGHT = "correct horse battery"  # the `editor` fixture's (rana's) password


def _copy(client, app):
    """Another browser holding a copy of `client`'s session cookie."""
    thief = app.test_client()
    thief.set_cookie("session", client.get_cookie("session").value)
    return thief


def _signed_in(c) -> bool:
    r = c.get("/queue")
    assert r.status_code in (200, 302)
    return r.status_code == 200


def _rana_id(factory) -> int:
    with factory() as s:
        return s.scalar(select(User.id).where(User.name == "rana"))


def test_a_copied_cookie_stops_working_at_logout_in_every_process(app, settings, factory, client):
    copy = _copy(client, app)
    # A second web process (another gunicorn worker): its own app, the same database.
    other_worker = create_app(settings, factory=factory, testing=True).test_client()
    other_worker.set_cookie("session", client.get_cookie("session").value)
    laptop = app.test_client()
    assert login(laptop, "rana", RIGHT).status_code == 302
    assert _signed_in(copy) and _signed_in(other_worker), "the copy works while the session lasts"
    assert client.post("/logout", data={"csrf_token": csrf_token(client)}).status_code == 302
    assert not _signed_in(client)
    assert not _signed_in(copy), "the copied cookie is refused after logout"
    assert not _signed_in(other_worker), "in the other process too"
    assert _signed_in(laptop), "the user's session in another browser (its own login) goes on"


def test_a_remember_me_cookie_brings_no_revoked_session_back(app, factory, client):
    assert client.post("/logout", data={"csrf_token": csrf_token(client)}).status_code == 302
    with app.test_request_context():
        forged = encode_cookie(str(_rana_id(factory)))  # what Flask-Login would accept, signed with the app's key
    c = app.test_client()
    c.set_cookie("remember_token", forged)
    assert not _signed_in(c)


def test_admin_signs_a_user_out_everywhere(app, factory, client):
    laptop = app.test_client()
    assert login(laptop, "rana", RIGHT).status_code == 302
    copy = _copy(client, app)
    boss = admin_client(app, factory)
    page = boss.get("/admin/users").get_data(as_text=True)
    row = re.search(r'<td dir="auto">rana</td>.*?</tr>', page, re.S).group(0)
    assert "<td>2</td>" in row and "Sign out everywhere" in row, "the page shows rana's two sessions"
    r = boss.post(f"/admin/users/{_rana_id(factory)}/sign-out", data={"csrf_token": csrf_token(boss, "/admin/users")},
                  follow_redirects=True)
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "&#39;rana&#39; is signed out everywhere (2 sessions ended)" in html
    assert not _signed_in(client) and not _signed_in(laptop) and not _signed_in(copy)
    assert _signed_in(boss), "the admin's own session goes on"
    assert login(app.test_client(), "rana", RIGHT).status_code == 302, "rana can log in again"


def test_sign_out_everywhere_needs_an_admin_and_an_existing_user(app, factory, client):
    uid = _rana_id(factory)
    assert client.post(f"/admin/users/{uid}/sign-out", data={"csrf_token": csrf_token(client)}).status_code == 403
    assert _signed_in(client)
    boss = admin_client(app, factory)
    token = csrf_token(boss, "/admin/users")
    assert boss.post("/admin/users/999999/sign-out", data={"csrf_token": token}).status_code == 404
    assert boss.post(f"/admin/users/{uid}/sign-out").status_code == 400, "CSRF-checked"
    assert _signed_in(client)


def _change(c, current: str, new: str, again: str | None = None, **kw):
    return c.post("/password", data={"csrf_token": csrf_token(c, "/password"), "current_password": current,
                                     "new_password": new, "new_password_again": new if again is None else again},
                  **kw)


def test_changing_ones_password_ends_the_other_sessions_and_keeps_this_one(app, client):
    laptop = app.test_client()
    assert login(laptop, "rana", RIGHT).status_code == 302
    copy = _copy(client, app)
    r = _change(client, RIGHT, "a brand new passphrase")
    assert r.status_code == 303 and r.headers["Location"] == "/queue"
    html = client.get("/queue").get_data(as_text=True)
    assert "Password changed; your other sessions are signed out." in html, "this browser stays signed in"
    assert not _signed_in(laptop) and not _signed_in(copy)
    assert login(app.test_client(), "rana", RIGHT).status_code == 401
    assert login(app.test_client(), "rana", "a brand new passphrase").status_code == 302


def test_a_password_change_is_refused_with_a_wrong_current_password_or_a_bad_new_one(app, client):
    laptop = app.test_client()
    assert login(laptop, "rana", RIGHT).status_code == 302
    r = _change(client, "not my password", "a brand new passphrase")
    assert r.status_code == 400 and "The current password is wrong." in r.get_data(as_text=True)
    r = _change(client, RIGHT, "a brand new passphrase", again="a brand new passphrasf")
    assert r.status_code == 400 and "The two new passwords differ." in r.get_data(as_text=True)
    r = _change(client, RIGHT, "short")
    assert r.status_code == 400 and "passwords need at least 8 characters" in r.get_data(as_text=True)
    assert _signed_in(laptop), "nothing changed, nothing ended"
    assert login(app.test_client(), "rana", RIGHT).status_code == 302


def test_the_current_password_is_guessed_no_faster_than_at_login(app, client):
    for _ in range(5):
        assert _change(client, "a guess", "a brand new passphrase").status_code == 400
    r = _change(client, RIGHT, "a brand new passphrase")
    assert r.status_code == 429 and "Too many failed logins" in r.get_data(as_text=True)


def test_the_cli_sets_a_password_and_signs_the_user_out_everywhere(app, settings, client, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("FACTCHECK_INSTANCE", str(settings.instance))
    monkeypatch.setenv("FACTCHECK_FEEDS", str(settings.feeds_file))
    out = CliRunner().invoke(main, ["users", "passwd", "rana"], env={"FACTCHECK_PASSWORD": "set by the admin"},
                             catch_exceptions=False)
    assert out.exit_code == 0 and "password of 'rana' changed; sessions ended: 1" in out.output
    assert not _signed_in(client)
    assert login(app.test_client(), "rana", "set by the admin").status_code == 302
    missing = CliRunner().invoke(main, ["users", "passwd", "nobody"], env={"FACTCHECK_PASSWORD": "set by the admin"})
    assert missing.exit_code == 2 and "no user named 'nobody'" in missing.output
    short = CliRunner().invoke(main, ["users", "passwd", "rana"], env={"FACTCHECK_PASSWORD": "short"})
    assert short.exit_code == 2 and "at least 8 characters" in short.output


def test_the_login_pages_csrf_token_is_refused_after_login(app, editor):
    c = app.test_client()
    before = csrf_token(c, "/login")
    assert c.post("/login", data={"username": "rana", "password": RIGHT, "csrf_token": before}).status_code == 302
    assert c.post("/lang/ar", data={"csrf_token": before, "next": "/queue"}).status_code == 400
    assert c.post("/logout", data={"csrf_token": before}).status_code == 400
    assert _signed_in(c), "the refused logout did nothing"
    after = csrf_token(c)
    assert after != before
    assert c.post("/lang/ar", data={"csrf_token": after, "next": "/queue"}).status_code == 303


def _set_cookies(response) -> dict[str, str]:
    return {h.split("=", 1)[0]: h for h in response.headers.getlist("Set-Cookie")}


def test_cookies_are_secure_when_configured(settings, factory, editor, monkeypatch):
    def cookies_of(env: str | None) -> tuple[str, str]:
        if env is None:
            monkeypatch.delenv("FACTCHECK_SECURE_COOKIES", raising=False)
        else:
            monkeypatch.setenv("FACTCHECK_SECURE_COOKIES", env)
        s = load_settings(instance=settings.instance, database_url=settings.database_url,
                          feeds_file=settings.feeds_file)
        s.secret_key = settings.secret_key
        c = create_app(s, factory=factory, testing=True).test_client()
        session = _set_cookies(login(c, "rana", RIGHT))["session"]
        lang = _set_cookies(c.post("/lang/ar", data={"csrf_token": csrf_token(c), "next": "/queue"}))["lang"]
        return session, lang

    # The test client sends Secure cookies over plain http too, so the flag is read from the headers.
    assert all("; Secure" in cookie for cookie in cookies_of("1")), "behind HTTPS"
    assert not any("; Secure" in cookie for cookie in cookies_of(None)), "plain http (the default) still works"


# ---------------------------------------------------------------- in Arabic


def test_the_password_page_and_its_refusals_in_arabic(client):
    client.set_cookie("lang", "ar")
    html = client.get("/password").get_data(as_text=True)
    for arabic in ("تغيير كلمة المرور", "كلمة المرور الحالية", "كلمة المرور الجديدة مرة أخرى",
                   "يُسجَّل خروج حسابك من كل جلساته الأخرى."):
        assert arabic in html
    assert "Current password" not in html and "Change password" not in html
    r = _change(client, "not my password", "a brand new passphrase")
    assert "كلمة المرور الحالية غير صحيحة." in r.get_data(as_text=True)
    r = _change(client, RIGHT, "a brand new passphrase", again="another one entirely")
    assert "كلمتا المرور الجديدتان غير متطابقتين." in r.get_data(as_text=True)
    r = _change(client, RIGHT, "a brand new passphrase", follow_redirects=True)
    html = r.get_data(as_text=True)
    assert "غُيّرت كلمة المرور، وسُجّل خروج جلساتك الأخرى." in html and "Password changed" not in html


def test_sign_out_everywhere_in_arabic(app, factory, client):
    boss = admin_client(app, factory)
    boss.set_cookie("lang", "ar")
    html = boss.get("/admin/users").get_data(as_text=True)
    assert "الجلسات" in html and "تسجيل الخروج من كل الأجهزة" in html and "تغيير كلمة المرور الخاصة بي" in html
    assert "Sign out everywhere" not in html and "Sessions" not in html
    r = boss.post(f"/admin/users/{_rana_id(factory)}/sign-out",
                  data={"csrf_token": csrf_token(boss, "/admin/users")}, follow_redirects=True)
    html = r.get_data(as_text=True)
    assert "سُجّل خروج المستخدم" in html and "(انتهت جلسة واحدة)" in html and "signed out" not in html
    r = boss.post("/admin/users/999999/sign-out", data={"csrf_token": csrf_token(boss, "/admin/users")})
    assert r.status_code == 404 and "المستخدم رقم 999999 غير موجود" in r.get_data(as_text=True)


def test_every_interface_string_of_the_login_and_users_pages_has_its_arabic():
    from factcheck.config import ROOT
    from ..support.catalog import arabic

    AR = arabic()

    found = set()
    for path in ("templates/auth/login.html", "templates/auth/password.html", "templates/admin/users.html"):
        found |= set(re.findall(r"t\('([^']+)'\)", (ROOT / path).read_text(encoding="utf-8")))
    for path in ("factcheck/web/auth.py",):
        found |= set(re.findall(r'_t\("([^"]+)"', (ROOT / path).read_text(encoding="utf-8")))
    assert len(found) >= 20
    assert sorted(found - set(AR)) == []
