"""Harvest health comes from ckanext-harvest's own jobs and errors (a real run on loopback)."""
from __future__ import annotations

from ckan.cli.cli import ckan as ckan_cli


def test_a_failing_agency_source_shows_as_failing_on_both_pages(app, catalog, api, cli):
    source = api("harvest_source_create", name="nso-catalog", title="บัญชีข้อมูล สสช.",
                 url="http://127.0.0.1:9/", source_type="opengov_ckan", owner_org=catalog["nso"]["id"])
    # Nothing listens on 127.0.0.1:9: the real CKAN harvester's gather stage records an error.
    run = cli.invoke(ckan_cli, ["harvester", "run-test", source["id"]])
    assert run.exit_code == 0, run.output
    refreshed = cli.invoke(ckan_cli, ["opengov", "transparency", "refresh"])
    assert refreshed.exit_code == 0, refreshed.output

    rows = app.post("/api/3/action/opengov_transparency_harvest", json={}).json["result"]["rows"]
    assert [(r["agency"], r["status"], r["last_errors"]) for r in rows] == [("nso-test", "errors", 1)]
    assert rows[0]["last_finished"] and rows[0]["last_success"] is None
    card = app.post("/api/3/action/opengov_transparency_agency", json={"id": "nso-test"}).json["result"]
    assert card["harvest_sources"] == 1 and card["harvest_status"] == "errors"
    page = app.get("/transparency/agency/nso-test").body
    assert "บัญชีข้อมูล สสช." in page and "มีข้อผิดพลาดในการทำงานครั้งล่าสุด" in page
