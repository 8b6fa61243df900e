"""Bidirectional formatting controls that reorder what an editor reads (pure: no DB, no Flask).

U+202E RIGHT-TO-LEFT OVERRIDE makes "gpj.exe" display as "exe.jpg"; the embeddings, overrides and
isolates (U+202A-U+202E, U+2066-U+2069) all change the order of a whole span of text while staying
invisible. They are removed from what is stored of an article (title, text, HTML) before claims are
extracted, so the claims' start/end offsets index the text as stored. Every field on our pages already
sits in its own ``dir="auto"`` element, which isolates it from its neighbours, so the characters
have no layout work left to do that the markup does not do.

Kept: U+200E LEFT-TO-RIGHT MARK, U+200F RIGHT-TO-LEFT MARK and U+061C ARABIC LETTER MARK. Each is a
single invisible strong character: it cannot reverse the letters of a word or override anything, it
only tells the neutral characters beside it (full stops, brackets, quote marks) which way to lean, as
any visible Arabic or Latin letter there would. Arabic copy uses them for exactly that (a Latin
acronym or a figure at the end of an Arabic sentence), and removing them would move the desk's
punctuation about.
"""
from __future__ import annotations

import re

# LRE RLE PDF LRO RLO, then LRI RLI FSI PDI.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")


def strip_bidi(text: str | None) -> str | None:
    """The text without bidi embedding, override and isolate controls (marks are kept); None stays None."""
    return _BIDI.sub("", text) if text else text
