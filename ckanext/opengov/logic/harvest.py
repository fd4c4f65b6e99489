"""The agency harvest API: an agency's admins manage its sources and read its jobs.

Thin wrappers over ckanext-harvest's own actions (sources are its `harvest` datasets, jobs
and objects its tables); what they add is the authorization (agency admins, not editors or
the public), a schema, the per-dataset error report, and closing a job whose worker died.
"""
from __future__ import annotations

import datetime

import ckan.authz as authz
import ckan.model as model
import ckan.plugins.toolkit as tk
import sqlalchemy as sa
from ckanext.harvest.logic import HarvestJobExists
from ckanext.harvest.model import HarvestGatherError, HarvestJob, HarvestObject, HarvestSource

from ckanext.opengov.messages import N_, bilingual

AGENCY_SOURCE_TYPES = ("opengov_ckan", "opengov_dcat", "opengov_sheet")
FREQUENCIES = ("MANUAL", "DAILY", "WEEKLY", "BIWEEKLY", "MONTHLY")
SOURCE_FIELDS = ("title", "url", "source_type", "config", "frequency", "notes")

MSG = {
    "type": N_("The source type must be one of: %(types)s"),
    "frequency": N_("The frequency must be one of: %(values)s"),
    "url": N_("The source URL must start with http:// or https://"),
    "not_source": N_("Harvest source not found: %(id)s"),
    "job_exists": N_("A job for this source is already waiting or running."),
    "interrupted": N_("The job stopped without finishing (its worker was stopped or killed); "
                      "the next job redoes its work."),
    "not_job": N_("Harvest job not found: %(id)s"),
    "no_agency": N_("Choose the agency (organization) the source belongs to."),
}


def _sysadmin_context(context) -> dict:
    return {"model": model, "session": model.Session, "user": context.get("user"), "ignore_auth": True}


def _source_package(source_id):
    package = model.Package.get(source_id or "")
    if package is None or package.type != "harvest" or package.state == "deleted":
        raise tk.ObjectNotFound(bilingual(MSG["not_source"], id=source_id))
    return package


def _validate(data_dict: dict, creating: bool):
    errors = {}
    if creating:
        org = model.Group.get(data_dict.get("owner_org") or "")
        if org is None or not org.is_organization:
            errors["owner_org"] = [bilingual(MSG["no_agency"])]
    if "source_type" in data_dict or creating:
        types = AGENCY_SOURCE_TYPES
        if data_dict.get("source_type") not in types:
            errors["source_type"] = [bilingual(MSG["type"], types=", ".join(types))]
    if data_dict.get("frequency", "MANUAL") not in FREQUENCIES:
        errors["frequency"] = [bilingual(MSG["frequency"], values=", ".join(FREQUENCIES))]
    if "url" in data_dict or creating:
        if not str(data_dict.get("url") or "").lower().startswith(("http://", "https://")):
            errors["url"] = [bilingual(MSG["url"])]
    if errors:
        raise tk.ValidationError(errors)


def _summary(package_dict: dict) -> dict:
    keys = ("id", "name", "title", "owner_org", "notes")
    out = {k: package_dict.get(k) for k in keys}
    stored = HarvestSource.get(package_dict["id"])
    out.update(url=stored.url, source_type=stored.type, config=stored.config, frequency=stored.frequency)
    status = tk.get_action("harvest_source_show_status")({"ignore_auth": True}, {"id": package_dict["id"]})
    out["last_job"] = status.get("last_job")
    out["total_datasets"] = status.get("total_datasets")
    out["job_count"] = status.get("job_count")
    return out


def opengov_harvest_source_create(context, data_dict):
    """Register a harvest source for an agency.

    :param owner_org: the agency (organization id or name)
    :param title: the source's name, :param url: its address
    :param source_type: ``opengov_ckan`` (an agency CKAN catalog)
    :param config: JSON text (optional), :param frequency: MANUAL, DAILY, WEEKLY, BIWEEKLY or MONTHLY
    """
    tk.check_access("opengov_harvest_source_create", context, data_dict)
    _validate(data_dict, creating=True)
    org = model.Group.get(data_dict["owner_org"])
    payload = {k: data_dict[k] for k in SOURCE_FIELDS if data_dict.get(k) is not None}
    payload.update(owner_org=org.id, name=data_dict.get("name") or _source_name(org.name, data_dict["url"]))
    payload.setdefault("frequency", "MANUAL")
    created = tk.get_action("harvest_source_create")(_sysadmin_context(context), payload)
    return _summary(created)


def _source_name(org_name: str, url: str) -> str:
    import hashlib

    return f"{org_name[:60]}-harvest-{hashlib.sha1(url.encode()).hexdigest()[:8]}"


def opengov_harvest_source_update(context, data_dict):
    """Change a source's title, url, type, config or frequency (:param id: the source)."""
    tk.check_access("opengov_harvest_source_update", context, data_dict)
    package = _source_package(data_dict.get("id"))
    _validate(data_dict, creating=False)
    stored = HarvestSource.get(package.id)
    payload = {"id": package.id, "name": package.name, "title": package.title, "notes": package.notes,
               "url": stored.url, "source_type": stored.type, "config": stored.config,
               "frequency": stored.frequency}
    payload.update({k: data_dict[k] for k in SOURCE_FIELDS if k in data_dict})
    payload["owner_org"] = package.owner_org  # a source cannot be moved to another agency
    updated = tk.get_action("harvest_source_update")(_sysadmin_context(context), payload)
    return _summary(updated)


def opengov_harvest_source_delete(context, data_dict):
    """Remove a source; the datasets it harvested stay (:param id: the source)."""
    tk.check_access("opengov_harvest_source_delete", context, data_dict)
    package = _source_package(data_dict.get("id"))
    tk.get_action("harvest_source_delete")(_sysadmin_context(context), {"id": package.id})
    return {"id": package.id, "deleted": True}


@tk.side_effect_free
def opengov_harvest_source_show(context, data_dict):
    """One source with its last job (:param id: the source)."""
    tk.check_access("opengov_harvest_source_show", context, data_dict)
    package = _source_package(data_dict.get("id"))
    return _summary(tk.get_action("harvest_source_show")(_sysadmin_context(context), {"id": package.id}))


@tk.side_effect_free
def opengov_harvest_source_list(context, data_dict):
    """The sources of the agencies the caller administers (all of them for a sysadmin).

    :param organization: only this agency's (optional)
    """
    tk.check_access("opengov_harvest_source_list", context, data_dict)
    user = context.get("user")
    query = model.Session.query(model.Package).filter(
        model.Package.type == "harvest", model.Package.state == "active")
    if data_dict.get("organization"):
        query = query.filter(model.Package.owner_org == model.Group.get(data_dict["organization"]).id)
    elif not authz.is_sysadmin(user):
        admin_of = [g.id for g in model.User.get(user).get_groups("organization", "admin")]
        query = query.filter(model.Package.owner_org.in_(admin_of or [""]))
    sources = []
    for package in query.order_by(model.Package.title):
        shown = tk.get_action("harvest_source_show")(_sysadmin_context(context), {"id": package.id})
        sources.append(_summary(shown))
    return sources


def close_interrupted_jobs(source_id: str, stale_after: datetime.timedelta) -> list[str]:
    """Finish jobs of this source left Running by a worker that died; returns their ids.

    Their unfinished objects become errors, so the next job, which compares the source with
    what is stored, redoes exactly the records they had not imported.
    """
    closed = []
    now = datetime.datetime.utcnow()
    running = model.Session.query(HarvestJob).filter(
        HarvestJob.source_id == source_id, HarvestJob.status == "Running")
    for job in running:
        if now - job.get_last_action_time() < stale_after:
            continue
        model.Session.query(HarvestObject).filter(
            HarvestObject.harvest_job_id == job.id,
            ~HarvestObject.state.in_(["COMPLETE", "ERROR"]),
        ).update({"state": "ERROR", "report_status": "errored"}, synchronize_session=False)
        model.Session.add(HarvestGatherError(message=bilingual(MSG["interrupted"]), job=job))
        job.status = "Finished"
        job.finished = now
        if job.gather_finished is None:
            job.gather_finished = now
        closed.append(job.id)
    model.Session.commit()
    return closed


def opengov_harvest_job_start(context, data_dict):
    """Start a job now (:param source_id:). A job left running by a dead worker is closed first."""
    tk.check_access("opengov_harvest_job_start", context, data_dict)
    package = _source_package(data_dict.get("source_id"))
    minutes = float(tk.config.get("ckanext.opengov.harvest.stale_job_minutes"))
    interrupted = close_interrupted_jobs(package.id, datetime.timedelta(minutes=minutes))
    try:
        job = tk.get_action("harvest_job_create")(
            _sysadmin_context(context), {"source_id": package.id, "run": data_dict.get("run", True)})
    except HarvestJobExists:
        raise tk.ValidationError({"source_id": [bilingual(MSG["job_exists"])]})
    job["interrupted_jobs_closed"] = interrupted
    return job


@tk.side_effect_free
def opengov_harvest_job_list(context, data_dict):
    """A source's jobs, newest first (:param source_id:, :param limit: default 20)."""
    tk.check_access("opengov_harvest_job_list", context, data_dict)
    package = _source_package(data_dict.get("source_id"))
    jobs = model.Session.query(HarvestJob).filter(HarvestJob.source_id == package.id).order_by(
        HarvestJob.created.desc()).limit(int(data_dict.get("limit") or 20))
    return [_job_dict(job) for job in jobs]


def _job_dict(job) -> dict:
    stats = dict(model.Session.query(HarvestObject.report_status, sa.func.count(HarvestObject.id)).filter(
        HarvestObject.harvest_job_id == job.id, HarvestObject.report_status.isnot(None)).group_by(
        HarvestObject.report_status).all())
    return {
        "id": job.id, "source_id": job.source_id, "status": job.status,
        "created": _iso(job.created), "gather_started": _iso(job.gather_started),
        "gather_finished": _iso(job.gather_finished), "finished": _iso(job.finished),
        "stats": {k: stats.get(k, 0) for k in ("added", "updated", "not modified", "deleted", "errored")},
    }


def _iso(value):
    return value.isoformat() if value else None


@tk.side_effect_free
def opengov_harvest_job_show(context, data_dict):
    """A job's status, counts, gather errors and per-dataset errors (:param job_id:)."""
    tk.check_access("opengov_harvest_job_show", context, data_dict)
    job = HarvestJob.get(data_dict.get("job_id") or "")
    if job is None:
        raise tk.ObjectNotFound(bilingual(MSG["not_job"], id=data_dict.get("job_id")))
    report = tk.get_action("harvest_job_report")({"ignore_auth": True}, {"id": job.id})
    out = _job_dict(job)
    out["gather_errors"] = [e["message"] for e in report["gather_errors"]]
    datasets = []
    for object_id, entry in report["object_errors"].items():
        obj = HarvestObject.get(object_id)
        package = model.Package.get(obj.package_id) if obj and obj.package_id else None
        datasets.append({
            "harvest_object_id": object_id, "source_record_id": entry["guid"],
            "dataset": package.name if package else None,
            "errors": [{"stage": e["type"], "message": e["message"]} for e in entry["errors"]],
        })
    out["dataset_errors"] = datasets
    return out


@tk.chained_action
@tk.side_effect_free
def harvest_source_list(original_action, context, data_dict):
    """ckanext-harvest's harvest_source_list checks no access and lists every source to anyone;
    check it (sysadmins only, see harvest_auth)."""
    tk.check_access("harvest_source_list", context, data_dict)
    return original_action(context, data_dict)


def get_actions() -> dict:
    from ckanext.opengov.harvest import shared_show

    return {"harvest_source_list": harvest_source_list,
            "package_show": shared_show.package_show} | {f.__name__: f for f in (
        opengov_harvest_source_create, opengov_harvest_source_update, opengov_harvest_source_delete,
        opengov_harvest_source_show, opengov_harvest_source_list, opengov_harvest_job_start,
        opengov_harvest_job_list, opengov_harvest_job_show,
    )}
