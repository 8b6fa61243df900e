"""FACTCHECK_FULLTEXT_* are Settings like the others: validated at load, a typo named in one line,
and what the page fetcher uses (issue 19)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from factcheck.config import load_settings
from factcheck.store.polling import fulltext_config


def test_the_page_fetcher_takes_its_limits_from_the_settings(monkeypatch, tmp_path):
    monkeypatch.setenv("FACTCHECK_FULLTEXT_PER_HOST", "5")
    monkeypatch.setenv("FACTCHECK_FULLTEXT_DELAY", "0.25")
    monkeypatch.setenv("FACTCHECK_FULLTEXT_ROBOTS", "off")
    s = load_settings(instance=tmp_path)
    assert (s.fulltext_per_host, s.fulltext_delay, s.fulltext_robots) == (5, 0.25, False)
    config = fulltext_config(s)
    assert (config.per_host, config.min_delay, config.robots) == (5, 0.25, False)
    assert (config.limiter.per_host, config.limiter.min_delay) == (5, 0.25)
    # One limiter per process for the same settings: every poller thread shares the per-host limit.
    assert fulltext_config(load_settings(instance=tmp_path)).limiter is config.limiter


def test_defaults_are_polite(monkeypatch, tmp_path):
    for name in ("FACTCHECK_FULLTEXT_PER_HOST", "FACTCHECK_FULLTEXT_DELAY", "FACTCHECK_FULLTEXT_ROBOTS"):
        monkeypatch.delenv(name, raising=False)
    config = fulltext_config(load_settings(instance=tmp_path))
    assert (config.per_host, config.min_delay, config.robots) == (2, 1.0, True)


@pytest.mark.parametrize("name,value,message", [
    ("FACTCHECK_FULLTEXT_PER_HOST", "two", "FACTCHECK_FULLTEXT_PER_HOST must be an integer, got 'two'"),
    ("FACTCHECK_FULLTEXT_PER_HOST", "0", "FACTCHECK_FULLTEXT_PER_HOST must be an integer of at least 1, got '0'"),
    ("FACTCHECK_FULLTEXT_DELAY", "1s", "FACTCHECK_FULLTEXT_DELAY must be a number, got '1s'"),
    ("FACTCHECK_FULLTEXT_DELAY", "-1", "FACTCHECK_FULLTEXT_DELAY must be a number of at least 0, got '-1'"),
    ("FACTCHECK_FULLTEXT_DELAY", "nan", "FACTCHECK_FULLTEXT_DELAY must be a number of at least 0, got 'nan'"),
    # A typo must not silently turn robots.txt off (or on).
    ("FACTCHECK_FULLTEXT_ROBOTS", "of", "FACTCHECK_FULLTEXT_ROBOTS must be 1/true/yes/on or 0/false/no/off, got 'of'"),
])
def test_a_mistyped_value_stops_the_command_in_one_line(tmp_path, name, value, message):
    env = {**os.environ, name: value, "FACTCHECK_INSTANCE": str(tmp_path / "instance")}
    proc = subprocess.run([sys.executable, "-m", "factcheck", "feeds", "status"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0
    assert proc.stderr.strip() == message
    assert not (tmp_path / "instance").exists()  # stopped before touching anything
