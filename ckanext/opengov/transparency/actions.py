"""Action API for the transparency figures (``opengov_transparency_*``), read from the snapshot."""
from __future__ import annotations

import datetime as dt
import itertools

import ckan.authz as authz
import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.opengov.messages import N_, bilingual
from ckanext.opengov.tgdc import dates
from ckanext.opengov.transparency import queries, schema, tables
from ckanext.opengov.transparency.schema import MAX_LIMIT

NO_SNAPSHOT = N_("There is no transparency snapshot for that date yet. "
                 "A sysadmin runs `ckan opengov transparency refresh`.")
UNKNOWN_AGENCY = N_("Agency not found: %(agency)s")
HISTORY_STARTS = N_("Per-dataset history starts on %(first)s: choose that date or a later one")
NEEDS_AGENCY = N_("This table is per agency: give agency=<agency id or name>")


def _day(conn, data: dict) -> dt.date:
    day = queries.latest_day(conn, data.get("date"))
    if day is None:
        raise tk.ObjectNotFound(bilingual(NO_SNAPSHOT))
    return day


def can_see_private(context, org_id: str) -> bool:
    """An agency's own admins (and sysadmins) see its private counts and datasets."""
    user = context.get("user")
    if not user:
        return False
    return authz.is_sysadmin(user) or authz.users_role_for_group_or_org(org_id, user) == "admin"


def opengov_transparency_summary(context, data_dict):
    """National totals of a snapshot (the latest, or the last one on or before ``date``)."""
    tk.check_access("opengov_transparency_read", context, data_dict)
    data = schema.validate(data_dict, schema.summary_schema())
    conn = model.Session.connection()
    return queries.snapshot(conn, _day(conn, data))


def opengov_transparency_table(context, data_dict):
    """Rows of one table: ``table`` (agencies, ministries, openness, timeliness, thresholds,
    harvest, growth, history, objectives, overlap, overdue, incomplete, no_resources),
    optional ``agency``, ``date``, ``limit`` (≤ 1000) and ``offset``."""
    result = table_rows(context, data_dict)
    limit, offset = result.pop("limit"), result.pop("offset")
    rows = result["rows"](model.Session.connection())
    result["rows"] = list(itertools.islice(rows, offset, offset + limit))
    return result


def table_rows(context, data_dict) -> dict:
    """``opengov_transparency_table``, authorised and validated the same way, with ``rows`` a
    function of a database connection that yields every row: the API pages them; a download
    streams them on a connection of its own (the request's is closed before a stream ends)."""
    tk.check_access("opengov_transparency_read", context, data_dict)
    data = schema.validate(data_dict, schema.table_schema(tables.TABLES))
    table = tables.TABLES[data["table"]]
    conn = model.Session.connection()
    day = _day(conn, data)
    agency = data.get("agency") or None
    include_private = False
    if agency:
        row = queries.agency_row(conn, day, agency)
        if row is None:
            raise tk.ObjectNotFound(bilingual(UNKNOWN_AGENCY, agency=agency))
        include_private = can_see_private(context, row["org_id"])
    elif table.needs_agency:
        raise tk.ValidationError({"agency": [bilingual(NEEDS_AGENCY)]})
    # The resolved agency's id from here on: a name cannot then match a second agency.
    agency_id = row["org_id"] if agency else None
    return {
        "table": table.key, "snapshot_date": str(day),
        "columns": [key for key, _ in table.columns],
        "rows": lambda on: (_jsonable(r) for r in table.rows(
            on, day, agency=agency_id, include_private=include_private)),
        "limit": data.get("limit", MAX_LIMIT), "offset": data.get("offset", 0),
    }


def opengov_transparency_agency(context, data_dict):
    """One agency's scorecard: ``id`` (name or id), optional ``date``. Its admins also get
    ``private_datasets``."""
    tk.check_access("opengov_transparency_read", context, data_dict)
    data = schema.validate(data_dict, schema.agency_schema())
    conn = model.Session.connection()
    day = _day(conn, data)
    key = data["id"]
    row = queries.agency_row(conn, day, key)
    if row is None:
        raise tk.ObjectNotFound(bilingual(UNKNOWN_AGENCY, agency=key))
    private = can_see_private(context, row["org_id"])
    if not private:
        row.pop("private_datasets")
    row["snapshot_date"] = str(day)
    for which in tables.DATASET_LISTS:
        row[which] = [_jsonable(r) for r in itertools.islice(
            tables.agency_datasets(conn, day, row["org_id"], which, private), MAX_LIMIT)]
    return _jsonable(row)


def opengov_transparency_changes(context, data_dict):
    """Public datasets added, removed or changed since ``since`` (YYYY-MM-DD); optional
    ``limit`` (≤ 1000)."""
    result = change_rows(context, data_dict)
    rows = result["rows"](model.Session.connection())
    result["rows"] = list(itertools.islice(rows, result.pop("limit")))
    return result


def change_rows(context, data_dict) -> dict:
    """``opengov_transparency_changes`` with ``rows`` as in ``table_rows`` (the download streams them)."""
    tk.check_access("opengov_transparency_read", context, data_dict)
    data = schema.validate(data_dict, schema.changes_schema())
    since = data["since"]
    conn = model.Session.connection()
    day = _day(conn, data)
    first = tables.first_dataset_day(conn)
    if first is None or since < first:
        first = first or day
        raise tk.ValidationError({"since": [bilingual(
            HISTORY_STARTS, first=str(first), thai_params={"first": dates.format_thai_date(first)})]})
    return {"since": str(since), "snapshot_date": str(day), "limit": data.get("limit", MAX_LIMIT),
            "rows": lambda on: (_jsonable(r) for r in tables.changes(on, since, day))}


def opengov_transparency_refresh(context, data_dict):
    """Queue the refresh as a background job (sysadmins)."""
    tk.check_access("opengov_transparency_refresh", context, data_dict)
    from ckanext.opengov.transparency import jobs

    data = schema.validate(data_dict, schema.refresh_schema())
    day = data.get("date")
    job = jobs.enqueue(str(day) if day else None, data.get("overlap", True))
    return {"job_id": job.id}


def _jsonable(row: dict) -> dict:
    return {k: (v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v) for k, v in row.items()}


def _table_action(key: str):
    def action(context, data_dict):
        return opengov_transparency_table(context, dict(data_dict, table=key))
    action.__name__ = f"opengov_transparency_{key}"
    action.__doc__ = f"Rows of the '{key}' table; same parameters as opengov_transparency_table."
    tk.side_effect_free(action)
    return action


def parameters() -> dict:
    """Each action's parameters (its schema's keys), for the docs and the input tests."""
    table = [k for k in schema.table_schema(tables.TABLES) if not k.startswith("__")]
    named = {
        "opengov_transparency_summary": schema.summary_schema(),
        "opengov_transparency_table": schema.table_schema(tables.TABLES),
        "opengov_transparency_agency": schema.agency_schema(),
        "opengov_transparency_changes": schema.changes_schema(),
        "opengov_transparency_refresh": schema.refresh_schema(),
    }
    out = {name: [k for k in keys if not k.startswith("__")] for name, keys in named.items()}
    out.update({f"opengov_transparency_{key}": [k for k in table if k != "table"] for key in tables.TABLES})
    return out


def get_actions() -> dict:
    actions = {f.__name__: tk.side_effect_free(f) for f in (
        opengov_transparency_summary, opengov_transparency_table, opengov_transparency_agency,
        opengov_transparency_changes)}
    actions["opengov_transparency_refresh"] = opengov_transparency_refresh
    for key in tables.TABLES:
        actions.setdefault(f"opengov_transparency_{key}", _table_action(key))
    return actions
