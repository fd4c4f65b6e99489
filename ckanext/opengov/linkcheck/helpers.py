"""linkcheck: template helpers (registered by plugin.py)."""
from __future__ import annotations

import ckan.plugins.toolkit as tk

from ckanext.opengov.messages import N_

REASONS = {
    "http": N_("HTTP %(code)s"), "connection": N_("no connection"), "address": N_("address not allowed"),
    "connect": N_("no answer in time"), "read": N_("no answer in time"), "deadline": N_("no answer in time"),
    "host_unresponsive": N_("the server did not answer"), "redirects": N_("too many redirects"),
    "scheme": N_("not a web address"), "missing_file": N_("file missing from the portal's store"),
    "error": N_("check failed"),
}
STATUS_LABELS = {"works": N_("works"), "broken": N_("broken"), "refused": N_("refused by address rule"),
                 "timeout": N_("no answer in time"), "too_big": N_("too big")}


def opengov_linkcheck_status(resource_id: str) -> dict | None:
    """The last check of a resource as the resource page shows it, or None (not checked, or
    not for this reader: the action applies the resource's own permissions)."""
    user = tk.current_user.name if tk.current_user.is_authenticated else None
    try:
        result = tk.get_action("opengov_linkcheck_show")({"user": user}, {"id": resource_id})
    except (tk.NotAuthorized, tk.ObjectNotFound, tk.ValidationError):
        return None
    if not result.get("status"):
        return None
    reason = result.get("reason")
    label = REASONS.get(reason)
    result["reason_label"] = tk._(label) % {"code": result.get("http_status")} if label else ""
    return result


def opengov_linkcheck_figure(agency: str | None = None) -> dict:
    """The broken-links table for /transparency (all agencies) or one agency's scorecard:
    the same rows as its download, read live from the last checks of public resources."""
    import ckan.model as model

    from ckanext.opengov.transparency import tables

    table = tables.TABLES["links"]
    conn = model.Session.connection()
    rows = list(table.rows(conn, None, agency=agency))
    for row in rows:
        row["status"] = tk._(STATUS_LABELS.get(row["status"], row["status"]))
    return {"key": table.key, "title": tk._(table.title), "rows": rows, "chart": None,
            "columns": [(k, tk._(label)) for k, label in table.columns],
            "downloads": {fmt: tk.h.url_for("opengov_transparency.download", table=table.key, fmt=fmt,
                                            agency=agency) for fmt in ("csv", "json")}}



def get_helpers() -> dict:
    return {"opengov_linkcheck_status": opengov_linkcheck_status,
            "opengov_linkcheck_figure": opengov_linkcheck_figure}
