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
