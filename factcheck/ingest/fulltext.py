"""The article behind a teaser: when to fetch an entry's page, and its main text.

Most feeds carry a headline and a sentence; the claims are in the page.  This module holds the
pure parts (no database, no network of its own):

- ``extract_page``: page HTML -> main text, title, author, date and canonical URL, with
  trafilatura (measured on 46 real news pages with other projects' ground truth, bench/fulltext.py:
  see BENCHMARKS.md).  Comments and "related stories" are left out; Arabic is kept verbatim.
  trafilatura is only given a string: it never downloads anything here (its own fetching is never
  called, and its extraction timeout, which uses signals, is only read by its command line).
- ``wants_page``: whether a feed entry looks like a teaser (``auto``), see ``SHORT_WORDS``.
- ``canonical_url``: a link without tracking parameters, for dedup.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

FULL_TEXT_MODES = ("auto", "always", "never")

# "Short": an entry with fewer words than this is a teaser, whatever it ends with.  Measured on the
# bundled samples (samples/*.xml: every entry carries its whole article, 60 to 190 words, none
# under 60) and on real teaser feeds, whose summaries are one or two sentences (15 to 45 words);
# see BENCHMARKS.md, "Full text".  A text of 60 words or more is still a teaser when it ends like
# one ("…", "[…]", "Read more", "continue reading", "اقرأ المزيد", "للمزيد").
SHORT_WORDS = 60
_TEASER_END = re.compile(
    r"(?:\.\.\.|…|\[…\]|\[\.\.\.\]|\[&hellip;\]|read more|continue reading|the post .{0,200} appeared first on .{0,200}"
    r"|اقرأ المزيد|اقرأ أيضا|إقرأ المزيد|للمزيد|المزيد|تابع القراءة|التفاصيل)\W{0,5}$",
    re.IGNORECASE | re.DOTALL)
_WORD = re.compile(r"\w+")


def word_count(text: str) -> int:
    return len(_WORD.findall(text or ""))


def looks_like_teaser(text: str) -> bool:
    """True when an entry's text is short (fewer than SHORT_WORDS words) or ends like a teaser."""
    text = (text or "").strip()
    return word_count(text) < SHORT_WORDS or bool(_TEASER_END.search(text[-300:]))


# Names reserved for documentation and tests (RFC 2606, RFC 6761): no page can be behind them, so
# no request (not even a DNS query) is made for them.
_RESERVED_SUFFIXES = (".example", ".invalid", ".test", ".localhost")
_RESERVED_NAMES = ("example.com", "example.net", "example.org")


def reserved_host(host: str | None) -> bool:
    host = (host or "").lower().rstrip(".")
    return (host.endswith(_RESERVED_SUFFIXES) or host in _RESERVED_NAMES or host in ("localhost",)
            or any(host.endswith("." + name) for name in _RESERVED_NAMES) or host.split(".")[-1] in
            ("example", "invalid", "test"))


def wants_page(mode: str, text: str, link: str | None) -> bool:
    """Whether the page behind ``link`` should be fetched for an entry of a feed in ``mode``."""
    if not link or urlsplit(link).scheme not in ("http", "https") or reserved_host(urlsplit(link).hostname):
        return False
    if mode == "never":
        return False
    if mode == "always":
        return True
    return looks_like_teaser(text)


# ---------------------------------------------------------------- canonical URLs

_TRACKING = re.compile(r"^(?:utm_\w*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|yclid|igshid|"
                       r"_hsenc|_hsmi|mkt_tok|ocid|cmpid|at_medium|at_campaign|ito|xtor|__twitter_impression)$",
                       re.IGNORECASE)


def canonical_url(url: str | None) -> str | None:
    """``url`` without tracking parameters (utm_*, fbclid, ...) and fragment, host in lower case."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)]
    netloc = parts.netloc.lower()
    if (parts.scheme.lower() == "http" and netloc.endswith(":80")) or (
            parts.scheme.lower() == "https" and netloc.endswith(":443")):
        netloc = netloc.rsplit(":", 1)[0]
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", urlencode(query), ""))


# ---------------------------------------------------------------- extraction


@dataclass
class PageText:
    text: str  # paragraphs separated by blank lines
    title: str | None = None
    author: str | None = None
    date: str | None = None  # YYYY-MM-DD as the page gives it; the feed's date wins (see polling)
    canonical_url: str | None = None  # <link rel="canonical"> (or og:url), absolute http(s)


_CANONICAL = re.compile(rb"<link\b[^>]*\brel\s*=\s*[\"']?canonical\b[^>]*>", re.IGNORECASE)
_HREF = re.compile(rb"\bhref\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+))", re.IGNORECASE)


def _page_canonical(html: bytes, base: str | None) -> str | None:
    from urllib.parse import urljoin

    head = html[:300_000]
    for tag in _CANONICAL.finditer(head):
        href = _HREF.search(tag.group(0))
        if href:
            raw = next(g for g in href.groups() if g is not None).decode("utf-8", "replace").strip()
            import html as htmllib

            raw = htmllib.unescape(raw)
            absolute = urljoin(base or "", raw)
            return canonical_url(absolute)
    return None


# One extraction at a time: the poller fetches pages in threads, and four trafilatura extractions at
# once aborted the test process in C (a CI run on PostgreSQL: "Fatal Python error: Aborted" with four
# threads inside bare_extraction). Fetching stays concurrent; extracting is mostly under the GIL anyway.
_EXTRACTING = threading.Lock()


def extract_page(html: bytes | str, url: str | None = None) -> PageText | None:
    """The main text of an article page, or None when nothing that reads as an article is found.

    Comments are excluded; trafilatura's own heuristics leave out navigation, "related stories",
    share bars and footers.  Pure: no network, no database.
    """
    import trafilatura

    raw = html.encode("utf-8") if isinstance(html, str) else html
    if not raw.strip():
        return None
    with _EXTRACTING:
        doc = trafilatura.bare_extraction(raw, url=url, include_comments=False, include_tables=True,
                                          with_metadata=True, favor_precision=False, deduplicate=False)
    if doc is None:
        return None
    text = (getattr(doc, "text", None) or "").strip()
    if not text:
        return None
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    return PageText(text="\n\n".join(paragraphs), title=_one_line(getattr(doc, "title", None)),
                    author=_one_line(getattr(doc, "author", None)), date=getattr(doc, "date", None) or None,
                    canonical_url=_page_canonical(raw, url))


def _one_line(value: str | None) -> str | None:
    if not value:
        return None
    value = " ".join(value.split())
    return value or None
