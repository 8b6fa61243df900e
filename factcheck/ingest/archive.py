"""Archives of articles in JSON Lines: one ``{source, published, url, title, text}`` object a line.

What a desk loads before it starts polling (last month's coverage of the outlets it follows), in
the shape of the usual news dumps; gzip-compressed files are read as they are. Plain data only:
the store turns each record into an article (``factcheck.store.pipeline.import_archive``).

A line that is no article (not JSON, not an object, no text, an unreadable date) is reported with
its number and skipped; the lines around it are read as usual, so one bad line loses nothing else.
"""
from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import BinaryIO

# Names a JSON Lines file goes by, optionally followed by .gz.
SUFFIXES = (".jsonl", ".ndjson")
LANGUAGES = ("ar", "en")


def is_archive(path: Path) -> bool:
    """Whether ``path`` names a JSON Lines archive (``.jsonl`` / ``.ndjson``, optionally ``.gz``)."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return name.endswith(SUFFIXES)


@dataclass
class ArchiveRecord:
    """One article of an archive, checked."""

    line: int
    source: str
    published: datetime
    text: str
    title: str | None = None
    url: str | None = None
    language: str | None = None


@dataclass
class ArchiveLineError:
    """A line of an archive that is no article, and why."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


def _string(obj: dict, name: str) -> str | None:
    value = obj.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{name} must be a string, got {type(value).__name__}")
    return value.strip() or None


def _published(raw: str | None, default: datetime | None) -> datetime:
    if raw is None:
        if default is None:
            raise ValueError("published is missing (an ISO date-time; or give --published for lines without one)")
        return default
    try:
        dt = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"published is not an ISO date or date-time: {raw!r}") from None
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=timezone.utc)


def parse_line(raw: bytes, number: int, *, source: str | None = None, published: datetime | None = None,
               language: str | None = None) -> ArchiveRecord | ArchiveLineError | None:
    """One line of an archive: its record, the error that makes it no article, or None for a blank line.

    ``source``, ``published`` and ``language`` are the defaults for lines that leave them out.
    """
    try:
        line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        return ArchiveLineError(number, f"not valid UTF-8 (byte {exc.start + 1})")
    if not line.strip():
        return None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return ArchiveLineError(number, f"not JSON ({exc.msg}, column {exc.colno})")
    if not isinstance(obj, dict):
        return ArchiveLineError(number, f"not a JSON object (a {type(obj).__name__})")
    try:
        text = _string(obj, "text")
        if text is None:
            raise ValueError("text is missing or empty")
        name = _string(obj, "source") or source
        if name is None:
            raise ValueError("source is missing (the outlet's name; or give --source for lines without one)")
        lang = _string(obj, "lang") or _string(obj, "language") or language
        if lang is not None and lang.split("-")[0].lower() not in LANGUAGES:
            raise ValueError(f"lang must be one of {', '.join(LANGUAGES)}, got {lang!r}")
        return ArchiveRecord(line=number, source=name, published=_published(_string(obj, "published"), published),
                             text=text, title=_string(obj, "title"), url=_string(obj, "url"),
                             language=lang.split("-")[0].lower() if lang else None)
    except ValueError as exc:
        return ArchiveLineError(number, str(exc))


class Archive:
    """The lines of one archive file, read as they come; ``position`` / ``size`` say how far (in the file's bytes)."""

    def __init__(self, path: Path, *, source: str | None = None, published: datetime | None = None,
                 language: str | None = None) -> None:
        self.path = path
        self.size = path.stat().st_size
        self.defaults = {"source": source, "published": published, "language": language}
        self._raw: BinaryIO | None = None

    @property
    def position(self) -> int:
        return self._raw.tell() if self._raw is not None and not self._raw.closed else self.size

    def __iter__(self) -> Iterator[ArchiveRecord | ArchiveLineError]:
        with open(self.path, "rb") as raw:
            self._raw = raw
            compressed = raw.read(2) == b"\x1f\x8b"
            raw.seek(0)
            stream: io.BufferedIOBase = gzip.GzipFile(fileobj=raw) if compressed else raw  # type: ignore[assignment]
            number = 0
            try:
                for number, line in enumerate(stream, 1):
                    found = parse_line(line, number, **self.defaults)
                    if found is not None:
                        yield found
            except (OSError, EOFError) as exc:  # a truncated or corrupt gzip stream
                yield ArchiveLineError(number + 1, f"the file cannot be read further ({exc})")
