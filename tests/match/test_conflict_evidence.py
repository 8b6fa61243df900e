"""A conflict asks more of two reports than supports does.

A date, a figure or a speaker that differs is itself a sign of two events or
two statements, so before the matcher says "conflicts" the wording must show
more sameness than it needs for "supports": half of the event words shared
(MatchConfig.event_conflict_words) and, for a quote given to another speaker,
the same words (MatchConfig.quote_misattributed). Below that the two read as
related. On the generated news corpus (bench/match.py, checked against its
stories) this took the precision of conflicts from 0.41 to 0.92 at 100,000
claims with the same recall; a false conflict is the worst alarm to raise.
"""
from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

import pytest

from factcheck.match import ClaimView, MatchConfig, compare

from .labelled import load_pairs

PAIRS = {row["id"]: row for row in load_pairs()}
T0 = datetime(2025, 8, 1, 9, 0)


def relation(pair_id: int, config: MatchConfig = MatchConfig()) -> tuple[str, str]:
    r = compare(PAIRS[pair_id]["claim_a"], PAIRS[pair_id]["claim_b"], config)
    assert r is not None
    return r.relation, r.reason


@pytest.mark.parametrize("pair_id", [125, 126])
def test_two_speakers_sharing_a_formula_are_related_not_a_misattribution(pair_id):
    rel, reason = relation(pair_id)
    assert rel == "related"
    assert "another speaker" in reason
    # The threshold is what decides: without it the formula reads as one quote.
    assert relation(pair_id, MatchConfig(quote_misattributed=0))[0] == "conflicts"


@pytest.mark.parametrize("pair_id", [23, 24, 127, 128])
def test_one_statement_given_to_another_speaker_stays_a_conflict(pair_id):
    rel, reason = relation(pair_id)
    assert rel == "conflicts"
    assert "attributed to a different speaker" in reason


def test_two_events_of_one_actor_with_different_dates_are_related():
    # Pair 117: Erdogan opens two different things two days apart; the matcher
    # read one event with two dates.
    rel, reason = relation(117)
    assert rel == "related"
    assert "likely another event" in reason and "dates differ" in reason
    assert relation(117, MatchConfig(event_conflict_words=0))[0] == "conflicts"


@pytest.mark.parametrize("pair_id", [113, 121])
def test_one_event_told_with_other_words_still_conflicts(pair_id):
    # The labelled conflicts that share the fewest event words (0.55 and 0.52).
    assert relation(pair_id)[0] == "conflicts"


def figure(id_: int, source: str, text: str, value: float) -> ClaimView:
    return ClaimView(id_, source, "figure", text, text, value=value, unit="injured", published=T0, lang="en")


def test_one_frame_two_figure_stories_are_not_a_conflict():
    # From the generated news corpus: one stock frame ("border crossing
    # reopening in Damascus ... N injured"), two stories with words of their own.
    a = figure(1, "reuters", "border reopening in Damascus than bilflaming the cleagomdros statement month "
                             "fious leaves 2699 injured", 2699)
    b = figure(2, "bbc", "border crossing reopening in Damascus hutian the plan that and treastion: 88 injured", 88)
    r = compare(a, b)
    assert r is None or r.relation == "related"
    assert compare(a, b, MatchConfig(event_conflict_words=0)).relation == "conflicts"


def test_two_dated_events_of_one_sentence_do_not_conflict():
    # Pairs 131-132, from the bundled samples: Baladi News' "Leavitt said on 4 November"
    # against Gulf Wire's sentence with the same "said on 4 November" (claim 132's other side)
    # and "Trump will meet al-Sharaa next Monday" (10 November, claim 131's other side). The
    # sentences are one event to the letters; the second claim's own words are another event.
    rel, reason = relation(131)
    assert rel == "related"
    assert "own words differ" in reason and "dates differ" in reason
    assert relation(132)[0] == "supports"


def test_a_pair_that_is_not_one_event_is_never_a_conflict_even_when_too_far_apart_to_relate():
    # Below min_score the pair is not even related: nothing is reported, never "conflicts".
    r = compare(PAIRS[131]["claim_a"], PAIRS[131]["claim_b"], MatchConfig(min_score=99))
    assert r is None or r.relation != "conflicts"


@pytest.mark.parametrize("pair_id, days", [(129, 6), (130, 8)])
def test_one_frame_in_one_place_a_week_apart_is_another_event_not_a_conflict(pair_id, days):
    # Two clashes in Sweida six days apart, two forest fires near Latakia eight days apart: the
    # same words, another occurrence. Outlets report one event within a day or two.
    rel, reason = relation(pair_id)
    assert rel == "related"
    assert "figures differ" in reason and f"published {days} days apart" in reason
    # The days are what decide: published the same day, the two reports conflict...
    a, b = PAIRS[pair_id]["claim_a"], PAIRS[pair_id]["claim_b"]
    assert compare(a, dataclasses.replace(b, published=a.published)).relation == "conflicts"
    # ... and so they do for a desk that allows more days.
    assert relation(pair_id, MatchConfig(conflict_days=days + 1))[0] == "conflicts"


def test_a_misquote_is_a_conflict_whatever_the_days_between_the_reports():
    # Quotes are not concerned: a quote reworded into another meaning stays a misquote a week later.
    quote = next(row for row in PAIRS.values() if row["label"] == "conflicts" and row["a"]["kind"] == "quote")
    a, b = quote["claim_a"], quote["claim_b"]
    later = dataclasses.replace(b, published=a.published + timedelta(days=12))
    assert compare(a, later).relation == "conflicts"
