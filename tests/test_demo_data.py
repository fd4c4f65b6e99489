"""`ckan opengov demo load` fills a fresh portal with Thai agencies and datasets, once."""
from __future__ import annotations

import pytest

from ckan.cli.cli import ckan as ckan_cli

pytestmark = pytest.mark.usefixtures("clean_db", "clean_index")


def test_demo_load_creates_thai_agencies_and_datasets_and_is_safe_to_repeat(cli, api):
    first = cli.invoke(ckan_cli, ["opengov", "demo", "load"])
    assert first.exit_code == 0, first.output
    assert "37 created, 0 already there" in first.output

    agencies = api("organization_list", all_fields=True)
    assert "สำนักงานสถิติแห่งชาติ" in {a["title"] for a in agencies}
    population = api("package_show", id="population-by-province")
    assert population["disaggregate"] == ["เพศ", "ขอบเขตเชิงภูมิศาสตร์หรือเชิงพื้นที่"]
    assert population["organization"]["name"] == "nso"
    assert api("organization_show", id="nso")["ministry"] == "mdes"
    found = api("package_search", q="tags:ข้าว")
    assert [d["name"] for d in found["results"]] == ["rice-production"]

    again = cli.invoke(ckan_cli, ["opengov", "demo", "load"])
    assert again.exit_code == 0, again.output
    assert "0 created, 37 already there" in again.output
    assert api("package_search", rows=0)["count"] == 6


def test_demo_resources_are_real_files_that_download_preview_and_load(cli, api, app, clean_queues):
    """The demo's resources are uploads in the portal's file store: each downloads as the file it
    was made from, and each table is loaded into the DataStore by the job worker, Thai intact."""
    import os

    from ckan.lib import jobs
    from ckanext.datastore.backend.postgres import get_write_engine
    from ckanext.datastore.tests.helpers import clear_db
    from sqlalchemy import orm

    from ckanext.opengov.demo.files import FILES

    clear_db(orm.scoped_session(orm.sessionmaker(bind=get_write_engine())))
    result = cli.invoke(ckan_cli, ["opengov", "demo", "load"])
    assert result.exit_code == 0, result.output
    jobs.Worker().work(burst=True)

    resources = [r for d in api("package_search", rows=100)["results"] for r in d["resources"]]
    assert resources and all(r["url_type"] == "upload" for r in resources)
    assert not [r["url"] for r in resources if "example.go.th" in r["url"]]
    for resource in resources:
        path = resource["url"].replace("http://test.ckan.net", "")
        name = path.rsplit("/", 1)[-1]
        with open(os.path.join(FILES, name), "rb") as made:
            assert app.get(path).get_data() == made.read(), name
    tables = {r["url"].rsplit("/", 1)[-1]: r for r in resources if r["format"] in ("CSV", "XLSX")}
    assert set(tables) == {"population-2567.csv", "rainfall-daily.csv", "river-quality.csv", "rice-2567.xlsx"}
    for name, resource in tables.items():
        assert api("resource_show", id=resource["id"])["datastore_active"], name
        views = {v["view_type"] for v in api("resource_view_list", id=resource["id"])}
        assert "datatables_view" in views, name
    rain = api("datastore_search", resource_id=tables["rainfall-daily.csv"]["id"], sort="_id")["records"]
    assert rain[0]["สถานี"] == "ดอนเมือง" and rain[0]["วันที่"].startswith("2024-08-01")
    assert float(rain[0]["ปริมาณฝน (มม.)"]) == 12.5
    people = api("datastore_search", resource_id=tables["population-2567.csv"]["id"], sort="_id")["records"]
    assert people[0]["จังหวัด"] == "กรุงเทพมหานคร" and people[0]["ประชากรรวม"] == 5494932
    # Running the loader again uploads nothing twice.
    again = cli.invoke(ckan_cli, ["opengov", "demo", "load"])
    assert again.exit_code == 0 and "+ file" not in again.output
