"""overlap: template helpers (registered by plugin.py)."""
from __future__ import annotations

import ckan.plugins.toolkit as tk

from ckanext.opengov.messages import N_

# verify.Verdict's field names, as the page says them.
FIELD_LABELS = {
    "breakdown_geo": N_("geographic breakdown"), "breakdown_time": N_("time breakdown"),
    "breakdown": N_("breakdown"), "kind": N_("data type"), "unit": N_("unit of measure"),
    "geo": N_("geographic coverage"), "frequency": N_("update frequency"),
    "own_records": N_("agency's own records"), "subject": N_("subject"),
    "measure": N_("what is measured (count, value, price, rate)"),
    "qualifier": N_("new or cumulative"),
    "places": N_("place named (geographic extent)"),
}


def opengov_overlap_field_label(key: str) -> str:
    return tk._(FIELD_LABELS.get(key, key))

def opengov_overlap_can_judge(package_a: str, package_b: str) -> bool:
    """Whether the current user may judge this pair (the agencies that hold it, sysadmins)."""
    if not tk.current_user.is_authenticated:
        return False
    try:
        tk.check_access("opengov_overlap_judge", {"user": tk.current_user.name},
                        {"package_a": package_a, "package_b": package_b})
    except tk.NotAuthorized:
        return False
    return True


def get_helpers() -> dict:
    return {"opengov_overlap_can_judge": opengov_overlap_can_judge,
            "opengov_overlap_field_label": opengov_overlap_field_label}
