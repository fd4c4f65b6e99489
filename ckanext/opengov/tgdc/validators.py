"""CKAN validators for the TGDC schema. Logic lives in pure modules beside this one."""
from __future__ import annotations

from itertools import count
from typing import Any

import ckan.plugins.toolkit as tk

from ckanext.opengov.messages import N_, bilingual
from ckanext.opengov.tgdc import tags as tag_rules

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


def get_validators() -> dict:
    return {
        # Overriding core names makes every path (API, form, harvest, scheming presets) use them.
        "tag_name_validator": thai_tag_name_validator,
        "tag_length_validator": thai_tag_name_validator,
        "tag_string_convert": thai_tag_string_convert,
    }
