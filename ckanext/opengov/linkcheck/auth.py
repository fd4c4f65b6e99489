"""linkcheck: auth functions (registered by plugin.py)."""


def get_auth_functions() -> dict:
    return {}
