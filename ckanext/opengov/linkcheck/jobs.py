"""A link-check run: pick the public links due, check them politely, store the results.

Called by `ckan opengov linkcheck run` (the scheduler's task), by the opengov_linkcheck_run
action (as a background job) and by the benchmark. Results are written from this thread in
batches while the workers go on; one run at a time (a PostgreSQL advisory lock).
"""
from __future__ import annotations

import datetime as dt
import logging
import time
from urllib.parse import urlsplit

from sqlalchemy import text

from ckanext.opengov.linkcheck import pool, probe, store

log = logging.getLogger(__name__)
BATCH = 200


def settings_from_config() -> tuple[probe.Settings, pool.Limits, int]:
    import ckan.plugins.toolkit as tk

    from ckanext.opengov.harvest.safe_http import policy_from_config

    cfg = tk.config
    prefix = "ckanext.opengov.linkcheck."
    harvest = policy_from_config()  # the same allow-list and redirect rule as harvesting
    policy = type(harvest)(
        allowed_hosts=harvest.allowed_hosts, max_redirects=harvest.max_redirects, max_retries=0,
        connect_timeout=cfg.get(prefix + "connect_timeout"),
        read_timeout=cfg.get(prefix + "read_timeout"),
        total_timeout=cfg.get(prefix + "deadline"),
        max_bytes=cfg.get(prefix + "max_bytes"))
    settings = probe.Settings(policy, deadline=cfg.get(prefix + "deadline"))
    limits = pool.Limits(
        workers=cfg.get(prefix + "workers"), per_host=cfg.get(prefix + "per_host"),
        host_delay=cfg.get(prefix + "host_delay"),
        host_failures=cfg.get(prefix + "host_failures"), budget=cfg.get(prefix + "budget"))
    return settings, limits, cfg.get(prefix + "history_size")


def host_of(target: dict) -> str:
    """Politeness is per host and port (netloc); uploads are local files, one queue."""
    if target["url_type"] == "upload":
        return ""
    return (urlsplit(target["url"]).netloc or "").lower().rsplit("@", 1)[-1]


def upload_path(target: dict) -> str | None:
    from ckan.lib import uploader

    try:
        return uploader.get_resource_uploader(
            {"id": target["id"], "url": target["url"], "url_type": "upload"}).get_path(target["id"])
    except Exception:  # noqa: BLE001  a store that cannot name the file: the file is missing
        return None


def check_one(settings: probe.Settings, session, target: dict) -> probe.Result:
    if target["url_type"] == "upload":
        return probe.check_file(upload_path(target), settings.policy.max_bytes)
    return probe.check_http(session, target["url"].strip(), settings)


def run(engine, limit: int = 100_000, ids: list[str] | None = None,
        settings: probe.Settings | None = None, limits: pool.Limits | None = None,
        history_size: int | None = None) -> dict:
    """Check up to `limit` public links (or only the resources `ids`); returns the counts."""
    if settings is None or limits is None or history_size is None:
        configured = settings_from_config()
        settings, limits, history_size = (settings or configured[0], limits or configured[1],
                                          history_size or configured[2])
    started = time.monotonic()
    with engine.connect() as lock_conn:
        if not lock_conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": store.LOCK}).scalar():
            return {"busy": True, "checked": 0}
        try:
            with engine.begin() as conn:
                pruned = store.prune(conn)
                due = store.targets(conn, limit, ids)
            counts = dict.fromkeys(probe.STATUSES, 0)
            hosts = pool.HostQueue(due, host_of, limits)
            batch: list = []
            for target, result in pool.run(
                    hosts, lambda session, t: check_one(settings, session, t),
                    timed_out=lambda r: r.status == probe.TIMEOUT,
                    skipped=lambda t: probe.Result(probe.TIMEOUT, reason=pool.UNRESPONSIVE),
                    worker_init=lambda: probe.session(settings)):
                if isinstance(result, Exception):
                    log.warning("link check of %s failed: %r", target["id"], result)
                    result = probe.Result(probe.BROKEN, reason="error")
                counts[result.status] += 1
                batch.append((target, result, dt.datetime.utcnow()))
                if len(batch) >= BATCH:
                    _save(engine, batch, history_size)
                    batch = []
            _save(engine, batch, history_size)
        finally:
            lock_conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": store.LOCK})
            lock_conn.commit()
    seconds = round(time.monotonic() - started, 2)
    checked = sum(counts.values())
    log.info("link check: %s links in %.1fs (%s)", checked, seconds, counts)
    return {"checked": checked, "not_reached": hosts.left(), "pruned": pruned, "seconds": seconds, **counts}


def _save(engine, batch, history_size) -> None:
    if batch:
        with engine.begin() as conn:
            store.save(conn, batch, history_size)


def enqueue(limit: int):
    import ckan.plugins.toolkit as tk

    return tk.enqueue_job(background_run, [limit], title="opengov link check",
                          rq_kwargs={"timeout": 4 * 3600})


def background_run(limit: int) -> dict:
    import ckan.model as model

    return run(model.meta.engine, limit)
