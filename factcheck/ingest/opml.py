"""OPML in and out: the feed list a desk brings from another reader, and the one it takes away.

Reading: OPML is XML from outside (an upload, a file from another tool), so it is parsed with
defusedxml, which refuses entity declarations (billion laughs, quadratic blow-up) and external
entities or DTDs (a file that would make the parser read ``/etc/passwd`` or call a URL) instead
of expanding them.  Every problem is reported before anything is written: the caller gets either
the whole list or an ``OpmlError`` naming the problem (and the line, when the XML parser gives one).

An outline with ``xmlUrl`` is a feed.  Its category, kept as the feed's tag, is the text of the
outline it sits in (Miniflux, FreshRSS, Feedly, Inoreader nest feeds in one level of category
outlines), else its own ``category`` attribute (OPML 2.0: comma-separated slash paths; the first
one is kept).  Export writes the same shape, plus factcheck's own settings of each feed
(language, interval, full text) in a namespace other readers ignore, so a round trip through
``export-opml`` and ``import-opml`` gives the same feeds.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET  # only to build the export, never to parse input
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from urllib.parse import urlsplit

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from ..text.bidi import strip_bidi

NS = "https://factcheck.invalid/ns/opml"  # factcheck's own outline attributes (language, interval, full text)
MAX_BYTES = 5 * 2**20
MAX_FEEDS = 20000
FULL_TEXT_MODES = ("auto", "always", "never")
_LANGUAGES = {"ar", "en", "fr", "de", "es", "tr", "fa", "ku", "he", "ru"}


class OpmlError(ValueError):
    """OPML that cannot be imported; the message names the problem (and the line when known)."""


@dataclass(frozen=True)
class OpmlFeed:
    name: str
    url: str
    tag: str | None = None
    language: str | None = None
    interval: int | None = None  # minutes; None: factcheck's default
    full_text: str | None = None  # auto | always | never; None: the default
    site_url: str | None = None


def parse_opml(data: bytes | str, *, source: str = "OPML") -> list[OpmlFeed]:
    """The feeds of an OPML document, or OpmlError.  ``source`` names the file in messages."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if len(raw) > MAX_BYTES:
        raise OpmlError(f"{source}: larger than {MAX_BYTES // 2**20} MiB")
    if not raw.strip():
        raise OpmlError(f"{source}: empty file")
    try:
        root = SafeET.fromstring(raw, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise OpmlError(f"{source}: refused: the file declares entities or refers to external ones "
                        f"({type(exc).__name__}); OPML needs neither") from None
    except ET.ParseError as exc:
        line, col = getattr(exc, "position", (None, None))
        where = f":{line}" if line else ""
        problem = str(exc).split(":", 1)[0]
        raise OpmlError(f"{source}{where}: not well-formed XML ({problem}, column {(col or 0) + 1})") from None
    if _local(root.tag) != "opml":
        raise OpmlError(f"{source}: not OPML (the root element is <{_local(root.tag)}>, not <opml>)")
    body = next((child for child in root if _local(child.tag) == "body"), None)
    if body is None:
        raise OpmlError(f"{source}: OPML without a <body>")
    feeds: list[OpmlFeed] = []
    seen: set[str] = set()
    _walk(body, None, feeds, seen, source)
    if not feeds:
        raise OpmlError(f"{source}: no feeds in it (no <outline> has an xmlUrl attribute)")
    return feeds


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _walk(node: ET.Element, category: str | None, out: list[OpmlFeed], seen: set[str], source: str) -> None:
    for child in node:
        if _local(child.tag) != "outline":
            continue
        text = _clean(child.get("text") or child.get("title"))
        url = (child.get("xmlUrl") or child.get("xmlurl") or "").strip()
        if not url:
            # A folder: its feeds are filed under its name (the innermost folder, as readers show it).
            _walk(child, text or category, out, seen, source)
            continue
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            raise OpmlError(f"{source}: feed {text or url!r} has xmlUrl {url!r}: a feed URL must start with "
                            "http:// or https://")
        if len(url) > 2000:
            raise OpmlError(f"{source}: feed {text or url!r}: xmlUrl longer than 2000 characters")
        if url in seen:
            continue  # one feed filed in two folders (readers allow it): imported once, under the first
        seen.add(url)
        if len(out) >= MAX_FEEDS:
            raise OpmlError(f"{source}: more than {MAX_FEEDS} feeds")
        tag = category or _first_category(child.get("category"))
        language = (child.get(f"{{{NS}}}language") or child.get("language") or "").strip().lower() or None
        if language is not None:
            language = language.split("-", 1)[0]
            if language not in _LANGUAGES:
                language = None  # a reader's language we do not handle: detected per article instead
        interval = _interval(child.get(f"{{{NS}}}interval"), text or url, source)
        full_text = (child.get(f"{{{NS}}}fullText") or "").strip().lower() or None
        if full_text is not None and full_text not in FULL_TEXT_MODES:
            raise OpmlError(f"{source}: feed {text or url!r}: fullText must be one of "
                            f"{', '.join(FULL_TEXT_MODES)}, got {full_text!r}")
        site = (child.get("htmlUrl") or "").strip() or None
        out.append(OpmlFeed(name=(text or parts.netloc)[:200], url=url, tag=tag[:200] if tag else None,
                            language=language, interval=interval, full_text=full_text, site_url=site))


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(strip_bidi(value).split())
    return value or None


def _first_category(value: str | None) -> str | None:
    for part in (value or "").split(","):
        part = _clean(part.strip().strip("/").split("/")[-1] if part.strip() else None)
        if part:
            return part
    return None


def _interval(value: str | None, feed: str, source: str) -> int | None:
    if value is None or not value.strip():
        return None
    if not value.strip().isdigit() or not 1 <= int(value) <= 7 * 24 * 60:
        raise OpmlError(f"{source}: feed {feed!r}: interval must be a whole number of minutes from 1 to 10080, "
                        f"got {value!r}")
    return int(value)


def write_opml(feeds: Iterable[OpmlFeed], *, title: str = "factcheck feeds", now: datetime | None = None) -> bytes:
    """An OPML 2.0 document: feeds grouped in one outline per tag (untagged ones at the top level)."""
    ET.register_namespace("factcheck", NS)
    root = ET.Element("opml", {"version": "2.0"})
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = format_datetime(now or datetime.now(UTC), usegmt=True)
    body = ET.SubElement(root, "body")
    folders: dict[str, ET.Element] = {}
    for feed in feeds:
        parent = body
        if feed.tag:
            parent = folders.get(feed.tag)
            if parent is None:
                parent = folders[feed.tag] = ET.SubElement(body, "outline", {"text": feed.tag, "title": feed.tag})
        attrs = {"type": "rss", "text": feed.name, "title": feed.name, "xmlUrl": feed.url}
        if feed.site_url:
            attrs["htmlUrl"] = feed.site_url
        if feed.language:
            attrs[f"{{{NS}}}language"] = feed.language
        if feed.interval:
            attrs[f"{{{NS}}}interval"] = str(feed.interval)
        if feed.full_text:
            attrs[f"{{{NS}}}fullText"] = feed.full_text
        ET.SubElement(parent, "outline", attrs)
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False) + b"\n"
