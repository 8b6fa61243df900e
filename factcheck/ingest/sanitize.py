"""Feed HTML -> safe HTML (allow-list) and -> plain text for claim extraction.

Feed content is hostile input shown to editors in the web UI, so it is cleaned with an allow-list
(nh3, a binding to the Rust ``ammonia`` sanitiser: maintained, fast, and allow-list based, unlike
feedparser's own block-list era sanitiser) before it is stored.  The plain text keeps paragraph
boundaries as blank lines because the extractor segments sentences per paragraph.
"""

from __future__ import annotations

import html as htmllib
import re
from html.parser import HTMLParser

import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "dfn", "div",
    "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub",
    "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "bdi", "bdo",
}
ALLOWED_ATTRIBUTES = {
    "*": {"dir", "lang", "title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
}
URL_SCHEMES = {"http", "https", "mailto"}
# Elements whose content is not article text at all.
DROP_CONTENT = {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math"}

# C0/C1 control characters other than tab/newline/carriage return, and the non-characters XML
# forbids.  They break XML, terminals and CSV exports, and carry no meaning in an article.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def strip_control(text: str) -> str:
    return _CONTROL.sub("", text)


def sanitize_html(html: str) -> str:
    """Allow-list sanitising: no script/style, no event handlers, no javascript:/data: URLs."""
    if not html:
        return ""
    return nh3.clean(
        strip_control(html),
        tags=ALLOWED_TAGS,
        clean_content_tags=DROP_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


_BLOCK = {
    "address", "article", "aside", "blockquote", "caption", "dd", "div", "dl", "dt", "figcaption",
    "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
    "ol", "p", "pre", "section", "table", "tr", "ul",
}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DROP_CONTENT:
            self._skip += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK:
            self.parts.append("\n\n")
        elif tag in ("td", "th"):
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in DROP_CONTENT:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANKS = re.compile(r"\n\s*\n\s*")


def html_to_text(html: str) -> str:
    """Plain text: paragraphs separated by one blank line, single lines joined by '\\n'."""
    if not html:
        return ""
    parser = _TextExtractor()
    try:
        parser.feed(strip_control(html))
        parser.close()
        raw = "".join(parser.parts)
    except Exception:  # noqa: BLE001 - html.parser is lenient; this is a last resort
        raw = htmllib.unescape(re.sub(r"<[^<>]*>", " ", html))
    raw = strip_control(raw)
    lines = [_SPACES.sub(" ", line).strip() for line in raw.split("\n")]
    text = "\n".join(lines)
    text = _BLANKS.sub("\n\n", text)
    return text.strip()


def plain_to_html(text: str) -> str:
    """Escape plain text content (text/plain entries) into paragraphs."""
    paras = [p.strip() for p in re.split(r"\n\s*\n", strip_control(text)) if p.strip()]
    return "".join(f"<p>{htmllib.escape(p).replace(chr(10), '<br>')}</p>" for p in paras)
