"""The agency harvest API: an agency's admins manage its sources and read its jobs.

Thin wrappers over ckanext-harvest's own actions (sources are its `harvest` datasets, jobs
and objects its tables); what they add is the authorization (agency admins, not editors or
the public), a schema, the per-dataset error report, and closing a job whose worker died.
"""
from __future__ import annotations

import datetime
import json

import ckan.authz as authz
import ckan.model as model
import ckan.plugins.toolkit as tk
import sqlalchemy as sa
from ckan.lib.navl.dictization_functions import missing
from ckanext.harvest.model import HarvestGatherError, HarvestJob, HarvestObject, HarvestObjectError, HarvestSource

from ckanext.opengov.logic import harvest_guards
from ckanext.opengov.logic.harvest_guards import GUARDED_SOURCE_TYPES as AGENCY_SOURCE_TYPES
from ckanext.opengov.messages import N_, bilingual

FREQUENCIES = ("MANUAL", "DAILY", "WEEKLY", "BIWEEKLY", "MONTHLY")
SOURCE_FIELDS = ("title", "url", "source_type", "config", "frequency", "notes")
MAX_LIMIT = 1000

MSG = {
    "one_of": N_("Must be one of: %(values)s"),
    "required": N_("Missing value"),
    "text": N_("Must be a single text value."),
    "config": N_("The configuration must be a JSON object, e.g. {}"),
    "limit": N_("Must be a whole number from 1 to %(max)s."),
    "url": N_("The source URL must start with http:// or https://"),
    "not_source": N_("Harvest source not found: %(id)s"),
    "interrupted_object": N_("Not imported: the job stopped before this record's turn (its worker was "
                             "stopped or killed); the next job imports it."),
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


def _invalid(key: str, **params):
    raise tk.Invalid(bilingual(MSG[key], **params))


def _required(key, data, errors, context):
    if data.get(key) in (None, "", missing):
        errors[key].append(bilingual(MSG["required"]))
        raise tk.StopOnError


def _text(key, data, errors, context):
    """One text value: a list or an object where a string belongs is refused, not str()-ed, and
    the field's later validators do not run on it."""
    value = data.get(key)
    if value is missing or value is None:
        return
    if not isinstance(value, str):
        errors[key].append(bilingual(MSG["text"]))
        raise tk.StopOnError
    data[key] = value.strip()


def _one_of(values):
    def check(value):
        if value not in values:
            _invalid("one_of", values=", ".join(values))
        return value
    return check


def _agency(value):
    org = model.Group.get(value)
    if org is None or not org.is_organization or org.state != "active":
        _invalid("no_agency")
    return org.id


def _http_url(value):
    if not value.lower().startswith(("http://", "https://")):
        _invalid("url")
    return value


def _json_object(value):
    try:
        parsed = json.loads(value) if value else {}
    except (ValueError, RecursionError):  # RecursionError: JSON nested deeper than Python parses
        parsed = None
    if not isinstance(parsed, dict):
        _invalid("config")
    return value


def _limit(value):
    if isinstance(value, bool) or not (isinstance(value, int) or isinstance(value, str) and value.isdigit()):
        _invalid("limit", max=MAX_LIMIT)
    if not 1 <= int(value) <= MAX_LIMIT:
        _invalid("limit", max=MAX_LIMIT)
    return int(value)


def _schemas() -> dict:
    ignore_missing, default = tk.get_validator("ignore_missing"), tk.get_validator("default")
    boolean = tk.get_validator("boolean_validator")
    optional = [ignore_missing, _text]
    source = {
        "title": optional, "notes": optional, "name": optional,
        "url": [ignore_missing, _text, _http_url],
        "source_type": [ignore_missing, _text, _one_of(AGENCY_SOURCE_TYPES)],
        "config": [ignore_missing, _text, _json_object],
        "frequency": [ignore_missing, _text, _one_of(FREQUENCIES)],
    }
    identified = {"id": [_required, _text]}
    return {
        "create": dict(source, owner_org=[_required, _text, _agency], url=[_required, _text, _http_url],
                       source_type=[_required, _text, _one_of(AGENCY_SOURCE_TYPES)],
                       frequency=[default("MANUAL"), _text, _one_of(FREQUENCIES)]),
        "update": dict(source, owner_org=optional, **identified),
        "identified": identified,
        "list": {"organization": [ignore_missing, _text, _agency]},
        "job_start": {"source_id": [_required, _text], "run": [default(True), boolean]},
        "job_list": {"source_id": [_required, _text], "limit": [default(20), _limit]},
        "job_show": {"job_id": [_required, _text]},
    }


def _validated(data_dict, schema_name: str) -> dict:
    """The input checked against one of the schemas above, with CKAN's navl machinery: each
    field's errors come back as a 409 with a Thai/English message, never a server error."""
    if not isinstance(data_dict, dict):
        raise tk.ValidationError({"__input": [bilingual(MSG["text"])]})
    schema = _schemas()[schema_name]
    data, errors = tk.navl_validate({k: v for k, v in data_dict.items() if k in schema}, schema, {})
    errors = {k: v for k, v in errors.items() if v}
    if errors:
        raise tk.ValidationError(errors)
    return data


def _guard(data: dict, stored=None):
    """Type and address checks of harvest_guards (after the access check: resolving a name
    tells the caller something, so only people allowed to register a source get to ask)."""
    from ckanext.opengov.logic.harvest_guards import guard_errors

    if "url" not in data and "source_type" not in data:
        return
    source_type = data.get("source_type", stored.type if stored else None)
    errors = guard_errors(source_type, data.get("url", stored.url if stored else None))
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
    data = _validated(data_dict, "create")
    tk.check_access("opengov_harvest_source_create", context, data)
    _guard(data)
    org = model.Group.get(data["owner_org"])
    payload = {k: data[k] for k in SOURCE_FIELDS if data.get(k) is not None}
    payload.update(owner_org=org.id, name=data.get("name") or _source_name(org.name, data["url"]))
    created = tk.get_action("harvest_source_create")(_sysadmin_context(context), payload)
    return _summary(created)


def _source_name(org_name: str, url: str) -> str:
    import hashlib

    return f"{org_name[:60]}-harvest-{hashlib.sha1(url.encode()).hexdigest()[:8]}"


def opengov_harvest_source_update(context, data_dict):
    """Change a source's title, url, type, config or frequency (:param id: the source)."""
    data = _validated(data_dict, "update")
    tk.check_access("opengov_harvest_source_update", context, data)
    package = _source_package(data["id"])
    stored = HarvestSource.get(package.id)
    _guard(data, stored)
    payload = {"id": package.id, "name": package.name, "title": package.title, "notes": package.notes,
               "url": stored.url, "source_type": stored.type, "config": stored.config,
               "frequency": stored.frequency}
    payload.update({k: data[k] for k in SOURCE_FIELDS if k in data})
    payload["owner_org"] = package.owner_org  # a source cannot be moved to another agency
    updated = tk.get_action("harvest_source_update")(_sysadmin_context(context), payload)
    return _summary(updated)


def opengov_harvest_source_delete(context, data_dict):
    """Remove a source; the datasets it harvested stay (:param id: the source)."""
    data = _validated(data_dict, "identified")
    tk.check_access("opengov_harvest_source_delete", context, data)
    package = _source_package(data["id"])
    tk.get_action("harvest_source_delete")(_sysadmin_context(context), {"id": package.id})
    return {"id": package.id, "deleted": True}


@tk.side_effect_free
def opengov_harvest_source_show(context, data_dict):
    """One source with its last job (:param id: the source)."""
    data = _validated(data_dict, "identified")
    tk.check_access("opengov_harvest_source_show", context, data)
    package = _source_package(data["id"])
    return _summary(tk.get_action("harvest_source_show")(_sysadmin_context(context), {"id": package.id}))


@tk.side_effect_free
def opengov_harvest_source_list(context, data_dict):
    """The sources of the agencies the caller administers (all of them for a sysadmin).

    :param organization: only this agency's (optional)
    """
    data = _validated(data_dict, "list")
    tk.check_access("opengov_harvest_source_list", context, data)
    user = context.get("user")
    query = model.Session.query(model.Package).filter(
        model.Package.type == "harvest", model.Package.state == "active")
    if data.get("organization"):
        query = query.filter(model.Package.owner_org == data["organization"])
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
        unfinished = model.Session.query(HarvestObject).filter(
            HarvestObject.harvest_job_id == job.id,
            ~HarvestObject.state.in_(["COMPLETE", "ERROR"]))
        for obj in unfinished:  # each one says why it was not imported
            obj.state, obj.report_status = "ERROR", "errored"
            model.Session.add(HarvestObjectError(object=obj, message=bilingual(MSG["interrupted_object"]),
                                                 stage="Import"))
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
    data = _validated(data_dict, "job_start")
    tk.check_access("opengov_harvest_job_start", context, data)
    package = _source_package(data["source_id"])
    minutes = tk.config.get("ckanext.opengov.harvest.stale_job_minutes")  # declared int
    interrupted = close_interrupted_jobs(package.id, datetime.timedelta(minutes=minutes))
    # harvest_guards turns "a job exists" and an unguarded source type into a 409
    job = tk.get_action("harvest_job_create")(
        _sysadmin_context(context), {"source_id": package.id, "run": data["run"]})
    job["interrupted_jobs_closed"] = interrupted
    return job


@tk.side_effect_free
def opengov_harvest_job_list(context, data_dict):
    """A source's jobs, newest first (:param source_id:, :param limit: default 20)."""
    data = _validated(data_dict, "job_list")
    tk.check_access("opengov_harvest_job_list", context, data)
    package = _source_package(data["source_id"])
    jobs = model.Session.query(HarvestJob).filter(HarvestJob.source_id == package.id).order_by(
        HarvestJob.created.desc()).limit(data["limit"])
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
    data = _validated(data_dict, "job_show")
    tk.check_access("opengov_harvest_job_show", context, data)
    job = HarvestJob.get(data["job_id"])
    if job is None:
        raise tk.ObjectNotFound(bilingual(MSG["not_job"], id=data["job_id"]))
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


@tk.chained_action
def harvest_jobs_run(original_action, context, data_dict):
    """The scheduler's `harvester run`, at thousands of sources (docs/cluster.md): due sources'
    jobs are started in one transaction and finished jobs closed in one statement (scheduling.py)
    instead of upstream's pass, which dictized every running job with its counts (~35 ms each:
    282 s a run with 8,000 running) to find the ones to close. Upstream also reindexed each
    closed job's source for its status; CKAN's Solr schema stores no such field (the catch-all
    dynamic field is not stored), so the document came out the same: not done here. The run
    ends with one Solr commit: the datasets its closed jobs imported went to Solr uncommitted
    (core.create_without_solr_commit), and are searchable from here on even without autoSoftCommit."""
    from ckan.lib import search

    from ckanext.opengov.harvest import scheduling

    tk.check_access("harvest_jobs_run", context, data_dict)
    source_id = harvest_guards.validated(data_dict, optional=("source_id",)).get("source_id") or None
    session = context.get("session") or model.Session
    if source_id is None:
        scheduling.start_due_jobs(session)
    try:
        closed = scheduling.close_finished_jobs(session, source_id)
        _send_status_mails(context, [closed_source for _, closed_source in closed])
        if tk.config.get("ckan.harvest.timeout"):
            # Upstream's pass applies the limit job by job; a job it closes reindexes its source,
            # which upstream hard-commits each time: here once, below.
            return original_action(dict(context, defer_commit=True), data_dict)
        # What is left of upstream's pass: putting lost queue messages back.
        from ckanext.harvest.queue import resubmit_jobs, resubmit_objects

        resubmit_jobs()
        resubmit_objects()
        return []
    finally:
        search.commit()


def _send_status_mails(context, source_ids: list[str]) -> None:
    """Upstream's mails after a job closes, when the site asks for them."""
    from ckanext.harvest.logic.action.update import send_error_email, send_summary_email

    notify_all = tk.asbool(tk.config.get("ckan.harvest.status_mail.all"))
    notify_errors = tk.asbool(tk.config.get("ckan.harvest.status_mail.errored"))
    if not (notify_all or notify_errors):
        return
    for source_id in source_ids:
        status = tk.get_action("harvest_source_show_status")(dict(context), {"id": source_id})
        if status["last_job"]["stats"].get("errored", 0) > 0:
            send_error_email(dict(context), source_id, status)
        elif notify_all:
            send_summary_email(dict(context), source_id, status)


def get_actions() -> dict:
    return {"harvest_source_list": harvest_source_list, "harvest_jobs_run": harvest_jobs_run} | {f.__name__: f for f in (
        opengov_harvest_source_create, opengov_harvest_source_update, opengov_harvest_source_delete,
        opengov_harvest_source_show, opengov_harvest_source_list, opengov_harvest_job_start,
        opengov_harvest_job_list, opengov_harvest_job_show,
    )}
