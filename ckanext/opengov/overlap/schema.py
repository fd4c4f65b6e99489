"""CKAN schemas (navl) of the overlap actions' input."""
from __future__ import annotations

import ckan.plugins.toolkit as tk

from ckanext.opengov.messages import N_, bilingual

VERDICTS = ("duplicate", "not_duplicate")
MAX_NOTE = 1000
BAD_VERDICT = N_("Verdict must be duplicate or not_duplicate")
NOTE_TOO_LONG = N_("The note is longer than %(n)s characters")
TOO_MANY = N_("At most %(n)s at a time")


def _verdict(value):
    if value not in VERDICTS:
        raise tk.Invalid(bilingual(BAD_VERDICT))
    return value


def _note(value):
    if len(value) > MAX_NOTE:
        raise tk.Invalid(bilingual(NOTE_TOO_LONG, n=MAX_NOTE))
    return value


def _at_most(n: int):
    def check(value):
        if int(value) > n:
            raise tk.Invalid(bilingual(TOO_MANY, n=n))
        return int(value)
    return check


def judge_schema() -> dict:
    v = tk.get_validator
    return {
        "package_a": [v("not_empty"), v("unicode_safe"), v("package_id_or_name_exists")],
        "package_b": [v("not_empty"), v("unicode_safe"), v("package_id_or_name_exists")],
        "verdict": [v("not_empty"), v("unicode_safe"), _verdict],
        "note": [v("default")(""), v("unicode_safe"), v("strip_value"), _note],
    }


def list_schema() -> dict:
    v = tk.get_validator
    return {
        "id": [v("ignore_missing"), v("unicode_safe"), v("package_id_or_name_exists")],
        "limit": [v("default")(100), v("natural_number_validator"), _at_most(1000)],
        "offset": [v("default")(0), v("natural_number_validator")],
    }
