"""Two claims are compared only when they share some of their words (``compare.shares_words``).

Every verdict reads shared words; without this first test of the pre-filter nearly every pair of one
day's Arabic news was compared in full (the token-set score passes almost any two sentences), and the
only rows those pairs gave were ``related`` on letters: unrelated statements of one carried-over
speaker, two events "of the same topic". On 200 real same-day articles it skips 88% of the pairs and
no supports or conflicts (BENCHMARKS.md, issue 18)."""
from datetime import datetime, timezone

from factcheck.match.compare import comparable, compare, shares_words
from factcheck.match.pairing import between_articles
from factcheck.match.similarity import related_word_overlap
from factcheck.match.types import ClaimView, MatchConfig

T = datetime(2015, 8, 1, 9, tzinfo=timezone.utc)
MINISTER = "وزير الصحة توفيق الربيعة"
# Two statements of one speaker, named in an earlier sentence of each article ("وأضاف ...").
HOSPITALS = "وأضاف أن الوزارة ستفتتح ثلاثة مستشفيات جديدة في المنطقة الشرقية قبل نهاية العام"
VACCINES = "وأوضح أن حملة التطعيم ضد الإنفلونزا الموسمية تبدأ الأسبوع المقبل في المدارس"
HOSPITALS_TOO = "وأكد أن الوزارة ستفتتح قبل نهاية العام ثلاثة مستشفيات جديدة في المنطقة الشرقية"


def _quote(id_: int, source: str, sentence: str) -> ClaimView:
    text = sentence.split(" أن ", 1)[1]
    return ClaimView(id=id_, source=source, kind="quote", text=text, sentence=sentence, speaker=MINISTER,
                     published=T, lang="ar", article_hash=f"{source}-{id_}")


def test_unrelated_statements_of_one_speaker_are_not_compared():
    mine, theirs = _quote(1, "okaz", HOSPITALS), _quote(2, "sabq", VACCINES)
    # The matcher alone reads them as related (same speaker, letters alike): that row linked the two
    # articles, and every pair of their claims was then compared.
    alone = compare(mine, theirs)
    assert alone is not None and alone.relation == "related"
    assert not shares_words(mine, theirs)
    assert comparable(mine, [theirs]) == []
    assert between_articles([mine], [theirs]) == []
    assert between_articles([mine], [theirs], MatchConfig(compare_words_shared=0.0)) != []


def test_one_statement_reported_twice_is_still_compared():
    mine, theirs = _quote(1, "okaz", HOSPITALS), _quote(2, "sabq", HOSPITALS_TOO)
    assert comparable(mine, [theirs]) == [theirs]
    rows = between_articles([mine], [theirs])
    assert {r.relation for _, _, r in rows} == {"supports"}


def test_the_bar_reads_the_texts_or_the_sentences():
    # One long sentence around a short shared quote: the texts share their words, the sentences few.
    a = ClaimView(id=1, source="a", kind="quote", text="المستشفيات الجديدة جاهزة", lang="ar", published=T,
                  sentence="المستشفيات الجديدة جاهزة " + " ".join(f"كلمة{i}" for i in range(40)))
    b = ClaimView(id=2, source="b", kind="quote", text="المستشفيات الجديدة جاهزة", lang="ar", published=T,
                  sentence="المستشفيات الجديدة جاهزة " + " ".join(f"لفظة{i}" for i in range(40)))
    assert shares_words(a, b)
    assert shares_words(a, b, MatchConfig(compare_words_shared=1.0))


def test_related_word_overlap_of_several_forms_of_one_start():
    # طلب is shared; طلبات begins with طلبا, each side counts it: (2 + 2) / 2 / sqrt(3 * 2)
    assert abs(related_word_overlap(("طلب", "طلبات", "رسم"), ("طلبا", "طلب")) - 2 / 6 ** 0.5) < 1e-12
