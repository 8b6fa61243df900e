"""News-like claim text for bench/match.py: a Zipfian vocabulary, many speakers and places.

Why: the template corpus of bench/match.py draws every claim from a handful
of quote templates and a few hundred words, so at 1M claims every word occurs
in thousands of claims of a +-14-day window and the same exact wording is
"reported" by hundreds of unrelated stories. Real news is not like that: its
vocabulary is Zipfian (a few function and news words are everywhere, most word
types are rare, and new types keep appearing as the corpus grows, Heaps' law),
and the rare words of a story (names, places, numbers, specific nouns) are
shared by the few outlets that report it. An inverted index is far more
selective on such text, so measuring retrieval only on the template corpus
understates it (and hides costs that only show with many distinct terms).

Everything here is deterministic from the seed: the lexicon, speaker and
place pools come from their own ``random.Random`` seeded by a string (stable
across Python runs, unlike ``hash``), and stories and outlet variants from the
``rng`` that ``bench/match.py``'s build passes in.

Per language (Arabic, English):

* a lexicon of ``LEXICON_SIZE`` word types drawn with a Zipf law (exponent
  ``ZIPF_LEXICON``): real function and news words at the top ranks, the real
  names, places, topics and spelling-variant words of the template corpus at
  middle ranks, then pseudo-words (Arabic: three-letter roots in common
  patterns, فاعل مفعول تفعيل استفعال ...; English: syllables);
* ``SPEAKERS`` named speakers (title + first + last name; real ones at the top
  ranks), Zipf-weighted so a few people speak a lot;
* ``PLACES`` places (real ones at the top ranks), Zipf-weighted;
* frames for quotes, dated events and figures, each filled with the story's
  place and 3-10 words drawn from the lexicon.
"""
from __future__ import annotations

import bisect
import itertools
import random
from dataclasses import dataclass

LEXICON_SIZE = 30_000
SPEAKERS = 3_000
PLACES = 800
ZIPF_LEXICON = 1.05
ZIPF_PEOPLE = 1.0  # speakers and places
STORY_WORDS = (3, 10)  # words of the lexicon per story
BODY_WORDS = (8, 25)
PARAPHRASE = 0.15  # share of reports with a synonym swapped or two adjacent words reordered


class Zipf:
    """Draws items with probability proportional to 1 / rank**s (rank 1 first)."""

    def __init__(self, items: list, s: float) -> None:
        self.items = items
        self.cum = list(itertools.accumulate(1.0 / (r ** s) for r in range(1, len(items) + 1)))

    def draw(self, rng: random.Random):
        return self.items[min(len(self.items) - 1, bisect.bisect(self.cum, rng.random() * self.cum[-1]))]


# --- Arabic pseudo-words: three-letter roots in common patterns -----------------
# Root letters weighted roughly by how often they occur in Arabic roots (ر ل م ن ب ع
# common, ظ ذ ث غ rare), so pseudo-words look like Arabic and not like letter soup.
_AR_ROOT_LETTERS = "رررررللللمممممنننننببببعععععقققفففحححددددسسسسكككجججشششتتتههوويييخخصصططززغضثذظ"
_AR_PATTERNS = (
    "{1}ا{2}{3}",      # فاعل
    "م{1}{2}و{3}",     # مفعول
    "ت{1}{2}ي{3}",     # تفعيل
    "است{1}{2}ا{3}",   # استفعال
    "{1}{2}ا{3}",      # فعال
    "{1}{2}ي{3}",      # فعيل
    "م{1}ا{2}{3}ة",    # مفاعلة
    "ا{1}ت{2}ا{3}",    # افتعال
    "{1}{2}{3}ة",      # فعلة
    "ت{1}ا{2}{3}",     # تفاعل
    "م{1}{2}{3}",      # مفعل
    "{1}{2}و{3}",      # فعول
    "{1}{2}{3}ان",     # فعلان
    "{1}{2}{3}ي",      # فعلي (nisba)
    "م{1}{2}{3}ة",     # مفعلة
    "ت{1}{2}{3}ات",    # تفعلات
)
_AR_NAME_PATTERNS = ("{1}ا{2}{3}", "{1}{2}ي{3}", "{1}{2}ا{3}", "{1}{2}{3}ي", "{1}{2}{3}ان", "{1}{2}و{3}")


def _ar_word(rng: random.Random, patterns: tuple[str, ...] = _AR_PATTERNS) -> str:
    root = [rng.choice(_AR_ROOT_LETTERS)]
    while len(root) < 3:
        c = rng.choice(_AR_ROOT_LETTERS)
        if c != root[-1]:  # no doubled letters (مدد): rarer, and they read as typos here
            root.append(c)
    return rng.choice(patterns).format(None, *root)


# --- English pseudo-words: syllables --------------------------------------------
_EN_ONSETS = ("b", "br", "c", "ch", "cl", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "l", "m", "n",
              "p", "pl", "pr", "r", "s", "sh", "st", "t", "tr", "v", "w", "z", "")
_EN_VOWELS = ("a", "e", "i", "o", "u", "a", "e", "i", "o", "a", "ea", "ou")
_EN_CODAS = ("", "", "", "", "", "n", "r", "s", "t", "l", "m", "nd", "st", "ck", "ng")
_EN_SUFFIXES = ("", "", "", "", "", "tion", "ment", "ing", "ers", "al", "ity", "ous", "ed", "ian")


def _en_syllables(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_EN_ONSETS) + rng.choice(_EN_VOWELS) + rng.choice(_EN_CODAS) for _ in range(n))


def _en_word(rng: random.Random) -> str:
    n = rng.choice((1, 2, 2, 2, 3))
    return _en_syllables(rng, n) + (rng.choice(_EN_SUFFIXES) if n < 3 else "")


# --- Real words -------------------------------------------------------------------
# Top of each lexicon: function words, then the commonest news words, most frequent first.
_AR_FUNCTION = """
في من على إلى أن عن مع التي الذي بعد هذا هذه كما خلال قال حيث إن كان قد لا بين
""".split()
_EN_FUNCTION = """
the of to in and a on for said that with by at from is was as it has have be will its their
""".split()
_AR_COMMON = _AR_FUNCTION + """
الحكومة وزير الرئيس سوريا السورية اليوم
العام أمس الأمن وزارة المدينة الدولة الجديد الأولى عدد مجلس الشعب المحلية
القوات الأمنية الوطنية الدولي الخارجية الداخلية المنطقة العمل أكثر الماضي المقبل الأسبوع الجيش
المواطنين الأهالي البلاد مشروع اجتماع الاقتصادية السياسية الإنسانية المساعدات الحدود السلطات
الأمريكية الأوروبي الدعم جميع كبير عملية مؤتمر بيان مصدر مسؤول محافظة مديرية قرار القانون المجتمع
المدني المياه الكهرباء الصحة التعليم الطرق الأسعار الليرة الدولار المرحلة الشركات الاستثمار
الحكومية العامة الخاصة الأطفال النساء الشباب المدارس المستشفيات السكان المنازل الأراضي الزراعة
الوقود الخبز النقل الإعلام الصحفيين المعارضة الانتخابات البرلمان الدستور العدالة المحكمة السجون
المعتقلين المفقودين اللاجئين النازحين المخيمات الإغاثة الأمم المتحدة المنظمات الاتفاق الحوار
""".split()
_EN_COMMON = _EN_FUNCTION + """
government
minister president Syria Syrian security new people year after also would two local city police
forces military officials ministry state country region week month told statement talks support
border aid economic political humanitarian public power water health schools roads prices council
national international foreign interior agency reported more than last first since under over
against during our we they this which were been who about could other three million
percent plan project meeting deal agreement law court prison detainees missing refugees displaced
camps relief United Nations organisations dialogue elections parliament constitution justice
""".split()
_AR_PLACES = """
دمشق حلب حمص اللاذقية درعا إدلب الرقة طرطوس حماة السويداء القامشلي منبج بيروت عمان أنقرة باريس
واشنطن الدوحة الرياض جبلة بانياس تدمر النبك سراقب عفرين الحسكة البوكمال الميادين جرابلس القصير
تلكلخ صافيتا السلمية الزبداني دوما جرمانا قطنا صيدنايا بغداد القاهرة إسطنبول موسكو برلين لندن
جنيف بروكسل طهران الكويت أبوظبي
""".split() + ["دير الزور", "معرة النعمان", "رأس العين", "تل أبيض", "عين العرب", "جسر الشغور"]
_EN_PLACES = """
Damascus Aleppo Homs Latakia Daraa Idlib Raqqa Tartus Hama Beirut Amman Ankara Paris Washington Doha
Riyadh Jableh Baniyas Palmyra Nabk Saraqib Afrin Hasakah Qamishli Manbij Sweida Jarablus Qusayr
Salamiyah Zabadani Douma Jaramana Baghdad Cairo Istanbul Moscow Berlin London Geneva Brussels Tehran
Kuwait
""".split() + ["Deir ez-Zor", "Maarat al-Numan", "Ras al-Ain", "Tal Abyad", "Kobani", "Jisr al-Shughur",
              "Abu Dhabi", "Abu Kamal"]
_AR_FIRST = """
محمد أحمد علي حسن حسين خالد عمر يوسف إبراهيم سامر ماهر باسل فادي رامي وائل طارق زياد عماد نبيل كمال
جمال مصطفى محمود عبدالله عبدالرحمن أنس أسعد نضال هيثم مازن غسان رياض سليم منير بشار عدنان فراس
رنا هالة لينا سلمى ريم نور دانة مريم فاطمة زينب هند سعاد ليلى رشا
""".split()
_EN_FIRST = """
Mohammed Ahmed Ali Hassan Hussein Khaled Omar Youssef Ibrahim Samer Maher Basel Fadi Rami Wael Tarek
Ziad Imad Nabil Kamal Jamal Mustafa Mahmoud Abdullah Anas Asaad Nidal Haitham Mazen Ghassan Riad
Rana Hala Lina Salma Reem Nour Dana Maryam Fatima Zeinab John David Michael Sarah Anna Thomas Peter
James Maria Laura Daniel Robert Emma Paul Mark Julia Elena Hans Olivier
""".split()
_AR_TITLES = ("وزير الصحة", "وزير الزراعة", "وزير النقل", "وزير التربية", "وزير العدل", "وزير المالية",
              "محافظ {place}", "قائد شرطة {place}", "مدير صحة {place}", "رئيس مجلس مدينة {place}",
              "الناطق باسم وزارة الدفاع", "النائب", "الخبير الاقتصادي", "الناشط", "المحلل السياسي",
              "رئيس غرفة تجارة {place}", "مدير منظمة الإغاثة", "السفير", "الطبيب", "المواطن")
_EN_TITLES = ("Health Minister", "Agriculture Minister", "Transport Minister", "Education Minister",
              "Justice Minister", "Finance Minister", "{place} governor", "{place} police chief",
              "{place} health director", "{place} mayor", "Defence Ministry spokesman", "MP", "economist",
              "activist", "analyst", "{place} chamber of commerce head", "aid official", "Ambassador",
              "doctor", "resident")

# Synonyms an outlet may swap in (both directions); the words also occur in the frames.
_AR_SYNONYMS = {"الحكومة": "السلطات", "كبير": "ضخم", "المقبلة": "القادمة", "نعمل": "نسعى", "ندعو": "نطالب",
                "تقدم": "تحسن", "الوضع": "الحال", "ملتزمة": "متمسكة", "عاد": "رجع", "حصيلة": "عدد",
                "يسفر": "يؤدي", "بحضور": "بمشاركة", "لبحث": "لمناقشة", "زيارة": "جولة"}
_EN_SYNONYMS = {"government": "authorities", "major": "significant", "coming": "next", "working": "cooperating",
                "call": "appeal", "progress": "improvement", "situation": "state", "committed": "dedicated",
                "returned": "come back", "toll": "count", "leaves": "kills", "attended": "joined",
                "discuss": "review", "visit": "trip", "begins": "starts"}

_AR_QUOTES = (
    "لن نسمح بعودة {a} إلى {place}", "نريد علاقات متوازنة مع {a} و{b}", "{topic} أولوية للحكومة في {a} {b}",
    "الولايات المتحدة الأمريكية ستدعم {a} في {place}", "سوريا لن تكون منصة {a} {b}",
    "نعمل مع شركائنا على {a} في {place} {b}", "لا تراجع عن {a} إطلاقا", "الوضع في {place} تحت السيطرة {a} {b}",
    "خصصنا {n} مليون دولار من أجل {a} في {place}", "سنبدأ خلال الأسابيع المقبلة {a} {b}",
    "الحكومة ملتزمة بـ{a} رغم {b}", "ما حدث في {place} {a} ولن يتكرر", "ندعو المجتمع الدولي إلى {a} {b}",
    "هناك تقدم كبير في {a} لكن {b}", "عاد أكثر من {n} {a} إلى {place}", "{a} في {place} {b} خلال المرحلة المقبلة",
)
_EN_QUOTES = (
    "We will not allow {a} to return to {place}", "We want balanced relations with {a} and {b}",
    "{topic} is a priority for {a} {b}", "The U.S. will support {a} in {place}",
    "Syria will not be a platform for {a} {b}", "We are working with partners on {a} in {place} {b}",
    "There's no going back on {a}", "The situation in {place} is under control {a} {b}",
    "We have allocated {n} million dollars for {a} in {place}", "In the coming weeks we will start {a} {b}",
    "The government is committed to {a} despite {b}", "What happened in {place} {a} will not happen again",
    "We call on the international community to {a} {b}", "There is major progress on {a} but {b}",
    "More than {n} {a} have returned to {place}", "Our neighbours {a} in {place} {b}",
)
_AR_DATES = (
    "{name} {verb} {object} في {place} لبحث {a}", "{name} {verb} {object} لبحث {topic} و{a}",
    "{name} يفتتح {a} في {place}", "انطلاق {a} في {place} بمشاركة {b}", "{name} يصل إلى {place} في زيارة {a}",
    "موعد {a} في {place} {b}", "{name} يترأس اجتماعا حول {a} في {place}", "تبدأ {a} في {place} بحضور {name}",
)
_EN_DATES = (
    "{name} {verb} {object} in {place} to discuss {a}", "{name} {verb} {object} on {topic} and {a}",
    "{name} opens {a} in {place}", "{a} begins in {place} with {b}", "{name} arrives in {place} on a visit {a}",
    "{a} in {place} scheduled {b}", "{name} chairs a meeting on {a} in {place}",
    "{a} starts in {place} attended by {name}",
)
_AR_FIGURES = (
    "{event} {a} في {place}: {n} {unit}", "{event} في {place} {a} يسفر عن {n} {unit}",
    "{n} {unit} حصيلة {event} في {place} {a}", "{a} في {place} بعد {event}: {n} {unit}",
    "{event} في {place} {a} و{b}: {n} {unit}", "إحصاء {n} {unit} إثر {event} في {place} {a}",
)
_EN_FIGURES = (
    "{event} {a} in {place}: {n} {unit}", "{event} in {place} {a} leaves {n} {unit}",
    "{n} {unit} the toll of {event} in {place} {a}", "{a} in {place} after {event}: {n} {unit}",
    "{event} in {place} {a} and {b}: {n} {unit}", "{n} {unit} counted after {event} in {place} {a}",
)
_AR_SAYS = ('وقال {s} إن "{w}"', 'وأكد {s} أن "{w}"', 'وأضاف {s}: "{w}"', '"{w}"، بحسب ما قاله {s}')
_EN_SAYS = ('"{w}", {s} said', '{s} said: "{w}"', '"{w}," {s} told reporters', '{s} told a news conference: "{w}"')
_AR_UNITS = (("مدنيين", "مدنيا"), ("منازل", "منزلا"), ("طن", "أطنان"), ("مصابين", "جرحى"))
_EN_UNITS = (("civilians", "civilians"), ("homes", "houses"), ("tonnes", "tons"), ("injured", "wounded"))


@dataclass
class Language:
    lang: str
    lexicon: Zipf
    speakers: Zipf
    places: Zipf
    base: dict  # the template corpus's vocabulary (verbs, objects, topics, events, units)
    quotes: tuple[str, ...]
    dates: tuple[str, ...]
    figures: tuple[str, ...]
    says: tuple[str, ...]
    units: tuple[tuple[str, str], ...]
    synonyms: dict[str, str]
    spell: list[tuple[str, str]]
    pseudo: frozenset[str]  # lexicon entries that are pseudo-words (may take the article ال)
    function: Zipf  # the function words at the top of the lexicon, with their own Zipf weights


def _unique(gen, n: int, taken: set[str]) -> list[str]:
    out: list[str] = []
    while len(out) < n:
        w = gen()
        if w not in taken:
            taken.add(w)
            out.append(w)
    return out


def _language(lang: str, seed: int, base: dict, spell: list[tuple[str, str]]) -> Language:
    rng = random.Random(f"news-{lang}-{seed}")
    ar = lang == "ar"
    common = _AR_COMMON if ar else _EN_COMMON
    synonyms = {**(_AR_SYNONYMS if ar else _EN_SYNONYMS)}
    synonyms.update({b: a for a, b in list(synonyms.items()) if " " not in b})
    # Real content words: the template corpus's names, places, topics ... and the spelling variants.
    real: list[str] = []
    for key in ("verb", "object", "topic", "place", "event"):
        for phrase in base[key]:
            real.extend(phrase.split())
    for full, short in base["speaker"]:
        real.extend(full.split() + [short])
    for a, b in spell:
        real.extend(a.split() + b.split())
    real.extend(w for w in synonyms if " " not in w)
    real.extend(["neighbours"] if not ar else ["إطلاقا"])
    taken: set[str] = set(common)
    real = [w for w in dict.fromkeys(real) if w not in taken]
    taken.update(real)
    word = (lambda: _ar_word(rng)) if ar else (lambda: _en_word(rng))
    pseudo = _unique(word, LEXICON_SIZE - len(common) - len(real), taken)
    # Real content words spread over the ranks after the common words (every 4th rank).
    lexicon = list(common)
    it_real, it_pseudo = iter(real), iter(pseudo)
    while len(lexicon) < LEXICON_SIZE:
        nxt = next(it_real, None) if len(lexicon) % 4 == 0 else None
        lexicon.append(nxt if nxt is not None else next(it_pseudo))

    places = list(_AR_PLACES if ar else _EN_PLACES)
    prefixes = ("", "", "تل ", "كفر ", "عين ", "دير ", "بيت ", "خربة ", "جسر ", "حي ") if ar else \
        ("", "", "Tell ", "Kafr ", "Ain ", "Deir ", "Beit ", "Khirbet ", "Jisr ")
    place_word = (lambda: rng.choice(prefixes) + _ar_word(rng)) if ar else \
        (lambda: rng.choice(prefixes) + _en_syllables(rng, rng.choice((2, 2, 3))).capitalize())
    places += _unique(place_word, PLACES - len(places), set(places))
    place_pick = Zipf(places, ZIPF_PEOPLE)

    first = list(_AR_FIRST if ar else _EN_FIRST)
    first += _unique((lambda: _ar_word(rng, _AR_NAME_PATTERNS)) if ar else
                     (lambda: _en_syllables(rng, 2).capitalize()), 300, set(first))
    last_word = (lambda: "ال" + _ar_word(rng, _AR_NAME_PATTERNS)) if ar else \
        (lambda: rng.choice(("", "al-")) + _en_syllables(rng, rng.choice((2, 3))).capitalize())
    lasts = _unique(last_word, 2500, set())
    titles = _AR_TITLES if ar else _EN_TITLES
    speakers = list(base["speaker"])
    seen = {s[0] for s in speakers}
    while len(speakers) < SPEAKERS:
        last = rng.choice(lasts)
        full = f"{rng.choice(titles).format(place=place_pick.draw(rng))} {rng.choice(first)} {last}"
        if full not in seen:
            seen.add(full)
            speakers.append((full, last))
    return Language(
        lang=lang, lexicon=Zipf(lexicon, ZIPF_LEXICON), speakers=Zipf(speakers, ZIPF_PEOPLE), places=place_pick,
        base=base, quotes=_AR_QUOTES if ar else _EN_QUOTES, dates=_AR_DATES if ar else _EN_DATES,
        figures=_AR_FIGURES if ar else _EN_FIGURES, says=_AR_SAYS if ar else _EN_SAYS,
        units=tuple(base["unit"]) + (_AR_UNITS if ar else _EN_UNITS), synonyms=synonyms, spell=spell,
        pseudo=frozenset(pseudo), function=Zipf(list(_AR_FUNCTION if ar else _EN_FUNCTION), ZIPF_LEXICON),
    )


def outlet_edits(rng: random.Random, body: str, lang: str, spell: list[tuple[str, str]]) -> list[str]:
    """What every corpus does to one outlet's copy of a story: its spelling variants (each with
    probability 1/2), then one dropped word (20%) or, in Arabic, a clitic و added (15%).  Both
    corpora draw from ``rng`` in this order, so the template corpus stays the same for a seed."""
    for a, b in spell:
        if a in body and rng.random() < 0.5:
            body = body.replace(a, b)
    words = body.split()
    r = rng.random()
    if r < 0.2 and len(words) > 4:
        del words[rng.randrange(1, len(words))]
    elif r < 0.35 and lang == "ar":
        i = rng.randrange(len(words))
        words[i] = "و" + words[i]
    return words


class NewsCorpus:
    """Story text for bench/match.py's build: ``story``, ``variant``, ``sentence``."""

    name = "news"

    def __init__(self, seed: int, ar_base: dict, en_base: dict, ar_spell: list, en_spell: list) -> None:
        self.langs = {"ar": _language("ar", seed, ar_base, ar_spell), "en": _language("en", seed, en_base, en_spell)}

    def _words(self, rng: random.Random, v: Language, n: int, room: int) -> list[str]:
        """``n`` content words of the lexicon (Zipf), with function words between them while ``room`` lasts.

        Function words are drawn apart so that the story's own words are content
        words (what an index looks up) and the text still reads as a phrase.
        """
        funcs = set(v.function.items)
        words: list[str] = []
        while len(words) < n:
            w = v.lexicon.draw(rng)
            if w in funcs:
                continue
            if v.lang == "ar" and w in v.pseudo and rng.random() < 0.3:
                w = "ال" + w  # the article: the same stem after clitic stripping, as in real text
            words.append(w)
        out = words[:1]
        for w in words[1:]:
            if room > 0 and rng.random() < 0.35:
                out.append(v.function.draw(rng))
                room -= 1
            out.append(w)
        return out

    def story(self, rng: random.Random, lang: str):
        """(kind, body, speaker (full, short) or None, figure (n, unit pair) or None) of a new story."""
        v = self.langs[lang]
        kind = rng.choice(("quote", "quote", "date", "figure"))
        frame = rng.choice({"quote": v.quotes, "date": v.dates, "figure": v.figures}[kind])
        n = int(10 ** rng.uniform(0.3, 3.5))
        unit = rng.choice(v.units)
        other = v.speakers.draw(rng)
        fields = dict(place=v.places.draw(rng), topic=rng.choice(v.base["topic"]), n=n, unit=unit[0],
                      name=other[1], verb=rng.choice(v.base["verb"]), event=rng.choice(v.base["event"]),
                      object=rng.choice(v.base["object"]) if rng.random() < 0.5 else v.speakers.draw(rng)[0])
        slots = ("{a}" in frame) + ("{b}" in frame)
        # Words of the frame itself; "و{b}" glues و to the story's first word, so it is no word of its own.
        fixed = sum(1 for t in frame.format(a="\0", b="\0", **fields).split() if "\0" not in t)
        lo, hi = max(STORY_WORDS[0], BODY_WORDS[0] - fixed), min(STORY_WORDS[1], BODY_WORDS[1] - fixed)
        k = rng.randint(lo, max(lo, hi))
        words = self._words(rng, v, k, BODY_WORDS[1] - fixed - k)
        cut = rng.randint(1, len(words) - 1) if slots == 2 else len(words)
        body = frame.format(a=" ".join(words[:cut]), b=" ".join(words[cut:]), **fields)
        body = " ".join(body.split())
        if kind == "quote":
            return kind, body, v.speakers.draw(rng), None
        if kind == "date":
            return kind, body, None, None
        return kind, body, None, (n, unit)

    def variant(self, rng: random.Random, body: str, lang: str) -> str:
        """One outlet's wording: spelling variants, a dropped word or an added و, sometimes a paraphrase."""
        v = self.langs[lang]
        words = outlet_edits(rng, body, lang, v.spell)
        if rng.random() < PARAPHRASE and len(words) > 2:
            swappable = [i for i, w in enumerate(words) if w in v.synonyms]
            if swappable and rng.random() < 0.5:
                i = rng.choice(swappable)
                words[i] = v.synonyms[words[i]]
            else:
                i = rng.randrange(len(words) - 1)
                words[i], words[i + 1] = words[i + 1], words[i]
        return " ".join(words)

    def sentence(self, rng: random.Random, wording: str, speaker: tuple[str, str] | None, lang: str) -> str:
        if not speaker:
            return wording
        return rng.choice(self.langs[lang].says).format(s=speaker[0], w=wording)
