"""Thai search relevance: our Solr analysis beside stock CKAN's, same data, same run.

Creates two Solr cores: stock CKAN's schema.xml, and ours (dev/solr/make_schema.py: schema and
word files). Indexes the same datasets into both through CKAN's own indexer (for the stock core
without what our indexer adds: agency names), runs the labelled queries through CKAN's own query
code (ours with the parameters our search hook sends: ckanext/opengov/search/query.py), and
prints recall@10 and MRR per query group for three sets: the synthetic titles, the real-agency
tuning queries (benchmarks/search_queries.py) and the held-out queries (benchmarks/search_heldout.py).

Through `make bench`; OPENGOV_BENCH_CORES=<prefix> names the two cores (default bench_stock,
bench_thai) when several runs share one Solr.
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

from benchmarks import search_heldout, search_queries, thai_corpus  # noqa: E402
import make_schema  # noqa: E402

SOLR = "http://127.0.0.1:{}/solr".format(os.environ.get("OPENGOV_SOLR_PORT", "8983"))
SOLR_HOME = os.path.join(os.environ.get("OPENGOV_DEV_DIR", os.path.join(ROOT, ".dev")), "solr", "home")


def create_core(name: str, stock_schema: str, ours: bool) -> str:
    instance = os.path.join(SOLR_HOME, name)
    requests.get(f"{SOLR}/admin/cores", params={"action": "UNLOAD", "core": name, "deleteInstanceDir": "true"}, timeout=60)
    shutil.rmtree(instance, ignore_errors=True)
    os.makedirs(os.path.join(instance, "conf"))
    for f in os.listdir(os.path.join(ROOT, "dev", "solr", "conf")):
        shutil.copy(os.path.join(ROOT, "dev", "solr", "conf", f), os.path.join(instance, "conf"))
    dest = os.path.join(instance, "conf", "schema.xml")
    if ours:
        make_schema.write_conf(stock_schema, dest)
    else:
        with open(dest, "w", encoding="utf-8") as f:
            f.write(stock_schema)
    r = requests.get(f"{SOLR}/admin/cores", params={"action": "CREATE", "name": name, "instanceDir": instance}, timeout=120)
    r.raise_for_status()
    return f"{SOLR}/{name}"


def main() -> None:
    import ckan
    from ckan.common import config

    from benchmarks import boot

    app = boot.ckan()
    prefix = os.environ.get("OPENGOV_BENCH_CORES", "bench")
    stock_schema = open(os.path.join(os.path.dirname(ckan.__file__), "config", "solr", "schema.xml"), encoding="utf-8").read()
    cores = {
        "stock CKAN schema": create_core(f"{prefix}_stock", stock_schema, ours=False),
        "ckanext-opengov": create_core(f"{prefix}_thai", stock_schema, ours=True),
    }

    import ckan.model as model
    import ckan.plugins.toolkit as tk
    from ckan.lib import search
    from ckanext.opengov.search import indexing, query

    datasets, queries = thai_corpus.build()
    orgs, agency_datasets = thai_corpus.build_agencies()
    sets = {
        "synthetic titles": queries,
        "real agencies, tuning": thai_corpus.labelled(search_queries.TUNING, agency_datasets),
        "real agencies, held out": thai_corpus.labelled(search_heldout.HELD_OUT, agency_datasets),
    }
    with app._wsgi_app.test_request_context():
        model.repo.delete_all()
        site_user = tk.get_action("get_site_user")({"ignore_auth": True}, {})
        ctx = {"user": site_user["name"], "ignore_auth": True}
        config["solr_url"] = cores["ckanext-opengov"]
        org = tk.get_action("organization_create")(dict(ctx), {"name": "bench-" + uuid.uuid4().hex[:6], "title": "หน่วยงานทดสอบ"})
        def create(d, owner, source):
            tk.get_action("package_create")(dict(ctx), dict(
                name=d["name"], title=d["title"], notes=d["notes"], owner_org=owner, data_type="ข้อมูลสถิติ",
                tag_string="สถิติ", maintainer="ฝ่ายข้อมูล", maintainer_email="data@example.go.th",
                objective=["พันธกิจหน่วยงาน"], update_frequency_unit="ปี", geo_coverage="ประเทศ",
                data_source=source, data_format=["CSV"], data_category="ข้อมูลสาธารณะ",
                data_classification="เปิดเผย", license_id="Open Data Common"))

        for d in datasets:
            create(d, org["id"], "หน่วยงานทดสอบ")
        org_ids = {}
        for i, o in enumerate(orgs):
            org_ids[o["title"]] = tk.get_action("organization_create")(dict(ctx), dict(
                o, name=f"bench-agency-{i:02d}"))["id"]
        for d in agency_datasets:
            create(d, org_ids[d["agency"]], d["agency"])
        print(f"corpus: {len(datasets)} synthetic + {len(agency_datasets)} real-agency datasets; "
              + ", ".join(f"{name}: {len(qs)} queries" for name, qs in sets.items()))
        scores = {}
        agency_text = indexing.agency_text
        for label, url in cores.items():
            ours = label == "ckanext-opengov"
            config["solr_url"] = url
            # Stock CKAN indexes no agency names; ours does (search/indexing.py).
            indexing.agency_text = agency_text if ours else (lambda orgs: "")
            search.clear_all()
            search.rebuild(quiet=True)
            search.commit()
            for set_name, qs in sets.items():
                for q in qs:
                    params = {"q": q["q"], "rows": 10, "fl": "name"}
                    if set_name != "synthetic titles":  # the real agencies' datasets only
                        params["fq"] = f"-organization:{org['name']}"
                    if ours:
                        params = query.with_thai_fallback(params)
                    ranked = search.query_for(model.Package).run(params)["results"]
                    scores[label, set_name, q["q"]] = (thai_corpus.recall_at_k(ranked, q["relevant"]),
                                             thai_corpus.reciprocal_rank(ranked, q["relevant"]))
        indexing.agency_text = agency_text

    for name, qs in sets.items():
        report(name, qs, scores, list(cores))


def report(name: str, queries: list[dict], scores: dict, labels: list[str]) -> None:
    def mean(label, group=None, i=0):
        chosen = [scores[label, name, q["q"]][i] for q in queries if group in (None, q["group"])]
        return sum(chosen) / len(chosen)

    print(f"\n{name}")
    print(f"{'query group':<22} {'n':>3}  {'stock R@10':>10} {'stock MRR':>9}  {'ours R@10':>9} {'ours MRR':>8}")
    for group in sorted({q["group"] for q in queries}) + [None]:
        n = sum(1 for q in queries if group in (None, q["group"]))
        row = [mean(label, group, i) for label in labels for i in (0, 1)]
        print(f"{group or 'all':<22} {n:>3}  {row[0]:>10.3f} {row[1]:>9.3f}  {row[2]:>9.3f} {row[3]:>8.3f}")
    misses = [q["q"] for q in queries if scores[labels[1], name, q["q"]][0] < 1.0]
    if misses:
        print("  ours below recall 1: " + ", ".join(misses))


if __name__ == "__main__":
    main()
