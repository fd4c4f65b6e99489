"""Every misbehaviour of a source ends as a recorded harvest error; nothing harvested earlier is lost."""
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
    pytest.mark.ckan_config("ckanext.opengov.harvest.read_timeout", "1"),
    pytest.mark.ckan_config("ckanext.opengov.harvest.max_response_bytes", "1048576"),
]


@pytest.fixture
def harvested_source(fault_server):
    """A fake agency CKAN with three records, harvested once successfully."""
    records = {}
    for _ in range(3):
        record = ckan_record(agency_record("agency-org", id=str(uuid.uuid4())))
        records[record["id"]] = record
    source_api = FakeCkan(fault_server, records)
    agency = tk.get_action("organization_create")(sysadmin_context(), factories.agency())
    source = create_source(source_api.url, agency["id"])
    first = run_job(source["id"])
    assert first["stats"].get("added") == 3, first
    return source_api, source, records


def assert_nothing_lost(records):
    for record_id in records:
        assert model.Package.get(record_id).state == "active"
    public = tk.get_action("package_search")({"user": ""}, {"q": "*:*"})
    assert public["count"] == len(records)


@pytest.mark.parametrize("mode, says", [
    ("500", "HTTP status 500"),
    ("timeout", "did not answer in time"),
    ("malformed", "not valid JSON"),
    ("truncated", "ended before it was complete"),
    ("oversized", "larger than the limit"),
    ("xml_bomb", "not valid JSON"),
    ("not_ckan", "did not answer like a CKAN Action API"),
])
def test_a_failing_listing_is_a_gather_error_and_keeps_every_dataset(harvested_source, mode, says):
    source_api, source, records = harvested_source
    source_api.mode = mode

    report = run_job(source["id"])

    assert report["job"]["status"] == "Finished"
    assert len(report["gather_errors"]) == 1 and says in report["gather_errors"][0]
    assert report["stats"].get("deleted", 0) == 0
    assert_nothing_lost(records)


def test_a_redirect_to_a_forbidden_address_is_refused_and_recorded(harvested_source, forbidden_servers):
    source_api, source, records = harvested_source
    for target in forbidden_servers:
        source_api.mode = "redirect:" + target.base + "/secret"
        report = run_job(source["id"])
        assert "private, local or reserved" in report["gather_errors"][0]
        assert target.requests == []
    assert_nothing_lost(records)


def test_endless_pagination_is_stopped_and_nothing_is_withdrawn(fault_server, harvested_source):
    source_api, source, records = harvested_source
    tk.get_action("harvest_source_update")(sysadmin_context(), {
        "id": source["id"], "name": source["name"], "title": source["title"], "url": source["url"],
        "source_type": source["source_type"], "owner_org": source["owner_org"], "frequency": "MANUAL",
        "config": '{"max_pages": 5}'})
    source_api.mode = "endless"

    report = run_job(source["id"])

    assert "does not end" in report["gather_errors"][0]
    assert source_api.listing_pages == 5
    assert report["stats"].get("deleted", 0) == 0
    assert_nothing_lost(records)


def test_a_withdrawal_the_source_cannot_confirm_keeps_the_dataset(harvested_source):
    source_api, source, records = harvested_source
    gone_id = sorted(records)[0]
    records[gone_id]["private"] = True          # no longer listed...
    source_api.fault_actions = {"package_show"}  # ...but the check at the source fails
    source_api.mode = "500"

    report = run_job(source["id"])

    (message,) = object_error_messages(report)
    assert gone_id in message and "HTTP status 500" in message
    assert model.Package.get(gone_id).state == "active"

    source_api.mode = "ok"                       # the source recovers: now it is withdrawn
    report = run_job(source["id"])
    assert report["stats"].get("deleted") == 1
    assert model.Package.get(gone_id).state == "deleted"


def test_a_record_the_source_shows_again_is_not_withdrawn_by_a_listing_that_missed_it(harvested_source):
    """Paging can miss a record that changes meanwhile; the check at the source keeps it."""
    source_api, source, records = harvested_source
    missed_id = sorted(records)[1]
    original_search = source_api._search

    def search_hiding_one(h):
        hidden = records.pop(missed_id)
        try:
            original_search(h)
        finally:
            records[missed_id] = hidden
    fault_server = source_api.server
    fault_server.route("/api/3/action/package_search", search_hiding_one)

    report = run_job(source["id"])

    assert report["stats"].get("deleted", 0) == 0 and object_error_messages(report) == []
    assert model.Package.get(missed_id).state == "active"


def test_agencies_and_categories_are_created_or_mapped_when_configured(fault_server):
    record = ckan_record(agency_record("dwr", id=str(uuid.uuid4())), org_name="dwr-agency")
    record["groups"] = [{"name": "environment-cat", "title": "ด้านทรัพยากรธรรมชาติและสิ่งแวดล้อม"}]
    other = ckan_record(agency_record("dwr", id=str(uuid.uuid4())), org_name="dwr-agency")
    other["groups"] = [{"name": "unknown-cat", "title": "ไม่มีในพอร์ทัล"}]
    FakeCkan(fault_server, {record["id"]: record, other["id"]: other})
    home = tk.get_action("organization_create")(sysadmin_context(), factories.agency())
    source = create_source(fault_server.base, home["id"], {"agencies": "create", "categories": "create"})

    report = run_job(source["id"])

    assert report["stats"].get("added") == 2, report
    created = model.Group.get("dwr-agency")
    assert created is not None and created.is_organization and created.title == "กรมทดสอบ"
    ours = tk.get_action("package_show")(sysadmin_context(), {"id": record["id"]})
    assert ours["owner_org"] == created.id
    assert [g["name"] for g in ours["groups"]] == ["environment-cat"]


def test_only_local_categories_drop_unknown_groups_and_map_source_agency(fault_server):
    tk.get_action("group_create")(sysadmin_context(), {"name": "environment-cat", "title": "สิ่งแวดล้อม"})
    record = ckan_record(agency_record("x", id=str(uuid.uuid4())), org_name="not-here")
    record["groups"] = [{"name": "environment-cat"}, {"name": "unknown-cat"}]
    FakeCkan(fault_server, {record["id"]: record})
    home = tk.get_action("organization_create")(sysadmin_context(), factories.agency())
    source = create_source(fault_server.base, home["id"], {"agencies": "map"})

    run_job(source["id"])

    ours = tk.get_action("package_show")(sysadmin_context(), {"id": record["id"]})
    assert ours["owner_org"] == home["id"]           # no local agency of that name: the source's
    assert [g["name"] for g in ours["groups"]] == ["environment-cat"]
    assert model.Group.get("unknown-cat") is None
