"""Names across scripts: ماكرون and Macron, ليفات and Leavitt, الشرع and al-Sharaa are one key.

Cross-lingual matching can only compare what does not depend on the language:
dates, figures and names. Names are folded two ways:

* ``GAZETTEER``: the one table to extend. Each canonical key lists the
  spellings outlets use, in Arabic and Latin script (people, places,
  institutions that recur in the news factcheck reads). A listed name is
  trusted: it may count towards ``supports``.
* ``skeleton``: for a speaker's name the table does not know, both scripts are
  reduced to a consonant skeleton (ماكرون → mkrn, Macron → mkrn; ليفات →
  lft, Leavitt → lft). Skeletons collide more easily (short names, different
  people), so a skeleton-only agreement is used for retrieval and ``related``,
  never alone for ``supports``.

``LOCALITIES`` and ``CAPITALS`` type the places of the table: the matcher
reads two dated or counted events in two towns as two events
(``other_places``), not as a conflict.
"""
from __future__ import annotations

import re
from functools import lru_cache

from factcheck.messages import Message, Spelled
from factcheck.text.normalize import normalize, strip_clitics, tokens

# canonical key -> spellings (Arabic and Latin; any case, with or without the article)
GAZETTEER: dict[str, str] = {
    # people
    "trump": "ترامب | ترمب | ترمپ | Trump | Donald Trump | دونالد ترامب",
    "macron": "ماكرون | Macron | إيمانويل ماكرون | Emmanuel Macron",
    "leavitt": "ليفات | ليفيت | Leavitt | كارولين ليفات | Karoline Leavitt",
    "sharaa": "الشرع | al-Sharaa | Sharaa | al-Shara | Shara | أحمد الشرع | Ahmed al-Sharaa | Ahmad al-Sharaa",
    "shaibani": "الشيباني | al-Shaibani | Shaibani | Shibani | أسعد الشيباني | Asaad al-Shaibani",
    "erdogan": "أردوغان | إردوغان | اردوغان | Erdogan | Erdoğan",
    "pedersen": "بيدرسون | بيدرسن | Pedersen | غير بيدرسون | Geir Pedersen",
    "rubio": "روبيو | Rubio | ماركو روبيو | Marco Rubio",
    "kallas": "كالاس | Kallas | كايا كالاس | Kaja Kallas",
    "netanyahu": "نتنياهو | Netanyahu | Netanyahou",
    "putin": "بوتين | Putin",
    "guterres": "غوتيريش | غوتيريس | Guterres",
    "barrack": "باراك | Barrack | توم باراك | Tom Barrack",
    "witkoff": "ويتكوف | Witkoff",
    "khattab": "خطاب | Khattab | أنس خطاب | Anas Khattab",
    "salam": "نواف سلام | Nawaf Salam",
    "bashir": "البشير | al-Bashir | Bashir",
    "shaar": "الشعار | al-Shaar | Shaar",
    # places
    "syria": "سوريا | سورية | Syria",
    "damascus": "دمشق | Damascus",
    "aleppo": "حلب | Aleppo",
    "homs": "حمص | Homs",
    "latakia": "اللاذقية | Latakia | Lattakia",
    "daraa": "درعا | Daraa | Deraa",
    "idlib": "إدلب | ادلب | Idlib",
    "deir-ez-zor": "دير الزور | Deir ez-Zor | Deir al-Zor | Deir Ezzor",
    "raqqa": "الرقة | Raqqa | Raqqah",
    "tartus": "طرطوس | Tartus | Tartous",
    "hama": "حماة | Hama",
    "sweida": "السويداء | Sweida | Suwayda | Suwaida",
    "qamishli": "القامشلي | Qamishli",
    "manbij": "منبج | Manbij",
    "beirut": "بيروت | Beirut",
    "amman": "عمان | Amman",
    "ankara": "أنقرة | Ankara",
    "paris": "باريس | Paris",
    "washington": "واشنطن | Washington",
    "doha": "الدوحة | Doha",
    "riyadh": "الرياض | Riyadh",
    "gaza": "غزة | Gaza",
    # Syrian governorates and main towns the gazetteer did not know (the
    # governorate each belongs to is in LOCALITIES below). A spelling that is
    # also a common word is only listed with "مدينة": الباب (door), تدمر
    # (destroys), الميادين (fields), دوما (always), السلمية (peaceful), الطبقة
    # (class) would otherwise turn "فتح الباب أمام" into a place.
    "rif-dimashq": "ريف دمشق | Rif Dimashq | Reef Damascus | Damascus countryside | rural Damascus",
    "hasakah": "الحسكة | Hasakah | Hasaka | Hassakeh | al-Hasakah",
    "quneitra": "القنيطرة | Quneitra | Kuneitra",
    "jarablus": "جرابلس | Jarablus | Jarabulus",
    "bab": "مدينة الباب | al-Bab",
    "bab-al-hawa": "معبر باب الهوى | باب الهوى | Bab al-Hawa",
    "bab-al-salama": "معبر باب السلامة | باب السلامة | Bab al-Salama | Bab al-Salameh",
    "afrin": "عفرين | Afrin | Efrin",
    "azaz": "إعزاز | اعزاز | Azaz | Aazaz",
    "kobani": "كوباني | عين العرب | Kobani | Kobane | Ain al-Arab",
    "palmyra": "مدينة تدمر | Palmyra | Tadmur | Tadmor",
    "albu-kamal": "البوكمال | البو كمال | Albu Kamal | Abu Kamal | al-Bukamal | Boukamal",
    "mayadin": "مدينة الميادين | al-Mayadin | Mayadin | Mayadeen",
    "douma": "مدينة دوما | Douma",
    "darayya": "داريا | Darayya | Daraya",
    "zabadani": "الزبداني | Zabadani | al-Zabadani",
    "jaramana": "جرمانا | Jaramana",
    "harasta": "حرستا | Harasta",
    "jableh": "جبلة | Jableh | Jebleh | Jabla",
    "qardaha": "القرداحة | Qardaha | Qurdaha",
    "baniyas": "بانياس | Baniyas | Banias",
    "salamiyah": "مدينة السلمية | Salamiyah | Salamiyeh | Salamiya",
    "masyaf": "مصياف | Masyaf | Misyaf",
    "maarat-al-numan": "معرة النعمان | Maarat al-Numan | Maarat al-Nuaman | Maaret al-Numan",
    "saraqib": "سراقب | Saraqib",
    "khan-sheikhoun": "خان شيخون | Khan Sheikhoun | Khan Shaykhun",
    "jisr-al-shughur": "جسر الشغور | Jisr al-Shughur | Jisr al-Shugour",
    "sarmada": "سرمدا | Sarmada",
    "tabqa": "مدينة الطبقة | Tabqa | al-Tabqa",
    "tell-abyad": "تل أبيض | Tell Abyad | Tal Abyad",
    "ras-al-ain": "رأس العين | Ras al-Ain | Ras al-Ayn",
    "bosra": "بصرى الشام | Bosra | Busra al-Sham",
    "moscow": "موسكو | Moscow",
    "white-house": "البيت الأبيض | White House",
    "kremlin": "الكرملين | Kremlin",
    "imf": "صندوق النقد الدولي | IMF | International Monetary Fund",
    "un": "الأمم المتحدة | الأممي | UN | United Nations",
    "eu": "الاتحاد الأوروبي | EU | European Union",
    "turkey": "تركيا | Turkey | Türkiye",
    "lebanon": "لبنان | Lebanon",
    "iraq": "العراق | Iraq",
    "israel": "إسرائيل | Israel",
    "iran": "إيران | Iran",
    "russia": "روسيا | Russia",
    "saudi": "السعودية | Saudi Arabia",
    "france": "فرنسا | France",
}

# The gazetteer keys that are localities: a town, city or governorate/region
# inside a country, where a reported event happens ("3 killed in Homs").
# Value: the governorate (or wider area) it lies in, None for the top level,
# so "in Douma" and "in Rif Dimashq" can be one event while Douma and Darayya
# (both in Rif Dimashq) are two places. Countries, institutions and people are
# not localities: "Syria" or "the UN" do not place an event. Add new towns
# here and their spellings in GAZETTEER.
LOCALITIES: dict[str, str | None] = {
    # governorates (Damascus is one too: see CAPITALS)
    "aleppo": None, "homs": None, "hama": None, "idlib": None, "latakia": None, "tartus": None,
    "raqqa": None, "deir-ez-zor": None, "hasakah": None, "daraa": None, "sweida": None,
    "quneitra": None, "rif-dimashq": "damascus",  # "near Damascus" covers its countryside
    # towns, by governorate
    "manbij": "aleppo", "jarablus": "aleppo", "bab": "aleppo", "afrin": "aleppo", "azaz": "aleppo",
    "kobani": "aleppo", "bab-al-salama": "aleppo",
    "palmyra": "homs",
    "salamiyah": "hama", "masyaf": "hama",
    "maarat-al-numan": "idlib", "saraqib": "idlib", "khan-sheikhoun": "idlib", "jisr-al-shughur": "idlib",
    "sarmada": "idlib", "bab-al-hawa": "idlib",
    "jableh": "latakia", "qardaha": "latakia",
    "baniyas": "tartus",
    "tabqa": "raqqa", "tell-abyad": "raqqa",
    "albu-kamal": "deir-ez-zor", "mayadin": "deir-ez-zor",
    "qamishli": "hasakah", "ras-al-ain": "hasakah",
    "douma": "rif-dimashq", "darayya": "rif-dimashq", "zabadani": "rif-dimashq", "jaramana": "rif-dimashq",
    "harasta": "rif-dimashq",
    "bosra": "daraa",
    # outside Syria
    "gaza": None,
}

# Capitals that the news uses for their governments at least as often as for
# the city: "Washington said", "Moscow announced", "Damascus and Ankara
# agreed". Such a mention places an event only when the sentence says so: a
# locative word right before it (في / بـ / in / at / near ...). Otherwise it
# is still a place mention (it can keep two reports together) but never the
# locality that sets them apart.
CAPITALS: dict[str, str | None] = {
    "damascus": None, "beirut": None, "amman": None, "ankara": None, "paris": None,
    "washington": None, "moscow": None, "doha": None, "riyadh": None,
}

# The word before a capital that makes it the place of the event; Arabic as
# folded by ``_fold`` (normalised, ة → ه). "من" (from) is left out: "a message
# from Damascus" is the government.
_LOCATIVE = frozenset({
    "في", "قرب", "داخل", "وسط", "مدينه", "محافظه", "شوارع", "احياء",
    "شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي", "شمالي", "جنوبي",
    "in", "at", "near", "outside", "inside", "around", "across",
})

# Words that are not part of a name ("al-" of a transliteration, "bin", ...).
_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "the"})


def _fold(word: str) -> str:
    """One name word folded for lookup: normalised, without the Arabic article."""
    if word.startswith("ال") and len(word) > 4:
        return word[2:]
    return word


def _phrase(spelling: str) -> tuple[str, ...]:
    return tuple(_fold(t) for t in tokens(spelling) if t not in _PARTICLES)


def _build() -> tuple[dict[tuple[str, ...], str], int]:
    table: dict[tuple[str, ...], str] = {}
    longest = 1
    for key, spellings in GAZETTEER.items():
        for spelling in spellings.split("|"):
            words = _phrase(spelling)
            if words:
                table.setdefault(words, key)
                longest = max(longest, len(words))
    return table, longest


_TABLE, _LONGEST = _build()
# The words a name can start with: most words of a text start none, and are
# passed over with one set lookup instead of one per name length.
_FIRST_WORDS = frozenset(k[0] for k in _TABLE)

# Arabic letters to the Latin consonant classes a transliteration uses; long
# vowels and weak letters (ا و ي) and the throat letters (ع ح ه ء) leave no trace.
_AR_SKELETON = str.maketrans({
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "خ": "k", "د": "d", "ذ": "d", "ر": "r", "ز": "z",
    "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "d", "غ": "g", "ف": "f", "ق": "k",
    "ك": "k", "ل": "l", "م": "m", "ن": "n", "پ": "b", "ڤ": "f", "گ": "g",
    "ا": "", "و": "", "ي": "", "ى": "", "ع": "", "ح": "", "ه": "", "ة": "", "ء": "", "أ": "", "إ": "", "آ": "",
    "ؤ": "", "ئ": "",
})
_LATIN_DIGRAPHS = re.compile(r"sh|th|kh|gh|dh|ph|ch|ck|x|[cq]|[vw]|p|[aeiouyh]")
_LATIN_MAP = {"sh": "s", "th": "t", "kh": "k", "gh": "g", "dh": "d", "ph": "f", "ch": "s", "ck": "k", "x": "ks",
              "c": "k", "q": "k", "v": "f", "w": "", "p": "b"}
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_LATIN_WORD = re.compile(r"^[a-z]+$")


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """Consonant skeleton of one name word in either script ("" when it has none)."""
    word = _fold(normalize(word))
    if _ARABIC.search(word):
        s = word.translate(_AR_SKELETON)
    elif _LATIN_WORD.match(word):
        s = _LATIN_DIGRAPHS.sub(lambda m: _LATIN_MAP.get(m[0], ""), word)
    else:
        return ""
    return re.sub(r"(.)\1+", r"\1", s)  # Leavitt -> lft: doubled letters count once


@lru_cache(maxsize=100_000)
def mentions(text: str) -> tuple[tuple[str, bool], ...]:
    """(gazetteer key, written as a place?) for each name in a text, in order.

    Longest spelling first, Arabic clitics allowed. "Written as a place": the
    word before it is locative (``_LOCATIVE``) or it carries the clitic بـ
    (بدمشق); only capitals need that (see CAPITALS).
    """
    words = [_fold(t) for t in tokens(text) if t not in _PARTICLES]
    found: list[tuple[str, bool]] = []
    i, n = 0, len(words)
    while i < n:
        first = words[i]
        # وماكرون، لدمشق، بالشرع: a clitic on the first word of the name
        bare = _fold(strip_clitics(first)) if _ARABIC.match(first) else first
        if first not in _FIRST_WORDS and bare not in _FIRST_WORDS:
            i += 1
            continue
        for size in range(min(_LONGEST, n - i), 0, -1):
            rest = tuple(words[i + 1:i + size])
            key = _TABLE.get((first, *rest))
            clitic = ""
            if key is None and bare != first:
                key = _TABLE.get((bare, *rest))
                clitic = first[: first.find(bare)] if bare in first else ""
            if key is not None:
                placed = "ب" in clitic or (i > 0 and words[i - 1] in _LOCATIVE)
                found.append((key, placed))
                i += size
                break
        else:
            i += 1
    return tuple(found)


@lru_cache(maxsize=100_000)
def entities(text: str) -> frozenset[str]:
    """Gazetteer keys named in a text (longest spelling first, Arabic clitics allowed)."""
    return frozenset(key for key, _ in mentions(text))


@lru_cache(maxsize=100_000)
def places(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(localities that place the text's event, every place named in it).

    The first set holds LOCALITIES, and CAPITALS written as a place ("in
    Damascus"); the second also holds a capital that may stand for its
    government ("Damascus said"), which can only keep two reports together.
    """
    sure: set[str] = set()
    named: set[str] = set()
    for key, placed in mentions(text):
        if key in LOCALITIES or (key in CAPITALS and placed):
            sure.add(key)
            named.add(key)
        elif key in CAPITALS:
            named.add(key)
    return frozenset(sure), frozenset(named)


def places_in(*texts: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """``places`` of several texts of one claim (its sentence and its own text) together."""
    found = [places(t) for t in dict.fromkeys(t for t in texts if t)]
    return frozenset().union(*(a for a, _ in found)), frozenset().union(*(b for _, b in found))


def _within(key: str) -> set[str]:
    """A place and every area it lies in (Douma, Rif Dimashq, Damascus)."""
    out = set()
    k: str | None = key
    while k is not None and k not in out:
        out.add(k)
        k = LOCALITIES.get(k, CAPITALS.get(k))
    return out


def _one_place(a: str, b: str) -> bool:
    return a in _within(b) or b in _within(a)


def other_places(a: tuple[frozenset[str], frozenset[str]],
                 b: tuple[frozenset[str], frozenset[str]]) -> tuple[list[str], list[str]] | None:
    """The localities of two reports when they set the events apart, else None.

    Apart: both name a locality for sure and no place one names is, contains or
    lies in a place the other names ("Homs" vs "Aleppo"; not "Douma" vs "Rif
    Dimashq", nor "Homs" vs "Homs and Hama"). ``a`` and ``b`` are ``places()``.
    """
    (sure_a, named_a), (sure_b, named_b) = a, b
    if not sure_a or not sure_b:
        return None
    if any(_one_place(x, y) for x in named_a for y in named_b):
        return None
    return sorted(sure_a), sorted(sure_b)


def another_place(texts_a: tuple[str | None, ...], texts_b: tuple[str | None, ...]) -> Message | None:
    """"another place (Homs vs Aleppo)" when ``other_places`` sets two reports apart, else None.

    Each report is given as its texts (a claim's sentence and its own text),
    whose places count together (``places_in``).
    """
    apart = other_places(places_in(*texts_a), places_in(*texts_b))
    if apart is None:
        return None
    mine, theirs = ([spelled(k) for k in keys[:2]] for keys in apart)
    return Message("another place ({mine} vs {theirs})", {"mine": mine, "theirs": theirs})


@lru_cache(maxsize=100_000)
def speaker_keys(speaker: str | None) -> tuple[frozenset[str], str | None]:
    """(gazetteer keys, skeleton of the family name) of a speaker; titles are not names."""
    if not speaker:
        return frozenset(), None
    from .structured import _name_tokens  # the titles the same-language matcher drops

    names = _name_tokens(speaker)
    keys = entities(speaker) & PEOPLE
    last = skeleton(names[-1]) if names else ""
    return keys, (last if len(last) >= 3 else None)


def speakers_match(a: str | None, b: str | None) -> str | None:
    """How two speakers in different scripts are one person: "table", "skeleton" or None."""
    ka, sa = speaker_keys(a)
    kb, sb = speaker_keys(b)
    if ka and kb:
        return "table" if ka & kb else None
    if sa and sb and sa == sb:
        return "skeleton"
    return None


def speaker_index_keys(speaker: str | None) -> list[str]:
    """Language-neutral keys a speaker is indexed and looked up by."""
    keys, last = speaker_keys(speaker)
    out = sorted(keys)
    if last:
        out.append("~" + last)
    return out


def spelled(key: str) -> Spelled:
    """A gazetteer key as an editor reads it in a reason: its first Latin spelling in English, its
    first Arabic one in Arabic."""
    spellings = [s.strip() for s in GAZETTEER.get(key, key).split("|")]
    latin = [s for s in spellings if s.isascii()]
    arabic = [s for s in spellings if not s.isascii()]
    return Spelled({"en": latin[0] if latin else key, **({"ar": arabic[0]} if arabic else {})})


PEOPLE = frozenset(list(GAZETTEER)[: list(GAZETTEER).index("syria")])
