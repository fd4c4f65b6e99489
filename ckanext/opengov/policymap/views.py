"""policymap: /policy-map, the graph of objectives, agencies and datasets with a table beside it."""
from __future__ import annotations

import json

import ckan.plugins.toolkit as tk
from flask import Blueprint

from ckanext.opengov.policymap import schema
from ckanext.opengov.portal import names
from ckanext.opengov.tgdc import agencies, vocabularies

policymap = Blueprint("opengov_policymap", __name__)


def _query() -> dict:
    """Each declared parameter once; a repeated one goes on as a list, which validation refuses."""
    out = {}
    for key in schema.policy_map_schema():
        values = tk.request.args.getlist(key)
        if values:
            out[key] = values[0] if len(values) == 1 else values
    return out


def _choices() -> dict:
    english = tk.h.lang() == "en"
    ministries = [(m["org"].name, names.title({"name": m["org"].name, "title": m["org"].title}))
                  for m in agencies.tree() if not agencies.ministry_name(m["org"])]
    objectives = [(v, (english and vocabularies.english_label("objective", v)) or v)
                  for v in vocabularies.values("objective")]
    groups = tk.get_action("group_list")({}, {"all_fields": True, "limit": 1000})
    categories = sorted(((g["name"], names.title(g)) for g in groups), key=lambda c: c[1])
    return {"ministries": ministries, "objectives": objectives, "categories": categories}


def index():
    try:
        data = tk.get_action("opengov_policy_map")({}, _query())
    except tk.ValidationError as e:
        message = "; ".join(f"{k}: {' '.join(v)}" for k, v in e.error_dict.items())
        return tk.abort(400, message)
    return tk.render("opengov/policymap/index.html", {
        "graph": data,
        "graph_json": json.dumps({"nodes": data["nodes"], "edges": data["edges"]}, ensure_ascii=False),
        "choices": _choices(),
        "filters": data["filters"],
    })


policymap.add_url_rule("/policy-map", view_func=index, endpoint="index")


def get_blueprints() -> list:
    return [policymap]
