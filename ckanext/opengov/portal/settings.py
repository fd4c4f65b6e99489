"""Portal texts sysadmins edit on /ckan-admin/config (registered by plugin.py's
IConfigurer.update_config_schema)."""
from __future__ import annotations


def update_config_schema(schema: dict) -> dict:
    return schema
