"""CKAN validators for the TGDC schema. Logic lives in pure modules beside this one."""
from __future__ import annotations

from itertools import count
from typing import Any

import ckan.plugins.toolkit as tk
from ckan.lib.navl.dictization_functions import missing

from ckanext.opengov.messages import N_, bilingual
from ckanext.opengov.tgdc import classification as gate
from ckanext.opengov.tgdc import dates
from ckanext.opengov.tgdc import tags as tag_rules
from ckanext.opengov.tgdc.vocabularies import ALLOWED_CLASSIFICATIONS

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


def opengov_classification_gate(key, data, errors, context) -> None:
    """Fill a missing classification for public data, then apply the category/classification gate."""
    category = data.get(("data_category",))
    value = gate.effective_classification(category, data.get(key))
    if value:
        data[key] = value
    private = tk.asbool(data.get(("private",)) or False)
    problem = gate.gate_problem(category, value, private)
    if problem:
        allowed = ", ".join(ALLOWED_CLASSIFICATIONS.get(category or "", ()))
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


def get_validators() -> dict:
    return {
        "opengov_thai_date": opengov_thai_date,
        "opengov_be_year": opengov_be_year,
        "opengov_tags_required": opengov_tags_required,
        "opengov_classification_gate": opengov_classification_gate,
        # Overriding core names makes every path (API, form, harvest, scheming presets) use them.
        "tag_name_validator": thai_tag_name_validator,
        "tag_length_validator": thai_tag_name_validator,
        "tag_string_convert": thai_tag_string_convert,
    }
