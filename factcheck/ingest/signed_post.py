"""POST a signed JSON body to a webhook's URL, through the feeds' address guard.

The same protections as fetching a feed (``fetch``): the URL's host is resolved once and every
address checked by ``netguard`` (loopback, private, link-local and metadata addresses refused
unless allowed), the connection goes to one of the checked addresses (no second resolution: DNS
rebinding), and the address actually connected to is checked again. Redirects are not followed (a
receiver that moved is a failed delivery naming its new place, never a POST to wherever a 30x
points). One call never raises for network or HTTP trouble and returns within about ``timeout``.

The signature (``sign``) is HMAC-SHA256 with the hook's secret over ``"{timestamp}." + body``,
hex, sent as ``X-Factcheck-Signature: sha256=<hex>`` beside ``X-Factcheck-Timestamp`` (Unix
seconds): a receiver recomputes it, compares in constant time, and refuses old timestamps
(replays).
"""
from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpcore
import httpx

from . import netguard
from .fetch import _describe_network_error, _pinned, _raw_headers, _target, make_client

DEFAULT_TIMEOUT = 10.0
HINT = "set FACTCHECK_ALLOW_PRIVATE_NETWORKS=1 to allow it"
_KEEP_BODY = 2000  # bytes of a receiver's answer read (the rest is not waited for)
_SHOWN = 200  # characters of it put in a failed attempt's error
USER_AGENT = "factcheck/0.1 (webhook delivery)"


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The X-Factcheck-Signature value: ``sha256=`` and the HMAC-SHA256 of ``"{timestamp}." + body``."""
    mac = hmac.new(secret.encode("utf-8"), f"{timestamp}.".encode("ascii") + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def verify(secret: str, timestamp: str, body: bytes, signature: str, *, tolerance: float = 300,
           now: float | None = None) -> bool:
    """What a receiver does (and the tests): the signature matches and the timestamp is recent."""
    try:
        ts = int(timestamp)
    except (TypeError, ValueError):
        return False
    if abs((now if now is not None else time.time()) - ts) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, ts, body), signature or "")


@dataclass(frozen=True)
class PostResult:
    status: int | None  # the receiver's HTTP status; None when it never answered (refused, network)
    error: str | None  # None: a 2xx answer
    answer: str = ""  # the start of the receiver's body, for the admin page

    @property
    def ok(self) -> bool:
        return self.error is None


def post_signed(url: str, body: bytes, *, secret: str, headers: Iterable[tuple[str, str]] = (),
                client: httpcore.ConnectionPool | None = None, timeout: float = DEFAULT_TIMEOUT,
                allow_private: bool = False, allowed_networks: Iterable[str] = (),
                now: float | None = None) -> PostResult:
    """POST ``body`` (JSON) to ``url``, signed with ``secret`` at this moment; a 2xx is success."""
    own = client is None
    client = client or make_client(max_connections=1)
    try:
        return _post(url, body, secret=secret, headers=headers, client=client, timeout=timeout,
                     allow_private=allow_private, allowed=netguard.networks(allowed_networks), now=now)
    except netguard.BlockedTarget as exc:
        return PostResult(None, str(exc))
    except netguard.ResolveTimeout:
        return PostResult(None, f"timed out resolving {urlsplit(url).hostname} (no answer within {timeout:g} s)")
    except httpx.InvalidURL as exc:
        return PostResult(None, f"invalid URL: {exc}")
    except httpcore.TimeoutException:
        return PostResult(None, f"timed out (no complete answer within {timeout:g} s)")
    except (httpcore.NetworkError, httpcore.ProtocolError, httpcore.UnsupportedProtocol) as exc:
        return PostResult(None, _describe_network_error(exc))
    except OSError as exc:
        return PostResult(None, f"network error: {exc}")
    except Exception as exc:  # noqa: BLE001 - the deliverer must survive any one receiver
        return PostResult(None, f"unexpected error: {type(exc).__name__}: {exc}")
    finally:
        if own:
            client.close()


def _post(url: str, body: bytes, *, secret: str, headers: Iterable[tuple[str, str]],
          client: httpcore.ConnectionPool, timeout: float, allow_private: bool, allowed: netguard.Networks,
          now: float | None) -> PostResult:
    deadline = time.monotonic() + timeout
    target_url, host = _target(url)
    checked = netguard.check_url(url, allow_private=allow_private, allowed=allowed,
                                 host=target_url.host.decode("ascii"), hint=HINT, timeout=timeout)
    stamp = int(now if now is not None else time.time())
    sent = [(b"Host", host), (b"User-Agent", USER_AGENT.encode("ascii")),
            (b"Content-Type", b"application/json"), (b"Content-Length", str(len(body)).encode("ascii")),
            (b"X-Factcheck-Timestamp", str(stamp).encode("ascii")),
            (b"X-Factcheck-Signature", sign(secret, stamp, body).encode("ascii")),
            *((k.encode("ascii"), v.encode("ascii")) for k, v in headers)]
    request = httpcore.Request(b"POST", target_url, headers=sent, content=body, extensions={
        "timeout": {"connect": timeout, "read": timeout, "write": timeout, "pool": timeout}})
    origin = target_url.origin
    pin = _pinned.set((origin.host.decode("ascii"), origin.port, tuple(str(ip) for ip in checked))
                      if checked else None)
    try:
        response = client.handle_request(request)
    finally:
        _pinned.reset(pin)
    try:
        stream = response.extensions.get("network_stream")
        if stream is not None and not allow_private:
            peer = stream.get_extra_info("server_addr")
            netguard.check_peer(peer[0] if peer else None, allowed=allowed)
        answer = bytearray()
        for chunk in response.iter_stream():
            answer.extend(chunk[:_KEEP_BODY - len(answer)])
            if len(answer) >= _KEEP_BODY or time.monotonic() > deadline:
                break
        text = answer.decode("utf-8", "replace")
        status = response.status
        if 200 <= status < 300:
            return PostResult(status, None, text)
        if 300 <= status < 400:
            where = _raw_headers(response).get("location", "")
            return PostResult(status, f"HTTP {status}: redirects are not followed" + (f" (to {where[:300]})"
                                                                                      if where else ""), text)
        reason = response.extensions.get("reason_phrase", b"").decode("latin-1", "replace")
        # The start of the receiver's answer says why it refused (shown on the Webhooks page).
        said = " ".join(text.split())[:_SHOWN]
        return PostResult(status, f"HTTP {status} {reason}".strip() + (f": {said}" if said else ""), text)
    finally:
        response.close()
