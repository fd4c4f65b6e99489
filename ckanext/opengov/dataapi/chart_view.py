"""A chart view for loaded tables: Chart.js (vendored from npm, served by the portal's own
webassets) draws the table's first numeric column against its first text column.

A plugin of its own (`opengov_chart_view` in ckan.plugins) because CKAN lists views by plugin.
"""
from __future__ import annotations

import ckan.plugins as p
import ckan.plugins.toolkit as tk


class ChartView(p.SingletonPlugin):
    p.implements(p.IConfigurer, inherit=True)
    p.implements(p.IResourceView, inherit=True)

    def update_config(self, config):
        tk.add_resource("assets", "opengov_chart")

    def info(self) -> dict:
        return {"name": "opengov_chart_view", "title": tk._("Chart"), "icon": "chart-bar",
                "requires_datastore": True, "iframed": False, "default_title": tk._("Chart")}

    def can_view(self, data_dict: dict) -> bool:
        return bool(data_dict["resource"].get("datastore_active"))

    def view_template(self, context, data_dict) -> str:
        return "opengov/dataapi/chart_view.html"
