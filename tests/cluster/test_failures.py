"""The portal on several machines (dev/cluster.sh, `make test-cluster`) under the failures an
operator meets: a Solr node lost, a web node lost, a fetch consumer killed in the middle of a
harvest, Redis restarted during one.

Everything goes through the cluster's load balancer over HTTP, as visitors and agencies do; the
processes are the cluster's own (killed with SIGKILL, restarted by their supervisor or the
script). Real processes, 127.0.0.1 only; every wait and every loop is bounded.
"""
from __future__ import annotations

import os
import re
import signal
import subprocess
import time
import uuid

import pytest
import requests

from tests import factories
from tests.dev.test_deployment import _children, wait_for
from tests.harvest.fake_ckan import FakeCkan, ckan_record
from tests.harvest.fault_server import FaultServer
from tests.harvest.records import agency_record

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCRIPT = os.path.join(ROOT, "dev", "cluster.sh")
CLUSTER_DIR = os.path.join(ROOT, ".dev", "cluster")
HARVEST_RECORDS = int(os.environ.get("OPENGOV_CLUSTER_HARVEST_RECORDS", "2000"))


class Cluster:
    def __init__(self, url: str, solr: str, token: str):
        self.url, self.solr, self.token = url, solr, token

    def ctl(self, *args: str, node: int | None = None) -> str:
        """supervisorctl of the engines, or of portal node ``node``."""
        folder = CLUSTER_DIR if node is None else os.path.join(CLUSTER_DIR, f"node-{node}")
        return subprocess.run(["supervisorctl", "-c", os.path.join(folder, "supervisord.conf"), *args],
                              capture_output=True, text=True, timeout=120).stdout

    def pid(self, program: str, node: int | None = None) -> int:
        found = re.search(r"pid (\d+)", self.ctl("status", program, node=node))
        assert found, f"{program} is not running"
        return int(found.group(1))

    def action(self, action_name: str, **data) -> dict:
        response = requests.post(f"{self.url}/api/3/action/{action_name}", json=data,
                                 headers={"Authorization": self.token}, timeout=120)
        assert response.status_code == 200, response.text[:2000]
        return response.json()["result"]

    def count(self, owner_org: str, q: str = "*:*") -> int:
        return self.action("package_search", q=q, fq=f"owner_org:{owner_org}", rows=0,
                           include_private=True)["count"]

    def solr_state(self) -> tuple[int, bool]:
        """Live nodes, and whether every replica of the collection is active."""
        status = requests.get(f"{self.solr}/admin/collections",
                              params={"action": "CLUSTERSTATUS", "wt": "json"}, timeout=30).json()["cluster"]
        replicas = [r for shard in status["collections"]["ckan"]["shards"].values()
                    for r in shard["replicas"].values()]
        return len(status["live_nodes"]), all(r["state"] == "active" for r in replicas)

    def whole(self) -> bool:
        try:
            live, active = self.solr_state()
        except (requests.RequestException, KeyError, ValueError):
            return False
        return live == 2 and active


def _script(*args: str, timeout: int = 900) -> subprocess.CompletedProcess:
    env = dict(os.environ, OPENGOV_HARVEST_ALLOWED_HOSTS="127.0.0.1", OPENGOV_CLUSTER_HARVEST_EVERY="10")
    for name in ("CKAN_SQLALCHEMY_URL", "CKAN_SOLR_URL", "CKAN_REDIS_URL", "CKAN_INI"):
        env.pop(name, None)
    return subprocess.run([SCRIPT, *args], capture_output=True, text=True, timeout=timeout, env=env)


@pytest.fixture(scope="module")
def cluster():
    # Started (or brought back to its full shape) by the same script operators use; the
    # harvest allow-list lets the loopback agency catalog below be harvested.
    started = _script("start")
    assert started.returncode == 0, started.stdout[-2000:] + started.stderr[-3000:]
    token = _script("token", timeout=180)
    assert token.returncode == 0, token.stderr[-2000:]
    found = Cluster(os.environ.get("OPENGOV_CLUSTER_URL", "http://127.0.0.1:5020"),
                    os.environ.get("OPENGOV_CLUSTER_SOLR_URL", "http://127.0.0.1:8990/solr"),
                    token.stdout.strip())
    wait_for(found.whole, 300, "every Solr replica active")
    return found


@pytest.fixture
def agency(cluster):
    return cluster.action("organization_create", **factories.agency())


def _dataset(cluster, agency, title="สถิติผู้ป่วยโรคไข้เลือดออกรายจังหวัด") -> dict:
    return cluster.action("package_create", **factories.tgdc_dataset(agency["id"], title=title))


# Search -----------------------------------------------------------------------------------------

def test_search_and_indexing_go_on_with_a_solr_node_down_and_it_rejoins_by_itself(cluster, agency):
    before = _dataset(cluster, agency)
    cluster.ctl("stop", "solr-1")
    try:
        assert cluster.solr_state()[0] == 1
        # The balancer's address still searches every shard (the other node holds a replica of
        # each) and still indexes.
        during = _dataset(cluster, agency, title="ปริมาณฝุ่น PM2.5 รายวัน")
        for _ in range(10):
            assert cluster.count(agency["id"]) == 2
        assert cluster.count(agency["id"], q=f"name:{during['name']}") == 1
    finally:
        cluster.ctl("start", "solr-1")
    # Back with no manual step: it joins, recovers its replicas from the leaders...
    wait_for(cluster.whole, 300, "the node rejoins and its replicas are active again")
    # ...and holds what was indexed while it was down: with the other node down, it answers alone.
    cluster.ctl("stop", "solr-2")
    try:
        assert cluster.count(agency["id"]) == 2
        assert cluster.count(agency["id"], q=f"name:{before['name']}") == 1
    finally:
        cluster.ctl("start", "solr-2")
    wait_for(cluster.whole, 300, "the second node rejoins")


def test_a_solr_node_killed_outright_is_restarted_and_searches_never_stop(cluster, agency):
    dataset = _dataset(cluster, agency)
    os.kill(cluster.pid("solr-2"), signal.SIGKILL)
    deadline = time.monotonic() + 20
    answered = 0
    while time.monotonic() < deadline:
        assert cluster.count(agency["id"], q=f"name:{dataset['name']}") == 1
        answered += 1
    assert answered >= 5
    wait_for(cluster.whole, 300, "supervisor restarts the killed node and it rejoins")


# Web --------------------------------------------------------------------------------------------

def test_a_web_node_lost_whole_does_not_interrupt_the_portal(cluster, agency):
    dataset = _dataset(cluster, agency)
    # The whole machine goes: its supervisor first (so nothing restarts), then every process.
    node_dir = os.path.join(CLUSTER_DIR, "node-2")
    pids = [int(p) for p in re.findall(r"pid (\d+)", cluster.ctl("status", node=2))]
    supervisord = int(open(os.path.join(node_dir, "supervisord.pid")).read())
    os.kill(supervisord, signal.SIGKILL)
    for pid in {p for top in pids for p in _tree(top)}:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    try:
        for i in range(30):
            page = requests.get(f"{cluster.url}/dataset/{dataset['name']}", params={"n": i}, timeout=60)
            assert page.status_code == 200 and dataset["title"] in page.text
            assert requests.get(f"{cluster.url}/api/3/action/status_show", timeout=60).status_code == 200
    finally:
        restarted = _script("node-start", "2", timeout=600)
    assert restarted.returncode == 0, restarted.stdout[-1500:] + restarted.stderr[-2000:]


def _tree(pid: int) -> set[int]:
    """A process and all its descendants (nginx's workers are the wrapper's grandchildren)."""
    found, todo = {pid}, [pid]
    while todo:
        for child in _children(todo.pop()) - found:
            found.add(child)
            todo.append(child)
    return found


# Harvest ----------------------------------------------------------------------------------------

@pytest.fixture
def agency_catalog():
    server = FaultServer("127.0.0.1").start()
    yield server
    server.stop()


def _source(cluster, agency, catalog, total: int) -> tuple[dict, FakeCkan]:
    # Each source its own records: a record another source owns is refused, rightly.
    batch = uuid.uuid4().hex[:8]

    def record(record_id: str, i: int) -> dict:
        return ckan_record(agency_record("source-org", id=record_id, name=f"record-{batch}-{i:05d}",
                                         title=f"สถิติทดสอบชุดที่ {i}"))
    fake = FakeCkan(catalog, generate=record, total=total, id_prefix=f"{batch}-0000-4000-8000-")
    fake.names = lambda count: {f"record-{batch}-{i:05d}" for i in range(count)}
    source = cluster.action("opengov_harvest_source_create", owner_org=agency["id"],
                            title="บัญชีข้อมูลหน่วยงาน", url=catalog.base, source_type="opengov_ckan",
                            frequency="MANUAL")
    return source, fake


def _finished_job(cluster, source, job_id: str, seconds: int) -> dict:
    def finished():
        job = cluster.action("harvest_job_show", id=job_id)
        return job if job["status"] == "Finished" else None
    return wait_for(finished, seconds, f"job {job_id} finishes")


def _names(cluster, owner_org: str) -> list[str]:
    names, start = [], 0
    while True:
        page = cluster.action("package_search", fq=f"owner_org:{owner_org}", rows=1000, start=start,
                              fl="name", include_private=True)
        names += [d["name"] for d in page["results"]]
        start += 1000
        if start >= page["count"]:
            return names


def test_a_fetch_consumer_killed_mid_harvest_costs_no_record_and_makes_no_duplicate(
        cluster, agency, agency_catalog):
    source, fake = _source(cluster, agency, agency_catalog, HARVEST_RECORDS)
    job = cluster.action("opengov_harvest_job_start", source_id=source["id"])
    wait_for(lambda: cluster.count(agency["id"]) >= min(100, HARVEST_RECORDS // 4), 600,
             "the harvest is under way on both nodes")
    os.kill(cluster.pid("fetch-consumer:fetch-consumer-0", node=1), signal.SIGKILL)

    done = _finished_job(cluster, source, job["id"], 1500)
    assert done["stats"].get("added", 0) == HARVEST_RECORDS, done["stats"]
    assert not done["stats"].get("errored"), done["stats"]
    names = _names(cluster, agency["id"])
    # Every record once, under its own name (a duplicate would be a second, renamed dataset).
    assert len(names) == HARVEST_RECORDS and set(names) == fake.names(HARVEST_RECORDS)

    # The next run withdraws what the agency withdrew: nothing lost on the way back either.
    withdrawn = 50
    fake.total = HARVEST_RECORDS - withdrawn
    again = cluster.action("opengov_harvest_job_start", source_id=source["id"])
    done = _finished_job(cluster, source, again["id"], 900)
    assert done["stats"].get("deleted", 0) == withdrawn, done["stats"]
    assert cluster.count(agency["id"]) == HARVEST_RECORDS - withdrawn


def test_redis_restarted_during_a_harvest_the_job_finishes_without_duplicates(
        cluster, agency, agency_catalog):
    total = 300
    source, fake = _source(cluster, agency, agency_catalog, total)
    job = cluster.action("opengov_harvest_job_start", source_id=source["id"])
    wait_for(lambda: cluster.count(agency["id"]) >= 20, 600, "the harvest is under way")
    cluster.ctl("restart", "redis")  # append-only: the queues survive, the connections do not

    done = _finished_job(cluster, source, job["id"], 1200)
    names = _names(cluster, agency["id"])
    assert len(names) == total and set(names) == fake.names(total), done["stats"]
    assert not done["stats"].get("errored"), done["stats"]
