"""Every GET route of the running app, with real ids filled in: a pure mapping from a Flask rule
to a URL, given the ids of a small site (see test_every_route.py). A route whose arguments cannot
be filled from the site gets a made-up id, so its 404 page is checked too."""
from __future__ import annotations

from urllib.parse import quote

# GET routes that change something (run a harvest, clear it, abort a job, log out, unsubscribe)
# or are CKAN's developer pages (testing=true) or other locales' redirects: not visited.
NOT_VISITED = {
    "harvester.refresh": "starts a harvest job", "harvester.clear": "clears a source",
    "harvester.job_abort": "aborts a job", "user.logout": "logs the reader out",
    "opengov_follow.unsubscribe": "ends a subscription",
    "util.primer": "CKAN's developer page", "util.custom_form_fields": "CKAN's developer page",
    "activity.dashboard_testing": "CKAN's developer page", "util.internal_redirect": "a redirect helper",
    "static": "files", "webassets.index": "files",
}
MISSING = "no-such-thing"


def _id_for(endpoint: str, site: dict) -> str:
    blueprint = endpoint.split(".")[0]
    if endpoint in ("activity.package_changes",):
        return site["activity"]
    if endpoint.startswith(("activity.group_changes", "activity.organization_changes")):
        return MISSING
    if blueprint in ("group",) or endpoint in ("activity.group_activity", "feeds.group",
                                                "opengov_portal.feed_group"):
        return site["group"]
    if blueprint in ("organization", "opengov_harvest") or endpoint in (
            "activity.organization_activity", "feeds.organization", "opengov_portal.feed_organization"):
        return site["org"]
    if blueprint in ("user",) or endpoint == "activity.user_activity":
        return site["user"]
    if endpoint in ("feeds.tag", "opengov_portal.feed_tag"):
        return site["tag"]
    if blueprint in ("harvest", "harvest_resource") or endpoint in (
            "harvester.about", "harvester.admin", "harvester.delete"):
        return site["source"]
    if endpoint == "harvester.object_show" or blueprint == "file":
        return MISSING
    if blueprint in ("dataset", "dataset_resource", "resource", "activity", "dcat", "xloader",
                     "datastore"):
        return site["dataset"]
    return MISSING


def fill(rule, site: dict) -> str | None:
    """The URL to visit for a rule, or None when it is not visited."""
    endpoint = rule.endpoint
    if endpoint in NOT_VISITED or endpoint.startswith("api.") or endpoint.startswith("home.redirect_locale"):
        return None
    values = {}
    for arg in rule.arguments:
        if arg in rule.defaults or {}:
            continue
        if arg in ("id", "_id", "name"):
            values[arg] = _id_for(endpoint, site)
        elif arg == "source":
            values[arg] = site["source"]
        elif arg == "resource_id":
            values[arg] = site["resource"]
        elif arg == "view_id":
            values[arg] = site["view"]
        elif arg == "activity_id":
            values[arg] = site["activity"]
        elif arg == "job_id":
            values[arg] = MISSING
        elif arg in ("_format",):
            values[arg] = "ttl"
        elif arg == "fmt":
            values[arg] = _first_choice(rule, arg) or "csv"
        elif arg == "table":
            values[arg] = _first_choice(rule, arg) or MISSING
        elif arg == "filename":
            values[arg] = "data.csv"
        else:
            values[arg] = MISSING
    url = rule.rule
    for arg, value in values.items():
        url = _replace(url, arg, quote(str(value), safe=""))
    return url


def _replace(url: str, arg: str, value: str) -> str:
    import re
    return re.sub(r"<(?:[^:<>]+(?:\([^)]*\))?:)?" + re.escape(arg) + ">", value, url)


def _first_choice(rule, arg: str) -> str | None:
    converter = rule._converters.get(arg)  # noqa: SLF001 (werkzeug keeps an any() rule's choices here)
    items = getattr(converter, "items", None)
    return sorted(items)[0] if items else None
