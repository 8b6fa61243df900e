"""The README says what the code does: its command table is click's own description of the CLI."""
from __future__ import annotations

from .support.readme import README, cli_table, readme_table


def test_the_readme_command_table_is_the_clis_own_help():
    assert readme_table(README.read_text(encoding="utf-8")) == cli_table(), (
        "README.md's command table differs from the CLI: write it anew with "
        "`.venv/bin/python -m tests.support.readme` (the help text lives in factcheck/cli.py)")
