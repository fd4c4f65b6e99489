"""A bounded stale-while-revalidate on the anonymous answers CKAN marks public.

CKAN sends ``public, max-age=<ckan.cache_expires>, must-revalidate``. When such an entry expired
in nginx's cache, every request for it went to CKAN until one answer was stored again
(``proxy_cache_lock`` only holds back requests for a new entry), seconds under load. With ``stale-while-revalidate=N`` (RFC 5861) nginx
(``proxy_cache_background_update on``, dev/nginx.conf.in) serves the expired copy for at most N
more seconds while one background request renders the page again. The bound is the point: a page
whose refresh answers 403/404 (the dataset went private) is not stored, and after
max-age + N seconds nginx asks CKAN again for every request. ``must-revalidate`` forbids serving
a stale copy at all, so it gives way to the bounded allowance.

Done at the WSGI level (around ``app.wsgi_app``) because CKAN sets Cache-Control in its own
after-request hook, whose order against ours Flask does not promise.
"""
from __future__ import annotations

from typing import Iterable

OPTION = "ckanext.opengov.cache_stale_seconds"


def with_stale_while_revalidate(cache_control: str, seconds: int) -> str:
    """The Cache-Control value with a stale-while-revalidate of `seconds` when it is a public
    answer with a max-age; anything else (private, no-store, no max-age) is left as it is."""
    if seconds <= 0:
        return cache_control
    directives = [part.strip() for part in cache_control.split(",") if part.strip()]
    names = {part.split("=", 1)[0].strip().lower() for part in directives}
    if "public" not in names or "max-age" not in names or names & {"private", "no-store", "no-cache"}:
        return cache_control
    kept = [part for part in directives
            if part.split("=", 1)[0].strip().lower() not in ("must-revalidate", "stale-while-revalidate")]
    return ", ".join(kept + [f"stale-while-revalidate={seconds}"])


def rewrite(headers: Iterable[tuple[str, str]], seconds: int) -> list[tuple[str, str]]:
    return [(name, with_stale_while_revalidate(value, seconds) if name.lower() == "cache-control" else value)
            for name, value in headers]


def install(app, config) -> None:
    seconds = int(config.get(OPTION) or 0)  # declared int, default in config_declaration.yaml
    if seconds <= 0:
        return
    inner = app.wsgi_app

    def bounded_stale(environ, start_response):
        def start(status, response_headers, exc_info=None):
            return start_response(status, rewrite(response_headers, seconds), exc_info)

        return inner(environ, start)

    app.wsgi_app = bounded_stale
