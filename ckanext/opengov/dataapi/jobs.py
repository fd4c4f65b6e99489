"""The background job that loads a resource's table into the DataStore.

ckanext-xloader decides *when* (resource created, URL changed, "upload to DataStore" pressed) and
does the loading into PostgreSQL (its `loader` module: COPY, type guessing, indexes, full text);
this job replaces only its download and decoding (see actions.xloader_submit): the file comes from
the file store or through the guarded client, and Thai text is decoded by rule, never guessed.
"""
from __future__ import annotations

import contextlib
import logging
import os
import tempfile
import time

import ckan.plugins.toolkit as tk

from ckanext.opengov.dataapi import encoding, fetch, status, tables
from ckanext.opengov.messages import N_, bilingual

log = logging.getLogger(__name__)

MESSAGES = {
    "encoding": N_("The file's character encoding could not be told (%(detail)s): it is neither "
                   "UTF-8 nor Thai TIS-620/Windows-874. Save it as CSV UTF-8 and upload it again."),
    "not_table": N_("The file could not be read as a table (%(detail)s)."),
    "empty": N_("The file holds no rows."),
    "empty_header": N_("Column %(detail)s of the first row has no name: every column needs a header."),
    "duplicate_header": N_("Two columns have the same header: %(detail)s."),
    "ragged": N_("Row %(detail)s has more cells than the header row."),
    "load": N_("The table could not be stored in the DataStore (%(detail)s)."),
}


def load_resource(resource_id: str) -> None:
    """Enqueued by actions.xloader_submit; the outcome goes to the resource's load status."""
    status.write(resource_id, "running")
    try:
        resource = _committed_resource(resource_id)
        with fetch.resource_file(resource) as source:
            with open(source, "rb") as handle:
                head = handle.read(8)
            fmt = tables.table_format(resource.get("format"), resource.get("url"), head)
            handle, converted = tempfile.mkstemp(prefix="opengov-utf8-", suffix=".csv")
            os.close(handle)
            try:
                info = tables.to_utf8_csv(source, converted, fmt)
                _store(resource_id, converted)
            finally:
                os.unlink(converted)
    except fetch.FetchError as error:
        return _failed(resource_id, str(error))
    except encoding.UnknownEncoding as error:
        return _failed(resource_id, bilingual(MESSAGES["encoding"], detail=str(error)))
    except tables.TableError as error:
        return _failed(resource_id, bilingual(MESSAGES[error.reason], detail=error.detail))
    except Exception as error:  # the DataStore refused: say so on the resource, keep the trace in the log
        log.exception("loading resource %s failed", resource_id)
        return _failed(resource_id, bilingual(MESSAGES["load"], detail=_detail(error)))
    status.write(resource_id, "complete", value={
        "encoding": info["encoding"], "rows": info["rows"], "format": fmt})
    _views(resource_id)
    log.info("resource %s loaded: %s rows (%s, %s)", resource_id, info["rows"], fmt, info["encoding"])


def _committed_resource(resource_id: str, tries: int = 10, pause: float = 0.5) -> dict:
    """The resource, once the request that queued its load has committed it: xloader's resource
    hooks may submit it from inside that transaction, and the worker can be faster (a whole
    dataset's resources are queued after its commit: hooks.py). Bounded: a resource still
    missing after ~5 s is not there."""
    for attempt in range(tries):
        try:
            return tk.get_action("resource_show")({"ignore_auth": True}, {"id": resource_id})
        except tk.ObjectNotFound:
            if attempt == tries - 1:
                raise
            time.sleep(pause)


@contextlib.contextmanager
def _as_site_user():
    """xloader's loader calls datastore_create with no user in its context, and CKAN then takes
    the request's user; the resource_patch that marks the table active records an activity,
    which needs one. A job has no request, so it gets one, as the site user."""
    from flask import current_app, g, has_request_context

    from ckan.lib.helpers import _get_auto_flask_context

    if has_request_context():  # someone else's request (a command, a test): ours is nested
        app = current_app._get_current_object()
    else:
        auto = _get_auto_flask_context()
        if auto is None:
            yield
            return
        app = auto.app
    site_user = tk.get_action("get_site_user")({"ignore_auth": True}, {})["name"]
    with app.test_request_context():
        g.user = site_user
        yield


def _store(resource_id: str, csv_path: str) -> None:
    from ckanext.xloader import loader

    with _as_site_user():
        _load(loader, resource_id, csv_path)


def _load(loader, resource_id: str, csv_path: str) -> None:
    # Type guessing (numbers, dates) reads the whole file through tabulator; a very large file
    # goes in by COPY as text, as xloader itself does past max_type_guessing_length.
    limit = int(tk.config.get("ckanext.xloader.max_type_guessing_length") or 100_000_000)
    if os.path.getsize(csv_path) <= limit:
        loader.load_table(csv_path, resource_id=resource_id, mimetype="text/csv", logger=log)
    else:
        fields = loader.load_csv(csv_path, resource_id=resource_id, mimetype="text/csv", logger=log)
        _index(loader, resource_id, fields)
    loader.calculate_record_count(resource_id=resource_id, logger=log)


def _index(loader, resource_id: str, fields: list) -> None:
    """What xloader's create_column_indexes does, in a transaction that ends. Its own runs on a
    connection it never commits nor closes (SQLAlchemy 2 opens a transaction on first use), so
    the table stayed locked by ALTER TABLE: the ANALYZE that follows waited for ever (a
    1,000,000-row load hung), and when the worker's process ended the indexes and the full-text
    trigger were rolled back."""
    from ckan import model

    with loader.get_write_engine().begin() as connection:
        loader.create_indexes({"model": model, "ignore_auth": True, "connection": connection},
                              {"resource_id": resource_id, "fields": fields})
        loader._enable_fulltext_trigger(connection, resource_id)


def _views(resource_id: str) -> None:
    """The table view needs a loaded table, so CKAN could not create it with the resource."""
    site_user = tk.get_action("get_site_user")({"ignore_auth": True}, {})["name"]
    context = {"ignore_auth": True, "user": site_user}  # each new view records an activity by someone
    resource = tk.get_action("resource_show")(dict(context), {"id": resource_id})
    package = tk.get_action("package_show")(dict(context), {"id": resource["package_id"]})
    tk.get_action("resource_create_default_resource_views")(
        dict(context), {"resource": resource, "package": package, "create_datastore_views": True})


def _detail(error: Exception) -> str:
    """xloader's own errors are written for publishers; others name only their kind (no SQL)."""
    from ckanext.xloader.job_exceptions import LoaderError

    if isinstance(error, LoaderError):
        return str(error)[:500]
    return type(error).__name__


def _failed(resource_id: str, message: str) -> None:
    log.warning("resource %s not loaded: %s", resource_id, message)
    status.write(resource_id, "error", message)
