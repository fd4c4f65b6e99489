"""A page that lets an action's refusal escape (CKAN's follow buttons, the activity pages'
"changes" views) answers 403 or 404 in Thai and English instead of a server error.

CKAN's views catch NotAuthorized and NotFound one by one; the ones that forget turn a plain
"not allowed" or "no such object" into a 500. These handlers are the net under all of them.
"""
from __future__ import annotations

from ckan.logic import NotAuthorized, NotFound

from ckanext.opengov.messages import N_
from ckanext.opengov.web.responses import refusal

NOT_ALLOWED = N_("You are not allowed to do this. Log in with an account that has the right, "
                 "or ask the agency's administrator.")
NOT_FOUND = N_("Not found: the page or the object it names does not exist, or is not open to you.")


def install(app) -> None:
    app.register_error_handler(NotAuthorized, lambda error: refusal(403, NOT_ALLOWED))
    app.register_error_handler(NotFound, lambda error: refusal(404, NOT_FOUND))
