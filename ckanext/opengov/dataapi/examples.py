"""Code examples for the Data API page, filled with a resource's real id and fields. Pure.

Each example is what a reader copies into a terminal, a Python session, a browser console or R,
so the text is exact: JSON strings escaped, SQL identifiers double-quoted, URLs percent-encoded.
"""
from __future__ import annotations

import json
from urllib.parse import urlencode

LIMIT = 5


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sql_for(resource_id: str, fields: list[str]) -> str:
    columns = ", ".join(_ident(f) for f in fields[:3]) or "*"
    return f"SELECT {columns} FROM {_ident(resource_id)} LIMIT {LIMIT}"


def search_url(site: str, resource_id: str, **params) -> str:
    return f"{site}/api/3/action/datastore_search?" + urlencode(
        dict({"resource_id": resource_id, "limit": LIMIT}, **params))


def sql_url(site: str, sql: str) -> str:
    return f"{site}/api/3/action/datastore_search_sql?" + urlencode({"sql": sql})


def build(site: str, resource_id: str, fields: list[str]) -> dict:
    """{'search_url', 'sql', 'sql_url', 'curl', 'python', 'javascript', 'r'} for one resource."""
    site = site.rstrip("/")
    field = fields[0] if fields else None
    sql = sql_for(resource_id, fields)
    url = search_url(site, resource_id)
    py_field = f"\n    print(record[{json.dumps(field, ensure_ascii=False)}])" if field else "\n    print(record)"
    sql_literal = json.dumps(sql, ensure_ascii=False)
    return {
        "search_url": url,
        "sql": sql,
        "sql_url": sql_url(site, sql),
        "curl": (
            f"curl '{url}'\n\n"
            f"curl -G '{site}/api/3/action/datastore_search_sql' \\\n"
            f"  --data-urlencode {_shell(f'sql={sql}')}"
        ),
        "python": (
            "from ckanapi import RemoteCKAN\n\n"
            f"portal = RemoteCKAN({json.dumps(site)})\n"
            f"result = portal.action.datastore_search(resource_id={json.dumps(resource_id)}, limit={LIMIT})\n"
            f"for record in result[\"records\"]:{py_field}\n\n"
            f"rows = portal.action.datastore_search_sql(sql={sql_literal})[\"records\"]"
        ),
        "javascript": (
            f"const api = {json.dumps(site + '/api/3/action/')};\n"
            f"const search = await fetch(api + \"datastore_search?\" + new URLSearchParams(\n"
            f"  {{resource_id: {json.dumps(resource_id)}, limit: {LIMIT}}}));\n"
            "console.log((await search.json()).result.records);\n\n"
            f"const sql = await fetch(api + \"datastore_search_sql?\" + new URLSearchParams(\n"
            f"  {{sql: {sql_literal}}}));\n"
            "console.log((await sql.json()).result.records);"
        ),
        "r": (
            "library(jsonlite)\n\n"
            f"api <- {json.dumps(site + '/api/3/action/')}\n"
            f"search <- fromJSON(paste0(api, \"datastore_search?resource_id={resource_id}&limit={LIMIT}\"))\n"
            "print(search$result$records)\n\n"
            f"sql <- fromJSON(paste0(api, \"datastore_search_sql?sql=\", URLencode({sql_literal}, reserved = TRUE)))\n"
            "print(sql$result$records)"
        ),
    }


def _shell(text: str) -> str:
    """One single-quoted shell word."""
    return "'" + text.replace("'", "'\\''") + "'"
