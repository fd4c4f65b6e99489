"""The agency harvest API and page: agency admins manage their own sources only."""
from __future__ import annotations

import uuid

import pytest
from ckanext.harvest import queue

from tests.harvest.fake_ckan import FakeCkan, ckan_record
from tests.harvest.helpers import drain_queues, new_source
from tests.harvest.records import agency_record

pytestmark = pytest.mark.usefixtures("clean_db", "clean_index")


@pytest.fixture
def source_api(fault_server):
    good = [ckan_record(agency_record("org", id=str(uuid.uuid4()))) for _ in range(2)]
    bad = ckan_record(agency_record("org", id=str(uuid.uuid4()), name="secret-plans",
                                    data_category="ข้อมูลความมั่นคง", data_classification="ลับ"))
    return FakeCkan(fault_server, {r["id"]: r for r in good + [bad]})


def test_agency_admin_registers_runs_and_reads_errors_of_their_own_source(call, people, source_api):
    alice = people["alice"]
    source = call("opengov_harvest_source_create", alice, **new_source(people["a"], source_api.url))
    assert source["owner_org"] == people["a"]["id"] and source["last_job"] is None

    queue.purge_queues()
    job = call("opengov_harvest_job_start", alice, source_id=source["id"])
    drain_queues()
    shown = call("opengov_harvest_job_show", alice, job_id=job["id"])

    assert shown["status"] == "Finished"
    assert shown["stats"]["added"] == 2 and shown["stats"]["errored"] == 1
    (entry,) = shown["dataset_errors"]
    assert "secret-plans" in entry["errors"][0]["message"]
    assert "data_classification" in entry["errors"][0]["message"]
    listed = call("opengov_harvest_source_list", alice)
    assert [s["id"] for s in listed] == [source["id"]] and listed[0]["total_datasets"] == 2

    updated = call("opengov_harvest_source_update", alice, id=source["id"], frequency="WEEKLY")
    assert updated["frequency"] == "WEEKLY"


def test_other_agencies_editors_and_anonymous_cannot_see_or_touch_a_source(call, people, source_api, sysadmin):
    alice, bob, ed = people["alice"], people["bob"], people["ed"]
    source = call("opengov_harvest_source_create", alice, **new_source(people["a"], source_api.url))
    bobs = call("opengov_harvest_source_create", bob, **new_source(people["b"], source_api.url + "/b"))

    for user in (bob, ed, None):
        call("opengov_harvest_source_create", user, status=403, **new_source(people["a"], source_api.url + "/x"))
        call("opengov_harvest_source_show", user, status=403, id=source["id"])
        call("opengov_harvest_source_update", user, status=403, id=source["id"], title="x")
        call("opengov_harvest_job_start", user, status=403, source_id=source["id"])
        call("opengov_harvest_job_list", user, status=403, source_id=source["id"])
        call("opengov_harvest_source_delete", user, status=403, id=source["id"])
    call("opengov_harvest_source_list", None, status=403)
    assert [s["id"] for s in call("opengov_harvest_source_list", bob)] == [bobs["id"]]
    assert call("opengov_harvest_source_list", ed) == []
    assert {s["id"] for s in call("opengov_harvest_source_list", sysadmin)} == {source["id"], bobs["id"]}
    # A source cannot be moved into another agency by its admin.
    call("opengov_harvest_source_update", alice, status=403, id=source["id"], owner_org=people["b"]["id"])
    assert call("opengov_harvest_source_show", alice, id=source["id"])["owner_org"] == people["a"]["id"]


def test_bad_input_is_refused_with_a_bilingual_reason(call, people):
    error = call("opengov_harvest_source_create", people["alice"], status=409,
                 **new_source(people["a"], "file:///etc/passwd", frequency="HOURLY"))
    assert "http://" in error["url"][0] and "MANUAL" in error["frequency"][0]
    assert error["__type"] == "Validation Error"


def test_agency_page_lists_sources_and_job_errors_for_its_admins_only(app, call, people, source_api):
    alice, bob = people["alice"], people["bob"]
    source = call("opengov_harvest_source_create", alice, **new_source(people["a"], source_api.url))
    queue.purge_queues()
    job = call("opengov_harvest_job_start", alice, source_id=source["id"])
    drain_queues()
    page_url = f"/organization/{people['a']['name']}/harvest"

    page = app.get(page_url, headers={"Authorization": alice["token"]}, status=200).body
    assert "บัญชีข้อมูลกรม" in page and source_api.url in page
    job_page = app.get(f"{page_url}/job/{job['id']}", headers={"Authorization": alice["token"]}, status=200).body
    assert "secret-plans" in job_page and "data_classification" in job_page
    app.get(page_url, headers={"Authorization": bob["token"]}, status=403)
    app.get(page_url, status=403)
    app.get(f"{page_url}/job/{job['id']}", headers={"Authorization": bob["token"]}, status=403)


def test_only_sysadmins_may_let_a_source_create_agencies_or_categories(call, people, sysadmin, source_api):
    config = '{"agencies": "create"}'
    error = call("opengov_harvest_source_create", people["alice"], status=409,
                 config=config, **new_source(people["a"], source_api.url))
    assert "sysadmin" in str(error)
    created = call("opengov_harvest_source_create", sysadmin, config=config, **new_source(people["a"], source_api.url))
    assert created["config"] == config


def test_ckanext_harvest_own_api_no_longer_shows_sources_to_outsiders(call, people, source_api, sysadmin):
    source = call("opengov_harvest_source_create", people["alice"], **new_source(people["a"], source_api.url))
    for user in (None, people["bob"]):
        call("harvest_source_show", user, status=403, id=source["id"])
        call("harvest_source_list", user, status=403)
    assert call("harvest_source_show", people["ed"], id=source["id"])["url"] == source_api.url  # a member
    assert call("harvest_source_show", sysadmin, id=source["id"])["id"] == source["id"]
