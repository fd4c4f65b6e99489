"""DCAT catalogs on loopback harvested through ckanext-dcat's RDF harvester into TGDC fields."""
from __future__ import annotations

import time

import ckan.model as model
import ckan.plugins.toolkit as tk
import pytest

from tests import factories
from tests.harvest import fault_server as faults
from tests.harvest.dcat_catalog import catalog_ttl, convert
from tests.harvest.helpers import create_source, run_job, sysadmin_context

pytestmark = [pytest.mark.usefixtures("clean_db", "clean_index"),
              pytest.mark.ckan_config("ckanext.opengov.harvest.max_retries", "0")]


@pytest.fixture
def agency():
    return tk.get_action("organization_create")(sysadmin_context(), factories.agency())


def harvested():
    return {p.name: tk.get_action("package_show")(sysadmin_context(), {"id": p.id})
            for p in model.Session.query(model.Package).filter_by(type="dataset", state="active")}


def test_paged_turtle_catalog_lands_in_tgdc_fields(fault_server, agency):
    base = fault_server.base
    page2 = base + "/catalog.ttl?page=2"
    fault_server.route("/catalog.ttl", lambda h: h.send(
        200, catalog_ttl(base, [3], None).encode() if h.query.get("page") == "2"
        else catalog_ttl(base, [1, 2], next_page=page2, page_url=base + "/catalog.ttl").encode(), "text/turtle"))
    source = create_source(base + "/catalog.ttl", agency["id"], source_type="opengov_dcat")

    report = run_job(source["id"])

    assert report["gather_errors"] == [] and report["object_errors"] == {}, report
    datasets = harvested()
    assert len(datasets) == 3
    ours = next(d for d in datasets.values() if d["title"].endswith("ชุดที่ 1"))
    assert ours["owner_org"] == agency["id"]
    assert ours["data_type"] == "ข้อมูลสถิติ"                      # TGDC term from the source
    assert ours["objective"] == ["พันธกิจหน่วยงาน"]
    assert ours["update_frequency_unit"] == "เดือน"                 # dct:accrualPeriodicity MONTHLY
    assert ours["license_id"] == "Creative Commons Attributions"
    assert ours["maintainer"] == "ฝ่ายข้อมูลภูมิอากาศ"
    assert ours["maintainer_email"] == "climate@tmd.example"
    assert ours["data_source"] == "กรมอุตุนิยมวิทยา"
    assert ours["data_format"] == ["CSV"]
    assert ours["data_category"] == "ข้อมูลสาธารณะ" and ours["data_classification"] == "เปิดเผย"
    assert sorted(t["name"] for t in ours["tags"]) == ["rain", "น้ำฝน"]
    assert ours["resources"][0]["url"] == "http://127.0.0.1:9/rain-1.csv"

    again = run_job(source["id"])
    assert again["stats"].get("added", 0) == 0 and len(harvested()) == 3


@pytest.mark.parametrize("fmt, content_type", [("xml", "application/rdf+xml"), ("json-ld", "application/ld+json")])
def test_rdf_xml_and_json_ld_catalogs(fault_server, agency, fmt, content_type):
    body = convert(catalog_ttl(fault_server.base, [1, 2]), fmt)
    url = fault_server.route("/catalog", lambda h: h.send(200, body, content_type))
    source = create_source(url, agency["id"], source_type="opengov_dcat")

    report = run_job(source["id"])

    assert report["gather_errors"] == [] and report["stats"].get("added") == 2
    assert {d["update_frequency_unit"] for d in harvested().values()} == {"เดือน"}


def test_an_xml_bomb_is_refused_quickly_as_a_gather_error(fault_server, agency):
    url = fault_server.route("/bomb.rdf", lambda h: h.send(200, faults.XML_BOMB, "application/rdf+xml"))
    source = create_source(url, agency["id"], source_type="opengov_dcat")
    started = time.monotonic()
    report = run_job(source["id"])
    assert time.monotonic() - started < 10
    assert "not valid or safe XML" in report["gather_errors"][0]
    assert harvested() == {}


def test_endless_hydra_paging_is_stopped(fault_server, agency):
    base = fault_server.base

    def endless(h):
        n = int(h.query.get("n", "1"))
        nxt = f"{base}/endless.ttl?n={n + 1}"
        h.send(200, catalog_ttl(base, [n], next_page=nxt, page_url=f"{base}/endless.ttl?n={n}").encode(), "text/turtle")
    url = fault_server.route("/endless.ttl", endless)
    source = create_source(url, agency["id"], {"max_pages": 4}, source_type="opengov_dcat")

    report = run_job(source["id"])

    assert any("does not end" in e for e in report["gather_errors"])
    assert len([r for r in fault_server.requests if r[1].startswith("/endless.ttl")]) == 4
    assert report["job"]["status"] == "Finished"


def test_a_redirect_to_a_forbidden_address_is_refused(fault_server, forbidden_servers, agency):
    for target in forbidden_servers:
        url = fault_server.route("/moved-" + str(target.port), faults.redirect(target.base + "/secret"))
        source = create_source(url, agency["id"], source_type="opengov_dcat")
        report = run_job(source["id"])
        assert "private, local or reserved" in report["gather_errors"][0]
        assert target.requests == []


def test_a_catalog_running_this_portal_is_harvested_with_every_tgdc_field(app, fault_server, agency):
    """Portal to portal: our own /catalog.ttl, TGDC namespace included, comes back field for field."""
    context = sysadmin_context()
    origin = tk.get_action("organization_create")(context, factories.agency())
    published = tk.get_action("package_create")(context, factories.tgdc_dataset(
        origin["id"], name="origin-elderly", title="สถิติผู้สูงอายุรายจังหวัด",
        first_year_of_data="2560", last_year_of_data="2568", disaggregate=["เพศ", "อายุ/กลุ่มอายุ"],
        unit_of_measure="คน", data_release_calendar="2026-03-31", telephone_number="02-141-7500",
        update_frequency_unit="ไตรมาส", geo_coverage="จังหวัด"))
    body = app.get("/catalog.ttl").body.encode()
    tk.get_action("dataset_purge")(context, {"id": published["id"]})
    url = fault_server.route("/portal.ttl", lambda h: h.send(200, body, "text/turtle"))
    source = create_source(url, agency["id"], source_type="opengov_dcat")

    report = run_job(source["id"])

    assert report["gather_errors"] == [] and report["object_errors"] == {}, report
    (copy,) = harvested().values()
    assert copy["title"] == "สถิติผู้สูงอายุรายจังหวัด" and copy["owner_org"] == agency["id"]
    for field in ("data_type", "objective", "update_frequency_unit", "geo_coverage", "first_year_of_data",
                  "last_year_of_data", "disaggregate", "unit_of_measure", "data_release_calendar",
                  "telephone_number", "maintainer_email", "license_id", "data_category"):
        assert copy.get(field) == published.get(field), field
