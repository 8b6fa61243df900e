"""Stories from the matcher's links (factcheck.match.grouping): plain data, written for these tests."""
from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone

from factcheck.match.grouping import GroupingConfig, Link, group, keep_ids

T0 = datetime(2025, 8, 10, 9, tzinfo=timezone.utc)


def at(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


def test_strong_links_group_whatever_their_verdict_and_weak_ones_do_not():
    published = {a: at(a) for a in range(1, 7)}
    # Two reports of one event that disagree, or whose facts the matcher cannot compare, are still
    # one event: a false conflict turned "related" must not split a story.
    links = [Link(1, 2, "supports", 98), Link(2, 3, "conflicts", 97), Link(3, 4, "related", 90),
             Link(4, 5, "supports", 74.9),  # below strong_score: not the same event for grouping
             Link(5, 6, "related", 74.9)]
    assert group(published, links) == [[1, 2, 3, 4], [5], [6]]
    # The verdicts a link may have are the config's (bench/stories.py's baseline narrows them).
    narrow = GroupingConfig(relations=("supports", "conflicts"))
    assert group(published, links, narrow) == [[1, 2, 3], [4], [5], [6]]


def test_a_story_never_spans_more_than_the_bound():
    # 1-2 and 2-3 are each 40 hours apart: chained they would span 80 hours.
    published = {1: at(0), 2: at(40), 3: at(80)}
    links = [Link(1, 2, "supports", 95), Link(2, 3, "supports", 99)]
    stories = group(published, links, GroupingConfig(span_hours=72))
    assert sorted(map(len, stories)) == [1, 2]
    assert [2, 3] in stories  # the stronger link is taken first
    # Two reports further apart than the bound are not linked at all.
    assert group({1: at(0), 2: at(73)}, [Link(1, 2, "supports", 100)]) == [[1], [2]]


def test_two_stories_merge_only_when_enough_links_agree():
    published = {a: at(a) for a in range(1, 7)}
    within = [Link(1, 2, "supports", 99), Link(2, 3, "supports", 99), Link(4, 5, "supports", 99),
              Link(5, 6, "supports", 99)]
    one_bridge = within + [Link(3, 4, "supports", 80)]
    assert group(published, one_bridge) == [[1, 2, 3], [4, 5, 6]]
    two_bridges = one_bridge + [Link(2, 5, "supports", 80)]
    assert group(published, two_bridges) == [[1, 2, 3, 4, 5, 6]]


def test_the_stories_do_not_depend_on_the_order_of_the_links_or_the_reports():
    published = {a: at(a * 5) for a in range(1, 9)}
    links = [Link(1, 2, "supports", 99), Link(2, 3, "supports", 80), Link(3, 4, "supports", 85),
             Link(5, 6, "conflicts", 90), Link(6, 7, "supports", 77), Link(4, 5, "supports", 76),
             Link(7, 8, "related", 100), Link(1, 3, "supports", 90)]
    expected = group(published, links)
    for perm in itertools.islice(itertools.permutations(links), 0, 5000, 97):
        shuffled = dict(reversed(list(published.items())))
        assert group(shuffled, list(perm)) == expected


def test_a_story_keeps_its_id_and_merges_and_splits_are_named():
    # Before: story 10 = articles 1, 2; story 11 = 3; story 12 = 4, 5.
    old = {1: 10, 2: 10, 3: 11, 4: 12, 5: 12}
    r = keep_ids([[1, 2, 3, 6], [4], [5]], old)
    assert r.ids[0] == 10 and r.merged == {11: 10}  # 6 is new, 3 came from story 11
    assert r.split == {12: [1, 2]} and sorted([r.ids[1], r.ids[2]], key=str) == [12, None]
    assert keep_ids([[7]], {}).ids == [None]
