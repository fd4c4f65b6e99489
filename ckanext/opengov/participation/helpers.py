"""participation: template helpers (registered by plugin.py)."""
from __future__ import annotations

import ckan.plugins.toolkit as tk

from ckanext.opengov.messages import N_
from ckanext.opengov.participation import config, store
from ckanext.opengov.portal import names
from ckanext.opengov.transparency.metrics.responsiveness import COLUMNS

HEADINGS = {
    "title": N_("Agency"),
    "received": N_("Requests received"),
    "answered": N_("Answered"),
    "median_days": N_("Median days to a first answer"),
    "within_target_share": N_("Share answered within the target"),
    "overdue": N_("Open requests overdue"),
}


def opengov_responsiveness_figure(agency: str | None = None) -> dict:
    """The responsiveness table for transparency/snippets/figure.html: every agency, or one."""
    from ckanext.opengov.participation.actions import responsiveness_rows

    group = store.agency(agency) if agency else None
    rows = names.agency_rows_for_view([dict(r, name=r["agency"], title=r["agency_title"],
                 within_target_share=None if r["within_target_share"] is None
                 else f"{r['within_target_share'] * 100:.0f}%")
            for r in responsiveness_rows(group.id if group else None)]) if (group or not agency) else []
    columns = ([] if agency else ["title"]) + list(COLUMNS)
    return {
        "key": "responsiveness", "title": tk._("Responsiveness to data requests"), "chart": None, "rows": rows,
        "intro": tk._("Requests addressed to the agency and how fast it gave a first answer; the target is "
                      "%(days)s days.") % {"days": config.target_days()},
        "columns": [(c, tk._(HEADINGS[c])) for c in columns],
        "downloads": {fmt: tk.h.url_for("opengov_datarequest.responsiveness", fmt=fmt,
                                        organization=group.name if group else None) for fmt in ("csv", "json")},
    }


def get_helpers() -> dict:
    return {"opengov_responsiveness_figure": opengov_responsiveness_figure}
