"""Refuse feed targets that point into the machine's own networks.

A feed URL is user input (feeds.yaml, the web UI).  Without a check, a URL such as
``http://169.254.169.254/latest/meta-data/`` or ``http://localhost:5432/`` turns the poller into a
proxy into the private network (SSRF).  The check runs on the *resolved* addresses, so a public
name that resolves to a private address is refused too, and it runs again on every redirect hop.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Iterable
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Cloud metadata endpoints.  They are link-local or private anyway; listed so the error says why.
_METADATA = {
    ipaddress.ip_address("169.254.169.254"),
    ipaddress.ip_address("fd00:ec2::254"),
    ipaddress.ip_address("100.100.100.200"),
}


# IPv6 forms whose packets end at an IPv4 address (judged by that address, not by the IPv6 one).
_COMPATIBLE = ipaddress.ip_network("::/96")  # ::a.b.c.d, RFC 4291 (deprecated)
_TRANSLATED = ipaddress.ip_network("::ffff:0:0:0/96")  # ::ffff:0:a.b.c.d, SIIT (RFC 2765)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # the well-known NAT64 prefix: IPv4 in the last 32 bits
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")  # a network's own NAT64 prefix (RFC 8215)


class BlockedTarget(Exception):
    """The URL's host is (or resolves to) an address feeds may not reach."""


class ResolveTimeout(TimeoutError):
    """The host's name did not resolve within the time the caller had left."""


def _carried(ip: ipaddress.IPv6Address) -> tuple[str, list[ipaddress.IPv4Address]] | None:
    """The IPv6 form's name and the IPv4 address(es) it hands its packets to, for such forms."""
    low = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.ipv4_mapped is not None:
        return "IPv4-mapped", [ip.ipv4_mapped]
    if ip in _COMPATIBLE and int(ip) > 1:  # not :: (unspecified) nor ::1 (loopback)
        return "IPv4-compatible", [low]
    if ip in _TRANSLATED:
        return "IPv4-translated", [low]
    if ip in _NAT64:
        return "NAT64", [low]
    if ip.sixtofour is not None:
        return "6to4", [ip.sixtofour]
    if ip.teredo is not None:
        server, client = ip.teredo
        return "Teredo", [client, server]  # packets go through the server's relay to the client
    return None


def _refusal(ip: IPAddress) -> str | None:
    """Why feeds may not reach ``ip`` (the words the error shows), or None for a public address."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip in _NAT64_LOCAL:
            # Where the IPv4 address sits depends on the prefix length that network's translator
            # uses (RFC 6052 allows six), so which address it reaches cannot be told from here.
            return "a local-use NAT64 address (64:ff9b:1::/48), which reaches an IPv4 address of its own network"
        carried = _carried(ip)
        if carried is not None:
            form, inner = carried
            for v4 in inner:
                why = _refusal(v4)
                if why is not None:
                    return f"{'an' if form.startswith('IPv4') else 'a'} {form} address of {v4}, {why}"
            if form == "Teredo":
                return "a Teredo tunnel address (2001::/32)"
            if form != "6to4":  # 6to4 relays are judged as the 2002::/16 address below
                return None
    if ip in _METADATA:
        return "a cloud metadata address"
    if ip.is_global and not ip.is_multicast:
        return None
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_private:
        return "a private-network address"
    return "a non-public address"


def is_public_address(ip: IPAddress) -> bool:
    """True for globally routable unicast addresses only.

    ``is_global`` already excludes loopback, RFC 1918, link-local, CGNAT (100.64/10), documentation
    and reserved ranges; multicast is excluded explicitly.  IPv6 forms that carry an IPv4 address
    (IPv4-mapped ``::ffff:127.0.0.1``, IPv4-compatible ``::127.0.0.1``, IPv4-translated, NAT64
    ``64:ff9b::7f00:1``, 6to4, Teredo) are judged by the IPv4 address inside them, and the
    local-use NAT64 prefix, whose inside cannot be located, is refused.
    """
    return _refusal(ip) is None


def describe(ip: IPAddress) -> str:
    """What kind of non-public address ``ip`` is, naming the IPv4 address an IPv6 form carries."""
    return _refusal(ip) or "a non-public address"


def resolve(host: str, port: int, timeout: float | None = None) -> list[IPAddress]:
    """All addresses ``host`` resolves to (an IP literal resolves to itself).

    With ``timeout``, ResolveTimeout when no answer came in that many seconds.
    """
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    infos = _getaddrinfo(host, port, timeout)
    out: list[IPAddress] = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        # Strip an IPv6 zone id ("fe80::1%eth0") before parsing.
        addr = str(sockaddr[0]).split("%", 1)[0]
        ip = ipaddress.ip_address(addr)
        if ip not in out:
            out.append(ip)
    return out


def _getaddrinfo(host: str, port: int, timeout: float | None) -> list:
    # getaddrinfo takes no timeout and a stalled resolver holds it for the resolver's own retries
    # (5 s a try, several tries, per name server): long past a fetch's deadline, with a poller or
    # page worker thread stuck behind it. So it runs in a daemon thread that is waited on only as
    # long as the caller has left; a lookup given up on ends on its own when the resolver does,
    # and being a daemon it never holds the process at exit.
    if timeout is None:
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    outcome: list = []

    def lookup() -> None:
        try:
            outcome.append((True, socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)))
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread, raised there
            outcome.append((False, exc))

    worker = threading.Thread(target=lookup, name=f"resolve {host[:60]}", daemon=True)
    worker.start()
    worker.join(max(timeout, 0.0))
    if not outcome:
        raise ResolveTimeout(f"no answer resolving {host} within {max(timeout, 0.0):.3g} s")
    done, value = outcome[0]
    if not done:
        raise value
    return value


Networks = tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]


def networks(specs: Iterable[str]) -> Networks:
    """Parse CIDR strings ("10.20.0.0/16", "127.0.0.1") into networks explicitly allowed."""
    return tuple(ipaddress.ip_network(s.strip(), strict=False) for s in specs if s.strip())


def _allowed(ip: IPAddress, allowed: Networks) -> bool:
    return is_public_address(ip) or any(ip.version == n.version and ip in n for n in allowed)


FEED_HINT = "set allow_private for this feed to allow it"


def check_url(url: str, *, allow_private: bool = False, allowed: Networks = (),
              host: str | None = None, hint: str = FEED_HINT,
              timeout: float | None = None) -> list[IPAddress]:
    """Raise BlockedTarget unless every address of ``url``'s host is public (or explicitly allowed).

    Every address must pass, not just the first: the HTTP client may pick any of them.  Returns the
    addresses checked, and the connection must go to one of them: resolving the name again could
    answer differently (DNS rebinding).  ``host`` is the name exactly as the HTTP client will use
    it (IDNA-encoded), when the URL's own spelling differs.  With ``allow_private`` nothing is
    resolved or checked, and the list is empty.  ``hint`` says in the refusal how to allow it.
    ``timeout`` bounds the name's resolution (ResolveTimeout past it: not a refusal, the name may
    answer next time).
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise BlockedTarget(f"unsupported URL scheme {parts.scheme!r}")
    name = parts.hostname or host  # as the URL spells it, for the messages
    host = host or parts.hostname
    if not host:
        raise BlockedTarget("URL has no host")
    if allow_private:
        return []
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        addresses = resolve(host, port, timeout)
    except (socket.gaierror, UnicodeError) as exc:
        raise BlockedTarget(f"cannot resolve {name}: {exc}") from exc
    if not addresses:
        raise BlockedTarget(f"cannot resolve {name}")
    for ip in addresses:
        if not _allowed(ip, allowed):
            raise BlockedTarget(
                f"refused: {name} resolves to {ip}, {describe(ip)} ({hint})"
            )
    return addresses


def check_peer(peer: str | None, *, allow_private: bool = False, allowed: Networks = ()) -> None:
    """Second line of defence against DNS rebinding: the address actually connected to."""
    if allow_private or not peer:
        return
    try:
        ip = ipaddress.ip_address(peer.split("%", 1)[0])
    except ValueError:
        return
    if not _allowed(ip, allowed):
        raise BlockedTarget(f"refused: connected to {ip}, {describe(ip)}")
