"""Guards on ckanext-harvest's own actions: only the guarded source types, agency admins only,
forbidden URLs refused at registration."""
from __future__ import annotations


def get_actions() -> dict:
    return {}


def get_auth_functions() -> dict:
    return {}
