"""The bytes of a resource for loading: an upload from the portal's own file store, a link
through the harvesters' guarded client (same address rules, size and time limits).

A link is streamed to disk: the harvest client keeps a whole answer in memory (a harvest reads
metadata), which for a 100 MB table meant twice that in the job worker.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import socket
import tempfile
import time
from typing import Iterator
from urllib.parse import urljoin

import requests

from ckanext.opengov.harvest.addresses import ForbiddenAddress
from ckanext.opengov.harvest.safe_http import REDIRECTS, FetchError, Response, SafeClient, _find_cause

CHUNK = 256 * 1024


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
        super().__init__()
        self.path = path

    def _once(self, method, url, json_body, params):
        policy = self.policy
        deadline = time.monotonic() + policy.total_timeout
        try:
            with self.session.request(method, url, stream=True, allow_redirects=False,
                                      timeout=(policy.connect_timeout, policy.read_timeout)) as raw:
                if raw.status_code in REDIRECTS and raw.headers.get("Location"):
                    return urljoin(raw.url, raw.headers["Location"])
                if raw.status_code >= 400:
                    raise FetchError("status", url, status=raw.status_code)
                declared = raw.headers.get("Content-Length") or ""
                if declared.isdigit() and int(declared) > policy.max_bytes:
                    raise FetchError("too_large", url, limit=policy.max_bytes)
                size = 0
                with open(self.path, "wb") as out:  # a retry starts the file afresh
                    for chunk in raw.iter_content(CHUNK):
                        size += len(chunk)
                        if size > policy.max_bytes:
                            raise FetchError("too_large", url, limit=policy.max_bytes)
                        if time.monotonic() > deadline:
                            raise FetchError("timeout", url, detail=f"total > {policy.total_timeout}s")
                        out.write(chunk)
                return Response(raw.url, raw.status_code, dict(raw.headers), b"")  # the body is on disk
        except FetchError:
            raise
        except ForbiddenAddress as error:
            raise FetchError("forbidden", url, detail=error.address) from error
        except requests.exceptions.ConnectionError as error:  # worded as the harvest client words it
            forbidden = _find_cause(error, ForbiddenAddress)
            if forbidden is not None:
                raise FetchError("forbidden", url, detail=forbidden.address) from error
            if isinstance(error, requests.exceptions.ConnectTimeout) or _find_cause(error, socket.timeout):
                raise FetchError("timeout", url, detail="connect") from error
            raise FetchError("connection", url, detail=str(error)[:200]) from error
        except requests.exceptions.Timeout as error:
            raise FetchError("timeout", url, detail="read") from error
        except requests.exceptions.ChunkedEncodingError as error:
            raise FetchError("truncated", url, detail=str(error)[:200]) from error
        except requests.exceptions.RequestException as error:
            raise FetchError("connection", url, detail=str(error)[:200]) from error


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
