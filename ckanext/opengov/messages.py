"""Error messages that reach people in Thai and in English.

Agencies read Thai; API clients and journalists abroad read English. A validation error is
therefore given as "Thai / English" (English alone when the reader chose English).
Mark message ids with ``N_`` so extraction finds them while the text stays untranslated here.
"""
from __future__ import annotations

import ckan.plugins.toolkit as tk


def N_(message: str) -> str:  # noqa: N802  (gettext's conventional name for "mark only")
    return message


def _in_thai(message: str) -> str:
    try:
        from flask_babel import force_locale

        with force_locale("th"):
            return tk._(message)
    except (RuntimeError, KeyError):  # no Flask app or request context: outside CKAN
        return message


def bilingual(message: str, thai_params: dict | None = None, **params) -> str:
    """"Thai / English" (English alone on English pages); ``thai_params`` replace values for the
    Thai half (a date in the Buddhist Era, say)."""
    english = message % params if params else message
    try:
        if tk.h.lang() == "en":
            return english
    except (RuntimeError, AttributeError):
        pass
    params_th = {**params, **(thai_params or {})}
    thai = _in_thai(message) % params_th if params_th else _in_thai(message)
    return english if thai == english else f"{thai} / {english}"


def field_error(field: dict, message: str, **params) -> str:
    """``bilingual`` with the field's own label in front, so an API error names the field in Thai."""
    label = field.get("label") or {}
    if not isinstance(label, dict):
        label = {"th": label, "en": label}
    english = f"{label.get('en', field['field_name'])}: {message % params if params else message}"
    try:
        if tk.h.lang() == "en":
            return english
    except (RuntimeError, AttributeError):
        pass
    thai_message = _in_thai(message)
    thai = f"{label.get('th', field['field_name'])}: {thai_message % params if params else thai_message}"
    return english if thai == english else f"{thai} / {english}"
