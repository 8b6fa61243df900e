"""Editors correcting the grouping (issue 22, build 5): an article moved to another story or split
off into its own stays there through rematching and new reports, and the move is in the history."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from factcheck.store import stories
from factcheck.store.db import transaction
from factcheck.store.models import Article, Feed, Story, StoryEvent, User
from factcheck.store.pipeline import import_article, rematch_claims
from factcheck.store.review import create_user
from factcheck.store.story_edits import MissingArticle, MissingStory, StaleStory, StoryEditError, move_article

from .web import data

BRIDGE = ('The mayor said: "The bridge will reopen on Monday, 10 November 2025."',
          'The mayor told reporters: "The bridge will reopen on Monday, 10 November 2025."',
          'Mayor Sami said: "The bridge will reopen on Monday, 10 November 2025."')
MUSEUM = 'The curator said: "The museum will open a new wing for children in the spring."'


def _article(s, source: str) -> int:
    return s.scalar(select(Article.id).join(Feed, Feed.id == Article.feed_id).where(Feed.name == source))


def _story(s, source: str) -> int | None:
    return s.scalar(select(Article.story_id).join(Feed, Feed.id == Article.feed_id).where(Feed.name == source))


@pytest.fixture
def world(factory, settings):
    """Two outlets on the bridge (one story), one on the museum (another); the editor rana."""
    with transaction(factory) as s:
        create_user(s, "rana", "correct horse battery")
        for i, source in enumerate(("Outlet A", "Outlet B")):
            import_article(s, settings, source=source, language="en", text=BRIDGE[i],
                           published=data.WHEN + timedelta(hours=i))
        import_article(s, settings, source="Outlet M", language="en", text=MUSEUM,
                       published=data.WHEN + timedelta(hours=3))
    with factory() as s:
        assert _story(s, "Outlet A") == _story(s, "Outlet B") != _story(s, "Outlet M")
        return {"bridge": _story(s, "Outlet A"), "museum": _story(s, "Outlet M"), "b": _article(s, "Outlet B")}


def _rana(s) -> User:
    return s.scalar(select(User).where(User.name == "rana"))


def test_a_moved_article_stays_through_rematching_and_new_reports(factory, settings, world):
    with transaction(factory) as s:
        assert move_article(s, world["b"], world["museum"], _rana(s), seen_in=world["bridge"]) == world["museum"]
    with factory() as s:
        assert _story(s, "Outlet B") == world["museum"]
        assert (s.get(Story, world["bridge"]).n_articles, s.get(Story, world["museum"]).n_articles) == (1, 2)
        assert s.get(Story, world["museum"]).n_outlets == 2
        moved = s.scalars(select(StoryEvent).where(StoryEvent.kind == "moved")).all()
        assert [(e.story_id, e.into_id, e.article_id, e.user_id) for e in moved] == [
            (world["bridge"], world["museum"], world["b"], _rana(s).id)]
    rematch_claims(factory, settings)
    with transaction(factory) as s:  # a third report of the bridge links to both A and B
        import_article(s, settings, source="Outlet C", language="en", text=BRIDGE[2],
                       published=data.WHEN + timedelta(hours=2))
    with factory() as s:
        assert _story(s, "Outlet B") == world["museum"], "regrouping never moves it back"
        assert _story(s, "Outlet C") == _story(s, "Outlet A") == world["bridge"]
        assert s.get(Story, world["museum"]).n_articles == 2


def test_an_article_split_off_is_not_swallowed_again(factory, settings, world):
    with transaction(factory) as s:
        new = move_article(s, world["b"], None, _rana(s))
        assert new not in (world["bridge"], world["museum"])
    with factory() as s:
        assert _story(s, "Outlet B") == new and s.get(Story, new).n_articles == 1
        assert s.get(Story, world["bridge"]).n_articles == 1
    rematch_claims(factory, settings)
    with transaction(factory) as s:
        import_article(s, settings, source="Outlet C", language="en", text=BRIDGE[2],
                       published=data.WHEN + timedelta(hours=2))
        stories.regroup(s, [world["b"]])
    with factory() as s:
        assert _story(s, "Outlet B") == new, "neither a rematch nor the grouping merges it back"
        assert _story(s, "Outlet C") == _story(s, "Outlet A") == world["bridge"]
        assert s.get(Story, world["bridge"]).n_articles == 2


def _snapshot(factory):
    with factory() as s:
        return (s.execute(select(Article.id, Article.story_id, Article.story_pinned).order_by(Article.id)).all(),
                s.execute(select(Story.id, Story.n_articles, Story.n_outlets).order_by(Story.id)).all(),
                s.scalar(select(func.count()).select_from(StoryEvent)))


@pytest.mark.parametrize("case", ["unknown article", "unknown story", "same story", "stale", "alone", "empty story"])
def test_a_move_that_cannot_be_made_changes_nothing(factory, world, case):
    if case == "empty story":  # a story left empty by a move: nothing can be moved into it
        with transaction(factory) as s:
            move_article(s, _article(s, "Outlet M"), world["bridge"], _rana(s))
    before = _snapshot(factory)
    args = {"unknown article": (10**6, world["museum"], None), "unknown story": (world["b"], 10**6, None),
            "same story": (world["b"], world["bridge"], None), "stale": (world["b"], None, world["museum"]),
            "alone": (_article_of(factory, "Outlet M"), None, None),
            "empty story": (world["b"], world["museum"], None)}[case]
    expected = {"unknown article": MissingArticle, "unknown story": MissingStory, "same story": StoryEditError,
                "stale": StaleStory, "alone": StoryEditError, "empty story": MissingStory}[case]
    with pytest.raises(expected) as err:
        with transaction(factory) as s:
            move_article(s, args[0], args[1], _rana(s), seen_in=args[2])
    assert str(args[0]) in str(err.value) or str(args[1]) in str(err.value)
    assert _snapshot(factory) == before


def _article_of(factory, source: str) -> int:
    with factory() as s:
        return _article(s, source)


def test_two_editors_moving_one_article_at_once_one_wins_the_other_is_told(factory, world):
    import threading

    first = factory()
    move_article(first, world["b"], world["museum"], _rana(first), seen_in=world["bridge"])  # holds its lock
    outcome: list = []

    def second() -> None:
        try:
            with transaction(factory) as s:
                outcome.append(move_article(s, world["b"], None, _rana(s), seen_in=world["bridge"]))
        except StaleStory as exc:
            outcome.append(exc)

    t = threading.Thread(target=second)
    t.start()
    t.join(1.0)
    assert t.is_alive(), "the second editor waits for the first one's move"
    first.commit()
    first.close()
    t.join(30)
    assert len(outcome) == 1 and isinstance(outcome[0], StaleStory), outcome
    assert f"now in story {world['museum']}" in str(outcome[0])
    with factory() as s:
        assert _story(s, "Outlet B") == world["museum"]
        assert s.scalar(select(func.count()).select_from(StoryEvent).where(StoryEvent.kind == "moved")) == 1
