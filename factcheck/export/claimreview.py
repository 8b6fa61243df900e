"""schema.org ClaimReview JSON-LD, as Google documents it, for decided claims only.

https://developers.google.com/search/docs/appearance/structured-data/factcheck
The file is a JSON array of ClaimReview nodes, each with its own @context, so
one node can be cut out and embedded in the review page as it is.
"""
from __future__ import annotations

import json
import re
from typing import Iterable, Iterator

from ..text.urls import safe_url
from .config import ExportConfig
from .context import ReportContext

# Google: "keep claimReviewed less than 75 characters to minimise wrapping on mobile".
CLAIM_REVIEWED_MAX = 75

# Speakers that are bodies, not people: the Claim's author is then an Organization.
_ORG_WORDS = re.compile(
    r"\b(?:ministry|government|army|police|office|agency|council|committee|observatory|organi[sz]ation|"
    r"party|company|commission|authority|department|presidency|embassy|union|forces|command|un|nato)\b"
    r"|(?:وزارة|حكومة|الحكومة|جيش|الجيش|الشرطة|مكتب|وكالة|مجلس|لجنة|المرصد|مرصد|منظمة|حزب|شركة|هيئة|"
    r"مديرية|الرئاسة|رئاسة|سفارة|اتحاد|قوات|القيادة|الأمم المتحدة|الداخلية|الخارجية|الدفاع)",
    re.IGNORECASE,
)


def speaker_node(name: str) -> dict:
    kind = "Organization" if _ORG_WORDS.search(name) else "Person"
    return {"@type": kind, "name": name}


def shorten(text: str, limit: int = CLAIM_REVIEWED_MAX) -> str:
    """The claim cut at a word boundary with an ellipsis, never mid-word."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ،,.;:-") + "…"


def _date(iso: str | None) -> str | None:
    return iso[:10] if iso else None


def verdict_decision(row: dict, cfg: ExportConfig) -> dict | None:
    """The decision that set the claim's current verdict (the last one with that status)."""
    for d in reversed(row["decisions"]):
        if d["status"] == row["status"]:
            return d
    return None


def claim_review(row: dict, cfg: ExportConfig) -> dict | None:
    """The ClaimReview node for one contract row, or None when the claim has no published verdict."""
    rating = cfg.ratings.get(row["status"])
    if rating is None:  # pending, skipped, or a status the desk does not publish
        return None
    decision = verdict_decision(row, cfg)
    art = row["article"]
    # Publishers' pages turn appearance.url into a link: only an http(s) URL is one (factcheck.text.urls).
    appearance: dict = {"@type": "CreativeWork", "headline": art["title"] or None, "url": safe_url(art["url"]),
                        "datePublished": art["published"],
                        "publisher": {"@type": "Organization", "name": art["source"]}}
    # Without a speaker (a date or figure the outlet states itself) the outlet is the claim's author.
    author = speaker_node(row["speaker"]) if row.get("speaker") else {"@type": "Organization", "name": art["source"]}
    item = {
        "@type": "Claim",
        "author": author,
        "datePublished": _date(art["published"]),
        "appearance": {k: v for k, v in appearance.items() if v is not None},
    }
    if row.get("sentence"):
        item["text"] = row["sentence"]
    if art.get("language"):
        item["inLanguage"] = art["language"]
    node = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": cfg.review_url_for(row["id"]),
        "claimReviewed": shorten(row["text"]),
        "author": {"@type": "Organization", "name": cfg.org_name, "url": cfg.org_url},
        "datePublished": _date(decision["at"]) if decision else None,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating.value,
            "bestRating": cfg.best_rating,
            "worstRating": cfg.worst_rating,
            "alternateName": rating.label,
        },
        "itemReviewed": item,
    }
    if decision and decision.get("note"):
        node["reviewBody"] = decision["note"]
    if art.get("language"):
        node["inLanguage"] = art["language"]
    return {k: v for k, v in node.items() if v is not None}


def iter_claimreview(rows: Iterable[dict], ctx: ReportContext) -> Iterator[str]:
    n = 0
    yield "["
    for row in rows:
        node = claim_review(row, ctx.config)
        if node is None:
            continue
        yield (",\n" if n else "\n") + json.dumps(node, ensure_ascii=False)
        n += 1
    yield "\n]\n"
