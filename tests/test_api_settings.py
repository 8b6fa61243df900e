"""FACTCHECK_API_RATE_LIMIT is a Setting like the others: read at load, a typo named in one line."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from factcheck.config import load_settings


def test_the_rate_limit_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("FACTCHECK_API_RATE_LIMIT", raising=False)
    assert load_settings(instance=tmp_path).api_rate_limit == 600
    monkeypatch.setenv("FACTCHECK_API_RATE_LIMIT", "42")
    assert load_settings(instance=tmp_path).api_rate_limit == 42


@pytest.mark.parametrize("value,message", [
    ("lots", "FACTCHECK_API_RATE_LIMIT must be an integer, got 'lots'"),
    ("0", "FACTCHECK_API_RATE_LIMIT must be an integer of at least 1, got '0'"),
])
def test_a_mistyped_rate_limit_stops_the_command_in_one_line(tmp_path, value, message):
    env = {**os.environ, "FACTCHECK_API_RATE_LIMIT": value, "FACTCHECK_INSTANCE": str(tmp_path / "instance")}
    proc = subprocess.run([sys.executable, "-m", "factcheck", "feeds", "status"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0 and proc.stderr.strip() == message
    assert not (tmp_path / "instance").exists()
