"""Stories listed with filters, for `factcheck stories` and exports (issue 22, build 6).

The filters only narrow which stories ``story_facts.story_page`` reads: the same order as the
story queue, the same headline, outlets and agreement counts, no second query path. Each filter
is a condition on the story, correlated on ``ix_articles_story``, so a listing walks the queue's
index and stops at its limit.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import distinct, exists, func, select
from sqlalchemy.orm import Session

from .models import Article, Feed, Story
from .reports import FilterError, _iso, _parse_day
from .story_facts import ORDERS, StoryRow, story_page

MAX_LIMIT = 10_000


@dataclass(frozen=True)
class StoryFilters:
    since: date | None = None  # a story with an article published on this day or after
    until: date | None = None  # ... on this day or before
    outlets: tuple[str, ...] = ()  # a story reported by one of these outlets
    min_outlets: int = 1
    limit: int = 50
    order: str = "need"  # one of story_facts.ORDERS, as the story queue's ?order=

    def __post_init__(self) -> None:
        if self.order not in ORDERS:
            raise FilterError("unknown order {value}; use one of {choices}", value=repr(self.order[:40]),
                              choices=", ".join(ORDERS))
        if self.since and self.until and self.until < self.since:
            raise FilterError("the end date {until} is before the start date {since}",
                              until=str(self.until), since=str(self.since))
        if not 1 <= self.min_outlets <= 1000:
            raise FilterError("{value} is not a number of outlets from 1 to 1000", value=repr(self.min_outlets))
        if not 1 <= self.limit <= MAX_LIMIT:
            raise FilterError("{value} is not a limit from 1 to {most}", value=repr(self.limit), most=str(MAX_LIMIT))

    @classmethod
    def parse(cls, *, since: str | None = None, until: str | None = None, outlets=(), min_outlets: int = 1,
              limit: int = 50, order: str = "need") -> StoryFilters:
        """From user input: dates as YYYY-MM-DD (read as the export reads them), blank outlets ignored."""
        return cls(since=_parse_day(since, "start"), until=_parse_day(until, "end"),
                   outlets=tuple(dict.fromkeys(o.strip() for o in outlets if o and o.strip())),
                   min_outlets=min_outlets, limit=limit, order=order)


def _conditions(f: StoryFilters) -> list:
    conds = []
    if f.since:
        conds.append(Story.last >= datetime.combine(f.since, time.min, tzinfo=timezone.utc))
    if f.until:
        conds.append(Story.first < datetime.combine(f.until + timedelta(days=1), time.min, tzinfo=timezone.utc))
    if f.outlets:
        conds.append(exists().where(Article.story_id == Story.id, Article.feed_id == Feed.id,
                                    Feed.name.in_(f.outlets)))
    if f.min_outlets > 1:
        conds.append(select(func.count(distinct(Article.feed_id))).where(Article.story_id == Story.id)
                     .scalar_subquery() >= f.min_outlets)
    return conds


def list_stories(session: Session, f: StoryFilters) -> list[StoryRow]:
    """The stories under the filters, in the story queue's order, at most ``f.limit``."""
    if f.outlets:
        known = set(session.scalars(select(Feed.name).where(Feed.name.in_(f.outlets))))
        missing = [o for o in f.outlets if o not in known]
        if missing:
            raise FilterError("no source named {value}", value=repr(missing[0]))
    return story_page(session, 0, f.limit, f.order, where=_conditions(f))


def story_record(r: StoryRow) -> dict:
    """One listed story as `factcheck stories --format json` writes it (times as the exports write them)."""
    return {"id": r.id, "first": _iso(r.first), "last": _iso(r.last), "outlets": r.outlets,
            "articles": r.n_articles, "claims": r.n_claims,
            "headline": None if r.headline_id is None else {"claim": r.headline_id, "text": r.headline},
            "agreeing": r.n_agreeing, "diverging": r.n_diverging}
