"""The stored matches: a function of the stored claims, whatever order they arrived in (issue 18).

Two articles are *linked* when the index lookup of a claim of one returns a claim of the other and
the two get a verdict, supports or conflicts (either way; ``_links``). Between linked articles every
pair of claims is compared; between two articles whose lookups met merely related claims, only the
pairs the lookups met. Each claim keeps its best row towards each other article
(``pairing.article_rows``, ``best_per_article``): between linked articles, which row a claim keeps
depends only on its own article's claims and the other article's, never on the other outlets'
reports that happened to be retrieved with them (no shortlist of the best 30, no "one per outlet"
cut decided from one side) nor on row ids.

Copies of one syndicated article (one content hash, several outlets) count as one article: each claim
keeps one row towards all of them (the first published, by ``pairing.row_rank``).

A link is found from whichever of the two articles is stored second: its claims' lookups return
the first one's claims, the pairs are compared and the rows of both sides written. When the lookup
reads every posting of the claim's terms (a window of at most ``retrieval.EXACT_CLAIMS``
claims), it returns every claim sharing a term with it, and those claims' lookups return it: the
link is found from both sides, so the stored matches are the same in any order. Over crowded
windows the lookup reads the nearest and rarest postings only, and only the best of them by the
pre-filter score are compared (``comparable``'s shortlist): a link that neither side's lookup ranks
high enough can be missed in one order and found in another (``bench/match.py`` measures how
often, for the verdicts: "either side"). Between linked articles every pair is compared either way;
between articles not linked, a crowded window's related rows are those the shortlist of the claim
stored second kept, and may differ with the order.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from . import retrieval, stories, webhooks
from ..config import Settings
from ..match import ClaimView, MatchResult
from ..match.pairing import article_rows, best_per_article, group_of
from .models import Claim, Match

# The relations Claim.n_sources counts (migration 0002's triggers).
COUNTED = {"supports", "conflicts"}


def store_matches(session: Session, claims: Sequence[Claim], settings: Settings,
                  groups: Iterable[str] = (), articles: Iterable[int] = ()) -> None:
    """Match ``claims`` (flushed, indexed) and rewrite every stored row between their articles and
    the articles linked to them, then their stories (``stories.regroup``), in the caller's transaction.

    ``groups``: content hashes of articles whose rows must be rewritten too (an edited article's
    former hash: its syndicated copies elsewhere are an article of their own now).
    ``articles``: articles whose stories must be regrouped too (one whose claims all went).
    """
    recount = _store_matches(session, claims, settings, groups)
    matched = {c.article_id for c in claims if c.article_id is not None} | set(articles)
    stories.regroup(session, matched)
    # A claim of another story whose supports/conflicts rows changed has another Claim.n_sources
    # (the triggers of 0002), which its story's headline is chosen by; regroup recounted only the
    # stories of the matched articles.
    stories.refresh_claims(session, recount, skip_articles=matched)


def _store_matches(session: Session, claims: Sequence[Claim], settings: Settings, groups: Iterable[str]) -> set[int]:
    config = settings.match
    seeds = [c for c in claims if c.id is not None]
    hashes = {c.article_hash for c in seeds if c.article_hash} | {g for g in groups if g}
    if not seeds and not hashes:
        return set()
    mine = {v.id: v for v in retrieval.views_of_articles(session, sorted(hashes))}
    # A claim without a content hash (none is stored so, but a row may predate 0009) is its own article.
    mine.update((v.id, v) for v in retrieval.views_by_id(session, [c.id for c in seeds if c.id not in mine]))
    if not mine:
        return
    event_days = (config.event_days_before, config.event_days_after)
    memo: dict = {}  # pairs compared once, whether met through a lookup or inside a pair of articles
    others: dict[int, ClaimView] = {}
    # The articles linked to each of these articles: its own copies in other outlets, those a
    # lookup of its claims met with a verdict, and those it has stored verdict rows with.
    links: dict[str, set[str]] = {group_of(v): {group_of(v)} for v in mine.values()}
    found_rows: list = []  # the rows the lookups' own pairs give (all that is kept towards an article not linked)
    for claim in seeds:
        if claim.id not in mine:
            continue
        me = mine[claim.id]
        found = retrieval.lookup(session, claim, config.window_days, event_days=event_days)
        known = {**others, **mine}
        views = [known[i] for i in found.ids if i in known]
        fetched = retrieval.views_by_id(session, [i for i in found.ids if i not in known])
        others.update((v.id, v) for v in fetched)
        views += fetched
        rows = article_rows([me], views, config, memo, shortlist=not found.whole)
        found_rows.extend(rows)
        links[group_of(me)] |= {group_of(other) for _, other, r in rows if _links(r)}
    existing = list(session.scalars(select(Match).where(or_(Match.claim_id.in_(list(mine)),
                                                            Match.other_claim_id.in_(list(mine))))))
    before = {i for m in existing for i in (m.claim_id, m.other_claim_id)} - set(mine) - set(others)
    others.update((v.id, v) for v in retrieval.views_by_id(session, sorted(before)))
    others.update(mine)
    for m in existing:
        a, b = others.get(m.claim_id), others.get(m.other_claim_id)
        if a is not None and b is not None and m.relation in COUNTED:
            for x, y in ((a, b), (b, a)):
                if x.id in mine:
                    links[group_of(x)].add(group_of(y))
    # Every claim of each linked article, with its copies.
    wanted = sorted({g for gs in links.values() for g in gs if not g.startswith("#")} - hashes)
    others.update((v.id, v) for v in retrieval.views_of_articles(session, wanted))
    members: dict[str, list[ClaimView]] = {}
    for v in others.values():
        members.setdefault(group_of(v), []).append(v)
    rows = list(found_rows)
    for group, linked in sorted(links.items()):
        pool = [v for g in sorted(linked) for v in members.get(g, [])]
        rows.extend(article_rows(members[group], pool, config, memo))
    return _write(session, existing, best_per_article(_once(rows), config, members), set(mine))


def _links(result: MatchResult) -> bool:
    """Whether a row a lookup found links its two articles (every pair of their claims compared).

    A verdict (either side's, before ``best_per_article``) does: an editor reads what else the two
    reports agree or disagree on. A row merely ``related`` does not: 91% of the linked article pairs
    of the bulk archive were linked by related rows alone, and comparing all their pairs was 42-44%
    of the import (BENCHMARKS.md, issue 18); such a pair keeps the rows its lookups found.
    """
    return result.relation in COUNTED


def _once(rows):
    """Each (claim, other) row once: two of these articles linked to each other meet their pairs twice."""
    seen = set()
    for row in rows:
        key = (row[0].id, row[1].id)
        if key not in seen:
            seen.add(key)
            yield row


def _write(session: Session, existing: list[Match], rows: list[tuple[ClaimView, ClaimView, MatchResult]],
           mine: frozenset[int] | set[int] = frozenset()) -> set[int]:
    """Make the stored rows these: rows that stay are updated in place, others deleted or added;
    the claims (``claim_id`` side) whose supports/conflicts rows were added, deleted or changed.

    A pair of claims that conflicts in these rows and did not (either way round) in the stored ones
    is a claim.conflict event for the webhooks, told from the side of ``mine`` (the claims just
    matched): matching again what was matched before tells nothing new.
    """
    conflicted = {frozenset((m.claim_id, m.other_claim_id)) for m in existing if m.relation == "conflicts"}
    recount: set[int] = set()
    by_pair = {(m.claim_id, m.other_claim_id): m for m in existing}
    wanted = set()
    for claim, other, result in rows:
        key = (claim.id, other.id)
        wanted.add(key)
        row = by_pair.get(key)
        before = None if row is None else row.relation
        if row is None:
            row = Match(claim_id=claim.id, other_claim_id=other.id)
            session.add(row)
        if before != result.relation and COUNTED & {before, result.relation}:
            recount.add(claim.id)
        store_row(row, result)
    for key, row in by_pair.items():
        if key not in wanted:
            if row.relation in COUNTED:
                recount.add(row.claim_id)
            session.delete(row)
    session.flush()
    if webhooks.listeners(session, "claim.conflict"):
        new: dict[frozenset, tuple[int, int, MatchResult]] = {}
        for claim, other, result in rows:
            pair = frozenset((claim.id, other.id))
            if result.relation != "conflicts" or pair in conflicted:
                continue
            if pair not in new or (claim.id in mine and new[pair][0] not in mine):
                new[pair] = (claim.id, other.id, result)
        webhooks.conflicts_found(session, [(a, b, r.score, r.reason) for a, b, r in new.values()])
    return recount


def store_row(row: Match, result: MatchResult) -> None:
    if (row.score, row.relation, row.reason) != (result.score, result.relation, result.reason):
        row.score, row.relation, row.reason = result.score, result.relation, result.reason
    data = result.why.to_data()
    if row.reason_data != data:
        row.reason_data = data
    diff = [list(part) for part in result.diff] if result.diff else None
    if row.diff != diff:
        row.diff = diff
