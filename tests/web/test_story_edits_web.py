"""Moving an article between stories from the story page (issue 22, build 5), over the real app."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from factcheck.store import stories
from factcheck.store.db import transaction
from factcheck.store.models import Article, Story, StoryEvent, User

from ..conftest import csrf_token
from . import data


@pytest.fixture
def two_stories(factory):
    """The floods (outlets A and B, linked) and the museum (outlet D, days later): story and article ids."""
    with transaction(factory) as s:
        a = data.claim(s, "Outlet A", "26 people were killed in the floods.", title="Floods in the north")
        b = data.claim(s, "Outlet B", "26 people were killed in the floods.", title="Deadly floods",
                       published=data.WHEN + timedelta(hours=1))
        data.link(s, a, b, "supports")
        d = data.claim(s, "Outlet D", "The museum opens a new wing.", title="Museum wing",
                       published=data.WHEN + timedelta(days=5))
        stories.regroup(s, [a.article_id, b.article_id, d.article_id])
        sid = {c: s.scalar(select(Article.story_id).where(Article.id == c.article_id)) for c in (a, b, d)}
        assert sid[a] == sid[b] != sid[d]
        return {"floods": sid[a], "museum": sid[d], "a": a.article_id, "b": b.article_id, "d": d.article_id}


def _where(factory) -> list[tuple]:
    with factory() as s:
        return (s.execute(select(Article.id, Article.story_id, Article.story_pinned).order_by(Article.id)).all()
                + [s.scalar(select(func.count()).select_from(StoryEvent))])


def test_the_story_page_moves_an_article_to_another_story(client, factory, two_stories):
    w = two_stories
    html = client.get(f"/stories/{w['floods']}").get_data(as_text=True)
    forms = re.findall(r'<form method="post" class="move" action="([^"]+)">', html)
    assert forms == [f"/stories/{w['floods']}/articles/{w['a']}/move", f"/stories/{w['floods']}/articles/{w['b']}/move"]
    token = csrf_token(client, f"/stories/{w['floods']}")
    r = client.post(forms[1], data={"csrf_token": token, "to": str(w["museum"])})
    assert r.status_code == 303 and r.headers["Location"].endswith(f"/stories/{w['museum']}")
    page = client.get(r.headers["Location"]).get_data(as_text=True)
    assert "Deadly floods" in page and "Museum wing" in page and "placed by an editor" in page
    assert f"article {w['b']} moved from story {w['floods']} to story {w['museum']}" in page
    # Both stories list the correction, with the editor who made it.
    for sid in (w["floods"], w["museum"]):
        moves = re.search(r'<ul class="moves">(.*?)</ul>', client.get(f"/stories/{sid}").get_data(as_text=True), re.S)
        assert moves and "rana" in moves.group(1), sid
        assert f"article {w['b']} moved from story {w['floods']} to story {w['museum']}" in moves.group(1)
    with factory() as s:
        assert s.scalar(select(Article.story_id).where(Article.id == w["b"])) == w["museum"]
        event = s.scalar(select(StoryEvent).where(StoryEvent.kind == "moved"))
        assert event.user_id == s.scalar(select(User.id).where(User.name == "rana"))
        assert (s.get(Story, w["floods"]).n_articles, s.get(Story, w["museum"]).n_outlets) == (1, 2)


def test_new_story_splits_the_article_off(client, factory, two_stories):
    w = two_stories
    token = csrf_token(client, f"/stories/{w['floods']}")
    r = client.post(f"/stories/{w['floods']}/articles/{w['a']}/move", data={"csrf_token": token, "split": "1", "to": ""})
    assert r.status_code == 303
    new = int(r.headers["Location"].rsplit("/", 1)[1])
    assert new not in (w["floods"], w["museum"])
    with factory() as s:
        assert s.scalar(select(Article.story_id).where(Article.id == w["a"])) == new
        assert s.get(Story, new).n_articles == 1 and s.get(Story, w["floods"]).n_articles == 1


@pytest.mark.parametrize("case", ["unknown story", "unknown article", "article of another story", "bad target",
                                  "other digits", "no target", "unknown target", "same story", "no csrf"])
def test_a_forged_or_stale_move_is_refused_and_changes_nothing(client, factory, two_stories, case):
    w = two_stories
    token = csrf_token(client, f"/stories/{w['floods']}")
    floods, museum = w["floods"], w["museum"]
    path, form, status = {
        "unknown story": (f"/stories/999999/articles/{w['a']}/move", {"to": str(museum)}, 404),
        "unknown article": (f"/stories/{floods}/articles/999999/move", {"to": str(museum)}, 404),
        "article of another story": (f"/stories/{floods}/articles/{w['d']}/move", {"to": str(museum)}, 409),
        "bad target": (f"/stories/{floods}/articles/{w['a']}/move", {"to": "museum"}, 400),
        "other digits": (f"/stories/{floods}/articles/{w['a']}/move", {"to": "٣"}, 400),
        "no target": (f"/stories/{floods}/articles/{w['a']}/move", {"to": ""}, 400),
        "unknown target": (f"/stories/{floods}/articles/{w['a']}/move", {"to": "999999"}, 404),
        "same story": (f"/stories/{floods}/articles/{w['a']}/move", {"to": str(floods)}, 400),
        "no csrf": (f"/stories/{floods}/articles/{w['a']}/move", {"to": str(museum)}, 400),
    }[case]
    before = _where(factory)
    r = client.post(path, data=form | ({} if case == "no csrf" else {"csrf_token": token}))
    assert r.status_code == status, r.get_data(as_text=True)[:500]
    body = r.get_data(as_text=True)
    expected = {"unknown story": "story 999999 does not exist", "unknown article": "article 999999 does not exist",
                "article of another story": f"no longer in story {floods}", "bad target": "to must be",
                "other digits": "to must be", "no target": "choose the story", "unknown target": "story 999999",
                "same story": "already in story", "no csrf": "CSRF"}[case]
    assert expected in body
    assert _where(factory) == before


def test_the_move_form_is_in_arabic_for_an_arabic_reader(client, two_stories):
    client.set_cookie("lang", "ar")
    html = client.get(f"/stories/{two_stories['floods']}").get_data(as_text=True)
    assert "مقالات هذه القصة" in html and "قصة جديدة" in html
    token = csrf_token(client, f"/stories/{two_stories['floods']}")
    r = client.post(f"/stories/{two_stories['floods']}/articles/{two_stories['a']}/move",
                    data={"csrf_token": token, "to": str(two_stories["floods"])})
    assert r.status_code == 400 and "موجود بالفعل في القصة" in r.get_data(as_text=True)


def test_a_story_whose_last_article_was_moved_away_leads_on_to_where_it_went(client, factory, two_stories):
    w = two_stories
    token = csrf_token(client, f"/stories/{w['museum']}")
    r = client.post(f"/stories/{w['museum']}/articles/{w['d']}/move", data={"csrf_token": token, "to": str(w["floods"])})
    assert r.status_code == 303
    r = client.get(f"/stories/{w['museum']}")
    assert r.status_code == 302 and r.headers["Location"].endswith(f"/stories/{w['floods']}")
    assert "Museum wing" in client.get(r.headers["Location"]).get_data(as_text=True)


def test_the_corrections_are_listed_in_arabic_for_an_arabic_reader(client, two_stories):
    w = two_stories
    client.set_cookie("lang", "ar")
    token = csrf_token(client, f"/stories/{w['floods']}")
    assert client.post(f"/stories/{w['floods']}/articles/{w['b']}/move",
                       data={"csrf_token": token, "to": str(w["museum"])}).status_code == 303
    html = client.get(f"/stories/{w['museum']}").get_data(as_text=True)
    assert "التصحيحات" in html and f"نُقل المقال {w['b']} من القصة {w['floods']} إلى القصة {w['museum']}" in html
