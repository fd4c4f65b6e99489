"""No export the portal offers turns text into a live spreadsheet formula.

Every export route is taken from the registered URL rules (a transparency rule with a `fmt`
argument; its tables and formats are the rule's own choices), filled with a catalog whose
titles, agency names, contacts and harvest source start with =, +, -, @, a tab, spaces or a
full-width ＝. Each CSV cell a spreadsheet would evaluate must begin with a neutralising quote,
no XLSX cell may be a formula, and JSON carries the text unchanged.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json

import ckan.model as model
import openpyxl
import pytest
from ckan.cli.cli import ckan as ckan_cli
from werkzeug.routing import AnyConverter

from ckanext.opengov.transparency import views
from tests.factories import agency, tgdc_dataset

DANGEROUS_TITLES = [
    '=HYPERLINK("http://127.0.0.2/","สถิติ")',
    "+1+2 สถิติการค้า",
    "-1+2 ข้อมูลภาษี",
    "@SUM(1,2) ข้อมูลงบประมาณ",
    "\t=1+2 ข้อมูลแท็บ",
    "   =1+2 ข้อมูลเว้นวรรค",
    "＝1+2 ข้อมูลเต็มความกว้าง",
]
DUPLICATE = "=สถิติจำนวนประชากรรายจังหวัด จำแนกตามเพศ"
AGENCY_TITLE = '=HYPERLINK("http://127.0.0.2/","หน่วยงาน")'
CONTACT = "=cmd|' /C calc'!A0"
SOURCE_TITLE = "@แหล่งข้อมูลสูตร"
# Where a spreadsheet starts a formula (the test's own list, independent of the code's).
STARTS = set("=+-@＝＋－＠")


def formula_like(cell: str) -> bool:
    if cell[:1] in ("\t", "\r"):
        return True
    rest = cell.lstrip()
    if not rest or rest[0] not in STARTS:
        return False
    try:
        float(rest)  # a plain number such as -12.5 is not a formula
        return False
    except ValueError:
        return True


@pytest.fixture
def formula_catalog(clean_db, clean_index, api, cli):
    """Agencies and datasets whose text a spreadsheet would run, a snapshot of yesterday without
    the datasets (so "what changed" lists them) and one of today with them."""
    bad = api("organization_create", **agency(name="formula-agency", title=AGENCY_TITLE))
    plain = api("organization_create", **agency(name="plain-agency", title="หน่วยงานทั่วไป"))
    notes = "จำนวนประชากรจากการทะเบียนราษฎร จำแนกตามจังหวัดและเพศ รายปี"
    api("package_create", **tgdc_dataset(plain["id"], name="plain-dup", title=DUPLICATE, notes=notes))
    yesterday = str(dt.date.today() - dt.timedelta(days=1))
    assert cli.invoke(ckan_cli, ["opengov", "transparency", "refresh", "--date", yesterday]).exit_code == 0
    titles = []
    for number, title in enumerate(DANGEROUS_TITLES):
        api("package_create", **tgdc_dataset(
            bad["id"], name=f"formula-{number}", title=title, maintainer=CONTACT, resources=[],
            update_frequency_unit="เดือน", last_updated_date="2025-01-31"))
        titles.append(model.Package.get(f"formula-{number}").title)  # as stored, which exports carry
    api("package_create", **tgdc_dataset(bad["id"], name="formula-dup", title=DUPLICATE, notes=notes))
    api("harvest_source_create", name="formula-source", title=SOURCE_TITLE, url="http://127.0.0.1:9/",
        source_type="opengov_ckan", owner_org=bad["id"])
    assert cli.invoke(ckan_cli, ["opengov", "transparency", "refresh"]).exit_code == 0
    return {"titles": titles + [DUPLICATE], "since": yesterday}


def export_urls(app, formula_catalog) -> list[tuple[str, str]]:
    """(endpoint, url) of every export: every transparency rule with a `fmt` argument, every
    choice of its converters, with and without the query parameters it declares."""
    adapter = app.flask_app.url_map.bind("127.0.0.1")
    by_name = {"agency": "formula-agency", "since": formula_catalog["since"]}
    urls = []
    for rule in app.flask_app.url_map.iter_rules():
        if not rule.endpoint.startswith("opengov_transparency.") or "fmt" not in rule.arguments:
            continue
        converters = rule._converters
        assert all(isinstance(c, AnyConverter) for c in converters.values()), rule.rule
        names = sorted(converters)
        declared = {k for k in views.QUERY_PARAMS[rule.endpoint]() if not k.startswith("__")}
        query = {k: by_name[k] for k in declared if k in by_name}
        for choice in itertools.product(*(sorted(converters[n].items) for n in names)):
            values = dict(zip(names, choice))
            urls.append((rule.endpoint, adapter.build(rule.endpoint, values)))
            if query:
                urls.append((rule.endpoint, adapter.build(rule.endpoint, dict(values, **query))))
    return urls


def _check_csv(raw: bytes, where: str) -> list[str]:
    cells = [cell for row in csv.reader(io.StringIO(raw.decode("utf-8-sig"))) for cell in row]
    live = [cell for cell in cells if formula_like(cell) and not cell.startswith("'")]
    assert not live, f"{where}: cells a spreadsheet would evaluate: {live[:5]}"
    return cells


def _check_xlsx(raw: bytes, where: str) -> list:
    book = openpyxl.load_workbook(io.BytesIO(raw))
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    formulas = [cell.coordinate for cell in cells if cell.data_type == "f"]
    assert not formulas, f"{where}: formula cells {formulas[:5]}"
    return [cell.value for cell in cells]


def _json_strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [s for item in value for s in _json_strings(item)]
    return []


def test_no_export_carries_a_live_formula(app, formula_catalog):
    urls = export_urls(app, formula_catalog)
    endpoints = {endpoint for endpoint, _ in urls}
    assert {"opengov_transparency.download", "opengov_transparency.catalog",
            "opengov_transparency.changes"} <= endpoints
    seen: dict[str, set] = {"csv": set(), "xlsx": set(), "json": set()}
    served = set()
    for endpoint, url in urls:
        response = app.get(url)
        assert response.status_code in (200, 400), (url, response.status_code)
        if response.status_code != 200:
            continue  # e.g. a per-agency table asked for without an agency
        served.add(endpoint)
        fmt = url.split("?")[0].rsplit(".", 1)[1]
        raw = response.get_data()
        if fmt == "csv":
            seen["csv"].update(_check_csv(raw, url))
        elif fmt == "xlsx":
            seen["xlsx"].update(v for v in _check_xlsx(raw, url) if isinstance(v, str))
        elif fmt == "json":
            seen["json"].update(_json_strings(json.loads(raw)))
        else:
            pytest.fail(f"{url}: an export format this test cannot read; teach it")
    assert served == endpoints
    expected = formula_catalog["titles"] + [AGENCY_TITLE, CONTACT, SOURCE_TITLE]
    # The dangerous text did reach the exports: quoted in CSV, unchanged in XLSX and JSON.
    assert {"'" + t for t in expected} <= seen["csv"]
    assert set(expected) <= seen["xlsx"] | {SOURCE_TITLE}  # the XLSX is the catalog (no sources)
    assert set(expected) <= seen["json"]


def test_the_catalog_xlsx_keeps_the_text_as_text(app, formula_catalog):
    book = openpyxl.load_workbook(io.BytesIO(app.get("/transparency/catalog.xlsx").get_data()))
    sheet = book.active
    header = [c.value for c in sheet[1]]
    titles = {row[header.index("title")].value: row[header.index("title")] for row in sheet.iter_rows(min_row=2)}
    for title in formula_catalog["titles"]:
        cell = titles[title]
        assert cell.data_type == "s" and cell.value == title
        assert cell.quotePrefix  # Excel keeps it text even when someone edits the cell
