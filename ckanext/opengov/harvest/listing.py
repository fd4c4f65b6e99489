"""Reading an agency CKAN's catalog page by page, never the whole catalog at once.

The listing asks package_search for ids and metadata_modified only, ordered by id, and pages
with a keyset cursor (`id:{last TO *]`) rather than `start`, so deep pages stay cheap and
datasets added or removed meanwhile do not shift the pages. Full records are then asked for
by id, a batch at a time. A source that ignores the id range (its page 2 goes back) is listed
again with offset paging, as ckanext-harvest's stock harvester does. A listing that does not
end (a source that keeps inventing pages, or repeats one) is stopped and reported.
"""
from __future__ import annotations

import logging
from typing import Iterator
from urllib.parse import quote

import ckan.plugins.toolkit as tk

from ckanext.opengov.harvest.safe_http import FetchError, SafeClient
from ckanext.opengov.messages import N_, bilingual

MSG = {
    "not_ckan": N_("%(url)s did not answer like a CKAN Action API (%(detail)s)."),
    "loop": N_("The listing of %(url)s does not end: %(detail)s. Nothing was withdrawn."),
}


log = logging.getLogger(__name__)
FULL_PAGE = 100  # rows per page when whole records are listed


class ListingError(Exception):
    pass


def _search(client: SafeClient, base: str, body: dict) -> dict:
    url = base + "/api/3/action/package_search"
    data = client.post_json(url, body).json()
    if not isinstance(data, dict) or not data.get("success") or not isinstance(data.get("result"), dict):
        raise ListingError(bilingual(MSG["not_ckan"], url=url, detail="success/result missing"))
    result = data["result"]
    if not isinstance(result.get("results"), list):
        raise ListingError(bilingual(MSG["not_ckan"], url=url, detail="result.results missing"))
    return result


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


class KeysetIgnored(Exception):
    """The source answered a keyset page with ids at or before the cursor: it ignores the
    id-range filter (a proxy, an old CKAN, a misconfigured Solr)."""


def list_public_ids(client: SafeClient, base: str, config: dict) -> Iterator[dict]:
    """Yield {'id', 'metadata_modified'} for every public dataset of the source, each id once.

    Keyset paging first; a source that ignores the id range is listed again from the start
    with offset paging, which any CKAN answers; those entries carry the full record under
    'record' (such a source cannot be trusted with an id filter either).
    """
    page_size = int(config.get("page_size") or tk.config.get("ckanext.opengov.harvest.page_size"))
    max_pages = int(config.get("max_pages") or tk.config.get("ckanext.opengov.harvest.max_pages"))
    filters = []
    if config.get("organization"):
        filters.append("organization:" + _quote(config["organization"]))
    seen: set[str] = set()
    try:
        yield from _keyset_pages(client, base, filters, page_size, max_pages, seen)
    except KeysetIgnored as detail:
        log.warning("%s ignores the keyset filter (%s): listing it with offset paging", base, detail)
        yield from _offset_pages(client, base, filters, min(page_size, FULL_PAGE), max_pages, seen)


def _keyset_pages(client, base, filters, page_size, max_pages, seen) -> Iterator[dict]:
    last_id = None
    announced = None
    for page in range(max_pages):
        fq = list(filters)
        if last_id is not None:
            fq.append("id:{" + _quote(last_id) + " TO *]")
        result = _search(client, base, {
            "q": "*:*", "fq": " ".join(fq), "fl": ["id", "metadata_modified"],
            "sort": "id asc", "rows": page_size,
        })
        if announced is None:
            announced = int(result.get("count") or 0)
        rows = result["results"]
        if not rows:
            return
        for row in rows:
            row_id = row.get("id") if isinstance(row, dict) else None
            if not isinstance(row_id, str):
                raise ListingError(bilingual(MSG["not_ckan"], url=base, detail="a result without an id"))
            if last_id is not None and row_id <= last_id:
                raise KeysetIgnored(f"page {page + 1} goes back to id {row_id!r}")
            last_id = row_id
            seen.add(row_id)
            yield row
        if len(seen) > announced + page_size:
            raise ListingError(bilingual(MSG["loop"], url=base,
                                         detail=f"{len(seen)} datasets listed, {announced} announced"))
        if len(rows) < page_size:
            return
    raise ListingError(bilingual(MSG["loop"], url=base, detail=f"more than {max_pages} pages"))


def _offset_pages(client, base, filters, rows, max_pages, seen) -> Iterator[dict]:
    """Offset paging over full records, oldest change first (ckanext-harvest's stock way, on
    metadata_modified): a record changed meanwhile moves to the end instead of shifting the
    pages before it, and an id met twice is given once."""
    for page in range(max_pages):
        result = _search(client, base, {
            "q": "*:*", "fq": " ".join(filters), "sort": "metadata_modified asc, id asc",
            "rows": rows, "start": page * rows,
        })
        records = [r for r in result["results"] if isinstance(r, dict) and isinstance(r.get("id"), str)]
        new = [r for r in records if r["id"] not in seen]
        if records and not new and page > 0:
            raise ListingError(bilingual(MSG["loop"], url=base, detail=f"page {page + 1} repeats earlier pages"))
        for record in new:
            seen.add(record["id"])
            yield {"id": record["id"], "metadata_modified": record.get("metadata_modified"), "record": record}
        if len(result["results"]) < rows:
            return
    raise ListingError(bilingual(MSG["loop"], url=base, detail=f"more than {max_pages} pages"))


def changed_records(client: SafeClient, base: str, ids: list[str]) -> Iterator[dict]:
    """Full public records for `ids`, one package_search per batch; an id the batch did not
    bring is asked for alone with package_show (the source may ignore the id filter, or the
    record changed meanwhile). Yields the record, or {'id', 'missing': reason} when the
    source did not give it."""
    if not ids:
        return
    fq = "id:(" + " OR ".join(_quote(i) for i in ids) + ")"
    result = _search(client, base, {"q": "*:*", "fq": fq, "rows": len(ids)})
    wanted = set(ids)
    for record in result["results"]:
        if isinstance(record, dict) and record.get("id") in wanted:
            wanted.discard(record["id"])
            yield record
    for record_id in sorted(wanted):
        yield show_record(client, base, record_id)


def show_record(client: SafeClient, base: str, record_id: str) -> dict:
    """package_show of one record, or {'id', 'missing': reason} (403/404/410, or no such
    record in the answer). Other failures raise FetchError."""
    url = f"{base}/api/3/action/package_show?id={quote(record_id, safe='')}"
    try:
        data = client.get(url).json()
    except FetchError as error:
        if error.reason == "status" and error.status in (403, 404, 410):
            return {"id": record_id, "missing": f"HTTP {error.status}"}
        raise
    record = data.get("result") if isinstance(data, dict) and data.get("success") else None
    if not isinstance(record, dict) or record.get("id") != record_id:
        return {"id": record_id, "missing": "package_show gave no such record"}
    return record


__all__ = ["FetchError", "KeysetIgnored", "ListingError", "changed_records", "list_public_ids", "show_record"]
