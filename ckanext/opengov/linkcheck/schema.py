"""Input schemas of the link-check actions (CKAN navl style)."""
from __future__ import annotations

import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.opengov.messages import N_, bilingual

MAX_LIMIT = 100_000
LIMIT_RANGE = N_("Give limit as a whole number from 1 to %(max)s")


def _limit(value, context):
    if isinstance(value, bool) or not (isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit())):
        raise tk.Invalid(bilingual(LIMIT_RANGE, max=MAX_LIMIT))
    value = int(value)
    if not 1 <= value <= MAX_LIMIT:
        raise tk.Invalid(bilingual(LIMIT_RANGE, max=MAX_LIMIT))
    return value


def run_schema() -> dict:
    v = tk.get_validator
    return {"limit": [v("ignore_missing"), _limit],
            "id": [v("ignore_missing"), v("unicode_safe"), v("resource_id_exists")], "__junk": [v("ignore")]}


def show_schema() -> dict:
    v = tk.get_validator
    return {"id": [v("not_empty"), v("unicode_safe"), v("resource_id_exists")], "__junk": [v("ignore")]}


def validate(data_dict: dict, schema: dict) -> dict:
    data, errors = tk.navl_validate(dict(data_dict), schema, {"model": model, "session": model.Session})
    if errors:
        raise tk.ValidationError(errors)
    return data
