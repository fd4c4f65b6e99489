"""The Data API pages carry the resource's real id and fields, their examples run as written,
and the whole-table downloads are streamed with Thai intact and no formulas."""
from __future__ import annotations

import csv
import html
import io
import json
import re

import pytest

from tests.dataapi.conftest import run_jobs

pytestmark = pytest.mark.usefixtures("portal")

TABLE = "จังหวัด,สูตร,จำนวน\nกรุงเทพมหานคร,=HYPERLINK(\"http://x\"),๑๒\nเชียงใหม่,ปกติ,7\n"


@pytest.fixture
def loaded(dataset, upload):
    package = dataset()
    resource = upload(package["id"], "provinces.csv", TABLE.encode("tis-620"), "CSV")
    run_jobs()
    return package, resource


def examples(page: str) -> dict:
    found = re.findall(r'<pre class="opengov-dataapi-example" data-language="(\w+)"><code>(.*?)</code></pre>', page, re.S)
    return {lang: html.unescape(code) for lang, code in found}


def test_the_resource_page_examples_name_the_real_id_and_fields_and_run(app, loaded):
    package, resource = loaded
    page = app.get(f"/dataset/{package['name']}/resource/{resource['id']}/api").get_data(as_text=True)
    code = examples(page)
    assert set(code) == {"curl", "python", "javascript", "r"}
    for text in code.values():
        assert resource["id"] in text
    assert '"จังหวัด"' in code["python"] and "จังหวัด" in html.unescape(page)
    # The curl lines, sent as written (the site URL is the test app's).
    site = "http://test.ckan.net"
    urls = re.findall(r"curl '([^']+)'", code["curl"])
    answer = app.get(urls[0].replace(site, "")).json
    assert [r["จังหวัด"] for r in answer["result"]["records"]] == ["กรุงเทพมหานคร", "เชียงใหม่"]
    sql = re.search(r"--data-urlencode 'sql=(.*)'", code["curl"]).group(1)
    answer = app.get("/api/3/action/datastore_search_sql", query_string={"sql": sql}).json
    assert answer["success"] and answer["result"]["records"][0]["จังหวัด"] == "กรุงเทพมหานคร"
    # The resource page links to it.
    read = app.get(f"/dataset/{package['name']}/resource/{resource['id']}").get_data(as_text=True)
    assert f"/resource/{resource['id']}/api" in read


def test_the_portal_guide_uses_a_real_public_table(app, loaded):
    package, resource = loaded
    page = app.get("/data-api").get_data(as_text=True)
    assert "datastore_search_sql" in page and resource["id"] in page


def test_downloads_are_streamed_with_bom_thai_and_no_formula(app, loaded):
    package, resource = loaded
    base = f"/dataset/{package['name']}/resource/{resource['id']}/table"
    response = app.get(base + ".csv")
    assert response.is_streamed
    body = response.get_data()
    assert body.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0] == ["จังหวัด", "สูตร", "จำนวน"]
    assert rows[1][0] == "กรุงเทพมหานคร" and rows[1][1].startswith("'=")
    data = json.loads(app.get(base + ".json").get_data())
    assert [r["จังหวัด"] for r in data["rows"]] == ["กรุงเทพมหานคร", "เชียงใหม่"]
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(app.get(base + ".xlsx").get_data())).active
    values = list(sheet.values)
    assert values[0] == ("จังหวัด", "สูตร", "จำนวน") and values[1][1].startswith("=")
    assert sheet["B2"].data_type == "s"  # text, not a formula
    app.get(base + ".exe", status=400)
