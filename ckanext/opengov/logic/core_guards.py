"""Guards on CKAN core actions that answer bad input or anonymous callers with a server error."""
from __future__ import annotations


def get_actions() -> dict:
    return {}


def get_auth_functions() -> dict:
    return {}
