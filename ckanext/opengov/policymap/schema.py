"""Input of the policy map (the action and the page's query string), ``ckan.logic.schema`` style."""
from __future__ import annotations

import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.opengov.messages import N_, bilingual
from ckanext.opengov.tgdc import agencies, vocabularies
from ckanext.opengov.transparency.schema import optional, text, whole_number

DEFAULT_LIMIT = 300
MAX_LIMIT = 1000

UNKNOWN_MINISTRY = N_('There is no ministry "%(value)s"')
UNKNOWN_OBJECTIVE = N_('"%(value)s" is not a TGDC objective')
UNKNOWN_CATEGORY = N_('There is no category "%(value)s"')


def _refused(value) -> bool:
    """navl runs the next validators after one refused a value: only a checked text goes on."""
    return not isinstance(value, str)


def ministry(value, context):
    """A ministry's name or id: an active organization that has no ministry of its own."""
    if _refused(value):
        return value
    org = model.Group.get(value)
    if org is None or not org.is_organization or org.state != "active" or agencies.ministry_name(org):
        raise tk.Invalid(bilingual(UNKNOWN_MINISTRY, value=value))
    return org.name


def objective(value, context):
    if _refused(value):
        return value
    if value not in vocabularies.values("objective"):
        raise tk.Invalid(bilingual(UNKNOWN_OBJECTIVE, value=value))
    return value


def category(value, context):
    if _refused(value):
        return value
    group = model.Group.get(value)
    if group is None or group.is_organization or group.state != "active":
        raise tk.Invalid(bilingual(UNKNOWN_CATEGORY, value=value))
    return group.name


def policy_map_schema() -> dict:
    return {
        "ministry": [optional, text(), ministry],
        "objective": [optional, text(200), objective],
        "category": [optional, text(), category],
        "limit": [optional, whole_number(1, MAX_LIMIT, clamp=True)],
    }


def validate(data_dict: dict) -> dict:
    data, errors = tk.navl_validate(dict(data_dict or {}), policy_map_schema())
    if errors:
        raise tk.ValidationError(errors)
    data.setdefault("limit", DEFAULT_LIMIT)
    return {k: v for k, v in data.items() if k in policy_map_schema()}
