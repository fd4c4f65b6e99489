"""Agency catalog record (an agency CKAN's package_show dict) -> our TGDC dataset dict.

Pure functions: no CKAN, no network. Agency catalogs run CKAN with the TGDC schema and store
controlled values as the Thai strings themselves, so most fields copy across unchanged; what
this module smooths over is how different versions of the agency software serialise them.
"""
from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from ckanext.opengov.harvest import source_url
from ckanext.opengov.tgdc import booleans

# Dataset fields of the TGDC standard (schema 2.2.x), as the reference names them.
DATASET_TEXT_FIELDS = (
    "data_type", "data_type_other", "title", "notes", "url",
    "allow_harvest", "reference_url_catalog",
    "maintainer", "maintainer_email", "telephone_number",
    "objective_other", "update_frequency_unit", "update_frequency_unit_other",
    "update_frequency_interval", "geo_coverage", "geo_coverage_other", "data_source",
    "data_format_other", "data_category", "data_classification", "license_id", "license_id_other",
    "accessible_condition", "data_language_other", "last_updated_date",
    # records, mixed, other
    "data_support", "data_support_other", "data_collect", "data_collect_other", "created_date",
    "high_value_dataset", "reference_data",
    # statistics
    "data_release_calendar", "first_year_of_data", "last_year_of_data", "disaggregate_other",
    "unit_of_measure", "unit_of_multiplier", "unit_of_multiplier_other", "calculation_method",
    "standard", "official_statistics",
    # geospatial
    "geographic_data_set", "equivalent_scale", "equivalent_scale_other",
    "west_bound_longitude", "east_bound_longitude", "north_bound_longitude", "south_bound_longitude",
    "positional_accuracy", "reference_period", "data_release_date",
)
DATASET_MULTI_FIELDS = ("objective", "data_format", "data_language", "disaggregate")
BOOLEAN_FIELDS = ("allow_harvest", "high_value_dataset", "reference_data", "official_statistics",
                  "resource_official_statistics")

# The agency software calls the latitudes "*_longitude"; records from other catalogs may use
# the correct names. Either way they land in the field names the standard (and we) use.
ALIASES = {
    "north_bound_latitude": "north_bound_longitude",
    "south_bound_latitude": "south_bound_longitude",
}

RESOURCE_TEXT_FIELDS = (
    "id", "url", "name", "description", "format",
    "resource_accessible_condition", "resource_last_updated_date",
    "resource_data_collect", "resource_data_collect_other", "resource_created_date",
    "resource_first_year_of_data", "resource_last_year_of_data", "resource_disaggregate_other",
    "resource_unit_of_measure", "resource_unit_of_multiplier", "resource_unit_of_multiplier_other",
    "resource_data_release_calendar", "resource_official_statistics",
    "resource_geographic_data_set", "resource_equivalent_scale", "resource_equivalent_scale_other",
    "resource_positional_accuracy", "resource_data_release_date",
)
RESOURCE_MULTI_FIELDS = ("resource_disaggregate",)



def flatten_extras(record: dict) -> dict:
    """Fold a CKAN `extras` list into top-level keys (catalogs without scheming keep fields there)."""
    flat = {k: v for k, v in record.items() if k != "extras"}
    for extra in record.get("extras") or []:
        if isinstance(extra, dict) and "key" in extra:
            flat.setdefault(extra["key"], extra.get("value"))
    return flat


def as_list(value: Any) -> list[str]:
    """A multi-select value as a list, whatever form the agency software stored it in:
    a list, a JSON list string, a Postgres array literal "{a,b}", or a comma-separated string."""
    if value is None or value == "":
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    text = str(value).strip()
    if text.startswith("["):
        try:
            return as_list(json.loads(text))
        except ValueError:
            pass
    if text.startswith("{") and text.endswith("}"):
        text = text[1:-1]
        return [part.strip().strip('"') for part in text.split(",") if part.strip().strip('"')]
    return [part.strip() for part in text.split(",") if part.strip()]


def as_bool_text(value: Any) -> str | None:
    """Booleans as the strings the TGDC schema stores; an empty value from an agency means False."""
    if isinstance(value, str) and not value.strip():
        return "False"
    return booleans.as_bool_text(value)


def allows_harvest(record: dict) -> bool:
    """False only when the agency said no (allow_harvest False); records without the field pass."""
    value = flatten_extras(record).get("allow_harvest")
    return value is None or as_bool_text(value) != "False"


def is_public(record: dict) -> bool:
    return not record.get("private") and record.get("state", "active") == "active"


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _copy_fields(src: dict, out: dict, text_fields, multi_fields, bool_fields) -> dict:
    """The fields of ``src`` that hold a value: text cleaned, lists as lists, yes/no as True/False."""
    for field in text_fields:
        value = _clean(src.get(field))
        if value is not None:
            out[field] = value
    for field in multi_fields:
        values = as_list(src.get(field))
        if values:
            out[field] = values
    for field in bool_fields:
        if field in out:
            out[field] = as_bool_text(out[field]) or out[field]
    return out


def map_resource(resource: dict) -> dict:
    return _copy_fields(resource, {}, RESOURCE_TEXT_FIELDS, RESOURCE_MULTI_FIELDS, ("resource_official_statistics",))


def tag_names(record: dict) -> list[str]:
    names = [t.get("name") if isinstance(t, dict) else t for t in record.get("tags") or []]
    if not names and record.get("tag_string"):
        names = as_list(record["tag_string"])
    return [n.strip() for n in names if n and n.strip()]


def public_base_url(base_url: str) -> str:
    """The source's address as the public may read it: its public form plus the path, without
    user:password, query or fragment (our records and DCAT are public)."""
    return source_url.public_form(base_url) + urlsplit(base_url).path


def source_dataset_url(base_url: str, record: dict) -> str:
    return f"{public_base_url(base_url).rstrip('/')}/dataset/{record.get('name') or record['id']}"


def canonical_reference(base_url: str, record: dict) -> str:
    """The URL that identifies the original of a record: its reference_url_catalog when the
    agency says it copied it from another catalog, else its page on the agency catalog."""
    ref = _clean(flatten_extras(record).get("reference_url_catalog"))
    return ref or source_dataset_url(base_url, record)


def map_dataset(record: dict, base_url: str) -> dict:
    """The dataset dict we send to package_create/package_update (owner_org and groups are
    decided by the harvester, which knows the local agencies and categories)."""
    src = flatten_extras(record)
    for alias, field in ALIASES.items():
        if src.get(field) in (None, "") and src.get(alias) not in (None, ""):
            src[field] = src[alias]
    out = _copy_fields(src, {"id": record["id"], "name": record.get("name")},
                       DATASET_TEXT_FIELDS, DATASET_MULTI_FIELDS, BOOLEAN_FIELDS)
    if src.get("license_id") is None and src.get("license_title"):
        out["license_id"] = src["license_title"]
    out["tag_string"] = ",".join(tag_names(record))
    out["resources"] = [map_resource(r) for r in record.get("resources") or []]
    # Our copy is a copy of the agency's record: point back at the original.
    out["reference_url_catalog"] = canonical_reference(base_url, record)
    out["private"] = False
    return out


def remote_organization(record: dict) -> dict | None:
    org = record.get("organization")
    if isinstance(org, dict) and org.get("name"):
        return {"name": org["name"], "title": org.get("title") or org["name"],
                "description": org.get("description") or ""}
    return None


def remote_groups(record: dict) -> list[dict]:
    return [{"name": g["name"], "title": g.get("title") or g.get("display_name") or g["name"]}
            for g in record.get("groups") or [] if isinstance(g, dict) and g.get("name")]


def format_validation_errors(error_dict: dict) -> str:
    """`field: reason; field: reason` from a CKAN ValidationError, resources included."""
    parts = []
    for field, problems in sorted(error_dict.items()):
        if field == "resources" and isinstance(problems, list):
            for index, res_errors in enumerate(problems):
                if isinstance(res_errors, dict) and res_errors:
                    for rfield, rproblems in sorted(res_errors.items()):
                        parts.append(f"resources[{index}].{rfield}: {_join(rproblems)}")
            continue
        parts.append(f"{field}: {_join(problems)}")
    return "; ".join(parts)


def _join(problems) -> str:
    if isinstance(problems, list):
        return " ".join(str(p) for p in problems if p)
    if isinstance(problems, dict):
        return "; ".join(f"{k}: {_join(v)}" for k, v in problems.items())
    return str(problems)
