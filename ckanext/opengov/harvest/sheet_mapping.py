"""The TGDC spreadsheet template (CSV or XLSX) -> dataset dicts: pure functions.

XLSX: one sheet per data type (named by the data type, e.g. "ข้อมูลสถิติ"; a `data_type` column
wins if present) holding one dataset per row, and a sheet named "resources" (or "ทรัพยากร")
with one resource per row, linked to its dataset by the `name` column (`dataset_name`).
CSV: one dataset per row with a `data_type` column; `resource_url`, `resource_name`,
`resource_format`, `resource_description` columns add a resource, and further rows with the
same `name` add more. Header cells are TGDC field names. Dates may be Buddhist Era.
"""
from __future__ import annotations

import csv
import datetime
import io
from typing import Iterator

from ckanext.opengov.harvest import mapping

RESOURCE_SHEETS = {"resources", "resource", "ทรัพยากร", "ทรัพยากรข้อมูล"}
DATA_TYPES = ("ข้อมูลระเบียน", "ข้อมูลสถิติ", "ข้อมูลภูมิสารสนเทศเชิงพื้นที่", "ข้อมูลหลากหลายประเภท", "ข้อมูลประเภทอื่นๆ")
CSV_RESOURCE_COLUMNS = {"resource_url": "url", "resource_name": "name", "resource_format": "format",
                        "resource_description": "description"}


class SheetError(ValueError):
    pass


def cell_text(value) -> str | None:
    """A cell as text; Excel dates become ISO dates (a year past 2400 is Buddhist Era)."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        if value.year > 2400:
            value = value.replace(year=value.year - 543)
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def _rows(header, rows) -> Iterator[tuple[int, dict]]:
    keys = [cell_text(h) for h in header]
    for number, row in rows:
        values = {k: cell_text(v) for k, v in zip(keys, row) if k}
        if any(values.values()):
            yield number, values


def read_csv(content: bytes) -> list[dict]:
    text = content.decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise SheetError("the file is empty")
    datasets: dict[str, dict] = {}
    order = []
    for number, values in _rows(header, ((i, r) for i, r in enumerate(reader, start=2))):
        resource = {CSV_RESOURCE_COLUMNS[k]: v for k, v in values.items() if k in CSV_RESOURCE_COLUMNS and v}
        fields = {k: v for k, v in values.items() if k not in CSV_RESOURCE_COLUMNS}
        key = fields.get("name") or f"row-{number}"
        if key not in datasets:
            datasets[key] = {"row": number, "sheet": "csv", "fields": fields, "resources": []}
            order.append(key)
        if resource:
            datasets[key]["resources"].append(resource)
    return [datasets[k] for k in order]


def read_xlsx(content: bytes) -> list[dict]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise SheetError(f"not a readable XLSX file ({type(error).__name__})")
    datasets, resources = [], {}
    for sheet in book.worksheets:
        rows = sheet.iter_rows(values_only=True)
        try:
            header = next(rows)
        except StopIteration:
            continue
        numbered = ((i, r) for i, r in enumerate(rows, start=2))
        if sheet.title.strip().lower() in RESOURCE_SHEETS:
            for number, values in _rows(header, numbered):
                owner = values.pop("dataset_name", None) or values.pop("name_of_dataset", None)
                if owner is None:
                    owner = values.pop("package_name", None)
                resources.setdefault(owner, []).append(values)
            continue
        default_type = sheet.title.strip() if sheet.title.strip() in DATA_TYPES else None
        for number, values in _rows(header, numbered):
            if default_type and not values.get("data_type"):
                values["data_type"] = default_type
            datasets.append({"row": number, "sheet": sheet.title, "fields": values, "resources": []})
    book.close()
    for entry in datasets:
        entry["resources"] = resources.get(entry["fields"].get("name"), [])
    return datasets


def to_dataset(entry: dict) -> dict:
    """The dataset dict for package_create/update (owner_org set by the harvester)."""
    fields = entry["fields"]
    out = {"name": fields.get("name"), "title": fields.get("title"), "notes": fields.get("notes")}
    for field in mapping.DATASET_TEXT_FIELDS:
        if fields.get(field) is not None:
            out[field] = fields[field]
    for field in mapping.DATASET_MULTI_FIELDS:
        if fields.get(field):
            out[field] = mapping.as_list(fields[field])
    for field in mapping.BOOLEAN_FIELDS:
        if field in out:
            out[field] = mapping.as_bool_text(out[field]) or out[field]
    for alias, field in mapping.ALIASES.items():
        if fields.get(alias) and not out.get(field):
            out[field] = fields[alias]
    out["tag_string"] = fields.get("tag_string") or fields.get("tags") or ""
    out["resources"] = [mapping.map_resource(r) for r in entry["resources"]]
    out["private"] = False
    return {k: v for k, v in out.items() if v is not None}
