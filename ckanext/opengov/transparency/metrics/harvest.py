"""Harvest health of one agency's harvest source, from ckanext-harvest's jobs.

  ok        the last finished job had no errors and is recent enough
  errors    the last finished job recorded gather or object errors
  stale     no successful job within STALE_DAYS (the source stopped being harvested)
  never     the source has never finished a job
  inactive  the source is switched off
A job is successful when it finished with no gather error and no import error.
"""
from __future__ import annotations

import datetime as dt

OK, ERRORS, STALE, NEVER, INACTIVE = "ok", "errors", "stale", "never", "inactive"
STATUSES = (OK, ERRORS, STALE, NEVER, INACTIVE)
STALE_DAYS = 30
FAILING = frozenset({ERRORS, STALE, NEVER})


def source_status(active: bool, last_finished: dt.datetime | None, last_errors: int,
                  last_success: dt.datetime | None, now: dt.datetime) -> str:
    if not active:
        return INACTIVE
    if last_finished is None:
        return NEVER
    if last_errors:
        return ERRORS
    if last_success is None or (now - last_success).days > STALE_DAYS:
        return STALE
    return OK


def agency_health(statuses: list[str]) -> str | None:
    """The worst status among an agency's sources (None when it has no source)."""
    for candidate in (ERRORS, STALE, NEVER, OK, INACTIVE):
        if candidate in statuses:
            return candidate
    return None
