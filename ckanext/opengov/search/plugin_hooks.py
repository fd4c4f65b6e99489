"""IPackageController and IFacets hooks, kept out of plugin.py."""
from __future__ import annotations

import ckan.plugins.toolkit as tk

from ckanext.opengov.tgdc import agencies
from ckanext.opengov.search import facets, indexing


def before_dataset_index(pkg_dict: dict) -> dict:
    ministry = agencies.ministry_of(pkg_dict.get("owner_org"))
    return indexing.add_to_index(pkg_dict, ministry.title if ministry else None)


def after_dataset_search(search_results: dict) -> dict:
    try:
        lang = tk.h.lang()
    except (RuntimeError, AttributeError):  # outside a request (CLI, jobs)
        return search_results
    facets.label_facet_items(search_results.get("search_facets", {}), lang)
    return search_results
