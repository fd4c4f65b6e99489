"""`ckan opengov jobs-worker`: CKAN loaded once for many jobs, each job still on its own.

The worker runs in a real process on the test Redis and database, on a queue of its own (the
test deployment's worker listens on the default queue only)."""
from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest
from ckan.lib import jobs

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CKAN = os.path.join(os.path.dirname(sys.executable), "ckan")


def run_worker(queue: str, *options: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=os.path.dirname(os.path.abspath(__file__)))  # jobs_probe
    # `tests` may name another package in the worker's process (a dependency's), so the probe is
    # imported by its own name.
    return subprocess.run([CKAN, "-c", os.path.join(ROOT, "test.ini"), "opengov", "jobs-worker", "--burst",
                           "--no-scheduler", *options, queue],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)


def ran(path) -> list[tuple[str, int]]:
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [(label, int(pid)) for label, pid in (line.split() for line in f)]


def test_jobs_run_in_the_workers_own_process_and_a_failure_does_not_spoil_the_next(tmp_path):
    queue = f"opengov-test-{uuid.uuid4().hex[:8]}"
    out = str(tmp_path / "ran.txt")
    jobs.enqueue("jobs_probe.record", [out, "first"], queue=queue)
    failed = jobs.enqueue("jobs_probe.fail_mid_transaction", queue=queue)
    jobs.enqueue("jobs_probe.record", [out, "after-failure"], queue=queue)
    jobs.enqueue("jobs_probe.record", [out, "third"], queue=queue)

    result = run_worker(queue)

    assert result.returncode == 0, result.stderr[-3000:]
    records = ran(out)
    assert [label for label, _ in records] == ["first", "after-failure", "third"]
    # one process for every job: CKAN was loaded once, not once per job
    assert len({pid for _, pid in records}) == 1
    failed.refresh()
    assert failed.is_failed
    assert jobs.get_queue(queue).count == 0


def test_the_worker_exits_after_max_jobs_and_leaves_the_rest_queued(tmp_path):
    queue = f"opengov-test-{uuid.uuid4().hex[:8]}"
    out = str(tmp_path / "ran.txt")
    for label in ("one", "two", "three"):
        jobs.enqueue("jobs_probe.record", [out, label], queue=queue)

    result = run_worker(queue, "--max-jobs", "2")

    assert result.returncode == 0, result.stderr[-3000:]
    assert [label for label, _ in ran(out)] == ["one", "two"]
    assert jobs.get_queue(queue).count == 1  # the next worker (supervisord restarts it) takes it
    jobs.get_queue(queue).empty()


@pytest.mark.parametrize("value", ["-1", "ten", "1.5", "", "²"])
def test_a_bad_max_jobs_is_refused_in_thai_and_english(value):
    result = run_worker(f"opengov-test-{uuid.uuid4().hex[:8]}", "--max-jobs", value)
    assert result.returncode == 2
    assert "--max-jobs" in result.stderr and "Must be a whole number, 0 or more." in result.stderr
    assert any("\u0e00" <= c <= "\u0e7f" for c in result.stderr)  # the Thai half
