"""The order of categories on /group: the seven TGDC categories in the standard's order, then the
SDGs by number ("SDG 1" before "SDG 10"), then any other group by title, numbers read as numbers."""
from __future__ import annotations

import re

import ckan.plugins.toolkit as tk

from ckanext.opengov.demo.categories import CATEGORIES

TGDC_ORDER = {name: i for i, (name, _th, _en) in enumerate(CATEGORIES)}
_NUMBER = re.compile(r"(\d+)")


def natural(text: str) -> tuple:
    """"SDG 10" → ("sdg ", 10, ""): numbers compare as numbers."""
    return tuple(int(part) if part.isdigit() else part.casefold() for part in _NUMBER.split(text or ""))


def sort_key(group: dict) -> tuple:
    name = group.get("name") or ""
    if name in TGDC_ORDER:
        return (0, TGDC_ORDER[name], ())
    return (1, 0, natural(group.get("title") or group.get("display_name") or name))


def ordered(groups: list[dict]) -> list[dict]:
    return sorted(groups, key=sort_key)


def all_ordered(page: int = 25) -> list[dict]:
    """Every category (group_list with all fields, page by page: core caps a page at 25)."""
    found, offset = [], 0
    while True:
        rows = tk.get_action("group_list")({}, {"all_fields": True, "limit": page, "offset": offset})
        found.extend(rows)
        if len(rows) < page:
            return ordered(found)
        offset += page
