"""Who may read transparency figures (everyone: they are public) and who may refresh them."""
from __future__ import annotations

import ckan.plugins.toolkit as tk


@tk.auth_allow_anonymous_access
def opengov_transparency_read(context, data_dict=None):
    """Public figures only; private counts are added by the action for an agency's own admins."""
    return {"success": True}


def opengov_transparency_refresh(context, data_dict=None):
    """Sysadmins only (they pass every check before this runs)."""
    return {"success": False}


def get_auth_functions() -> dict:
    return {
        "opengov_transparency_read": opengov_transparency_read,
        "opengov_transparency_refresh": opengov_transparency_refresh,
    }
