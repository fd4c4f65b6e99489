"""What we add to a dataset's Solr document.

- TGDC choices as facetable string lists: CKAN indexes extras as ``extras_*`` text (multi-selects
  as JSON strings), which cannot be faceted; the ``vocab_*`` dynamic fields of CKAN's Solr schema
  are multi-valued strings.
- ``extras_opengov_agency``: every name of the dataset's agency and ministry (Thai, English,
  abbreviations), so that สสช., กทม. or "National Statistical Office" find the agency's datasets.
  CKAN's schema copies ``extras_*`` into the searched ``text`` field.
"""
from __future__ import annotations

import json

from ckanext.opengov.search import agency_names

FACETED_FIELDS = ("data_type", "objective", "update_frequency_unit", "data_classification", "data_format")
AGENCY_FIELD = "extras_opengov_agency"


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


def agency_text(orgs: list[dict]) -> str:
    """orgs: {"title", "title_en", "abbreviations"} of the agency and its ministry."""
    seen: list[str] = []
    for org in orgs:
        for name in agency_names.names(org.get("title"), org.get("title_en"), org.get("abbreviations")):
            if name not in seen:
                seen.append(name)
    return " ; ".join(seen)


def add_to_index(pkg_dict: dict, ministry: str | None, orgs: list[dict] = ()) -> dict:
    validated = pkg_dict.get("validated_data_dict")
    dataset = json.loads(validated) if validated else pkg_dict
    pkg_dict.update(facet_fields(dataset, ministry))
    text = agency_text(list(orgs))
    if text:
        pkg_dict[AGENCY_FIELD] = text
    return pkg_dict
