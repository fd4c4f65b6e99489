"""Spreadsheet inventories (`opengov_sheet`): the TGDC template as CSV or XLSX at a URL.

Each row is one harvest object, so a bad row is reported with its sheet and row number and the
others go on. Rows whose content did not change since the last run are skipped; datasets whose
row disappeared from the file are withdrawn (the file is the agency's whole inventory).
"""
from __future__ import annotations

import json
import uuid

import ckan.model as model
import ckan.plugins.toolkit as tk
from ckanext.harvest.model import HarvestObject

from ckanext.opengov.harvest import mapping, sheet_mapping
from ckanext.opengov.harvest.core import (
    CHANGE, STATUS_KEY, WITHDRAW, HarvesterCore, object_extra, save_for_object)
from ckanext.opengov.harvest.safe_http import FetchError, SafeClient
from ckanext.opengov.messages import N_, bilingual

MSG = {
    "unreadable": N_("The spreadsheet at %(url)s could not be read: %(detail)s"),
    "row": N_("Sheet %(sheet)s, row %(row)s (%(name)s) was refused: %(errors)s"),
    "taken": N_("Sheet %(sheet)s, row %(row)s: the dataset name %(name)s is already used by another dataset."),
    "duplicate": N_("Sheet %(sheet)s, row %(row)s: the name %(name)s appears more than once; this row was skipped."),
}


class OpengovSheetHarvester(HarvesterCore):
    def info(self):
        return {
            "name": "opengov_sheet",
            "title": "TGDC spreadsheet inventory (CSV/XLSX)",
            "description": "Harvests an agency's inventory kept in the TGDC spreadsheet template.",
            "form_config_interface": "Text",
        }

    def gather_stage(self, harvest_job):
        source = harvest_job.source
        client = SafeClient()
        try:
            response = client.get(source.url)
            body = response.content
            is_xlsx = body[:2] == b"PK" or source.url.lower().split("?")[0].endswith(".xlsx")
            entries = sheet_mapping.read_xlsx(body) if is_xlsx else sheet_mapping.read_csv(body)
        except (FetchError, sheet_mapping.SheetError, UnicodeDecodeError) as error:
            detail = str(error) if isinstance(error, FetchError) else f"{type(error).__name__}: {error}"
            self._save_gather_error(bilingual(MSG["unreadable"], url=source.url, detail=detail), harvest_job)
            return []
        finally:
            client.close()

        stored = {guid: (package_id, content) for guid, package_id, content in model.Session.query(
            HarvestObject.guid, HarvestObject.package_id, HarvestObject.content
        ).join(model.Package, model.Package.id == HarvestObject.package_id).filter(
            HarvestObject.harvest_source_id == source.id, HarvestObject.current == True,  # noqa: E712
            model.Package.state == "active")}
        seen, ids = set(), []
        for entry in entries:
            guid = entry["fields"].get("name") or f"row:{entry['sheet']}:{entry['row']}"
            content = json.dumps(entry, ensure_ascii=False, sort_keys=True)
            if guid in seen:
                obj = HarvestObject.get(self._new_object(harvest_job, f"{guid}#{entry['row']}", CHANGE))
                obj.state, obj.report_status = "ERROR", "errored"  # reported, never imported
                self._save_object_error(bilingual(MSG["duplicate"], sheet=entry["sheet"], row=entry["row"], name=guid),
                                        obj, "Gather")
                continue
            seen.add(guid)
            if guid in stored and stored[guid][1] == content:
                continue  # the row did not change
            ids.append(self._new_object(harvest_job, guid, CHANGE, content=content))
        for guid in sorted(set(stored) - seen):
            ids.append(self._new_object(harvest_job, guid, WITHDRAW, package_id=stored[guid][0]))
        model.Session.commit()
        return ids

    def import_stage(self, harvest_object):
        if object_extra(harvest_object, STATUS_KEY) == WITHDRAW:
            return self._withdraw(harvest_object)
        return super().import_stage(harvest_object)

    def _import_record(self, obj):
        entry = json.loads(obj.content)
        dataset = sheet_mapping.to_dataset(entry)
        where = dict(sheet=entry["sheet"], row=entry["row"], name=dataset.get("name") or "-")
        source_pkg = model.Package.get(obj.source.id)
        dataset["owner_org"] = source_pkg.owner_org if source_pkg else None
        previous = model.Session.query(HarvestObject.package_id).filter(
            HarvestObject.harvest_source_id == obj.source.id, HarvestObject.guid == obj.guid,
            HarvestObject.current == True).first()  # noqa: E712
        existing = model.Package.get(previous[0]) if previous else None
        if existing is None and dataset.get("name"):
            taken = model.Package.get(dataset["name"])
            if taken is not None:
                self._save_object_error(bilingual(MSG["taken"], **where), obj, "Import")
                return False
        context = self._context()
        try:
            if existing is not None:
                dataset.update(id=existing.id, state="active")
            else:
                dataset["id"] = str(uuid.uuid4())
            save_for_object(context, obj, dataset, existing.id if existing is not None else None)
        except tk.ValidationError as error:
            model.Session.rollback()
            self._save_object_error(
                bilingual(MSG["row"], errors=mapping.format_validation_errors(error.error_dict), **where),
                obj, "Import")
            return False
        return True
