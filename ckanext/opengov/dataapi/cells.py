"""Thai spreadsheet cells into values a database types well. Pure functions.

Only a cell that is wholly a number or a date changes: Thai digits (๐-๙) become ASCII digits,
thousands separators go, and a Buddhist-Era date (15/03/2567, 15 มี.ค. 2567, 15 มีนาคม 2567)
becomes an ISO Common-Era date (2024-03-15), as does a day-first CE one (15/03/2024), so the
column is numeric or a date and sorts.
Text that merely contains digits ("ซอย ๕") keeps its own characters.
"""
from __future__ import annotations

import calendar
import re

from ckanext.opengov.tgdc.dates import BE_OFFSET, BE_THRESHOLD, EARLIEST_CE, LATEST_CE, THAI_MONTHS_SHORT

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
THAI_MONTHS_LONG = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
                    "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
_MONTHS = {name: number for number, name in enumerate(THAI_MONTHS_SHORT, start=1)}
_MONTHS.update({name.replace(".", ""): number for name, number in list(_MONTHS.items())})
_MONTHS.update({name: number for number, name in enumerate(THAI_MONTHS_LONG, start=1)})

_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_D_MONTH_Y = re.compile(r"(\d{1,2})\s*([\u0e00-\u0e7f.]+)\s*(?:พ\.ศ\.\s*)?(\d{4})")


def _iso(day: int, month: int, year: int) -> str | None:
    """Day-first, as Thai dates are written; a year of 2400 or more is Buddhist Era."""
    year = year - BE_OFFSET if year >= BE_THRESHOLD else year
    if not EARLIEST_CE <= year <= LATEST_CE or not 1 <= month <= 12:
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def be_date(text: str) -> str | None:
    """'15/03/2567', '15 มี.ค. 2567' or '15/03/2024' -> '2024-03-15'; None when not a date."""
    match = _DMY.fullmatch(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return _iso(day, month, year)
    match = _D_MONTH_Y.fullmatch(text)
    if match and match.group(2) in _MONTHS:
        return _iso(int(match.group(1)), _MONTHS[match.group(2)], int(match.group(3)))
    return None


def normalize(value):
    """One cell: a number or BE date in any Thai spelling to its plain form; anything else as is."""
    if not isinstance(value, str):
        return value
    text = value.strip().translate(THAI_DIGITS)
    if _NUMBER.fullmatch(text):
        return text.replace(",", "")
    return be_date(text) or value
