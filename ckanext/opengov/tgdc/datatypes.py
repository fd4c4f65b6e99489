"""Which TGDC fields belong to which dataset type.

A field in the schema may carry ``data_types: [R, M, O]``: it is shown, validated and stored
only for datasets of those types. Fields without it apply to every type. The codes are the
standard's letters; the stored values are the Thai strings agency catalogs use.
"""
from __future__ import annotations

import json
from collections.abc import Iterable

from ckanext.opengov.tgdc.vocabularies import OTHER

CODES: dict[str, str] = {
    "ข้อมูลระเบียน": "R",
    "ข้อมูลสถิติ": "S",
    "ข้อมูลภูมิสารสนเทศเชิงพื้นที่": "G",
    "ข้อมูลหลากหลายประเภท": "M",
    "ข้อมูลประเภทอื่นๆ": "O",
}
OTHER_TYPE = "ข้อมูลประเภทอื่นๆ"


def type_code(data_type: str | None) -> str | None:
    return CODES.get(data_type) if isinstance(data_type, str) else None


def applies(field: dict, data_type: str | None) -> bool:
    """Whether ``field`` belongs to a dataset of ``data_type`` (unknown types get only common fields)."""
    types = field.get("data_types")
    if not types:
        return True
    return type_code(data_type) in types


def other_trigger(field: dict) -> str:
    """The choice of the base field that makes an ``_other`` companion required."""
    return field.get("other_value", OTHER)


def chose_other(base_value, trigger: str) -> bool:
    """Whether a single or multiple choice includes the trigger value ("อื่นๆ")."""
    if isinstance(base_value, str):
        return base_value == trigger or _json_list_contains(base_value, trigger)
    if isinstance(base_value, Iterable):
        return trigger in base_value
    return False


def _json_list_contains(value: str, trigger: str) -> bool:
    # Multiple choices reach validators as a JSON list string after scheming's conversion.
    if not value.startswith("["):
        return False
    try:
        return trigger in json.loads(value)
    except ValueError:
        return False


def form_rules(fields: list[dict]) -> dict:
    """What the form script needs: field -> data type codes, companion -> (base, trigger)."""
    return {
        "types": {f["field_name"]: f["data_types"] for f in fields if f.get("data_types")},
        "others": {
            f["field_name"]: [f["other_of"], other_trigger(f)] for f in fields if f.get("other_of")
        },
        "codes": CODES,
    }


def has_value(value) -> bool:
    return value not in (None, "", [], {}, "[]")


def fields_to_show(fields: list[dict], data: dict, data_type: str | None, exclude=()) -> list[dict]:
    """The fields a page shows: those of the dataset's type that hold a value."""
    return [
        field
        for field in fields
        if field["field_name"] not in exclude
        and field.get("display_snippet", "") is not None
        and applies(field, data_type)
        and has_value(data.get(field["field_name"]))
    ]
