"""Deciding a fact of a story from the story page (issue 22, build 4): the form, forged ids, stale
versions, CSRF, the claim's history naming the story, and undo of the fact."""
from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import func, select

from factcheck.store import stories
from factcheck.store.db import transaction
from factcheck.store.models import Claim, Decision, User
from factcheck.store.review import create_user, decide

from ..conftest import csrf_token
from ..test_fact_decisions import flood
from . import data


def _form(html: str, number: int) -> str:
    m = re.search(rf'<form method="post" class="decide-fact" id="fact-{number}".*?</form>', html, re.S)
    assert m, f"no form for fact {number}"
    return m.group(0)


def _decisions(factory) -> int:
    with factory() as s:
        return s.scalar(select(func.count()).select_from(Decision))


def _statuses(factory, *ids: int) -> dict[int, str]:
    with factory() as s:
        return dict(s.execute(select(Claim.id, Claim.status).where(Claim.id.in_(ids))).all())


def _post(client, ids, status="corroborated", claims=None, versions=None, token=None, **extra):
    claims = [ids["a"], ids["b"], ids["d"]] if claims is None else claims
    form = {"status": status, "claim": [str(c) for c in claims], **extra}
    for c in claims:
        form[f"v{c}"] = str((versions or {}).get(c, 1))
    if token is not False:
        form["csrf_token"] = token or csrf_token(client, f"/stories/{ids['story']}")
    return client.post(f"/stories/{ids['story']}/facts/{ids['fact']}/decide", data=form)


def test_each_fact_has_a_form_with_its_number_its_claims_ticked_and_their_versions(client, factory):
    ids = flood(factory)
    html = client.get(f"/stories/{ids['story']}").get_data(as_text=True)
    form = _form(html, ids["fact"])
    assert f"Fact {ids['fact']}" in form
    for k in ("a", "b", "d"):
        assert re.search(rf'name="claim" value="{ids[k]}" checked', form)
        assert f'name="v{ids[k]}" value="1"' in form
    assert f'value="{ids["c"]}"' not in form, "the outlet giving another figure is not in the fact"
    assert 'name="csrf_token"' in form
    assert _form(html, ids["c"]), "the diverging figure is a fact of its own, with its own form"
    assert "on a story: decide the selected fact" in html  # the key help says what c/d/u do here


def test_deciding_a_fact_decides_the_ticked_claims_and_says_so_on_the_story_page(client, factory):
    ids = flood(factory)
    r = _post(client, ids, "corroborated", claims=[ids["a"], ids["b"]], note="two wires agree")
    assert r.status_code == 303 and r.headers["Location"].endswith(f"/stories/{ids['story']}#fact-{ids['fact']}")
    html = client.get(r.headers["Location"]).get_data(as_text=True)
    assert f"fact {ids['fact']}: 2 × corroborated" in html
    assert _statuses(factory, ids["a"], ids["b"], ids["d"], ids["c"]) == {
        ids["a"]: "corroborated", ids["b"]: "corroborated", ids["d"]: "pending", ids["c"]: "pending"}
    form = _form(html, ids["fact"])
    assert f'name="v{ids["a"]}" value="2"' in form and f'name="v{ids["d"]}" value="1"' in form
    assert 'class="undo-fact"' in html
    # Each claim's history names the story, with a link to it, and the note.
    page = client.get(f"/claims/{ids['a']}").get_data(as_text=True)
    history = page[page.index('id="history"'):]
    assert f'href="/stories/{ids["story"]}">decided on story {ids["story"]}</a>' in history
    assert "two wires agree" in history and "rana" in history


def test_a_forged_claim_id_is_refused_and_nothing_decided(client, factory):
    ids = flood(factory)
    with transaction(factory) as s:
        elsewhere = data.claim(s, "Outlet Z", "The museum opens a new wing.", published=data.WHEN + timedelta(days=9))
        stories.regroup(s, [elsewhere.article_id])
    for forged in (ids["c"], elsewhere.id, 2**31 - 1):
        r = _post(client, ids, claims=[ids["a"], forged])
        assert r.status_code == 400, forged
        assert f"claim {forged} is not in fact {ids['fact']}" in r.get_data(as_text=True)
    for bad in ({"status": "skipped"}, {"status": "pending"}):
        assert _post(client, ids, **bad).status_code == 400
    assert client.post(f"/stories/{ids['story']}/facts/{ids['fact']}/decide",
                       data={"status": "corroborated", "csrf_token": csrf_token(client, "/stories")}).status_code == 400
    assert _post(client, ids, claims=[ids["a"]], versions={ids["a"]: "x"}).status_code == 400
    unknown = client.post(f"/stories/{ids['story']}/facts/{ids['c'] + 999}/decide",
                          data={"status": "corroborated", "claim": str(ids["a"]), f"v{ids['a']}": "1",
                                "csrf_token": csrf_token(client, "/stories")})
    assert unknown.status_code == 404 and "has no fact" in unknown.get_data(as_text=True)
    assert _decisions(factory) == 0
    assert set(_statuses(factory, ids["a"], ids["b"], ids["c"], ids["d"]).values()) == {"pending"}


def test_without_its_csrf_token_the_form_is_refused(client, factory):
    ids = flood(factory)
    assert _post(client, ids, token=False).status_code == 400
    assert _post(client, ids, token="forged-token").status_code == 400
    assert _decisions(factory) == 0


def test_a_stale_version_refuses_the_whole_fact_naming_the_claim_and_who(client, factory):
    ids = flood(factory)
    token = csrf_token(client, f"/stories/{ids['story']}")  # rana's page: every version 1
    with transaction(factory) as s:
        sami = create_user(s, "sami", "another long password")
        decide(s, ids["d"], sami, "disputed", expected_version=1)
    r = _post(client, ids, "corroborated", token=token)
    assert r.status_code == 303
    html = client.get(r.headers["Location"]).get_data(as_text=True)
    assert re.search(rf'class="flash error"[^>]*>nothing was decided: claim {ids["d"]} was changed by sami', html)
    assert _statuses(factory, ids["a"], ids["b"], ids["d"]) == {
        ids["a"]: "pending", ids["b"]: "pending", ids["d"]: "disputed"}
    assert _decisions(factory) == 1


def test_undo_this_fact_restores_every_claim_and_only_ones_own(client, factory, app):
    ids = flood(factory)
    assert _post(client, ids, "disputed").status_code == 303
    html = client.get(f"/stories/{ids['story']}").get_data(as_text=True)
    batch = re.search(r'class="undo-fact".*?name="batch" value="(\d+)"', html, re.S).group(1)
    # Another editor cannot take rana's verdict back, nor can a forged batch.
    from ..conftest import login

    other = app.test_client()
    with transaction(factory) as s:
        create_user(s, "sami", "another long password")
    login(other, "sami", "another long password")
    assert 'class="undo-fact"' not in other.get(f"/stories/{ids['story']}").get_data(as_text=True)
    for who, value in ((other, batch), (client, "999999"), (client, "x")):
        r = who.post(f"/stories/{ids['story']}/undo", data={"batch": value, "csrf_token": csrf_token(who, "/stories")})
        assert r.status_code == 400, value
    assert set(_statuses(factory, ids["a"], ids["b"], ids["d"]).values()) == {"disputed"}
    r = client.post(f"/stories/{ids['story']}/undo", data={"batch": batch, "csrf_token": csrf_token(client, "/stories")})
    assert r.status_code == 303
    html = client.get(r.headers["Location"]).get_data(as_text=True)
    assert "undone: 3 ×" in html and 'class="undo-fact"' not in html
    assert set(_statuses(factory, ids["a"], ids["b"], ids["d"]).values()) == {"pending"}
    with factory() as s:
        assert s.scalar(select(func.count()).select_from(Decision).where(Decision.undoes_id.is_not(None))) == 3
        assert {n for (n,) in s.execute(select(User.name).join(Decision, Decision.user_id == User.id))} == {"rana"}


def test_the_fact_form_is_in_arabic_for_an_arabic_reader(client, factory):
    ids = flood(factory)
    client.set_cookie("lang", "ar")
    html = client.get(f"/stories/{ids['story']}").get_data(as_text=True)
    assert f"الواقعة {ids['fact']}" in html and "قرّر في الادعاءات المختارة دفعة واحدة" in html
