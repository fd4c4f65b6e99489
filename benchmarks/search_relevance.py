"""Thai search relevance: our Solr analysis beside stock CKAN's schema, same data, same run.

Creates two Solr cores that differ only in schema.xml (CKAN's own, and ours from
dev/solr/make_schema.py), indexes the same datasets into both through CKAN's own indexer,
runs the labelled queries through CKAN's own query code, and prints recall@10 and MRR.
"""
from __future__ import annotations

import os
import shutil
import sys
import uuid

import requests

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "dev", "solr"))

from benchmarks import thai_corpus  # noqa: E402
import make_schema  # noqa: E402

SOLR = "http://127.0.0.1:{}/solr".format(os.environ.get("OPENGOV_SOLR_PORT", "8983"))
SOLR_HOME = os.path.join(os.environ.get("OPENGOV_DEV_DIR", os.path.join(ROOT, ".dev")), "solr", "home")


def create_core(name: str, schema_text: str) -> str:
    instance = os.path.join(SOLR_HOME, name)
    requests.get(f"{SOLR}/admin/cores", params={"action": "UNLOAD", "core": name, "deleteInstanceDir": "true"}, timeout=60)
    shutil.rmtree(instance, ignore_errors=True)
    os.makedirs(os.path.join(instance, "conf"))
    for f in os.listdir(os.path.join(ROOT, "dev", "solr", "conf")):
        shutil.copy(os.path.join(ROOT, "dev", "solr", "conf", f), os.path.join(instance, "conf"))
    with open(os.path.join(instance, "conf", "schema.xml"), "w", encoding="utf-8") as f:
        f.write(schema_text)
    r = requests.get(f"{SOLR}/admin/cores", params={"action": "CREATE", "name": name, "instanceDir": instance}, timeout=120)
    r.raise_for_status()
    return f"{SOLR}/{name}"


def main() -> None:
    import ckan
    from ckan.common import config

    from benchmarks import boot

    app = boot.ckan()
    stock_schema = open(os.path.join(os.path.dirname(ckan.__file__), "config", "solr", "schema.xml"), encoding="utf-8").read()
    cores = {
        "stock CKAN schema": create_core("bench_stock", stock_schema),
        "ckanext-opengov": create_core("bench_thai", make_schema.thai_schema(stock_schema)),
    }

    import ckan.model as model
    import ckan.plugins.toolkit as tk
    from ckan.lib import search

    datasets, queries = thai_corpus.build()
    with app._wsgi_app.test_request_context():
        model.repo.delete_all()
        site_user = tk.get_action("get_site_user")({"ignore_auth": True}, {})
        ctx = {"user": site_user["name"], "ignore_auth": True}
        config["solr_url"] = cores["ckanext-opengov"]
        org = tk.get_action("organization_create")(dict(ctx), {"name": "bench-" + uuid.uuid4().hex[:6], "title": "หน่วยงานทดสอบ"})
        for d in datasets:
            tk.get_action("package_create")(dict(ctx), dict(
                d, owner_org=org["id"], data_type="ข้อมูลสถิติ", tag_string="สถิติ",
                maintainer="ฝ่ายข้อมูล", maintainer_email="data@example.go.th", objective=["พันธกิจหน่วยงาน"],
                update_frequency_unit="ปี", geo_coverage="ประเทศ", data_source="หน่วยงานทดสอบ",
                data_format=["CSV"], data_category="ข้อมูลสาธารณะ", data_classification="เปิดเผย",
                license_id="Open Data Common"))
        print(f"corpus: {len(datasets)} datasets, {len(queries)} labelled queries")
        groups = sorted({q["group"] for q in queries})
        scores = {}
        for label, url in cores.items():
            config["solr_url"] = url
            search.clear_all()
            search.rebuild(quiet=True)
            search.commit()
            for q in queries:
                ranked = search.query_for(model.Package).run({"q": q["q"], "rows": 10, "fl": "name"})["results"]
                scores[label, q["q"]] = (thai_corpus.recall_at_k(ranked, q["relevant"]),
                                         thai_corpus.reciprocal_rank(ranked, q["relevant"]))

    def mean(label, group=None, i=0):
        chosen = [scores[label, q["q"]][i] for q in queries if group in (None, q["group"])]
        return sum(chosen) / len(chosen)

    print(f"{'query group':<22} {'n':>3}  {'stock R@10':>10} {'stock MRR':>9}  {'ours R@10':>9} {'ours MRR':>8}")
    for group in groups + [None]:
        n = sum(1 for q in queries if group in (None, q["group"]))
        row = [mean(label, group, i) for label in cores for i in (0, 1)]
        print(f"{group or 'all':<22} {n:>3}  {row[0]:>10.3f} {row[1]:>9.3f}  {row[2]:>9.3f} {row[3]:>8.3f}")


if __name__ == "__main__":
    main()
