"""When the deployment's scheduler starts each periodic command: the rules without a clock, and
one run per task across the nodes of a cluster (over the real Redis)."""
from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
import uuid

from ckanext.opengov.ops import scheduler

NOW = dt.datetime(2026, 11, 29, 10, 0, 30)


def task(name):
    return next(t for t in scheduler.tasks(harvest_every=60, transparency_at=dt.time(2, 0)) if t.name == name)


def test_the_portal_schedules_harvest_runs_and_the_nightly_refresh():
    commands = {t.name: t.args for t in scheduler.tasks()}
    assert commands["harvest-run"] == ("harvester", "run")
    assert commands["transparency-refresh"] == ("opengov", "transparency", "refresh")
    assert all(t.timeout > 0 for t in scheduler.tasks())  # every command is bounded


def test_harvest_run_every_minute():
    run = task("harvest-run")
    assert scheduler.due(run, NOW, None)
    assert not scheduler.due(run, NOW, NOW - dt.timedelta(seconds=59))
    assert scheduler.due(run, NOW, NOW - dt.timedelta(seconds=60))


def test_nightly_refresh_once_a_night_and_caught_up_after_downtime():
    refresh = task("transparency-refresh")
    tonight = dt.datetime(2026, 11, 30, 2, 0)
    ran_last_night = dt.datetime(2026, 11, 29, 2, 0, 5)
    assert not scheduler.due(refresh, NOW, ran_last_night)
    assert not scheduler.due(refresh, tonight - dt.timedelta(seconds=1), ran_last_night)
    assert scheduler.due(refresh, tonight, ran_last_night)
    # The scheduler was down (or killed mid-refresh) over last night's slot: it runs once on return.
    assert scheduler.due(refresh, NOW, dt.datetime(2026, 11, 28, 2, 0, 5))


def test_a_new_deployment_waits_for_the_first_night(tmp_path):
    state = scheduler.State(str(tmp_path))
    refresh = task("transparency-refresh")
    state.first_seen(refresh, scheduler._last_slot(refresh, NOW))
    assert not scheduler.due(refresh, NOW, state.last(refresh.name))
    assert scheduler.due(refresh, dt.datetime(2026, 11, 30, 2, 0), scheduler.State(str(tmp_path)).last(refresh.name))


def _shared_state(site_id: str):
    """A scheduler's record in the real Redis the tests use (test.ini / CKAN_REDIS_URL)."""
    import ckan.plugins.toolkit as tk

    state = scheduler.SharedState(tk.config.get("ckan.redis.url"), site_id)
    state.redis.delete(state.key + ":last", *state.redis.keys(state.key + ":running:*"))
    return state


def test_one_node_runs_a_task_the_other_nodes_skip_it():
    """Every node of a cluster runs the same scheduler over the site's Redis: a due task starts
    on one node only, and counts as done for all of them."""
    harvest = task("harvest-run")
    node_a, node_b = _shared_state("sched-test"), _shared_state("sched-test")
    started = []

    def start_on_a(task):
        # While node a runs it, node b finds it due (nothing recorded yet) but claimed.
        scheduler.run_due([harvest], node_b, "node-b", lambda t: started.append(("b", t.name)))
        started.append(("a", task.name))

    scheduler.run_due([harvest], node_a, "node-a", start_on_a)
    scheduler.run_due([harvest], node_b, "node-b", lambda t: started.append(("b", t.name)))
    assert started == [("a", "harvest-run")]
    assert node_b.last("harvest-run") is not None


def test_a_claim_is_held_while_its_task_runs_and_lapses_when_its_holder_is_lost():
    """A claim is a short lease its scheduler renews while the command runs: a long task keeps it
    past the lease; a node killed mid-task frees it within one lease, not the task's time limit."""
    harvest = task("harvest-run")
    node_a, node_b = _shared_state("sched-test-lease"), _shared_state("sched-test-lease")
    node_a.lease = node_b.lease = 1
    taken_while_running = []

    def long_task(_task):
        deadline = time.monotonic() + 2.5  # longer than two leases
        while time.monotonic() < deadline:
            taken_while_running.append(node_b.claim(harvest, "node-b"))
            time.sleep(0.25)

    scheduler.run_due([harvest], node_a, "node-a", long_task)
    assert taken_while_running and not any(taken_while_running)
    assert node_b.claim(harvest, "node-b")  # released when the task ended
    node_b.release(harvest, "node-a")  # not the holder: the claim stays
    assert not node_a.claim(harvest, "node-a")

    # node-b is lost without releasing: the claim lapses after its lease.
    assert 0 < node_b.redis.ttl(f"{node_b.key}:running:{harvest.name}") <= 1
    time.sleep(1.5)
    assert node_a.claim(harvest, "node-a")


def test_a_scheduler_killed_mid_task_does_not_block_the_task_for_the_next_one(tmp_path):
    """The real scheduler process, killed (SIGKILL, as a crash or the supervisor test does) while
    its `harvester run` stand-in runs: the scheduler supervisor starts next runs it again within a
    lease, not after the task's ten-minute limit."""
    import ckan.plugins.toolkit as tk

    site = "sched-test-kill-" + uuid.uuid4().hex[:8]
    ini = tmp_path / "site.ini"
    ini.write_text(f"[app:main]\nckan.site_id = {site}\nckan.redis.url = {tk.config.get('ckan.redis.url')}\n")
    starts = tmp_path / "starts"
    fake_ckan = tmp_path / "ckan"  # records each start, then runs long
    fake_ckan.write_text(f"#!/bin/sh\necho \"$*\" >> {starts}\nexec sleep 60\n")
    fake_ckan.chmod(0o755)

    def scheduler_process():
        return subprocess.Popen(
            [sys.executable, "-m", "ckanext.opengov.ops.scheduler", "--ini", str(ini),
             "--state-dir", str(tmp_path / "state"), "--ckan", str(fake_ckan), "--harvest-every", "1",
             "--lease", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)

    def harvest_starts():
        return starts.read_text().count("harvester run") if starts.exists() else 0

    def wait(condition, seconds):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not condition():
            time.sleep(0.2)
        return condition()

    first = scheduler_process()
    second = None
    try:
        assert wait(lambda: harvest_starts() == 1, 30), "the scheduler never started `harvester run`"
        os.killpg(first.pid, signal.SIGKILL)  # the scheduler and its command, mid-task
        first.wait(10)
        second = scheduler_process()
        assert wait(lambda: harvest_starts() == 2, 15), "the task stayed claimed by the killed scheduler"
    finally:
        for process in (first, second):
            if process and process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(10)


def test_the_scheduler_reads_the_sites_redis_from_its_ini(tmp_path):
    ini = tmp_path / "site.ini"
    ini.write_text("[app:main]\nckan.site_id = portal-x\nckan.redis.url = redis://127.0.0.1:6380/7\n"
                   "sqlalchemy.url = postgresql://%(here)s/x\n")
    assert scheduler.site_redis(str(ini)) == ("redis://127.0.0.1:6380/7", "portal-x")
    (tmp_path / "bare.ini").write_text("[app:main]\n")
    assert scheduler.site_redis(str(tmp_path / "bare.ini")) == (None, "default")


def test_harvest_run_starts_ckan_only_when_ckanext_harvest_has_something_to_do(clean_db, tmp_path):
    """`harvester run` starts CKAN (seconds of CPU) to close jobs and start scheduled sources;
    on an idle portal the scheduler asks the database first and skips it."""
    import ckan.plugins.toolkit as tk
    from ckan.tests import factories
    from ckanext.harvest.model import HarvestJob, HarvestSource
    from tests.harvest.helpers import create_source

    database = tk.config.get("sqlalchemy.url")
    harvest = task("harvest-run")

    def runs() -> list[str]:
        started, state = [], scheduler.State(str(tmp_path / uuid.uuid4().hex))
        scheduler.run_due([harvest], state, "node", lambda t: started.append(t.name),
                          lambda t: scheduler.has_work(database, t))
        assert state.last("harvest-run")  # asked again only when next due, run or not
        return started

    assert runs() == []  # no source, no job
    source = create_source("http://127.0.0.1:9/", factories.Organization()["id"])  # MANUAL
    assert runs() == []
    job = tk.get_action("harvest_job_create")({"ignore_auth": True, "user": tk.get_action(
        "get_site_user")({"ignore_auth": True}, {})["name"]}, {"source_id": source["id"], "run": False})
    assert runs() == ["harvest-run"]  # a job to start or close
    job_row = HarvestJob.get(job["id"])
    job_row.status = "Finished"
    job_row.save()
    assert runs() == []
    source_row = HarvestSource.get(source["id"])
    source_row.frequency, source_row.next_run = "DAILY", None
    source_row.save()
    assert runs() == ["harvest-run"]  # a scheduled source never run
    source_row.active = False
    source_row.save()
    assert runs() == []
    # The question cannot be asked (nothing listens there): the command runs and reports.
    assert scheduler.has_work("postgresql://ckan:ckan@127.0.0.1:9/none", harvest)
    assert scheduler.has_work(database, task("transparency-refresh"))  # no question: runs
