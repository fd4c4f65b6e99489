"""The bytes of a resource for loading: an upload from the portal's own file store, a link
through the harvesters' guarded client (same address rules, size and time limits).

A link is streamed to disk: the harvest client keeps a whole answer in memory (a harvest reads
metadata), which for a 100 MB table meant twice that in the job worker. It retries once at most:
the jobs worker loads one table at a time, and the harvest's three retries with backoff held
every table queued behind a dead link for 7 s (the nightly link check reports dead links).
"""
from __future__ import annotations

import contextlib
import dataclasses
import os
import shutil
import tempfile
from typing import Iterator

from ckanext.opengov.harvest.safe_http import FetchError, SafeClient, policy_from_config

CHUNK = 256 * 1024
MAX_RETRIES = 1


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


class _StreamingClient(SafeClient):
    """The harvest client (retries, redirects checked hop by hop), writing the body to a file."""

    def __init__(self, path: str):
        policy = policy_from_config()
        super().__init__(dataclasses.replace(policy, max_retries=min(policy.max_retries, MAX_RETRIES)))
        self.path = path

    def _body(self, raw, url: str, deadline: float) -> bytes:
        with open(self.path, "wb") as out:  # a retry starts the file afresh
            for chunk in self._chunks(raw, url, deadline, CHUNK):
                out.write(chunk)
        return b""  # the body is on disk


def _download(url: str, path: str) -> None:
    client = _StreamingClient(path)
    try:
        client.get(url)
    finally:
        client.close()


def _suffix(resource: dict) -> str:
    name = (resource.get("url") or "").rsplit("/", 1)[-1].split("?")[0]
    ext = os.path.splitext(name)[1].lower()
    return ext if ext in (".csv", ".tsv", ".txt", ".xls", ".xlsx") else ""


__all__ = ["resource_file", "FetchError"]
