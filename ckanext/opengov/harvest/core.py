"""What the portal's harvesters share (agency CKAN, spreadsheet; DCAT reuses ckanext-dcat's own):
harvest objects marked "change" or "withdraw", the source configuration (agencies, categories),
an import that saves through package_create/package_update so every validator and the
classification gate apply, withdrawing, free dataset names, and reads of ckanext-harvest's tables.
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

from ckanext.opengov.harvest import queue_fix, shared_show, source_unique
from ckanext.opengov.messages import N_, bilingual

log = logging.getLogger(__name__)
queue_fix.apply()  # every consumer process loads a harvester plugin: fix ckanext-harvest's consumers there
source_unique.apply()  # and every web process: registering a source is one query, not one per source

STATUS_KEY = "opengov_status"
WITHDRAW = "withdraw"
CHANGE = "change"

MSG = {
    "config": N_("Invalid harvest source configuration: %(detail)s"),
    "unknown": N_("Unexpected error importing %(guid)s: %(detail)s"),
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
    """The machinery every opengov harvester plugin builds on; subclasses give info(),
    gather_stage() and _import_record(obj).

    (A loaded plugin class must not subclass another loaded plugin class: CKAN would then
    see one of them only. So each plugin subclasses this one.)
    """

    # Every import ends by `finish` in the transaction that saves its dataset, so the queue's
    # fetch_and_import_stages adds no commits of its own (queue_fix).
    one_transaction = True

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

    def _failed_object(self, job, guid, message, package_id=None):
        """An object that is reported on the job and never imported."""
        obj = HarvestObject.get(self._new_object(job, guid, CHANGE, package_id=package_id))
        obj.state, obj.report_status = "ERROR", "errored"
        self._save_object_error(message, obj, "Gather")

    def _new_object(self, job, guid, status, content=None, modified=None, package_id=None):
        obj = HarvestObject(guid=guid, job=job, content=content, package_id=package_id,
                            harvest_source_id=job.source.id,
                            metadata_modified_date=parse_time(modified))
        obj.extras = [HarvestObjectExtra(key=STATUS_KEY, value=status)]
        model.Session.add(obj)
        model.Session.flush()
        return obj.id

    def fetch_stage(self, harvest_object):
        return True

    def import_stage(self, harvest_object):
        status = object_extra(harvest_object, STATUS_KEY)
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

    def _free_name(self, ideal: str) -> str:
        """The record's own name when no dataset here has it, else the first free of
        `<name>-2`, `<name>-3`, ... (one indexed lookup each way)."""
        return free_name(ideal[:PACKAGE_NAME_MAX_LENGTH])

    def _withdraw(self, obj):
        package_id = obj.package_id or obj.guid
        package = model.Package.get(package_id)
        if package is not None and package.state != "deleted" and owning_source(package.id) == obj.source.id:
            tk.get_action("package_delete")(self._context(), {"id": package.id})
        model.Session.query(HarvestObject).filter(
            HarvestObject.package_id == package_id).update({"current": False})
        obj.package_id = package.id if package is not None else None
        obj.current = False
        finish(obj, "deleted")
        obj.save()
        return True


# -- helpers over ckanext-harvest's tables ---------------------------------------------

def finish(obj: HarvestObject, report_status: str) -> None:
    """The object's end state, as ckanext-harvest's fetch_and_import_stages would write it,
    set before the commit that saves its dataset (one transaction per object)."""
    obj.state, obj.report_status = "COMPLETE", report_status
    obj.import_finished = datetime.datetime.utcnow()


def save_for_object(context: dict, obj: HarvestObject, dataset: dict, existing_id: str | None) -> None:
    """Create or update the dataset a harvest object brings; the object becomes its current one."""
    if existing_id is not None:
        model.Session.query(HarvestObject).filter(
            HarvestObject.package_id == existing_id).update({"current": False})
        obj.package_id, obj.current = existing_id, True
        finish(obj, "updated")
        # package_update commits (the object with it). Not deferred like a creation: CKAN
        # 2.12's package_update with defer_commit skips the activity (return_id_only) or
        # rolls the change back (without it).
        tk.get_action("package_update")(context, dataset)
        return
    obj.package_id, obj.current = dataset["id"], True
    obj.add()
    # The object points at a package created just after it, in the same transaction.
    model.Session.execute(sa.text("SET CONSTRAINTS harvest_object_package_id_fkey DEFERRED"))
    model.Session.flush()
    create_without_solr_commit(context, dataset, before_commit=lambda: finish(obj, "added"))


def create_without_solr_commit(context: dict, dataset: dict, before_commit=None) -> str:
    """package_create (same schema, validators and plugins) but without a Solr hard commit per
    dataset, which is most of a harvest's time: the document is sent to Solr uncommitted and
    becomes searchable at Solr's next commit (autoSoftCommit, or the `harvester run` that
    closes the job, which commits: harvest/api.py). The dataset's activity and its search
    document share one rendering (shared_show). `before_commit` completes the transaction
    (the harvest object's end state)."""
    from ckan import logic

    with shared_show.sharing(dataset["id"]):
        package_id = tk.get_action("package_create")(dict(context, defer_commit=True, return_id_only=True), dataset)
        both = shared_show.default_and_custom(dict(context), package_id)
        logic.index_update_package_dicts(both, defer_commit=True)
    if before_commit is not None:
        before_commit()
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


def parse_time(value) -> datetime.datetime | None:
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


def stored_state(source_id: str) -> dict[str, tuple[str, datetime.datetime | None]]:
    """guid -> (package id, remote metadata_modified) of what this source currently holds here."""
    rows = model.Session.query(
        HarvestObject.guid, HarvestObject.package_id, HarvestObject.metadata_modified_date
    ).join(model.Package, model.Package.id == HarvestObject.package_id).filter(
        HarvestObject.harvest_source_id == source_id,
        HarvestObject.current == True,  # noqa: E712
        model.Package.state == "active",
    )
    return {guid: (package_id, modified) for guid, package_id, modified in rows}


def owning_source(package_id: str) -> str | None:
    row = model.Session.query(HarvestObject.harvest_source_id).filter(
        HarvestObject.package_id == package_id).order_by(
        HarvestObject.current.desc(), HarvestObject.gathered.desc()).first()
    return row[0] if row else None


def source_title(source_id: str) -> str:
    package = model.Package.get(source_id)
    return f"{package.title} ({package.name})" if package else source_id


def reference_twin(reference: str, package_id: str, source_id: str) -> str | None:
    """Name of another active dataset, not from this source, that copies the same original."""
    candidates = model.Session.query(model.Package.id, model.Package.name).filter(
        model.Package.extras["reference_url_catalog"].astext == reference,
        model.Package.id != package_id,
        model.Package.state == "active",
        model.Package.type != "harvest",
    )
    for other_id, name in candidates:
        if owning_source(other_id) != source_id:
            return name
    return None


def object_extra(obj, key):
    for extra in obj.extras:
        if extra.key == key:
            return extra.value
    return None
