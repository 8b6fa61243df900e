"""The matcher's contract as the pipeline uses it: one pair, and many candidates."""
from __future__ import annotations

from datetime import datetime, timedelta

from factcheck.match import ClaimView, MatchConfig, best_matches, compare, search_terms

T0 = datetime(2025, 11, 7, 22, 13)

MACRON = "الحرب على الإرهاب تبقى أولوية أمنية لفرنسا"


def quote(id_, source, text, speaker, *, days=0, article_hash=None):
    return ClaimView(id_, source, "quote", text, f"وقال {speaker} إن \"{text}\"", speaker=speaker,
                     published=T0 + timedelta(days=days), lang="ar", article_hash=article_hash)


def meeting(id_, source, sentence, iso, *, days=0):
    return ClaimView(id_, source, "date", sentence, sentence, date=iso, grain="day",
                     published=T0 + timedelta(days=days), lang="ar")


def test_same_quote_with_spelling_variants_supports_and_says_why():
    a = quote(1, "enab", MACRON, "ماكرون")
    b = quote(2, "jazeera", "إن الحرب على الارهاب تبقى اولويةً امنية بالنسبة لفرنسا", "الرئيس الفرنسي إيمانويل ماكرون")
    r = compare(a, b)
    assert r is not None and r.relation == "supports"
    assert r.reason.startswith("same quote") and "speaker agrees" in r.reason
    assert r.score >= 85
    # the diff shows what the other outlet added, in its own spelling
    assert ("insert", "بالنسبة") in r.diff
    assert any(op == "equal" and "الإرهاب" in words for op, words in r.diff)


def test_quote_given_to_another_speaker_conflicts():
    r = compare(quote(1, "enab", MACRON, "ماكرون"), quote(2, "jazeera", MACRON, "أحمد الشرع"))
    assert r.relation == "conflicts"
    assert "different speaker" in r.reason and "ماكرون" in r.reason and "الشرع" in r.reason


def test_dropped_negation_is_a_misquote():
    r = compare(quote(1, "enab", MACRON, "ماكرون"),
                quote(2, "jazeera", "الحرب على الإرهاب ليست أولوية أمنية لفرنسا", "ماكرون"))
    assert r.relation == "conflicts" and "negation" in r.reason


def test_shifted_date_of_one_event_conflicts_with_both_dates_in_reason():
    a = meeting(1, "enab", "يلتقي الشرع ترامب في البيت الأبيض الاثنين 10 تشرين الثاني", "2025-11-10")
    b = meeting(2, "bbc", "الشرع يلتقي ترمب في البيت الأبيض يوم الثلاثاء 11 نوفمبر", "2025-11-11")
    r = compare(a, b)
    assert r.relation == "conflicts"
    assert "dates differ: 10 Nov vs 11 Nov" in r.reason


def test_date_at_month_grain_is_compatible_with_a_day():
    a = meeting(1, "enab", "يلتقي الشرع ترامب في البيت الأبيض الاثنين 10 تشرين الثاني", "2025-11-10")
    b = meeting(2, "bbc", "الشرع يلتقي ترمب في البيت الأبيض في نوفمبر", "2025-11")
    assert compare(a, b).relation == "supports"


def test_same_source_and_outside_window_never_match():
    a = quote(1, "enab", MACRON, "ماكرون")
    assert compare(a, quote(2, "enab", MACRON, "ماكرون")) is None
    assert compare(a, quote(3, "jazeera", MACRON, "ماكرون", days=15)) is None
    assert compare(a, quote(3, "jazeera", MACRON, "ماكرون", days=15), MatchConfig(window_days=30)) is not None


def test_best_matches_ranks_and_counts_a_flood_of_copies_once():
    a = quote(1, "enab", MACRON, "ماكرون")
    flood = [quote(100 + i, "wire", MACRON, "ماكرون", article_hash="h1") for i in range(300)]
    others = [quote(2, "jazeera", MACRON, "ماكرون"),
              quote(3, "bbc", "سنواصل دعم اللاجئين في لبنان", "ماكرون"),
              quote(4, "enab", MACRON, "ماكرون")]
    results = best_matches(a, flood + others)
    supports = [r for r in results if r.relation == "supports"]
    assert sorted(r.other_id for r in supports if r.other_id < 100) == [2]
    assert sum(1 for r in supports if r.other_id >= 100) == 1  # 300 copies, one corroboration
    assert all(r.other_id != 4 for r in results)  # same source
    assert all(r.other_id != 3 for r in results if r.relation != "related")


def test_an_articles_supporting_quote_is_not_hidden_behind_its_dated_claim_of_the_same_sentence():
    # One sentence of another outlet gives a quote claim and a date claim (the
    # quote names a year). Against our quote, its date claim reads as "same
    # topic" at 98 and its quote as "same quote" at 96; one result per
    # article is kept, and it must be the supports.
    text = "سوريا ستعيد بناء 300 مدرسة خلال عام 2026"
    mine = quote(1, "enab", text, "أسعد الشيباني", article_hash="a")
    theirs = "سورية ستعيد بناء 300 مدرسة جديدة خلال عام 2026"
    sentence = f"وقال أسعد الشيباني إن \"{theirs}\""
    their_quote = ClaimView(2, "jazeera", "quote", theirs, sentence, speaker="أسعد الشيباني", published=T0,
                            lang="ar", article_hash="b")
    their_date = ClaimView(3, "jazeera", "date", theirs, sentence, date="2026", grain="year", published=T0,
                           lang="ar", article_hash="b")
    assert compare(mine, their_date).score > compare(mine, their_quote).score
    results = best_matches(mine, [their_date, their_quote])
    assert [(r.other_id, r.relation) for r in results] == [(2, "supports")]


def test_search_terms_are_folded_content_words():
    terms = search_terms("وقال ترمب إن الولايات المتحدة الأميركية ستدعم سورية")
    assert "ترامب" in terms and "سوريا" in terms
    assert "قال" not in terms and "ان" not in terms
    assert search_terms("The U.S. didn't say it") == ["usa"]


def test_a_crowded_shortlist_keeps_the_claim_saying_the_same_among_claims_of_one_sentence():
    # Every claim of one long sentence shares its words, so all tie on the pre-filter score; the
    # per-article cap then has to choose, and the claim saying what the query says must be kept.
    from factcheck.match.compare import comparable

    sentence = ("The storm killed three people, injured five, destroyed ten homes, flooded two roads, "
                "closed four schools and cut power to six towns.")
    parts = ["closed four schools", "cut power to six towns", "destroyed ten homes", "flooded two roads",
             "injured five", "killed three people"]
    theirs = [ClaimView(10 + i, "wire", "figure", p, sentence, published=T0, lang="en", article_hash="w1")
              for i, p in enumerate(parts)]
    ours = ClaimView(1, "desk", "figure", "killed three people", sentence, published=T0, lang="en")
    kept = comparable(ours, theirs, MatchConfig(shortlist=3, per_source=3), shortlist=True)
    assert len(kept) == 3
    assert "killed three people" in [c.text for c in kept]
