"""The policy map as data: objectives, agencies and datasets as nodes, overlaps marked.

Pure functions over plain dicts (what package_search returns and the transparency snapshot's
overlap rows), so the shape can be tested and explained without CKAN.
"""
from __future__ import annotations

from itertools import combinations


def _node(kind: str, key: str, label: str, url: str, **extra) -> dict:
    return dict({"id": f"{kind}:{key}", "kind": kind, "label": label, "url": url}, **extra)


def build(datasets: list[dict], overlap_rows, objective_label, agency_label, url_for) -> dict:
    """datasets: public datasets {name, title, objective: [...], organization: {name, title}};
    overlap_rows: {cluster_id, similarity, dataset} rows (one per member) of the latest snapshot;
    objective_label(value), agency_label(org) give the reader's language; url_for(kind, key) the page.

    Returns {"nodes", "edges", "rows"}: edges link an objective to a dataset, a dataset to its
    agency, and agencies whose datasets overlap (kind "overlap"); rows are the same graph as a
    table, one row per dataset and objective."""
    nodes: dict[str, dict] = {}
    edges: dict[tuple, dict] = {}
    by_name = {d["name"]: d for d in datasets}

    def edge(source: str, target: str, kind: str, **extra):
        key = (min(source, target), max(source, target), kind) if kind == "overlap" else (source, target, kind)
        edges.setdefault(key, dict({"source": key[0], "target": key[1], "kind": kind}, **extra))

    for d in datasets:
        org = d.get("organization") or {}
        ds_id = f"dataset:{d['name']}"
        nodes.setdefault(ds_id, _node("dataset", d["name"], d.get("title") or d["name"], url_for("dataset", d["name"])))
        if org.get("name"):
            org_id = f"agency:{org['name']}"
            nodes.setdefault(org_id, _node("agency", org["name"], agency_label(org), url_for("agency", org["name"])))
            edge(ds_id, org_id, "publishes")
        for value in d.get("objective") or []:
            obj_id = f"objective:{value}"
            nodes.setdefault(obj_id, _node("objective", value, objective_label(value), url_for("objective", value)))
            edge(obj_id, ds_id, "serves")

    clusters: dict[int, dict] = {}
    for row in overlap_rows:
        if row["dataset"] in by_name:
            cluster = clusters.setdefault(row["cluster_id"], {"similarity": row["similarity"], "members": []})
            cluster["members"].append(row["dataset"])
    overlaps: dict[str, set[str]] = {}
    for number, cluster in clusters.items():
        for a, b in combinations(sorted(set(cluster["members"])), 2):
            org_a = (by_name[a].get("organization") or {}).get("name")
            org_b = (by_name[b].get("organization") or {}).get("name")
            if not org_a or not org_b or org_a == org_b:
                continue  # duplication across agencies is what the map marks
            sim = round(float(cluster["similarity"]), 2)
            edge(f"dataset:{a}", f"dataset:{b}", "overlap", cluster=number, similarity=sim)
            edge(f"agency:{org_a}", f"agency:{org_b}", "overlap", cluster=number, similarity=sim)
            overlaps.setdefault(a, set()).add(b)
            overlaps.setdefault(b, set()).add(a)
    for name in overlaps:
        nodes[f"dataset:{name}"]["overlap"] = True

    rows = []
    for d in datasets:
        org = d.get("organization") or {}
        for value in d.get("objective") or [None]:
            rows.append({
                "objective": nodes[f"objective:{value}"] if value else None,
                "agency": nodes.get(f"agency:{org.get('name')}"),
                "dataset": nodes[f"dataset:{d['name']}"],
                "overlaps_with": [nodes[f"dataset:{o}"] for o in sorted(overlaps.get(d["name"], ()))],
            })
    rows.sort(key=lambda r: ((r["objective"] or {}).get("label", "~"), (r["agency"] or {}).get("label", ""),
                             r["dataset"]["label"]))
    return {"nodes": list(nodes.values()), "edges": list(edges.values()), "rows": rows}
