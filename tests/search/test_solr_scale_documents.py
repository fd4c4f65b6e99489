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


def test_documents_extended_past_the_built_ones_are_datasets_of_their_own(app, tmp_path, monkeypatch):
    """`extend` copies built documents under new ids, names and texts: each copy is found by its
    own title, and the copy of a classified dataset stays hidden like the original."""
    import ckan.plugins.toolkit as tk
    from ckan.common import config

    from benchmarks import solr_scale

    base, n = 60, 150  # datasets 31 and 32 are classified, so 91 and 92 are too
    monkeypatch.setattr(solr_scale, "WORK", str(tmp_path))
    with app.flask_app.test_request_context():
        site_user = tk.get_action("get_site_user")({"ignore_auth": True}, {})
        ctx = {"user": site_user["name"], "ignore_auth": True}
        orgs = solr_scale.ensure_agencies(tk, ctx, 5)
        default, custom = solr_scale.template_json(tk, ctx, orgs[0])
        built = list(solr_scale.documents(0, base, default, custom, orgs, site_user["id"]))
    docs_path, queries_path = solr_scale.paths(base)
    with open(docs_path, "w", encoding="utf-8") as out:
        out.writelines(json.dumps(d, ensure_ascii=False, default=str) + "\n" for d in built)
    with open(queries_path, "w") as out:
        json.dump({}, out)

    solr_scale.extend(n, base)

    with open(solr_scale.paths(n)[0], encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    assert len(docs) == n and len({d["id"] for d in docs}) == n and len({d["index_id"] for d in docs}) == n
    body = "[" + ",".join(json.dumps(d, ensure_ascii=False) for d in docs) + "]"
    requests.post(f"{config['solr_url']}/update", data=body.encode(), params={"commit": "true"},
                  headers={"Content-Type": "application/json"}, timeout=60).raise_for_status()
    hidden = {d["name"] for d in docs if d["private"]}
    assert any(int(name.rsplit("-", 1)[1]) >= base for name in hidden)  # a classified copy
    everyone = app.get("/api/3/action/package_search", params={"rows": 1000}).json["result"]
    assert not hidden & {r["name"] for r in everyone["results"]}
    copy = next(d for d in docs[base:] if not d["private"])
    found = app.get("/api/3/action/package_search", params={"q": f'title:"{copy["title"]}"'}).json["result"]
    assert copy["name"] in {r["name"] for r in found["results"]}
    shown = next(r for r in found["results"] if r["name"] == copy["name"])
    assert shown["id"] == copy["id"] and shown["title"] == copy["title"]
