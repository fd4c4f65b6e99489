"""Refusals in Thai and English: JSON in the Action API's shape for API calls, CKAN's error page
for everything else."""
from __future__ import annotations

import json

from flask import make_response, request

from ckanext.opengov.messages import bilingual

ERROR_TYPES = {400: "Bad Request", 403: "Authorization Error", 413: "Request Entity Too Large"}


def refusal(status: int, message: str, **params):
    text = bilingual(message, **params)
    if request.blueprint == "api" or request.path.startswith("/api/"):
        body = {"success": False, "error": {"__type": ERROR_TYPES.get(status, "Error"), "message": text}}
        response = make_response(json.dumps(body, ensure_ascii=False), status)
        response.headers["Content-Type"] = "application/json;charset=utf-8"
        return response
    from ckan.lib import base

    page = base.render("error_document_template.html", {"code": status, "content": text, "name": ""})
    return make_response(page, status)
