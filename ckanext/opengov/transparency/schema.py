"""Validation of every transparency input, ``ckan.logic.schema`` style.

The same schemas check the ``opengov_transparency_*`` actions' ``data_dict`` (through
``tk.navl_validate``) and the query parameters of the /transparency pages and downloads
(``params.parse``), so a repeated parameter, a list, an object, a number where a name belongs,
a huge string or a control character is refused with a Thai/English message, never a server error.
"""
from __future__ import annotations

import datetime as dt
import re

import ckan.plugins.toolkit as tk

from ckanext.opengov.messages import N_, bilingual
from ckanext.opengov.tgdc import dates as thai_dates
from ckanext.opengov.tgdc.storable import has_forbidden_characters

BAD_DATE = N_("Write the date as YYYY-MM-DD, e.g. 2026-11-25")
NOT_ONE_VALUE = N_("Give one value here, not a list or an object")
TOO_LONG = N_("Too long: at most %(max)s characters")
CONTROL_CHARACTERS = N_("Must not contain control characters")
NOT_WHOLE_NUMBER = N_("Must be a whole number")
TOO_SMALL = N_("Must be %(low)s or more")
TOO_LARGE = N_("Must be %(high)s or less")
NOT_YES_NO = N_("Must be true or false")
MISSING = N_("Missing value")
UNKNOWN_TABLE = N_("Unknown table. Choose one of: %(tables)s")

NAME_LENGTH = 100  # CKAN's longest name (ids are 36)
MAX_LIMIT = 1000
MAX_OFFSET = 10**9
MAX_PAGE = 10**6
_WHOLE = re.compile(r"[+-]?[0-9]{1,30}")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _invalid(message: str, **params):
    return tk.Invalid(bilingual(message, **params))


def _is_missing(value) -> bool:
    from ckan.lib.navl.dictization_functions import missing

    return value is missing or value is None or value == ""


def text(max_length: int = NAME_LENGTH):
    """One short text value: a number is read as its digits; a list, an object or a boolean is
    refused, as are control characters and text longer than ``max_length``."""
    def validator(value, context):
        if _is_missing(value):
            return value
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise _invalid(NOT_ONE_VALUE)
        value = str(value).strip()
        if len(value) > max_length:
            raise _invalid(TOO_LONG, max=max_length)
        if has_forbidden_characters(value) or any(c in value for c in "\t\r\n"):
            raise _invalid(CONTROL_CHARACTERS)
        return value
    return validator


_DMY_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}")


def iso_date(value, context):
    """A date written YYYY-MM-DD, returned as a ``datetime.date``."""
    if _is_missing(value) or isinstance(value, dt.date):
        return value
    value = text(20)(value, context)
    try:
        if not _ISO_DATE.fullmatch(value) and not _DMY_DATE.fullmatch(value):
            raise ValueError(value)  # fromisoformat also takes 20261125 and week dates
        # 2569-11-25 and 25/11/2569 are Buddhist Era, as Thai readers type them.
        return thai_dates.parse_date(value)
    except ValueError:
        raise _invalid(BAD_DATE)


def whole_number(low: int, high: int, clamp: bool = False):
    """A whole number (JSON number or digits) of at least ``low``; above ``high`` it is refused,
    or lowered to ``high`` when ``clamp`` (limits: ask for too many, get the most we give)."""
    def validator(value, context):
        if _is_missing(value):
            return value
        if isinstance(value, (list, dict)):
            raise _invalid(NOT_ONE_VALUE)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise _invalid(NOT_WHOLE_NUMBER)
        digits = str(value).strip()
        if not _WHOLE.fullmatch(digits):
            raise _invalid(NOT_WHOLE_NUMBER)
        number = int(digits)
        if number < low:
            raise _invalid(TOO_SMALL, low=low)
        if number > high:
            if not clamp:
                raise _invalid(TOO_LARGE, high=high)
            number = high
        return number
    return validator


def yes_no(value, context):
    if _is_missing(value):
        return value
    if isinstance(value, (list, dict)):
        raise _invalid(NOT_ONE_VALUE)
    if isinstance(value, bool):
        return value
    if isinstance(value, (str, int)) and str(value).strip().lower() in ("true", "1", "yes", "on"):
        return True
    if isinstance(value, (str, int)) and str(value).strip().lower() in ("false", "0", "no", "off"):
        return False
    raise _invalid(NOT_YES_NO)


def one_of(choices):
    def validator(value, context):
        if not _is_missing(value) and value not in choices:
            raise _invalid(UNKNOWN_TABLE, tables=", ".join(choices))
        return value
    return validator


def required(key, data, errors, context):
    if _is_missing(data.get(key)):
        errors[key].append(bilingual(MISSING))
        raise tk.StopOnError


def optional(key, data, errors, context):
    """Absent, None or "": the default applies. Unlike core's ignore_empty, 0, False, [] and {}
    go on to the validators (which refuse what is wrong) rather than silently vanishing."""
    if _is_missing(data.get(key)):
        data.pop(key, None)
        raise tk.StopOnError


def _optional():
    return optional


def _date_fields() -> dict:
    return {"date": [_optional(), iso_date]}


def summary_schema() -> dict:
    return dict(_date_fields(), __junk=[tk.get_validator("ignore")])


def table_schema(table_keys) -> dict:
    return dict(
        _date_fields(),
        table=[required, text(50), one_of(list(table_keys))],
        agency=[_optional(), text()],
        limit=[_optional(), whole_number(1, MAX_LIMIT, clamp=True)],
        offset=[_optional(), whole_number(0, MAX_OFFSET, clamp=True)],
        __junk=[tk.get_validator("ignore")],
    )


def agency_schema() -> dict:
    return dict(_date_fields(), id=[required, text()], __junk=[tk.get_validator("ignore")])


def changes_schema() -> dict:
    return dict(
        _date_fields(),
        since=[required, iso_date],
        limit=[_optional(), whole_number(1, MAX_LIMIT, clamp=True)],
        __junk=[tk.get_validator("ignore")],
    )


def refresh_schema() -> dict:
    return dict(_date_fields(), overlap=[_optional(), yes_no], __junk=[tk.get_validator("ignore")])


def page_schema() -> dict:
    return {"page": [_optional(), whole_number(1, MAX_PAGE)]}


def validate(data_dict: dict, schema: dict) -> dict:
    """``tk.navl_validate`` or a ValidationError (409 in the API, 400 on a page)."""
    data, errors = tk.navl_validate(dict(data_dict or {}), schema, {})
    if errors:
        raise tk.ValidationError(errors)
    return data


def messages(error: tk.ValidationError, with_fields: bool = True) -> str:
    """A ValidationError as one line for a page: "field: message; …" (without the field names
    for a form of one field, whose reader never typed them)."""
    return "; ".join(f"{field}: {m}" if with_fields else str(m) for field, msgs in error.error_dict.items()
                     for m in (msgs if isinstance(msgs, list) else [msgs]))
