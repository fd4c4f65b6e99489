"""Reading an agency CKAN's catalog page by page, never the whole catalog at once.

The listing asks package_search for ids and metadata_modified only, ordered by id, and pages
with a keyset cursor (`id:{last TO *]`) rather than `start`, so deep pages stay cheap and
datasets added or removed meanwhile do not shift the pages. Full records are then asked for
by id, a batch at a time. A listing that does not end (a source that keeps inventing pages,
or repeats one) is stopped and reported.
"""
from __future__ import annotations

from typing import Iterator

import ckan.plugins.toolkit as tk

from ckanext.opengov.harvest.safe_http import FetchError, SafeClient
from ckanext.opengov.messages import N_, bilingual

MSG = {
    "not_ckan": N_("%(url)s did not answer like a CKAN Action API (%(detail)s)."),
    "loop": N_("The listing of %(url)s does not end: %(detail)s. Nothing was withdrawn."),
}


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


def list_public_ids(client: SafeClient, base: str, config: dict) -> Iterator[dict]:
    """Yield {'id', 'metadata_modified'} for every public dataset of the source."""
    page_size = int(config.get("page_size") or tk.config.get("ckanext.opengov.harvest.page_size"))
    max_pages = int(config.get("max_pages") or tk.config.get("ckanext.opengov.harvest.max_pages"))
    filters = []
    if config.get("organization"):
        filters.append("organization:" + _quote(config["organization"]))
    last_id = None
    announced = None
    yielded = 0
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
            if not isinstance(row_id, str) or (last_id is not None and row_id <= last_id):
                raise ListingError(bilingual(MSG["loop"], url=base,
                                             detail=f"page {page + 1} goes back to id {row_id!r}"))
            last_id = row_id
            yielded += 1
            yield row
        if yielded > announced + page_size:
            raise ListingError(bilingual(MSG["loop"], url=base,
                                         detail=f"{yielded} datasets listed, {announced} announced"))
        if len(rows) < page_size:
            return
    raise ListingError(bilingual(MSG["loop"], url=base, detail=f"more than {max_pages} pages"))


def changed_records(client: SafeClient, base: str, ids: list[str]) -> Iterator[dict]:
    """Full public records for `ids`, one package_search per batch."""
    if not ids:
        return
    fq = "id:(" + " OR ".join(_quote(i) for i in ids) + ")"
    result = _search(client, base, {"q": "*:*", "fq": fq, "rows": len(ids)})
    wanted = set(ids)
    for record in result["results"]:
        if isinstance(record, dict) and record.get("id") in wanted:
            yield record


__all__ = ["FetchError", "ListingError", "changed_records", "list_public_ids"]
