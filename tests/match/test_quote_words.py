"""Two statements poured into one formula are not "the same quote" because their letters agree.

The formula pairs below are from the generated news corpus (bench/newsgen.py):
two speakers, one stock phrase ("we have allocated N million dollars for
...", "in the coming weeks we will start ..."), then words of their own. The
character-level text similarity scores them 62-64, just over quote_same, and
the matcher used to call them one quote "attributed to a different speaker":
a false conflicts, the worst alarm to raise. What sets them apart is how few
of their own words they share.
"""
from __future__ import annotations

from datetime import datetime

import pytest

from factcheck.match import ClaimView, MatchConfig, compare
from factcheck.match.similarity import content, related_word_overlap, stems, text_similarity, word_overlap

T0 = datetime(2025, 8, 1, 9, 0)

FORMULA_PAIRS = [
    ("خصصنا 1380 مليون دولار من أجل المكثع لا لاطد خدخان فارث في مدامسة",
     "خصصنا 204 مليون دولار من أجل المحلية إن بلبي إلى يعتي استداك في حلب"),
    ("سنبدأ خلال الأسابيع المقبلة ملكحة في الاستثمار أن مليوق في أمنية جميع تغيين في الخصوان",
     "سنبدأ خلال الأسابيع المقبلة خزير استعقاح امتقال وعن مردي على المفلحة"),
    ("In the coming weeks we will start foshihil sifeam and region chebung",
     "In the coming weeks we will start fekeles that brostden Nations"),
]


def quote(id_: int, source: str, text: str, speaker: str, lang: str = "ar") -> ClaimView:
    return ClaimView(id_, source, "quote", text, text, speaker=speaker, published=T0, lang=lang)


@pytest.mark.parametrize("q, o", FORMULA_PAIRS, ids=["allocated-million", "coming-weeks-ar", "coming-weeks-en"])
def test_one_formula_two_speakers_is_not_a_misattributed_quote(q, o):
    lang = "en" if q.isascii() else "ar"
    a, b = quote(1, "enab", q, "Hadhman", lang), quote(2, "jazeera", o, "Tafan", lang)
    r = compare(a, b)
    assert r is None or r.relation == "related"
    if r is not None:
        assert "another statement" in r.reason
    # the formula's letters still pass quote_same; their own words do not
    config = MatchConfig()
    ta, tb = content(stems(q)), content(stems(o))
    assert text_similarity(ta, tb) >= config.quote_same
    assert related_word_overlap(ta, tb) < config.quote_words_shared


def test_without_the_guards_the_formula_pair_was_a_conflict():
    # the shared words, and the same words for a quote given to another speaker
    # (MatchConfig.quote_misattributed, tests/match/test_conflict_evidence.py)
    q, o = FORMULA_PAIRS[0]
    a, b = quote(1, "enab", q, "Hadhman"), quote(2, "jazeera", o, "Tafan")
    unguarded = compare(a, b, MatchConfig(quote_words_shared=0.0, quote_misattributed=0.0))
    assert unguarded is not None and unguarded.relation == "conflicts"
    assert "different speaker" in unguarded.reason


def test_a_quote_given_to_another_speaker_still_conflicts():
    text = "لن نسمح بعودة الفوضى إلى دمشق تحت أي ظرف"
    r = compare(quote(1, "enab", text, "أحمد الشرع"), quote(2, "jazeera", "لن نسمح بعودة الفوضى الى دمشق", "أسعد الشيباني"))
    assert r is not None and r.relation == "conflicts" and "different speaker" in r.reason


def test_a_reworded_negation_with_suffixed_words_still_conflicts():
    # "we received no official request" / "we received an official request":
    # طلب/طلبا and رسمي/رسميا are one word each, so the wordings share most of theirs
    a = quote(1, "enab", "لم نتلق أي طلب رسمي من واشنطن", "الشيباني")
    b = quote(2, "jazeera", "تلقينا طلبا رسميا من واشنطن", "أسعد الشيباني")
    r = compare(a, b)
    assert r is not None and r.relation == "conflicts" and "negation" in r.reason
    ta, tb = content(stems(a.text)), content(stems(b.text))
    assert word_overlap(ta, tb) < MatchConfig().quote_words_shared <= related_word_overlap(ta, tb)


def test_related_word_overlap_counts_a_word_and_its_suffixed_form_once():
    assert related_word_overlap(("طلب", "رسمي"), ("طلبا", "رسميا")) == 1.0
    assert related_word_overlap(("support", "aid"), ("supports", "aid")) == 1.0
    # two letters are no stem: "al" does not make "aleppo" and "algiers" one word
    assert related_word_overlap(("al", "x1"), ("aleppo", "y1")) == 0.0
    assert related_word_overlap(("حلب",), ("دمشق",)) == 0.0
    assert related_word_overlap((), ("دمشق",)) == 0.0
