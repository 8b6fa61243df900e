"""The date tagger: finds date expressions in Arabic and English and resolves them.

How it works
------------
The text is folded (one spelling per Arabic word, ASCII digits, offsets kept).
A fixed list of rules, each one regular expression (compiled the first time a
text needs it, not at import), is run over it; every match becomes a candidate
with a resolver. Overlapping
candidates are settled longest-first. Every pattern is a sequence of literal
alternations, bounded repetitions and fixed separators, so matching is linear
in the length of the text (no nested quantifiers over the same characters).

Resolution is separate from scanning (``Candidate.resolve(ref, direction)``) so
the extractor can re-resolve a relative date against the date of the statement
that contains it ("قالت في 4 من تشرين الثاني إن ... الاثنين المقبل").

Modules, in the order a text goes through them:
  lexicon.py  the words: month and weekday names of every calendar and dialect,
              relative days, units, holidays, the anchor words the scanner looks for
  rules.py    the rules: one pattern per kind of expression, and its resolver
  scanner.py  every rule's matches in a text, run only in windows around anchor words
  tense.py    the tense of a sentence, which places dates the text does not pin down
  resolve.py  a match and the reference date → a calendar value (Hijri, weeks, holidays)
  tagger.py   candidates settled into mentions: ``tag`` and ``find_dates``

Conventions (documented in BENCHMARKS.md):
  * A bare weekday or a day and month without a year follow the tense of their
    sentence: future cues (سـ + verb, سوف, المقبل, will, next ...) → the next
    occurrence; past cues (قال، أعلن، نفذ ... said, was, -ed) → the most recent
    occurrence on or before the reference; no cue → the next one (Duckling's
    convention, used for isolated phrases).
  * المقبل/القادم after a weekday: the first such day strictly after the
    reference. English "next Monday": Monday of next week (Duckling).
  * A Hijri month with a day resolves to that Gregorian day (hijridate, Umm
    al-Qura); a Hijri year alone to the Gregorian year that holds most of it (its middle).
  * Weeks are ISO weeks: value ``YYYY-Www``.
"""
from __future__ import annotations

# The extractor (claims.py) reads a candidate's resolver to tell a bare year from other
# dates, and the Arabic-letter pattern to find Arabic in an English article.
from .resolve import Resolver, Value, _ar_year, _en_year_rule
from .rules import Rule, rule_table
from .scanner import _AR_LETTERS, Candidate, detect_lang, scan
from .tagger import find_dates, tag

__all__ = ["find_dates", "detect_lang", "tag", "scan", "Candidate", "Rule", "RULES", "Value", "Resolver",
           "_AR_LETTERS", "_ar_year", "_en_year_rule"]


def __getattr__(name: str):
    # RULES is built on first use (rules.rule_table), not when the tagger is imported
    if name == "RULES":
        return rule_table()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
