"""DataStore benchmarks (`make bench BENCH=dataapi_load`): loading a 1,000,000-row (~100 MB) Thai
CSV, and `datastore_search` latency under 20 concurrent clients.

1. load: a generated UTF-8 Thai CSV (BE dates, thousands separators) is uploaded as a resource and
   loaded by the very job the worker runs (dataapi.jobs.load_resource), in a child process of its
   own, so the time and peak RSS printed are the loader's (decode + normalise + xloader's COPY).
2. search: the portal served by gunicorn (2 workers, as on this 2-core machine) on 127.0.0.1, and
   20 client threads sending 2,000 datastore_search requests (filters, full-text q, offsets);
   p50/p95/max in milliseconds.
Talks to 127.0.0.1 only; every loop is bounded in count and time. Sizes: BENCH_DS_ROWS.
"""
from __future__ import annotations

import concurrent.futures as cf
import json
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
                      f'{rng.randint(1, 90000)},"{rng.randint(1000, 9_000_000):,}",รายงานประจำเดือนจากสำนักงานเกษตรจังหวัด\n')
    return os.path.getsize(path)


def _boot():
    from benchmarks import boot

    return boot.ckan(INI)


def cmd_load(path: str) -> dict:
    """In its own process: the upload, then the load job, timed; prints the resource id."""
    app = _boot()
    import ckan.plugins.toolkit as tk
    from werkzeug.datastructures import FileStorage

    from ckanext.opengov.dataapi import jobs, status
    from ckanext.opengov.logic.site import site_context

    with app._wsgi_app.test_request_context():
        context = site_context()
        org = tk.get_action("organization_create")(dict(context), AGENCY)
        package = tk.get_action("package_create")(dict(context), dict(DATASET, owner_org=org["id"]))
        with open(path, "rb") as handle:
            res = tk.get_action("resource_create")(dict(context), {
                "package_id": package["id"], "name": "bench", "format": "CSV", "url": "bench.csv",
                "upload": FileStorage(handle, filename="bench.csv", content_type="text/csv")})
        from ckan.lib.jobs import get_queue
        get_queue().empty()  # the job xloader queued: run here instead, timed
        began = time.perf_counter()
        jobs.load_resource(res["id"])
        seconds = time.perf_counter() - began
        state = status.read(res["id"])
        count = tk.get_action("datastore_search")(dict(context), {"resource_id": res["id"], "limit": 0})["total"]
    return {"seconds": round(seconds, 1), "rss_mb": rss_mb(), "state": state["state"],
            "message": state.get("message"), "rows": count, "resource_id": res["id"]}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def search(resource_id: str) -> dict:
    port = _free_port()
    env = dict(os.environ, CKAN_INI=INI)
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


def main() -> None:
    from benchmarks import boot

    boot.require_bench_database()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "thai.csv")
        began = time.perf_counter()
        size = write_csv(path, ROWS)
        print(f"generated {ROWS:,} rows, {size / 1e6:.0f} MB in {time.perf_counter() - began:.0f} s", flush=True)
        child = subprocess.run([sys.executable, "-m", "benchmarks.dataapi_load", "load", path],
                               capture_output=True, text=True, timeout=3600)
        if child.returncode:
            sys.exit(child.stderr[-3000:])
        load = json.loads(child.stdout.strip().splitlines()[-1])
        print(f"load: {load['rows']:,} rows in {load['seconds']} s, peak RSS {load['rss_mb']} MB ({load['state']})", flush=True)
        if load["state"] != "complete":
            sys.exit(f"the load failed: {load['message']}")
    result = search(load["resource_id"])
    print(f"datastore_search, {result['clients']} clients, {result['requests']} requests: "
          f"p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, max {result['max_ms']} ms, failures {result['failures']}")
    os.makedirs(os.path.join(ROOT, "benchmarks", "results"), exist_ok=True)
    with open(os.path.join(ROOT, "benchmarks", "results", "dataapi_load.json"), "w") as out:
        json.dump({"rows": ROWS, "load": load, "search": result}, out, indent=1)


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "load":
        print(json.dumps(cmd_load(sys.argv[2])))
    else:
        main()
