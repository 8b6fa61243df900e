"""Small feed documents built in code, so each test shows exactly what it serves."""
from __future__ import annotations

from html import escape


def item(title: str, *, guid: str | None = None, link: str | None = None, date: str | None = None,
         body: str = "") -> str:
    parts = [f"<title>{escape(title)}</title>"]
    if guid is not None:
        parts.append(f"<guid isPermaLink=\"false\">{escape(guid)}</guid>")
    if link is not None:
        parts.append(f"<link>{escape(link)}</link>")
    if date is not None:
        parts.append(f"<pubDate>{date}</pubDate>")
    if body:
        parts.append(f"<description>{escape(body)}</description>")
    return "<item>" + "".join(parts) + "</item>"


def rss(*items: str, title: str = "Test outlet", extra: str = "", encoding: str | None = "utf-8",
        prolog: str = "") -> str:
    decl = f'<?xml version="1.0" encoding="{encoding}"?>\n' if encoding else ""
    return (f'{decl}{prolog}<rss version="2.0"><channel><title>{escape(title)}</title>'
            f"<link>http://example.org/</link>{extra}{''.join(items)}</channel></rss>")


def numbered(n: int, prefix: str = "Story") -> str:
    return rss(*(item(f"{prefix} {i}", guid=f"id-{i}", link=f"http://example.org/{i}",
                      date="Fri, 07 Nov 2025 22:13:00 +0200", body=f"<p>Paragraph {i}.</p>")
                 for i in range(n)))
