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

import datetime
import json
import logging
import uuid

import ckan.model as model
import ckan.plugins.toolkit as tk
import sqlalchemy as sa
from ckan.model import PACKAGE_NAME_MAX_LENGTH
from ckanext.harvest.harvesters.base import HarvesterBase
from ckanext.harvest.model import HarvestObject, HarvestObjectExtra

from ckanext.opengov.harvest import mapping, queue_fix, shared_show
from ckanext.opengov.harvest.listing import ListingError, changed_records, list_public_ids, show_record
from ckanext.opengov.harvest.safe_http import FetchError, SafeClient
from ckanext.opengov.messages import N_, bilingual

log = logging.getLogger(__name__)
queue_fix.apply()  # every consumer process loads this plugin: fix ckanext-harvest's consumers there

STATUS_KEY = "opengov_status"
WITHDRAW = "withdraw"
CHANGE = "change"
COMMIT_EVERY = 200

MSG = {
    "conflict_id": N_("Not imported: dataset %(id)s already exists here and belongs to %(owner)s, "
                      "not to this source."),
    "conflict_ref": N_("Not imported: the same record (%(ref)s) is already harvested from another "
                       "source as dataset %(name)s."),
    "invalid": N_("Record %(guid)s (%(name)s) was refused: %(errors)s"),
    "no_agency": N_("The harvest source belongs to no agency, so its datasets have nowhere to go."),
    "config": N_("Invalid harvest source configuration: %(detail)s"),
    "withdraw_check": N_("Could not confirm at the source that %(guid)s was withdrawn: %(detail)s"),
    "unknown": N_("Unexpected error importing %(guid)s: %(detail)s"),
    "missing": N_("Record %(guid)s was listed by the source but not received when its full record "
                  "was requested (%(detail)s); the next run tries again."),
}

AGENCY_MODES = ("source", "map", "create")
CATEGORY_MODES = ("none", "only_local", "create")


def parse_config(text: str | None) -> dict:
    config = json.loads(text) if text else {}
    if not isinstance(config, dict):
        raise ValueError("the configuration must be a JSON object")
    if config.get("agencies", "source") not in AGENCY_MODES:
        raise ValueError("agencies must be one of " + ", ".join(AGENCY_MODES))
    if config.get("categories", "only_local") not in CATEGORY_MODES:
        raise ValueError("categories must be one of " + ", ".join(CATEGORY_MODES))
    for key in ("page_size", "max_pages"):
        if key in config and (not isinstance(config[key], int) or config[key] < 1):
            raise ValueError(f"{key} must be a positive integer")
    if "organization" in config and not isinstance(config["organization"], str):
        raise ValueError("organization must be the name of an organization at the source")
    return config


class HarvesterCore(HarvesterBase):
    """Everything of the agency CKAN harvester; other harvesters reuse its import machinery.

    (A loaded plugin class must not subclass another loaded plugin class: CKAN would then
    see one of them only. So both subclass this one.)
    """

    def info(self):
        return {
            "name": "opengov_ckan",
            "title": "Agency CKAN catalog (TGDC)",
            "description": "Harvests an agency's CKAN catalog with the TGDC schema: incremental, "
                           "withdraws what the agency deleted or made private.",
            "form_config_interface": "Text",
        }

    def validate_config(self, config):
        try:
            parsed = parse_config(config)
        except ValueError as error:
            raise ValueError(bilingual(MSG["config"], detail=str(error)))
        # Creating agencies and categories touches the whole portal: sysadmins only.
        creates = parsed.get("agencies") == "create" or parsed.get("categories") == "create"
        try:
            user = tk.current_user if tk.current_user.is_authenticated else None
        except (RuntimeError, AttributeError):  # no request: the command line, run by operators
            user = None
        if creates and user is not None and not getattr(user, "sysadmin", False):
            raise ValueError(bilingual(MSG["config"], detail="only sysadmins may set agencies/categories to 'create'"))
        return config

    # -- gather ------------------------------------------------------------------------

    def gather_stage(self, harvest_job):
        source = harvest_job.source
        try:
            config = parse_config(source.config)
        except ValueError as error:
            self._save_gather_error(bilingual(MSG["config"], detail=str(error)), harvest_job)
            return []
        base = source.url.rstrip("/")
        client = SafeClient()
        stored = _stored_state(source.id)
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
                if previous is not None and previous[1] == _parse_time(entry.get("metadata_modified")):
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

    def _failed_object(self, job, guid, message, package_id=None):
        """An object that is reported on the job and never imported."""
        obj = HarvestObject.get(self._new_object(job, guid, CHANGE, package_id=package_id))
        obj.state, obj.report_status = "ERROR", "errored"
        self._save_object_error(message, obj, "Gather")

    def _new_object(self, job, guid, status, content=None, modified=None, package_id=None):
        obj = HarvestObject(guid=guid, job=job, content=content, package_id=package_id,
                            harvest_source_id=job.source.id,
                            metadata_modified_date=_parse_time(modified))
        obj.extras = [HarvestObjectExtra(key=STATUS_KEY, value=status)]
        model.Session.add(obj)
        model.Session.flush()
        return obj.id

    def fetch_stage(self, harvest_object):
        return True

    # -- import ------------------------------------------------------------------------

    def import_stage(self, harvest_object):
        status = _extra(harvest_object, STATUS_KEY)
        try:
            if status == WITHDRAW:
                return self._withdraw(harvest_object)  # confirmed at the source by the gather
            return self._import_record(harvest_object)
        except Exception as error:  # one bad record must not stop the others
            log.exception("import of %s failed", harvest_object.guid)
            model.Session.rollback()
            self._save_object_error(
                bilingual(MSG["unknown"], guid=harvest_object.guid, detail=f"{type(error).__name__}: {error}"),
                harvest_object, "Import")
            return False

    def _context(self):
        return {"model": model, "session": model.Session, "user": self._get_user_name(),
                "ignore_auth": True}

    def _import_record(self, obj):
        config = parse_config(obj.source.config)
        record = json.loads(obj.content)
        base = obj.source.url.rstrip("/")
        if not (mapping.is_public(record) and mapping.allows_harvest(record)):
            return self._withdraw(obj)
        dataset = mapping.map_dataset(record, base)

        existing = model.Package.get(dataset["id"])
        if existing is not None and existing.type == "harvest":
            existing = None
        owner = _owning_source(dataset["id"])
        if existing is not None and owner != obj.source.id:
            owner_text = _source_title(owner) if owner else "a dataset made on this portal"
            self._save_object_error(bilingual(MSG["conflict_id"], id=dataset["id"], owner=owner_text), obj, "Import")
            return False
        twin = _reference_twin(dataset["reference_url_catalog"], dataset["id"], obj.source.id)
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

    def _free_name(self, ideal: str) -> str:
        """The record's own name when no dataset here has it, else the first free of
        `<name>-2`, `<name>-3`, ... (one indexed lookup each way)."""
        return free_name(ideal[:PACKAGE_NAME_MAX_LENGTH])

    def _withdraw(self, obj):
        package_id = obj.package_id or obj.guid
        package = model.Package.get(package_id)
        if package is not None and package.state != "deleted" and _owning_source(package.id) == obj.source.id:
            tk.get_action("package_delete")(self._context(), {"id": package.id})
        model.Session.query(HarvestObject).filter(
            HarvestObject.package_id == package_id).update({"current": False})
        obj.package_id = package.id if package is not None else None
        obj.current = False
        obj.save()
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


# -- helpers over ckanext-harvest's tables ---------------------------------------------

def save_for_object(context: dict, obj: HarvestObject, dataset: dict, existing_id: str | None) -> None:
    """Create or update the dataset a harvest object brings; the object becomes its current one."""
    if existing_id is not None:
        tk.get_action("package_update")(context, dataset)
        model.Session.query(HarvestObject).filter(
            HarvestObject.package_id == existing_id).update({"current": False})
        obj.package_id, obj.current = existing_id, True
        obj.save()
        return
    obj.package_id, obj.current = dataset["id"], True
    obj.add()
    # The object points at a package created just after it, in the same transaction.
    model.Session.execute(sa.text("SET CONSTRAINTS harvest_object_package_id_fkey DEFERRED"))
    model.Session.flush()
    create_without_solr_commit(context, dataset)


def create_without_solr_commit(context: dict, dataset: dict) -> str:
    """package_create (same schema, validators and plugins) but without a Solr hard commit per
    dataset, which is most of a harvest's time: the document is sent to Solr uncommitted and
    becomes searchable at Solr's next commit (autoSoftCommit, or ckanext-harvest's reindex of
    the source when the job finishes, which commits). The dataset's activity and its search
    document share one rendering (shared_show)."""
    from ckan import logic

    with shared_show.sharing(dataset["id"]):
        package_id = tk.get_action("package_create")(dict(context, defer_commit=True, return_id_only=True), dataset)
        both = shared_show.default_and_custom(dict(context), package_id)
        logic.index_update_package_dicts(both, defer_commit=True)
    model.repo.commit()
    return package_id


def readable_variants(name: str, upto: int = 100) -> list[str]:
    """`bma-00304` -> `bma-00304-2`, `bma-00304-3`, ... each within CKAN's name length."""
    variants = []
    for number in range(2, upto + 1):
        suffix = f"-{number}"
        variants.append(name[:PACKAGE_NAME_MAX_LENGTH - len(suffix)] + suffix)
    return variants


def free_name(ideal: str) -> str:
    if model.Package.by_name(ideal) is None:
        return ideal
    variants = readable_variants(ideal)
    taken = {name for (name,) in model.Session.query(model.Package.name).filter(model.Package.name.in_(variants))}
    for name in variants:
        if name not in taken:
            return name
    suffix = "-" + uuid.uuid4().hex[:8]  # a hundred namesakes: give up on numbers
    return ideal[:PACKAGE_NAME_MAX_LENGTH - len(suffix)] + suffix


def _parse_time(value) -> datetime.datetime | None:
    if not value:
        return None
    if isinstance(value, datetime.datetime):
        return value
    try:
        parsed = datetime.datetime.fromisoformat(str(value).replace("Z", "")).replace(tzinfo=None)
    except ValueError:
        return None
    # Solr keeps milliseconds, package_show gives microseconds: compare at Solr's precision.
    return parsed.replace(microsecond=parsed.microsecond // 1000 * 1000)


def _stored_state(source_id: str) -> dict[str, tuple[str, datetime.datetime | None]]:
    """guid -> (package id, remote metadata_modified) of what this source currently holds here."""
    rows = model.Session.query(
        HarvestObject.guid, HarvestObject.package_id, HarvestObject.metadata_modified_date
    ).join(model.Package, model.Package.id == HarvestObject.package_id).filter(
        HarvestObject.harvest_source_id == source_id,
        HarvestObject.current == True,  # noqa: E712
        model.Package.state == "active",
    )
    return {guid: (package_id, modified) for guid, package_id, modified in rows}


def _owning_source(package_id: str) -> str | None:
    row = model.Session.query(HarvestObject.harvest_source_id).filter(
        HarvestObject.package_id == package_id).order_by(
        HarvestObject.current.desc(), HarvestObject.gathered.desc()).first()
    return row[0] if row else None


def _source_title(source_id: str) -> str:
    package = model.Package.get(source_id)
    return f"{package.title} ({package.name})" if package else source_id


def _reference_twin(reference: str, package_id: str, source_id: str) -> str | None:
    """Name of another active dataset, not from this source, that copies the same original."""
    candidates = model.Session.query(model.Package.id, model.Package.name).filter(
        model.Package.extras["reference_url_catalog"].astext == reference,
        model.Package.id != package_id,
        model.Package.state == "active",
        model.Package.type != "harvest",
    )
    for other_id, name in candidates:
        if _owning_source(other_id) != source_id:
            return name
    return None


def _extra(obj, key):
    for extra in obj.extras:
        if extra.key == key:
            return extra.value
    return None


class OpengovCkanHarvester(HarvesterCore):
    """The `opengov_ckan` plugin."""
