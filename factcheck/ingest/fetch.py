"""Fetch one feed over HTTP (or from a bundled ``file:`` sample), safely and politely.

We do HTTP ourselves instead of letting feedparser fetch: feedparser's own fetching is being
removed upstream, and it offers none of the limits a poller that runs unattended needs.

What one call guarantees:

- it never raises for network or HTTP trouble: the problem comes back in ``FetchResult.error``;
- it returns within about ``timeout`` seconds in total, even against a server that stalls or
  trickles one byte at a time (each read's timeout is the time left, and the deadline is checked
  between chunks);
- it never holds more than ``max_bytes`` of *decompressed* body (we decompress ourselves with a
  bounded output size, so a gzip bomb stops at the cap);
- it follows at most ``MAX_REDIRECTS`` hops, refusing loops, and checks every hop's target against
  loopback/private/link-local/metadata addresses after DNS resolution (see ``netguard``); the
  name is resolved once per hop, and the connection goes to an address that was checked, never
  to a second resolution of the name (DNS rebinding);
- conditional GET: stored validators are sent back byte for byte, and new ones are returned even
  on a 304.
"""

from __future__ import annotations

import contextvars
import email.utils
import functools
import os
import re
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import url2pathname

import httpcore
import httpx

from factcheck.ingest import netguard

MAX_REDIRECTS = 5
DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 10 * 2**20
USER_AGENT = "factcheck/0.1 (editorial fact-checking feed poller)"
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5"
)
_ACCEPT, _USER_AGENT = ACCEPT.encode("ascii"), USER_AGENT.encode("ascii")
_REDIRECTS = {301, 302, 303, 307, 308}
_PERMANENT = {301, 308}
_MAX_AGE = re.compile(r"(?:^|[,\s])max-age\s*=\s*\"?(\d{1,10})")


@dataclass
class FetchResult:
    url: str  # the URL asked for
    final_url: str  # after redirects
    status: int | None  # None when no HTTP answer (network error, refused target)
    content: bytes | None  # None on 304 / error
    headers: dict[str, str] = field(default_factory=dict)  # lower-case keys
    etag: str | None = None  # validators to store next (new ones, else the ones sent)
    last_modified: str | None = None
    not_modified: bool = False
    error: str | None = None  # human-readable, shown on the feed row
    retry_after: datetime | None = None  # do not poll before (Retry-After / max-age)
    permanent_redirect: str | None = None  # end of a 301/308 chain, adopt after N polls
    gone: bool = False  # 410

    @property
    def ok(self) -> bool:
        """True when there is a body to parse."""
        return self.error is None and self.content is not None


class _FetchError(Exception):
    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


class _TooLarge(_FetchError):
    pass


_tls_lock = threading.Lock()


@functools.cache
def _cached_tls_context() -> ssl.SSLContext:
    return httpx.create_ssl_context()


def _tls_context() -> ssl.SSLContext:
    """httpx's default verification (certifi's CA bundle), loaded once per process: building it
    costs tens of milliseconds, and the poller makes a small client per thread and round.  The
    lock keeps the poller's threads, all starting at once, from each building their own."""
    with _tls_lock:
        return _cached_tls_context()


# The addresses netguard checked for the request this thread is sending: (host, port, addresses),
# or None when nothing was checked (allow_private).  Set around one handle_request call.
_pinned: contextvars.ContextVar[tuple[str, int, tuple[str, ...]] | None] = contextvars.ContextVar(
    "factcheck_pinned_addresses", default=None)


class _PinnedBackend(httpcore.SyncBackend):
    """Opens TCP connections to the addresses netguard checked instead of resolving the name again.

    Only the connect is redirected: the pool still keys connections by host name, and TLS (SNI,
    certificate verification) and the Host header still use the name.  A connection the pool
    already holds is reused as before: it went to an address checked when it was opened (or, if
    it was opened for a feed with allow_private, to whatever the name gave then, which the peer
    check after the answer still refuses for a feed without it).
    """

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None) -> httpcore.NetworkStream:
        deadline = None if timeout is None else time.monotonic() + timeout
        pinned = _pinned.get()
        if pinned is None:
            # Nothing was checked (allow_private), but the name is still looked up here, bounded
            # by the connect timeout: socket.create_connection's own lookup takes no timeout.
            try:
                addresses = tuple(str(ip) for ip in netguard.resolve(host, port, timeout))
            except netguard.ResolveTimeout as exc:
                raise httpcore.ConnectTimeout(str(exc)) from exc
            except (socket.gaierror, UnicodeError) as exc:
                raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
        else:
            checked_host, checked_port, addresses = pinned
            if (host, port) != (checked_host, checked_port) or not addresses:
                raise httpcore.ConnectError(f"refused: {host}:{port} is not the checked {checked_host}:{checked_port}")
        # As socket.create_connection does, try each address in turn, all within one timeout.
        error: Exception | None = None
        for address in addresses:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                break
            try:
                return super().connect_tcp(address, port, left, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        if error is None:
            raise httpcore.ConnectTimeout("connect timed out")
        raise error


_PINNED_BACKEND = _PinnedBackend()


def make_client(*, max_connections: int = 100, ssl_context: ssl.SSLContext | None = None) -> httpcore.ConnectionPool:
    """A thread-safe pool of keep-alive connections (the poller gives each thread its own).

    httpcore, the transport under httpx, is used directly: a poller needs none of httpx's
    request/response models, cookie jar or URL merging, and that layer was half of an unchanged
    poll's CPU.  (No cookies, then: a poller has no session with a publisher.)  Its network
    backend connects to the addresses ``fetch_feed`` checked: give fetch_feed no other pool.
    ``ssl_context`` replaces httpx's default verification (certifi's CA bundle), for tests.
    """
    return httpcore.ConnectionPool(ssl_context=ssl_context or _tls_context(), max_connections=max_connections,
                                   max_keepalive_connections=max_connections, network_backend=_PINNED_BACKEND)


def fetch_feed(
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    client: httpcore.ConnectionPool | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_private: bool = False,
    allow_file: bool = False,
    base_dir: Path | None = None,
    allowed_networks: Iterable[str] = (),
    accept: str | None = None,
    user_agent: str | None = None,
) -> FetchResult:
    """Fetch ``url`` once.  See the module docstring for the guarantees.

    ``allowed_networks`` (CIDR strings) opens specific non-public networks without opening all
    of them the way ``allow_private`` does (an intranet feed host; the test server on 127.0.0.1).
    ``accept`` and ``user_agent`` replace the feed poller's headers (article pages, robots.txt).
    """
    url = url.strip()
    if urlsplit(url).scheme.lower() == "file":
        if not allow_file:
            return FetchResult(url, url, None, None, etag=etag, last_modified=last_modified,
                               error="file: URLs are only allowed for feeds listed in feeds.yaml")
        return _fetch_file(url, etag=etag, last_modified=last_modified, max_bytes=max_bytes,
                           base_dir=base_dir)
    own_client = client is None
    if client is None:
        client = make_client(max_connections=1)
    try:
        try:
            allowed = netguard.networks(allowed_networks)
        except ValueError as exc:
            return FetchResult(url, url, None, None, etag=etag, last_modified=last_modified,
                               error=f"bad allowed network: {exc}")
        return _fetch_http(url, etag=etag, last_modified=last_modified, client=client,
                           timeout=timeout, max_bytes=max_bytes, allow_private=allow_private,
                           allowed=allowed, accept=accept, user_agent=user_agent)
    finally:
        if own_client:
            client.close()


def _fetch_http(url: str, *, etag: str | None, last_modified: str | None, client: httpcore.ConnectionPool,
                timeout: float, max_bytes: int, allow_private: bool,
                allowed: netguard.Networks = (), accept: str | None = None,
                user_agent: str | None = None) -> FetchResult:
    accept_header = accept.encode("ascii") if accept else _ACCEPT
    agent_header = user_agent.encode("ascii", "replace") if user_agent else _USER_AGENT
    deadline = time.monotonic() + timeout
    current = url
    visited = {url}
    permanent: str | None = None
    all_permanent = True
    hops = 0
    status: int | None = None
    headers: dict[str, str] = {}

    def failure(message: str, st: int | None = status) -> FetchResult:
        return FetchResult(url, current, st, None, headers, etag, last_modified, error=message,
                           retry_after=_retry_after(headers) if headers else None)

    try:
        while True:
            target_url, host = _target(current)
            # Resolved once, under the name httpcore will connect to: the connection goes to one of
            # these addresses (see _PinnedBackend), never to a second answer for the name.
            checked = netguard.check_url(current, allow_private=allow_private, allowed=allowed,
                                         host=target_url.host.decode("ascii"),
                                         timeout=deadline - time.monotonic())
            request_headers = [(b"Accept", accept_header), (b"Accept-Encoding", b"gzip, deflate"),
                               (b"User-Agent", agent_header)]
            # Validators go back exactly as the server sent them: kept as latin-1 text so that every
            # byte round-trips, whatever the server put in them.
            if etag:
                request_headers.append((b"If-None-Match", etag.encode("latin-1", "replace")))
            if last_modified:
                request_headers.append((b"If-Modified-Since", last_modified.encode("latin-1", "replace")))
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise httpcore.ReadTimeout("deadline reached")
            request_headers.insert(0, (b"Host", host))
            request = httpcore.Request(b"GET", target_url, headers=request_headers, extensions={
                "timeout": {"connect": remaining, "read": remaining, "write": remaining, "pool": remaining}})
            origin = target_url.origin
            pin = _pinned.set((origin.host.decode("ascii"), origin.port, tuple(str(ip) for ip in checked))
                              if checked else None)
            try:
                response = client.handle_request(request)
            finally:
                _pinned.reset(pin)
            consumed = False
            try:
                status = response.status
                headers = _raw_headers(response)
                stream = response.extensions.get("network_stream")
                if stream is not None and not allow_private:
                    peer = stream.get_extra_info("server_addr")
                    netguard.check_peer(peer[0] if peer else None, allowed=allowed)
                if status in _REDIRECTS:
                    location = headers.get("location")
                    if not location:
                        return failure(f"HTTP {status} redirect without a Location header", status)
                    target = urljoin(current, location.strip())
                    hops += 1
                    if target in visited:
                        return failure(f"redirect loop at {target}", status)
                    if hops > MAX_REDIRECTS:
                        return failure(f"too many redirects (more than {MAX_REDIRECTS})", status)
                    visited.add(target)
                    if status in _PERMANENT and all_permanent:
                        permanent = target
                    else:
                        all_permanent = False
                    current = target
                    continue
                if status == 304:
                    return FetchResult(url, current, status, None, headers,
                                       headers.get("etag", etag),
                                       headers.get("last-modified", last_modified),
                                       not_modified=True, retry_after=_retry_after(headers),
                                       permanent_redirect=permanent)
                if status >= 400 or status < 200:
                    reason = response.extensions.get("reason_phrase", b"").decode("latin-1", "replace")
                    res = failure(f"HTTP {status} {reason}".strip(), status)
                    res.gone = status == 410
                    return res
                consumed = True  # read in full, or given up on: nothing to drain
                content = _read_body(response, headers, deadline=deadline, max_bytes=max_bytes)
                return FetchResult(url, current, status, content, headers,
                                   headers.get("etag"), headers.get("last-modified"),
                                   retry_after=_retry_after(headers), permanent_redirect=permanent)
            finally:
                if not consumed:
                    _drain(response, headers, deadline)
                response.close()
    except netguard.BlockedTarget as exc:
        return failure(str(exc), None)
    except netguard.ResolveTimeout:
        return failure(f"timed out resolving {urlsplit(current).hostname} "
                       f"(no answer within {timeout:g} s)", None)
    except _FetchError as exc:
        return failure(str(exc), exc.status if exc.status is not None else status)
    except httpx.InvalidURL as exc:
        return failure(f"invalid URL: {exc}", None)
    except httpcore.TimeoutException:
        return failure(f"timed out (no complete answer within {timeout:g} s)", None)
    except (httpcore.NetworkError, httpcore.ProtocolError, httpcore.UnsupportedProtocol) as exc:
        return failure(_describe_network_error(exc), None)
    except OSError as exc:
        return failure(f"network error: {exc}", None)
    except Exception as exc:  # noqa: BLE001 - a poller thread must survive any one feed
        return failure(f"unexpected error: {type(exc).__name__}: {exc}", None)


_DRAIN_MAX = 64 * 1024


def _drain(response: httpcore.Response, headers: dict[str, str], deadline: float) -> None:
    """Read what is left of a short body (a 304, a redirect, an error page) before closing.

    Closing a half-read response closes its connection, so every 304 of a round would pay a new
    TCP (and TLS) handshake; a drained one goes back to the keep-alive pool.  Long or unsized
    bodies are not worth it and are simply dropped with their connection.
    """
    length = headers.get("content-length", "0" if response.status in (204, 304) else "")
    if not length.isdigit() or int(length) > _DRAIN_MAX or time.monotonic() >= deadline:
        return
    try:
        for _ in response.iter_stream():
            if time.monotonic() >= deadline:
                return
    except Exception:  # noqa: BLE001 - draining is an optimisation; close() follows regardless
        return


@functools.lru_cache(maxsize=8192)
def _target(url: str) -> tuple[httpcore.URL, bytes]:
    """httpx's URL parsing (IDNA host names, percent-encoded paths: Arabic URLs are common),
    handed to httpcore as the parts it sends, with the Host header.  Cached: the poller asks
    for the same feed URLs every round."""
    u = httpx.URL(url)
    return httpcore.URL(scheme=u.raw_scheme, host=u.raw_host, port=u.port, target=u.raw_path), u.netloc


def _describe_network_error(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    if isinstance(exc, httpcore.ConnectError):
        return f"cannot connect: {text}"
    if isinstance(exc, httpcore.RemoteProtocolError):
        return f"connection broken: {text}"
    if isinstance(exc, httpcore.ReadError):
        return f"connection reset while reading: {text}"
    return f"network error: {text}"


def _raw_headers(response: httpcore.Response) -> dict[str, str]:
    """Response headers with lower-case keys, values decoded as latin-1 (byte-exact round trip)."""
    out: dict[str, str] = {}
    for key, value in response.headers:
        name = key.decode("latin-1").lower()
        text = value.decode("latin-1")
        out[name] = f"{out[name]}, {text}" if name in out and name != "set-cookie" else text
    return out


class _Decoder:
    """Content-Encoding decoder whose output never exceeds the byte cap (gzip bombs)."""

    def __init__(self, coding: str):
        self.coding = coding
        self._first = True
        self._obj = self._new()

    def _new(self):  # type: ignore[no-untyped-def]
        if self.coding in ("gzip", "x-gzip"):
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        if self.coding == "deflate":
            return zlib.decompressobj(zlib.MAX_WBITS)
        return None

    def feed(self, data: bytes, body: bytearray, max_bytes: int) -> None:
        if self._obj is None:
            body.extend(data)
            if len(body) > max_bytes:
                raise _TooLarge(f"response larger than {_human(max_bytes)}", 200)
            return
        buf = data
        while buf:
            room = max_bytes - len(body)
            try:
                out = self._obj.decompress(buf, room + 1)
            except zlib.error:
                if self.coding == "deflate" and self._first:
                    # Some servers send raw deflate without the zlib wrapper.
                    self._obj = zlib.decompressobj(-zlib.MAX_WBITS)
                    self._first = False
                    continue
                raise _FetchError(f"corrupt {self.coding} body", 200) from None
            self._first = False
            body.extend(out)
            if len(body) > max_bytes:
                raise _TooLarge(f"response larger than {_human(max_bytes)} once decompressed", 200)
            if self._obj.unconsumed_tail:
                buf = self._obj.unconsumed_tail
            elif self._obj.eof and self._obj.unused_data:
                buf = self._obj.unused_data  # a further gzip member
                self._obj = self._new()
            else:
                buf = b""


def _read_body(response: httpcore.Response, headers: dict[str, str], *, deadline: float,
               max_bytes: int) -> bytes:
    coding = headers.get("content-encoding", "identity").strip().lower()
    if coding not in ("identity", "", "gzip", "x-gzip", "deflate"):
        raise _FetchError(f"unsupported Content-Encoding {coding!r}", response.status)
    length = headers.get("content-length", "")
    if coding in ("identity", "") and length.isdigit() and int(length) > max_bytes:
        raise _TooLarge(f"response larger than {_human(max_bytes)} "
                        f"(Content-Length {int(length)})", response.status)
    decoder = _Decoder(coding)
    body = bytearray()
    for chunk in response.iter_stream():
        decoder.feed(chunk, body, max_bytes)
        if time.monotonic() > deadline:
            # A trickling server delivers every chunk within the read timeout; the total deadline
            # is what frees the worker.
            raise httpcore.ReadTimeout("deadline reached while reading")
    return bytes(body)


def _human(n: int) -> str:
    return f"{n / 2**20:g} MiB" if n >= 2**20 else f"{n} bytes"


def parse_http_date(value: str) -> datetime | None:
    try:
        dt = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC)


def _retry_after(headers: dict[str, str], now: datetime | None = None) -> datetime | None:
    """The earliest time the server asks us to come back, from Retry-After and max-age."""
    now = now or datetime.now(UTC)
    candidates: list[datetime] = []
    value = headers.get("retry-after", "").strip()
    if value:
        if value.isdigit():
            # Clamp absurd values here; schedule applies the real ceiling.
            candidates.append(now + timedelta(seconds=min(int(value), 10**8)))
        else:
            dt = parse_http_date(value)
            if dt is not None:
                candidates.append(dt)
    cache_control = headers.get("cache-control", "").lower()
    if "no-cache" not in cache_control and "no-store" not in cache_control:
        match = _MAX_AGE.search(cache_control)
        if match:
            age = int(match.group(1))
            try:
                age -= int(headers.get("age", "0").strip() or 0)
            except ValueError:
                pass
            if age > 0:
                candidates.append(now + timedelta(seconds=min(age, 10**8)))
    return max(candidates) if candidates else None


def resolve_file_url(url: str, base_dir: Path | None) -> Path:
    """``file:samples/x.xml`` is relative to ``base_dir``; ``file:///abs/x.xml`` is absolute."""
    parts = urlsplit(url)
    raw = parts.path
    if parts.netloc and parts.netloc != "localhost":
        raw = parts.netloc + raw  # "file://samples/x.xml": read the host part as a folder
    path = Path(url2pathname(unquote(raw)))
    if not path.is_absolute():
        path = (base_dir or Path.cwd()) / path
    return path


def _fetch_file(url: str, *, etag: str | None, last_modified: str | None, max_bytes: int,
                base_dir: Path | None) -> FetchResult:
    path = resolve_file_url(url, base_dir)
    final = path.as_uri() if path.is_absolute() else url
    try:
        st = path.stat()
        # Validators from size and mtime, so an unchanged sample is not re-parsed every round.
        new_etag = f'"{st.st_size:x}-{st.st_mtime_ns:x}"'
        new_lm = email.utils.formatdate(st.st_mtime, usegmt=True)
        if etag is not None and etag == new_etag:
            return FetchResult(url, final, 304, None, {}, new_etag, new_lm, not_modified=True)
        if st.st_size > max_bytes:
            return FetchResult(url, final, None, None, {}, etag, last_modified,
                               error=f"file larger than {_human(max_bytes)}")
        with open(path, "rb") as fh:
            content = fh.read(max_bytes + 1)
        if len(content) > max_bytes:
            return FetchResult(url, final, None, None, {}, etag, last_modified,
                               error=f"file larger than {_human(max_bytes)}")
    except OSError as exc:
        return FetchResult(url, final, None, None, {}, etag, last_modified,
                           error=f"cannot read {path}: {exc.strerror or exc}")
    headers = {"content-type": _guess_type(path), "content-length": str(len(content))}
    return FetchResult(url, final, 200, content, headers, new_etag, new_lm)


def _guess_type(path: Path) -> str:
    ext = os.path.splitext(path.name)[1].lower()
    return {".atom": "application/atom+xml", ".rss": "application/rss+xml"}.get(ext, "application/xml")
