"""A loaded table as CSV (UTF-8 with BOM), XLSX or JSON, streamed page by page.

Rows come from `datastore_search` as the caller (its own auth: a private dataset's table is not
read by those who cannot read the dataset), keyset-paginated on _id as DataStore's dump does;
the writers are transparency's, which neutralise spreadsheet formulas.
"""
from __future__ import annotations

from typing import Iterator

import ckan.plugins.toolkit as tk

from ckanext.opengov.transparency import writers

PAGE = 10_000
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json; charset=utf-8",
}


def first_page(context: dict, resource_id: str) -> dict:
    """The first page, fetched before the response starts, so a refusal is a 403/404, not a cut stream."""
    return tk.get_action("datastore_search")(dict(context), {
        "resource_id": resource_id, "limit": PAGE, "sort": "_id", "include_total": False,
        "include_next_page": True})


def rows(context: dict, resource_id: str, page: dict) -> Iterator[dict]:
    while True:
        yield from page["records"]
        following = page.get("next_page")
        if len(page["records"]) < PAGE or not following:
            return
        page = tk.get_action("datastore_search")(dict(context), {
            "resource_id": resource_id, "limit": PAGE, "sort": "_id", "include_total": False,
            "include_next_page": True, "filters": following})


def chunks(fmt: str, context: dict, resource_id: str, page: dict, meta: dict) -> Iterator[bytes]:
    columns = [f["id"] for f in page["fields"] if f["id"] != "_id"]
    records = rows(context, resource_id, page)
    if fmt == "csv":
        return writers.csv_chunks(columns, records)
    if fmt == "xlsx":
        return writers.xlsx_chunks(columns, records, sheet_title="data")
    return writers.json_chunks(columns, records, meta=meta)
