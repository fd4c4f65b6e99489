"""A small public catalog for the public front: a ministry with an agency under it, the seven TGDC
categories and three SDGs, a public dataset filed in a category, a private classified one, and
today's transparency snapshot."""
from __future__ import annotations

import pytest
from ckan.cli.cli import ckan as ckan_cli

from ckanext.opengov.demo.categories import category_groups
from tests.factories import agency, tgdc_dataset


@pytest.fixture
def front(clean_db, clean_index, api, cli):
    ministry = api("organization_create", **agency(
        name="ministry-dst", title="กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม",
        title_en="Ministry of Digital Economy and Society"))
    nso = api("organization_create", **agency(name="nso-front", ministry="ministry-dst"))
    groups = category_groups(include_sdgs=True)
    for group in groups[:7] + [g for g in groups if g["name"] in ("sdg-1", "sdg-2", "sdg-10")]:
        api("group_create", **group)
    public = api("package_create", **tgdc_dataset(
        nso["id"], name="population-front", title="สถิติประชากรรายจังหวัด",
        groups=[{"name": "society-security"}]))
    secret = api("package_create", **tgdc_dataset(
        nso["id"], name="secret-front", title="เงินเดือนรายบุคคลลับเฉพาะ", private=True,
        data_category="ข้อมูลส่วนบุคคล", data_classification="ลับ"))
    result = cli.invoke(ckan_cli, ["opengov", "transparency", "refresh", "--no-overlap"])
    assert result.exit_code == 0, result.output
    return {"ministry": ministry, "nso": nso, "public": public, "secret": secret}
