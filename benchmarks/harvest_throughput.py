"""Harvest throughput and memory: our `opengov_ckan` harvester beside ckanext-harvest's stock
`ckan` harvester, on the same loopback agency-CKAN source, in the same run.

The source is a loopback HTTP server that answers CKAN's Action API (package_search with
offset or keyset paging, fl, id batches; package_show) with TGDC records generated on the fly,
so its size costs the benchmark no memory. Each harvest runs end to end (gather, fetch,
import, indexed in Solr) in its own process (benchmarks/harvest_runner.py: the queue
consumers' own stage functions, one object after another); its wall time gives datasets per
second and os.wait4 its peak RSS. The two harvesters read sources with
identical records that differ only in their ids, because both keep the source's dataset ids
and share one database.

    make bench                                   # HARVEST_BENCH_N=2000 by default
    HARVEST_BENCH_N=20000 HARVEST_BENCH_RSS_SIZES=5000,20000,100000 make bench

It ends with bare package_create on the same records (HARVEST_BENCH_FLOOR_N, at most 2000):
the ceiling of any harvester that saves through CKAN's action layer.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from tests.harvest.fake_ckan import FakeCkan  # noqa: E402
from tests.harvest.fault_server import FaultServer  # noqa: E402

CKAN = os.path.join(os.path.dirname(sys.executable), "ckan")
INI = os.path.join(ROOT, "benchmarks", "stock-harvester.ini")  # test.ini + the stock harvester


def make_record(record_id: str, i: int) -> dict:
    return {
        "id": record_id, "name": f"bench-{record_id[-17:]}", "title": f"สถิติจำนวนประชากรรายจังหวัด ชุดที่ {i}",
        "notes": "จำนวนประชากรจำแนกตามจังหวัด จากทะเบียนราษฎร", "private": False, "state": "active",
        "metadata_modified": "2026-11-01T00:00:00.000000",
        "tags": [{"name": "ประชากร"}, {"name": "population"}],
        "data_type": "ข้อมูลสถิติ", "allow_harvest": "True", "maintainer": "กองสถิติประชากร",
        "maintainer_email": "stat@agency.example", "objective": ["พันธกิจหน่วยงาน"],
        "update_frequency_unit": "ปี", "update_frequency_interval": "1", "geo_coverage": "จังหวัด",
        "data_source": "ทะเบียนราษฎร", "data_format": ["CSV"], "data_category": "ข้อมูลสาธารณะ",
        "data_classification": "เปิดเผย", "license_id": "Open Data Common",
        "organization": {"name": "agency", "title": "กรมทดสอบ"},
        "resources": [{"name": "ไฟล์ข้อมูล", "format": "CSV",
                       "url": f"http://127.0.0.1:9/{i}.csv"}],
    }


def ckan(*args, check=True) -> str:
    done = subprocess.run([CKAN, "-c", INI, *args], cwd=ROOT, capture_output=True, text=True)
    if check and done.returncode:
        sys.exit(f"ckan {' '.join(args)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return done.stdout


def run_harvest(source_name: str, gather_only: bool = False) -> tuple[float, int]:
    """Wall seconds and peak RSS (MiB) of one harvest (or its gather stage) in its own process."""
    started = time.monotonic()
    args = [sys.executable, "-m", "benchmarks.harvest_runner", source_name] + (["--gather-only"] if gather_only else [])
    proc = subprocess.Popen(args, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.monotonic() - started
    if status != 0:
        sys.exit(f"harvest of {source_name} failed: {proc.stderr.read()[-3000:]}")
    return elapsed, usage.ru_maxrss // 1024


def package_create_floor(n: int, owner_org: str) -> float:
    """Datasets per second of bare package_create in its own process (benchmarks/package_create_floor.py)."""
    done = subprocess.run([sys.executable, "-m", "benchmarks.package_create_floor", str(n), owner_org],
                          cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"package_create floor failed: {done.stderr[-3000:]}")
    return float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    from benchmarks import boot

    boot.require_bench_database()
    n = int(os.environ.get("HARVEST_BENCH_N", "2000"))
    rss_sizes = [int(x) for x in os.environ.get("HARVEST_BENCH_RSS_SIZES", f"{max(n // 4, 1)},{n}").split(",")]
    print(f"==> Harvest throughput: {n} datasets per harvester (loopback agency CKAN source)", flush=True)
    ckan("db", "clean", "--yes")
    ckan("db", "upgrade")
    ckan("search-index", "clear")

    boot.ckan(INI)
    import ckan.model as model
    import ckan.plugins.toolkit as tk

    context = {"ignore_auth": True, "user": tk.get_action("get_site_user")({"ignore_auth": True}, {})["name"]}
    org = tk.get_action("organization_create")(dict(context), {"name": "bench-agency", "title": "หน่วยงานทดสอบ"})

    server = FaultServer().start()
    gather_sizes = [int(x) for x in os.environ.get("HARVEST_BENCH_GATHER_SIZES", "20000").split(",") if x]
    runs = [("ours", "opengov_ckan", n, False)] + [("ours", "opengov_ckan", s, False) for s in rss_sizes if s != n] + \
           [("stock", "ckan", n, False)]
    runs += [(who, t, s, True) for s in gather_sizes for who, t in (("ours", "opengov_ckan"), ("stock", "ckan"))]
    results, gathers = [], []
    for index, (who, source_type, size, gather_only) in enumerate(runs):
        prefix = f"00000000-0000-4000-{8000 + index:04d}-"
        path = f"/s{index}"
        source_api = FakeCkan(server, generate=make_record, total=size, id_prefix=prefix)
        # Each source on its own path prefix of the same server.
        server.httpd.routes[path + "/api/3/action/package_search"] = server.httpd.routes.pop("/api/3/action/package_search")
        server.httpd.routes[path + "/api/3/action/package_show"] = server.httpd.routes.pop("/api/3/action/package_show")
        # The portal registers only its guarded types; the stock source is registered as ours,
        # then switched to the stock type in ckanext-harvest's table (benchmark only).
        source = tk.get_action("harvest_source_create")(dict(context), {
            "name": f"bench-{who}-{index}", "title": f"bench {who} {size}", "url": server.base + path,
            "source_type": "opengov_ckan", "owner_org": org["id"], "frequency": "MANUAL", "config": "{}"})
        if source_type != "opengov_ckan":
            from ckanext.harvest.model import HarvestSource

            HarvestSource.get(source["id"]).type = source_type
            model.Session.commit()
        model.Session.remove()
        before = model.Session.query(model.Package).filter_by(type="dataset", state="active").count()
        model.Session.remove()
        if gather_only:
            seconds, rss = run_harvest(source["name"], gather_only=True)
            gathers.append((who, source_type, size, seconds, rss))
            print(f"  gather only: {who:5} ({source_type:12}) {size:>7} at source  {seconds:8.1f} s  "
                  f"peak RSS {rss} MiB", flush=True)
            continue
        seconds, rss = run_harvest(source["name"])
        after = model.Session.query(model.Package).filter_by(type="dataset", state="active").count()
        model.Session.remove()
        harvested = after - before
        results.append((who, source_type, size, harvested, seconds, rss))
        print(f"  {who:5} ({source_type:12}) {size:>7} at source  {harvested:>7} harvested  "
              f"{seconds:8.1f} s  {harvested / seconds:7.1f} datasets/s  peak RSS {rss} MiB", flush=True)
    server.stop()
    floor_n = min(n, int(os.environ.get("HARVEST_BENCH_FLOOR_N", "2000")))
    floor = package_create_floor(floor_n, org["id"])
    print(f"  package_create alone (no harvest, no Solr) {floor_n:>7} datasets  {floor:7.1f} datasets/s", flush=True)
    model.Session.remove()
    ckan("search-index", "clear")  # the bench shares the test Solr core (BENCH_ENV): leave it empty

    ours = next(r for r in results if r[0] == "ours" and r[2] == n)
    stock = next(r for r in results if r[0] == "stock")
    print()
    print(f"| harvester | datasets | datasets/s | peak RSS (MiB) |")
    print(f"| --- | --- | --- | --- |")
    for who, source_type, size, harvested, seconds, rss in results:
        print(f"| {who} `{source_type}` | {harvested} of {size} | {harvested / seconds:.1f} | {rss} |")
    for who, source_type, size, seconds, rss in gathers:
        print(f"| {who} `{source_type}`, gather stage only | {size} at source | - | {rss} |")
    print(f"| package_create alone, no harvest and no Solr | {floor_n} | {floor:.1f} | - |")
    stock_rate = stock[3] / stock[4]
    print(f"\nthroughput ours/stock: {(ours[3] / ours[4]) / stock_rate:.2f}x; "
          f"peak RSS ours/stock: {ours[5] / stock[5]:.2f}x; "
          f"package_create alone/stock: {floor / stock_rate:.2f}x (the ceiling through the action layer)")


if __name__ == "__main__":
    main()
