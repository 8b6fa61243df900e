"""Webhooks over real HTTP: a receiver on 127.0.0.1 (tests/support/feedserver.py), a real database,
and for the restart real `factcheck worker` processes.

The outbox row is written in the event's transaction; the deliverer claims it under a lease,
POSTs it signed, and retries with a doubling wait; nothing is lost across a restart.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import func, select

from factcheck import deliverer
from factcheck.ingest.signed_post import sign, verify
from factcheck.store.db import transaction
from factcheck.store.models import User, Webhook, WebhookDelivery
from factcheck.store.pipeline import import_article, match_claim
from factcheck.store.review import StaleClaim, create_user, decide, decide_many
from factcheck.store.webhooks import (LEASE, WebhookError, claim_due, create_hook, record, remove_hook,
                                      retry_delay)

from .support.feedserver import FeedServer, Reply
from .support.openapi import checked_delivery
from .web import data


def _hook(factory, url: str, events=("claim.decided",), allow_private: bool = True) -> tuple[int, str]:
    with transaction(factory) as s:
        row, secret = create_hook(s, url, list(events), allow_private=allow_private)
        return row.id, secret


def _claim(factory, text: str = "The bridge reopens on Monday.") -> int:
    with transaction(factory) as s:
        user = s.scalar(select(User).where(User.name == "rana")) or create_user(s, "rana", "long password 1")
        c = data.claim(s, "Outlet A", text)
        s.flush()
        assert user.id
        return c.id


def _decide(factory, claim_id: int, status: str = "disputed", note: str = "the ministry says Tuesday"):
    with transaction(factory) as s:
        decide(s, claim_id, s.scalar(select(User).where(User.name == "rana")), status, note)


def _deliveries(factory) -> list[WebhookDelivery]:
    with factory() as s:
        return list(s.scalars(select(WebhookDelivery).order_by(WebhookDelivery.id)))


def _deliver_until(factory, settings, done, timeout: float = 20.0, **kw) -> list:
    """Delivery passes, as the background loop makes them, until ``done()`` or the timeout."""
    sent = []
    deadline = time.monotonic() + timeout
    while not done():
        assert time.monotonic() < deadline, f"not done after {timeout} s: {sent}"
        sent += deliverer.deliver_due(factory, settings, **kw)
        time.sleep(0.05)
    return sent


def test_a_receiver_failing_twice_gets_the_third_attempt_once_with_a_valid_signature(factory, settings):
    settings.webhook_retry_seconds = 0.3
    with FeedServer() as receiver:
        receiver.route("/hook", Reply(500, body="down"), Reply(503, body="still down"), Reply(204))
        hook_id, secret = _hook(factory, receiver.url("/hook"))
        cid = _claim(factory)
        _decide(factory, cid)
        [queued] = _deliveries(factory)
        assert (queued.state, queued.attempts, queued.event) == ("pending", 0, "claim.decided")

        started = time.monotonic()
        sent = _deliver_until(factory, settings, lambda: _deliveries(factory)[0].state == "delivered")
        assert [(x.status, x.state) for x in sent] == [(500, "pending"), (503, "pending"), (204, "delivered")]
        assert sent[1].error == "HTTP 503 Service Unavailable: still down", "the receiver's answer says why"
        # The waits double: 0.3 s after the first failure, 0.6 s after the second.
        assert time.monotonic() - started >= 0.9
        time.sleep(0.5)
        assert deliverer.deliver_due(factory, settings) == [], "a delivered event is never sent again"
        requests = receiver.requests_for("/hook")
        assert len(requests) == 3, "two failures, then the third arrives, exactly once"

    for r in requests:
        assert r.method == "POST" and r.headers["content-type"] == "application/json"
        assert r.headers["x-factcheck-event"] == "claim.decided"
        assert verify(secret, r.headers["x-factcheck-timestamp"], r.body, r.headers["x-factcheck-signature"])
    assert len({r.headers["x-factcheck-delivery"] for r in requests}) == 1, "retries carry the same delivery id"
    assert len({r.body for r in requests}) == 1, "retries send the same bytes"
    third = requests[2]
    assert not verify("whsec_another", third.headers["x-factcheck-timestamp"], third.body,
                      third.headers["x-factcheck-signature"]), "another secret's signature does not verify"
    assert not verify(secret, third.headers["x-factcheck-timestamp"], third.body + b" ",
                      third.headers["x-factcheck-signature"]), "a changed body does not verify"
    assert _readme_verifier()(secret, httpx.Headers(third.headers), third.body), "the README's check passes"
    assert not _readme_verifier()(secret, httpx.Headers(third.headers), third.body[:-1])
    body = checked_delivery(third)
    assert body["event"] == "claim.decided" and body["id"] == third.headers["x-factcheck-delivery"]
    assert body["data"]["claim"]["id"] == cid and body["data"]["claim"]["status"] == "disputed"
    assert body["data"]["claim"]["article"]["source"] == "Outlet A"
    assert body["data"]["decision"]["editor"] == "rana"
    assert body["data"]["decision"]["note"] == "the ministry says Tuesday"
    assert body["data"]["decision"]["previous_status"] == "pending"
    [done] = _deliveries(factory)
    assert (done.state, done.attempts, done.last_status, done.last_error) == ("delivered", 3, 204, None)
    assert done.webhook_id == hook_id and done.delivered_at is not None and done.lease_owner is None


def _readme_verifier():
    """The receiver's check as the README's Webhooks section writes it (run, not copied)."""
    from factcheck.config import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Webhooks", 1)[1]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    scope: dict = {}
    exec(compile(code, "README.md", "exec"), scope)  # noqa: S102 - the project's own README
    return scope["verified"]


def test_the_signature_is_hmac_sha256_over_the_timestamp_and_the_body():
    import hashlib
    import hmac

    body = '{"a": "ترامب"}'.encode()
    expected = hmac.new(b"whsec_k", b"1700000000." + body, hashlib.sha256).hexdigest()
    assert sign("whsec_k", 1700000000, body) == "sha256=" + expected
    assert verify("whsec_k", "1700000000", body, "sha256=" + expected, now=1700000100)
    assert not verify("whsec_k", "1700000000", body, "sha256=" + expected, now=1700000000 + 301), "too old: a replay"
    assert not verify("whsec_k", "soon", body, "sha256=" + expected)


def test_a_receiver_on_a_private_address_is_refused_unless_allowed(factory, settings):
    settings.webhook_retry_seconds = 0.1
    with FeedServer() as receiver:
        receiver.route("/hook", Reply(200))
        url = receiver.url("/hook")
        for where in (url, "http://10.1.2.3/hook", "http://169.254.169.254/latest", "http://[::1]:8080/x",
                      "http://[::ffff:127.0.0.1]/x", "http://localhost/x"):
            with pytest.raises(WebhookError, match="refused: .* (loopback|private|link-local|metadata|IPv4-mapped)"):
                _hook(factory, where, allow_private=False)
        with factory() as s:
            assert s.scalar(select(func.count()).select_from(Webhook)) == 0, "a refused hook is not stored"

        # Allowed (FACTCHECK_ALLOW_PRIVATE_NETWORKS), then the setting goes: delivery checks again.
        _hook(factory, url, allow_private=True)
        _decide(factory, _claim(factory))
        settings.allow_private_networks = False
        [attempt] = deliverer.deliver_due(factory, settings)
        assert attempt.status is None and attempt.state == "pending"
        assert "refused: 127.0.0.1 resolves to 127.0.0.1, a loopback address" in attempt.error
        assert "FACTCHECK_ALLOW_PRIVATE_NETWORKS" in attempt.error, "the refusal says how to allow it"
        assert receiver.requests_for("/hook") == [], "nothing was sent to the private address"

        settings.allow_private_networks = True
        sent = _deliver_until(factory, settings, lambda: _deliveries(factory)[0].state == "delivered")
        assert sent[-1].status == 200 and len(receiver.requests_for("/hook")) == 1


@pytest.mark.parametrize("url, needle", [
    ("ftp://hooks.example/x", "must start with http"), ("hooks.example/x", "must start with http"),
    ("http:///nohost", "must start with http"), ("http://192.0.2.1:99999/x", "bad URL"),
    ("http://192.0.2.1/a b", "spaces"), ("http://192.0.2.1/" + "x" * 2000, "limited to 2000"),
])
def test_bad_urls_and_events_are_refused_naming_the_problem(factory, url, needle):
    with pytest.raises(WebhookError, match=needle):
        _hook(factory, url)
    with pytest.raises(WebhookError, match="unknown event 'claim.deleted'"):
        _hook(factory, "http://192.0.2.1/x", events=("claim.deleted",))
    with pytest.raises(WebhookError, match="choose at least one event"):
        _hook(factory, "http://192.0.2.1/x", events=())


def test_a_redirect_is_a_failed_delivery_never_followed(factory, settings):
    with FeedServer() as receiver:
        receiver.route("/old", Reply(308, location="/new"))
        receiver.route("/new", Reply(200))
        _hook(factory, receiver.url("/old"))
        _decide(factory, _claim(factory))
        [attempt] = deliverer.deliver_due(factory, settings)
        assert attempt.status == 308 and "redirects are not followed (to /new)" in attempt.error
        assert receiver.requests_for("/new") == []


def test_a_rolled_back_decision_queues_nothing(factory, settings):
    _hook(factory, "http://192.0.2.1/hook")
    cid = _claim(factory)
    with pytest.raises(RuntimeError):
        with transaction(factory) as s:
            decide(s, cid, s.scalar(select(User).where(User.name == "rana")), "disputed")
            raise RuntimeError("the request failed after the decision")
    assert _deliveries(factory) == []
    # A bulk decision's stale item is rolled back to its savepoint with its event; the other is queued.
    other = _claim(factory, "Schools close for the winter holiday.")
    with transaction(factory) as s:
        done, problems = decide_many(s, [cid, other], s.scalar(select(User).where(User.name == "rana")),
                                     "corroborated", versions={cid: 99})
    assert len(done) == 1 and len(problems) == 1
    [queued] = _deliveries(factory)
    assert json.loads(queued.body)["data"]["claim"]["id"] == other
    with pytest.raises(StaleClaim):
        with transaction(factory) as s:
            decide(s, cid, s.scalar(select(User).where(User.name == "rana")), "disputed", expected_version=7)
    assert len(_deliveries(factory)) == 1


def test_each_hook_hears_only_its_events_and_a_removed_hook_nothing(factory, settings):
    decisions, _ = _hook(factory, "http://192.0.2.1/decisions", events=("claim.decided",))
    conflicts, _ = _hook(factory, "http://192.0.2.1/conflicts", events=("claim.conflict",))
    _decide(factory, _claim(factory))
    assert [(d.webhook_id, d.event) for d in _deliveries(factory)] == [(decisions, "claim.decided")]
    with transaction(factory) as s:
        remove_hook(s, decisions)
        with pytest.raises(WebhookError, match="does not exist"):
            remove_hook(s, 12345)
    assert _deliveries(factory) == [], "its deliveries went with it"
    _decide(factory, _claim(factory, "Schools close."))
    assert _deliveries(factory) == [] and conflicts


def test_a_new_conflicting_match_is_an_event_and_matching_again_is_not(factory, settings):
    with FeedServer() as receiver:
        receiver.route("/conflicts", Reply(200))
        hook_id, secret = _hook(factory, receiver.url("/conflicts"), events=("claim.conflict",))
        with transaction(factory) as s:
            import_article(s, settings, source="Outlet A", language="en", url="https://a.example/1",
                           text='The mayor said: "The bridge will reopen on Monday, 10 November 2025."')
        assert _deliveries(factory) == [], "one outlet alone conflicts with no one"
        with transaction(factory) as s:
            art, _ = import_article(s, settings, source="Outlet B", language="en", url="https://b.example/1",
                                    text='The mayor said: "The bridge will reopen on Tuesday, 11 November 2025."')
            new_ids = [c.id for c in art.claims]
        sent = deliverer.deliver_due(factory, settings)
        assert sent and all(x.state == "delivered" for x in sent)
        received = receiver.requests_for("/conflicts")
    assert len(received) == len(sent)
    events = [checked_delivery(r) for r in received]
    assert all(verify(secret, r.headers["x-factcheck-timestamp"], r.body, r.headers["x-factcheck-signature"])
               for r in received)
    assert all(e["event"] == "claim.conflict" for e in events)
    pairs = {(e["data"]["claim"]["id"], e["data"]["other"]["id"]) for e in events}
    assert len(pairs) == len(events), "one event per conflicting pair"
    first = events[0]["data"]
    assert first["claim"]["id"] in new_ids, "the event is the new claim's, the other the earlier report"
    assert first["claim"]["article"]["source"] == "Outlet B" and first["other"]["article"]["source"] == "Outlet A"
    assert first["match"]["relation"] == "conflicts" and first["match"]["score"] > 0 and first["match"]["reason"]
    assert all(d.webhook_id == hook_id for d in _deliveries(factory))

    n = len(events)
    with transaction(factory) as s:  # "Match again": the same conflicts, nothing new to tell
        from factcheck.store.models import Claim

        for cid in new_ids:
            match_claim(s, s.get(Claim, cid), settings)
    assert len(_deliveries(factory)) == n


def test_two_workers_never_send_one_delivery_twice(factory, settings):
    settings.webhook_retry_seconds = 0.05
    with FeedServer(latency=0.01) as receiver:
        # Every third request fails once, so retries race the others too.
        receiver.route("/hook", lambda req, n: Reply(500 if n % 3 == 0 else 200))
        _hook(factory, receiver.url("/hook"))
        claims = [_claim(factory, f"Claim number {i} was made.") for i in range(24)]
        for cid in claims:
            _decide(factory, cid)
        stop = threading.Event()

        def work(owner: str) -> None:
            while not stop.is_set():
                deliverer.deliver_due(factory, settings, owner=owner)
                time.sleep(0.01)

        workers = [threading.Thread(target=work, args=(f"worker-{i}",)) for i in range(2)]
        for w in workers:
            w.start()
        try:
            deadline = time.monotonic() + 60
            while any(d.state != "delivered" for d in _deliveries(factory)):
                assert time.monotonic() < deadline, [(d.id, d.state, d.attempts) for d in _deliveries(factory)]
                time.sleep(0.05)
        finally:
            stop.set()
            for w in workers:
                w.join(30)
        ok = [r for r in receiver.requests_for("/hook") if r.n % 3 != 0]
    ids = [r.headers["x-factcheck-delivery"] for r in ok]
    assert len(ids) == len(set(ids)) == len(claims), "each delivery arrived once"


def test_a_lease_expires_and_another_worker_takes_the_delivery_over(factory, settings):
    _hook(factory, "http://192.0.2.1/hook")
    _decide(factory, _claim(factory))
    [held] = claim_due(factory, "dead-worker")
    assert claim_due(factory, "live-worker") == [], "held by a live lease"
    from factcheck.store.models import utcnow

    later = utcnow() + LEASE + timedelta(seconds=1)
    [taken] = claim_due(factory, "live-worker", now=later)
    assert taken.id == held.id
    assert record(factory, held, "dead-worker", status=200, error=None, settings=settings) is None, \
        "the dead worker's late outcome is not recorded over the new holder's lease"
    assert record(factory, taken, "live-worker", status=200, error=None, settings=settings, now=later) == "delivered"


def test_the_wait_doubles_to_its_cap_and_the_last_attempt_gives_up(factory, settings):
    settings.webhook_retry_seconds, settings.webhook_retry_max_seconds, settings.webhook_attempts = 30, 3600, 3
    assert [retry_delay(n, settings).total_seconds() for n in (1, 2, 3, 7, 8, 200)] == [30, 60, 120, 1920, 3600, 3600]
    _hook(factory, "http://192.0.2.1/hook")
    _decide(factory, _claim(factory))
    from factcheck.store.models import utcnow

    now = utcnow()
    for attempt in range(3):
        [due] = claim_due(factory, "w", now=now)
        state = record(factory, due, "w", status=503, error="HTTP 503", settings=settings, now=now)
        now += timedelta(hours=2)
    assert state == "failed"
    [gone] = _deliveries(factory)
    assert (gone.state, gone.attempts, gone.last_status) == ("failed", 3, 503)
    assert claim_due(factory, "w", now=now + timedelta(days=1)) == [], "a failed delivery is not tried again"


def _worker_env(tmp_path, settings, **extra) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTCHECK_")}
    (tmp_path / "worker-feeds.yaml").write_text("[]\n")
    env.update(FACTCHECK_INSTANCE=str(settings.instance), FACTCHECK_FEEDS=str(tmp_path / "worker-feeds.yaml"),
               FACTCHECK_DATABASE_URL=settings.database_url, FACTCHECK_ALLOW_PRIVATE_NETWORKS="1",
               FACTCHECK_PARSE_PROCESSES="0", FACTCHECK_SECRET_KEY="test-secret", **extra)
    return env


def _wait_for(check, timeout: float, what: str, proc=None) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert proc is None or proc.poll() is None, f"the worker died: {proc.returncode}"
        assert time.monotonic() < deadline, f"not within {timeout} s: {what}"
        time.sleep(0.05)


@pytest.mark.slow
def test_a_restart_between_retries_loses_nothing(tmp_path, factory, settings):
    """`factcheck worker` sends the first attempt and dies (SIGKILL); a new worker process on the same
    database sends the second and the third, which arrives once."""
    env = _worker_env(tmp_path, settings, FACTCHECK_WEBHOOK_RETRY_SECONDS="3")
    with FeedServer() as receiver:
        receiver.route("/hook", Reply(500), Reply(502), Reply(200))
        _, secret = _hook(factory, receiver.url("/hook"))
        _decide(factory, _claim(factory))

        first = subprocess.Popen([sys.executable, "-m", "factcheck", "worker"], env=env, cwd=tmp_path,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            _wait_for(lambda: _deliveries(factory)[0].attempts == 1, 60, "the first attempt recorded", first)
        finally:
            first.kill()
            first.wait(10)
        [between] = _deliveries(factory)
        assert (between.state, between.attempts, between.last_status) == ("pending", 1, 500)
        assert len(receiver.requests_for("/hook")) == 1

        second = subprocess.Popen([sys.executable, "-m", "factcheck", "worker"], env=env, cwd=tmp_path,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            _wait_for(lambda: _deliveries(factory)[0].state == "delivered", 60, "delivered by the new worker", second)
            time.sleep(1.0)
            second.send_signal(signal.SIGTERM)
            assert second.wait(30) == 0, second.stderr.read().decode()[-2000:]
        finally:
            if second.poll() is None:
                second.kill()
        requests = receiver.requests_for("/hook")
    assert len(requests) == 3, "the first process's attempt, then the new one's two: nothing lost, nothing twice"
    assert len({r.headers["x-factcheck-delivery"] for r in requests}) == 1
    last = requests[-1]
    assert verify(secret, last.headers["x-factcheck-timestamp"], last.body, last.headers["x-factcheck-signature"])
    assert checked_delivery(last)["event"] == "claim.decided"
    [done] = _deliveries(factory)
    assert (done.state, done.attempts, done.last_status) == ("delivered", 3, 200)
