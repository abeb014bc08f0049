"""The client address a sign-in is counted under: `X-Forwarded-For` is believed only from a trusted proxy."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def networks(entries: Iterable[str]) -> list[Network]:
    """LODESTAR_TRUSTED_PROXIES as networks; a bare address is a network of one. Raises ValueError for a bad entry."""
    return [ipaddress.ip_network(entry, strict=False) for entry in entries]


def _trusted(address: str, trusted: list[Network]) -> bool:
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(parsed in network for network in trusted)


def client_address(peer: str, forwarded_for: str, *, trusted: Iterable[str]) -> str:
    """The peer, or, when the peer is a trusted proxy, the last address in `X-Forwarded-For` that is not one.

    Walking from the right skips the addresses our own proxies appended; what the client wrote itself further left
    is not believed. A malformed entry ends the walk at the last trusted hop.
    """
    proxies = networks(trusted)
    address = peer
    hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
    while _trusted(address, proxies) and hops:
        hop = hops.pop()
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            break
        address = hop
    return address
