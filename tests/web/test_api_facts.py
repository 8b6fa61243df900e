"""/api/v1/stories/{id}/facts: a story's facts over the API, and one decided at once through the same
store function as the story page and the CLI (issue 22, build 4); every answer checked against the
OpenAPI document."""
from __future__ import annotations

from sqlalchemy import func, select

from factcheck.store.db import transaction
from factcheck.store.models import Claim, Decision
from factcheck.store.review import create_user, decide

from ..support.openapi import checked
from ..test_fact_decisions import flood
from . import test_api

server = test_api.server  # the fixture: the app behind waitress on 127.0.0.1


def _statuses(factory, *ids: int) -> dict[int, str]:
    with factory() as s:
        return dict(s.execute(select(Claim.id, Claim.status).where(Claim.id.in_(ids))).all())


def test_a_storys_facts_are_listed_by_number_with_their_claims_versions(server, factory, editor):
    ids = flood(factory)
    token = test_api._token(factory, "rana", "read")
    with test_api.api(server, token) as c:
        r = checked(c.get(f"/stories/{ids['story']}/facts"))
        assert r.status_code == 200
        first = r.json()["facts"][0]
        assert first["number"] == ids["fact"] and first["outlets"] == ["Outlet A", "Outlet B", "Outlet D"]
        assert [(x["id"], x["status"], x["version"]) for x in first["claims"]] == [
            (ids[k], "pending", 1) for k in sorted(("a", "b", "d"), key=ids.get)]
        assert first["others"] == [ids["c"]]
        assert checked(c.get("/stories/999999/facts")).status_code == 404
        # A read token may not decide.
        r = checked(c.post(f"/stories/{ids['story']}/facts/{ids['fact']}/decisions",
                           json={"status": "disputed", "versions": {str(ids["a"]): 1}}))
        assert r.status_code == 403


def test_a_fact_decided_over_the_api_names_the_story_and_the_token(server, factory, editor):
    ids = flood(factory)
    token = test_api._token(factory, "rana", "write")
    with test_api.api(server, token) as c:
        r = checked(c.post(f"/stories/{ids['story']}/facts/{ids['fact']}/decisions",
                           json={"status": "corroborated", "note": "wires agree",
                                 "versions": {str(ids["a"]): 1, str(ids["b"]): 1}}))
    assert r.status_code == 201, r.text
    out = r.json()
    assert [d["claim_id"] for d in out["decisions"]] == sorted((ids["a"], ids["b"]))
    assert {d["batch_id"] for d in out["decisions"]} == {out["decisions"][0]["id"]}
    assert _statuses(factory, ids["a"], ids["b"], ids["d"]) == {
        ids["a"]: "corroborated", ids["b"]: "corroborated", ids["d"]: "pending"}
    with factory() as s:
        rows = s.scalars(select(Decision)).all()
        assert {(d.story_id, d.note) for d in rows} == {(ids["story"], "wires agree")}
        assert all(d.token_id is not None for d in rows)


def test_a_stale_claim_answers_409_naming_it_and_who_and_nothing_is_decided(server, factory, editor):
    ids = flood(factory)
    with transaction(factory) as s:
        decide(s, ids["b"], create_user(s, "sami", "another long password"), "disputed")
    token = test_api._token(factory, "rana", "write")
    with test_api.api(server, token) as c:
        r = checked(c.post(f"/stories/{ids['story']}/facts/{ids['fact']}/decisions",
                           json={"status": "corroborated", "versions": {str(ids[k]): 1 for k in ("a", "b", "d")}}))
    assert r.status_code == 409
    err = r.json()["error"]
    assert err["changed_by"] == "sami" and err["claim_id"] == ids["b"] and "nothing was decided" in err["message"]
    assert _statuses(factory, ids["a"], ids["d"]) == {ids["a"]: "pending", ids["d"]: "pending"}


def test_bad_fact_decisions_are_refused_and_write_nothing(server, factory, editor):
    ids = flood(factory)
    token = test_api._token(factory, "rana", "write")
    path = f"/stories/{ids['story']}/facts/{ids['fact']}/decisions"
    with test_api.api(server, token) as c:
        for body, code in (({"status": "corroborated", "versions": {str(ids["c"]): 1}}, 400),  # not in the fact
                           ({"status": "skipped", "versions": {str(ids["a"]): 1}}, 400),
                           ({"status": "corroborated"}, 400), ({"status": "corroborated", "versions": {}}, 400),
                           ({"status": "corroborated", "versions": {"x": 1}}, 400),
                           ({"status": "corroborated", "versions": {str(ids["a"]): "1"}}, 400),
                           ({"status": "corroborated", "versions": {str(ids["a"]): 1}, "leave": []}, 400)):
            r = checked(c.post(path, json=body))
            assert r.status_code == code, (body, r.text)
        r = checked(c.post(f"/stories/{ids['story']}/facts/{ids['c'] + 999}/decisions",
                           json={"status": "corroborated", "versions": {str(ids["a"]): 1}}))
        assert r.status_code == 404
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(Decision)) == 0
