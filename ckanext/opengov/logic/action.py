"""Actions: core actions wrapped where the classification gate must hold."""
from __future__ import annotations

import ckan.model as model
from sqlalchemy import or_
import ckan.plugins.toolkit as tk

from ckanext.opengov.messages import N_, bilingual
from ckanext.opengov.tgdc import classification as gate
from ckanext.opengov.tgdc import storable

CANNOT_PUBLISH = N_(
    "These datasets are not classified เปิดเผย and cannot be made public: %(names)s. "
    "Nothing was changed."
)


@tk.chained_action
def bulk_update_public(original_action, context, data_dict):
    """Refuse the whole batch when any dataset in it is classified above เปิดเผย.

    Core's bulk_update_public writes straight to the model, skipping the schema validators.
    """
    ids = data_dict.get("datasets") or []
    if ids:
        rows = model.Session.query(model.Package.name, model.Package.extras).filter(
            or_(model.Package.id.in_(ids), model.Package.name.in_(ids))
        )
        refused = sorted(
            name for name, extras in rows if not gate.is_publishable((extras or {}).get("data_classification"))
        )
        if refused:
            raise tk.ValidationError({"datasets": [bilingual(CANNOT_PUBLISH, names=", ".join(refused))]})
    return original_action(context, data_dict)


FORBIDDEN_CHARACTERS = N_(
    "This text contains control characters (such as NUL, \\x00) that cannot be stored or published"
)


def _refuse_unstorable(data_dict: dict) -> None:
    bad = storable.unstorable_fields(data_dict)
    if bad:
        raise tk.ValidationError({path.split(".")[0]: [bilingual(FORBIDDEN_CHARACTERS)] for path in bad})


def _guarded(name: str):
    """A chained core write action that refuses what the database cannot store, before validation."""

    @tk.chained_action
    def action(original_action, context, data_dict):
        _refuse_unstorable(data_dict)
        return original_action(context, data_dict)

    action.__name__ = name
    return action


WRITE_ACTIONS = (
    "package_create", "package_update", "package_patch", "resource_create", "resource_update",
    "resource_patch", "organization_create", "organization_update", "organization_patch",
    "group_create", "group_update", "group_patch",
)


def get_actions() -> dict:
    actions = {name: _guarded(name) for name in WRITE_ACTIONS}
    actions["bulk_update_public"] = bulk_update_public
    return actions
