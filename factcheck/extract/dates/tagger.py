"""Tagging: candidates settled into non-overlapping mentions, resolved in the tense of their sentence."""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

from factcheck.text.lazy_pattern import lazy_regex

from ..fold import Folded, fold
from ..types import DateMention
from .rules import _NO_DIRECTION, _WEEKDAY_RULES
from .scanner import detect_lang, scan
from .tense import _Sentences


def _ref_date(reference: datetime | date | None) -> date | None:
    if reference is None:
        return None
    if isinstance(reference, datetime):
        return reference.date()
    return reference


_NO_REF = date(2000, 1, 1)  # stands in when there is no reference; only absolute values are kept


def tag(text: str, reference: datetime | date | None, lang: str | None = None, folded: Folded | None = None):
    """(mention, candidate, direction) triples, left to right, non-overlapping.

    Overlapping matches are settled longest first (then by rule priority, then
    leftmost) among those that resolve. ``reference`` None leaves relative
    dates unresolved (mention.value == "") but resolves absolute ones.
    ``folded`` is ``fold(text)`` when the caller has it already (the extractor).
    """
    lang = lang or detect_lang(text)
    if folded is None:
        folded = fold(text)
    ref = _ref_date(reference)
    sents = _Sentences(folded.text)
    cands = scan(folded, lang)
    # longest first, then rule priority, then leftmost; a candidate that does not
    # resolve (a weekday that does not fit its date, ...) leaves room for the next
    cands.sort(key=lambda c: (-(c.end - c.start), -c.priority, c.start))
    out = _settle(text, folded, cands, ref, sents)
    # the article says which day it is: its relative dates count from that day
    own = _header_day(folded.text, out, ref) or _own_today(out, ref)
    if own is not None:
        out = _settle(text, folded, cands, own, sents)
    out.sort(key=lambda t: t[0].start)
    _weekday_takes_its_date(folded.text, out)
    _count_from_the_antecedent(folded.text, out)
    return _one_month_in_two_calendars(text, out)


_YEAR4 = lazy_regex(r"\d{4}")


def _one_month_in_two_calendars(text: str, out: list) -> list:
    """"في ديسمبر كانون الأول 2012", "العاشر من أكتوبر تشرين الأول": one month named in two calendars is one
    date, and a year after the second name is the first's too (the first was read alone: 2015-12, a date
    that differs from 2012-12 in the same words)."""
    keep = []
    for item in out:
        m2, c2, _ = item
        if keep and m2.grain == "month" and m2.value:
            m, c, d = keep[-1]
            gap = text[m.end:m2.start]
            if (m.value and m.grain in ("day", "month") and len(gap) <= 3 and not gap.strip(" \t/")
                    and m.value[5:7] == m2.value[5:7]):
                said = {k: v for k, v in c2.match.groupdict().items() if v and k in ("y", "rel", "yrel")}
                if said and not _YEAR4.search(m.text):
                    # the second name's year or "الماضي" places the first: "سبتمبر أيلول الماضي"
                    m.value = m2.value[:4] + m.value[4:]
                    if "y" in said:
                        c = replace(c, relative=False)  # its year is said: no statement's date re-reads it
                m.text, m.end = text[m.start:m2.end], m2.end
                keep[-1] = (m, replace(c, end=c2.end), d)
                continue
        keep.append(item)
    return keep


# the grains a unit counted from another date can count from ("the previous month" after "in January")
_ANTECEDENT_GRAINS = {"month": ("day", "month"), "year": ("day", "month", "year"), "yr": ("day", "month", "year"),
                      "week": ("day", "week")}


def _as_day(value: str, grain: str) -> date | None:
    try:
        if grain == "day":
            return date.fromisoformat(value)
        if grain == "month":
            return date.fromisoformat(value + "-01")
        if grain == "year":
            return date(int(value), 1, 1)
        if grain == "week":
            y, w = value.split("-W")
            return date.fromisocalendar(int(y), int(w), 1)
    except ValueError:
        return None
    return None


def _count_from_the_antecedent(F: str, out: list) -> None:
    """"rose 12 pct in January after a 5.0 pct rise the previous month": "the previous/following X"
    counts from the date its sentence told before it (December), not from the stamp ("last month" does)."""
    for k, (m, c, direction) in enumerate(out):
        if c.rule != "en_rel_unit" or not m.value:
            continue
        if (c.match.group("rel") or "").lower() not in ("previous", "following"):
            continue
        grains = _ANTECEDENT_GRAINS.get(c.match.group("u").lower(), ())
        sentence = max(F.rfind(". ", 0, c.start), F.rfind("\n", 0, c.start)) + 1
        for m2, c2, _ in reversed(out[:k]):
            if c2.start < sentence:
                break
            if m2.value and m2.grain in grains and (anchor := _as_day(m2.value, m2.grain)) is not None:
                value = c.resolve(anchor, direction)
                if value:
                    m.value, m.grain = value
                break


_SINCE = re.compile(r"(?<!\w)(?:[Ss]ince|SINCE|منذ)\s+$")


def _settle(text: str, folded: Folded, cands: list, ref: date | None, sents: _Sentences) -> list:
    taken_starts: list[int] = []  # chosen spans never overlap: keep them sorted, test the neighbours
    taken_ends: list[int] = []
    out = []
    for c in cands:
        i = bisect_right(taken_starts, c.start)
        if (i > 0 and taken_ends[i - 1] > c.start) or (i < len(taken_starts) and taken_starts[i] < c.end):
            continue
        if c.rule in _NO_DIRECTION:
            direction = "forward"
        elif _SINCE.search(folded.text, max(0, c.start - 8), c.start):
            direction = "past"  # "in place since October 18", "منذ الخميس": a start that has been, whatever the tense
        else:
            direction = sents.direction_at(c.start)
            if direction == "forward" and c.rule == "ar_weekday" and not sents.present_at(c.start):
                # no cue and no verb of the present ("تبنى البرلمان ليل الأربعاء", "وأبلغ محلل يوم
                # الجمعة": past verbs no cue list holds): news narrates the days around its stamp,
                # the nearest one of either side ("يعلن عن كلمة يوم الجمعة" announces: the next)
                direction = "nearest"
        value = c.resolve(ref or _NO_REF, direction)
        if value is None:
            continue
        if ref is None and c.relative:
            value = ("", "")
        taken_starts.insert(i, c.start)
        taken_ends.insert(i, c.end)
        s, e = folded.orig_start(c.start), folded.orig_end(c.end)
        while e > s and text[e - 1] in " \t،,.":  # punctuation a pattern may have eaten
            e -= 1
        out.append((DateMention(text[s:e], s, e, value[0], value[1]), c, direction))
    return out


# what may stand before a page's own date on its line: "Published", "Posted on", "Last updated at", an agency
_HEADER_LEAD = re.compile(r"[ \t]*(?:(?:published|posted|last\s+updated|updated)(?:\s+on|\s+at)?:?[ \t]*)?"
                          r"(?:(?-i:[A-Z]{2,})[ \t]+)?", re.I)  # an agency in capitals: "AFP"
_HEADER_REACH = 600  # characters: the title and the stamp lines, not the body
_HEADER_SLACK = 45  # days between the feed's stamp and the page's own: more is another story's date


def _header_day(F: str, out: list, ref: date | None) -> date | None:
    """The page's own date, when a line of its head is that date ("Published July 2 2016",
    "23-07-2016", "Thursday 1 August 2013") and the feed stamped another day: the stamp is the
    crawl or the archive's, the page's line is the writing's."""
    if ref is None:
        return None
    for m, c, _ in out:
        if c.start > _HEADER_REACH:
            return None
        if m.grain != "day" or not m.value:
            continue
        if c.relative and c.resolve(ref - timedelta(days=400), "forward") != (m.value, m.grain):
            continue  # "July 23" without its year: read from the stamp, it cannot correct it
        line = F.rfind("\n", 0, c.start) + 1
        if not _HEADER_LEAD.fullmatch(F, line, c.start):
            continue
        day = date.fromisoformat(m.value)
        return day if day != ref and abs((day - ref).days) <= _HEADER_SLACK else None
    return None


def _own_today(out: list, ref: date | None) -> date | None:
    """The day the article itself says is today, when it is not the stamp's: the first "اليوم
    (الاثنين)" / "أمس الأحد" of the text names the writer's day, and feeds and archives stamp
    the crawl. Every relative date of the article ("أمس", "الخميس الماضي") counts from it."""
    if ref is None:
        return None
    for m, c, _ in out:
        if c.rule == "ar_relday_weekday":
            w = c.match.group("w")
            off = 1 if "غد" in w else (-1 if w in ("امس", "البارحه") else 0)  # as the rule's resolver reads it
            if not m.value:
                return None
            today = date.fromisoformat(m.value) - timedelta(days=off)
            return today if today != ref else None
    return None


# "يوم الخميس الموافق 30/7/2015م", "الجمعة، 26 يونيو": the weekday the sentence dates itself
_MUWAFIQ = re.compile(r"[\s،,]*(?:الموافق|الموافقه|الموافق\s+ل)?[\s،,]*$")


_REL_DAY_RULES = frozenset(("ar_rel_day", "en_rel_day"))


def _weekday_takes_its_date(F: str, out: list) -> None:
    for k in range(len(out) - 1):
        (m, c, _), (m2, c2, _) = out[k], out[k + 1]
        if m.grain == "day" and m2.grain == "day" and m2.value and c.rule in _WEEKDAY_RULES \
                and c2.rule not in _REL_DAY_RULES and c2.start - c.end <= 14 and _MUWAFIQ.fullmatch(F, c.end, c2.start):
            # (not a relative day after it: "خطبة الجمعة اليوم" in a Saturday stamp is Friday's, not the stamp's)
            m.value = m2.value


def find_dates(text: str, reference: datetime | date, lang: str | None = None) -> list[DateMention]:
    """Date mentions in ``text`` resolved against ``reference`` (see the module notes)."""
    if not text:
        return []
    if isinstance(reference, datetime) and reference.tzinfo is None:
        reference = reference.replace(tzinfo=timezone.utc)
    return [m for m, _, _ in tag(text, reference, lang) if m.value]
