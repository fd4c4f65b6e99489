"""Security headers on every response, and session cookies marked Secure on https.

Done at the WSGI level (around ``app.wsgi_app``) so static files, error pages and responses
made by other middleware get them too.
"""
from __future__ import annotations

from typing import Iterable

# Pages may be framed by the portal itself only (clickjacking); CKAN's resource view is the one
# page made to be embedded elsewhere ("Embed" button), so it keeps no frame restriction.
FRAME_POLICY = "frame-ancestors 'self'"
BASE_HEADERS = (
    ("X-Content-Type-Options", "nosniff"),
    # Full URLs (which may name a private dataset) stay on the portal; other sites see the origin.
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
)
# Headers that only advertise software and versions.
BANNERS = ("x-powered-by", "x-aspnet-version", "x-runtime")
EMBEDDABLE = "opengov.embeddable"


def harden(headers: Iterable[tuple[str, str]], *, https: bool, embeddable: bool) -> list[tuple[str, str]]:
    """The response headers with the security headers added (an app's own value wins), banners
    removed and, on https, every cookie marked Secure."""
    out = []
    for name, value in headers:
        lower = name.lower()
        if lower in BANNERS:
            continue
        if lower == "set-cookie" and https and not _has_attribute(value, "secure"):
            value = f"{value}; Secure"
        out.append((name, value))
    present = {name.lower() for name, _ in out}
    for name, value in BASE_HEADERS:
        if name.lower() not in present:
            out.append((name, value))
    if not embeddable:
        if "x-frame-options" not in present:
            out.append(("X-Frame-Options", "SAMEORIGIN"))
        if "content-security-policy" not in present:
            out.append(("Content-Security-Policy", FRAME_POLICY))
    return out


def _has_attribute(cookie: str, attribute: str) -> bool:
    return any(part.strip().lower() == attribute for part in cookie.split(";")[1:])


def is_https(environ: dict, site_url: str) -> bool:
    """Served over https: the site is configured so, the server says so, or the proxy in front
    (nginx) does. Trusting X-Forwarded-Proto here can only make cookies stricter."""
    return (
        site_url.lower().startswith("https://")
        or environ.get("wsgi.url_scheme") == "https"
        or environ.get("HTTP_X_FORWARDED_PROTO", "").split(",")[0].strip().lower() == "https"
    )


def install(app, config) -> None:
    site_url = config.get("ckan.site_url") or ""
    inner = app.wsgi_app

    def hardened(environ, start_response):
        def start(status, response_headers, exc_info=None):
            hardened_headers = harden(
                response_headers, https=is_https(environ, site_url), embeddable=bool(environ.get(EMBEDDABLE)),
            )
            return start_response(status, hardened_headers, exc_info)

        return inner(environ, start)

    app.wsgi_app = hardened

    @app.before_request
    def mark_embeddable():
        from flask import request

        if (request.endpoint or "").endswith("resource.view"):
            request.environ[EMBEDDABLE] = True
