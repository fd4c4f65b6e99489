"""Render Python constants as SQL literals for the refresh queries (values are ours, not users')."""
from __future__ import annotations


def literal(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def in_list(values) -> str:
    return "(" + ", ".join(literal(v) for v in values) + ")"
