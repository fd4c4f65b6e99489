"""Search at national scale: 500,000 TGDC datasets on 1 Solr node beside 2 (SolrCloud), one run.

Two steps, so that only Solr differs between the topologies:

1. ``build``: the Solr documents, built once, to a file, as CKAN builds them: TGDC package dicts
   in the shape ``package_show`` gives the indexer (both schemas, from one real dataset made by
   ``package_create`` and varied per dataset: texts from benchmarks/transparency_seed.py, 300
   agencies, the real agencies' names and abbreviations under their ministries) go through
   CKAN's own ``PackageSearchIndex.index_package``, with every plugin's ``before_dataset_index``
   (ours adds the agency names and TGDC facets); the document it would post is written as one
   JSON line instead. Beside it, the Solr parameters ``package_search`` sends for the Thai
   queries of benchmarks/search_queries.py and search_heldout.py (an anonymous visitor's: our
   ``before_dataset_search``, CKAN's fq, facets, permission labels), recorded on their way to Solr.
2. ``run``: for each topology (1 node x 1 shard, 2 nodes x 2 shards x 1 replica, optionally
   2 x 2 x 2) a fresh SolrCloud from ``dev/cluster.sh solr-only`` (ZooKeeper, the nodes, the
   balancer's Solr address; the configset of dev/solr.sh with our Thai analysis) on this
   benchmark's own ports; the file posted in batches through the balancer by 4 concurrent
   posters with one commit at the end (docs/s); the recorded queries from 20 concurrent clients,
   bounded in count and time (p50/p95/p99 wall and Solr's QTime); JVM RSS and heap used per node
   after the load and after the queries; the cluster stopped and its files removed.

    python -m benchmarks.solr_scale build N            # under make bench's CKAN_* variables
    python -m benchmarks.solr_scale extend N BASE      # N documents from BASE built ones (see extend)
    python -m benchmarks.solr_scale run N [1x1,2x2x1]  # topologies: nodes x shards x replicas
    python -m benchmarks.solr_scale [N]                # both (make bench BENCH=solr_scale)

Results accumulate in benchmarks/results/solr_scale.json (keyed by size and topology, so a run
per topology under the heavy lock fills one table) and solr_scale.md. Settings: SOLR_SCALE_N
(20000; the national catalog is 500000, see docs/cluster.md for what that takes here), SOLR_SCALE_HEAP (per node, 2g), SOLR_SCALE_TOPOLOGIES (1x1x1,2x2x1),
SOLR_SCALE_QUERIES (4000 requests at most), SOLR_SCALE_QUERY_SECONDS (180 at most).
"""
from __future__ import annotations

import concurrent.futures as futures
import datetime as dt
import functools
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import uuid

import requests

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.environ.get("SOLR_SCALE_DIR", os.path.join(ROOT, ".dev", "solr-scale"))
RESULTS = os.path.join(ROOT, "benchmarks", "results")
# This benchmark's own ports (the cluster of `make cluster` uses 8990-8992, 2191, 6390, 5020).
PORTS = {"OPENGOV_CLUSTER_SOLR_PORT": "8970", "OPENGOV_CLUSTER_ZK_PORT": "2171",
         "OPENGOV_CLUSTER_REDIS_PORT": "6370", "OPENGOV_CLUSTER_PORT": "5070"}
HEAP = os.environ.get("SOLR_SCALE_HEAP", "2g")
AGENCIES = 300
BATCH = 500
POSTERS = 4
CLIENTS = 20
MAX_QUERIES = int(os.environ.get("SOLR_SCALE_QUERIES", "4000"))
MAX_QUERY_SECONDS = float(os.environ.get("SOLR_SCALE_QUERY_SECONDS", "180"))
PREFIX = "sc-"
BUILD_WORKERS = int(os.environ.get("SOLR_SCALE_BUILD_WORKERS", "3"))


def paths(n: int) -> tuple[str, str]:
    return os.path.join(WORK, f"docs-{n}.jsonl"), os.path.join(WORK, f"queries-{n}.json")


# ---- step 1: documents as CKAN builds them ---------------------------------------------------

def thai_queries() -> list[str]:
    from benchmarks import search_heldout, search_queries

    return [q for _, q, _ in search_queries.TUNING + search_heldout.HELD_OUT]


def agencies_spec(count: int) -> list[dict]:
    """The real agencies (ministries first, each other one under a ministry) and synthetic ones
    up to `count`, each under one of the ministries."""
    from ckanext.opengov.search import agency_names

    ref = agency_names.reference()
    ministries = [t for t in ref if t.startswith("กระทรวง") or t == "สำนักนายกรัฐมนตรี"]
    specs = []
    for k, (title, row) in enumerate(list(ref.items())[:count]):
        spec = {"name": f"{PREFIX}org-{k}", "title": title, "title_en": row["title_en"],
                "abbreviations": ";".join(row["abbreviations"])}
        if title not in ministries:
            spec["ministry"] = f"{PREFIX}org-{list(ref).index(ministries[k % len(ministries)])}"
        specs.append(spec)
    for k in range(len(specs), count):
        specs.append({"name": f"{PREFIX}org-{k}", "title": f"หน่วยงานทดสอบที่ {k}",
                      "title_en": f"Test agency {k}", "abbreviations": f"ทส{k}.",
                      "ministry": f"{PREFIX}org-{list(ref).index(ministries[k % len(ministries)])}"})
    return specs


def ensure_agencies(tk, ctx: dict, count: int) -> list[dict]:
    """The agencies, created once; as dicts with the fields a dataset's ``organization`` holds."""
    import ckan.model as model

    orgs = []
    for spec in agencies_spec(count):
        group = model.Group.get(spec["name"])
        if group is None:
            tk.get_action("organization_create")(dict(ctx), dict(spec))
            group = model.Group.get(spec["name"])
        orgs.append({"id": group.id, "name": group.name, "title": group.title, "type": group.type,
                     "description": group.description, "image_url": group.image_url,
                     "created": group.created.isoformat(), "is_organization": True,
                     "approval_status": group.approval_status, "state": group.state})
    return orgs


def template(tk, ctx: dict, org: dict) -> tuple[dict, dict]:
    """One real TGDC dataset, in the two shapes CKAN's indexer receives (default, custom schema)."""
    from ckan import logic

    name = f"{PREFIX}template"
    try:
        tk.get_action("package_show")(dict(ctx), {"id": name})
    except tk.ObjectNotFound:
        tk.get_action("package_create")(dict(ctx), {
            "name": name, "title": "สถิติจำนวนประชากรรายจังหวัด", "notes": "จำนวนประชากรจำแนกตามจังหวัด",
            "owner_org": org["id"], "tag_string": "ประชากร,population", "data_type": "ข้อมูลสถิติ",
            "maintainer": "กองสถิติ", "maintainer_email": "stat@example.go.th", "objective": ["พันธกิจหน่วยงาน"],
            "update_frequency_unit": "ปี", "update_frequency_interval": "1", "geo_coverage": "จังหวัด",
            "data_source": "ทะเบียนราษฎร", "data_format": ["CSV"], "data_category": "ข้อมูลสาธารณะ",
            "data_classification": "เปิดเผย", "license_id": "Open Data Common",
            "last_updated_date": "2026-10-01",
            "resources": [{"name": "ไฟล์ข้อมูล", "format": "CSV", "url": "http://127.0.0.1:9/0.csv"}]})
    pkg = tk.get_action("package_show")(dict(ctx), {"id": name})
    return logic.package_show_default_and_custom_schemas(dict(ctx), pkg["id"])


def vary(d: dict, i: int, org: dict) -> dict:
    """Dataset i from a fresh copy of the template (changed in place): its own id, texts,
    agency, TGDC choices and resources. The default schema's dict keeps the TGDC fields in
    ``extras`` (multi-selects as JSON, as stored); the custom schema's has them at the top."""
    from benchmarks import transparency_seed as seed

    rng = random.Random(i)
    title, notes, tags = seed.texts(i)
    classified = rng.random() < 0.1
    created = dt.datetime(2026, 11, 25) - dt.timedelta(days=rng.randint(0, 1500), seconds=rng.randint(0, 86399))
    pkg_id = str(uuid.UUID(int=random.Random(-i).getrandbits(128)))
    res_template = d["resources"][0]
    d.update(
        id=pkg_id, name=f"{PREFIX}ds-{i}", title=title, notes=notes, owner_org=org["id"],
        organization={k: org.get(k) for k in d["organization"]}, private=classified,
        metadata_created=created.isoformat(), metadata_modified=created.isoformat(),
        tags=[dict(d["tags"][0], name=t, display_name=t, id=str(uuid.uuid5(uuid.NAMESPACE_URL, t))) for t in tags],
        resources=[dict(res_template, id=f"{pkg_id[:-4]}{p:04d}", package_id=pkg_id, position=p,
                        name=f"ไฟล์ {p}", format=rng.choice(seed.FORMATS[:6]),
                        url=f"http://127.0.0.1:9/{i}/{p}.csv") for p in range(rng.choice([1, 1, 2, 3]))],
    )
    d["num_tags"], d["num_resources"] = len(d["tags"]), len(d["resources"])
    tgdc = {
        "data_classification": "ลับ" if classified else "เปิดเผย",
        "data_category": "ข้อมูลส่วนบุคคล" if classified else "ข้อมูลสาธารณะ",
        "objective": rng.sample(seed.OBJECTIVES, 2), "update_frequency_unit": rng.choice(seed.UNITS),
        "geo_coverage": rng.choice(seed.GEO), "data_source": org["title"],
        "last_updated_date": (created + dt.timedelta(days=rng.randint(0, 300))).date().isoformat(),
    }
    if "extras" in d:
        d["extras"] = [{"key": e["key"], "value": json.dumps(tgdc[e["key"]]) if isinstance(tgdc.get(e["key"]), list)
                        else tgdc.get(e["key"], e["value"])} for e in d["extras"]]
    else:
        d.update(tgdc)
    return d


class Recorder:
    """Where CKAN's indexer and query code would open a Solr connection: records what they send.
    Documents are kept (not posted); searches are recorded and forwarded to the real Solr."""

    def __init__(self, real=None):
        self.docs: list[dict] = []
        self.searches: list[dict] = []
        self.real = real

    def __call__(self, *args, **kwargs):
        return self

    def add(self, docs, commit=False, **kwargs):
        self.docs.extend(docs)

    def search(self, q=None, **kwargs):
        self.searches.append(dict(kwargs, q=q))
        return self.real(decode_dates=False).search(q, **kwargs)


def documents(start: int, end: int, default: str, custom: str, orgs: list[dict], creator: str):
    """The Solr documents of datasets start … end-1, from CKAN's indexer (nothing is posted)."""
    import ckan.lib.plugins as lib_plugins
    import ckan.model as model
    from ckan.lib.search import index as search_index

    labels = lib_plugins.get_permission_labels()
    indexer = search_index.PackageSearchIndex()
    recorder = Recorder()
    saved = search_index.make_connection, model.Group.__dict__["get"], model.Package.__dict__["get"]
    search_index.make_connection = recorder
    # Only the build's speed changes here, not its documents: the agencies do not change during
    # the build, so their lookups (4 queries per dataset) are remembered; the datasets are not
    # stored, so the indexer's lookup of each (for its permission labels, set below from the
    # same plugin on the same fields) is skipped. ckanext-harvest's lookup of each dataset's
    # harvest object stays: a real query, as in `ckan search-index rebuild`.
    model.Group.get = functools.lru_cache(maxsize=None)(model.Group.get)
    model.Package.get = lambda reference, for_update=False: None
    try:
        for i in range(start, end):
            org = orgs[i % len(orgs)]
            pkg = vary(json.loads(default), i, org)
            pkg["with_custom_schema"] = vary(json.loads(custom), i, org)
            indexer.index_package(pkg, defer_commit=True)
            doc = recorder.docs.pop()
            doc["permission_labels"] = labels.get_dataset_labels(model.Package(
                id=pkg["id"], state="active", private=pkg["private"], owner_org=pkg["owner_org"],
                creator_user_id=creator))
            yield doc
    finally:
        search_index.make_connection, model.Group.get, model.Package.get = saved


def build_range(start: int, end: int, part: str, *args) -> None:
    """Documents start … end-1 into the file `part` (in a forked worker)."""
    import ckan.model as model

    model.Session.remove()
    model.meta.engine.dispose(close=False)  # the parent's connections stay the parent's
    with open(part, "w", encoding="utf-8") as out:
        for doc in documents(start, end, *args):
            out.write(json.dumps(doc, ensure_ascii=False, default=str) + "\n")


def template_json(tk, ctx: dict, org: dict) -> tuple[str, str]:
    """The template's two dicts as JSON: each dataset starts from a fresh copy (the indexer
    writes Missing as null too)."""
    from ckan.lib.navl.dictization_functions import MissingNullEncoder

    return tuple(json.dumps(d, cls=MissingNullEncoder) for d in template(tk, ctx, org))


def build(n: int, workers: int = BUILD_WORKERS) -> None:
    import multiprocessing

    from benchmarks import boot

    os.makedirs(WORK, exist_ok=True)
    docs_path, queries_path = paths(n)
    app = boot.ckan()
    from ckan.common import config
    import ckan.plugins.toolkit as tk
    from ckan.lib.search import query as search_query

    # The template dataset and agencies stay out of whatever Solr core the .ini names.
    config["ckan.search.automatic_indexing"] = False
    started = time.monotonic()
    with app._wsgi_app.test_request_context():
        site_user = tk.get_action("get_site_user")({"ignore_auth": True}, {})
        ctx = {"user": site_user["name"], "ignore_auth": True}
        orgs = ensure_agencies(tk, ctx, AGENCIES)
        default, custom = template_json(tk, ctx, orgs[0])
        fork = multiprocessing.get_context("fork")
        bounds = [n * k // workers for k in range(workers + 1)]
        parts = [f"{docs_path}.part{k}" for k in range(workers)]
        procs = [fork.Process(target=build_range, args=(bounds[k], bounds[k + 1], parts[k], default, custom,
                                                         orgs, site_user["id"])) for k in range(workers)]
        for proc in procs:
            proc.start()
        for proc in procs:
            proc.join()
            if proc.exitcode:
                sys.exit(f"a document builder failed (exit {proc.exitcode})")
        with open(docs_path + ".part", "wb") as out:
            for part in parts:
                with open(part, "rb") as f:
                    shutil.copyfileobj(f, out, 16 * 2**20)
                os.remove(part)
        os.replace(docs_path + ".part", docs_path)
        seconds = time.monotonic() - started

        # The Solr parameters of an anonymous visitor's package_search for each Thai query.
        recorder = Recorder(real=search_query.make_connection)
        search_query.make_connection = recorder
        try:
            for q in thai_queries():
                tk.get_action("package_search")({"user": ""}, {"q": q})
        finally:
            search_query.make_connection = recorder.real
    with open(queries_path, "w", encoding="utf-8") as f:
        json.dump({"queries": recorder.searches, "build_seconds": round(seconds, 1), "build_workers": workers,
                   "n": n, "bytes": os.path.getsize(docs_path)}, f, ensure_ascii=False, indent=1)
    print(f"==> {n} documents built by CKAN's indexer in {seconds:.0f} s ({n / seconds:.0f}/s, {workers} processes), "
          f"{os.path.getsize(docs_path) / 2**20:.0f} MiB; {len(recorder.searches)} Thai queries recorded", flush=True)


# ---- step 2: one topology -------------------------------------------------------------------

class Cluster:
    """A SolrCloud from dev/cluster.sh solr-only in a directory of its own."""

    def __init__(self, nodes: int, shards: int, replicas: int):
        self.nodes, self.shards, self.replicas = nodes, shards, replicas
        self.dev_dir = os.path.join(WORK, f"cluster-{nodes}x{shards}x{replicas}")
        self.env = dict(os.environ, **PORTS, OPENGOV_DEV_DIR=self.dev_dir,
                        OPENGOV_CLUSTER_SOLR_NODES=str(nodes), OPENGOV_CLUSTER_SHARDS=str(shards),
                        OPENGOV_CLUSTER_REPLICAS=str(replicas), OPENGOV_CLUSTER_SOLR_HEAP=HEAP)
        base = int(PORTS["OPENGOV_CLUSTER_SOLR_PORT"])
        self.url = f"http://127.0.0.1:{base}/solr/ckan"  # the balancer's Solr address
        self.node_urls = [f"http://127.0.0.1:{base + k}/solr" for k in range(1, nodes + 1)]

    def script(self, *args) -> None:
        done = subprocess.run([os.path.join(ROOT, "dev", "cluster.sh"), *args], cwd=ROOT, env=self.env,
                              capture_output=True, text=True, timeout=600)
        if done.returncode:
            raise RuntimeError(f"dev/cluster.sh {' '.join(args)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")

    def start(self) -> None:
        shutil.rmtree(self.dev_dir, ignore_errors=True)
        self.script("solr-only")

    def stop(self) -> None:
        try:
            self.script("stop")
        finally:
            shutil.rmtree(self.dev_dir, ignore_errors=True)

    def pid(self, k: int) -> int:
        conf = os.path.join(self.dev_dir, "cluster", "supervisord.conf")
        out = subprocess.run(["/usr/bin/supervisorctl", "-c", conf, "pid", f"solr-{k}"],
                             capture_output=True, text=True, timeout=30).stdout.strip()
        return int(out)

    def memory(self) -> list[dict]:
        nodes = []
        for k, url in enumerate(self.node_urls, start=1):
            with open(f"/proc/{self.pid(k)}/status") as f:
                rss = next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
            jvm = requests.get(f"{url}/admin/info/system", params={"wt": "json"}, timeout=30).json()["jvm"]["memory"]["raw"]
            index_bytes = 0
            for folder, _, files in os.walk(os.path.join(self.dev_dir, "cluster", f"solr-{k}")):
                index_bytes += sum(os.path.getsize(os.path.join(folder, f)) for f in files)
            nodes.append({"node": k, "rss_mib": round(rss / 1024), "heap_used_mib": round(jvm["used"] / 2**20),
                          "heap_max_mib": round(jvm["max"] / 2**20), "disk_mib": round(index_bytes / 2**20)})
        return nodes


def batches(docs_path: str):
    with open(docs_path, "rb") as f:
        lines = []
        for line in f:
            lines.append(line.rstrip(b"\n"))
            if len(lines) == BATCH:
                yield b"[" + b",".join(lines) + b"]", len(lines)
                lines = []
        if lines:
            yield b"[" + b",".join(lines) + b"]", len(lines)


def load(url: str, docs_path: str) -> dict:
    """Every document in batches from POSTERS concurrent posters, then one commit."""
    session = requests.Session()
    session.mount("http://", requests.adapters.HTTPAdapter(pool_maxsize=POSTERS))
    started = time.monotonic()
    posted = 0

    def post(body_count):
        body, count = body_count
        r = session.post(f"{url}/update", data=body, headers={"Content-Type": "application/json"},
                         params={"commit": "false", "wt": "json"}, timeout=600)
        if r.status_code != 200:
            raise RuntimeError(f"Solr refused a batch: {r.status_code} {r.text[:500]}")
        return count

    with futures.ThreadPoolExecutor(POSTERS) as pool:
        pending = set()
        for item in batches(docs_path):
            pending.add(pool.submit(post, item))
            if len(pending) >= POSTERS * 2:  # bounded memory: a few batches in flight
                done, pending = futures.wait(pending, return_when=futures.FIRST_COMPLETED)
                posted += sum(f.result() for f in done)
        posted += sum(f.result() for f in futures.as_completed(pending))
    posted_at = time.monotonic()
    session.get(f"{url}/update", params={"commit": "true", "waitSearcher": "true", "wt": "json"}, timeout=1800).raise_for_status()
    seconds = time.monotonic() - started
    found = session.get(f"{url}/select", params={"q": "*:*", "rows": 0, "wt": "json"}, timeout=120).json()["response"]["numFound"]
    return {"documents": posted, "found": found, "seconds": round(seconds, 1),
            "commit_seconds": round(time.monotonic() - posted_at, 1), "docs_per_s": round(posted / seconds)}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def query_load(url: str, recorded: list[dict]) -> dict:
    """The recorded package_search parameters from CLIENTS concurrent clients, in turn, until
    MAX_QUERIES requests or MAX_QUERY_SECONDS."""
    lock = threading.Lock()
    walls, qtimes, hits, errors = [], [], [], []
    issued = [0]
    deadline = time.monotonic() + MAX_QUERY_SECONDS

    def client(c: int):
        session = requests.Session()
        k = c
        while time.monotonic() < deadline:
            with lock:
                if issued[0] >= MAX_QUERIES:
                    return
                issued[0] += 1
            params = recorded[k % len(recorded)]
            k += 1
            t0 = time.monotonic()
            try:
                r = session.post(f"{url}/select", data=params, timeout=60)
                body = r.json()
                wall = time.monotonic() - t0
                with lock:
                    if r.status_code != 200:
                        errors.append(r.status_code)
                        continue
                    walls.append(wall * 1000)
                    qtimes.append(body["responseHeader"]["QTime"])
                    hits.append(body["response"]["numFound"])
            except (requests.RequestException, ValueError) as e:
                with lock:
                    errors.append(type(e).__name__)

    # One pass first, so every query's caches are as warm as a live portal's.
    warm = requests.Session()
    for params in recorded:
        warm.post(f"{url}/select", data=params, timeout=120)
    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(c,)) for c in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.monotonic() - started
    return {"requests": len(walls), "errors": len(errors), "seconds": round(seconds, 1),
            "requests_per_s": round(len(walls) / seconds, 1),
            "wall_ms": {"p50": round(percentile(walls, 50)), "p95": round(percentile(walls, 95)),
                        "p99": round(percentile(walls, 99)), "mean": round(statistics.mean(walls))},
            "qtime_ms": {"p50": percentile(qtimes, 50), "p95": percentile(qtimes, 95), "p99": percentile(qtimes, 99)},
            "median_hits": statistics.median(hits) if hits else 0}


def loadavg() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def run_topology(n: int, spec: str) -> dict:
    docs_path, queries_path = paths(n)
    with open(queries_path, encoding="utf-8") as f:
        recorded = json.load(f)["queries"]
    nodes, shards, replicas = (int(x) for x in (spec.split("x") + ["1", "1"])[:3])
    cluster = Cluster(nodes, shards, replicas)
    result = {"topology": f"{nodes}x{shards}x{replicas}", "nodes": nodes, "shards": shards,
              "replicas": replicas, "heap_per_node": HEAP, "n": n, "loadavg_before": loadavg(),
              "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}
    print(f"==> {n} documents on {nodes} node(s), {shards} shard(s) x {replicas} replica(s), heap {HEAP} per node", flush=True)
    cluster.start()
    try:
        result["index"] = load(cluster.url, docs_path)
        print(f"  indexed {result['index']['found']} in {result['index']['seconds']} s = "
              f"{result['index']['docs_per_s']} docs/s (commit {result['index']['commit_seconds']} s)", flush=True)
        result["memory_after_load"] = cluster.memory()
        result["queries"] = query_load(cluster.url, recorded)
        q = result["queries"]
        print(f"  {q['requests']} Thai searches from {CLIENTS} clients in {q['seconds']} s: wall p50 "
              f"{q['wall_ms']['p50']} p95 {q['wall_ms']['p95']} ms, QTime p95 {q['qtime_ms']['p95']} ms, "
              f"{q['errors']} errors", flush=True)
        result["memory_after_queries"] = cluster.memory()
        for m in result["memory_after_queries"]:
            print(f"  node {m['node']}: RSS {m['rss_mib']} MiB, heap used {m['heap_used_mib']} of "
                  f"{m['heap_max_mib']} MiB, on disk {m['disk_mib']} MiB", flush=True)
    finally:
        cluster.stop()
    result["loadavg_after"] = loadavg()
    return result


# ---- results --------------------------------------------------------------------------------

def save(results: list[dict], build_info: dict) -> None:
    os.makedirs(RESULTS, exist_ok=True)
    path = os.path.join(RESULTS, "solr_scale.json")
    try:
        with open(path, encoding="utf-8") as f:
            stored = json.load(f)
    except (OSError, ValueError):
        stored = {"runs": {}, "builds": {}}
    stored["builds"][str(build_info["n"])] = {k: v for k, v in build_info.items() if k != "queries"}
    for r in results:
        stored["runs"][f"{r['run']}/{r['n']}/{r['topology']}"] = r
    with open(path, "w", encoding="utf-8") as f:
        json.dump(stored, f, ensure_ascii=False, indent=1)
    with open(os.path.join(RESULTS, "solr_scale.md"), "w", encoding="utf-8") as f:
        f.write(report(stored))


def report(stored: dict) -> str:
    lines = ["# Search at national scale: 1 vs 2 Solr nodes", "",
             "`make bench BENCH=solr_scale` (benchmarks/solr_scale.py). Documents built once by CKAN's "
             "indexer with our hooks, the same file posted to each topology; 20 concurrent clients "
             "sending the Thai package_search parameters. All on one 2-core machine.", ""]
    for n, b in sorted(stored["builds"].items(), key=lambda kv: int(kv[0])):
        lines.append(f"- {int(n):,} documents built in {b['build_seconds']} s "
                     f"({int(n) / b['build_seconds']:.0f}/s), {b['bytes'] / 2**20:.0f} MiB of JSON")
    lines += ["", "| run | docs | topology (nodes x shards x replicas) | index docs/s | index s | Thai query p50 / p95 / p99 ms | "
              "QTime p95 ms | req/s | errors | per node after load: RSS / heap used MiB | after queries: RSS / heap used MiB | load before → after |",
              "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for key, r in sorted(stored["runs"].items(), key=lambda kv: (kv[1]["run"], kv[1]["when"])):
        q, i = r["queries"], r["index"]
        mem = lambda ms: "; ".join(f"{m['rss_mib']} / {m['heap_used_mib']}" for m in ms)  # noqa: E731
        lines.append(f"| {r['run']} | {r['n']:,} | {r['topology']} (heap {r['heap_per_node']}) | {i['docs_per_s']} | {i['seconds']} | "
                     f"{q['wall_ms']['p50']} / {q['wall_ms']['p95']} / {q['wall_ms']['p99']} | {q['qtime_ms']['p95']} | "
                     f"{q['requests_per_s']} | {q['errors']} | {mem(r['memory_after_load'])} | "
                     f"{mem(r['memory_after_queries'])} | {r['loadavg_before'][0]} → {r['loadavg_after'][0]} |")
    by_run: dict[tuple, dict] = {}
    for r in stored["runs"].values():
        by_run.setdefault((r["run"], r["n"]), {})[r["topology"]] = r
    ratios = []
    for (run, n), runs in sorted(by_run.items()):
        one = runs.get("1x1x1")
        for name, r in sorted(runs.items()):
            if one is None or name == "1x1x1":
                continue
            ratios.append(f"- run {run}, {n:,} docs, {name} vs 1x1x1: indexing {r['index']['docs_per_s'] / one['index']['docs_per_s']:.2f}x "
                          f"the docs/s, Thai query p95 {r['queries']['wall_ms']['p95'] / max(one['queries']['wall_ms']['p95'], 1):.2f}x "
                          f"the time")
    if ratios:
        lines += ["", "Ratios (each pair measured in one run where both topologies were; see the load columns):", ""] + ratios
    return "\n".join(lines) + "\n"


def extend(n: int, base: int) -> None:
    """Documents for n datasets from the `base` ones CKAN's indexer built: document i >= base is
    document i % base under dataset i's own id, name, index id, title, description and tags (from
    the generator the built ones used, so the vocabulary and the lengths are the same). Building
    500,000 through the indexer takes over an hour on 2 cores; Solr's work, which is what is
    measured, is the same for these. The stored copies of the dataset dict get the new id, name
    and texts too."""
    import hashlib

    from benchmarks import transparency_seed as seed

    base_docs, base_queries = paths(base)
    if not os.path.exists(base_docs):
        sys.exit(f"no documents for {base}: run `python -m benchmarks.solr_scale build {base}` first")
    docs_path, queries_path = paths(n)
    with open(base_docs, encoding="utf-8") as f:
        built = [line for _, line in zip(range(base), f)]
    if len(built) < base:
        sys.exit(f"{base_docs} holds {len(built)} documents, not {base}")
    started = time.monotonic()
    with open(docs_path + ".part", "w", encoding="utf-8") as out:
        for i in range(n):
            if i < base:
                out.write(built[i])
                continue
            doc = json.loads(built[i % base])
            title, notes, tags = seed.texts(i)
            new = {"id": str(uuid.UUID(int=random.Random(-i).getrandbits(128))), "name": f"{PREFIX}ds-{i}",
                   "title": title, "notes": notes}
            for key in ("data_dict", "validated_data_dict"):
                text = doc[key]
                for field, value in new.items():
                    text = text.replace(json.dumps(doc[field], ensure_ascii=True)[1:-1], json.dumps(value, ensure_ascii=True)[1:-1])
                doc[key] = text
            doc.update(new, title_string=title, tags=tags, num_tags=len(tags),
                       index_id=hashlib.md5(f"{new['id']}{doc['site_id']}".encode()).hexdigest())
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    os.replace(docs_path + ".part", docs_path)
    shutil.copyfile(base_queries, queries_path)
    print(f"  {n:,} documents from {base:,} built ones in {time.monotonic() - started:.0f} s: {docs_path}", flush=True)


def main() -> None:
    args = sys.argv[1:]
    command = args.pop(0) if args and args[0] in ("build", "run", "extend") else "all"
    if command == "extend":  # python -m benchmarks.solr_scale extend N BASE
        extend(int(args[0]), int(args[1]))
        return
    n = int(args.pop(0)) if args else int(os.environ.get("SOLR_SCALE_N", "20000"))
    # A stop signal (timeout, Ctrl-C) still stops the cluster this run started (run_topology's finally).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped"))
    topologies = (args.pop(0) if args else os.environ.get("SOLR_SCALE_TOPOLOGIES", "1x1x1,2x2x1")).split(",")
    if command in ("build", "all"):
        from benchmarks import boot

        boot.require_bench_database()
        build(n)
    if command in ("run", "all"):
        if not os.path.exists(paths(n)[0]):
            sys.exit(f"no documents for {n}: run `python -m benchmarks.solr_scale build {n}` first")
        with open(paths(n)[1], encoding="utf-8") as f:
            build_info = json.load(f)
        results = []
        run = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M")
        for spec in topologies:
            results.append(dict(run_topology(n, spec), run=run))
            save(results, build_info)


if __name__ == "__main__":
    main()
