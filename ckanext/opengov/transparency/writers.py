"""Streamed CSV (UTF-8 with BOM, so Excel shows Thai), JSON and XLSX writers over row generators.

Each writer yields chunks as rows arrive; none holds a whole table. XLSX uses openpyxl's
write-only mode, which spools rows to a temporary file, then streams that file out.
"""
from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import json
import os
import tempfile
from typing import Iterable, Iterator

BOM = "\ufeff"
FLUSH_ROWS = 500


def _plain(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return value


def csv_chunks(columns: list[str], rows: Iterable[dict], headings: list[str] | None = None) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write(BOM)
    writer.writerow(headings or columns)
    for count, row in enumerate(rows, start=1):
        writer.writerow(["" if row.get(c) is None else _plain(row.get(c)) for c in columns])
        if count % FLUSH_ROWS == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def _json_default(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    raise TypeError(type(value).__name__)


def json_chunks(columns: list[str], rows: Iterable[dict], meta: dict | None = None) -> Iterator[bytes]:
    """{"meta": …, "rows": [ … ]} written row by row."""
    head = json.dumps(meta or {}, ensure_ascii=False, default=_json_default)
    yield ('{"meta": ' + head + ', "rows": [').encode("utf-8")
    parts = []
    for count, row in enumerate(rows):
        parts.append(("," if count else "") + json.dumps(
            {c: row.get(c) for c in columns}, ensure_ascii=False, default=_json_default))
        if len(parts) >= FLUSH_ROWS:
            yield "".join(parts).encode("utf-8")
            parts = []
    parts.append("]}")
    yield "".join(parts).encode("utf-8")


def xlsx_chunks(columns: list[str], rows: Iterable[dict], sheet_title: str = "catalog",
                chunk_size: int = 64 * 1024) -> Iterator[bytes]:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title[:31])
    sheet.append(columns)
    for row in rows:
        sheet.append([_cell(row.get(c)) for c in columns])
    handle, path = tempfile.mkstemp(suffix=".xlsx")
    os.close(handle)
    try:
        workbook.save(path)
        with open(path, "rb") as saved:
            while chunk := saved.read(chunk_size):
                yield chunk
    finally:
        os.unlink(path)


def _cell(value):
    value = _plain(value)
    if isinstance(value, str) and len(value) > 32_000:  # Excel's cell limit is 32,767 characters
        return value[:32_000]
    return value
