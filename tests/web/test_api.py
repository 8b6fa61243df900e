"""/api/v1/ over a real HTTP server (the app under waitress on 127.0.0.1), real database.

Every response is checked against the OpenAPI document the app serves with openapi-core (its
operation's statuses, content type, declared headers and body schema: tests/support/openapi.py),
and the document itself with openapi-spec-validator.
"""
from __future__ import annotations

import json
import re
import threading

import httpx
import pytest
from openapi_spec_validator import validate as validate_spec
from sqlalchemy import func, select

from factcheck.config import ROOT
from factcheck.store import stories
from factcheck.store.db import transaction
from factcheck.store.models import ApiToken, Claim, Decision, Feed, User, WebhookDelivery
from factcheck.store.retrieval import index_claims
from factcheck.store.review import create_user, decide
from factcheck.store.tokens import create_token, hash_token
from factcheck.store.webhooks import create_hook

from ..conftest import csrf_token
from ..support.evaldata import require
from ..support.feedserver import FeedServer, Reply
from ..support.openapi import SPEC, checked, checked_flask
from . import data

@pytest.fixture
def server(app):
    from waitress import create_server

    srv = create_server(app, host="127.0.0.1", port=0, threads=6)
    stopping = threading.Event()

    def serve() -> None:
        try:
            srv.run()
        except OSError:  # the listening socket closed under the loop's select(): the fixture's stop
            if not stopping.is_set():
                raise

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.effective_port}"
    stopping.set()
    srv.task_dispatcher.shutdown()
    srv.close()
    thread.join(5)


def _token(factory, name: str, scope: str = "write", role: str = "editor") -> str:
    with transaction(factory) as s:
        user = s.scalar(select(User).where(User.name == name)) or create_user(s, name, "long password 1", role)
        return create_token(s, user, scope)[1]


def api(base: str, token: str | None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.Client(base_url=base + "/api/v1", headers=headers, timeout=30)


@pytest.fixture
def world(factory):
    """Five claims of two outlets, indexed; a match between the bridge claims; one decision."""
    with transaction(factory) as s:
        a = data.claim(s, "Outlet A", "The bridge reopens on Monday.", speaker="The mayor")
        b = data.claim(s, "Outlet B", "The bridge reopens on Tuesday.", speaker="The mayor")
        c = data.claim(s, "Outlet B", "Schools close for the winter holiday.", speaker="The minister")
        d = data.claim(s, "Outlet A", "قال ترامب إن الاتفاق سيوقع قريبا", speaker="ترامب", language="ar")
        e = data.claim(s, "Outlet A", "Forty trucks crossed the border.", speaker="The governor")
        index_claims(s, [a, b, c, d, e])
        data.link(s, a, b, relation="conflicts", score=88.0, reason="another day",
                  diff=[["equal", "The bridge reopens on"], ["delete", "Monday."], ["insert", "Tuesday."]])
        ids = [a.id, b.id, c.id, d.id, e.id]
    with transaction(factory) as s:
        decide(s, ids[4], s.scalar(select(User).where(User.name == "rana")), "corroborated", "seen it")
    return ids


def test_the_openapi_document_is_valid_and_served_without_a_token(server):
    validate_spec(SPEC)
    with api(server, None) as c:
        r = checked(c.get("/openapi.json"))
    assert r.status_code == 200 and r.json()["openapi"] == "3.1.0"
    assert set(r.json()["paths"]) >= {"/claims", "/claims/{claim_id}", "/claims/{claim_id}/decisions", "/articles",
                                      "/feeds", "/feeds/{feed_id}/poll", "/claimreview"}
    assert set(r.json()["webhooks"]) == {"claim.conflict", "claim.decided"}, "the events sent to webhooks"


def test_claims_are_listed_in_keyset_pages_with_filters_and_fields(server, factory, editor, world):
    token = _token(factory, "rana", "read")
    with api(server, token) as c:
        seen, cursor = [], None
        while True:
            r = checked(c.get("/claims", params={"limit": 2, **({"cursor": cursor} if cursor else {})}))
            assert r.status_code == 200
            seen += [x["id"] for x in r.json()["claims"]]
            cursor = r.json()["next"]
            if cursor is None:
                break
        assert seen == sorted(world), "every claim once, in id order, across the pages"
        first = checked(c.get("/claims", params={"source": "Outlet B"})).json()["claims"]
        assert [x["id"] for x in first] == [world[1], world[2]]
        assert first[0]["article"]["source"] == "Outlet B" and first[0]["version"] == 1
        assert first[0]["matches"][0]["relation"] == "conflicts"
        trimmed = checked(c.get("/claims", params={"fields": "text,status", "status": "corroborated"})).json()
        assert trimmed["claims"] == [{"id": world[4], "text": "Forty trucks crossed the border.",
                                      "status": "corroborated"}]
        by_editor = checked(c.get("/claims", params={"editor": "rana", "fields": "id"})).json()["claims"]
        assert [x["id"] for x in by_editor] == [world[4]]
        speaker = checked(c.get("/claims", params={"speaker": "minister", "fields": "id"})).json()["claims"]
        assert [x["id"] for x in speaker] == [world[2]]


def test_q_searches_the_index_with_the_matchers_folding(server, factory, editor, world):
    token = _token(factory, "rana", "read")
    with api(server, token) as c:
        def ids(q: str) -> list[int]:
            return [x["id"] for x in checked(c.get("/claims", params={"q": q, "fields": "id"})).json()["claims"]]

        assert ids("bridge") == [world[0], world[1]]
        assert ids("winter schools") == [world[2]]
        assert ids("bridge schools") == [], "every word must be there"
        assert ids("ترمب") == [world[3]], "ترمب finds ترامب, as matching folds them"
        assert ids("الإتفاق") == [world[3]], "hamza forms fold"
        assert ids("submarine") == []
        r = checked(c.get("/claims", params={"q": "the of"}))
        assert r.status_code == 400 and "no word the index keeps" in r.json()["error"]["message"]


@pytest.mark.parametrize("params, needle", [
    ({"limit": "0"}, "limit"), ({"limit": "201"}, "limit"), ({"cursor": "²"}, "cursor"),
    ({"cursor": str(2**63)}, "cursor"), ({"status": "bogus"}, "unknown status"), ({"kind": "poem"}, "unknown kind"),
    ({"since": "yesterday"}, "start date"), ({"source": "Nobody"}, "no source named"),
    ({"fields": "id,secret"}, "unknown field"), ({"colour": "red"}, "unknown parameter"),
    ({"q": "x" * 201}, "limited to 200"), ({"by": "moon"}, "date basis"),
])
def test_bad_list_parameters_are_json_400s_naming_the_problem(server, factory, editor, world, params, needle):
    with api(server, _token(factory, "rana", "read")) as c:
        r = checked(c.get("/claims", params=params))
    assert r.status_code == 400 and r.json()["error"]["code"] == "bad_request"
    assert needle in r.json()["error"]["message"]


def test_one_claim_has_its_article_matches_with_diff_and_decisions(server, factory, editor, world):
    with api(server, _token(factory, "rana", "read")) as c:
        one = checked(c.get(f"/claims/{world[0]}")).json()
        assert one["text"] == "The bridge reopens on Monday." and one["article"]["source"] == "Outlet A"
        m = one["matches"][0]
        assert (m["claim_id"], m["relation"], m["score"], m["reason"]) == (world[1], "conflicts", 88.0, "another day")
        assert ["delete", "Monday."] in m["diff"]
        decided = checked(c.get(f"/claims/{world[4]}")).json()
        assert [(d["status"], d["editor"], d["note"]) for d in decided["decisions"]] == [("corroborated", "rana",
                                                                                           "seen it")]
        missing = checked(c.get("/claims/999999"))
        assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
        # Below every id: the claim is looked up by walking from just before it, never the next one found.
        before_all = checked(c.get("/claims/0"))
        assert before_all.status_code == 404 and before_all.json()["error"]["code"] == "not_found"
        for path in ("/claims/abc", "/claims/" + "9" * 30, "/nothing-here"):
            r = checked(c.get(path))
            assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
        wrong = checked(c.delete(f"/claims/{world[0]}"))
        assert wrong.status_code == 405 and wrong.json()["error"]["code"] == "method_not_allowed"


def test_each_claim_names_its_story_null_when_its_article_is_in_none(server, factory, editor, world):
    with api(server, _token(factory, "rana", "read")) as c:
        assert [x["story"] for x in checked(c.get("/claims")).json()["claims"]] == [None] * 5
    with transaction(factory) as s:
        # The bridge reports conflict at 88: one event; the others are events of their own.
        stories.regroup(s, s.scalars(select(Claim.article_id).where(Claim.id.in_(world[:3]))).all())
    with api(server, _token(factory, "rana", "read")) as c:
        listed = {x["id"]: x["story"] for x in checked(c.get("/claims", params={"fields": "story"})).json()["claims"]}
        assert listed[world[0]] == listed[world[1]] and isinstance(listed[world[0]], int)
        assert listed[world[2]] not in (None, listed[world[0]]) and listed[world[3]] is None
        assert checked(c.get(f"/claims/{world[1]}")).json()["story"] == listed[world[0]]


def test_no_token_or_a_browser_session_is_refused_with_json(server, client, world):
    with api(server, None) as c:
        r = checked(c.get("/claims"))
        assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")
        r = checked(c.get("/claims", headers={"Authorization": "Bearer fc_not-a-real-token"}))
        assert r.status_code == 401 and "unknown or revoked" in r.json()["error"]["message"]
    # `client` is signed in to the web pages: its cookie opens nothing here, and a POST with it
    # meets the token check, not a CSRF page.
    r = checked_flask(client.get("/api/v1/claims"))
    assert r.status_code == 401 and r.is_json
    r = checked_flask(client.post(f"/api/v1/claims/{world[0]}/decisions", json={"status": "disputed", "version": 1}))
    assert r.status_code == 401 and r.is_json


def test_a_decision_goes_through_review_with_the_token_and_its_user_in_the_history(server, factory, client,
                                                                                    world):
    secret = _token(factory, "rana", "write")
    with factory() as s:
        token_id = s.scalar(select(ApiToken.id).where(ApiToken.token_hash == hash_token(secret)))
        with transaction(factory) as w:
            w.get(ApiToken, token_id).name = "CMS"
    with transaction(factory) as s:  # a hook hears the decision, with the token too
        create_hook(s, "http://192.0.2.1/hook", ["claim.decided"], allow_private=True)
    with api(server, secret) as c:
        r = checked(c.post(f"/claims/{world[0]}/decisions", json={"status": "disputed", "note": "wrong day",
                                                                   "version": 1}))
        assert r.status_code == 201
        assert r.json()["claim"] == {"id": world[0], "status": "disputed", "version": 2}
        assert r.json()["decision"]["editor"] == "rana" and r.json()["decision"]["previous_status"] == "pending"
        assert r.json()["decision"]["token_id"] == token_id
        # The same shape as a story fact's decisions: which claim, and no submission of a story's fact.
        assert r.json()["decision"]["claim_id"] == world[0] and r.json()["decision"]["batch_id"] is None
        again = checked(c.get(f"/claims/{world[0]}")).json()
        assert again["status"] == "disputed" and again["decisions"][-1]["note"] == "wrong day"
        assert again["decisions"][-1]["token_id"] == token_id, "the trail names the token"
        web = checked(c.get(f"/claims/{world[4]}")).json()
        assert web["decisions"][-1]["token_id"] is None, "a decision made on the web names no token"
    with factory() as s:
        d = s.scalar(select(Decision).where(Decision.claim_id == world[0]))
        assert d.user.name == "rana" and d.status == "disputed" and d.token_id == token_id
        [event] = [json.loads(b) for b in s.scalars(select(WebhookDelivery.body))]
        assert event["data"]["decision"]["token_id"] == token_id and event["data"]["decision"]["editor"] == "rana"
    page = client.get(f"/claims/{world[0]}").get_data(as_text=True)
    history = page.split('id="history"', 1)[1]
    assert f"with API token #{token_id}" in history and "(<span dir=\"auto\">CMS</span>)" in history
    assert "برمز API رقم" in client.get(f"/claims/{world[0]}", headers={"Accept-Language": "ar"}).get_data(as_text=True)


@pytest.mark.parametrize("body, status, needle", [
    ({"status": "disputed"}, 400, "version is required"),
    ({"status": "disputed", "version": "1"}, 400, "version is required"),
    ({"status": "disputed", "version": True}, 400, "version is required"),
    ({"status": "disputed", "version": 2**40}, 400, "version is required"),
    ({"status": "pending", "version": 1}, 400, "unknown status"),
    ({"status": 7, "version": 1}, 400, "status must be a string"),
    ({"status": "disputed", "version": 1, "note": "x" * 10_001}, 400, "note is limited"),
    ({"status": "disputed", "version": 1, "by": "boss"}, 400, "unknown field"),
    ([1, 2], 400, "JSON object"),
])
def test_bad_decisions_are_refused_and_write_nothing(server, factory, editor, world, body, status, needle):
    with api(server, _token(factory, "rana", "write")) as c:
        r = checked(c.post(f"/claims/{world[0]}/decisions", json=body))
    assert r.status_code == status and needle in r.json()["error"]["message"]
    with factory() as s:
        assert s.get(Claim, world[0]).version == 1
        assert s.scalar(select(func.count()).select_from(Decision).where(Decision.claim_id == world[0])) == 0


def test_bodies_that_are_not_json_objects_get_json_errors(server, factory, editor, world):
    with api(server, _token(factory, "rana", "write")) as c:
        r = checked(c.post(f"/claims/{world[0]}/decisions", data={"status": "disputed", "version": "1"}))
        assert r.status_code == 415
        r = checked(c.post(f"/claims/{world[0]}/decisions", content=b"{not json",
                           headers={"Content-Type": "application/json"}))
        assert r.status_code == 400
        r = checked(c.post(f"/claims/{world[0]}/decisions", content=b"\xff\xfe{}",
                           headers={"Content-Type": "application/json"}))
        assert r.status_code == 400
        r = checked(c.post("/articles", content=b"x" * (3 * 2**20), headers={"Content-Type": "application/json"}))
        assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"
        r = checked(c.post(f"/claims/{world[0]}/decisions", json={"status": "disputed", "version": 1},
                           params={"lang": "ar"}, headers={"Cookie": "lang=ar"}))
        assert r.status_code == 201  # a cookie is no credential, and does not change the answer


def test_two_writers_of_one_decision_the_second_gets_409_naming_the_first(server, factory, editor, world):
    tokens = {"rana": _token(factory, "rana", "write"), "omar": _token(factory, "omar", "write")}
    start = threading.Barrier(2)
    answers: dict[str, httpx.Response] = {}

    def send(name: str) -> None:
        with api(server, tokens[name]) as c:
            start.wait()
            answers[name] = c.post(f"/claims/{world[1]}/decisions",
                                   json={"status": "corroborated" if name == "rana" else "disputed", "version": 1})

    threads = [threading.Thread(target=send, args=(n,)) for n in tokens]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    codes = sorted(checked(r).status_code for r in answers.values())
    assert codes == [201, 409], {n: r.text for n, r in answers.items()}
    winner = next(n for n, r in answers.items() if r.status_code == 201)
    loser = answers[next(n for n in answers if n != winner)].json()["error"]
    assert loser["code"] == "conflict" and loser["changed_by"] == winner and winner in loser["message"]
    assert loser["version"] == 2
    with factory() as s:
        rows = s.scalars(select(Decision).where(Decision.claim_id == world[1])).all()
        assert [d.user.name for d in rows] == [winner], "one decision stored"


def test_scopes_and_roles(server, factory, editor, world):
    read = _token(factory, "rana", "read")
    write = _token(factory, "rana", "write")
    admin = _token(factory, "boss", "write", role="admin")
    admin_read = _token(factory, "boss", "read")
    with FeedServer() as feeds:
        feeds.route("/feed.xml", Reply(200, body=(ROOT / "samples" / "world-desk.xml").read_text(encoding="utf-8")))
        with transaction(factory) as s:
            f = Feed(name="World desk", url=feeds.url("/feed.xml"), language="en", interval_minutes=30)
            s.add(f)
            s.flush()
            fid = f.id
        with api(server, read) as c:
            r = checked(c.post(f"/claims/{world[0]}/decisions", json={"status": "disputed", "version": 1}))
            assert r.status_code == 403 and r.json()["error"]["code"] == "insufficient_scope"
            r = checked(c.post("/articles", json={"source": "X", "text": "The mayor said: \"Hello there.\""}))
            assert r.status_code == 403
            with transaction(factory) as s:
                s.add(Feed(name="Paywalled", url="https://desk:s3cret@paper.example/feed.xml", enabled=False))
            listed = checked(c.get("/feeds")).json()["feeds"]
            assert {x["name"] for x in listed} >= {"World desk", "Outlet A"}
            assert next(x["url"] for x in listed if x["name"] == "Paywalled") == "https://***@paper.example/feed.xml"
        with api(server, write) as c:
            r = checked(c.post(f"/feeds/{fid}/poll"))
            assert r.status_code == 403 and "admins" in r.json()["error"]["message"]
        with api(server, admin_read) as c:
            assert checked(c.post(f"/feeds/{fid}/poll")).status_code == 403
        with api(server, admin) as c:
            r = checked(c.post(f"/feeds/{fid}/poll"))
            assert r.status_code == 200 and r.json()["error"] is None and r.json()["new"] >= 1
            assert checked(c.post("/feeds/999999/poll")).status_code == 404
            health = next(x for x in checked(c.get("/feeds")).json()["feeds"] if x["id"] == fid)
            assert health["last_status"] == 200 and health["error_count"] == 0 and health["last_success_at"]
    with factory() as s:
        assert s.get(Claim, world[0]).version == 1


def test_a_revoked_token_is_refused_at_once(server, app, factory, client, world):
    with transaction(factory) as s:
        row, secret = create_token(s, s.scalar(select(User).where(User.name == "rana")), "read")
        tid = row.id
    with api(server, secret) as c:
        assert checked(c.get("/feeds")).status_code == 200
        # Revoked on the tokens page, as its owner.
        r = client.post(f"/tokens/{tid}/revoke", data={"csrf_token": csrf_token(client, "/tokens")})
        assert r.status_code == 303
        r = checked(c.get("/feeds"))
        assert r.status_code == 401 and "revoked" in r.json()["error"]["message"]


def test_each_token_is_rate_limited(server, settings, factory, editor, world):
    settings.api_rate_limit = 3  # the app's own Settings (FACTCHECK_API_RATE_LIMIT)
    busy, other = _token(factory, "rana", "read"), _token(factory, "rana", "read")
    with api(server, busy) as c:
        assert [checked(c.get("/feeds")).status_code for _ in range(3)] == [200, 200, 200]
        r = checked(c.get("/feeds"))
        assert r.status_code == 429 and 1 <= int(r.headers["retry-after"]) <= 60
    with api(server, other) as c:
        assert checked(c.get("/feeds")).status_code == 200, "another token has its own budget"


def test_claimreview_publishes_decided_claims_only(server, factory, editor, world):
    with api(server, _token(factory, "rana", "read")) as c:
        r = checked(c.get("/claimreview")).json()
        assert [x["claimReviewed"] for x in r["reviews"]] == ["Forty trucks crossed the border."]
        assert r["reviews"][0]["reviewRating"]["alternateName"]
        assert checked(c.get("/claimreview", params={"status": "pending"})).json()["reviews"] == []


def test_post_articles_is_idempotent_and_answers_with_claims(server, factory, editor):
    article = {"source": "Desk wire", "title": "Bridge", "url": "https://wire.example/bridge",
               "text": 'The mayor said: "The bridge will reopen on Monday after repairs."',
               "published": "2025-11-07T10:00:00Z", "language": "en"}
    with api(server, _token(factory, "rana", "write")) as c:
        first = checked(c.post("/articles", json=article))
        assert first.status_code == 201 and first.json()["created"] is True
        quotes = [x for x in first.json()["claims"] if x["kind"] == "quote"]
        assert quotes and "bridge will reopen" in quotes[0]["text"]
        again = checked(c.post("/articles", json=article))
        assert again.status_code == 200 and again.json()["created"] is False
        assert again.json()["article"]["id"] == first.json()["article"]["id"]
        assert [x["id"] for x in again.json()["claims"]] == [x["id"] for x in first.json()["claims"]]
        for bad, needle in (({**article, "url": "javascript:alert(1)"}, "url"),
                            ({**article, "published": "Monday"}, "published"),
                            ({"source": "X"}, "text or as html"), ({**article, "html": "<p>x</p>"}, "one of them"),
                            ({**article, "language": "fr"}, "language"), ({**article, "source": " "}, "source")):
            r = checked(c.post("/articles", json=bad))
            assert r.status_code == 400 and needle in r.json()["error"]["message"]
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(Claim)) == len(first.json()["claims"])


def test_post_articles_of_the_seed_returns_its_claims_and_matches_with_the_sample_feeds(server, factory, settings,
                                                                                        editor):
    seed = require("seed/article.txt")
    from factcheck.ingest.feeds_yaml import load_feeds_file
    from factcheck.store.polling import sync_feeds
    from factcheck.worker import poll_round

    settings.feeds_file = ROOT / "feeds.yaml"
    specs = [x for x in load_feeds_file(ROOT / "feeds.yaml") if x.url.startswith("file:")]
    with transaction(factory) as s:
        sync_feeds(s, specs)
    assert all(o.error is None for o in poll_round(factory, settings))
    with api(server, _token(factory, "rana", "write")) as c:
        r = checked(c.post("/articles", json={"source": "Seed desk", "text": seed.read_text(encoding="utf-8"),
                                              "published": "2025-11-07T22:13:00+02:00", "language": "ar"}))
    assert r.status_code == 201
    claims = r.json()["claims"]
    assert {"quote", "date", "figure"} <= {x["kind"] for x in claims}
    assert any(x["kind"] == "date" and x["date"] == "2025-10-19" for x in claims)
    matched = [m for x in claims for m in x["matches"]]
    assert matched, "the seed's claims meet the sample feeds' reports"
    assert all(m["source"] != "Seed desk" for m in matched)


def test_tokens_page_shows_a_new_token_once_and_stores_its_hash(client, factory):
    page = client.get("/tokens")
    assert page.status_code == 200 and "API tokens" in page.get_data(as_text=True)
    r = client.post("/tokens", data={"name": "CMS", "scope": "write", "csrf_token": csrf_token(client, "/tokens")})
    assert r.status_code == 201
    secret = re.search(r'id="new-token">(fc_[^<]+)<', r.get_data(as_text=True)).group(1)
    with factory() as s:
        row = s.scalar(select(ApiToken))
        assert row.token_hash == hash_token(secret) and row.scope == "write" and row.name == "CMS"
        assert secret not in (row.prefix + row.token_hash + row.name)
    listed = client.get("/tokens").get_data(as_text=True)
    assert secret not in listed and row.prefix in listed, "shown once: later only its first characters"
    refused = client.post("/tokens", data={"name": "no csrf", "scope": "read"})
    assert refused.status_code == 400
    bad = client.post("/tokens", data={"scope": "admin", "csrf_token": csrf_token(client, "/tokens")})
    assert bad.status_code == 400
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(ApiToken)) == 1


def test_nobody_revokes_another_users_token_on_the_page(client, factory):
    with transaction(factory) as s:
        other = create_user(s, "omar", "long password 1", "editor")
        tid = create_token(s, other, "read")[0].id
    r = client.post(f"/tokens/{tid}/revoke", data={"csrf_token": csrf_token(client, "/tokens")})
    assert r.status_code == 404
    with factory() as s:
        assert s.get(ApiToken, tid).revoked_at is None


HOSTILE = [str(2**63), "9" * 40, "-1", "0", "²", "٣٤", "１２", "1\r\nX-Injected: 1", "\n", "a\x00b", "%00", "%ff%fe",
           "//evil.example", "javascript:alert(1)", " 1", "", "1e3", "0x10", "x" * 5000, "ترمب,,", ",", "id,,text"]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_in_every_parameter_are_json_4xx_never_5xx(server, factory, editor, world, value):
    from urllib.parse import quote

    gets = {"/claims": LIST, "/claims/{id}": ("fields",), "/claimreview": REVIEW, "/feeds": ("unexpected",)}
    posts = {"/claims/{id}/decisions": ("status", "note", "version"),
             "/articles": ("source", "title", "text", "html", "url", "published", "language")}
    with api(server, _token(factory, "rana", "write")) as c:
        before = _writes(factory)
        for path, names in gets.items():
            for name in names:
                r = checked(c.get(path.replace("{id}", str(world[0])) + f"?{name}=" + quote(value.encode(), safe="")))
                assert r.status_code < 500, (path, name, value, r.text)
            r = checked(c.get("/claims/" + quote(value.encode(), safe="")))
            assert 400 <= r.status_code < 500
        for path, names in posts.items():
            for name in names:
                body = {"status": "disputed", "version": 99, "source": "S", "text": "x", name: value}
                r = checked(c.post(path.replace("{id}", str(world[0])), json=body))
                assert r.status_code < 500, (path, name, value, r.text)
        r = checked(c.post(f"/claims/{world[0]}/decisions", content=value.encode("utf-8", "surrogatepass"),
                           headers={"Content-Type": "application/json"}))
        assert 400 <= r.status_code < 500
    after = _writes(factory)
    # Only an article can rightly be stored (text "x" with a hostile but valid title, say); no decision ever is.
    assert after["decisions"] == before["decisions"] and after["versions"] == before["versions"]


LIST = ("status", "kind", "source", "language", "editor", "since", "until", "by", "speaker", "q", "cursor", "limit",
        "fields")
REVIEW = ("status", "kind", "source", "language", "editor", "since", "until", "by", "cursor", "limit")


def _writes(factory) -> dict[str, int]:
    with factory() as s:
        return {"decisions": s.scalar(select(func.count()).select_from(Decision)),
                "versions": s.scalar(select(func.sum(Claim.version)))}
