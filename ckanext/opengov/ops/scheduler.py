"""The deployment's clock: runs the portal's periodic ``ckan`` commands, supervised.

A cron daemon is a system service (one crontab per machine, run as root by the init system);
a private deployment under ``.dev/`` cannot own one, and CKAN's and ckanext-harvest's docs only
need "run this command every N minutes". So supervisor keeps this loop alive, and the loop runs
each command as its own process with a time limit, logging its start, end and exit code.

Tasks and when they are due are plain data and a pure function (``due``), so the rules can be
tested without a clock. Each task's last start is kept in the site's Redis (``ckan.redis.url``
of the .ini; ``--state-dir`` when the .ini names none): a daily task missed while the scheduler
was down (or killed) runs as soon as it is back, and only once. With Redis, every web node of a
cluster runs this same scheduler: a task is claimed (SET NX with the task's time limit) before it
starts, so it runs once across the cluster. The claim is a lease: short, and renewed while the
command runs, so a scheduler killed mid-task (or a node lost) frees the task within one lease
rather than the task's whole time limit.

    python -m ckanext.opengov.ops.scheduler --ini .dev/ckan.ini --state-dir .dev/deploy/scheduler
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import signal
import subprocess
import sys
import threading
import time
from typing import Optional

# Seconds a claim lives unless its holder renews it (it does, every third of this, while its
# command runs): how long a task stays stuck after its scheduler is killed.
LEASE_SECONDS = 30


@dataclasses.dataclass(frozen=True)
class Task:
    name: str
    args: tuple[str, ...]          # after ``ckan -c INI``
    timeout: int                   # seconds; the command is killed after this
    every: Optional[int] = None    # seconds between starts, or
    daily_at: Optional[dt.time] = None  # once a day, at this local time or as soon after as possible
    # SQL answering whether the command has anything to do (a row: yes). A command that would
    # only start CKAN to find nothing (seconds of CPU) is skipped; when the question cannot be
    # asked (database down, tables missing) the command runs and reports the problem itself.
    work_sql: Optional[str] = None


# What `harvester run` acts on (ckanext-harvest's harvest_jobs_run): jobs to close or whose queue
# items to resubmit (Running; New ones too, to be safe), and sources whose schedule is due
# (its _make_scheduled_jobs: active, not MANUAL, next_run unset or past, in UTC).
HARVEST_WORK_SQL = """
SELECT 1 FROM harvest_job WHERE status IN ('New', 'Running')
UNION ALL
SELECT 1 FROM harvest_source WHERE active AND frequency <> 'MANUAL'
  AND (next_run IS NULL OR next_run <= (now() AT TIME ZONE 'utc'))
LIMIT 1
"""


def tasks(harvest_every: int = 60, transparency_at: dt.time = dt.time(2, 0)) -> list[Task]:
    """What the portal needs done periodically."""
    return [
        # ckanext-harvest: starts New jobs (puts them on the gather queue) and closes jobs
        # whose objects are all done. Its docs run it from cron every few minutes. The portal
        # starts every due source's job and closes every finished job in one statement each
        # (harvest/scheduling.py; upstream works source by source, docs/cluster.md); a run
        # killed between creating a job and queueing it leaves that job Running without a
        # gather, which the stale-job rule closes. Only one runs at a time across the cluster
        # (the claim).
        # On an idle portal it is skipped (HARVEST_WORK_SQL): starting CKAN every minute on
        # every cluster for nothing costs a core-second or more each time.
        Task("harvest-run", ("harvester", "run"), timeout=4 * 3600, every=harvest_every,
             work_sql=HARVEST_WORK_SQL),
        # The transparency snapshot (figures by agency and ministry) for the public pages.
        Task("transparency-refresh", ("opengov", "transparency", "refresh"), timeout=3 * 3600,
             daily_at=transparency_at),
        # Link checks of public resources (linkcheck/), an hour before the refresh so the
        # snapshot's openness stars see the formats the links actually serve.
        Task("linkcheck", ("opengov", "linkcheck", "run"), timeout=2 * 3600,
             daily_at=dt.time((transparency_at.hour - 1) % 24, transparency_at.minute)),
        # ckanext-harvest's log table grows with every run; its docs clean it daily.
        Task("harvest-clean-log", ("harvester", "clean-harvest-log"), timeout=600,
             daily_at=dt.time((transparency_at.hour + 1) % 24, transparency_at.minute)),
        # Digests of what people follow (participation/), in the morning. The weekly run is
        # daily too: it mails only those whose last weekly digest is a week old.
        Task("digest-daily", ("opengov", "digest", "send", "--frequency", "daily"), timeout=3600,
             daily_at=dt.time(7, 0)),
        Task("digest-weekly", ("opengov", "digest", "send", "--frequency", "weekly"), timeout=3600,
             daily_at=dt.time(7, 30)),
    ]


def due(task: Task, now: dt.datetime, last: Optional[dt.datetime]) -> bool:
    """Whether ``task`` should start at ``now``; ``last``: the start of its last run that ended.

    Times are local and naive, like a crontab's."""
    if task.every is not None:
        return last is None or (now - last).total_seconds() >= task.every
    assert task.daily_at is not None
    today_slot = dt.datetime.combine(now.date(), task.daily_at)
    latest_slot = today_slot if now >= today_slot else today_slot - dt.timedelta(days=1)
    if last is None:
        # A new deployment waits for the first slot rather than running at once.
        return False
    return last < latest_slot


class State:
    """When each task's last run (that ended) started, in a JSON file written atomically."""

    lease = LEASE_SECONDS  # nobody else claims a file's tasks; renewals are no-ops

    def __init__(self, folder: str):
        os.makedirs(folder, exist_ok=True)
        self.path = os.path.join(folder, "last-runs.json")
        try:
            with open(self.path) as f:
                self.data = {k: dt.datetime.fromisoformat(v) for k, v in json.load(f).items()}
        except (OSError, ValueError):
            self.data = {}

    def last(self, name: str) -> Optional[dt.datetime]:
        return self.data.get(name)

    def done(self, name: str, when: dt.datetime) -> None:
        self.data[name] = when
        tmp = self.path + ".tmp"
        with open(tmp, "w") as f:
            json.dump({k: v.isoformat() for k, v in self.data.items()}, f)
        os.replace(tmp, self.path)

    def first_seen(self, task: Task, now: dt.datetime) -> None:
        """A daily task never run: count it as run at its last slot, so it waits for the next."""
        if task.daily_at is not None and self.last(task.name) is None:
            self.done(task.name, now)

    def claim(self, task: Task, holder: str) -> bool:
        return True  # a file is one node's: nobody else runs its tasks

    def renew(self, task: Task, holder: str) -> bool:
        return True

    def release(self, task: Task, holder: str) -> None:
        pass


class SharedState:
    """The same record in Redis, shared by the schedulers of every node, with a claim per task."""

    def __init__(self, redis_url: str, site_id: str, lease: int = LEASE_SECONDS):
        import redis

        self.lease = lease
        self.redis = redis.Redis.from_url(redis_url, socket_timeout=30, health_check_interval=30)
        self.key = f"opengov:scheduler:{site_id}"

    def last(self, name: str) -> Optional[dt.datetime]:
        value = self.redis.hget(self.key + ":last", name)
        return dt.datetime.fromisoformat(value.decode()) if value else None

    def done(self, name: str, when: dt.datetime) -> None:
        self.redis.hset(self.key + ":last", name, when.isoformat())

    def first_seen(self, task: Task, now: dt.datetime) -> None:
        if task.daily_at is not None:
            self.redis.hsetnx(self.key + ":last", task.name, now.isoformat())

    # Extends the claim only if it is still the caller's (a lapsed one may have been taken).
    _RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('expire', KEYS[1], ARGV[2]) end return 0"

    def claim(self, task: Task, holder: str) -> bool:
        """True for one node at a time, for one lease; ``renew`` keeps it while the task runs."""
        return bool(self.redis.set(self._claim_key(task), holder, nx=True, ex=self.lease))

    def renew(self, task: Task, holder: str) -> bool:
        """False when the claim is no longer the holder's."""
        return bool(self.redis.eval(self._RENEW, 1, self._claim_key(task), holder, self.lease))

    def release(self, task: Task, holder: str) -> None:
        key = self._claim_key(task)
        if self.redis.get(key) == holder.encode():
            self.redis.delete(key)

    def _claim_key(self, task: Task) -> str:
        return f"{self.key}:running:{task.name}"


def _ini_value(ini: str, key: str, default: Optional[str] = None) -> Optional[str]:
    """A plain value of the .ini's [app:main] (no interpolation). The deployments start the
    scheduler without CKAN_* variables, so the .ini is what its commands read too."""
    import configparser

    parser = configparser.RawConfigParser(strict=False)
    parser.read(ini)
    return parser.get("app:main", key, fallback=default)


def site_redis(ini: str) -> tuple[Optional[str], str]:
    """The Redis URL and site id the .ini names."""
    return _ini_value(ini, "ckan.redis.url"), _ini_value(ini, "ckan.site_id", "default")


def site_database(ini: str) -> Optional[str]:
    return _ini_value(ini, "sqlalchemy.url")


def has_work(database_url: Optional[str], task: Task) -> bool:
    """Whether ``task`` has something to do; True when it has no question or it cannot be asked."""
    if task.work_sql is None or not database_url:
        return True
    import psycopg2

    conn = None
    try:
        conn = psycopg2.connect(database_url, connect_timeout=10, options="-c statement_timeout=10000")
        with conn.cursor() as cursor:
            cursor.execute(task.work_sql)
            return cursor.fetchone() is not None
    except psycopg2.Error as error:
        log(f"{task.name}: could not ask the database whether there is work ({error}); running it")
        return True
    finally:
        if conn is not None:
            conn.close()


def log(message: str) -> None:
    print(f"{dt.datetime.now().isoformat(timespec='seconds')} {message}", flush=True)


def run(ckan: str, ini: str, task: Task) -> int:
    log(f"start {task.name}: ckan {' '.join(task.args)}")
    began = time.monotonic()
    try:
        code = subprocess.run([ckan, "-c", ini, *task.args], timeout=task.timeout,
                              stdin=subprocess.DEVNULL).returncode
    except subprocess.TimeoutExpired:
        code = -1
        log(f"{task.name} took longer than {task.timeout}s and was stopped")
    log(f"end {task.name}: exit {code} after {time.monotonic() - began:.1f}s")
    return code


def main(argv: Optional[list[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ini", required=True)
    parser.add_argument("--state-dir", required=True)
    parser.add_argument("--ckan", default=os.path.join(os.path.dirname(sys.executable), "ckan"))
    parser.add_argument("--harvest-every", type=int, default=60, help="seconds between `harvester run`")
    parser.add_argument("--transparency-at", default="02:00", help="local time of the nightly refresh, HH:MM")
    parser.add_argument("--lease", type=int, default=LEASE_SECONDS,
                        help="seconds a task's claim outlives a scheduler killed while running it")
    args = parser.parse_args(argv)

    # supervisor stops us with SIGTERM: leave the loop; a running command is in our process
    # group, which supervisor signals too (stopasgroup).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    schedule = tasks(args.harvest_every, dt.time.fromisoformat(args.transparency_at))
    redis_url, site_id = site_redis(args.ini)
    database_url = site_database(args.ini)
    state = SharedState(redis_url, site_id, args.lease) if redis_url else State(args.state_dir)
    holder = f"{os.uname().nodename}:{os.getpid()}"
    for task in schedule:
        state.first_seen(task, _last_slot(task, dt.datetime.now()))
    log("scheduler up: " + ", ".join(
        f"{t.name} every {t.every}s" if t.every else f"{t.name} daily at {t.daily_at:%H:%M}" for t in schedule))
    from redis.exceptions import ConnectionError as RedisDown, TimeoutError as RedisSlow

    while True:
        try:
            run_due(schedule, state, holder, lambda task: run(args.ckan, args.ini, task),
                    lambda task: has_work(database_url, task))
        except (RedisDown, RedisSlow) as error:  # Redis restarting: wait for it, do not die
            log(f"the shared schedule is unreachable ({error}); trying again in 5s")
            time.sleep(5)
        time.sleep(1)


def run_due(schedule: list[Task], state, holder: str, start, has_work=lambda task: True) -> None:
    """Starts (``start(task)``) each task that is due, that this scheduler could claim and that
    has work; one without work counts as run (asked again when it is next due)."""
    for task in schedule:
        now = dt.datetime.now()
        if due(task, now, state.last(task.name)) and state.claim(task, holder):
            with _renewed(state, task, holder):
                if has_work(task):
                    start(task)
                # Recorded when the command has ended: one killed midway (with the scheduler)
                # runs again when a scheduler is back.
                state.done(task.name, now)


class _renewed:
    """Renews ``holder``'s claim on ``task`` while the block runs, then releases it."""

    def __init__(self, state, task: Task, holder: str):
        self.state, self.task, self.holder = state, task, holder
        self.ended = threading.Event()
        self.thread = threading.Thread(target=self._renew, daemon=True)

    def _renew(self) -> None:
        every = max(self.state.lease / 3, 0.2)
        while not self.ended.wait(every):
            try:
                if not self.state.renew(self.task, self.holder):
                    log(f"{self.task.name}: the claim lapsed while running (Redis was unreachable)")
                    return
            except Exception as error:  # Redis restarting: the next renewal may reach it
                log(f"{self.task.name}: could not renew the claim ({error})")

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.ended.set()
        self.thread.join()
        self.state.release(self.task, self.holder)


def _last_slot(task: Task, now: dt.datetime) -> dt.datetime:
    if task.daily_at is None:
        return now
    slot = dt.datetime.combine(now.date(), task.daily_at)
    return slot if now >= slot else slot - dt.timedelta(days=1)


if __name__ == "__main__":
    main()
