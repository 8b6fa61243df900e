"""Claims of different kinds are "the same topic" on shared words, not on shared letters.

Two unrelated Arabic sentences reach the similarity bar on their letters alone (the article, clitic
leftovers and common verb patterns), and each such "related" row linked two unrelated articles
(bench/crossoutlet.py: 1,697 of 2,205 such rows paired two different events)."""
from datetime import datetime, timezone

from factcheck.match.compare import compare
from factcheck.match.types import ClaimView, MatchConfig

T = datetime(2015, 8, 1, 9, tzinfo=timezone.utc)
WEATHER = "وأكدت الهيئة العامة للأرصاد أن درجات الحرارة سترتفع خلال الأيام المقبلة في المناطق الشرقية والوسطى."
FIRE = "وذكرت المديرية العامة للدفاع المدني أن فرقها أخمدت حريقا اندلع في مستودع بالمنطقة الصناعية."
HOSPITAL = "وأعلنت وزارة الصحة في بيان أمس افتتاح مستشفى جديد للأطفال في مدينة جدة بسعة 200 سرير."
HOSPITAL_TOO = "وافتتحت وزارة الصحة أمس مستشفى الأطفال الجديد في جدة، وقالت إنه يضم مئتي سرير."


def _figure(sentence: str) -> ClaimView:
    return ClaimView(id=1, source="a", kind="figure", text=sentence[:20], sentence=sentence, value=200.0,
                     unit="سرير", published=T, lang="ar")


def _quote(sentence: str) -> ClaimView:
    return ClaimView(id=2, source="b", kind="quote", text=sentence[20:], sentence=sentence, published=T, lang="ar")


def test_sentences_alike_in_letters_only_are_no_topic():
    figure, quote = _figure(WEATHER), _quote(FIRE)
    # The letters alone reach min_score: without the shared-words bar this pair was "related".
    loose = compare(figure, quote, MatchConfig(topic_words_shared=0.0))
    assert loose is not None and loose.relation == "related"
    assert compare(figure, quote) is None
    assert compare(quote, figure) is None


def test_sentences_sharing_their_words_stay_the_same_topic():
    result = compare(_figure(HOSPITAL), _quote(HOSPITAL_TOO))
    assert result is not None and result.relation == "related"
    assert result.why.template == "same topic: sentences {pct}% alike"
