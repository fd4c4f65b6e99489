"""Transparency benchmarks (`make bench`): refresh, page latency, overlap detection, exports.

Each measurement runs in its own Python process so its peak RSS is its own.
Sizes: 50,000 datasets across 300 agencies for refresh and pages (BENCH_TR_DATASETS moves it);
overlap at 10k/50k/100k (BENCH_TR_OVERLAP_SIZES); exports at 50k and 100k.
Everything talks to 127.0.0.1 only; every loop is bounded.
"""
from __future__ import annotations

import concurrent.futures as cf
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INI = os.path.join(ROOT, "test.ini")
DATASETS = int(os.environ.get("BENCH_TR_DATASETS", 50_000))
AGENCIES = 300
OVERLAP_SIZES = [int(s) for s in os.environ.get("BENCH_TR_OVERLAP_SIZES", "10000,50000,100000").split(",")]
PAIRWISE_SIZE = int(os.environ.get("BENCH_TR_PAIRWISE", 10_000))
BASELINE_SAMPLE = 1000
CLIENTS = 20
REQUESTS_PER_PAGE = 400


def rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _app():
    from benchmarks import boot

    return boot.ckan(INI)


def _engine():
    _app()
    import ckan.model as model

    return model.meta.engine


# ---- measurements, each run in a child process: `python -m benchmarks.transparency <cmd> …`

def cmd_seed(n: str, start: str) -> dict:
    from benchmarks import transparency_seed

    engine = _engine()
    if int(start) == 0:
        transparency_seed.clear(engine)
    began = time.perf_counter()
    transparency_seed.seed(engine, int(n), AGENCIES, int(start))
    return {"seconds": round(time.perf_counter() - began, 1)}


def cmd_refresh(overlap: str) -> dict:
    from ckanext.opengov.transparency import refresh

    engine = _engine()
    began = time.perf_counter()
    totals = refresh.refresh(engine, with_overlap=overlap == "yes")
    return {"seconds": round(time.perf_counter() - began, 2), "rss_mb": rss_mb(),
            "public": totals["public_datasets"], "clusters": totals.get("overlap_clusters")}


def cmd_baseline(n: str) -> dict:
    """The stock way: package_show every dataset and compute the metrics in Python."""
    import datetime as dt

    import ckan.model as model
    import ckan.plugins.toolkit as tk
    from sqlalchemy import text

    from ckanext.opengov.transparency.metrics import completeness, openness
    from ckanext.opengov.transparency.metrics import timeliness as tl

    app = _app()
    with app._wsgi_app.test_request_context():
        ids = [r[0] for r in model.Session.execute(text(
            "SELECT id FROM package WHERE id LIKE 'bench-tr-%' ORDER BY id LIMIT :n"), {"n": int(n)})]
        ctx = {"ignore_auth": True, "use_cache": False}
        began = time.perf_counter()
        for pid in ids:
            d = tk.get_action("package_show")(dict(ctx), {"id": pid})
            openness.dataset_stars([r.get("format") for r in d.get("resources", [])], d.get("license_id"))
            completeness.completeness(d)
            tl.status(d.get("update_frequency_unit"), d.get("update_frequency_interval"),
                      None, dt.date.today())
        seconds = time.perf_counter() - began
    return {"seconds": round(seconds, 2), "per_dataset_ms": round(seconds / len(ids) * 1000, 2),
            "rss_mb": rss_mb()}


def cmd_overlap(n: str) -> dict:
    from benchmarks.transparency_seed import documents
    from benchmarks import overlap_baseline as clusters, overlap_baseline as tokens  # the method before issue 14

    began = time.perf_counter()
    found = clusters.find_clusters(
        (agency, tokens.features(title, notes, tags)) for agency, title, notes, tags in documents(int(n)))
    return {"seconds": round(time.perf_counter() - began, 1), "rss_mb": rss_mb(), "clusters": len(found)}


def cmd_pairwise(n: str) -> dict:
    from benchmarks.transparency_seed import documents
    from benchmarks import overlap_baseline as clusters, overlap_baseline as tokens  # the method before issue 14

    docs = [(agency, tokens.features(title, notes, tags)) for agency, title, notes, tags in documents(int(n))]
    began = time.perf_counter()
    exact = clusters.pairwise_clusters(docs)
    pairwise_seconds = time.perf_counter() - began
    began = time.perf_counter()
    lsh = clusters.find_clusters(docs)
    lsh_seconds = time.perf_counter() - began
    exact_members = set().union(*exact) if exact else set()
    lsh_members = {m for c in lsh for m in c.members}
    recall = len(exact_members & lsh_members) / len(exact_members) if exact_members else 1.0
    return {"pairwise_seconds": round(pairwise_seconds, 1), "lsh_seconds": round(lsh_seconds, 2),
            "exact_clusters": len(exact), "lsh_clusters": len(lsh), "recall": round(recall, 3),
            "extra_in_lsh": len(lsh_members - exact_members)}


def cmd_export(fmt: str) -> dict:
    from ckanext.opengov.transparency import catalog, writers

    engine = _engine()
    rows = catalog.rows(engine)
    if fmt != "json":
        rows = ({**r, "resources": json.dumps(r["resources"], ensure_ascii=False)} for r in rows)
    write = {"csv": writers.csv_chunks, "json": writers.json_chunks, "xlsx": writers.xlsx_chunks}[fmt]
    began = time.perf_counter()
    size = 0
    with open(os.devnull, "wb") as sink:
        for chunk in write(catalog.COLUMNS, rows):
            size += len(chunk)
            sink.write(chunk)
    return {"seconds": round(time.perf_counter() - began, 1), "rss_mb": rss_mb(), "mb": round(size / 2**20, 1)}


# ---- orchestration

def child(*args: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "benchmarks.transparency", *args], cwd=ROOT,
                         capture_output=True, text=True, timeout=3600)
    if out.returncode != 0:
        sys.exit(f"benchmark step {args} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def latency(paths: dict[str, str]) -> dict:
    port = _free_port()
    ckan = os.path.join(os.path.dirname(sys.executable), "ckan")
    log = open(os.path.join(ROOT, ".dev", "logs", "bench-live-server.log"), "wb")
    server = subprocess.Popen([ckan, "-c", INI, "run", "-H", "127.0.0.1", "-p", str(port), "-r", "-t"],
                              stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(180):
            try:
                urllib.request.urlopen(base + "/api/3/action/status_show", timeout=5).read()
                break
            except OSError:
                time.sleep(0.5)
        else:
            sys.exit("the benchmark CKAN server did not start; see .dev/logs/bench-live-server.log")
        results = {}
        for label, path in paths.items():
            for _ in range(5):  # warm caches and templates
                urllib.request.urlopen(base + path, timeout=60).read()

            def one(_):
                began = time.perf_counter()
                with urllib.request.urlopen(base + path, timeout=60) as response:
                    response.read()
                    assert response.status == 200
                return (time.perf_counter() - began) * 1000

            began = time.perf_counter()
            with cf.ThreadPoolExecutor(CLIENTS) as pool:
                times = sorted(pool.map(one, range(REQUESTS_PER_PAGE)))
            wall = time.perf_counter() - began
            results[label] = {"p50_ms": round(statistics.median(times), 1),
                              "p95_ms": round(times[int(len(times) * 0.95) - 1], 1),
                              "req_per_s": round(len(times) / wall, 1)}
        return results
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


def cmd_latency() -> dict:
    """Page latency alone, on a catalog already seeded and refreshed."""
    return latency({"/transparency": "/transparency/", "/transparency/agency": "/transparency/agency/bench-tr-org-7",
                    "/transparency/overlap": "/transparency/overlap", "stock CKAN page /dataset/": "/dataset/",
                    "stock package_search API": "/api/3/action/package_search?rows=10"})


def main() -> None:
    from benchmarks import boot

    boot.require_bench_database()
    report = {}
    print(f"== Transparency benchmarks: {DATASETS:,} datasets across {AGENCIES} agencies", flush=True)
    report["seed"] = child("seed", str(DATASETS), "0")
    report["refresh_sql"] = child("refresh", "no")
    report["refresh_with_overlap"] = child("refresh", "yes")
    baseline = child("baseline", str(BASELINE_SAMPLE))
    baseline["extrapolated_seconds"] = round(baseline["per_dataset_ms"] * DATASETS / 1000, 1)
    report["stock_package_show_baseline"] = baseline
    agency_row = "bench-tr-org-7"
    report["latency"] = latency({
        "/transparency": "/transparency/", f"/transparency/agency/{agency_row}": f"/transparency/agency/{agency_row}",
        "/transparency/overlap": "/transparency/overlap",
        "stock CKAN page /dataset/": "/dataset/",
        "stock /api/3/action/package_search?rows=10": "/api/3/action/package_search?rows=10",
    })
    report["overlap"] = {n: child("overlap", str(n)) for n in OVERLAP_SIZES}
    report["pairwise_vs_lsh"] = child("pairwise", str(PAIRWISE_SIZE))
    report["export_50k"] = {fmt: child("export", fmt) for fmt in ("csv", "json", "xlsx")}
    child("seed", str(DATASETS), str(DATASETS))  # double the catalog: 100k datasets
    report["export_100k"] = {fmt: child("export", fmt) for fmt in ("csv", "json", "xlsx")}
    _print(report)
    path = os.path.join(ROOT, ".dev", "bench-transparency.json")
    with open(path, "w") as f:
        json.dump(report, f, indent=2)
    print(f"(raw figures in {path})")
    # Leave the benchmark database as it was found.
    from benchmarks import transparency_seed
    transparency_seed.clear(_engine())


def _print(r: dict) -> None:
    rs, ro, b = r["refresh_sql"], r["refresh_with_overlap"], r["stock_package_show_baseline"]
    print(f"refresh (SQL aggregates)      : {rs['seconds']} s, peak RSS {rs['rss_mb']} MB, {rs['public']:,} public")
    print(f"refresh + overlap             : {ro['seconds']} s, peak RSS {ro['rss_mb']} MB, {ro['clusters']} clusters")
    print(f"stock package_show per dataset: {b['per_dataset_ms']} ms → {b['extrapolated_seconds']} s for "
          f"{DATASETS:,} (ratio {round(b['extrapolated_seconds'] / max(rs['seconds'], 0.001), 1)}× slower)")
    print(f"page latency, {CLIENTS} concurrent clients, {REQUESTS_PER_PAGE} requests each (ckan run, threaded):")
    for label, m in r["latency"].items():
        print(f"  {label:45s} p50 {m['p50_ms']:7.1f} ms  p95 {m['p95_ms']:7.1f} ms  {m['req_per_s']} req/s")
    print("overlap detection (tokenize + MinHash LSH):")
    for n, m in r["overlap"].items():
        print(f"  {n:>7,} datasets: {m['seconds']} s, peak RSS {m['rss_mb']} MB, {m['clusters']} clusters")
    p = r["pairwise_vs_lsh"]
    print(f"pairwise baseline at {PAIRWISE_SIZE:,}: {p['pairwise_seconds']} s vs LSH {p['lsh_seconds']} s "
          f"(same features; ratio {round(p['pairwise_seconds'] / max(p['lsh_seconds'], 0.001), 1)}×), "
          f"recall of exact pairs {p['recall']}, clusters exact {p['exact_clusters']} / LSH {p['lsh_clusters']}")
    for size in ("export_50k", "export_100k"):
        for fmt, m in r[size].items():
            print(f"export {size[7:]:>4} {fmt:4s}: {m['seconds']} s, {m['mb']} MB written, peak RSS {m['rss_mb']} MB")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        result = globals()["cmd_" + sys.argv[1]](*sys.argv[2:])
        print(json.dumps(result))
    else:
        main()
