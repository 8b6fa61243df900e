"""What the story pages read about stored stories (issue 22): a page of stories with each one's
headline claim, outlets and how many of its claims other outlets agree with or contradict.

Read only, from what is already stored: a page's rows read the figures ``stories.refresh`` keeps
on each story (headline claim, claims, agreeing and diverging counts; 0019, 0020), the headline's
text by its id and the outlets of the stories' articles; a story's page reads its claims and the
matcher's ``supports``/``conflicts`` matches between claims of the story. No new comparison is
made here. Every query is bounded by one page of stories (indexed lookups by story id, claim id),
never a pass over all claims.
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
    """Fill headline, outlets and agreement counts of these stories: the figures stories.refresh
    keeps on the story, the headline's text by its id, the outlets of the stories' articles."""
    headline_of: dict[int, int] = {}
    for part in _chunks(rows):
        for sid, hid, n_claims, n_agreeing, n_diverging in session.execute(
                select(Story.id, Story.headline_claim_id, Story.n_claims, Story.n_agreeing, Story.n_conflicts)
                .where(Story.id.in_(part))):
            row = rows[sid]
            row.n_claims, row.n_agreeing, row.n_diverging = n_claims, n_agreeing, n_diverging
            if hid is not None:
                headline_of[hid] = sid
    for part in _chunks(headline_of):
        for cid, text in session.execute(select(Claim.id, Claim.text).where(Claim.id.in_(part))):
            rows[headline_of[cid]].headline_id, rows[headline_of[cid]].headline = cid, text
    # The outlets: the feeds of the stories' articles that hold a claim (an article without claims
    # says nothing on the page), each name once.
    for part in _chunks(rows):
        for sid, name in session.execute(
                select(Article.story_id, Feed.name).join(Feed, Feed.id == Article.feed_id)
                .where(Article.story_id.in_(part), select(Claim.id).where(Claim.article_id == Article.id).exists())
                .distinct()):
            rows[sid].outlets.append(name)
    for row in rows.values():
        row.outlets.sort()


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
