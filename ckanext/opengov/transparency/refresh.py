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

AGENCY_SQL = f"""
INSERT INTO opengov_tr_agency (snapshot_date, org_id, name, title, title_en, ministry,
  public_datasets, private_datasets, mean_stars, stars, mean_completeness, timeliness,
  no_resources, incomplete)
SELECT :day, g.id, g.name, g.title, g.extras ->> 'title_en',
  coalesce((SELECT parent.title FROM member m JOIN "group" parent ON parent.id = m.table_id
            WHERE m.group_id = g.id AND m.table_name = 'group' AND m.state = 'active'
              AND parent.state = 'active' LIMIT 1),
           (SELECT ministry.title FROM "group" ministry  -- the agency schema's `ministry` (its name)
            WHERE ministry.name = g.extras ->> 'ministry' AND ministry.is_organization
              AND ministry.state = 'active'),
           (SELECT g.title WHERE EXISTS (  -- a ministry's own datasets count under itself
              SELECT 1 FROM "group" sub WHERE sub.extras ->> 'ministry' = g.name AND sub.state = 'active'))),
  count(d.package_id) FILTER (WHERE d.is_public),
  count(d.package_id) FILTER (WHERE NOT d.is_public),
  avg(d.stars) FILTER (WHERE d.is_public),
  jsonb_build_array({", ".join(f"count(*) FILTER (WHERE d.is_public AND d.stars = {s})" for s in range(6))}),
  avg(d.completeness) FILTER (WHERE d.is_public),
  jsonb_build_object({", ".join(f"'{s}', count(*) FILTER (WHERE d.is_public AND d.timeliness = '{s}')" for s in tl.STATUSES)}),
  count(*) FILTER (WHERE d.is_public AND d.resource_count = 0),
  count(*) FILTER (WHERE d.is_public AND d.completeness < 1)
FROM "group" g
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

# ckanext-harvest: a harvest source is a package of type 'harvest' with the same id.
HARVEST_SQL = """
WITH job_errors AS (
  SELECT j.id, j.source_id, j.finished,
    (SELECT count(*) FROM harvest_gather_error ge WHERE ge.harvest_job_id = j.id)
    + (SELECT count(*) FROM harvest_object_error oe JOIN harvest_object o ON o.id = oe.harvest_object_id
       WHERE o.harvest_job_id = j.id) AS errors
  FROM harvest_job j WHERE j.status = 'Finished' AND j.finished IS NOT NULL
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


def _harvest(conn, day: dt.date, now: dt.datetime) -> dict[str, list[tuple]]:
    by_org: dict[str, list[tuple]] = {}
    for sid, org, title, url, active, finished, success, errors in conn.execute(text(HARVEST_SQL)):
        status = harvest.source_status(bool(active), finished, errors, success, now)
        conn.execute(text(
            "INSERT INTO opengov_tr_harvest VALUES (:day, :sid, :org, :title, :url, :active, "
            ":finished, :success, :errors, :status)"),
            dict(day=day, sid=sid, org=org, title=title, url=source_url.public_form(url), active=bool(active),
                 finished=finished, success=success, errors=errors, status=status))
        by_org.setdefault(org, []).append((status, success, errors))
    _scrub_stored_urls(conn)
    return by_org


def _scrub_stored_urls(conn) -> None:
    """Snapshots written before URLs were reduced held them whole (credentials and all)."""
    for (raw,) in conn.execute(text("SELECT DISTINCT url FROM opengov_tr_harvest WHERE url IS NOT NULL")).all():
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
    for org_id in scores:
        sources = harvests.get(org_id, [])
        successes = [s for _, s, _ in sources if s]
        conn.execute(text(
            "UPDATE opengov_tr_agency SET score = :score, rank = :rank, ministry_rank = :mrank, "
            "harvest_sources = :n, "
            "harvest_status = :status, harvest_last_success = :success, harvest_errors = :errors "
            "WHERE snapshot_date = :day AND org_id = :org"),
            dict(score=scores[org_id], rank=ranks[org_id], mrank=ministry_ranks[org_id], n=len(sources),
                 status=harvest.agency_health([s for s, _, _ in sources]),
                 success=max(successes) if successes else None,
                 errors=sum(e for _, _, e in sources), day=day, org=org_id))
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
        for table in TABLES:
            conn.execute(text(f"DELETE FROM {table} WHERE snapshot_date = :day"), {"day": day})
        conn.execute(text(DATASET_SQL), {"day": day})
        conn.execute(text(AGENCY_SQL), {"day": day})
        conn.execute(text(OBJECTIVE_SQL), {"day": day})
        harvests = _harvest(conn, day, now)
        agencies = _agency_scores(conn, day, harvests)
        totals = _totals(conn, day, agencies)
        if with_overlap:
            from ckanext.opengov.transparency import overlap_store

            totals["overlap_clusters"] = overlap_store.store(conn, day)
        # Per-dataset rows are kept for `history_days` ("what changed since"); agency rows forever.
        conn.execute(text("DELETE FROM opengov_tr_dataset WHERE snapshot_date < :cut"),
                     {"cut": day - dt.timedelta(days=history_days)})
        seconds = round(time.monotonic() - started, 3)
        conn.execute(text(
            "INSERT INTO opengov_tr_snapshot VALUES (:day, :now, :seconds, CAST(:totals AS jsonb))"),
            dict(day=day, now=now, seconds=seconds, totals=json.dumps(totals, default=str)))
    log.info("transparency snapshot %s computed in %.1fs", day, seconds)
    return dict(totals, snapshot_date=str(day), seconds=seconds)
