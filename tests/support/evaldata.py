"""Where the third-party evaluation data is: the one place tests and benchmarks look for it.

The data (``seed/article.txt``, ``eval/``: Duckling and dateparser corpora, feedparser's
fixtures, ...) is never copied into the repository. It is found through

    FACTCHECK_EVAL_DATA   the folder holding seed/ and eval/; default ../shared, beside the
                          repository (a relative value is read from the repository's root)

A test asks for the piece it reads, ``require("seed/article.txt")``. When the piece is missing the
test is skipped, with what is missing and how to get it. Under CI (``CI=true``) or with
``FACTCHECK_REQUIRE_EVAL_DATA=1`` a missing piece fails the test instead, so CI cannot pass without
running every data test (``FACTCHECK_REQUIRE_EVAL_DATA=0`` lets a CI machine without the data skip).

Imports nothing of factcheck, and pytest only when a test asks, so bench/ uses it too.
"""
from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
ENV = "FACTCHECK_EVAL_DATA"
REQUIRE_ENV = "FACTCHECK_REQUIRE_EVAL_DATA"
DEFAULT = "../shared"
_TRUE = {"1", "true", "yes", "on"}


def root() -> Path:
    """The folder the data is looked for in (it may not exist)."""
    raw = os.environ.get(ENV, "").strip() or DEFAULT
    return (REPO / Path(raw).expanduser()).resolve()


def path(name: str) -> Path:
    """Where one piece of the data (``seed/article.txt``, ``eval/duckling_ar_time.jsonl``) would be."""
    return root() / name


def required() -> tuple[str, str] | None:
    """The variable that makes a missing piece an error, as (name, value), or None when it may be skipped.

    FACTCHECK_REQUIRE_EVAL_DATA decides when it is set, either way; otherwise CI=true requires the data.
    """
    flag = os.environ.get(REQUIRE_ENV, "").strip()
    if flag:
        return (REQUIRE_ENV, flag) if flag.lower() in _TRUE else None
    ci = os.environ.get("CI", "").strip()
    return ("CI", ci) if ci.lower() in _TRUE else None


def missing(name: str) -> str:
    """What is missing and how to get it, in one line."""
    return (f"evaluation data missing: {name} (looked for {path(name)}); set {ENV} to the folder "
            f"holding seed/ and eval/ (default: {DEFAULT} beside the repository)")


def find(name: str) -> Path | None:
    """The piece's path, or None when it is missing (for benchmarks, which decide themselves)."""
    p = path(name)
    return p if p.exists() else None


def require(name: str) -> Path:
    """The piece's path for a test: skipped when it is missing, failed instead when the data is required."""
    import pytest

    __tracebackhide__ = True  # the skip is reported at the test that asked, not here
    p = find(name)
    if p is not None:
        return p
    why = required()
    if why:
        pytest.fail(f"{missing(name)} [required: {why[0]}={why[1]}]", pytrace=False)
    pytest.skip(missing(name))


def describe() -> str:
    """One line for the test run's header: where the data is looked for, and whether it must be there."""
    where = root()
    state = "found" if where.is_dir() else "not found"
    why = required()
    rule = f"missing pieces fail ({why[0]}={why[1]})" if why else f"missing pieces skip ({REQUIRE_ENV}=1 fails them)"
    return f"eval data: {where} ({state}; {ENV}); {rule}"
