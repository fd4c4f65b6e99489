"""Acting as the site itself, for CLI commands and loaders that run outside a request."""
from __future__ import annotations

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
