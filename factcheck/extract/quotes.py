"""Quoted spans, and whether a quoted span is a statement or a name.

Quote marks: "…", «…», “…”, „…“ (and „…”). A quote may run over a sentence
boundary but not over a paragraph break; an opening mark without its closing
mark in the same paragraph is ignored (no claim, no exception).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.text.lazy_pattern import lazy_regex

from .fold import fold_str

# Bounded inner length keeps a lone quote mark from scanning a whole 1 MB text.
_QUOTE = lazy_regex(
    # (a quoted term inside a quote, "«... تشغيل كافة «الشلرات» بالكامل ...»", is part of it: one level of
    # nesting, or the outer quote is lost and only the term is read)
    r"«(?P<a>[^«»\n]{1,3000}(?:«[^«»\n]{1,80}»[^«»\n]{0,3000}){0,3})»"
    r"|“(?P<b>[^“”\n]{1,3000})”"
    r"|„(?P<c>[^„“”\n]{1,3000})[“”]"
    # a straight mark glued to the word after it and spaced from the one before ('explosion. "People') opens a
    # quote and cannot close one, and the reverse ('bits." Witnesses') cannot open one: '"I thought ...
    # explosion. "People had ... bits." Witnesses said' lost a closing mark, and pairing marks in turn would
    # read the copy inside out from there on (a mark spaced on both sides, '" انفلونزا', may do either)
    r"|(?:(?<!\S)\"|\"(?=\S))(?P<d>[^\"\n]{1,3000})(?:(?<=\S)\"|\"(?!\S))"
)


@dataclass(slots=True)
class Quote:
    start: int  # offsets of the marks (outer)
    end: int
    istart: int  # offsets of the quoted words (inner)
    iend: int
    is_name: bool = False
    used: bool = False

    def words(self, text: str) -> int:
        return len(text[self.istart:self.iend].split())


def find_quotes(text: str) -> list[Quote]:
    out: list[Quote] = []
    for m in _QUOTE.finditer(text):
        g = next(k for k in "abcd" if m.group(k) is not None)
        s, e = m.span(g)
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Quote(m.start(), m.end(), s, e))
    return out


# Nouns after which a quoted span names something (تنظيم "الدولة", منصة "إكس").
_NAME_NOUNS_RAW = (
    "تنظيم", "منصة", "منصات", "موقع", "معهد", "قناة", "صحيفة", "جريدة", "وكالة", "حركة", "حزب", "جماعة", "هيئة",
    "مجلة", "شبكة", "برنامج", "عملية", "مبادرة", "حملة", "مؤسسة", "شركة", "جبهة", "فصيل", "كتائب", "لواء", "جيش",
    "مركز", "منظمة", "اتفاق", "اتفاقية", "مؤتمر", "قمة", "مجموعة", "تحالف", "تطبيق", "حساب", "فيلم", "كتاب",
    "مسلسل", "مشروع", "عبر", "مجلس", "اسم", "باسم", "شعار", "عنوان", "تسمية", "ما يسمى", "يسمى", "المسمى",
    "المسماة", "الانضمام إلى", "للانضمام إلى", "ميليشيا", "قوات", "ائتلاف", "مصرف", "بنك", "تجمع", "رابطة", "نادي",
    "فريق", "مستشفى", "جامعة", "مدرسة", "سجن", "مخيم", "معبر", "مطار", "سفينة", "صفحة", "صفحتها", "صفحته",
    "حسابها", "حسابه", "برنامجها", "وثيقة", "تقرير", "دراسة", "مسودة", "قانون", "خطة",
    "نقابة", "اتحاد", "لجنة", "جمعية", "مهرجان",
    # "عما سمّته «...»", "ما وصفه بـ«...»": what someone called something is a term
    "سمته", "سماه", "سمتها", "سموه", "وصفته", "وصفه", "وصفتها", "تسميه", "يسميه", "تصفه", "يصفه",
)
_NAME_NOUNS = sorted({fold_str(w) for w in _NAME_NOUNS_RAW}, key=len, reverse=True)
_NAME_BEFORE = lazy_regex(
    r"(?<!\w)(?:[وبلف]|ال|لل|بال|وال)?(?:" + "|".join(re.escape(w) for w in _NAME_NOUNS) + r")\s*$"
    r"|(?i:\b(?:the\s+)?(?:group|platform|website|site|outlet|newspaper|paper|magazine|channel|agency|app|"
    r"operation|campaign|initiative|institute|movement|party|called|dubbed|named|titled|known\s+as|so-called|"
    r"via|on|hashtag|program|programme|coalition|alliance|militia|organisation|organization|network|"
    r"brand|account|book|film|show|series|report|plan|law|bill|project|deal|accord|agreement)\s*$)"
)


# A short quote right after a preposition or an attached لـ/بـ is a name: what one says to, on or
# about ("لـ«الشرق الأوسط»", "على «تويتر»", "إلى "الوطن"", "told "Reuters"") is not what is said.
_PREP_BEFORE = lazy_regex(fold_str(
    r"(?:(?<!\w)(?:[وف]?(?:على|إلى|الى|في|عن|من|مع|عبر|لدى|حول|ضد|تجاه|نحو|بين|داخل|خارج|أمام|لصالح))"
    r"|(?<![^\s\W])[وف]?[لب])\s*$"
    r"|(?i:\b(?:to|for|from|by|with|at|of|about|against|told)\s*$)"))


# A title set off by commas after the noun of what it names ('on the NBC News program, "Meet the Press," the
# senator said'): only nouns of titled works, and a short quote, since 'said in the report, "The economy
# ..."' opens a statement after its comma
_TITLE_COMMA_BEFORE = lazy_regex(
    r"(?i:\b(?:program|programme|show|series|book|film|movie|documentary|newspaper|magazine|channel|column)\s*,\s*$)")


def quoted_name_context(text: str, q: Quote) -> bool:
    """True when the words just before the quote mark say that what follows is a name."""
    before = text[max(0, q.start - 40):q.start]
    if _NAME_BEFORE.search(before):
        return True
    if q.words(text) <= 4 and _TITLE_COMMA_BEFORE.search(before):
        return True
    return q.words(text) <= 3 and _PREP_BEFORE.search(before) is not None
