"""The Arabic catalog as the tests read it: msgid -> msgstr, from the .po translators edit
(plural messages by their singular msgid, their forms as a tuple)."""
from __future__ import annotations

from functools import lru_cache

from factcheck import translations


@lru_cache(maxsize=None)
def arabic() -> dict:
    out = {}
    for m in translations.read("ar"):
        if not m.id:
            continue
        key = m.id[0] if isinstance(m.id, (list, tuple)) else m.id
        out[key] = tuple(m.string) if isinstance(m.string, (list, tuple)) else m.string
    return out
