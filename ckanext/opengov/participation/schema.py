"""Validation of every participation input, ``ckan.logic.schema`` style (``tk.navl_validate``).

Builds on the transparency validators (one value, no control characters, bounded length, whole
numbers, yes/no) and adds what free text from the public needs: no markup (HTML tags or Markdown
links/images are refused rather than escaped, so what was asked is what is shown) and bounded
multi-line text. Unknown keys are refused, so a misspelt field is not silently dropped.
"""
from __future__ import annotations

import re

import ckan.plugins.toolkit as tk

from ckanext.opengov.messages import N_, bilingual
from ckanext.opengov.tgdc.storable import has_forbidden_characters
from ckanext.opengov.transparency.schema import (  # noqa: F401  (re-exported for the actions)
    iso_date, messages, optional, required, text, validate, whole_number, yes_no)

NO_MARKUP = N_("Write plain text: HTML tags and Markdown links are not allowed")
TOO_LONG = N_("Too long: at most %(max)s characters")
NOT_TEXT = N_("Give text here, not a number, a list or an object")
CONTROL_CHARACTERS = N_("Must not contain control characters")
UNKNOWN_CHOICE = N_("Unknown value. Choose one of: %(choices)s")
UNKNOWN_FIELD = N_("Unknown fields: %(fields)s")

STATUSES = ("open", "received", "in_progress", "published", "declined", "redirected")
ANSWERS = STATUSES[1:]  # what an agency may set
FREQUENCIES = ("daily", "weekly", "off")
LANGUAGES = ("th", "en")
MODERATIONS = ("hide", "show", "delete")

TITLE_LENGTH = 200
BODY_LENGTH = 5000
NOTE_LENGTH = 2000
MAX_LIST = 100

_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?]|\]\s*\(|javascript:", re.I)


def _invalid(message: str, **params):
    return tk.Invalid(bilingual(message, **params))


def plain_text(max_length: int, multiline: bool = True):
    """Free text typed by a person: a string (a number is refused: it is not what was asked),
    without markup or control characters (tab, CR and LF allowed when ``multiline``)."""
    def validator(value, context):
        from ckan.lib.navl.dictization_functions import missing

        if value is missing or value is None:
            return value
        if not isinstance(value, str):
            raise _invalid(NOT_TEXT)
        value = value.replace("\r\n", "\n").strip()
        if len(value) > max_length:
            raise _invalid(TOO_LONG, max=max_length)
        if has_forbidden_characters(value) or (not multiline and any(c in value for c in "\t\r\n")):
            raise _invalid(CONTROL_CHARACTERS)
        if _MARKUP.search(value):
            raise _invalid(NO_MARKUP)
        return value
    return validator


def choice(choices):
    def validator(value, context):
        from ckan.lib.navl.dictization_functions import missing

        if value is missing or value is None or value == "":
            return value
        if not isinstance(value, str) or value not in choices:
            raise _invalid(UNKNOWN_CHOICE, choices=", ".join(choices))
        return value
    return validator


def refuse_unknown(key, data, errors, context):
    """``__extras``: keys the schema does not name are an error, not a silent drop. They are
    named under one key of our own: CKAN's ValidationError reads a "tags" key as tag errors."""
    extras = data.pop(key, None) or {}
    if extras:
        names = sorted(str(name)[:50] for name in extras)[:10]
        shown = ", ".join("".join(c for c in n if c.isprintable()) for n in names)
        errors[("unknown_fields",)] = [bilingual(UNKNOWN_FIELD, fields=shown)]


def _strict(schema: dict) -> dict:
    return dict(schema, __extras=[refuse_unknown], __junk=[tk.get_validator("ignore")])


def create_schema() -> dict:
    return _strict({
        "title": [required, plain_text(TITLE_LENGTH, multiline=False)],
        "description": [required, plain_text(BODY_LENGTH)],
        "purpose": [optional, plain_text(NOTE_LENGTH)],
        "wanted_format": [optional, plain_text(100, multiline=False)],
        "organization": [optional, text()],
        "private": [optional, yes_no],
    })


def id_schema() -> dict:
    return _strict({"id": [required, text()]})


def list_schema() -> dict:
    return _strict({
        "q": [optional, plain_text(TITLE_LENGTH, multiline=False)],
        "organization": [optional, text()],
        "status": [optional, choice(STATUSES)],
        "mine": [optional, yes_no],
        "limit": [optional, whole_number(1, MAX_LIST, clamp=True)],
        "offset": [optional, whole_number(0, 10**6)],
    })


def update_schema() -> dict:
    return _strict({
        "id": [required, text()],
        "status": [required, choice(ANSWERS)],
        "note": [optional, plain_text(NOTE_LENGTH)],
        "dataset": [optional, text()],
        "organization": [optional, text()],
    })


def comment_schema() -> dict:
    return _strict({"id": [required, text()], "text": [required, plain_text(NOTE_LENGTH)]})


def moderate_schema() -> dict:
    return _strict({
        "id": [optional, text()],
        "comment_id": [optional, text()],
        "action": [required, choice(MODERATIONS)],
    })


def search_follow_schema() -> dict:
    return _strict({
        "q": [optional, plain_text(TITLE_LENGTH, multiline=False)],
        "organization": [optional, text()],
        "groups": [optional, text()],
    })


def subscribe_schema() -> dict:
    return _strict({
        "frequency": [required, choice(FREQUENCIES)],
        "language": [optional, choice(LANGUAGES)],
    })


def send_schema() -> dict:
    return _strict({"frequency": [optional, choice(FREQUENCIES[:2])]})


def whats_new_schema() -> dict:
    return _strict({
        "since": [optional, iso_date],
        "organization": [optional, text()],
        "group": [optional, text()],
        "dataset": [optional, text()],
        "limit": [optional, whole_number(1, 1000, clamp=True)],
    })


def responsiveness_schema() -> dict:
    return _strict({"organization": [optional, text()]})
