"""A name server that never answers must not hold a fetch past its deadline.

``socket.getaddrinfo`` takes no timeout: with a stalled resolver it waits out the resolver's own
retries (tens of seconds), and a poller or page worker thread waits with it. There is no DNS server
here to stall, so, as in test_netguard_hardening, made-up ``.test`` names are answered by a stand-in
for ``socket.getaddrinfo`` (the one function where both the address check and the HTTP client learn a
name's addresses): ``stall.test`` never answers until the test ends, ``gone.test`` is at once
unknown, other ``.test`` names answer 127.0.0.1 at once. Everything else is real: the HTTP server on 127.0.0.1, the client, the clock.
"""
from __future__ import annotations

import socket
import threading
import time

import pytest

from factcheck.ingest import netguard
from factcheck.ingest.fetch import fetch_feed
from factcheck.ingest.signed_post import post_signed
from factcheck.store import webhooks
from tests.ingest.docs import numbered

LOCAL = ["127.0.0.1/32"]


@pytest.fixture
def stalled_resolver(monkeypatch):
    real = socket.getaddrinfo
    release = threading.Event()
    asked: list[str] = []

    def getaddrinfo(host, port, *args, **kwargs):
        if isinstance(host, str) and host.endswith(".test"):
            asked.append(host)
            if host.startswith("stall."):
                release.wait(60)
                raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
            if host.startswith("gone."):
                raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
            return real("127.0.0.1", port, *args, **kwargs)
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    getaddrinfo.asked = asked
    yield getaddrinfo
    release.set()  # the lookups given up on end now, not at the resolver's leisure


@pytest.mark.parametrize("allow_private", [False, True], ids=["checked", "allow_private"])
def test_a_feed_whose_name_never_resolves_fails_within_its_timeout(feed_server, stalled_resolver,
                                                                   allow_private):
    feed_server.feed("/a.xml", numbered(1))
    started = time.monotonic()
    res = fetch_feed(f"http://stall.test:{feed_server.port}/a.xml", timeout=1.0,
                     allow_private=allow_private, allowed_networks=LOCAL)
    took = time.monotonic() - started
    assert took < 3.0, f"the fetch waited {took:.1f} s on a resolver that never answers"
    assert res.error and "timed out" in res.error, res.error
    assert res.content is None
    assert "stall.test" in stalled_resolver.asked
    assert feed_server.requests == []


def test_the_refusal_says_it_was_the_name_that_did_not_answer(feed_server, stalled_resolver):
    res = fetch_feed(f"http://stall.test:{feed_server.port}/a.xml", timeout=0.5, allowed_networks=LOCAL)
    assert res.error.startswith("timed out resolving stall.test"), res.error


@pytest.mark.parametrize("allow_private", [False, True], ids=["checked", "allow_private"])
def test_a_name_that_answers_is_still_fetched_through_the_bounded_lookup(feed_server, stalled_resolver,
                                                                        allow_private):
    feed_server.feed("/a.xml", numbered(2))
    res = fetch_feed(f"http://news.quick.test:{feed_server.port}/a.xml", timeout=5,
                     allow_private=allow_private, allowed_networks=LOCAL)
    assert res.error is None, res.error
    assert res.status == 200 and b"Story 1" in res.content
    assert "news.quick.test" in stalled_resolver.asked


def test_a_name_that_does_not_exist_is_still_a_refusal_at_once(stalled_resolver):
    started = time.monotonic()
    with pytest.raises(netguard.BlockedTarget, match="cannot resolve"):
        netguard.check_url("http://gone.test/feed.xml", timeout=5)
    assert time.monotonic() - started < 1


def test_a_webhook_delivery_to_a_name_that_never_resolves_gives_up_in_time(stalled_resolver):
    started = time.monotonic()
    res = post_signed("http://stall.test:9/hook", b"{}", secret="s", timeout=1.0, allowed_networks=LOCAL)
    assert time.monotonic() - started < 3.0
    assert not res.ok and res.error.startswith("timed out resolving stall.test"), res.error


def test_adding_a_webhook_whose_name_never_resolves_is_refused_in_time(stalled_resolver, monkeypatch):
    monkeypatch.setattr(webhooks, "DEFAULT_TIMEOUT", 0.5)
    started = time.monotonic()
    with pytest.raises(webhooks.WebhookError, match="cannot resolve stall.test: no answer within 0.5 s"):
        webhooks.check_target("http://stall.test/hook", allow_private=False)
    assert time.monotonic() - started < 3.0
