"""IPackageController and IFacets hooks, kept out of plugin.py."""
from __future__ import annotations

import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.opengov.tgdc import agencies
from ckanext.opengov.search import facets, indexing, query


def _org_names(org: model.Group | None) -> dict:
    extras = org.extras or {}
    return {"title": org.title, "title_en": extras.get("title_en"), "abbreviations": extras.get("abbreviations")}


def before_dataset_index(pkg_dict: dict) -> dict:
    ministry = agencies.ministry_of(pkg_dict.get("owner_org"))
    org = model.Group.get(pkg_dict["owner_org"]) if pkg_dict.get("owner_org") else None
    orgs = [_org_names(o) for o in dict.fromkeys(o for o in (org, ministry) if o is not None)]
    return indexing.add_to_index(pkg_dict, ministry.title if ministry else None, orgs)


def before_dataset_search(search_params: dict) -> dict:
    return query.with_thai_fallback(search_params)


def after_dataset_search(search_results: dict) -> dict:
    try:
        lang = tk.h.lang()
    except (RuntimeError, AttributeError):  # outside a request (CLI, jobs)
        return search_results
    facets.label_facet_items(search_results.get("search_facets", {}), lang)
    return search_results
