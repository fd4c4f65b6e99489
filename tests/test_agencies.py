"""Agencies: the TGDC agency fields, ministries as a one-level hierarchy, category groups."""
from __future__ import annotations

import pytest

from ckan.cli.cli import ckan as ckan_cli
from tests.factories import agency

pytestmark = pytest.mark.usefixtures("clean_db", "clean_index")


def test_agency_keeps_its_code_type_ministry_and_catalog(api):
    ministry = api("organization_create", **agency(name="mdes", title="กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม"))
    nso = api("organization_create", **agency(
        name="nso", agency_code="15008", ministry="mdes", agency_type="ราชการส่วนกลาง",
        website="https://www.nso.go.th", catalog_url="https://catalog.nso.go.th",
        telephone_number="02-141-7500", contact_email="services@nso.go.th",
    ))
    shown = api("organization_show", id="nso")
    assert shown["ministry"] == "mdes" and shown["agency_code"] == "15008"
    assert shown["catalog_url"] == "https://catalog.nso.go.th"
    assert not ministry.get("ministry")
    assert nso["agency_type"] == "ราชการส่วนกลาง"


@pytest.mark.parametrize("fields, bad_field", [
    ({"ministry": "no-such-ministry"}, "ministry"),
    ({"agency_type": "บริษัทเอกชน"}, "agency_type"),
    ({"website": "www.nso.go.th"}, "website"),
    ({"telephone_number": "abc"}, "telephone_number"),
    ({"agency_code": "15 008 !"}, "agency_code"),
])
def test_bad_agency_fields_are_refused(api, fields, bad_field):
    error = api("organization_create", status=409, **agency(**fields))
    assert bad_field in error
    assert api("organization_list") == []


def test_a_ministry_cannot_sit_under_an_agency(api):
    api("organization_create", **agency(name="mdes"))
    api("organization_create", **agency(name="nso", ministry="mdes"))
    error = api("organization_create", status=409, **agency(name="sub", ministry="nso"))
    assert "ministry" in error


def test_agency_list_browses_ministries_with_their_agencies(app, api):
    api("organization_create", **agency(name="mdes", title="กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม"))
    api("organization_create", **agency(name="nso", title="สำนักงานสถิติแห่งชาติ", ministry="mdes"))
    api("organization_create", **agency(name="tmd", title="กรมอุตุนิยมวิทยา", ministry="mdes"))
    page = app.get("/organization").body
    tree = page[page.index("opengov-agency-tree"):]
    ministry_at = tree.index("กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม")
    agencies = tree[tree.index("opengov-agencies"):]
    assert ministry_at < tree.index("opengov-agencies")
    assert "สำนักงานสถิติแห่งชาติ" in agencies and "กรมอุตุนิยมวิทยา" in agencies


def test_a_ministrys_figure_counts_its_agencies_public_datasets(app, api):
    from tests.factories import tgdc_dataset

    api("organization_create", **agency(name="mdes", title="กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม"))
    nso = api("organization_create", **agency(name="nso", ministry="mdes"))
    api("package_create", **tgdc_dataset(nso["id"]))
    api("package_create", **tgdc_dataset(nso["id"]))
    api("package_create", **tgdc_dataset(
        nso["id"], private=True, data_category="ข้อมูลส่วนบุคคล", data_classification="ลับ"))
    page = app.get("/organization").body
    ministry = page[page.index("กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม"):]
    assert "2 ชุดข้อมูล" in ministry[:300]  # the private, classified one is not counted


def test_categories_seed_creates_the_thai_categories_once(cli, api):
    first = cli.invoke(ckan_cli, ["opengov", "categories", "seed", "--sdgs"])
    assert first.exit_code == 0, first.output
    titles = {g["title"] for g in api("group_list", all_fields=True, limit=100)}
    assert {"ด้านเศรษฐกิจ", "ด้านทรัพยากรธรรมชาติและสิ่งแวดล้อม", "อื่น ๆ", "SDG 6: น้ำสะอาดและการสุขาภิบาล"} <= titles
    assert len(titles) == 24
    again = cli.invoke(ckan_cli, ["opengov", "categories", "seed", "--sdgs"])
    assert "0 created, 24 already there" in again.output


def test_an_agencys_figure_does_not_count_its_harvest_sources(app, api):
    """A harvest source is a package (type `harvest`), public by default, but not a dataset."""
    from tests.factories import tgdc_dataset

    api("organization_create", **agency(name="mdes", title="กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม"))
    nso = api("organization_create", **agency(name="nso", ministry="mdes"))
    api("package_create", **tgdc_dataset(nso["id"]))
    source = api("harvest_source_create", name="nso-source", title="แหล่ง", url="http://127.0.0.1:9/catalog",
                 source_type="opengov_ckan", owner_org=nso["id"])
    assert not api("package_show", id=source["id"])["private"]  # so the old count included it
    page = app.get("/organization").body
    ministry = page[page.index("กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม"):]
    assert "1 ชุดข้อมูล" in ministry[:300]
