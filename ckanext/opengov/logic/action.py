"""Actions: core actions wrapped where the classification gate must hold."""
from __future__ import annotations

import ckan.model as model
from sqlalchemy import or_
import ckan.plugins.toolkit as tk

from ckanext.opengov.messages import N_, bilingual
from ckanext.opengov.tgdc import classification as gate

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
        packages = model.Session.query(model.Package).filter(
            or_(model.Package.id.in_(ids), model.Package.name.in_(ids))
        )
        refused = sorted(
            p.name for p in packages if not gate.is_publishable(p.extras.get("data_classification"))
        )
        if refused:
            raise tk.ValidationError({"datasets": [bilingual(CANNOT_PUBLISH, names=", ".join(refused))]})
    return original_action(context, data_dict)


def get_actions() -> dict:
    return {"bulk_update_public": bulk_update_public}
