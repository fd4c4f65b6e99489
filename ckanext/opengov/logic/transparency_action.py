"""Action API for the transparency figures (``opengov_transparency_*``), read from the snapshot."""
from __future__ import annotations

import datetime as dt
import itertools

import ckan.authz as authz
import ckan.model as model
import ckan.plugins.toolkit as tk

from ckanext.opengov.messages import N_, bilingual
from ckanext.opengov.transparency import queries, tables

NO_SNAPSHOT = N_("There is no transparency snapshot for that date yet. "
                 "A sysadmin runs `ckan opengov transparency refresh`.")
BAD_DATE = N_("Write the date as YYYY-MM-DD, e.g. 2026-11-25")
UNKNOWN_TABLE = N_("Unknown table. Choose one of: %(tables)s")
UNKNOWN_AGENCY = N_("Agency not found: %(agency)s")
HISTORY_STARTS = N_("Per-dataset history starts on %(first)s: choose that date or a later one")
NEEDS_AGENCY = N_("This table is per agency: give agency=<agency id or name>")
MAX_LIMIT = 1000


def _date(value, field: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise tk.ValidationError({field: [bilingual(BAD_DATE)]})


def _int(data_dict, field, default, low, high) -> int:
    try:
        value = int(data_dict.get(field, default))
    except (TypeError, ValueError):
        raise tk.ValidationError({field: [bilingual(N_("Must be a whole number"))]})
    return max(low, min(high, value))


def _day(conn, data_dict) -> dt.date:
    day = queries.latest_day(conn, _date(data_dict.get("date"), "date"))
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
    conn = model.Session.connection()
    return queries.snapshot(conn, _day(conn, data_dict))


def opengov_transparency_table(context, data_dict):
    """Rows of one table: ``table`` (agencies, ministries, openness, timeliness, thresholds,
    harvest, growth, history, objectives, overlap, overdue, incomplete, no_resources),
    optional ``agency``, ``date``, ``limit`` (≤ 1000) and ``offset``."""
    tk.check_access("opengov_transparency_read", context, data_dict)
    table = tables.TABLES.get(data_dict.get("table") or "")
    if table is None:
        raise tk.ValidationError({"table": [bilingual(UNKNOWN_TABLE, tables=", ".join(tables.TABLES))]})
    conn = model.Session.connection()
    day = _day(conn, data_dict)
    agency = data_dict.get("agency") or None
    include_private = False
    if agency:
        row = queries.agency_row(conn, day, agency)
        if row is None:
            raise tk.ObjectNotFound(bilingual(UNKNOWN_AGENCY, agency=agency))
        include_private = can_see_private(context, row["org_id"])
    elif table.needs_agency:
        raise tk.ValidationError({"agency": [bilingual(NEEDS_AGENCY)]})
    limit = _int(data_dict, "limit", MAX_LIMIT, 1, MAX_LIMIT)
    offset = _int(data_dict, "offset", 0, 0, 10**9)
    rows = table.rows(conn, day, agency=agency, include_private=include_private)
    return {
        "table": table.key, "snapshot_date": str(day),
        "columns": [key for key, _ in table.columns],
        "rows": [_jsonable(r) for r in itertools.islice(rows, offset, offset + limit)],
    }


def opengov_transparency_agency(context, data_dict):
    """One agency's scorecard: ``id`` (name or id), optional ``date``. Its admins also get
    ``private_datasets``."""
    tk.check_access("opengov_transparency_read", context, data_dict)
    conn = model.Session.connection()
    day = _day(conn, data_dict)
    key = data_dict.get("id") or ""
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
    """Public datasets added, removed or changed since ``since`` (YYYY-MM-DD)."""
    tk.check_access("opengov_transparency_read", context, data_dict)
    since = _date(data_dict.get("since"), "since")
    if since is None:
        raise tk.ValidationError({"since": [bilingual(BAD_DATE)]})
    conn = model.Session.connection()
    day = _day(conn, data_dict)
    first = tables.first_dataset_day(conn)
    if first is None or since < first:
        raise tk.ValidationError({"since": [bilingual(HISTORY_STARTS, first=str(first or day))]})
    limit = _int(data_dict, "limit", MAX_LIMIT, 1, MAX_LIMIT)
    return {"since": str(since), "snapshot_date": str(day),
            "rows": [_jsonable(r) for r in itertools.islice(tables.changes(conn, since, day), limit)]}


def opengov_transparency_refresh(context, data_dict):
    """Queue the refresh as a background job (sysadmins)."""
    tk.check_access("opengov_transparency_refresh", context, data_dict)
    from ckanext.opengov.transparency import jobs

    day = _date(data_dict.get("date"), "date")
    job = jobs.enqueue(str(day) if day else None, tk.asbool(data_dict.get("overlap", True)))
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


def get_actions() -> dict:
    actions = {f.__name__: tk.side_effect_free(f) for f in (
        opengov_transparency_summary, opengov_transparency_table, opengov_transparency_agency,
        opengov_transparency_changes)}
    actions["opengov_transparency_refresh"] = opengov_transparency_refresh
    for key in tables.TABLES:
        actions.setdefault(f"opengov_transparency_{key}", _table_action(key))
    return actions
