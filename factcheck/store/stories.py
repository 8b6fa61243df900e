"""Stored stories: each article's event, kept up to date wherever matches are stored (issue 22).

``matching.store_matches`` is the one place matches are written (polled articles, ``factcheck
import``, ``db rematch``, a claim matched again); it ends by calling ``regroup`` with the articles
it matched. Around each of them the neighbourhood that its links can change is grouped again by
the pure ``factcheck.match.grouping.group`` and written back:

* the articles linked to it (a stored match of at least the grouping's
  ``strong_score``, published at most ``span_hours`` apart), transitively, but only among
  articles published within two spans of it: a story spans at most one, so nothing further
  away can be in a story with it, and the walk is bounded by the articles of those days that
  are linked to it (``MAX_ARTICLES`` at most), never a pass over all stories;
* every article of the stories those articles are in (a story is regrouped whole, so an article
  left out of the walk never keeps an id its story lost).

Each step is an indexed lookup (claims by article, matches by claim, articles by story). The
grouping of such a neighbourhood is its part of the grouping of all stored articles whenever the
links of its articles stay inside it, which the time bound makes the rule: the same articles give
the same stories in any order of arrival (tests/test_stories_real.py measures it on real coverage).

Ids: ``grouping.keep_ids`` gives a regrouped story the id of the story it mostly came from, the
older when two merged; merges and splits are written to ``story_events``, and a story whose
articles all went elsewhere stays, empty (``n_articles`` 0). An article without claims is in no story.

An article an editor moved (``story_pinned``, factcheck.store.story_edits) is left out of the
grouping: it stays in the story the editor chose, however its links change, and no merge takes
it along. Its story is still refreshed with the others.

The stories whose figures can have changed (an article joined or left them, or they hold an
article whose matches were just stored) are then recounted (``refresh``): span, articles and
what the story queue's order reads (whether outlets contradict each other, how many independent
outlets report it), so those figures follow every new article, match and rematch.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import and_, distinct, false, func, select, update
from sqlalchemy.orm import Session, aliased

from ..match.grouping import GroupingConfig, Link, group, keep_ids
from .models import Article, Claim, Match, Story, StoryEvent, utcnow

# A bound on one walk: past it the neighbourhood is grouped as found (a wire story copied by
# hundreds of outlets), so one article never costs more than this many articles' lookups.
MAX_ARTICLES = 2000
CHUNK = 500  # ids per IN (...) list

# The aliases the walk and the recount join through, made once: a fresh ``aliased(Claim)`` a call
# has SQLAlchemy adapt every column of the table again each time a statement is built on it (and
# misses its statement cache): 16 s of regroup's 41 in the profile of 300 real articles' import
# (BENCHMARKS.md, "Throughput on real copy, sixteenth session").
_MINE, _THEIRS = aliased(Claim, name="mine"), aliased(Claim, name="theirs")
_OTHER, _HOME, _AWAY = aliased(Article, name="other"), aliased(Article, name="home"), aliased(Article, name="away")


def regroup(session: Session, article_ids: Iterable[int], config: GroupingConfig = GroupingConfig()) -> None:
    """Group again the stories around these articles (flushed), in the caller's transaction."""
    wanted = set(article_ids)
    done: set[int] = set()
    for aid in sorted(wanted):
        if aid not in done:
            done |= _regroup_around(session, aid, config, wanted)


def _chunks(ids: Iterable[int]):
    ids = sorted(ids)
    for i in range(0, len(ids), CHUNK):
        yield ids[i:i + CHUNK]


def _linked(session: Session, frontier: set[int], config: GroupingConfig, lo: datetime, hi: datetime):
    """(article, other article, relation, score, other's published) for the strong matches of these
    articles' claims towards articles published in [lo, hi], stored from either side.

    Either side, because a match is stored from one claim's side and need not be stored back: each
    claim keeps its best per article (``best_per_article``), so claim a may keep b while b keeps
    another claim of a's article, or none. The grouping of all links counts a pair whichever way
    it was stored, and so must the walk (``ix_matches_other`` makes the reverse an indexed lookup).
    """
    mine, theirs, other = _MINE, _THEIRS, _OTHER
    out = []
    for part in _chunks(frontier):
        for own, far in ((Match.claim_id, Match.other_claim_id), (Match.other_claim_id, Match.claim_id)):
            out += session.execute(
                select(mine.article_id, theirs.article_id, Match.relation, Match.score, other.published)
                .join(Match, own == mine.id)
                .join(theirs, theirs.id == far)
                .join(other, other.id == theirs.article_id)
                .where(mine.article_id.in_(part), Match.relation.in_(config.relations),
                       Match.score >= config.strong_score, other.published >= lo, other.published <= hi)).all()
    return out


def _regroup_around(session: Session, aid: int, config: GroupingConfig, wanted: set[int]) -> set[int]:
    """Group the neighbourhood of one article again; the articles it covered."""
    seed = session.execute(select(Article.published, Article.content_hash).where(Article.id == aid)).first()
    if seed is None:
        return {aid}  # deleted meanwhile
    span = timedelta(hours=config.span_hours)
    lo, hi = seed.published - 2 * span, seed.published + 2 * span
    published: dict[int, datetime] = {aid: seed.published}
    links: list[Link] = []
    frontier = {aid}
    while frontier and len(published) < MAX_ARTICLES:
        found = _linked(session, frontier, config, lo, hi)
        nxt: set[int] = set()
        for a, b, relation, score, when in found:
            links.append(Link(a, b, relation, score))
            if b not in published and abs(when - published[a]) <= span:
                published[b] = when
                nxt.add(b)
        frontier = nxt
    # Syndicated copies (one content hash) are one report: the matcher links only the first of
    # them (matching.py), so the others join its story here.
    copies = dict(session.execute(select(Article.id, Article.published).where(
        Article.content_hash == seed.content_hash, Article.published >= lo, Article.published <= hi)).all())
    for other, when in copies.items():
        published.setdefault(other, when)
        if other != aid:
            links.append(Link(aid, other, "supports", 100.0))
    # Whole stories: every article of the stories met, and their links among the set.
    old: dict[int, int] = {}
    pinned: dict[int, int] = {}  # an article an editor placed -> its story: not grouped, never moved
    for part in _chunks(published):
        for a, s, pin in session.execute(select(Article.id, Article.story_id, Article.story_pinned)
                                         .where(Article.id.in_(part), Article.story_id.is_not(None))):
            (pinned if pin else old)[a] = s
    story_ids = set(old.values()) | set(pinned.values())
    for part in _chunks(story_ids):
        for a, s, pin, when in session.execute(select(Article.id, Article.story_id, Article.story_pinned,
                                                      Article.published).where(Article.story_id.in_(part))):
            (pinned if pin else old)[a] = s
            if a not in published:
                published[a] = when
                links += [Link(*row[:4]) for row in _linked(session, {a}, config, when - span, when + span)]
    with_claims: set[int] = set()
    for part in _chunks(published):
        with_claims.update(session.scalars(select(Claim.article_id).where(Claim.article_id.in_(part)).distinct()))
    with_claims -= set(pinned)
    inside = [link for link in links if link.a in with_claims and link.b in with_claims]
    groups = group({a: published[a] for a in with_claims}, inside, config)
    _write(session, groups, old, published, set(published) - with_claims - set(pinned), pinned,
           wanted & set(published))
    return set(published)


def _write(session: Session, groups: list[list[int]], old: dict[int, int], published: dict[int, datetime],
           without: set[int], pinned: dict[int, int], matched: set[int]) -> None:
    """Store the groups with the ids they keep, record merges and splits, refresh the stories whose
    figures may have changed.

    Those are the stories an article joined or left, and the stories of the articles whose matches
    were just stored (``matched``, pinned or not): a story's figures count the matches between its
    own claims, and a match stored now has one of those articles on one side, so a story neither
    holding one of them nor changing members counts the same as before.
    """
    kept = keep_ids(groups, old)
    now = utcnow()
    changed: set[int] = set()
    existing = {s.id: s for part in _chunks(set(old.values()))
                for s in session.scalars(select(Story).where(Story.id.in_(part)))}
    ids: list[int] = []
    for members, sid in zip(groups, kept.ids):
        story = existing.get(sid) if sid is not None else None
        if story is None:
            first, last = min(published[a] for a in members), max(published[a] for a in members)
            story = Story(created_at=now, updated_at=now, first=first, last=last, n_articles=len(members))
            session.add(story)
            session.flush()
        ids.append(story.id)
        moved = [a for a in members if old.get(a) != story.id]
        if moved:
            story.updated_at = now
            changed.add(story.id)
            changed.update(old[a] for a in moved if a in old)
        for part in _chunks(moved):
            # Not a pinned article: an editor may have placed it since this walk read it.
            session.execute(update(Article).where(Article.id.in_(part), Article.story_pinned == false())
                            .values(story_id=story.id))
    changed.update(old[a] for a in without if a in old)
    for part in _chunks(a for a in without if a in old):
        session.execute(update(Article).where(Article.id.in_(part), Article.story_pinned == false())
                        .values(story_id=None))
    for sid, into in kept.merged.items():
        moved = sum(1 for a, s in old.items() if s == sid)
        session.add(StoryEvent(at=now, kind="merged", story_id=sid, into_id=into, articles=moved))
    for sid, indexes in kept.split.items():
        for i in indexes:
            if ids[i] != sid:
                moved = sum(1 for a in groups[i] if old.get(a) == sid)
                session.add(StoryEvent(at=now, kind="split", story_id=sid, into_id=ids[i], articles=moved))
    # A story whose articles all went elsewhere stays, empty (refresh counts 0): its id is never
    # given to another event (SQLite would reuse the highest id of a deleted row) and still leads
    # to where they went.
    now_in = {a: sid for members, sid in zip(groups, ids) for a in members} | pinned
    changed.update(s for a in matched for s in (old.get(a), now_in.get(a)) if s is not None)
    refresh(session, changed, now)


def refresh(session: Session, story_ids: Iterable[int], now: datetime | None = None) -> None:
    """Recount these stories from their stored articles, claims and matches (flushed).

    ``first``/``last``/``n_articles``; ``n_outlets``: independent outlets, the feeds of its
    articles with a syndicated copy (one content hash) counted for the first article that carries
    it only; ``n_conflicts``: its claims that a claim of another outlet of the story contradicts
    (a stored ``conflicts`` match), ``conflicted`` when there is one. The story queue sorts on the
    last three (``ix_stories_need``), and shows ``n_conflicts`` as its diverging count.
    What a row of the queue shows besides: ``n_claims``; ``n_agreeing``, its claims that a claim of
    another outlet of the story supports; ``headline_claim_id``, the claim most outlets back
    (``Claim.n_sources``, then the fewest ``n_conflicts``, then the lowest id), None without claims.
    Migrations 0019 and 0020 backfilled them with the same definitions.
    """
    now = now or utcnow()
    mine, theirs, home, away = _MINE, _THEIRS, _HOME, _AWAY
    for part in _chunks(set(story_ids)):
        articles: dict[int, list] = {}
        for row in session.execute(select(Article.id, Article.story_id, Article.feed_id, Article.content_hash,
                                          Article.published).where(Article.story_id.in_(part))):
            articles.setdefault(row.story_id, []).append(row)
        across = {}
        for relation in ("conflicts", "supports"):
            across[relation] = dict(session.execute(
                select(home.story_id, func.count(distinct(mine.id))).select_from(home)
                .join(mine, mine.article_id == home.id)
                .join(Match, and_(Match.claim_id == mine.id, Match.relation == relation))
                .join(theirs, and_(theirs.id == Match.other_claim_id, theirs.feed_id != mine.feed_id))
                .join(away, and_(away.id == theirs.article_id, away.story_id == home.story_id))
                .where(home.story_id.in_(part)).group_by(home.story_id)).all())
        n_claims: dict[int, int] = {}
        best: dict[int, tuple] = {}
        for sid, cid, n_sources, n_conflicts in session.execute(
                select(Article.story_id, Claim.id, Claim.n_sources, Claim.n_conflicts)
                .join(Article, Article.id == Claim.article_id).where(Article.story_id.in_(part))):
            n_claims[sid] = n_claims.get(sid, 0) + 1
            # The headline: the claim most outlets back, then the fewest contradicted, then the lowest id.
            rank = (n_sources, -n_conflicts, -cid)
            if sid not in best or rank > best[sid]:
                best[sid] = rank
        for story in session.scalars(select(Story).where(Story.id.in_(part))):
            rows = articles.get(story.id, [])
            first_of: dict[str, tuple[int, int]] = {}  # content hash -> (lowest article, its feed)
            for row in rows:
                if row.content_hash not in first_of or row.id < first_of[row.content_hash][0]:
                    first_of[row.content_hash] = (row.id, row.feed_id)
            n = across["conflicts"].get(story.id, 0)
            values = {"n_articles": len(rows), "n_outlets": len({feed for _, feed in first_of.values()}),
                      "n_conflicts": n, "conflicted": n > 0,
                      "n_claims": n_claims.get(story.id, 0), "n_agreeing": across["supports"].get(story.id, 0),
                      "headline_claim_id": -best[story.id][2] if story.id in best else None}
            if rows:
                values |= {"first": min(r.published for r in rows), "last": max(r.published for r in rows)}
            if any(getattr(story, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(story, k, v)
                story.updated_at = now
    session.flush()


def refresh_claims(session: Session, claim_ids: Iterable[int], skip_articles: Iterable[int] = ()) -> None:
    """Recount the stories of these claims, but for those of ``skip_articles`` (recounted already)."""
    skip = set(skip_articles)
    story_ids: set[int] = set()
    for part in _chunks(set(claim_ids)):
        for aid, sid in session.execute(select(Article.id, Article.story_id).join(Claim, Claim.article_id == Article.id)
                                        .where(Claim.id.in_(part), Article.story_id.is_not(None)).distinct()):
            if aid not in skip:
                story_ids.add(sid)
    for part in _chunks(skip):
        story_ids -= set(session.scalars(select(Article.story_id).where(Article.id.in_(part))))
    if story_ids:
        refresh(session, story_ids)


def story_of_id(session: Session, story_id: int) -> int | None:
    """Where a story id leads now: itself, the story it was merged into or its last article moved to
    (followed), or None."""
    seen = set()
    while story_id not in seen:
        seen.add(story_id)
        story = session.get(Story, story_id)
        if story is None:
            return None
        if story.n_articles:
            return story_id
        # Emptied by a merge, or by an editor moving its last article away.
        nxt = session.scalar(select(StoryEvent.into_id).where(StoryEvent.story_id == story_id,
                                                              StoryEvent.kind.in_(("merged", "moved")))
                             .order_by(StoryEvent.id.desc()).limit(1))
        if nxt is None:
            return None
        story_id = nxt
    return None
