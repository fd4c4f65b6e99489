"""A fetch client for URLs that come from others (harvest sources).

Over `requests`, with what a plain `requests.get` lacks:
- every connection goes to an address checked after DNS resolution, and to that very address
  (the check happens where the socket is opened, so a second DNS answer cannot slip past);
- redirects are followed by hand, each hop checked again, a bounded number of times;
- connect/read timeouts and an overall deadline; the body is streamed and abandoned as soon
  as it passes the size limit (decompressed bytes count, so a gzip bomb stops too);
- bounded retries with exponential backoff on 5xx and on connection failures;
- XML is parsed with defusedxml (no entity expansion, no external entities).
"""
from __future__ import annotations

import dataclasses
import json
import socket
import time
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import NameResolutionError, NewConnectionError, ProtocolError
from urllib3.util import connection as u3_connection

from ckanext.opengov.harvest.addresses import (
    ForbiddenAddress, check_address, check_addresses, literal_address, parse_allowed,
)
from ckanext.opengov.messages import N_, bilingual

REDIRECTS = (301, 302, 303, 307, 308)
USER_AGENT = "ckanext-opengov-harvester/0.1 (+https://data.go.th)"

MESSAGES = {
    "forbidden": N_("The address of %(url)s is private, local or reserved, so it is not harvested (%(detail)s)."),
    "scheme": N_("Only http and https URLs can be harvested: %(url)s"),
    "too_large": N_("The response from %(url)s is larger than the limit of %(limit)s bytes."),
    "timeout": N_("%(url)s did not answer in time (%(detail)s)."),
    "connection": N_("Could not connect to %(url)s (%(detail)s)."),
    "status": N_("%(url)s answered with HTTP status %(status)s."),
    "redirects": N_("%(url)s redirected more than %(limit)s times."),
    "bad_json": N_("The response from %(url)s is not valid JSON (%(detail)s)."),
    "bad_xml": N_("The response from %(url)s is not valid or safe XML (%(detail)s)."),
    "truncated": N_("The response from %(url)s ended before it was complete (%(detail)s)."),
}


class FetchError(Exception):
    """A fetch failed; `reason` is a key of MESSAGES, str(error) is the bilingual message."""

    def __init__(self, reason: str, url: str, status: int | None = None, **params):
        self.reason = reason
        self.url = url
        self.status = status
        self.params = dict(params, url=url, status=status)
        super().__init__(bilingual(MESSAGES[reason], **self.params))


@dataclasses.dataclass(frozen=True)
class Policy:
    allowed_hosts: tuple[str, ...] = ()
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float = 120.0
    max_bytes: int = 50 * 1024 * 1024
    max_redirects: int = 5
    max_retries: int = 3
    backoff: float = 1.0


def policy_from_config() -> Policy:
    import ckan.plugins.toolkit as tk

    cfg = tk.config
    return Policy(
        allowed_hosts=tuple(tk.aslist(cfg.get("ckanext.opengov.harvest.allowed_hosts"))),
        connect_timeout=cfg.get("ckanext.opengov.harvest.connect_timeout"),
        read_timeout=cfg.get("ckanext.opengov.harvest.read_timeout"),
        total_timeout=cfg.get("ckanext.opengov.harvest.total_timeout"),
        max_bytes=cfg.get("ckanext.opengov.harvest.max_response_bytes"),
        max_redirects=cfg.get("ckanext.opengov.harvest.max_redirects"),
        max_retries=cfg.get("ckanext.opengov.harvest.max_retries"),
        backoff=cfg.get("ckanext.opengov.harvest.retry_backoff"),
    )


def guarded_connection_class(base, allowed):
    """A urllib3 connection class that resolves, checks and connects to the checked address."""

    class Guarded(base):
        def _new_conn(self):
            host = self._dns_host
            try:
                infos = socket.getaddrinfo(host, self.port, 0, socket.SOCK_STREAM)
            except socket.gaierror as error:
                raise NameResolutionError(self.host, self, error) from error
            # Every answer is checked before any is used: a name with one public and one
            # private address is refused whole (DNS rebinding with several records).
            ips = [sockaddr[0] for _, _, _, _, sockaddr in infos]
            for ip in ips:
                check_address(ip, host, allowed)  # raises ForbiddenAddress
            last_error: Exception | None = None
            for ip in ips:
                try:
                    # An IP literal: create_connection does no further DNS lookup.
                    return u3_connection.create_connection(
                        (ip, self.port), self.timeout,
                        source_address=self.source_address, socket_options=self.socket_options,
                    )
                except socket.timeout:
                    raise
                except OSError as error:
                    last_error = error
            raise NewConnectionError(self, f"Failed to establish a new connection: {last_error}")

    return Guarded


class GuardedAdapter(HTTPAdapter):
    def __init__(self, allowed, **kwargs):
        self._allowed = allowed
        super().__init__(max_retries=0, **kwargs)

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        allowed = self._allowed

        class HTTPPool(HTTPConnectionPool):
            ConnectionCls = guarded_connection_class(HTTPConnection, allowed)

        class HTTPSPool(HTTPSConnectionPool):
            ConnectionCls = guarded_connection_class(HTTPSConnection, allowed)

        self.poolmanager.pool_classes_by_scheme = {"http": HTTPPool, "https": HTTPSPool}
        self.poolmanager.key_fn_by_scheme = dict(self.poolmanager.key_fn_by_scheme)

    def proxy_manager_for(self, *args, **kwargs):  # a proxy would connect on our behalf, unchecked
        raise ForbiddenAddress("proxy")


@dataclasses.dataclass
class Response:
    url: str
    status: int
    headers: dict[str, str]
    content: bytes

    def json(self) -> Any:
        try:
            return json.loads(self.content.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError) as error:
            raise FetchError("bad_json", self.url, detail=str(error)[:200]) from error

    def xml(self):
        return parse_xml(self.content, self.url)


def parse_xml(content: bytes, url: str = ""):
    """Parse XML refusing entity declarations and external references (billion laughs, XXE)."""
    import defusedxml.ElementTree as safe_et
    from defusedxml import DefusedXmlException

    try:
        return safe_et.fromstring(content, forbid_dtd=True)
    except (DefusedXmlException, safe_et.ParseError) as error:
        raise FetchError("bad_xml", url, detail=type(error).__name__ + ": " + str(error)[:200]) from error


class SafeClient:
    """GET and POST with the guards above. One client per harvest job; not thread-safe."""

    def __init__(self, policy: Policy | None = None, headers: dict[str, str] | None = None):
        self.policy = policy or policy_from_config()
        allowed = parse_allowed(self.policy.allowed_hosts)
        self.session = requests.Session()
        self.session.trust_env = False  # ignore *_proxy variables and .netrc
        self.session.headers["User-Agent"] = USER_AGENT
        self.session.headers.update(headers or {})
        adapter = GuardedAdapter(allowed)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def close(self):
        self.session.close()

    def get(self, url: str, **kwargs) -> Response:
        return self.request("GET", url, **kwargs)

    def post_json(self, url: str, data: dict) -> Response:
        return self.request("POST", url, json=data)

    def request(self, method: str, url: str, json: Any = None, params: dict | None = None) -> Response:
        attempt = 0
        while True:
            try:
                response = self._follow(method, url, json, params)
            except FetchError as error:
                retriable = error.reason in ("connection", "timeout", "truncated") or (
                    error.reason == "status" and error.status and error.status >= 500)
                if not retriable or attempt >= self.policy.max_retries:
                    raise
                time.sleep(self.policy.backoff * (2 ** attempt))
                attempt += 1
                continue
            return response

    def _follow(self, method, url, json_body, params) -> Response:
        current = url
        for _ in range(self.policy.max_redirects + 1):
            if urlsplit(current).scheme not in ("http", "https"):
                raise FetchError("scheme", current)
            response = self._once(method, current, json_body, params)
            if isinstance(response, Response):
                return response
            current = response  # the next hop, checked like the first
            params = None
            if method == "POST":  # 301/302/303 turn a POST into a GET, as browsers do
                method, json_body = "GET", None
        raise FetchError("redirects", url, limit=self.policy.max_redirects)

    def _body(self, raw, url: str, deadline: float) -> bytes:
        """The answer's body (a subclass may put it elsewhere: dataapi/fetch.py writes a file)."""
        return b"".join(self._chunks(raw, url, deadline))

    def _chunks(self, raw, url: str, deadline: float, size: int = 64 * 1024):
        """The body in chunks, within the size and total-time limits."""
        policy, total = self.policy, 0
        for chunk in raw.iter_content(size):
            total += len(chunk)
            if total > policy.max_bytes:
                raise FetchError("too_large", url, limit=policy.max_bytes)
            if time.monotonic() > deadline:
                raise FetchError("timeout", url, detail=f"total > {policy.total_timeout}s")
            yield chunk

    def _once(self, method, url, json_body, params) -> Response | str:
        policy = self.policy
        deadline = time.monotonic() + policy.total_timeout
        try:
            with self.session.request(
                method, url, json=json_body, params=params, stream=True, allow_redirects=False,
                timeout=(policy.connect_timeout, policy.read_timeout),
            ) as raw:
                if raw.status_code in REDIRECTS and raw.headers.get("Location"):
                    return urljoin(raw.url, raw.headers["Location"])
                if raw.status_code >= 400:
                    raise FetchError("status", url, status=raw.status_code)
                declared = raw.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > policy.max_bytes:
                    raise FetchError("too_large", url, limit=policy.max_bytes)
                return Response(raw.url, raw.status_code, dict(raw.headers), self._body(raw, url, deadline))
        except FetchError:
            raise
        except ForbiddenAddress as error:
            raise FetchError("forbidden", url, detail=error.address) from error
        except requests.exceptions.ConnectionError as error:
            forbidden = _find_cause(error, ForbiddenAddress)
            if forbidden is not None:
                raise FetchError("forbidden", url, detail=forbidden.address) from error
            if isinstance(error, requests.exceptions.ConnectTimeout) or _find_cause(error, socket.timeout):
                raise FetchError("timeout", url, detail="connect") from error
            if _find_cause(error, ProtocolError) is not None:
                raise FetchError("truncated", url, detail=str(error)[:200]) from error
            raise FetchError("connection", url, detail=str(error)[:200]) from error
        except requests.exceptions.Timeout as error:
            raise FetchError("timeout", url, detail="read") from error
        except requests.exceptions.ChunkedEncodingError as error:
            raise FetchError("truncated", url, detail=str(error)[:200]) from error
        except requests.exceptions.RequestException as error:
            raise FetchError("connection", url, detail=str(error)[:200]) from error


def _find_cause(error: BaseException, kind) -> BaseException | None:
    """Walk __cause__/__context__ and urllib3's `reason` to find an exception of `kind`."""
    seen = set()
    stack = [error]
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, kind):
            return current
        stack.extend([current.__cause__, current.__context__, getattr(current, "reason", None)])
        stack.extend(a for a in getattr(current, "args", ()) if isinstance(a, BaseException))
    return None


def check_source_url(url: str, policy: Policy | None = None, resolve_timeout: float = 3.0) -> None:
    """Refuse, when a source is registered, a URL whose host is or resolves to a forbidden
    address (raises ForbiddenAddress). The fetch-time check stays: DNS answers change.

    Literal addresses in any spelling the resolver accepts are decided without a lookup;
    a name is resolved with a short deadline. A name that does not resolve (yet) passes here
    and is refused at fetch time if it then leads somewhere forbidden.
    """
    policy = policy or policy_from_config()
    allowed = parse_allowed(policy.allowed_hosts)
    host = urlsplit(url).hostname or ""
    literal = literal_address(host)
    if literal is not None:
        check_address(str(literal), host, allowed)
        return
    check_addresses(host, _resolve(host, resolve_timeout), allowed)


def _resolve(host: str, timeout: float) -> list[str]:
    """The addresses of `host`, or none when it does not resolve within `timeout` seconds."""
    import concurrent.futures

    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    future = pool.submit(socket.getaddrinfo, host, None, 0, socket.SOCK_STREAM)
    pool.shutdown(wait=False)  # a hung resolver thread is left to finish on its own
    try:
        infos = future.result(timeout=timeout)
    except (OSError, UnicodeError, concurrent.futures.TimeoutError):
        return []
    return [sockaddr[0] for _, _, _, _, sockaddr in infos]
