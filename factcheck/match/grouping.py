"""Stories: which reports (articles) tell of one event, decided from the matcher's links. Pure.

The unit is the article: an event is what one outlet's article reports, and the acceptance
figure (issue 22) is counted per article. Two articles are *linked* when the matcher stored a
match between a claim of one and a claim of the other with a score of at least
``strong_score``, and they were published at most ``span_hours`` apart.

Whatever the match's verdict: whether two reports agree (``supports``), disagree
(``conflicts``) or neither (``related``) is a question about their facts, not about whether
they report one event. Grouping on the verdict made the stories follow the stance rules: when
the matcher stopped calling false conflicts (two reports of one event whose figures or dates it
had misread), their articles fell out of their stories. Below ``strong_score`` links do join
different events of one day (a visit's two ceremonies, a bombing's condolences and its
wounded), whatever their verdict.

Grouping is a single-link union over those links with two guards against chaining two events
through one loose link:

* a story never spans more than ``span_hours`` between its first and last report;
* two stories of several reports each become one only when at least ``merge_links`` pairs of
  their articles are linked (one article may join a story on one link: it has nothing else).

The links are taken strongest first (most linked claim pairs, then best score, then ids), so
the stories are a function of the set of reports and links, never of the order they arrived
in: the same articles imported in any order give the same stories.

Measured on the 230 real articles of ../shared/eval/real/crossoutlet/ (bench/stories.py):
of the links scoring ``strong_score`` 75 or more within ``span_hours``, 2 (one article pair,
both one-word claims) join two events against about 4,000 inside events; below it, cross-event
links appear (73: the same casualty figure in the reports of two events about one bombing), and
the widest event spans 67 hours, under ``span_hours``. These defaults were chosen on that
corpus, so its figures are in-sample.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from .types import RELATIONS


@dataclass(frozen=True)
class GroupingConfig:
    strong_score: float = 75.0
    span_hours: float = 72.0
    merge_links: int = 2
    relations: tuple[str, ...] = RELATIONS  # the verdicts a link may have (the benchmark's baseline narrows it)


@dataclass(frozen=True)
class Link:
    """One stored match between a claim of article ``a`` and a claim of article ``b``."""

    a: int
    b: int
    relation: str
    score: float


def linked_pairs(links: Iterable[Link], published: Mapping[int, datetime],
                 config: GroupingConfig) -> dict[tuple[int, int], tuple[int, float]]:
    """Article pairs that count as one event: (lower id, higher id) -> (strong links, best score)."""
    out: dict[tuple[int, int], tuple[int, float]] = {}
    for link in links:
        if link.a == link.b or link.relation not in config.relations or link.score < config.strong_score:
            continue
        if link.a not in published or link.b not in published:
            continue
        if abs((published[link.a] - published[link.b]).total_seconds()) > config.span_hours * 3600:
            continue
        key = (min(link.a, link.b), max(link.a, link.b))
        n, best = out.get(key, (0, 0.0))
        out[key] = (n + 1, max(best, link.score))
    return out


def group(published: Mapping[int, datetime], links: Iterable[Link],
          config: GroupingConfig = GroupingConfig()) -> list[list[int]]:
    """The stories of these articles (article id -> publication time), each a sorted list of ids.

    Every article is in exactly one story (alone when nothing links it); stories come sorted by
    their first id.
    """
    pairs = linked_pairs(links, published, config)
    neighbours: dict[int, set[int]] = {}
    for a, b in pairs:
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    root = {a: a for a in published}
    members = {a: [a] for a in published}
    first = dict(published)
    last = dict(published)

    def find(x: int) -> int:
        while root[x] != x:
            root[x] = root[root[x]]
            x = root[x]
        return x

    span = config.span_hours * 3600
    for (a, b), _ in sorted(pairs.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0])):
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        if (max(last[ra], last[rb]) - min(first[ra], first[rb])).total_seconds() > span:
            continue
        small, big = sorted((ra, rb), key=lambda r: (len(members[r]), r))
        if len(members[small]) > 1:
            agree = sum(1 for x in members[small] for y in neighbours.get(x, ()) if find(y) == big)
            if agree < config.merge_links:
                continue
        root[small] = big
        members[big].extend(members.pop(small))
        first[big], last[big] = min(first[ra], first[rb]), max(last[ra], last[rb])
    return sorted(sorted(m) for m in members.values())


@dataclass
class Renumbered:
    """Stories with the ids they keep: ``ids[i]`` is the id of ``groups[i]`` (None: a new story)."""

    groups: list[list[int]]
    ids: list[int | None]
    merged: dict[int, int]  # an old story id -> the id it was merged into
    split: dict[int, list[int]]  # an old story id -> the indexes of the groups it was split into


def keep_ids(groups: list[list[int]], old: Mapping[int, int]) -> Renumbered:
    """Give each new group the old story id holding most of its articles, so a story keeps its id
    (of two merged stories, the older id).

    ``old`` maps article -> its story id before. Each old id goes to at most one group: the one
    holding most of its articles (ties: the group with the lowest article id). An old story whose
    articles went to several groups was split; one whose articles all went into a group carrying
    another id was merged into it.
    """
    best: dict[int, tuple[int, int]] = {}  # old id -> (-count, group index)
    for i, g in enumerate(groups):
        counts: dict[int, int] = {}
        for a in g:
            if a in old:
                counts[old[a]] = counts.get(old[a], 0) + 1
        for sid, n in counts.items():
            cand = (-n, i)
            if sid not in best or cand < best[sid]:
                best[sid] = cand
    ids: list[int | None] = [None] * len(groups)
    # Each story id goes to the group holding most of its articles; when several ids go to one
    # group (a merge) the oldest (lowest) keeps it: links and bookmarks to it stay valid longest.
    for sid, (_, i) in sorted(best.items()):
        if ids[i] is None:
            ids[i] = sid
    where: dict[int, set[int]] = {}
    for i, g in enumerate(groups):
        for a in g:
            if a in old:
                where.setdefault(old[a], set()).add(i)
    merged, split = {}, {}
    for sid, idx in where.items():
        if sid not in ids:
            target = ids[min(idx)] if len(idx) == 1 else None
            if target is not None:
                merged[sid] = target
        if len(idx) > 1:
            split[sid] = sorted(idx)
    return Renumbered(groups=groups, ids=ids, merged=merged, split=split)
