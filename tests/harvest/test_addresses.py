"""The address check on its own: no socket is opened by any test here."""
from __future__ import annotations

import pytest

from ckanext.opengov.harvest.addresses import ForbiddenAddress, check_address, parse_allowed

NOTHING_ALLOWED = parse_allowed([])

FORBIDDEN = [
    "127.0.0.1", "127.0.0.2", "0.0.0.0", "10.1.2.3", "172.16.0.1", "192.168.1.1",
    "169.254.169.254",          # AWS/GCP/Azure/OpenStack metadata
    "100.100.100.200",          # Alibaba Cloud metadata (CGNAT range)
    "100.64.0.1", "192.0.0.192", "198.18.0.1", "224.0.0.1", "239.255.255.250",
    "240.0.0.1", "255.255.255.255",
    "::1", "::", "fe80::1", "fd00:ec2::254", "fc00::1", "ff02::1",
    "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.0.0.1",   # IPv4-mapped
    "64:ff9b::a9fe:a9fe",       # NAT64 of 169.254.169.254
    "2002:a9fe:a9fe::1",        # 6to4 of 169.254.169.254
    "2002:7f00:1::1",           # 6to4 of 127.0.0.1
    "fe80::1%eth0",             # with a zone id
]

PUBLIC = ["1.1.1.1", "8.8.8.8", "203.150.0.1", "2001:4860:4860::8888", "::ffff:8.8.8.8"]


@pytest.mark.parametrize("ip", FORBIDDEN)
def test_private_loopback_and_metadata_addresses_are_refused(ip):
    with pytest.raises(ForbiddenAddress):
        check_address(ip, None, NOTHING_ALLOWED)


@pytest.mark.parametrize("ip", PUBLIC)
def test_public_addresses_pass(ip):
    assert str(check_address(ip, "example.go.th", NOTHING_ALLOWED))


def test_allow_list_admits_listed_ips_networks_and_names_only():
    allowed = parse_allowed(["127.0.0.1", "10.20.0.0/16", "catalog.intranet.example", "[::1]"])
    assert check_address("127.0.0.1", None, allowed)
    assert check_address("::ffff:127.0.0.1", None, allowed)   # mapped form of a listed IP
    assert check_address("10.20.3.4", None, allowed)
    assert check_address("::1", None, allowed)
    assert check_address("10.9.9.9", "Catalog.Intranet.Example.", allowed)
    for ip in ("127.0.0.2", "10.21.0.1", "169.254.169.254"):
        with pytest.raises(ForbiddenAddress):
            check_address(ip, "other.example", allowed)
