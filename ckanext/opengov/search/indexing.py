"""What we add to a dataset's Solr document: TGDC choices as facetable string lists.

CKAN indexes extras as ``extras_*`` text (multi-selects as JSON strings), which cannot be
faceted. The ``vocab_*`` dynamic fields of CKAN's Solr schema are multi-valued strings.
"""
from __future__ import annotations

import json

FACETED_FIELDS = ("data_type", "objective", "update_frequency_unit", "data_classification", "data_format")


def as_list(value) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, str):
        if value.startswith("["):
            try:
                return [str(v) for v in json.loads(value)]
            except ValueError:
                pass
        return [value]
    return [str(v) for v in value]


def facet_fields(dataset: dict, ministry: str | None) -> dict[str, list[str]]:
    fields = {f"vocab_{name}": as_list(dataset.get(name)) for name in FACETED_FIELDS}
    fields["vocab_ministry"] = [ministry] if ministry else []
    return {key: values for key, values in fields.items() if values}


def add_to_index(pkg_dict: dict, ministry: str | None) -> dict:
    validated = pkg_dict.get("validated_data_dict")
    dataset = json.loads(validated) if validated else pkg_dict
    pkg_dict.update(facet_fields(dataset, ministry))
    return pkg_dict
