"""The guarded client against real servers on loopback: faults, refusals, limits."""
from __future__ import annotations

import time

import pytest

from ckanext.opengov.harvest.safe_http import FetchError, Policy, SafeClient, parse_xml
from tests.harvest import fault_server as faults


def client(**overrides) -> SafeClient:
    settings = dict(allowed_hosts=("127.0.0.1",), connect_timeout=2, read_timeout=1,
                    total_timeout=5, max_bytes=100_000, max_redirects=3, max_retries=2, backoff=0.01)
    settings.update(overrides)
    return SafeClient(Policy(**settings))


def test_allowed_loopback_source_is_fetched(fault_server):
    url = fault_server.route("/ok", lambda h: h.send_json({"success": True, "result": "สวัสดี"}))
    assert client().get(url).json()["result"] == "สวัสดี"


def test_forbidden_addresses_are_refused_without_a_packet_reaching_them(forbidden_servers):
    for server in forbidden_servers:
        with pytest.raises(FetchError) as error:
            client().get(server.base + "/secret")
        assert error.value.reason == "forbidden"
        assert server.requests == []


def test_a_name_that_resolves_to_a_forbidden_address_is_refused_after_dns(fault_server):
    fault_server.route("/ok", lambda h: h.send(200, b"ok"))
    with pytest.raises(FetchError) as error:
        client(allowed_hosts=()).get(f"http://localhost:{fault_server.port}/ok")
    assert error.value.reason == "forbidden"
    assert fault_server.requests == []


def test_every_redirect_hop_is_checked_again(fault_server, forbidden_servers):
    for target in forbidden_servers:
        url = fault_server.route("/jump", faults.redirect(target.base + "/secret"))
        with pytest.raises(FetchError) as error:
            client().get(url)
        assert error.value.reason == "forbidden"
        assert target.requests == []


def test_allowed_redirects_are_followed_and_loops_are_bounded(fault_server):
    fault_server.route("/final", lambda h: h.send(200, b"arrived"))
    url = fault_server.route("/hop", faults.redirect("/final", 301))
    assert client().get(url).content == b"arrived"
    loop = fault_server.route("/loop", faults.redirect("/loop"))
    with pytest.raises(FetchError) as error:
        client().get(loop)
    assert error.value.reason == "redirects"
    assert len([r for r in fault_server.requests if r[1] == "/loop"]) == 4  # first + 3 redirects


def test_non_http_schemes_are_refused(fault_server):
    url = fault_server.route("/file", faults.redirect("file:///etc/passwd"))
    with pytest.raises(FetchError) as error:
        client().get(url)
    assert error.value.reason == "scheme"


def test_5xx_is_retried_with_backoff_a_bounded_number_of_times(fault_server):
    url = fault_server.route("/down", faults.status(503))
    with pytest.raises(FetchError) as error:
        client(max_retries=2).get(url)
    assert error.value.status == 503
    assert len(fault_server.requests) == 3


def test_a_5xx_that_recovers_is_retried_until_it_succeeds(fault_server):
    answers = iter([500, 502, 200])

    def flaky(h):
        code = next(answers)
        h.send(code, b'{"ok": 1}' if code == 200 else b"err")
    url = fault_server.route("/flaky", flaky)
    assert client(max_retries=3).get(url).json() == {"ok": 1}


def test_4xx_is_not_retried(fault_server):
    url = fault_server.route("/gone", faults.status(404))
    with pytest.raises(FetchError) as error:
        client().get(url)
    assert error.value.status == 404
    assert len(fault_server.requests) == 1


def test_a_silent_server_times_out(fault_server):
    url = fault_server.route("/slow", faults.slow(3))
    started = time.monotonic()
    with pytest.raises(FetchError) as error:
        client(read_timeout=0.5, max_retries=0).get(url)
    assert error.value.reason == "timeout"
    assert time.monotonic() - started < 2.5


@pytest.mark.parametrize("declare", [True, False])
def test_oversized_bodies_are_abandoned(fault_server, declare):
    url = fault_server.route("/big", faults.oversized(5_000_000, declare_length=declare))
    with pytest.raises(FetchError) as error:
        client(max_bytes=200_000).get(url)
    assert error.value.reason == "too_large"


def test_truncated_body_is_an_error_not_data(fault_server):
    url = fault_server.route("/cut", faults.truncated)
    with pytest.raises(FetchError) as error:
        client(max_retries=0).get(url)
    assert error.value.reason == "truncated"


def test_malformed_json_is_a_clear_error(fault_server):
    url = fault_server.route("/json", lambda h: h.send(200, b'{"success": tru', "application/json"))
    with pytest.raises(FetchError) as error:
        client().get(url).json()
    assert error.value.reason == "bad_json"
    assert url in str(error.value)


@pytest.mark.parametrize("document", [faults.XML_BOMB, faults.XXE])
def test_xml_bombs_and_external_entities_are_refused(document):
    started = time.monotonic()
    with pytest.raises(FetchError) as error:
        parse_xml(document, "http://127.0.0.1/x.xml")
    assert error.value.reason == "bad_xml"
    assert time.monotonic() - started < 1


def test_plain_xml_parses():
    assert parse_xml("<a><b>ข้อมูล</b></a>".encode()).find("b").text == "ข้อมูล"
