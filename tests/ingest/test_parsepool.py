"""Parsing in child processes: same results as in the poller, and no poll lost to a dying child."""
from __future__ import annotations

import os
import signal

import pytest

from factcheck.ingest.parse import parse_feed
from factcheck.ingest.parsepool import ParsePool
from tests.ingest.docs import item, rss

BODY = rss(item("عنوان الخبر", guid="g1", link="http://x.example/1", body="<p>قال الوزير إن الوضع مستقر.</p>"),
           item("Second <b>story</b>", guid="g2", link="http://x.example/2",
                body="<p>Hello<script>alert(1)</script> world</p>"),
           extra="<ttl>90</ttl>").encode("utf-8")
HEADERS = {"content-type": "application/rss+xml; charset=utf-8"}


def _children(pool: ParsePool) -> list[int]:
    return [p.pid for p in pool._executor._processes.values()]  # noqa: SLF001 - the test kills them


def _same(a, b) -> None:
    assert a.error is None and b.error is None
    assert a.ttl_minutes == b.ttl_minutes == 90
    assert [(e.guid, e.title, e.text, e.html, e.content_hash) for e in a.entries] == \
           [(e.guid, e.title, e.text, e.html, e.content_hash) for e in b.entries]


def test_a_child_parses_like_the_poller_and_sanitises():
    with ParsePool(1) as pool:
        got = pool.parse(BODY, HEADERS, "http://x.example/feed.xml")
        assert _children(pool) and all(pid != os.getpid() for pid in _children(pool))
    _same(got, parse_feed(BODY, HEADERS, "http://x.example/feed.xml"))
    assert "<script>" not in got.entries[1].html and "alert" not in got.entries[1].text


def test_a_killed_child_loses_no_poll(caplog):
    with ParsePool(1) as pool:
        pool.parse(BODY, HEADERS)
        for pid in _children(pool):
            os.kill(pid, signal.SIGKILL)
        # The call that meets the dead child still returns the parsed feed (parsed here) ...
        _same(pool.parse(BODY, HEADERS), parse_feed(BODY, HEADERS))
        assert "a parse process died" in caplog.text
        # ... and a fresh child serves the next one.
        _same(pool.parse(BODY, HEADERS), parse_feed(BODY, HEADERS))
        assert _children(pool)


def test_a_parse_over_the_deadline_is_a_feed_error_and_the_pool_recovers():
    with ParsePool(1, timeout=1e-4) as pool:
        stuck = pool.parse(BODY, HEADERS)
        assert stuck.entries == [] and "could not be parsed within" in stuck.error
        pool.timeout = 60
        _same(pool.parse(BODY, HEADERS), parse_feed(BODY, HEADERS))


def test_a_closed_pool_refuses_work():
    pool = ParsePool(1)
    pool.close()
    with pytest.raises(RuntimeError):
        pool.parse(BODY, HEADERS)


def test_children_exit_when_the_poller_is_killed(tmp_path):
    """systemd's stop (SIGTERM) or an OOM kill leaves no parse process behind."""
    import subprocess
    import sys
    import time

    script = tmp_path / "poller.py"
    script.write_text(
        "import sys\n"
        "from factcheck.ingest.parsepool import ParsePool\n"
        "if __name__ == '__main__':\n"
        "    pool = ParsePool(1)\n"
        "    pool.parse(sys.argv[1].encode())\n"
        "    print(*[p.pid for p in pool._executor._processes.values()], flush=True)\n"
        "    sys.stdin.read()\n")
    for sig in (signal.SIGTERM, signal.SIGKILL):
        proc = subprocess.Popen([sys.executable, str(script), BODY.decode()], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, text=True)
        children = [int(pid) for pid in proc.stdout.readline().split()]
        assert children
        proc.send_signal(sig)
        proc.wait(10)
        deadline = time.monotonic() + 10
        alive = children
        while alive and time.monotonic() < deadline:
            time.sleep(0.2)
            alive = [pid for pid in children if _running(pid)]
        assert not alive, f"parse processes {alive} outlived a poller stopped by {sig!r}"


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(")")[-1].split()[0] != "Z"  # a zombie has exited
    except FileNotFoundError:
        return False
