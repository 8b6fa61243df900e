"""A regular expression built and compiled the first time it is used, not at import.

The extractor's large patterns are alternations over hundreds of number, unit and verb words,
factored as tries (numbers.alternation); building and compiling them at import was a third of
`factcheck extract`'s start-up, paid even on an empty input and for a language the process never
reads (issue 16). A LazyPattern stands where the compiled pattern stood: the first attribute read
builds it, and from then on its methods are plain instance attributes, so later calls cost what a
compiled pattern's cost.
"""
from __future__ import annotations

import re
from collections.abc import Callable

# what callers use of a compiled pattern; copied onto the instance on first use
_FORWARDED = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split",
              "pattern", "flags", "groups", "groupindex")


class LazyPattern:
    def __init__(self, build: Callable[[], str], flags: int = 0) -> None:
        self._build = build
        self._flags = flags

    def __getattr__(self, name: str):
        # reached only for names not yet on the instance: before the first use, or a name that
        # a compiled pattern does not forward (those raise as re.Pattern would)
        if name.startswith("_"):
            raise AttributeError(name)
        rx = self.compiled()
        return getattr(rx, name)

    def compiled(self) -> re.Pattern:
        rx = re.compile(self._build(), self._flags)
        # two threads may both compile on first use: the same pattern either way
        for attr in _FORWARDED:
            self.__dict__[attr] = getattr(rx, attr)
        self.__dict__["compiled"] = lambda: rx
        return rx

    def __repr__(self) -> str:
        state = "compiled" if "pattern" in self.__dict__ else "not compiled yet"
        return f"<LazyPattern {state}>"


def lazy_regex(pattern: str, flags: int = 0) -> LazyPattern:
    """``re.compile`` for a module's constants: the same pattern, compiled on first use.

    Each compile at import is a millisecond or less, but a module of sixty of them costs a command
    that never reads that module's kind of text tens of milliseconds of start-up."""
    return LazyPattern(lambda: pattern, flags)
