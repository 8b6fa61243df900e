"""Sentence ends (factcheck.text.segment)."""
from factcheck.text.segment import sentences


def _split(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text)]


def test_a_decimal_garbled_by_right_to_left_layout_ends_no_sentence():
    # "8.1" copied from right-to-left layout as "1. 8": the figure stays in its sentence
    text = "ويتاح التحديث لمستخدمي الإصدار 1. 8 والإصدار 7 مجانا. وقال المتحدث إن العمل مستمر"
    assert _split(text) == ["ويتاح التحديث لمستخدمي الإصدار 1. 8 والإصدار 7 مجانا.", "وقال المتحدث إن العمل مستمر"]


def test_a_year_or_an_english_number_before_a_point_still_ends_a_sentence():
    assert len(_split("وقع الحادث في عام 2015. 3 أشخاص أصيبوا في الحادث")) == 2
    assert _split("He won 12. 5 others lost.") == ["He won 12.", "5 others lost."]
