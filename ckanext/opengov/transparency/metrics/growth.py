"""Growth: datasets published per month and the running total."""
from __future__ import annotations


def month_key(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def months_between(first: str, last: str) -> list[str]:
    y, m = map(int, first.split("-"))
    ly, lm = map(int, last.split("-"))
    out = []
    while (y, m) <= (ly, lm):
        out.append(month_key(y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def cumulative(monthly: dict[str, int]) -> list[dict]:
    """[{month, added, total}] for every month from the first to the last, gaps filled with 0."""
    if not monthly:
        return []
    keys = sorted(monthly)
    total = 0
    series = []
    for month in months_between(keys[0], keys[-1]):
        added = monthly.get(month, 0)
        total += added
        series.append({"month": month, "added": added, "total": total})
    return series
