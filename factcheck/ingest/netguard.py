"""Refuse feed targets that point into the machine's own networks.

A feed URL is user input (feeds.yaml, the web UI).  Without a check, a URL such as
``http://169.254.169.254/latest/meta-data/`` or ``http://localhost:5432/`` turns the poller into a
proxy into the private network (SSRF).  The check runs on the *resolved* addresses, so a public
name that resolves to a private address is refused too, and it runs again on every redirect hop.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Cloud metadata endpoints.  They are link-local or private anyway; listed so the error says why.
_METADATA = {
    ipaddress.ip_address("169.254.169.254"),
    ipaddress.ip_address("fd00:ec2::254"),
    ipaddress.ip_address("100.100.100.200"),
}


class BlockedTarget(Exception):
    """The URL's host is (or resolves to) an address feeds may not reach."""


def is_public_address(ip: IPAddress) -> bool:
    """True for globally routable unicast addresses only.

    ``is_global`` already excludes loopback, RFC 1918, link-local, CGNAT (100.64/10), documentation
    and reserved ranges; multicast is excluded explicitly.  IPv4-mapped/compatible IPv6 addresses
    are judged by the IPv4 address inside them (``::ffff:127.0.0.1`` is loopback).
    """
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return is_public_address(ip.ipv4_mapped)
        if ip.sixtofour is not None:
            return is_public_address(ip.sixtofour)
    if ip in _METADATA:
        return False
    return bool(ip.is_global) and not ip.is_multicast


def describe(ip: IPAddress) -> str:
    if ip in _METADATA:
        return "a cloud metadata address"
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_private:
        return "a private-network address"
    return "a non-public address"


def resolve(host: str, port: int) -> list[IPAddress]:
    """All addresses ``host`` resolves to (an IP literal resolves to itself)."""
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    out: list[IPAddress] = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        # Strip an IPv6 zone id ("fe80::1%eth0") before parsing.
        addr = str(sockaddr[0]).split("%", 1)[0]
        ip = ipaddress.ip_address(addr)
        if ip not in out:
            out.append(ip)
    return out


Networks = tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]


def networks(specs: Iterable[str]) -> Networks:
    """Parse CIDR strings ("10.20.0.0/16", "127.0.0.1") into networks explicitly allowed."""
    return tuple(ipaddress.ip_network(s.strip(), strict=False) for s in specs if s.strip())


def _allowed(ip: IPAddress, allowed: Networks) -> bool:
    return is_public_address(ip) or any(ip.version == n.version and ip in n for n in allowed)


def check_url(url: str, *, allow_private: bool = False, allowed: Networks = ()) -> None:
    """Raise BlockedTarget unless every address of ``url``'s host is public (or explicitly allowed).

    Every address must pass, not just the first: the HTTP client may pick any of them.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise BlockedTarget(f"unsupported URL scheme {parts.scheme!r}")
    host = parts.hostname
    if not host:
        raise BlockedTarget("URL has no host")
    if allow_private:
        return
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        addresses = resolve(host, port)
    except (socket.gaierror, UnicodeError) as exc:
        raise BlockedTarget(f"cannot resolve {host}: {exc}") from exc
    if not addresses:
        raise BlockedTarget(f"cannot resolve {host}")
    for ip in addresses:
        if not _allowed(ip, allowed):
            raise BlockedTarget(
                f"refused: {host} resolves to {ip}, {describe(ip)} "
                "(set allow_private for this feed to allow it)"
            )


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
