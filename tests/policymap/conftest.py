"""A ministry with two agencies that publish the same data, a classified dataset, two objectives
and a category; then the transparency snapshot whose overlap table the map reads."""
from __future__ import annotations

import pytest
from ckan.cli.cli import ckan as ckan_cli

from tests.factories import agency, tgdc_dataset

DUPLICATE_TITLE = "สถิติจำนวนประชากรรายจังหวัด จำแนกตามเพศ"
SECRET_TITLE = "เงินเดือนรายบุคคลลับเฉพาะ"
PRIVATE_TITLE = "ร่างรายงานภายในยังไม่เผยแพร่"


@pytest.fixture
def policy_catalog(clean_db, clean_index, api, cli):
    mdes = api("organization_create", **agency(name="mdes-test", title="กระทรวงดิจิทัลทดสอบ",
                                               title_en="Ministry of Digital Test"))
    nso = api("organization_create", **agency(name="nso-test", title="สำนักงานสถิติทดสอบ",
                                              title_en="Statistics Test Office", ministry="mdes-test"))
    moi = api("organization_create", **agency(name="moi-test", title="กระทรวงมหาดไทยทดสอบ", title_en="Interior Test"))
    dopa = api("organization_create", **agency(name="dopa-test", title="กรมการปกครองทดสอบ",
                                               title_en="Provincial Administration Test", ministry="moi-test"))
    api("group_create", name="population-cat", title="ประชากรและสังคม")
    notes = "จำนวนประชากรจากการทะเบียนราษฎร จำแนกตามจังหวัดและเพศ รายปี"
    api("package_create", **tgdc_dataset(nso["id"], name="nso-population", title=DUPLICATE_TITLE, notes=notes,
                                         objective=["ยุทธศาสตร์ชาติ", "พันธกิจหน่วยงาน"],
                                         groups=[{"name": "population-cat"}]))
    api("package_create", **tgdc_dataset(dopa["id"], name="dopa-population", title=DUPLICATE_TITLE, notes=notes,
                                         objective=["พันธกิจหน่วยงาน"]))
    api("package_create", **tgdc_dataset(dopa["id"], name="dopa-villages", title="ทะเบียนหมู่บ้านทั่วประเทศ",
                                         notes="รายชื่อหมู่บ้าน", objective=["เพื่อการให้บริการประชาชน"]))
    api("package_create", **tgdc_dataset(
        nso["id"], name="nso-secret-salaries", title=SECRET_TITLE, private=True,
        data_category="ข้อมูลส่วนบุคคล", data_classification="ลับ", objective=["ยุทธศาสตร์ชาติ"]))
    api("package_create", **tgdc_dataset(nso["id"], name="nso-draft-report", title=PRIVATE_TITLE, private=True,
                                         objective=["ยุทธศาสตร์ชาติ"]))
    result = cli.invoke(ckan_cli, ["opengov", "transparency", "refresh"])
    assert result.exit_code == 0, result.output
    return {"mdes": mdes, "nso": nso, "moi": moi, "dopa": dopa}
