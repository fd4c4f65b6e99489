"""DataStore benchmarks (`make bench BENCH=dataapi_load`): loading a 1,000,000-row (~100 MB) Thai
CSV, and `datastore_search` latency under 20 concurrent clients, each beside the stock component.

1. load: a generated UTF-8 Thai CSV (BE dates, thousands separators) is uploaded as a resource and
   loaded by the very job the worker runs (dataapi.jobs.load_resource), in a child process of its
   own, so the time and peak RSS printed are the loader's (decode + normalise + xloader's COPY).
   Stock: the same file, in a child process of its own, through the steps stock xloader's job runs
   after its download with its default settings (`direct_load`: loader.load_csv with
   allow_type_guessing, the record count, the column indexes), with chardet's encoding guess.
2. search: the portal served by gunicorn (2 workers, as on this 2-core machine) on 127.0.0.1, and
   20 client threads sending 2,000 datastore_search requests (filters, full-text q, offsets);
   p50/p95/max in milliseconds. Stock: the same requests on the same table, to CKAN with only
   the `activity datastore` plugins (same database), served the same way.
Talks to 127.0.0.1 only; every loop is bounded in count and time. Sizes: BENCH_DS_ROWS.
The upload is larger than CKAN's default `ckan.max_resource_size` (10 MB), so the loading child
raises that limit in its own process.
"""
from __future__ import annotations

import concurrent.futures as cf
import json
import logging
import os
import random
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INI = os.path.join(ROOT, "test.ini")
ROWS = int(os.environ.get("BENCH_DS_ROWS", 1_000_000))
CLIENTS = 20
REQUESTS = 2000
DEADLINE = 600  # seconds for the whole search phase
PROVINCES = ["กรุงเทพมหานคร", "เชียงใหม่", "ขอนแก่น", "นครราชสีมา", "สงขลา", "ภูเก็ต", "อุบลราชธานี", "ชลบุรี"]
ITEMS = ["ข้าวหอมมะลิ", "ยางพารา", "มันสำปะหลัง", "อ้อยโรงงาน", "ปาล์มน้ำมัน", "ข้าวโพดเลี้ยงสัตว์"]
NOTES = ["", "", "ประมาณการ", "ปรับปรุง"]  # about 100 bytes a row, as the issue's ~100 MB per million
STOCK_PLUGINS = "activity datastore"


tag = f"{os.getpid()}-{int(time.time())}"
AGENCY = {"name": f"bench-ds-{tag}", "title": "สำนักงานเศรษฐกิจการเกษตร (ทดสอบสมรรถนะ)"}
DATASET = {  # a valid TGDC record (tests/factories.py has the same fields)
    "name": f"bench-ds-{tag}", "title": "ผลผลิตสินค้าเกษตรรายเดือน (ทดสอบสมรรถนะ)", "data_type": "ข้อมูลสถิติ",
    "notes": "ข้อมูลทดสอบ", "tag_string": "เกษตร,สถิติ", "maintainer": "กองสถิติ",
    "maintainer_email": "stat@example.go.th", "objective": ["พันธกิจหน่วยงาน"], "update_frequency_unit": "ปี",
    "update_frequency_interval": 1, "geo_coverage": "จังหวัด", "data_source": "สำนักงานเศรษฐกิจการเกษตร",
    "data_format": ["CSV"], "data_category": "ข้อมูลสาธารณะ", "data_classification": "เปิดเผย",
    "license_id": "Open Data Common", "resources": []}


def rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def write_csv(path: str, rows: int) -> int:
    rng = random.Random(12)
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("ลำดับ,จังหวัด,สินค้า,วันที่รายงาน,ปริมาณ (ตัน),มูลค่า (บาท),หมายเหตุ\n")
        for n in range(1, rows + 1):
            out.write(f'{n},{rng.choice(PROVINCES)},{rng.choice(ITEMS)},{rng.randint(1, 28)}/{rng.randint(1, 12)}/25{rng.randint(60, 67)},'
                      f'{rng.randint(1, 90000)},"{rng.randint(1000, 9_000_000):,}",{rng.choice(NOTES)}\n')
    return os.path.getsize(path)


def _boot():
    from benchmarks import boot

    return boot.ckan(INI)


def cmd_load(path: str, which: str) -> dict:
    """In its own process: a resource, then `which` loader on it, timed; prints the resource id."""
    app = _boot()
    import ckan.plugins.toolkit as tk
    from ckan.lib.jobs import get_queue
    from werkzeug.datastructures import FileStorage

    from ckanext.opengov.logic.site import site_context

    tk.config["ckan.max_resource_size"] = 1 + os.path.getsize(path) // 2 ** 20  # this process only
    with app._wsgi_app.test_request_context():
        context = site_context()
        org = tk.get_action("organization_create")(dict(context), dict(AGENCY, name=f"{AGENCY['name']}-{which}"))
        package = tk.get_action("package_create")(
            dict(context), dict(DATASET, name=f"{DATASET['name']}-{which}", owner_org=org["id"]))
        with open(path, "rb") as handle:
            res = tk.get_action("resource_create")(dict(context), {
                "package_id": package["id"], "name": "bench", "format": "CSV", "url": "bench.csv",
                "upload": FileStorage(handle, filename="bench.csv", content_type="text/csv")})
        get_queue().empty()  # the job xloader queued: run here instead, timed
        before = rss_mb()
        began = time.perf_counter()
        state = (_ours if which == "ours" else _stock)(res["id"], path)
        seconds = time.perf_counter() - began
        count = tk.get_action("datastore_search")(dict(context), {"resource_id": res["id"], "limit": 0})["total"]
        info = tk.get_action("datastore_info")(dict(context), {"id": res["id"]})
    return {"seconds": round(seconds, 1), "rows_per_s": round(count / seconds), "rss_mb": rss_mb(),
            "rss_before_load_mb": before, "state": state["state"], "message": state.get("message"),
            "rows": count, "resource_id": res["id"],
            "types": {f["id"]: f["type"] for f in info["fields"]}}


def _ours(resource_id: str, path: str) -> dict:
    from ckanext.opengov.dataapi import jobs, status

    jobs.load_resource(resource_id)
    return status.read(resource_id)


def _stock(resource_id: str, path: str) -> dict:
    """What stock xloader's job does after its download (jobs.xloader_data_into_datastore_,
    `direct_load`, the default when ckanext.xloader.use_type_guessing is off)."""
    from ckanext.xloader import loader

    log = logging.getLogger("bench.stock")
    try:
        fields = loader.load_csv(path, resource_id=resource_id, mimetype="CSV", allow_type_guessing=True, logger=log)
        loader.calculate_record_count(resource_id=resource_id, logger=log)
        loader.create_column_indexes(fields=fields, resource_id=resource_id, logger=log)
    except Exception as error:  # noqa: BLE001  reported beside ours, not raised
        return {"state": "error", "message": f"{type(error).__name__}: {str(error)[:300]}"}
    return {"state": "complete"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _stock_ini(folder: str) -> str:
    """CKAN with the DataStore and nothing of ours, over the same database (test.ini's)."""
    path = os.path.join(folder, "stock.ini")
    with open(INI) as ours:
        logging_sections = ours.read().split("[loggers]", 1)[1]
    with open(path, "w") as out:
        out.write(f"[app:main]\nuse = config:{INI}\nckan.plugins = {STOCK_PLUGINS}\n"
                  f"ckan.views.default_views =\n\n[loggers]{logging_sections}")
    return path


def search(resource_id: str, ini: str = INI) -> dict:
    port = _free_port()
    env = dict(os.environ, CKAN_INI=ini)
    server = subprocess.Popen(
        [os.path.join(os.path.dirname(sys.executable), "gunicorn"), "--workers", "2", "--bind", f"127.0.0.1:{port}",
         "--timeout", "120", "ckanext.opengov.ops.wsgi:application"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/api/3/action/datastore_search?"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(base + urllib.parse.urlencode({"resource_id": resource_id, "limit": 1}), timeout=5)
                break
            except OSError:
                time.sleep(1)
        else:
            sys.exit(f"the server on port {port} never answered datastore_search")
        rng = random.Random(7)

        def query(_):
            kind = rng.random()
            params = {"resource_id": resource_id, "limit": 20}
            if kind < 0.4:
                params["filters"] = json.dumps({"จังหวัด": rng.choice(PROVINCES)}, ensure_ascii=False)
            elif kind < 0.7:
                params["q"] = rng.choice(ITEMS)
            else:
                params["offset"] = rng.randint(0, 10_000)
            began = time.perf_counter()
            with urllib.request.urlopen(base + urllib.parse.urlencode(params), timeout=60) as answer:
                ok = json.load(answer)["success"]
            return (time.perf_counter() - began) * 1000, ok

        latencies, failures, stop = [], 0, time.monotonic() + DEADLINE
        with cf.ThreadPoolExecutor(CLIENTS) as pool:
            for ms, ok in pool.map(query, range(REQUESTS)):
                latencies.append(ms)
                failures += not ok
                if time.monotonic() > stop:
                    break
        latencies.sort()
        return {"requests": len(latencies), "failures": failures, "clients": CLIENTS,
                "p50_ms": round(statistics.median(latencies), 1),
                "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1], 1), "max_ms": round(latencies[-1], 1)}
    finally:
        server.terminate()
        server.wait(30)


def _load(path: str, which: str) -> dict:
    child = subprocess.run([sys.executable, "-m", "benchmarks.dataapi_load", "load", path, which],
                           capture_output=True, text=True, timeout=3600)
    if child.returncode:
        sys.exit(child.stderr[-3000:])
    load = json.loads(child.stdout.strip().splitlines()[-1])
    print(f"load ({which}): {load['rows']:,} rows in {load['seconds']} s ({load['rows_per_s']:,} rows/s), "
          f"peak RSS {load['rss_mb']} MB ({load['state']}{': ' + load['message'] if load['message'] else ''})",
          flush=True)
    return load


def _print_search(which: str, result: dict) -> None:
    print(f"datastore_search ({which}), {result['clients']} clients, {result['requests']} requests: "
          f"p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, max {result['max_ms']} ms, "
          f"failures {result['failures']}", flush=True)


def main() -> None:
    from benchmarks import boot

    boot.require_bench_database()
    started = {"utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "loadavg": os.getloadavg()}
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "thai.csv")
        began = time.perf_counter()
        size = write_csv(path, ROWS)
        print(f"generated {ROWS:,} rows, {size / 1e6:.0f} MB in {time.perf_counter() - began:.0f} s", flush=True)
        load = _load(path, "ours")
        if load["state"] != "complete":
            sys.exit(f"the load failed: {load['message']}")
        stock_load = _load(path, "stock")
        result = search(load["resource_id"])
        _print_search("ours", result)
        stock = search(load["resource_id"], _stock_ini(tmp))
        _print_search("stock CKAN", stock)
    ratios = {"load_seconds": round(load["seconds"] / stock_load["seconds"], 2),
              "load_rss": round(load["rss_mb"] / stock_load["rss_mb"], 2),
              "search_p50": round(result["p50_ms"] / stock["p50_ms"], 2),
              "search_p95": round(result["p95_ms"] / stock["p95_ms"], 2)}
    print(f"ours / stock: {ratios}")
    os.makedirs(os.path.join(ROOT, "benchmarks", "results"), exist_ok=True)
    with open(os.path.join(ROOT, "benchmarks", "results", "dataapi_load.json"), "w") as out:
        json.dump({"rows": ROWS, "bytes": size, "cores": os.cpu_count(), "started": started,
                   "ended": {"utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "loadavg": os.getloadavg()},
                   "load": load, "stock_load": stock_load, "search": result, "stock_search": stock,
                   "ours_over_stock": ratios}, out, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[1] == "load":
        print(json.dumps(cmd_load(sys.argv[2], sys.argv[3])))
    else:
        main()
