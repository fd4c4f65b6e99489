"""The scheduler's `harvester run` (harvest_jobs_run) starts one job for every due source, in one
go, with ckanext-harvest's rules: nothing for a source that is not due, inactive, MANUAL, of a
type the portal does not run, or already harvesting; every due source's next run moves on."""
from __future__ import annotations

import datetime as dt
import json

import ckan.model as model
import ckan.plugins.toolkit as tk
import pytest
from ckanext.harvest import queue
from ckanext.harvest.model import HarvestJob, HarvestSource

from tests import factories
from tests.harvest.helpers import create_source, sysadmin_context

pytestmark = [pytest.mark.usefixtures("clean_db", "clean_index")]


def gather_queue_job_ids() -> list[str]:
    consumer = queue.get_gather_consumer()
    ids = []
    for _ in range(1000):
        _, _, body = consumer.basic_get("queue")
        if body is None:
            return ids
        ids.append(json.loads(body)["harvest_job_id"])
    raise AssertionError("the gather queue did not empty")


def jobs_of(source_id: str) -> list[HarvestJob]:
    model.Session.expire_all()
    return model.Session.query(HarvestJob).filter_by(source_id=source_id).all()


def test_every_due_source_gets_one_job_on_the_gather_queue_and_the_rest_none(fault_server):
    queue.purge_queues()
    agency = tk.get_action("organization_create")(sysadmin_context(), factories.agency())
    sources = {name: create_source(f"{fault_server.base}/{name}", agency["id"]) for name in (
        "due-1", "due-2", "due-3", "due-weekly", "always", "later", "manual", "inactive", "busy", "stock-type")}
    now = dt.datetime.utcnow()
    for name, source in sources.items():
        row = HarvestSource.get(source["id"])
        row.frequency = {"manual": "MANUAL", "due-weekly": "WEEKLY", "always": "ALWAYS"}.get(name, "DAILY")
        row.next_run = {"later": now + dt.timedelta(hours=1), "due-2": now - dt.timedelta(days=3)}.get(name)
        row.active = name != "inactive"
        if name == "stock-type":
            row.type = "ckan"  # ckanext-harvest's unguarded harvester
    busy_job = HarvestJob(source_id=sources["busy"]["id"], status="Running")
    model.Session.add(busy_job)
    model.Session.commit()
    queue.purge_queues()

    tk.get_action("harvest_jobs_run")({"ignore_auth": True}, {})

    due = ("due-1", "due-2", "due-3", "due-weekly", "always")
    queued = gather_queue_job_ids()
    started = {name: jobs_of(s["id"]) for name, s in sources.items()}
    for name in due:
        (job,) = started[name]
        assert job.status == "Running" and job.id in queued
    assert sorted(queued) == sorted(started[name][0].id for name in due)
    for name in ("later", "manual", "inactive", "stock-type"):
        assert started[name] == []
    assert [j.id for j in started["busy"]] == [busy_job.id]
    model.Session.expire_all()
    next_runs = {name: HarvestSource.get(s["id"]).next_run for name, s in sources.items()}
    for name in due[:3] + ("busy", "stock-type"):
        assert dt.timedelta(hours=23) < next_runs[name] - now < dt.timedelta(hours=25)
    assert dt.timedelta(days=6) < next_runs["due-weekly"] - now < dt.timedelta(days=8)
    assert dt.timedelta(seconds=30) < next_runs["always"] - now < dt.timedelta(minutes=3)  # next run, not this one
    assert next_runs["later"] < now + dt.timedelta(hours=2) and next_runs["manual"] is None

    # The next run, a minute later: nothing is due, nothing is started twice.
    tk.get_action("harvest_jobs_run")({"ignore_auth": True}, {})
    assert gather_queue_job_ids() == []
    assert all(len(jobs_of(sources[name]["id"])) == 1 for name in due)


def test_finished_jobs_are_closed_once_at_their_last_object_and_the_rest_stay_running(fault_server):
    from ckanext.harvest.model import HarvestObject

    from ckanext.opengov.harvest.scheduling import close_finished_jobs

    agency = tk.get_action("organization_create")(sysadmin_context(), factories.agency())
    names = ("done", "done-no-objects", "importing", "gathering")
    sources = {name: create_source(f"{fault_server.base}/{name}", agency["id"]) for name in names}
    gathered = dt.datetime(2026, 11, 1, 2, 0)
    jobs = {}
    for name, source in sources.items():
        job = HarvestJob(source_id=source["id"], status="Running",
                         gather_finished=None if name == "gathering" else gathered)
        model.Session.add(job)
        jobs[name] = job
    model.Session.flush()
    objects = {"done": [("COMPLETE", 5), ("ERROR", 9), ("COMPLETE", None)],
               "importing": [("COMPLETE", 5), ("WAITING", None)],
               "gathering": [("COMPLETE", 5)]}
    for name, states in objects.items():
        for state, minute in states:
            model.Session.add(HarvestObject(
                job=jobs[name], source=HarvestSource.get(sources[name]["id"]), guid=f"{name}-{minute}", state=state,
                import_finished=gathered + dt.timedelta(minutes=minute) if minute is not None else None))
    model.Session.commit()
    job_ids = {name: job.id for name, job in jobs.items()}

    tk.get_action("harvest_jobs_run")({"ignore_auth": True}, {})

    model.Session.expire_all()
    shown = {name: model.Session.get(HarvestJob, job_id) for name, job_id in job_ids.items()}
    assert {name for name, job in shown.items() if job.status == "Finished"} == {"done", "done-no-objects"}
    assert shown["done"].finished == gathered + dt.timedelta(minutes=9)  # the last object's end
    assert shown["done-no-objects"].finished == gathered
    assert shown["importing"].finished is None and shown["gathering"].finished is None
    # A second scheduler's pass closes nothing again.
    assert close_finished_jobs(model.Session) == []


@pytest.mark.ckan_config("ckan.harvest.timeout", "60")
def test_a_job_past_the_sites_time_limit_is_still_closed_with_its_reason(fault_server):
    from ckanext.harvest.model import HarvestGatherError

    agency = tk.get_action("organization_create")(sysadmin_context(), factories.agency())
    source = create_source(f"{fault_server.base}/slow", agency["id"])
    stuck = HarvestJob(source_id=source["id"], status="Running", created=dt.datetime.utcnow() - dt.timedelta(hours=3))
    model.Session.add(stuck)
    model.Session.commit()
    stuck_id = stuck.id

    tk.get_action("harvest_jobs_run")({"ignore_auth": True}, {})

    model.Session.expire_all()
    assert model.Session.get(HarvestJob, stuck_id).status == "Finished"
    (error,) = model.Session.query(HarvestGatherError).filter_by(harvest_job_id=stuck_id).all()
    assert "timeout (60 minutes)" in error.message
