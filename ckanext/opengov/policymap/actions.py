"""policymap: the ``opengov_policy_map`` action, the graph behind /policy-map."""
from __future__ import annotations

import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.opengov.policymap import graph, schema
from ckanext.opengov.portal import names
from ckanext.opengov.search.query import solr_phrase
from ckanext.opengov.tgdc import vocabularies
from ckanext.opengov.transparency import queries, tables

OPEN = "เปิดเผย"


def _public_datasets(data: dict) -> tuple[list[dict], int]:
    """Public datasets only, whoever asks: the search runs without the caller's permission labels
    beyond public ones (include_private false) and anything not classified เปิดเผย is dropped."""
    fq = ["+dataset_type:dataset"]
    if data.get("ministry"):
        fq.append("+vocab_ministry:" + solr_phrase(model.Group.get(data["ministry"]).title))
    if data.get("objective"):
        fq.append("+vocab_objective:" + solr_phrase(data["objective"]))
    if data.get("category"):
        fq.append("+groups:" + solr_phrase(data["category"]))
    result = tk.get_action("package_search")(
        {"ignore_auth": True, "user": ""},
        {"q": "*:*", "fq": " ".join(fq), "rows": data["limit"], "include_private": False,
         "sort": "metadata_modified desc", "facet": "false"})
    public = [d for d in result["results"] if not d.get("private") and d.get("data_classification") == OPEN]
    return public, result["count"]


def _overlap_rows():
    """The latest transparency snapshot's overlap table (public members only), streamed."""
    conn = model.Session.connection()
    day = queries.latest_day(conn)
    return tables.TABLES["overlap"].rows(conn, day) if day else iter(())


def _labels(datasets: list[dict]):
    english = tk.h.lang() == "en"

    def objective_label(value):
        return (vocabularies.english_label("objective", value) if english else None) or value

    def agency_label(org):
        return names.title(org) or org["name"]

    return objective_label, agency_label


def _url_for(kind: str, key: str) -> str:
    if kind == "dataset":
        return tk.h.url_for("dataset.read", id=key)
    if kind == "agency":
        return tk.h.url_for("organization.read", id=key)
    return tk.h.url_for("dataset.search", vocab_objective=key)


@tk.side_effect_free
def opengov_policy_map(context, data_dict):
    """National strategy and plan objectives, the agencies serving them and their public datasets,
    with overlaps between agencies from the latest transparency snapshot.

    :param ministry: a ministry's name: its agencies only (optional)
    :param objective: one TGDC objective value (optional)
    :param category: a category (group) name (optional)
    :param limit: at most this many datasets, most recently changed first (default 300, at most 1000)
    :returns: {nodes, edges, rows, datasets, total, truncated, agency_overlaps, filters, limit}
    """
    tk.check_access("opengov_policy_map", context, data_dict)
    data = schema.validate(data_dict)
    datasets, total = _public_datasets(data)
    objective_label, agency_label = _labels(datasets)
    result = graph.build(datasets, _overlap_rows(), objective_label, agency_label, _url_for)
    agency_overlaps = sum(1 for e in result["edges"] if e["kind"] == "overlap" and e["source"].startswith("agency:"))
    result.update(datasets=len(datasets), agency_overlaps=agency_overlaps, total=total, truncated=total > len(datasets),
                  filters={k: v for k, v in data.items() if k != "limit"}, limit=data["limit"])
    return result


def get_actions() -> dict:
    return {"opengov_policy_map": opengov_policy_map}
