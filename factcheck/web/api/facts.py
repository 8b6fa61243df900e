"""/api/v1/stories/{id}/facts: a story's facts by number, and one decided at once (issue 22, build 4),
through store.fact_decisions as on the story page and in `factcheck decide --story`."""
from __future__ import annotations

from flask import g, jsonify

from . import bp, fail
from .body import decision_json, json_body, only_fields, status_and_note
from ..context import db
from ..params import MAX_ID, MAX_TICKED
from ...store.fact_decisions import (FACT_STATUSES, MissingFact, MissingStory, StaleFact, decide_fact,
                                     fact_forms)
from ...store.review import ReviewError
from ...store.story_facts import story_facts


@bp.get("/stories/<int:story_id>/facts")
def story_facts_list(story_id: int):
    s = db()
    facts = story_facts(s, story_id)
    if facts is None:
        fail(404, f"story {story_id} does not exist")
    forms = fact_forms(s, story_id, facts, None)
    return jsonify({"story": story_id, "facts": [{
        "number": f.number, "outlets": f.outlets,
        "claims": [{"id": t.claim_id, "outlet": t.outlet, "status": t.status, "version": t.version}
                   for t in forms[f.number].claims],
        # The other values beside it, each another fact of the story, by its number.
        "others": [min(x.claim_id for x in o) for o in f.others]} for f in facts]})


def _versions(body: dict) -> dict[int, int]:
    raw = body.get("versions")
    if not isinstance(raw, dict) or not raw or len(raw) > MAX_TICKED:
        fail(400, f"versions is required: an object of the claims to decide, claim id -> the version you saw "
                  f"(1 to {MAX_TICKED} claims, from GET /stories/{{id}}/facts)")
    out = {}
    for key, version in raw.items():
        if not (isinstance(key, str) and key.isascii() and key.isdigit() and 1 <= int(key) <= MAX_ID):
            fail(400, f"versions: {key[:40]!r} is not a claim id")
        if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= MAX_ID:
            fail(400, f"versions: claim {key}'s version must be a whole number from 1")
        out[int(key)] = version
    return out


@bp.post("/stories/<int:story_id>/facts/<int:number>/decisions")
def decide_story_fact(story_id: int, number: int):
    body = json_body()
    only_fields(body, ("status", "note", "versions"))
    status, note = status_and_note(body, FACT_STATUSES)
    versions = _versions(body)
    s = db()
    try:
        done = decide_fact(s, story_id, number, g.caller.user, status, note, claims=sorted(versions),
                           versions=versions, token_id=g.caller.token_id)
        out = {"story": story_id, "fact": number,
               "decisions": [decision_json(d, g.caller.user.name) for d in done]}
        s.commit()
    except StaleFact as exc:
        s.rollback()
        fail(409, str(exc), changed_by=exc.by, claim_id=exc.claim_id)
    except (MissingStory, MissingFact) as exc:
        s.rollback()
        fail(404, str(exc))
    except ReviewError as exc:  # a claim not in the fact among them
        s.rollback()
        fail(400, str(exc))
    return jsonify(out), 201
