"""Guards on ckanext-harvest's own actions, as the portal exposes them.

- Only the guarded source types (our harvesters, which fetch through harvest/safe_http.py)
  may be registered, switched to, or run: a site that also loads another harvester plugin
  (ckanext-harvest's stock `ckan` harvester fetches with plain requests) still cannot use it.
- A source URL whose host is or resolves to a forbidden address is refused when the source is
  registered or changed, with a Thai/English reason (and still refused at fetch time).
- ckanext-harvest's create/update/patch actions check only package_create/package_update
  (so agency editors pass); here they check the harvest_source_* functions of harvest_auth.
- Inputs that made ckanext-harvest answer with a server error get a 4xx.
"""
from __future__ import annotations

from urllib.parse import urlsplit

import ckan.model as model
import ckan.plugins as p
import ckan.plugins.toolkit as tk

from ckanext.opengov.messages import N_, bilingual

GUARDED_SOURCE_TYPES = ("opengov_ckan", "opengov_dcat", "opengov_sheet")

MSG = {
    "type": N_("The source type must be one of: %(types)s"),
    "scheme": N_("The source URL must start with http:// or https://"),
    "forbidden": N_("The source URL leads to a private, local or reserved address (%(address)s); "
                    "the portal does not harvest from there."),
    "type_not_run": N_("Sources of type %(type)s are not harvested on this portal."),
    "job_exists": N_("A job for this source is already waiting or running."),
    "inactive": N_("The source is inactive, so no job can be started for it."),
    "text": N_("Must be a single text value."),
    "number": N_("Must be a whole number, 0 or more."),
    "not_found": N_("Harvest source not found: %(id)s"),
    "required": N_("Missing value"),
    "one_of_ids": N_("Give the id of a harvest source or of a harvest job."),
    "source_inactive": N_("The harvest source is inactive, so its records cannot be imported."),
    "not_an_action": N_("There is no API action named %(name)s."),
}


def guard_errors(source_type, url) -> dict:
    """The errors of a source's type and URL (the values it will have once stored)."""
    from ckanext.opengov.harvest.addresses import ForbiddenAddress
    from ckanext.opengov.harvest.safe_http import check_source_url

    errors = {}
    if source_type not in GUARDED_SOURCE_TYPES:
        errors["source_type"] = [bilingual(MSG["type"], types=", ".join(GUARDED_SOURCE_TYPES))]
    if not isinstance(url, str) or urlsplit(url.strip()).scheme.lower() not in ("http", "https") \
            or not urlsplit(url.strip()).hostname:
        errors["url"] = [bilingual(MSG["scheme"])]
    else:
        try:
            check_source_url(url.strip())
        except ForbiddenAddress as error:
            errors["url"] = [bilingual(MSG["forbidden"], address=error.address)]
        except ValueError:  # a malformed port or host
            errors["url"] = [bilingual(MSG["scheme"])]
    return errors


def _raise_if(errors: dict):
    if errors:
        raise tk.ValidationError(errors)


def _check(name: str, context, data_dict):
    tk.check_access(name, context, data_dict)  # passes at once for ignore_auth (internal calls)


def _stored(source_id):
    """The stored source (HarvestSource) named by id or name, or 404."""
    from ckanext.harvest.model import HarvestSource

    package = model.Package.get(source_id) if isinstance(source_id, str) and source_id else None
    source = HarvestSource.get(package.id) if package is not None and package.type == "harvest" else None
    if source is None:
        raise tk.ObjectNotFound(bilingual(MSG["not_found"], id=source_id))
    return source


@tk.chained_action
@tk.side_effect_free
def harvest_source_show(original, context, data_dict):
    """ckanext-harvest's show only proxies package_show: any public dataset's id answered, and a
    lookup by `url` ran before any check. Only a stored source, and only for its agency."""
    from ckanext.harvest.model import HarvestSource

    source_id, by_url = data_dict.get("id"), False
    if not source_id and isinstance(data_dict.get("url"), str) and data_dict["url"]:
        found = model.Session.query(HarvestSource).filter_by(url=data_dict["url"]).first()
        source_id, by_url = (found.id if found else data_dict["url"]), True
    source = _stored(source_id)
    try:
        _check("harvest_source_show", context, {"id": source.id})
    except tk.NotAuthorized:
        if by_url:  # whether a URL is registered is itself not public
            raise tk.ObjectNotFound(bilingual(MSG["not_found"], id=source_id))
        raise
    return original(context, dict(data_dict, id=source.id))


@tk.chained_action
def harvest_source_create(original, context, data_dict):
    _check("harvest_source_create", context, data_dict)
    _raise_if(guard_errors(data_dict.get("source_type"), data_dict.get("url")))
    return original(context, data_dict)


def _guard_change(name: str, original, context, data_dict, patch: bool):
    _check(name, context, data_dict)
    source = _stored(data_dict.get("id"))
    # update without a field stores it empty (ckanext-harvest's schema then refuses it);
    # patch keeps the stored value.
    default_type, default_url = (source.type, source.url) if patch else (None, None)
    _raise_if(guard_errors(data_dict.get("source_type", default_type), data_dict.get("url", default_url)))
    return original(context, data_dict)


@tk.chained_action
def harvest_source_update(original, context, data_dict):
    return _guard_change("harvest_source_update", original, context, data_dict, patch=False)


@tk.chained_action
def harvest_source_patch(original, context, data_dict):
    return _guard_change("harvest_source_patch", original, context, data_dict, patch=True)


def _checking_own_name(name: str, side_effect_free: bool = False):
    """Chain an action of ckanext-harvest that checks another name's auth function (or none)
    so that it checks its own (harvest_auth registers it): otherwise CKAN's auth audit fails
    the call with a server error, and the check we mean is not the one that runs."""
    @tk.chained_action
    def action(original, context, data_dict):
        _check(name, context, data_dict)
        return original(context, data_dict)

    if side_effect_free:
        action = tk.side_effect_free(action)
    action.__name__ = name
    return action


def _refuse_unguarded(source) -> None:
    if source.type not in GUARDED_SOURCE_TYPES:
        raise tk.ValidationError({"source_type": [bilingual(MSG["type_not_run"], type=source.type)]})


@tk.chained_action
def harvest_job_create(original, context, data_dict):
    from ckanext.harvest.logic import HarvestJobExists, HarvestSourceInactiveError

    _check("harvest_job_create", context, data_dict)
    _refuse_unguarded(_stored(data_dict.get("source_id")))
    try:
        return original(context, data_dict)
    except HarvestJobExists:
        raise tk.ValidationError({"source_id": [bilingual(MSG["job_exists"])]})
    except HarvestSourceInactiveError:
        raise tk.ValidationError({"source_id": [bilingual(MSG["inactive"])]})


@tk.chained_action
def harvest_send_job_to_gather_queue(original, context, data_dict):
    from ckanext.harvest.model import HarvestJob

    job = HarvestJob.get(data_dict.get("id")) if isinstance(data_dict.get("id"), str) else None
    if job is not None:
        _refuse_unguarded(job.source)
    return original(context, data_dict)


@tk.chained_action
def harvest_abort_failed_jobs(original, context, data_dict):
    """ckanext-harvest checks no access here: anyone could abort every running job."""
    _check("harvest_abort_failed_jobs", context, data_dict)
    data_dict = validated(data_dict, optional=("include", "exclude"))
    life_span, errors = tk.navl_validate({"life_span": data_dict.get("life_span", 7)},
                                         {"life_span": [_whole_number]}, {})
    _raise_if({key: messages for key, messages in errors.items() if messages})
    return original(context, dict(data_dict, life_span=life_span["life_span"]))


@tk.chained_action
@tk.side_effect_free
def harvest_source_reindex(original, context, data_dict):
    """ckanext-harvest checks no access here. Its own bulk reindex (harvest_sources_reindex,
    sysadmins only) calls it with a bare `defer_commit` context; API callers cannot set context."""
    internal = bool(context.get("defer_commit"))
    _check("harvest_source_reindex", dict(context, ignore_auth=True) if internal else context, data_dict)
    return original(context, data_dict)


@tk.chained_action
@tk.side_effect_free
def harvest_log_list(original, context, data_dict):
    _check("harvest_log_list", context, data_dict)
    return original(context, validated(data_dict, optional=("level",)))


@tk.chained_action
@tk.side_effect_free
def harvest_job_list(original, context, data_dict):
    _check("harvest_job_list", context, data_dict)
    return original(context, validated(data_dict, optional=("source_id", "status")))


def _text(value, context):
    """One non-empty text value: ckanext-harvest sends it to SQL or looks it up as it is, and
    anything else there was a server error."""
    if value is tk.missing or value is None:
        raise tk.Invalid(bilingual(MSG["required"]))
    if not isinstance(value, str) or not value:
        raise tk.Invalid(bilingual(MSG["text"]))
    return value


def _whole_number(value, context):
    """0 or more, as a number or its digits (a boolean is not a number here)."""
    if isinstance(value, bool) or not str(value).isdigit():
        raise tk.Invalid(bilingual(MSG["number"]))
    return int(value)


def validated(data_dict, required=(), optional=()) -> dict:
    """Check the named keys (an optional one may be missing or None); the data dict is passed
    on as sent, so ckanext-harvest still reads the rest itself."""
    ignore_missing = tk.get_validator("ignore_missing")
    schema = {key: [_text] for key in required}
    schema.update({key: [ignore_missing, _text] for key in optional})
    data_dict = data_dict or {}
    # None (and "" for an optional key) is how ckanext-harvest's own callers say "not given".
    sent = {key: value for key, value in data_dict.items()
            if key in schema and value is not None and not (key in optional and value == "")}
    _data, errors = tk.navl_validate(sent, schema, {})
    _raise_if({key: messages for key, messages in errors.items() if messages})
    return data_dict


def _validating(name: str, required=(), optional=(), side_effect_free: bool = False):
    """Chain an action of ckanext-harvest that crashes on a missing key or a value that is not
    text: its own access check first, then the keys, then the action."""
    @tk.chained_action
    def action(original, context, data_dict):
        _check(name, context, data_dict)
        return original(context, validated(data_dict, required, optional))

    if side_effect_free:
        action = tk.side_effect_free(action)
    action.__name__ = name
    return action


@tk.chained_action
def harvest_job_abort(original, context, data_dict):
    """Without source_id or id ckanext-harvest fails on a variable it never set."""
    _check("harvest_job_abort", context, data_dict)
    data_dict = validated(data_dict, optional=("source_id", "id"))
    if not data_dict.get("source_id") and not data_dict.get("id"):
        raise tk.ValidationError({"id": [bilingual(MSG["one_of_ids"])]})
    return original(context, data_dict)


@tk.chained_action
def harvest_objects_import(original, context, data_dict):
    """Each key goes to SQL as it is sent; an inactive source raised a bare Exception."""
    from ckanext.harvest.model import HarvestSource

    _check("harvest_objects_import", context, data_dict)
    data_dict = validated(data_dict, optional=("source_id", "guid", "harvest_object_id", "package_id"))
    source = HarvestSource.get(data_dict["source_id"]) if data_dict.get("source_id") else None
    if source is not None and not source.active and not data_dict.get("guid"):
        raise tk.ValidationError({"source_id": [bilingual(MSG["source_inactive"])]})
    return original(context, data_dict)


def _not_an_action(name: str):
    """For a name ckanext-harvest hands CKAN as an action by mistake (an auth function)."""
    @tk.chained_action
    @tk.side_effect_free
    def action(original, context, data_dict):
        raise tk.ObjectNotFound(bilingual(MSG["not_an_action"], name=name))

    action.__name__ = name
    return action


def get_actions() -> dict:
    from ckanext.opengov.harvest.auth import auth_names_registered_as_actions

    # Only the names registered right now: a chain with nothing under it stops CKAN's start.
    mistaken = auth_names_registered_as_actions() if p.plugin_loaded("harvest") else set()
    own = {name: _not_an_action(name) for name in mistaken}
    own.update({
        "harvest_source_show_status": _validating("harvest_source_show_status", required=("id",),
                                                  side_effect_free=True),
        "harvest_get_notifications_recipients": _validating(
            "harvest_get_notifications_recipients", required=("source_id",), side_effect_free=True),
        "harvest_object_create": _validating(
            "harvest_object_create", required=("job_id",), optional=("source_id", "package_id", "guid", "state")),
        "harvest_job_abort": harvest_job_abort,
        "harvest_objects_import": harvest_objects_import,
    })
    own.update({name: _checking_own_name(name) for name in (
        "harvest_source_index_clear", "harvest_source_job_history_clear", "harvest_sources_job_history_clear")})
    own["harvest_job_report"] = _checking_own_name("harvest_job_report", side_effect_free=True)
    return own | {f.__name__: f for f in (
        harvest_source_show, harvest_source_create, harvest_source_update, harvest_source_patch, harvest_job_create,
        harvest_send_job_to_gather_queue, harvest_abort_failed_jobs, harvest_source_reindex,
        harvest_log_list, harvest_job_list,
    )}


def get_auth_functions() -> dict:
    return {}


def harvest_package_guard(action: str, context, data_dict) -> None:
    """The same checks for CKAN core's package_create / package_update / package_patch /
    package_delete when they touch a harvest source (ckanext-harvest's `/harvest/new` and
    `/harvest/edit` forms call them directly, and the API lets anyone call them): the
    harvest_source_* access check, the guarded type and the address check.

    For a chained core action to call before the original (core actions are chained in
    logic/core_guards.py and logic/action.py, not here).
    """
    if action == "package_create":
        if data_dict.get("type") != "harvest":
            return
        _check("harvest_source_create", context, data_dict)
        _raise_if(guard_errors(data_dict.get("source_type"), data_dict.get("url")))
        return
    name_or_id = data_dict.get("id") or data_dict.get("name")
    package = model.Package.get(name_or_id) if isinstance(name_or_id, str) and name_or_id else None
    if package is None or package.type != "harvest":
        if data_dict.get("type") == "harvest" and package is not None:  # no dataset becomes a source
            raise tk.ValidationError({"type": [bilingual(MSG["type"], types=", ".join(GUARDED_SOURCE_TYPES))]})
        return
    if action == "package_delete":
        _check("harvest_source_delete", context, {"id": package.id})
        return
    check_name = "harvest_source_patch" if action == "package_patch" else "harvest_source_update"
    _check(check_name, context, dict(data_dict, id=package.id))
    source = _stored(package.id)
    patch = action == "package_patch"
    _raise_if(guard_errors(data_dict.get("source_type", source.type if patch else None),
                           data_dict.get("url", source.url if patch else None)))
