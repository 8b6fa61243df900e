"""Classify a pair of claims from different sources: supports, conflicts or related."""
from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone

from ..messages import Message
from ..text.normalize import match_tokens, normalize
from . import crosslingual, names, propositions
from .similarity import (
    STORED_LIMIT,
    WordForms,
    content,
    distinct_scores,
    event_content,
    forms_overlap,
    parse_stored_tokens,
    related_word_overlap,
    stems,
    stored_prefilter_key,
    text_similarity,
    topic_content,
    word_diff,
    word_forms,
    word_overlap,
)
from .structured import (
    dates_compatible,
    figures_agree,
    format_date,
    clock_time,
    clock_times,
    format_figure,
    named_in,
    sentence_dates,
    speakers_agree,
    units_agree,
)
from .types import ClaimView, MatchConfig, MatchResult
from .words import WEEKDAY_NUMBER, WEEKDAY_ONLY_WORDS, WEEKDAYS

_DEFAULT = MatchConfig()


def _aware(dt: datetime) -> datetime:
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=timezone.utc)


def _stored(v: ClaimView, config: MatchConfig) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The view's stored (text, sentence) tokens, when it has them and they were cut at the same length."""
    if v.match_key is None or config.max_chars != STORED_LIMIT:
        return None
    if v.parsed is None:
        v.parsed = parse_stored_tokens(v.match_key) or ()
    return v.parsed or None


def _text(v: ClaimView, config: MatchConfig) -> tuple[str, ...]:
    """Matching tokens of the claim text: the stored ones when they were cut at the same length."""
    stored = _stored(v, config)
    return stored[0] if stored else stems(v.text, config.max_chars)


def _sentence(v: ClaimView, config: MatchConfig) -> tuple[str, ...]:
    stored = _stored(v, config)
    return stored[1] if stored else stems(v.sentence, config.max_chars)


def _prefilter_key(v: ClaimView, config: MatchConfig) -> str:
    # The stored key is the same string worked out from the stored tokens, so
    # it counts exactly when those do (see _text); read without parsing them.
    key = stored_prefilter_key(v.match_key) if config.max_chars == STORED_LIMIT else ""
    return key or " ".join(content(_text(v, config))) + " " + " ".join(content(_sentence(v, config)))


_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_MICROSECOND = timedelta(microseconds=1)
_DAY_US = 86_400_000_000


class _Facts:
    """What the window and language checks read of one claim, worked out once per view: every pair
    it is in reads them (a real import checks ~6,000 candidates an article), and datetimes'
    arithmetic was the checks' cost. Exact: whole microseconds and day ordinals, no floats."""

    __slots__ = ("stamp", "day", "event", "lang")

    def __init__(self, v: ClaimView) -> None:
        published = _aware(v.published) if v.published is not None else None
        self.stamp = (published - _EPOCH) // _MICROSECOND if published is not None else None
        self.day = published.astimezone(timezone.utc).date().toordinal() if published is not None else None
        self.event = v.event.toordinal() if v.event is not None else None
        self.lang = v.lang.split("-")[0] if v.lang else None


def _facts(v: ClaimView) -> _Facts:
    facts = v.facts
    if facts is None:
        facts = v.facts = _Facts(v)
    return facts  # type: ignore[return-value]


class _Words:
    """What the quote rule reads of one claim's own words, worked out once per view (for the
    ``max_chars`` it was asked with): a claim is compared with every claim of each linked article,
    and its content words, their arguments (``propositions.arguments``) and whether its sentence
    names its speaker were worked out again for each of those pairs."""

    __slots__ = ("max_chars", "content", "_arguments", "_named", "_forms")

    def __init__(self, v: ClaimView, config: MatchConfig) -> None:
        self.max_chars = config.max_chars
        self.content = content(_text(v, config))
        self._arguments: tuple[str, ...] | None = None
        self._named: bool | None = None
        self._forms: tuple[WordForms, WordForms] | None = None

    def forms(self, v: ClaimView, config: MatchConfig) -> tuple[WordForms, WordForms]:
        """The content words of the claim's text and of its sentence, for ``shares_words``."""
        if self._forms is None:
            self._forms = (word_forms(self.content), word_forms(content(_sentence(v, config))))
        return self._forms

    def arguments(self) -> tuple[str, ...]:
        if self._arguments is None:
            self._arguments = propositions.arguments(self.content)
        return self._arguments

    def named(self, v: ClaimView) -> bool:
        if self._named is None:
            self._named = named_in(v.speaker, v.sentence, v.text)
        return self._named


def _words(v: ClaimView, config: MatchConfig) -> _Words:
    words = v.words
    if words is None or words.max_chars != config.max_chars:  # type: ignore[attr-defined]
        words = v.words = _Words(v, config)
    return words  # type: ignore[return-value]


def shares_words(claim: ClaimView, other: ClaimView, config: MatchConfig = _DEFAULT) -> bool:
    """Whether two claims in one language share ``config.compare_words_shared`` of the content words
    of their texts or of their sentences (``related_word_overlap``): the pre-filter's first test.

    Every verdict reads shared words: a quote's supports or conflict 0.4 to 0.5 of its text's,
    a date's or figure's 0.4 of its event words. Below this bar only letters are alike, and
    ``related`` rows "on letters" between two unrelated sentences are what it keeps out; the
    token-set score after it passes nearly any two Arabic news sentences (BENCHMARKS.md, issue 18).
    """
    text_a, sentence_a = _words(claim, config).forms(claim, config)
    text_b, sentence_b = _words(other, config).forms(other, config)
    bar = config.compare_words_shared
    return forms_overlap(text_a, text_b) >= bar or forms_overlap(sentence_a, sentence_b) >= bar


def in_window(claim: ClaimView, other: ClaimView, window_days: int, before: int = 0, after: int = -1) -> bool:
    """Both published within ``window_days`` of each other (unknown times pass), or one published
    from ``before`` days before to ``after`` days after the day of the other's event (``ClaimView.event``).

    Symmetric: the pair is in the window from either side, whichever was stored first.
    """
    a, b = _facts(claim), _facts(other)
    if a.stamp is None or b.stamp is None:
        return True
    if abs(a.stamp - b.stamp) <= window_days * _DAY_US:
        return True
    return after >= 0 and (_near_event(a.event, b.day, before, after) or _near_event(b.event, a.day, before, after))


def _near_event(event: int | None, day: int, before: int, after: int) -> bool:
    return event is not None and -before <= day - event <= after


def days_apart(claim: ClaimView, other: ClaimView) -> float | None:
    """How far apart in time the two reports are: their publications, or one's publication and the
    day of the other's event when that is closer (a November article about an August raid and the
    August report of it are one day apart). None when a time is unknown."""
    if claim.published is None or other.published is None:
        return None
    days = abs(_aware(claim.published) - _aware(other.published)) / timedelta(days=1)
    for event, published in ((claim.event, other.published), (other.event, claim.published)):
        if event is not None:
            days = min(days, abs((_aware(published).astimezone(timezone.utc).date() - event).days))
    return days


def independent(claim: ClaimView, other: ClaimView) -> bool:
    """Whether ``other`` could corroborate ``claim`` at all."""
    if claim.source == other.source:
        return False
    if claim.id is not None and claim.id == other.id:
        return False
    return True


def _syndicated(claim: ClaimView, other: ClaimView) -> bool:
    return bool(claim.article_hash) and claim.article_hash == other.article_hash


def _pct(x: float) -> int:
    """A similarity as the whole percentage a reason shows ("{pct}%")."""
    return round(x)


def _langs_differ(claim: ClaimView, other: ClaimView) -> bool:
    a, b = _facts(claim).lang, _facts(other).lang
    return a is not None and b is not None and a != b


_DIFF_PENDING: list[tuple[str, str]] = []  # marker: a quote diff still to be computed


def _with_diff(result: MatchResult | None, claim: ClaimView, other: ClaimView,
               config: MatchConfig) -> MatchResult | None:
    if result is not None and result.diff is _DIFF_PENDING:
        result.diff = word_diff(claim.text[: config.max_chars], other.text[: config.max_chars])
    return result


def compare(claim: ClaimView, other: ClaimView, config: MatchConfig = _DEFAULT) -> MatchResult | None:
    """How ``other`` (from another source) bears on ``claim``; None when it does not.

    Never matches a claim with its own source, nor outside the time window.
    A copy of the same article carried by another outlet (same content hash)
    is reported as ``related`` with that reason: it is not independent
    corroboration.
    """
    return _with_diff(_compare(claim, other, config), claim, other, config)


def _compare(claim: ClaimView, other: ClaimView, config: MatchConfig = _DEFAULT) -> MatchResult | None:
    """How ``other`` (from another source) bears on ``claim``; None when it does not.

    Never matches a claim with its own source, nor outside the time window.
    A copy of the same article carried by another outlet (same content hash)
    is reported as ``related`` with that reason: it is not independent
    corroboration.
    """
    if not _may_match(claim, other, config):
        return None
    return _judge(claim, other, config, _langs_differ(claim, other))


def _may_match(claim: ClaimView, other: ClaimView, config: MatchConfig) -> bool:
    """Of other sources and within the windows: symmetric, so a pair's two verdicts ask it once."""
    return independent(claim, other) and in_window(claim, other, config.window_days, config.event_days_before,
                                                   config.event_days_after)


def _judge(claim: ClaimView, other: ClaimView, config: MatchConfig, langs_differ: bool) -> MatchResult | None:
    """``_compare`` of a pair that may match (``_may_match``)."""
    if langs_differ:
        return crosslingual.compare(claim, other, config)
    result = _compare_same_language(claim, other, config)
    if result is not None and _syndicated(claim, other):
        return MatchResult(other.id, result.score, "related",
                           Message("syndicated copy of the same article (not independent): {reason}",
                                   {"reason": result.why}), result.diff)
    return result


def _compare_same_language(claim: ClaimView, other: ClaimView, config: MatchConfig) -> MatchResult | None:
    rule = _RULES.get(claim.kind) if claim.kind == other.kind else None
    return (rule or _compare_context)(claim, other, config)


def _compare_context(claim: ClaimView, other: ClaimView, config: MatchConfig) -> MatchResult | None:
    """Different kinds of claim: at most the same topic."""
    words_a, words_b = content(_sentence(claim, config)), content(_sentence(other, config))
    sim = text_similarity(words_a, words_b)
    if sim < config.min_score or related_word_overlap(words_a, words_b) < config.topic_words_shared:
        return None
    return MatchResult(other.id, round(sim, 1), "related",
                       Message("same topic: sentences {pct}% alike", {"pct": _pct(sim)}))


def _compare_quotes(claim: ClaimView, other: ClaimView, config: MatchConfig) -> MatchResult | None:
    a, b = _text(claim, config), _text(other, config)
    mine, theirs = _words(claim, config), _words(other, config)
    words_a, words_b = mine.content, theirs.content
    sim = text_similarity(words_a, words_b)
    speakers = speakers_agree(claim.speaker, other.speaker)
    if speakers is False and not (mine.named(claim) and theirs.named(other)):
        # A name carried on from an earlier sentence ("وأضاف ..."; one that names its own speaker only
        # by a title) is not known to be this quote's speaker: two names, one of them carried, are
        # no misattribution (issue 17, build 4).
        speakers = None
    # Alike in characters is not enough: two statements poured into one
    # formula ("we have allocated N million dollars for ...") reach quote_same
    # on the formula's letters while sharing few of their own words.
    same = sim >= config.quote_same and related_word_overlap(words_a, words_b) >= config.quote_words_shared
    # The diff is worked out only for the matches that are kept (see _with_diff):
    # best_matches compares up to ``shortlist`` candidates and keeps ``limit``.
    diff = _DIFF_PENDING
    if same and speakers is False:
        # A misattribution repeats one statement under another name; two
        # people who only share a formula made two statements.
        who = {"pct": _pct(sim), "mine": claim.speaker, "theirs": other.speaker}
        if sim < config.quote_misattributed:
            return MatchResult(other.id, round(sim, 1), "related",
                               Message("similar wording by another speaker ({pct}% alike): {mine} vs {theirs}", who))
        return MatchResult(other.id, round(sim, 1), "conflicts",
                           Message("same quote {pct}%, attributed to a different speaker: {mine} vs {theirs}", who),
                           diff)
    # What the two wordings assert, part by part: a difference the matcher can name (negation,
    # denial, an opposite, another entity, swapped roles, a number no interval of the other can be)
    # makes a conflict when the rest of the two wordings is one statement.
    change = None
    # One predicate said two ways (صعود / ارتفاع, استمرار / يواصل: one side of a listed opposition)
    # is one word, for whether the two are alike enough to compare and for the rest of them.
    told_b, alike = None, sim
    if not (sim >= config.min_score or same):
        told_b = propositions.one_predicate(words_b, words_a)
        alike = text_similarity(words_a, told_b) if told_b != words_b else sim
        if alike < config.min_score:
            # What the predicates leave (words of the opposites lexicon set aside): two short headlines
            # of the same things going opposite ways are unlike mostly by their predicates.
            args_a = mine.arguments()
            args_b = theirs.arguments() if told_b is words_b else propositions.arguments(told_b)
            if (args_a != words_a or args_b != told_b) and args_a and args_b:
                alike = max(alike, text_similarity(args_a, args_b))
    if alike >= config.min_score or same:
        change = propositions.difference(a, b, claim.text[: config.max_chars], other.text[: config.max_chars])
    if change is not None and speakers is not False:
        told_b = told_b if told_b is not None else propositions.one_predicate(words_b, words_a)
        rest_a = tuple(w for w in words_a if w not in change.words)
        rest_b = tuple(w for w in told_b if w not in change.words)
        rest = text_similarity(rest_a, rest_b)
        if rest >= config.conflict_rest_same and related_word_overlap(rest_a, rest_b) >= config.conflict_rest_words:
            return MatchResult(other.id, round(alike, 1), "conflicts",
                               Message("same quote {pct}%, wording changed materially: {change}",
                                       {"pct": _pct(max(sim, rest)), "change": change.why}), diff)
    if not same:
        if speakers and sim >= config.same_speaker_min:
            return MatchResult(other.id, round(sim, 1), "related",
                               Message("same speaker, another statement ({pct}% alike)", {"pct": _pct(sim)}))
        if sim < config.min_score:
            return None
        return MatchResult(other.id, round(sim, 1), "related",
                           Message("similar wording, another statement ({pct}% alike)", {"pct": _pct(sim)}))
    if change is not None:  # a difference, but the rest is not one statement either: unsure
        return MatchResult(other.id, round(sim, 1), "related",
                           Message("similar wording ({pct}% alike), but {change}", {"pct": _pct(sim), "change": change.why}))
    # ``supports`` only for the same proposition: a content word replaced by one the matcher
    # cannot vouch for (a synonym or another thing?) leaves it unsure. One person's statement
    # reported by two outlets (both name the speaker, and the names agree) is often reworded or
    # translated: one such word is let through there, never a named thing.
    swapped = propositions.unexplained(words_a, words_b, claim.text, other.text, allowed=1 if speakers else 0)
    if swapped is not None:
        return MatchResult(other.id, round(sim, 1), "related",
                           Message("similar wording ({pct}% alike), one word differs: {mine} vs {theirs}",
                                   {"pct": _pct(sim), "mine": swapped[0], "theirs": swapped[1]}))
    if speakers:
        why = Message("same quote {pct}%, speaker agrees", {"pct": _pct(sim)})
    else:
        why = Message("same quote {pct}%, speaker not given by both", {"pct": _pct(sim)})
    return MatchResult(other.id, round(sim, 1), "supports", why, diff)


def _event_words(claim: ClaimView, other: ClaimView,
                 config: MatchConfig) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """The two claims' event words (content words without dates, numbers, titles and
    institutions), to be compared side by side: of their sentences, and of their own texts when
    both have three or more.

    The sentence carries the event ("al-Sharaa meets Trump at the White
    House"); the claim text may be only the date or figure phrase, so the
    better of the two comparisons counts.
    """
    pairs = [(event_content(_sentence(claim, config)), event_content(_sentence(other, config)))]
    ta, tb = event_content(_text(claim, config)), event_content(_text(other, config))
    if len(ta) >= 3 and len(tb) >= 3:
        pairs.append((ta, tb))
    return pairs


def _same_event(claim: ClaimView, other: ClaimView, config: MatchConfig) -> tuple[bool, float, float]:
    """(same event?, event similarity, share of event words shared): alike in characters
    (``text_similarity``) and sharing enough whole words (``word_overlap``): two events of one actor
    with a common verb ("Macron inaugurates ...") whose other words only share letters are not read
    as one event."""
    pairs = _event_words(claim, other, config)
    sim = max(text_similarity(a, b) for a, b in pairs)
    if sim < config.event_same:
        return False, sim, 0.0
    shared = max(word_overlap(a, b) for a, b in pairs)
    return shared >= config.event_words_shared, sim, shared


def _why_not_one_event(claim: ClaimView, other: ClaimView, config: MatchConfig, shared: float) -> Message | None:
    """Why two claims whose dates or figures differ are not read as one event reported two ways
    (they are then related), or None: a conflict.

    The difference is itself a sign of two events, so a conflict asks more than supports does:
    - half of the event words shared (``MatchConfig.event_conflict_words``): "car bomb in
      Damascus: 3 killed" and "car bomb in Damascus ...: 852 killed" of two different stories
      share the frame, not the event;
    - when both claims' own texts keep two event words or more, their texts alike, not only
      their sentences: one sentence often holds two dated events ("Leavitt said on 4 November that
      Trump will meet al-Sharaa next Monday"), and the claim "said on 4 November" of one report
      is not contradicted by the claim "will meet next Monday" of another;
    - reports published at most ``config.conflict_days`` apart: a week later, the same words
      with another figure are another occurrence or an update.
    """
    if shared < config.event_conflict_words:
        return Message("few words shared")
    ta, tb = event_content(_text(claim, config)), event_content(_text(other, config))
    if len(ta) >= 2 and len(tb) >= 2 and text_similarity(ta, tb) < config.event_same:
        return Message("the claims' own words differ")
    days = days_apart(claim, other)
    if days is not None:
        if days > config.conflict_days:
            return Message.counted("published {days} day apart", "published {days} days apart", "days",
                                   {"days": round(days)})
    return None


def _topic_similarity(claim: ClaimView, other: ClaimView, config: MatchConfig) -> float:
    """How alike the sentences are with institutions and titles kept: same actors, same topic."""
    return text_similarity(topic_content(_sentence(claim, config)),
                           topic_content(_sentence(other, config)))


def _another_event(claim: ClaimView, other: ClaimView, config: MatchConfig, why: Message) -> MatchResult | None:
    topic = _topic_similarity(claim, other, config)
    if topic < config.min_score:
        return None
    return MatchResult(other.id, round(topic, 1), "related",
                       Message("same topic, {why} ({pct}% alike)", {"why": why, "pct": _pct(topic)}))


def _likely_another(differ: Message, apart: Message) -> Message:
    return Message("likely another event ({differ}; {apart})", {"differ": differ, "apart": apart})


def _another_place(claim: ClaimView, other: ClaimView) -> Message | None:
    """"another place (Homs vs Aleppo)" when the two claims' localities set their events apart.

    Dates and numbers are taken out before the sentences are compared, and so
    are the places' weight in a long sentence: "3 killed in Homs" and "4
    killed in Aleppo" on one day read as one event with two figures. A
    newsroom reads two events; a false "conflicts" is the worst alarm to raise.
    Only localities count (names.LOCALITIES), and only when both claims name
    one: a report that gives no place may still be the same event.
    """
    return names.another_place((claim.sentence, claim.text), (other.sentence, other.text))


def _another_reading(claim: ClaimView, other: ClaimView) -> Message | None:
    """"read at another time of day" when both sentences say when what they report stood at it
    ("برنت ... بحلول الساعة 0515 بتوقيت جرينتش" against "... 0632 بتوقيت جرينتش"): a market report's
    reading of one morning against another's, on another day or an hour later, is no statement of
    the other to support or contradict."""
    ta, tb = clock_times(claim.sentence or claim.text), clock_times(other.sentence or other.text)
    if ta and tb and not ta & tb:
        return Message("read at another time of day")
    return None


def _compare_dates(claim: ClaimView, other: ClaimView, config: MatchConfig) -> MatchResult | None:
    same, sim, shared = _same_event(claim, other, config)
    if not same:
        return _another_event(claim, other, config, Message("another event"))
    place = _another_place(claim, other) or _another_reading(claim, other)
    if place:
        return _another_event(claim, other, config, place)
    agree = dates_compatible(claim.date, other.date)
    pct = _pct(sim)
    if agree is None:
        return MatchResult(other.id, round(sim, 1), "related",
                           Message("same event ({pct}% alike); one report gives no date", {"pct": pct}))
    if agree:
        d = claim.date if len(claim.date or "") >= len(other.date or "") else other.date
        return MatchResult(other.id, round(sim, 1), "supports",
                           Message("same event ({pct}% alike); dates agree: {date}",
                                   {"pct": pct, "date": format_date(d or "")}))
    differ = Message("dates differ: {mine} vs {theirs}", {"mine": format_date(claim.date or "", other.date),
                                                          "theirs": format_date(other.date or "", claim.date)})
    apart = _why_not_one_event(claim, other, config, shared)
    if apart:
        return _another_event(claim, other, config, _likely_another(differ, apart))
    if _weekday_in_two_weeks(_day(claim.date), _day(other.date), claim, other):
        # said first: the claim's sentence, read again against its stamp, may give the other's day too
        return MatchResult(other.id, round(sim, 1), "related",
                           Message("same event ({pct}% alike); {differ}, but {why}",
                                   {"pct": pct, "differ": differ,
                                    "why": Message("a weekday without its date, read in two weeks")}))
    # Like with like: a date the claim's own sentence also gives is not contradicted by the other
    # report giving it ("in September or October": the September claim against the October one).
    if (_gives(claim, other.date) or _gives(other, claim.date)
            or _writes(claim.sentence, other.date_text) or _writes(other.sentence, claim.date_text)):
        return MatchResult(other.id, round(sim, 1), "related",
                           Message("same event ({pct}% alike); another date of the same report: {differ}",
                                   {"pct": pct, "differ": differ}))
    if _POSTPONED.search(normalize(claim.sentence or "")) or _POSTPONED.search(normalize(other.sentence or "")):
        # "تأجيل البطولة لمدة عام": the date it was set for and the date it was put off to are both
        # told; one report's old date against the other's new one is the postponement, no contradiction
        return MatchResult(other.id, round(sim, 1), "related",
                           Message("same event ({pct}% alike); {differ}, but the event was postponed",
                                   {"pct": pct, "differ": differ}))
    counted = _counted_from_stamps(claim, other)
    if counted is not None:
        return MatchResult(other.id, round(sim, 1), "related",
                           Message("same event ({pct}% alike); {differ}, but {why}",
                                   {"pct": pct, "differ": differ, "why": counted}))
    return MatchResult(other.id, round(sim, 1), "conflicts",
                       Message("same event ({pct}% alike); {differ}", {"pct": pct, "differ": differ}))


_POSTPONED = re.compile(r"(?<![\w\u0600-\u06ff])[وفبل]?(?:تاجيل|تاجل|تاجلت|ارجاء|ارجا|ارجات|يرجئ|postpone|postponed|"
                        r"postponement|delayed|rescheduled)(?![\w\u0600-\u06ff])")


def _counted_from_stamps(claim: ClaimView, other: ClaimView) -> Message | None:
    """Why two day dates that differ may be one day read two ways, or None.

    - "today" / "yesterday" is counted from each report's own time stamp: when the two reports'
      days differ by as much as their dates do (or more), the stamps, not the reports, disagree;
    - "today" in one report against a day the other names, one or two days apart: the stamp a
      relative day is counted from is when the report was filed or fetched;
    - a weekday without its date ("on Wednesday") names a day of some week: the same weekday a
      week or two apart is the tense read two ways, not another day.
    """
    da, db = _day(claim.date), _day(other.date)
    if da is None or db is None:
        return None
    # A weekday without its date is that weekday of the week before or after the stamp it was read
    # from: the one nearest the other report's day ("الأربعاء" in a Friday report read as next
    # Wednesday, against "أمس" of the Thursday before).
    wa, wb = _weekday_named(claim), _weekday_named(other)
    if wa is not None and wb is None:
        da = _nearest_weekday(da, wa, db)
    elif wb is not None and wa is None:
        db = _nearest_weekday(db, wb, da)
    elif wa is not None and wa == wb:
        return Message("a weekday without its date, read in two weeks")
    gap = abs((da - db).days)
    if gap == 0:
        return Message("a weekday without its date, read in two weeks")
    rel_a, rel_b = _relative_day(claim.date_text or claim.text), _relative_day(other.date_text or other.text)
    if claim.published is not None and other.published is not None and (rel_a or rel_b):
        stamps = abs((_aware(claim.published).date() - _aware(other.published).date()).days)
        if 0 < gap <= stamps + 1 and stamps >= 1:
            return Message("dates counted from each report's own day ({apart})",
                           {"apart": Message.counted("published {days} day apart", "published {days} days apart",
                                                     "days", {"days": stamps})})
    if rel_a and rel_b and gap == 1 and _stamped_early(claim if da > db else other):
        # "اليوم" in a report stamped in the first hours of a day, "أمس" in another of that day: the
        # first was written the evening before its stamp (filed late, fetched or stamped after midnight)
        return Message("one date counted from the report's time stamp")
    if rel_a != rel_b and gap <= 2:
        # one report counts "today" / "yesterday" from its time stamp, the other names the day: a
        # stamp is when a report was filed or fetched, not always the day it was written
        return Message("one date counted from the report's time stamp")
    if _weekday_in_two_weeks(da, db, claim, other):
        return Message("a weekday without its date, read in two weeks")
    return None


def _weekday_in_two_weeks(da: date | None, db: date | None, claim: ClaimView, other: ClaimView) -> bool:
    """Days ``da`` and ``db`` (the claims' own, or as read nearest each other) are the same weekday a
    week or two apart, and one of the claims names only a weekday."""
    return (da is not None and db is not None and abs((da - db).days) in (7, 14) and da.weekday() == db.weekday()
            and (_weekday_only(claim.text) or _weekday_only(other.text)))


# A report stamped this many hours after midnight (UTC, as stored) may have been written the day before.
_EARLY_HOURS = 6


def _stamped_early(v: ClaimView) -> bool:
    if v.published is None:
        return False
    return _aware(v.published).astimezone(timezone.utc).hour < _EARLY_HOURS


def _weekday_named(v: ClaimView) -> int | None:
    """The weekday a date was read from when its words name only that ("مساء الخميس", "اليوم
    الأربعاء"), else None: the day of the month and the week are then the resolver's guess."""
    if not v.date_text:
        return None
    toks = match_tokens(v.date_text)
    days = {WEEKDAY_NUMBER[t] for t in toks if t in WEEKDAY_NUMBER}
    if len(days) != 1 or any(t not in WEEKDAY_NUMBER and t not in WEEKDAY_ONLY_WORDS for t in toks):
        return None
    return next(iter(days))


def _nearest_weekday(day: date, weekday: int, to: date) -> date:
    """That weekday nearest ``to``, within a week of the ``day`` it was resolved to; else ``day``."""
    ahead = (weekday - to.weekday()) % 7
    best = min((to + timedelta(days=ahead), to + timedelta(days=ahead - 7)), key=lambda d: abs((d - to).days))
    return best if abs((best - day).days) <= 7 else day


def _writes(sentence: str | None, date_text: str | None) -> bool:
    """Whether a sentence has the very words another report's date was read from ("20 يوليو",
    "الأربعاء", "اليوم"): the two say the same there, however each was resolved against its own stamp
    or year, or it is another date of this sentence."""
    words = normalize(date_text or "").strip()
    if not words or not any(ch.isalnum() for ch in words):
        return False
    words = re.sub(r"^(?:في|on|in)\s+", "", words)
    return re.search(r"(?<![\w\u0600-\u06ff])[وفب]?" + re.escape(words) + r"(?![\w\u0600-\u06ff])",
                     normalize(sentence or "")) is not None


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def _relative_day(text: str) -> bool:
    """Whether a text counts a day from when it was written: اليوم (not يوم, "day"), أمس, today ..."""
    return bool(_RELATIVE_DAY.search(normalize(text or "")))


# Read on the normalised text, not the folded tokens: folding strips the article, and اليوم (today)
# would be يوم (day), as in "يوم الثلاثاء" (on Tuesday).
_RELATIVE_DAY = re.compile(r"(?<![\w\u0600-\u06ff])[وفب]?(?:اليوم|امس|البارحه|غدا|الليله|today|yesterday|"
                           r"tomorrow|tonight)(?![\w\u0600-\u06ff])", re.IGNORECASE)


def _weekday_only(text: str) -> bool:
    toks = match_tokens(text or "")
    return bool(WEEKDAYS.intersection(toks)) and not any(t[:1].isdigit() for t in toks)


def _gives(v: ClaimView, value: str | None) -> bool:
    """Whether the view's own sentence gives this date (``structured.sentence_dates``)."""
    if not value or v.published is None:
        return False
    return value in sentence_dates(v.sentence or "", _aware(v.published), v.lang)  # as the extractor resolved it


def _compare_figures(claim: ClaimView, other: ClaimView, config: MatchConfig) -> MatchResult | None:
    same, sim, shared = _same_event(claim, other, config)
    units = units_agree(claim.unit, other.unit)
    if not same or units is False:
        why = Message("another quantity") if units is False else Message("another event")
        return _another_event(claim, other, config, why)
    place = _another_place(claim, other) or _another_reading(claim, other)
    if place:
        return _another_event(claim, other, config, place)
    agree = figures_agree(claim.value, other.value, config.figure_tolerance)
    pct = _pct(sim)
    if clock_time(claim.unit) or clock_time(other.unit):
        # "0515 بتوقيت جرينتش" is a time of day, written 0515, 5.15 or 15ر05: no counted figure
        return MatchResult(other.id, round(sim, 1), "related",
                           Message("same event ({pct}% alike); a time of day, not a figure", {"pct": pct}))
    if agree is None:
        return MatchResult(other.id, round(sim, 1), "related",
                           Message("same event ({pct}% alike); one report gives no figure", {"pct": pct}))
    mine = format_figure(claim.value, claim.unit)  # type: ignore[arg-type]
    theirs = format_figure(other.value, other.unit)  # type: ignore[arg-type]
    if agree:
        return MatchResult(other.id, round(sim, 1), "supports",
                           Message("same event ({pct}% alike); same figure: {figure}", {"pct": pct, "figure": mine}))
    # Hedged figures are intervals ("about 450,000" / "480,000"), and a figure covers what it rounds.
    ia, ib = propositions.figure_interval(claim), propositions.figure_interval(other)
    if ia is not None and ib is not None and propositions.overlap(ia, ib):
        return MatchResult(other.id, round(sim, 1), "supports",
                           Message("same event ({pct}% alike); the figures agree: {mine} and {theirs}",
                                   {"pct": pct, "mine": propositions.hedged(ia, claim.unit),
                                    "theirs": propositions.hedged(ib, other.unit)}))
    # Like with like: a value the claim's own sentence also gives is not contradicted by the other
    # report giving it ("a 7,000 m² tent in a 9,000,000 m² market": the tent's area is not the market's).
    if propositions.states(claim.sentence, other.value) or propositions.states(other.sentence, claim.value):
        return MatchResult(other.id, round(sim, 1), "related",
                           Message("same event ({pct}% alike); another figure of the same report: {mine} / {theirs}",
                                   {"pct": pct, "mine": mine, "theirs": theirs}))
    # A part is no contradiction of the whole it is a part of: "a corporal and two soldiers" are three.
    part = claim if claim.value < other.value else other  # type: ignore[operator]
    if _later_term(part):
        return MatchResult(other.id, round(sim, 1), "related",
                           Message("same event ({pct}% alike); {part} is one term of a list: {mine} / {theirs}",
                                   {"pct": pct, "part": format_figure(part.value, part.unit),  # type: ignore[arg-type]
                                    "mine": mine, "theirs": theirs}))
    differ = Message("figures differ: {mine} vs {theirs}", {"mine": mine, "theirs": theirs})
    apart = _why_not_one_event(claim, other, config, shared)
    if apart:
        return _another_event(claim, other, config, _likely_another(differ, apart))
    return MatchResult(other.id, round(sim, 1), "conflicts",
                       Message("same event ({pct}% alike); {differ}", {"pct": pct, "differ": differ}))


_AND = re.compile(r"(?:(?<=\s)|^)(?:و\s*|and\s+)$")


def _later_term(v: ClaimView) -> bool:
    """Whether a figure is a later term of a list whose earlier term has no number of its own:
    "استشهاد عريف وجنديين" (a corporal and two soldiers), "a sergeant and two soldiers". The earlier
    term counts one more, so the figure is a part of what the sentence reports, not its total; an
    earlier term with its own number ("3 قتلى و7 جرحى") is a count of its own."""
    sentence, text = normalize(v.sentence or ""), normalize(v.text or "")
    at = sentence.find(text) if text else -1
    if at <= 0:
        return False
    head = sentence[:at]
    if not _AND.search(head):
        return False
    before = _AND.sub("", head).split()
    if not before or before[-1].isdigit():
        return False
    return not propositions.numbers(" ".join(before[-3:]))


# --- many candidates -----------------------------------------------------------

_PRIORITY = {"conflicts": 0, "supports": 1, "related": 2}


def verdict_rank(relation: str, score: float) -> tuple[bool, float, int]:
    """Sort key of one claim's matches, best first: verdicts (conflicts, supports) before
    related, then by score, a conflict before a support of the same score."""
    return relation == "related", -score, _PRIORITY[relation]


def best_matches(claim: ClaimView, candidates: Sequence[ClaimView], config: MatchConfig = _DEFAULT,
                 limit: int = 10) -> list[MatchResult]:
    """The best ``limit`` matches of ``claim`` among ``candidates``: conflicts and supports
    first, then related, each best score first (``keep_best`` of ``compare_shortlist``).

    A claim's short list, one per outlet and relation, decided from its side alone; what the
    pipeline stores is each claim's best row towards every linked article, the same whichever
    was stored first (``pairing.matches_of``, ``store.matching``)."""
    if limit <= 0:
        return []
    return [r for r, _ in keep_best(claim, compare_shortlist(claim, candidates, config), config, limit)]


def compare_shortlist(claim: ClaimView, candidates: Sequence[ClaimView],
                      config: MatchConfig = _DEFAULT) -> list[tuple[MatchResult, ClaimView]]:
    """Every match of ``claim`` among its shortlisted candidates, verdicts first, then by score.

    Candidates of the same source or outside the window are skipped. All
    remaining ones are scored in one rapidfuzz ``process.extract`` call on their
    normalised content words; only the top ``config.shortlist`` get the full
    structured comparison, at most ``config.per_source`` of them from one
    outlet or one article.
    """
    same_lang: list[ClaimView] = []
    other_lang: list[ClaimView] = []
    for c in candidates:
        if independent(claim, c) and in_window(claim, c, config.window_days, config.event_days_before, config.event_days_after):
            if _langs_differ(claim, c):
                other_lang.append(c)
            elif shares_words(claim, c, config):
                same_lang.append(c)
    if not same_lang and not other_lang:
        return []
    shortlist: list[ClaimView] = []
    if same_lang:
        # Scored in C++ by rapidfuzz's process.extract (cdist would need numpy,
        # which factcheck does not depend on), each distinct wording once.
        score = distinct_scores(_prefilter_key(claim, config), [_prefilter_key(c, config) for c in same_lang])
        # Best first; among equal scores (copies of one wording) the first published.
        top = sorted((i for i, x in enumerate(score) if x >= config.prefilter_min),
                     key=lambda i: (-score[i], *_first_reported(same_lang[i])))
        # A flood of copies from one outlet (or of one article across outlets)
        # must not fill the shortlist and push every other outlet out of it.
        per_source: dict[str, int] = {}
        per_article: dict[str, int] = {}
        for i in top:
            c = same_lang[i]
            if per_source.get(c.source, 0) >= config.per_source:
                continue
            if c.article_hash and per_article.get(c.article_hash, 0) >= config.per_source:
                continue
            per_source[c.source] = per_source.get(c.source, 0) + 1
            if c.article_hash:
                per_article[c.article_hash] = per_article.get(c.article_hash, 0) + 1
            shortlist.append(c)
            if len(shortlist) >= config.shortlist:
                break
    shortlist.extend(other_lang[: config.shortlist])

    results: list[tuple[MatchResult, ClaimView]] = []
    for other in shortlist:
        r = _compare(claim, other, config)
        if r is not None:
            results.append((r, other))
    # Verdicts (conflicts, supports) before "related", then by score: each article
    # and each (outlet, relation) is kept once (keep_best), and an article's quote
    # that supports this one must not be hidden behind its date claim in the
    # same sentence, which only reads as "same topic" but scores higher. Among equal
    # ones the first published comes first: of syndicated copies, keep_best then keeps
    # the original whatever order retrieval returned them in, so matching a claim again
    # does not swap one copy for another.
    results.sort(key=lambda rc: (*verdict_rank(rc[0].relation, rc[0].score), *_first_reported(rc[1])))
    return results


def comparable(claim: ClaimView, candidates: Sequence[ClaimView], config: MatchConfig = _DEFAULT,
               shortlist: bool = False) -> list[ClaimView]:
    """The candidates the matcher compares with ``claim`` in full, whatever else is among them.

    Those of another source within the windows (``in_window``) and, in the same language, reaching
    sharing words (``shares_words``) and reaching ``config.prefilter_min`` on the pre-filter score;
    those in another language all (the pre-filter has no words to go by). Each candidate is judged
    on the pair alone, with no count cap, and the pre-filter score (token_set_ratio) reads the same from either side: a pair is compared from
    the claim stored second whichever that is (``pairing.article_rows``), unlike
    ``compare_shortlist``, whose top ``shortlist`` depends on what else was retrieved.

    ``shortlist``: of the same-language ones, only the ``config.shortlist`` best by the pre-filter
    score, at most ``config.per_source`` of one article (ties on content). For the candidates of a
    crowded window, which the index has already cut by what else is stored: comparing all of its 80
    both ways cost 2.4x the shortlist's time at 100k claims for the same verdicts (BENCHMARKS.md).
    """
    same_lang: list[ClaimView] = []
    out: list[ClaimView] = []
    for c in candidates:
        if independent(claim, c) and in_window(claim, c, config.window_days, config.event_days_before,
                                               config.event_days_after):
            if _langs_differ(claim, c):
                out.append(c)
            elif shares_words(claim, c, config):
                same_lang.append(c)
    if same_lang:
        score = distinct_scores(_prefilter_key(claim, config), [_prefilter_key(c, config) for c in same_lang])
        kept = [(x, c) for c, x in zip(same_lang, score) if x >= config.prefilter_min]
        if shortlist and len(kept) > config.shortlist:
            # Ties on the pre-filter score are broken by the claims' own words before content order:
            # the claims of one long sentence share nearly one key (its words dominate), so eight of
            # an article can tie at 100 and the per-article cap kept three by their text's spelling,
            # which cut 14 of 15 `supports` the lookup missed on real copy (BENCHMARKS.md, issue 18).
            own = content(_text(claim, config))
            kept.sort(key=lambda xc: (-xc[0], -text_similarity(own, content(_text(xc[1], config))),
                                      _first_reported(xc[1])[0], xc[1].source, xc[1].text, xc[1].sentence))
            per_article: dict[str, int] = {}
            short = []
            for x, c in kept:
                key = c.article_hash or f"#{c.id}"
                if per_article.get(key, 0) < config.per_source:
                    per_article[key] = per_article.get(key, 0) + 1
                    short.append((x, c))
                    if len(short) >= config.shortlist:
                        break
            kept = short
        out.extend(c for _, c in kept)
    return out


def verdict(claim: ClaimView, other: ClaimView, config: MatchConfig = _DEFAULT) -> MatchResult | None:
    """``compare`` without the quote's word diff, which ``with_diff`` adds to the rows that are kept."""
    return _compare(claim, other, config)


def verdicts(a: ClaimView, b: ClaimView,
             config: MatchConfig = _DEFAULT) -> tuple[MatchResult | None, MatchResult | None]:
    """``verdict(a, b)`` and ``verdict(b, a)``, the pair's checks asked once (they are symmetric).

    Claims of two kinds in one language are only compared by their sentences (``_compare_context``),
    which reads the same either way round (``text_similarity`` is symmetric): judged once, the other
    side's row is the same verdict towards ``a``. Those are most pairs between linked articles
    (342,936 of 546,944 verdicts in 150 real articles' import, BENCHMARKS.md issue 18)."""
    if not _may_match(a, b, config):
        return None, None
    differ = _langs_differ(a, b)
    if not differ and not (a.kind == b.kind and a.kind in _RULES):
        ab = _judge(a, b, config, False)
        return ab, (None if ab is None else MatchResult(a.id, ab.score, ab.relation, ab.why, ab.diff))
    return _judge(a, b, config, differ), _judge(b, a, config, differ)


def with_diff(result: MatchResult | None, claim: ClaimView, other: ClaimView,
              config: MatchConfig = _DEFAULT) -> MatchResult | None:
    """A ``verdict`` with the word diff of its two quotes worked out (what ``compare`` returns)."""
    return _with_diff(result, claim, other, config)


def _first_reported(c: ClaimView) -> tuple[float, int]:
    """Sort key: the earliest published first (unknown times last), then the oldest claim."""
    return (_aware(c.published).timestamp() if c.published is not None else math.inf), (c.id or 0)


def keep_best(claim: ClaimView, compared: list[tuple[MatchResult, ClaimView]], config: MatchConfig = _DEFAULT,
              limit: int = 10) -> list[tuple[MatchResult, ClaimView]]:
    """The first ``limit`` of ``compare_shortlist``'s matches, one per article and per (source, relation).

    Syndicated copies (one article hash) and several claims of one outlet
    count once, so a flood of copies cannot crowd out other outlets or pass
    for independent corroboration. Quotes get their word-level diff here.
    """
    seen_articles: set[str] = set()
    seen_source_relation: set[tuple[str, str]] = set()
    out: list[tuple[MatchResult, ClaimView]] = []
    for r, other in compared:
        if len(out) >= limit:
            break
        if other.article_hash:
            if other.article_hash in seen_articles:
                continue
            seen_articles.add(other.article_hash)
        if (other.source, r.relation) in seen_source_relation:
            continue
        seen_source_relation.add((other.source, r.relation))
        out.append((_with_diff(r, claim, other, config), other))
    return out


# The kinds compared by their own rules when both claims are of it; any other pair by its sentences.
_RULES = {"quote": _compare_quotes, "date": _compare_dates, "figure": _compare_figures}
