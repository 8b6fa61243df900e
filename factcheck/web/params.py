"""Values from the URL and the form, parsed one strict way: ASCII digits in range, local redirects.

A request is user input down to its last byte. `'²'.isdigit()` is true but `int('²')` raises, a
number past the database's integer columns overflows in the driver, and a CR/LF in a redirect target is refused by
Werkzeug only after the view has written: each of these was a 500. Everything here answers a
malformed value with a 400 (a 404 for a path) naming it, before anything is written.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from flask import abort
from werkzeug.routing import IntegerConverter

from ..store.review import MAX_NOTE
from .context import ui_text as _t

# The largest id (and claim version) both databases store: the columns are INTEGER, a signed 32-bit
# number on PostgreSQL (SQLite's would hold 64 bits). A larger one used to overflow in the driver.
MAX_ID = 2**31 - 1
_DIGITS = re.compile(r"[0-9]{1,19}", re.ASCII)


class StrictInt(IntegerConverter):
    """`<int:...>` in every route: ASCII digits only, at most MAX_ID; anything else is a 404.

    Werkzeug's own converter matches `\\d+`, which takes any script's digits, and has no upper
    bound, so /claims/99999999999999999999 reached the database and overflowed there.
    """

    regex = r"[0-9]{1,19}"

    def __init__(self, map, fixed_digits: int = 0, min: int | None = None, max: int | None = MAX_ID,  # noqa: A002
                 signed: bool = False) -> None:
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def parse_int(raw: str | None, name: str, lo: int = 0, hi: int = MAX_ID) -> int:
    """A whole number of ASCII digits (an optional minus sign) between lo and hi, else a 400."""
    text = raw or ""
    negative = text.startswith("-")
    if not _DIGITS.fullmatch(text[1:] if negative else text):
        abort(400, _t("{name} must be a whole number", name=name))
    value = -int(text[1:]) if negative else int(text)
    if not lo <= value <= hi:
        abort(400, _t("{name} must be between {lo} and {hi}, got {value}", name=name, lo=lo, hi=hi, value=value))
    return value


def optional_int(raw: str | None, name: str, lo: int = 0, hi: int = MAX_ID) -> int | None:
    """parse_int, or None when the value is absent or empty."""
    return None if raw is None or raw == "" else parse_int(raw, name, lo, hi)


def local_path(target: str | None, fallback: str, *, under: str = "/") -> str:
    """`target` when it is a path on this site below `under`, else `fallback`.

    Never a scheme, a host (`//evil`, `/\\evil`: browsers read a backslash as a slash), a control
    character (CR/LF would split the Location header) or anything percent-decoding could turn
    into one of those.
    """
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return fallback
    rest = target[len(under.rstrip("/")):]
    if not target.startswith(under.rstrip("/")) or (rest and rest[0] not in "/?#"):
        return fallback
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F or ch == "\\" for ch in target):
        return fallback
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or "%5c" in target.lower() or parts.path.lower().startswith("/%2f"):
        return fallback
    return target


def refuse_undecodable_form() -> None:
    """A urlencoded body that is not UTF-8: a clear 400 before anything reads it.

    Werkzeug parses such a body as an empty form, so the CSRF check was the first to complain,
    with "CSRF token missing" — true, and no help to the person whose note had a Latin-1 byte.
    Registered before the CSRF check (app.py).
    """
    from flask import request

    if request.method in ("POST", "PUT", "PATCH") and request.mimetype == "application/x-www-form-urlencoded":
        try:
            request.get_data(cache=True).decode("utf-8")
        except UnicodeDecodeError:
            abort(400, _t("the form was not sent as UTF-8 text; nothing was saved"))


MAX_TICKED = 500  # claims one form may decide at once (the queue's bulk form, a story's fact)


def ticked_claims(form, empty: str) -> tuple[list[int], dict[int, int]]:
    """The claims a form ticks (``claim``, repeated) and the version each had on the page
    (``v<id>``), else a 400; `empty` is the refusal when none is ticked.

    The version is required: without it, another editor's decision taken since the page was
    loaded would be overwritten unseen.
    """
    raw = form.getlist("claim")
    if not raw:
        abort(400, empty)
    if len(raw) > MAX_TICKED:
        abort(400, _t("claim ids must be numbers (at most 500 at once)"))
    ids = [parse_int(x, "claim", 1) for x in raw]
    return ids, {cid: parse_int(form.get(f"v{cid}"), f"v{cid}", 1) for cid in ids}


def form_status(form, allowed: tuple[str, ...]) -> str:
    """The decision a form asks for, one of `allowed`, else a 400 naming them."""
    status = form.get("status", "")
    if status not in allowed:
        abort(400, _t("unknown status {value}; use one of {choices}", value=repr(status[:40]),
                      choices=", ".join(allowed)))
    return status


def form_note(form) -> str:
    """The editor's note (may be empty); a longer one than the store keeps is a 413 before anything is written."""
    note = form.get("note", "")
    if len(note) > MAX_NOTE:
        abort(413, _t("note too long ({n} characters, at most {max}); nothing was saved", n=len(note), max=MAX_NOTE))
    return note
