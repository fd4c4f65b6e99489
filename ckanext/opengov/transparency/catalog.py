"""The whole public catalog with every TGDC field, streamed from a server-side cursor."""
from __future__ import annotations

import json
from typing import Iterator

from sqlalchemy import text

from ckanext.opengov.transparency.refresh import PUBLIC_SQL

# Every TGDC dataset field (see the reference), in the standard's order.
TGDC_FIELDS = (
    "data_type", "data_type_other", "title", "name", "allow_harvest", "reference_url_catalog",
    "maintainer", "maintainer_email", "telephone_number", "tag_string", "notes", "objective",
    "objective_other", "update_frequency_unit", "update_frequency_unit_other",
    "update_frequency_interval", "geo_coverage", "geo_coverage_other", "data_source", "data_format",
    "data_format_other", "data_category", "data_classification", "license_id",
    "license_id_other", "accessible_condition", "url", "data_language", "data_language_other",
    "last_updated_date", "data_support", "data_support_other", "data_collect",
    "data_collect_other", "created_date", "high_value_dataset", "reference_data",
    "data_release_calendar", "first_year_of_data", "last_year_of_data", "disaggregate",
    "disaggregate_other", "unit_of_measure", "unit_of_multiplier", "unit_of_multiplier_other",
    "calculation_method", "standard", "official_statistics", "geographic_data_set",
    "equivalent_scale", "equivalent_scale_other", "west_bound_longitude", "east_bound_longitude",
    "north_bound_longitude", "south_bound_longitude", "positional_accuracy", "reference_period",
    "data_release_date",
)
PACKAGE_COLUMNS = {"title", "name", "maintainer", "maintainer_email", "notes", "license_id", "url"}
COLUMNS = ["id", "agency", "agency_title"] + list(TGDC_FIELDS) + [
    "metadata_created", "metadata_modified", "resources"]

CATALOG_SQL = f"""
SELECT p.id, g.name AS agency, g.title AS agency_title, p.title, p.name, p.maintainer,
       p.maintainer_email, p.notes, p.license_id, p.url, p.extras, p.metadata_created,
       p.metadata_modified,
       (SELECT string_agg(t.name, ',' ORDER BY t.name) FROM package_tag pt JOIN tag t ON t.id = pt.tag_id
         WHERE pt.package_id = p.id AND pt.state = 'active') AS tag_string,
       (SELECT jsonb_agg(jsonb_build_object('name', r.name, 'url', r.url, 'format', r.format,
                'description', r.description) || (CASE WHEN r.extras LIKE '{{%' THEN r.extras::jsonb ELSE '{{}}'::jsonb END)
                ORDER BY r.position)
          FROM resource r WHERE r.package_id = p.id AND r.state = 'active') AS resources
FROM package p JOIN "group" g ON g.id = p.owner_org
WHERE p.state = 'active' AND p.type = 'dataset' AND {PUBLIC_SQL}
ORDER BY p.name
"""


def _value(raw):
    """Multi-selects are stored as JSON lists in a string: export them as "a; b"."""
    if isinstance(raw, str) and raw.startswith("["):
        try:
            return "; ".join(str(v) for v in json.loads(raw))
        except ValueError:
            return raw
    return raw


def rows(engine, batch: int = 1000) -> Iterator[dict]:
    """Public datasets one by one; the connection streams `batch` rows at a time."""
    with engine.connect() as conn:
        result = conn.execute(text(CATALOG_SQL),
                              execution_options={"stream_results": True, "yield_per": batch})
        for row in result.mappings():
            extras = row["extras"] or {}
            out = {"id": row["id"], "agency": row["agency"], "agency_title": row["agency_title"],
                   "metadata_created": row["metadata_created"],
                   "metadata_modified": row["metadata_modified"],
                   "tag_string": row["tag_string"], "resources": row["resources"] or []}
            for field in TGDC_FIELDS:
                if field in PACKAGE_COLUMNS:
                    out[field] = row[field]
                elif field != "tag_string":
                    out[field] = _value(extras.get(field))
            yield out
