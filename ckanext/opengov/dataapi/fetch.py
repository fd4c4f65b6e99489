"""The bytes of a resource for loading: an upload from the portal's own file store, a link
through the harvesters' guarded client (same address rules, size and time limits)."""
from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from typing import Iterator

from ckanext.opengov.harvest.safe_http import FetchError, SafeClient


@contextlib.contextmanager
def resource_file(resource: dict) -> Iterator[str]:
    """A path to a copy of the resource's data, removed afterwards. Raises FetchError."""
    handle, path = tempfile.mkstemp(prefix="opengov-load-", suffix=_suffix(resource))
    os.close(handle)
    try:
        if resource.get("url_type") == "upload":
            from ckan.lib.uploader import get_resource_uploader

            stored = get_resource_uploader(resource).get_path(resource["id"])
            shutil.copyfile(stored, path)
        else:
            _download(resource.get("url") or "", path)
        yield path
    finally:
        os.unlink(path)


def _download(url: str, path: str) -> None:
    client = SafeClient()
    try:
        response = client.get(url)
    finally:
        client.close()
    with open(path, "wb") as out:
        out.write(response.content)


def _suffix(resource: dict) -> str:
    name = (resource.get("url") or "").rsplit("/", 1)[-1].split("?")[0]
    ext = os.path.splitext(name)[1].lower()
    return ext if ext in (".csv", ".tsv", ".txt", ".xls", ".xlsx") else ""


__all__ = ["resource_file", "FetchError"]
