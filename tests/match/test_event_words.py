"""Two events of one actor with a common verb are not "the same event" because their letters agree.

The two pairs below are from the generated news corpus (bench/newsgen.py):
the sentences share an actor and a verb ("Macron inaugurates", "begins ... in
the presence of al-Sha'ar"); the rest are different words that share Arabic
morphology, which the character-level event similarity scores ~60. The
matcher used to report them as one event on two dates: "conflicts".
"""
from __future__ import annotations

from datetime import datetime

import pytest

from factcheck.match import ClaimView, MatchConfig, compare
from factcheck.match.similarity import event_content, stems, text_similarity, word_overlap

T0 = datetime(2025, 8, 1, 9, 0)

BENCH_PAIRS = [
    ("ماكرون يفتتح الاقتصاد مرانهة قرار وزير في الوطنية تعريك في السلمية",
     "ماكرون يفتتح يلتقي تبليد عن ترطيع الذبطان استلساب في مياهكة في عمان"),
    ("تبدأ الطاقة اليوم من القامشلي مدظعة إلى خداص الصعاه لا الشعب اطتراش وفي إدلب بحضور الشعار",
     "تبدأ في الزخيل من البلاد في باريس بحضور الشعار"),
]


def dated(id_: int, source: str, sentence: str, iso: str) -> ClaimView:
    return ClaimView(id_, source, "date", sentence, sentence, date=iso, grain="day", published=T0, lang="ar")


@pytest.mark.parametrize("q, o", BENCH_PAIRS, ids=["macron-inaugurates", "begins-in-presence-of"])
def test_same_actor_and_verb_on_two_dates_is_not_a_conflict(q, o):
    a, b = dated(1, "enab", q, "2025-08-03"), dated(2, "jazeera", o, "2025-08-06")
    r = compare(a, b)
    assert r is None or r.relation == "related"
    if r is not None:
        assert r.reason.startswith("same topic, another")
    # their characters still read as one event; their whole words do not
    config = MatchConfig()
    assert text_similarity(event_content(stems(q)), event_content(stems(o))) >= config.event_same
    assert word_overlap(event_content(stems(q)), event_content(stems(o))) < config.event_words_shared


def test_the_word_guards_keep_the_macron_pair_apart():
    # no locality on both sides here, so without the guards (shared words for one
    # event, more of them for a conflict) the pair was one event on two dates
    q, o = BENCH_PAIRS[0]
    a, b = dated(1, "enab", q, "2025-08-03"), dated(2, "jazeera", o, "2025-08-06")
    unguarded = compare(a, b, MatchConfig(event_words_shared=0.0, event_conflict_words=0.0))
    assert unguarded is not None and unguarded.relation == "conflicts"
    r = compare(a, b)
    assert r is None or (r.relation == "related" and "another event" in r.reason)


def test_one_event_reworded_still_conflicts_on_its_date():
    a = dated(1, "enab", "يلتقي الرئيس السوري أحمد الشرع الرئيس الأمريكي دونالد ترامب في البيت الأبيض الاثنين 10 تشرين الثاني",
              "2025-11-10")
    b = dated(2, "asharq", "في البيت الأبيض الثلاثاء 11 تشرين الثاني يلتقي ترامب بالشرع", "2025-11-11")
    r = compare(a, b)
    assert r is not None and r.relation == "conflicts" and "dates differ" in r.reason


def test_word_overlap_counts_whole_words_over_the_geometric_mean():
    assert word_overlap(("a", "b", "c"), ("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l")) == 0.5
    assert word_overlap(("macron", "opens", "x"), ("macron", "opens", "y")) == pytest.approx(2 / 3)
    assert word_overlap((), ("a",)) == 0.0
    # shared letters are not shared words
    assert word_overlap(("مرانهه", "تعريك"), ("مياهكه", "ترطيع")) == 0.0
