"""Browser-side hardening of every response: headers, CSRF for cookie-authenticated API writes,
request limits, and 4xx (not 500) for refusals that escape CKAN's views.

CKAN 2.12 hands IMiddleware the Flask app; each part registers its own request hooks or wraps
``app.wsgi_app``, and the same Flask app is returned.
"""
from __future__ import annotations

from ckanext.opengov.web import cache, csrf, errors, forms, headers, limits


def make_middleware(app, config):
    limits.install(app)
    csrf.install(app)
    errors.install(app)
    forms.install(app)
    headers.install(app, config)
    cache.install(app, config)
    return app
