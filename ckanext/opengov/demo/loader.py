"""Load the demo agencies and datasets through CKAN's actions (so every validator runs).

Idempotent: what exists already is left as it is, so running it twice loses nothing.
"""
from __future__ import annotations

import json
import os
from typing import Callable

import ckan.plugins.toolkit as tk

from ckanext.opengov import categories
from ckanext.opengov.logic.site import exists, site_context

DEMO_FILE = os.path.join(os.path.dirname(__file__), "demo_data.json")


def read_demo_data(path: str = DEMO_FILE) -> dict:
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def load(report: Callable[[str], None] = print) -> dict:
    """Create what is missing; return counts of what was created and what was already there."""
    data = read_demo_data()
    context = site_context()
    counts = categories.seed(include_sdgs=True, report=lambda line: report(f"category {line}"))

    for org in data["organizations"]:
        if exists("organization_show", context, org["name"]):
            counts["existing"] += 1
            continue
        tk.get_action("organization_create")(dict(context), org)
        counts["created"] += 1
        report(f"agency {org['name']}: {org['title']}")

    for dataset in data["datasets"]:
        if exists("package_show", context, dataset["name"]):
            counts["existing"] += 1
            continue
        tk.get_action("package_create")(dict(context), dict(data["dataset_defaults"], **dataset))
        counts["created"] += 1
        report(f"dataset {dataset['name']}: {dataset['title']}")
    return counts
