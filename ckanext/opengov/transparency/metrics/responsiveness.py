"""Responsiveness to data requests: a pure function of each request's dates, so the figures on
the scorecard can be tested and explained without a database.

- received: requests addressed to the agency (hidden ones, removed by moderation, not counted)
- answered: those the agency has given a first answer to (any status but "open")
- median_days: median days from the request to its first answer (answered ones only)
- within_target_share: of the requests that have been answered or have waited longer than the
  target, the share answered within the target (None when there is none yet)
- overdue: requests still unanswered after the target
"""
from __future__ import annotations

import datetime as dt
import statistics
from typing import Iterable, Optional

DEFAULT_TARGET_DAYS = 15
COLUMNS = ("received", "answered", "median_days", "within_target_share", "overdue")


def figures(requests: Iterable[tuple[dt.datetime, Optional[dt.datetime]]], now: dt.datetime,
            target_days: int = DEFAULT_TARGET_DAYS) -> dict:
    """``requests``: (created, first_answered or None) pairs."""
    target = dt.timedelta(days=target_days)
    received = answered = judged = on_time = overdue = 0
    waits: list[float] = []
    for created, first_answered in requests:
        received += 1
        if first_answered is not None:
            answered += 1
            wait = first_answered - created
            waits.append(wait.total_seconds() / 86400)
            judged += 1
            on_time += wait <= target
        elif now - created > target:
            judged += 1
            overdue += 1
    return {
        "received": received,
        "answered": answered,
        "median_days": round(statistics.median(waits), 1) if waits else None,
        "within_target_share": round(on_time / judged, 3) if judged else None,
        "overdue": overdue,
    }
