"""The README's command table, made from click's own description of the CLI.

Each row is a command's synopsis (its arguments and options as click declares them: required ones
bare, optional ones in brackets, choices as a|b, repeatable ones with …) and the first paragraph of
its help. tests/test_readme.py fails when the README's table differs; write it anew with

    .venv/bin/python -m tests.support.readme
"""
from __future__ import annotations

import re
from pathlib import Path

import click

from factcheck.cli import main

README = Path(__file__).resolve().parents[2] / "README.md"
BEGIN, END = "<!-- cli-table: made by tests/support/readme.py -->", "<!-- /cli-table -->"


def _metavar(p: click.Parameter) -> str:
    if isinstance(p.type, click.Choice):
        return "|".join(p.type.choices)
    if p.metavar:
        return p.metavar
    return p.name.upper() if isinstance(p, click.Argument) else p.name[0].upper()


def _piece(p: click.Parameter) -> str | None:
    if isinstance(p, click.Argument):
        text = p.metavar or (_metavar(p) + ("…" if p.nargs == -1 else ""))
        return text if p.required else f"[{text}]"
    if not isinstance(p, click.Option) or p.hidden or p.name == "help":
        return None
    flag = max(p.opts, key=len)  # the long form
    text = flag if p.is_flag else f"{flag} {_metavar(p)}"
    text += "…" if p.multiple else ""
    return text if p.required else f"[{text}]"


def _help(cmd: click.Command) -> str:
    first = (cmd.help or "").strip().split("\n\n", 1)[0]
    return " ".join(first.split())


def _rows(group: click.Group, prefix: str) -> list[tuple[str, str]]:
    out = []
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        # A group that does something by itself (`factcheck stories` lists) is a command too.
        if not isinstance(cmd, click.Group) or cmd.invoke_without_command:
            pieces = [x for x in (_piece(p) for p in cmd.params) if x]
            out.append((" ".join([prefix, name, *pieces]), _help(cmd)))
        if isinstance(cmd, click.Group):
            out += _rows(cmd, f"{prefix} {name}")
    return out


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def cli_table() -> str:
    """The table, as Markdown."""
    lines = ["| command | what it does |", "|---|---|"]
    lines += [f"| `{_cell(synopsis)}` | {_cell(help_)} |" for synopsis, help_ in _rows(main, "factcheck")]
    lines.append("")
    for p in main.params:  # the group's own options come before the command's name
        if isinstance(p, click.Option) and p.name != "help":
            lines.append(f"`factcheck {'/'.join(sorted(p.opts, key=len))} COMMAND …`: {p.help}")
    lines.append("Every command takes `--help`.")
    return "\n".join(lines)


def readme_table(text: str) -> str:
    m = re.search(re.escape(BEGIN) + r"\n(.*?)\n" + re.escape(END), text, re.S)
    assert m, f"README.md has no {BEGIN} … {END} block"
    return m.group(1)


def write() -> None:
    text = README.read_text(encoding="utf-8")
    old = readme_table(text)
    README.write_text(text.replace(BEGIN + "\n" + old + "\n" + END, BEGIN + "\n" + cli_table() + "\n" + END),
                      encoding="utf-8")


if __name__ == "__main__":
    write()
