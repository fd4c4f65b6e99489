"""linkcheck: auth functions (registered by plugin.py)."""
from __future__ import annotations

import ckan.authz as authz
import ckan.plugins.toolkit as tk


def opengov_linkcheck_run(context, data_dict=None):
    """Sysadmins only (they pass every check before this runs)."""
    return {"success": False}


@tk.auth_allow_anonymous_access
def opengov_linkcheck_show(context, data_dict=None):
    """Whoever may read the resource (judged on the resource's dataset, as resource_show)."""
    own = {"model": context.get("model"), "user": context.get("user"),
           "auth_user_obj": context.get("auth_user_obj")}
    return authz.is_authorized("resource_show", own, {"id": (data_dict or {}).get("id")})


def get_auth_functions() -> dict:
    return {"opengov_linkcheck_run": opengov_linkcheck_run, "opengov_linkcheck_show": opengov_linkcheck_show}
