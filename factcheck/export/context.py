"""What a writer needs besides the rows: options and the facts for a report's cover."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from ..messages import Message
from .config import ExportConfig


@dataclass
class ReportContext:
    config: ExportConfig = field(default_factory=ExportConfig)
    # Excel only reads UTF-8 (and so Arabic) right when a CSV starts with a BOM.
    bom: bool = True
    generated_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    # (label, values) pairs describing the filters, in the order a reader expects them.
    filters: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    # claims per status, for the cover and the group headings (None: not counted).
    counts: dict[str, int] | None = None
    # The printed report's language (its headings, the period and the matches' reasons); the
    # data formats are the same in every language.
    lang: str = "en"
    # The period the filters cover ("articles published 2025-11-01 – 2025-11-30").
    period_message: Message = field(default_factory=lambda: Message("all dates"))
    # The printed report grouped by story: each story's heading by id, filled in as its claims
    # come (factcheck.store.story_report); None: grouped by status.
    stories: dict[int, dict] | None = None

    @property
    def period(self) -> str:
        """The period in English (the JSON export's meta)."""
        return str(self.period_message)
