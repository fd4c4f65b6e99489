"""Actions: core write actions wrapped where the classification gate and storable input must hold."""
from __future__ import annotations

import ckan.model as model
import ckan.plugins.toolkit as tk
from sqlalchemy import exc, or_

from ckanext.opengov.logic.harvest_guards import harvest_package_guard
from ckanext.opengov.messages import N_, bilingual
from ckanext.opengov.tgdc import classification as gate
from ckanext.opengov.tgdc import lengths, storable, validators

CANNOT_PUBLISH = N_(
    "These datasets are not classified เปิดเผย and cannot be made public: %(names)s. "
    "Nothing was changed."
)
NOT_A_LIST_OF_IDS = N_("Give a list of dataset ids here")
NOT_AN_ID = N_("Give one agency id here")
FORBIDDEN_CHARACTERS = N_(
    "This text contains control characters (such as NUL, \\x00) that cannot be stored or published"
)
TOO_LONG = N_("This text is %(length)s characters long; at most %(limit)s are allowed")
PUBLIC_NOT_OPEN = N_(
    "Only datasets classified เปิดเผย can be public: make the dataset private or change its "
    "classification. Nothing was changed."
)

# The PostgreSQL trigger of migration 0005: the gate below the action layer.
TRIGGER_CONSTRAINT = "opengov_public_means_open"


def _bulk_input(data_dict: dict) -> list[str]:
    """``datasets`` as a list of id strings and ``org_id`` as a string, else a 409.

    Core passes ``datasets`` straight to SQL ``IN``: a string there is a server error.
    """
    ids = data_dict.get("datasets", [])
    errors = {}
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        errors["datasets"] = [bilingual(NOT_A_LIST_OF_IDS)]
    if not isinstance(data_dict.get("org_id"), str):
        errors["org_id"] = [bilingual(NOT_AN_ID)]
    if errors:
        raise tk.ValidationError(errors)
    return ids


@tk.chained_action
def bulk_update_public(original_action, context, data_dict):
    """Refuse the whole batch when any dataset in it is classified above เปิดเผย.

    Core makes each dataset public by its own package_patch, committed one by one: checking
    first keeps the batch all or nothing.
    """
    ids = _bulk_input(data_dict)
    if ids:
        rows = model.Session.query(model.Package.name, model.Package.extras).filter(
            or_(model.Package.id.in_(ids), model.Package.name.in_(ids))
        )
        refused = sorted(
            name for name, extras in rows if not gate.is_publishable((extras or {}).get("data_classification"))
        )
        if refused:
            raise tk.ValidationError({"datasets": [bilingual(CANNOT_PUBLISH, names=", ".join(refused))]})
    return _refusing_public_classified(original_action, context, data_dict)


def _bulk_checked(name: str):
    @tk.chained_action
    def action(original_action, context, data_dict):
        _bulk_input(data_dict)
        return _refusing_public_classified(original_action, context, data_dict)

    action.__name__ = name
    return action


def _refuse_unstorable(data_dict: dict) -> None:
    bad = storable.unstorable_fields(data_dict)
    if bad:
        raise tk.ValidationError({path.split(".")[0]: [bilingual(FORBIDDEN_CHARACTERS)] for path in bad})


def _refuse_too_long(data_dict: dict) -> None:
    errors: dict = {}
    for path, length, limit in lengths.too_long(data_dict):
        errors.setdefault(path.split(".")[0], []).append(bilingual(TOO_LONG, length=length, limit=limit))
    if errors:
        raise tk.ValidationError(errors)


ONE_VALUE_KEYS = ("owner_org", "id", "package_id")


def _refuse_lists_for_ids(data_dict: dict) -> None:
    """Core's auth functions look ``owner_org`` or ``id`` up in SQL before any validator runs:
    a list or an object there was a server error."""
    errors = {
        key: [bilingual(validators.NOT_A_LIST)] for key in ONE_VALUE_KEYS
        if isinstance(data_dict.get(key), (list, dict))
    }
    if errors:
        raise tk.ValidationError(errors)


GROUP_NOT_ORGANIZATION = N_("group_create makes groups (categories): use organization_create for an agency")


def _refuse_organization_as_group(data_dict: dict) -> None:
    """Core's group_create raises a bare Exception (a 500) for this type, before its access check."""
    if data_dict.get("type") == "organization":
        raise tk.ValidationError({"type": [bilingual(GROUP_NOT_ORGANIZATION)]})


RESOURCE_ID_TAKEN = N_("A resource with this id already exists: use resource_update to change it")


def _refuse_taken_resource_id(data_dict: dict) -> None:
    """resource_create with an existing resource's id rewrote that resource, and a second time
    ended in a server error in core's package_update."""
    resource_id = data_dict.get("id")
    if isinstance(resource_id, str) and resource_id and model.Resource.get(resource_id):
        raise tk.ValidationError({"id": [bilingual(RESOURCE_ID_TAKEN)]})


def _refusing_public_classified(original_action, context, data_dict):
    """Run the core action; if the database trigger refused a public classified row, roll the
    transaction back and answer 409 like the validators would (the trigger is the last line)."""
    try:
        return original_action(context, data_dict)
    except exc.DBAPIError as error:
        diagnosis = getattr(error.orig, "diag", None)
        if getattr(diagnosis, "constraint_name", None) != TRIGGER_CONSTRAINT:
            raise
        model.Session.rollback()
        raise tk.ValidationError({"private": [bilingual(PUBLIC_NOT_OPEN)]})


def _guarded(name: str):
    """A chained core write action that refuses what cannot be stored (control characters,
    texts over their field's length) before validation, and maps the trigger's refusal to 409.
    A dataset of type `harvest` is a harvest source: core's package writes on it get the
    harvest_source_* checks (package_revise reaches them through its package_update)."""

    @tk.chained_action
    def action(original_action, context, data_dict):
        _refuse_lists_for_ids(data_dict)
        if name in HARVEST_GUARDED:
            harvest_package_guard(name, context, data_dict)
        _refuse_unstorable(data_dict)
        _refuse_too_long(data_dict)
        if name == "resource_create":
            _refuse_taken_resource_id(data_dict)
        if name == "group_create":
            _refuse_organization_as_group(data_dict)
        return _refusing_public_classified(original_action, context, data_dict)

    action.__name__ = name
    return action


HARVEST_GUARDED = ("package_create", "package_update", "package_patch", "package_delete")
WRITE_ACTIONS = (
    "package_create", "package_update", "package_patch", "package_revise", "package_delete", "resource_create",
    "resource_update", "resource_patch", "organization_create", "organization_update",
    "organization_patch", "group_create", "group_update", "group_patch",
)


def get_actions() -> dict:
    actions = {name: _guarded(name) for name in WRITE_ACTIONS}
    actions["bulk_update_public"] = bulk_update_public
    for name in ("bulk_update_private", "bulk_update_delete"):
        actions[name] = _bulk_checked(name)
    return actions
