"""Login throttling a stranger cannot turn against the account's owner, names that cannot be told
apart by timing, and redirects that never leave the site (nor answer 500)."""
from __future__ import annotations

import re
import statistics
import threading
import time
from datetime import timedelta

import httpx
import pytest
from werkzeug.serving import make_server

import factcheck.store.review as review
from factcheck.app import create_app
from factcheck.config import load_settings

from ..conftest import csrf_token

STRANGER, OWNER = "198.51.100.7", "203.0.113.10"
RIGHT = "correct horse battery"  # the `editor` fixture's (rana's) password


def _client(app, address: str = "127.0.0.1"):
    c = app.test_client()
    c.environ_base["REMOTE_ADDR"] = address
    return c


def _login(c, name: str, password: str, headers=None, **kw):
    token = csrf_token(c, "/login")
    return c.post("/login", data={"username": name, "password": password, "csrf_token": token},
                  headers=headers or {}, **kw)


def _app_with_env(settings, factory, monkeypatch, **env):
    """The app as `factcheck run` builds it, with FACTCHECK_* variables set."""
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    s = load_settings(instance=settings.instance, database_url=settings.database_url, feeds_file=settings.feeds_file)
    s.secret_key = settings.secret_key
    return create_app(s, factory=factory, testing=True)


class _Clock:
    """review.utcnow moved forward by hand: the waits pass without sleeping."""

    def __init__(self, monkeypatch) -> None:
        self.offset = timedelta()
        real = review.utcnow
        monkeypatch.setattr(review, "utcnow", lambda: real() + self.offset)

    def advance(self, seconds: float) -> None:
        self.offset += timedelta(seconds=seconds)


# ---------------------------------------------------------------- throttling


def test_a_strangers_wrong_passwords_do_not_stop_the_owner_logging_in_from_their_own_address(app, editor):
    stranger = _client(app, STRANGER)
    codes = [_login(stranger, "rana", f"guess {i}").status_code for i in range(8)]
    assert codes[:5] == [401] * 5 and set(codes[5:]) == {429}, "the stranger is slowed down"
    owner = _client(app, OWNER)
    r = _login(owner, "rana", RIGHT)
    assert r.status_code == 302, "the account is not locked for its owner"
    assert owner.get("/queue").status_code == 200


def test_the_same_address_waits_longer_after_each_failure_past_its_budget_then_gets_in(app, editor, monkeypatch):
    clock = _Clock(monkeypatch)
    c = _client(app, OWNER)
    for _ in range(5):
        assert _login(c, "rana", "wrong guess").status_code == 401
    refused = _login(c, "rana", RIGHT)
    assert refused.status_code == 429 and "Too many failed logins" in refused.get_data(as_text=True)
    first_wait = int(refused.headers["Retry-After"])
    assert 1 <= first_wait <= 60
    clock.advance(first_wait + 1)
    assert _login(c, "rana", "wrong again").status_code == 401, "after the wait one more try is checked"
    again = _login(c, "rana", RIGHT)
    assert again.status_code == 429 and int(again.headers["Retry-After"]) > first_wait, "the wait grows"
    clock.advance(int(again.headers["Retry-After"]) + 1)
    assert _login(c, "rana", RIGHT).status_code == 302, "slowed down, never locked out"
    for _ in range(7):
        _login(c, "rana", "wrong guess")
    assert _login(c, "rana", RIGHT).status_code == 429
    clock.advance(2 * 3600)
    assert [_login(c, "rana", "wrong guess").status_code for _ in range(5)] == [401] * 5, \
        "after a quiet hour the address has its whole budget again"


def test_one_address_trying_many_names_is_refused_past_its_larger_budget(app, editor):
    spray = _client(app, STRANGER)
    codes = [_login(spray, f"user{i % 10}", "Password1").status_code for i in range(30)]
    assert codes == [401] * 30, "each name is under its own budget"
    assert _login(spray, "rana", "Password1").status_code == 429, "the address has used up its budget"
    assert _login(spray, "rana", RIGHT).status_code == 429
    assert _login(_client(app, OWNER), "rana", RIGHT).status_code == 302, "other addresses are untouched"


def test_the_owners_successful_login_forgives_their_own_typos_on_the_address(app, factory, editor):
    from factcheck.store.db import transaction

    with transaction(factory) as s:
        review.create_user(s, "omar", "another long password")
    office = _client(app, OWNER)
    for _ in range(4):  # two colleagues behind one address, each mistyping four times and then getting in
        for name, password in (("rana", RIGHT), ("omar", "another long password")):
            for _ in range(4):
                assert _login(office, name, "typo").status_code == 401
            assert _login(office, name, password).status_code == 302
    assert _login(office, "rana", RIGHT).status_code == 302, "32 forgiven typos do not use up the address"


def test_the_counters_of_quiet_addresses_are_forgotten_so_guessers_cannot_fill_the_disk(app, factory, editor,
                                                                                        monkeypatch):
    from sqlalchemy import func, select

    from factcheck.store.models import LoginThrottle

    clock = _Clock(monkeypatch)
    for i in range(4):
        c = _client(app, f"192.0.2.{i}")
        for j in range(3):
            assert _login(c, f"name{j}", "guess").status_code == 401
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(LoginThrottle)) == 4 * (3 + 1)
    clock.advance(2 * 3600)
    assert _login(_client(app, OWNER), "rana", RIGHT).status_code == 302
    with factory() as s:
        assert s.execute(select(LoginThrottle.ip, LoginThrottle.username)).all() == [(OWNER, "")], \
            "only the owner's address counter is left (its name's was reset by the login)"


def test_thirty_simultaneous_wrong_guesses_get_at_most_five_password_checks(app, editor, monkeypatch):
    checks = []
    real_check = review.check_password_hash
    monkeypatch.setattr(review, "check_password_hash", lambda h, p: checks.append(p) or real_check(h, p))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_port}"
    clients = [httpx.Client(base_url=base, timeout=60) for _ in range(30)]
    try:
        tokens = [re.search(r'name="csrf_token" value="([^"]+)"', c.get("/login").text).group(1) for c in clients]
        barrier = threading.Barrier(30)
        statuses: list[int] = []

        def guess(i: int) -> None:
            barrier.wait()
            r = clients[i].post("/login", data={"username": "rana", "password": f"wrong {i}", "csrf_token": tokens[i]})
            statuses.append(r.status_code)

        threads = [threading.Thread(target=guess, args=(i,)) for i in range(30)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert len(statuses) == 30
        assert len(checks) <= 5, f"{len(checks)} of 30 simultaneous guesses had their password checked"
        assert statuses.count(401) == len(checks) and statuses.count(429) == 30 - len(checks)
        assert len(checks) >= 1
    finally:
        for c in clients:
            c.close()
        server.shutdown()
        thread.join(5)


def test_x_forwarded_for_is_ignored_unless_the_proxy_is_trusted(app, settings, factory, editor, monkeypatch):
    # No trusted proxy: a guesser cannot pose as many clients by writing the header itself.
    direct = _client(app, STRANGER)
    for i in range(5):
        assert _login(direct, "rana", "wrong", headers={"X-Forwarded-For": f"192.0.2.{i}"}).status_code == 401
    assert _login(direct, "rana", RIGHT, headers={"X-Forwarded-For": "192.0.2.99"}).status_code == 429

    # One trusted hop: every client arrives from the proxy's address, told apart by the proxy's header.
    hop = _app_with_env(settings, factory, monkeypatch, FACTCHECK_TRUSTED_PROXIES="1")
    proxy = _client(hop, "10.0.0.5")
    for _ in range(5):
        assert _login(proxy, "rana", "wrong", headers={"X-Forwarded-For": "198.51.100.8"}).status_code == 401
    assert _login(proxy, "rana", "wrong", headers={"X-Forwarded-For": "198.51.100.8"}).status_code == 429
    r = _login(_client(hop, "10.0.0.5"), "rana", RIGHT, headers={"X-Forwarded-For": OWNER})
    assert r.status_code == 302, "the owner behind the same proxy is not held up by the stranger"


def test_a_listed_proxy_is_believed_and_anyone_else_is_not(app, settings, factory, editor, monkeypatch):
    listed = _app_with_env(settings, factory, monkeypatch, FACTCHECK_TRUSTED_PROXIES="10.0.0.5, 10.0.1.0/24")
    # From an address that is not a listed proxy, the header counts for nothing.
    spoofer = _client(listed, STRANGER)
    for i in range(5):
        assert _login(spoofer, "rana", "wrong", headers={"X-Forwarded-For": f"192.0.2.{i}"}).status_code == 401
    assert _login(spoofer, "rana", RIGHT, headers={"X-Forwarded-For": OWNER}).status_code == 429
    # Through the listed proxies (two of them, chained), the client's own address counts.
    def via_proxies(client_address: str) -> dict:
        return {"X-Forwarded-For": f"{client_address}, 10.0.1.7"}

    for _ in range(5):
        assert _login(_client(listed, "10.0.0.5"), "rana", "wrong",
                      headers=via_proxies("198.51.100.8")).status_code == 401
    assert _login(_client(listed, "10.0.0.5"), "rana", RIGHT, headers=via_proxies("198.51.100.8")).status_code == 429
    assert _login(_client(listed, "10.0.0.5"), "rana", RIGHT, headers=via_proxies(OWNER)).status_code == 302


def test_a_mistyped_trusted_proxies_setting_stops_the_app_with_its_name(monkeypatch, tmp_path):
    monkeypatch.setenv("FACTCHECK_TRUSTED_PROXIES", "the load balancer")
    with pytest.raises(SystemExit, match="FACTCHECK_TRUSTED_PROXIES"):
        load_settings(instance=tmp_path)


# ---------------------------------------------------------------- timing


def test_an_unknown_name_takes_as_long_to_refuse_as_a_known_one(app, factory):
    from factcheck.store.db import transaction

    with transaction(factory) as s:  # one known name per try: no name is ever throttled, before or after
        for i in range(8):
            review.create_user(s, f"known{i}", "a known user's password")

    def timed(name: str, i: int) -> float:
        c = _client(app, f"10.20.{len(name)}.{i + 1}")  # a fresh address each time: no try is throttled
        token = csrf_token(c, "/login")
        t0 = time.perf_counter()
        r = c.post("/login", data={"username": name, "password": "not the password", "csrf_token": token})
        elapsed = time.perf_counter() - t0
        assert r.status_code == 401
        return elapsed

    timed("known7", 99), timed("nobody", 99)  # warm up both paths
    known, unknown = [], []
    for i in range(7):  # interleaved, so a busy moment of the machine falls on both
        known.append(timed(f"known{i}", i))
        unknown.append(timed(f"nobody{i}", i))
    ratio = statistics.median(unknown) / statistics.median(known)
    assert ratio >= 0.5, (f"an unknown name is refused in {statistics.median(unknown) * 1000:.1f} ms, "
                          f"a known one in {statistics.median(known) * 1000:.1f} ms")


# ---------------------------------------------------------------- redirects after login and the language switch

UNSAFE_NEXT = [
    "/queue\r\nSet-Cookie: evil=1", "/\nfoo", "/queue\r", "/a\x00b", "\x00", "/\tevil.example",
    "//evil.example", "///evil.example", "/\\evil.example", "\\\\evil.example", "/\\/evil.example",
    "https://evil.example/", "http:/evil.example", "javascript:alert(1)", "evil.example", " //evil.example",
    "/%0d%0aSet-Cookie:%20evil=1", "/%00", "/%5Cevil.example", "/%2F/evil.example", "%2F%2Fevil.example",
    "/%252F%252Fevil.example", "/%25252F%25252F%25252F%25252Fevil.example", "/%09/evil.example",
]


LOCAL_NEXT = ["/claims/7", "/queue?status=disputed&q=%D8%A7%D9%84%D8%AC%D8%B3%D8%B1", "/dashboard#today",
              "/export?since=2025-11-01"]


def test_next_after_login_is_only_ever_a_local_path(app, editor):
    c = _client(app)
    for target, expected in [(t, "/queue") for t in UNSAFE_NEXT] + [(t, t) for t in LOCAL_NEXT]:
        token = csrf_token(c, "/login")
        r = c.post("/login", query_string={"next": target},
                   data={"username": "rana", "password": RIGHT, "csrf_token": token})
        assert (r.status_code, r.headers.get("Location")) == (302, expected), repr(target)


def test_next_on_the_language_switch_is_only_ever_a_local_path(app):
    c = _client(app)
    for target, expected in [(t, "/queue") for t in UNSAFE_NEXT] + [(t, t) for t in LOCAL_NEXT]:
        r = c.post("/lang/ar", data={"csrf_token": csrf_token(c, "/login"), "next": target})
        assert (r.status_code, r.headers.get("Location")) == (303, expected), repr(target)
