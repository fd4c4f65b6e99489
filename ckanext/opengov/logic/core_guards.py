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
}
BOOLEAN_WORDS = {"true", "false", "yes", "no", "on", "off", "y", "n", "t", "f", "1", "0", ""}
TIMESTAMP_RANGE = (-62135596800.0, 253402300799.0)  # 0001-01-01 .. 9999-12-31


def type_problem(kind: str, value) -> bool:
    """Whether `value` cannot be read as `kind` by the core code that takes it (None: absent)."""
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
    "dcat_catalog_search": {"format": "rdf_format"},
    "dcat_catalog_show": {"format": "rdf_format"},
    "dcat_dataset_show": {"format": "rdf_format"},
}


def _typed(name: str, parameters: dict):
    """Refuse a parameter of the wrong type before core converts it; the rest is core's."""

    @tk.chained_action
    def action(original_action, context, data_dict):
        errors = {field: [bilingual(TYPE_MESSAGES[kind])] for field, kind in parameters.items()
                  if type_problem(kind, (data_dict or {}).get(field))}
        if errors:
            raise tk.ValidationError(errors)
        return original_action(context, data_dict)

    action.__name__ = name
    return action


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
    actions = {"task_status_update_many": task_status_update_many}
    actions.update({name: _typed(name, params) for name, params in TYPED_PARAMETERS.items()
                    if not name.startswith("dcat_") or p.plugin_loaded("dcat")})
    if p.plugin_loaded("harvest"):  # a chain with nothing to chain stops CKAN's start
        actions.update({name: _not_an_action(name) for name in NOT_ACTIONS})
    return actions


def get_auth_functions() -> dict:
    names = ("package_collaborator_list", "package_collaborator_create", "package_collaborator_delete")
    return {"user_invite": user_invite, **{name: _logged_in_collaborator_check(name) for name in names}}
