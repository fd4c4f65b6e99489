"""The scheduler's harvest jobs, started in one transaction for every source that is due, and
closed in one statement once finished (close_finished_jobs, below).

ckanext-harvest's `harvest_jobs_run` starts scheduled jobs one source at a time through
`harvest_job_create` and `harvest_send_job_to_gather_queue`: a job listing, a source rendering
with its status, a job rendering with its statistics and three commits per source, about a
quarter of a second each, so a national nightly run of 8,000 agency sources spent over half an
hour only starting jobs, one after the other, before the gather consumers on every node could
take them. Here the same rules hold, decided in SQL for all due sources at once:
- due: active, not MANUAL, `next_run` unset or past (upstream's `_get_sources_for_user`);
- a source with a job already New or Running gets none, and its `next_run` still advances
  (upstream's `HarvestJobExists` path);
- only the portal's guarded harvester types are run (harvest_guards: the stock types fetch
  without the address checks); another type's source is skipped and reported in the log;
- `next_run` from upstream's own `_calculate_next_run`, so both paths agree on every frequency,
  but never sooner than a minute: an ALWAYS source (next run "now") would otherwise be due again
  for upstream's own pass in the same `harvest_jobs_run`, whose `harvest_job_create` refuses it.
The rows are locked (`SKIP LOCKED`): two schedulers never start the same source twice. The jobs
are sent to the gather queue once committed; a job whose message is lost (Redis down between
the two) is one the stale-job rule closes with its reason (`harvest.stale_job_minutes`).
"""
from __future__ import annotations

import datetime as dt
import logging

import sqlalchemy as sa

log = logging.getLogger(__name__)


def start_due_jobs(session) -> list[str]:
    """Creates and queues a job for every due source; returns the new jobs' ids."""
    from ckanext.harvest.logic.action.update import _calculate_next_run
    from ckanext.harvest.model import HarvestJob, HarvestSource
    from ckanext.harvest.queue import get_gather_publisher

    from ckanext.opengov.logic.harvest_guards import GUARDED_SOURCE_TYPES

    now = sa.func.timezone("utc", sa.func.now())
    due = (session.query(HarvestSource)
           .filter(HarvestSource.active.is_(True), HarvestSource.frequency != "MANUAL",
                   sa.or_(HarvestSource.next_run.is_(None), HarvestSource.next_run <= now))
           .order_by(HarvestSource.next_run.asc().nullsfirst(), HarvestSource.created)
           .with_for_update(skip_locked=True).all())
    if not due:
        return []
    busy = {source_id for (source_id,) in session.query(HarvestJob.source_id).filter(
        HarvestJob.status.in_(("New", "Running")), HarvestJob.source_id.in_([s.id for s in due]))}
    jobs = []
    soonest = dt.datetime.utcnow() + dt.timedelta(minutes=1)
    for source in due:
        source.next_run = max(_calculate_next_run(source.frequency), soonest)
        if source.id in busy:
            continue
        if source.type not in GUARDED_SOURCE_TYPES:
            log.warning("harvest source %s is of type %s, which this portal does not run", source.id, source.type)
            continue
        job = HarvestJob(source_id=source.id, status="Running")
        session.add(job)
        jobs.append(job)
    session.flush()
    job_ids = [job.id for job in jobs]
    session.commit()
    publisher = get_gather_publisher()
    for job_id in job_ids:
        publisher.send({"harvest_job_id": job_id})
    log.info("started %d scheduled harvest jobs (%d sources due, %d with a job already)",
             len(job_ids), len(due), len(busy))
    return job_ids


# Upstream's rule for a finished job, for every running job at once: its gather is over and no
# object is still waiting or importing; it finished when its last object did, or when its gather
# did if it had none. The row lock of the UPDATE makes two schedulers close each job once.
_CLOSE_FINISHED = """
UPDATE harvest_job AS j
   SET status = 'Finished',
       finished = COALESCE((SELECT max(o.import_finished) FROM harvest_object AS o
                             WHERE o.harvest_job_id = j.id), j.gather_finished)
 WHERE j.status = 'Running' AND j.gather_finished IS NOT NULL
   AND (CAST(:source_id AS text) IS NULL OR j.source_id = :source_id)
   AND NOT EXISTS (SELECT 1 FROM harvest_object AS o
                    WHERE o.harvest_job_id = j.id AND o.state NOT IN ('COMPLETE', 'ERROR'))
RETURNING j.id, j.source_id
"""


def close_finished_jobs(session, source_id: str | None = None) -> list[tuple[str, str]]:
    """Marks every finished running job Finished in one statement and commits; returns the
    (job id, source id) pairs it closed. Upstream's `harvest_jobs_run` does this job by job
    (two counts, a source rendering with its status twice, a commit: ~0.13 s a job, so a night of
    8,000 sources spent ~17 min closing jobs in one scheduler); the status mails that follow a
    close there are left to the caller."""
    closed = [tuple(row) for row in session.execute(sa.text(_CLOSE_FINISHED), {"source_id": source_id})]
    session.commit()
    if closed:
        session.expire_all()  # CKAN's session keeps objects after a commit: jobs loaded before still say Running
        log.info("marked %d harvest jobs finished", len(closed))
    return closed
