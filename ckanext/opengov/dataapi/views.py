"""dataapi: pages (blueprints registered by plugin.py).

/data-api                                        the portal's guide to the Data API
/dataset/<id>/resource/<resource_id>/api         one resource's guide, with its real id and fields
/dataset/<id>/resource/<resource_id>/table.<fmt> the loaded table as csv, xlsx or json, streamed
Every read goes through actions as the visitor, so a private table is never shown to outsiders.
"""
from __future__ import annotations

from flask import Blueprint, Response, stream_with_context

import ckan.plugins.toolkit as tk

from ckanext.opengov.dataapi import downloads, examples
from ckanext.opengov.messages import N_, bilingual

dataapi = Blueprint("opengov_dataapi", __name__)

MESSAGES = {
    "not_loaded": N_("This resource has no table in the DataStore yet."),
    "format": N_("Unknown download format %(fmt)s: choose csv, xlsx or json."),
}


def _context() -> dict:
    return {"user": tk.current_user.name if tk.current_user.is_authenticated else ""}


def _resource(id: str, resource_id: str) -> tuple[dict, dict]:
    """The dataset and resource as the visitor may see them, or the page's 403/404."""
    try:
        package = tk.get_action("package_show")(_context(), {"id": id})
    except tk.ObjectNotFound:
        tk.abort(404, tk._("Dataset not found"))
    except tk.NotAuthorized:
        tk.abort(403, tk._("Unauthorized to read dataset %s") % id)
    for resource in package.get("resources", []):
        if resource["id"] == resource_id:
            return package, resource
    tk.abort(404, tk._("Resource not found"))


def _fields(resource_id: str) -> list[dict]:
    found = tk.get_action("datastore_search")(_context(), {"resource_id": resource_id, "limit": 0})
    return [f for f in found["fields"] if f["id"] != "_id"]


def _site() -> str:
    return tk.config.get("ckan.site_url").rstrip("/")


def resource_api(id: str, resource_id: str):
    package, resource = _resource(id, resource_id)
    fields = _fields(resource_id) if resource.get("datastore_active") else []
    return tk.render("opengov/dataapi/resource_api.html", {
        "pkg": package, "res": resource, "fields": fields,
        "examples": examples.build(_site(), resource_id, [f["id"] for f in fields]) if fields else None,
    })


def portal_api():
    """The guide, with a real public table as its example when the portal has one."""
    # Resource extras are not indexed, so the newest datasets are looked through.
    found = tk.get_action("package_search")(_context(), {
        "q": "num_resources:[1 TO *]", "rows": 50, "sort": "metadata_modified desc"})
    sample = None
    for package in found["results"]:
        for resource in package.get("resources", []):
            if resource.get("datastore_active"):
                fields = _fields(resource["id"])
                sample = {"pkg": package, "res": resource, "fields": fields,
                          "examples": examples.build(_site(), resource["id"], [f["id"] for f in fields])}
                break
        if sample:
            break
    return tk.render("opengov/dataapi/portal_api.html", {"sample": sample, "site": _site()})


def table(id: str, resource_id: str, fmt: str):
    if fmt not in downloads.FORMATS:
        tk.abort(400, bilingual(MESSAGES["format"], fmt=fmt[:20]))
    package, resource = _resource(id, resource_id)
    if not resource.get("datastore_active"):
        tk.abort(404, bilingual(MESSAGES["not_loaded"]))
    context = _context()
    try:
        page = downloads.first_page(context, resource_id)
    except tk.ObjectNotFound:
        tk.abort(404, bilingual(MESSAGES["not_loaded"]))
    except tk.NotAuthorized:
        tk.abort(403, tk._("Unauthorized to read resource %s") % resource_id)
    meta = {"dataset": package["name"], "resource_id": resource_id, "name": resource.get("name")}
    chunks = downloads.chunks(fmt, context, resource_id, page, meta)
    mimetype = downloads.FORMATS[fmt]
    return Response(stream_with_context(chunks), mimetype=mimetype.split(";")[0], headers={
        "Content-Type": mimetype,
        "Content-Disposition": f'attachment; filename="{resource_id}.{fmt}"'})


dataapi.add_url_rule("/data-api", view_func=portal_api)
dataapi.add_url_rule("/dataset/<id>/resource/<resource_id>/api", view_func=resource_api)
dataapi.add_url_rule("/dataset/<id>/resource/<resource_id>/table.<fmt>", view_func=table)


def get_blueprints() -> list:
    return [dataapi]
