"""policymap: `ckan opengov ...` commands (added to the opengov group by ckanext/opengov/cli.py)."""


def get_commands() -> list:
    return []
