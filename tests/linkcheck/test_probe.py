"""One link checked against a real loopback server: what a reader would be told about it."""
from __future__ import annotations

import time

import pytest

from ckanext.opengov.linkcheck import probe


@pytest.fixture
def check(links, settings):
    session = probe.session(settings)

    def check(path):
        return probe.check_http(session, links.url(path), settings)
    yield check
    session.close()


def test_a_working_link_answers_head_only(check, links):
    result = check("/ok.csv")
    assert (result.status, result.http_status, result.served_format) == ("works", 200, "CSV")
    assert result.size == len("ปี,จังหวัด,จำนวน\n2567,เชียงใหม่,10\n".encode())
    assert [m for m, _, _ in links.log] == ["HEAD"]


def test_head_refused_then_a_small_ranged_get(check, links):
    result = check("/nohead.csv")
    assert (result.status, result.http_status, result.served_format) == ("works", 206, "CSV")
    assert result.size > 10  # the total from Content-Range, not the 10 bytes sent
    assert [(m, r) for m, _, r in links.log] == [("HEAD", None), ("GET", "bytes=0-4095")]


@pytest.mark.parametrize("path, code", [("/missing.csv", 404), ("/error.csv", 500)])
def test_an_error_status_is_broken(check, path, code):
    result = check(path)
    assert (result.status, result.http_status, result.reason) == ("broken", code, "http")


def test_served_html_for_a_declared_csv_is_recorded(check):
    assert check("/html.csv").served_format == "HTML"


def test_a_generic_type_is_sniffed_from_the_first_bytes(check):
    assert check("/untyped.bin").served_format == "PDF"


def test_a_huge_file_is_too_big_without_downloading_it(check, links):
    started = time.monotonic()
    result = check("/huge.zip")
    assert (result.status, result.size) == ("too_big", 10 ** 12)
    assert time.monotonic() - started < 1
    assert [m for m, _, _ in links.log] == ["HEAD"]


def test_a_server_ignoring_range_is_cut_off_after_a_few_kilobytes(check):
    started = time.monotonic()
    result = check("/endless.csv")
    assert result.status == "works" and result.size is None
    assert time.monotonic() - started < 1.5


def test_a_slow_server_times_out_at_the_deadline(check):
    started = time.monotonic()
    result = check("/slow.csv")  # answers after 3 s; the deadline is 1.5 s
    assert result.status == "timeout"
    assert time.monotonic() - started < 2.5


def test_a_server_that_never_answers_times_out(check):
    started = time.monotonic()
    assert check("/hang.csv").status == "timeout"
    assert time.monotonic() - started < 2.5


@pytest.mark.parametrize("path", ["/drip-head.csv", "/drip-body.csv"])
def test_a_server_trickling_bytes_inside_the_read_timeout_still_ends_at_the_deadline(check, path):
    """One byte every 0.1 s never trips the 1 s read timeout; the check's own deadline (1.5 s)
    must end it anyway, or one such host holds its workers for as long as it likes."""
    started = time.monotonic()
    result = check(path)
    assert (result.status, result.reason) == ("timeout", "deadline")
    assert time.monotonic() - started < 2.5


def test_a_redirect_is_followed(check):
    result = check("/redirect")
    assert (result.status, result.served_format) == ("works", "CSV")


def test_a_redirect_to_a_forbidden_address_is_refused_there(check, links):
    result = check("/redirect-forbidden")
    assert (result.status, result.reason) == ("refused", "address")
    assert all(path != "/ok.csv" for _, path, _ in links.log)  # 127.0.0.2 never reached


def test_a_redirect_loop_is_broken(check):
    assert (check("/loop").status, check("/loop").reason) == ("broken", "redirects")


@pytest.mark.parametrize("url", [
    "http://127.0.0.2:{port}/ok.csv", "http://[::1]:{port}/ok.csv", "http://0x7f000002:{port}/ok.csv",
    "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/data.csv",
])
def test_forbidden_addresses_are_refused_without_connecting(links, settings, url, monkeypatch):
    """The address rule is applied before any socket is opened."""
    import socket

    def no_connect(*args, **kwargs):
        raise AssertionError("a connection was attempted")
    monkeypatch.setattr(socket.socket, "connect", no_connect)
    result = probe.check_http(probe.session(settings), url.format(port=links.port), settings)
    assert (result.status, result.reason) == ("refused", "address")
    assert links.log == []


def test_a_closed_port_is_broken(settings):
    result = probe.check_http(probe.session(settings), "http://127.0.0.1:9/none.csv", settings)
    assert (result.status, result.reason) == ("broken", "connection")


def test_an_uploaded_file_is_checked_in_the_store(tmp_path):
    path = tmp_path / "file.pdf"
    path.write_bytes(b"%PDF-1.4 hello")
    assert probe.check_file(str(path), 1000) == probe.Result("works", size=14, served_format="PDF")
    assert probe.check_file(str(path), 10).status == "too_big"
    assert probe.check_file(str(tmp_path / "gone.csv"), 1000) == probe.Result("broken", reason="missing_file")
