"""Report writers over plain rows (see factcheck.reports for the row shape). No DB, no Flask."""
from __future__ import annotations

from .writers import FORMATS, write_report

__all__ = ["FORMATS", "write_report"]
