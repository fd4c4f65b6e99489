"""Timeliness: is a dataset updated as often as its agency declared?

The declared period is the update-frequency unit divided by the number of updates per unit
(`update_frequency_interval`, 1 when missing). Age is measured in days from the last update
(`last_updated_date`, or the record's last modification when the agency gave none).
Periods shorter than a day count as a day, since update dates are kept per day.

  up to date  age ≤ period
  due         period < age ≤ period × DUE_FACTOR          (the next update is expected now)
  overdue     period × DUE_FACTOR < age ≤ period × OVERDUE_FACTOR
  delinquent  age > period × OVERDUE_FACTOR               (several updates missed)
  not applicable: frequency unknown, "other", or never updated after collection.
"""
from __future__ import annotations

import datetime as dt

from ckanext.opengov.transparency.metrics.sqltext import literal

UP_TO_DATE, DUE, OVERDUE, DELINQUENT, NOT_APPLICABLE = (
    "up_to_date", "due", "overdue", "delinquent", "not_applicable")
STATUSES = (UP_TO_DATE, DUE, OVERDUE, DELINQUENT, NOT_APPLICABLE)
DUE_FACTOR = 1.5
OVERDUE_FACTOR = 3.0
MIN_PERIOD_DAYS = 1.0

# Days in one unit of the TGDC update_frequency_unit vocabulary.
UNIT_DAYS: dict[str, float] = {
    "ปี": 365.0,
    "ครึ่งปี": 182.5,
    "ไตรมาส": 91.25,
    "เดือน": 30.4,
    "สัปดาห์": 7.0,
    "วัน": 1.0,
    "วันทำการ": 1.4,  # five working days a week: 7/5 calendar days between updates
    "ชั่วโมง": 1 / 24,
    "นาที": 1 / 1440,
    "ตามเวลาจริง": 1 / 1440,
}
# ไม่ทราบ, อื่นๆ and ไม่มีการปรับปรุงหลังจากการจัดเก็บข้อมูล have no period: not applicable.


def period_days(unit: str | None, interval=None) -> float | None:
    days = UNIT_DAYS.get((unit or "").strip())
    if days is None:
        return None
    try:
        per_unit = float(interval) if interval not in (None, "") else 1.0
    except (TypeError, ValueError):
        per_unit = 1.0
    if per_unit <= 0:
        per_unit = 1.0
    return max(days / per_unit, MIN_PERIOD_DAYS)


def thresholds(unit: str | None, interval=None) -> dict | None:
    """The day limits of each status for one declared frequency, for the page's explanation."""
    period = period_days(unit, interval)
    if period is None:
        return None
    return {UP_TO_DATE: period, DUE: period * DUE_FACTOR, OVERDUE: period * OVERDUE_FACTOR}


def status(unit: str | None, interval, last_updated: dt.date | dt.datetime | None,
           today: dt.date) -> str:
    limits = thresholds(unit, interval)
    if limits is None:
        return NOT_APPLICABLE
    if last_updated is None:
        return DELINQUENT  # a declared frequency and no date at all: nothing shows it was kept
    if isinstance(last_updated, dt.datetime):
        last_updated = last_updated.date()
    age = (today - last_updated).days
    if age <= limits[UP_TO_DATE]:
        return UP_TO_DATE
    if age <= limits[DUE]:
        return DUE
    if age <= limits[OVERDUE]:
        return OVERDUE
    return DELINQUENT


def share_on_time(counts: dict[str, int]) -> float | None:
    """Up-to-date share among datasets that declared a frequency; None when none did."""
    applicable = sum(counts.get(s, 0) for s in STATUSES if s != NOT_APPLICABLE)
    return counts.get(UP_TO_DATE, 0) / applicable if applicable else None


def sql_status(unit_expr: str, interval_expr: str, age_days_expr: str) -> str:
    """SQL for status(); `age_days_expr` is NULL when the dataset has no date."""
    unit_days = "CASE " + " ".join(
        f"WHEN {unit_expr} = {literal(u)} THEN {d!r}" for u, d in UNIT_DAYS.items()) + " END"
    per_unit = (f"(CASE WHEN {interval_expr} ~ '^[0-9]+(\\.[0-9]+)?$' AND ({interval_expr})::numeric > 0 "
                f"THEN ({interval_expr})::numeric ELSE 1 END)")
    period = f"greatest(({unit_days}) / {per_unit}, {MIN_PERIOD_DAYS!r})"
    return (
        f"(CASE WHEN ({unit_days}) IS NULL THEN '{NOT_APPLICABLE}' "
        f"WHEN {age_days_expr} IS NULL THEN '{DELINQUENT}' "
        f"WHEN {age_days_expr} <= {period} THEN '{UP_TO_DATE}' "
        f"WHEN {age_days_expr} <= {period} * {DUE_FACTOR!r} THEN '{DUE}' "
        f"WHEN {age_days_expr} <= {period} * {OVERDUE_FACTOR!r} THEN '{OVERDUE}' "
        f"ELSE '{DELINQUENT}' END)"
    )
