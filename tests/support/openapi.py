"""Every API answer and webhook delivery the tests see, checked against the OpenAPI document.

openapi-core reads the document the app serves (``factcheck.web.api.openapi.document``), finds the
operation of each request (its path template and method) and checks the answer: its status is one
the operation lists, its content type, its declared headers and its body against the schema. A
webhook delivery is checked as the document's ``webhooks`` describe it: its headers (signature,
timestamp, delivery id) and its body.

    r = checked(client.get("/claims"))                        # an httpx answer from the real server
    r = checked_flask(app.test_client().get("/api/v1/claims"))  # a Flask test client's
    event = checked_delivery(request)                          # a FeedServer request a hook received
"""
from __future__ import annotations

import functools
import json
from urllib.parse import parse_qs, urlsplit

import httpx
import jsonschema
from openapi_core import OpenAPI
from openapi_core.contrib.werkzeug import WerkzeugOpenAPIRequest, WerkzeugOpenAPIResponse
from openapi_core.datatypes import RequestParameters
from openapi_core.templating.paths.exceptions import OperationNotFound, PathNotFound
from werkzeug.datastructures import Headers, ImmutableMultiDict

from factcheck.web.api.openapi import document

SPEC = document()


@functools.cache
def _openapi() -> OpenAPI:
    return OpenAPI.from_dict(SPEC)  # validates the document too (openapi-spec-validator)


class _Request:
    """openapi-core's Request protocol over what an HTTP client sent (or what a receiver got)."""

    def __init__(self, method: str, url: str, headers: dict[str, str], body: bytes, name: str | None = None):
        self._url = urlsplit(url)
        self.method = method.lower()
        self.body = body or None
        self.content_type = headers.get("content-type", "")
        self.parameters = RequestParameters(
            query=ImmutableMultiDict([(k, v) for k, vs in parse_qs(self._url.query, keep_blank_values=True).items()
                                      for v in vs]),
            header=Headers(headers), cookie=ImmutableMultiDict())
        if name is not None:
            self.name = name  # a webhook's name: openapi-core's WebhookRequest

    @property
    def host_url(self) -> str:
        return f"{self._url.scheme}://{self._url.netloc}"

    @property
    def path(self) -> str:
        return self._url.path


class _Response:
    def __init__(self, status: int, headers: dict[str, str], data: bytes):
        self.status_code, self.headers, self.data = status, Headers(headers), data
        self.content_type = headers.get("content-type", "")


def _why(exc: BaseException) -> str:
    """openapi-core's error with the schema errors it wraps (its own message is often empty)."""
    parts = [f"{type(exc).__name__}: {exc}"]
    inner = exc.__cause__ or exc.__context__
    while inner is not None and len(parts) < 4:
        parts.append(f"{type(inner).__name__}: {inner}"[:500])
        inner = inner.__cause__ or inner.__context__
    return " <- ".join(parts)


def _validate(request, response, status: int, content_type: str, body: bytes, what: str) -> None:
    assert content_type.startswith("application/json"), f"{what}: {content_type} {body[:200]!r}"
    try:
        _openapi().validate_response(request, response)
    except (PathNotFound, OperationNotFound):
        # A route or method the API does not have is answered with the API's error all the same.
        assert status in (404, 405), f"{what}: {status} for a route the document does not list"
        jsonschema.Draft202012Validator({"$ref": "#/components/schemas/Error", "components": SPEC["components"]}) \
            .validate(json.loads(body))
    except Exception as exc:
        raise AssertionError(f"{what}: {status} does not match the OpenAPI document: {_why(exc)}; "
                             f"{body[:300]!r}") from None


def checked(resp: httpx.Response) -> httpx.Response:
    """The answer, after checking it against the document's operation for its request."""
    req = resp.request
    request = _Request(req.method, str(req.url), dict(req.headers), req.content)
    response = _Response(resp.status_code, dict(resp.headers), resp.content)
    _validate(request, response, resp.status_code, resp.headers.get("content-type", ""), resp.content,
              f"{req.method} {req.url.path}")
    return resp


def checked_flask(resp):  # noqa: ANN001, ANN201 - a werkzeug TestResponse
    """The same for a Flask test client's answer."""
    _validate(WerkzeugOpenAPIRequest(resp.request), WerkzeugOpenAPIResponse(resp), resp.status_code,
              resp.content_type or "", resp.get_data(), f"{resp.request.method} {resp.request.path}")
    return resp


def checked_delivery(received) -> dict:  # noqa: ANN001 - a tests.support.feedserver.Request
    """A webhook delivery as the receiver got it, checked against the document's ``webhooks``; its body."""
    name = received.headers.get("x-factcheck-event", "")
    assert name in SPEC["webhooks"], f"no webhook {name!r} in the document"
    request = _Request("POST", f"http://receiver{received.path}", received.headers, received.body, name=name)
    try:
        _openapi().validate_request(request)
    except Exception as exc:
        raise AssertionError(f"webhook {name} does not match the OpenAPI document: {_why(exc)}; "
                             f"{received.body[:300]!r}") from None
    return json.loads(received.body)
