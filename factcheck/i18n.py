"""The interface in English and Arabic.

English strings are their own msgids in gettext catalogs (factcheck/translations: .po files
translators edit, compiled to .mo), so a missing translation falls back to readable English
instead of a key name. Counts have plural forms (translate_plural; Arabic has six). Month names
come from CLDR's data (Babel), not from the catalog. The language comes from the `lang`
cookie (the switch in the header), else the browser's Accept-Language.
Article text is never translated or reordered: it is shown with dir="auto".

Messages with values (an editor's name, a count) are keyed by their English
text with {named} placeholders (python-brace-format) and filled in after translation, so each
language keeps its own word order. Errors from lower layers (review, export
filters and settings) carry the same template and their values
(factcheck.messages) and are translated by explain(): nothing here reads an
English sentence back.
"""
from __future__ import annotations

import gettext
import json
from functools import lru_cache

from babel import dates, support

from .messages import Explained, Message, Month, Spelled
from .translations import DIR as TRANSLATIONS, DOMAIN

LANGUAGES = ("en", "ar")
RTL = {"ar"}

# Arabic month names from CLDR: the Levantine name (ar_SY: تشرين الثاني) and the one used in
# Egypt and the Gulf (ar_EG: نوفمبر), written both ways as the desk's outlets write them
# ("تشرين الثاني/نوفمبر"); a month both call alike is written once.
ARABIC_MONTH_LOCALES = ("ar_SY", "ar_EG")


@lru_cache(maxsize=None)
def _translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of `lang` (factcheck/translations/<lang>/LC_MESSAGES/messages.mo);
    English, the msgids' language, has none."""
    if lang not in LANGUAGES or lang == "en":
        return gettext.NullTranslations()
    return support.Translations.load(str(TRANSLATIONS), [lang], DOMAIN)


def _lookup(lang: str, text: str) -> str | None:
    """The translation of `text`, or None when the catalog has none (gettext gives the msgid back)."""
    out = _translations(lang).gettext(text)
    return None if out is text else out


def _lookup_plural(lang: str, singular: str, plural: str, n: int) -> str | None:
    tr = _translations(lang)
    out = tr.ngettext(singular, plural, n)
    return None if out is singular or out is plural else out


@lru_cache(maxsize=None)
def month_name(lang: str, number: int) -> str:
    """A month's name in `lang` (1-12): CLDR's, both Arabic forms in Arabic; "Aug" in English."""
    if lang != "ar":
        return str(Month(number))
    names = []
    for locale in ARABIC_MONTH_LOCALES:
        name = dates.get_month_names("wide", locale=locale)[number]
        if name not in names:
            names.append(name)
    return "/".join(names)


def pick_language(cookie: str | None, accept_languages) -> str:
    """The cookie set by the switch wins; else the browser's best match; else English."""
    if cookie in LANGUAGES:
        return cookie
    if accept_languages is not None:
        best = accept_languages.best_match(LANGUAGES)
        if best:
            return best
    return "en"


# Unicode first-strong isolate / pop directional isolate: a Latin name or a
# quoted value inside an Arabic sentence keeps its own direction and does not
# drag the punctuation around it (the plain-text form of <bdi>).
FSI, PDI = "\u2068", "\u2069"


# Values that are themselves interface words (a claim's status, "someone" for
# an editor whose account is gone) are translated with their sentence; any
# other value (a name, what the user typed) is shown as it is.
_WORD_PARAMS = {"status": {"pending", "corroborated", "disputed", "unverifiable", "skipped", "deleted"},
                "who": {"someone"}}


def translate(lang: str, text: str, **params) -> str:
    """`text` in `lang`; with params, `text` is a template whose {names} are filled after translation.

    A template with no translation is filled as it is, in English, with its
    values untouched (no Arabic words or direction marks inside English).
    """
    shown = _lookup(lang, text)
    if not params:
        return text if shown is None else shown
    return _fill(lang, text if shown is None else shown, shown is not None, params)


def translate_plural(lang: str, singular: str, plural: str, n: int, **params) -> str:
    """The form of `singular`/`plural` for the count `n` in `lang` (Arabic has six), filled with
    `params` and n (as "n" unless params name it)."""
    params.setdefault("n", n)
    shown = _lookup_plural(lang, singular, plural, n)
    english = singular if n == 1 else plural
    return _fill(lang, english if shown is None else shown, shown is not None, params)


def _fill(lang: str, template: str, translated: bool, params) -> str:
    if not translated:
        return template.format(**params)
    params = {k: translate(lang, v) if isinstance(v, str) and v in _WORD_PARAMS.get(k, ()) else v
              for k, v in params.items()}
    if lang in RTL:
        params = {k: _isolated(v) for k, v in params.items()}
    return template.format(**params)


class _Shown(str):
    """Text already in the interface language (a part translated on its own): not isolated again."""


def _isolated(value):
    return f"{FSI}{value}{PDI}" if isinstance(value, str) and not isinstance(value, _Shown) else value


# How the items of a list value are joined, by language (English: ", ").
_COMMA = {"ar": "، "}


def explain(lang: str, message: Message | Explained) -> str:
    """A lower layer's message (an error, a problem it reported, why two claims match) in `lang`,
    from its template and values.

    A value that is itself a Message is translated on its own first; a list is joined by the
    language's comma, each of its values isolated in a right-to-left language.
    """
    if isinstance(message, Explained):
        message = message.message
    params = {k: _shown(lang, v) for k, v in message.params.items()}
    if message.plural is not None:
        count = message.params[message.count]
        return _Shown(translate_plural(lang, message.template, message.plural, count, **params))
    if not params:
        # Still a template: "{{" stands for a brace, as in str(message).
        return _Shown(translate(lang, message.template).format())
    return _Shown(translate(lang, message.template, **params))


def _shown(lang: str, value):
    if isinstance(value, Message):
        return explain(lang, value)
    if isinstance(value, Spelled):
        return value.in_language(lang)
    if isinstance(value, Month):
        return _Shown(month_name(lang, value.number))
    if isinstance(value, (list, tuple)):
        items = [_shown(lang, v) for v in value]
        if lang in RTL:
            items = [_isolated(v) for v in items]
        return _Shown(listed(lang, items))
    return value


def listed(lang: str, items) -> str:
    """Items joined by the language's comma ("a, b" / "a، b")."""
    return _COMMA.get(lang, ", ").join(str(v) for v in items)


def stored_reason(lang: str, data, english: str | None) -> str:
    """Why two claims match, in `lang`, from the template and values stored with the match
    (``matches.reason_data``: a dict through the ORM, JSON text from a driver's tuple).

    Rows stored before those were kept, or whose data cannot be read, give the English reason.
    """
    if data:
        try:
            return explain(lang, Message.from_data(json.loads(data) if isinstance(data, str) else data))
        except (KeyError, IndexError, TypeError, ValueError, AttributeError):
            pass
    return english or ""


def format_when(lang: str, when, *, seconds: bool = False) -> str:
    """A stored UTC time as the interface shows it, by CLDR's patterns (Babel): "7 Nov 2025, 14:05
    UTC"; in Arabic with both month names, "7 تشرين الثاني/نوفمبر 2025، 14:05 UTC"."""
    clock = "HH:mm:ss" if seconds else "HH:mm"
    if lang == "ar":
        # The month as a quoted literal: CLDR names it one way per locale, the desk writes both.
        pattern, locale = f"d '{month_name('ar', when.month)}' y، {clock}", ARABIC_MONTH_LOCALES[0]
    else:
        pattern, locale = f"d MMM y, {clock}", "en"
    return f"{dates.format_datetime(when, pattern, tzinfo=dates.UTC, locale=locale)} UTC"


def direction(lang: str) -> str:
    return "rtl" if lang in RTL else "ltr"
