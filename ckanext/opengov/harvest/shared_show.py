"""One rendering of a newly harvested dataset, shared by its activity and its search index.

package_create's activity (ckanext-activity) renders the new dataset with package_show, and
indexing it renders it again (package_show_default_and_custom_schemas): two dictizations and
two schema validations of the same rows, about a quarter of a harvested dataset's cost. While a
harvester saves a dataset (`sharing(id)`), the first rendering is kept and the second served
from it. Thread-local: other threads and other datasets are never served from it.
"""
from __future__ import annotations

import copy
import threading
from contextlib import contextmanager

import ckan.plugins.toolkit as tk
from ckan import logic

_local = threading.local()


@contextmanager
def sharing(package_id: str):
    _local.package_id, _local.both = package_id, None
    try:
        yield
    finally:
        _local.package_id, _local.both = None, None


def default_and_custom(context: dict, package_id: str) -> tuple[dict, dict]:
    """package_show_default_and_custom_schemas, computed once per `sharing` block."""
    if getattr(_local, "package_id", None) != package_id:
        return logic.package_show_default_and_custom_schemas(context, package_id)
    if _local.both is None:
        _local.both = logic.package_show_default_and_custom_schemas(context, package_id)
    return _local.both


def _servable(context: dict, data_dict: dict) -> bool:
    """A plain, trusted, validated rendering of the dataset being saved (the activity's call)."""
    return (getattr(_local, "package_id", None) is not None
            and data_dict.get("id") == _local.package_id
            and context.get("ignore_auth") and context.get("validate", True)
            and not context.get("for_view") and "schema" not in context
            and not tk.asbool(data_dict.get("use_default_schema"))
            and not tk.asbool(data_dict.get("include_plugin_data")))


@tk.side_effect_free
@tk.chained_action
def package_show(original_action, context, data_dict):
    if _servable(context, data_dict):
        tk.check_access("package_show", context, data_dict)  # trusted callers only, but audited
        return copy.deepcopy(default_and_custom(context, _local.package_id)[1])
    return original_action(context, data_dict)
