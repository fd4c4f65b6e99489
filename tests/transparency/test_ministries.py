"""Agencies are grouped and ranked under their ministry (CKAN's organization hierarchy)."""
from __future__ import annotations

import pytest
from ckan.cli.cli import ckan as ckan_cli

from tests.factories import agency, tgdc_dataset


@pytest.mark.parametrize("link", ["ministry field", "parent organization"])
def test_agencies_rank_among_their_ministry_peers(app, clean_db, clean_index, api, cli, link):
    ministry = api("organization_create", **agency(name="mnre", title="กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม"))
    if link == "ministry field":  # the agency schema's own field
        under = {"ministry": ministry["name"]}
    else:  # CKAN's organization hierarchy, as ckanext-hierarchy keeps it
        under = {"groups": [{"name": ministry["name"], "capacity": "parent"}]}
    pcd = api("organization_create", **agency(name="pcd-x", title="กรมควบคุมมลพิษ", **under))
    dmr = api("organization_create", **agency(name="dmr-x", title="กรมทรัพยากรธรณี", **under))
    other = api("organization_create", **agency(name="nso-x", title="สำนักงานสถิติแห่งชาติ"))
    api("package_create", **tgdc_dataset(pcd["id"], name="pcd-air"))
    api("package_create", **tgdc_dataset(dmr["id"], name="dmr-rocks", license_id="Creative Commons Attribution Non-Commercial"))
    api("package_create", **tgdc_dataset(other["id"], name="nso-pop"))
    assert cli.invoke(ckan_cli, ["opengov", "transparency", "refresh"]).exit_code == 0

    rows = {r["name"]: r for r in app.post("/api/3/action/opengov_transparency_agencies", json={}).json["result"]["rows"]}
    assert rows["pcd-x"]["ministry"] == rows["dmr-x"]["ministry"] == "กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม"
    assert (rows["pcd-x"]["ministry_rank"], rows["dmr-x"]["ministry_rank"]) == (1, 2)
    ministries = app.post("/api/3/action/opengov_transparency_ministries", json={}).json["result"]["rows"]
    # Through the ministry field the ministry also counts itself (its own datasets belong there).
    agencies = 3 if link == "ministry field" else 2
    assert {"ministry": "กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม", "agencies": agencies, "public_datasets": 2}.items() <= \
        next(m for m in ministries if m["ministry"].startswith("กระทรวงทรัพยากร")).items()
    page = app.get("/transparency/agency/dmr-x").body
    assert "2 / 2" in page and "อันดับในกระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม" in page
