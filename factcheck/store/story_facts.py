"""What the story pages read about stored stories (issue 22): a page of stories with each one's
headline claim, outlets and how many of its claims other outlets agree with or contradict.

Read only, from what is already stored: the stories' articles (``articles.story_id``), their
claims and the matcher's ``supports``/``conflicts`` matches between claims of one story. No new
comparison is made here. Every query is bounded by one page of stories (indexed lookups by story
id, claim id), never a pass over all claims.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import Article, Claim, Feed, Match, Story

CHUNK = 500  # ids per IN (...) list


@dataclass
class StoryRow:
    id: int
    first: datetime
    last: datetime
    n_articles: int
    headline_id: int | None = None
    headline: str = ""
    outlets: list[str] = field(default_factory=list)
    n_claims: int = 0
    n_agreeing: int = 0   # claims another outlet's claim in the story supports
    n_diverging: int = 0  # claims another outlet's claim in the story contradicts


def _chunks(ids):
    ids = sorted(ids)
    for i in range(0, len(ids), CHUNK):
        yield ids[i:i + CHUNK]


# The queue's orders: "need" (the default) puts first what needs a human most: a story where one
# outlet contradicts another, then the stories more independent outlets report, then the newest;
# "newest" by last report. Each is the order of one index (ix_stories_need, ix_stories_last) over
# figures stories.refresh keeps on the story, so a page at any depth reads its rows in index order,
# never sorting all stories; the id last makes the order total, so pages never overlap.
ORDERS = {
    "need": (Story.conflicted.desc(), Story.n_outlets.desc(), Story.last.desc(), Story.id.desc()),
    "newest": (Story.last.desc(), Story.id.desc()),
}


def story_page(session: Session, offset: int, limit: int, order: str = "need", where=()) -> list[StoryRow]:
    """Live stories (some article left in them) in one of ``ORDERS``, ``limit`` from ``offset``;
    ``where``: more conditions on ``Story`` (``story_list``'s filters).
    """
    stories = session.execute(
        select(Story.id, Story.first, Story.last, Story.n_articles).where(Story.n_articles > 0, *where)
        .order_by(*ORDERS[order]).offset(offset).limit(limit)).all()
    rows = {sid: StoryRow(sid, first, last, n) for sid, first, last, n in stories}
    describe(session, rows)
    return [rows[sid] for sid, *_ in stories]


def describe(session: Session, rows: dict[int, StoryRow]) -> None:
    """Fill headline, outlets and agreement counts of these stories from their claims and matches."""
    story_of: dict[int, int] = {}
    feed_of: dict[int, int] = {}
    best: dict[int, tuple] = {}
    outlets: dict[int, dict[int, str]] = {sid: {} for sid in rows}
    for part in _chunks(rows):
        for cid, text, n_sources, n_conflicts, sid, fid, fname in session.execute(
                select(Claim.id, Claim.text, Claim.n_sources, Claim.n_conflicts, Article.story_id,
                       Claim.feed_id, Feed.name)
                .join(Article, Article.id == Claim.article_id).join(Feed, Feed.id == Claim.feed_id)
                .where(Article.story_id.in_(part))):
            story_of[cid], feed_of[cid] = sid, fid
            outlets[sid][fid] = fname
            rows[sid].n_claims += 1
            # The headline: the claim most outlets back (then the lowest id, for a stable choice).
            rank = (n_sources, -n_conflicts, -cid)
            if sid not in best or rank > best[sid][0]:
                best[sid] = (rank, cid, text)
    agreeing: set[int] = set()
    for part in _chunks(story_of):
        for cid, other in session.execute(
                select(Match.claim_id, Match.other_claim_id)
                .where(Match.claim_id.in_(part), Match.relation == "supports")):
            # Only what another outlet of the same story says counts.
            if story_of.get(other) != story_of[cid] or feed_of.get(other) == feed_of[cid]:
                continue
            agreeing.add(cid)
    for sid, row in rows.items():
        row.outlets = sorted(outlets[sid].values())
        if sid in best:
            row.headline_id, row.headline = best[sid][1], best[sid][2]
    for cid in agreeing:
        rows[story_of[cid]].n_agreeing += 1
    # Diverging: the count the queue's order is sorted on, kept on the story by stories.refresh.
    for part in _chunks(rows):
        for sid, n in session.execute(select(Story.id, Story.n_conflicts).where(Story.id.in_(part))):
            rows[sid].n_diverging = n


@dataclass
class Said:
    """One claim as the story page shows it."""
    claim_id: int
    outlet: str
    text: str
    sentence: str
    value: float | None
    unit: str | None
    date_value: str | None
    url: str | None


@dataclass
class Fact:
    """Claims of different outlets the matcher found saying the same (``supports``, transitively),
    and the other values: each group of claims that one of them ``conflicts`` with."""
    said: list[Said]
    others: list[list[Said]] = field(default_factory=list)

    @property
    def outlets(self) -> list[str]:
        return sorted({s.outlet for s in self.said})

    @property
    def number(self) -> int:
        """The fact's number on the page and in the CLI: its first claim's id. It stays as new
        reports join the fact (theirs are newer), where a rank in the page's order would move."""
        return min(s.claim_id for s in self.said)


def story_facts(session: Session, story_id: int) -> list[Fact] | None:
    """The story's facts, those contradicted first, then those most outlets state; None for no such story."""
    if session.get(Story, story_id) is None:
        return None
    said: dict[int, Said] = {}
    feed_of: dict[int, int] = {}
    for cid, fid, fname, text, sentence, value, unit, date_value, url in session.execute(
            select(Claim.id, Claim.feed_id, Feed.name, Claim.text, Claim.sentence, Claim.value, Claim.unit,
                   Claim.date_value, Article.url)
            .join(Article, Article.id == Claim.article_id).join(Feed, Feed.id == Claim.feed_id)
            .where(Article.story_id == story_id).order_by(Claim.id)):
        said[cid] = Said(cid, fname, text, sentence, value, unit, date_value, url)
        feed_of[cid] = fid
    parent = {cid: cid for cid in said}

    def root(c: int) -> int:
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    conflicts: list[tuple[int, int]] = []
    for part in _chunks(said):
        for cid, other, relation in session.execute(
                select(Match.claim_id, Match.other_claim_id, Match.relation)
                .where(Match.claim_id.in_(part), Match.relation.in_(("supports", "conflicts")))):
            if other not in said or feed_of[other] == feed_of[cid]:
                continue  # another story's claim, or an outlet agreeing with itself
            if relation == "supports":
                a, b = root(cid), root(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
            else:
                conflicts.append((cid, other))
    groups: dict[int, list[Said]] = {}
    for cid in said:
        groups.setdefault(root(cid), []).append(said[cid])
    against: dict[int, set[int]] = {}
    for a, b in conflicts:
        ra, rb = root(a), root(b)
        if ra != rb:
            against.setdefault(ra, set()).add(rb)
    facts = [Fact(groups[r], [groups[o] for o in sorted(against.get(r, ()), key=lambda o: -len(groups[o]))])
             for r in groups]
    facts.sort(key=lambda f: (not f.others, -len(f.outlets), f.said[0].claim_id))
    return facts
