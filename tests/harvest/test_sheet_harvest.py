"""Spreadsheet inventories (TGDC template, CSV and XLSX, BE dates) harvested from loopback."""
from __future__ import annotations

import datetime
import io

import ckan.model as model
import ckan.plugins.toolkit as tk
import openpyxl
import pytest

from tests import factories
from tests.harvest.helpers import create_source, object_error_messages, run_job, sysadmin_context

pytestmark = pytest.mark.usefixtures("clean_db", "clean_index")

HEADER = ["name", "title", "notes", "tag_string", "maintainer", "maintainer_email", "objective",
          "update_frequency_unit", "geo_coverage", "data_source", "data_format", "data_category",
          "data_classification", "license_id", "last_updated_date"]


def row(name, email="stat@agency.example", updated="25/11/2568", title="สถิติผู้สูงอายุ"):
    return [name, title, "จำนวนผู้สูงอายุรายจังหวัด", "ผู้สูงอายุ,สถิติ", "กองสถิติ", email,
            "พันธกิจหน่วยงาน, เพื่อการให้บริการประชาชน", "ปี", "จังหวัด", "ทะเบียนราษฎร", "CSV,XLS",
            "ข้อมูลสาธารณะ", "เปิดเผย", "Open Data Common", updated]


def workbook(stat_rows, record_rows, resources) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in (("ข้อมูลสถิติ", stat_rows), ("ข้อมูลระเบียน", record_rows)):
        sheet = book.create_sheet(title)
        sheet.append(HEADER)
        for r in rows:
            sheet.append(r)
    sheet = book.create_sheet("resources")
    sheet.append(["dataset_name", "name", "url", "format"])
    for r in resources:
        sheet.append(r)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture
def agency():
    return tk.get_action("organization_create")(sysadmin_context(), factories.agency())


def active():
    return {p.name: tk.get_action("package_show")(sysadmin_context(), {"id": p.id})
            for p in model.Session.query(model.Package).filter_by(type="dataset", state="active")}


def test_xlsx_inventory_rows_become_datasets_and_bad_rows_are_reported_by_row(fault_server, agency):
    excel_be_date = datetime.datetime(2568, 11, 20)  # a BE date typed into a date cell
    files = {"body": workbook(
        [row("elderly-stat"), row("bad-email", email="not-an-email")],
        [row("register-a", updated=excel_be_date)],
        [["elderly-stat", "ตาราง 2568", "http://127.0.0.1:9/elderly.csv", "CSV"],
         ["register-a", "ทะเบียน", "http://127.0.0.1:9/register.xlsx", "XLSX"]])}
    url = fault_server.route("/inventory.xlsx", lambda h: h.send(200, files["body"], "application/vnd.ms-excel"))
    source = create_source(url, agency["id"], source_type="opengov_sheet")

    report = run_job(source["id"])

    assert report["stats"].get("added") == 2 and report["stats"].get("errored") == 1
    (message,) = object_error_messages(report)
    assert "ข้อมูลสถิติ" in message and "row 3" in message and "maintainer_email" in message
    datasets = active()
    assert set(datasets) == {"elderly-stat", "register-a"}
    stat = datasets["elderly-stat"]
    assert stat["data_type"] == "ข้อมูลสถิติ" and datasets["register-a"]["data_type"] == "ข้อมูลระเบียน"
    assert stat["last_updated_date"] == "2025-11-25"                   # 25/11/2568 BE
    assert datasets["register-a"]["last_updated_date"] == "2025-11-20"  # Excel date cell, BE year
    assert sorted(stat["objective"]) == ["พันธกิจหน่วยงาน", "เพื่อการให้บริการประชาชน"]
    assert stat["resources"][0]["url"] == "http://127.0.0.1:9/elderly.csv"

    # Next version of the file: one row edited, one removed, one unchanged.
    files["body"] = workbook([row("elderly-stat", title="สถิติผู้สูงอายุ (ปรับปรุง)")], [],
                             [["elderly-stat", "ตาราง 2568", "http://127.0.0.1:9/elderly.csv", "CSV"]])
    report = run_job(source["id"])
    assert report["stats"].get("updated") == 1 and report["stats"].get("deleted") == 1
    assert active()["elderly-stat"]["title"] == "สถิติผู้สูงอายุ (ปรับปรุง)"
    assert model.Package.get("register-a").state == "deleted"


def test_csv_inventory_with_several_resources_per_dataset(fault_server, agency):
    lines = [",".join(HEADER + ["data_type", "resource_name", "resource_url", "resource_format"])]
    for res in ("2567", "2568"):
        lines.append(",".join(f'"{v}"' for v in row("elderly-csv") + ["ข้อมูลสถิติ", f"ปี {res}",
                                                                      f"http://127.0.0.1:9/{res}.csv", "CSV"]))
    body = ("\n".join(lines) + "\n").encode("utf-8-sig")
    url = fault_server.route("/inventory.csv", lambda h: h.send(200, body, "text/csv"))
    source = create_source(url, agency["id"], source_type="opengov_sheet")

    report = run_job(source["id"])

    assert report["gather_errors"] == [] and object_error_messages(report) == []
    (dataset,) = active().values()
    assert [r["name"] for r in dataset["resources"]] == ["ปี 2567", "ปี 2568"]
    assert run_job(source["id"])["stats"].get("updated", 0) == 0   # unchanged file: nothing touched


def test_a_damaged_file_is_a_gather_error(fault_server, agency):
    url = fault_server.route("/broken.xlsx", lambda h: h.send(200, b"PK\x03\x04 not really a zip", "application/octet-stream"))
    source = create_source(url, agency["id"], source_type="opengov_sheet")
    report = run_job(source["id"])
    assert "could not be read" in report["gather_errors"][0]
