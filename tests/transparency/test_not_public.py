"""What is no longer public after the last refresh is no longer named, on any page or download."""
from __future__ import annotations

from tests.factories import agency


def test_an_agency_deleted_after_the_refresh_is_no_longer_named(app, catalog, api, cli):
    from ckan.cli.cli import ckan as ckan_cli

    api("organization_create", **agency(name="gone-agency", title="หน่วยงานที่ยุบแล้ว"))
    assert cli.invoke(ckan_cli, ["opengov", "transparency", "refresh"]).exit_code == 0
    assert "หน่วยงานที่ยุบแล้ว" in app.get("/transparency/download/agencies.csv").get_data(as_text=True)
    assert "หน่วยงานที่ยุบแล้ว" in app.get("/transparency/").body  # the national figures are cached now
    api("organization_delete", id="gone-agency")
    app.get("/transparency/agency/gone-agency", status=404)
    app.post("/api/3/action/opengov_transparency_agency", json={"id": "gone-agency"}, status=404)
    for url in ("/transparency/", "/transparency/download/agencies.csv", "/transparency/download/agencies.json"):
        assert "หน่วยงานที่ยุบแล้ว" not in app.get(url).get_data(as_text=True), url
