"""Load the demo agencies and datasets through CKAN's actions (so every validator runs).

Idempotent: what exists already is left as it is, so running it twice loses nothing.
"""
from __future__ import annotations

import json
import os
from typing import Callable

from ckanext.opengov.demo import categories, files
from ckanext.opengov.logic.site import create_missing

DEMO_FILE = os.path.join(os.path.dirname(__file__), "demo_data.json")


def read_demo_data(path: str = DEMO_FILE) -> dict:
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def load(report: Callable[[str], None] = print) -> dict:
    """Create what is missing; return counts of what was created and what was already there."""
    data = read_demo_data()
    counts = categories.seed(include_sdgs=True, report=lambda line: report(f"category {line}"))
    create_missing("organization", data["organizations"], lambda line: report(f"agency {line}"), counts)
    datasets = [dict(data["dataset_defaults"], **dataset) for dataset in data["datasets"]]
    counts = create_missing("package", (files.without_files(d) for d in datasets),
                            lambda line: report(f"dataset {line}"), counts)
    counts["files"] = files.attach(datasets, lambda line: report(f"file {line}"))
    return counts
