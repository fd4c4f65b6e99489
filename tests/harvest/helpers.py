"""Harvest helpers for tests: sources through the Action API, jobs through ckanext-harvest's
own in-process runner (gather, fetch and import stages exactly as the queue consumers call them)."""
from __future__ import annotations

import json
import uuid

import ckan.plugins.toolkit as tk
from ckanext.harvest import queue
from ckanext.harvest.model import HarvestJob
from ckanext.harvest.tests.lib import run_harvest_job


def sysadmin_context(user: str | None = None) -> dict:
    if user is None:
        user = tk.get_action("get_site_user")({"ignore_auth": True}, {})["name"]
    return {"user": user, "ignore_auth": True}


def create_source(url: str, owner_org: str, config: dict | None = None, source_type="opengov_ckan") -> dict:
    return tk.get_action("harvest_source_create")(sysadmin_context(), {
        "name": f"source-{uuid.uuid4().hex[:8]}", "title": "แหล่งข้อมูลหน่วยงาน", "url": url,
        "source_type": source_type, "owner_org": owner_org,
        "config": json.dumps(config or {}), "frequency": "MANUAL",
    })


def run_job(source_id: str) -> dict:
    """Run one job to the end; returns ckanext-harvest's job report summary."""
    context = sysadmin_context()
    job = tk.get_action("harvest_job_create")(context, {"source_id": source_id, "run": False})
    job_obj = HarvestJob.get(job["id"])
    harvester = queue.get_harvester(job_obj.source.type)
    run_harvest_job(job_obj, harvester)
    return job_report(job["id"])


def job_report(job_id: str) -> dict:
    context = sysadmin_context()
    job = tk.get_action("harvest_job_show")(context, {"id": job_id})
    report = tk.get_action("harvest_job_report")(context, {"id": job_id})
    return {"job": job, "stats": job["stats"], "gather_errors": [e["message"] for e in report["gather_errors"]],
            "object_errors": report["object_errors"]}


def object_error_messages(report: dict) -> list[str]:
    return [e["message"] for obj in report["object_errors"].values() for e in obj["errors"]]


def drain_queues(limit: int = 10_000) -> None:
    """Consume the gather and fetch queues in-process, as `ckan harvester gather-consumer` and
    `fetch-consumer` do (same callbacks, same Redis queues), then close finished jobs."""
    gather = queue.get_gather_consumer()
    fetch = queue.get_fetch_consumer()
    for consumer, callback in ((gather, queue.gather_callback), (fetch, queue.fetch_callback)):
        for _ in range(limit):
            method, channel, body = consumer.basic_get("queue")
            if body is None:
                break
            callback(channel, method, None, body)
    tk.get_action("harvest_jobs_run")({"ignore_auth": True}, {})


def new_source(agency, url, **extra):
    return dict(owner_org=agency["id"], title="บัญชีข้อมูลกรม", url=url, source_type="opengov_ckan", **extra)
