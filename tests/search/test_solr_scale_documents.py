"""The search-at-scale benchmark (benchmarks/solr_scale.py) at a tiny size: the documents it
builds once and posts to every topology are what CKAN would index, so the portal's own search
finds them as it finds real datasets, and a classified one stays hidden from the public."""
from __future__ import annotations

import json

import pytest
import requests

pytestmark = pytest.mark.usefixtures("clean_db", "clean_index")

N = 200
AGENCIES = 25  # the 20 ministries and the first real agencies, สำนักงานสถิติแห่งชาติ (สสช.) among them


def test_benchmark_documents_are_found_like_real_datasets(app, api):
    import ckan.plugins.toolkit as tk
    from ckan.common import config

    from benchmarks import solr_scale

    with app.flask_app.test_request_context():
        site_user = tk.get_action("get_site_user")({"ignore_auth": True}, {})
        ctx = {"user": site_user["name"], "ignore_auth": True}
        orgs = solr_scale.ensure_agencies(tk, ctx, AGENCIES)
        default, custom = solr_scale.template_json(tk, ctx, orgs[0])
        docs = list(solr_scale.documents(0, N, default, custom, orgs, site_user["id"]))
    body = "[" + ",".join(json.dumps(d, ensure_ascii=False, default=str) for d in docs) + "]"
    requests.post(f"{config['solr_url']}/update", data=body.encode(), params={"commit": "true"},
                  headers={"Content-Type": "application/json"}, timeout=60).raise_for_status()

    assert len(orgs) == AGENCIES
    hidden = [d["name"] for d in docs if d["private"]]
    assert hidden and len(hidden) < N / 4  # about one in ten is classified, hence private
    everyone = app.get("/api/3/action/package_search", params={"rows": 0}).json["result"]
    assert everyone["count"] == N - len(hidden) + 1  # and the benchmark's template dataset

    nso = next(o for o in orgs if o["title"] == "สำนักงานสถิติแห่งชาติ")
    nso_docs = [d for d in docs if d["owner_org"] == nso["id"]]
    public = [d["name"] for d in nso_docs if not d["private"]]
    assert public
    anonymous = app.get("/api/3/action/package_search", params={"q": "สสช.", "rows": 100}).json["result"]
    assert sorted(r["name"] for r in anonymous["results"]) == sorted(public)
    # A dataset read back from the index has the TGDC fields as package_show gives them.
    shown = next(r for r in anonymous["results"] if r["name"] == public[0])
    assert shown["data_classification"] == "เปิดเผย" and isinstance(shown["objective"], list)
    assert shown["organization"]["name"] == nso["name"]
    # A sysadmin sees the classified ones too.
    everything = api("package_search", q="สสช.", rows=100, include_private=True)
    assert everything["count"] == len(nso_docs)
