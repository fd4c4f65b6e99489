"""linkcheck: pages (blueprints registered by plugin.py)."""


def get_blueprints() -> list:
    return []
