"""kill -9 of the process running a harvest: the next run finishes the work, without duplicates."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid

import ckan.model as model
import ckan.plugins.toolkit as tk
import pytest
from ckanext.harvest import queue
from ckanext.harvest.model import HarvestJob
from ckanext.harvest.tests.lib import run_harvest_job

from tests import factories
from tests.conftest import ROOT
from tests.harvest.fake_ckan import FakeCkan, ckan_record
from tests.harvest.helpers import create_source, job_report, sysadmin_context
from tests.harvest.records import agency_record

pytestmark = [pytest.mark.usefixtures("clean_db", "clean_index"),
              pytest.mark.ckan_config("ckanext.opengov.harvest.stale_job_minutes", "0")]

TOTAL = 40


def dataset_count() -> int:
    model.Session.commit()  # see what the other process committed
    return model.Session.query(model.Package).filter_by(type="dataset", state="active").count()


def test_a_job_killed_mid_import_is_finished_by_the_next_run(fault_server, pytestconfig):
    records = [ckan_record(agency_record("org", id=str(uuid.uuid4()))) for _ in range(TOTAL)]
    FakeCkan(fault_server, {r["id"]: r for r in records})
    agency = tk.get_action("organization_create")(sysadmin_context(), factories.agency())
    source = create_source(fault_server.base, agency["id"])

    ini = pytestconfig.getoption("ckan_ini") or os.path.join(ROOT, "test.ini")
    worker = subprocess.Popen(
        [os.path.join(os.path.dirname(sys.executable), "ckan"), "-c", ini, "harvester", "run-test", source["name"]],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while dataset_count() < 5 and time.monotonic() < deadline and worker.poll() is None:
            time.sleep(0.05)
        assert worker.poll() is None, "the worker finished before it could be killed"
        os.kill(worker.pid, signal.SIGKILL)
    finally:
        worker.wait(timeout=30)
        queue.purge_queues()
    imported_before = dataset_count()
    assert 5 <= imported_before < TOTAL

    job = tk.get_action("opengov_harvest_job_start")(sysadmin_context(), {"source_id": source["id"], "run": False})
    (killed_job_id,) = job["interrupted_jobs_closed"]
    run_harvest_job(HarvestJob.get(job["id"]), queue.get_harvester("opengov_ckan"))

    killed = job_report(killed_job_id)
    assert killed["job"]["status"] == "Finished" and "stopped without finishing" in killed["gather_errors"][0]
    report = job_report(job["id"])
    assert report["gather_errors"] == [] and report["object_errors"] == {}
    assert report["stats"]["added"] == TOTAL - imported_before
    ids = [p.id for p in model.Session.query(model.Package).filter_by(type="dataset")]
    assert sorted(ids) == sorted(r["id"] for r in records)
