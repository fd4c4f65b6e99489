"""Uploaded and linked tables load into the DataStore with Thai intact, through the real worker."""
from __future__ import annotations

import pytest

from tests import factories
from tests.dataapi.conftest import run_jobs

pytestmark = pytest.mark.usefixtures("portal")  # emptied first, then the sysadmin is made

THAI_CSV = "จังหวัด,วันที่สำรวจ,จำนวนประชากร\nกรุงเทพมหานคร,15/03/2567,\"5,494,932\"\nเชียงใหม่,1 เม.ย. 2567,๑๗๗๙๒๕๔\n"


def records(api, resource_id):
    found = api("datastore_search", resource_id=resource_id, sort="_id")
    return {f["id"]: f["type"] for f in found["fields"]}, found["records"]


def status_of(api, resource_id):
    return api("xloader_status", resource_id=resource_id)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "tis-620", "cp874"])
def test_an_uploaded_thai_csv_loads_with_its_characters_and_types(api, dataset, upload, encoding):
    package = dataset()
    resource = upload(package["id"], "population.csv", THAI_CSV.encode(encoding), "CSV")
    run_jobs()
    loaded = status_of(api, resource["id"])
    assert loaded["status"] == "complete", loaded["error"]
    types, rows = records(api, resource["id"])
    assert list(types) == ["_id", "จังหวัด", "วันที่สำรวจ", "จำนวนประชากร"]
    assert types["จำนวนประชากร"] == "numeric" and types["วันที่สำรวจ"] == "timestamp"
    assert [r["จังหวัด"] for r in rows] == ["กรุงเทพมหานคร", "เชียงใหม่"]
    assert [r["จำนวนประชากร"] for r in rows] == [5494932, 1779254]
    assert [r["วันที่สำรวจ"][:10] for r in rows] == ["2024-03-15", "2024-04-01"]


def test_a_tsv_and_an_xlsx_load_too(api, dataset, upload, tmp_path):
    from openpyxl import Workbook

    package = dataset()
    tsv = upload(package["id"], "rain.tsv", "สถานี\tปริมาณฝน\nดอนเมือง\t๑๒.๕\n".encode("cp874"), "TSV")
    book = Workbook()
    book.active.append(["อำเภอ", "วันที่", "จำนวน"])
    book.active.append(["เมือง", "15/03/2567", 12])
    book.save(tmp_path / "t.xlsx")
    xlsx = upload(package["id"], "districts.xlsx", (tmp_path / "t.xlsx").read_bytes(), "XLSX")
    run_jobs()
    types, rows = records(api, tsv["id"])
    assert rows[0]["สถานี"] == "ดอนเมือง" and float(rows[0]["ปริมาณฝน"]) == 12.5
    types, rows = records(api, xlsx["id"])
    assert rows[0]["อำเภอ"] == "เมือง" and rows[0]["วันที่"].startswith("2024-03-15") and rows[0]["จำนวน"] == 12


def test_an_encoding_that_cannot_be_told_is_reported_not_guessed(app, api, dataset, upload):
    package = dataset()
    latin = upload(package["id"], "cafes.csv", "ร้าน,เมนู\ncafé,crème brûlée\n".encode("utf-8").replace(
        "café".encode(), "café".encode("latin-1")), "CSV")
    run_jobs()
    loaded = status_of(api, latin["id"])
    assert loaded["status"] == "error"
    assert "UTF-8" in loaded["error"]["message"] and "TIS-620" in loaded["error"]["message"]
    assert not api("resource_show", id=latin["id"]).get("datastore_active")
    api("datastore_search", status=404, resource_id=latin["id"])
    # The resource page says so, in Thai and English.
    page = app.get(f"/dataset/{package['name']}/resource/{latin['id']}").get_data(as_text=True)
    assert "TIS-620" in page


def test_a_linked_file_is_fetched_through_the_guarded_client(api, dataset, fault_server, forbidden_servers):
    body = THAI_CSV.encode("tis-620")
    url = fault_server.route("/population.csv", lambda h: h.send(200, body, "text/csv"))
    package = dataset()
    linked = api("resource_create", package_id=package["id"], name="ลิงก์", format="CSV", url=url)
    forbidden = [api("resource_create", package_id=package["id"], name="ห้าม", format="CSV",
                     url=server.base + "/secret") for server in forbidden_servers]
    run_jobs()
    assert [r["จังหวัด"] for r in records(api, linked["id"])[1]] == ["กรุงเทพมหานคร", "เชียงใหม่"]
    for resource, server in zip(forbidden, forbidden_servers):
        loaded = status_of(api, resource["id"])
        assert loaded["status"] == "error" and "private, local or reserved" in loaded["error"]["message"]
        assert server.requests == []  # never connected


def test_a_linked_file_over_the_size_limit_is_refused(api, dataset, fault_server, ckan_config, monkeypatch):
    monkeypatch.setitem(ckan_config, "ckanext.opengov.harvest.max_response_bytes", 1000)
    url = fault_server.route("/big.csv", lambda h: h.send(200, b"a,b\n" + b"1,2\n" * 1000, "text/csv"))
    package = dataset()
    big = api("resource_create", package_id=package["id"], name="ใหญ่", format="CSV", url=url)
    run_jobs()
    loaded = status_of(api, big["id"])
    assert loaded["status"] == "error" and "1000" in loaded["error"]["message"]


def test_a_loaded_table_gets_the_table_view(api, dataset, upload):
    package = dataset()
    resource = upload(package["id"], "population.csv", THAI_CSV.encode("utf-8"), "CSV")
    assert "datatables_view" not in {v["view_type"] for v in api("resource_view_list", id=resource["id"])}
    run_jobs()
    assert {"datatables_view", "opengov_chart_view"} <= {
        v["view_type"] for v in api("resource_view_list", id=resource["id"])}


def test_the_chart_view_is_drawn_by_a_library_the_portal_serves(app, api, dataset, upload):
    import re

    package = dataset()
    resource = upload(package["id"], "population.csv", THAI_CSV.encode("utf-8"), "CSV")
    run_jobs()
    (chart,) = [v for v in api("resource_view_list", id=resource["id"]) if v["view_type"] == "opengov_chart_view"]
    page = app.get(f"/dataset/{package['name']}/resource/{resource['id']}?view_id={chart['id']}").get_data(as_text=True)
    assert f'data-resource-id="{resource["id"]}"' in page and 'class="opengov-chart"' in page
    # The view's script and the portal's one Chart.js bundle it preloads, both served here.
    scripts = re.findall(r'src="(/webassets/(?:opengov_chart|ckanext-opengov)/[^"]+\.js)"', page)
    bodies = "".join(app.get(script).get_data(as_text=True) for script in scripts)
    assert "Chart.js v4" in bodies and "opengov-chart" in bodies


def test_tables_of_a_dataset_created_whole_are_loaded_too(api, portal, fault_server):
    """The API's package_create and the harvesters create resources with their dataset; they
    are loaded like a resource added on its own."""
    url = fault_server.route("/whole.csv", lambda h: h.send(200, THAI_CSV.encode("utf-8"), "text/csv"))
    package = api("package_create", **factories.tgdc_dataset(
        portal["agency"]["id"], resources=[{"name": "ตาราง", "format": "CSV", "url": url},
                                          {"name": "เอกสาร", "format": "PDF", "url": url + "?pdf"}]))
    run_jobs()
    table, document = package["resources"]
    assert [r["จังหวัด"] for r in records(api, table["id"])[1]] == ["กรุงเทพมหานคร", "เชียงใหม่"]
    assert not api("resource_show", id=document["id"]).get("datastore_active")


def test_a_dead_link_is_tried_twice_and_reported_without_holding_the_queue(api, dataset, fault_server):
    """One retry, not the harvest's three with backoff: the worker loads one table at a time."""
    url = fault_server.route("/down.csv", lambda h: h.send(503, b"down"))
    package = dataset()
    dead = api("resource_create", package_id=package["id"], name="ล่ม", format="CSV", url=url)
    run_jobs()
    assert status_of(api, dead["id"])["status"] == "error"
    assert [path for _, path in fault_server.requests if path == "/down.csv"] == ["/down.csv"] * 2


def test_tables_are_queued_only_once_their_dataset_is_committed(api, portal):
    """A dataset rolled back queues no load; a committed one queues each of its tables."""
    import uuid

    from ckan import model
    from ckan.lib import jobs

    from ckanext.opengov.dataapi import actions

    queue = jobs.get_queue()
    queue.empty()
    rolled_back, committed = [str(uuid.uuid4())], [str(uuid.uuid4()), str(uuid.uuid4())]
    actions.queue_after_commit(model.Session(), rolled_back)
    assert queue.count == 0  # nothing before the commit
    model.Session.rollback()
    actions.queue_after_commit(model.Session(), committed)
    model.Session.commit()
    queued = [job.args[0] for job in queue.jobs]
    queue.empty()
    assert queued == committed
    rows = model.Session.query(model.TaskStatus).filter(model.TaskStatus.entity_id.in_(rolled_back + committed))
    statuses = {row.entity_id: row.state for row in rows}
    rows.delete(synchronize_session=False)
    model.Session.commit()
    assert statuses == dict.fromkeys(committed, "pending")


def test_a_large_linked_file_is_streamed_to_disk_not_held_in_memory(fault_server):
    """A 30 MB table (under the 50 MB harvest limit) costs the job worker a few chunks of memory,
    not the whole file twice over (the harvest client keeps a whole answer in memory)."""
    import tracemalloc

    from ckanext.opengov.dataapi import fetch

    body = ("จังหวัด,จำนวน\n" + "เชียงใหม่,1234567\n" * 1_000_000).encode("utf-8")
    url = fault_server.route("/large.csv", lambda h: h.send(200, body, "text/csv"))
    tracemalloc.start()
    try:
        with fetch.resource_file({"url": url, "url_type": ""}) as path:
            peak = tracemalloc.get_traced_memory()[1]
            with open(path, "rb") as saved:
                assert saved.read() == body
    finally:
        tracemalloc.stop()
    assert len(body) > 25_000_000 and peak < 5_000_000


def test_a_file_past_the_type_guessing_limit_loads_whole_and_searchable(api, dataset, upload, ckan_config, monkeypatch):
    """The path of large files (COPY as text, then xloader's column indexes). That step left the
    table locked in a transaction never ended, so the job waited on itself until its timeout (a
    1,000,000-row file never loaded) and the indexes and full-text trigger were rolled back."""
    monkeypatch.setitem(ckan_config, "ckanext.xloader.max_type_guessing_length", 100)
    monkeypatch.setitem(ckan_config, "ckanext.xloader.job_timeout", 30)
    rows = "".join(f"เชียงใหม่,ข้าวหอมมะลิ,{n}\n" for n in range(200))
    package = dataset()
    resource = upload(package["id"], "large.csv", ("จังหวัด,สินค้า,ปริมาณ\n" + rows).encode("utf-8"), "CSV")
    run_jobs()
    assert status_of(api, resource["id"])["status"] == "complete"
    assert api("datastore_search", resource_id=resource["id"], limit=0)["total"] == 200
    assert api("datastore_search", resource_id=resource["id"], q="ข้าวหอมมะลิ", limit=0)["total"] == 200
    # The full-text trigger is on: a row written later through the API is found by q too.
    api("datastore_upsert", resource_id=resource["id"], method="insert", force=True,
        records=[{"จังหวัด": "ขอนแก่น", "สินค้า": "ยางพารา", "ปริมาณ": "1"}])
    assert api("datastore_search", resource_id=resource["id"], q="ยางพารา")["total"] == 1
