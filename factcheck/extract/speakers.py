"""Speakers: who said it, and which earlier full name a later mention points to.

An article introduces a person once with a title and a name ("الرئيس الفرنسي،
إيمانويل ماكرون،", "French President Emmanuel Macron") and then uses the title,
the surname or a pronoun. :class:`Registry` keeps the entities seen so far, in
order, and resolves a mention to the most recent entity it can stand for:
  1. the mention is a title registered for a name  → that name
  2. the mention's words (without ال and titles) are a subset of a known name
     or institution ("ماكرون" ⊂ "إيمانويل ماكرون", "الوزارة" ⊂ "وزارة الداخلية السورية")
  3. otherwise the mention is its own entity (registered for later mentions)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from factcheck.text.lazy_pattern import lazy_regex

from .fold import fold_str

# patterns used in hot loops, compiled once
_ARTICLE_PREFIX = lazy_regex(r"^ال")
_CONJUNCTION_BEFORE_AL = lazy_regex(r"^(?:[وف])(?=ال)")
_LEADING_THE = lazy_regex(r"^the\s+")
_WHITESPACE = lazy_regex(r"\s+")

_TITLE_WORDS_RAW = (
    "الرئيس", "رئيس", "رئيسة", "الرئيسة", "وزير", "الوزير", "وزيرة", "الوزيرة", "المتحدث", "المتحدثة", "متحدث",
    "متحدثة", "الناطق", "الناطقة", "ناطق", "المبعوث", "المبعوثة", "مبعوث", "السفير", "السفيرة", "سفير", "مدير",
    "مديرة", "المدير", "المديرة", "الأمين", "أمين", "نائب", "النائب", "قائد", "القائد", "زعيم", "الزعيم", "الملك",
    "الأمير", "المستشار", "مستشار", "المستشارة", "عضو", "الجنرال", "اللواء", "العميد", "العقيد", "مراسل", "مراسلة",
    "الباحث", "الباحثة", "الخبير", "الخبيرة", "المحلل", "الكاتب", "الصحفي", "مسؤول", "المسؤول", "الشيخ", "المرشد",
    "رئيسة", "المفوض", "المفوضة", "المنسق", "المنسقة", "محافظ", "المحافظ", "الممثل", "ممثل", "المندوب",
    "المندوبة", "مندوب", "الوزيرة", "الأمينة", "المرشح", "المرشحة", "الحاكم", "حاكم", "رئيسه",
    "وكيل", "الوكيل", "استشاري", "الاستشاري",  # ("وكيل وزارة العمل للتفتيش ... الدكتور عبدالله أبو ثنين")
    "مدرب", "مدربة", "محلل", "محللة", "المحللة", "المراسل", "المراسلة", "القيادي", "قيادي", "القيادية", "قيادية",
    "السيد", "السيدة", "نظيره", "نظيرته", "نظيرها", "نظيرتها",  # ("مع نظيره الروسي، سيرغي لافروف،")  # (a courtesy title: "السيدة الركراكي" is the نادية الركراكي named before)
)
TITLE_WORDS = {fold_str(w) for w in _TITLE_WORDS_RAW}
# Courtesy titles, ranks and callings written right before a name, never after it or for the name alone:
# "الدكتور وليد باصمد" (later "الدكتور باصمد"), "الرائد عبدالرحمن الأحمري", "الممثل فايز المالكي". They
# are no part of what a mention is compared by, and a name follows them directly (no genitive between).
NAME_TITLES = {fold_str(w) for w in (
    "الدكتور", "الدكتورة", "د.", "المهندس", "المهندسة", "الأستاذ", "الأستاذة", "البروفيسور", "الشيخ", "الشيخة",
    "الحاج", "السفير", "السفيرة", "اللواء", "العميد", "العقيد", "الرائد", "النقيب", "المقدم", "العريف", "الملازم",
    "الفريق", "الجنرال", "الأمير", "الأميرة", "الملك", "الرئيس", "الوزير", "الوزيرة", "الفنان", "الفنانة",
    "الممثل", "الممثلة", "المدرب", "اللاعب", "الكاتب", "الكاتبة", "الصحفي", "الصحافي", "الإعلامي",
    "الإعلامية", "المحامي", "المحامية", "السيد", "السيدة", "المخرج", "المطرب", "المطربة", "الداعية")}
BARE_TITLES = {w.removeprefix("ال") for w in TITLE_WORDS}  # what _ARTICLE_PREFIX strips, with no pattern built at import
EN_TITLE_WORDS = {
    "president", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "envoy", "ambassador",
    "director", "chief", "head", "leader", "king", "prince", "general", "gen.", "adviser", "advisor",
    "senator", "sen.", "governor", "gov.", "commander", "mayor", "chairman", "chair", "correspondent",
    "analyst", "official", "prime", "foreign", "interior", "defense", "defence", "press", "deputy", "white",
    "house", "special", "u.s.", "us", "french", "syrian", "american", "british", "russian", "iranian",
    "israeli", "turkish", "un", "u.n.", "coordinator", "representative", "mr.", "mrs.", "ms.", "dr.",
}
_PRONOUNS = {"he", "she", "they", "it", "هو", "هي", "هم", "the same source", "the source"}
# "المصدر ذاته" / "المصدر نفسه": the source named just before
_SAME_SOURCE = lazy_regex(fold_str(r"^(?:ال)?مصدر\w*\s+(?:ذاته|نفسه|ذاتها|نفسها)$|^(?:ال)?مصادر\s+(?:ذاتها|نفسها)$"))
_AL = lazy_regex(r"^(?:[وفبل]?ال|لل)(?=\w{2,})")
# an adjective after a title (its nisba, or a rank): "الروسي", "العام", not a genitive "الوزراء"
_ADJECTIVE = lazy_regex(fold_str(r"ال\w{3,}يه?$|(?:العام|العامه|الاعلي|الاول|السابق|السابقه|الجديد|الجديده)$"))
_OWN_REPORTER = lazy_regex(fold_str(r"^(مراسل|مراسله|موفد|مندوب|محرر)نا$"))

# A speaker is a noun phrase (a person, a title, an institution, a document, a source). Words a
# subject slot can hold that are none of these: pronouns, adverbs, prepositions (then the verb's own
# subject is the one elided: the previous speaker, or none).
_NOT_SPEAKER_FIRST = {fold_str(w) for w in (
    "فيه فيها فيهم فيهما منه منها منهم له لها لهم لهما عنه عنها عليه عليها إليه إليها به بها أيضا "
    "كذلك كما بدوره بدورها بدورهم الآن حينها حينذاك خلاله خلالها سموه معاليه فضيلته سيادته سماحته "
    "سعادته سعادتها "
    "هو هي هم هما نحن أنا أنت لي لك لنا لكم لكما لهن تعبيره تعبيرها قوله قولها وصفه وصفها رأيه رأيها زعمه زعمها "
    "كلامه كلامها حديثه حديثها تصريحه تصريحها "
    "في من على عن إلى الى مع منذ حتى خلال عبر بعد قبل عند لدى بشكل بصورة بدون دون ضمن وفق حول بين "
    "بحسب حسب وفقا طبقا "
    # how a thing was said ("أعلن لكم بحزن أن ..."): manner, no speaker
    "بحزن بأسف بأسى بحسرة بفخر بسعادة بفرح بوضوح بصراحة بشدة بقوة بثقة بحزم بهدوء "
    "بصوت ببرود بلهجة بنبرة بغضب بحماس بانفعال بابتسامة بلغة بلسان "
    # when it was said, left in the subject's slot ("حسبما أعلن الأسبوع الماضي"): no speaker
    "الأسبوع الاسبوع الشهر أمس امس "
    # "وتابع بالقول:": with the saying, not who says it
    "بالقول قائلا قائلة "
    "أي "  # ("نفت X أي علاقة": the object's determiner)
    "ثم أو او لكن بل إذ اذ حيث هنا هناك ذلك هذا هذه تلك إنه انه أنه إنها انها أنها ما لا لم لن قد "
    "also here there then now today this that these those which who whom whose what when where why how "
    "in on at by for from with to of into about after before during since").split()}
_DEMONSTRATIVES = {fold_str(w) for w in "هذا هذه ذلك تلك هؤلاء".split()}
# English heads of a mention that name a person speaking for an organisation
_PERSON_HEADS = {"spokesman", "spokeswoman", "spokesperson", "official", "officials", "source", "sources",
                 "correspondent", "analyst", "executive", "chairman", "director", "lawyer", "representative"}
# nouns that stand for the organisation named last ("the company said", "أوضح النادي الإنجليزي")
_GENERIC = {fold_str(w) for w in (
    "company firm group bank corporation club ministry agency government organisation organization "
    "النادي الشركة الهيئة الوزارة الحركة المنظمة الجماعة الحكومة المجلس الوكالة المؤسسة الجمعية الحزب "
    "الفريق الاتحاد التنظيم الائتلاف الجهة").split()}


@lru_cache(maxsize=8192)
def is_noun_phrase(mention: str) -> bool:
    """Can ``mention`` be a speaker at all (not a pronoun, adverb, preposition or word fragment)?"""
    w = _WHITESPACE.sub(" ", mention.strip()).split(" ")
    if len(w) > 1 and w[0].lower() in ("a", "an", "the"):
        w = w[1:]
    if not w or not w[0] or not any(map(str.isalpha, mention)):  # "**", "-": no words at all
        return False
    first = _CONJUNCTION_BEFORE_AL.sub("", fold_str(w[0]).lower())
    if first.removeprefix("و") in _DEMONSTRATIVES and len(w) > 1 and fold_str(w[1]).startswith("ال"):
        return True  # "هذه التقارير", "تلك المصادر": a demonstrative and its noun
    if first in _NOT_SPEAKER_FIRST or (len(first) < 2 and not first.isupper()):
        return False
    if first[:1] in "وف" and first[1:] in _NOT_SPEAKER_FIRST:  # "وعن الدخل المادي ...": a preposition with و
        return False
    if _BI_MASDAR.fullmatch(first):  # "بمشاركة نساء ...", "بمنطقة جازان": a preposition and its noun
        return False
    return True


_BI_MASDAR = lazy_regex(r"ب[ماتن][\u0621-\u064a]{3,}ه")
_TOK = lazy_regex(r"[\w'.-]+")


@lru_cache(maxsize=4096)
def _key_tokens(name: str) -> frozenset[str]:
    """Comparable words: folded, lower-cased, without ال, without title words."""
    out = []
    for t in _TOK.findall(fold_str(name).lower()):
        t = t.strip(".'")
        if not t or t in TITLE_WORDS or t in NAME_TITLES or t in EN_TITLE_WORDS or t in _DEMONSTRATIVES \
                or t in ("the", "of", "في", "باسم", "الى", "من"):
            continue
        out.append(_AL.sub("", t))
    return frozenset(out)


@lru_cache(maxsize=4096)
def _title_key(title: str) -> str:
    t = fold_str(title).lower().strip(" ،,.")
    t = _CONJUNCTION_BEFORE_AL.sub("", t)
    t = _LEADING_THE.sub("", t)
    return _WHITESPACE.sub(" ", t)


@dataclass
class Entity:
    name: str
    titles: set[str] = field(default_factory=set)
    tokens: frozenset[str] = frozenset()


class Registry:
    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self._last: str | None = None
        # the speakers in the order they spoke (each once, the latest last): English "he said" after a
        # plural speaker ('..., which industry sources said was ...') is the person who spoke before them
        self.spoken: list[str] = []

    @property
    def last_speaker(self) -> str | None:
        return self._last

    @last_speaker.setter
    def last_speaker(self, value: str | None) -> None:
        self._last = value
        if value and (not self.spoken or self.spoken[-1] != value):
            if value in self.spoken:
                self.spoken.remove(value)
            self.spoken.append(value)

    def add(self, name: str, title: str | None = None) -> str:
        name = clean(name)
        if not name:
            return name
        toks = _key_tokens(name)
        for e in self.entities:
            if e.name == name or (toks and toks == e.tokens):
                if title:
                    e.titles.add(_title_key(title))
                return e.name
        e = Entity(name, {_title_key(title)} if title else set(), toks)
        self.entities.append(e)
        return name

    def known(self, mention: str) -> str | None:
        """The entity ``mention`` stands for when the article named it before (its words a part of that
        name's, or a bare title it was named with), else None; registers nothing."""
        words = _title_key(mention).split()
        if len(words) > 1 and _AL.sub("", words[0]) in BARE_TITLES:
            return None  # "وزيرة الخارجية الرواندية" is no "وزارة الخارجية الأميركية" named before
        n, last = len(self.entities), self.last_speaker
        r = self.resolve(mention)
        if len(self.entities) > n:
            del self.entities[n:]
            return None
        self.last_speaker = last
        if r and (refers_to(mention, r) or len(words) == 1 and _AL.sub("", words[0]) in BARE_TITLES):
            return r
        return None

    def resolve(self, mention: str | None) -> str | None:
        if not mention:
            return self.last_speaker
        mention = clean(mention)
        if not mention:
            return self.last_speaker
        if mention.lower() in _PRONOUNS or _SAME_SOURCE.match(fold_str(mention)) or not is_noun_phrase(mention):
            return self.last_speaker
        key = _title_key(mention)
        for e in reversed(self.entities):
            if key in e.titles:
                return e.name
        words = key.split()
        if len(words) == 1 and _AL.sub("", words[0]) in BARE_TITLES:
            # a bare title ("السيدة", "المفوض") is the person last named with it, where the title is that
            # word and adjectives only ("المفوض العام لوكالة ...", "السيدة غوم"; not "رئيس الوزراء" for "الرئيس")
            w0 = _AL.sub("", words[0])
            for e in reversed(self.entities):
                for t in (*e.titles, fold_str(e.name)):
                    tw = t.split()
                    if tw and _AL.sub("", tw[0]) == w0 and all(_ADJECTIVE.match(x) for x in tw[1:3] if x.startswith("ال")):
                        return e.name
        own = _OWN_REPORTER.match(key)
        if own:  # "مراسلنا", "موفدنا": the outlet's own reporter, named earlier ("مراسل الميادين")
            stem = own.group(1)
            for e in reversed(self.entities):
                first = _AL.sub("", fold_str(e.name).split()[0])
                if first == stem or any(_AL.sub("", t.split()[0]) == stem for t in e.titles if t):
                    return e.name
        # "الوزير الألماني" for "وزير الخارجية الألماني": the title's words beyond the title word
        words = key.split()
        if words and (_AL.sub("", words[0]) in BARE_TITLES or words[0] in TITLE_WORDS or words[0] in EN_TITLE_WORDS):
            mt = _key_tokens(" ".join(words[1:]))
            if mt:
                for e in reversed(self.entities):
                    for t in e.titles:
                        tw = t.split()
                        if tw and _AL.sub("", tw[0]) == _AL.sub("", words[0]) and mt <= _key_tokens(" ".join(tw[1:])):
                            return e.name
        toks = _key_tokens(mention)
        # "the Merrell spokesman" is a person of "Merrell Dow Pharmaceuticals Inc", not the company
        person = words[-1] in _PERSON_HEADS if words else False
        if toks:
            first, mwords = None, {w.strip(".'") for w in key.split()}
            for e in reversed(self.entities):
                if person and words[-1] not in e.name.lower():
                    continue
                if e.tokens and toks < e.tokens or (toks == e.tokens and e.name != mention and len(e.name) > len(mention)):
                    if not _LATIN_WORD.match(mention) or _en_head(e.name) in mwords:
                        return e.name
                    # "the Observatory" is the "Syrian Observatory for Human Rights" named before, not the later
                    # "an Observatory toll" (whose head is the toll): an English name whose head the mention
                    # holds wins over a more recent one that only contains its words; a common noun phrase
                    # ("Opposition officials and rescue workers") is never one of its modifiers ("the opposition")
                    if not _en_modifier_of(e.name):
                        first = first or e.name
            if first:
                return first
        near = None if person else _spelling_variant(toks, self.entities)
        if near and _LATIN_WORD.match(mention) and _en_head(near) not in key.split() and _en_modifier_of(near):
            near = None  # "the opposition" is no "Opposition officials and rescue workers"
        if near:
            return near
        if self.last_speaker and words and _CONJUNCTION_BEFORE_AL.sub("", words[0]) in _GENERIC and (
                len(words) == 1 or all(_AL.match(x) for x in words[1:])):
            return self.last_speaker  # "the company", "النادي الإنجليزي": the organisation just named
        return self.add(mention)


_LATIN_WORD = lazy_regex(r"[A-Za-z]")
_EN_COMMON_WORD = lazy_regex(r"(?:^|\s)(?!(?:and|the|de|van|von|da|bin|al-\w+)\b)[a-z]")
_EN_HEAD_END = lazy_regex(r",|\s(?:of|for|in|at|from|on|to|with|near|close\s+to|familiar\s+with)\s")


def _en_modifier_of(name: str) -> bool:
    """Is ``name`` a common noun phrase (a lower-case word before its preposition), which a mention that
    lacks its head can only modify ("the opposition" of "Opposition officials"), never stand for?"""
    return _EN_COMMON_WORD.search(_EN_HEAD_END.split(name, 1)[0]) is not None


def _en_head(name: str) -> str:
    """The last word before a preposition, compared as _key_tokens compares ("Syrian Observatory for Human
    Rights" -> "observatory", "an Observatory toll" -> "toll")."""
    words = _EN_HEAD_END.split(name, 1)[0].lower().split()
    return words[-1].strip(".'") if words else ""


# (and بين: "قائد مناصري التعاون بين بوركينا فاسو وروسيا" is not "بوركينا فاسو")
_HEAD_END = lazy_regex(fold_str(r"(?:\s|(?<=\w)(?=في\s))(?:في|من|عن|على|إلى|الى|لدى|بين|of|for|in|at|from|on)\s"
                                r"|\s(?:[وف]?(?:جنوب|شمال|شرق|غرب|وسط)ي?|مدينة|بلدة|منطقة|محافظة|ولاية|إقليم)(?:\s|$)"))


def refers_to(mention: str, name: str) -> bool:
    """Can ``mention`` stand for ``name`` (its words a part of the name's, or spelt another way)?"""
    toks = _key_tokens(mention)
    # the name's head: its words before a preposition or a place word ("المقاومة الإسلامية في لبنان",
    # "مراسل الميادين في جنوبي لبنان" are not "لبنان")
    head = _key_tokens(_HEAD_END.split(fold_str(name).lower(), 1)[0])
    return bool(toks) and bool(head) and (toks <= head or _spelling_variant(toks, [Entity(name, tokens=head)]) is not None)


def _spelling_variant(toks: frozenset[str], entities: list[Entity]) -> str | None:
    """A name spelt another way in the same article (مدفيديف / ميدفيديف, Abdel / Abdul Rahman): every
    word of a one- or two-word mention is within an edit or two of a word of one earlier name."""
    if not toks or len(toks) > 2 or any(len(t) < 5 for t in toks):
        return None
    from rapidfuzz.fuzz import ratio  # imported when a mention first needs it (start-up, issue 16)
    for e in reversed(entities):
        if len(e.tokens) >= len(toks) and all(any(len(u) >= 5 and ratio(t, u) >= 85 and not _number_only(t, u)
                                                  for u in e.tokens) for t in toks):
            return e.name
    return None


def _number_only(a: str, b: str) -> bool:
    """One word the other's sound plural or dual ("أميركي" / "أميركيون", "مسؤول" / "مسؤولين"): an official
    is not the officials named before, though the words are an edit or two apart."""
    short, long_ = sorted((a, b), key=len)
    return long_[:-2] == short and long_[-2:] in ("ون", "ين", "ان")


_STRIP = lazy_regex(r"^[\s،,:؛;\"'«»“”(\[-]+|[\s،,:؛;\"'«»“”)\].-]+$")
_LEAD = lazy_regex(r"^(?:[وف](?=ال)|and\s+|the\s+(?=[a-z]))", re.I)


_ARTICLE_LEFT = lazy_regex(r"\s+(?:ال|لل)$")  # "التقرير الـ 51": the article of a number cut off


@lru_cache(maxsize=8192)  # pure, and the same mentions recur sentence after sentence
def clean(s: str) -> str:
    whole = s.strip()
    s = _ARTICLE_LEFT.sub("", _STRIP.sub("", whole))
    # a name quoted at the mention's end or start keeps its marks: "شركة «ألفا»", "\"القناة 14\" الإسرائيلية"
    # (not "شركة «ألفا", "القناة 14\" الإسرائيلية"); a mention that is one quoted name loses both
    head, tail = whole.lstrip(" \t-("), whole.rstrip(" \t،,:؛;.)]-")
    for o, c in (("«", "»"), ("“", "”")):
        if s.count(o) > s.count(c) and tail.endswith(c):
            s += c
        elif s.count(c) > s.count(o) and head.startswith(o):
            s = o + s
    if s.count("(") > s.count(")"):
        # a name or an abbreviation in brackets at the mention's end keeps them ("منظمة الأمم المتحدة للأغذية
        # والزراعة (الفاو)", "مدير فرقة (طيور الجنة)"; the chunk lost the closing one); a longer gloss is no
        # part of the name ("عبد الرحمن الحقباني (أخ الراحل سعود الدوسري رحمه الله)")
        i = s.rfind("(")
        s = s + ")" if len(s[i + 1:].split()) <= 3 else s[:i].rstrip(" \t،,:؛;-")
    n = s.count('"')
    if n:
        starts, ends = head.startswith('"'), tail.endswith('"')
        if n % 2 and ends and not starts or not n % 2 and starts and ends:
            s += '"'
        if n % 2 and starts and not ends or not n % 2 and starts and ends:
            s = '"' + s
    return _WHITESPACE.sub(" ", s)
