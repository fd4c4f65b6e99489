"""ckanext-harvest's queue consumers as real processes: `ckan harvester gather-consumer` and
`fetch-consumer`, exactly the commands an operator (or supervisor) runs, on the test services."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import ckan.model as model
import ckan.plugins.toolkit as tk
from ckanext.harvest.model import HarvestJob

from tests.conftest import ROOT

CKAN = os.path.join(os.path.dirname(sys.executable), "ckan")


def write_ini(folder: str, base_ini: str, **options: str) -> str:
    """An .ini that is `base_ini` plus `options` (CKAN follows `use = config:`)."""
    path = os.path.join(folder, "consumer.ini")
    with open(path, "w", encoding="utf-8") as ini:
        ini.write(f"[app:main]\nuse = config:{os.path.abspath(base_ini)}\n")
        for key, value in options.items():
            ini.write(f"{key} = {value}\n")
    return path


class Consumers:
    """Start consumer processes; stop them (and the gather processes they forked) at the end."""

    def __init__(self, ini: str, log_dir: str):
        self.ini = ini
        self.log_dir = log_dir
        self.processes: dict[str, subprocess.Popen] = {}

    def start(self, kind: str) -> subprocess.Popen:
        log = open(os.path.join(self.log_dir, f"{kind}-consumer.log"), "w")
        process = subprocess.Popen([CKAN, "-c", self.ini, "harvester", f"{kind}-consumer"], cwd=ROOT,
                                   stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        self.processes[kind] = process
        return process

    def log(self, kind: str) -> str:
        with open(os.path.join(self.log_dir, f"{kind}-consumer.log"), encoding="utf-8", errors="replace") as log:
            return log.read()

    def assert_alive(self) -> None:
        for kind, process in self.processes.items():
            assert process.poll() is None, f"the {kind} consumer exited:\n{self.log(kind)[-3000:]}"

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)  # its own session: it and its children
        for process in self.processes.values():
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=15)


def fresh() -> None:
    """Forget what this process read: CKAN's session keeps objects past a commit
    (expire_on_commit=False), and the consumer processes changed them since."""
    model.Session.commit()
    model.Session.expire_all()


def job_row(job_id: str) -> HarvestJob:
    fresh()
    return HarvestJob.get(job_id)


def wait_for_job(job_id: str, timeout: float, consumers: Consumers | None = None) -> HarvestJob:
    """Run the scheduler's `harvest_jobs_run` (which closes finished jobs) until the job is
    Finished, at most `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        fresh()
        tk.get_action("harvest_jobs_run")({"ignore_auth": True}, {})
        job = job_row(job_id)
        if job.status == "Finished":
            return job
        if consumers is not None:
            consumers.assert_alive()
        time.sleep(0.5)
    raise AssertionError(f"job {job_id} did not finish within {timeout} s")
