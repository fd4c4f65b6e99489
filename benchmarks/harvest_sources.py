"""Harvesting the national catalog: thousands of small agency sources in one scheduled run, on
`make cluster`'s topology, with 1 vs 2 fetch consumers (`make bench BENCH=harvest_sources`).

The cluster (dev/cluster.sh: 2 portal nodes, each with its supervised gather consumer, fetch
consumer and scheduler; the shared Redis :6390; database ckan_cluster) harvests N agency
catalogs, each a loopback CKAN (tests/harvest/fake_ckan.py) of a few records served under its own
path of one server on 127.0.0.1. What this script does itself, and what the cluster does:

1. Registration, in this process through the action layer (`organization_create`, then the
   portal's own `opengov_harvest_source_create`, the action agencies call over the API: the same
   validation, URL guard and allow-list, without one HTTP round trip and one sysadmin token per
   source). One agency per source, as in the national picture (~8,000 agencies, one catalog each).
   The schedulers are stopped meanwhile, so that the first run is one run.
2. The first run (fill): the schedulers are started; their `harvester run` creates a job for
   every source (frequency DAILY, never run), the gather consumers list the catalogs and the fetch
   consumers import every record.
3. The measured runs, twice (2 fetch consumers, then 1: node 2's fetch consumer is stopped through
   its supervisor): 2% of the sources change one record, every source is made due (its
   `next_run` set in the past: the stand-in for "a day later"), and ONE scheduled
   `harvester run` creates the jobs; the queue spreads them over the consumers. Measured from
   the moment the sources are due to the moment the last job is Finished (status set by a
   `harvester run`, as in production), with the database's own timestamps for the phases: jobs
   created, gathers finished, objects imported.

Gathers per node come from the gather consumers' log lines (the fetch consumers log none per
object), each scheduler's `harvester run`s (start, length) from its log; peak RSS per consumer from
/proc (the consumers are restarted before each measured run; the gather's forked children are
sampled too). Sizes are cumulative (HARVEST_SOURCES_N=1000,2000 registers 1,000, measures, adds
1,000 more, measures 2,000); results of other sizes measured earlier are kept beside them.

    flock /tmp/heavy.lock make bench BENCH=harvest_sources          # 200 sources, ~20 min here
    HARVEST_SOURCES_N=8000 HARVEST_SOURCES_TIMEOUT=14400 .venv/bin/python -m benchmarks.harvest_sources
The national size takes ~70 minutes on the 2-core dev machine (registration 0.15 s and the
first run 0.23 s per source, then each measured nightly run ~9 min: docs/cluster.md), so
`make bench` measures 200; 8,000 was measured with the second command.
Settings: HARVEST_SOURCES_N (200; "100,200" measures both, cumulatively),
HARVEST_SOURCES_RECORDS (2 per source), HARVEST_SOURCES_CHANGED (0.02), HARVEST_SOURCES_EVERY (10:
the schedulers' `harvester run` interval), HARVEST_SOURCES_PORT (18640: the loopback catalogs),
HARVEST_SOURCES_TIMEOUT (1800 s per wait), HARVEST_SOURCES_BUDGET (0: no further size is started
after this many seconds), HARVEST_SOURCES_REUSE (an earlier run's tag, printed at its start: measure
its sources again, no registration; HARVEST_SOURCES_N = their number). Every wait is bounded; 127.0.0.1 only. The cluster is stopped at the end
when this script started it. `--report` writes the tables again from the stored results.
"""
from __future__ import annotations

import collections
import datetime
import json
import os
import re
import subprocess
import sys
import time
import threading
import uuid
from http.server import ThreadingHTTPServer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from benchmarks.harvest_throughput import make_record  # noqa: E402
from benchmarks.pages import RESULTS, loadavg  # noqa: E402
from tests.harvest import fault_server  # noqa: E402
from tests.harvest.fake_ckan import FakeCkan  # noqa: E402

SIZES = [int(n) for n in os.environ.get("HARVEST_SOURCES_N", "200").split(",")]
RECORDS = int(os.environ.get("HARVEST_SOURCES_RECORDS", "2"))
CHANGED = float(os.environ.get("HARVEST_SOURCES_CHANGED", "0.02"))
EVERY = int(os.environ.get("HARVEST_SOURCES_EVERY", "10"))
PORT = int(os.environ.get("HARVEST_SOURCES_PORT", "18640"))
TIMEOUT = int(os.environ.get("HARVEST_SOURCES_TIMEOUT", "1800"))
# Seconds after which no further size is started (0: none): the heavy-run lock is held 25 min at most.
BUDGET = int(os.environ.get("HARVEST_SOURCES_BUDGET", "0"))
# The tag of an earlier run whose sources (still registered, with their first run done or cut
# short) are measured again instead of registering new ones: the national size takes ~1 h to
# register here.
REUSE = os.environ.get("HARVEST_SOURCES_REUSE", "")
CLUSTER_DIR = os.path.join(ROOT, ".dev", "cluster")
LOG_DIR = os.path.join(ROOT, ".dev", "logs", "cluster")
CLUSTER_DB = os.environ.get("OPENGOV_CLUSTER_DB", "ckan_cluster")
NODES = (1, 2)
SCRIPT = os.path.join(ROOT, "dev", "cluster.sh")
SOLR = os.environ.get("OPENGOV_CLUSTER_SOLR_URL", "http://127.0.0.1:8990/solr")


# -- the cluster -----------------------------------------------------------------------------

def cluster_env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CKAN_")}
    env.update(OPENGOV_HARVEST_ALLOWED_HOSTS="127.0.0.1", OPENGOV_CLUSTER_HARVEST_EVERY=str(EVERY))
    return env


def cluster(*args: str, timeout: int = 900) -> None:
    done = subprocess.run([SCRIPT, *args], capture_output=True, text=True, env=cluster_env(), timeout=timeout)
    if done.returncode:
        sys.exit(f"dev/cluster.sh {' '.join(args)} failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}")


def solr_whole() -> bool:
    """Every replica of the collection active (dev/cluster.sh start returns once the nodes are live)."""
    import requests

    try:
        status = requests.get(f"{SOLR}/admin/collections", params={"action": "CLUSTERSTATUS", "wt": "json"},
                              timeout=30).json()["cluster"]
        replicas = [r for shard in status["collections"]["ckan"]["shards"].values() for r in shard["replicas"].values()]
        return len(status["live_nodes"]) == 2 and all(r["state"] == "active" for r in replicas)
    except (requests.RequestException, KeyError, ValueError):
        return False


def wait_whole(seconds: int = 300) -> None:
    deadline = time.monotonic() + seconds
    while not solr_whole():
        if time.monotonic() > deadline:
            sys.exit(f"the cluster's Solr replicas are not all active after {seconds} s")
        time.sleep(3)


def ctl(node: int, *args: str) -> str:
    conf = os.path.join(CLUSTER_DIR, f"node-{node}", "supervisord.conf")
    return subprocess.run(["supervisorctl", "-c", conf, *args], capture_output=True, text=True, timeout=180).stdout


def consumer_pids() -> dict[str, int]:
    """{'node-1 gather-consumer': pid, 'node-2 fetch-consumer-0': pid, ...} of running consumers."""
    pids = {}
    for node in NODES:
        for line in ctl(node, "status").splitlines():
            found = re.search(r"^(\S*consumer\S*)\s+RUNNING\s+pid (\d+)", line)
            if found:
                pids[f"node-{node} {found.group(1).split(':')[-1]}"] = int(found.group(2))
    return pids


def set_fetch_consumers(count: int) -> dict[str, int]:
    """`count` fetch consumers (node 1's, then node 2's), every consumer freshly started so that
    its peak memory is this run's."""
    for node in NODES:
        if node <= count:
            ctl(node, "restart", "gather-consumer", "fetch-consumer:*")
        else:
            ctl(node, "stop", "fetch-consumer:*")
            ctl(node, "restart", "gather-consumer")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        pids = consumer_pids()
        if sum("fetch-consumer" in name for name in pids) == count and len(pids) == count + len(NODES):
            time.sleep(6)  # past supervisor's startsecs: listening on the queues
            return consumer_pids()
        time.sleep(1)
    sys.exit(f"the cluster did not run {count} fetch consumers: {consumer_pids()}")


def schedulers(command: str) -> None:
    for node in NODES:
        ctl(node, command, "scheduler")


class Memory:
    """Peak resident memory per consumer (and of its gather children), sampled from /proc."""

    def __init__(self, pids: dict[str, int]):
        self.pids = pids
        self.peak = {name: 0.0 for name in pids}
        self.children_peak = {name: 0.0 for name in pids}

    @staticmethod
    def _rss(pid: int) -> float:
        try:
            with open(f"/proc/{pid}/status") as f:
                return next(int(line.split()[1]) for line in f if line.startswith("VmRSS:")) / 1024
        except (OSError, StopIteration):
            return 0.0

    @staticmethod
    def _children(pid: int) -> list[int]:
        try:
            with open(f"/proc/{pid}/task/{pid}/children") as f:
                return [int(p) for p in f.read().split()]
        except OSError:
            return []

    def sample(self) -> None:
        for name, pid in self.pids.items():
            self.peak[name] = max(self.peak[name], self._rss(pid))
            for child in self._children(pid):
                self.children_peak[name] = max(self.children_peak[name], self._rss(child))

    def report(self) -> dict:
        return {name: {"rss_mib": round(self.peak[name], 1),
                       **({"largest_child_mib": round(self.children_peak[name], 1)} if self.children_peak[name] else {})}
                for name in self.pids}


class Logs:
    """Lines the gather consumers append to their logs during a run."""

    FILES = {"gather": "gather-consumer.log"}

    def __init__(self):
        self.offsets = {key: self._size(key) for key in self._keys()}

    @staticmethod
    def _keys():
        return [(node, kind) for node in NODES for kind in Logs.FILES]

    @staticmethod
    def _path(key) -> str:
        node, kind = key
        return os.path.join(LOG_DIR, f"node-{node}", Logs.FILES[kind])

    def _size(self, key) -> int:
        try:
            return os.path.getsize(self._path(key))
        except OSError:
            return 0

    def new_lines(self, key) -> list[str]:
        offset = self.offsets[key] if self._size(key) >= self.offsets[key] else 0  # rotated: from its start
        try:
            with open(self._path(key), "rb") as f:
                f.seek(offset)
                return f.read().decode("utf-8", "replace").splitlines()
        except OSError:
            return []

    def spread(self, began: datetime.datetime) -> dict:
        """Gathers per node (the gather pool's "started in process" lines; the fetch consumers log
        no line per object) and the `harvester run`s that overlapped the run, per node's scheduler
        (the one that made the jobs may have started just before the sources were due). Waits,
        bounded, for a `harvester run` still going to end, so its length is known."""
        deadline = time.monotonic() + 300
        while any(r["seconds"] is None for node in NODES for r in scheduler_runs(node, began)) \
                and time.monotonic() < deadline:
            time.sleep(2)
        return {f"node-{node}": {
            "gathers": sum("started in process" in line for line in self.new_lines((node, "gather"))),
            "harvester_runs": scheduler_runs(node, began)} for node in NODES}


RUN_LINE = re.compile(r"^(\S+) (start|end) harvest-run(?:: exit -?\d+ after ([0-9.]+)s)?")


def scheduler_runs(node: int, began: datetime.datetime) -> list[dict]:
    """`harvester run`s in node's scheduler log (local times, as it writes them) ending after `began`."""
    path = os.path.join(LOG_DIR, f"node-{node}", "scheduler.log")
    with open(path, "rb") as f:
        f.seek(max(0, os.path.getsize(path) - 400_000))
        lines = f.read().decode("utf-8", "replace").splitlines()
    runs: list[dict] = []
    for line in lines:
        found = RUN_LINE.match(line)
        if not found:
            continue
        when = datetime.datetime.fromisoformat(found.group(1))
        if found.group(2) == "start":
            if runs and runs[-1]["seconds"] is None:
                runs.pop()  # never ended: killed with its scheduler
            runs.append({"start": when, "seconds": None})
        elif runs and runs[-1]["seconds"] is None:
            runs[-1]["seconds"] = float(found.group(3))
    if runs and runs[-1]["seconds"] is None and "scheduler up" in "".join(lines[-50:]).split("start harvest-run")[-1]:
        runs.pop()  # the scheduler restarted after it: killed too
    return [{"start": r["start"].isoformat(), "seconds": r["seconds"]} for r in runs
            if r["start"] >= began - datetime.timedelta(hours=1)
            and (r["seconds"] is None or r["start"] + datetime.timedelta(seconds=r["seconds"]) >= began)]


# -- the agency catalogs ----------------------------------------------------------------------

class Catalogs:
    """One loopback server holding every agency's catalog, each under /agency-<tag>-<i> (FakeCkan's
    package_search and package_show; the run's tag, because the portal refuses a second source at
    an address already registered, and earlier runs' sources stay). A source's records change
    when its version is bumped."""

    def __init__(self, port: int, tag: str):
        class Server(ThreadingHTTPServer):
            daemon_threads = True
            allow_reuse_address = True

        self.httpd = Server(("127.0.0.1", port), fault_server._Handler)
        self.httpd.routes = {}
        self.httpd.requests = collections.deque(maxlen=1000)  # the handler logs every request
        self.base = f"http://127.0.0.1:{port}"
        self.tag = tag
        self.modified: dict[int, list[str]] = {}
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def add(self, i: int) -> str:
        catalog, path = self, f"/agency-{self.tag}-{i}"
        base = self.base + path

        class Mount:  # what FakeCkan needs of a server: its base and a way to add routes
            def __init__(self):
                self.base = base

            def route(self, route_path, handler):
                catalog.httpd.routes[path + route_path] = handler

        self.modified[i] = ["2026-11-01T00:00:00.000000"] * RECORDS

        def record(record_id: str, j: int) -> dict:
            out = make_record(record_id, j)
            out.update(name=f"src-{self.tag}-{i}-{j}", metadata_modified=self.modified[i][j])
            return out
        FakeCkan(Mount(), generate=record, total=RECORDS, id_prefix=f"{self.tag}-0000-4000-{i:04x}-")
        return base

    def change(self, i: int, when: str) -> None:
        self.modified[i][0] = when

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# -- in this process: CKAN on the cluster's database --------------------------------------------

def boot():
    from ckan.cli import load_config
    from ckan.config.middleware import make_app

    for key in [k for k in os.environ if k.startswith("CKAN_")]:
        del os.environ[key]  # the cluster's .ini decides (make bench's CKAN_* name ckan_bench)
    config = load_config(os.path.join(CLUSTER_DIR, "ckan.ini"))
    if not config.get("sqlalchemy.url", "").endswith("/" + CLUSTER_DB):
        sys.exit(f"the cluster's .ini does not name the database {CLUSTER_DB}")
    make_app(config)
    import ckan.plugins.toolkit as tk
    # This process only registers sources: Solr's autoSoftCommit (1 s) makes them searchable,
    # without one explicit commit per source.
    tk.config["ckan.search.solr_commit"] = False


def sql(query: str, **params):
    import ckan.model as model
    from sqlalchemy import text

    with model.meta.engine.begin() as conn:
        return conn.execute(text(query), params).all() if query.lstrip().upper().startswith("SELECT") \
            else conn.execute(text(query), params)


def register(catalogs: Catalogs, indexes: range) -> tuple[list[str], float]:
    import ckan.plugins.toolkit as tk

    site_user = tk.get_action("get_site_user")({"ignore_auth": True}, {})["name"]
    ids, began = [], time.monotonic()
    for i in indexes:
        context = lambda: {"ignore_auth": True, "user": site_user}  # noqa: E731
        org = tk.get_action("organization_create")(context(), {
            "name": f"agency-{catalogs.tag}-{i}", "title": f"องค์การบริหารส่วนตำบลทดสอบ {i}",
            "title_en": f"Test Subdistrict Administrative Organization {i}"})
        source = tk.get_action("opengov_harvest_source_create")(context(), {
            "owner_org": org["id"], "title": f"บัญชีข้อมูล อบต. ทดสอบ {i}", "url": catalogs.add(i),
            "source_type": "opengov_ckan", "frequency": "DAILY"})
        ids.append(source["id"])
        if (i + 1) % 500 == 0:
            print(f"  registered {i + 1} sources ({time.monotonic() - began:.0f} s)", flush=True)
    return ids, time.monotonic() - began


def reuse(catalogs: Catalogs) -> list[str]:
    """The sources an earlier run registered under `catalogs.tag`, in index order, their catalogs
    served again (the same records), scheduled again (DAILY), and what that run left unfinished
    closed (jobs Running or New, their queue messages) so that each source gets a job."""
    from ckanext.harvest import queue

    rows = sql('SELECT s.id, g.name FROM harvest_source s JOIN package p ON p.id = s.id '
               'JOIN "group" g ON g.id = p.owner_org WHERE g.name LIKE :prefix', prefix=f"agency-{catalogs.tag}-%")
    by_index = {int(name.rsplit("-", 1)[1]): source_id for source_id, name in rows}
    if sorted(by_index) != list(range(len(by_index))):
        sys.exit(f"the sources tagged {catalogs.tag} are not numbered 0..{len(by_index) - 1}")
    for i in range(len(by_index)):
        catalogs.add(i)
    ids = [by_index[i] for i in range(len(by_index))]
    sql("UPDATE harvest_source SET frequency = 'DAILY' WHERE id = ANY(:ids)", ids=ids)
    sql("UPDATE harvest_object SET state = 'ERROR' WHERE state NOT IN ('COMPLETE', 'ERROR') "
        "AND harvest_job_id IN (SELECT id FROM harvest_job WHERE status IN ('New', 'Running') AND source_id = ANY(:ids))", ids=ids)
    sql("UPDATE harvest_job SET status = 'Finished', finished = now() AT TIME ZONE 'utc' "
        "WHERE status IN ('New', 'Running') AND source_id = ANY(:ids)", ids=ids)
    queue.purge_queues()
    print(f"  reusing {len(ids)} sources registered under tag {catalogs.tag}", flush=True)
    return ids


def db_now():
    return sql("SELECT now() AT TIME ZONE 'utc'")[0][0]


def progress(ids: list[str], since) -> dict:
    row = sql("""
        SELECT count(DISTINCT j.id), count(DISTINCT j.id) FILTER (WHERE j.status = 'Finished'),
               min(j.created), max(j.created), max(j.gather_finished),
               count(o.id), count(o.id) FILTER (WHERE o.state IN ('COMPLETE', 'ERROR')),
               count(o.id) FILTER (WHERE o.state = 'COMPLETE' AND o.package_id IS NOT NULL),
               count(o.id) FILTER (WHERE o.state = 'ERROR'), max(o.import_finished)
        FROM harvest_job j LEFT JOIN harvest_object o ON o.harvest_job_id = j.id
        WHERE j.source_id = ANY(:ids) AND j.created >= :since""", ids=ids, since=since)[0]
    keys = ("jobs", "finished", "first_created", "last_created", "last_gathered",
            "objects", "objects_done", "imported", "errored", "last_imported")
    return dict(zip(keys, row))


def wait_finished(ids: list[str], since, memory: Memory | None, label: str) -> tuple[dict, float]:
    """Polls until every source has a job created after `since` and every such job is Finished."""
    began, deadline, last_print = time.monotonic(), time.monotonic() + TIMEOUT, 0.0
    while time.monotonic() < deadline:
        if memory:
            memory.sample()
        state = progress(ids, since)
        if state["jobs"] == len(ids) and state["finished"] == len(ids):
            return state, time.monotonic() - began
        if time.monotonic() - last_print > 30:
            last_print = time.monotonic()
            print(f"  {label}: {state['jobs']} jobs, {state['finished']} finished, "
                  f"{state['objects_done']}/{state['objects']} objects ({time.monotonic() - began:.0f} s)", flush=True)
        time.sleep(2)
    sys.exit(f"{label}: not finished within {TIMEOUT} s: {progress(ids, since)}")


def phases(state: dict, since) -> dict:
    seconds = lambda t: round((t - since).total_seconds(), 1) if t else None  # noqa: E731
    return {"jobs_created_from": seconds(state["first_created"]), "jobs_created_until": seconds(state["last_created"]),
            "last_gather_finished": seconds(state["last_gathered"]), "last_import": seconds(state["last_imported"])}


def measured_run(catalogs: Catalogs, ids: list[str], indexes: list[int], consumers: int, rnd: int) -> dict:
    pids = set_fetch_consumers(consumers)
    memory = Memory(pids)
    changed = indexes[rnd::max(1, round(1 / CHANGED))] if CHANGED else []
    when = f"2026-11-{10 + rnd:02d}T00:00:00.000000"
    for i in changed:
        catalogs.change(i, when)
    logs, before, began = Logs(), loadavg(), datetime.datetime.now()
    since = db_now()
    # "A day later": every source is due at once; the next scheduled `harvester run` takes them.
    sql("UPDATE harvest_source SET next_run = :due WHERE id = ANY(:ids)", ids=ids,
        due=since - datetime.timedelta(minutes=1))
    state, wall = wait_finished(ids, since, memory, f"{len(ids)} sources, {consumers} fetch consumer(s)")
    memory.sample()
    result = {"sources": len(ids), "fetch_consumers": consumers, "changed_sources": len(changed),
              "seconds": round(wall, 1), "sources_per_s": round(len(ids) / wall, 1),
              "records_checked_per_s": round(len(ids) * RECORDS / wall, 1),
              "datasets_updated": state["imported"], "errored": state["errored"],
              "datasets_per_s": round(state["imported"] / wall, 3),
              "phases_s": phases(state, since), "spread": logs.spread(began), "peak_rss_mib": memory.report(),
              "loadavg_before": before, "loadavg_after": loadavg()}
    print(f"  {len(ids)} sources, {consumers} fetch consumer(s): {wall:.0f} s, {state['imported']} updated, "
          f"phases {result['phases_s']}, load {before[0]} -> {result['loadavg_after'][0]}", flush=True)
    return result


def fill(ids: list[str]) -> dict:
    """The first run of newly registered sources: the schedulers are started and create their jobs."""
    set_fetch_consumers(2)
    since, before, logs, began = db_now(), loadavg(), Logs(), datetime.datetime.now()
    schedulers("start")
    state, wall = wait_finished(ids, since, None, f"first run of {len(ids)} new sources")
    return {"sources": len(ids), "seconds": round(wall, 1), "datasets_created": state["imported"],
            "errored": state["errored"], "datasets_per_s": round(state["imported"] / wall, 2),
            "phases_s": phases(state, since), "spread": logs.spread(began),
            "loadavg_before": before, "loadavg_after": loadavg()}


def extrapolate(points: list[tuple[int, float]], n: int) -> float | None:
    if len(points) < 2:
        return None
    (x1, y1), (x2, y2) = points[0], points[-1]
    return round(y1 + (y2 - y1) / (x2 - x1) * (n - x1), 0)


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def main() -> None:
    print(f"==> Harvesting {SIZES} small agency sources ({RECORDS} records each) through the cluster", flush=True)
    started_here = subprocess.run([SCRIPT, "status"], capture_output=True, env=cluster_env(), timeout=300).returncode != 0
    cluster("start")
    wait_whole()
    tag = REUSE or uuid.uuid4().hex[:8]
    catalogs = Catalogs(PORT, tag)
    sizes: list[dict] = []
    ids: list[str] = []
    began = time.monotonic()
    try:
        boot()
        if REUSE:
            ids = reuse(catalogs)
        for size in SIZES:
            if BUDGET and sizes and time.monotonic() - began > BUDGET:
                print(f"  {size} sources skipped: {BUDGET} s spent (HARVEST_SOURCES_BUDGET)", flush=True)
                break
            entry = {"sources": size, "measured_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                     "uptime_before": uptime()}
            schedulers("stop")
            new, seconds = register(catalogs, range(len(ids), size))
            ids += new
            entry.update(registered=len(new), registration_s=round(seconds, 1),
                         registration_per_s=round(len(new) / seconds, 1) if seconds else None)
            print(f"  registered {len(new)} sources in {seconds:.0f} s", flush=True)
            entry["first_run_of_new"] = fill(new) if new else None
            if new:
                print(f"  first run of {len(new)}: {entry['first_run_of_new']['seconds']} s", flush=True)
            else:
                schedulers("start")
            entry["runs"] = [measured_run(catalogs, ids, list(range(size)), consumers, rnd)
                             for rnd, consumers in enumerate((2, 1))]
            two, one = entry["runs"]
            entry["one_over_two_time"] = round(one["seconds"] / two["seconds"], 2)
            entry["uptime_after"] = uptime()
            sizes.append(entry)
    finally:
        if ids:  # their catalogs end with this process: never scheduled again
            sql("UPDATE harvest_source SET frequency = 'MANUAL' WHERE id = ANY(:ids)", ids=ids)
        catalogs.stop()
        if sizes:
            set_fetch_consumers(2)
        schedulers("start")
        if started_here and os.environ.get("HARVEST_SOURCES_KEEP_CLUSTER") != "1":
            cluster("stop")
    write(merged(sizes))


def merged(sizes: list[dict]) -> dict:
    """This run's sizes beside those measured earlier (one lock-holding run per size fits the
    machine's 25-minute rule; a size measured again replaces its old entry)."""
    path = os.path.join(RESULTS, "harvest_sources.json")
    try:
        with open(path) as f:
            earlier = json.load(f).get("sizes", [])
    except (OSError, ValueError):
        earlier = []
    keep = [e for e in earlier if e["sources"] not in {s["sources"] for s in sizes}]
    report = {"records_per_source": RECORDS, "changed_share": CHANGED, "harvest_every_s": EVERY,
              "cores": os.cpu_count(), "sizes": sorted(keep + sizes, key=lambda e: e["sources"])}
    for consumers in (1, 2):
        points = [(e["sources"], r["seconds"]) for e in report["sizes"] for r in e["runs"]
                  if r["fetch_consumers"] == consumers]
        report[f"extrapolated_8000_s_{consumers}_consumer"] = (
            None if any(n == 8000 for n, _ in points) else extrapolate(points, 8000))
    return report


def write(report: dict) -> None:
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, "harvest_sources.json"), "w") as f:
        json.dump(report, f, indent=2, default=str)
    lines = [f"Harvesting small agency sources through `make cluster` ({RECORDS} records per source, "
             f"{CHANGED:.0%} of sources changed per run, schedulers every {EVERY} s), {report['cores']} cores.",
             "",
             "| sources | fetch consumers | due to last job Finished | jobs created (s after due) | last gather | last import | updated | per node: gathers, scheduler's `harvester run`s (start, length) | peak RSS (MiB) | load before → after |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for e in report["sizes"]:
        for r in e["runs"]:
            p = r["phases_s"]
            spread = "; ".join(f"{k} {v['gathers']} gathers, runs " + (", ".join(
                f"{run['start'][11:19]} {run['seconds']} s" for run in v["harvester_runs"]) or "none")
                for k, v in r["spread"].items())
            rss = ", ".join(f"{k} {v['rss_mib']}" + (f" (child {v['largest_child_mib']})" if "largest_child_mib" in v else "")
                            for k, v in sorted(r["peak_rss_mib"].items()))
            lines.append(f"| {r['sources']} | {r['fetch_consumers']} | **{r['seconds']} s** ({r['sources_per_s']} sources/s) | "
                         f"{p['jobs_created_from']}–{p['jobs_created_until']} | {p['last_gather_finished']} | {p['last_import']} | "
                         f"{r['datasets_updated']} ({r['datasets_per_s']}/s) | {spread} | {rss} | "
                         f"{r['loadavg_before'][0]} → {r['loadavg_after'][0]} |")
    lines += ["", "| sources | registration (action layer, in process) | first run of the new sources (2 fetch consumers) | 1 consumer / 2 consumers (time) |",
              "| --- | --- | --- | --- |"]
    for e in report["sizes"]:
        f_ = e["first_run_of_new"]
        if not f_:
            lines.append(f"| {e['sources']} | registered and first run by an earlier run | | {e['one_over_two_time']}× |")
            continue
        lines.append(f"| {e['sources']} | {e['registered']} in {e['registration_s']} s ({e['registration_per_s']}/s) | "
                     f"{f_['sources']} sources, {f_['datasets_created']} datasets in {f_['seconds']} s ({f_['datasets_per_s']}/s) | "
                     f"{e['one_over_two_time']}× |")
    lines += ["", "| sources | measured | `uptime` before | `uptime` after |", "| --- | --- | --- | --- |"]
    lines += [f"| {e['sources']} | {e['measured_at']} | {e['uptime_before']} | {e['uptime_after']} |" for e in report["sizes"]]
    for consumers in (1, 2):
        value = report.get(f"extrapolated_8000_s_{consumers}_consumer")
        if value:
            lines.append(f"\n8,000 sources, {consumers} fetch consumer(s): **extrapolated** (linear from the sizes above) {value:.0f} s")
    with open(os.path.join(RESULTS, "harvest_sources.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    if sys.argv[1:] == ["--report"]:  # the tables again from the stored results
        with open(os.path.join(RESULTS, "harvest_sources.json")) as f:
            write(json.load(f))
    else:
        main()
