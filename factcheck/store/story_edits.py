"""Editors correcting the grouping (issue 22, build 5): an article, with its claims, moved to
another story or split off into a story of its own. One function for the web and the CLI.

The article is pinned (``articles.story_pinned``): ``stories.regroup`` leaves it out of the
grouping, so no rematch, new report or merge ever moves it back; its move is a ``moved`` row in
``story_events`` naming the editor. Both stories are recounted (``stories.refresh``) in the same
transaction, so the queue's order and counts show the correction at once.
"""
from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..messages import Explained
from .db import begin_write
from .models import Article, Feed, Story, StoryEvent, User, utcnow
from .stories import refresh


class StoryEditError(Explained, ValueError):
    """A move that cannot be made (the article is in no story, or already where it would go): a 400."""


class MissingArticle(StoryEditError):
    """No such article: a 404 on the web."""

    def __init__(self, article_id: int) -> None:
        super().__init__("article {id} does not exist", id=article_id)


class MissingStory(StoryEditError):
    """No such story, or one left empty (merged into another): a 404 on the web."""

    def __init__(self, story_id: int) -> None:
        super().__init__("story {id} does not exist or has no articles left", id=story_id)


class StaleStory(StoryEditError):
    """The article left the story the editor saw it in (another editor, or the grouping): a 409."""

    def __init__(self, article_id: int, seen: int, now: int | None) -> None:
        super().__init__("article {id} is no longer in story {seen} (now in story {now}); reload and try again",
                         id=article_id, seen=seen, now=now if now is not None else "-")


def move_article(session: Session, article_id: int, to: int | None, user: User, seen_in: int | None = None) -> int:
    """Put the article in story ``to`` (None: a new story of its own), pinned there; the story id.

    ``seen_in``: the story the editor saw the article in (the web form's); when it has moved on
    since, nothing is changed (StaleStory). Raises before writing anything.
    """
    begin_write(session)  # SQLite: the write lock before the first read, so the checks hold until commit
    article = session.scalar(select(Article).where(Article.id == article_id).with_for_update())
    if article is None:
        raise MissingArticle(article_id)
    source = article.story_id
    if source is None:
        raise StoryEditError("article {id} has no claims, so it is in no story", id=article_id)
    if seen_in is not None and seen_in != source:
        raise StaleStory(article_id, seen_in, source)
    now = utcnow()
    if to is None:
        if session.scalar(select(func.count()).select_from(Article).where(Article.story_id == source)) == 1:
            raise StoryEditError("article {id} is already alone in story {story}", id=article_id, story=source)
        target = Story(created_at=now, updated_at=now, first=article.published, last=article.published, n_articles=1)
        session.add(target)
        session.flush()
    else:
        if to == source:
            raise StoryEditError("article {id} is already in story {story}", id=article_id, story=source)
        target = session.scalar(select(Story).where(Story.id == to).with_for_update())
        if target is None or not target.n_articles:
            raise MissingStory(to)
    article.story_id, article.story_pinned = target.id, True
    session.add(StoryEvent(at=now, kind="moved", story_id=source, into_id=target.id, articles=1,
                           article_id=article_id, user_id=user.id))
    session.flush()
    refresh(session, {source, target.id}, now)
    return target.id


def story_articles(session: Session, story_id: int) -> list[tuple[int, str, str, bool]]:
    """The story's articles for its page's move forms: (id, outlet, title, pinned), oldest first."""
    return [tuple(r) for r in session.execute(
        select(Article.id, Feed.name, Article.title, Article.story_pinned).join(Feed, Feed.id == Article.feed_id)
        .where(Article.story_id == story_id).order_by(Article.published, Article.id))]


MAX_HISTORY = 50  # the newest corrections a story page lists


def story_moves(session: Session, story_id: int) -> list[tuple]:
    """Editors' moves into or out of the story, newest first: (when, editor's name or None, article id,
    from story, into story). ``ix_story_events_story``/``_into`` make it two indexed lookups."""
    return [tuple(r) for r in session.execute(
        select(StoryEvent.at, User.name, StoryEvent.article_id, StoryEvent.story_id, StoryEvent.into_id)
        .outerjoin(User, User.id == StoryEvent.user_id)
        .where(StoryEvent.kind == "moved", or_(StoryEvent.story_id == story_id, StoryEvent.into_id == story_id))
        .order_by(StoryEvent.id.desc()).limit(MAX_HISTORY))]
