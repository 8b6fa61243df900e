"""Assemble claims: statements (direct and reported) with speakers, attributed dates, figures.

All matching happens on the folded text (see fold.py); spans are mapped back to
the caller's offsets at the end, so ``text[claim.start:claim.end] == claim.text``.

Statements, Arabic
------------------
A speech verb (قال، أكد، أشار، أوضح، ذكر، أعلن ...) is followed by its subject
and adjuncts, then by a complementizer (إن / أن / إلى أن / بأن) that opens the
reported clause, or by a colon or quote mark that opens a direct quote. The
subject is what lies between verb and complementizer, cut at adjuncts (في
تصريحات، عبر، لموقع، dates). A verb without a subject (وأضاف أن) and a participle
(مضيفًا، مشيرًا، لافتًا، معتبرًا) continue the previous speaker. Quoted words
inside a reported clause are the claim (partial quotes, direct=True); a quote
after a name noun (تنظيم "الدولة") is a name, kept in ``names``.

Statements, English
-------------------
"X said (that) ...", "X told Reuters ...", "\"...,\" X said", "X said: \"...\"",
"..., X said.", "according to X, ...", with pronouns continuing the previous speaker.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime

from factcheck.text.lazy_pattern import LazyPattern, lazy_regex
from factcheck.text.numbers import alternation
from factcheck.text.segment import sentences

from . import dates as dates_mod
from .figures import find_figures, is_time_unit
from .fold import Folded, fold, fold_str
from .quotes import Quote, find_quotes, quoted_name_context
from .speakers import BARE_TITLES, EN_TITLE_WORDS, NAME_TITLES, TITLE_WORDS, Registry, clean, is_noun_phrase, refers_to
from .types import ClaimCandidate

# patterns used in hot loops, compiled once
_COMMA_DELIMITED_PART = lazy_regex(r"[^،,؛]+")  # (a semicolon ends a piece too: "«اكسور» القابضة؛ وهي شركة ...")
_FIRST_WORD_AND_SPACE = lazy_regex(r"\S+\s+")
_ANY_QUOTE_MARK = lazy_regex(r"[\"«»“”„]")
_CONJUNCTION_BEFORE_AL = lazy_regex(r"^[وف](?=ال)")
# a word that opens with an article or is a preposition (whole: "فيصل", "منصور", "عنان" open as في/من/عن
# do), or a ب/ل before an article, a pronoun or a demonstrative ("بالإضافة", "لها", "بدوره", "لذلك"; a
# name may start with them: "بول", "لويز", "بندر")
_PARTICLE_OR_ARTICLE = lazy_regex(fold_str(
    r"(?:ال|لل|بال)|(?:في|من|عن|ب|ل|لا|لم|لن|لقد|لكن|لذا|لذلك|لدى|لأن|ليس|بل|the|in|on)(?!\w)"  # (no على: it folds to the name علي)
    r"|[بل](?:\w{0,8}(?:ه|ها|هم|هما|كم|نا)|ذلك|هذا|هذه|تلك)(?!\w)|(?:بحسب|حسب|وفق|وفقا)(?!\w)"))
_QUOTE_MARK_IN_NAME = lazy_regex(r"[\"«»“”]")
_WORD = lazy_regex(r"\S+")
_TRAILING_ACCORDING_TO = lazy_regex(r"(?:,\s*|(?<=\w)\s+)(?P<a>according to)\s+(?P<s>[^,.;:!?\n]{2,80})[.!?]?\s*$")
_THAT = lazy_regex(r"\bthat\b")
_CAPITALISED_WORDS = lazy_regex(r"\s*([A-Z][\w'.-]*\s*(?:(?:[A-Z][\w'.-]*|al-\w+|bin|de)\s*){0,3})")
# role nouns that stand before a name ("analyst Alex Potter", "economist Jane Roe")
_EN_ROLE_WORDS = {"economist", "expert", "professor", "researcher", "lawyer", "activist", "witness", "resident",
                  "doctor", "scientist", "historian", "lawmaker", "legislator", "strategist", "banker",
                  "trader", "coach", "manager", "author", "writer", "journalist", "reporter", "chief",
                  "executive", "opposition", "former", "senior", "political", "military", "security"}
_EN_ROLE_OR_TITLE = _EN_ROLE_WORDS | EN_TITLE_WORDS
# "..., and other firms have said they plan ...": a clause of its own, not a speaker after its claim
_EN_COORDINATED = lazy_regex(r"\s*(?:and|but|or|while|as|so)\b|.*\b(?:have|has|had)\s*$")
_CLAUSE_THEN_SPEAKER = lazy_regex(r"^(?P<c>.+)[,]\s*(?P<s>[^,]{2,60})$")
# a wire dateline ("NEW YORK, March 2 - ", "COMMACK, N.Y., Feb 26 - ") or a page's date stamp ("Published June 20
# 2016 ", "August 13 2016 ", "Saturday 15 April 2017 ") opening a statement, before a capital
_EN_MONTHS = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_EN_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_EN_STAMP_DATE = rf"(?:\d{{1,2}}\s+{_EN_MONTHS}|{_EN_MONTHS}\s+\d{{1,2}})\s+\d{{4}}\s+"  # "20 June 2016 ", "June 20 2016 "
_EN_DATELINE_OPENING = LazyPattern(
    lambda: rf"(?:(?:[A-Z][A-Z.'/&-]*,?\s+){{1,5}}{_EN_MONTHS}\.?\s+\d{{1,2}}\s+-\s+"
            rf"|(?:Published\s+|Date\s+of\s+publication\s+)?(?:{_EN_WEEKDAY}\s+)?{_EN_STAMP_DATE})(?=[A-Z(\"“])")
_EN_TITLE_SITE = lazy_regex(r"\s+[-|]\s+")
_EN_STAMP_WORD = lazy_regex(r"[A-Z\d][\w.,:()-]*|on|by|at|of|updated|publication|\(updated")


def _stamp_then_title(F: str, st: "_Stmt", title: str) -> bool:
    """'Posted on July 20 2016 by Asharq Al-Awsat Dozens Killed ...': a date stamp and a byline of capitalised
    words and digits, then the headline repeated, open the statement."""
    k = F.find(title, st.start, st.start + 120 + len(title))
    return k > st.start and all(_EN_STAMP_WORD.fullmatch(w) for w in F[st.start:k].split())
# what follows a headline repeated in the body: its full stop, an agency, a weekday, a date
_EN_STAMP_AFTER_TITLE = LazyPattern(
    lambda: rf"\.?\s*(?:(?:AFP|AP|Reuters|REUTERS|AA|DPA|SANA)\s+)?(?:{_EN_WEEKDAY}\s+)?(?:{_EN_STAMP_DATE})?")
_THAT_OR_QUOTE_OPENING = lazy_regex(r"\bthat\b|[\"“«:]")
# a participle phrase opening the sentence sets the scene of the speech act, it is not what was said:
# 'Appearing on the NBC News program, "Meet the Press," the senator said the nomination ...' (the claim
# was the programme; "Fighting continued in the north, the army said" opens with a noun, no preposition)
_EN_OPENING_PARTICIPLE = lazy_regex(
    r"\s*(?:[A-Z][a-z]+ing\s+(?:on|at|to|in|before|after|during|from|with|about|for)\b|Asked\b)")
_DATELINE_CHAR = lazy_regex(fold_str(r"[\d:\s,،.\-/]|AM|PM|am|pm|GMT|UTC|[صم](?!\w)|الساعة"))
_THREE_LATIN_LETTERS = lazy_regex(r"[A-Za-z]{3}")
_DATELINE_FILLER = LazyPattern(lambda: "(?:" + _DATELINE_CHAR.pattern + ")*")
_NON_DIGIT = lazy_regex(r"\D")
_DASH = lazy_regex(r"\s[-–—]\s")
_NUMBERS_ONLY = lazy_regex(r"\d{1,2}[-/.]\d{1,2}")
# a date made of a duration ("قبل سنتين", "منذ عامين", "two years ago"): its count is a figure too
_DURATION_WORD = lazy_regex(r"(?<!\w)(?:[وف]?(?:قبل|منذ|بعد|خلال)|ago|since|for|within|over|after)(?!\w)", re.I)


def _f(words: str) -> str:
    # a trie, not a flat list: the engine tries a flat alternation word by word at every
    # word start of the article; every use is followed by a boundary, so the same word matches
    return alternation(fold_str(w) for w in words.split())


# ---------------------------------------------------------------- Arabic lexicon
# present tenses that open a standfirst or a headline ("وزير الخارجية التركي ... يعلن أنّ", "تركيا تعلن
# استئناف المحادثات"): a speech act only as the sentence's first verb, before any comma ("القرار،
# يؤكد صحة ..." is the clause's own verb)
_AR_PRESENT_WORDS = ("يعلن تعلن يؤكد تؤكد يكشف تكشف ينفي تنفي يوضح توضح يحذر تحذر يعلنون يؤكدون يكشفون ينفون يحذرون "
                     "يصرح تصرح")
_AR_PRESENT = {fold_str(w) for w in _AR_PRESENT_WORDS.split()}
_AR_VERB_WORDS = ("نقل نقلت قال قالت قالوا أكد أكدت أكدوا أضاف أضافت أشار أشارت أوضح أوضحت ذكر ذكرت أعلن أعلنت أعلنوا "
              "صرح صرحت اعتبر اعتبرت لفت لفتت أفاد أفادت شدد شددت أردف أردفت نفى نفت كشفت كشف حذر حذرت "
              "زعم زعمت ادعى ادعت يقول تقول أعرب أعربت رجح رجحت نوه نوهت أبلغ أبلغت أكدا قالا "
              "أبان أبانت بين بينت أخبر أخبرت تساءل تساءلت استبعد استبعدت اعتبروا يرى ترى يرون تشير يشير "
              "أفاد أفادوا ذكروا أوضحوا أشاروا كشفوا رأى رأت هتف هتفوا ردد رددوا اتهم اتهمت اتهموا "
              "تحدث تحدثت تحدثوا وصف وصفت وصفوا اعترف اعترفت اعترفوا يقولون جادل جادلت يضيف تضيف أظهر أظهرت "
              + _AR_PRESENT_WORDS)
# need و/ف: "وتابع" (تابعة لتنظيم is an adjective), "وبين" (بين is also "between")
# and present-tense verbs that are a reported clause's own verb as often ("أن باريس ترى في"): a
# speech act only as "ويرى التربويون"/"كما تشير المصادر"
# (and أبان, which folds to إبان, "during")
# ("وتضيف دراسة جديدة أن": يضيف is as often "adds" a thing, "يضيف نكهة جديدة")
AR_CONT_VERBS = {fold_str(w) for w in "تابع تابعت أضاف أضافت أردف أردفت بين يرى ترى يرون رأى رأت تشير يشير أبان "
                 "يضيف تضيف أظهر أظهرت".split()}
# verbs that report only with their أن right after the subject ("وأظهرت بيانات البنك المركزي أن ..."): "وأظهرت
# نتائج واعدة" shows a thing, "وكما أظهرت التجارب فإن ..." is the writer's; nor do they end the clause before them
_SHOWED = {fold_str(w) for w in "أظهر أظهرت".split()}
# (and only with a text or data for subject: "وأظهرت مشاهد الفيديو أن ..." is what was seen, no one's words)
_SHOWED_THAT = LazyPattern(lambda: fold_str(
    r"\s+(?:ال)?(?:" + _f("بيانات بيان مسح استطلاع دراسة دراسات تقرير تقارير نتائج إحصاءات إحصائيات أرقام وثائق "
                          "وثيقة أبحاث بحث تحليل سجلات") + r")(?!\w)[^.؟!:\n]{0,140}?(?<!\w)(?:ب)?أن(?:ه|ها|هم)?(?!\w)"))


# the word alternations and the patterns made of them are built on first use (text/lazy_pattern.py)
@functools.cache
def _ar_verbs() -> str:
    return alternation(w for w in (fold_str(x) for x in _AR_VERB_WORDS.split()) if w not in _SHOWED)


@functools.cache
def _ar_participles() -> str:
    return _f("مضيفًا مضيفة مشيرًا مشيرة لافتًا لافتة معتبرًا معتبرة مؤكدًا مؤكدة موضحًا موضحة متابعًا "
                    "متابعة مشددًا مشددة قائلًا قائلة منوهًا منوهة محذرًا محذرة مبينًا مبينة مردفًا مردفة "
                    "معربًا معربة نافيًا نافية كاشفًا كاشفة مضيفين مشيرين لافتين معتبرين زاعمًا زاعمة "
                    "مستبعدًا مستبعدة متسائلًا متسائلة مؤكدين موضحين واصفًا واصفة واصفين مطالبين "
                    "مرددين هاتفين قائلين")


def _ar_trigger() -> str:
    free = alternation(w for w in (fold_str(x) for x in _AR_VERB_WORDS.split()) if w not in AR_CONT_VERBS)
    cont = alternation(AR_CONT_VERBS)
    # (the verbs that need و/ف or كما are refused in the pattern itself: بين, ترى ... are frequent words)
    return (rf"(?<!\w)(?P<pre>[وف])?(?P<v>{free}|(?<=[وف])(?:{cont})|(?<=كما\s)(?:{cont}))(?!\w)"
            rf"|(?<!\w)(?P<p>{_ar_participles()})(?!\w)")


# "من جهته، بيّن مدير المركز أن", "بدوره يرى المهندس X أن": a new speaker's turn opens with its phrase, as with
# و, before the verbs that need one (read only in the sentences that hold such a phrase: a look-behind for each
# spelling in _AR_TRIGGER cost 4% of the extraction)
_TURN_IN = [fold_str(w) for w in ("جهته", "جهتها", "جهتهم", "جانبه", "جانبها", "جانبهم", "بدوره", "بدورها", "بدورهم",
                                  "كذلك")]
_TURN_BEFORE = lazy_regex(fold_str(r"(?<!\w)(?:من\s+(?:جهت|جانب)(?:ه|ها|هم)|بدور(?:ه|ها|هم)|كذلك)\s*[،,]?\s*$"))
_CONT_TRIGGER = LazyPattern(
    lambda: rf"(?<!\w)(?P<pre>(?!))?(?P<v>{alternation(AR_CONT_VERBS)})(?!\w)(?P<p>(?!))?")


def _sentence_triggers(F: str, ss: int, se: int) -> list[re.Match]:
    """The speech verbs of the sentence F[ss:se] (_AR_TRIGGER), with those a turn phrase opens."""
    found = list(_AR_TRIGGER.finditer(F, ss, se))
    sent = F[ss:se]
    if any(w in sent for w in _TURN_IN):
        turn = [m for m in _CONT_TRIGGER.finditer(F, ss, se) if _TURN_BEFORE.search(F, max(ss, m.start() - 14), m.start())]
        if turn:
            found = sorted(found + turn, key=lambda m: m.start())
    return found


_AR_TRIGGER = LazyPattern(_ar_trigger)
# complementizer opening a reported clause (folded: إن/أن → ان)
_AR_COMP = lazy_regex(fold_str(r"(?<!\w)(?:(?:الى|علي)\s+)?(?:ب|ف)?ان(?:ه|ها|هم|هما|نا|ني)?(?!\w)|(?<!\w)(?:إلى|على|ب)(?=\s)"))
_AR_COMP_STRICT = lazy_regex(fold_str(r"(?<!\w)(?:(?:إلى|على)\s+)?(?:ب|ف)?ان(?:ه|ها|هم|هما|نا|ني)?(?!\w)"))
_AR_ADJUNCT = LazyPattern(lambda: fold_str(
    r"(?<!\w)(?:في\s+(?:تصريح|بيان|حديث|مقابل|كلم|مؤتمر|إحاط|لقاء|اتصال|منشور|تغريد|رسال|خطاب|تقرير|ختام|"
    r"مستهل|نهاي|بداي|أعقاب|اجتماع|وقت|ندو|جلس|دراس|وثيق|مذكر|معرض|\d)\w*|خلال|عبر|على\s+(?:حساب|صفح|منص|موقع|هامش)\w*|ل(?:موقع|وكالة|قناة|صحيفة|برنامج|"
    r"جريدة|شبكة|مجلة|وسائل|لصحفيين|صحفيين|لصحافيين|صحافيين|عنب)\w*|للصحفيين|أمس|اليوم|الآن|يوم|مساء|صباح|ظهر|فجر|"
    r"رحم(?:ه|ها|هم)\s+الله|من\s+(?:جهت|جانب)(?:ه|ها|هم|هما)|"
    r"ال(?:أحد|اثنين|إثنين|ثلاثاء|أربعاء|خميس|جمعة|سبت)|الماضي|أن|إن|عن|"
    # how and by whose account, after the subject: "أعلنت إسبانيا بشكل رسمي، أنها", "الحكومة رسمياً",
    # "أفاد المصادر بحسب سكاي نيوز كذلك بأن"
    r"بشكل|بصورة|رسميا|بحسب|حسب|كذلك|أيضا|مجددا)(?!\w)|\d"
    # "وقال الحريري لـ«الشرق الأوسط»": to whom, not who (no tatweel: fold_str removes it from the text, and
    # from this pattern, where "ـ?" became a bare "?" that cut every subject before a quoted name to nothing)
    r"|(?<!\w)[لب](?=\s*[«\"“])"
    r"|(?<!\w)(?:الذي|التي|الذين|اللذين|اللتين|اللواتي|اللاتي)(?!\w)"  # a relative clause after the subject
    # where it was said ("قال الرئيس التركي أمام الكتلة النيابية"; not "فضيلة إمام وخطيب المسجد الحرام", which
    # folds to the same word)
    r"|(?<=\w\s)(?<!فضيلة\s)أمام(?!\s+(?:وخطيب|ومؤذن|المسجد|مسجد|الحرم|جامع|الجامع)(?!\w))(?!\w)"
))
_BOUNDARY = LazyPattern(
    lambda: (rf"[،,؛;]\s*(?=(?:{_ar_participles()})(?!\w)|[وف](?:{_ar_verbs()}|تابع|تابعت)(?!\w)|فيما|بينما)"
             r"|[،,؛;]\s*(?=(?:adding|noting|saying|stressing|warning)\b)"), re.I)
_PRE_COMP = lazy_regex(r"(?<!\w)(?:فان|ان|لكن|كما|ولكن|كان|كانت|وكان|وكانت|اما|واما)(?!\w)")
_QAD = lazy_regex(r"\s+قد\s*$")
_SABAQ = lazy_regex(fold_str(r"\s+(?:قد\s+)?سبقت?\s+و?أن\s*$"))  # "وكان X قد سبق وأن أعلن": X alone
_FAQAD = lazy_regex(r"\s+ف(?:قد)?\s*$")  # "أما صحيفة X فقد قالت"

# ---------------------------------------------------------------- English lexicon
EN_VERBS = (r"said|says|told|added|stated|announced|explained|noted|stressed|warned|claimed|insisted|denied|"
            r"confirmed|argued|wrote|tweeted|posted|asserted|acknowledged|reported|declared|observed|continued|telling|"
            r"cautioned|admitted|predicted|reiterated|intimated|alleged|contended|maintained|say|accused|accuses|"
            r"emphasized|emphasised|affirmed|underlined|underscored|conceded|recalled")
EN_PARTICIPLES = r"adding|noting|saying|stressing|warning|explaining|insisting|arguing"
# as tries (both are followed by \b, so the same word matches as with the flat lists)
_EN_TRIGGER = LazyPattern(lambda: rf"\b(?P<v>{alternation(EN_VERBS.split('|'))}|pointed\s+out)\b"
                                   rf"|(?<=,\s)(?P<p>{alternation(EN_PARTICIPLES.split('|'))})\b")
# "French President Emmanuel Macron", "envoy Tom Barrack": a title before a capitalised name introduces it
_EN_TITLED_NAME = lazy_regex(
    r"\b(?P<t>(?:[A-Z][a-z]+\s+)?(?:President|Minister|Secretary|secretary|Envoy|envoy|Ambassador|ambassador|"
    r"Governor|Director|director|Chancellor|King|Prince|General|Gen\.|Senator|Sen\.|Mayor|Commander|"
    r"spokesman|spokeswoman|spokesperson|Spokesman|leader|Leader|chief|Chief|minister|president|official))"
    r"\s+(?P<n>[A-Z][\w'-]+(?:\s+(?:al-|bin\s+|de\s+)?[A-Z][\w'-]+){1,3})")
_EN_ACCORDING = lazy_regex(r"\b[Aa]ccording to (?P<s>[^,.;:\"“”]{2,80})")
_EN_NAME_RUN = lazy_regex(r"(?:[A-Z][\w'.-]*)(?:\s+(?:[A-Z][\w'.-]*|al-\w+|bin|de|van|von|da))*")
_EN_ADJ_AFTER = lazy_regex(
    r"^\s*(?:,\s*)?(?:(?:on|in|at|during|to|via|late|early|last|this|earlier|later|yesterday|today|on\s+\w+day)"
    r"(?:\s+[\w'.-]+){0,5}?\s*,?\s*)*?(?=that\b|:|\"|“|«)"
)
_PRONOUN = lazy_regex(r"^(?:he|she|they|it)$", re.I)


@dataclass
class _Stmt:
    speaker: str | None
    verb: str | None
    direct: bool
    start: int  # claim span in folded text
    end: int
    intro_start: int  # where the speech act starts (for the statement's own date)
    intro_end: int


@dataclass
class _Ctx:
    F: str
    folded: Folded
    reg: Registry
    quotes: list[Quote]
    text: str = ""
    stmts: list[_Stmt] = field(default_factory=list)
    last_person: str | None = None  # the last English name met with its title ("Foreign Minister X")

    def __post_init__(self) -> None:
        self.q_starts = [q.start for q in self.quotes]  # quotes come sorted and never overlap

    def straddling(self, a: int) -> Quote | None:
        """The quote opened before ``a`` and still open there (a quote of several sentences)."""
        i = bisect_left(self.q_starts, a) - 1
        return self.quotes[i] if i >= 0 and self.quotes[i].end > a else None

    def quotes_between(self, a: int, b: int) -> list[Quote]:
        """Quotes whose opening mark lies in [a, b) (bisect: articles can hold thousands)."""
        return self.quotes[bisect_left(self.q_starts, a):bisect_left(self.q_starts, b)]

    def inside_quote(self, pos: int) -> bool:
        i = bisect_right(self.q_starts, pos) - 1
        return i >= 0 and self.quotes[i].istart <= pos < self.quotes[i].iend

    def overlaps_stmt(self, a: int, b: int) -> bool:
        """Does [a, b) overlap a statement found so far? Statements come in text order,
        so only the most recent ones can reach this far."""
        for st in reversed(self.stmts[-30:]):
            if st.start < b and a < st.end:
                return True
        return False

    def d(self, s: int, e: int) -> str:
        """The caller's spelling of a folded span (speakers are shown as written)."""
        return self.text[self.folded.orig_start(s):self.folded.orig_end(e)]


_TRIM = " \t\n،,؛;:.\"'«»“”„()[]-"


def _chunks(F: str, s: int, e: int) -> list[tuple[int, int]]:
    """Comma-separated pieces of F[s:e], trimmed, quote marks kept inside."""
    out = []
    for m in _COMMA_DELIMITED_PART.finditer(F[s:e]):
        a, b = s + m.start(), s + m.end()
        while a < b and F[a] in _TRIM:
            a += 1
        while b > a and F[b - 1] in _TRIM:
            b -= 1
        # a quoted name at the piece's end or start keeps its marks ("شركة «ألفا»", "\"القناة 14\" المحلية")
        if b < len(F) and F[b] in _CLOSERS and _unbalanced(F, a, b, _OPENER[F[b]], F[b]):
            b += 1
        if a > 0 and F[a - 1] in _OPENERS and _unbalanced(F, a, b, _CLOSER[F[a - 1]], F[a - 1]):
            a -= 1
        if b > a:
            out.append((a, b))
    return out


def _unbalanced(F: str, a: int, b: int, mark: str, other: str) -> bool:
    """Does F[a:b] hold a quote mark ``mark`` whose partner ``other`` lies outside it?"""
    if mark == other:
        return F.count(mark, a, b) % 2 == 1
    return F.count(mark, a, b) > F.count(other, a, b)


_OPENER = {"»": "«", "”": "“", '"': '"'}
_CLOSER = {"«": "»", "“": "”", '"': '"'}
_CLOSERS, _OPENERS = set(_OPENER), set(_CLOSER)


def _words(s: str) -> int:
    return len(s.split())


def _clause_end(F: str, start: int, send: int) -> int:
    """End of a reported clause: the next continuation (، مضيفًا / ، وأضاف) or the sentence end."""
    m = _BOUNDARY.search(F, start, send)
    e = m.start() if m else send
    while e > start and F[e - 1] in " \t.،,؛;:":
        e -= 1
    return e


def _quotes_in(ctx: _Ctx, s: int, e: int) -> list[Quote]:
    return [q for q in ctx.quotes_between(s, e + 1) if q.end <= e + 1 and not q.is_name]


# compiled once: a pattern given to re.search as a string is recompiled whenever other
# code (dateparser, in the benchmark) has pushed it out of the re module's cache
_AR_TO_PRONOUN = lazy_regex(r"\s*(?:لي|لك|له|لها|لنا|لهم|لكم|لهما)(?!\w)")
_ISSUED_BY = lazy_regex(fold_str(r"(?<!\w)(?:ال)?صادر(?:ة|ين)?\s+عن$"))
_QAWL = lazy_regex(fold_str(r"\s+ب?(?:قوله|قولها|قولهم)\s*$"))  # ("أوضح X بقوله:")
_UNVEILED_END = lazy_regex(fold_str(r"\s+(?:النقاب|الستار|اللثام)\s*$"))  # "كشفت شركة X النقاب عن"
_ATTENTION_END = lazy_regex(fold_str(r"\s+(?:الانتباه|الأنظار|النظر)\s*$"))  # "ولفت المتحدث الانتباه إلى أن"


def _ar_speaker(ctx: _Ctx, seg_s: int, seg_e: int, sent_start: int, vstart: int) -> str | None:
    """Speaker from the words between verb and complementizer; None if there is no subject."""
    F = ctx.F
    io = _AR_TO_PRONOUN.match(F, seg_s, seg_e) or _TOLD_OUTLET.match(F, seg_s, seg_e)
    if io and _words(F[io.end():seg_e]):
        # "قال لي المخرج", "وأوضح لـ«عكاظ» مدير إدارة المشاريع ... أن": to whom, then who
        seg_s = io.end()
    cut = _AR_ADJUNCT.search(F, seg_s, seg_e)
    # ("القناة 14" is a name, its number no date; "أكد إمام وخطيب المسجد النبوي" opens with إمام, not أمام)
    # (nor a number in quote marks no quote was read for: 'في القناة "13"، ألون بن دافيد،')
    while cut and (ctx.inside_quote(cut.start()) or F.startswith("امام", cut.start()) and not F[seg_s:cut.start()].strip()
                   or F[cut.start()].isdigit() and F[cut.start() - 1] in "\"«“"):
        cut = _AR_ADJUNCT.search(F, cut.end(), seg_e)
    if cut and F[cut.start()] == "ل" and _is_title(F[seg_s:cut.start()]) \
            and all(w.startswith("ال") for w in F[seg_s:cut.start()].split()[1:]):
        # "المفوض العام لوكالة الغوث فيليب لازاريني": a title's own complement, not whom it spoke to, when
        # a name follows it ("وقال المتحدث لوكالة الأنباء إن": to whom)
        nxt = _AR_ADJUNCT.search(F, cut.end(), seg_e)
        rest = _COMMA_DELIMITED_PART.match(F, cut.start(), nxt.start() if nxt else seg_e)
        words = rest.group(0).split()[1:] if rest else []
        while words and words[0].startswith(("ال", "وال", "(")):
            words = words[1:]
        # (a name may start as a particle does: فيليب، بشار، منصور)
        if 1 <= len(words) <= 5 and is_noun_phrase(words[0]) and not _is_title(" ".join(words)) \
                and not _AR_ADJUNCT.match(words[0]) and not any(map(str.isdigit, words[0])):
            cut = nxt
    while cut and _ISSUED_BY.search(F, seg_s, cut.end()):
        # "بيان صادر عن مكتب رئيس الوزراء": who issued the statement is part of it, not an adjunct
        nxt = _AR_ADJUNCT.search(F, cut.end(), seg_e)
        if _words(F[cut.end():nxt.start() if nxt else seg_e]) == 0:
            break
        cut = nxt
    head_e = cut.start() if cut else seg_e
    colon = F.find(":", seg_s, head_e)  # a colon ends the subject
    if colon >= 0:
        head_e = colon
    q = _QAWL.search(F, seg_s, head_e) or _UNVEILED_END.search(F, seg_s, head_e) or _ATTENTION_END.search(F, seg_s, head_e)
    if q:
        head_e = q.start()
    chunks = _chunks(F, seg_s, head_e)
    if chunks and F[vstart] not in "وف" and _words(F[chunks[0][0]:chunks[0][1]]) >= 2 \
            and F[chunks[0][0]:chunks[0][1]].split()[0] in _PREPOSITIONS and not _IMAM.match(F, chunks[0][0]):
        # "الجزائر تؤكد من منبر الأمم المتحدة أن": no subject after the verb, the one before it speaks
        # (not "قال فيها": in it, said the one just named)
        chunks = []
    if not chunks:
        # subject before the verb: "فإن تشارلز ليستر، مدير ...، قال"
        # (not for a verb after و: "ونفى اللاعب أن يكون ...، وقال:" shares the subject of the verb before;
        # a ف answers أما: "أما X فقال")
        # (nor "كان" in a relative clause: "التي كان يهيمن عليها X")
        pcs = [m for m in _PRE_COMP.finditer(F, sent_start, vstart)
               if not _AR_RELATIVE_BEFORE.search(F, max(sent_start, m.start() - 8), m.start())] if F[vstart] != "و" else []
        if pcs:
            pe = vstart
            qd = _QAD.search(F, pcs[-1].end(), vstart) or _FAQAD.search(F, pcs[-1].end(), vstart)
            if qd:
                pe = qd.start()
            pre = _chunks(F, pcs[-1].end(), pe)
            # ("يذكر أن الأمين العام لحلف الناتو X Y أفاد": a title and a name run longer)
            if pre and (_words(F[pre[0][0]:pre[0][1]]) <= 5 or _is_title(F[pre[0][0]:pre[0][1]]) and _words(F[pre[0][0]:pre[0][1]]) <= 8):
                if len(pre) > 1 and _is_title(F[pre[1][0]:pre[1][1]]):
                    return ctx.reg.add(ctx.d(*pre[0]), ctx.d(*pre[1]))
                return ctx.reg.resolve(ctx.d(*pre[0]))
        elif F[vstart] not in "وف":
            # "وزير الخارجية التركي مولود جاويش أوغلو يعلن أنّ ...": the subject opens the sentence
            # (after a fronted time phrase: "بعد 459 يوماً من العدوان، مسؤولون أميركيون يؤكدون أنّ")
            pre = _chunks(F, _fronted_adjunct_end(F, sent_start, vstart), vstart)
            # "الكاتب والمحلل السياسي حسام طالب، وفي حديثه إلى الميادين، رأى أنّ": an adjunct between the
            # subject and its verb is no part of it
            # (a piece set off by its comma: not "X استند إلى إحصاءات، وإلى ما قال إنها", a relative's verb)
            while len(pre) > 1 and _adjunct_chunk(F, *pre[-1]) and _COMMA_OR_COLON.search(F, pre[-1][1], vstart):
                pre = pre[:-1]
            if len(pre) == 2 and all(1 <= _words(F[a:b]) <= 6 for a, b in pre) \
                    and not any(_VERB_AFTER_WA.match(F, a) or _AR_ADJUNCT.search(F, a, b) for a, b in pre):
                # "الكاتب والمحلل السياسي الفلسطيني، إبراهيم المدهون، رأى": a title and its name, either way
                (a0, a1), (b0, b1) = pre
                if _is_title(F[a0:a1]) and _name_at(ctx, b0, b1) and not _is_title(F[b0:b1]):
                    return ctx.reg.add(ctx.d(b0, b1), ctx.d(a0, a1))
                if _is_title(F[b0:b1]) and _name_at(ctx, a0, a1) and not _is_title(F[a0:a1]):
                    return ctx.reg.add(ctx.d(a0, a1), ctx.d(b0, b1))
            # (a sentence opening with و and a verb is no subject: "وتوجه X برسالة ...؛ قال فيها")
            if len(pre) == 1 and 1 <= _words(F[pre[0][0]:pre[0][1]]) <= 8 and is_noun_phrase(F[pre[0][0]:pre[0][1]]) \
                    and not _AR_ADJUNCT.search(F, *pre[0]) and not _VERB_AFTER_WA.match(F, pre[0][0]):
                return _fuller(ctx, ctx.reg.resolve(ctx.d(*pre[0])), sent_start)
        elif F[vstart + 1:vstart + 2] in ("ي", "ت"):
            # "الرئيس التركي X يتحدث عن نتائج جولته، ويقول إنها …": the verbs of a standfirst share the
            # subject that opens it (its first verb a present tense after at most eight words, with a title
            # word or a title and a name in apposition)
            fv = _AR_PRESENT_VERB.search(F, sent_start, vstart)
            pre = _chunks(F, sent_start, fv.start()) if fv else []
            if pre and pre[0][0] == sent_start and len(pre) <= 2 and _words(F[sent_start:fv.start()]) <= 8 \
                    and not any(_AR_ADJUNCT.search(F, *c) or _AR_TRIGGER.search(F, *c) for c in pre) \
                    and _is_title(F[pre[0][0]:pre[0][1]]):
                if len(pre) == 2 and _name_at(ctx, pre[1][0], pre[1][1]):
                    return ctx.reg.add(ctx.d(*pre[1]), ctx.d(*pre[0]))
                if len(pre) == 1:
                    return _fuller(ctx, ctx.reg.resolve(ctx.d(*pre[0])), sent_start)
        return None
    if len(chunks) > 2 and _DEMONSTRATIVE_NP.fullmatch(F, *chunks[0]):
        # "ويؤكد هذا المعطى، الأستاذ الجامعي ... ، محمد فقيهي، الذي": the demonstrative is the object
        # before the subject, a title and a name in apposition
        (a0, a1), (b0, b1) = chunks[1], chunks[2]
        if _name_at(ctx, b0, b1) and _words(F[b0:b1]) <= 4 and not _is_title(F[b0:b1]) and not _adjunct_chunk(F, b0, b1):
            return ctx.reg.add(ctx.d(b0, b1), ctx.d(a0, a1) if _words(F[a0:a1]) <= 12 else None)
    first = F[chunks[0][0]:chunks[0][1]]
    if _words(first) > 12 and not _ends_in_titled_name(first):
        # (a chain of titles runs longer, when a name after its courtesy title ends it: "مدير عام الإدارة
        # العامة للتدريب والابتعاث رئيس لجنة التدريب في الحج الدكتور منصور اليامي"; or holds one with its
        # بن/آل chain, the office after it: "معالي الفريق الركن الشيخ راشد بن عبدالله آل خليفة وزير الداخلية
        # بمملكة البحرين")
        for m in _NAME_TITLE_WORD.finditer(F, *chunks[0]):
            ne = _name_words_at(F, m.end() + 1, chunks[0][1], given=True)
            if _words(F[m.end():ne]) >= 3 and not _NAME_JOINERS.isdisjoint(F[m.end():ne].split()):
                return ctx.reg.add(ctx.d(m.end(), ne), ctx.d(chunks[0][0], m.end()))
        return None
    if first in _HONORIFICS:
        # "وأكد سموه": the person the article named with that honorific's title ("الأمير فيصل بن خالد")
        # (the previous speaker when it is that person, registered in a fuller form)
        ref, last = _honorific_referent(ctx, first, vstart), ctx.reg.last_speaker
        return last if not ref or last and refers_to(ref, last) else ref
    if len(chunks) > 1:
        second = F[chunks[1][0]:chunks[1][1]]
        if _is_title(first) and _is_title(second) and _words(second) >= 3:
            # "المتحدث باسم الجيش، العميد فادي عيسى": the rank is not the name
            sw = _FIRST_WORD_AND_SPACE.match(second)
            # (not "السفير X، وكيل وزارة الخارجية": a title and what it is the title of, no name)
            if _looks_like_name(second[sw.end():]) and not _INSTITUTION.match(second, sw.end()):
                return ctx.reg.add(ctx.d(chunks[1][0] + sw.end(), chunks[1][1]), ctx.d(*chunks[0]))
        if _is_title(first) and _name_at(ctx, *chunks[1]):
            return ctx.reg.add(ctx.d(*chunks[1]), ctx.d(*chunks[0]))
        if _looks_like_name(first) and _is_title(second):
            return ctx.reg.add(ctx.d(*chunks[0]), ctx.d(*chunks[1]))
        if (2 <= _words(first) <= 8 and 2 <= _words(second) <= 4 and _name_at(ctx, *chunks[1])
                and is_noun_phrase(first) and is_noun_phrase(second) and not _QUOTE_MARK_IN_NAME.search(second)):
            # "القائم بأعمال السفارة المصرية في دمشق، محمود عمر،": a role, then the name in apposition
            return ctx.reg.add(ctx.d(*chunks[1]), ctx.d(*chunks[0]))
    return _fuller(ctx, ctx.reg.resolve(ctx.d(*chunks[0])), sent_start)


# a present tense after a word: يتحدث، تبحث (not a noun's ت of تصريح at the sentence's start)
_PREPOSITIONS = {fold_str(w) for w in "من في على عن إلى الى أمام امام لدى عبر".split()}
_DEMONSTRATIVE_NP = lazy_regex(fold_str(r"\s*(?:هذا|هذه|ذلك|تلك)\s+ال\w+(?:\s+ال\w+)?\s*"))
_IMAM = lazy_regex(fold_str(r"إمام\s+(?:وخطيب|ومؤذن|المسجد|مسجد|الحرم|جامع|الجامع)(?!\w)"))  # (folds as أمام does)
_AR_PRESENT_VERB = lazy_regex(r"(?<=\s)[يت][\u0621-\u064a]{3,6}(?=[\s،,])")

# honorific pronouns and the titles of the people they stand for (folded)
_HONORIFICS = {fold_str(k): v for k, v in {
    "سموه": "الأمير", "سموها": "الأميرة", "معاليه": "الوزير وزير معالي", "معاليها": "الوزيرة وزيرة معالي",
    "فضيلته": "الشيخ الإمام المفتي فضيلة", "سماحته": "الشيخ المفتي السيد سماحة",
    "سيادته": "الرئيس رئيس", "فخامته": "الرئيس رئيس فخامة", "دولته": "رئيس دولة",
    # (Gulf copy's "سعادة" for ambassadors, directors and doctors: "وأضاف سعادته أن")
    "سعادته": "السفير الدكتور المدير مدير المهندس الأستاذ المستشار الوكيل وكيل",
    "سعادتها": "السفيرة الدكتورة المديرة مديرة المهندسة الأستاذة المستشارة",
}.items()}
_SAME_SOURCE_AR = lazy_regex(fold_str(r"^(?:ال)?مصدر\w*\s+(?:ذاته|نفسه|ذاتها|نفسها)$"))
_HONORIFIC_TITLE = {h: lazy_regex(r"(?<!\w)[وف]?(?:" + "|".join(fold_str(t) for t in v.split()) + r")\s+")
                    for h, v in _HONORIFICS.items()}
_NAME_JOINERS = {fold_str(w) for w in "بن بنت ابن آل أبو أبي عبد".split()}
_NAME_STOP = lazy_regex(r"[،,.:؛;()\"«»\n]")


def _honorific_referent(ctx: _Ctx, honorific: str, before: int) -> str | None:
    """The name after the honorific's title nearest before ``before``: "الأمير فيصل بن خالد بن عبدالعزيز
    أمير منطقة عسير" → "فيصل بن خالد بن عبدالعزيز", "وزير الخارجية عادل الجبير" → "عادل الجبير" (the
    title's own ال-words skipped; the name runs to punctuation, a title word or a function word, two
    words and their بن/آل chain, five words at most)."""
    F = ctx.F
    last = None
    for m in _HONORIFIC_TITLE[honorific].finditer(F, max(0, before - 3000), before):
        last = m
    if last is None:
        return None
    stop = _NAME_STOP.search(F, last.end(), min(before, last.end() + 80))
    words: list[re.Match] = []
    for w in _WORD.finditer(F, last.end(), stop.start() if stop else min(before, last.end() + 80)):
        t = w.group(0)
        if not words and t.startswith(("ال", "وال")):
            continue  # the title's complement: "وزير الخارجية", "الأمير" has none
        if t in TITLE_WORDS or t.removeprefix("ال") in BARE_TITLES or not is_noun_phrase(t) \
                or _AR_TRIGGER.fullmatch(t) or _AR_ADJUNCT.match(t) or len(words) == 5 \
                or len(words) >= 2 and t not in _NAME_JOINERS and words[-1].group(0) not in _NAME_JOINERS \
                and not (t.startswith("ال") and any(x.group(0) in _NAME_JOINERS for x in words)):
            break  # past a given name and a family name only "بن X", "آل X" go on, and a family name after them
        words.append(w)
    if not words:
        return None
    return ctx.reg.resolve(ctx.d(words[0].start(), words[-1].end()))




def _fuller(ctx: _Ctx, name: str | None, before: int) -> str | None:
    """A one-word Arabic speaker (a surname: ترامب، كلوب، الحريري) is the fullest earlier mention of it,
    "دونالد ترامب", when the article wrote the word after a given name that no rule registered
    ("الرئيس الأميركي السابق دونالد ترامب يطلق ..."): the word before it, when that word is no
    title, article noun, function word or speech verb. A description ("النجم السعودي", "البرنامج")
    is the name or the phrase it stood beside earlier (:func:`_described_earlier`)."""
    if not name or not dates_mod._AR_LETTERS.search(name):
        return name
    f = fold_str(name)
    if f.startswith("ال") and not (" " not in f and f.endswith("ي") and len(f) >= 5):
        full = _described_earlier(ctx, f, before)
        if full:
            return full
    if " " in name:
        return name
    if f.startswith("ال") and not (f.endswith("ي") and len(f) >= 5):  # الحريري، العثماني: a nisba
        return name  # "الشرطة", "الوزارة": an institution, not a surname
    F = ctx.F
    # the word written before it most often, one more for a title or an adjective of origin before that
    # word ("الإسرائيلي بنيامين نتنياهو", "الشيخ عادل الكلباني"): another word may be a verb or a noun
    # ("إردوغان يشبّه نتنياهو" is no "يشبّه نتنياهو", "منزل الكلباني" no person); the first, on a tie
    best: dict[str, list] = {}
    # (the surname's occurrences found as a string, then the word before each: a pattern that starts with a
    # word class is tried at every position of the text)
    i = F.find(f, 0, before)
    while i >= 0:
        j, i = i, F.find(f, i + 1, before)
        if j + len(f) > before or F[j + len(f):j + len(f) + 1].isalnum() or F[j + len(f):j + len(f) + 1] == "_":
            continue
        m = _GIVEN_BEFORE.search(F, max(0, j - 40), j)
        if not m:
            continue
        w = m.group(1)
        if not _given_name(w):
            continue
        p = _WORD_BEFORE.search(F, max(0, m.start(1) - 30), m.start(1))
        anchored = bool(p) and (p.group(1) in TITLE_WORDS or p.group(1) in NAME_TITLES
                                or p.group(1).startswith("ال") and _NISBA.fullmatch(p.group(1)) is not None)
        b = best.setdefault(w, [0, False, m.start(1), j + len(f)])
        b[0] += 1
        b[1] = b[1] or anchored
    if not best:
        return name
    _, _, a, e = max(best.values(), key=lambda b: (b[0] + b[1], -b[2]))
    return ctx.reg.add(ctx.d(a, e))


_WORD_BEFORE = lazy_regex(r"(?<!\S)(\S+)\s+$")
_GIVEN_BEFORE = lazy_regex(r"(?<![\w])([^\W\d_]{2,})\s+$")


def _given_name(w: str) -> bool:
    """Can ``w`` (folded) be a given name before a surname: no article, title, function word or speech verb?"""
    return not (w.startswith(("ال", "وال", "لل", "بال")) or w in TITLE_WORDS or not is_noun_phrase(w)
                or _AR_TRIGGER.fullmatch(w) or w[:1] in "وف" and _AR_TRIGGER.fullmatch(w[1:])
                or _NAME_STOP.search(w))


_NISBA = lazy_regex(r"\w{2,}(?:ي|يه|يون|يين|يا)$")  # an adjective of origin: مصرفية، إسرائيلية، السوداني


def _name_words_at(F: str, pos: int, lim: int, given: bool = False) -> int:
    """The end of a personal name starting at ``pos`` (1-3 words without ال, بن/أبو chains, and a family
    name with ال after them: "رابح صقر", "علي الصادق", "محمد بن عبدالرحمن المخرج"), or ``pos``.
    ``given``: the word at ``pos`` is a given name though it starts with و or ف (فايز، وليد), as it is after
    a courtesy title."""
    end, n, prev_t = pos, 0, ""
    for w in _WORD.finditer(F, pos, lim):
        t = w.group(0)
        stop = _NAME_STOP.search(t)
        if F[end:w.start()].strip() or stop and stop.start() == 0:
            break  # punctuation between or before the word: the name ended
        if stop:  # "رجب طيب إردوغان،", "علي الصادق،": the word before its comma ends the name (a third
            t = t[:stop.start()]  # word or a family name: not "الدراسة نحو عامين.")
            if _NAME_STOP.search(t) or n < 2 and not t.startswith("ال"):
                break
        bare = not t.startswith(("ال", "وال", "لل", "بال", "و", "ف", "ل", "ب")) or t in _NAME_JOINERS \
            or t.startswith(("عبد", "بن", "ابو")) or given and not n and len(t) >= 4 and t[0] in "وف" and not t.startswith(("وال", "فال")) \
            and not (t.startswith("و") and len(t) > 4)  # (وليد، وائل; not a noun after و: "وتطوير")
        if n and t.startswith("ال") and len(t) > 3 and (n < 4 and t not in TITLE_WORDS and not _AR_TRIGGER.fullmatch(t)):
            end, n = w.start() + len(t), n + 1  # the family name: "علي الصادق"
            if prev_t not in _NAME_JOINERS or stop:
                break  # (not after عبد/أبو/بن: "عبد الرحمن الحقباني", "محمد بن الحسن الكبيسي" go on)
            prev_t, n = t, n - 1  # (one name with its joiner: "عبد الرحمن بن عبيد اليوبي" is no longer)
            continue
        # (a noun with its case ending or a pronoun is no name: "نعشا مغطى", "جانبا", "رتبته"; after a given and
        # a family name and before a preposition, "نجاة اعتابو جوابا على سؤال"; not "أنخيل دي ماريا اليوم")
        if not bare or t in TITLE_WORDS or not is_noun_phrase(t) or _AR_TRIGGER.fullmatch(t) \
                or not n and t.endswith(("ا", "ته", "تها", "هم")) \
                or n >= 2 and t.endswith("ا") and _PREPOSITION_NEXT.match(F, w.end()) \
                or _AR_ADJUNCT.match(t) or n == 4 and prev_t not in _NAME_JOINERS or n == 6 or _CLAUSE_WORD.fullmatch(t):
            break
        end, n, prev_t = w.start() + len(t), n + 1, t
        if stop:
            break
    return end


def _described_earlier(ctx: _Ctx, f: str, before: int) -> str | None:
    """The fullest earlier form of a description the article used for a speaker:
    "النجم السعودي" after "النجم السعودي رابح صقر" is رابح صقر (the name written after it), and a bare
    noun with ال ("البرنامج", "الصحيفة") after "برنامج الغذاء العالمي", 'صحيفة "نيويورك تايمز"
    الأميركية' is that phrase (the noun without ال, then its ال-words, quoted name or adjective of
    origin): the latest such mention before ``before``."""
    F = ctx.F
    words = f.split()
    if len(words) > 3 or not all(w.startswith("ال") and len(w) > 3 for w in words) or _SAME_SOURCE_AR.match(f):
        return None
    lo = max(0, before - 4000)
    # 1. the description with a name right after it (a person's: not "المتظاهرون", whose words after
    # them are what they did, "حمل المتظاهرون نعشا")
    best = None
    # (and a description, not a name: its words after the first are adjectives, "النجم السعودي", not
    # "العقيد الهيضل")
    person = not words[0].endswith(("ون", "ين", "ات")) and all(_NISBA.fullmatch(w) for w in words[1:])
    for m in [] if not person else re.finditer(r"(?<!\w)[وفب]?" + re.escape(f) + r"(?:\s+ال\w{3,}يه?)?\s+", F[lo:before]):
        a = lo + m.end()
        e = _name_words_at(F, a, min(before, a + 60))
        if e > a and not (e - a < 4):
            best = (a, e)
    if best:
        name = ctx.d(*best)
        return ctx.reg.add(name, ctx.d(best[0] - (len(f) + 1), best[0]).strip())
    if len(words) != 1 or words[0] in TITLE_WORDS or words[0].removeprefix("ال") in BARE_TITLES:
        return None  # ("الرئيس" is no "رئيس الوزراء")
    # 2. a bare noun: its indefinite form and what qualifies it
    head = words[0][2:]
    for m in re.finditer(r"(?<![\w])[وفبل]?(" + re.escape(head) + r")\s+", F[lo:before]):
        a0, pos, n = lo + m.start(1), lo + m.end(), 0
        end = None
        while n < 4 and pos < before:
            qm = re.match(r'\s*(?:«[^»\n]{1,40}»|"[^"\n]{1,40}"|“[^”\n]{1,40}”)', F[pos:min(before, pos + 50)])
            if qm and not n:
                pos, end, n = pos + qm.end(), pos + qm.end(), n + 1
                continue
            wm = re.match(r"\s*(\S+)", F[pos:min(before, pos + 40)])
            if not wm:
                break
            t = wm.group(1)
            bare = t.rstrip("،,.:؛;")
            if not (bare.startswith("ال") and len(bare) > 3 or _NISBA.fullmatch(bare) and not bare.startswith(("و", "ف", "ل", "ب", "ي", "ت"))) \
                    or bare in TITLE_WORDS or _AR_TRIGGER.fullmatch(bare) or not is_noun_phrase(bare):
                break
            pos, end, n = pos + wm.start(1) + len(bare), pos + wm.start(1) + len(bare), n + 1
            if bare != t:
                break  # punctuation after the word ends the phrase
        if end:
            best = (a0, end)
    if best:
        return ctx.reg.add(ctx.d(*best))
    return None


def _strip_quotes_keep(s: str) -> str:
    return _ANY_QUOTE_MARK.sub("", s)


def _is_title(s: str) -> bool:
    w = s.split()
    if not w:
        return False
    first = _CONJUNCTION_BEFORE_AL.sub("", w[0])
    return first in TITLE_WORDS or w[0].lower() in EN_TITLE_WORDS


def _ends_in_titled_name(s: str) -> bool:
    """Does ``s`` end in a name after its courtesy title ("... الدكتور منصور اليامي", "الشيخ الدكتور صالح بن
    عبدالله بن حميد") or in a name with بن/آل ("... بمنطقة نجران صالح بن محمد آل مريح")?"""
    w = s.split()
    return len(w) <= 20 and (any(t in NAME_TITLES for t in w[-7:-1]) or any(t in _NAME_JOINERS for t in w[-4:-1])
                             # (or a title word and a two-word name after an ال word: "القيادي في التحالف
                             # الكردستاني وعضو لجنة ... في البرلمان العراقي السابق مهدي خوشناو")
                             or len(w) <= 16 and w[0] in TITLE_WORDS and w[-3].startswith("ال")
                             and all(_given_name(t) and not t[:1] in "وفلب" for t in w[-2:]))


def _name_at(ctx: _Ctx, a: int, b: int) -> bool:
    """:func:`_looks_like_name` for the folded text's ``a:b``, where a name may open with أل or إل, which
    fold to the article ال the original never writes with a hamza ("ألون بن دافيد", "إليزابيث بورن")."""
    F = ctx.F
    if _looks_like_name(F[a:b]):
        return True
    return F.startswith("ال", a) and ctx.d(a, b).lstrip().startswith(("أل", "إل")) and _looks_like_name(F[a + 2:b])


def _looks_like_name(s: str) -> bool:
    w = s.split()
    if not (1 <= len(w) <= 5) or any(map(str.isdigit, s)):  # map: the loop runs in C
        return False
    if _PARTICLE_OR_ARTICLE.match(w[0]) and not w[0].startswith("الل"):
        return False
    return True


_TITLE_FORMS = {p + w for w in TITLE_WORDS for p in ("", "و", "ف")}


_NAME_TITLE_WORD = LazyPattern(lambda: r"(?<!\w)[وف]?(?:" + alternation(NAME_TITLES) + r")(?=\s)")
_TITLE_RUN_STOP = lazy_regex(r"[،,.:؛;()\"«»“”\n]")


def _register_titled_names(ctx: _Ctx, s: int, e: int, found: list[re.Match]) -> None:
    """"المتحدث الرسمي باسم الوزارة السفير بدر عبدالعاطي", "ومدير الجامعتين المكلف الدكتور X بن Y" anywhere in
    a sentence, speech or not, introduce a name with its title: a later "وأكد المتحدث", "وأوضح مدير
    الجامعتين المكلف" is that person (a title word within eight words before the courtesy title, nothing
    but words between, and a name of two words or more after it)."""
    F = ctx.F
    for m in found:  # the article's courtesy titles in this sentence (found in one pass)
        ne = _name_words_at(F, m.end() + 1, e, given=True)
        w1 = _WORD.match(F, m.end() + 1)
        if ne <= m.end() + 1 and w1 and w1.group(0)[:1] in "بل" and len(w1.group(0)) >= 3 \
                and not w1.group(0).startswith(("بال", "لل")) and not _NAME_STOP.search(w1.group(0)):
            nx = _WORD.match(F, w1.end() + 1)  # "السفير بدر عبدالعاطي": a given name that opens as ب does
            if nx and _NISBA_FAMILY.fullmatch(nx.group(0)):
                ne = nx.end()  # ("بدر الفقي")
            elif nx:
                ne = max(ne, _name_words_at(F, nx.start(), e))
        ws = list(_WORD.finditer(F, max(s, m.start() - 120), m.start()))[-8:]
        # (after a definite word or a title, not in a genitive: "مدير جامعة الأمير سطام بن عبدالعزيز" names the
        # university)
        if _words(F[m.end():ne]) < 2 or not ws or not (ws[-1].group(0).startswith(("ال", "وال"))
                                                        or _CONJUNCTION_BEFORE_AL.sub("", ws[-1].group(0)) in TITLE_WORDS):
            continue
        start = None
        for w in reversed(ws):
            if _TITLE_RUN_STOP.search(w.group(0)) or _AR_TRIGGER.fullmatch(w.group(0)):
                break
            if _CONJUNCTION_BEFORE_AL.sub("", w.group(0)) in TITLE_WORDS or w.group(0)[1:] in TITLE_WORDS and w.group(0)[:1] in "وف":
                start = w.start() + (1 if w.group(0) not in TITLE_WORDS and w.group(0)[:1] in "وف" else 0)
        if start is not None and not _TITLE_RUN_STOP.search(F, start, m.start()):
            ctx.reg.add(ctx.d(m.end(), ne), ctx.d(start, m.end()))


def _register_appositions(ctx: _Ctx, s: int, e: int) -> None:
    """"الرئيس الفرنسي، إيمانويل ماكرون،" anywhere in a sentence introduces a name."""
    F = ctx.F
    sent = F[s:e]
    if ("،" not in sent and "," not in sent) or _TITLE_FORMS.isdisjoint(sent.split()):
        return  # no title word, no apposition: skip the chunking
    chunks = _chunks(F, s, e)
    for (a0, a1), (b0, b1) in zip(chunks, chunks[1:]):
        b = F[b0:b1]
        if not _name_at(ctx, b0, b1) or _words(b) > 4 or _is_title(b) or _QUOTE_MARK_IN_NAME.search(b) \
                or not is_noun_phrase(b) \
                or _adjunct_chunk(F, b0, b1):  # "، خلال اتصال هاتفي،", "، وفي حديثه إلى الميادين،": when, not who
            continue
        # title phrase at the end of chunk a: from a title word (within its last 7 words) on
        for m in _WORD.finditer(F[a0:a1]):
            w0 = _CONJUNCTION_BEFORE_AL.sub("", m.group(0))
            if w0 in TITLE_WORDS and _words(F[a0 + m.start():a1]) <= 7:
                ts = a0 + m.start() + (len(m.group(0)) - len(w0))
                ctx.reg.add(ctx.d(b0, b1), ctx.d(ts, a1))
                break


def _emit_quote(ctx: _Ctx, q: Quote, speaker, verb, intro_start, intro_end) -> None:
    q.used = True
    ctx.stmts.append(_Stmt(speaker, verb, True, q.istart, q.iend, intro_start, intro_end))


def _verb_lemma(v: str) -> str:
    return v


# "جاء ذلك في تصريح للمتحدث باسم الوزارة، X، مؤكداً أن ...": the frame names who made the statement,
# whose participles follow (the sentence has no speech verb of its own before them)
_CAME_IN = LazyPattern(lambda: fold_str(
    r"\s*[وف]?(?:جاء|جاءت)\s+(?:ذلك|هذا|ذلك\s+كله)\s+(?:في|خلال|عبر|ضمن)\s+"
    r"(?:تصريح|كلم|بيان|حديث|مقابل|لقاء|مؤتمر|اتصال|رسال|تغريد|منشور|خطاب|إحاط)\w*"
    r"(?:\s+(?:صحفي|هاتفي|متلفز|مصور)\w*)?(?:\s+(?:ألقاها|ألقاه|ألقته|أدلى\s+بها|أدلى\s+به|أدلت\s+به))?\s+"))


def _came_in_statement(ctx: _Ctx, ss: int, se: int) -> None:
    F, reg = ctx.F, ctx.reg
    m = _CAME_IN.match(F, ss, se)
    if not m:
        return
    t = _AR_TRIGGER.search(F, m.end(), se)
    chunks = _chunks(F, m.end(), t.start() if t else se)
    if not chunks:
        return
    a0, a1 = chunks[0]
    adj = _AR_ADJUNCT.search(F, a0 + 1, a1)  # "كلمة ألقاها الرئيس خلال المؤتمر": the speaker ends at the adjunct
    if adj:
        a1 = adj.start()
        while a1 > a0 and F[a1 - 1] == " ":
            a1 -= 1
    if a1 <= a0:
        return
    first = ctx.d(a0, a1)
    # the statement "of" its speaker: "للمتحدث" is "المتحدث", "لوزارة" is "وزارة"
    w0 = F[a0:a1].split(" ")[0]
    if w0.startswith("لل"):  # "للمتحدث" is "المتحدث"; "لليلى" is "ليلى"
        first = "ال" + first[2:] if "ال" + w0[2:] in TITLE_WORDS or _INSTITUTION.match("ال" + w0[2:]) else first[1:]
    elif F.startswith("ل", a0) and (_INSTITUTION.match(F, a0 + 1) or F[a0 + 1:a1].split(" ")[0] in TITLE_WORDS):
        first = first[1:]  # (not "ليلى", "لبنان")
    if len(chunks) >= 2 and _is_title(fold_str(first)) and _name_at(ctx, chunks[1][0], chunks[1][1]) \
            and _words(F[chunks[1][0]:chunks[1][1]]) <= 4:
        reg.last_speaker = reg.add(ctx.d(*chunks[1]), first)
    elif 1 <= _words(first) <= 8 and is_noun_phrase(first):
        reg.last_speaker = reg.resolve(first) or reg.last_speaker


# "وجاء في البيان أن ...", "وورد في التقرير أنّ ...": what a document says (not "جاء ذلك في تصريح لـ X", the
# frame above, nor "جاء في المرتبة الثانية": only with the clause's أنّ / إنّ / colon)
_CAME_IN_DOC = lazy_regex(fold_str(
    r"\s*[وف]?(?:جاء|جاءت|ورد|وردت)\s+في\s+(?P<s>(?!ذلك|هذا|المرتب|المركز|وصف)[^،,:.؟!\n]{2,60}?)\s*[،,]?\s*"
    r"(?:(?<!\w)ب?ان(?:ه|ها|هم)?(?!\w)|:)"))


def _came_in_document(ctx: _Ctx, ss: int, se: int) -> None:
    F = ctx.F
    m = _CAME_IN_DOC.match(F, ss, se)
    if not m:
        return
    cstart = m.end()
    while cstart < se and F[cstart] == " ":
        cstart += 1
    cend = _clause_end(F, cstart, se)
    if _words(F[cstart:cend]) < 3 or ctx.overlaps_stmt(cstart, cend):
        return
    s0, s1 = m.span("s")
    sp = ctx.reg.resolve(ctx.d(s0, s1))
    if _clause_said(ctx, F, sp, ctx.d(m.start() + len(m.group(0)) - len(m.group(0).lstrip()), s0).strip(),
                    cstart, cend, m.start(), cstart, min_words=3):
        ctx.reg.last_speaker = sp or ctx.reg.last_speaker


_SAY_ADD_PRESENT = {fold_str(w) for w in "يقول تقول يضيف تضيف".split()}
_ASIDE = lazy_regex(r"\s+(?P<s>[^،,.:؛;«»\"“”\n]{2,50}?)\s*[،,]\s*")


def _quote_just_before(ctx: _Ctx, ss: int, vstart: int) -> Quote | None:
    """An unread quote of three words or more that ends just before the verb (after a comma at most)."""
    for q in ctx.quotes_between(ss, vstart):
        if q.end <= vstart and not q.used and not q.is_name and q.words(ctx.F) >= 3 \
                and ctx.F[q.end:vstart].strip() in ("", "،", ","):
            return q
    return None


def _relative_runs_to_clause(F: str, vend: int, se: int) -> bool:
    """"نقل عن" in a relative clause that runs on, with no comma, to its own أنّ ("صحيفة X، التي نقلت عن
    مسؤولين تأكيدهم أنّ ...") reports what its source said: the source after عن is the speaker, whoever
    the relative clause is about (unlike "ويجاند، الذي أكد الأرقام، إن", where the relative clause
    closes before the main clause's إن)."""
    comp = _AR_COMP_STRICT.search(F, vend, min(se, vend + 120))
    return comp is not None and _AN.match(F, vend + 1) is not None \
        and not _COMMA_OR_COLON.search(F, vend, comp.start()) and _words(F[vend:comp.start()]) <= 10


def _arabic_sentence(ctx: _Ctx, ss: int, se: int) -> None:
    F, reg = ctx.F, ctx.reg
    _came_in_statement(ctx, ss, se)
    _came_in_document(ctx, ss, se)
    # (a verb in a relative clause is not the speech act: "ويجاند، الذي أكد الأرقام، إن")
    # ("تابع"/"بين" without و are an adjective and a preposition: no verb, and no end of the clause before)
    # (nor is a present tense after أن/لن/سوف: "من المنتظر أن يعلن الاتحاديون" has not said anything yet)
    triggers = [m for m in _sentence_triggers(F, ss, se) if not _inside_quote(ctx, m.start())
                # ("يوئيل نافيه", "مضيفه روما": a participle is written with ة, a word with ه is a name or a noun)
                and not (m.group("p") and m.group("p").endswith("ه") and ctx.d(m.start("p"), m.end("p")).endswith("ه"))
                and not (_AR_RELATIVE_BEFORE.search(F, max(ss, m.start() - 8), m.start())
                         and not (m.group("v") in _NAQAL and _relative_runs_to_clause(F, m.end(), se)))
                and not _AR_NOT_YET_BEFORE.search(F, max(ss, m.start() - 8), m.start())
                # ("أن يسمع ما يقولون، ... سيعرف أن": what they say is a noun phrase, no speech act)
                and not (m.group("v") in _SAY_PRESENT and _WHAT_BEFORE.search(F, max(ss, m.start() - 6), m.start()))
                # "…، حسبما قالت الوزارة في بيان": the verb of a tail attribution names who said the clause
                # before it (read by _attribution_tail); what follows it is the speaker, not what was said
                and not (_TAIL_MA_BEFORE.search(F, max(ss, m.start() - 16), m.start())
                         and not _AR_COMP_STRICT.search(F, m.end(), se))
                and not (m.group("v") in _SHOWED and not _SHOWED_THAT.match(F, m.end(), se))
                # "بينه وبين الإدارة": the second بين of "between ... and ..." is no verb
                and not (m.group("v") == "بين" and _BAYN_BEFORE.search(F, max(ss, m.start() - 40), m.start()))
                # "قدم أداءً لافتاً في …", "وبدا لافتاً أن …", "معلومات مؤكدة": an adjective, no speech act
                and not (m.group("p") in _ADJECTIVE_PARTICIPLES
                         and _ADJECTIVE_SLOT.search(F, max(ss, m.start() - 30), m.start()))]
    if _AR_PRESENT.intersection(m.group("v") for m in triggers):
        triggers = [m for i, m in enumerate(triggers) if m.group("v") not in _AR_PRESENT
                    or (i == 0 and not _COMMA_OR_COLON.search(F, _fronted_adjunct_end(F, ss, m.start()), m.start()))
                    or _coordinated_subject(F, ss, m.start())
                    or m.group("pre") == "و" and _standfirst_subject_end(F, ss, m.start()) > 0]
    for i, m in enumerate(triggers):
        if ctx.overlaps_stmt(m.start(), m.end()):
            continue  # a verb inside a reported clause: "إن الموفد الأميركي أكد تمسك ..." is reported whole
        nxt = triggers[i + 1].start() if i + 1 < len(triggers) else se
        vend = m.end()
        participle = m.group("p") is not None
        vf = m.group("p") or m.group("v")
        verb = ctx.d(*(m.span("p") if participle else m.span("v")))
        lim = min(nxt, se)
        region_end = min(max(_clause_end(F, vend, se), vend), se)
        if vf in _EXPRESS and (an := _AN.search(F, vend, lim)) and not _AR_COMP_STRICT.search(F, vend, an.start()) \
                and not ctx.quotes_between(vend, lim):  # (a quote after it is someone's words: "سألت الله أن «…»")
            # "أعرب عن شكره", "معرباً عن ثقته بقدرة ...": a feeling expressed, no statement; but who expressed
            # it speaks on ("أعرب اللاعب X عن سعادته ...، واصفاً الأجواء بأنها ...")
            if not participle and an.start() > vend + 1:
                reg.last_speaker = _ar_speaker(ctx, vend, an.start(), ss, m.start()) or reg.last_speaker
            continue
        if vf in _DESCRIBE and _described_as(ctx, m, vf, participle, verb, lim, ss, se):
            continue
        comp = (_AR_COMP if participle or vf in _TO_VERBS else _AR_COMP_STRICT).search(F, vend, lim)
        if vf in _STRESS and (ala := _ALA_OBJECT.search(F, vend, lim)) and (comp is None or ala.start() < comp.start()):
            # "وأكدت رئيسة الجمعية، X، على أهمية التطعيم": what was stressed, as after شدد على
            comp = ala
        colon = F.find(":", vend, lim)
        first_q = None
        for q in ctx.quotes_between(vend, lim):
            if q.is_name or q.used:
                continue
            if comp and q.start < comp.start() and not (0 <= colon < q.start) and q.words(F) <= 4:
                q.is_name = True  # a quoted name in the subject: وأعلن "التحالف الدولي" أن
                continue
            if not (0 <= colon < q.start) and q.words(F) <= 3 and not F[vend:q.start].strip() \
                    and (F.startswith(("،", ","), q.end) or _AR_ADJUNCT.match(F, q.end + 1)):
                # 'قالت "رويترز"، إن …', 'حسبما أفادت "بلومبرغ" في وقت سابق': a quoted name in the
                # subject's slot, then a comma or an adjunct, is who spoke, not the words said
                q.is_name = True
                continue
            if not comp and not (0 <= colon < q.start) and q.words(F) <= 2 and (
                    _words(F[vend:q.start]) > 4 or _TO_QUOTED.search(F, max(vend, q.start - 3), q.start)):
                # "نفى تسلم وزارته لأي إخطار ... وتمدد «داعش» في البلاد": a quoted word deep in the object
                # is a name in it, not the words said; so is the outlet told ("وأكد مصدر لـ«الوطن» سيطرة ...")
                q.is_name = True
                continue
            first_q = q
            break
        colon_alone = colon if first_q is None and (not comp or colon < comp.start()) else -1
        if first_q is None or first_q.start > colon:
            colon = colon if first_q is not None else -1
        if participle:
            speaker = _sentence_subject(ctx, ss, m, i) or reg.last_speaker
        else:
            seg_end = min(x for x in (comp.start() if comp else lim, first_q.start if first_q else lim,
                                      colon if colon >= 0 else lim))
            seg_start = vend
            if vf in _NAQAL:  # "ونقل المراسل عن مصادر طبية أن": the source speaks
                an = _AN.search(F, vend, seg_end)
                if an:
                    seg_start = an.end()
            elif vf in _TELL:  # "مصادر ميدانية أبلغت «الشرق الأوسط» أن": whom it told, the subject came first
                told = ctx.quotes_between(vend, vend + 3)
                if told and told[0].is_name:
                    seg_start = told[0].end
            elif vf in _WARN and (mn := _MIN_BEFORE_COMP.search(F, vend, seg_end) or _MIN.search(F, vend, seg_end)):
                # "وحذر رئيس النقابة من أن", "حذر مصدر مقرب من رئيس الحكومة من أن": what it warned of (after
                # the من just before أن, else the first) is no part of who warned
                seg_end = mn.start()
            speaker = None
            if vf in _WARN and not m.group("pre") and (pc := list(_PRE_COMP.finditer(F, ss, m.start()))) \
                    and _words(F[pc[-1].end():m.start()]) <= 8:  # ("وحذر الوزير من": the subject follows the verb)
                # "يُذكر أنّ الرئيس الروسي، فلاديمير بوتين، حذّر مقاتلي «فاغنر» من …": with a subject before
                # the verb, the words after it are whom it warned; the warner speaks on, said or not
                speaker = _ar_speaker(ctx, vend, vend, ss, m.start())
                reg.last_speaker = speaker or reg.last_speaker
                if not (comp or first_q):
                    speaker = None
            if speaker is None:
                speaker = _ar_speaker(ctx, seg_start, seg_end, ss, m.start()) if (comp or first_q) else None
            if speaker is None and m.group("pre") == "و":
                speaker = _sentence_subject(ctx, ss, m, i)
            if speaker is None and not m.group("pre") and _coordinated_subject(F, ss, m.start()):
                # "…، وحزب «X» يقول إن …": the clause's own subject, before its verb
                cs = _COORDINATED_SUBJECT.search(F, max(ss, m.start() - 80), m.start())
                speaker = ctx.reg.resolve(ctx.d(*cs.span("s")))
            if speaker is None:
                speaker = reg.last_speaker
        # "أكد مسؤول أنّ "إسرائيل" ليست قريبة من تحقيق هدفها": a quoted word or two that only opens the
        # reported clause is its subject, a name; the clause after it is the statement (read below)
        opens_clause = bool(comp and first_q and comp.end() <= first_q.start <= comp.end() + 2
                            and first_q.words(F) <= 2
                            and _words(F[first_q.end:_clause_end(F, first_q.end, se)]) >= 3)
        if first_q and not opens_clause and (not comp or first_q.start < comp.start()
                                             or first_q.start <= comp.end() + 2):
            # direct quote(s) right after the verb (possibly after the subject and a colon)
            _emit_quote(ctx, first_q, speaker, verb, m.start(), comp.start() if comp and comp.start() < first_q.start else first_q.start)
            tail_end = _clause_end(F, first_q.end, se) if first_q.end < se else first_q.end
            for q in _quotes_in(ctx, first_q.end, tail_end):
                if not q.used and not q.is_name:
                    _emit_quote(ctx, q, speaker, verb, m.start(), first_q.start)
            reg.last_speaker = speaker or reg.last_speaker
            continue
        paren = F.find("(", vend, lim) if not comp and first_q is None and colon_alone < 0 else -1
        if paren >= 0 and _words(F[vend:paren]) <= 8:
            # "وقال أحد المشجعين (المدرب أخطأ ... المباراة).": words in parentheses after the verb and its
            # subject, closing the sentence, are the speaker's own (not an aside: "(الثلاثاء)", "(واس)")
            close = F.find(")", paren, se + 1)
            if close > 0 and _words(F[paren + 1:close]) >= 4 and not F[close + 1:se].strip(" .،,؛;!؟") \
                    and not ctx.overlaps_stmt(paren + 1, close):
                sp = (speaker if participle else _ar_speaker(ctx, vend, paren, ss, m.start())) or reg.last_speaker
                ctx.stmts.append(_Stmt(sp, verb, True, paren + 1, close, m.start(), paren))
                reg.last_speaker = sp or reg.last_speaker
                continue
        if not comp and first_q is None and colon_alone < 0 and not participle \
                and (before := _quote_just_before(ctx, ss, m.start())) is not None:
            # "«احتجت عامين لإنهاء الرواية»، يقول الكاتب X.": a quote, then the verb and its speaker, closing the
            # sentence (the Arabic '"...," X said')
            sp_end = _clause_end(F, vend, se)
            sp = _ar_speaker(ctx, vend, sp_end, ss, m.start()) if 1 <= _words(F[vend:sp_end]) <= 10 else None
            if sp:
                _emit_quote(ctx, before, sp, verb, m.start(), sp_end)
                reg.last_speaker = sp
                continue
        if not comp and first_q is None and colon_alone < 0 and vf in _SAY_ADD_PRESENT and not m.group("pre") \
                and (aside := _ASIDE.match(F, vend, se)) and not ctx.overlaps_stmt(ss, m.start()):
            # "المدرسة تغيرت كثيراً، يقول مدير التعليم، بعد افتتاح ...", "أما نسبة X، يقول المصدر،
            # فتبلغ 13 في المائة": the speaker set between commas inside what it said (with the
            # clause after it when that goes on with ف: the whole sentence is the statement)
            c0 = m.start()
            while c0 > ss and F[c0 - 1] in " ،,":
                c0 -= 1
            if c0 < m.start() and F[c0:m.start()].strip() in ("،", ",") and _words(F[ss:c0]) >= 5 \
                    and not _AR_TRIGGER.search(F, ss, c0):
                who = ctx.d(*aside.span("s"))
                sp = reg.resolve(who) if _words(who) <= 6 and is_noun_phrase(fold_str(who)) else None
                if sp:
                    rest = aside.end()
                    cend = _clause_end(F, rest, se) if F.startswith("ف", rest) else c0
                    ctx.stmts.append(_Stmt(sp, verb, False, ss, cend, m.start(), aside.end("s")))
                    reg.last_speaker = sp
                    continue
        if colon_alone >= 0 and _words(F[vend:colon_alone]) <= 8:
            # "وقالت: خاطبنا إدارة المهرجان ..." : a colon after the verb (and its subject) opens the
            # speaker's own words, without quote marks
            if not participle:  # (no subject of its own: the one computed above, the sentence's or the last)
                speaker = _ar_speaker(ctx, vend, colon_alone, ss, m.start()) or speaker
            cstart = colon_alone + 1
            while cstart < se and F[cstart] == " ":
                cstart += 1
            cend = _clause_end(F, cstart, se)
            if _words(F[cstart:cend]) >= 2 and not ctx.overlaps_stmt(cstart, cend):
                ctx.stmts.append(_Stmt(speaker, verb, True, cstart, cend, m.start(), colon_alone))
                reg.last_speaker = speaker or reg.last_speaker
            continue
        if comp:
            cstart = comp.end()
            while cstart < se and F[cstart] == " ":
                cstart += 1
            cend = _clause_end(F, cstart, se)
            if nxt < cend and _new_speech_act(F, triggers[i + 1]):
                # (up to the next verb, not into its و when its own words follow it, after a colon or a
                # quote mark: "... مع الفجر ويضيف: «...»" is the next act's)
                own = triggers[i + 1].group("pre") and _WORDS_FOLLOW.match(F, triggers[i + 1].end())
                cend = _clause_end(F, cstart, nxt + (0 if own else 1)) if nxt > cstart else cend
            elif nxt < cend and nxt > cstart and _coordinated_subject(F, ss, nxt):
                # "…، وحزب «X» يقول إن …": a clause of its own, its named subject first, ends this one
                cend = _clause_end(F, cstart, _COORDINATED_SUBJECT.search(F, max(ss, nxt - 80), nxt).start() + 1)
            if cend <= cstart:
                continue
            _clause_said(ctx, F, speaker, verb, cstart, cend, m.start(), comp.start(), min_words=2)
            reg.last_speaker = speaker or reg.last_speaker
            continue
        if participle and vf in _ANNOUNCE_PARTICIPLES and (obj := _PARTICIPLE_MASDAR.match(F, vend, lim)) \
                and not ctx.quotes_between(vend, obj.end()):
            # "، مؤكدةً عدم وقوع أي وفيات", "، نافياً وجود فتور": the proposition its masdar states (not the
            # speaker's own attitude, whose pronoun it carries: "مؤكداً حرصه على", "مؤكدة دعمها")
            cstart = obj.start(1)
            cend = _clause_end(F, cstart, se)
            if _words(F[cstart:cend]) >= 2:
                speaker = _sentence_subject(ctx, ss, m, i) or reg.last_speaker
                ctx.stmts.append(_Stmt(speaker, verb, False, cstart, cend, m.start(), cstart))
                continue
        # أعلن + masdar: "أعلنت وزارة الداخلية السورية تفكيك خلية ..." /
        # "أعلن المتحدث باسم الوزارة، حسام عبد الغفار، ارتفاع عدد ..."
        if vf in _ANNOUNCE and not participle:
            speaker, cstart = None, None
            chunks = _chunks(F, vend, region_end)
            an = _AN.search(F, vend, region_end) if vf in _ANNOUNCE_AN else None
            resp = _RESPONSIBILITY.search(F, vend, an.end()) if an else None
            # (a present tense whose subject came first has its object before عن: "والد اللاعب يكشف تفاصيل
            # مثيرة عن ..."; "كشف النقاب عن" is "unveiled", no subject)
            obj = resp.start() if resp else an.end() if (
                an and _words(F[vend:an.start()]) <= 10 and not _AR_COMP_STRICT.search(F, vend, an.start())
                and _words(F[an.end():region_end]) >= 2
                and (vf not in _AR_PRESENT or an.start() <= vend + 1)) else None
            if obj is not None and not resp and _UNVEILED.match(F, vend, an.start()):
                obj = None
            if obj is not None:
                # "أعلنت جماعة X مسؤوليتها عن الهجوم": the claim of responsibility is the statement;
                # "أعلن نادي يوفنتوس أمس عن منح ...", "وكشف عن خطة ...": what is announced follows عن
                seg_e = resp.start() if resp else an.start()
                speaker = (_ar_speaker(ctx, vend, seg_e, ss, m.start()) if seg_e > vend + 1 else
                           _ar_subject_before(ctx, ss, m, vf)) or reg.last_speaker
                rest = [(obj, region_end)]
            elif len(chunks) >= 3 and _is_title(F[chunks[0][0]:chunks[0][1]]) and _name_at(ctx, chunks[1][0], chunks[1][1]) \
                    and not _AR_ADJUNCT.match(F, chunks[1][0]):  # "خلال اتصال هاتفي" is no name
                speaker = reg.add(ctx.d(*chunks[1]), ctx.d(*chunks[0]))
                rest = chunks[2:]
            elif (k := _name_after_appositions(F, chunks)):
                # "أعلن الناطق باسم كتائب X، الجناح العسكري لحركة Y، أبو عبيدة، مبايعة …": the title, what it
                # is the title of, then the name; the object after it
                speaker = reg.add(ctx.d(*chunks[k]), ctx.d(*chunks[0]))
                rest = chunks[k + 1:]
            elif (k := _adjunct_after_subject(F, chunks)):
                # "أعلن الهلال الأحمر المصري، الأحد، إرسال قافلة": subject, adjunct, then the object;
                # "أعلنت كتائب X، الجناح العسكري للحركة، اليوم، تدمير ...": appositions before the adjunct
                s0, s1 = chunks[0][0], _addressee_cut(F, *chunks[0])
                if k >= 2 and _is_title(F[s0:s1]) and _name_at(ctx, chunks[1][0], chunks[1][1]):
                    speaker = reg.add(ctx.d(*chunks[1]), ctx.d(s0, s1))
                else:
                    speaker = reg.resolve(ctx.d(s0, s1))
                rest = chunks[k:]
            elif (k := _apposition_before_object(F, chunks)):
                # "أعلنت كتائب X، الجناح العسكري لحركة Y، استهداف دبابة ...": the subject, what it is, then
                # the object (no adjunct between them to tell where the object starts)
                speaker = reg.resolve(ctx.d(chunks[0][0], _addressee_cut(F, *chunks[0])))
                rest = chunks[k:]
            else:
                np_m = _INSTITUTION.match(F, vend)
                if np_m and np_m.end() < region_end:
                    speaker = reg.resolve(ctx.d(np_m.start() + len(np_m.group(0)) - len(np_m.group(0).lstrip()), np_m.end()))
                    rest = [(np_m.end(), region_end)]
                    if F[np_m.end():np_m.end() + 2].strip().startswith(("،", ",")):
                        rest = _chunks(F, np_m.end(), region_end)
                else:
                    speaker = _ar_subject_before(ctx, ss, m, vf)
                    rest = [(vend, region_end)]
                    told = _TOLD_OUTLET.search(F, vend, region_end)
                    if speaker is None and told and 1 <= _words(F[vend:told.start()]) <= 8 \
                            and is_noun_phrase(F[vend:told.start()]) and _words(F[told.end():region_end]) >= 2:
                        # "وأكد مصدر قبلي لـ«الشرق الأوسط» سيطرة القوات ...": who, to whom, then the object
                        speaker = _fuller(ctx, reg.resolve(ctx.d(vend, told.start())), ss)
                        rest = [(told.end(), region_end)]
                    if speaker is None and vf in _AR_PRESENT and m.group("pre") == "و":
                        # "X يبحث مع نظيره ...، ويؤكد سيادة القانون": the standfirst's subject
                        speaker = _ar_speaker(ctx, vend, vend, ss, m.start())
                    if speaker is None:
                        # "وأكد المفوض استشهاد 57 ...": a subject the article named before, then the object
                        ws = list(_WORD.finditer(F, vend, min(region_end, vend + 80)))
                        for k in range(min(3, len(ws) - 2), 0, -1):
                            if _NAME_STOP.search(F, vend, ws[k - 1].end()):
                                continue
                            who = reg.known(ctx.d(ws[0].start(), ws[k - 1].end()))
                            if who:
                                speaker, rest = who, [(ws[k].start(), region_end)]
                                break
                    if speaker is None and m.group("pre") and (mz := _MASDAR_OBJECT.match(F, vend, region_end)):
                        # "وأعلنت تدمير آليتين ...": no subject of its own, a masdar at once: the verb goes on with
                        # the speaker before it; "أما كتائب X، فأعلنت قصف ...": with the subject أما set before it
                        amma = _AMMA_SUBJECT.fullmatch(F, ss, m.start()) if m.group("pre") == "ف" else None
                        who = reg.resolve(ctx.d(*amma.span(1))) if amma else reg.last_speaker
                        if who:
                            speaker, rest = who, [(mz.start(1), region_end)]
            if speaker:
                # skip adjunct chunks between subject and object ("، الثلاثاء،")
                while len(rest) > 1 and _AR_ADJUNCT.match(F, rest[0][0]):
                    rest = rest[1:]
                cstart = rest[0][0] if rest else None
                while cstart is not None and cstart < se and F[cstart] == " ":
                    cstart += 1
                if cstart is not None:
                    cend = _clause_end(F, cstart, se)
                    if _words(F[cstart:cend]) >= 2:
                        ctx.stmts.append(_Stmt(speaker, verb, False, cstart, cend, m.start(), cstart))
                        reg.last_speaker = speaker
                        continue
        if not participle and (vf in _TALK or vf in _REPORT_BI or vf in _ADMIT):
            # "وتحدث عن عدم توافق دولي حول ...", "أفاد مراسل الميادين،باستهداف موقع ...": what one talked
            # about, or reported, is the statement; so is what one admitted, a masdar after its ب
            # ("واعترفت وسائل إعلام إسرائيلية بمقتل ضابط", not "اعترفت الدولة بفلسطين")
            an = (_AN if vf in _TALK else _BI).search(F, vend, region_end)
            if an and vf in _ADMIT and not _MASDAR_OBJECT.match(F, an.end(), region_end):
                an = None
            if an and _words(F[an.end():region_end]) >= 3:
                sp = (_ar_speaker(ctx, vend, an.start(), ss, m.start()) if an.start() > vend + 1 else None) \
                    or reg.last_speaker
                # (after عن and its space; after an attached ب at once: "باستهداف" is "استهداف", not "ستهداف")
                cstart = an.end() + (1 if vf in _TALK else 0)
                ctx.stmts.append(_Stmt(sp, verb, False, cstart, region_end, m.start(), an.end()))
                reg.last_speaker = sp or reg.last_speaker
                continue
        if not participle and vf in _TALK:
            # talking with no object read ("وتحدثت وسائل إعلام إسرائيليةعما ...", the words run together)
            # still changes who is speaking: the participle after it ("، مشيرةً إلى") is its subject's
            # (only for تحدث: after أكد/أعلن the words may be the object, "أكد تمسك واشنطن ...")
            subj = _ar_speaker(ctx, vend, region_end, ss, m.start())
            if subj:
                reg.last_speaker = subj
        elif not participle and i + 1 < len(triggers):
            # "حذر استشاري الأمراض المعدية الدكتور X من صرف ...، مؤكداً أن", "ونفت وزيرة الخارجية X أي علاقة
            # ...، وقالت:": the verb said nothing read here, but its subject speaks on in the verb after it
            mn = _MIN.search(F, vend, region_end) if vf in _WARN else None
            subj = _person_after_verb(ctx, m, nxt) or (
                _ar_speaker(ctx, vend, mn.start(), ss, m.start()) if mn and mn.start() > vend + 1 else None)
            if subj:
                reg.last_speaker = subj


_EXPRESS = {fold_str(w) for w in "أعرب أعربت أعربوا معربًا معربة معربين".split()}
_DESCRIBE = {fold_str(w) for w in "وصف وصفت وصفوا واصفًا واصفة واصفين".split()}
_BI_ANNA = lazy_regex(fold_str(r"(?<!\w)بان(?:ه|ها|هم|هما)?(?!\w)"))
_PREP_JUST_BEFORE = lazy_regex(fold_str(r"(?<!\w)(?:في|من|عن|على|إلى|الى|ب|ل|هذا|هذه|ذلك|تلك|حسب|بحسب|وفق|خلال)\s*$"))


def _described_as(ctx: _Ctx, m: re.Match, vf: str, participle: bool, verb: str, lim: int, ss: int, se: int) -> bool:
    """"ووصف الوزير، X، الاتفاق بأنه خطوة تاريخية", "واصفاً العلاقات بأنها ...": what is described, and
    how, is the statement (its object, before بأن, is part of it); the noun ("في وصف الحادث") is none.
    False when the verb is left to the general reading: a participle without بأن ("واصفاً الأوضاع
    بـ«المأساوية…»"); the finite verb is a speech verb only so."""
    F, reg = ctx.F, ctx.reg
    vend = m.end()
    if not participle and _PREP_JUST_BEFORE.search(F, max(ss, m.start() - 6), m.start()):
        return True
    bi = _BI_ANNA.search(F, vend, lim)
    if not bi:
        return not participle
    chunks = _chunks(F, vend, bi.start())
    if not chunks:
        return not participle
    speaker = reg.last_speaker
    obj = chunks[0][0]
    if not participle and len(chunks) >= 2:
        k = next((i for i in range(1, len(chunks)) if _AR_ADJUNCT.match(F, chunks[i][0])), None)
        subj = chunks[:k] if k else chunks[:-1]
        objs = [c for c in chunks[k or len(chunks) - 1:] if not _AR_ADJUNCT.match(F, c[0])]
        if not objs:
            return True
        obj = objs[0][0]
        s0, s1 = subj[0][0], _addressee_cut(F, *subj[0])
        if len(subj) >= 2 and _is_title(F[s0:s1]) and _name_at(ctx, subj[1][0], subj[1][1]):
            speaker = reg.add(ctx.d(*subj[1]), ctx.d(s0, s1))
        elif _words(F[s0:s1]) <= 6 and is_noun_phrase(F[s0:s1]):
            speaker = reg.resolve(ctx.d(s0, s1))
        else:
            return True
    elif not participle and (_is_title(F[chunks[0][0]:chunks[0][1]]) or not F.startswith("ال", chunks[0][0])):
        # "ووصف الوزير الاتفاق بأنه ...", "ووصف ترامب الاتفاق بأنه ...": subject and object run together, no
        # telling them apart (an object alone is a definite noun: "كما وصف المحادثات بأنها ...")
        return True
    cend = _clause_end(F, bi.end(), se)
    if _words(F[bi.end():cend]) < 1 or ctx.overlaps_stmt(obj, cend):
        return True
    ctx.stmts.append(_Stmt(speaker, verb, False, obj, cend, m.start(), obj))
    reg.last_speaker = speaker or reg.last_speaker
    return True


def _addressee_cut(F: str, a: int, b: int) -> int:
    """The end of a subject before whom it spoke to: "أمير عبد اللهيان لوزير الخارجية الروسي" ends
    before "لوزير" (a title after an attached لـ)."""
    for w in _WORD.finditer(F, a, b):
        t = w.group(0)
        if w.start() > a and t[:1] == "ل" and ((t[1:] in TITLE_WORDS) or t.startswith("لل") and "ال" + t[2:] in TITLE_WORDS
                                              or t[1:].startswith("نظير")):
            e = w.start()
            while e > a and F[e - 1] == " ":
                e -= 1
            return e
    return b


def _name_after_appositions(F: str, chunks: list[tuple[int, int]]) -> int:
    """The index of the name in "title، apposition (ال…)، name، object", or 0."""
    if len(chunks) < 4 or not _is_title(F[chunks[0][0]:chunks[0][1]]):
        return 0
    for k in range(1, min(len(chunks) - 2, 3)):  # (an object after the name)
        piece = F[chunks[k][0]:chunks[k][1]]
        if not piece.startswith("ال") or _AR_ADJUNCT.match(F, chunks[k][0]) or _words(piece) > 8 \
                or _AR_COMP_STRICT.search(F, *chunks[k]) or _AR_TRIGGER.search(F, *chunks[k]):
            return 0
        name = F[chunks[k + 1][0]:chunks[k + 1][1]]
        if _looks_like_name(name) and _words(name) <= 4 and not _is_title(name) \
                and not _AR_ADJUNCT.match(F, chunks[k + 1][0]) and not _QUOTE_MARK_IN_NAME.search(name):
            return k + 1
    return 0


def _adjunct_after_subject(F: str, chunks: list[tuple[int, int]]) -> int:
    """Where the object of "أعلن/أكد + subject، [appositions،] adjunct، object" starts: the index of the
    first adjunct chunk, after a subject of at most five words (up to whom it spoke to) and at most two
    short appositions, with an object after it; 0 when the chunks are not so."""
    if len(chunks) < 3:
        return 0
    s0, s1 = chunks[0][0], _addressee_cut(F, *chunks[0])
    if _words(F[s0:s1]) > 5 or _AR_COMP_STRICT.search(F, s0, s1):
        return 0
    for k in range(1, min(len(chunks) - 1, 4)):
        if _AR_ADJUNCT.match(F, chunks[k][0]):
            return k
        if _words(F[chunks[k][0]:chunks[k][1]]) > 6 or _AR_COMP_STRICT.search(F, *chunks[k]) \
                or _AR_TRIGGER.search(F, *chunks[k]):
            return 0
    return 0


def _apposition_before_object(F: str, chunks: list[tuple[int, int]]) -> int:
    """Where the object of "أعلن + subject، apposition (ال…)، object" starts: the index of the chunk
    after one or two definite appositions ("الجناح العسكري لحركة حماس") of a subject of at most five
    words, when that chunk opens with an indefinite word (a masdar in construct: "استهداف دبابة",
    "قصف تجمع") and has two words or more; 0 when the chunks are not so."""
    if len(chunks) < 3:
        return 0
    s0, s1 = chunks[0][0], _addressee_cut(F, *chunks[0])
    if not 1 <= _words(F[s0:s1]) <= 5 or _AR_COMP_STRICT.search(F, s0, s1) or _AR_ADJUNCT.search(F, s0, s1):
        return 0
    for k in range(1, min(len(chunks) - 1, 3)):
        a, b = chunks[k]
        if not F.startswith("ال", a) or _AR_ADJUNCT.match(F, a) or _words(F[a:b]) > 8 \
                or _AR_COMP_STRICT.search(F, a, b) or _AR_TRIGGER.search(F, a, b):
            return 0
        oa, ob = chunks[k + 1]
        if not F.startswith(("ال", "وال"), oa) and _words(F[oa:ob]) >= 2 and not _AR_ADJUNCT.match(F, oa) \
                and not _AR_TRIGGER.match(F, oa):
            return k + 1
    return 0


def _ar_subject_before(ctx: _Ctx, ss: int, m: re.Match, vf: str) -> str | None:
    """"تركيا تعلن استئناف المحادثات", "المبعوث الأميركي ... أكد تمسك واشنطن ...": the subject before
    the verb (the headline's order)."""
    F = ctx.F
    if F[m.start()] in "وف":
        return None
    pre = _chunks(F, ss, m.start())
    # (a sentence opening with و/ف and a verb's prefix opens with its verb: "واستمع المحافظ إلى تقرير يوضح
    # ...", not "وزارة الصحة تعلن ...")
    # (present tenses of what only a speaker does: "روائح كريهة تكشف جثة" is no speech act)
    if not pre or F[pre[-1][1]:m.start()].strip(" -–\"»”") or vf in _AR_PRESENT_NOT_SPEECH or not (
            len(pre) == 1 and not _VERB_AFTER_WA.match(F, pre[0][0]) or len(pre) > 1 and vf in _AR_PRESENT):
        return None
    a0, a1 = pre[-1]
    # (after a clause and its comma, و is the conjunction: "...، وجماعة X تعلن"; after a fronted time phrase
    # it is the subject's first letter, "في خطوة مفاجئة، وزارة الصحة تعلن", unless ال follows it)
    fronted = _fronted_adjunct_end(F, ss, m.start())
    if F[a0] == "و" and len(pre) > 1 and (fronted == ss or F[a0 + 1:a0 + 3] == "ال"
                                          or F[fronted:a0].strip()):
        a0 += 1
    # "وكانت حركة X قد أعلنت": the auxiliary and its قد are no part of the subject
    aux = _KANA_LEAD.match(F, a0, a1) or _BUT_LEAD.match(F, a0, a1)
    if aux:
        a0 = aux.end()
    qd = _SABAQ.search(F, a0, a1) or _QAD.search(F, a0, a1)
    if qd:
        a1 = qd.start()
    subj = F[a0:a1]
    if 1 <= _words(subj) <= 8 and is_noun_phrase(subj) and not _AR_ADJUNCT.search(F, a0, a1) \
            and not _AR_TRIGGER.search(F, a0, a1) and not _AR_COMP_STRICT.search(F, a0, a1) \
            and not _CLAUSE_WORD.search(F, a0, a1):
        return _fuller(ctx, ctx.reg.resolve(ctx.d(a0, a1)), ss)
    return None


# "بعد 459 يوماً من العدوان، مسؤولون أميركيون يؤكدون أنّ": a time or place phrase fronted before the
# subject, closed by a comma, is no subject; the present tense after it is still the first verb
_FRONTED_ADJUNCT = lazy_regex(fold_str(r"[وف]?(?:بعد|قبل|منذ|خلال|عقب|إثر|اثر|وسط|في|مع)\s[^،,:؛;]{3,80}[،,]"))


def _adjunct_chunk(F: str, a: int, b: int) -> bool:
    """A comma-delimited piece that says when, where or how ("وفي حديثه إلى الميادين", "خلال المؤتمر")."""
    w = _WORD.match(F, a, b)
    t = w.group(0) if w else ""
    return bool(_AR_ADJUNCT.match(F, a, b)) or t in _PREPOSITIONS or t[:1] in "وف" and t[1:] in _PREPOSITIONS


def _fronted_adjunct_end(F: str, ss: int, before: int) -> int:
    m = _FRONTED_ADJUNCT.match(F, ss, before)
    return m.end() if m else ss


_KANA_LEAD = lazy_regex(fold_str(r"[وف]?(?:كان|كانت|كانوا)\s+"))
_BUT_LEAD = lazy_regex(fold_str(r"[وف]?لكن\s+"))  # "لكن المتحدث باسم الوزارة نفى تسلم ..."


def _new_speech_act(F: str, m: re.Match) -> bool:
    """Does this speech verb start a new act (وأضاف، مضيفًا، "، قال") rather than sit inside the
    clause before it ("قال إن الموفد أكد تمسك ...")?"""
    return bool(m.group("p") or m.group("pre") or F[max(0, m.start() - 3):m.start()].rstrip().endswith(("،", ",", "؛", ";", ":", ".")))


# أكد على أهمية/ضرورة ...: what was stressed is the statement, as after شدد على; only before the nouns of
# a stressed proposition ("على" is as often part of a title or an object: "المشرف العام على المهرجان",
# "حرص المدينة على التعاون", "الإشراف على أداء ...")
_STRESS = {fold_str(w) for w in "أكد أكدت أكدوا".split()}
_ALA_OBJECT = lazy_regex(fold_str(
    r"(?<!\w)على(?=\s+(?:أهمي|ضرور|وجوب|استمرار|عمق|متان|التزام|رفض|دعم|حق)\w*(?!\w))"))
# verbs whose clause may open with إلى / على / بـ alone ("أشار إلى ضرورة ...", "شددت على أهمية ...")
_TO_VERBS = {fold_str(w) for w in "أشار أشارت لفت لفتت نوه نوهت تشير يشير شدد شددت شددوا".split()}
_AR_RELATIVE_BEFORE = lazy_regex(fold_str(r"(?<!\w)(?:الذي|التي|الذين|اللذين|اللتين)\s+$"))
_COMMA_OR_COLON = lazy_regex(r"[،,:؛;]")
# "…، وجماعة «جيش تحرير بلوشستان» تعلن مسؤوليتها": a clause of its own after the comma, its subject first
# (one to five words, a quoted name among them, no verb): its present tense is a speech act as a headline's is
_COORDINATED_SUBJECT = lazy_regex(r"[،,]\s*و(?P<s>[^\s،,.]+(?:\s+[^\s،,.]+){0,4})\s*$")


def _sentence_subject(ctx: _Ctx, ss: int, m: re.Match, i: int) -> str | None:
    """The subject of the verb that opens the sentence, when the speech verb or participle has none of
    its own and is the sentence's first: "وأصدرت هيئة الأرصاد الجوية تحذيرا ... وقالت إن", "واستقبلت
    وزارة الصحة الوفد، مؤكدة أن" are the institution's words, not the previous speaker's."""
    F = ctx.F
    if i != 0:
        return None
    w = _WORD.match(F, ss)
    if w and w.group(0) in _OPENING_PARTICLES:  # "وقد كتب ...", "كما رفضت ..."
        w = _WORD.search(F, w.end(), m.start())
    if not w or w.end() >= m.start() or _AR_TRIGGER.fullmatch(w.group(0)):
        return None
    if not _VERB_AFTER_WA.match(w.group(0)):
        # a person after a past tense of three letters ("وشرح مدير فرع الزراعة ... محمد بن منصور القرني جهود
        # الوزارة، مشيراً إلى أن", "وفضل أبو الخير أن يغادر ...، وقال:"), or of افتعل/استفعل ("انتقد الرئيس
        # التركي X، ...، متسائلاً"): not the speaker before; an institution after them as after و+verb ("دعت
        # وزارة الخارجية المصرية السلطات ...، مؤكدة أن")
        if not (_is_form1_past(w.group(0)) or _DERIVED_PAST.fullmatch(w.group(0))):
            return None
        np_m = _INSTITUTION.match(F, w.end())
        if not np_m or np_m.end() > m.start() or _COMMA_OR_COLON.search(F, w.end(), np_m.end()):
            return _person_after_verb(ctx, w, m.start())
    np_m = _INSTITUTION.match(F, w.end())
    if not np_m or np_m.end() > m.start() or _COMMA_OR_COLON.search(F, w.end(), np_m.end()):
        return _person_after_verb(ctx, w, m.start())
    a = np_m.start() + len(np_m.group(0)) - len(np_m.group(0).lstrip())
    # the head, its genitive, then adjectives of origin only ("هيئة الأرصاد الجوية التايوانية"; not the
    # object in "وزارة الصحة الوفد")
    ws = list(_WORD.finditer(F, a, np_m.end()))
    k = 2
    while k < len(ws) and _NISBA.fullmatch(ws[k].group(0)):
        k += 1
    return ctx.reg.resolve(ctx.d(a, ws[min(k, len(ws)) - 1].end()))


_OPENING_PARTICLES = {fold_str(w) for w in "وقد قد فقد لقد ولقد كما وكما ثم".split()}
# declining to comment: the verb, and the object that ends its subject
_DECLINE = {fold_str(w) for w in "رفض رفضت رفضوا امتنع امتنعت امتنعوا".split()}
_DECLINED = lazy_regex(fold_str(r"(?<!\w)(?:عن\s+)?(?:التعليق|الإدلاء|الإفصاح|الكشف)(?!\w)"))
# a past tense of the simplest form: "شرح", "وفضل", "رفضت", "وكتبت", "وكان" (three letters, a feminine ت)
_FORM1_PAST = lazy_regex(r"[وف]?[\u0621-\u064a]{3}ت?")
# انتقد، استعرضت; and فاعل after و ("وطالب رئيس البعثة X من اللاعبين ... وقال": not "طالب" the student alone)
_DERIVED_PAST = lazy_regex(r"(?:ا[\u0621-\u064a]ت[\u0621-\u064a]{2}|است[\u0621-\u064a]{3}|[وف][\u0621-\u064a]ا[\u0621-\u064a]{2})ت?")
# what ends a subject named without a comma: its verb's complement or object ("أبو الخير أن يغادر",
# "روتا قد قدم", "المالكي في حسابه")
_AFTER_SUBJECT = {fold_str(w) for w in "أن ان بأن إن قد من عن على في إلى الى خلال أمام مع عبر".split()}


def _is_form1_past(t: str) -> bool:
    bare = t[1:] if t[:1] in "وف" and _FORM1_PAST.fullmatch(t[1:]) else t
    return bool(_FORM1_PAST.fullmatch(t)) and not t.startswith("ال") and is_noun_phrase(t) \
        and t not in TITLE_WORDS and bare not in TITLE_WORDS and bare not in BARE_TITLES


def _person_after_verb(ctx: _Ctx, w: re.Match, before: int) -> str | None:
    """The person a sentence's opening verb ``w`` names as its subject, when the words after it are a title
    and a name ("مدير فرع الزراعة في المحافظة محمد بن منصور القرني", "استشاري الأمراض المعدية الدكتور
    عبدالله المهيزعي") or a name that ends where its verb's complement starts ("أبو الخير أن", "روتا قد"):
    a name starts after a definite word or a place (a word after an indefinite title or noun is its
    genitive: "مدير فرع", "وتطوير بيئة"), and runs as :func:`_name_words_at` reads names."""
    F = ctx.F
    told = _TOLD_OUTLET.match(F, w.end(), before)  # ("يصف لـ«الاقتصادية» عبد الرحمن الحقباني الفقيد بأنه")
    start = told.end() if told else w.end()
    stop = _NAME_STOP.search(F, start, before)
    lim = stop.start() if stop else before
    ws = list(_WORD.finditer(F, start, lim))[:16]
    if not ws:
        return None
    v = w.group(0)[1:] if w.group(0)[:1] in "وف" and w.group(0)[1:] in _DECLINE else w.group(0)
    if v in _DECLINE and (dec := _DECLINED.search(F, w.end(), lim)) and 1 <= _words(F[w.end():dec.start()]) <= 6:
        # "كما رفضت أبل التعليق قائلة إن", "ورفض ممثلو الأمن العام التعليق، قائلين": who declined to
        # comment is what the words before "التعليق" name
        return ctx.reg.resolve(ctx.d(ws[0].start(), dec.start()).strip())
    first = _CONJUNCTION_BEFORE_AL.sub("", ws[0].group(0))
    if first.startswith("ال") and first not in TITLE_WORDS and first not in NAME_TITLES:
        # "ويتابع الحقباني حديثه قائلا": a family name the article gave with its given name before, whatever
        # follows it (the registry's, or a family name of origin written after a given name)
        name = ctx.d(ws[0].start(), ws[0].end())
        full = ctx.reg.known(name) or (_fuller(ctx, name, ws[0].start()) if _NISBA_FAMILY.fullmatch(first) else None)
        if full and " " in full.strip() and refers_to(name, full):
            return full
    if first not in TITLE_WORDS and first not in NAME_TITLES:
        e = _name_words_at(F, ws[0].start(), lim)
        after = _WORD.search(F, e, lim) if e > ws[0].start() else None
        # (or a name that runs to the comma or bracket: "يصف لـ«X» عبد الرحمن الحقباني (ابن أخت الفقيد)، الفقيد
        # بأنه": then the بن/عبد chain or a name named before, below)
        ends = e > ws[0].start() and stop is not None and not F[e:lim].strip()
        if not (ends or after and after.group(0) in _AFTER_SUBJECT) or not _looks_like_name(F[ws[0].start():e]):
            return None
        name = ctx.d(ws[0].start(), e)
        known = ctx.reg.known(name)
        if " " not in name.strip():  # one word: a name the article gave before ("روتا", "المالكي")
            full = known or _fuller(ctx, name, ws[0].start())
            return full if full and full != name else None
        # (a name by its بن/أبو chain, or one named before; not "أستاذ علم الاجتماع في ...")
        return known or (ctx.reg.resolve(name) if not _NAME_JOINERS.isdisjoint(F[ws[0].start():e].split()) else None)
    prev = ""  # what the word before was: "def" (definite, or a place after a preposition), "bare", "prep"
    for k, x in enumerate(ws):
        t = _CONJUNCTION_BEFORE_AL.sub("", x.group(0))
        if t in NAME_TITLES and k + 1 < len(ws):
            # "الدكتور عبدالله المهيزعي", "الممثل فايز المالكي": the name follows its courtesy title or rank
            # (after an adjective of origin or two: "الفنانة الشعبية نجاة اعتابو", "المخرج السعودي عامر الحمود")
            j = k + 1
            while j < min(len(ws) - 1, k + 3) and _NISBA_ADJ.fullmatch(ws[j].group(0)):
                j += 1
            e = _name_words_at(F, ws[j].start(), lim, given=True)
            if e == ws[j].start():
                j = k + 1
                e = _name_words_at(F, ws[j].start(), lim, given=True)
            if e > ws[j].start():
                name = F[ws[j].start():e].split()
                if len(name) >= 3 and name[-1].startswith("ال") and name[-1].endswith("ه"):
                    e = ws[j].start() + F[ws[j].start():e].rfind(" ")  # the verb's object: "... ثنين الخطة"
                name = ctx.d(ws[j].start(), e)  # ("السيد قباني": the حسان قباني named before)
                return ctx.reg.known(name) or ctx.reg.add(name, ctx.d(ws[0].start(), ws[j - 1].end()))
            if t not in TITLE_WORDS:
                return None
            # (a title that is also a rank, "الرئيس التركي رجب طيب إردوغان": its adjective, then the name)
        if t in TITLE_WORDS:
            prev = "title"  # ("الناطق باسم", "الوكيل تحيات": what follows a title is its complement)
        elif t in _PREPOSITIONS or t in ("ب", "ل"):
            prev = "prep"
        elif t.startswith(("ال", "بال", "لل", "وال")):
            prev = "def"
        elif prev == "prep":
            prev = "def"  # the place after في: "في بلقرن"
        elif prev == "def" and is_noun_phrase(t) and (e := _given_name_end(F, ws, k, lim)) > x.start():
            # a name after a definite word ("وزيرة الخارجية الرواندية لويز موشيكيوابو") or a place ("مدير
            # فرع الزراعة في بلقرن محمد بن منصور القرني"): a بن/أبو chain, or two words whose last is bare or
            # a family name of origin (not "المسؤول التركي رفض الكشف": a verb and its object)
            nw = F[x.start():e].split()
            if _NAME_JOINERS.isdisjoint(nw[1:]) and not (
                    len(nw) >= 2 and (not nw[-1].startswith("ال") or nw[-1].endswith("ي"))):
                return None
            return ctx.reg.add(ctx.d(x.start(), e), ctx.d(ws[0].start(), ws[k - 1].end()))
        else:
            # an indefinite noun or adjective: the genitive or attribute of the word before ("فرع", "عام",
            # "وتطوير", "تركي")
            prev = "bare"
    return None


def _given_name_end(F: str, ws: list[re.Match], k: int, lim: int) -> int:
    """The end of a name starting at word ``k`` of ``ws`` (:func:`_name_words_at`), whose given name may
    start as a conjunction or preposition does (فايز، وليد، لويز): a long word before a bare one."""
    x = ws[k]
    e = _name_words_at(F, x.start(), lim, given=True)
    t = x.group(0)
    if e == x.start() and t[:1] in "لب" and len(t) >= 4 and k + 1 < len(ws) \
            and not ws[k + 1].group(0).startswith("ال") and (e2 := _name_words_at(F, ws[k + 1].start(), lim)) > ws[k + 1].start():
        e = e2  # "لويز موشيكيوابو" (not "باسم الخارجية", "لبلدها")
    elif e == x.start() and t[:1] in "لب" and len(t) >= 4 and not t.startswith(("بال", "لل")) and k + 1 < len(ws) \
            and _NISBA_FAMILY.fullmatch(ws[k + 1].group(0)) and not _NAME_STOP.search(F, x.end(), ws[k + 1].start()):
        e = ws[k + 1].end()  # "بتال العتيبي", "بندر الشهري": a given name, then a family name of origin
    return e


_PREPOSITION_NEXT = lazy_regex(fold_str(r"\s+(?:على|عن|في|من|إلى|الى|ل|ب)(?!\w)"))
_NISBA_ADJ = lazy_regex(r"ال[\u0621-\u064a]{2,}يه?")  # السعودي، الشعبية (folded)
_NISBA_FAMILY = lazy_regex(r"ال[\u0621-\u064a]{3,}ي")


def _standfirst_subject_end(F: str, ss: int, vstart: int) -> int:
    """Where the subject of a standfirst ends ("وزير الخارجية الإيراني، X، يبحث مع نظيره ...، ويؤكد
    سيادة القانون"): the sentence's first present tense after at most eight words and two commas, whose
    subject opens with a title word, a quoted name or a name the sentence's verbs share; 0 when the
    sentence is no such standfirst."""
    fv = _AR_PRESENT_VERB.search(F, ss, vstart)
    if not fv or _words(F[ss:fv.start()]) > 8 or not 1 <= _words(F[ss:fv.start()]):
        return 0
    pre = _chunks(F, ss, fv.start())
    if not pre or pre[0][0] != ss or len(pre) > 2 or any(_AR_ADJUNCT.search(F, *c) or _AR_TRIGGER.search(F, *c) for c in pre) \
            or not (_is_title(F[pre[0][0]:pre[0][1]]) or _QUOTE_MARK_IN_NAME.search(F, ss, fv.start())):
        return 0
    return fv.start()


def _coordinated_subject(F: str, ss: int, vstart: int) -> bool:
    """(only a subject that names: a quoted name, or a title word first; "وهذا يؤكد", "وهو ما يكشف" are the
    writer's own clause)"""
    m = _COORDINATED_SUBJECT.search(F, max(ss, vstart - 80), vstart)
    if not m:
        return False
    subj = m.group("s")
    return bool(_QUOTE_MARK_IN_NAME.search(subj)) and is_noun_phrase(subj) or _is_title(subj)


_TO_QUOTED = lazy_regex(r"(?<!\w)ل\s*$")
_TOLD_OUTLET = lazy_regex(r"\s*(?<!\w)ل\s*(?:«[^»\n]{1,40}»|\"[^\"\n]{1,40}\"|“[^”\n]{1,40}”)")
_BAYN_BEFORE = lazy_regex(r"(?<!\w)بين\w{0,3}\s+(?:\S+\s+){0,3}$")
# participles as often adjectives ("نجاحاً لافتاً", "معلومات مؤكدة", "إجراءات مشددة"): a speech act only
# after a comma or a verb, not right after an indefinite noun (its case ending, ة or ات) or a copula
_ADJECTIVE_PARTICIPLES = {fold_str(w) for w in "لافتًا لافتة مؤكدة مشددة".split()}
_ADJECTIVE_SLOT = lazy_regex(fold_str(
    r"(?:(?<![\w])(?!ال|وال)[\u0621-\u064a]{2,}(?:ا|اء|ه|ات)|(?<!\w)[وف]?(?:بدا|بدت|كان|كانت|يبدو|تبدو|بات|باتت))\s+$"))
# (but "سبق أن أعلن", "سبق وأن أكد": it had said so before, the past it reports)
_AR_NOT_YET_BEFORE = lazy_regex(fold_str(r"(?<!\w)(?:(?<!سبق\s)(?<!سبق\sو)(?<!سبقت\s)(?<!سبقت\sو)أن|لن|سوف|كي|لكي|لم)\s+$"))
_WORDS_FOLLOW = lazy_regex(r"[^:«»\"“”.؛\n]{0,60}?[،,]?\s*[:«\"“]")
_SAY_PRESENT = {fold_str(w) for w in "يقول تقول يقولون".split()}
_WHAT_BEFORE = lazy_regex(r"(?<!\w)(?:ما|مما|عما)\s+$")
_TAIL_MA_BEFORE = lazy_regex(fold_str(r"[،,]\s*[وف]?(?:(?:بحسب|حسب|وفق|وفقا|طبقا)\s*ل?ما|حسبما|وفقما)\s+$"))
_NAQAL = {fold_str(w) for w in "نقل نقلت".split()}
_TELL = {fold_str(w) for w in "أبلغ أبلغت أخبر أخبرت".split()}
_WARN = {fold_str(w) for w in "حذر حذرت".split()}
_MIN = lazy_regex(r"(?<!\w)من(?!\w)")
_MIN_BEFORE_COMP = lazy_regex(r"(?<!\w)من\s*$")
_TALK = {fold_str(w) for w in "تحدث تحدثت تحدثوا".split()}
_REPORT_BI = {fold_str(w) for w in "أفاد أفادت أفادوا".split()}
_ADMIT = {fold_str(w) for w in "اعترف اعترفت اعترفوا".split()}
_BI = lazy_regex(r"(?<![^\s،,])ب(?=[\u0621-\u064a]{3,})")
_AN = lazy_regex(r"(?<!\w)عن(?!\w)")
# a speech verb whose object is a noun (a masdar) stating a proposition: "أكدت الشرطة وفاة ...",
# "أعلن ... مبايعة ...", "تنفي ... وجود ..."
_ANNOUNCE = {fold_str(w) for w in "أعلن أعلنت أعلنوا نفى نفت كشف كشفت أكد أكدت أكدوا".split()} | _AR_PRESENT
_AR_PRESENT_NOT_SPEECH = {fold_str(w) for w in "يكشف تكشف يوضح توضح يحذر تحذر".split()}
# words that open a clause: a subject before the verb holds none ("... حيث أعلن", "ما رأيته يكشف")
_CLAUSE_WORD = lazy_regex(fold_str(r"(?<!\w)[وف]?(?:حيث|إذ|كما|ما|لما|عندما|بعدما|بينما|فيما|الذي|التي|الذين|لكن|ثم)(?!\w)"))
_VERB_AFTER_WA = lazy_regex(r"[وف][اأإيتن]")
_UNVEILED = lazy_regex(fold_str(r"\s*(?:النقاب|الستار|اللثام)\s*(?:\S+\s*)?$"))
_RESPONSIBILITY = lazy_regex(fold_str(r"(?<!\w)ب?مسؤولي(?:ة|ته|تها|تهم|تهما)(?=\s+عن(?!\w))"))
# their participles, whose masdar object follows at once, indefinite and without the speaker's pronoun
_ANNOUNCE_PARTICIPLES = {fold_str(w) for w in "مؤكدًا مؤكدة مؤكدين نافيًا نافية".split()}
_PARTICIPLE_MASDAR = lazy_regex(fold_str(
    r"\s+((?!(?:ال|أن|إن|بأن|ب|ل|في|على|إلى|عن|من|ما|أنه|أنها|أنهم|كذلك|أيضا|بدوره|بدورها)(?!\w))"
    r"(?!ال)[\u0621-\u064a]{3,}(?<!ه)(?<!ها)(?<!هم)(?<!هما)(?<!نا)(?<!كم)(?!\w))"))
# a masdar opening an announced object, by its shape (تفعيل، افتعال، انفعال، استفعال، إفعال, with a pronoun or
# not) or one of the event nouns of the first form; not a noun of a body that could be the subject (اتحاد، ائتلاف)
_MASDAR_OBJECT = LazyPattern(lambda: fold_str(
    r"\s*(?:أيضا\s*[،,]?\s*)?((?!(?:اتحاد|ائتلاف|اتفاق|اجتماع)(?!\w))"
    r"(?:ت\w\wي\w|ا\wت\wا\w|ان\w\wا\w|است\w\wا\w|ا\w\wا\w|" + _f("قصف مقتل سقوط وقوع رصد قتل أسر ضبط") + r")"
    r"(?:ه|ها|هم|هما)?(?!\w)\s+\S)"))
_AMMA_SUBJECT = lazy_regex(fold_str(r"\s*و?أما\s+([^،,.:؛\n]{2,60}?)\s*[،,]?\s*"))
# of them, those whose object may follow عن ("أعلن عن منح ...", "كشف عن خطة ...")
_ANNOUNCE_AN = {fold_str(w) for w in "أعلن أعلنت أعلنوا كشف كشفت يعلن تعلن يكشف تكشف".split()}
_INSTITUTION = LazyPattern(lambda: fold_str(
    r"\s*(?:وزارة|الوزارة|القيادة|قيادة|الحكومة|حكومة|الجيش|جيش|الشرطة|مديرية|المديرية|الرئاسة|رئاسة|هيئة|الهيئة|"
    r"مجلس|المجلس|قوات|القوات|وكالة|الوكالة|المرصد|مرصد|منظمة|المنظمة|الأمم|البيت|الخارجية|الداخلية|الدفاع|"
    r"السلطات|سلطات|المكتب|مكتب|الدفاع المدني|محافظة|المحافظة|الأمن|إدارة|الإدارة|الائتلاف|التحالف|وحدات)"
    r"(?:\s+ال\w+){0,4}"
))


def _partial_quotes(F: str, inner: list[Quote], cstart: int, cend: int) -> bool:
    """Are the quotes inside a reported clause single quoted words ("أن هناك تعاونا بين البرنامج
    ونجوم «يوتيوب»")? Then they are names or terms, and the clause is the statement. (A longer
    quote inside the clause is the speaker's own words: it stays the claim, "ضرورة لتعزيز ...".)"""
    n = _words(F[cstart:cend])
    if n < 3:
        return False
    if all(q.words(F) <= 1 for q in inner):
        for q in inner:
            q.is_name = True
        return True
    # "بأن دي ميستورا سيبدأ قريبا بإنشاء «مجموعات العمل ...»", "said the road ... was now "effectively
    # cut"": quotes that hold less than half of the reported clause are fragments of it; the clause
    # is the statement, and a direct one (it holds the speaker's own words); so is a clause with four
    # words or more outside its quotes
    inside = sum(q.words(F) for q in inner)
    if inside * 2 >= n and n - inside < 4:
        return False
    for q in inner:
        q.used = True  # part of the statement, which is direct: it holds the speaker's own words
    return True


def _holds_words_quoted(F: str, inner: list[Quote]) -> bool:
    """A reported clause holding a quoted phrase (not a single quoted word, a name) is direct in part."""
    return any(q.used and q.words(F) >= 2 for q in inner)


def _clause_said(ctx: _Ctx, F: str, speaker, verb, cstart: int, cend: int, intro_start: int, intro_end: int,
                 min_words: int = 0) -> bool:
    """The reported clause ``cstart:cend`` said by ``speaker``: its own quotes when it holds whole ones,
    else the clause itself (a quoted fragment or name inside makes the clause the statement), when it
    has ``min_words`` words or more. Whether anything was taken."""
    inner = [q for q in _quotes_in(ctx, cstart, cend) if not q.used and not q.is_name]
    if inner and not _partial_quotes(F, inner, cstart, cend):
        for q in inner:
            _emit_quote(ctx, q, speaker, verb, intro_start, intro_end)
        return True
    if _words(F[cstart:cend]) < min_words:
        return False
    ctx.stmts.append(_Stmt(speaker, verb, _holds_words_quoted(F, inner), cstart, cend, intro_start, intro_end))
    return True


def _inside_quote(ctx: _Ctx, pos: int) -> bool:
    return ctx.inside_quote(pos)


_TAIL_WORDS = [fold_str(w) for w in ("وفق", "بحسب", "حسب", "نقلا", "according to")]


_TAIL_VERBS = ("قال قالت ذكر ذكرت أفاد أفادت نقل نقلت أورد أوردت أعلن أعلنت أكد أكدت روى روت نشر نشرت صرح صرحت "
               "بين بينت أوضح أوضحت كشف كشفت")
_TAIL_ATTRIB = LazyPattern(
    lambda: (rf"[،,]\s*(?P<a>{_f('وفق وفقًا وفقا بحسب حسب حسبما نقلًا نقلا')})\s+"
             # "وفقاً لما أعلنه مكتب X", "وفق ما روى شهود": the speaker follows the verb (folded, as the text is)
             # ("حسبما جاء في تقرير الشركة": the document the words came in)
             rf"(?:(?:ل?ما\s+|(?<=حسبما\s))(?:(?:{_f(_TAIL_VERBS)})\w*\s+(?:(?:به|بها)\s+)?|{_f('جاء ورد')}\s+في\s+)|ل)?"
             # (ending the sentence, or before a clause of reason or contrast: "...»، وفقاً لـ«X»، إذ لا تزال ...")
             # (or before a participle, the same speaker going on: "...، حسبما قالت الوزارة، مؤكدةً ...")
             rf"(?P<s>[^،,.؟!\n]{{2,80}})(?:[.؟!]?\s*$|[،,]\s*(?=(?:{_f('إذ اذ حيث بينما فيما')}|{_ar_participles()})\s))"))


# "... وينقل إلى الرياض مساء اليوم حسب مصادر مطلعة.": with no comma before it, a tail only when its source
# opens with a source noun ("تختلف الأسعار بحسب المنطقة" is "depending on"), to the sentence's end
_TAIL_SOURCE_NOUNS = ("صحيفة صحف جريدة مجلة وكالة موقع قناة شبكة مصادر مصدر تقرير تقارير بيان بيانات إحصاء إحصاءات "
                      "إحصائيات دراسة وزارة هيئة مركز المرصد")
_TAIL_ATTRIB_BARE = LazyPattern(
    lambda: (rf"(?<=[^\s،,])\s+(?P<a>{_f('وفقًا وفقا بحسب حسب')})\s+ل?"
             # (a source of a few words, no clause of its own: "سيؤدي بحسب الهيئة إلى تعزيز ..." goes on)
             rf"(?P<s>(?:ال|ل)?(?:{_f(_TAIL_SOURCE_NOUNS)})(?!\w)(?:\s+(?!{_f('إلى على عن أن إن')}(?!\w))[^\s،,.؟!]+){{0,7}})"
             rf"[.؟!]?\s*$"))


# names that begin with ل: "للبنان" is ل + لبنان, not ل + ال + بنان
_LAM_NAMES = {fold_str(w) for w in "لبنان ليبيا لندن لاهاي لشبونة لوزان لوكسمبورغ".split()}


def _after_li(ctx: _Ctx, s0: int, s1: int) -> str:
    """The source after "وفقاً لـ"/"بحسب" as written, but "وفقاً للمرصد السوري" (ل before ال is written لل,
    and the pattern took the first ل) is المرصد السوري, not لمرصد السوري."""
    F = ctx.F
    if s0 > 0 and F[s0 - 1] == "ل" and F[s0] == "ل" and s1 - s0 > 3:
        word = F[s0:s1].split(" ", 1)[0]
        if word not in _LAM_NAMES:
            return "ال" + ctx.d(s0 + 1, s1)
    return ctx.d(s0, s1)


_IN_ITS_WORDS = lazy_regex(fold_str(r"(?:وصف|تعبير|قول|رأي|زعم|كلام)(?:ه|ها|هم|هما)\s*$"))
_PARTICIPLE_AT = LazyPattern(lambda: rf"\s*(?:{_ar_participles()})(?!\w)")


def _attribution_tail(ctx: _Ctx, ss: int, se: int, before_participle: bool = False) -> None:
    """"...، وفق القيادة الأمريكية." / "..., according to the ministry." With ``before_participle``, only
    a tail that a participle follows ("...، حسبما قالت الوزارة، مؤكدةً ..."), read before the sentence's
    verbs: the participle goes on with the tail's speaker."""
    F = ctx.F
    sent = F[ss:se]
    if not any(w in sent for w in _TAIL_WORDS):  # cheap test before the regexes
        return
    m = _TAIL_ATTRIB.search(F[ss:se])
    if before_participle and (m is None or not _PARTICIPLE_AT.match(F, ss + m.end())
                              # (a clause a verb reports already, "كشف التجار أن …، بحسب وصفهم، مؤكدين": "in
                              # their words" names no new source)
                              or _AR_TRIGGER.search(F, ss, ss + m.start()) or _IN_ITS_WORDS.match(m.group("s"))):
        return
    if m is None:
        m = _TRAILING_ACCORDING_TO.search(F[ss:se]) or _TAIL_ATTRIB_BARE.search(F[ss:se])
    if m is None:
        return
    cstart, cend = ss, ss + m.start()
    if ctx.overlaps_stmt(cstart, cend) or _words(F[cstart:cend]) < 3:
        return
    s0, s1 = ss + m.start("s"), ss + m.end("s")
    cut = _AR_ADJUNCT.search(F, s0 + 1, s1)  # "وفق ما روى شهود لوكالة «فرانس برس»": to whom, not who
    if cut and not ctx.inside_quote(cut.start()) and not F[cut.start()].isdigit():  # (a number is part of the name)
        s1 = cut.start()
    speaker = ctx.reg.resolve(_after_li(ctx, s0, s1))
    verb = ctx.d(ss + m.start("a"), ss + m.end("a"))
    # '"..."، بحسب ما قاله X': the clause is one quote. It is that quote, said by X
    # (its words, without the marks), not a second claim beside the quote read alone.
    inner = [q for q in _quotes_in(ctx, cstart, cend) if not q.used and not q.is_name]
    if len(inner) == 1 and _words(F[cstart:inner[0].start]) == 0 and _words(F[inner[0].end:cend]) == 0:
        _emit_quote(ctx, inner[0], speaker, verb, ss + m.start(), se)
    else:
        ctx.stmts.append(_Stmt(speaker, verb, False, cstart, cend, ss + m.start(), se))
    if before_participle:
        ctx.reg.last_speaker = speaker or ctx.reg.last_speaker


# (the source may end at its فإن, with no comma: "وحسب تلك التقارير فإن ...")
# ("وفقاً للبيانات ... فقد ارتفع": فقد opens the clause as فإن does; "طبقاً لتقرير X، فإن"; "لكن وفق التقرير، ...")
_LEAD_ATTRIB = LazyPattern(lambda: fold_str(
    r"\s*(?:(?:و?لكن\s+)?[وف]?(?:بحسب|حسب|وفقًا\s*ل|وفقا\s*ل|وفق(?!\w)|طبقًا\s*ل|طبقا\s*ل|نقلًا\s+عن|نقلا\s+عن)\s*"
    # (the source's relative clause is no part of what it said: "وطبقاً للمصدر، الذي رفض ذكر اسمه، فإن ...")
    r"(?P<a>[^،,.؟!\n]{2,80}?)(?:[،,]\s*(?:الذي|التي|الذين)\s[^،,.؟!\n]{2,100}?)?"
    r"(?:[،,]\s*(?:(?:ف|و)?[إا]ن(?:ه|ها|هم)?\s+|فقد\s+)?|\s+ف(?:[إا]ن|قد)\s+)"
    r"|(?:[Aa]ccording\s+to|[Cc]iting)\s+(?P<b>[^,.;:!?\n]{2,80}),\s*)"
))


# "According to a source in the province the terrorists fired ..." (copy stripped of its commas): the
# source runs to the next article that no preposition governs, where the clause starts (no verb, pronoun
# or conjunction on the way: then the words are not a source phrase)
# (the source may be a bare plural, "According to diplomats the inspectors ...", and the clause may open with a
# number, "According to the military source two hideouts were destroyed")
_EN_LEAD_NO_COMMA = lazy_regex(
    r"\s*(?:[Aa]ccording\s+to|[Cc]iting)\s+(?P<b>(?:the|a|an|its|their)\s+(?:(?:in|of|at|from|for|on|near)\s+"
    r"(?:the|a|an)\s+|(?!(?:the|a|an|its|their|and|or|they|he|she|it|we|was|were|is|are|has|have|had|been|will|would)\b)"
    r"[\w'.-]+\s+){1,6}?|(?:(?!(?:the|a|an|its|their)\b)[a-z][\w'-]*\s+)?[a-z][\w'-]*s\s+)"
    r"(?=(?:the|a|an|its|their|\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+\w)(?P<a>)")


# "…، ووفقاً لمسؤول حكومي، فإن ...": an attribution that opens a clause inside the sentence, after a comma
# (only with the فإن / فقد that opens its clause: "…، بحسب المصدر، …" alone may close the clause before it)
_TIME_WORD = lazy_regex(fold_str(r"(?<!\w)(?:أمس|اليوم|يوم|مساء|صباح|ظهر|فجر|ال(?:أحد|اثنين|إثنين|ثلاثاء|أربعاء|خميس|جمعة|سبت))(?!\w)"))
_LEAD_MA_VERB = LazyPattern(lambda: rf"ل?ما\s+(?:{_f(_TAIL_VERBS)})\w*\s+")
_MID_LEAD = lazy_regex(fold_str(r"[،,]\s*(?=[وف]?(?:بحسب|حسب|وفق|طبق))"))
_FA_OPENER = lazy_regex(fold_str(r"(?<!\w)ف(?:ان(?:ه|ها|هم)?|قد)\s*$"))


def _attribution_mid(ctx: _Ctx, ss: int, se: int) -> None:
    """"…، ووفقاً لمسؤول حكومي، فإن …": read before the sentence's verbs, whose participles
    after the clause ("، مؤكداً أن …") go on with its source."""
    F = ctx.F
    if not any(w in F[ss:se] for w in _TAIL_WORDS[:3]) and "طبق" not in F[ss:se]:
        return
    for c in _MID_LEAD.finditer(F, ss, se):
        m = _LEAD_ATTRIB.match(F, c.end(), se)
        if m and m.group("a") and _FA_OPENER.search(F, m.start(), m.end()):
            _attribution_lead(ctx, c.end(), se, m)
            return


def _attribution_lead(ctx: _Ctx, ss: int, se: int, m: re.Match | None = None) -> None:
    """"وبحسب المفوضية، فإن ..." / "According to local sources, the suspects ..."."""
    m = m or _LEAD_ATTRIB.match(ctx.F, ss, se) or _EN_LEAD_NO_COMMA.match(ctx.F, ss, se)
    if not m:
        return
    g = "a" if m.group("a") else "b"
    cstart = m.end()
    cend = _clause_end(ctx.F, cstart, se)
    if _words(ctx.F[cstart:cend]) < 3 or ctx.overlaps_stmt(cstart, cend):
        return
    a0, a1 = m.span(g)
    said = _LEAD_MA_VERB.match(ctx.F, a0, a1)
    if said and said.end() < a1:  # "وبحسب ما ذكرته صحيفة X فقد ...": the source follows the verb
        a0 = said.end()
    cut = _TIME_WORD.search(ctx.F, a0 + 1, a1)  # "وبحسب وكالة X فجر اليوم، فقد ...": when, not who
    if cut and not ctx.inside_quote(cut.start()):
        a1 = cut.start()
        while a1 > a0 and ctx.F[a1 - 1] == " ":
            a1 -= 1
    sp = ctx.reg.resolve(_after_li(ctx, a0, a1))
    verb = ctx.d(m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.start(g)).strip()
    ctx.stmts.append(_Stmt(sp, verb, False, cstart, cend, ss, cstart))
    ctx.reg.last_speaker = sp or ctx.reg.last_speaker


_EN_NAMED = lazy_regex(r"\b(?:[a-z]+\s+)named\s+(?P<n>[A-Z][\w'-]+(?:\s+(?:al-\w+|[A-Z][\w'-]+)){0,3})")
# "The agency quoted a military source on Wednesday as saying the army ...": the one quoted is the speaker
# ("X was quoted (by the daily Y) as saying: ...": the passive's subject, X, is the speaker)
_EN_QUOTED_AS_SAYING = lazy_regex(
    r"\b(?:(?P<pass>(?:is|are|was|were|been|being)(?:\s+also)?\s+)(?P<pv>quoted)(?:\s+by\s+[^,.;:\"“”]{2,60}?)?"
    r"|(?P<v>quoted)\s+(?P<s>(?:[\w'.-]+\s+){0,7}?[\w'.-]+))"
    r"(?:\s+(?:on|in|at|late|earlier)\s+(?:\w+day|[A-Z][\w-]*)(?:\s+\w+)?)?\s+as\s+saying\b\s*(?:that\b\s*)?:?\s*")


def _en_quoted_as_saying(ctx: _Ctx, ss: int, se: int) -> None:
    F = ctx.F
    m = _EN_QUOTED_AS_SAYING.search(F, ss, se)
    if not m or _inside_quote(ctx, m.start()):
        return
    if m.group("pass"):
        tail = _CLAUSE_THEN_SPEAKER.match(F[ss:m.start()].rstrip()) if not F[m.end():se].strip(" .") else None
        if tail and _words(tail.group("c")) >= 3 and _words(tail.group("s")) <= 7:
            # "Poland's talks ... were concrete, open and frank, a senior Polish banker was quoted as saying.":
            # at the sentence's end, the clause before the subject's comma is what was said
            cs = ss + len(F[ss:m.start()]) - len(F[ss:m.start()].lstrip())
            ce = ss + tail.end("c")
            sp = _en_speaker(ctx.reg, _en_subject(tail.group("s")) or tail.group("s"))
            if not ctx.overlaps_stmt(cs, ce):
                _clause_said(ctx, F, sp, ctx.d(*m.span("pv")), cs, ce, ce, m.end())
                ctx.reg.last_speaker = sp or ctx.reg.last_speaker
            return
        sp = _en_speaker(ctx.reg, _en_subject(F[ss:m.start()]))
        verb = ctx.d(*m.span("pv"))
    else:
        sp = _en_speaker(ctx.reg, ctx.d(*m.span("s")))
        verb = ctx.d(*m.span("v"))
    cstart = m.end()
    cend = _clause_end(F, cstart, se)
    aq = [q for q in ctx.quotes_between(cstart, cend + 1) if not q.used and not q.is_name]
    if aq and _words(F[cstart:aq[0].start]) == 0 and not _partial_quotes(F, aq, cstart, cend):
        for q in aq:
            _emit_quote(ctx, q, sp, verb, m.start(), q.start)
    elif _words(F[cstart:cend]) >= 3 and not ctx.overlaps_stmt(cstart, cend):
        ctx.stmts.append(_Stmt(sp, verb, _holds_words_quoted(F, aq), cstart, cend, m.start(), cstart))
    else:
        return
    ctx.reg.last_speaker = sp or ctx.reg.last_speaker


def _english_sentence(ctx: _Ctx, ss: int, se: int) -> None:
    F, reg = ctx.F, ctx.reg
    for m in _EN_TITLED_NAME.finditer(F, ss, se):
        ctx.last_person = reg.add(ctx.d(*m.span("n")), m.group("t"))
    if F.find("named", ss, se) >= 0:  # cheap test before the regex
        for m in _EN_NAMED.finditer(F, ss, se):  # "a witness named Ahmad": a person, whom "he" may be
            ctx.last_person = reg.add(ctx.d(*m.span("n")))
    if F.find("quoted", ss, se) >= 0:  # cheap test before the regex
        _en_quoted_as_saying(ctx, ss, se)
    swallowed = ss  # the verbs before this offset are inside a clause read already (see below)
    for m in _EN_TRIGGER.finditer(F, ss, se):
        if _inside_quote(ctx, m.start()) or m.start() < swallowed:
            continue
        participle = m.group("p") is not None
        verb = m.group("p") or m.group("v")
        vs, ve = m.span("p") if participle else m.span("v")
        if _EN_NOT_SPEECH_AFTER.match(F, ve) or (verb == "continued" and not _EN_CONTINUED_SPEECH.match(F, ve)) \
                or (verb == "posted" and not _EN_POSTED_SPEECH.match(F, ve)):
            continue  # "claimed the lives of", "reported cases": not a speech act
        if verb == "alleged" and not _EN_ALLEGED_ACT.match(F, ve):
            continue  # "access alleged Syria attack site": the adjective
        if _EN_NOT_SPEECH_BEFORE.search(F, max(ss, vs - 25), vs):
            continue  # "an alleged attack" (an adjective), "to say", "would say" (no act yet)
        before = F[ss:vs]
        tail = before.rstrip()
        # (the next speech verb ends this one's clause; "other reported incidents", "Continental's reported net
        # loss" are adjectives, no verb)
        nxt = next((n for n in _EN_TRIGGER.finditer(F, ve, se)
                    if not (n.group("v") == "alleged" and not _EN_ALLEGED_ACT.match(F, n.end()))
                    and not _EN_NOT_SPEECH_BEFORE.search(F, max(ss, n.start() - 25), n.start())), None)
        limit = nxt.start() if nxt and not _inside_quote(ctx, nxt.start()) else se
        if (limit < se and not participle and nxt.group("v") and 1 <= _words(F[ve:limit]) <= 5
                and not ctx.quotes_between(ve, limit)):
            inner = _en_subject(F[ve:limit])
            # (a pronoun is the same speaker going on, "Baka said he stressed Poland would ...", "said in a
            # statement it noted ...", but for the subject of a relative clause, "the transfer which it said")
            if inner is None or _PRONOUN.match(inner) and _EN_RELATIVE_PRONOUN_END.search(F, ve, limit):
                # "He added that the agreement also said Japan agreed ...", "reported the transfer which it said
                # includes ...": the next verb's subject is no speaker of its own, so what it says is part of
                # this clause (its first words were a claim, 'the agreement also', the rest another's)
                nxt2 = next((n for n in _EN_TRIGGER.finditer(F, nxt.end(), se) if n.group("v")), None)
                limit = nxt2.start() if nxt2 and not _inside_quote(ctx, nxt2.start()) else se
                swallowed = nxt.end()
        elif limit < se and not participle and nxt.group("v") and not ctx.quotes_between(ve, limit):
            seg = F[ve:limit]
            # (the next verb's subject is at the segment's end: its last words are enough to read it, and
            # reading the whole clause for each verb cost 4% of English extraction)
            inner = _en_subject(seg[seg.find(" ", len(seg) - 100) + 1:] if len(seg) > 100 else seg)
            k = seg.rfind(inner) if inner and not _PRONOUN.match(inner) else -1
            cut = _EN_CLAUSE_LINK_END.search(seg, 0, k) if k > 0 else None
            if cut and _words(seg[:cut.start()]) >= 3:
                # "... was not behind a deadly attack on Monday which US officials have said ...", "denied
                # involvement and the Russian Defense Ministry said ...": the next verb's own subject, and the
                # word linking it, end this clause (they were its last words)
                limit = ve + cut.start()
        after = F[ve:limit]
        # '"...," Macron said' : quotes just before the verb, subject between
        qb = [q for q in ctx.quotes_between(ss, vs) if q.end <= vs and not q.used and not q.is_name]
        sq = ctx.straddling(ss)
        if sq and sq.end <= vs and not sq.used and not sq.is_name:
            qb.insert(0, sq)  # '"... . ... ." a local resident X said': the quote opened sentences before
        # '"...," Rei Shiratori, professor of politics at Dokkyo University, told Reuters': the name, then
        # its apposition (between commas, or a role word after the name in comma-stripped copy)
        appos = _EN_NAME_THEN_APPOSITION.fullmatch(F, qb[-1].end, vs) if qb else None
        if qb and not participle and (_words(F[qb[-1].end:vs]) <= 6 or appos) and not _THAT.search(after[:40]):
            between = ctx.d(*appos.span("n")) if appos else clean(F[qb[-1].end:vs])
            # '"...," said Macron', '"...," said analyst Alex Potter' (a role before the name), '"...," said a
            # senior official at a leading Japanese bank'
            inv = _CAPITALISED_WORDS.match(after)
            indef = None if between or inv else _EN_INVERTED_INDEFINITE.fullmatch(after)
            if indef:  # (whole: its lower-case words are no title before a name, as in _en_speaker)
                speaker = reg.resolve(ctx.d(ve + indef.start("s"), ve + indef.end("s")))
            else:
                speaker = _en_speaker(reg, between or (inv.group(1) if inv else _en_inverted_speaker(after)),
                                      ctx.last_person)
            ce = qb[-1].end
            if (_words(F[ss:qb[0].start]) >= 4 and ":" not in F[ss:qb[0].start] and not ctx.overlaps_stmt(ss, ce)
                    and F[qb[0].istart:qb[0].istart + 1].islower() and _partial_quotes(F, qb, ss, ce)):
                # 'A strike ... is not believed to have caused "big human casualties" the governor said.':
                # the quote is a fragment of the clause the speaker is reported to have said (it opens in
                # lower case: a quote opening in capitals after words of its own is a sentence of its own)
                ctx.stmts.append(_Stmt(speaker, verb, _holds_words_quoted(F, qb), ss, ce, ce, ve))
            else:
                for q in qb:
                    _emit_quote(ctx, q, speaker, verb, vs, ve)
            reg.last_speaker = speaker or reg.last_speaker
            continue
        if participle:
            speaker, subj = reg.last_speaker, None
        else:
            subj = _en_subject(tail)
            inv_sp = _en_inverted_speaker(after, whole=True) if verb != "told" and not qb else None
            if inv_sp and _words(tail) >= 3 and not ctx.overlaps_stmt(ss, ss + len(tail)):
                # "... is the main source of fighters said observatory head Rami Abdel Rahman." /
                # "..., said the Observatory.": the verb's subject after it, the sentence's end: what precedes
                # the verb is the claim, whatever noun stands just before the verb (the claim's own words)
                cs, ce = ss, ss + len(tail.rstrip(" ,"))
                sp = _en_speaker(reg, inv_sp)
                _clause_said(ctx, F, sp, verb, cs, ce, ce, ve)
                reg.last_speaker = sp or reg.last_speaker
                inv_end = _EN_INVERTED_ROLE_NAME.match(after) or _EN_INVERTED_NP_HEAD.match(after)
                if inv_end:
                    _en_continuation(ctx, sp, ve + inv_end.end(), limit)
                continue
            # "..., Saudi Arabia's Supreme Court said (in a statement)." : the clause before is the claim
            post = _CLAUSE_THEN_SPEAKER.match(tail)
            if post and _words(post.group("s")) <= 7 and not _EN_COORDINATED.match(post.group("s")) \
                    and not _THAT_OR_QUOTE_OPENING.search(after) and not _EN_OPENING_PARTICIPLE.match(post.group("c")) \
                    and _words(after.strip(" .")) <= 7 and _words(post.group("c")) >= 3:
                sp = _en_speaker(reg, _en_subject(post.group("s")) or post.group("s"))
                cs = ss + before.find(post.group("c"))
                ce = cs + len(post.group("c").rstrip(" ,"))
                if not ctx.overlaps_stmt(cs, ce):
                    _clause_said(ctx, F, sp, verb, cs, ce, ce, ve)
                    reg.last_speaker = sp or reg.last_speaker
                continue
            rest = _en_after_addressee(verb, after)
            adding = _EN_THEN_ADDING.match(rest)
            if subj and (_EN_ONLY_ADJUNCTS.fullmatch(rest) or _EN_ING_PHRASE.fullmatch(rest) or adding
                         or _EN_TAIL_ADJUNCTS.fullmatch(rest)) \
                    and not _inside_quote(ctx, vs):
                # "... were IS fighters the Syrian Observatory for Human Rights said." / "... nature
                # British Foreign Secretary William Hague told reporters in Paris.": the clause-then-
                # speaker order with its comma stripped (FA-KES copy): what precedes the subject is the claim
                k = before.rfind(subj)
                glued = _EN_GLUED_PLACE.match(subj) if k > 0 and _EN_PREPOSITION_END.search(before, 0, k) else None
                if glued:
                    # "... on the province of Latakia local residents have reported": the place after the
                    # preposition ends the claim; the subject is the noun phrase after it
                    k += glued.end()
                    subj = subj[glued.end():]
                cs, ce = ss, ss + k
                while ce > cs and F[ce - 1] in " ,":
                    ce -= 1
                if k > 0 and _words(F[cs:ce]) >= 3 and not ctx.overlaps_stmt(cs, ce):
                    sp = _en_speaker(reg, subj, ctx.last_person)
                    _clause_said(ctx, F, sp, verb, cs, ce, ce, ve)
                    reg.last_speaker = sp or reg.last_speaker
                    if adding:
                        _en_continuation(ctx, sp, limit - len(rest), limit)
                    continue
            if not subj and not qb and (tail.endswith(",") or _EN_INVERTED_NP.fullmatch(after)):
                # "..., said a company spokesman.": the verb before its subject, at the sentence's end
                # (without the comma, FA-KES's "... in the northeast said the Observatory.", only a
                # speaker's noun phrase: "said the decision was final" is the verb and its clause)
                inv = _EN_INVERTED_SUBJECT.fullmatch(after)
                cs, ce = ss, ss + len(tail) - (1 if tail.endswith(",") else 0)
                if inv and _words(F[cs:ce]) >= 3 and not ctx.overlaps_stmt(cs, ce):
                    sp = _en_speaker(reg, inv.group("s"))
                    ctx.stmts.append(_Stmt(sp, verb, False, cs, ce, ce, ve))
                    reg.last_speaker = sp or reg.last_speaker
                    continue
            speaker = _en_speaker(reg, subj, ctx.last_person)
        # what follows: that-clause, colon/quote, or a clause
        aq = [q for q in ctx.quotes_between(ve, limit) if not q.used and not q.is_name]
        that = _THAT.search(after)
        if aq and (not that or aq[0].start < ve + that.start()) and _words(F[ve:aq[0].start]) <= 8:
            for q in aq:
                _emit_quote(ctx, q, speaker, verb, vs, q.start)
            reg.last_speaker = speaker or reg.last_speaker
            continue
        if that and _words(F[ve:ve + that.start()]) <= 8 and not _EN_GERUND_OBJECT.match(after):
            cstart = ve + that.end()
        else:
            if participle or not (subj or speaker):
                continue
            # "X said the decision was ..." / "X said on Monday the ..."
            told = _EN_TOLD_OUTLET.match(F, ve, limit) if verb == "told" else None
            if told:
                # "told the official news agency PAP yesterday the talks were ...": the outlet told, then the
                # adjuncts, then what was said (the outlet and the day were the claim's first words)
                adj = _EN_SKIP.match(F, told.end(), limit)
                cstart = adj.end() if adj else told.end()
            else:
                adj = _EN_SKIP.match(F, ve, limit)
                cstart = adj.end() if adj else ve
        while cstart < limit and F[cstart] in " ,":
            cstart += 1
        cend = _clause_end(F, cstart, limit)
        if not _clause_said(ctx, F, speaker, verb, cstart, cend, vs, cstart, min_words=3):
            if subj and nxt and cend >= limit - 1:
                # "IC Gas said in a statement it noted ...": the next verb's "it" is the subject named here
                reg.last_speaker = speaker or reg.last_speaker
            continue
        reg.last_speaker = speaker or reg.last_speaker


_EN_NAME_THEN_APPOSITION = LazyPattern(
    lambda: r"[\s,]*(?P<n>[A-Z][\w'.-]*(?:\s+(?:[A-Z][\w'.-]*|al-\w+|bin|de|van|von|da)){1,3})\s*"
            r"(?:,\s*[^,\"“”«»]{3,120},|\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}(?:"
            + "|".join(sorted(_EN_ROLE_OR_TITLE)) + r")\b[^,\"“”«»]{0,120}?)\s*")
# the speaker after the verb, an indefinite noun phrase to the sentence's end ('"...," said a senior official at
# a leading Japanese bank.', 'said another Japanese bank official.')
_EN_INVERTED_INDEFINITE = LazyPattern(
    lambda: rf"\s*(?P<s>(?:a|an|another|one)\s+(?:[\w'.-]+\s+){{0,3}}?(?:{_EN_NOUNS})"
            r"(?:\s+(?:at|of|for|in|with|from|close\s+to|familiar\s+with)\s+[^.;:!?\"“”«»]{1,60}?)?)\s*[.!?]?\s*")


# what may follow a sentence-final "X said": nothing, or adjuncts of time, place, manner and addressee
_EN_ONLY_ADJUNCTS = lazy_regex(
    r"\s*(?:(?:on|in|at|during|via|late|early|earlier|later|last|this|to|reporters|journalists|Reuters|AFP|AP|"
    r"Asharq|[A-Z][a-z]+day|yesterday|today|overnight)\b[^.;:!?\"“”«»]{0,40})?\s*[.!?]?\s*")
# "... Turkey security sources said on Monday on the condition of anonymity due to restrictions on speaking with
# the media.", "... reports say in a major offensive in the Daraa governorate.", "... demographic changes they say
# because those who are displaced are ...": after a speaker in the clause's tail, prepositional phrases with no
# auxiliary or relative word (no clause of their own), or a clause of cause or time, are no claim of their own
_EN_TAIL_ADJUNCTS = lazy_regex(
    r"\s*(?:(?:to\s+)?(?:reporters|journalists|Reuters|AFP|AP)\s+)?(?:(?:on\s+|last\s+)?[A-Z][a-z]+day\s+|yesterday\s+|"
    r"today\s+|overnight\s+)?"
    r"(?:(?:(?:on|in|at|during|near|with|amid|under|without|for|from|due\s+to)(?:\s+(?!(?:is|are|was|were|has|have|"
    r"had|will|would|could|can|may|might|must|should|did|does|do|that|which|who)\b)[\w'.-]+){1,8}\s*){1,3}"
    r"|(?:because|since|(?:days|hours|weeks)\s+after)\s+[^\"“”«»]{3,200})[.!?]?\s*")
# "... he added heading into a working dinner with ...": a participle phrase of the circumstances, no clause
_EN_ING_PHRASE = lazy_regex(r"(?![^.;:!?]*\bthat\b)\s*(?:as\s+|while\s+|before\s+|after\s+)?[a-z]{3,}ing\b"
                            r"[^.;:!?\"“”«»]{0,120}[.!?]?\s*")
# whom one told ("told Sputnik", "told Radio Nord on Friday"): a name, before the adjuncts
_EN_ADDRESSEE = lazy_regex(r"\s*(?:[A-Z][\w'.-]*\s*){1,4}")
# an outlet or the press told something, its name after it ("told the official news agency PAP", "told
# Lebanese TV station al-Mayadeen", "told reporters"), before the adjuncts and the clause told
_EN_TOLD_OUTLET = lazy_regex(
    r"\s*(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:agency|newspaper|daily|paper|television|TV|radio|channel|station|"
    r"website|magazine|reporters|journalists|correspondent)(?:\s+(?:[A-Z][\w'.-]*|al-\w+)){0,3}(?=\s)")


# the speaker after the verb: "said analyst Alex Potter", "said observatory head Rami Abdel Rahman" (the
# role's last word a title or a role noun: "said today Mr ..." is no role), "said the Observatory"
_EN_INVERTED_ROLE_NAME = lazy_regex(
    r"\s*(?P<s>(?:[A-Z][\w.'-]*\s+)?(?P<r>(?:[a-z][\w-]*\s+){1,3})(?:[A-Z][\w'.-]*(?:\s+(?:al-\w+|bin|de|[A-Z][\w'.-]*))*))")
_EN_END = lazy_regex(r"\s*[.!?]?\s*")


def _en_inverted_speaker(after: str, whole: bool = False) -> str | None:
    """The subject that follows its verb; with ``whole`` only when it is all that follows (the sentence's end)."""
    m = _EN_INVERTED_ROLE_NAME.match(after)
    if m and m.group("r").split()[-1] in _EN_ROLE_OR_TITLE and (
            not whole or _EN_END.fullmatch(after, m.end()) or _EN_THEN_ADDING.match(after, m.end())):
        return m.group("s")
    m = _EN_INVERTED_NP_HEAD.match(after)
    if m and whole and not (_EN_END.fullmatch(after, m.end()) or _EN_THEN_ADDING.match(after, m.end())):
        return None
    if not m and whole:
        # "..., said Koichi Tsukihara, Deputy General Manager of Sumitomo Bank Ltd's economics department.":
        # a name of two words or more, then its apposition, to the sentence's end
        n = _EN_INVERTED_NAME_APPOSITION.fullmatch(after)
        return n.group("s") if n else None
    return m.group(0).strip(" .!?") if m else None


_EN_INVERTED_NAME_APPOSITION = lazy_regex(
    r"\s*(?P<s>[A-Z][\w'.-]*(?:\s+(?:[A-Z][\w'.-]*|al-\w+|de|van|bin)){1,3}),\s*[^,\"“”«»]{3,120}?\s*[.!?]?\s*")


# "... SORH said Sunday adding that ...", "... said the Observatory adding that ..." (no comma before the
# participle, which is then no verb of its own): the speaker's next clause, after the adjuncts
_EN_THEN_ADDING = lazy_regex(
    r"\s*(?:(?:on\s+|last\s+|this\s+)?[A-Z][a-z]+day\s+|(?:on|in|at|to)\s+[^.;:!?\"“”«»,]{1,30}?\s+|yesterday\s+|"
    r"today\s+|overnight\s+|earlier\s+|later\s+)?,?\s*(?P<v>adding|noting|saying|stressing|explaining|warning)\s+"
    # ("... local authorities told reporters on Saturday stressing more than half of the dead are women": the
    # participle's clause without its "that", when a verb of its own follows within a few words)
    r"(?:that\b|(?=(?:[\w'-]+\s+){1,8}?(?:is|are|was|were|has|have|had|will|would)\b))")


def _en_continuation(ctx: _Ctx, sp: str | None, at: int, limit: int) -> None:
    """The that-clause of "adding that" right at ``at`` (see _EN_THEN_ADDING), the speaker's too."""
    m = _EN_THEN_ADDING.match(ctx.F, at, limit)
    if not m:
        return
    cstart = m.end()
    while cstart < limit and ctx.F[cstart] in " ,":
        cstart += 1
    cend = _clause_end(ctx.F, cstart, limit)
    if _words(ctx.F[cstart:cend]) >= 3 and not ctx.overlaps_stmt(cstart, cend):
        ctx.stmts.append(_Stmt(sp, ctx.d(*m.span("v")), False, cstart, cend, m.start("v"), cstart))


def _en_after_addressee(verb: str, after: str) -> str:
    m = (_EN_TOLD_OUTLET.match(after) or _EN_ADDRESSEE.match(after)) if verb == "told" else None
    return after[m.end():] if m else after


_EN_INVERTED_SUBJECT = lazy_regex(r"\s*(?P<s>(?:(?:a|an|the)\s+)?[\w'.-]+(?:\s+[\w'.-]+){0,5}?)\s*[.!?]?\s*")
_EN_INVERTED_NP = LazyPattern(
    lambda: rf"\s*(?:the\s+(?:[A-Z][\w'.-]*\s+(?:(?:of|for)\s+)?)*(?:[A-Z][\w'.-]*|(?i:{_EN_NOUNS}))"
            rf"(?:\s+(?:of|for)(?:\s+[A-Z][\w'.-]*)+)?)\s*[.!?]?\s*")
# the same noun phrase, what may follow it left to the caller
_EN_INVERTED_NP_HEAD = LazyPattern(
    lambda: rf"\s*(?:the\s+(?:[A-Z][\w'.-]*\s+(?:(?:of|for)\s+)?)*(?:[A-Z][\w'.-]*|(?i:{_EN_NOUNS}))\b"
            rf"(?:\s+(?:of|for)(?:\s+[A-Z][\w'.-]*)+)?)")
_EN_ALLEGED_ACT = lazy_regex(r"\s*(?:that\b|[,:.;\"“]|$)")
# (also a participle that is an adjective after its adverb, "a previously reported 0.9 pct", "the biggest
# officially acknowledged loss", and the passive, "six were also reported killed", "will be announced by")
_EN_ADVERB_BEFORE_ADJ = r"(?:previously|officially|widely|originally|initially|publicly|formally|newly|recently|allegedly)"
_EN_NOT_SPEECH_BEFORE = lazy_regex(rf"\b(?:(?:an?|the|this|its|their|his|her)(?:\s+[\w-]+)?\s+{_EN_ADVERB_BEFORE_ADJ}|"
                                   r"an?|the|this|its|their|his|her|other|these|those|such|several|some|[\w.]+'s|"
                                   r"to|would|could|will|can|may|might|should|must|not|"
                                   r"n't|'ll|'d|did|do|does|what\s+[\w'-]+|as(?:\s+(?:previously|earlier|already|widely))?|"
                                   r"(?:is|are|was|were|be|been|being)(?:\s+(?:also|still|widely|first))?)\s+$", re.I)
# ("images posted by the outlets", "incidents reported by residents": a participle before its agent;
# "continued to launch": the verb of going on, which is speech only before what was said)
_EN_NOT_SPEECH_AFTER = lazy_regex(r"\s+(?:the\s+lives|lives|responsibility|victory|the\s+title|by\s+(?!saying\b))\b",
                                  re.I)
_EN_CONTINUED_SPEECH = lazy_regex(r"\s*(?:[,:\"“.]|that\b|by\s+saying\b|$)")
# "posted" is speech before what was posted ('posted on Facebook that ...', 'posted: "..."'), not before its
# object or another verb ('posted a video on YouTube that showed ...', 'Video footage posted showed ...': the
# clause after it was said by no one, and was given to the speaker before)
_EN_POSTED_SPEECH = lazy_regex(r"\s*(?:[,:\"“]|that\b|(?:on|to)\s+(?:[\w'.-]+\s+){0,3}?[\w'.-]+(?:\s+that\b|\s*[,:\"“]))")
# (the adjunct a name, a number or a date, "in a statement", "on Sunday": not "at least 26 people")
_EN_SKIP = lazy_regex(r"\s*(?:(?:on|in|at|during|via)\s+(?!least\b|most\b)(?:(?:the|a|an|its|his|her|their)\s+)?"
                      r"(?:[A-Z][\w'.-]*\s+(?:\d[\d,]*\s+)?|\d[\d,]*\s+|(?:televised\s+)?(?:statement|interview|speech|"
                      r"report)\s+|(?:news|press)\s+conference\s+)"
                      r"|(?:earlier|later|today|yesterday)\s+)?"
                      r"(?:(?:on|last|this)\s+\w+day\s+)?(?:reporters|journalists|Reuters|AFP|AP)?\s*")


# a person's title standing alone as a subject ("the minister said")
_EN_PERSON_TITLES = frozenset(
    "minister spokesman spokeswoman spokesperson official president chairman envoy ambassador governor director "
    "secretary commander mayor chief executive senator general king prince leader head economist analyst".split())
# (each such title heads a subject noun phrase too: "the Kansas senator said" was no statement, as "the
# minister said" was, while the list of subject nouns lacked it)
_EN_NOUNS = (r"ministry|army|military|government|spokesman|spokeswoman|official|officials|police|agency|"
             r"statement|group|command|office|report|sources?|witnesses|residents|analysts|diplomats|court|"
             r"council|committee|company|bank|embassy|authorities|prosecutors|observers|experts|relatives|"
             r"witness|activists|traders|dealers|representatives|spokesperson|monitor|observatory|lawyers?|"
             r"doctors|medics|rebels|union|party|coalition|officers?|firm|corporation|newspaper|media|reports|"
             r"analyst|economists|investigators|organi[sz]ation|department|commission|institute|center|centre|"
             r"websites|sites|outlets|channels|newspapers|correspondent|monitors|exchange|researchers|opposition|"
             r"defence|defense|service|teams|workers|volunteers|journalists?|reporters?|resident|activist|doctor|"
             r"medic|nurse|soldier|fighter|villager|survivor|eyewitness|diplomat|banker|trader|dealer|economist|"
             r"lawmakers?|legislators?|powers|countries|leaders|critics|television|TV|radio|firms|companies|banks|groups|"
             r"strategists?|aides?|advis[eo]rs?|negotiators?|managers?|executives?|trust|outlet|"
             r"governors?|mayors?|commanders?|chairman|ministers?|president|envoys?|ambassadors?|"
             # (plural and collective subjects: "Committee members said ..." was no statement)
             r"members?|factions?|brigades?|militias?|movements?|authority|regime|administration|cabinet|board|"
             r"panel|judges?|prosecutor|inspectors?|rescuers|paramedics|protesters|demonstrators|locals|citizens|"
             r"families|survivors|farmers|shareholders|investors|brokers|bankers|employees|unions|agencies|"
             r"spokesmen|officers|forces|"
             + "|".join(rf"{t}s?" for t in sorted(_EN_PERSON_TITLES, key=len, reverse=True)))
# ("Staffan de Mistura", "Ruud van Nistelrooy": a particle inside a name, before its capitalised last word)
# ("Staffan de Mistura", "Ruud van Nistelrooy": a particle inside a name, before its capitalised last word;
# "LL and E Royalty Trust", "Britain and France": names joined by "and" are the subject whole)
_EN_SUBJ_NAME = lazy_regex(r"(?:\b[Tt]he\s+)?(?:[A-Z][\w'.-]*|al-\w+)(?:\s+(?:[A-Z][\w'.-]*|of|for|al-\w+|bin|"
                           r"(?:de|van|von|da|di|du|ibn|and)(?=\s+[A-Z])))*\s*$")
# (a determiner opens the noun phrase and never stands inside it: "... among the victims the source said"
# is "the source", the words before it the claim's, in copy stripped of its commas; nor does a relative
# pronoun: "a chemical attack that opposition groups say killed hundreds" is said by the opposition groups)
_EN_SUBJ_NOUN = LazyPattern(
    lambda: rf"(?:\b(?:[Tt]he|(?!(?:that|which|who)\s)[a-z]+|[A-Z][\w'.-]*)\s+)?"
            rf"(?:\b(?!(?:the|a|an|that|which|who)\s)[a-z][\w'-]*\s+){{0,2}}(?:{_EN_NOUNS})\s*$")


# a capitalised place glued to a subject that has lower-case words before its noun ("Latakia local residents",
# "Turkey security sources", "Deir al-Adas reports"), up to a nationality or title ("Turkey Turkish officials")
_EN_GLUED_PLACE = LazyPattern(
    lambda: r"(?:(?!(?i:" + "|".join(sorted(re.escape(w) for w in EN_TITLE_WORDS)) + r")\s)(?:[A-Z][\w'-]*|al-\w+)\s+)+"
            r"(?=(?:[a-z][\w'-]*\s+){0,2}[a-z][\w'-]*\s*$)")
# (the place may have begun before the subject's first word: "... the town of Tel Hara reports say")
_EN_PREPOSITION_END = lazy_regex(r"\b(?:of|in|at|to|from|on|near|into|around|outside|inside)\s+"
                                 r"(?:(?:[A-Z][\w'-]*|al-\w+)\s+){0,3}$")
_EN_DETERMINER = lazy_regex(r"(?:A|An|The)\s")
_EN_NAME_RUN_BEFORE = lazy_regex(r"\s*(?:[Tt]he\s+)?(?:(?!(?:A|An)\s)(?:[A-Z][\w'.-]*|al-\w+)\s+(?:(?:of|for)\s+)?)+")
_EN_NOUN_END = LazyPattern(lambda: rf"(?:{_EN_NOUNS})\s*$")


# "... (IEL)", "... [SOHR]", "... <DJ>", "... initially", "... also": dropped before the subject is read
# ("The Syrian Coalition earlier stressed", "ICI today announced", "have both denied": an adverb of time
# between the subject and its verb is no part of the subject; a weekday is, by its name: "Aleppo Today said"
# is an outlet, which "[A-Z][a-z]+day" cut to "Aleppo")
_EN_SUBJ_TRAILER = lazy_regex(r"(?:\s*(?:\([^()]{1,40}\)|\[[^\[\]]{1,40}\]|<[^<>]{1,12}>|\b\w+ly|\balso|\bhas|\bhave|\bhad|\bearlier|"
                              r"\blater|\btoday|\byesterday|\bagain|\bboth|\b(?:on\s+)?" + _EN_WEEKDAY + "|"
                              r"(?<=[A-Z][a-z]\s)\d{1,2}|(?<=[a-z]{2}\s)\d{1,2}))+\s*$")  # "Ahmed 24 said": an age


# a subject noun phrase or a name, "and", another ("Assads regime and Russia", "The government and its ally
# Russia", "Government and opposition forces")
_EN_COORDINATED_SUBJECT = LazyPattern(
    lambda: rf"(?:[Tt]he\s+)?(?:[A-Z][\w'.-]*\s+){{0,3}}(?:(?:[a-z][\w'-]*\s+){{0,2}}(?:{_EN_NOUNS})|[A-Z][\w'.-]*)"
            rf"\s+and\s+(?:(?:the|its|their|his|her)\s+)?(?:[A-Za-z][\w'.-]*\s+){{0,3}}"
            rf"(?:(?:{_EN_NOUNS})|[A-Z][\w'.-]*)")
_EN_TICKER = lazy_regex(r"\s*<[A-Z.]{1,6}>")
_EN_MARKED_NAME = lazy_regex(r"\s*<(?P<n>[^<>]{2,80})>\s*$")
_EN_UNIT_OF = lazy_regex(r"(?P<n>(?:[A-Z][\w'.&-]*\s+){1,6})(?:unit|subsidiary|affiliate|arm)\s*$")
# "An AFP correspondent in rebel-held eastern Aleppo said", "Activists in the district of Alwaer in Homs said",
# "A source at Damascus Countryside Police Command said", "A source close to the management side insisted": the
# noun with its place (or whom it is close to), not the place
_EN_PLACE = r"(?:[A-Z][\w'-]*|al-\w+)(?:\s+(?:[A-Z][\w'-]*|al-\w+)){0,3}"
_EN_NOUN_IN_PLACE = LazyPattern(
    lambda: rf"(?:^|\b(?:[Aa]n?|[Tt]he|[A-Z][\w'.-]*)\s+)(?:[a-z][\w'-]*\s+){{0,2}}(?i:{_EN_NOUNS})\s+"
            rf"(?:(?:in|at|from)\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w'-]*\s+){{0,3}}"
            rf"(?:(?:of|in)\s+(?:the\s+)?(?:[a-z][\w'-]*\s+){{0,2}})?{_EN_PLACE}"
            rf"(?:\s+(?:of|in|at)\s+(?:the\s+)?(?:[a-z][\w'-]*\s+){{0,2}}{_EN_PLACE})?"
            r"|(?:close\s+to|familiar\s+with)\s+(?:[\w'.-]+\s+){0,5}[\w'.-]+)\s*$")
_EN_NOUN_OF = LazyPattern(lambda: rf"\b(?:{_EN_NOUNS})\s+of\s+$")
_EN_PEOPLE_OF = lazy_regex(r"\b(?:[Oo]fficials?|[Ss]pokes(?:man|woman|person)|[Rr]epresentatives?|[Mm]embers?|"
                           r"[Ee]xecutives?|[Ll]eaders?|[Hh]eads?)\s+(?:from|of|at)\s+(?:[a-z]+\s+){0,2}$")
_EN_RELATIVE = lazy_regex(r",?\s+(?:which|who)\s+(?:[^,]*)$")
# the relative pronoun the object, a subject of its own after it ("which US officials", "which the army",
# "which diplomats", "which industry sources": a plural noun with up to two words before it)
# what links a clause to the next speech verb's subject: a relative pronoun, "and", "but", a comma (and the
# subject's own determiner and adjectives: ", the official Saudi Press Agency SPA said")
# a gerund right after the verb is its object ("have both denied using chemical weapons during the war that
# has been going on ..."): a "that" after it is a relative pronoun, no that-clause of the verb
_EN_GERUND_OBJECT = lazy_regex(r"\s+(?!(?:morning|evening|during|nothing|something|anything|everything)\b)[a-z]{2,}ing\b")
_EN_CLAUSE_LINK_END = lazy_regex(r"(?:,?\s+(?:which|whom|that|and|but|while|as)|,)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}$")
_EN_RELATIVE_PRONOUN_END = lazy_regex(r"\b(?:which|that|whom)\s+(?:he|she|it|they)\s*$")
_EN_RELATIVE_SUBJECT = lazy_regex(r",?\s+(?:which|whom)\s+(?P<s>(?:the\s+|[A-Z])[^,]*|(?:[a-z][\w'-]*\s+){0,2}[a-z][\w'-]*s)$")
# "the Organisation for Economic Cooperation and Development": "and" inside an institution's name
_EN_SUBJ_INSTITUTION = lazy_regex(r"\b[Tt]he\s+(?:[A-Z][\w'.-]*\s+)+(?:of|for)\s+(?:[A-Z][\w'.-]*\s+)*?"
                                  r"[A-Z][\w'.-]*\s+and\s+(?:[A-Z][\w'.-]*\s*)+$")


# "Ayman Kassem a member of the southern command claimed": a name, then its apposition without the commas
_EN_NAME_APPOSITION = LazyPattern(
    lambda: r"\s*(?P<n>[A-Z][\w'-]+(?:\s+(?:al-\w+|bin|de|[A-Z][\w'-]+)){1,3})\s+"
            r"(?:the|a|an)\s+(?:[a-z][\w-]*\s+){0,2}(?:" + "|".join(sorted(_EN_ROLE_OR_TITLE | {"member"})) + r")\b"
            r"[^\"“”]*$")


_EN_LEADING_PARTICIPLE = lazy_regex(
    r"\s*(?:Speaking|Talking|Writing)\s+(?:to|on|in|at|with)\s+[^,\"“”]*?\b(?:TV|television|radio|reporters|"
    r"journalists|newspaper|daily|agency|channel|broadcaster|website)\s+(?P<s>[A-Z][\w'-]+(?:\s+(?:al-\w+|bin|"
    r"[A-Z][\w'-]+)){0,3})\s*$")
_EN_SUBJ_PARTICIPLE = lazy_regex(r"\s+(?:speaking|talking|writing|appearing)\s+(?:to|from|at|on|in|after|during)\b"
                                 r"[^\"“”,]*$")


def _en_subject(tail: str) -> str | None:
    """Subject right before an English speech verb."""
    t = tail.rstrip()
    lead = _EN_LEADING_PARTICIPLE.match(t)
    if lead:
        # "Speaking to Syrian state TV Barazi said": the subject follows the phrase's last noun
        return lead.group("s")
    # (the name opens the subject: the sentence, or what follows its last quote mark or comma)
    k = max(t.rfind('"'), t.rfind("”"), t.rfind(","))
    ap = _EN_NAME_APPOSITION.match(t) or (_EN_NAME_APPOSITION.match(t, k + 1) if k >= 0 else None)
    if ap:
        return ap.group("n")
    pp = _EN_SUBJ_PARTICIPLE.search(t, max(0, len(t) - 120)) if "ing " in t else None
    if pp and pp.start() > 0:
        # "A Madaya resident speaking from the bus garage inside Aleppo said": the noun before the participle
        head = _en_subject(t[:pp.start()])
        if head:
            return head
    tm = _EN_SUBJ_TRAILER.search(t, max(0, len(t) - 80))  # the words just before the verb, not the sentence
    if tm:
        t = t[:tm.start()]
    if "<" in t:  # "<Industrial Equity Ltd>" marks a name; "<DOW>" is a ticker
        marked = _EN_MARKED_NAME.search(t)
        if marked and not _EN_TICKER.fullmatch(marked.group(0)):
            # "<SHV (United Kingdom) Holding Co Ltd> said": the marks bound the name whole (its brackets
            # were read as an aside, leaving "Holding Co Ltd")
            return marked.group("n").strip()
        t = _EN_TICKER.sub("", t).replace("<", "").replace(">", "")
    if not t:
        return None
    rel = _EN_RELATIVE.search(t)
    if rel and rel.start() > 0:
        inner = _EN_RELATIVE_SUBJECT.match(t, rel.start())
        if inner:
            # "an attack on Monday which US officials have said ...": the relative clause's own subject
            head = _en_subject(inner.group("s"))
            if head:
                return head
        # "The U.S.-led coalition which launched an air war against IS ... said": the noun before "which"
        head = _en_subject(t[:rel.start()])
        if head:
            return head
    app = _EN_NAME_INDEFINITE_APPOSITION.search(t, max(0, len(t) - 200)) if t.endswith(",") else None
    if app:
        # "Bryson Oil and Gas Plc, a Belfast, Northern Ireland, oil company, said", "March 2 - WEDGE Group Inc, a
        # Houston investment firm with a 5.5 pct stake in ..., said": the name before its indefinite apposition
        return app.group("n")
    parts = [p.strip() for p in t.split(",")]
    last = parts[-1]
    if not last and len(parts) >= 3 and parts[-2].startswith("including ") and 0 < _words(parts[-3]) <= 4:
        # "..., senior economists, including Susumu Taketomi of Industrial Bank of Japan, said": the group
        return parts[-3]
    if not last and len(parts) >= 3:
        # "The agency's regional director, Hanan Balkhy, said" / "Charles Lister, director of ..., wrote"
        if _EN_NAME_RUN.fullmatch(parts[-2]) and _words(parts[-2]) <= 4:
            return parts[-2]
        if _EN_NAME_RUN.fullmatch(parts[-3]) and _words(parts[-3]) <= 4:
            return parts[-3]
        if _EN_TITLE_THEN_NAME.fullmatch(parts[-3]):
            # "Senate Republican leader Robert Dole, a key Reagan ally, told": the title and the name
            return parts[-3]
        return None
    if not last:
        return None
    coord = _EN_COORDINATED_SUBJECT.fullmatch(last.strip()) if " and " in last else None
    if coord and coord.start() == 0 and (t.strip() == last.strip() or t.rstrip().endswith("," + last)):
        # "Assads regime and Russia have accused ...", "Government and opposition forces have both denied ...":
        # two subjects joined by "and" opening the clause are the speaker together (was the last, or none)
        return last.strip()
    words = last.split()
    if words and _PRONOUN.match(words[-1]):
        return words[-1]
    unit = _EN_UNIT_OF.search(last)
    if unit:  # "Dow Chemical Co's Merrell Dow Pharmaceuticals Inc unit said": the unit is the name
        return unit.group("n").split("'s ")[-1].strip()
    pp = _EN_NOUN_IN_PLACE.search(last)
    if pp:  # "An AFP correspondent in Aleppo said": the correspondent, not Aleppo
        return pp.group(0).strip()
    m = _EN_SUBJ_NOUN.search(last) if _EN_NOUN_END.search(last) else None
    if m:
        if m.start() > 0 and _EN_NAME_RUN_BEFORE.fullmatch(last, 0, m.start()) and not _EN_DETERMINER.match(m.group(0)):
            # "Bank of Japan officials said", "Syria Civil Defence workers who went ... said": the name the
            # noun phrase opens with, when it opens the clause (in a clause's tail it may be the claim's); not
            # before a determiner, which opens the noun phrase: "Aleppo A military source announced" is SANA's
            # section label glued to the sentence, the source no part of the place
            return last.strip()
        of = _EN_PEOPLE_OF.search(last, 0, m.start())  # "Officials of major Japanese banks": the officials
        return last[of.start():m.end()].strip() if of else m.group(0).strip()
    m = _EN_SUBJ_INSTITUTION.search(last, max(0, len(last) - 100)) or _EN_SUBJ_NAME.search(last)
    if m:
        of = _EN_NOUN_OF.search(last, 0, m.start())  # "the government of President X": the government
        return last[of.start():m.end()].strip() if of else m.group(0).strip()
    return None


_EN_NAME_INDEFINITE_APPOSITION = lazy_regex(
    r"(?:^|[-–]\s+|\.\s+)(?P<n>[A-Z][\w'.&-]*(?:\s+(?:[A-Z][\w'.&-]*|and|of|de))*),\s+(?:a|an)\s+[^\"“”«»]{3,160},$")
_EN_TITLE_THEN_NAME = lazy_regex(r"(?:[A-Z][\w'.-]*\s+){0,3}(?:[a-z][\w-]*\s+){1,2}[A-Z][\w'.-]*(?:\s+(?:[A-Z][\w'.-]*|al-\w+|de|van|bin)){1,3}")
_EN_THE_SOURCE = lazy_regex(r"the\s+(?:same\s+)?source", re.I)


# heads of speakers that are no person: "he said" after "..., the statement said" is not the statement's
_EN_IMPERSONAL = frozenset(
    "statement report reports ministry agency government observatory group council committee company bank embassy "
    "office command army court union party coalition tv television radio media newspaper department commission "
    "institute center centre organisation organization network website channel corp inc ltd co plc".split())
_EN_HEAD_BEFORE_OF = lazy_regex(r"\s+(?:of|for|in|at)\s")


# (and adverbs of time that open the sentence: "Later a military source announced", "Earlier state television")
_EN_LEADING_CONJUNCTIONS = frozenset("but and yet however meanwhile so later earlier then".split())


_EN_PLACE_PREPOSITIONS = frozenset("at in from near with to close".split())
_EN_NATIONALITIES = frozenset("u.s. us french syrian american british russian iranian israeli turkish un u.n.".split())


def _plural(speaker: str | None) -> bool:
    """A speaker headed by a plural common noun ("industry sources", "Traders and analysts", "US officials")."""
    words = _EN_HEAD_BEFORE_OF.split(speaker, 1)[0].split() if speaker else []
    w = words[-1] if words else ""
    return (w[:1].islower() and w.endswith("s") and not w.endswith(("ss", "us", "is")) or w.lower() == "police"
            or len(words) >= 3 and words[-2].lower() == "and")


# a person's name: two to four capitalised words or particles, none an institution's head ("Amir al-Huwaidi",
# "Rami Abdel Rahman"; not "Syrian Observatory for Human Rights", "Banner Industries Inc")
_EN_PERSON_NAME = lazy_regex(r"[A-Z][a-z'-]+(?:\s+(?:[A-Z][a-z'-]+|al-[A-Z]?\w+|bin|de|van|von|da|abu|Abu)){1,3}")


def _impersonal(speaker: str | None) -> bool:
    words = _EN_HEAD_BEFORE_OF.split(speaker, 1)[0].split() if speaker else []
    return bool(words) and words[-1].lower().strip(".") in _EN_IMPERSONAL


def _en_speaker(reg: Registry, subj: str | None, person: str | None = None) -> str | None:
    """``person``: the last titled (or "named") person met, whom "he"/"she" stands for when no speaker
    came before or the last one is no person."""
    if not subj:
        return reg.last_speaker
    subj = clean(subj)
    if person and subj.lower() in ("he", "she") and (reg.last_speaker is None or _impersonal(reg.last_speaker)):
        return person
    if subj.lower() in ("he", "she") and _plural(reg.last_speaker):
        # "he" is no "industry sources": the one who spoke before them, else the person last named
        sp = next((s for s in reversed(reg.spoken) if not _plural(s) and not _impersonal(s)), None) or person
        if sp:
            return sp
    if subj.lower() == "it" and reg.last_speaker and not _impersonal(reg.last_speaker) \
            and _EN_PERSON_NAME.fullmatch(reg.last_speaker):
        # "It says it determines ..." after "Local activist Amir al-Huwaidi told ...": "it" is no person, but
        # the institution that spoke before (among the last three speakers), else the last speaker still
        sp = next((s for s in list(reversed(reg.spoken))[1:3] if _impersonal(s)), None)
        if sp:
            return sp
    if _PRONOUN.match(subj) or _EN_THE_SOURCE.fullmatch(subj):  # "the source said": the source named before
        return reg.last_speaker
    words = subj.split()
    while len(words) > 1 and words[0].lower() in _EN_LEADING_CONJUNCTIONS:
        words = words[1:]  # "But analysts said", "And Zoltan Boesze said": the conjunction opens the clause
    subj = " ".join(words)
    # split off leading title words: "French President Emmanuel Macron" → name "Emmanuel Macron"
    i = 0
    while i < len(words) - 1 and (words[i].lower() in EN_TITLE_WORDS or words[i].lower() == "the"
                                  or (words[i][:1].islower() and not words[i].startswith("al-"))):
        if words[i] in _EN_PLACE_PREPOSITIONS:
            i = 0  # "a source at Aleppo Police Command" is the source, its place no name it is the title of
            break
        i += 1
    # ("the government of President Bashar al-Assad" is the government: its head is before "of")
    # (a nationality alone is no title: "the Syrian Arab Red Crescent", "US State Department" are whole)
    if (0 < i < len(words) and words[i][:1].isupper() and len(words) - i >= 2
            and not any(w in ("of", "for") for w in words)  # "the Syrian Observatory for Human Rights" is whole
            and not all(w.lower() in _EN_NATIONALITIES or w.lower() == "the" for w in words[:i])):
        return reg.add(" ".join(words[i:]), " ".join(words[:i]))
    if words and words[0].lower() == "the":
        subj = " ".join(words[1:])
    n = len(reg.entities)
    sp = reg.resolve(subj)
    if (len(reg.entities) > n and subj.lower() in _EN_PERSON_TITLES and reg.last_speaker
            and not _impersonal(reg.last_speaker)):
        # '"...," the minister said' with no minister named: the person who spoke last, not a new "minister"
        reg.entities.pop()
        return reg.last_speaker
    return sp


_CHAIN_LEAD = lazy_regex(fold_str(r"[\s.،,؛;»”\"]*(?:(?:و|ثم|كذلك|وكذلك|and|also|then)(?!\w)[\s،,]*)+[\s،,]*"))


def _standalone_quotes(ctx: _Ctx, ss: int, se: int, lang: str) -> None:
    """Quotes no speech verb claimed: a long quote opening a sentence is the previous speaker's."""
    F = ctx.F
    prev_end = ss
    qs = ctx.quotes_between(ss, se)
    if lang == "en":
        # an English quote of several sentences waits for the sentence it closes in, whose "... X said"
        # may name its speaker; it is taken there, as that sentence's opening quote, if not
        sq = ctx.straddling(ss)
        qs = ([sq] if sq and sq.end <= se + 1 else []) + [q for q in qs if q.end <= se + 1]
    for q in qs:
        if q.used or q.is_name:
            prev_end = q.end
            continue
        # (quoted_name_context was tested for every quote in extract(): a name is is_name already)
        lead = F[ss:q.start].strip() if q.start >= ss else ""
        last = ctx.stmts[-1] if ctx.stmts else None
        if q.words(F) >= 6 and (not lead or lead.endswith(":")):
            _emit_quote(ctx, q, ctx.reg.last_speaker, None, ss, q.start)
        elif (q.words(F) >= 3 and last is not None and last.direct and last.end >= prev_end - 3
              and _CHAIN_LEAD.fullmatch(F, prev_end, q.start)):
            # "«للمحكمة كلهم سوا». و «باسم الدين سرقونا الحرامية»، وكذلك «...»": quotes joined by a
            # conjunction to the direct quote just before are the same speaker's
            _emit_quote(ctx, q, last.speaker, last.verb, ss, q.start)
        else:
            q.is_name = True
        prev_end = q.end


# (whom it was said to, a quoted outlet after لـ, is no part of the speaker: 'مسؤول أميركي لـ "CBS": ...';
# the speaker may be a quoted name: '"نيويورك تايمز": الحملة ... فشلت')
_HEADLINE = lazy_regex(r"(?P<s>[^\n:،,.«»\"“”]{2,40}?|«[^\n:«»]{2,40}»|\"[^\n:\"]{2,40}\"|“[^\n:“”]{2,40}”)"
                       r"(?:\s*(?<!\w)ل\s*[«\"“][^»\"”\n:]{1,40}[»\"”])?\s*:\s*(?P<c>[^\n]{8,})")


def _headline_speaker(ctx: _Ctx) -> None:
    """A headline "ميدفيدف: الغرب يشارك في حرب ..." / "أمير عسير: رجال الأمن ...": the words before the
    colon are its speaker when the article's own statements are said by them (a place label, "لبنان:
    المقاومة تستهدف ...", never speaks in the body). Read after the body, whose speakers it needs."""
    F = ctx.F
    end = F.find("\n")
    end = len(F) if end < 0 else end
    m = _HEADLINE.fullmatch(F, 0, end)
    if not m or ctx.overlaps_stmt(0, end) or _words(m.group("s")) > 4 or not is_noun_phrase(m.group("s")):
        return
    mention = ctx.d(*m.span("s"))
    sp = next((st.speaker for st in ctx.stmts if st.speaker and refers_to(mention, st.speaker)), None)
    first = m.group("s").split()[0]
    if sp is None and (first in TITLE_WORDS or first in BARE_TITLES or first.lower() in EN_TITLE_WORDS):
        # "أمير عسير: ...", "وزير الخارجية: ...": a title speaks even when the body names the person
        # only by name (or by an honorific)
        sp = clean(mention)
    # (two words are a statement when the body's speaker says them: "X: لست اتحادياً")
    if sp and (_words(m.group("c")) >= 3 or _words(m.group("c")) == 2 and sp != clean(mention)):
        cs, ce = m.span("c")
        while ce > cs and F[ce - 1] in _TRIM:
            ce -= 1
        ctx.stmts.insert(0, _Stmt(sp, None, False, cs, ce, 0, m.end("s")))


def _any_in(points: list[int], s: int, e: int) -> bool:
    """Does a sorted list of match starts hold one in [s, e)?"""
    i = bisect_left(points, s)
    return i < len(points) and points[i] < e


# ---------------------------------------------------------------- dates


def _is_dateline(F: str, ss: int, se: int, spans: list[tuple[int, int]]) -> bool:
    """A line that is only a date (and a time): the publication line, not an attributed date."""
    rest = F[ss:se]
    for s, e in sorted(spans, reverse=True):
        if ss <= s and e <= se:
            rest = rest[:s - ss] + rest[e - ss:]
    # all of it is date/time filler: one fullmatch, which stops at the first other character
    # (each filler piece starts with its own characters, so this is the same as removing them)
    if _DATELINE_FILLER.fullmatch(rest) is not None:
        return True
    # "وادي الدواسر 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس": near the top, a paragraph of its own
    # that is a place, the dates and an agency is the dateline (no event is dated by it)
    own_par = (ss == 0 or F[ss - 1] == "\n") and (se >= len(F) or F[se:se + 1] in ("\n", ""))
    others = sum(not _DATELINE_FILLER.fullmatch(w) and any(map(str.isalpha, w)) for w in rest.split())
    # (two dates, Hijri and Gregorian, and up to four other words; or one date and a place and an agency,
    # or a byline that only looks like a date, "عين اليوم – الرياض")
    return ss < 400 and own_par and (len(spans) >= 2 and others <= 4
                                     or len(spans) == 1 and others <= 3 and _DASH.search(rest) is not None)


# ---------------------------------------------------------------- main entry


def extract(text: str, published: datetime | None = None, lang: str | None = None) -> list[ClaimCandidate]:
    if not text or not text.strip():
        return []
    lang = lang or dates_mod.detect_lang(text)
    folded = fold(text)
    F = folded.text
    ctx = _Ctx(F, folded, Registry(), find_quotes(F), text)
    sents = sentences(F)
    for q in ctx.quotes:
        if quoted_name_context(F, q):
            q.is_name = True

    # Which sentences hold Arabic speech verbs / Latin words: one pass over the article
    # instead of a search per sentence (an English article has no Arabic letters at all).
    ar_trig = [] if lang == "ar" or not dates_mod._AR_LETTERS.search(F) else [m.start() for m in _AR_TRIGGER.finditer(F)]
    latin = [] if lang == "en" else [m.start() for m in _THREE_LATIN_LETTERS.finditer(F)]
    name_titles = list(_NAME_TITLE_WORD.finditer(F)) if lang == "ar" else []
    nt_starts = [m.start() for m in name_titles]
    for ss, se in sents:
        _register_appositions(ctx, ss, se)
        a, b = bisect_left(nt_starts, ss), bisect_left(nt_starts, se)
        if a < b:
            _register_titled_names(ctx, ss, se, name_titles[a:b])
        n_before = len(ctx.stmts)
        if lang == "ar" or _any_in(ar_trig, ss, se):
            _attribution_mid(ctx, ss, se)
            _attribution_tail(ctx, ss, se, before_participle=True)
            _arabic_sentence(ctx, ss, se)
        if lang == "en" or _any_in(latin, ss, se):
            _english_sentence(ctx, ss, se)
        if len(ctx.stmts) == n_before:
            _attribution_lead(ctx, ss, se)
        if len(ctx.stmts) == n_before:
            _attribution_tail(ctx, ss, se)
        _standalone_quotes(ctx, ss, se, lang)

    _headline_speaker(ctx)

    # map to the caller's offsets
    def o(s: int, e: int) -> tuple[int, int]:
        return folded.orig_start(s), folded.orig_end(e)

    sent_of = _sentence_finder(sents)
    claims: list[ClaimCandidate] = []
    names_by_sent: dict[int, list[str]] = {}
    for q in ctx.quotes:
        if q.is_name and not q.used:
            s, e = o(q.istart, q.iend)
            names_by_sent.setdefault(sent_of(q.start), []).append(text[s:e])

    # the headline (the first line, before its site's name: "... killed NGO - Region - World - Ahram Online")
    title_end = F.find("\n")
    title = _EN_TITLE_SITE.split(F[:title_end], 1)[0].strip().rstrip(".") if lang != "ar" and title_end > 0 else ""
    title = title if len(title) >= 20 else ""
    for st in ctx.stmts:
        s, e = o(st.start, st.end)
        # (the statement's words only: a wire's dateline opening it is page furniture, not what was said;
        # its span, which owns that date, stays as it is)
        dl = _EN_DATELINE_OPENING.match(F, st.start, st.end) if lang != "ar" else None
        if dl and st.end - dl.end() >= 12:
            s = o(dl.end(), st.end)[0]
        elif title and st.start > title_end and (F.startswith(title, st.start) or _stamp_then_title(F, st, title)):
            # "Suicide bomber kills 4 in Assad clans hometown AFP Sunday 22 Feb 2015 A suicide bomber killed ...":
            # the page's headline repeated before the first sentence, with its agency and date, is no part of it
            k = F.find(title, st.start, st.start + 120 + len(title)) + len(title)
            stamp = _EN_STAMP_AFTER_TITLE.match(F, k, st.end)
            k = stamp.end() if stamp else k
            if _words(F[k:st.end]) >= 3 and F[k:k + 1].isupper():
                s = o(k, st.end)[0]
        si = sent_of(st.start)
        sent = _sentence_text(text, folded, sents, si, st.end)
        claims.append(ClaimCandidate("quote", text[s:e], sent, s, e, speaker=st.speaker or None, verb=st.verb,
                                     direct=st.direct, names=list(names_by_sent.get(si, []))))

    # dates
    ref = published
    if isinstance(ref, datetime) and ref.tzinfo is None:
        from datetime import timezone
        ref = ref.replace(tzinfo=timezone.utc)
    tagged = dates_mod.tag(text, ref, lang, folded)  # the same folding, done once
    date_spans = _Spans([(c.start, c.end, (m, c)) for m, c, _ in tagged])
    figures = find_figures(folded, lang)
    fig_spans = _Spans([(f.start, f.end, f) for f in figures])
    stmt_spans = _Spans([(st.start, st.end, st) for st in ctx.stmts])
    intro_spans = _Spans([(st.intro_start, st.intro_end, st) for st in ctx.stmts])
    dateline: dict[int, bool] = {}
    for mention, cand, direction in tagged:
        fs, fe = cand.start, cand.end
        if fig_spans.overlapping(fs, fe) and (_is_bare_year(mention, cand) or _is_numbers_only(mention)):
            continue  # "2000 شخص", "5-8 years" are figures, not a year or a day
        si = sent_of(fs)
        if si < 0:
            continue
        ss, se = sents[si]
        dl = dateline.get(si)
        if dl is None:  # the same for every date of the sentence: computed once
            dl = dateline[si] = _is_dateline(F, ss, se, [(a, b) for a, b, _ in date_spans.overlapping(ss, se)])
        if dl:
            continue
        value, grain = mention.value, mention.grain
        owner = next(iter(stmt_spans.covering(fs)), None)
        intro = next(iter(intro_spans.covering(fs)), None)
        if owner and cand.relative and published is not None:
            # resolve against the date of the statement that contains it
            sdate = _statement_date(date_spans, owner)
            if sdate:
                v = cand.resolve(sdate, direction)
                if v:
                    value, grain = v
        if not value:
            value, grain = None, None
        if owner:
            cs, ce = owner.start, owner.end
        elif intro:
            cs, ce = ss, intro.intro_end
        else:
            cs, ce = _event_clause(F, ss, se, fs, fe)
        while ce > cs and F[ce - 1] in " \t،,.:؛":
            ce -= 1
        s, e = o(cs, ce)
        claims.append(ClaimCandidate("date", text[s:e], _sentence_text(text, folded, sents, si, ce), s, e,
                                     speaker=(owner.speaker if owner else (intro.speaker if intro else None)) or None,
                                     date=value, grain=grain, date_text=mention.text,
                                     names=list(names_by_sent.get(si, []))))

    for f in figures:
        if any(not _is_bare_year(*payload) and not _is_numbers_only(payload[0])
               and not (is_time_unit(f.unit) and _DURATION_WORD.search(payload[0].text))
               for _, _, payload in date_spans.overlapping(f.start, f.end)):
            continue  # a date's words; a duration inside a date ("منذ عامين") is still a figure
        si = sent_of(f.start)
        owner = next(iter(stmt_spans.covering(f.start)), None)
        s, e = o(f.start, f.end)
        claims.append(ClaimCandidate("figure", text[s:e], _sentence_text(text, folded, sents, si, f.end), s, e,
                                     speaker=(owner.speaker if owner else None) or None, value=f.value, unit=f.unit,
                                     names=list(names_by_sent.get(si, []))))
    claims.sort(key=lambda c: (c.start, c.kind))
    return claims


class _Spans:
    """Spans sorted by start, for overlap and covering queries by bisection."""

    def __init__(self, items: list[tuple[int, int, object]]):
        self.items = sorted(items, key=lambda t: (t[0], t[1]))
        self.starts = [t[0] for t in self.items]
        # spans are short (a clause, a date, a figure): look back this far for one still open
        self.reach = max((t[1] - t[0] for t in self.items), default=0)

    def overlapping(self, a: int, b: int) -> list[tuple[int, int, object]]:
        lo = bisect_left(self.starts, a - self.reach)
        hi = bisect_left(self.starts, b)
        return [t for t in self.items[lo:hi] if t[0] < b and a < t[1]]

    def covering(self, p: int) -> list:
        return [t[2] for t in self.overlapping(p, p + 1) if t[0] <= p < t[1]]


def _is_bare_year(mention, cand) -> bool:
    return cand.resolver in (dates_mod._ar_year, dates_mod._en_year_rule) and not _NON_DIGIT.search(mention.text.strip())


def _is_numbers_only(mention) -> bool:
    """A date read from digits and separators alone ("5-8"): a figure's words win over it."""
    return _NUMBERS_ONLY.fullmatch(mention.text.strip()) is not None


def _statement_date(date_spans: _Spans, st: _Stmt) -> date | None:
    """The day-grain date given to the statement itself ("قالت ... في 4 من تشرين الثاني إن")."""
    for _, _, (m, c) in date_spans.overlapping(st.intro_start, st.intro_end):
        if st.intro_start <= c.start < st.intro_end and m.grain == "day" and m.value:
            return date.fromisoformat(m.value)
    return None


def _event_clause(F: str, ss: int, se: int, fs: int, fe: int) -> tuple[int, int]:
    """The part of the sentence that holds the event: cut at continuations (، مضيفًا / بينما)."""
    start = ss
    for m in _BOUNDARY.finditer(F, ss, se):
        if m.start() < fs:
            start = m.end()
        else:
            return start, m.start()
    return start, se


def _sentence_finder(sents: list[tuple[int, int]]):
    from bisect import bisect_right
    starts = [s for s, _ in sents]

    def find(pos: int) -> int:
        i = bisect_right(starts, pos) - 1
        return i if i >= 0 and pos < sents[i][1] + 1 else (i if i >= 0 else -1)
    return find


def _sentence_text(text: str, folded: Folded, sents, si: int, end_f: int) -> str:
    if si < 0:
        return ""
    ss, se = sents[si]
    j = si
    while se < end_f and j + 1 < len(sents):  # a quote that runs over a sentence end
        j += 1
        se = sents[j][1]
    return text[folded.orig_start(ss):folded.orig_end(se)]
