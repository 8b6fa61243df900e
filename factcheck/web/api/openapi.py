"""The OpenAPI 3.1 document of /api/v1/, written by hand from the shapes the views answer with.

The claim shapes are the JSON export's contract (factcheck.store.reports._rows_for) plus the
claim's ``version`` and, for one claim, each match's word ``diff``. tests/web/test_api.py validates
this document with openapi-spec-validator and every response of its tests against it.
"""
from __future__ import annotations

from ...store.models import CLAIM_KINDS, CLAIM_STATUSES, RELATIONS
from ..queue import DECIDE_STATUSES

_STR, _INT, _NUM, _BOOL = {"type": "string"}, {"type": "integer"}, {"type": "number"}, {"type": "boolean"}


def _null(schema: dict) -> dict:
    return {"oneOf": [schema, {"type": "null"}]}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


TIME = {"type": "string", "description": "UTC, ISO 8601 with Z", "pattern": r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$"}


def _event(name: str, data: dict) -> dict:
    """A webhook's body: the envelope every event shares, around its own ``data``."""
    return {"type": "object", "required": ["id", "event", "created_at", "data"], "properties": {
        "id": {"type": "string", "format": "uuid", "description": "the event's id, also X-Factcheck-Delivery"},
        "event": {"const": name}, "created_at": TIME, "data": data}}

SCHEMAS = {
    "Error": {"type": "object", "required": ["error"], "properties": {"error": {
        "type": "object", "required": ["code", "message"],
        "properties": {"code": _STR, "message": _STR, "changed_by": _null(_STR), "status": _STR,
                       "version": _null(_INT), "claim_id": {**_INT, "description": "409 on a fact: the claim "
                                                                                   "changed since"}}}}},
    "ArticleRef": {"type": "object", "required": ["source", "title", "url", "published", "language"],
                   "properties": {"source": _STR, "title": _STR, "url": _null(_STR), "published": TIME,
                                  "language": _null(_STR)}},
    "Match": {"type": "object", "required": ["claim_id", "source", "text", "sentence", "score", "relation", "reason"],
              "properties": {"claim_id": _INT, "source": _STR, "text": _STR, "sentence": _STR, "score": _NUM,
                             "relation": {"enum": list(RELATIONS)}, "reason": _STR,
                             "diff": {"type": "array", "description": "word diff: [op, words] pairs (one claim only)",
                                      "items": {"type": "array"}}}},
    "DecisionRecord": {"type": "object", "required": ["status", "editor", "note", "at", "token_id", "story_id"],
                       "properties": {"status": {"enum": list(CLAIM_STATUSES)}, "editor": _null(_STR), "note": _STR,
                                      "at": TIME, "token_id": {**_null(_INT), "description":
                                                               "the API token it was made with; null: the web or the CLI"},
                                      "story_id": {**_null(_INT), "description": "the story whose fact was decided "
                                                   "at once; null: the claim decided on its own"}}},
    "Claim": {"type": "object", "required": ["id"], "properties": {
        "id": _INT, "kind": {"enum": list(CLAIM_KINDS)}, "text": _STR, "sentence": _STR, "start": _INT, "end": _INT,
        "speaker": _null(_STR), "verb": _null(_STR), "direct": _null(_BOOL), "date": _null(_STR),
        "grain": _null(_STR), "date_text": _null(_STR), "value": _null(_NUM), "unit": _null(_STR),
        "status": {"enum": list(CLAIM_STATUSES)},
        "story": {**_null(_INT), "description": "the story (one event across outlets) of the claim's article; "
                                                "null when it is in none"},
        "version": _INT, "article": _ref("ArticleRef"),
        "matches": {"type": "array", "items": _ref("Match")},
        "decisions": {"type": "array", "items": _ref("DecisionRecord")}}},
    "ClaimPage": {"type": "object", "required": ["claims", "next"],
                  "properties": {"claims": {"type": "array", "items": _ref("Claim")}, "next": _null(_STR)}},
    "DecisionIn": {"type": "object", "required": ["status", "version"], "additionalProperties": False,
                   "properties": {"status": {"enum": list(DECIDE_STATUSES)}, "note": _STR,
                                  "version": {"type": "integer", "minimum": 1}}},
    # One decision just written, by either write (a claim's, or a story fact's: one per claim).
    "DecisionMade": {"type": "object", "required": ["id", "claim_id", "status", "previous_status", "editor", "note",
                                                    "at", "token_id", "batch_id"],
                     "properties": {"id": _INT, "claim_id": _INT, "status": _STR, "previous_status": _null(_STR),
                                    "editor": _STR, "note": _STR, "at": TIME, "token_id": _INT,
                                    "batch_id": {**_null(_INT), "description": "the submission that decided a story's "
                                                 "fact at once; null for a claim decided on its own"}}},
    "DecisionOut": {"type": "object", "required": ["decision", "claim"], "properties": {
        "decision": _ref("DecisionMade"),
        "claim": {"type": "object", "required": ["id", "status", "version"],
                  "properties": {"id": _INT, "status": _STR, "version": _INT}}}},
    "FactList": {"type": "object", "required": ["story", "facts"], "properties": {
        "story": _INT,
        "facts": {"type": "array", "description": "the story page's order: contradicted facts first", "items": {
            "type": "object", "required": ["number", "outlets", "claims", "others"], "properties": {
                "number": {**_INT, "description": "the fact's number: its first claim's id"},
                "outlets": {"type": "array", "items": _STR},
                "claims": {"type": "array", "items": {
                    "type": "object", "required": ["id", "outlet", "status", "version"],
                    "properties": {"id": _INT, "outlet": _STR, "status": {"enum": list(CLAIM_STATUSES)},
                                   "version": _INT}}},
                "others": {"type": "array", "items": _INT,
                           "description": "the numbers of the facts giving another value"}}}}}},
    "FactDecisionIn": {"type": "object", "required": ["status", "versions"], "additionalProperties": False,
                       "properties": {"status": {"enum": ["corroborated", "disputed", "unverifiable"]}, "note": _STR,
                                      "versions": {"type": "object", "minProperties": 1,
                                                   "description": "the claims of the fact to decide (leave one out "
                                                                  "by leaving it out): claim id -> the version you saw",
                                                   "additionalProperties": {"type": "integer", "minimum": 1}}}},
    "FactDecisionOut": {"type": "object", "required": ["story", "fact", "decisions"], "properties": {
        "story": _INT, "fact": _INT,
        "decisions": {"type": "array", "items": _ref("DecisionMade")}}},
    "ArticleIn": {"type": "object", "required": ["source"], "additionalProperties": False, "properties": {
        "source": _STR, "title": _STR, "text": _STR, "html": _STR, "url": _STR,
        "published": {"type": "string", "description": "ISO 8601; without a zone, UTC"},
        "language": {"enum": ["ar", "en"]}}},
    "ArticleOut": {"type": "object", "required": ["article", "created", "claims"], "properties": {
        "article": {"type": "object", "required": ["id", "source", "title", "url", "published", "language"],
                    "properties": {"id": _INT, "source": _STR, "title": _STR, "url": _null(_STR), "published": TIME,
                                   "language": _null(_STR)}},
        "created": _BOOL, "claims": {"type": "array", "items": _ref("Claim")}}},
    "Feed": {"type": "object", "required": ["id", "name", "url", "enabled", "error_count"], "properties": {
        "id": _INT, "name": _STR, "url": _STR, "kind": _STR, "language": _null(_STR), "enabled": _BOOL,
        "interval_minutes": _INT, "last_polled_at": _null(TIME), "last_success_at": _null(TIME),
        "next_poll_at": _null(TIME), "last_status": _null(_INT), "error_count": _INT, "last_error": _null(_STR),
        "disabled_reason": _null(_STR), "full_text": _STR, "page_error_count": _INT,
        "last_page_error": _null(_STR)}},
    "FeedList": {"type": "object", "required": ["feeds"],
                 "properties": {"feeds": {"type": "array", "items": _ref("Feed")}}},
    "PollOutcome": {"type": "object", "required": ["feed_id", "new", "updated", "not_modified", "error"],
                    "properties": {"feed_id": _INT, "status": _null(_INT), "new": _INT, "updated": _INT,
                                   "not_modified": _BOOL, "error": _null(_STR)}},
    # Webhook payloads (factcheck.store.webhooks): a claim as an event tells it, and the two events.
    "EventClaim": {"type": "object", "required": ["id", "kind", "text", "speaker", "status", "version", "article"],
                   "properties": {"id": _INT, "kind": {"enum": list(CLAIM_KINDS)}, "text": _STR,
                                  "speaker": _null(_STR), "language": _null(_STR),
                                  "status": {"enum": list(CLAIM_STATUSES)}, "version": _INT,
                                  "article": _ref("ArticleRef")}},
    "ClaimConflictEvent": _event("claim.conflict", {
        "type": "object", "required": ["claim", "other", "match"], "properties": {
            "claim": {**_ref("EventClaim"), "description": "the report whose matching found the conflict"},
            "other": {**_ref("EventClaim"), "description": "the earlier report it conflicts with"},
            "match": {"type": "object", "required": ["relation", "score", "reason"],
                      "properties": {"relation": {"const": "conflicts"}, "score": _NUM, "reason": _STR}}}}),
    "ClaimDecidedEvent": _event("claim.decided", {
        "type": "object", "required": ["claim", "decision"], "properties": {
            "claim": {**_ref("EventClaim"), "description": "the claim as the decision left it"},
            "decision": {"type": "object", "required": ["id", "status", "previous_status", "note", "editor", "at"],
                         "properties": {"id": _INT, "status": {"enum": list(CLAIM_STATUSES)},
                                        "previous_status": _null(_STR), "note": _STR, "editor": _STR, "at": TIME,
                                        "token_id": _null(_INT)}}}}),
    "ClaimReviewPage": {"type": "object", "required": ["reviews", "next"], "properties": {
        "reviews": {"type": "array", "items": {
            "type": "object", "required": ["@context", "@type", "url", "claimReviewed", "reviewRating"],
            "properties": {"@type": {"const": "ClaimReview"}, "url": _STR, "claimReviewed": _STR}}},
        "next": _null(_STR)}},
}


def _array(name: str, desc: str, enum=None) -> dict:
    items = {"type": "string", **({"enum": list(enum)} if enum else {})}
    return {"name": name, "in": "query", "description": desc, "schema": {"type": "array", "items": items},
            "style": "form", "explode": True}


def _q(name: str, desc: str, schema: dict | None = None) -> dict:
    return {"name": name, "in": "query", "description": desc, "schema": schema or _STR}


FILTERS = [
    _array("status", "claim status (repeatable)", CLAIM_STATUSES),
    _array("kind", "claim kind (repeatable)", CLAIM_KINDS),
    _array("source", "the source's name (repeatable)"),
    _array("language", "the article's language, e.g. ar (repeatable)"),
    _q("editor", "only claims with a decision by this editor"),
    _q("since", "from this day, YYYY-MM-DD (inclusive)", {"type": "string", "format": "date"}),
    _q("until", "up to this day, YYYY-MM-DD (inclusive)", {"type": "string", "format": "date"}),
    _q("by", "the date ranged over", {"enum": ["article", "decision"]}),
]
PAGING = [_q("cursor", "the `next` of the previous page"),
          _q("limit", "claims per page", {"type": "integer", "minimum": 1, "maximum": 200, "default": 50})]
FIELDS = _q("fields", "comma-separated claim fields to keep (id always)")
CLAIM_ID = {"name": "claim_id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 0}}
STORY_ID = {"name": "story_id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 0}}
FACT_NUMBER = {"name": "number", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 0},
               "description": "the fact's number (GET /stories/{story_id}/facts)"}
FEED_ID = {"name": "feed_id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 0}}


def _json(schema: str, desc: str, headers: dict | None = None) -> dict:
    return {"description": desc, "content": {"application/json": {"schema": _ref(schema)}},
            **({"headers": headers} if headers else {})}


ERROR_HEADERS = {
    401: {"WWW-Authenticate": {"required": True, "schema": {"type": "string", "pattern": "^Bearer "}}},
    429: {"Retry-After": {"required": True, "description": "seconds until the token's minute ends",
                          "schema": {"type": "integer", "minimum": 1}}},
}


def _errors(*codes: int) -> dict:
    words = {400: "bad input", 401: "no, unknown or revoked token", 403: "scope or role too small",
             404: "not found", 409: "changed by someone else since", 413: "body over 2 MiB", 415: "not JSON",
             429: "rate limited",
             503: "database busy, nothing saved"}
    return {str(c): _json("Error", words[c], ERROR_HEADERS.get(c)) for c in (*codes, 401, 429)}


def _body(schema: str) -> dict:
    return {"required": True, "content": {"application/json": {"schema": _ref(schema)}}}


WEBHOOK_HEADERS = [
    {"name": "X-Factcheck-Event", "in": "header", "required": True, "schema": _STR},
    {"name": "X-Factcheck-Delivery", "in": "header", "required": True, "schema": {"type": "string", "format": "uuid"},
     "description": "the event's id, the same on every retry: a receiver drops a copy it has seen"},
    {"name": "X-Factcheck-Timestamp", "in": "header", "required": True, "schema": {"type": "string", "pattern": r"^\d+$"},
     "description": "Unix seconds when this attempt was signed"},
    {"name": "X-Factcheck-Signature", "in": "header", "required": True,
     "schema": {"type": "string", "pattern": "^sha256=[0-9a-f]{64}$"},
     "description": "sha256= and the hex HMAC-SHA256 of \"{timestamp}.\" + body with the hook's secret"},
]


def _webhook(schema: str, summary: str) -> dict:
    return {"post": {"summary": summary, "parameters": WEBHOOK_HEADERS, "security": [], "requestBody": _body(schema),
                     "responses": {"2XX": {"description": "delivered; any other answer is retried, the wait doubling"}}}}


def document() -> dict:
    read = [{"token": ["read"]}]
    write = [{"token": ["write"]}]
    return {
        "openapi": "3.1.0",
        "info": {"title": "factcheck API", "version": "1.0.0",
                 "description": "Claims, evidence, decisions and articles over HTTP. Authenticate with a token "
                                "(`factcheck tokens add` or the API tokens page): `Authorization: Bearer fc_…`."},
        "servers": [{"url": "/api/v1"}],
        "security": read,
        "components": {"schemas": SCHEMAS,
                       "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}}},
        # Sent by factcheck to the URLs admins register (the Webhooks page, `factcheck webhooks add`).
        "webhooks": {
            "claim.conflict": _webhook("ClaimConflictEvent", "A new conflicting match was stored"),
            "claim.decided": _webhook("ClaimDecidedEvent", "A decision was recorded"),
        },
        "paths": {
            "/claims": {"get": {
                "operationId": "listClaims", "summary": "Claims, filtered, in id order, by keyset pages",
                "parameters": [*FILTERS, _q("speaker", "part of the speaker's name"),
                               _q("q", "words of the claim, its sentence or speaker (folded as in matching)"),
                               *PAGING, FIELDS],
                "responses": {"200": _json("ClaimPage", "a page of claims"), **_errors(400)}}},
            "/claims/{claim_id}": {"get": {
                "operationId": "getClaim", "summary": "One claim with its article, matches (with word diff) and decisions",
                "parameters": [CLAIM_ID, FIELDS],
                "responses": {"200": _json("Claim", "the claim"), **_errors(400, 404)}}},
            "/claims/{claim_id}/decisions": {"post": {
                "operationId": "decideClaim", "summary": "Decide a claim (the version you saw, as on the web)",
                "security": write, "parameters": [CLAIM_ID], "requestBody": _body("DecisionIn"),
                "responses": {"201": _json("DecisionOut", "decided"), **_errors(400, 403, 404, 409, 413, 415, 503)}}},
            "/stories/{story_id}/facts": {"get": {
                "operationId": "listStoryFacts", "summary": "A story's facts by number, their claims and versions",
                "parameters": [STORY_ID],
                "responses": {"200": _json("FactList", "the facts"), **_errors(400, 404)}}},
            "/stories/{story_id}/facts/{number}/decisions": {"post": {
                "operationId": "decideStoryFact",
                "summary": "Decide the claims of one fact at once, all or nothing (the versions you saw)",
                "security": write, "parameters": [STORY_ID, FACT_NUMBER], "requestBody": _body("FactDecisionIn"),
                "responses": {"201": _json("FactDecisionOut", "every claim decided"),
                              **_errors(400, 403, 404, 409, 413, 415, 503)}}},
            "/articles": {"post": {
                "operationId": "importArticle", "summary": "Import an article like `factcheck import` (idempotent)",
                "security": write, "requestBody": _body("ArticleIn"),
                "responses": {"201": _json("ArticleOut", "stored (new or changed)"),
                              "200": _json("ArticleOut", "already stored, unchanged"),
                              **_errors(400, 403, 413, 415, 503)}}},
            "/feeds": {"get": {
                "operationId": "listFeeds", "summary": "Feeds and their health (user names and passwords in URLs hidden)",
                "responses": {"200": _json("FeedList", "the feeds"), **_errors(400)}}},
            "/feeds/{feed_id}/poll": {"post": {
                "operationId": "pollFeed", "summary": "Poll a feed now (admins)", "security": write,
                "parameters": [FEED_ID],
                "responses": {"200": _json("PollOutcome", "polled"), **_errors(403, 404)}}},
            "/claimreview": {"get": {
                "operationId": "listClaimReviews", "summary": "Published reviews as schema.org ClaimReview",
                "parameters": [*FILTERS, *PAGING],
                "responses": {"200": _json("ClaimReviewPage", "a page of reviews"), **_errors(400)}}},
            "/openapi.json": {"get": {
                "operationId": "openapi", "summary": "This document", "security": [],
                "responses": {"200": {"description": "the OpenAPI document",
                                      "content": {"application/json": {"schema": {"type": "object"}}}}}}},
        },
    }
