"""Which network addresses a harvest may reach: pure functions, testable without a network.

Harvest source URLs come from agencies, so a URL must not make the portal talk to itself, to
the machines beside it or to a cloud metadata service. Anything that is not a globally routed
unicast address is refused unless an operator listed it in ckanext.opengov.harvest.allowed_hosts.
"""
from __future__ import annotations

import ipaddress
from typing import Iterable

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# Ranges Python's is_global does not already exclude, or that deserve naming.
EXTRA_FORBIDDEN: tuple[IPNetwork, ...] = tuple(ipaddress.ip_network(n) for n in (
    "100.64.0.0/10",      # carrier-grade NAT (also Alibaba Cloud metadata, 100.100.100.200)
    "169.254.0.0/16",     # link-local (AWS, GCP, Azure, OpenStack metadata 169.254.169.254)
    "192.0.0.0/24",       # IETF protocol assignments (incl. Oracle Cloud 192.0.0.192)
    "198.18.0.0/15",      # benchmarking
    "224.0.0.0/4",        # multicast
    "240.0.0.0/4",        # reserved, broadcast
    "fc00::/7",           # unique local (AWS IPv6 metadata fd00:ec2::254)
    "fe80::/10",          # link-local
    "ff00::/8",           # multicast
    "64:ff9b:1::/48",     # local-use NAT64
))
NAT64 = ipaddress.ip_network("64:ff9b::/96")


class ForbiddenAddress(ValueError):
    """The address (or one it embeds) is private, loopback, link-local, reserved or metadata."""

    def __init__(self, address: str, host: str | None = None):
        self.address = address
        self.host = host
        super().__init__(f"{host or address} resolves to a forbidden address {address}")


def embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, NAT64, 6to4, Teredo), if any."""
    if not isinstance(address, ipaddress.IPv6Address):
        return None
    if address.ipv4_mapped:
        return address.ipv4_mapped
    if address in NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address.sixtofour:
        return address.sixtofour
    if address.teredo:
        return address.teredo[1]
    return None


def is_forbidden(address: IPAddress) -> bool:
    """True for every address a harvest must not reach unless allow-listed."""
    inner = embedded_ipv4(address)
    if inner is not None and is_forbidden(inner):
        return True
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return False  # decided by the IPv4 address inside
    if any(address in net for net in EXTRA_FORBIDDEN if net.version == address.version):
        return True
    return (
        not address.is_global or address.is_private or address.is_loopback
        or address.is_link_local or address.is_multicast or address.is_reserved
        or address.is_unspecified
    )


def parse_allowed(entries: Iterable[str]) -> tuple[frozenset[str], tuple[IPNetwork, ...]]:
    """Split allowed_hosts into host names (lower case) and networks (an IP is a /32 or /128)."""
    names: set[str] = set()
    nets: list[IPNetwork] = []
    for entry in entries:
        entry = entry.strip().strip("[]").lower()
        if not entry:
            continue
        try:
            nets.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            names.add(entry.rstrip("."))
    return frozenset(names), tuple(nets)


def check_address(ip: str, host: str | None, allowed: tuple[frozenset[str], tuple[IPNetwork, ...]]) -> IPAddress:
    """Return the parsed address when it may be reached; raise ForbiddenAddress otherwise.

    `host` is the name the URL gave; an allow-listed name admits whatever it resolves to.
    """
    address = ipaddress.ip_address(ip.split("%", 1)[0])  # drop an IPv6 zone id
    names, nets = allowed
    if host and host.strip("[]").lower().rstrip(".") in names:
        return address
    candidates = [address]
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        candidates.append(address.ipv4_mapped)
    if any(c in net for c in candidates for net in nets if net.version == c.version):
        return address
    if is_forbidden(address):
        raise ForbiddenAddress(str(address), host)
    return address


def literal_address(host: str) -> IPAddress | None:
    """The address a URL's host spells, read the way the system resolver reads it, or None
    for a real name.

    Besides dotted decimal, the resolver (glibc's inet_aton) takes octal (0251.0376.0251.0376),
    hex (0xa9.0xfe.0xa9.0xfe, 0xa9fea9fe), a plain integer (2852039166) and short forms
    (169.254.43518, 127.1), so a check that reads only dotted decimal can be walked around.
    IPv6 (with or without brackets, with a zone id) is parsed by ipaddress.
    """
    host = host.strip().lower()
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if ":" in host:
        try:
            return ipaddress.IPv6Address(host.split("%", 1)[0])
        except ValueError:
            return None
    parts = host.split(".")
    if not 1 <= len(parts) <= 4:
        return None
    numbers = []
    for part in parts:
        try:
            if part[:2] == "0x" and len(part) > 2:
                numbers.append(int(part[2:], 16))
            elif part[:1] == "0" and len(part) > 1:
                numbers.append(int(part[1:], 8))
            else:
                numbers.append(int(part, 10) if part.isdigit() else None)
        except ValueError:
            return None
    if None in numbers:
        return None
    # The last part fills every byte the earlier ones leave (a.b → 8.24 bits, a.b.c → 8.8.16).
    *head, last = numbers
    if any(n > 0xFF for n in head) or last >= 1 << (8 * (4 - len(head))):
        return None
    value = last
    for index, number in enumerate(head):
        value |= number << (8 * (3 - index))
    return ipaddress.IPv4Address(value)


def check_addresses(host: str, addresses: Iterable[str], allowed) -> None:
    """Raise ForbiddenAddress if any address `host` resolves to may not be reached: a name
    with one public and one private address is refused whole, as at fetch time."""
    for address in addresses:
        check_address(address, host, allowed)
