"""`factcheck stories move`: an editor's correction of the grouping from the shell (issue 22, build 5)."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from factcheck.cli import main
from factcheck.store.db import transaction
from factcheck.store.models import Article, Feed, StoryEvent
from factcheck.store.pipeline import rematch_claims
from factcheck.store.review import create_user

from .support.two_events import import_two_events


@pytest.fixture
def run(settings, factory, monkeypatch):
    import_two_events(settings, factory, monkeypatch)
    with transaction(factory) as s:
        create_user(s, "rana", "correct horse battery")
    return lambda *args: CliRunner().invoke(main, ["stories", "move", *args])


def _of(factory, source: str) -> tuple[int, int]:
    with factory() as s:
        return tuple(s.execute(select(Article.id, Article.story_id).join(Feed, Feed.id == Article.feed_id)
                               .where(Feed.name == source)).one())


def test_move_and_split_from_the_shell_are_kept_when_rematching(run, factory, settings):
    a, shared = _of(factory, "Outlet A")
    b, _ = _of(factory, "Outlet B")
    _, other = _of(factory, "Outlet C")
    r = run(str(a), "--to", "new", "--as", "rana")
    assert r.exit_code == 0, r.output
    new = int(r.output.rsplit(" ", 1)[1])
    assert r.output.strip() == f"article {a}: moved from story {shared} to story {new}" and new not in (shared, other)
    r = run(str(b), "--to", str(other), "--as", "rana")
    assert r.exit_code == 0, r.output
    assert r.output.strip() == f"article {b}: moved from story {shared} to story {other}"
    rematch_claims(factory, settings)
    assert _of(factory, "Outlet B") == (b, other) and _of(factory, "Outlet A") == (a, new)
    with factory() as s:
        assert [(e.article_id, e.into_id) for e in s.scalars(select(StoryEvent).where(StoryEvent.kind == "moved")
                                                             .order_by(StoryEvent.id))] == [(a, new), (b, other)]


@pytest.mark.parametrize("args, says", [
    (("999999", "--to", "new", "--as", "rana"), "article 999999 does not exist"),
    (("{b}", "--to", "999999", "--as", "rana"), "story 999999 does not exist"),
    (("{b}", "--to", "{shared}", "--as", "rana"), "is already in story"),
    (("{b}", "--to", "story 3", "--as", "rana"), "--to must be a story id"),
    (("{b}", "--to", "٣", "--as", "rana"), "--to must be a story id"),
    (("{b}", "--to", str(2**31), "--as", "rana"), "--to must be a story id"),
    (("{b}", "--to", "new", "--as", "nobody"), "no user named 'nobody'"),
])
def test_a_move_that_cannot_be_made_says_why_and_changes_nothing(run, factory, args, says):
    b, shared = _of(factory, "Outlet B")
    r = run(*(a.format(b=b, shared=shared) for a in args))
    assert r.exit_code == 2 and says in r.output, r.output
    assert _of(factory, "Outlet B") == (b, shared)
    with factory() as s:
        assert s.scalar(select(StoryEvent.id).where(StoryEvent.kind == "moved")) is None
