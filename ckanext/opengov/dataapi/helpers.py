"""dataapi: template helpers (registered by plugin.py)."""


def get_helpers() -> dict:
    return {}
