"""Every table the transparency pages show, download and return through the API.

One definition per table: its columns (key and translatable heading) and a generator of rows
read from the snapshot. Pages render them as HTML tables beside the charts, /download renders
CSV and JSON, and the `opengov_transparency_table` action returns them, so the three agree.
Only public figures are here; an agency admin's private counts are added by the scorecard view.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Iterator

from sqlalchemy import bindparam, text

from ckanext.opengov.messages import N_
from ckanext.opengov.harvest import source_url
from ckanext.opengov.transparency import queries
from ckanext.opengov.transparency.metrics import links
from ckanext.opengov.transparency.metrics import timeliness as tl
from ckanext.opengov.tgdc.classification import public_sql


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    columns: tuple[tuple[str, str], ...]
    rows: Callable[..., Iterator[dict]]
    needs_agency: bool = False


AGENCY_COLUMNS = (
    ("rank", N_("Rank")), ("ministry_rank", N_("Rank in ministry")), ("name", N_("Agency ID")), ("title", N_("Agency")),
    ("ministry", N_("Ministry")), ("public_datasets", N_("Public datasets")),
    ("score", N_("Score")), ("mean_stars", N_("Mean openness (stars)")),
    ("mean_completeness", N_("Mean completeness")), ("on_time_share", N_("Share up to date")),
    ("no_resources", N_("Datasets without resources")), ("harvest_status", N_("Harvest health")),
)


def _round(value, digits=3):
    return None if value is None else round(float(value), digits)


def _agencies(conn, day, **_):
    for row in queries.rows(conn, f"""
        SELECT rank, ministry_rank, name, title, ministry, public_datasets, score, mean_stars, mean_completeness,
               timeliness, no_resources, harvest_status FROM opengov_tr_agency a
        WHERE snapshot_date = :day AND {queries.LIVE_AGENCY.format(id="a.org_id")}
        ORDER BY rank NULLS LAST, title""", day=day):
        row["on_time_share"] = _round(tl.share_on_time(row.pop("timeliness")))
        for key in ("score", "mean_stars", "mean_completeness"):
            row[key] = _round(row[key])
        yield row


def _ministries(conn, day, **_):
    for row in queries.rows(conn, """
        SELECT coalesce(ministry, '') AS ministry, count(*) AS agencies,
               sum(public_datasets) AS public_datasets, avg(score) AS mean_score
        FROM opengov_tr_agency WHERE snapshot_date = :day
        GROUP BY 1 ORDER BY public_datasets DESC, 1""", day=day):
        row["mean_score"] = _round(row["mean_score"])
        yield row


def _openness(conn, day, agency=None, agency_row=None, **_):
    """``agency_row``: the agency's snapshot row when the caller has read it already."""
    stars = agency_row["stars"] if agency_row else _stars_of(conn, day, agency)
    for level, count in enumerate(stars):
        yield {"stars": level, "datasets": count}


def _stars_of(conn, day, agency):
    if agency:
        row = queries.agency_row(conn, day, agency)
        return row["stars"] if row else [0] * 6
    return (queries.snapshot(conn, day) or {}).get("stars") or [0] * 6


def _timeliness(conn, day, agency=None, agency_row=None, **_):
    if agency_row:
        counts = agency_row["timeliness"]
    elif agency:
        row = queries.agency_row(conn, day, agency)
        counts = row["timeliness"] if row else {}
    else:
        counts = (queries.snapshot(conn, day) or {}).get("timeliness") or {}
    for status in tl.STATUSES:
        yield {"status": status, "datasets": counts.get(status, 0)}


def _thresholds(conn, day, **_):
    for unit in tl.UNIT_DAYS:
        limits = tl.thresholds(unit, 1)
        yield {"update_frequency_unit": unit, "up_to_date_days": round(limits[tl.UP_TO_DATE], 2),
               "due_days": round(limits[tl.DUE], 2), "overdue_days": round(limits[tl.OVERDUE], 2)}


_HARVEST_FROM = """
    FROM opengov_tr_harvest h LEFT JOIN "group" g ON g.id = h.org_id
    JOIN package sp ON sp.id = h.source_id AND sp.state = 'active' AND NOT sp.private
    WHERE h.snapshot_date = :day AND (CAST(:agency AS text) IS NULL OR g.name = :agency OR g.id = :agency)"""


def _harvest(conn, day, agency=None, include_private=False, limit=None, **_):
    """Sources still public (re-checked live), their URL reduced to scheme and host; the
    agency's own admins (``include_private``) see more of it when it holds no credentials.
    Failing sources first; ``limit``: only the first rows (a page shows 100 of 8,000)."""
    for row in queries.rows(conn, """
        SELECT g.name AS agency, g.title AS agency_title, h.title, h.url, hs.url AS live_url, h.status,
               h.last_finished, h.last_success, h.last_errors""" + _HARVEST_FROM.replace(
            "WHERE", "LEFT JOIN harvest_source hs ON hs.id = h.source_id\n    WHERE", 1) + """
        ORDER BY (h.status = 'ok'), g.title, h.title LIMIT :limit""", day=day, agency=agency, limit=limit):
        live = row.pop("live_url")
        own = include_private and agency and live
        row["url"] = source_url.admin_form(live) if own else source_url.public_form(row["url"])
        yield row


def harvest_count(conn, day, agency=None) -> int:
    """How many rows ``_harvest`` gives (without reading them)."""
    return conn.execute(text("SELECT count(*)" + _HARVEST_FROM), {"day": day, "agency": agency}).scalar()


def _growth(conn, day, **_):
    yield from (queries.snapshot(conn, day) or {}).get("growth") or []


def _history(conn, day, agency=None, **_):
    if agency:
        yield from queries.rows(conn, """
            SELECT snapshot_date, public_datasets, score, rank, mean_stars, mean_completeness
            FROM opengov_tr_agency WHERE (name = :agency OR org_id = :agency) AND snapshot_date <= :day
            ORDER BY snapshot_date""", day=day, agency=agency)
        return
    for row in queries.rows(conn, """
        SELECT snapshot_date, totals ->> 'public_datasets' AS public_datasets,
               totals ->> 'mean_stars' AS mean_stars, totals ->> 'mean_completeness' AS mean_completeness,
               totals ->> 'on_time_share' AS on_time_share FROM opengov_tr_snapshot
        WHERE snapshot_date <= :day ORDER BY snapshot_date""", day=day):
        for key in ("mean_stars", "mean_completeness", "on_time_share"):
            row[key] = _round(row[key]) if row[key] is not None else None
        row["public_datasets"] = int(row["public_datasets"] or 0)
        yield row


def _objectives(conn, day, **_):
    yield from queries.rows(conn, """
        SELECT o.objective, g.name AS agency, g.title AS agency_title, o.datasets
        FROM opengov_tr_objective o JOIN "group" g ON g.id = o.org_id AND g.state = 'active'
        WHERE o.snapshot_date = :day ORDER BY o.objective, o.datasets DESC, g.title""", day=day)


def objective_matrix(conn, day, agencies: int) -> tuple[dict[str, int], int, list[tuple[str, str, dict]]]:
    """For the overlap page, from the agency × objective cells (48,000 at 8,000 agencies):
    datasets per objective, how many agencies declare one, and the `agencies` busiest agencies
    (name, title, {objective: datasets}). Summed in SQL; only the shown rows reach Python."""
    cells = """FROM opengov_tr_objective o JOIN "group" g ON g.id = o.org_id AND g.state = 'active'
               WHERE o.snapshot_date = :day"""
    totals = dict(conn.execute(text(f"SELECT o.objective, sum(o.datasets) {cells} GROUP BY 1"), {"day": day}).all())
    agency_total = conn.execute(text(f"SELECT count(DISTINCT o.org_id) {cells}"), {"day": day}).scalar()
    busiest = conn.execute(text(f"""
        SELECT g.id, g.name, g.title {cells} GROUP BY g.id
        ORDER BY sum(o.datasets) DESC, g.title, g.name LIMIT :n"""), {"day": day, "n": agencies}).all()
    counts: dict[str, dict[str, int]] = {org_id: {} for org_id, _, _ in busiest}
    for org_id, objective, datasets in conn.execute(text(
            "SELECT org_id, objective, datasets FROM opengov_tr_objective "
            "WHERE snapshot_date = :day AND org_id IN :ids").bindparams(bindparam("ids", expanding=True)),
            {"day": day, "ids": list(counts) or [""]}):
        counts[org_id][objective] = datasets
    return ({k: int(v) for k, v in totals.items()}, agency_total,
            [(name, title, counts[org_id]) for org_id, name, title in busiest])


def _overlap(conn, day, **_):
    for row in queries.public_clusters(conn, queries.rows(conn, """
        SELECT cluster_id, similarity, agencies, members FROM opengov_tr_overlap
        WHERE snapshot_date = :day ORDER BY cluster_id""", day=day)):
        for member in row.pop("members"):
            yield dict(row, dataset=member["name"], dataset_title=member["title"],
                       agency_title=member["org_title"])


DATASET_LISTS = {
    # list key -> SQL condition over opengov_tr_dataset d
    "overdue": "d.timeliness IN ('overdue', 'delinquent')",
    "incomplete": "d.completeness < 1",
    "no_resources": "d.resource_count = 0",
}


def agency_datasets(conn, day, agency, which: str, include_private: bool = False):
    """One of an agency's action lists; private datasets only for the agency's own admins."""
    condition = DATASET_LISTS[which]
    yield from queries.rows(conn, f"""
        SELECT d.name, d.title, d.is_public, d.timeliness, d.update_frequency_unit, d.last_updated,
               d.completeness, array_to_string(d.missing_fields, ', ') AS missing_fields,
               d.stars, d.resource_count
        FROM opengov_tr_dataset d JOIN opengov_tr_agency a
          ON a.org_id = d.org_id AND a.snapshot_date = d.snapshot_date
        WHERE d.snapshot_date = :day AND (a.name = :agency OR a.org_id = :agency)
          AND {condition} AND ((d.is_public AND {queries.LIVE_PUBLIC.format(id="d.package_id")}) OR :private)
        ORDER BY d.timeliness DESC, d.completeness, d.title""",
        day=day, agency=agency, private=include_private)


def _dataset_list(which):
    def rows(conn, day, agency=None, include_private=False, **_):
        yield from agency_datasets(conn, day, agency, which, include_private)
    return rows


DATASET_COLUMNS = (
    ("name", N_("Dataset ID")), ("title", N_("Dataset")), ("timeliness", N_("Timeliness")),
    ("update_frequency_unit", N_("Update frequency")), ("last_updated", N_("Last updated")),
    ("completeness", N_("Completeness")), ("missing_fields", N_("Missing required fields")),
    ("stars", N_("Openness (stars)")), ("resource_count", N_("Resources")),
)


def first_dataset_day(conn) -> dt.date | None:
    return conn.execute(text("SELECT min(snapshot_date) FROM opengov_tr_dataset")).scalar()


def changes(conn, since: dt.date, day: dt.date):
    """Public datasets added, removed or whose status changed between two snapshots: the last
    one on or before `since` that still has per-dataset rows, and `day`."""
    before = conn.execute(text(
        "SELECT max(snapshot_date) FROM opengov_tr_dataset WHERE snapshot_date <= :since"),
        {"since": since}).scalar()
    yield from queries.rows(conn, """
        WITH a AS (SELECT * FROM opengov_tr_dataset WHERE snapshot_date = :before AND is_public),
             b AS (SELECT * FROM opengov_tr_dataset WHERE snapshot_date = :day AND is_public)
        SELECT CASE WHEN a.package_id IS NULL THEN 'added' WHEN b.package_id IS NULL THEN 'removed'
                    ELSE 'changed' END AS change,
               -- withdrawn since (made private or classified): counted, not named
               CASE WHEN x.withdrawn THEN NULL ELSE coalesce(b.name, a.name) END AS name,
               CASE WHEN x.withdrawn THEN NULL ELSE coalesce(b.title, a.title) END AS title,
               g.name AS agency, a.stars AS stars_before, b.stars AS stars_after,
               a.completeness AS completeness_before, b.completeness AS completeness_after,
               a.timeliness AS timeliness_before, b.timeliness AS timeliness_after
        FROM a FULL JOIN b ON a.package_id = b.package_id
        LEFT JOIN "group" g ON g.id = coalesce(b.org_id, a.org_id)
        LEFT JOIN LATERAL (SELECT NOT """ + public_sql("p") + """ AS withdrawn
                           FROM package p WHERE p.id = coalesce(b.package_id, a.package_id)) x ON TRUE
        WHERE a.package_id IS NULL OR b.package_id IS NULL OR a.stars <> b.stars
           OR a.completeness <> b.completeness OR a.timeliness <> b.timeliness
        ORDER BY 1, 2""", before=before or since, day=day)


CHANGE_COLUMNS = tuple((k, k) for k in (
    "change", "name", "title", "agency", "stars_before", "stars_after", "completeness_before",
    "completeness_after", "timeliness_before", "timeliness_after"))

TABLES: dict[str, Table] = {t.key: t for t in (
    Table("agencies", N_("Agencies"), AGENCY_COLUMNS, _agencies),
    Table("ministries", N_("Datasets by ministry"), (
        ("ministry", N_("Ministry")), ("agencies", N_("Agencies")),
        ("public_datasets", N_("Public datasets")), ("mean_score", N_("Mean score"))), _ministries),
    Table("openness", N_("Openness (5-star scale)"), (
        ("stars", N_("Stars")), ("datasets", N_("Datasets"))), _openness),
    Table("timeliness", N_("Timeliness"), (
        ("status", N_("Status")), ("datasets", N_("Datasets"))), _timeliness),
    Table("thresholds", N_("Timeliness thresholds"), (
        ("update_frequency_unit", N_("Update frequency")), ("up_to_date_days", N_("Up to date: days")),
        ("due_days", N_("Due: up to days")), ("overdue_days", N_("Overdue: up to days"))), _thresholds),
    Table("harvest", N_("Harvest health"), (
        ("agency", N_("Agency ID")), ("agency_title", N_("Agency")), ("title", N_("Harvest source")),
        ("url", N_("URL")), ("status", N_("Status")), ("last_finished", N_("Last run")),
        ("last_success", N_("Last successful run")), ("last_errors", N_("Errors in last run"))), _harvest),
    Table("growth", N_("Growth"), (
        ("month", N_("Month")), ("added", N_("Datasets added")), ("total", N_("Total"))), _growth),
    Table("history", N_("Daily history"), (
        ("snapshot_date", N_("Date")), ("public_datasets", N_("Public datasets")),
        ("mean_stars", N_("Mean openness (stars)")), ("mean_completeness", N_("Mean completeness")),
        ("on_time_share", N_("Share up to date"))), _history),
    Table("objectives", N_("Datasets by objective and agency"), (
        ("objective", N_("Objective")), ("agency", N_("Agency ID")), ("agency_title", N_("Agency")),
        ("datasets", N_("Datasets"))), _objectives),
    Table("overlap", N_("Possible duplicates across agencies"), (
        ("cluster_id", N_("Cluster")), ("similarity", N_("Similarity")), ("agencies", N_("Agencies")),
        ("dataset", N_("Dataset ID")), ("dataset_title", N_("Dataset")), ("agency_title", N_("Agency"))),
        _overlap),
    Table("overdue", N_("Overdue datasets"), DATASET_COLUMNS, _dataset_list("overdue"), True),
    Table("incomplete", N_("Incomplete metadata"), DATASET_COLUMNS, _dataset_list("incomplete"), True),
    Table("no_resources", N_("Datasets without resources"), DATASET_COLUMNS,
          _dataset_list("no_resources"), True),
    # Live, not from the snapshot: the last link checks (metrics/links.py).
    Table("links", N_("Broken links"), links.COLUMNS, links.rows),
)}
