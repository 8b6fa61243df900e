"""Which URLs may become links: absolute http(s) URLs with a host, nothing else (pure: no DB, no Flask).

Article URLs come from feeds (an entry's <link>) and from ``factcheck import --url``: hostile input.
A ``javascript:`` or ``data:`` URL in an ``href`` runs script when clicked, and the printable report is
opened from disk where no server's Content-Security-Policy protects it. ``safe_url`` is the one check,
run when an article is stored and again wherever a URL is rendered as a link.

It reads the URL the way a browser does (WHATWG URL parsing) before it judges the scheme: leading and
trailing C0 controls and spaces are dropped, and tabs and newlines anywhere are removed, so
``" \\tjava\\nscript:alert(1)"`` is seen as the ``javascript:`` URL a browser would run. Anything else
odd is refused rather than guessed at: other control characters, a backslash (browsers read it as
``/`` in http(s) URLs, Python's urlsplit does not, so the two would disagree on the host), no host, or
an unreadable port. A relative or protocol-relative URL is refused too: opened from a ``file://``
report, ``//host/x`` would resolve to ``file://host/x``.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

SCHEMES = ("http", "https")
MAX_LENGTH = 2000  # the length of the articles.url column

_TAB_OR_NEWLINE = re.compile("[\t\n\r]")
_EDGES = "".join(map(chr, range(0x21)))  # C0 controls and space, stripped at both ends as browsers do
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def safe_url(value: object) -> str | None:
    """The URL, as a browser would read it, if it is an absolute http(s) URL with a host; else None."""
    if not isinstance(value, str):
        return None
    url = _TAB_OR_NEWLINE.sub("", value.strip(_EDGES))
    if not url or len(url) > MAX_LENGTH or "\\" in url or _CONTROL.search(url):
        return None
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number in range
    except ValueError:
        return None
    if parts.scheme.lower() not in SCHEMES or not parts.hostname or " " in parts.netloc:
        return None
    return url
