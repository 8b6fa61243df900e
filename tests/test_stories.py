"""Stored stories (issue 22): kept by the one path that stores matches, ids kept, merges and splits recorded."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import event, select

from factcheck.store import stories
from factcheck.store.db import transaction
from factcheck.store.models import Article, Claim, Feed, Match, Story, StoryEvent
from factcheck.store.pipeline import import_article, rematch_claims

WHEN = datetime(2025, 11, 7, 10, tzinfo=timezone.utc)
QUOTE_A = 'وقال وزير الخارجية أسعد الشيباني إن "سوريا ستعيد بناء المدارس المدمرة خلال عام 2026".'
QUOTE_B = 'وقال وزير الخارجية أسعد الشيباني إن "سورية ستعيد بناء المدارس المدمرة خلال عام 2026".'
OTHER = 'وقال وزير الصحة فهد الجلاجل إن "المستشفى الجديد سيستقبل المرضى في الرياض الشهر المقبل".'


def _story_of(s, source: str) -> int | None:
    return s.scalar(select(Article.story_id).join(Feed, Feed.id == Article.feed_id).where(Feed.name == source))


def test_imported_reports_of_one_event_share_a_story_that_keeps_its_id(factory, settings):
    with transaction(factory) as s:
        import_article(s, settings, source="Outlet A", text=QUOTE_A, published=WHEN, language="ar")
    with factory() as s:
        first = _story_of(s, "Outlet A")
        assert first is not None, "an article with claims is in a story from the start"
    with transaction(factory) as s:
        import_article(s, settings, source="Outlet B", text=QUOTE_B, published=WHEN + timedelta(hours=2),
                       language="ar")
        import_article(s, settings, source="Outlet C", text=OTHER, published=WHEN + timedelta(hours=1),
                       language="ar")
    with factory() as s:
        assert s.scalar(select(Match.relation).limit(1)) == "supports"
        assert _story_of(s, "Outlet B") == first, "the second report joins the first one's story"
        assert _story_of(s, "Outlet C") not in (None, first), "another event is another story"
        story = s.get(Story, first)
        assert story.n_articles == 2 and story.first == WHEN and story.last == WHEN + timedelta(hours=2)
    rematch_claims(factory, settings)
    with factory() as s:
        assert _story_of(s, "Outlet A") == _story_of(s, "Outlet B") == first, "rematching keeps the story"
        assert s.scalar(select(Story.id).order_by(Story.id.desc()).limit(1)) == _story_of(s, "Outlet C")
        assert len(s.scalars(select(Story).where(Story.n_articles > 0)).all()) == 2


# The grouping's guards are tested in tests/match/test_grouping.py; here, what is stored when the
# links change: articles and claims stored directly, the matches between them written by hand.

def _articles(s, n: int, start: datetime = WHEN) -> list[int]:
    feed = Feed(name="Desk", url=f"import:Desk {start.isoformat()}", kind="import", enabled=False)
    s.add(feed)
    s.flush()
    ids = []
    for i in range(n):
        art = Article(feed=feed, dedup_key=f"k{start.isoformat()}{i}", title=f"a{i}", text="t",
                      published=start + timedelta(hours=i), content_hash=f"h{start.isoformat()}{i}")
        s.add(art)
        s.flush()
        s.add(Claim(article_id=art.id, feed_id=feed.id, published=art.published, kind="quote", text=f"c{i}"))
        ids.append(art.id)
    s.flush()
    return ids


def _link(s, a: int, b: int, score: float = 90.0, relation: str = "supports", both: bool = True) -> None:
    ca = s.scalar(select(Claim.id).where(Claim.article_id == a))
    cb = s.scalar(select(Claim.id).where(Claim.article_id == b))
    for x, y in ((ca, cb), (cb, ca))[:2 if both else 1]:
        s.add(Match(claim_id=x, other_claim_id=y, score=score, relation=relation, reason=""))
    s.flush()


def _unlink(s, a: int, b: int) -> None:
    ca = s.scalar(select(Claim.id).where(Claim.article_id == a))
    cb = s.scalar(select(Claim.id).where(Claim.article_id == b))
    for m in s.scalars(select(Match).where(Match.claim_id.in_([ca, cb]), Match.other_claim_id.in_([ca, cb]))):
        s.delete(m)
    s.flush()


def _stories(s, ids: list[int]) -> list[int | None]:
    got = dict(s.execute(select(Article.id, Article.story_id).where(Article.id.in_(ids))).all())
    return [got[i] for i in ids]


def test_a_merge_keeps_the_older_id_and_a_split_is_recorded(factory):
    with transaction(factory) as s:
        a = _articles(s, 4)
        _link(s, a[0], a[1])
        _link(s, a[2], a[3])
        stories.regroup(s, a)
        left, right = _stories(s, a)[0], _stories(s, a)[2]
        assert _stories(s, a) == [left, left, right, right] and left < right
        # Two pairs of links between the stories of two reports each: they merge.
        _link(s, a[1], a[2])
        _link(s, a[0], a[3])
        stories.regroup(s, [a[3]])
        assert _stories(s, a) == [left] * 4
        assert s.get(Story, right).n_articles == 0 and s.get(Story, left).n_articles == 4
        merged = s.scalars(select(StoryEvent).where(StoryEvent.kind == "merged")).all()
        assert [(e.story_id, e.into_id, e.articles) for e in merged] == [(right, left, 2)]
        assert stories.story_of_id(s, right) == left, "a merged story's id leads to the story it went into"
        # The links between the halves go: the story splits again; of two equal halves the one with
        # the lowest article keeps the id, the other is a new story (ids are never reused).
        _unlink(s, a[1], a[2])
        _unlink(s, a[0], a[3])
        stories.regroup(s, [a[0]])
        got = _stories(s, a)
        assert got[:2] == [left, left] and got[2] == got[3] and got[2] not in (left, right, None)
        split = s.scalars(select(StoryEvent).where(StoryEvent.kind == "split")).all()
        assert [(e.story_id, e.into_id, e.articles) for e in split] == [(left, got[2], 2)]


def test_a_match_stored_from_one_side_or_called_related_still_joins_the_story(factory):
    # Each claim keeps its best match per article, so a pair may be stored from one side only; and
    # two reports of one event whose facts the matcher cannot compare are "related", still one event.
    with transaction(factory) as s:
        a = _articles(s, 3)
        _link(s, a[0], a[1])
        stories.regroup(s, a[:2])
        _link(s, a[0], a[2], relation="related", score=95, both=False)  # stored on a[0]'s side only
        stories.regroup(s, [a[2]])  # the new article: its own claims store nothing towards a[0]
        assert len(set(_stories(s, a))) == 1
        _link(s, a[1], a[2], relation="related", score=60)  # weak: no reason to change anything
        stories.regroup(s, [a[2]])
        assert len(set(_stories(s, a))) == 1


def test_one_loose_link_does_not_merge_two_stories(factory):
    with transaction(factory) as s:
        a = _articles(s, 4)
        _link(s, a[0], a[1], score=95)  # the strongest links group first
        _link(s, a[2], a[3], score=95)
        _link(s, a[1], a[2])  # one pair only between the two stories: merge_links is 2
        _link(s, a[0], a[2], score=60)  # below strong_score
        stories.regroup(s, a)
        got = _stories(s, a)
        assert got[0] == got[1] != got[2] == got[3]


def test_an_article_whose_claims_went_leaves_its_story(factory):
    with transaction(factory) as s:
        a = _articles(s, 3)
        _link(s, a[0], a[1])
        _link(s, a[1], a[2])
        stories.regroup(s, a)
        sid = _stories(s, a)[0]
        for c in s.scalars(select(Claim).where(Claim.article_id == a[2])):
            s.delete(c)
        s.flush()
        stories.regroup(s, [a[2]])
        assert _stories(s, a) == [sid, sid, None]
        assert s.get(Story, sid).n_articles == 2


def test_adding_an_article_costs_the_same_lookups_however_many_stories_exist(factory):
    def statements(n_other: int, base: datetime) -> int:
        with transaction(factory) as s:
            for day in range(n_other):  # unrelated stories, one a week so no window holds two
                b = _articles(s, 2, base + timedelta(days=7 * (day + 1)))
                _link(s, *b)
                stories.regroup(s, b)
            a = _articles(s, 3, base - timedelta(days=7))
            _link(s, a[0], a[1])
            _link(s, a[1], a[2])
            stories.regroup(s, a[:2])
            count = [0]

            def seen(*_args):
                count[0] += 1

            engine = s.get_bind()
            event.listen(engine, "before_cursor_execute", seen)
            try:
                stories.regroup(s, [a[2]])
            finally:
                event.remove(engine, "before_cursor_execute", seen)
            assert len(set(_stories(s, a))) == 1
            return count[0]

    assert statements(1, WHEN) == statements(30, WHEN + timedelta(days=1000))
