"""Loading resources that arrive inside a whole dataset (package_create: the API, the harvesters).

ckanext-xloader submits a resource when it is created on its own (IResourceController
after_resource_create) or its URL changes; resources created together with their dataset reach
neither hook, so a harvested or API-created dataset's tables were never loaded. Each of them is
queued here with the same rules as xloader_submit (xloader's formats, a file to load), from the
dataset just written: going through the action again (its validation, a resource_show that
renders the whole dataset, a status lookup for a resource that cannot have one) cost about a
third of a harvested dataset's package_create.
"""
from __future__ import annotations

import ckan.plugins as p


def after_dataset_create(context, pkg_dict: dict) -> None:
    if not p.plugin_loaded("xloader"):
        return
    from ckan import model
    from ckanext.xloader.utils import XLoaderFormats

    from ckanext.opengov.dataapi import actions

    to_load = [resource["id"] for resource in pkg_dict.get("resources") or []
               if (resource.get("id") and actions.has_file(resource)
                   and XLoaderFormats.is_it_an_xloader_format(resource.get("format")))]
    if to_load:
        actions.queue_after_commit(context.get("session") or model.Session, to_load)
