"""The refresh as a CKAN background job (CKAN jobs on Redis) and as a plain call for the CLI."""
from __future__ import annotations

import datetime as dt

import ckan.model as model
import ckan.plugins.toolkit as tk

JOB_TITLE = "opengov transparency refresh"


def run_refresh(day: str | None = None, with_overlap: bool = True) -> dict:
    from ckanext.opengov.transparency import refresh

    history = tk.config.get("ckanext.opengov.transparency.history_days")  # declared int
    when = dt.date.fromisoformat(day) if day else None
    return refresh.refresh(model.meta.engine, when, with_overlap=with_overlap, history_days=history)


def enqueue(day: str | None = None, with_overlap: bool = True):
    return tk.enqueue_job(run_refresh, [day, with_overlap], title=JOB_TITLE,
                          rq_kwargs={"timeout": 3600})
