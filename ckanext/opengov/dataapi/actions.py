"""dataapi: API actions (registered by plugin.py).

`xloader_submit` is chained so that ckanext-xloader keeps deciding when a resource is loaded, and
its job queue, status and DataStore tab keep working, while the load itself runs our job
(jobs.load_resource): linked files through the guarded client, Thai encodings decoded by rule.
The caller's rights are checked by xloader's own auth function on the resource.
"""
from __future__ import annotations

import datetime as dt
import logging

import ckan.plugins as p
import ckan.plugins.toolkit as tk

from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session as SASession

from ckanext.opengov.dataapi import jobs, status

log = logging.getLogger(__name__)

# A pending or running load newer than this is not queued again (a resource updated twice).
STALE_AFTER = dt.timedelta(hours=1)
# Where a session keeps the resources whose loads wait for its commit (queue_after_commit).
_AFTER_COMMIT = "opengov_tables_to_load"


def has_file(resource: dict) -> bool:
    """False for a table written through the DataStore API: there is no file to load."""
    return resource.get("url_type") not in ("datastore", "datapusher", "xloader")


@tk.chained_action
def xloader_submit(up_func, context, data_dict):
    from ckanext.xloader.schema import xloader_submit_schema

    tk.check_access("xloader_submit", context, data_dict)
    data, errors = tk.navl_validate(dict(data_dict), xloader_submit_schema(), context)
    if errors:
        raise tk.ValidationError(errors)
    resource_id = data["resource_id"]
    try:
        resource = tk.get_action("resource_show")(context, {"id": resource_id})
    except tk.ObjectNotFound:
        return False
    if not has_file(resource):
        return False
    current = status.read(resource_id)
    if current and current["state"] in ("pending", "running") and not data.get("sync"):
        updated = dt.datetime.fromisoformat(current["last_updated"])
        if dt.datetime.utcnow() - updated < STALE_AFTER:
            return False
    queue(resource_id, at_front=bool(data.get("sync")))
    return True


def queue(resource_id: str, at_front: bool = False) -> None:
    """Mark the resource's table pending and put its load on the jobs queue."""
    status.write(resource_id, "pending")
    _enqueue(resource_id, at_front)


def queue_after_commit(session, resource_ids: list[str]) -> None:
    """Loads for resources created in `session`'s transaction (a whole dataset: the API, the
    harvesters): their "pending" status is written in that transaction and their jobs are queued
    once it has committed, so a worker never looks for a resource that is not there yet, and a
    transaction rolled back queues nothing."""
    for resource_id in resource_ids:
        status.add_pending(session, resource_id)
    session.info.setdefault(_AFTER_COMMIT, []).extend(resource_ids)


@sa_event.listens_for(SASession, "after_commit")
def _enqueue_committed(session) -> None:
    for resource_id in session.info.pop(_AFTER_COMMIT, ()):
        try:
            _enqueue(resource_id)
        except Exception:  # the dataset is saved; its table stays "pending" and may be queued again
            log.exception("could not queue the table of resource %s for loading", resource_id)


@sa_event.listens_for(SASession, "after_rollback")
def _forget_rolled_back(session) -> None:
    session.info.pop(_AFTER_COMMIT, None)


def _enqueue(resource_id: str, at_front: bool = False) -> None:
    tk.enqueue_job(
        jobs.load_resource, [resource_id],
        title=f"opengov load table: resource {resource_id}",
        rq_kwargs={"timeout": int(tk.config.get("ckanext.xloader.job_timeout") or 3600),
                   "at_front": at_front},
    )


def get_actions() -> dict:
    # A chain needs the action it wraps: sites (and tests) without xloader keep working.
    return {"xloader_submit": xloader_submit} if p.plugin_loaded("xloader") else {}
