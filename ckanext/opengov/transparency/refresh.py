"""The refresh: compute every metric with SQL aggregates and store the day's snapshot.

Per-dataset figures come from one INSERT … SELECT over package, resource and package_tag; the
agency, objective and national figures are GROUP BYs over those rows. Python touches only
the few hundred agencies and harvest sources (statuses, score, rank) and streams the public
titles once for overlap detection. Re-running a day replaces that day's rows in one transaction.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import time

from sqlalchemy import text

from ckanext.opengov.harvest import source_url
from ckanext.opengov.transparency.metrics import completeness, harvest, openness, score
from ckanext.opengov.transparency.metrics import timeliness as tl
from ckanext.opengov.tgdc import classification

log = logging.getLogger(__name__)
TABLES = ("opengov_tr_overlap", "opengov_tr_objective", "opengov_tr_harvest",
          "opengov_tr_agency", "opengov_tr_dataset", "opengov_tr_snapshot")

# Public means: active, not private, classified เปิดเผย (tgdc/classification.py's rule).
PUBLIC_SQL = classification.public_sql("p")

DATASET_SQL = f"""
WITH res AS (
  SELECT r.package_id, count(*) AS n,
         max({openness.sql_checked_resource_stars('r.format', 'lc.served_format', 'lc.status')}) AS best
  FROM resource r  -- the last link check of the resource's current URL (linkcheck/), if any
  LEFT JOIN opengov_link_check lc ON lc.resource_id = r.id AND lc.url = r.url
  WHERE r.state = 'active' GROUP BY r.package_id
), tags AS (
  SELECT pt.package_id, count(*) AS n FROM package_tag pt WHERE pt.state = 'active'
  GROUP BY pt.package_id
), base AS (
  SELECT p.id, p.owner_org, p.name, p.title, {PUBLIC_SQL} AS is_public,
         CASE WHEN {openness.sql_open_licence('p.license_id')} THEN coalesce(res.best, 0) ELSE 0 END AS stars,
         {completeness.sql_missing_array('p', 'coalesce(tags.n, 0)')} AS missing,
         p.extras ->> 'update_frequency_unit' AS unit,
         coalesce(p.extras ->> 'update_frequency_interval', '') AS per_unit,
         coalesce(opengov_safe_date(p.extras ->> 'last_updated_date'), p.metadata_modified::date) AS last_updated,
         coalesce(res.n, 0) AS resource_count, p.metadata_created
  FROM package p
  LEFT JOIN res ON res.package_id = p.id
  LEFT JOIN tags ON tags.package_id = p.id
  WHERE p.state = 'active' AND p.type = 'dataset' AND p.owner_org IS NOT NULL
)
INSERT INTO opengov_tr_dataset
SELECT :day, id, owner_org, name, title, is_public, stars,
       1 - cardinality(missing)::float / {len(completeness.REQUIRED_FIELDS)}, missing,
       {tl.sql_status('unit', 'per_unit', '(:day - last_updated)')},
       unit, last_updated, resource_count, metadata_created
FROM base
"""

# Each agency's ministry, first found of: the group it is a member of, the agency schema's
# `ministry` (an organization of that name), itself when other agencies name it as their
# ministry (a ministry's own datasets count under itself). Joins, not a subquery per agency:
# with 8,000 agencies the last rule read every group once per agency (quadratic).
AGENCY_SQL = f"""
WITH parent AS (
  SELECT DISTINCT ON (m.group_id) m.group_id AS org_id, parent.title
  FROM member m JOIN "group" parent ON parent.id = m.table_id
  WHERE m.table_name = 'group' AND m.state = 'active' AND parent.state = 'active'
  ORDER BY m.group_id, parent.title
), named_ministries AS (
  SELECT DISTINCT sub.extras ->> 'ministry' AS name FROM "group" sub
  WHERE sub.state = 'active' AND sub.extras ->> 'ministry' IS NOT NULL
)
INSERT INTO opengov_tr_agency (snapshot_date, org_id, name, title, title_en, ministry,
  public_datasets, private_datasets, mean_stars, stars, mean_completeness, timeliness,
  no_resources, incomplete)
SELECT :day, g.id, g.name, g.title, g.extras ->> 'title_en',
  coalesce(min(parent.title), min(ministry.title), min(g.title) FILTER (WHERE named.name IS NOT NULL)),
  count(d.package_id) FILTER (WHERE d.is_public),
  count(d.package_id) FILTER (WHERE NOT d.is_public),
  avg(d.stars) FILTER (WHERE d.is_public),
  jsonb_build_array({", ".join(f"count(*) FILTER (WHERE d.is_public AND d.stars = {s})" for s in range(6))}),
  avg(d.completeness) FILTER (WHERE d.is_public),
  jsonb_build_object({", ".join(f"'{s}', count(*) FILTER (WHERE d.is_public AND d.timeliness = '{s}')" for s in tl.STATUSES)}),
  count(*) FILTER (WHERE d.is_public AND d.resource_count = 0),
  count(*) FILTER (WHERE d.is_public AND d.completeness < 1)
FROM "group" g
LEFT JOIN parent ON parent.org_id = g.id
LEFT JOIN "group" ministry ON ministry.name = g.extras ->> 'ministry' AND ministry.is_organization
                           AND ministry.state = 'active'
LEFT JOIN named_ministries named ON named.name = g.name
LEFT JOIN opengov_tr_dataset d ON d.org_id = g.id AND d.snapshot_date = :day
WHERE g.is_organization AND g.state = 'active'
GROUP BY g.id
"""

OBJECTIVE_SQL = """
INSERT INTO opengov_tr_objective
SELECT :day, p.owner_org, o.objective, count(DISTINCT p.id)
FROM package p
JOIN opengov_tr_dataset d ON d.package_id = p.id AND d.snapshot_date = :day AND d.is_public
CROSS JOIN LATERAL opengov_safe_text_array(p.extras ->> 'objective') AS o(objective)
WHERE btrim(o.objective) <> ''
GROUP BY p.owner_org, o.objective
"""

# ckanext-harvest: a harvest source is a package of type 'harvest' with the same id. Errors are
# counted per job with GROUP BYs (a subquery per job read every gather error once per job:
# ckanext-harvest does not index harvest_gather_error by job, and a year of nightly jobs for
# 8,000 sources is three million jobs).
HARVEST_SQL = """
WITH gather_errors AS (
  SELECT harvest_job_id AS job_id, count(*) AS n FROM harvest_gather_error GROUP BY 1
), object_errors AS (
  SELECT o.harvest_job_id AS job_id, count(*) AS n
  FROM harvest_object_error oe JOIN harvest_object o ON o.id = oe.harvest_object_id GROUP BY 1
), job_errors AS (
  SELECT j.id, j.source_id, j.finished, coalesce(ge.n, 0) + coalesce(oe.n, 0) AS errors
  FROM harvest_job j
  LEFT JOIN gather_errors ge ON ge.job_id = j.id
  LEFT JOIN object_errors oe ON oe.job_id = j.id
  WHERE j.status = 'Finished' AND j.finished IS NOT NULL
), last_job AS (
  SELECT DISTINCT ON (source_id) source_id, finished, errors FROM job_errors
  ORDER BY source_id, finished DESC
), last_ok AS (
  SELECT source_id, max(finished) AS finished FROM job_errors WHERE errors = 0 GROUP BY source_id
)
SELECT s.id, p.owner_org, coalesce(p.title, s.title), s.url, s.active AND p.state = 'active',
       lj.finished, lo.finished, coalesce(lj.errors, 0)
FROM harvest_source s JOIN package p ON p.id = s.id
LEFT JOIN last_job lj ON lj.source_id = s.id
LEFT JOIN last_ok lo ON lo.source_id = s.id
WHERE p.state = 'active' AND NOT p.private  -- a private source is not named on public pages
"""

# Rows computed in Python go back in one statement each (not one round trip per row).
INSERT_HARVEST_SQL = """
INSERT INTO opengov_tr_harvest (snapshot_date, source_id, org_id, title, url, active,
  last_finished, last_success, last_errors, status)
SELECT :day, x.* FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS x(
  source_id text, org_id text, title text, url text, active boolean, last_finished timestamp,
  last_success timestamp, last_errors integer, status text)
"""

UPDATE_SCORES_SQL = """
UPDATE opengov_tr_agency a SET score = x.score, rank = x.rank, ministry_rank = x.ministry_rank,
  harvest_sources = x.harvest_sources, harvest_status = x.harvest_status,
  harvest_last_success = x.harvest_last_success, harvest_errors = x.harvest_errors
FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS x(
  org_id text, score double precision, rank integer, ministry_rank integer, harvest_sources integer,
  harvest_status text, harvest_last_success timestamp, harvest_errors integer)
WHERE a.snapshot_date = :day AND a.org_id = x.org_id
"""

# What public_form() leaves (scheme://host[:port]); anything else may be a whole URL from before.
CLEAN_URL_RE = r"^(http|https|ftp|ftps)://[^/@?#;]+$"

GROWTH_SQL = """
SELECT to_char(created, 'YYYY-MM') AS month, count(*) FROM opengov_tr_dataset
WHERE snapshot_date = :day AND is_public GROUP BY 1
"""

TOTALS_SQL = f"""
SELECT count(*) FILTER (WHERE is_public),
       avg(stars) FILTER (WHERE is_public),
       jsonb_build_array({", ".join(f"count(*) FILTER (WHERE is_public AND stars = {s})" for s in range(6))}),
       avg(completeness) FILTER (WHERE is_public),
       jsonb_build_object({", ".join(f"'{s}', count(*) FILTER (WHERE is_public AND timeliness = '{s}')" for s in tl.STATUSES)}),
       count(*) FILTER (WHERE is_public AND resource_count = 0)
FROM opengov_tr_dataset WHERE snapshot_date = :day
"""


def _json(rows: list[dict]) -> str:
    return json.dumps(rows, default=lambda v: v.isoformat() if isinstance(v, dt.datetime) else str(v))


def _harvest(conn, day: dt.date, now: dt.datetime) -> dict[str, list[tuple]]:
    by_org: dict[str, list[tuple]] = {}
    rows = []
    for sid, org, title, url, active, finished, success, errors in conn.execute(text(HARVEST_SQL)):
        status = harvest.source_status(bool(active), finished, errors, success, now)
        rows.append(dict(source_id=sid, org_id=org, title=title, url=source_url.public_form(url),
                         active=bool(active), last_finished=finished, last_success=success,
                         last_errors=errors, status=status))
        by_org.setdefault(org, []).append((status, success, errors))
    if rows:
        conn.execute(text(INSERT_HARVEST_SQL), {"day": day, "rows": _json(rows)})
    _scrub_stored_urls(conn)
    return by_org


def _scrub_stored_urls(conn) -> None:
    """Snapshots written before URLs were reduced held them whole (credentials and all). Only
    rows not already in the reduced form are read, so this costs nothing once they are clean."""
    for (raw,) in conn.execute(text(
            "SELECT DISTINCT url FROM opengov_tr_harvest WHERE url <> '' AND url !~ :clean"),
            {"clean": CLEAN_URL_RE}).all():
        clean = source_url.public_form(raw)
        if clean != raw:
            conn.execute(text("UPDATE opengov_tr_harvest SET url = :clean WHERE url = :raw"),
                         {"clean": clean, "raw": raw})


def _agency_scores(conn, day: dt.date, harvests: dict[str, list[tuple]]) -> dict:
    rows = conn.execute(text(
        "SELECT org_id, mean_stars, mean_completeness, timeliness, public_datasets, ministry "
        "FROM opengov_tr_agency WHERE snapshot_date = :day"), {"day": day}).all()
    scores = {}
    ministries: dict[str, dict] = {}
    for org_id, stars, compl, timeliness, public, ministry in rows:
        scores[org_id] = score.agency_score(stars, compl, tl.share_on_time(timeliness)) if public else None
        ministries.setdefault(ministry or "", {})[org_id] = scores[org_id]
    ranks = score.rank(scores)
    # Peers: the agencies of the same ministry (none given: every agency without one).
    ministry_ranks = {org: r for peers in ministries.values() for org, r in score.rank(peers).items()}
    updates = []
    for org_id in scores:
        sources = harvests.get(org_id, [])
        successes = [s for _, s, _ in sources if s]
        updates.append(dict(
            org_id=org_id, score=scores[org_id], rank=ranks[org_id], ministry_rank=ministry_ranks[org_id],
            harvest_sources=len(sources), harvest_status=harvest.agency_health([s for s, _, _ in sources]),
            harvest_last_success=max(successes) if successes else None,
            harvest_errors=sum(e for _, _, e in sources)))
    if updates:
        conn.execute(text(UPDATE_SCORES_SQL), {"day": day, "rows": _json(updates)})
    return {"agencies": len(rows), "agencies_publishing": sum(1 for r in rows if r[4])}


def _totals(conn, day: dt.date, agencies: dict) -> dict:
    from ckanext.opengov.transparency.metrics import growth

    public, mean_stars, stars, compl, timeliness, no_res = conn.execute(
        text(TOTALS_SQL), {"day": day}).one()
    monthly = {m: n for m, n in conn.execute(text(GROWTH_SQL), {"day": day}) if m}
    health = dict(conn.execute(text(
        "SELECT status, count(*) FROM opengov_tr_harvest WHERE snapshot_date = :day GROUP BY status"),
        {"day": day}).all())
    ministries = conn.execute(text(
        "SELECT count(DISTINCT ministry) FROM opengov_tr_agency WHERE snapshot_date = :day"),
        {"day": day}).scalar()
    return dict(agencies, public_datasets=public,
                mean_stars=None if mean_stars is None else round(float(mean_stars), 4), stars=stars,
                mean_completeness=None if compl is None else round(float(compl), 4), timeliness=timeliness,
                on_time_share=tl.share_on_time(timeliness), no_resources=no_res,
                harvest=health, ministries=ministries, growth=growth.cumulative(monthly))


def refresh(engine, day: dt.date | None = None, with_overlap: bool = True,
            history_days: int = 90) -> dict:
    """Compute and store the snapshot of `day` (today by default); returns its totals."""
    started = time.monotonic()
    now = dt.datetime.utcnow()
    day = day or now.date()
    with engine.begin() as conn:
        # One refresh at a time: a second one waits here rather than interleaving its rows.
        conn.execute(text("SELECT pg_advisory_xact_lock(hashtext('opengov_transparency_refresh'))"))
        phases = _Phases()
        for table in TABLES:
            conn.execute(text(f"DELETE FROM {table} WHERE snapshot_date = :day"), {"day": day})
        phases("replace")
        conn.execute(text(DATASET_SQL), {"day": day})
        # Fresh statistics for the rows just written: planned on stale ones (the day not yet in
        # them), the joins below chose nested loops over every row (50 s for 8,000 agencies).
        conn.execute(text("ANALYZE opengov_tr_dataset"))
        phases("datasets")
        conn.execute(text(AGENCY_SQL), {"day": day})
        conn.execute(text("ANALYZE opengov_tr_agency"))
        phases("agencies")
        conn.execute(text(OBJECTIVE_SQL), {"day": day})
        phases("objectives")
        harvests = _harvest(conn, day, now)
        phases("harvest")
        agencies = _agency_scores(conn, day, harvests)
        phases("scores")
        totals = _totals(conn, day, agencies)
        phases("totals")
        if with_overlap:
            from ckanext.opengov.transparency import overlap_store

            totals["overlap_clusters"] = overlap_store.store(conn, day)
            phases("overlap")
        # Per-dataset rows are kept for `history_days` ("what changed since"); agency rows forever.
        conn.execute(text("DELETE FROM opengov_tr_dataset WHERE snapshot_date < :cut"),
                     {"cut": day - dt.timedelta(days=history_days)})
        phases("history")
        seconds = round(time.monotonic() - started, 3)
        conn.execute(text(
            "INSERT INTO opengov_tr_snapshot VALUES (:day, :now, :seconds, CAST(:totals AS jsonb))"),
            dict(day=day, now=now, seconds=seconds, totals=json.dumps(totals, default=str)))
    log.info("transparency snapshot %s computed in %.1fs (%s)", day, seconds, phases.seconds)
    return dict(totals, snapshot_date=str(day), seconds=seconds, phases=phases.seconds)


class _Phases:
    """Seconds spent in each step of a refresh (logged and returned, not stored): where the
    time goes when the catalog grows."""

    def __init__(self):
        self.seconds: dict[str, float] = {}
        self._last = time.monotonic()

    def __call__(self, name: str) -> None:
        now = time.monotonic()
        self.seconds[name] = round(now - self._last, 3)
        self._last = now
