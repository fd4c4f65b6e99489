"""What the home page shows: catalog figures from the transparency snapshot, the latest and the
most-viewed datasets, the TGDC categories and the ministries. Each read is what an anonymous
visitor may see (package_search leaves private data out; the snapshot counts public data only)."""
from __future__ import annotations

import ckan.plugins as p
import ckan.plugins.toolkit as tk

from ckanext.opengov.demo.categories import CATEGORIES
from ckanext.opengov.portal import names
from ckanext.opengov.tgdc import agencies

OPEN_STARS = 3  # three stars and up: an open, machine-readable format (5-star open data)


def open_share(stars: list[int] | None) -> float | None:
    """Share of public datasets with at least three stars; ``stars[n]`` counts n-star datasets."""
    if not stars or not sum(stars):
        return None
    return sum(stars[OPEN_STARS:]) / sum(stars)


def figures() -> dict | None:
    """The latest snapshot's national figures, or None before the first refresh."""
    try:
        totals = tk.get_action("opengov_transparency_summary")({}, {})
    except (tk.ObjectNotFound, KeyError):
        return None
    if not totals:
        return None
    return {
        "datasets": totals.get("public_datasets") or 0,
        "agencies": totals.get("agencies_publishing") or 0,
        "ministries": totals.get("ministries") or 0,
        "open_share": open_share(totals.get("stars")),
        "on_time_share": totals.get("on_time_share"),
        "mean_stars": totals.get("mean_stars"),
        "snapshot_date": totals.get("snapshot_date"),
    }


def _search(sort: str, rows: int) -> list[dict]:
    result = tk.get_action("package_search")(
        {"ignore_auth": False}, {"q": "", "sort": sort, "rows": rows, "include_private": False,
                                 "fq": "+dataset_type:dataset"})
    return result["results"]


def latest(rows: int = 5) -> list[dict]:
    return _search("metadata_created desc", rows)


def tracking_enabled() -> bool:
    return p.plugin_loaded("tracking")


def most_viewed(rows: int = 5) -> list[dict]:
    """Most viewed in the last 14 days with CKAN's tracking plugin; without it CKAN counts no
    views, so the section shows the most recently updated datasets and says so."""
    if tracking_enabled():
        return _search("views_recent desc", rows)
    return _search("metadata_modified desc", rows)


def categories() -> list[dict]:
    """The seven TGDC categories in the standard's order, with their public dataset counts."""
    result = tk.get_action("package_search")(
        {}, {"q": "", "rows": 0, "facet.field": ["groups"], "facet.limit": -1, "include_private": False})
    counts = result.get("facets", {}).get("groups", {})
    return [
        {"name": name, "title": en if names.in_english() else th, "count": counts.get(name, 0),
         "icon": f"/opengov/icons/{name}.svg"}
        for name, th, en in CATEGORIES
    ]


def ministries() -> list[dict]:
    """Ministries (agencies with no ministry above them) and their public dataset counts."""
    return [
        {"name": branch["org"].name, "title": names.title(branch["org"].name, branch["org"].title),
         "count": branch["count"], "agencies": len(branch["agencies"])}
        for branch in agencies.tree()
        if branch["agencies"] or branch["count"]
    ]
