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
"""
from __future__ import annotations

import re
from functools import lru_cache

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
def entities(text: str) -> frozenset[str]:
    """Gazetteer keys named in a text (longest spelling first, Arabic clitics allowed)."""
    words = [_fold(t) for t in tokens(text) if t not in _PARTICLES]
    found: set[str] = set()
    i, n = 0, len(words)
    while i < n:
        first = words[i]
        # وماكرون، لدمشق، بالشرع: a clitic on the first word of the name
        bare = _fold(strip_clitics(first)) if _ARABIC.match(first) else first
        for size in range(min(_LONGEST, n - i), 0, -1):
            rest = tuple(words[i + 1:i + size])
            key = _TABLE.get((first, *rest))
            if key is None and bare != first:
                key = _TABLE.get((bare, *rest))
            if key is not None:
                found.add(key)
                i += size
                break
        else:
            i += 1
    return frozenset(found)


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


def display(key: str) -> str:
    """A gazetteer key as an editor reads it in a reason."""
    spellings = [s.strip() for s in GAZETTEER.get(key, key).split("|")]
    latin = [s for s in spellings if s.isascii()]
    return latin[0] if latin else key


PEOPLE = frozenset(list(GAZETTEER)[: list(GAZETTEER).index("syria")])
