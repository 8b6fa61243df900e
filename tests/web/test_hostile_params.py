"""Every route, every parameter, hostile values: never a 5xx, and a refused request writes nothing.

For each route the test knows a well-formed request (the parameters a page would send); hypothesis
then replaces one parameter (a path part, a query or form field) with a hostile value: numbers past
64 bits, negative, other scripts' digits, CR/LF, NUL, a megabyte, percent-encoded and raw bytes that
are not UTF-8. Sent as a logged-in editor, as an admin and as an anonymous client. A route missing
from ROUTES fails the test, so a new route is covered from the day it is added.
"""
from __future__ import annotations

from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st
from sqlalchemy import func, select

from factcheck.store import stories
from factcheck.store.db import transaction
from factcheck.store.models import Article, Base, Claim, Feed

from ..conftest import admin_client, csrf_token, login
from . import data

# Rows that a refused request may rightly write: the login throttle counts failed logins, and a
# login starts a session. Everything else must be untouched by a 4xx.
BOOKKEEPING = {"login_throttle", "user_sessions"}

HOSTILE = st.one_of(
    st.sampled_from([str(2**63), str(2**64 + 7), "9" * 40, "-1", "-" + str(2**63 + 1), "0", "²", "٣٤", "１２",
                     "߁", "1\r\nX-Injected: 1", "/queue\r\n", "\n", "a\x00b", "\x00", "%00", "%0d%0a", "%ff%fe",
                     "//evil.example", "/\\evil.example", "javascript:alert(1)", " 1", "1 ", "", "1e3", "0x10"]),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.just("x" * 2**20),  # a megabyte
    st.just(b"caf\xe9 \xff\xfe"),  # raw bytes that are not UTF-8 (sent as the raw body or path)
)


def _routes(ids: dict[str, int]) -> dict[str, tuple[str, str, dict[str, str], dict[str, str]]]:
    """endpoint -> (method, path template, path values, well-formed query/form values)."""
    c, v, u, f = ids["claim"], ids["version"], ids["user"], ids["feed"]
    filters = {"status": "pending", "kind": "quote", "source": str(ids["source"]), "language": "en",
               "speaker": "mayor", "from": "2025-11-01", "to": "2025-11-30", "q": "bridge", "page": "1"}
    return {
        "static": ("GET", "/static/{filename}", {"filename": "app.css"}, {}),
        "health.health": ("GET", "/health", {}, {}),
        "auth.login": ("POST", "/login", {}, {"username": "nobody", "password": "wrong password", "next": "/queue"}),
        "auth.logout": ("POST", "/logout", {}, {}),
        "auth.password": ("POST", "/password", {}, {"current_password": "wrong password",
                                                    "new_password": "new password 1",
                                                    "new_password_again": "new password 1"}),
        "auth.set_language": ("POST", "/lang/{code}", {"code": "ar"}, {"next": "/queue"}),
        "queue.home": ("GET", "/", {}, {}),
        "queue.index": ("GET", "/queue", {}, {**filters, "after": str(c)}),
        "queue.bulk_decide": ("POST", "/queue/decide", {}, {"status": "disputed", "claim": str(c), f"v{c}": str(v),
                                                            "note": "checked", "back": "/queue?status=pending"}),
        "queue.claim": ("GET", "/claims/{claim_id}", {"claim_id": str(c)}, {}),
        "queue.keep_lock": ("POST", "/claims/{claim_id}/lock", {"claim_id": str(c)}, {}),
        "queue.decide_view": ("POST", "/claims/{claim_id}/decide", {"claim_id": str(c)},
                              {"status": "disputed", "version": str(v), "note": "checked"}),
        "queue.rematch_view": ("POST", "/claims/{claim_id}/rematch", {"claim_id": str(c)}, {}),
        "queue.undo_view": ("POST", "/undo", {}, {}),
        # A well-formed form whose page cannot be had (nothing listens on port 9): refused, nothing stored.
        "queue.import_page": ("POST", "/import", {}, {"url": "http://127.0.0.1:9/news/a.html", "source": "Desk"}),
        "exports.index": ("GET", "/exports", {}, {}),
        "exports.download": ("GET", "/exports/download", {}, {"format": "csv", "status": "pending", "kind": "quote",
                                                              "source": "Outlet A", "lang": "en", "editor": "rana",
                                                              "since": "2025-11-01", "until": "2025-11-30",
                                                              "by": "article", "bom": "1", "group": "status"}),
        "admin.users": ("GET", "/admin/users", {}, {}),
        "admin.add_user": ("POST", "/admin/users", {}, {"name": "", "password": "short", "role": "editor"}),
        "admin.sign_out_everywhere": ("POST", "/admin/users/{user_id}/sign-out", {"user_id": str(u)}, {}),
        "admin.feeds": ("GET", "/admin/feeds", {}, {}),
        "admin.add_feed": ("POST", "/admin/feeds", {}, {"url": "ftp://news.example/feed", "name": "News",
                                                        "language": "en"}),
        "admin.enable": ("POST", "/admin/feeds/{feed_id}/enable", {"feed_id": str(f)}, {}),
        "admin.disable": ("POST", "/admin/feeds/{feed_id}/disable", {"feed_id": str(f)}, {}),
        "admin.poll_now": ("POST", "/admin/feeds/{feed_id}/poll", {"feed_id": str(f)}, {}),
        "admin.export_opml": ("GET", "/admin/feeds.opml", {}, {}),
        "admin.set_full_text": ("POST", "/admin/feeds/{feed_id}/full-text", {"feed_id": str(f)}, {"full_text": "auto"}),
        # A form field, not an upload: the route must say "choose a file", never fail.
        "admin.import_opml": ("POST", "/admin/feeds/opml", {}, {"opml": "<opml version='2.0'/>"}),
        "dashboard.index": ("GET", "/dashboard", {}, {"days": "14"}),
        "stories.index": ("GET", "/stories", {}, {"page": "1", "order": "newest"}),
        "stories.story": ("GET", "/stories/{story_id}", {"story_id": str(ids["story"])}, {}),
        "fact_decisions.decide_view": ("POST", "/stories/{story_id}/facts/{number}/decide",
                                       {"story_id": "1", "number": str(c)},
                                       {"status": "corroborated", "claim": str(c), f"v{c}": str(v), "note": "checked"}),
        "fact_decisions.undo_view": ("POST", "/stories/{story_id}/undo", {"story_id": "1"}, {"batch": "1"}),
        "story_edits.move": ("POST", "/stories/{story_id}/articles/{article_id}/move",
                             {"story_id": str(ids["story"]), "article_id": str(ids["article"])},
                             {"to": str(ids["other story"]), "split": ""}),
        "tokens.index": ("GET", "/tokens", {}, {}),
        "tokens.add": ("POST", "/tokens", {}, {"name": "CMS", "scope": "read"}),
        "tokens.revoke": ("POST", "/tokens/{token_id}/revoke", {"token_id": "1"}, {}),
        "webhooks.index": ("GET", "/admin/webhooks", {}, {}),
        "webhooks.add": ("POST", "/admin/webhooks", {}, {"url": "http://192.0.2.1/hook", "event": "claim.decided"}),
        "webhooks.remove": ("POST", "/admin/webhooks/{hook_id}/remove", {"hook_id": "1"}, {}),
        # The API answers these clients (no token) with JSON 401s; tests/web/test_api.py sends tokens.
        "api.openapi": ("GET", "/api/v1/openapi.json", {}, {}),
        "api.claims": ("GET", "/api/v1/claims", {}, {k: v for k, v in filters.items() if k not in ("from", "to", "page")}),
        "api.claim": ("GET", "/api/v1/claims/{claim_id}", {"claim_id": str(c)}, {"fields": "id,text"}),
        "api.add_decision": ("POST", "/api/v1/claims/{claim_id}/decisions", {"claim_id": str(c)},
                             {"status": "disputed", "version": str(v)}),
        "api.story_facts_list": ("GET", "/api/v1/stories/{story_id}/facts", {"story_id": "1"}, {}),
        "api.decide_story_fact": ("POST", "/api/v1/stories/{story_id}/facts/{number}/decisions",
                                  {"story_id": "1", "number": str(c)}, {"status": "disputed", "versions": str(v)}),
        "api.add_article": ("POST", "/api/v1/articles", {}, {"source": "Outlet A", "text": "The mayor said."}),
        "api.feeds": ("GET", "/api/v1/feeds", {}, {}),
        "api.poll": ("POST", "/api/v1/feeds/{feed_id}/poll", {"feed_id": str(f)}, {}),
        "api.claimreview": ("GET", "/api/v1/claimreview", {}, {"status": "disputed", "limit": "10"}),
    }


def _counts(factory) -> dict[str, int]:
    with factory() as s:
        out = {t.name: s.scalar(select(func.count()).select_from(t))
               for t in Base.metadata.sorted_tables if t.name not in BOOKKEEPING}
        out["claim versions"] = s.scalar(select(func.coalesce(func.sum(Claim.version), 0)))
        out["enabled feeds"] = s.scalar(select(func.count()).select_from(Feed).where(Feed.enabled.is_(True)))
        return out


def _encode(value: str | bytes) -> str:
    return quote(value, safe="") if isinstance(value, bytes) else quote(value.encode("utf-8"), safe="")


def _send(client, method: str, path: str, params: dict, token: str | None, raw: tuple[str, bytes] | None):
    if method == "GET":
        query = urlencode(params)
        if raw:
            query += ("&" if query else "") + f"{raw[0]}=" + _encode(raw[1])
        return client.get(path + ("?" + query if query else ""))
    form = dict(params)
    if token:
        form["csrf_token"] = token
    if raw:
        body = urlencode(form).encode() + f"&{raw[0]}=".encode() + raw[1]
        return client.post(path, data=body, content_type="application/x-www-form-urlencoded")
    return client.post(path, data=form)


@pytest.fixture
def world(app, factory, client):
    with transaction(factory) as s:
        c = data.claim(s, "Outlet A", "The bridge reopens on Monday.", speaker="The mayor")
        other = data.claim(s, "Outlet B", "The bridge reopens on Tuesday.", speaker="The mayor")
        stories.regroup(s, [c.article_id, other.article_id])  # unlinked: two stories, to move one's article
        story, other_story = (s.scalar(select(Article.story_id).where(Article.id == x.article_id)) for x in (c, other))
        feed = Feed(name="A feed", url="http://127.0.0.1:9/feed.xml", kind="feed", enabled=False, language="en")
        s.add(feed)
        s.flush()
        from factcheck.store.models import User

        user = s.scalar(select(User).where(User.name == "rana"))
        ids = {"claim": c.id, "version": c.version, "source": c.feed_id, "feed": feed.id, "user": user.id,
               "article": c.article_id, "story": story, "other story": other_story}
    anonymous = app.test_client()
    anonymous.environ_base["REMOTE_ADDR"] = "192.0.2.99"  # its failed logins throttle its own address only
    admin = admin_client(app, factory)
    return {"routes": _routes(ids), "clients": {"editor": client, "admin": admin, "anonymous": anonymous}}


def test_every_route_is_in_the_table(app, world):
    endpoints = {r.endpoint for r in app.url_map.iter_rules()}
    assert endpoints == set(world["routes"]), "add the new route to ROUTES with a well-formed request"


ROLES = ("editor", "admin", "anonymous")


@pytest.mark.slow
@pytest.mark.parametrize("role", ROLES)
def test_hostile_values_never_answer_5xx_and_a_refusal_writes_nothing(app, factory, world, role):
    routes = world["routes"]
    client = world["clients"][role]
    names = {"rana": "correct horse battery", "boss": "admin password 1"}
    me = {"editor": "rana", "admin": "boss"}.get(role)
    endpoints = sorted(routes)

    tokens: dict[str, str] = {}

    def token_for(endpoint: str) -> str:
        # The CSRF token is the session's: read once, and again after a route that may have
        # ended or started the session (logging in and out, a password change).
        if "token" not in tokens or endpoint.startswith("auth."):
            if me and client.get("/queue").status_code != 200:
                assert login(client, me, names[me]).status_code == 302
            tokens["token"] = csrf_token(client, "/login" if role == "anonymous" else "/queue")
        return tokens["token"]

    @hsettings(max_examples=12 * len(endpoints), deadline=None, derandomize=True,
               suppress_health_check=list(HealthCheck))
    @given(st.sampled_from(endpoints), st.data())
    def check(endpoint, draw):
        method, template, path_values, params = routes[endpoint]
        token = token_for(endpoint) if method == "POST" else None
        # A route that reads nothing is sent a parameter it does not expect.
        where = draw.draw(st.sampled_from(sorted(path_values) + sorted(params) + ["csrf_token"] * (method == "POST")
                                          or ["unexpected"]))
        value = draw.draw(HOSTILE)
        path_values, params, raw = dict(path_values), dict(params), None
        if where == "csrf_token":
            token = value if isinstance(value, str) else None
        elif where in path_values:
            path_values[where] = value
        elif isinstance(value, bytes):
            params.pop(where, None)
            raw = (where, value)
        else:
            params[where] = value
        path = template.format(**{k: _encode(v) for k, v in path_values.items()})
        before = _counts(factory)
        r = _send(client, method, path, params, token, raw)
        assert r.status_code < 500, f"{method} {path} {where}={value!r:.80}: {r.status_code}"
        if r.status_code >= 400:
            assert _counts(factory) == before, f"{method} {path} {where}={value!r:.80}: refused but wrote"

    check()
