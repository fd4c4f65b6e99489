"""Who may manage an agency's harvest sources: that agency's admins, and sysadmins.

ckanext-harvest lets any editor of an organization create sources and shows sources to
everyone; the agency API is narrower on purpose (sources are agency infrastructure).
"""
from __future__ import annotations

import ckan.authz as authz
import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.opengov.messages import N_, bilingual

NOT_ADMIN = N_("Only the agency's administrators may manage its harvest sources.")
LOGIN = N_("Log in as an administrator of the agency to manage its harvest sources.")


def _org_of(data_dict: dict) -> str | None:
    """The organization a request is about: given directly, or through a source or a job."""
    from ckanext.harvest.model import HarvestJob

    if data_dict.get("owner_org") or data_dict.get("organization"):
        org = model.Group.get(data_dict.get("owner_org") or data_dict.get("organization"))
        return org.id if org else None
    job_id = data_dict.get("job_id")
    source_id = data_dict.get("source_id") or data_dict.get("id")
    if job_id:
        job = HarvestJob.get(job_id)
        source_id = job.source_id if job else None
    if source_id:
        package = model.Package.get(source_id)
        if package is not None and package.type == "harvest":
            return package.owner_org
    return None


def agency_admin(context, data_dict):
    user = context.get("user")
    if not user or not context.get("auth_user_obj") and not model.User.get(user):
        return {"success": False, "msg": bilingual(LOGIN)}
    if authz.is_sysadmin(user):
        return {"success": True}
    org_id = _org_of(data_dict or {})
    if org_id and authz.has_user_permission_for_group_or_org(org_id, user, "admin"):
        return {"success": True}
    return {"success": False, "msg": bilingual(NOT_ADMIN)}


def opengov_harvest_source_list(context, data_dict):
    user = context.get("user")
    if not user or not model.User.get(user):
        return {"success": False, "msg": bilingual(LOGIN)}
    if (data_dict or {}).get("organization"):
        return agency_admin(context, data_dict)
    return {"success": True}  # the action lists only the caller's agencies


def _member_or_sysadmin(context, data_dict) -> bool:
    user = context.get("user")
    if not user:
        return False
    if authz.is_sysadmin(user):
        return True
    org_id = _org_of(data_dict or {})
    return bool(org_id) and authz.has_user_permission_for_group_or_org(org_id, user, "read")


def _members_only(message):
    """Chain a ckanext-harvest read check: sources are agency infrastructure (their URL and
    configuration, which may hold credentials), readable by the agency's members only."""
    @tk.chained_auth_function
    @tk.auth_allow_anonymous_access
    def check(original, context, data_dict):
        if not _member_or_sysadmin(context, data_dict):
            return {"success": False, "msg": bilingual(message)}
        return original(context, data_dict)
    return check


MEMBERS_ONLY = N_("Only the agency's members can see its harvest sources.")


def _source_list(original, context, data_dict):
    user = context.get("user")
    if not (user and authz.is_sysadmin(user)):
        return {"success": False, "msg": bilingual(MEMBERS_ONLY)}
    return original(context, data_dict)


def get_auth_functions() -> dict:
    return {
        "harvest_source_show": _members_only(MEMBERS_ONLY),
        "harvest_source_show_status": _members_only(MEMBERS_ONLY),
        "harvest_source_list": tk.chained_auth_function(tk.auth_allow_anonymous_access(_source_list)),
        "opengov_harvest_source_list": opengov_harvest_source_list,
        "opengov_harvest_source_show": agency_admin,
        "opengov_harvest_source_create": agency_admin,
        "opengov_harvest_source_update": agency_admin,
        "opengov_harvest_source_delete": agency_admin,
        "opengov_harvest_job_start": agency_admin,
        "opengov_harvest_job_list": agency_admin,
        "opengov_harvest_job_show": agency_admin,
    }
