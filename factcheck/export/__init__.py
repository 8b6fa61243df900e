"""Report writers over plain rows (see factcheck.store.reports for the row shape). No DB, no Flask."""
from __future__ import annotations

from .config import ExportConfig, ExportConfigError, load_export_config
from .context import ReportContext
from .writers import EXTENSIONS, FORMATS, MEDIA_TYPES, iter_report, write_report

__all__ = ["FORMATS", "EXTENSIONS", "MEDIA_TYPES", "ExportConfig", "ExportConfigError", "ReportContext",
           "iter_report", "load_export_config", "write_report"]
