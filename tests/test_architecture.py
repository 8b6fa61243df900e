"""The import rules in pyproject.toml (pure stages stay pure, nothing below the web imports it) and pyflakes."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from factcheck.config import ROOT


def test_import_contracts_are_kept():
    lint = Path(sys.executable).parent / "lint-imports"
    r = subprocess.run([str(lint), "--config", str(ROOT / "pyproject.toml")], cwd=ROOT, capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-2000:]
    assert "0 broken" in r.stdout


def test_no_pyflakes_findings():
    """Undefined names, unused imports and the like ([tool.ruff] in pyproject.toml)."""
    ruff = Path(sys.executable).parent / "ruff"
    r = subprocess.run([str(ruff), "check", "--no-cache", "factcheck", "tests", "bench", "migrations"], cwd=ROOT,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-2000:]
