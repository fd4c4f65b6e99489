"""Values PostgreSQL cannot store: text holding NUL characters.

A NUL inside any string of a dataset makes the database refuse the write with a server error;
we refuse it first, with a validation error that names the field.
"""
from __future__ import annotations


def nul_fields(value, path: str = "") -> list[str]:
    """Dotted paths (``resources.0.name``) of the strings in ``value`` that contain NUL."""
    if isinstance(value, str):
        return [path] if "\x00" in value else []
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, (list, tuple)):
        items = enumerate(value)
    else:
        return []
    found = []
    for key, item in items:
        found += nul_fields(item, f"{path}.{key}" if path else str(key))
    return found
