"""The story queue's order (issue 22, build 2): what needs a human most first (a contradiction
between outlets, then more independent outlets, then the newest), from figures stored on each
story and kept up to date by the one path that stores matches."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, text

from factcheck.store import stories
from factcheck.store.db import transaction
from factcheck.store.models import Article, Claim, Story
from factcheck.store.pipeline import import_article, rematch_claims
from factcheck.store.story_facts import ORDERS, story_page

from .web import data

MONDAY = ('The mayor said: "The bridge will reopen on Monday, 10 November 2025."',
          'The mayor told reporters: "The bridge will reopen on Monday, 10 November 2025."')
TUESDAY = 'The mayor said: "The bridge will reopen on Tuesday, 11 November 2025."'


def _event(s, name: str, outlets: int, start, conflict: bool = False) -> int:
    """One event reported by `outlets` outlets (one claim each, linked in a chain), the last
    contradicting the one before when `conflict`; returns its story id."""
    claims = [data.claim(s, f"{name} outlet {i}", f"{name}: the {name} happened.", title=name,
                         published=start + timedelta(hours=i)) for i in range(outlets)]
    pairs = list(zip(claims, claims[1:]))
    for i, (a, b) in enumerate(pairs):
        data.link(s, a, b, "conflicts" if conflict and i == len(pairs) - 1 else "supports")
    stories.regroup(s, [c.article_id for c in claims])
    return s.scalar(select(Article.story_id).where(Article.id == claims[0].article_id))


def _order(s, order: str = "need", offset: int = 0, limit: int = 50) -> list[int]:
    return [r.id for r in story_page(s, offset, limit, order)]


def test_a_contradiction_comes_first_then_more_outlets_then_the_newest(factory):
    with transaction(factory) as s:
        big = _event(s, "flood", 5, data.WHEN)
        contradicted = _event(s, "fire", 2, data.WHEN - timedelta(days=10), conflict=True)
        three_old = _event(s, "vote", 3, data.WHEN - timedelta(days=20))
        three_new = _event(s, "strike", 3, data.WHEN + timedelta(days=10))
        alone = _event(s, "fair", 1, data.WHEN + timedelta(days=20))
        assert len({big, contradicted, three_old, three_new, alone}) == 5
        # The two-outlet story whose outlets contradict each other is above the five-outlet one;
        # of two three-outlet stories the newer first; one outlet alone last, however new.
        assert _order(s) == [contradicted, big, three_new, three_old, alone]
        assert _order(s, "newest") == [alone, three_new, big, contradicted, three_old]
        # Pages of the same order meet end to end, never overlapping.
        assert _order(s, limit=2) + _order(s, offset=2, limit=2) + _order(s, offset=4, limit=2) == _order(s)
        got = {r.id: r for r in story_page(s, 0, 50)}
        assert got[contradicted].n_diverging == 2 and got[big].n_diverging == 0
        assert s.get(Story, big).n_outlets == 5 and s.get(Story, contradicted).conflicted


def test_a_syndicated_copy_is_not_another_independent_outlet(factory):
    with transaction(factory) as s:
        wire = _event(s, "wire", 2, data.WHEN)
        three = _event(s, "three", 3, data.WHEN - timedelta(days=10))
        original = s.scalar(select(Claim).join(Article).where(Article.story_id == wire).order_by(Claim.id).limit(1))
        copy = data.claim(s, "Reprinting outlet", original.text, title="wire copy", published=data.WHEN + timedelta(hours=5))
        copy.article.content_hash = original.article.content_hash  # the same text, word for word
        s.flush()
        stories.regroup(s, [copy.article_id])
        assert s.scalar(select(Article.story_id).where(Article.id == copy.article_id)) == wire
        story = s.get(Story, wire)
        assert (story.n_articles, story.n_outlets) == (3, 2)
        assert _order(s) == [three, wire], "three outlets above two and a copy"


def test_the_order_follows_new_reports_and_rematching(factory, settings):
    with transaction(factory) as s:
        for i, (source, said) in enumerate(zip(("Outlet A", "Outlet B"), MONDAY)):
            import_article(s, settings, source=source, language="en", text=said,
                           published=data.WHEN + timedelta(hours=i))
        bigger = _event(s, "flood", 3, data.WHEN - timedelta(days=10))
    with factory() as s:
        bridge = s.scalar(select(Article.story_id).where(Article.story_id != bigger))
        story = s.get(Story, bridge)
        assert (story.n_outlets, story.conflicted) == (2, False)
        assert _order(s) == [bigger, bridge]
    with transaction(factory) as s:  # a third outlet gives another day
        import_article(s, settings, source="Outlet C", language="en", text=TUESDAY,
                       published=data.WHEN + timedelta(hours=2))
    with factory() as s:
        story = s.get(Story, bridge)
        assert story.n_articles == 3 and story.n_outlets == 3
        assert story.conflicted and story.n_conflicts >= 1
        assert _order(s) == [bridge, bigger], "the contradicted story rises to the top as the report arrives"
    # The figures as a fresh computation would give them: nothing stored by hand, a rematch agrees.
    with factory() as s:
        before = s.execute(select(Story.id, Story.conflicted, Story.n_conflicts, Story.n_outlets)
                           .order_by(Story.id)).all()
    with transaction(factory) as s:
        s.execute(text("UPDATE stories SET conflicted = false, n_conflicts = 0, n_outlets = 0"))
    rematch_claims(factory, settings)
    with factory() as s:
        assert s.execute(select(Story.id, Story.conflicted, Story.n_conflicts, Story.n_outlets)
                         .order_by(Story.id)).all() == before


def test_a_page_of_the_queue_is_read_in_index_order(factory):
    # Enough stories that a sort of them all would show in PostgreSQL's plan if the index did not serve it.
    with transaction(factory) as s:
        s.execute(Story.__table__.insert(), [
            {"created_at": data.WHEN, "updated_at": data.WHEN, "first": data.WHEN + timedelta(minutes=i),
             "last": data.WHEN + timedelta(minutes=i), "n_articles": 1 + i % 4, "n_outlets": 1 + i % 4,
             "conflicted": i % 7 == 0, "n_conflicts": 2 * (i % 7 == 0)} for i in range(5000)])
    with factory() as s:
        dialect = s.get_bind().dialect.name
        s.execute(text("ANALYZE"))
        for order in ("need", "newest"):
            sql = select(Story.id).where(Story.n_articles > 0).order_by(*ORDERS[order]).offset(500).limit(51)
            compiled = sql.compile(s.get_bind(), compile_kwargs={"literal_binds": True})
            plan = " ".join(str(r[-1]) for r in s.execute(text(
                f"EXPLAIN QUERY PLAN {compiled}" if dialect == "sqlite" else f"EXPLAIN {compiled}")))
            if dialect == "sqlite":
                assert "USING INDEX ix_stories_" in plan and "TEMP B-TREE" not in plan, (order, plan)
            else:
                # Newest first may finish ties of one time by id (an incremental sort on ix_stories_last's
                # presorted key, as before this order existed); never a sort of all stories.
                whole = plan.replace("Incremental Sort", "").replace("Sort Key", "").replace("Presorted Key", "")
                assert "Index Scan Backward using ix_stories_" in plan and "Sort" not in whole, (order, plan)
                assert order == "newest" or "Incremental" not in plan, plan
        assert len(_order(s, offset=4990)) == 10


def test_upgrading_a_database_of_0018_backfills_the_figures_the_order_reads(factory, database_url):
    from alembic import command

    from tests.match.test_stored_prefilter_key import _alembic

    with transaction(factory) as s:
        _event(s, "flood", 4, data.WHEN)
        _event(s, "fire", 2, data.WHEN - timedelta(days=10), conflict=True)
        before = s.execute(select(Story.id, Story.conflicted, Story.n_conflicts, Story.n_outlets)
                           .order_by(Story.id)).all()
        assert [b[1:] for b in before] == [(False, 0, 4), (True, 2, 2)]
        order = _order(s)
    factory.kw["bind"].dispose()
    cfg = _alembic(database_url)
    command.downgrade(cfg, "0018")
    command.upgrade(cfg, "head")
    with factory() as s:
        assert s.execute(select(Story.id, Story.conflicted, Story.n_conflicts, Story.n_outlets)
                         .order_by(Story.id)).all() == before
        assert _order(s) == order
