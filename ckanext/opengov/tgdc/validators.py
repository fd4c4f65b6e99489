"""CKAN validators for the TGDC schema. Logic lives in pure modules beside this one."""
from __future__ import annotations

from itertools import count
from typing import Any

import ckan.model as model
import ckan.plugins.toolkit as tk
from ckan.lib.navl.dictization_functions import missing

from ckanext.scheming.validation import scheming_validator

from ckanext.opengov.tgdc import agencies
from ckanext.opengov.messages import N_, bilingual, field_error
from ckanext.opengov.tgdc import classification as gate
from ckanext.opengov.tgdc import booleans, contact, dates, datatypes, markup
from ckanext.opengov.tgdc import tags as tag_rules
from ckanext.opengov.tgdc.vocabularies import ALLOWED_CLASSIFICATIONS
from ckanext.opengov.portal import form_validators

TAG_MESSAGES = {
    "too_short": N_('Tag "%(tag)s" is shorter than %(min)s characters'),
    "too_long": N_('Tag "%(tag)s" is longer than %(max)s characters'),
    "bad_characters": N_(
        'Tag "%(tag)s" may contain only letters (Thai included), digits, '
        "spaces and the characters - _ ."
    ),
}


def _tag_message(problem: str, tag: str) -> str:
    return bilingual(TAG_MESSAGES[problem], tag=tag, min=tag_rules.MIN_LENGTH, max=tag_rules.MAX_LENGTH)


def thai_tag_name_validator(value: Any, context: dict) -> Any:
    """Replaces CKAN's ``tag_name_validator`` (and its length check) so Thai tags pass."""
    problem = tag_rules.tag_problem(str(value))
    if problem:
        raise tk.Invalid(_tag_message(problem, value))
    return value


def thai_tag_string_convert(key, data, errors, context) -> None:
    """Replaces CKAN's ``tag_string_convert``: split "a, b" into tags and validate each."""
    value = data[key]
    tags = tag_rules.split_tag_string(value) if isinstance(value, str) else list(value)
    first = max([int(k[1]) for k in data if len(k) == 3 and k[0] == "tags"] + [-1]) + 1
    for num, tag in zip(count(first), tags):
        data[("tags", num, "name")] = tag
    for tag in tags:
        thai_tag_name_validator(tag, context)


GATE_MESSAGES = {
    "classification_required": N_(
        "Choose a data classification: only data in the category ข้อมูลสาธารณะ is เปิดเผย by default"
    ),
    "pair_not_allowed": N_(
        'Data in the category "%(category)s" cannot be classified "%(classification)s"; '
        "allowed: %(allowed)s"
    ),
    "classified_cannot_be_public": N_(
        'Data classified "%(classification)s" cannot be public: only เปิดเผย data may be '
        "published. Make the dataset private or change its classification."
    ),
}


NOT_A_BOOLEAN = N_(
    'Visibility must be true (private) or false (public); "%(value)s" is neither. Nothing was changed.'
)


def _absent(value: Any) -> bool:
    return value is missing or value is None or value == ""


def opengov_private(key, data, errors, context) -> None:
    """``private`` read one way only (tgdc/booleans.py), stored as a bool; anything unclear is refused.

    Core's boolean_validator stores "on", " true" or ["true"] as False while other code read them
    as True: the gate then judged a dataset private that was stored public. Absent means "keep":
    core stores False on create and leaves the stored value on update.
    """
    value = data.get(key)
    if _absent(value):
        data.pop(key, None)
        raise tk.StopOnError
    reading = booleans.as_bool(value)
    if reading is None:
        errors[key].append(bilingual(NOT_A_BOOLEAN, value=str(value)[:50]))
        raise tk.StopOnError
    data[key] = reading


def _private_to_store(data: dict) -> bool:
    """The ``private`` this write will store: the value sent, else the stored one (False if new).

    An unreadable value counts as private here; opengov_private refuses the write anyway.
    """
    value = data.get(("private",))
    if not _absent(value):
        reading = booleans.as_bool(value)
        return True if reading is None else reading
    dataset_id = data.get(("id",))
    stored = model.Package.get(dataset_id) if isinstance(dataset_id, str) and dataset_id else None
    return bool(stored and stored.private)


def opengov_classification_gate(key, data, errors, context) -> None:
    """Fill a missing classification for public data, then apply the category/classification gate."""
    category = data.get(("data_category",))
    value = gate.effective_classification(category, data.get(key))
    if value:
        data[key] = value
    private = _private_to_store(data)
    problem = gate.gate_problem(category, value, private)
    if problem:
        allowed = ", ".join(ALLOWED_CLASSIFICATIONS.get(category, ()) if isinstance(category, str) else ())
        errors[key].append(
            bilingual(GATE_MESSAGES[problem], category=category, classification=value, allowed=allowed)
        )
        raise tk.StopOnError


KEYWORDS_REQUIRED = N_("Give at least one keyword")


def opengov_tags_required(key, data, errors, context) -> None:
    """Keywords are required, given as ``tag_string`` (forms) or as ``tags`` (API, package_patch)."""
    value = data.get(key)
    has_tags = any(k[0] == "tags" and len(k) == 3 and k[2] == "name" and data[k] for k in data)
    if not value or value is missing:
        if not has_tags:
            errors[key].append(bilingual(KEYWORDS_REQUIRED))
        raise tk.StopOnError


DATE_MESSAGES = {
    "format": N_('"%(value)s" is not a date: write 25/11/2569, 2569-11-25 or 2026-11-25'),
    "year": N_(
        '"%(value)s" is not a date: the year must be from %(low_be)s to %(high_be)s BE '
        "(%(low)s to %(high)s CE)"
    ),
    "month": N_('"%(value)s" is not a date: there is no month %(month)s'),
    "day": N_('"%(value)s" is not a date: that month has %(last_day)s days'),
    "year_format": N_('"%(value)s" is not a year: write a Buddhist-Era year such as 2568'),
    "year_not_be": N_('%(value)s looks like a Common-Era year: write the Buddhist-Era year (%(be)s)'),
    "year_range": N_("%(value)s is too far in the future (latest %(latest)s)"),
}


def _date_invalid(problem: dates.DateProblem) -> tk.Invalid:
    return tk.Invalid(bilingual(DATE_MESSAGES[problem.key], **problem.params))


def opengov_thai_date(value: Any, context: dict) -> Any:
    """Accept BE or CE dates in the common Thai forms; store ISO CE (YYYY-MM-DD)."""
    if value is missing or value in (None, ""):
        return value
    try:
        return dates.parse_date(str(value)).isoformat()
    except dates.DateProblem as problem:
        raise _date_invalid(problem)


def opengov_be_year(value: Any, context: dict) -> Any:
    """A year in the Buddhist Era (2568); stored as the BE year the standard uses."""
    if value is missing or value in (None, ""):
        return value
    try:
        return str(dates.parse_be_year(value))
    except dates.DateProblem as problem:
        raise _date_invalid(problem)


CONTACT_MESSAGES = {
    "phone": N_('"%(value)s" is not a Thai telephone number: write e.g. 02-141-7000, 081-234-5678 or 1111'),
    "url": N_('"%(value)s" is not a web address: write one starting with http:// or https://'),
    "email": N_('"%(value)s" is not an e-mail address'),
    "number": N_('"%(value)s" is not a number'),
    "number_range": N_("%(value)s is outside %(low)s to %(high)s"),
    "other_required": N_('You chose "%(trigger)s": describe it here'),
}


def _contact_validator(problem_of):
    """A scheming validator that refuses a value ``problem_of`` finds fault with, naming the field."""

    @scheming_validator
    def factory(field, schema):
        def validator(value, context):
            if value is missing or value in (None, ""):
                return value
            problem = problem_of(str(value))
            if problem:
                raise tk.Invalid(field_error(field, CONTACT_MESSAGES[problem], value=value))
            return str(value).strip()

        return validator

    return factory


opengov_thai_phone = _contact_validator(contact.phone_problem)
opengov_url = _contact_validator(contact.url_problem)
opengov_email = _contact_validator(contact.email_problem)


def opengov_number_range(low, high):
    low, high = float(low), float(high)

    @scheming_validator
    def factory(field, schema):
        def validator(value, context):
            if value is missing or value in (None, ""):
                return value
            problem = contact.number_problem(value, low, high)
            if problem:
                raise tk.Invalid(
                    field_error(field, CONTACT_MESSAGES[problem], value=value, low=low, high=high)
                )
            return str(float(value))

        return validator

    return factory


NOT_A_LIST = N_("Give one value here, not a list")


def opengov_single_value(key, data, errors, context) -> None:
    """Refuse a list or object where one value belongs (core's format validators crash on them)."""
    if isinstance(data.get(key), (list, dict)):
        errors[key].append(bilingual(NOT_A_LIST))
        raise tk.StopOnError


def opengov_boolean(value: Any, context: dict) -> Any:
    """Agency catalogs send True/False as booleans or strings; store the strings "True"/"False"."""
    if value is missing or value in (None, ""):
        return value
    # An unreadable value goes on unchanged: scheming_choices after this refuses it, listing the choices.
    return booleans.as_bool_text(value) or value


UNSAFE_URL = N_(
    "Links may use only http://, https:// or ftp:// (or upload a file); this address would run "
    "in the reader's browser"
)
FORMAT_MARKUP = N_('A format is a short name such as CSV or XLSX: the characters < > " \' ` are not allowed')


def opengov_resource_url(value: Any, context: dict) -> Any:
    """Refuse javascript:, data:, vbscript: and any other scheme but http, https and ftp,
    however spelled (" JaVaScRiPt:", "java\tscript:", "&#106;avascript:")."""
    if isinstance(value, str) and markup.url_scheme_problem(value):
        raise tk.Invalid(bilingual(UNSAFE_URL))
    return value


def opengov_resource_format(value: Any, context: dict) -> Any:
    """A format holding markup would run in the editor's format autocomplete (core does not escape it)."""
    if isinstance(value, str) and markup.has_markup(value):
        raise tk.Invalid(bilingual(FORMAT_MARKUP))
    return value


def _data_type_of(key: tuple, data: dict):
    return data.get(("data_type",))


@scheming_validator
def opengov_type_specific(field, schema):
    """Drop a field that does not belong to the dataset's type, so it is neither stored nor shown."""

    def validator(key, data, errors, context):
        if not datatypes.applies(field, _data_type_of(key, data)):
            data.pop(key, None)
            raise tk.StopOnError

    return validator


@scheming_validator
def opengov_other_text(field, schema):
    """The free-text companion of a list: required when "อื่นๆ" is chosen, dropped otherwise."""
    trigger = datatypes.other_trigger(field)

    def validator(key, data, errors, context):
        base = data.get(key[:-1] + (field["other_of"],))
        value = data.get(key)
        if not datatypes.chose_other(base, trigger):
            data.pop(key, None)
            raise tk.StopOnError
        if value is missing or not str(value or "").strip():
            errors[key].append(field_error(field, CONTACT_MESSAGES["other_required"], trigger=trigger))
            raise tk.StopOnError
        data[key] = str(value).strip()

    return validator


def get_validators() -> dict:
    return {
        "opengov_ministry": agencies.opengov_ministry,
        "opengov_agency_code": agencies.opengov_agency_code,
        "opengov_thai_phone": opengov_thai_phone,
        "opengov_url": opengov_url,
        "opengov_email": opengov_email,
        "opengov_number_range": opengov_number_range,
        "opengov_boolean": opengov_boolean,
        "opengov_single_value": opengov_single_value,
        "opengov_type_specific": opengov_type_specific,
        "opengov_other_text": opengov_other_text,
        "opengov_thai_date": opengov_thai_date,
        "opengov_be_year": opengov_be_year,
        "opengov_tags_required": opengov_tags_required,
        "opengov_classification_gate": opengov_classification_gate,
        "opengov_private": opengov_private,
        "opengov_resource_url": opengov_resource_url,
        "opengov_resource_format": opengov_resource_format,
        # Overriding core names makes every path (API, form, harvest, scheming presets) use them.
        "tag_name_validator": thai_tag_name_validator,
        "tag_length_validator": thai_tag_name_validator,
        "tag_string_convert": thai_tag_string_convert,
        # The forms of the public front: names from Thai titles, formats from file names.
        **form_validators.get_validators(),
    }
