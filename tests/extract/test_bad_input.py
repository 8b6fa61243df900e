"""Bad input: no exception, no hang, claims only where there are some."""
from __future__ import annotations

import time

import pytest
from datetime import datetime, timezone

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.extract import extract_claims, find_dates

REF = datetime(2025, 11, 7, tzinfo=timezone.utc)
# characters the patterns care about, so random text actually exercises them
ALPHABET = st.sampled_from(list(
    "قال إن أن مضيفًا: «»\"“”„ 0123456789٠١٢٣٤٥٦٧٨٩/.-،,؟!\n\t\r\x00\x07\u200f\u064b"
    "تشرين الثاني كانون آب الاثنين المقبل الماضي عام شخص ثلاثة ساعتين"
    "said that Monday next week Nov. 10 2025 people two hours according to"
))


def check(text: str) -> None:
    claims = extract_claims(text, REF)
    for c in claims:
        assert text[c.start:c.end] == c.text
        assert c.kind in ("quote", "date", "figure")
    for m in find_dates(text, REF):
        assert text[m.start:m.end] == m.text


@settings(max_examples=300, deadline=2000, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, max_size=400))
def test_random_text_from_the_patterns_alphabet(text):
    check(text)


@settings(max_examples=150, deadline=2000)
@given(st.text(max_size=300))
def test_random_unicode(text):
    check(text)


def test_empty_and_blank():
    assert extract_claims("") == []
    assert extract_claims("   \n\n  ") == []
    assert extract_claims("", REF, "ar") == []


def test_no_sentence_punctuation_and_no_claims():
    text = "هذا نص طويل بلا علامات ترقيم ولا تصريحات ولا تواريخ " * 50
    assert extract_claims(text, REF, "ar") == []


def test_unbalanced_quote_marks():
    text = 'وقال الوزير: "إن الوضع صعب. وأضاف أن « الحل قريب\nسطر آخر " بلا إغلاق “ هنا'
    claims = extract_claims(text, REF, "ar")
    for c in claims:
        assert text[c.start:c.end] == c.text


def test_control_characters():
    text = "وقال\x00 الوزير\x07 إن\u200f الاجتماع\x1b سيعقد الاثنين المقبل.\r\n"
    claims = extract_claims(text, REF, "ar")
    assert any(c.kind == "date" and c.date == "2025-11-10" for c in claims)


@pytest.mark.slow
def test_one_megabyte_in_bounded_time():
    unit = ('وقال الرئيس الفرنسي، إيمانويل ماكرون، الجمعة 7 من تشرين الثاني، إن "الحرب على الإرهاب أولوية"، '
            'مضيفًا أن ثلاثة أشخاص قتلوا. Macron said on Monday that 5 people died. "' + "x" * 50 + "\n")
    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    t0 = time.process_time()
    claims = extract_claims(text, REF)
    elapsed = time.process_time() - t0
    assert len(claims) > 1000
    assert elapsed < 60, elapsed


def test_pathological_repetition_is_linear():
    """Quote marks and digits repeated: time grows with size, not faster."""
    def t(n):
        text = ('"' + "١٢/" * 20 + " «" + "من " * 10) * n
        t0 = time.process_time()
        extract_claims(text, REF)
        find_dates(text, REF)
        return time.process_time() - t0
    small, big = t(200), t(2000)
    assert big < max(small, 0.01) * 30, (small, big)


def test_mixed_arabic_and_english():
    text = 'قال المتحدث إن الاجتماع سيعقد في 10 نوفمبر. The minister said on Tuesday that "we are ready."'
    claims = extract_claims(text, REF)
    assert {c.kind for c in claims} >= {"quote", "date"}
