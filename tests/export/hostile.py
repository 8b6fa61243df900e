"""Articles whose stored URL is hostile, written straight to the database (as rows stored before the
store-time check, or by anything that bypasses it): what the render-time check must keep inert."""
from __future__ import annotations

from datetime import datetime, timezone
from html.parser import HTMLParser

from sqlalchemy import select

from factcheck.store.db import transaction
from factcheck.store.models import Article, Claim, Feed, User
from factcheck.store.review import decide

# Each as a browser reads it: a scheme in any case, after spaces and controls, with tabs and newlines inside
# (browsers strip them), a data: page with script, protocol-relative (file://host/ from a report on disk),
# and backslashes that browsers read as slashes.
HOSTILE = [
    "javascript:alert(1)",
    " JaVaScRiPt:alert(2)",
    "java\tscr\nipt:alert(3)",
    "\x01\x1fjavascript:alert(4)",
    "data:text/html,<script>alert(5)</script>",
    "DATA:text/html;base64,PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg==",
    "vbscript:msgbox(7)",
    "//evil.example/8",
    "https:\\\\evil.example/9",
]
SAFE = "https://ok.example/story"
WHEN = datetime(2025, 11, 7, 10, tzinfo=timezone.utc)


def hostile_claims(factory, editor_name: str = "rana") -> dict[str, int]:
    """One disputed claim per URL (HOSTILE and SAFE), each in its own article; ids by URL."""
    ids = {}
    with transaction(factory) as s:
        feed = Feed(name="Hostile wire", url="https://hostile.example/rss", kind="feed", language="en")
        s.add(feed)
        s.flush()
        user = s.scalar(select(User).where(User.name == editor_name))
        for n, url in enumerate([*HOSTILE, SAFE]):
            art = Article(feed=feed, dedup_key=f"k{n}", url=url, title=f"Story {n}", published=WHEN, language="en",
                          text=f"The minister said the port reopens on day {n}.", content_hash=f"h{n}")
            s.add(art)
            s.flush()
            claim = Claim(article=art, feed_id=feed.id, published=WHEN, language="en", kind="quote",
                          text=f"the port reopens on day {n}", sentence=art.text, speaker="The minister",
                          verb="said", direct=False)
            s.add(claim)
            s.flush()
            decide(s, claim.id, user, "disputed", "")
            ids[url] = claim.id
    return ids


class Links(HTMLParser):
    """Every href and src of a page, and every attribute value that names a script scheme."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.scripted: list[tuple[str, str, str]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "action", "formaction") and value is not None:
                self.hrefs.append(value)
            folded = "".join((value or "").split()).lower()
            if "javascript:" in folded or "vbscript:" in folded or (name in ("href", "src") and "data:" in folded):
                self.scripted.append((tag, name, value))


def urls_in(node) -> list[str]:
    """Every "url" value of a JSON-LD tree."""
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "url" and isinstance(value, str):
                found.append(value)
            else:
                found.extend(urls_in(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(urls_in(item))
    return found
