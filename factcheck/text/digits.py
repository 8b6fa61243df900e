"""Digit handling: Arabic-Indic and Persian digits are the same numbers as ASCII ones."""
from __future__ import annotations

_ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
_PERSIAN = "۰۱۲۳۴۵۶۷۸۹"

# One translation table: every digit form to ASCII, one character for one
# character, so offsets into the original text stay valid after conversion.
DIGITS_TO_ASCII = str.maketrans(
    {**{c: str(i) for i, c in enumerate(_ARABIC_INDIC)}, **{c: str(i) for i, c in enumerate(_PERSIAN)},
     "٫": ".", "٬": ","}
)


def to_ascii_digits(text: str) -> str:
    """Same length as the input: safe to use before matching offsets."""
    return text.translate(DIGITS_TO_ASCII)
