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


def test_an_ellipsis_before_a_small_letter_or_a_digit_elides_words_and_ends_no_sentence():
    assert _split("Five died on the ferry... 12 others in the storm. The port closed.") == [
        "Five died on the ferry... 12 others in the storm.", "The port closed."]
    assert len(_split("They waited... and waited.")) == 1
    assert _split("The talks failed... The envoy left.") == ["The talks failed...", "The envoy left."]


def test_a_run_of_initials_before_a_name_ends_no_sentence():
    # "said B.K. Ostrow," was cut after the initials, so the quote lost its speaker
    assert _split('"Sales will fall," said B.K. Ostrow, a trader at the firm. He left.') == [
        '"Sales will fall," said B.K. Ostrow, a trader at the firm.', "He left."]
    assert len(_split("The unit was sold to R.J.M. Holdings Inc for cash.")) == 1
