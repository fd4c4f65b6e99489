"""The harvest as it runs on the portal: `ckan harvester gather-consumer` and `fetch-consumer`
as real processes on the real Redis queues, the scheduler's `harvest_jobs_run` in between."""
from __future__ import annotations

import os
import time
import uuid

import ckan.model as model
import ckan.plugins.toolkit as tk
import pytest
from ckanext.harvest import queue
from ckanext.activity.model import Activity
from ckanext.harvest.model import HarvestObject

from tests import factories
from tests.conftest import ROOT
from tests.harvest.consumers import Consumers, fresh, job_row, wait_for_job, write_ini
from tests.harvest.fake_ckan import FakeCkan, ckan_record
from tests.harvest.fault_server import FaultServer, slow
from tests.harvest.helpers import create_source, job_report, object_error_messages, run_job, sysadmin_context
from tests.harvest.records import agency_record

pytestmark = [pytest.mark.usefixtures("clean_db", "clean_index")]

THAI = set("กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอะาิีึืุู่้๊๋ั็์")


def has_thai(text: str) -> bool:
    return bool(THAI & set(text))


@pytest.fixture
def base_ini(pytestconfig):
    return pytestconfig.getoption("ckan_ini") or os.path.join(ROOT, "test.ini")


@pytest.fixture
def consumers(tmp_path):
    queue.purge_queues()
    started = []

    def start(ini, *kinds):
        group = Consumers(ini, str(tmp_path))
        started.append(group)
        for kind in kinds:
            group.start(kind)
        wait_until_consuming(group)
        return group
    yield start
    for group in started:
        group.stop()
    queue.purge_queues()


def wait_until_consuming(group: Consumers, timeout: float = 60) -> None:
    """Each consumer has taken a message from its queue: it is up and listening."""
    connection = queue.get_connection()
    keys = {"gather": queue.get_gather_routing_key(), "fetch": queue.get_fetch_routing_key()}
    for kind in group.processes:
        body = '{"harvest_job_id": "probe"}' if kind == "gather" else '{"harvest_object_id": "probe"}'
        connection.rpush(keys[kind], body)
    deadline = time.monotonic() + timeout
    while any(connection.llen(keys[kind]) for kind in group.processes):
        group.assert_alive()
        assert time.monotonic() < deadline, "the consumers did not start listening"
        time.sleep(0.2)


def new_agency():
    return tk.get_action("organization_create")(sysadmin_context(), factories.agency())


def start_job(source_id: str) -> str:
    """As the agency page does: a job, sent at once to the gather queue."""
    return tk.get_action("harvest_job_create")(sysadmin_context(), {"source_id": source_id, "run": True})["id"]


def test_consumers_left_idle_past_the_redis_timeout_still_harvest(fault_server, consumers, base_ini):
    records = [ckan_record(agency_record("org", id=str(uuid.uuid4()))) for _ in range(4)]
    refused = ckan_record(agency_record("org", id=str(uuid.uuid4()), maintainer_email="not an address"))
    FakeCkan(fault_server, {r["id"]: r for r in records + [refused]})
    source = create_source(fault_server.base, new_agency()["id"])
    group = consumers(base_ini, "gather", "fetch")

    time.sleep(8)  # redis-py's socket timeout is 5 s: an unpatched consumer is dead by now
    group.assert_alive()
    job = wait_for_job(start_job(source["id"]), timeout=90, consumers=group)

    report = job_report(job.id)
    assert report["stats"].get("added") == 4 and report["stats"].get("errored") == 1, report
    (message,) = object_error_messages(report)
    # Written by the fetch consumer, with no request: still in Thai and English.
    thai, english = message.split(f" / Record {refused['id']}", 1)
    assert has_thai(thai) and refused["id"] in thai and "was refused" in english
    group.assert_alive()


def test_one_slow_source_does_not_hold_back_another_agencys_job(fault_server, consumers, base_ini, tmp_path):
    fault_server.route("/api/3/action/package_search", slow(30))
    slow_source = create_source(fault_server.base, new_agency()["id"])
    fast_server = FaultServer("127.0.0.1").start()
    try:
        records = [ckan_record(agency_record("org", id=str(uuid.uuid4()))) for _ in range(3)]
        FakeCkan(fast_server, {r["id"]: r for r in records})
        fast_source = create_source(fast_server.base, new_agency()["id"])
        # A source that answers nothing for 20 s per request, retried: alone it would hold a
        # single gather consumer for over a minute.
        ini = write_ini(str(tmp_path), base_ini, **{
            "ckanext.opengov.harvest.read_timeout": "20", "ckanext.opengov.harvest.total_timeout": "60",
            "ckanext.opengov.harvest.gather_timeout": "6"})
        group = consumers(ini, "gather", "fetch")

        slow_job = start_job(slow_source["id"])
        queued = time.monotonic()
        fast_job = wait_for_job(start_job(fast_source["id"]), timeout=60, consumers=group)
        fast_took = time.monotonic() - queued

        assert job_report(fast_job.id)["stats"].get("added") == 3
        assert fast_took < 6, f"the other agency's job waited {fast_took:.1f} s"
        assert job_row(slow_job).gather_finished is None  # still waiting for its source

        stopped = wait_for_job(slow_job, timeout=30, consumers=group)
        took = (stopped.gather_finished - stopped.gather_started).total_seconds()
        assert took < 12
        (error,) = job_report(stopped.id)["gather_errors"]
        assert has_thai(error) and "took longer than 6 seconds" in error
        group.assert_alive()
    finally:
        fast_server.stop()


def test_objects_resubmitted_while_in_flight_are_imported_once(fault_server, consumers, base_ini, tmp_path):
    """ckanext-harvest's resubmit_objects (in harvest_jobs_run, every minute) queues again the
    objects a gather has stored but not yet sent: each then arrives twice."""
    records = {}
    for _ in range(6):
        record = ckan_record(agency_record("org", id=str(uuid.uuid4())))
        records[record["id"]] = record
    source_api = FakeCkan(fault_server, records)
    source = create_source(fault_server.base, new_agency()["id"])
    assert run_job(source["id"])["stats"].get("added") == 6
    *changed, gone = sorted(records)
    for record_id in changed:
        records[record_id].update(title="ชื่อใหม่", metadata_modified="2026-02-01T00:00:00")
    records[gone]["private"] = True

    def slow_show(h):  # the gather confirms the withdrawal; meanwhile the changes wait, unsent
        time.sleep(3)
        FakeCkan._show(source_api, h)
    fault_server.route("/api/3/action/package_show", slow_show)
    ini = write_ini(str(tmp_path), base_ini, **{"ckanext.opengov.harvest.read_timeout": "10"})
    group = consumers(ini, "gather", "fetch")

    job_id = start_job(source["id"])
    deadline = time.monotonic() + 60
    while fresh() or model.Session.query(HarvestObject).filter_by(harvest_job_id=job_id).count() < 5:
        assert time.monotonic() < deadline
        time.sleep(0.1)
    tk.get_action("harvest_jobs_run")({"ignore_auth": True}, {})  # the scheduler's minute
    job = wait_for_job(job_id, timeout=120, consumers=group)

    connection = queue.get_connection()
    drained = time.monotonic() + 30
    while connection.llen(queue.get_fetch_routing_key()) and time.monotonic() < drained:
        time.sleep(0.2)  # copies that arrive after the job closed
    time.sleep(1)
    fresh()
    report = job_report(job.id)
    assert report["stats"] == {"added": 0, "updated": 5, "not modified": 0, "errored": 0, "deleted": 1}, report
    for record_id in changed:  # one change, one activity: not imported twice
        kinds = [a.activity_type for a in model.Session.query(Activity).filter_by(object_id=record_id)]
        assert sorted(kinds) == ["changed package", "new package"], kinds
    group.assert_alive()
