"""Reads of the stored snapshot for pages, downloads and the API (never the live catalog)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import bindparam, text

from ckanext.opengov.tgdc.classification import public_sql

# A snapshot names datasets as they were when it was computed; one made private or classified
# since must not be named until the next refresh, so every read re-checks the live catalog.
LIVE_PUBLIC = ("EXISTS (SELECT 1 FROM package lp WHERE lp.id = {id} AND lp.state = 'active' AND "
               + public_sql("lp") + ")")
# An agency deleted since the snapshot is no longer public in CKAN: not named either.
LIVE_AGENCY = """EXISTS (SELECT 1 FROM "group" lg WHERE lg.id = {id} AND lg.state = 'active')"""
_STILL_PUBLIC = text(
    "SELECT p.id FROM package p WHERE p.id IN :ids AND " + LIVE_PUBLIC.format(id="p.id")
).bindparams(bindparam("ids", expanding=True))


def still_public(conn, ids: list[str]) -> set[str]:
    return {r[0] for r in conn.execute(_STILL_PUBLIC, {"ids": list(ids)})} if ids else set()


def public_clusters(conn, rows):
    """Overlap clusters with members no longer public left out (and clusters left with one agency)."""
    rows = list(rows)
    live = still_public(conn, [m["package_id"] for r in rows for m in r["members"]])
    for row in rows:
        members = [m for m in row["members"] if m["package_id"] in live]
        if len({m["org_id"] for m in members}) >= 2:
            yield dict(row, members=members, agencies=len({m["org_id"] for m in members}))


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
        "AND x.rank IS NOT NULL) AS ranked, (SELECT count(*) FROM opengov_tr_agency x "
        "WHERE x.snapshot_date = a.snapshot_date AND x.rank IS NOT NULL "
        "AND x.ministry IS NOT DISTINCT FROM a.ministry) AS ministry_ranked FROM opengov_tr_agency a "
        "WHERE a.snapshot_date = :day AND (a.name = :key OR a.org_id = :key) AND " + LIVE_AGENCY.format(id="a.org_id") + " "
        "ORDER BY a.org_id = :key DESC LIMIT 1"),  # an id wins over another agency's name
        {"day": day, "key": name_or_id}).mappings().one_or_none()
    return dict(row) if row else None
