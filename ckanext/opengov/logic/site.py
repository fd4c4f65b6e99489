"""Acting as the site itself, for CLI commands and loaders that run outside a request."""
from __future__ import annotations

from collections import Counter
from typing import Callable, Iterable

import ckan.plugins.toolkit as tk


def site_context() -> dict:
    site_user = tk.get_action("get_site_user")({"ignore_auth": True}, {})
    return {"user": site_user["name"], "ignore_auth": True}


def exists(action: str, context: dict, name: str) -> bool:
    try:
        tk.get_action(action)(dict(context), {"id": name})
        return True
    except tk.ObjectNotFound:
        return False


def create_missing(
    entity: str, records: Iterable[dict], report: Callable[[str], None], counts: Counter | None = None
) -> Counter:
    """``<entity>_create`` each record whose name is not taken; existing ones are left as they are.

    Through the actions, so every validator runs. Returns counts of "created" and "existing".
    """
    context = site_context()
    counts = counts if counts is not None else Counter(created=0, existing=0)
    for record in records:
        if exists(f"{entity}_show", context, record["name"]):
            counts["existing"] += 1
            continue
        tk.get_action(f"{entity}_create")(dict(context), record)
        counts["created"] += 1
        report(f"{record['name']}: {record['title']}")
    return counts
