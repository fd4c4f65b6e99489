"""Agencies and their ministries: a ministry is an organization whose ``ministry`` is empty.

The hierarchy is one level deep, as Thai government is presented to the public: ministry, then
the departments and bodies under it. It is kept in the organization's ``ministry`` field (the
ministry's name) so that harvests and the API carry it like any other field.
"""
from __future__ import annotations

import re
from typing import Any

import ckan.model as model
import ckan.plugins.toolkit as tk
from ckan.lib.navl.dictization_functions import missing
from sqlalchemy import func

from ckanext.opengov.messages import N_, bilingual

AGENCY_CODE = re.compile(r"[0-9A-Za-z][0-9A-Za-z\-]{0,19}")


def _organizations():
    return (
        model.Session.query(model.Group)
        .filter(model.Group.is_organization.is_(True), model.Group.state == "active")
        .order_by(model.Group.title)
    )


def ministry_name(org: model.Group) -> str:
    return (org.extras or {}).get("ministry") or ""


def ministry_choices(field: dict) -> list[dict]:
    """scheming ``choices_helper``: every top-level organization."""
    return [{"value": org.name, "label": org.title or org.name} for org in _organizations() if not ministry_name(org)]


def public_dataset_counts() -> dict[str, int]:
    """Public, active datasets per organization id (classified data is always private). Harvest
    sources are packages too (type `harvest`): they are not datasets."""
    rows = (
        model.Session.query(model.Package.owner_org, func.count(model.Package.id))
        .filter(model.Package.state == "active", model.Package.private.is_(False),
                model.Package.type == "dataset")
        .group_by(model.Package.owner_org)
    )
    return dict(rows)


def tree() -> list[dict]:
    """Ministries with their agencies and public dataset counts, for the agency list page."""
    orgs = list(_organizations())
    counts = public_dataset_counts()
    by_name = {org.name: org for org in orgs}
    children: dict[str, list] = {}
    for org in orgs:
        parent = ministry_name(org)
        if parent in by_name:
            children.setdefault(parent, []).append({"org": org, "count": counts.get(org.id, 0)})
    # A ministry's figure includes its agencies' datasets.
    return [
        {
            "org": org,
            "count": counts.get(org.id, 0) + sum(a["count"] for a in children.get(org.name, [])),
            "agencies": children.get(org.name, []),
        }
        for org in orgs
        if ministry_name(org) not in by_name
    ]


def ministry_of(owner_org: str | None) -> model.Group | None:
    """The ministry a dataset's agency belongs to (the agency itself when it is a ministry)."""
    if not owner_org:
        return None
    org = model.Group.get(owner_org)
    if org is None:
        return None
    parent = model.Group.get(ministry_name(org)) if ministry_name(org) else None
    return parent or org


MESSAGES = {
    "unknown": N_('There is no agency "%(value)s" to be the ministry'),
    "nested": N_('"%(value)s" belongs to a ministry itself, so it cannot be one'),
    "self": N_("An agency cannot be its own ministry"),
    "code": N_('"%(value)s" is not an agency code: use up to 20 letters, digits or hyphens'),
}


def opengov_ministry(key, data, errors, context) -> None:
    value = data.get(key)
    if value is missing or not value:
        data[key] = ""
        return
    parent = model.Group.get(value)
    if parent is None or not parent.is_organization:
        errors[key].append(bilingual(MESSAGES["unknown"], value=value))
        return
    own = data.get(("id",)) or data.get(("name",))
    if own in (parent.id, parent.name):
        errors[key].append(bilingual(MESSAGES["self"]))
    elif ministry_name(parent):
        errors[key].append(bilingual(MESSAGES["nested"], value=value))
    else:
        data[key] = parent.name


def opengov_agency_code(value: Any, context: dict) -> Any:
    if value is missing or value in (None, ""):
        return value
    if not AGENCY_CODE.fullmatch(str(value).strip()):
        raise tk.Invalid(bilingual(MESSAGES["code"], value=value))
    return str(value).strip()
