"""The interface's gettext catalogs (factcheck/translations): complete, consistent, compiled.

The completeness check extracts the messages the way a translator's `extract` does, from the
templates and the code, so a new t('...'), _t("..."), Message("...") or N_("...") without
Arabic fails here, naming the file and line.
"""
from __future__ import annotations

from io import BytesIO
from string import Formatter

import pytest
from babel.messages.mofile import read_mo

from factcheck import translations
from factcheck.i18n import translate_plural


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name}


@pytest.fixture(scope="module")
def extracted():
    return translations.extract()


@pytest.fixture(scope="module")
def catalog():
    return translations.read("ar")


def test_extraction_finds_the_interface_from_every_layer(extracted):
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in extracted if m.id}
    where = {loc[0].split("/")[0] for m in extracted for loc in m.locations}
    # Templates, web modules, lower layers' messages and N_()-marked words are all found.
    for known in ("Queue", "Wrong user name or password.", "dates differ: {mine} vs {theirs}", "unverifiable",
                  "The CSRF token is missing.", "note too long ({n} characters, at most {max})"):
        assert known in ids, known
    assert {"templates", "factcheck"} <= where
    assert len(ids) >= 250


def test_every_message_has_its_arabic(extracted, catalog):
    missing = []
    for m in extracted:
        if not m.id:
            continue
        ar = catalog.get(m.id)
        forms = [] if ar is None else (list(ar.string) if m.pluralizable else [ar.string])
        if ar is None or ar.fuzzy or not all(forms) or (m.pluralizable and len(forms) != catalog.num_plurals):
            missing.append(f"{m.locations[0][0]}:{m.locations[0][1]}: {m.id!r}")
    assert missing == [], "no Arabic translation (or a fuzzy one):\n" + "\n".join(missing)


def test_every_translation_has_the_placeholders_of_its_message(catalog):
    wrong = []
    for m in catalog:
        if not m.id or not m.string:
            continue
        if m.pluralizable:
            want = _fields(m.id[1])
            forms = list(m.string)
            # A form for one exact number (Arabic's zero, one and two) may spell the number out
            # ("يومان"), so it may leave the count out; the general form says everything.
            ok = all(_fields(f) <= want for f in forms) and _fields(forms[-1]) == want
            ok = ok and _fields(m.id[0]) == want
        else:
            ok = _fields(m.string) == _fields(m.id)
        if not ok:
            wrong.append(repr(m.id))
    assert wrong == []


def test_arabic_has_cldrs_six_plural_forms(catalog):
    assert catalog.num_plurals == 6
    forms = {translate_plural("ar", "{n} day", "{n} days", n) for n in (0, 1, 2, 3, 11, 100)}
    assert forms == {"0 يوم", "يوم واحد", "يومان", "3 أيام", "11 يومًا", "100 يوم"}
    assert translate_plural("ar", "{n} day", "{n} days", 103) == "103 أيام", "few is n mod 100 in 3..10"
    assert translate_plural("en", "{n} day", "{n} days", 1) == "1 day"
    assert translate_plural("en", "{n} day", "{n} days", 2) == "2 days"


def test_the_compiled_catalog_is_the_po_translators_edit():
    # The app loads the .mo; a .po edited without `python -m factcheck.translations compile` fails here.
    for lang in translations.languages():
        mo = translations.DIR / lang / "LC_MESSAGES" / f"{translations.DOMAIN}.mo"
        shipped = read_mo(BytesIO(mo.read_bytes()))
        fresh = read_mo(BytesIO(translations.compiled(translations.read(lang))))
        assert _entries(shipped) == _entries(fresh), lang


def _entries(catalog) -> dict:
    as_key = lambda v: tuple(v) if isinstance(v, (list, tuple)) else v  # noqa: E731
    return {as_key(m.id): as_key(m.string) for m in catalog if m.id}


def test_times_are_written_by_cldr_with_both_arabic_month_names():
    from datetime import datetime, timezone

    from factcheck.i18n import format_when

    when = datetime(2025, 11, 7, 22, 13, 5, tzinfo=timezone.utc)
    assert format_when("en", when) == "7 Nov 2025, 22:13 UTC"
    assert format_when("en", when, seconds=True) == "7 Nov 2025, 22:13:05 UTC"
    assert format_when("ar", when) == "7 تشرين الثاني/نوفمبر 2025، 22:13 UTC"
    # Stored times are naive UTC (store.models.UTCDateTime): read as UTC, not as the machine's zone.
    assert format_when("ar", when.replace(tzinfo=None, month=5)) == "7 أيار/مايو 2025، 22:13 UTC"
