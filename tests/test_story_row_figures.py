"""What a row of the story queue shows (issue 22): the headline claim, the claim count and the
agreeing count stored on the story (0020) and kept by stories.refresh equal what the page used to
compute from the story's claims and matches, through imports, an editor's move and a rematch."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from factcheck.store.db import transaction
from factcheck.store.models import Article, Claim, Feed, Match, Story, User
from factcheck.store.pipeline import import_article, rematch_claims
from factcheck.store.review import create_user
from factcheck.store.story_edits import move_article
from factcheck.store.story_facts import story_page

from .web import data

BRIDGE = ('The mayor said: "The bridge will reopen on Monday, 10 November 2025."',
          'The mayor told reporters: "The bridge will reopen on Monday, 10 November 2025."',
          'Mayor Sami said: "The bridge will reopen on Monday, 10 November 2025."',
          'The mayor said: "The bridge will reopen on Tuesday, 11 November 2025."')
MUSEUM = 'The curator said: "The museum will open a new wing for children in the spring."'


def _computed(s) -> dict[int, tuple]:
    """Each live story's (headline id, outlets, claims, agreeing) from its claims and matches, as
    the queue computed them per request before 0020."""
    story_of, feed_of, best, outlets, n_claims = {}, {}, {}, {}, {}
    for cid, n_sources, n_conflicts, sid, fid, name in s.execute(
            select(Claim.id, Claim.n_sources, Claim.n_conflicts, Article.story_id, Claim.feed_id, Feed.name)
            .join(Article, Article.id == Claim.article_id).join(Feed, Feed.id == Claim.feed_id)
            .where(Article.story_id.is_not(None))):
        story_of[cid], feed_of[cid] = sid, fid
        outlets.setdefault(sid, set()).add(name)
        n_claims[sid] = n_claims.get(sid, 0) + 1
        rank = (n_sources, -n_conflicts, -cid)
        if sid not in best or rank > best[sid]:
            best[sid] = rank
    agreeing = {cid for cid, other in s.execute(select(Match.claim_id, Match.other_claim_id)
                                                .where(Match.relation == "supports"))
                if cid in story_of and story_of.get(other) == story_of[cid] and feed_of[other] != feed_of[cid]}
    return {sid: (-best[sid][2], sorted(outlets[sid]), n_claims[sid], sum(story_of[c] == sid for c in agreeing))
            for sid in n_claims}


def _shown(s) -> dict[int, tuple]:
    return {r.id: (r.headline_id, r.outlets, r.n_claims, r.n_agreeing) for r in story_page(s, 0, 100)}


def _check(factory) -> dict[int, tuple]:
    with factory() as s:
        computed = _computed(s)
        assert _shown(s) == computed
        headlines = {r.id: r.headline for r in story_page(s, 0, 100)}
        assert all(headlines[sid] == s.get(Claim, row[0]).text for sid, row in computed.items())
        return computed


def _import(factory, settings, source, text, hours):
    with transaction(factory) as s:
        import_article(s, settings, source=source, language="en", text=text,
                       published=data.WHEN + timedelta(hours=hours))


def test_the_stored_row_figures_follow_imports_a_move_and_a_rematch(factory, settings):
    with transaction(factory) as s:
        create_user(s, "rana", "correct horse battery")
    for i, source in enumerate(("Outlet A", "Outlet B")):
        _import(factory, settings, source, BRIDGE[i], i)
    _import(factory, settings, "Outlet M", MUSEUM, 3)
    first = _check(factory)
    assert sorted(row[2:] for row in first.values()) == [(1, 0), (4, 4)]  # two outlets agreeing on both claims; the museum alone
    _import(factory, settings, "Outlet C", BRIDGE[2], 2)
    _import(factory, settings, "Outlet D", BRIDGE[3], 4)
    after = _check(factory)
    bridge = max(after, key=lambda sid: after[sid][2])
    assert after[bridge][2] >= 3 and after[bridge][3] >= 3, after
    with transaction(factory) as s:
        b = s.scalar(select(Article.id).join(Feed, Feed.id == Article.feed_id).where(Feed.name == "Outlet B"))
        museum = s.scalar(select(Article.story_id).join(Feed, Feed.id == Article.feed_id)
                          .where(Feed.name == "Outlet M"))
        move_article(s, b, museum, s.scalar(select(User).limit(1)), seen_in=bridge)
    moved = _check(factory)
    assert moved[museum][1] == ["Outlet B", "Outlet M"] and moved[bridge][2] == after[bridge][2] - 2  # B took its two claims
    rematch_claims(factory, settings)
    assert _check(factory) == moved


def test_upgrading_a_database_of_0019_backfills_the_row_figures(factory, settings, database_url):
    from alembic import command

    from tests.match.test_stored_prefilter_key import _alembic

    for i, source in enumerate(("Outlet A", "Outlet B", "Outlet C")):
        _import(factory, settings, source, BRIDGE[i], i)
    _import(factory, settings, "Outlet M", MUSEUM, 3)
    before = _check(factory)
    with factory() as s:
        stored = s.execute(select(Story.id, Story.headline_claim_id, Story.n_claims, Story.n_agreeing)
                           .order_by(Story.id)).all()
    assert sorted(row[2:] for row in before.values()) == [(1, 0), (6, 6)]
    factory.kw["bind"].dispose()
    cfg = _alembic(database_url)
    command.downgrade(cfg, "0019")
    command.upgrade(cfg, "head")
    with factory() as s:
        assert s.execute(select(Story.id, Story.headline_claim_id, Story.n_claims, Story.n_agreeing)
                         .order_by(Story.id)).all() == stored
    assert _check(factory) == before


def test_reports_outside_the_story_that_back_one_of_its_claims_move_its_headline(factory, settings):
    # Two outlets on the bridge, the second also quoting the curator; two more outlets quote the
    # curator six days later, matched with it but too far apart to join the story: that claim now
    # has more outlets behind it than any bridge claim, and the story's headline follows.
    _import(factory, settings, "Outlet A", BRIDGE[0], 0)
    _import(factory, settings, "Outlet B", BRIDGE[1] + " " + MUSEUM, 1)
    first = _check(factory)
    (story, (headline, *_)), = first.items()
    for i, (source, verb) in enumerate((("Outlet E", "said"), ("Outlet F", "told reporters"))):
        _import(factory, settings, source, MUSEUM.replace("said", verb), 24 * 6 + i)
    later = _check(factory)
    with factory() as s:
        assert "museum" not in s.get(Claim, headline).text
        assert "museum" in s.get(Claim, later[story][0]).text, later


def test_a_report_removed_as_another_feeds_page_leaves_its_story_recounted(factory, settings):
    from factcheck.ingest.fulltext import PageText
    from factcheck.ingest.pages import PageResult
    from factcheck.store.polling import _apply_page

    _import(factory, settings, "Outlet A", BRIDGE[0], 0)
    _import(factory, settings, "Outlet B", BRIDGE[1], 1)
    with transaction(factory) as s:
        a, b = s.scalars(select(Article).order_by(Article.id)).all()
        a.canonical_url = "https://outlet.example/bridge"
        assert a.story_id == b.story_id and s.get(Story, a.story_id).n_agreeing == 4
        # B's page turns out to be A's page (the same canonical address): B is removed.
        page = PageText(text=" ".join([BRIDGE[1]] * 5), canonical_url=a.canonical_url)
        assert _apply_page(s, b, PageResult(b.url, b.url, 200, page=page), settings) is None
    with factory() as s:
        assert s.scalars(select(Article.id)).all() == [a.id]
        story = s.get(Story, a.story_id)
        assert (story.n_articles, story.n_outlets, story.n_claims, story.n_agreeing) == (1, 1, 2, 0)
    _check(factory)
