"""A CKAN jobs worker that runs each job in its own process's loaded CKAN, not in a fresh fork.

CKAN's `ckan jobs worker` forks a child per job and calls `load_environment` in it (plugins,
templates, schemas): about 1.2 s before each job, more than loading a small table takes. At a
harvest's volume (a table per new dataset) that is most of the worker's time. This worker
is CKAN's own (its queue names, logging, clean session and engine after every job) with rq's
in-process execution (what rq's SimpleWorker does): the environment is loaded once, when the
command starts. What forking gave, and how it is kept:
- a job that leaks memory or state cannot outlive a bounded number of jobs: the worker exits
  after `max_jobs` (`ckanext.opengov.jobs_worker_max_jobs`) and supervisord starts a fresh one;
- a job that never ends is stopped by rq's timeout (SIGALRM in this process), as before;
- a job that kills the process (out of memory) is left in rq's started registry, which rq marks
  failed when the worker's heartbeat lapses, as it does for a dead work horse.
"""
from __future__ import annotations

import logging

from ckan.lib import jobs
from rq.worker import WorkerStatus
from rq.worker.worker_classes import SimpleWorker

log = logging.getLogger(__name__)


class InProcessWorker(jobs.Worker):
    get_heartbeat_ttl = SimpleWorker.get_heartbeat_ttl

    def execute_job(self, job, queue) -> None:
        log.info("Worker %s starts job %s (%s) in process", self.key, job.id, (job.meta or {}).get("title", ""))
        self.prepare_execution(job)
        self.perform_job(job, queue)  # CKAN's: closes the session and the engine after the job
        self.set_state(WorkerStatus.IDLE)
        log.info("Worker %s has finished job %s", self.key, job.id)


def work(queues: list[str], max_jobs: int, burst: bool = False, with_scheduler: bool = True) -> None:
    InProcessWorker(queues).work(burst=burst, max_jobs=max_jobs or None, with_scheduler=with_scheduler)
