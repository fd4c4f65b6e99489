"""Translatable names of metric values, for pages and chart legends."""
from __future__ import annotations

from ckanext.opengov.messages import N_
from ckanext.opengov.transparency.metrics import harvest
from ckanext.opengov.transparency.metrics import timeliness as tl

TIMELINESS = {
    tl.UP_TO_DATE: N_("Up to date"),
    tl.DUE: N_("Due"),
    tl.OVERDUE: N_("Overdue"),
    tl.DELINQUENT: N_("Delinquent"),
    tl.NOT_APPLICABLE: N_("No declared frequency"),
}
HARVEST = {
    harvest.OK: N_("Working"),
    harvest.ERRORS: N_("Errors in last run"),
    harvest.STALE: N_("No successful run for 30 days"),
    harvest.NEVER: N_("Never finished a run"),
    harvest.INACTIVE: N_("Switched off"),
}
FIELDS = {
    "data_type": N_("Data type"), "title": N_("Title"), "notes": N_("Description"),
    "maintainer": N_("Contact"), "maintainer_email": N_("Contact e-mail"),
    "tag_string": N_("Keywords"), "objective": N_("Objective"),
    "update_frequency_unit": N_("Update frequency"), "geo_coverage": N_("Geographic coverage"),
    "data_source": N_("Source"), "data_format": N_("Data format"),
    "data_category": N_("Data category"), "license_id": N_("Licence"),
}


def translated(mapping: dict, key) -> str:
    """The reader's translation of mapping[key] ('' for a missing key)."""
    import ckan.plugins.toolkit as tk

    text = mapping.get(key)
    return tk._(text) if text else ""


def vocabulary_value(name: str, value):
    """A TGDC vocabulary value as the reader reads it: the Thai value, or its English label."""
    import ckan.plugins.toolkit as tk

    from ckanext.opengov.tgdc import vocabularies

    if value and tk.h.lang() == "en":
        return vocabularies.english_label(name, value) or value
    return value
