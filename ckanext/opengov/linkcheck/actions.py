"""linkcheck: API actions (registered by plugin.py).

opengov_linkcheck_run   sysadmins: queue a run (or check one resource at once, `id`)
opengov_linkcheck_show  anyone who may see the resource: its last result and short history
"""
from __future__ import annotations

import datetime as dt

import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.opengov.linkcheck import jobs, schema, store
from ckanext.opengov.messages import N_, bilingual

BUSY = N_("A link check is running; try again when it has finished")


def opengov_linkcheck_run(context, data_dict):
    """Sysadmins. Without ``id``: queue a background run over up to ``limit`` public links
    (the least recently checked first). With ``id`` (a public resource): check it now and
    return its result."""
    tk.check_access("opengov_linkcheck_run", context, data_dict)
    data = schema.validate(data_dict, schema.run_schema())
    if data.get("id"):
        counts = jobs.run(model.meta.engine, limit=1, ids=[data["id"]])
        if counts.get("busy"):
            raise tk.ValidationError({"id": [bilingual(BUSY)]})
        return dict(_result(data["id"]), checked=counts["checked"])
    job = jobs.enqueue(data.get("limit", schema.MAX_LIMIT))
    return {"job_id": job.id}



@tk.side_effect_free
def opengov_linkcheck_show(context, data_dict):
    """The last check of resource ``id`` and its recent history; ``status`` is None when the
    link was not checked (or changed since)."""
    data = schema.validate(data_dict, schema.show_schema())
    tk.check_access("opengov_linkcheck_show", context, {"id": data["id"]})
    return _result(data["id"])


def _result(resource_id: str) -> dict:
    conn = model.Session.connection()
    row = store.latest(conn, resource_id)
    resource = model.Resource.get(resource_id)
    if row is None or resource is None or (resource.url or "") != row["url"]:
        return {"resource_id": resource_id, "status": None, "history": []}
    row.pop("package_id")
    row["history"] = [_jsonable(h) for h in store.history(conn, resource_id)]
    return _jsonable(row)


def _jsonable(row: dict) -> dict:
    return {k: (v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v) for k, v in row.items()}


def get_actions() -> dict:
    return {"opengov_linkcheck_run": opengov_linkcheck_run, "opengov_linkcheck_show": opengov_linkcheck_show}
