"""feeds.yaml: the list of feeds a desk follows, validated with line numbers.

A broken line must say which file, which line and what is wrong, and must not
touch the database: everything is validated before anything is written.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

import yaml

from ..text.bidi import strip_bidi

FIELDS = {"name", "url", "language", "interval", "enabled", "allow_private", "full_text", "tag"}
FULL_TEXT_MODES = ("auto", "always", "never")  # see factcheck.ingest.fulltext
LANGUAGES = {"ar", "en", "fr", "de", "es", "tr", "fa", "ku", "he", "ru"}
T = TypeVar("T")


class FeedsFileError(ValueError):
    """A feeds file that cannot be used; the message names file, line and problem."""


class DuplicateKeyError(yaml.constructor.ConstructorError):
    """A mapping gives one key twice (PyYAML would silently keep the last value)."""

    def __init__(self, key: object, first: yaml.Mark, again: yaml.Mark):
        super().__init__(None, None, f"duplicate key {key!r} (first on line {first.line + 1})", again)


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses a key given twice in one mapping.

    ``url:`` twice in one feed used to mean "the second one", unseen by whoever wrote the first.
    Keys brought in by a merge (``<<: *defaults``) may still be overridden: that is what merging is.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:  # type: ignore[override]
        if isinstance(node, yaml.MappingNode):
            self.check_unique_keys(node)
        return super().construct_mapping(node, deep=deep)

    def check_unique_keys(self, node: yaml.MappingNode) -> None:
        first: dict[object, yaml.Mark] = {}
        for key_node, _value in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = self.construct_object(key_node, deep=True)
            try:
                seen = first.get(key)
            except TypeError:  # unhashable: construct_mapping says so itself
                continue
            if seen is not None:
                raise DuplicateKeyError(key, seen, key_node.start_mark)
            first[key] = key_node.start_mark


@dataclass(frozen=True)
class FeedSpec:
    name: str
    url: str
    language: str | None
    interval: int  # minutes
    enabled: bool
    allow_private: bool
    line: int
    # Fetch the page behind each entry's link: auto (when the entry looks like a teaser), always, never.
    full_text: str = "auto"
    tag: str | None = None  # a category (OPML's outline folder)


def load_feeds_file(path: Path) -> list[FeedSpec]:
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FeedsFileError(f"{path}: file not found") from None
    except UnicodeDecodeError as exc:
        raise FeedsFileError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    try:
        root = yaml.compose(raw, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise FeedsFileError(f"{path}{where}: invalid YAML: {problem}") from None
    if root is None:
        return []
    # Accept either a bare list or {"feeds": [...]}.
    if isinstance(root, yaml.MappingNode):
        _loading(path, lambda loader: loader.check_unique_keys(root))
        items = dict((k.value, v) for k, v in root.value)
        if "feeds" not in items:
            raise FeedsFileError(f"{path}:{root.start_mark.line + 1}: expected a list of feeds or a 'feeds:' key")
        root = items["feeds"]
    if not isinstance(root, yaml.SequenceNode):
        raise FeedsFileError(f"{path}:{root.start_mark.line + 1}: expected a list of feeds")
    specs: list[FeedSpec] = []
    seen: dict[str, int] = {}
    for node in root.value:
        spec = _spec(path, node)
        if spec.url in seen:
            raise FeedsFileError(f"{path}:{spec.line}: url {spec.url!r} already listed on line {seen[spec.url]}")
        seen[spec.url] = spec.line
        specs.append(spec)
    return specs


def _spec(path: Path, node: yaml.Node) -> FeedSpec:
    line = node.start_mark.line + 1

    def fail(problem: str, at: yaml.Node | None = None) -> FeedsFileError:
        return FeedsFileError(f"{path}:{(at.start_mark.line + 1) if at is not None else line}: {problem}")

    if not isinstance(node, yaml.MappingNode):
        raise fail("each feed must be a mapping with name, url, language, interval, enabled")
    data = _loading(path, lambda loader: loader.construct_mapping(node, deep=True))
    nodes = {k.value: v for k, v in node.value}
    for key in data:
        if key not in FIELDS:
            raise fail(f"unknown field {key!r} (allowed: {', '.join(sorted(FIELDS))})", nodes.get(key))
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise fail("'name' is required and must be text", nodes.get("name"))
    url = data.get("url")
    if not isinstance(url, str) or not url.strip():
        raise fail("'url' is required and must be text", nodes.get("url"))
    scheme = urlsplit(url.strip()).scheme.lower()
    if scheme not in {"http", "https", "file"}:
        raise fail(f"'url' must be http, https or file, got {url!r}", nodes.get("url"))
    language = data.get("language")
    if language is not None and (not isinstance(language, str) or language.lower() not in LANGUAGES):
        raise fail(f"'language' must be a language code such as ar or en, got {language!r}", nodes.get("language"))
    interval = data.get("interval", 30)
    if isinstance(interval, bool) or not isinstance(interval, int) or not 1 <= interval <= 7 * 24 * 60:
        raise fail(f"'interval' must be a whole number of minutes from 1 to 10080, got {interval!r}",
                   nodes.get("interval"))
    enabled = data.get("enabled", True)
    if not isinstance(enabled, bool):
        raise fail(f"'enabled' must be true or false, got {enabled!r}", nodes.get("enabled"))
    allow_private = data.get("allow_private", False)
    if not isinstance(allow_private, bool):
        raise fail(f"'allow_private' must be true or false, got {allow_private!r}", nodes.get("allow_private"))
    full_text = data.get("full_text", "auto")
    if full_text not in FULL_TEXT_MODES:
        raise fail(f"'full_text' must be one of {', '.join(FULL_TEXT_MODES)}, got {full_text!r}",
                   nodes.get("full_text"))
    tag = data.get("tag")
    if tag is not None and (not isinstance(tag, str) or len(tag) > 200):
        raise fail(f"'tag' must be text of at most 200 characters, got {tag!r}", nodes.get("tag"))
    tag = strip_bidi(tag).strip() or None if tag else None
    return FeedSpec(name=strip_bidi(name).strip(), url=url.strip(), language=language.lower() if language else None,
                    interval=interval, enabled=enabled, allow_private=allow_private, line=line,
                    full_text=full_text, tag=tag)


def _loading(path: Path, build: Callable[[_StrictLoader], T]) -> T:
    """Run ``build`` with a strict safe loader; its errors become a FeedsFileError at their line."""
    loader = _StrictLoader("")
    try:
        return build(loader)
    except DuplicateKeyError as exc:
        raise FeedsFileError(f"{path}:{exc.problem_mark.line + 1}: {exc.problem}") from None
    except yaml.YAMLError as exc:  # a tag SafeLoader cannot build (!!python/...), an unhashable key
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        raise FeedsFileError(f"{path}{where}: invalid YAML: {getattr(exc, 'problem', None) or exc}") from None
    finally:
        loader.dispose()
