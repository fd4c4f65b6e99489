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


# The spellings the system resolver (inet_aton) accepts, read as it reads them.
SPELLINGS = {
    "169.254.169.254": "169.254.169.254",
    "0251.0376.0251.0376": "169.254.169.254",      # octal
    "0xa9.0xfe.0xa9.0xfe": "169.254.169.254",      # hex per part
    "0xA9FEA9FE": "169.254.169.254",               # one hex number
    "2852039166": "169.254.169.254",               # one integer
    "169.254.43518": "169.254.169.254",            # a.b.c (last part 16 bits)
    "169.16689662": "169.254.169.254",             # a.b (last part 24 bits)
    "0251.0xfe.43518": "169.254.169.254",          # mixed
    "127.1": "127.0.0.1", "0": "0.0.0.0", "0x7f000002": "127.0.0.2", "0177.0.0.02": "127.0.0.2",
    "[::ffff:169.254.169.254]": "::ffff:a9fe:a9fe",  # IPv4-mapped IPv6, as in a URL
    "::ffff:a9fe:a9fe": "::ffff:a9fe:a9fe",
    "[::1]": "::1", "fe80::1%eth0": "fe80::1",
}


@pytest.mark.parametrize("host, address", SPELLINGS.items())
def test_odd_spellings_are_read_as_the_resolver_reads_them(host, address):
    from ckanext.opengov.harvest.addresses import literal_address

    assert str(literal_address(host)) == address
    with pytest.raises(ForbiddenAddress):
        check_address(str(literal_address(host)), host, NOTHING_ALLOWED)


@pytest.mark.parametrize("host", [
    "catalog.nso.go.th", "example.com", "1.2.3.4.5", "08.0.0.1", "0x", "256.1.1.1", "1.2.3.4294967296",
    "127.0.0.1.", "", "::g", "1..1", "-1", "0x1g",
])
def test_names_and_impossible_numbers_are_not_addresses(host):
    from ckanext.opengov.harvest.addresses import literal_address

    assert literal_address(host) is None


@pytest.mark.parametrize("host", [h for h in SPELLINGS if SPELLINGS[h] != "127.0.0.1"]
                         + ["127.0.0.2", "10.0.0.1", "[fd00:ec2::254]"])
def test_registration_check_refuses_every_spelling_without_a_lookup(host, monkeypatch):
    import socket

    from ckanext.opengov.harvest.safe_http import Policy, check_source_url

    def no_lookup(*args, **kwargs):
        raise AssertionError("a literal address needs no DNS lookup")

    monkeypatch.setattr(socket, "getaddrinfo", no_lookup)
    in_url = f"[{host}]" if ":" in host and not host.startswith("[") else host
    with pytest.raises(ForbiddenAddress):
        check_source_url(f"http://{in_url}:8080/api", Policy(allowed_hosts=("127.0.0.1",)))


def test_registration_check_passes_public_and_allow_listed_literals(monkeypatch):
    import socket

    from ckanext.opengov.harvest.safe_http import Policy, check_source_url

    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: (_ for _ in ()).throw(AssertionError("lookup")))
    policy = Policy(allowed_hosts=("127.0.0.1",))
    for url in ("http://8.8.8.8/", "http://127.0.0.1:5000/", "http://0x7f.0.0.1/", "https://[2001:4860:4860::8888]/"):
        check_source_url(url, policy)


def test_registration_check_refuses_a_name_if_any_of_its_addresses_is_forbidden(monkeypatch):
    """A name is resolved (here by a stand-in resolver: no network) and decided on every answer."""
    import socket

    from ckanext.opengov.harvest.safe_http import Policy, check_source_url

    answers = {
        "mixed.example": ["8.8.8.8", "169.254.169.254"],
        "public.example": ["8.8.8.8", "2001:4860:4860::8888"],
        "mapped.example": ["::ffff:10.0.0.1"],
    }

    def resolver(host, *args, **kwargs):
        if host not in answers:
            raise socket.gaierror("no such name")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, 0)) for ip in answers[host]]

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    policy = Policy()
    with pytest.raises(ForbiddenAddress):
        check_source_url("http://mixed.example/", policy)
    with pytest.raises(ForbiddenAddress):
        check_source_url("http://mapped.example/", policy)
    check_source_url("http://public.example/", policy)
    check_source_url("http://not-yet-registered.example/", policy)  # fetch time decides
