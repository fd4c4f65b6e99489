"""The gather consumer runs each job in its own process, several at once, each for a bounded time.

ckanext-harvest's gather consumer runs one job at a time, so one slow source (3 retries x 30 s
per request) holds every other agency's job back. Here the consumer forks a child per job (as
CKAN's own job worker does), runs up to `gather_processes` of them at once and stops one that
outlives `gather_timeout`: its job gets a gather error, the records it had already listed are
sent on to the fetch queue, and nothing is withdrawn (only a complete listing withdraws).
"""
from __future__ import annotations

import datetime
import json
import logging
import os
import signal
import time
from dataclasses import dataclass, field

import ckan.model as model
import ckan.plugins.toolkit as tk
from ckanext.harvest import queue
from ckanext.harvest.model import HarvestGatherError, HarvestJob, HarvestObject

from ckanext.opengov.messages import N_, bilingual

log = logging.getLogger(__name__)

DEFAULT_PROCESSES = 4
DEFAULT_TIMEOUT = 3600

MSG = {
    "timeout": N_("The gather took longer than %(seconds)s seconds and was stopped. The records "
                  "listed until then are imported; nothing is withdrawn."),
    "crashed": N_("The gather stopped with an unexpected error: %(detail)s"),
}


@dataclass
class Child:
    pid: int
    job_id: str | None
    channel: object
    delivery_tag: object
    started: float = field(default_factory=time.monotonic)
    started_at: datetime.datetime = field(default_factory=datetime.datetime.utcnow)


class GatherPool:
    def __init__(self, size: int, timeout: float, app_context):
        self.size = max(1, size)
        self.timeout = timeout
        self.app_context = app_context
        self.children: list[Child] = []

    @classmethod
    def from_config(cls, app_context) -> "GatherPool":
        return cls(tk.config.get("ckanext.opengov.harvest.gather_processes") or DEFAULT_PROCESSES,
                   tk.config.get("ckanext.opengov.harvest.gather_timeout") or DEFAULT_TIMEOUT,
                   app_context)

    def run(self, channel, method, header, body) -> None:
        """Start the job of this message in a child process, once a place is free."""
        while True:
            self.reap()
            if len(self.children) < self.size:
                break
            time.sleep(0.2)
        job_id = _job_id(body)
        # The child must not share the parent's database connections (CKAN's job worker does
        # the same before its fork); both sides reconnect on their next query.
        model.Session.remove()
        model.meta.engine.dispose()
        pid = os.fork()
        if pid == 0:
            os._exit(self._child(channel, method, header, body, job_id))
        self.children.append(Child(pid, job_id, channel, method.delivery_tag))
        log.info("Gather of job %s started in process %s (%s running)", job_id, pid, len(self.children))

    def _child(self, channel, method, header, body, job_id) -> int:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        code = 0
        try:
            with self.app_context():
                try:
                    queue.gather_callback(channel, method, header, body)
                except BaseException as error:  # recorded on the job, never a job without a reason
                    log.exception("Gather of job %s failed", job_id)
                    model.Session.rollback()
                    _record(job_id, bilingual(MSG["crashed"], detail=f"{type(error).__name__}: {error}"))
                    code = 1
        finally:
            model.Session.remove()
            model.meta.engine.dispose()
        return code

    def reap(self) -> None:
        """Forget finished children; stop those past the time limit and close their gather."""
        for child in list(self.children):
            done, status = os.waitpid(child.pid, os.WNOHANG)
            if done:
                self.children.remove(child)
                if os.WIFSIGNALED(status):  # killed from outside (the OOM killer, an operator)
                    with self.app_context():
                        self._close_stopped(child, bilingual(
                            MSG["crashed"], detail=f"signal {os.WTERMSIG(status)}"))
                continue
            if time.monotonic() - child.started > self.timeout:
                os.kill(child.pid, signal.SIGKILL)
                os.waitpid(child.pid, 0)
                self.children.remove(child)
                log.warning("Gather of job %s stopped after %s s", child.job_id, self.timeout)
                with self.app_context():
                    self._close_stopped(child, bilingual(MSG["timeout"], seconds=f"{self.timeout:g}"))

    def _close_stopped(self, child: Child, message: str) -> None:
        """The job of a child that did not end by itself: its reason on the job, the gather
        closed, what it had listed sent on, the message acknowledged."""
        try:
            _record(child.job_id, message)
            job = HarvestJob.get(child.job_id) if child.job_id else None
            if job is not None:
                if job.gather_finished is None:  # ckanext-harvest saves both when the gather returns
                    job.gather_started = job.gather_started or child.started_at
                    job.gather_finished = datetime.datetime.utcnow()
                    job.save()
                waiting = [row.id for row in model.Session.query(HarvestObject.id).filter(
                    HarvestObject.harvest_job_id == job.id, HarvestObject.state == "WAITING")]
                publisher = queue.get_fetch_publisher()
                for object_id in waiting:
                    publisher.send({"harvest_object_id": object_id})
                publisher.close()
        finally:
            model.Session.remove()
            child.channel.basic_ack(child.delivery_tag)


def _job_id(body) -> str | None:
    try:
        return json.loads(body)["harvest_job_id"]
    except (ValueError, KeyError, TypeError):
        return None


def _record(job_id: str | None, message: str) -> None:
    job = HarvestJob.get(job_id) if job_id else None
    if job is None:
        log.error("%s (job %s)", message, job_id)
        return
    HarvestGatherError.create(message=message, job=job)
