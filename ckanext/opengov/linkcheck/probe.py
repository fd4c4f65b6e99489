"""Check one link: HEAD, then a small ranged GET when HEAD is refused or says nothing useful.

Connections go through the harvest's guarded adapter (harvest/safe_http.py): the address is
checked after DNS resolution at the socket, on every redirect hop, with the same allow-list.
A check reads at most `probe_bytes` of a body and ends at its own deadline, so a huge or
trickling answer costs little: connect and read timeouts alone do not bound a check (a server
sending a byte every second never trips a read timeout), so a watchdog shuts the worker's
sockets down when the deadline passes and the check is a timeout. No retries: the next run
checks again.
An uploaded file (url_type upload) is checked in the portal's file store, not over HTTP.
"""
from __future__ import annotations

import dataclasses
import os
import re
import socket
import threading
import time
import weakref
from urllib.parse import urljoin, urlsplit

import requests
import urllib3.exceptions

from ckanext.opengov.harvest.addresses import ForbiddenAddress, parse_allowed
from ckanext.opengov.harvest.safe_http import REDIRECTS, GuardedAdapter, Policy, SafeClient, _find_cause
from ckanext.opengov.linkcheck import formats

WORKS, BROKEN, REFUSED, TIMEOUT, TOO_BIG = "works", "broken", "refused", "timeout", "too_big"
STATUSES = (WORKS, BROKEN, REFUSED, TIMEOUT, TOO_BIG)
FAILING = (BROKEN, REFUSED, TIMEOUT)  # "broken since" counts from the first of these
USER_AGENT = "ckanext-opengov-linkcheck/0.1 (+https://data.go.th)"
CONTENT_RANGE = re.compile(r"bytes\s+\d+-\d+/(\d+)")


@dataclasses.dataclass(frozen=True)
class Settings:
    policy: Policy                 # allow-list, connect/read timeouts, redirects, max_bytes
    deadline: float = 20.0         # seconds one check may take in all (redirects included)
    probe_bytes: int = 16 * 1024   # bytes of a body read at most


@dataclasses.dataclass(frozen=True)
class Result:
    status: str
    http_status: int | None = None
    content_type: str | None = None
    size: int | None = None
    served_format: str | None = None
    reason: str | None = None      # a short machine word: http, connection, address, ...


class _Stop(Exception):
    def __init__(self, result: Result):
        self.result = result


class _AbortableAdapter(GuardedAdapter):
    """The harvest's guarded adapter that remembers the sockets it opened, so that a watchdog
    can shut them down: a blocked read then returns at once, however the server trickles."""

    def __init__(self, allowed, **kwargs):
        self.sockets: weakref.WeakSet = weakref.WeakSet()
        super().__init__(allowed, **kwargs)

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        sockets = self.sockets

        def remembering(base):
            class Connection(base):
                def _new_conn(self):  # the plain socket: a TLS handshake may trickle too
                    sock = super()._new_conn()
                    sockets.add(sock)
                    return sock

                def connect(self):  # after TLS, the socket that is read from
                    super().connect()
                    if self.sock is not None:
                        sockets.add(self.sock)
            return Connection

        self.poolmanager.pool_classes_by_scheme = {
            scheme: type(pool.__name__, (pool,), {"ConnectionCls": remembering(pool.ConnectionCls)})
            for scheme, pool in self.poolmanager.pool_classes_by_scheme.items()}

    def abort(self) -> None:
        for sock in list(self.sockets):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:  # already closed, or a plain socket TLS has taken over
                pass


def session(settings: Settings) -> requests.Session:
    """A guarded session (one per thread: requests sessions are not thread-safe)."""
    s = SafeClient(settings.policy, headers={"User-Agent": USER_AGENT}).session
    adapter = _AbortableAdapter(parse_allowed(settings.policy.allowed_hosts))
    s.mount("http://", adapter)
    s.mount("https://", adapter)
    return s


class _Watchdog:
    """Calls `abort` once `seconds` have passed, unless cancelled first; says if it did."""

    def __init__(self, seconds: float, abort):
        self.fired = False
        self._abort = abort
        self._timer = threading.Timer(max(seconds, 0.0), self._fire)
        self._timer.daemon = True

    def _fire(self):
        self.fired = True
        self._abort()

    def __enter__(self):
        self._timer.start()
        return self

    def __exit__(self, *exc):
        self._timer.cancel()


def check_http(sess: requests.Session, url: str, settings: Settings) -> Result:
    deadline = time.monotonic() + settings.deadline
    adapter = sess.get_adapter(url) if urlsplit(url).scheme in ("http", "https") else None
    abort = getattr(adapter, "abort", lambda: None)
    with _Watchdog(settings.deadline, abort) as watchdog:
        result = _check(sess, url, settings, deadline)
    # Whatever the check made of the cut connection, it did not end in time.
    return Result(TIMEOUT, reason="deadline") if watchdog.fired else result


def _check(sess: requests.Session, url: str, settings: Settings, deadline: float) -> Result:
    try:
        status, headers, _ = _request(sess, "HEAD", url, settings, deadline)
        if status < 400 and formats.media_type(headers.get("Content-Type")):
            return _judge(status, headers, b"", settings)
        # HEAD refused (405, 403, 5xx...) or silent about the type: ask for the first bytes.
        status, headers, head = _request(
            sess, "GET", url, settings, deadline, {"Range": f"bytes=0-{settings.probe_bytes - 1}"})
        return _judge(status, headers, head, settings)
    except _Stop as stop:
        return stop.result


def _judge(status: int, headers, head: bytes, settings: Settings) -> Result:
    content_type = headers.get("Content-Type") or None
    if status >= 400:
        return Result(BROKEN, status, content_type, reason="http")
    size = _size(status, headers)
    fmt = formats.served_format(content_type, head)
    verdict = TOO_BIG if size is not None and size > settings.policy.max_bytes else WORKS
    return Result(verdict, status, content_type and content_type[:200], size, fmt)


def _size(status: int, headers) -> int | None:
    match = CONTENT_RANGE.match(headers.get("Content-Range") or "")
    if match:
        return int(match.group(1))
    length = headers.get("Content-Length") or ""
    return int(length) if length.isdigit() and status != 206 else None


def _request(sess, method, url, settings: Settings, deadline: float, headers=None):
    """(status, headers, first bytes) after following redirects by hand (each hop re-checked)."""
    policy = settings.policy
    current = url
    for _ in range(policy.max_redirects + 1):
        if urlsplit(current).scheme not in ("http", "https"):
            raise _Stop(Result(BROKEN, reason="scheme"))
        left = deadline - time.monotonic()
        if left <= 0:
            raise _Stop(Result(TIMEOUT, reason="deadline"))
        try:
            with sess.request(method, current, headers=headers, stream=True, allow_redirects=False,
                              timeout=(min(policy.connect_timeout, left), min(policy.read_timeout, left))) as raw:
                if raw.status_code in REDIRECTS and raw.headers.get("Location"):
                    current = urljoin(raw.url, raw.headers["Location"])
                    continue
                head = b"" if method == "HEAD" or raw.status_code >= 400 else _first_bytes(
                    raw, settings.probe_bytes, deadline)
                return raw.status_code, raw.headers, head
        except _Stop:
            raise
        except ForbiddenAddress:
            raise _Stop(Result(REFUSED, reason="address"))
        except requests.exceptions.ConnectionError as error:
            if _find_cause(error, ForbiddenAddress) is not None:
                raise _Stop(Result(REFUSED, reason="address"))
            if isinstance(error, requests.exceptions.ConnectTimeout):
                raise _Stop(Result(TIMEOUT, reason="connect"))
            # urllib3's NewConnectionError (refused, unreachable) subclasses its timeout error.
            if _find_cause(error, urllib3.exceptions.NewConnectionError) is None and _find_cause(
                    error, (TimeoutError, urllib3.exceptions.TimeoutError)) is not None:
                raise _Stop(Result(TIMEOUT, reason="read"))
            raise _Stop(Result(BROKEN, reason="connection"))
        except requests.exceptions.Timeout:
            raise _Stop(Result(TIMEOUT, reason="read"))
        except requests.exceptions.RequestException:
            raise _Stop(Result(BROKEN, reason="connection"))
    raise _Stop(Result(BROKEN, reason="redirects"))


def _first_bytes(raw, limit: int, deadline: float) -> bytes:
    """At most `limit` bytes; a server that ignores Range is cut off there."""
    chunks, size = [], 0
    try:
        for chunk in raw.iter_content(min(limit, 8192)):
            chunks.append(chunk)
            size += len(chunk)
            if size >= limit:
                break
            if time.monotonic() > deadline:
                raise _Stop(Result(TIMEOUT, raw.status_code, reason="deadline"))
    except requests.exceptions.RequestException:
        if not chunks:  # nothing arrived before the read timed out or broke
            raise
    return b"".join(chunks)[:limit]


def check_file(path: str | None, max_bytes: int) -> Result:
    """An uploaded resource: its file in the store (ckan.storage_path)."""
    if not path or not os.path.isfile(path):
        return Result(BROKEN, reason="missing_file")
    size = os.path.getsize(path)
    with open(path, "rb") as f:
        head = f.read(4096)
    fmt = formats.sniff(head)
    return Result(TOO_BIG if size > max_bytes else WORKS, None, None, size, fmt)
