"""The load status of a resource, kept where ckanext-xloader keeps its own (task_status
'xloader'), so xloader's DataStore tab and `xloader_status` read ours."""
from __future__ import annotations

import datetime as dt
import json

import ckan.plugins.toolkit as tk

TASK = {"entity_type": "resource", "task_type": "xloader", "key": "xloader"}


def read(resource_id: str) -> dict | None:
    try:
        task = tk.get_action("task_status_show")(
            {"ignore_auth": True}, dict(TASK, entity_id=resource_id))
    except tk.ObjectNotFound:
        return None
    try:
        error = json.loads(task.get("error") or "{}")
    except ValueError:
        error = {"message": task.get("error")}
    return {"state": task["state"], "last_updated": task["last_updated"],
            "message": (error or {}).get("message") if isinstance(error, dict) else None}


def _task(resource_id: str, state: str, message: str | None = None, value: dict | None = None) -> dict:
    return dict(TASK, entity_id=resource_id, state=state,
                value=json.dumps(value or {}, ensure_ascii=False),
                error=json.dumps({"message": message} if message else {}, ensure_ascii=False))


def add_pending(session, resource_id: str) -> None:
    """A resource created in the caller's transaction has no status yet: its "pending" row is
    written in that transaction, so it exists exactly when the resource does."""
    from ckan import model

    session.add(model.TaskStatus(last_updated=dt.datetime.utcnow(), **_task(resource_id, "pending")))


def write(resource_id: str, state: str, message: str | None = None, value: dict | None = None) -> None:
    from ckan import model

    task = dict(_task(resource_id, state, message, value), last_updated=dt.datetime.utcnow().isoformat())
    try:
        current = tk.get_action("task_status_show")({"ignore_auth": True}, dict(TASK, entity_id=resource_id))
    except tk.ObjectNotFound:
        current = None
    if current:
        task["id"] = current["id"]
    session = model.meta.create_local_session()
    try:
        tk.get_action("task_status_update")({"session": session, "ignore_auth": True}, task)
    finally:
        session.close()
