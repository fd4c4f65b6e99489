"""dataapi: template helpers (registered by plugin.py)."""
from __future__ import annotations

from ckanext.opengov.dataapi import status


def opengov_dataapi_load_status(resource_id: str) -> dict | None:
    """The last load of a resource's table: {'state', 'message', 'last_updated'} or None."""
    return status.read(resource_id)


def get_helpers() -> dict:
    return {"opengov_dataapi_load_status": opengov_dataapi_load_status}
