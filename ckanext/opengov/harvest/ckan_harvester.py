"""Harvester for agency catalogs that run CKAN with the TGDC schema (`opengov_ckan`).

gather: pages through the source's public ids and metadata_modified (keyset on id, light
        pages), compares them with what this source harvested before, fetches only new or
        changed records in batches, and writes one harvest object per record page by page;
        ids this source had and the listing no longer shows become "withdraw" objects.
fetch:  nothing (the record was stored by gather).
import: maps the record into TGDC, resolves agency and categories, and creates or updates
        the dataset through package_create/package_update (so every validator and the
        classification gate apply); withdraw objects are checked once more at the source and
        the local copy deleted.
"""
from __future__ import annotations

import json
import logging

import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.opengov.harvest import core, mapping
from ckanext.opengov.harvest.core import (
    CHANGE, WITHDRAW, HarvesterCore, owning_source, parse_config, parse_time, reference_twin,
    save_for_object, source_title, stored_state)
from ckanext.opengov.harvest.listing import ListingError, changed_records, list_public_ids, show_record
from ckanext.opengov.harvest.safe_http import FetchError, SafeClient
from ckanext.opengov.messages import N_, bilingual

log = logging.getLogger(__name__)
COMMIT_EVERY = 200

MSG = {
    "conflict_id": N_("Not imported: dataset %(id)s already exists here and belongs to %(owner)s, "
                      "not to this source."),
    "conflict_ref": N_("Not imported: the same record (%(ref)s) is already harvested from another "
                       "source as dataset %(name)s."),
    "invalid": N_("Record %(guid)s (%(name)s) was refused: %(errors)s"),
    "no_agency": N_("The harvest source belongs to no agency, so its datasets have nowhere to go."),
    "withdraw_check": N_("Could not confirm at the source that %(guid)s was withdrawn: %(detail)s"),
    "missing": N_("Record %(guid)s was listed by the source but not received when its full record "
                  "was requested (%(detail)s); the next run tries again."),
}


class OpengovCkanHarvester(HarvesterCore):
    """The `opengov_ckan` plugin."""

    def info(self):
        return {
            "name": "opengov_ckan",
            "title": "Agency CKAN catalog (TGDC)",
            "description": "Harvests an agency's CKAN catalog with the TGDC schema: incremental, "
                           "withdraws what the agency deleted or made private.",
            "form_config_interface": "Text",
        }

    def gather_stage(self, harvest_job):
        source = harvest_job.source
        try:
            config = parse_config(source.config)
        except ValueError as error:
            self._save_gather_error(bilingual(core.MSG["config"], detail=str(error)), harvest_job)
            return []
        base = source.url.rstrip("/")
        client = SafeClient()
        stored = stored_state(source.id)
        seen: set[str] = set()
        object_ids: list[str] = []
        pending: list[str] = []

        def take(record):
            harvestable = mapping.is_public(record) and mapping.allows_harvest(record)
            if not harvestable and record["id"] not in stored:
                return  # the agency keeps it out of the national catalog
            object_ids.append(self._new_object(harvest_job, record["id"], CHANGE,
                                               content=json.dumps(record),
                                               modified=record.get("metadata_modified")))

        def flush_changes():
            for record in changed_records(client, base, pending):
                if "missing" in record:  # requested and not received: said on the job
                    self._failed_object(harvest_job, record["id"], bilingual(
                        MSG["missing"], guid=record["id"], detail=record["missing"]))
                else:
                    take(record)
            pending.clear()
            model.Session.commit()

        try:
            for entry in list_public_ids(client, base, config):
                seen.add(entry["id"])
                previous = stored.get(entry["id"])
                if previous is not None and previous[1] == parse_time(entry.get("metadata_modified")):
                    continue
                if "record" in entry:  # a listing of whole records (a source without keyset)
                    take(entry["record"])
                    continue
                pending.append(entry["id"])
                if len(pending) >= 100:
                    flush_changes()
            if pending:
                flush_changes()
            # Only a complete listing may withdraw anything, and only what the source
            # confirms is gone (a listing can miss a record that changed meanwhile). The
            # check is made here, not in the shared fetch consumer, so that a slow source
            # holds only its own gather.
            for guid in sorted(set(stored) - seen):
                self._withdraw_if_gone(harvest_job, client, base, guid, stored[guid][0], object_ids)
        except (FetchError, ListingError) as error:
            self._save_gather_error(str(error), harvest_job)
        finally:
            client.close()
            model.Session.commit()
        return object_ids

    def _withdraw_if_gone(self, job, client, base, guid, package_id, object_ids):
        try:
            shown = show_record(client, base, guid)
        except FetchError as error:
            self._failed_object(job, guid, bilingual(MSG["withdraw_check"], guid=guid, detail=str(error)),
                                package_id=package_id)
            return
        if "missing" in shown or not (mapping.is_public(shown) and mapping.allows_harvest(shown)):
            object_ids.append(self._new_object(job, guid, WITHDRAW, package_id=package_id))

    def _import_record(self, obj):
        config = parse_config(obj.source.config)
        record = json.loads(obj.content)
        base = obj.source.url.rstrip("/")
        if not (mapping.is_public(record) and mapping.allows_harvest(record)):
            return self._withdraw(obj)
        dataset = mapping.map_dataset(record, base)

        # By id only (Package.get would also try it as a name: a second query, and a wrong match).
        existing = model.Session.get(model.Package, dataset["id"])
        if existing is not None and existing.type == "harvest":
            existing = None
        if existing is not None:
            owner = owning_source(dataset["id"])
            if owner != obj.source.id:
                owner_text = source_title(owner) if owner else "a dataset made on this portal"
                self._save_object_error(bilingual(MSG["conflict_id"], id=dataset["id"], owner=owner_text),
                                        obj, "Import")
                return False
        twin = reference_twin(dataset["reference_url_catalog"], dataset["id"], obj.source.id)
        if twin is not None:
            self._save_object_error(bilingual(MSG["conflict_ref"], ref=dataset["reference_url_catalog"], name=twin),
                                    obj, "Import")
            return False

        owner_org = self._owner_org(obj, record, config)
        if owner_org is None:
            self._save_object_error(bilingual(MSG["no_agency"]), obj, "Import")
            return False
        dataset["owner_org"] = owner_org
        dataset["groups"] = self._groups(record, config)

        context = self._context()
        try:
            if existing is not None:
                dataset["name"] = existing.name
                dataset["state"] = "active"  # a record withdrawn earlier may come back
            else:
                dataset["name"] = self._free_name(dataset.get("name") or dataset["id"])
            save_for_object(context, obj, dataset, existing.id if existing is not None else None)
        except tk.ValidationError as error:
            model.Session.rollback()
            self._save_object_error(
                bilingual(MSG["invalid"], guid=obj.guid, name=record.get("name") or "",
                          errors=mapping.format_validation_errors(error.error_dict)),
                obj, "Import")
            return False
        return True

    # -- agencies and categories -------------------------------------------------------

    def _owner_org(self, obj, record, config):
        source_pkg = model.Package.get(obj.source.id)
        fallback = source_pkg.owner_org if source_pkg is not None else None
        mode = config.get("agencies", "source")
        remote = mapping.remote_organization(record)
        if mode == "source" or remote is None:
            return fallback
        local = model.Group.get(remote["name"])
        if local is not None and local.is_organization and local.state == "active":
            return local.id
        if mode == "create":
            org = tk.get_action("organization_create")(self._context(), {
                "name": remote["name"], "title": remote["title"], "description": remote["description"]})
            return org["id"]
        return fallback

    def _groups(self, record, config):
        mode = config.get("categories", "only_local")
        if mode == "none":
            return []
        groups = []
        for remote in mapping.remote_groups(record):
            local = model.Group.get(remote["name"])
            if local is not None and not local.is_organization and local.state == "active":
                groups.append({"name": local.name})
            elif mode == "create":
                try:
                    created = tk.get_action("group_create")(self._context(), dict(remote))
                    groups.append({"name": created["name"]})
                except tk.ValidationError as error:
                    log.warning("could not create category %s: %s", remote["name"], error.error_dict)
        return groups
