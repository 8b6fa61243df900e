"""The interface's gettext catalogs (`<lang>/LC_MESSAGES/messages.po`, compiled to `.mo`) and the
translator's commands.

The English text is the msgid: a message with no translation still reads as English. Messages
with values use {named} placeholders (python-brace-format), filled after translation, so each
language keeps its own word order; counts use plural forms (Arabic has six, CLDR's rule).

    python -m factcheck.translations extract   # messages.pot from the templates and the code
    python -m factcheck.translations update    # merge it into every <lang>/messages.po
    python -m factcheck.translations compile   # .po -> .mo (what the app loads)

The .po files are what translators edit (Weblate, Crowdin, Poedit read them as they are). The
.mo files are committed beside them so that a clone and a wheel work without a build step;
tests/test_translations.py fails when a .mo is stale, a message has no translation, or a
translation's placeholders differ from its msgid's.

Imported by factcheck.i18n for DIR alone; Babel's extraction and catalog tools are imported
only by the commands, never when the app serves.
"""
from __future__ import annotations

from pathlib import Path

DIR = Path(__file__).resolve().parent
DOMAIN = "messages"
POT = DIR / f"{DOMAIN}.pot"

# The calls whose string arguments are interface text. Web modules call _t(), translate(lang, text) and
# translate_plural(lang, singular, plural, n); lower layers word their messages as Message(template) (counts:
# Message.counted(singular, plural, ...)) or raise Explained subclasses with a template; N_()
# marks words that reach the interface through a variable (a status, a relation, a format's
# title), so that extraction sees them where they are defined. Templates call t(text, **values)
# and tn(singular, plural, n, **values) (factcheck.web); in Python `t` is a common local name.
PYTHON_KEYWORDS = {
    "_t": None, "N_": None, "Message": None, "Explained": None,
    "counted": (1, 2), "translate": (2,), "translate_plural": (2, 3),
    "ReviewError": None, "FilterError": None, "ExportConfigError": None,
}
TEMPLATE_KEYWORDS = {"t": None, "tn": (1, 2)}


def _source_root() -> Path:
    """The repository (templates/ beside factcheck/) or an installed package (factcheck/templates/)."""
    package = DIR.parent
    top = package.parent
    return top if (top / "templates").is_dir() else package


def extract():
    """A Babel Catalog of every message in the templates and the code (what `extract` writes)."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    root = _source_root()
    # In the repository the code is under factcheck/; in an installed package it is the root.
    code = "**.py" if root == DIR.parent else "factcheck/**.py"
    catalog = Catalog(project="factcheck", domain=DOMAIN)
    for pattern, method, keywords in ((code, "python", PYTHON_KEYWORDS),
                                      ("templates/**.html", "jinja2", TEMPLATE_KEYWORDS)):
        for filename, lineno, message, comments, context in extract_from_dir(
                str(root), [(pattern, method)], {pattern: {"trimmed": "true"}}, keywords=keywords,
                comment_tags=("Translators:",), strip_comment_tags=True):
            if not _has_words(message):
                continue  # "{day} {month}": only values, nothing to translate
            flags = {"python-brace-format"} if _placeholders(message) else set()
            catalog.add(message, None, [(filename, lineno)], auto_comments=comments, flags=flags,
                        context=context)
    return catalog


def _has_words(message) -> bool:
    import re

    text = message[0] if isinstance(message, (list, tuple)) else message
    return bool(re.sub(r"\{[^{}]*\}", "", text).strip())


def _placeholders(message) -> set[str]:
    from string import Formatter

    texts = message if isinstance(message, (list, tuple)) else [message]
    names = set()
    for text in texts:
        try:
            names |= {field for _, field, _, _ in Formatter().parse(text) if field}
        except ValueError:  # a lone brace: not a template
            pass
    return names


def languages() -> list[str]:
    return sorted(p.parent.parent.name for p in DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def read(lang: str):
    from babel.messages.pofile import read_po

    with open(DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po", "rb") as f:
        return read_po(f, locale=lang, domain=DOMAIN)


def write(lang: str, catalog) -> None:
    from babel.messages.pofile import write_po

    with open(DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po", "wb") as f:
        write_po(f, catalog, width=100, sort_output=False, include_previous=True)


def compiled(catalog) -> bytes:
    from io import BytesIO

    from babel.messages.mofile import write_mo

    out = BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    import sys

    from babel.messages.pofile import write_po

    args = sys.argv[1:] if argv is None else argv
    if args not in (["extract"], ["update"], ["compile"]):
        print("usage: python -m factcheck.translations extract|update|compile", file=sys.stderr)
        return 2
    if args == ["extract"]:
        with open(POT, "wb") as f:
            write_po(f, extract(), width=100, omit_header=False)
        print(f"wrote {POT}")
    elif args == ["update"]:
        template = extract()
        for lang in languages():
            catalog = read(lang)
            catalog.update(template, update_header_comment=False)
            write(lang, catalog)
            print(f"updated {lang}")
    else:
        for lang in languages():
            (DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.mo").write_bytes(compiled(read(lang)))
            print(f"compiled {lang}")
    return 0
