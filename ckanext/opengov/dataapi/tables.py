"""A CSV, TSV, XLS or XLSX file into one UTF-8 CSV that xloader's loader reads as is.

Text files are decoded by `encoding` (never guessed), spreadsheets read with openpyxl/xlrd; every
cell goes through `cells.normalize`. Blank rows are dropped; the first non-blank row is the header.
"""
from __future__ import annotations

import csv
import datetime as dt
import os
from typing import Iterable, Iterator

from ckanext.opengov.dataapi import cells, encoding

TEXT_FORMATS = {"csv", "tsv", "txt"}
SHEET_FORMATS = {"xlsx", "xls"}
FORMATS = TEXT_FORMATS | SHEET_FORMATS
CHUNK = 256 * 1024


class TableError(ValueError):
    """The file is not a table we can read; ``reason`` keys the message shown to the publisher."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


def table_format(declared: str | None, filename: str | None, head: bytes) -> str:
    """The format from the file's first bytes first (a renamed file happens), then what was declared."""
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "xls"
    name = (declared or "").strip().lower().lstrip(".")
    if name not in FORMATS and filename:
        name = os.path.splitext(filename)[1].lower().lstrip(".")
    if name in SHEET_FORMATS:  # declared a spreadsheet but holds text: read it as text
        return "csv"
    return name if name in TEXT_FORMATS else "csv"


def _chunks(path: str) -> Iterator[bytes]:
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            yield chunk


def _lines(path: str) -> tuple[str, Iterator[str]]:
    with open(path, "rb") as handle:
        sample = handle.read(encoding.SAMPLE_BYTES)
        complete = not handle.read(1)
    codec = encoding.detect(sample, complete)
    text = encoding.decode_chunks(_chunks(path), codec)
    return codec, _split_lines(text)


def _split_lines(parts: Iterable[str]) -> Iterator[str]:
    pending = ""
    for part in parts:
        pending += part
        lines = pending.splitlines(keepends=True)
        pending = lines.pop() if lines and not lines[-1].endswith(("\n", "\r")) else ""
        yield from lines
    if pending:
        yield pending


def text_rows(path: str, fmt: str) -> tuple[str, Iterator[list]]:
    codec, lines = _lines(path)
    if codec == "utf-8-sig":
        first = next(lines, "")
        lines = _prepend(first.lstrip("\ufeff"), lines)
    first = next(lines, "")
    delimiter = "\t" if fmt == "tsv" or first.count("\t") > first.count(",") else ","
    return codec, csv.reader(_prepend(first, lines), delimiter=delimiter)


def _prepend(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


def _sheet_value(value):
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else value


def xlsx_rows(path: str) -> Iterator[list]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        for row in sheet.iter_rows(values_only=True):
            yield [_sheet_value(v) for v in row]
    finally:
        workbook.close()


def xls_rows(path: str) -> Iterator[list]:
    import xlrd

    book = xlrd.open_workbook(path, on_demand=True)
    sheet = book.sheet_by_index(0)
    for index in range(sheet.nrows):
        row = []
        for cell in sheet.row(index):
            if cell.ctype == xlrd.XL_CELL_DATE:
                row.append(_sheet_value(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)))
            else:
                row.append(_sheet_value(cell.value))
        yield row


def to_utf8_csv(source: str, target: str, fmt: str) -> dict:
    """Write source's table to target as UTF-8 CSV; returns {'encoding', 'rows', 'columns'}."""
    codec = None
    try:
        if fmt in TEXT_FORMATS:
            codec, rows = text_rows(source, fmt)
        elif fmt == "xlsx":
            rows = xlsx_rows(source)
        else:
            rows = xls_rows(source)
        return _write(rows, target, codec)
    except encoding.UnknownEncoding:
        raise
    except csv.Error as error:
        raise TableError("not_table", str(error)[:200]) from error
    except Exception as error:  # openpyxl/xlrd raise many kinds on a damaged file
        if isinstance(error, TableError):
            raise
        raise TableError("not_table", f"{type(error).__name__}: {str(error)[:200]}") from error


def _write(rows: Iterable[list], target: str, codec: str | None) -> dict:
    header, width, count = None, 0, 0
    with open(target, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        for row in rows:
            values = ["" if v is None else str(v) for v in row]
            if not any(v.strip() for v in values):
                continue
            if header is None:
                while values and not values[-1].strip():
                    values.pop()
                header = [v.strip() for v in values]
                if any(not h for h in header):
                    raise TableError("empty_header", str(header.index("") + 1))
                if len(set(header)) != len(header):
                    raise TableError("duplicate_header", ", ".join(sorted({h for h in header if header.count(h) > 1})))
                width = len(header)
                writer.writerow(header)
                continue
            values = (values + [""] * width)[:width] if len(values) < width or not any(
                v.strip() for v in values[width:]) else values
            if len(values) != width:
                raise TableError("ragged", str(count + 2))
            writer.writerow([cells.normalize(v) for v in values])
            count += 1
    if header is None:
        raise TableError("empty", "")
    return {"encoding": codec, "rows": count, "columns": header}
