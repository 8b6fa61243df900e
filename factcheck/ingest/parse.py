"""Feed bytes + response headers -> entries ready to store.

feedparser does the parsing (RSS 0.9x/1.0/2.0, Atom, the ill-formed feeds of the real world); this
module prepares its input and cleans its output:

- **charset**: BOM first, then bytes that are valid UTF-8 are kept as UTF-8 (the commonest real
  fault is an Arabic UTF-8 feed declared as ISO-8859-1 or windows-1256), then the XML declaration,
  then the HTTP header.  We decode ourselves and hand feedparser UTF-8 with a matching header, so
  feedparser's own (HTTP-header-first, RFC 3023) order cannot override that choice.  Inputs we
  cannot decode with confidence (UTF-16/32 without BOM, EBCDIC) are left to feedparser.
- **control characters** are stripped before parsing (they make otherwise good XML ill-formed).
- **entity expansion**: the DOCTYPE's internal subset is reduced to short, self-contained entity
  declarations, so billion-laughs and quadratic-blowup documents parse in bounded time and memory;
  no external entity or DTD is ever fetched (expat via feedparser has external entities off).
- **output**: HTML sanitised with an allow-list, plain text with paragraph breaks, UTC dates never
  in the future, and a content hash for dedup and edit detection.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import feedparser

from factcheck.ingest.sanitize import html_to_text, plain_to_html, sanitize_html, strip_control
from factcheck.text.urls import safe_url

_XML_DECL = re.compile(rb"^\s*<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9._:\-]{1,40})[\"']")
_XML_DECL_TEXT = re.compile(r"^(\s*<\?xml[^>]{0,200}?encoding\s*=\s*[\"'])([A-Za-z0-9._:\-]{1,40})([\"'])")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._:\-]{1,40})", re.I)
_C0_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# A short, self-contained general entity: a few plain characters or one character reference.
_SAFE_ENTITY = re.compile(
    r"<!ENTITY\s+([A-Za-z_][\w.\-]{0,63})\s+(\"(?:[^\"&<%]{0,64}|&#[0-9]{1,7};|&#x[0-9A-Fa-f]{1,6};)\")\s*>"
)
_HTML_SNIFF = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.I)
_WS = re.compile(r"\s+")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_OLDEST = datetime(1990, 1, 1, tzinfo=UTC)


@dataclass
class ParsedEntry:
    guid: str | None
    link: str | None
    title: str
    published: datetime | None  # tz-aware UTC, never in the future
    html: str  # sanitised HTML
    text: str  # plain text, paragraphs separated by blank lines
    content_hash: str  # sha256 hex of normalised title + text
    updated: datetime | None = None
    author: str | None = None


@dataclass
class ParsedFeed:
    title: str | None
    entries: list[ParsedEntry]
    ttl_minutes: int | None
    bozo: bool
    error: str | None  # set when the body is not a feed at all
    encoding: str | None = None
    language: str | None = None
    link: str | None = None
    bozo_reason: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------
# Input preparation


def _known_codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def choose_encoding(content: bytes, headers: dict[str, str]) -> tuple[str | None, int]:
    """(encoding, BOM length) by the order BOM > valid UTF-8 > XML declaration > HTTP header.

    Returns (None, 0) when we should not guess and feedparser's own detection should run.
    """
    for bom, name in _BOMS:
        if content.startswith(bom):
            return name, len(bom)
    if b"\x00" in content[:4]:
        return None, 0  # UTF-16/32 without a BOM: feedparser sniffs those from '<?xml'
    try:
        content.decode("utf-8")
        return "utf-8", 0
    except UnicodeDecodeError:
        pass
    declared = _XML_DECL.match(content[:1024])
    if declared:
        name = _known_codec(declared.group(1).decode("ascii"))
        if name and not name.startswith(("utf-16", "utf-32")):
            try:
                content.decode(name)
                return name, 0
            except UnicodeDecodeError:
                pass
    charset = _CHARSET.search(headers.get("content-type", ""))
    if charset:
        name = _known_codec(charset.group(1))
        if name and not name.startswith(("utf-16", "utf-32")):
            try:
                text = content.decode(name)
                if text.lstrip()[:1] == "<":
                    return name, 0
            except UnicodeDecodeError:
                pass
    if declared:
        name = _known_codec(declared.group(1).decode("ascii"))
        if name and not name.startswith(("utf-16", "utf-32")):
            return name, 0  # decoded with replacement characters below
    return None, 0


def defuse_doctype(text: str) -> str:
    """Reduce the DOCTYPE's internal subset to short self-contained entities.

    Linear scan with str.find: no regex runs over the (possibly huge) subset except the bounded
    ``_SAFE_ENTITY`` pattern, whose quantifiers are all capped.
    """
    start = text.find("<!DOCTYPE", 0, 4096)
    if start < 0:
        start = text.find("<!doctype", 0, 4096)
    if start < 0:
        return text
    bracket = text.find("[", start)
    close = text.find(">", start)
    if bracket < 0 or (0 <= close < bracket):
        return text  # no internal subset: an external DTD is never fetched anyway
    end = bracket
    while True:
        end = text.find("]", end + 1)
        if end < 0:
            # Unterminated subset: drop everything from the DOCTYPE on to the first element.
            return text[:start] + text[start:].split("]>", 1)[-1]
        rest = end + 1
        while rest < len(text) and text[rest] in " \t\r\n":
            rest += 1
        if rest < len(text) and text[rest] == ">":
            break
    name = text[start + 9:bracket].strip()
    subset = text[bracket + 1:end]
    safe = [m.group(0) for m in _SAFE_ENTITY.finditer(subset)]
    # Parameter entities ("<!ENTITY % ...") and SYSTEM/PUBLIC ones never match _SAFE_ENTITY.
    doctype = f"<!DOCTYPE {name} [{''.join(safe)}]>" if safe else f"<!DOCTYPE {name}>"
    return text[:start] + doctype + text[rest + 1:]


def prepare(content: bytes, headers: dict[str, str]) -> tuple[bytes, dict[str, str], str | None]:
    """Bytes and headers to hand to feedparser, and the encoding we chose (None: feedparser's)."""
    headers = {k.lower(): v for k, v in headers.items()}
    encoding, bom = choose_encoding(content, headers)
    if encoding is None:
        if b"\x00" not in content[:4]:
            # ASCII-compatible but of unknown charset: latin-1 maps bytes 1:1, so the DOCTYPE can
            # be defused without knowing the real encoding.  Control bytes below 0x20 never occur
            # inside multi-byte characters of ASCII-compatible charsets, so they can go too.
            content = _C0_BYTES.sub(b"", content)
            content = defuse_doctype(content.decode("latin-1")).encode("latin-1")
        # No media type is not an error of the document: let feedparser sniff it as XML.
        headers.setdefault("content-type", "application/xml")
        return content, headers, None
    text = content[bom:].decode(encoding, errors="replace")
    text = strip_control(text)
    text = _XML_DECL_TEXT.sub(lambda m: m.group(1) + "utf-8" + m.group(3), text, count=1)
    text = defuse_doctype(text)
    media = headers.get("content-type", "application/xml").split(";", 1)[0].strip() or "application/xml"
    headers["content-type"] = f"{media}; charset=utf-8"
    return text.encode("utf-8"), headers, encoding


# ---------------------------------------------------------------------------------------------
# Output cleaning


def _to_utc(struct: Any, now: datetime) -> datetime | None:
    if not struct:
        return None
    try:
        dt = datetime(*struct[:6], tzinfo=UTC)  # feedparser normalises to UTC; naive means UTC
    except (TypeError, ValueError, OverflowError):
        return None
    if dt < _OLDEST:
        return None
    return min(dt, now)  # a date in the future is a publisher's clock or time zone error


def _one_line(text: str) -> str:
    return _WS.sub(" ", strip_control(text)).strip()


def _entry_html(entry: Any) -> str:
    """The richest body the entry offers: full content, else summary; plain text escaped."""
    candidates: list[tuple[str, str]] = []
    for item in entry.get("content") or []:
        candidates.append((item.get("value") or "", item.get("type") or "text/html"))
    summary = entry.get("summary")
    if summary:
        detail = entry.get("summary_detail") or {}
        candidates.append((summary, detail.get("type") or "text/html"))
    if not candidates:
        return ""
    value, ctype = max(candidates, key=lambda c: len(c[0]))
    if ctype == "text/plain":
        return plain_to_html(value)
    return sanitize_html(value)


def _title(entry_or_feed: Any) -> str:
    title = entry_or_feed.get("title") or ""
    detail = entry_or_feed.get("title_detail") or {}
    if detail.get("type") in ("text/html", "application/xhtml+xml"):
        title = html_to_text(title)
    return _one_line(title)


def content_hash(title: str, text: str) -> str:
    """Hash that ignores Unicode form, case and whitespace, so re-serialised feeds do not look edited."""
    norm = unicodedata.normalize("NFKC", f"{title}\n{text}").casefold()
    norm = _WS.sub(" ", norm).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def _clean_id(value: Any) -> str | None:
    if not value or not isinstance(value, str):
        return None
    value = strip_control(value).strip()
    return value[:2000] or None


def _ttl(feed: Any) -> int | None:
    raw = feed.get("ttl")
    if raw is None:
        return None
    try:
        minutes = int(str(raw).strip())
    except ValueError:
        return None
    return minutes if 0 < minutes <= 7 * 24 * 60 else None


def parse_feed(content: bytes, headers: dict[str, str] | None = None, url: str | None = None,
               *, now: datetime | None = None) -> ParsedFeed:
    """Parse one fetched body.  Never raises for bad input: ``error`` says what was wrong."""
    now = now or datetime.now(UTC)
    headers = dict(headers or {})
    if not content or not content.strip(b" \t\r\n\x00\xef\xbb\xbf\xfe\xff"):
        return ParsedFeed(None, [], None, True, "empty response: the server sent no feed")
    data, hdrs, encoding = prepare(content, headers)
    if url and "content-location" not in hdrs:
        hdrs["content-location"] = url  # base for relative links in the feed
    try:
        result = feedparser.parse(data, response_headers=hdrs, resolve_relative_uris=True,
                                  sanitize_html=True)
    except Exception as exc:  # noqa: BLE001 - feedparser should not raise, but a poller must not die
        return ParsedFeed(None, [], None, True, f"feed could not be parsed: {type(exc).__name__}: {exc}")
    bozo_reason = None
    if result.get("bozo"):
        exc = result.get("bozo_exception")
        bozo_reason = f"{type(exc).__name__}: {exc}" if exc is not None else "ill-formed feed"
    feed = result.get("feed", {})
    entries = [_entry(e, now) for e in result.get("entries", [])]
    error = None
    # No recognised format, no entries, and either broken or empty: not a feed.  (A well-formed
    # channel without items, e.g. CDF, still counts as a feed with nothing new.)
    if not result.get("version") and not entries and (result.get("bozo") or not feed):
        if _HTML_SNIFF.search(content[:4096]):
            error = "not a feed: the server sent an HTML page"
        else:
            error = f"not a feed ({bozo_reason or 'no RSS or Atom element found'})"
    return ParsedFeed(
        title=_title(feed) or None,
        entries=entries,
        ttl_minutes=_ttl(feed),
        bozo=bool(result.get("bozo")),
        error=error,
        encoding=encoding or result.get("encoding"),
        language=_clean_id(feed.get("language")),
        link=safe_url(_clean_id(feed.get("link"))),
        bozo_reason=bozo_reason,
    )


def _entry(entry: Any, now: datetime) -> ParsedEntry:
    html = _entry_html(entry)
    text = html_to_text(html)
    title = _title(entry)
    # dict.get: FeedParserDict.get maps a missing updated_parsed to published_parsed (deprecated).
    published = _to_utc(dict.get(entry, "published_parsed"), now)
    updated = _to_utc(dict.get(entry, "updated_parsed"), now)
    if published is None:
        published = updated or _to_utc(dict.get(entry, "created_parsed"), now)
    author = _clean_id(entry.get("author"))
    return ParsedEntry(
        guid=_clean_id(entry.get("id")),
        # Only an http(s) link is the article's address: a javascript: or data: <link> would become a live
        # href on the claim page and in the report. Such an entry has no link (keyed by guid, else hash).
        link=safe_url(_clean_id(entry.get("link"))),
        title=title,
        published=published,
        html=html,
        text=text,
        content_hash=content_hash(title, text),
        updated=updated,
        author=author,
    )


# ---------------------------------------------------------------------------------------------
# Dedup keys


def entry_keys(entries: Sequence[ParsedEntry] | Iterable[ParsedEntry]) -> list[str]:
    """One dedup key per entry: ``guid:…``, else ``link:…``, else ``hash:…``.

    A feed whose guids are not unique within one document (a CMS that gives every item the feed's
    URL as guid) would collapse all its articles into one, so guids are only trusted when no two
    entries of this document share one; links likewise.  Entries without a usable guid/link fall
    back individually.  Keys are stable across polls of a well-behaved feed, and an entry edited
    upstream keeps its guid/link key (its content_hash changes, which marks it as edited).
    """
    entries = list(entries)
    guids = Counter(e.guid for e in entries if e.guid)
    links = Counter(e.link for e in entries if e.link)
    guids_ok = all(n == 1 for n in guids.values())
    links_ok = all(n == 1 for n in links.values())
    keys: list[str] = []
    for e in entries:
        if guids_ok and e.guid:
            key = _key("guid", e.guid)
        elif links_ok and e.link:
            key = _key("link", e.link)
        else:
            key = f"hash:{e.content_hash}"
        keys.append(key)
    return keys


def _key(kind: str, value: str) -> str:
    # Keys live in an indexed column; very long guids/links are hashed to stay well inside it.
    if len(value) <= 1000:
        return f"{kind}:{value}"
    return f"{kind}#sha256:{hashlib.sha256(value.encode('utf-8')).hexdigest()}"
