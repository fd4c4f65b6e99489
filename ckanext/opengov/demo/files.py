"""The demo's resources as real files in the portal's own file store (files/, made by make_files.py).

Uploaded through resource_create/resource_update, as an agency's form does, so each table is then
loaded into the DataStore by the job worker, and download, preview and the Data API show real data.
A demo site made before the files existed has links to a made-up host instead: those resources
are given their file (same name), once.
"""
from __future__ import annotations

import mimetypes
import os
from typing import Callable

import ckan.plugins.toolkit as tk
from werkzeug.datastructures import FileStorage

from ckanext.opengov.logic.site import site_context

FILES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "files")


def without_files(dataset: dict) -> dict:
    """The dataset as package_create takes it: resources with a file are added afterwards."""
    return dict(dataset, resources=[r for r in dataset.get("resources", []) if not r.get("file")])


def attach(datasets: list[dict], report: Callable[[str], None]) -> int:
    """Upload each demo file that its dataset does not hold yet; returns how many were uploaded."""
    context = site_context()
    uploaded = 0
    for dataset in datasets:
        wanted = [r for r in dataset.get("resources", []) if r.get("file")]
        if not wanted:
            continue
        package = tk.get_action("package_show")(dict(context), {"id": dataset["name"]})
        current = {r.get("name"): r for r in package.get("resources", [])}
        for resource in wanted:
            there = current.get(resource["name"])
            if there and there.get("url_type") == "upload":
                continue
            _upload(context, package["id"], resource, there)
            uploaded += 1
            report(f"{dataset['name']}: {resource['file']}")
    return uploaded


def _upload(context: dict, package_id: str, resource: dict, existing: dict | None) -> None:
    name = resource["file"]
    fields = {k: v for k, v in resource.items() if k != "file"}
    with open(os.path.join(FILES, name), "rb") as handle:
        fields.update(url=name, upload=FileStorage(
            handle, filename=name, content_type=mimetypes.guess_type(name)[0] or "application/octet-stream"))
        if existing:
            tk.get_action("resource_update")(dict(context), dict(existing, **fields))
        else:
            tk.get_action("resource_create")(dict(context), dict(fields, package_id=package_id))
