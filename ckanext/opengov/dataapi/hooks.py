"""Loading resources that arrive inside a whole dataset (package_create: the API, the harvesters).

ckanext-xloader submits a resource when it is created on its own (IResourceController
after_resource_create) or its URL changes; resources created together with their dataset reach
neither hook, so a harvested or API-created dataset's tables were never loaded. This submits
each of them through xloader_submit, which keeps its own rules (formats, queue, status page).
"""
from __future__ import annotations

import logging

import ckan.plugins as p
import ckan.plugins.toolkit as tk

log = logging.getLogger(__name__)


def after_dataset_create(context, pkg_dict: dict) -> None:
    if not p.plugin_loaded("xloader"):
        return
    from ckanext.xloader.utils import XLoaderFormats

    for resource in pkg_dict.get("resources") or []:
        if not resource.get("id") or not XLoaderFormats.is_it_an_xloader_format(resource.get("format")):
            continue
        try:
            tk.get_action("xloader_submit")({"ignore_auth": True, "user": context.get("user")},
                                            {"resource_id": resource["id"]})
        except (tk.ValidationError, tk.ObjectNotFound) as error:
            log.warning("resource %s of a new dataset not queued for loading: %s", resource["id"], error)
