"""Reads of the stored snapshot for pages, downloads and the API (never the live catalog)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import text


def latest_day(conn, on_or_before: dt.date | None = None) -> dt.date | None:
    if on_or_before is None:
        return conn.execute(text("SELECT max(snapshot_date) FROM opengov_tr_snapshot")).scalar()
    return conn.execute(text(
        "SELECT max(snapshot_date) FROM opengov_tr_snapshot WHERE snapshot_date <= :d"),
        {"d": on_or_before}).scalar()


def snapshot(conn, day: dt.date) -> dict | None:
    row = conn.execute(text(
        "SELECT snapshot_date, computed_at, seconds, totals FROM opengov_tr_snapshot "
        "WHERE snapshot_date = :day"), {"day": day}).one_or_none()
    if row is None:
        return None
    return dict(row.totals, snapshot_date=str(row.snapshot_date),
                computed_at=row.computed_at.isoformat(timespec="seconds"), seconds=row.seconds)


def rows(conn, sql: str, **params):
    for row in conn.execute(text(sql), params).mappings():
        yield dict(row)


def agency_row(conn, day: dt.date, name_or_id: str) -> dict | None:
    row = conn.execute(text(
        "SELECT a.*, (SELECT count(*) FROM opengov_tr_agency x WHERE x.snapshot_date = a.snapshot_date "
        "AND x.rank IS NOT NULL) AS ranked FROM opengov_tr_agency a "
        "WHERE a.snapshot_date = :day AND (a.name = :key OR a.org_id = :key)"),
        {"day": day, "key": name_or_id}).mappings().one_or_none()
    return dict(row) if row else None
