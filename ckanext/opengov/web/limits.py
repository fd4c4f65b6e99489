"""Request limits: bodies too large, JSON nested too deep, and API bodies that are not a JSON
object are refused with a 4xx in Thai and English before CKAN reads them.

CKAN's Action API parses the body with ``json.loads`` (a body nested a few thousand deep raises
RecursionError, a 500) and reads any size into memory.
"""
from __future__ import annotations

import json
from typing import Any

from flask import request
from werkzeug.exceptions import RequestEntityTooLarge

from ckanext.opengov.messages import N_
from ckanext.opengov.web.responses import refusal

# Non-file bodies: the largest TGDC record with hundreds of resources is well under 1 MB.
MAX_BODY_BYTES = 10 * 1024 * 1024
# TGDC records nest 4 deep (dataset → resources → resource → value); scheming's composite
# fields a few more.
MAX_JSON_DEPTH = 64

TOO_LARGE = N_("The request body is too large: at most %(limit)s bytes are accepted.")
TOO_DEEP = N_("The JSON in the request is nested too deeply: at most %(limit)s levels are accepted.")
NOT_JSON = N_("The request body is not valid JSON.")
NOT_OBJECT = N_("The request body must be a JSON object ({...}); it is a JSON %(kind)s.")

# JSON's own type names, the same in both languages.
KINDS = {list: "array", str: "string", int: "number", float: "number", bool: "boolean", type(None): "null"}


def depth_exceeds(value: Any, limit: int) -> bool:
    """Whether a parsed JSON value nests deeper than ``limit`` (counted without recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth > limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


def json_problem(text: str | bytes, *, need_object: bool) -> tuple[str, dict] | None:
    """Why a JSON body is refused (a message and its parameters), or None when it is fine."""
    try:
        value = json.loads(text)
    except RecursionError:
        return TOO_DEEP, {"limit": MAX_JSON_DEPTH}
    except ValueError:  # includes UnicodeDecodeError
        return NOT_JSON, {}
    if depth_exceeds(value, MAX_JSON_DEPTH):
        return TOO_DEEP, {"limit": MAX_JSON_DEPTH}
    if need_object and not isinstance(value, dict):
        return NOT_OBJECT, {"kind": KINDS.get(type(value), "value")}
    return None


def _is_multipart() -> bool:
    return (request.mimetype or "") == "multipart/form-data"


def _api_json_text():
    """The text CKAN's Action API will parse as JSON, as ``_get_request_data`` picks it: a form
    with one key and no value carries JSON in the key; otherwise a non-form body."""
    if request.mimetype == "application/x-www-form-urlencoded" or _is_multipart():
        form = request.form
        values = list(form.values())
        if len(values) == 1 and values[0] in ("1", ""):
            return next(iter(form.keys()))
        return None
    data = request.get_data(cache=True)
    return data or None


def install(app) -> None:
    @app.before_request
    def limit_request():
        if request.method not in ("POST", "PUT", "PATCH", "DELETE"):
            return None
        try:
            problem = _problem()
        except RequestEntityTooLarge:  # a chunked body that went past the limit while read
            problem = (413, TOO_LARGE, {"limit": f"{MAX_BODY_BYTES:,}"})
        if problem:
            status, message, params = problem
            return refusal(status, message, **params)
        return None


def _problem() -> tuple[int, str, dict] | None:
    if not _is_multipart():  # file uploads are bounded by ckan.max_resource_size
        if (request.content_length or 0) > MAX_BODY_BYTES:
            return 413, TOO_LARGE, {"limit": f"{MAX_BODY_BYTES:,}"}
        request.max_content_length = MAX_BODY_BYTES  # a chunked body, whose length is unknown
    if request.endpoint == "api.action":
        text = _api_json_text()
        found = text is not None and json_problem(text, need_object=True)
    elif request.is_json:
        text = request.get_data(cache=True)
        found = bool(text) and json_problem(text, need_object=False)
    else:
        found = None
    return (400, *found) if found else None
