"""What the published reports say about the desk: organisation, review URLs, verdict labels.

Read from the environment (FACTCHECK_ORG_NAME, FACTCHECK_ORG_URL, FACTCHECK_REVIEW_URL,
FACTCHECK_RATINGS, FACTCHECK_RATING_BEST, FACTCHECK_RATING_WORST) so the CLI and the web
export agree. Plain data: the writers take an ExportConfig and never read the environment.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Mapping

from ..messages import Explained


class ExportConfigError(Explained, ValueError):
    """A FACTCHECK_* export variable that cannot be used; names the variable.

    Raised with a template and its values (factcheck.messages): the web's
    Export page shows it in the reader's language (factcheck.i18n).
    """


@dataclass(frozen=True)
class Rating:
    value: int
    label: str


# The desk's three verdicts on a 1-5 scale: an unverifiable claim sits between
# the two, as on most fact-checkers' scales. "skipped" and "pending" are not
# verdicts and are never published.
DEFAULT_RATINGS: dict[str, Rating] = {
    "corroborated": Rating(5, "Corroborated"),
    "unverifiable": Rating(3, "Unverifiable"),
    "disputed": Rating(1, "Disputed"),
}

DEFAULT_ORG_NAME = "factcheck desk"
DEFAULT_ORG_URL = "http://127.0.0.1:5000/"


@dataclass(frozen=True)
class ExportConfig:
    org_name: str = DEFAULT_ORG_NAME
    org_url: str = DEFAULT_ORG_URL
    # "{id}" is replaced by the claim id; default: <org_url>/claims/{id}.
    review_url: str = ""
    ratings: Mapping[str, Rating] = field(default_factory=lambda: dict(DEFAULT_RATINGS))
    best_rating: int | None = None
    worst_rating: int | None = None

    def __post_init__(self) -> None:
        if not self.review_url:
            object.__setattr__(self, "review_url", self.org_url.rstrip("/") + "/claims/{id}")
        if "{id}" not in self.review_url:
            raise ExportConfigError("FACTCHECK_REVIEW_URL must contain {{id}}, got {value}",
                                    value=repr(self.review_url))
        if not self.ratings:
            raise ExportConfigError("FACTCHECK_RATINGS names no verdict")
        values = [r.value for r in self.ratings.values()]
        if self.best_rating is None:
            object.__setattr__(self, "best_rating", max(values))
        if self.worst_rating is None:
            object.__setattr__(self, "worst_rating", min(values))
        if not self.worst_rating <= min(values) <= max(values) <= self.best_rating:
            raise ExportConfigError(
                "ratings {values} fall outside the scale {worst}..{best} "
                "(FACTCHECK_RATING_WORST / FACTCHECK_RATING_BEST)",
                values=str(sorted(values)), worst=self.worst_rating, best=self.best_rating)

    @property
    def published_statuses(self) -> tuple[str, ...]:
        """The claim statuses that are verdicts (and so may be published as ClaimReview)."""
        return tuple(self.ratings)

    def review_url_for(self, claim_id: int) -> str:
        # str.replace, not str.format: a URL may hold other braces.
        return self.review_url.replace("{id}", str(claim_id))


def parse_ratings(raw: str) -> dict[str, Rating]:
    """`corroborated:5:Corroborated,disputed:1:Disputed,...` -> {status: Rating}.

    Labels may contain colons and any script (e.g. Arabic), not commas.
    """
    out: dict[str, Rating] = {}
    for item in raw.split(","):
        item = item.strip()
        if not item:
            continue
        parts = item.split(":", 2)
        if len(parts) != 3 or not parts[0].strip() or not parts[2].strip():
            raise ExportConfigError("FACTCHECK_RATINGS: {value} is not status:value:label", value=repr(item))
        status, value, label = (p.strip() for p in parts)
        if status in ("pending", "skipped"):
            raise ExportConfigError("FACTCHECK_RATINGS: {value} is not a verdict and is never published",
                                    value=repr(status))
        try:
            out[status] = Rating(int(value), label)
        except ValueError:
            raise ExportConfigError("FACTCHECK_RATINGS: value {value} of {verdict} is not an integer",
                                    value=repr(value), verdict=repr(status)) from None
    return out


def _int_env(env: Mapping[str, str], name: str) -> int | None:
    raw = (env.get(name) or "").strip()
    if not raw:
        return None
    try:
        return int(raw)
    except ValueError:
        raise ExportConfigError("{name} must be an integer, got {value}", name=name, value=repr(raw)) from None


def load_export_config(env: Mapping[str, str] | None = None) -> ExportConfig:
    env = os.environ if env is None else env
    ratings = parse_ratings(env["FACTCHECK_RATINGS"]) if env.get("FACTCHECK_RATINGS") else dict(DEFAULT_RATINGS)
    return ExportConfig(
        org_name=(env.get("FACTCHECK_ORG_NAME") or DEFAULT_ORG_NAME).strip(),
        org_url=(env.get("FACTCHECK_ORG_URL") or DEFAULT_ORG_URL).strip(),
        review_url=(env.get("FACTCHECK_REVIEW_URL") or "").strip(),
        ratings=ratings,
        best_rating=_int_env(env, "FACTCHECK_RATING_BEST"),
        worst_rating=_int_env(env, "FACTCHECK_RATING_WORST"),
    )
