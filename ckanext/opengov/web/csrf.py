"""CSRF protection for writes authenticated by the session cookie alone, API calls included.

CKAN 2.12 exempts a view from Flask-WTF's check when the caller is anonymous or sent an API
token, but it does so by calling ``csrf.exempt(view)``, which Flask-WTF keeps for the life of
the process: after the first anonymous request to ``/api/3/action/...`` (or to any form),
that view accepts cookie-authenticated POSTs without a token for everyone. This check runs
after Flask-WTF's and repeats it for every cookie-authenticated write, ignoring exemptions
that were added while serving requests; exemptions declared before the first request (by
CKAN or a plugin, with ``@csrf.exempt``) still hold.
"""
from __future__ import annotations

from flask import current_app, g, request
from flask_wtf.csrf import CSRFError

from ckanext.opengov.messages import N_
from ckanext.opengov.web.responses import refusal

# CKAN keeps one CSRFProtect for the process, shared by every app it makes (the tests make
# many): what it exempts before the first app is made was declared, the rest was added by
# requests.
_declared: tuple[frozenset, frozenset] | None = None


def install(app) -> None:
    global _declared
    csrf = app.extensions.get("csrf")
    if csrf is None:  # Flask-WTF not set up: nothing to repeat
        return
    if _declared is None:
        _declared = (frozenset(csrf._exempt_views), frozenset(csrf._exempt_blueprints))
    declared_views, declared_blueprints = _declared
    # Flask-WTF's own refusal and ours: 403, in Thai and English, JSON for the API.
    app.register_error_handler(CSRFError, _refuse)

    @app.before_request
    def protect_cookie_writes():
        config = current_app.config
        if not config.get("WTF_CSRF_ENABLED") or not config.get("WTF_CSRF_CHECK_DEFAULT", True):
            return
        if request.method not in config["WTF_CSRF_METHODS"] or not request.endpoint:
            return
        # A token in the Authorization header, or no identity at all: nothing a forged
        # cross-site request could borrow.
        if g.get("login_via_auth_header") or g.get("csrf_valid"):
            return
        view = current_app.view_functions.get(request.endpoint)
        if view is None or current_app.blueprints.get(request.blueprint) in declared_blueprints:
            return
        if f"{view.__module__}.{view.__name__}" in declared_views:
            return
        csrf.protect()  # raises CSRFError (400), which CKAN shows as a bad request


FORGED = N_(
    "This request was refused: a change made with your login session must carry the form's "
    "security token (CSRF). Reload the page and try again, or call the API with an API token."
)


def _refuse(error):
    return refusal(403, FORGED)


# Pages whose scripts write for anonymous visitors: a resource view's frame (the table preview,
# datatables_view, posts its queries with the token from the page's <meta>), by endpoint suffix:
# CKAN names the resource blueprint per dataset type (dataset_resource.view, harvest_resource.view).
ANONYMOUS_SCRIPT_WRITES = ("resource.view", "datatablesview.")


def page_needs_token(logged_in: bool, method: str, endpoint: str | None, session_has_token: bool) -> bool:
    """Whether a page carries CKAN's CSRF token in its <meta> (for scripts that write).

    Making a token starts a session, and a page that sets a cookie is never cached (nginx, see
    dev/nginx.conf.in): CKAN 2.12 puts one in every page, so no anonymous page was ever cached.
    Anonymous readers write nothing from scripts, except on ANONYMOUS_SCRIPT_WRITES; their forms
    (login, data requests) still get a token from ``h.csrf_input`` in the form itself."""
    return (logged_in or session_has_token or method != "GET"
            or any(part in (endpoint or "") for part in ANONYMOUS_SCRIPT_WRITES))
