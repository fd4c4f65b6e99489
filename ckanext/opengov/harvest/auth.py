"""Who may see and manage an agency's harvest sources: that agency's admins, and sysadmins.

ckanext-harvest lets any editor of an organization create and change sources and shows sources,
their jobs and raw harvested records to everyone; on the portal sources are agency
infrastructure (their URL and configuration may hold credentials, a URL decides what the portal
connects to), so both our agency API and ckanext-harvest's own API are narrowed here.
docs/security-harvest.md has the table of every action and who may call it.

The agency is always read from the object being touched (source, job or harvest object), never
from a parameter the caller sends: `owner_org` / `organization` only name the agency when
nothing exists yet (registering a source, listing an agency's sources), and a request that
names a source of another agency beside them is refused.
"""
from __future__ import annotations

import ckan.authz as authz
import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.opengov.messages import N_, bilingual

NOT_ADMIN = N_("Only the agency's administrators may manage its harvest sources.")
LOGIN = N_("Log in as an administrator of the agency to manage its harvest sources.")
MEMBERS_ONLY = N_("Only the agency's members can see its harvest sources.")
SYSADMINS_ONLY = N_("Only system administrators may do this with harvest sources.")

_NO_ORG = object()  # the request names no agency at all (as opposed to an unknown one)


def _text(value) -> str | None:
    return value if isinstance(value, str) and value else None


def source_org(source_id) -> str | None:
    """The agency of a harvest source (id or name), None when there is no such source."""
    source_id = _text(source_id)
    package = model.Package.get(source_id) if source_id else None
    if package is None or package.type != "harvest":
        return None
    return package.owner_org


def job_org(job_id) -> str | None:
    from ckanext.harvest.model import HarvestJob

    job = HarvestJob.get(job_id) if _text(job_id) else None
    return source_org(job.source_id) if job else None


def object_org(object_id=None, dataset_id=None) -> str | None:
    """The agency of the source a harvest object came from (by object id, or the current object
    of a harvested dataset, as harvest_object_show looks it up)."""
    from ckanext.harvest.model import HarvestObject

    obj = None
    if _text(object_id):
        obj = HarvestObject.get(object_id)
    elif _text(dataset_id):
        package = model.Package.get(dataset_id)
        if package is not None:
            obj = model.Session.query(HarvestObject).filter(
                HarvestObject.package_id == package.id, HarvestObject.current.is_(True)).first()
    return source_org(obj.harvest_source_id) if obj else None


def _named_org(data_dict: dict):
    """The agency the caller names (owner_org or organization): its id, None when it does not
    exist (or is not a string), _NO_ORG when none is named."""
    named = data_dict.get("owner_org", data_dict.get("organization"))
    if named is None or named == "":
        return _NO_ORG
    group = model.Group.get(named) if _text(named) else None
    return group.id if group is not None and group.is_organization else None


def request_org(data_dict: dict) -> str | None:
    """The agency an opengov_harvest_* request is about, from the object it names (job_id,
    source_id or id); the named agency only when no object is named. A named agency that is
    not the object's makes the request about no agency (so it is refused)."""
    data_dict = data_dict or {}
    named = _named_org(data_dict)
    if any(k in data_dict for k in ("job_id", "source_id", "id")):
        if "job_id" in data_dict:
            org = job_org(data_dict["job_id"])
        else:
            org = source_org(data_dict.get("source_id", data_dict.get("id")))
        if org is None or named is not _NO_ORG and named != org:
            return None
        return org
    return None if named is _NO_ORG else named


def _user(context):
    user = context.get("user")
    return user if user and (context.get("auth_user_obj") or model.User.get(user)) else None


def _allowed(context, org_id, permission: str) -> bool:
    user = _user(context)
    if user is None:
        return False
    if authz.is_sysadmin(user):
        return True
    return bool(org_id) and authz.has_user_permission_for_group_or_org(org_id, user, permission)


def _result(ok: bool, context, message) -> dict:
    if ok:
        return {"success": True}
    return {"success": False, "msg": bilingual(LOGIN if _user(context) is None else message)}


# ---- our agency API ------------------------------------------------------------------------

@tk.auth_allow_anonymous_access
def agency_admin(context, data_dict):
    return _result(_allowed(context, request_org(data_dict), "admin"), context, NOT_ADMIN)


@tk.auth_allow_anonymous_access
def opengov_harvest_source_list(context, data_dict):
    data_dict = data_dict or {}
    if _user(context) is None:
        return _result(False, context, NOT_ADMIN)
    if data_dict.get("organization") not in (None, ""):
        return agency_admin(context, {"organization": data_dict["organization"]})
    return {"success": True}  # the action lists only the caller's agencies


# ---- ckanext-harvest's API, chained ----------------------------------------------------------

def _chained(org_of, permission: str, message: str):
    """A chained check: the caller needs `permission` on the agency `org_of(data_dict)` finds
    from the object; then ckanext-harvest's own check runs too."""
    @tk.chained_auth_function
    @tk.auth_allow_anonymous_access
    def check(original, context, data_dict):
        data_dict = data_dict or {}
        if not _allowed(context, org_of(data_dict), permission):
            return _result(False, context, message)
        return original(context, data_dict)
    return check


def _replaced(check):
    """Replace (chained, without calling) what ckanext-harvest registered under a name."""
    return tk.chained_auth_function(tk.auth_allow_anonymous_access(
        lambda original, context, data_dict: check(context, data_dict)))


def _sysadmin_only(context, data_dict):
    return _result(False, context, SYSADMINS_ONLY)  # sysadmins never reach an auth function


def _by_source_id(data_dict):
    return source_org(data_dict.get("source_id"))


def _by_id(data_dict):
    return source_org(data_dict.get("id"))


def _new_source_org(data_dict):
    named = _named_org(data_dict)
    return None if named is _NO_ORG else named


def _by_job(data_dict):
    return job_org(data_dict.get("id"))


def _by_object(data_dict):
    return object_org(data_dict.get("id"), data_dict.get("dataset_id"))


def _needs(permission: str, org_of, message: str):
    def check(context, data_dict):
        return _result(_allowed(context, org_of(data_dict or {}), permission), context, message)
    return check


def _harvest_table(module_root: str) -> dict:
    """The functions of one of ckanext-harvest's logic packages, gathered into a new dict."""
    from ckanext.harvest.plugin import _get_logic_functions

    return _get_logic_functions(module_root, {})


def harvest_shared_table() -> dict:
    """ckanext-harvest 1.6.3's plugin gathers its actions and its auth functions into ONE dict
    (the mutable default argument of `_get_logic_functions`), so once both were asked for in a
    process, each of its tables holds the other's names too. Read only: never write to it (a
    write changes what ckanext-harvest registers). Empty where a later version has no such dict."""
    from ckanext.harvest.plugin import _get_logic_functions

    shared = (_get_logic_functions.__defaults__ or (None,))[-1]
    return shared if isinstance(shared, dict) else {}


def registered_by_ckanext_harvest(kind: str) -> set[str]:
    """The names ckanext-harvest's get_actions() ("action") or get_auth_functions() ("auth")
    returns when asked now: its own, and what the shared dict already holds. For CKAN's table
    builders, which ask every plugin in one pass with nothing filling the dict in between."""
    own = _harvest_table(f"ckanext.harvest.logic.{kind}")
    return set(own) | set(harvest_shared_table())


def auth_names_registered_as_actions() -> set[str]:
    """ckanext-harvest's auth-only functions that it currently hands CKAN as actions too."""
    return registered_by_ckanext_harvest("action") - set(_harvest_table("ckanext.harvest.logic.action"))


def _own_checks() -> dict:
    """Checks for actions that ckanext-harvest gives none of their own (harvest_guards makes
    each of these actions call its own check): replace what stands under the name, if any."""
    admin = "admin"
    checks = {
        "harvest_source_patch": _needs(admin, _by_id, NOT_ADMIN),
        "harvest_source_index_clear": _needs(admin, _by_id, NOT_ADMIN),
        "harvest_source_job_history_clear": _needs(admin, _by_id, NOT_ADMIN),
        "harvest_job_report": _needs(admin, _by_job, NOT_ADMIN),
        "harvest_sources_job_history_clear": _sysadmin_only,
        "harvest_abort_failed_jobs": _sysadmin_only,
        "harvest_log_list": _sysadmin_only,
    }
    # ckanext-harvest's own sysadmin checks look the user up and crash (a 500) for anonymous
    # callers, whom CKAN 2.12 no longer stops before the check.
    checks.update({name: _sysadmin_only for name in (
        "harvest_job_abort", "harvest_jobs_run", "harvest_job_create_all", "harvest_objects_import",
        "harvest_sources_reindex", "harvest_sources_clear")})
    registered = registered_by_ckanext_harvest("auth")
    return {name: _replaced(check) if name in registered else tk.auth_allow_anonymous_access(check)
            for name, check in checks.items()}


def get_auth_functions() -> dict:
    admin, member = "admin", "read"
    return _own_checks() | {
        # sources: read by the agency's members, changed by its admins
        "harvest_source_show": _chained(_by_id, member, MEMBERS_ONLY),
        "harvest_source_show_status": _chained(_by_id, member, MEMBERS_ONLY),
        "harvest_source_list": _replaced(_sysadmin_only),
        "harvest_source_create": _chained(_new_source_org, admin, NOT_ADMIN),
        "harvest_source_update": _chained(_by_id, admin, NOT_ADMIN),
        "harvest_source_delete": _chained(_by_id, admin, NOT_ADMIN),
        "harvest_source_clear": _chained(_by_id, admin, NOT_ADMIN),
        "harvest_source_reindex": _chained(_by_id, admin, NOT_ADMIN),
        # jobs and harvested records: the agency's admins
        "harvest_job_create": _chained(_by_source_id, admin, NOT_ADMIN),
        "harvest_send_job_to_gather_queue": _chained(_by_job, admin, NOT_ADMIN),
        "harvest_job_show": _chained(_by_job, admin, NOT_ADMIN),
        "harvest_job_list": _chained(_by_source_id, admin, NOT_ADMIN),
        "harvest_object_show": _chained(_by_object, admin, NOT_ADMIN),
        "harvest_object_list": _chained(_by_source_id, admin, NOT_ADMIN),
        # ours
        "opengov_harvest_source_list": opengov_harvest_source_list,
        "opengov_harvest_source_show": agency_admin,
        "opengov_harvest_source_create": agency_admin,
        "opengov_harvest_source_update": agency_admin,
        "opengov_harvest_source_delete": agency_admin,
        "opengov_harvest_job_start": agency_admin,
        "opengov_harvest_job_list": agency_admin,
        "opengov_harvest_job_show": agency_admin,
    }
