"""SSRF hardening: IPv6 forms that carry an IPv4 address, and DNS rebinding between check and connect.

Real sockets on 127.0.0.1 throughout.  There is no DNS server here, so the rebinding tests stand
in for one by answering ``socket.getaddrinfo`` for made-up ``.test`` names (every other name,
IP literals included, goes to the real resolver); that one function is where both the check and
the HTTP client learn a name's addresses, so it is the narrowest place a rebinding resolver can
be played.
"""
from __future__ import annotations

import ipaddress
import shutil
import socket
import ssl
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from factcheck.ingest import netguard
from factcheck.ingest.fetch import fetch_feed, make_client
from tests.ingest.docs import numbered
from tests.support.feedserver import Reply

LOCAL = ["127.0.0.1/32"]  # the test server stands for the public site; 127.0.0.2 for the private one

# --- addresses that carry an IPv4 address ---------------------------------------------------

CARRIERS = [
    ("::ffff:127.0.0.1", "127.0.0.1"),  # IPv4-mapped
    ("::ffff:10.0.0.1", "10.0.0.1"),
    ("::ffff:169.254.169.254", "169.254.169.254"),
    ("::127.0.0.1", "127.0.0.1"),  # IPv4-compatible (deprecated)
    ("::10.0.0.1", "10.0.0.1"),
    ("::169.254.169.254", "169.254.169.254"),
    ("::ffff:0:10.0.0.1", "10.0.0.1"),  # IPv4-translated (SIIT)
    ("64:ff9b::7f00:1", "127.0.0.1"),  # NAT64, well-known prefix
    ("64:ff9b::a00:1", "10.0.0.1"),
    ("64:ff9b::c0a8:101", "192.168.1.1"),
    ("64:ff9b::a9fe:a9fe", "169.254.169.254"),
    ("64:ff9b::6464:64c8", "100.100.100.200"),
    ("2002:a9fe:a9fe::1", "169.254.169.254"),  # 6to4
    ("2001:0:4136:e378:8000:63bf:f5ff:fffe", "10.0.0.1"),  # Teredo, its client
    ("2001:0:4136:e378:8000:63bf:80ff:fffe", "127.0.0.1"),
]


@pytest.mark.parametrize("address, inside", CARRIERS)
def test_an_ipv6_form_of_a_private_address_is_refused_and_named(address, inside):
    ip = ipaddress.ip_address(address)
    assert not netguard.is_public_address(ip)
    assert inside in netguard.describe(ip)


@pytest.mark.parametrize("address", ["64:ff9b:1::a00:1", "64:ff9b:1::808:808", "64:ff9b:1:ab00:a:0:100:0"])
def test_a_local_use_nat64_address_is_refused(address):
    """64:ff9b:1::/48 is a network's own translator prefix (RFC 8215): where the IPv4 address sits
    depends on that network's prefix length, so the address it reaches cannot be told from outside."""
    ip = ipaddress.ip_address(address)
    assert not netguard.is_public_address(ip)
    assert "NAT64" in netguard.describe(ip)


@pytest.mark.parametrize("address", ["8.8.8.8", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1",
                                     "2606:4700::1111"])
def test_public_addresses_still_pass(address):
    assert netguard.is_public_address(ipaddress.ip_address(address))


@pytest.mark.parametrize("target, inside", [
    ("http://[::127.0.0.1]:{port}/feed.xml", "127.0.0.1"),
    ("http://[64:ff9b::7f00:1]:{port}/feed.xml", "127.0.0.1"),
    ("http://[64:ff9b::a9fe:a9fe]/latest/meta-data/", "169.254.169.254"),
    ("http://[::10.0.0.1]/feed.xml", "10.0.0.1"),
])
def test_a_redirect_to_an_ipv6_form_of_a_private_address_is_refused_before_connecting(feed_server, target, inside):
    feed_server.route("/a.xml", Reply(302, location=target.format(port=feed_server.port)))
    res = fetch_feed(feed_server.url("/a.xml"), allowed_networks=LOCAL, timeout=3)
    assert res.error.startswith("refused"), res.error
    assert inside in res.error and res.status is None


# --- DNS rebinding ----------------------------------------------------------------------------

class Listener:
    """Stands for a private service: counts the connections made to it and answers none."""

    def __init__(self, host: str, port: int):
        self.sock = socket.create_server((host, port))
        self.connections = 0
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def rebinding(monkeypatch):
    """A resolver whose names answer 127.0.0.1 the first time and 127.0.0.2 from then on."""
    real = socket.getaddrinfo
    asked: dict[str, int] = {}
    always: dict[str, str] = {}

    def getaddrinfo(host, port, *args, **kwargs):
        if isinstance(host, str) and host.endswith(".test"):
            n = asked[host] = asked.get(host, 0) + 1
            address = always.get(host) or ("127.0.0.1" if n == 1 else "127.0.0.2")
            return real(address, port, *args, **kwargs)
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    getaddrinfo.asked, getaddrinfo.always = asked, always
    return getaddrinfo


@pytest.fixture
def private_service(feed_server):
    listener = Listener("127.0.0.2", feed_server.port)
    yield listener
    listener.close()


def test_the_connection_goes_to_the_address_that_was_checked(feed_server, rebinding, private_service):
    feed_server.feed("/a.xml", numbered(2))
    url = f"http://news.rebind.test:{feed_server.port}/a.xml"
    res = fetch_feed(url, allowed_networks=LOCAL, timeout=5)
    assert private_service.connections == 0
    assert res.error is None, res.error
    assert res.status == 200 and b"Story 1" in res.content
    assert rebinding.asked["news.rebind.test"] == 1  # resolved once: for the check and the connection
    assert feed_server.requests_for("/a.xml")[0].headers["host"] == f"news.rebind.test:{feed_server.port}"


def test_each_redirect_hop_is_resolved_checked_and_pinned_again(feed_server, rebinding, private_service):
    feed_server.route("/a.xml", Reply(302, location="/b.xml"))
    feed_server.feed("/b.xml", numbered(1))
    client = make_client(max_connections=1)  # one pool for both hops, as a poller thread has
    try:
        res = fetch_feed(f"http://news.rebind.test:{feed_server.port}/a.xml", client=client,
                         allowed_networks=LOCAL, timeout=5)
    finally:
        client.close()
    # The second hop's name now answers 127.0.0.2: refused, and nothing reaches that address.
    assert private_service.connections == 0
    assert res.error.startswith("refused") and "127.0.0.2" in res.error, res.error
    assert [r.path for r in feed_server.requests] == ["/a.xml"]


def _certificate(tmp_path, name: str):
    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-keyout", str(key), "-out", str(cert), "-subj", f"/CN={name}",
                    "-addext", f"subjectAltName=DNS:{name}"], check=True, capture_output=True)
    return cert, key


class _TLSFeed:
    """An HTTPS feed on 127.0.0.1 that records the SNI name and Host header it was asked for."""

    def __init__(self, cert, key):
        self.sni: list[str | None] = []
        self.hosts: list[str | None] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                owner.hosts.append(self.headers.get("Host"))
                body = numbered(1).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ctx.load_cert_chain(cert, key)
        ctx.sni_callback = lambda sock, name, _ctx: self.sni.append(name)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.socket = ctx.wrap_socket(self.server.socket, server_side=True)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_https_to_a_pinned_address_still_verifies_and_names_the_host(tmp_path, rebinding):
    cert, key = _certificate(tmp_path, "feeds.pinned.test")
    server = _TLSFeed(cert, key)
    private = Listener("127.0.0.2", server.port)
    client = make_client(ssl_context=ssl.create_default_context(cafile=str(cert)))
    try:
        res = fetch_feed(f"https://feeds.pinned.test:{server.port}/feed.xml", client=client,
                         allowed_networks=LOCAL, timeout=5)
        assert private.connections == 0
        assert res.error is None, res.error
        assert server.sni == ["feeds.pinned.test"]
        assert server.hosts == [f"feeds.pinned.test:{server.port}"]
        # The certificate is checked against the name, not the address connected to.
        rebinding.always["other.pinned.test"] = "127.0.0.1"
        wrong = fetch_feed(f"https://other.pinned.test:{server.port}/feed.xml", client=client,
                           allowed_networks=LOCAL, timeout=5)
        assert wrong.content is None and "certificate" in wrong.error.lower(), wrong.error
    finally:
        client.close()
        private.close()
        server.close()
