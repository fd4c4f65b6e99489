"""Guards on CKAN core (and ckanext-harvest) actions that answer bad input or anonymous callers
with a server error. Each guard turns the crash into the 4xx CKAN would give for that mistake,
with a Thai/English message, and changes nothing else.
"""
from __future__ import annotations

import ckan.model as model
import ckan.plugins as p
import ckan.plugins.toolkit as tk

from ckanext.opengov.messages import N_, bilingual

LOGIN_TO_INVITE = N_("Log in as an administrator of the agency to invite people to it.")
REQUIRED_TEXT = N_("Missing value: give this as text.")
LIST_OF_OBJECTS = N_("Give a list of objects, one per task status.")
LOGIN_FOR_COLLABORATORS = N_("Log in as an administrator of the dataset's agency to manage its collaborators.")
NOT_AN_ACTION = N_("There is no API action named %(name)s.")


def _logged_in_collaborator_check(name: str):
    """Core's collaborator checks `assert` a logged-in user (an AssertionError, so a 500, for
    anonymous callers); refuse anonymous callers first, as every other write check does."""

    @tk.chained_auth_function
    def check(original, context, data_dict):
        if not model.User.get(context.get("user") or ""):
            return {"success": False, "msg": bilingual(LOGIN_FOR_COLLABORATORS)}
        return original(context, data_dict)

    check.__name__ = name
    return check


@tk.chained_auth_function
def user_invite(original, context, data_dict):
    """Core's check reads data_dict["group_id"] unguarded (KeyError, a 500, when it is missing)
    and then asserts a logged-in user."""
    if not model.User.get(context.get("user") or ""):
        return {"success": False, "msg": bilingual(LOGIN_TO_INVITE)}
    if not isinstance((data_dict or {}).get("group_id"), str) or not data_dict["group_id"]:
        raise tk.ValidationError({"group_id": [bilingual(REQUIRED_TEXT)]})
    return original(context, data_dict)


@tk.chained_action
def task_status_update_many(original_action, context, data_dict):
    """Core iterates data_dict["data"] unchecked: a missing key or a non-list is a 500. Each item
    goes on to task_status_update, which checks access and validates it."""
    data = data_dict.get("data")
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise tk.ValidationError({"data": [bilingual(LIST_OF_OBJECTS)]})
    return original_action(context, data_dict)


def _member_create_check(name: str):
    """Core's check reads data_dict["id"] unguarded and looks it up in SQL: a missing id was a
    KeyError, a list an SQL error (both 500s)."""

    @tk.chained_auth_function
    def check(original, context, data_dict):
        if not isinstance((data_dict or {}).get("id"), str) or not data_dict["id"]:
            raise tk.ValidationError({"id": [bilingual(REQUIRED_TEXT)]})
        return original(context, data_dict)

    check.__name__ = name
    return check


GROUP_NOT_FOUND = N_("No group or agency was found with this id or name.")


def _member_delete(name: str):
    """Core asserts that the group exists (an AssertionError, a 500, when it does not)."""

    @tk.chained_action
    def action(original_action, context, data_dict):
        group_id = (data_dict or {}).get("id")
        if not isinstance(group_id, str) or not group_id or model.Group.get(group_id) is None:
            raise tk.ObjectNotFound(bilingual(GROUP_NOT_FOUND))
        return original_action(context, data_dict)

    action.__name__ = name
    return action


@tk.chained_action
def package_relationship_update(original_action, context, data_dict):
    """When the comment changes, core commits and closes the session, then reads the
    relationship it just detached (a 500 after the change was saved). Let it defer the commit,
    build its answer, and commit here."""
    deferred = context.get("defer_commit")
    result = original_action(dict(context, defer_commit=True) if not deferred else context, data_dict)
    if not deferred:
        model.repo.commit()
    return result


FOREIGN_RESOURCES = N_("Give the dataset as package_show returns it: its resources must be its own.")


@tk.chained_action
def package_create_default_resource_views(original_action, context, data_dict):
    """Core checks package_update on the dict's id but makes views for every resource the dict
    lists: each must be a resource of that dataset. A `package` that is not a dict was a 500.
    Internal calls (package_create's, with ignore_auth) pass a dataset still being made."""
    data_dict = data_dict or {}
    for field, kind in (("package", "object"), ("create_datastore_views", "boolean")):
        if message := problem_message(kind, data_dict.get(field)):
            raise tk.ValidationError({field: [bilingual(message)]})
    package = data_dict.get("package")
    if isinstance(package, dict) and not context.get("ignore_auth"):
        resources = package.get("resources", [])
        found = model.Package.get(package["id"]) if isinstance(package.get("id"), str) and package["id"] else None
        own = {r.id for r in found.resources} if found is not None else set()
        if not isinstance(resources, list) or not all(
                isinstance(r, dict) and isinstance(r.get("id"), str) and r["id"] in own for r in resources):
            raise tk.ValidationError({"package": [bilingual(FOREIGN_RESOURCES)]})
    return original_action(context, data_dict)


# Parameters that core reads with a conversion that raises (int() of a list, asbool() of any
# other word, datetime of a timestamp past year 9999, a UUID check on a boolean, rdflib's
# serializer lookup, RQ's job-id check) instead of reporting a validation error.

TYPE_MESSAGES = {
    "text": N_("Give this as text."),
    "integer": N_("Give a whole number between -2147483648 and 2147483647."),
    "timestamp": N_("Give a Unix timestamp (seconds) between the years 1 and 9999."),
    "boolean": N_("Give true or false."),
    "sort": N_("Give a field name, or a list of field names."),
    "job_id": N_("A job id has only letters, digits, underscores and dashes."),
    "rdf_format": N_("Unknown RDF format: use ttl, xml, jsonld or n3."),
    "required_text": REQUIRED_TEXT,
    "count": N_("Give a whole number, 0 or more (below 2147483648)."),
    "texts": N_("Give text, or a list of texts."),
    "object": N_("Give an object (a JSON dictionary) here."),
    "text_list": N_("Give a list of texts."),
}
BOOLEAN_WORDS = {"true", "false", "yes", "no", "on", "off", "y", "n", "t", "f", "1", "0", ""}
TIMESTAMP_RANGE = (-62135596800.0, 253402300799.0)  # 0001-01-01 .. 9999-12-31


def type_problem(kind: str, value) -> bool:
    """Whether `value` cannot be read as `kind` by the core code that takes it (None: absent)."""
    if kind == "required_text":
        return not (isinstance(value, str) and value)
    if value is None:
        return False
    if kind == "text":
        return not isinstance(value, str)
    if kind == "integer":
        if isinstance(value, bool) or not isinstance(value, (int, str)):
            return True
        try:
            return not -2**31 <= int(value) < 2**31
        except ValueError:
            return False  # core's own validator says "not an integer" for a word
    if kind == "timestamp":
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            return True
        try:
            return not TIMESTAMP_RANGE[0] <= float(value) <= TIMESTAMP_RANGE[1]
        except ValueError:
            return False
    if kind == "boolean":
        return not (isinstance(value, (bool, int)) or isinstance(value, str) and value.strip().lower() in BOOLEAN_WORDS)
    if kind == "sort":
        parts = [value] if isinstance(value, str) else value
        return not isinstance(parts, list) or not all(
            isinstance(part, str) or isinstance(part, list) and all(isinstance(x, str) for x in part) for part in parts)
    if kind == "count":
        if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).isdigit():
            return True
        return int(value) >= 2**31
    if kind == "texts":
        return not (isinstance(value, str) or isinstance(value, list) and all(isinstance(x, str) for x in value))
    if kind == "text_list":
        return not (isinstance(value, list) and all(isinstance(x, str) for x in value))
    if kind == "object":
        return not isinstance(value, dict)
    if kind == "job_id":
        return not (isinstance(value, str) and value.isascii() and value.replace("_", "").replace("-", "").isalnum())
    if kind == "rdf_format":
        return not isinstance(value, str) or not _rdf_serializer_exists(value)
    raise ValueError(kind)


def _rdf_serializer_exists(name: str) -> bool:
    """ckanext-dcat maps its short names (ttl, jsonld, ...) to rdflib's, then asks rdflib."""
    from rdflib import plugin
    from rdflib.serializer import Serializer

    from ckanext.dcat.utils import url_to_rdflib_format

    try:
        plugin.get(url_to_rdflib_format(name) or "xml", Serializer)
        return True
    except plugin.PluginException:
        return False


PAGING = {"limit": "integer", "offset": "integer"}
ACTIVITY_PAGING = {**PAGING, "before": "timestamp", "after": "timestamp"}
TYPED_PARAMETERS = {
    "api_token_list": {"user": "text", "user_id": "text"},
    "dashboard_activity_list": ACTIVITY_PAGING,
    "dashboard_new_activities_count": ACTIVITY_PAGING,
    "user_activity_list": {"id": "text", **ACTIVITY_PAGING},
    "recently_changed_packages_activity_list": ACTIVITY_PAGING,
    "user_list": {"q": "text", "email": "text", "order_by": "text", "include_site_user": "boolean", **PAGING},
    "user_show": {"id": "text", "include_datasets": "boolean", "include_num_followers": "boolean",
                  "include_password_hash": "boolean", "include_plugin_extras": "boolean"},
    "user_create": {"id": "text", "name": "text", "email": "text"},
    "task_status_show": {"id": "text", "entity_id": "text", "task_type": "text", "key": "text"},
    "task_status_delete": {"id": "text"},
    "job_show": {"id": "job_id"},
    "job_cancel": {"id": "job_id"},
    "file_owner_scan": {"sort": "sort", **PAGING},
    # package_search's schema converts q/fq/sort to text itself; these it passes on unchecked
    # (fl and fq_list are joined as texts, the flags go through asbool, extras is a dict).
    "package_search": {"fl": "texts", "fq_list": "texts", "rows": "integer", "start": "integer",
                       "facet.limit": "integer", "facet.mincount": "integer", "include_private": "boolean",
                       "include_drafts": "boolean", "include_deleted": "boolean",
                       "use_default_schema": "boolean", "extras": "object"},
    **{name: {"q": "text", "sort": "text", "type": "text", "order_by": "text", "groups": "text_list",
              "organizations": "text_list", "all_fields": "boolean", "include_dataset_count": "boolean",
              "include_extras": "boolean", "include_tags": "boolean", "include_groups": "boolean",
              "include_users": "boolean", **PAGING} for name in ("group_list", "organization_list")},
    "group_autocomplete": {"q": "required_text", "limit": "count"},
    "organization_autocomplete": {"q": "required_text", "limit": "count"},
    "organization_list_for_user": {"id": "text", "permission": "text", "include_dataset_count": "boolean"},
    "resource_show": {"id": "text", "include_tracking": "boolean"},
    "tag_show": {"id": "text", "vocabulary_id": "text", "include_datasets": "boolean"},
    "dcat_catalog_search": {"format": "rdf_format"},
    "dcat_catalog_show": {"format": "rdf_format"},
    "dcat_dataset_show": {"format": "rdf_format"},
    # The DataStore reads its required parameter before checking it is there (KeyError, a 500).
    "datastore_run_triggers": {"resource_id": "required_text"},
    "datastore_search_sql": {"sql": "required_text"},
}


NUL_IN_TEXT = N_("This text contains NUL characters (\\x00), which cannot be searched or stored.")


def problem_message(kind: str, value) -> str | None:
    """What is wrong with `value` as `kind` (a msgid), None when nothing is. PostgreSQL refuses a
    NUL character in any text, so a text with one is a mistake wherever it goes."""
    if type_problem(kind, value):
        return TYPE_MESSAGES[kind]
    if isinstance(value, str) and "\x00" in value:
        return NUL_IN_TEXT
    return None


# Reads of plugins (marked side_effect_free there); core's reads are the functions of its get module.
PLUGIN_READS = {"dashboard_activity_list", "dashboard_new_activities_count", "user_activity_list",
                "recently_changed_packages_activity_list", "dcat_catalog_search", "dcat_catalog_show",
                "datastore_search_sql"}


def served_over_get(name: str) -> bool:
    """Whether CKAN answers `name` over GET: a chain must say so again, since CKAN keeps only the
    chain's own attributes (without it, GET package_search was "Please use POST")."""
    import ckan.logic.action.get as core_reads

    return hasattr(core_reads, name) or name in PLUGIN_READS


def _typed(name: str, parameters: dict):
    """Refuse a parameter of the wrong type before core converts it; the rest is core's."""

    @tk.chained_action
    def action(original_action, context, data_dict):
        data_dict = data_dict or {}
        errors = {field: [bilingual(message)] for field, kind in parameters.items()
                  if (message := problem_message(kind, data_dict.get(field)))}
        if errors:
            raise tk.ValidationError(errors)
        return original_action(context, data_dict)

    action.__name__ = name
    return tk.side_effect_free(action) if served_over_get(name) else action


# ckanext-harvest registers every function of its action modules as an action, helpers and an
# exception class included; their signatures are not (context, data_dict), so any call is a 500.
NOT_ACTIONS = (
    "InactiveSource", "get_mail_extra_vars", "prepare_summary_mail", "prepare_error_mail",
    "send_summary_email", "send_error_email", "send_mail",
)


def _not_an_action(name: str):
    @tk.chained_action
    @tk.side_effect_free
    def action(original_action, context, data_dict):
        raise tk.ObjectNotFound(bilingual(NOT_AN_ACTION, name=name))

    action.__name__ = name
    return action


def get_actions() -> dict:
    actions = {"task_status_update_many": task_status_update_many,
               "package_create_default_resource_views": package_create_default_resource_views,
               "package_relationship_update": package_relationship_update,
               **{name: _member_delete(name) for name in ("group_member_delete", "organization_member_delete")}}
    # A chain with nothing to chain stops CKAN's start: plugins' actions only when loaded.
    owners = {"dcat_": "dcat", "datastore_": "datastore"}
    actions.update({name: _typed(name, params) for name, params in TYPED_PARAMETERS.items()
                    if all(not name.startswith(prefix) or p.plugin_loaded(plugin)
                           for prefix, plugin in owners.items())})
    if p.plugin_loaded("harvest"):  # a chain with nothing to chain stops CKAN's start
        actions.update({name: _not_an_action(name) for name in NOT_ACTIONS})
    return actions


def _harvest_source_check(name: str):
    """A harvest source is a dataset of type `harvest`: core's package_update / package_delete
    checks (ckanext-harvest's edit and delete pages ask them) must keep its admins-only rule, as
    harvest_source_update does. agency_admin reads the agency from the stored source."""
    from ckanext.opengov.harvest.auth import agency_admin

    @tk.chained_auth_function
    def check(original, context, data_dict):
        name_or_id = (data_dict or {}).get("id") or (data_dict or {}).get("name")
        package = model.Package.get(name_or_id) if isinstance(name_or_id, str) and name_or_id else None
        if package is not None and package.type == "harvest":
            verdict = agency_admin(context, {"id": package.id})
            if not verdict["success"]:
                return verdict
        return original(context, data_dict)

    check.__name__ = name
    return check


def get_auth_functions() -> dict:
    names = ("package_collaborator_list", "package_collaborator_create", "package_collaborator_delete")
    return {"user_invite": user_invite, **{name: _logged_in_collaborator_check(name) for name in names},
            **{name: _member_create_check(name) for name in ("group_member_create", "organization_member_create")},
            **{name: _harvest_source_check(name) for name in ("package_update", "package_delete")}}
