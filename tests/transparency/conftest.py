"""A small catalog with every case the transparency figures must treat apart."""
from __future__ import annotations

import pytest
from ckan.cli.cli import ckan as ckan_cli

from tests.factories import agency, tgdc_dataset

DUPLICATE_TITLE = "สถิติจำนวนประชากรรายจังหวัด จำแนกตามเพศ"


@pytest.fixture
def catalog(clean_db, clean_index, api, cli):
    """Two agencies: public, private-classified, overdue, incomplete, no-resource and
    duplicated datasets; then today's snapshot."""
    nso = api("organization_create", **agency(name="nso-test", title="สำนักงานสถิติทดสอบ"))
    dopa = api("organization_create", **agency(name="dopa-test", title="กรมการปกครองทดสอบ",
                                               title_en="Department of Provincial Administration"))
    notes = "จำนวนประชากรจากการทะเบียนราษฎร จำแนกตามจังหวัดและเพศ รายปี"
    api("package_create", **tgdc_dataset(nso["id"], name="nso-population", title=DUPLICATE_TITLE, notes=notes))
    api("package_create", **tgdc_dataset(dopa["id"], name="dopa-population", title=DUPLICATE_TITLE, notes=notes))
    api("package_create", **tgdc_dataset(
        nso["id"], name="nso-old-monthly", title="ดัชนีราคาผู้บริโภครายเดือน",
        notes="ดัชนีราคาผู้บริโภคทั่วไป", update_frequency_unit="เดือน",
        last_updated_date="2025-01-31", tag_string="ราคา,เงินเฟ้อ",
        resources=[{"name": "รายงาน", "format": "PDF", "url": "http://127.0.0.1:9/cpi.pdf"}]))
    api("package_create", **tgdc_dataset(
        dopa["id"], name="dopa-no-files", title="ทะเบียนหมู่บ้านทั่วประเทศ", notes="รายชื่อหมู่บ้าน",
        tag_string="หมู่บ้าน", resources=[]))
    api("package_create", **tgdc_dataset(
        nso["id"], name="nso-secret-salaries", title="เงินเดือนรายบุคคลลับเฉพาะ", private=True,
        data_category="ข้อมูลส่วนบุคคล", data_classification="ลับ"))
    result = cli.invoke(ckan_cli, ["opengov", "transparency", "refresh"])
    assert result.exit_code == 0, result.output
    return {"nso": nso, "dopa": dopa}
