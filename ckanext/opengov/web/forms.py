"""Core forms that fail with a 500 when a field their view reads unconditionally is missing
(a crafted POST, or a form from an older page): answered 400 in Thai and English instead."""
from __future__ import annotations

from flask import request

from ckanext.opengov.messages import N_
from ckanext.opengov.web.responses import refusal

INCOMPLETE = N_("The form was not sent completely (missing: %(fields)s). Reload the page and try again.")

# endpoint (or the end of it, for every dataset type's blueprint) -> fields its view indexes
REQUIRED = {
    "resource.new": ("save", "id"),      # ckan/views/resource.py CreateView.post: del data["save"]; data.pop("id")
    "resource.edit": ("save",),          # EditView.post: del data["save"]
    "user.login": ("login", "password"),  # user.login: request.form.get("login").lower() on None
}


def missing_fields(endpoint: str, form_keys) -> list[str]:
    for suffix, fields in REQUIRED.items():
        if endpoint == suffix or endpoint.endswith("_" + suffix):
            return [name for name in fields if name not in form_keys]
    return []


def install(app) -> None:
    @app.before_request
    def refuse_incomplete_forms():
        if request.method != "POST" or not request.endpoint:
            return None
        missing = missing_fields(request.endpoint, request.form.keys())
        if missing:
            return refusal(400, INCOMPLETE, fields=", ".join(missing))
        return None
