"""Buddhist-Era dates: read the forms Thai users type, store ISO CE, show Thai dates.

A year of 2400 or more is Buddhist Era (CE + 543); a smaller one is Common Era.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

BE_OFFSET = 543
BE_THRESHOLD = 2400
# Stored years stay inside this CE range, so an ISO date never reads back as a BE one.
EARLIEST_CE, LATEST_CE = 1800, 2300
THAI_MONTHS_SHORT = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]

_DMY = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
_YMD = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$")


class DateProblem(ValueError):
    """``key`` names the reason (a key of the validators' messages); ``params`` fill it in."""

    def __init__(self, key: str, **params):
        super().__init__(key)
        self.key = key
        self.params = params


def to_ce_year(year: int) -> int:
    return year - BE_OFFSET if year >= BE_THRESHOLD else year


def parse_date(text: str) -> dt.date:
    """25/11/2569, 2569-11-25, 2026-11-25 (or ISO with a time) → date(2026, 11, 25)."""
    match = _DMY.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
    else:
        match = _YMD.match(text)
        if not match:
            raise DateProblem("format", value=text)
        year, month, day = (int(g) for g in match.groups())
    year = to_ce_year(year)
    if not EARLIEST_CE <= year <= LATEST_CE:
        raise DateProblem(
            "year", value=text, low=EARLIEST_CE, high=LATEST_CE,
            low_be=EARLIEST_CE + BE_OFFSET, high_be=LATEST_CE + BE_OFFSET,
        )
    if not 1 <= month <= 12:
        raise DateProblem("month", value=text, month=month)
    last_day = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last_day:
        raise DateProblem("day", value=text, day=day, last_day=last_day)
    return dt.date(year, month, day)


def parse_be_year(value, today: dt.date | None = None) -> int:
    """A year in the Buddhist Era, e.g. 2568; a CE year is refused so nobody stores 2025 as BE."""
    text = str(value).strip()
    if not text.isdecimal():  # Thai digits (๒๕๖๘) count; superscripts and fractions do not
        raise DateProblem("year_format", value=text)
    year = int(text)
    latest = (today or dt.date.today()).year + BE_OFFSET + 10
    if year < BE_THRESHOLD:
        raise DateProblem("year_not_be", value=text, be=year + BE_OFFSET)
    if year > latest:
        raise DateProblem("year_range", value=text, latest=latest)
    return year


def format_thai_date(value) -> str:
    """date or ISO text → "25 พ.ย. 2569"; anything unreadable is returned as it came."""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    return f"{value.day} {THAI_MONTHS_SHORT[value.month - 1]} {value.year + BE_OFFSET}"
