"""linkcheck: API actions (registered by plugin.py)."""


def get_actions() -> dict:
    return {}
