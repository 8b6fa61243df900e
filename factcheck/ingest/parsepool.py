"""Parse fetched feed bodies in a child process, beside the poller's threads.

Parsing (feedparser, the HTML sanitiser, text extraction) is pure CPU.  In the poller's process
it holds the GIL that dozens of threads need for their network I/O and database work, so a round
of changed feeds ran on one core however many the machine had.  A ``ParsePool`` moves that work
to other processes; everything else stays where it was.

What a caller can count on:

- ``parse`` returns what ``parse_feed`` would, or raises nothing more than it would: a child that
  dies (killed, out of memory) is replaced and the body is parsed again in the calling process, so
  no poll is lost to it;
- a body a child cannot finish within ``timeout`` seconds (parse_feed bounds entity expansion,
  this is the backstop for whatever else could run away) becomes an error of that feed, and the
  stuck child is terminated and replaced;
- a child exits within a second of its poller, even one killed without a chance to clean up;
- children start on first use, with ``spawn`` (never ``fork`` from a process full of threads);
  where they cannot start at all, bodies are parsed in the calling process, as without a pool.
"""
from __future__ import annotations

import logging
import multiprocessing as mp
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool

from .parse import ParsedFeed, parse_feed

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 30.0


def _exit_with_parent(parent: int) -> None:
    """In each child: exit when the poller does, however it ended.

    A child waits on a queue it also holds the writing end of, so it would never notice a parent
    killed by SIGTERM or SIGKILL (no clean shutdown) and would linger for good.
    """
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


class ParsePool:
    def __init__(self, processes: int, *, timeout: float = DEFAULT_TIMEOUT) -> None:
        self.processes = max(1, processes)
        self.timeout = timeout
        self._lock = threading.Lock()
        self._executor: ProcessPoolExecutor | None = None
        self._closed = False
        self._unavailable = False  # children could not be started at all
        # At most one body per child in flight: the timeout then measures a parse, not a queue.
        self._slots = threading.BoundedSemaphore(self.processes)

    def _pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._closed:
                raise RuntimeError("parse pool is closed")
            if self._executor is None:
                self._executor = ProcessPoolExecutor(self.processes, mp_context=mp.get_context("spawn"),
                                                     initializer=_exit_with_parent, initargs=(os.getpid(),))
            return self._executor

    def _replace(self, broken: ProcessPoolExecutor, *, kill: bool) -> None:
        """Drop a broken or stuck executor; the next call starts a fresh one."""
        with self._lock:
            if self._executor is not broken:
                return  # another thread already replaced it
            self._executor = None
        if kill:
            # A child stuck in C code ignores everything but a signal.
            for proc in list(getattr(broken, "_processes", {}).values()):
                proc.terminate()
        broken.shutdown(wait=False, cancel_futures=True)

    def start(self) -> ParsePool:
        """Start the children now (they take a fraction of a second to import the parser), so that
        the first bodies of a round do not wait for them."""
        if not self._unavailable:
            try:
                executor = self._pool()
                for _ in range(self.processes):
                    executor.submit(int)
            except Exception:  # noqa: BLE001 - same fallback as in _parse
                log.exception("cannot start parse processes; parsing in the poller instead")
                self._unavailable = True
        return self

    def parse(self, content: bytes, headers: dict[str, str] | None = None,
              url: str | None = None) -> ParsedFeed:
        with self._slots:
            return self._parse(content, headers, url)

    def _parse(self, content: bytes, headers: dict[str, str] | None, url: str | None) -> ParsedFeed:
        if self._unavailable:
            return parse_feed(content, headers, url)
        executor = self._pool()
        try:
            future = executor.submit(parse_feed, content, dict(headers or {}), url)
        except BrokenProcessPool:
            self._replace(executor, kill=False)
            return parse_feed(content, headers, url)
        except Exception:  # noqa: BLE001 - children cannot start here: parse in this process from now on
            log.exception("cannot start parse processes; parsing in the poller instead")
            self._unavailable = True
            return parse_feed(content, headers, url)
        try:
            return future.result(timeout=self.timeout)
        except FutureTimeout:
            log.error("parsing %s took more than %g s: child process replaced", url, self.timeout)
            self._replace(executor, kill=True)
            return ParsedFeed(None, [], None, True,
                              f"feed could not be parsed within {self.timeout:g} s")
        except BrokenProcessPool:
            log.warning("a parse process died; parsing %s here and starting a new one", url)
            self._replace(executor, kill=False)
            return parse_feed(content, headers, url)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> ParsePool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
