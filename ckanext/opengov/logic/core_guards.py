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
    if p.plugin_loaded("harvest"):  # a chain with nothing to chain stops CKAN's start
        actions.update({name: _not_an_action(name) for name in NOT_ACTIONS})
    return actions


def get_auth_functions() -> dict:
    names = ("package_collaborator_list", "package_collaborator_create", "package_collaborator_delete")
    return {"user_invite": user_invite, **{name: _logged_in_collaborator_check(name) for name in names}}
