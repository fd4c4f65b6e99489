"""The fetch stage through real `ckan harvester fetch-consumer` processes and the Redis queue,
on the test services (the CKAN_* variables of an isolated test env), without the bench deployment:
ours with one fetch consumer, ckanext-harvest's stock `ckan` harvester with one, ours with two.
For a machine where the bench deployment cannot be had (harvest_consumers.py is the benchmark).

    source /tmp/helper-env.sh b    # or any CKAN_SQLALCHEMY_URL naming a test database
    python -m benchmarks.harvest_consumers_local 400 150     # ours N, stock N

The gather runs in this process; the objects are then put on the fetch queue at once, and the
rate is taken from that moment to the last import (and over the last three quarters alone, the
"steady" rate, past the consumers' lazy loading). Consumers are started before, and measured
only once their CPU is flat (booted). CPU per dataset from /proc/<pid>/stat, peak RSS VmHWM.
"""
import os, sys, time, json, subprocess, signal, tempfile
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
if "ckan_test" not in os.environ.get("CKAN_SQLALCHEMY_URL", ""):
    sys.exit("Point CKAN_SQLALCHEMY_URL (and CKAN_SOLR_URL, CKAN_REDIS_URL) at a test env first.")
INI = os.path.join(tempfile.mkdtemp(), "stock-plus.ini")
with open(INI, "w") as f:
    plugins = [l for l in open(os.path.join(ROOT, "test.ini")) if l.startswith("ckan.plugins")][0].strip()
    f.write(f"[app:main]\nuse = config:{ROOT}/test.ini\n{plugins} ckan_harvester\n")
from ckan.cli import load_config
from ckan.config.middleware import make_app
app = make_app(load_config(INI))
import ckan.model as model
import ckan.plugins.toolkit as tk
import sqlalchemy as sa
from ckanext.harvest import queue
from ckanext.harvest.model import HarvestJob, HarvestSource
from benchmarks.harvest_throughput import make_record
from tests.harvest.fake_ckan import FakeCkan
from tests.harvest.fault_server import FaultServer
CKAN = os.path.join(os.path.dirname(sys.executable), "ckan")
RUNS = [("opengov_ckan", 1, int(sys.argv[1])), ("ckan", 1, int(sys.argv[2])), ("opengov_ckan", 2, int(sys.argv[1]))]
def cpu(pid):
    with open(f"/proc/{pid}/stat") as f: x = f.read().rsplit(")", 1)[1].split()
    return sum(int(v) for v in x[11:15]) / os.sysconf("SC_CLK_TCK")
def rss(pid):
    with open(f"/proc/{pid}/status") as f: return round(next(int(l.split()[1]) for l in f if l.startswith("VmHWM")) / 1024)
ctx = {"ignore_auth": True, "user": tk.get_action("get_site_user")({"ignore_auth": True}, {})["name"]}
stamp = int(time.time())
org = tk.get_action("organization_create")(dict(ctx), {"name": f"cab-{stamp}", "title": "หน่วยงาน"})
server = FaultServer().start()
queue.purge_queues()
results = []
for index, (kind, consumers, n) in enumerate(RUNS):
    path = f"/r{index}"
    FakeCkan(server, generate=make_record, total=n, id_prefix=f"00000000-0000-4000-{(stamp + 11 * index) % 10000:04d}-")
    for action in ("package_search", "package_show"):
        server.httpd.routes[f"{path}/api/3/action/{action}"] = server.httpd.routes.pop(f"/api/3/action/{action}")
    src = tk.get_action("harvest_source_create")(dict(ctx), {"name": f"cab-{stamp}-{index}", "title": "t", "url": server.base + path,
          "source_type": "opengov_ckan", "owner_org": org["id"], "frequency": "MANUAL", "config": "{}"})
    row = HarvestSource.get(src["id"]); row.type = kind; model.Session.commit()
    job = HarvestJob(source=row, status="Running"); job.save()
    ids = queue.gather_stage(queue.get_harvester(kind), job); model.Session.commit(); model.Session.remove()
    procs = [subprocess.Popen([CKAN, "-c", INI, "harvester", "fetch-consumer"], cwd=ROOT,
             stdout=open(os.path.join(os.path.dirname(INI), f"fc-{index}-{c}.log"), "w"), stderr=subprocess.STDOUT, start_new_session=True)
             for c in range(consumers)]
    deadline = time.monotonic() + 180  # booted and idle on the queue: CPU flat over 3 s
    time.sleep(5)
    while time.monotonic() < deadline:
        c0 = sum(cpu(p.pid) for p in procs); time.sleep(3)
        if sum(cpu(p.pid) for p in procs) - c0 < 0.1 * len(procs): break
    cpu0 = [cpu(p.pid) for p in procs]; load0 = os.getloadavg()[0]
    publisher = queue.get_fetch_publisher()
    t0 = time.time()
    for i in ids: publisher.send({"harvest_object_id": i})
    q = sa.text("SELECT count(*) FILTER (WHERE state IN ('COMPLETE','ERROR')), count(*) FILTER (WHERE report_status='added'), "
                "extract(epoch from max(import_finished)) FROM harvest_object WHERE harvest_job_id=:j")
    deadline = time.monotonic() + 900
    while time.monotonic() < deadline:
        with model.meta.engine.connect() as c: done, added, last = c.execute(q, {"j": job.id}).one()
        if done == len(ids): break
        time.sleep(0.5)
    # import_finished is naive UTC, read as UTC by extract(epoch)
    wall = float(last) - t0 if last else float("nan")
    cpus = [round(1000 * (cpu(p.pid) - c0) / max(added, 1), 1) for p, c0 in zip(procs, cpu0)]
    rsss = [rss(p.pid) for p in procs]
    for p in procs: os.killpg(p.pid, signal.SIGTERM)
    for p in procs: p.wait(timeout=30)
    with model.meta.engine.connect() as c:
        ends = [float(e) for (e,) in c.execute(sa.text("SELECT extract(epoch from import_finished) FROM harvest_object "
                "WHERE harvest_job_id=:j AND report_status='added' ORDER BY import_finished"), {"j": job.id})]
    k = len(ends) // 4  # steady state: past the first quarter (the consumers' warm-up: CKAN loads lazily)
    steady = round((len(ends) - 1 - k) / (ends[-1] - ends[k]), 2)
    r = dict(steady_rate=steady, kind=kind, consumers=consumers, n=len(ids), added=added, wall=round(wall, 1), rate=round(added / wall, 2),
             cpu_ms_per_dataset=cpus, peak_rss_mib=rsss, load=(round(load0, 1), round(os.getloadavg()[0], 1)))
    results.append(r); print(r, flush=True)
server.stop()
o1, st, o2 = results
print(f"whole run: ours/stock per consumer {o1['rate']/st['rate']:.2f}x; two/one {o2['rate']/o1['rate']:.2f}x")
print(f"steady state: ours/stock per consumer {o1['steady_rate']/st['steady_rate']:.2f}x; two/one {o2['steady_rate']/o1['steady_rate']:.2f}x")
print(json.dumps(results))
