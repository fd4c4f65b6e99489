"""The agency's harvest page (/organization/<id>/harvest): sources, last jobs, errors.

Views only call the opengov_harvest_* actions, which check who may do what.
"""
from __future__ import annotations

from flask import Blueprint

import ckan.plugins.toolkit as tk

from ckanext.opengov.messages import N_

# ckanext-harvest's job states, shown translated on the page.
JOB_STATUSES = (N_("New"), N_("Running"), N_("Finished"))

blueprint = Blueprint("opengov_harvest", __name__, url_prefix="/organization/<id>/harvest")


def _context():
    return {"user": tk.current_user.name if tk.current_user.is_authenticated else ""}


def _organization(id):
    try:
        return tk.get_action("organization_show")(_context(), {"id": id, "include_datasets": False})
    except (tk.ObjectNotFound, tk.NotAuthorized):
        return tk.abort(404, tk._("Agency not found"))


def _guard(action, data):
    try:
        return tk.get_action(action)(_context(), data)
    except tk.NotAuthorized:
        return tk.abort(403, tk._("Only the agency's administrators may manage its harvest sources."))
    except tk.ObjectNotFound:
        return tk.abort(404, tk._("Harvest source not found"))


@blueprint.route("", methods=["GET", "POST"])
def index(id):
    organization = _organization(id)
    errors, form = {}, {}
    if tk.request.method == "POST":
        form = {k: tk.request.form.get(k, "").strip() for k in ("title", "url", "config", "frequency", "source_type")}
        data = dict(form, owner_org=organization["id"])
        try:
            _guard("opengov_harvest_source_create", data)
            tk.h.flash_success(tk._("The harvest source was registered."))
            return tk.redirect_to("opengov_harvest.index", id=organization["name"])
        except tk.ValidationError as error:
            errors = error.error_dict
    sources = _guard("opengov_harvest_source_list", {"organization": organization["id"]})
    return tk.render("opengov/harvest/index.html", {
        "organization": organization, "sources": sources, "errors": errors, "form": form,
    })


@blueprint.route("/<source_id>/run", methods=["POST"])
def run(id, source_id):
    organization = _organization(id)
    try:
        _guard("opengov_harvest_job_start", {"source_id": source_id})
        tk.h.flash_success(tk._("The harvest job was started."))
    except tk.ValidationError as error:
        tk.h.flash_error(" ".join(m for msgs in error.error_dict.values() for m in msgs))
    return tk.redirect_to("opengov_harvest.index", id=organization["name"])


@blueprint.route("/job/<job_id>")
def job(id, job_id):
    organization = _organization(id)
    job = _guard("opengov_harvest_job_show", {"job_id": job_id})
    source = _guard("opengov_harvest_source_show", {"id": job["source_id"]})
    if source["owner_org"] != organization["id"]:
        return tk.abort(404, tk._("Harvest source not found"))
    return tk.render("opengov/harvest/job.html", {"organization": organization, "job": job, "source": source})
