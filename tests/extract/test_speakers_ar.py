"""Arabic speakers read from the sentence's grammar (issue 16): written sentences, not the real copy."""
from __future__ import annotations

from datetime import datetime, timezone

from factcheck.extract import extract_claims

WHEN = datetime(2025, 11, 7, 10, tzinfo=timezone.utc)


def quotes(text: str) -> list:
    return [c for c in extract_claims(text, published=WHEN, lang="ar") if c.kind == "quote"]


def test_an_honorific_pronoun_is_the_person_named_with_its_title():
    # "سموه" (his Highness) after a paragraph that named the prince without a comma or speech verb
    text = ("استقبل الأمير سلطان بن ناصر بن عبدالله أمير منطقة الشمال في مكتبه اليوم وفد الغرفة التجارية.\n\n"
            "وأكد سموه خلال اللقاء أن المنطقة تشهد نموا كبيرا في الاستثمار.\n\n"
            "التقى وزير الزراعة خالد المهنا رئيس الغرفة. وقال معاليه إن الموسم كان جيدا هذا العام.")
    a, b = quotes(text)
    assert a.speaker == "سلطان بن ناصر بن عبدالله"
    assert b.speaker == "خالد المهنا"


def test_an_honorific_pronoun_after_its_person_spoke_keeps_the_fuller_name():
    text = ("قال الأمير سلطان بن ناصر إن المشروع سيكتمل قريبا.\n\n"
            "وبين سموه أن التكلفة تتجاوز ما قُدّر لها سابقا.")
    a, b = quotes(text)
    assert a.speaker == b.speaker == "الأمير سلطان بن ناصر"
