"""Streamed CSV (UTF-8 with BOM, so Excel shows Thai), JSON and XLSX writers over row generators.

Each writer yields chunks as rows arrive; none holds a whole table. XLSX uses openpyxl's
write-only mode, which spools rows to a temporary file, then streams that file out.

Text is data, never a formula: a cell a spreadsheet would read as one (``=``, ``+``, ``-``,
``@``, a leading tab or CR, their full-width forms, after any leading spaces) gets a leading
``'`` in CSV, and is written to XLSX as a string cell with Excel's quote prefix. JSON carries
values unchanged.
"""
from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import json
import os
import re
import tempfile
import unicodedata
from typing import Iterable, Iterator

BOM = "\ufeff"
FLUSH_ROWS = 500

# What starts a formula in Excel, LibreOffice or Google Sheets, with the full-width and
# small-form variants (Excel on East Asian systems reads U+FF1D as "="), and the minus sign.
FORMULA_STARTS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b\u2212")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
# XML 1.0 cannot hold these; openpyxl raises on them halfway through a streamed download.
_XLSX_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _ignored_lead(char: str) -> bool:
    return char.isspace() or unicodedata.category(char) in ("Cc", "Cf")


def is_formula_like(text: str) -> bool:
    """Would a spreadsheet read this text as a formula? A plain number ("-12.5") is not one."""
    if not text:
        return False
    if text[0] in "\t\r":
        return True
    rest = text.lstrip()
    while rest and _ignored_lead(rest[0]):
        rest = rest[1:]
    return bool(rest) and rest[0] in FORMULA_STARTS and not _PLAIN_NUMBER.fullmatch(rest)


def csv_text(value):
    """A CSV cell: text a spreadsheet would evaluate gets a leading quote."""
    if isinstance(value, str) and is_formula_like(value):
        return "'" + value
    return value


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
        writer.writerow(["" if row.get(c) is None else csv_text(_plain(row.get(c))) for c in columns])
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
    sheet.append([_cell(sheet, c) for c in columns])
    for row in rows:
        sheet.append([_cell(sheet, row.get(c)) for c in columns])
    handle, path = tempfile.mkstemp(suffix=".xlsx")
    os.close(handle)
    try:
        workbook.save(path)
        with open(path, "rb") as saved:
            while chunk := saved.read(chunk_size):
                yield chunk
    finally:
        os.unlink(path)


def _cell(sheet, value):
    """Numbers and dates as themselves; every text as a string cell, never a formula."""
    from openpyxl.cell import WriteOnlyCell

    value = _plain(value)
    if not isinstance(value, str):
        return value
    value = _XLSX_ILLEGAL.sub("", value)[:32_000]  # Excel's cell limit is 32,767 characters
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # openpyxl makes "=…" a formula and "#N/A" an error otherwise
    if is_formula_like(value):
        cell.quotePrefix = True  # Excel keeps it text even when the cell is edited
    return cell
