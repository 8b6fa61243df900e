"""Fetching article pages politely: per-host limits, Retry-After, robots.txt, a clear User-Agent.

Every page goes through ``fetch.fetch_feed``, the feeds' own guarded fetcher (private addresses
refused on every hop, size cap, total deadline, bounded redirects).  On top of it:

- at most ``per_host`` requests at a time to one host, and ``min_delay`` seconds between the
  starts of two requests to it (``HostLimiter``, shared by every thread of the process);
- a host that answered 429 or 503 with ``Retry-After`` gets nothing more before that time: its
  pages fail with that reason, and a later poll tries them again;
- robots.txt is read once an hour per host and obeyed for the agent ``factcheck`` (RFC 9309: a
  robots.txt that is missing (4xx) allows everything, one that cannot be read (5xx, network)
  allows nothing for now); ``robots=False`` turns this off for a desk that has the publisher's leave;
- only HTML is extracted: a PDF, an image or anything else is refused with its type.

No database here: ``PageFetcher.fetch`` returns a ``PageResult``, and polling stores it.
"""
from __future__ import annotations

import os
import threading
import time
import urllib.robotparser
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

from . import fetch as fetchmod
from .fulltext import PageText, extract_page

ACCEPT_HTML = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"
ROBOTS_TTL = 3600.0
DEFAULT_ORG_URL = "http://127.0.0.1:5000/"  # as factcheck.export.config's default for FACTCHECK_ORG_URL
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def user_agent(org_url: str | None = None) -> str:
    """``factcheck/0.1 (+<the desk's URL>; editorial fact-checking)``: who is asking, and where to write."""
    org = (org_url or os.environ.get("FACTCHECK_ORG_URL") or DEFAULT_ORG_URL).strip()
    org = "".join(ch for ch in org if 32 < ord(ch) < 127)  # header-safe
    return f"factcheck/0.1 (+{org}; editorial fact-checking)"


@dataclass
class FullTextConfig:
    """How article pages are fetched (``default_config`` makes it from the settings)."""

    per_host: int = 2  # requests at a time to one host
    min_delay: float = 1.0  # seconds between two request starts to one host
    robots: bool = True  # obey robots.txt
    timeout: float = 20.0  # seconds for one page, in total
    max_bytes: int = 5 * 2**20
    max_per_poll: int = 30  # pages fetched for one feed's poll (the rest wait for the next)
    max_attempts: int = 3  # a page that failed this often is not tried again
    threads: int = 4  # pages of one feed's poll fetched at once (the per-host limit still holds)
    allowed_networks: tuple[str, ...] = ()  # CIDRs opened for pages, as for feeds (fetch_feed)
    user_agent: str = field(default_factory=user_agent)
    limiter: HostLimiter = field(default_factory=lambda: HostLimiter(2, 1.0))

    def __post_init__(self) -> None:
        if self.limiter.per_host != self.per_host or self.limiter.min_delay != self.min_delay:
            self.limiter = HostLimiter(self.per_host, self.min_delay)



_configs: dict[tuple[int, float, bool], FullTextConfig] = {}
_configs_lock = threading.Lock()


def default_config(per_host: int = 2, min_delay: float = 1.0, robots: bool = True) -> FullTextConfig:
    """The process's configuration for these settings (``Settings.fulltext_*``, from
    FACTCHECK_FULLTEXT_* in the environment), made once: its limiter is shared by every poller thread."""
    key = (per_host, min_delay, robots)
    with _configs_lock:
        config = _configs.get(key)
        if config is None:
            config = _configs[key] = FullTextConfig(per_host=per_host, min_delay=min_delay, robots=robots)
        return config


class HostLimiter:
    """At most ``per_host`` requests at a time per host, starts ``min_delay`` apart, Retry-After kept."""

    def __init__(self, per_host: int, min_delay: float):
        self.per_host, self.min_delay = per_host, min_delay
        self._lock = threading.Lock()
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._next_start: dict[str, float] = {}
        self._blocked: dict[str, datetime] = {}

    def blocked_until(self, host: str) -> datetime | None:
        with self._lock:
            until = self._blocked.get(host)
            if until is not None and until <= datetime.now(UTC):
                del self._blocked[host]
                return None
            return until

    def block(self, host: str, until: datetime) -> None:
        with self._lock:
            self._blocked[host] = max(until, self._blocked.get(host, until))

    def slot(self, host: str) -> _Slot:
        with self._lock:
            sem = self._slots.setdefault(host, threading.BoundedSemaphore(self.per_host))
        return _Slot(self, host, sem)

    def _wait_turn(self, host: str) -> None:
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next_start.get(host, now))
            self._next_start[host] = start + self.min_delay
        if start > now:
            time.sleep(start - now)


class _Slot:
    def __init__(self, limiter: HostLimiter, host: str, sem: threading.BoundedSemaphore):
        self.limiter, self.host, self.sem = limiter, host, sem

    def __enter__(self) -> None:
        self.sem.acquire()
        try:
            self.limiter._wait_turn(self.host)
        except BaseException:
            self.sem.release()
            raise

    def __exit__(self, *exc: object) -> None:
        self.sem.release()


@dataclass
class PageResult:
    url: str
    final_url: str
    status: int | None = None
    page: PageText | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.page is not None


class PageFetcher:
    def __init__(self, config: FullTextConfig, *, allow_private: bool = False):
        self.config = config
        self.allow_private = allow_private
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser | None, str | None]] = {}
        self._robots_lock = threading.Lock()

    def _get(self, url: str, accept: str, max_bytes: int) -> fetchmod.FetchResult:
        host = _host(url)
        with self.config.limiter.slot(host):
            result = fetchmod.fetch_feed(url, timeout=self.config.timeout, max_bytes=max_bytes,
                                         allow_private=self.allow_private,
                                         allowed_networks=self.config.allowed_networks,
                                         accept=accept, user_agent=self.config.user_agent)
        if result.status in (429, 503) and result.retry_after is not None:
            self.config.limiter.block(host, result.retry_after)
        return result

    def robots_allow(self, url: str) -> str | None:
        """None when robots.txt lets factcheck fetch ``url``, else why not."""
        if not self.config.robots:
            return None
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
        with self._robots_lock:
            cached = self._robots.get(origin)
        if cached is None or time.monotonic() - cached[0] > ROBOTS_TTL:
            result = self._get(urljoin(origin, "/robots.txt"), "text/plain, */*;q=0.1", 512 * 1024)
            parser: urllib.robotparser.RobotFileParser | None = urllib.robotparser.RobotFileParser()
            problem = None
            if result.ok:
                parser.parse(result.content.decode("utf-8", "replace").splitlines())
            elif result.status is not None and 400 <= result.status < 500:
                parser.parse([])  # no robots.txt: everything allowed
            else:
                parser, problem = None, f"robots.txt of {origin} could not be read ({result.error})"
            cached = (time.monotonic(), parser, problem)
            with self._robots_lock:
                self._robots[origin] = cached
        _, parser, problem = cached
        if parser is None:
            return problem
        if not parser.can_fetch("factcheck", url):
            return f"robots.txt of {origin} disallows {urlsplit(url).path or '/'} for factcheck"
        return None

    def fetch(self, url: str) -> PageResult:
        """The page's main text, or the reason there is none.  Never raises for the page's trouble."""
        try:
            return self._fetch(url)
        except Exception as exc:  # noqa: BLE001 - one page must not stop the others
            return PageResult(url, url, error=f"internal error: {type(exc).__name__}: {exc}")

    def _fetch(self, url: str) -> PageResult:
        host = _host(url)
        until = self.config.limiter.blocked_until(host)
        if until is not None:
            return PageResult(url, url, error=f"{host} asked to wait (Retry-After) until {until:%Y-%m-%d %H:%M:%S} UTC")
        refused = self.robots_allow(url)
        if refused:
            return PageResult(url, url, error=refused)
        result = self._get(url, ACCEPT_HTML, self.config.max_bytes)
        if result.error or result.content is None:
            return PageResult(url, result.final_url, result.status, error=result.error or "no body")
        kind = result.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if kind and kind not in _HTML_TYPES:
            return PageResult(url, result.final_url, result.status, error=f"not an HTML page ({kind})")
        if not kind and not result.content.lstrip()[:1] == b"<":
            return PageResult(url, result.final_url, result.status, error="not an HTML page (no Content-Type)")
        page = extract_page(result.content, result.final_url)
        if page is None:
            return PageResult(url, result.final_url, result.status, error="no article text found on the page")
        return PageResult(url, result.final_url, result.status, page=page)

    def fetch_many(self, urls: Iterable[str]) -> list[PageResult]:
        """Fetch these pages, ``config.threads`` at a time (the per-host limit still holds)."""
        from concurrent.futures import ThreadPoolExecutor

        urls = list(urls)
        if len(urls) <= 1:
            return [self.fetch(u) for u in urls]
        with ThreadPoolExecutor(max_workers=min(self.config.threads, len(urls)),
                                thread_name_prefix="factcheck-page") as pool:
            return list(pool.map(self.fetch, urls))


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()
