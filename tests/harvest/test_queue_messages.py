"""Through ckanext-harvest's fetch queue callback (as the fetch consumer runs it): no harvest
object ends as an error without a message, and no message is processed twice."""
from __future__ import annotations

import uuid

import ckan.model as model
import ckan.plugins.toolkit as tk
import pytest
from ckanext.harvest import queue
from ckanext.harvest.model import HarvestJob, HarvestObject

from tests import factories
from tests.harvest.fake_ckan import FakeCkan, ckan_record
from tests.harvest.helpers import create_source, drain_queues, job_report, sysadmin_context
from tests.harvest.records import agency_record

pytestmark = [pytest.mark.usefixtures("clean_db", "clean_index")]


@pytest.fixture
def gathered_job(fault_server):
    """A job whose gather stored three objects and sent them to the fetch queue."""
    queue.purge_queues()
    records = [ckan_record(agency_record("org", id=str(uuid.uuid4()))) for _ in range(3)]
    FakeCkan(fault_server, {r["id"]: r for r in records})
    agency = tk.get_action("organization_create")(sysadmin_context(), factories.agency())
    source = create_source(fault_server.base, agency["id"])
    job = HarvestJob.get(tk.get_action("harvest_job_create")(
        sysadmin_context(), {"source_id": source["id"], "run": False})["id"])
    job.status = "Running"
    job.save()
    ids = queue.gather_stage(queue.get_harvester("opengov_ckan"), job)
    publisher = queue.get_fetch_publisher()
    for object_id in ids:
        publisher.send({"harvest_object_id": object_id})
    yield job.id, ids
    queue.purge_queues()


def test_objects_of_a_job_closed_meanwhile_are_reported_with_a_reason(gathered_job):
    job_id, ids = gathered_job
    job = HarvestJob.get(job_id)
    job.status = "Finished"  # as harvest_jobs_run does when ckan.harvest.timeout is reached
    job.save()

    drain_queues()

    report = job_report(job_id)
    assert report["stats"].get("errored") == 3
    assert len(report["object_errors"]) == 3
    for obj in report["object_errors"].values():
        (error,) = obj["errors"]
        assert "the harvest job was closed" in error["message"]


def test_a_message_delivered_twice_is_processed_once(gathered_job):
    job_id, ids = gathered_job
    publisher = queue.get_fetch_publisher()
    for object_id in ids:  # what resubmit_objects adds for objects in flight
        publisher.send({"harvest_object_id": object_id})

    drain_queues()

    report = job_report(job_id)
    assert report["stats"].get("added") == 3 and report["stats"].get("errored") == 0, report
    model.Session.expire_all()
    tries = [o.retry_times for o in model.Session.query(HarvestObject).filter_by(harvest_job_id=job_id)]
    assert tries == [1, 1, 1]
