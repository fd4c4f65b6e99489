"""Completeness: the share of the TGDC required dataset fields that hold a value.

The fields are the ones the standard marks required for every data type (see the reference);
a field counts as filled when it is not empty, not whitespace and not an empty list.
"""
from __future__ import annotations

import json

# field -> where CKAN keeps it: a package column, the tags, or package.extras (scheming fields).
REQUIRED_FIELDS: dict[str, str] = {
    "data_type": "extra",
    "title": "column",
    "notes": "column",
    "maintainer": "column",
    "maintainer_email": "column",
    "tag_string": "tags",
    "objective": "extra",
    "update_frequency_unit": "extra",
    "geo_coverage": "extra",
    "data_source": "extra",
    "data_format": "extra",
    "data_category": "extra",
    "license_id": "column",
}


def is_filled(value) -> bool:
    if value is None:
        return False
    if isinstance(value, (list, tuple, set, dict)):
        return any(is_filled(v) for v in value)
    text = str(value).strip()
    if text in ("", "[]", "{}"):
        return False
    if text.startswith("["):  # scheming stores multi-selects as a JSON list in a string
        try:
            return is_filled(json.loads(text))
        except ValueError:
            return True
    return True


def missing_fields(dataset: dict) -> list[str]:
    """Required fields without a value, in the standard's order. Tags may come as tags or tag_string."""
    missing = []
    for field in REQUIRED_FIELDS:
        value = dataset.get(field)
        if field == "tag_string" and not is_filled(value):
            value = [t.get("name") if isinstance(t, dict) else t for t in dataset.get("tags") or []]
        if not is_filled(value):
            missing.append(field)
    return missing


def completeness(dataset: dict) -> float:
    """1.0 when every required field holds a value; the share filled otherwise."""
    return 1 - len(missing_fields(dataset)) / len(REQUIRED_FIELDS)


def sql_missing_array(package: str, tag_count_expr: str) -> str:
    """SQL text[] of missing required fields for a package row aliased `package`."""
    parts = []
    for field, where in REQUIRED_FIELDS.items():
        if where == "tags":
            filled = f"({tag_count_expr}) > 0"
        else:
            value = f"{package}.{field}" if where == "column" else f"({package}.extras ->> '{field}')"
            filled = f"btrim(coalesce({value}, '')) NOT IN ('', '[]', '[\"\"]')"
        parts.append(f"CASE WHEN {filled} THEN NULL ELSE '{field}' END")
    return f"array_remove(ARRAY[{', '.join(parts)}]::text[], NULL)"
