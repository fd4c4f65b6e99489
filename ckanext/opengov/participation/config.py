"""The ``ckanext.opengov.participation.*`` options (declared in config_declaration.yaml)."""
from __future__ import annotations

import ckan.plugins.toolkit as tk

PREFIX = "ckanext.opengov.participation."


def requests_per_day() -> int:
    return tk.config.get(PREFIX + "requests_per_day")


def comments_per_hour() -> int:
    return tk.config.get(PREFIX + "comments_per_hour")


def follows_per_day() -> int:
    return tk.config.get(PREFIX + "searches_per_user")


def target_days() -> int:
    return tk.config.get(PREFIX + "answer_target_days")
