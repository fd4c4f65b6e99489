"""policymap: everyone may read the map; it holds public datasets only (the action filters)."""
from __future__ import annotations

import ckan.plugins.toolkit as tk


@tk.auth_allow_anonymous_access
def opengov_policy_map(context, data_dict=None):
    return {"success": True}


def get_auth_functions() -> dict:
    return {"opengov_policy_map": opengov_policy_map}
