"""A JSON request body read one strict way, for every write of the API.

Each field is checked for type, length and NUL before anything is written, and an unknown field is a
400 naming it, so a typo ("stauts") is never silently ignored.
"""
from __future__ import annotations


from flask import request

from . import fail
from ...store.models import utc_iso
from ...store.review import MAX_NOTE


def json_body() -> dict:
    if request.mimetype != "application/json":
        fail(415, "send a JSON object with Content-Type: application/json")
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        fail(400, "the body must be a JSON object")
    return body


def string_field(body: dict, name: str, *, required: bool = False, limit: int = 2000) -> str | None:
    value = body.get(name)
    if value is None:
        if required:
            fail(400, f"{name} is required")
        return None
    if not isinstance(value, str):
        fail(400, f"{name} must be a string")
    if "\x00" in value:
        fail(400, f"{name} must not contain NUL characters")
    if len(value) > limit:
        fail(400, f"{name} is limited to {limit} characters")
    if required and not value.strip():
        fail(400, f"{name} must not be empty")
    return value


def only_fields(body: dict, allowed: tuple[str, ...]) -> None:
    extra = sorted(set(body) - set(allowed))
    if extra:
        fail(400, f"unknown field {extra[0][:40]!r}; use {', '.join(allowed)}")


def status_and_note(body: dict, statuses: tuple[str, ...]) -> tuple[str, str]:
    """A decision's status (one of `statuses`) and its note (may be empty), from the body."""
    status = string_field(body, "status", required=True, limit=40)
    if status not in statuses:
        fail(400, f"unknown status {status!r}; use one of {', '.join(statuses)}")
    return status, string_field(body, "note", limit=MAX_NOTE) or ""


def decision_json(d, editor: str) -> dict:
    """One decision as the API returns it after a write (the claim's and the story fact's alike)."""
    return {"id": d.id, "claim_id": d.claim_id, "status": d.status, "previous_status": d.previous_status,
            "editor": editor, "note": d.note, "token_id": d.token_id, "batch_id": d.batch_id, "at": utc_iso(d.at)}
