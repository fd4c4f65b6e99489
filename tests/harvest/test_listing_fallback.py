"""Agency catalogs that do not page the way we ask: the harvest still brings every record,
reports each one it asked for and did not get, and withdraws on the next run."""
from __future__ import annotations

import uuid

import ckan.model as model
import ckan.plugins.toolkit as tk
import pytest

from tests import factories
from tests.harvest.fake_ckan import FakeCkan, ckan_record
from tests.harvest.helpers import create_source, object_error_messages, run_job, sysadmin_context
from tests.harvest.records import agency_record

pytestmark = [
    pytest.mark.usefixtures("clean_db", "clean_index"),
    pytest.mark.ckan_config("ckanext.opengov.harvest.max_retries", "1"),
]

TOTAL = 45


@pytest.fixture
def catalog(fault_server):
    records = {}
    for _ in range(TOTAL):
        record = ckan_record(agency_record("agency-org", id=str(uuid.uuid4())))
        records[record["id"]] = record
    agency = tk.get_action("organization_create")(sysadmin_context(), factories.agency())
    return FakeCkan(fault_server, records), records, agency


def active_ids() -> set[str]:
    return {p.id for p in model.Session.query(model.Package).filter_by(type="dataset", state="active")}


def test_a_source_that_ignores_the_id_range_is_listed_with_offsets_and_fully_harvested(catalog):
    source_api, records, agency = catalog
    source_api.ignore_fq = True   # every keyset page is page 1 again; id lists are ignored too
    source = create_source(source_api.url, agency["id"], {"page_size": 10})

    report = run_job(source["id"])

    assert report["gather_errors"] == [] and object_error_messages(report) == []
    assert report["stats"].get("added") == TOTAL
    assert active_ids() == set(records)

    # The next run lists it the same way, so a record gone at the source is withdrawn.
    gone = sorted(records)[7]
    records[gone]["private"] = True
    report = run_job(source["id"])
    assert report["gather_errors"] == []
    assert report["stats"].get("deleted") == 1
    assert active_ids() == set(records) - {gone}


def test_every_record_listed_and_not_received_is_reported_on_the_job(catalog):
    source_api, records, agency = catalog
    withheld = set(sorted(records)[:3])
    source_api.unreceived = withheld  # listed, then neither the batch nor package_show gives them
    source = create_source(source_api.url, agency["id"])

    report = run_job(source["id"])

    assert report["stats"].get("added") == TOTAL - 3
    assert report["stats"].get("errored") == 3
    messages = object_error_messages(report)
    assert len(messages) == 3
    for record_id in withheld:
        (message,) = [m for m in messages if record_id in m]
        assert "not received" in message and "HTTP 404" in message
    # Every errored object of the job says why.
    for obj in report["object_errors"].values():
        assert all(e["message"] for e in obj["errors"])

    source_api.unreceived = set()   # given again: the next run brings them
    report = run_job(source["id"])
    assert report["stats"].get("added") == 3
    assert active_ids() == set(records)


def test_a_name_taken_here_gets_a_readable_variant(catalog):
    source_api, records, agency = catalog
    for record_id in sorted(records)[2:]:
        del records[record_id]
    first, second = sorted(records)
    records[first]["name"] = "bma-00304"
    records[second]["name"] = "bma-00304"  # two agencies' catalogs merged: names collide here too
    local = dict(agency_record(agency["name"]), name="bma-00304", owner_org=agency["id"])
    tk.get_action("package_create")(sysadmin_context(), local)
    source = create_source(source_api.url, agency["id"])

    report = run_job(source["id"])

    assert report["stats"].get("added") == 2, report
    names = {model.Package.get(first).name, model.Package.get(second).name}
    assert names == {"bma-00304-2", "bma-00304-3"}
