"""Harvest throughput through the deployment's own queue and supervised consumers (`make bench`).

The in-process benchmark (harvest_throughput.py) runs the stages one after the other in one
process; this one goes the way production does: a job is put on the gather queue (Redis), the
bench deployment's gather consumer lists the source and queues one object per record, and its
fetch consumers (supervised `ckan harvester fetch-consumer` processes, dev/bench-deployment.sh)
fetch, import and index them. The source is a loopback agency CKAN (tests/harvest/fake_ckan.py)
with N generated TGDC records. Three runs, each on a fresh source (the same records under other
ids): our `opengov_ckan` with one fetch consumer, ckanext-harvest's stock `ckan` harvester with
one, ours with two. Datasets/s from the database's own timestamps (the gather's start to the
last object's import), peak RSS of every consumer and the jobs worker from /proc/<pid>/status
(VmHWM; they are restarted before each run so the peak is that run's), and the CPU each spent per
dataset (/proc/<pid>/stat, with reaped children).

    HARVEST_CONSUMERS_N=2000 make bench BENCH=harvest_consumers   # 2000: the default
Every wait is bounded (HARVEST_CONSUMERS_TIMEOUT, default 1800 s per run); 127.0.0.1 only.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from benchmarks.harvest_throughput import make_record  # noqa: E402
from benchmarks.pages import RESULTS, clean_env, deployment, loadavg  # noqa: E402
from tests.harvest.fake_ckan import FakeCkan  # noqa: E402
from tests.harvest.fault_server import FaultServer  # noqa: E402

N = int(os.environ.get("HARVEST_CONSUMERS_N", "2000"))
TIMEOUT = int(os.environ.get("HARVEST_CONSUMERS_TIMEOUT", "1800"))
GOAL_PER_CONSUMER, GOAL_TWO = 5.0, 1.6


def supervisorctl(*args: str) -> str:
    conf = os.path.join(os.path.dirname(deployment("ini")), "supervisord.conf")
    return subprocess.run(["supervisorctl", "-c", conf, *args], capture_output=True, text=True, timeout=120).stdout


def consumer_pids() -> dict[str, int]:
    """The harvest's processes: gather and fetch consumers, and the jobs worker (every new
    dataset's tables are queued for loading, so it works during a harvest too)."""
    pids = {}
    for line in supervisorctl("status").splitlines():
        found = re.search(r"^(\S*(?:consumer|jobs-worker)\S*)\s+RUNNING\s+pid (\d+)", line)
        if found:
            pids[found.group(1).split(":")[-1]] = int(found.group(2))
    return pids


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and its reaped children (the jobs worker forks one per job)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def peak_rss_mib(pid: int) -> float:
    with open(f"/proc/{pid}/status") as f:
        kib = next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
    return round(kib / 1024, 1)


def with_consumers(count: int) -> dict[str, int]:
    """The deployment with `count` fetch consumers, every consumer freshly started."""
    os.environ["OPENGOV_BENCH_FETCH_CONSUMERS"] = str(count)
    if sum(name.startswith("fetch-consumer") for name in consumer_pids()) != count:
        deployment("start")  # renders numprocs again; supervisord applies it
    supervisorctl("restart", "gather-consumer", "fetch-consumer:*", "jobs-worker")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        pids = consumer_pids()
        if len(pids) == count + 2:
            time.sleep(6)  # past supervisor's startsecs: the consumers are listening
            return consumer_pids()
        time.sleep(1)
    sys.exit(f"the bench deployment did not run {count} fetch consumers: {supervisorctl('status')}")


def queue_job(tk, model, org_id: str, server, index: int, source_type: str) -> str:
    """A source of `source_type` on its own path of the loopback server, and a job on the gather
    queue, as ckanext-harvest's harvest_send_job_to_gather_queue does (the portal's guarded
    action refuses the stock type; the benchmark alone runs it)."""
    from ckanext.harvest.model import HarvestJob, HarvestSource
    from ckanext.harvest.queue import get_gather_publisher

    stamp = int(time.time())
    path = f"/c{index}-{stamp}"
    # Ids of this run only: the bench database keeps earlier runs' datasets, and a record whose
    # id another source owns is refused (cheaply), which would flatter the rate.
    FakeCkan(server, generate=make_record, total=N, id_prefix=f"{stamp & 0xFFFFFFFF:08x}-0000-4000-{9000 + index:04d}-")
    for action in ("package_search", "package_show"):
        server.httpd.routes[f"{path}/api/3/action/{action}"] = server.httpd.routes.pop(f"/api/3/action/{action}")
    context = {"ignore_auth": True, "user": tk.get_action("get_site_user")({"ignore_auth": True}, {})["name"]}
    source = tk.get_action("harvest_source_create")(dict(context), {
        "name": f"bench-consumers{path.replace('/', '-')}", "title": f"bench {source_type} {N}",
        "url": server.base + path, "source_type": "opengov_ckan", "owner_org": org_id,
        "frequency": "MANUAL", "config": "{}"})
    row = HarvestSource.get(source["id"])
    row.type = source_type
    job = HarvestJob(source=row, status="Running")
    job.save()
    model.Session.commit()
    get_gather_publisher().send({"harvest_job_id": job.id})
    return job.id


def drop_background_jobs() -> int:
    """Empties the jobs queue between runs, so that a run does not pay for the one before it:
    what is queued is the previous run's table loads, links to a closed port (each fails after
    its one retry, 1 s of sleep and ~2 ms of CPU). Returns how many were dropped."""
    from ckan.lib import jobs

    return jobs.get_queue().empty()


def wait_for_job(model, job_id: str) -> dict:
    from sqlalchemy import text

    deadline = time.monotonic() + TIMEOUT
    query = text("""SELECT j.gather_started, j.gather_finished,
                           count(o.id), count(o.id) FILTER (WHERE o.state IN ('COMPLETE', 'ERROR')),
                           count(o.id) FILTER (WHERE o.state = 'COMPLETE' AND o.package_id IS NOT NULL),
                           max(o.import_finished)
                    FROM harvest_job j LEFT JOIN harvest_object o ON o.harvest_job_id = j.id
                    WHERE j.id = :job GROUP BY j.id""")
    while time.monotonic() < deadline:
        with model.meta.engine.connect() as conn:
            started, gathered, objects, done, imported, last = conn.execute(query, {"job": job_id}).one()
        if gathered and objects and done == objects:
            seconds = (last - started).total_seconds()
            return {"objects": objects, "imported": imported, "seconds": round(seconds, 1),
                    "datasets_per_s": round(imported / seconds, 2)}
        time.sleep(2)
    sys.exit(f"job {job_id} did not finish within {TIMEOUT} s ({done} of {objects} objects done)")


def main() -> None:
    from benchmarks import boot

    ini = deployment("ini")
    print(f"==> Harvest through the bench deployment's queue and consumers: {N} datasets per run", flush=True)
    if not consumer_pids():
        deployment("start")
    for key in [k for k in os.environ if k.startswith("CKAN_")]:
        del os.environ[key]  # the bench deployment's .ini decides the database and Redis
    boot.ckan(ini)
    import ckan.model as model
    import ckan.plugins.toolkit as tk

    context = {"ignore_auth": True, "user": tk.get_action("get_site_user")({"ignore_auth": True}, {})["name"]}
    org = tk.get_action("organization_create")(dict(context), {
        "name": f"bench-consumers-{int(time.time())}", "title": "หน่วยงานทดสอบการเก็บเกี่ยว"})
    server = FaultServer().start()
    runs = []
    try:
        for index, (source_type, consumers) in enumerate([("opengov_ckan", 1), ("ckan", 1), ("opengov_ckan", 2)]):
            dropped = drop_background_jobs()
            pids = with_consumers(consumers)
            before = loadavg()
            cpu_before = {name: cpu_seconds(pid) for name, pid in pids.items()}
            job_id = queue_job(tk, model, org["id"], server, index, source_type)
            result = wait_for_job(model, job_id)
            if result["imported"] != N:  # refused records are cheap: the rate would mean nothing
                sys.exit(f"{source_type}: {result['imported']} of {N} records imported; see job {job_id}'s errors")
            result.update(harvester=source_type, fetch_consumers=consumers, loadavg_before=before,
                          previous_jobs_dropped=dropped,
                          loadavg_after=loadavg(), peak_rss_mib={name: peak_rss_mib(pid) for name, pid in pids.items()},
                          cpu_ms_per_dataset={name: round(1000 * (cpu_seconds(pid) - cpu_before[name])
                                                          / max(result["imported"], 1), 1)
                                              for name, pid in pids.items()})
            runs.append(result)
            print(f"  {source_type:12} {consumers} fetch consumer(s): {result['imported']} of {N} in "
                  f"{result['seconds']} s = {result['datasets_per_s']} datasets/s; peak RSS {result['peak_rss_mib']}; "
                  f"CPU ms/dataset {result['cpu_ms_per_dataset']} (load {before[0]} → {result['loadavg_after'][0]})",
                  flush=True)
    finally:
        server.stop()
        os.environ["OPENGOV_BENCH_FETCH_CONSUMERS"] = "1"
    ours, stock, two = runs
    report = {"n": N, "cores": os.cpu_count(), "runs": runs,
              "ours_over_stock_per_consumer": round(ours["datasets_per_s"] / stock["datasets_per_s"], 2),
              "two_over_one_consumer": round(two["datasets_per_s"] / ours["datasets_per_s"], 2)}
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, "harvest_consumers.json"), "w") as f:
        json.dump(report, f, indent=2)
    lines = [f"Harvest through the bench deployment's queue and supervised consumers, {N} datasets per run:", "",
             "| harvester | fetch consumers | datasets/s | peak RSS per process (MiB) | CPU ms per dataset, per process "
             "| load before → after |",
             "| --- | --- | --- | --- | --- | --- |"]
    for r in runs:
        rss = ", ".join(f"{k} {v}" for k, v in sorted(r["peak_rss_mib"].items()))
        cpu = ", ".join(f"{k} {v}" for k, v in sorted(r["cpu_ms_per_dataset"].items()))
        lines.append(f"| `{r['harvester']}` | {r['fetch_consumers']} | {r['datasets_per_s']} "
                     f"({r['imported']} in {r['seconds']} s) | {rss} | {cpu} | "
                     f"{r['loadavg_before'][0]} → {r['loadavg_after'][0]} |")
    lines += ["", f"ours/stock per fetch consumer: **{report['ours_over_stock_per_consumer']}×** (goal ≥ {GOAL_PER_CONSUMER}×); "
              f"two fetch consumers / one: **{report['two_over_one_consumer']}×** (goal ≥ {GOAL_TWO}×)", ""]
    with open(os.path.join(RESULTS, "harvest_consumers.md"), "w") as f:
        f.write("\n".join(lines))
    print("\n" + "\n".join(lines))


if __name__ == "__main__":
    main()
