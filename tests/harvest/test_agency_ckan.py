"""Harvesting a real agency CKAN on loopback: first run, changes at the source, withdrawal,
conflicts and refused records, each asserted on what the portal then holds."""
from __future__ import annotations

import uuid

import ckan.model as model
import ckan.plugins.toolkit as tk
import pytest
from ckanext.activity.model import Activity

from tests import factories
from tests.harvest.helpers import create_source, object_error_messages, run_job, sysadmin_context
from tests.harvest.records import agency_record

pytestmark = pytest.mark.usefixtures("clean_db", "clean_index")


@pytest.fixture
def remote(agency_ckan):
    """A fresh organization on the agency CKAN, so each test harvests only its own records."""
    api = agency_ckan.api()
    org = api.action.organization_create(name=f"org-{uuid.uuid4().hex[:8]}", title="กรมทดสอบ")
    return api, org


@pytest.fixture
def local_agency():
    return tk.get_action("organization_create")(sysadmin_context(), factories.agency())


def seed(api, org, n, **overrides):
    return [api.action.package_create(**agency_record(org["name"], **overrides)) for _ in range(n)]


def test_first_run_brings_every_public_record_with_all_tgdc_fields(agency_ckan, remote, local_agency):
    api, org = remote
    records = seed(api, org, 3)
    source = create_source(agency_ckan.url, local_agency["id"], {"organization": org["name"]})

    report = run_job(source["id"])

    assert report["gather_errors"] == [] and object_error_messages(report) == []
    assert report["stats"].get("added") == 3
    for record in records:
        ours = tk.get_action("package_show")(sysadmin_context(), {"id": record["id"]})
        assert ours["owner_org"] == local_agency["id"]
        assert ours["title"] == record["title"]
        assert sorted(ours["objective"]) == sorted(record["objective"])
        assert sorted(ours["data_format"]) == sorted(record["data_format"])
        assert ours["data_category"] == "ข้อมูลสาธารณะ"
        assert ours["data_classification"] == "เปิดเผย"
        assert sorted(t["name"] for t in ours["tags"]) == ["population", "ประชากร"]
        assert ours["resources"][0]["url"] == record["resources"][0]["url"]
        assert ours["resources"][0]["name"] == "ข้อมูลประชากร 2568"
        assert ours["private"] is False


def test_each_harvested_dataset_has_its_activity_and_is_found_by_search(agency_ckan, remote, local_agency):
    """The activity and the search index share one rendering of the new dataset; both must
    still hold the dataset exactly as package_show gives it."""
    api, org = remote
    records = seed(api, org, 2)
    source = create_source(agency_ckan.url, local_agency["id"], {"organization": org["name"]})

    run_job(source["id"])

    for record in records:
        shown = tk.get_action("package_show")({"ignore_auth": True, "use_cache": False}, {"id": record["id"]})
        # Harvests act as the site user, whose activity CKAN hides from lists by default.
        activities = model.Session.query(Activity).filter_by(object_id=record["id"]).all()
        assert [a.activity_type for a in activities] == ["new package"]
        stored = activities[0].data
        assert stored["package"]["title"] == shown["title"]
        assert stored["package"]["objective"] == shown["objective"]
        assert stored["package"]["resources"][0]["url"] == shown["resources"][0]["url"]
        found = tk.get_action("package_search")({"ignore_auth": True}, {"q": f'id:"{record["id"]}"'})
        assert found["count"] == 1 and found["results"][0]["title"] == record["title"]


def test_rerun_without_changes_touches_nothing_and_duplicates_nothing(agency_ckan, remote, local_agency):
    api, org = remote
    seed(api, org, 2)
    source = create_source(agency_ckan.url, local_agency["id"], {"organization": org["name"]})
    run_job(source["id"])
    before = {p.id: p.metadata_modified for p in model.Session.query(model.Package).filter_by(type="dataset")}

    report = run_job(source["id"])

    assert report["stats"].get("added", 0) == 0 and report["stats"].get("updated", 0) == 0
    after = {p.id: p.metadata_modified for p in model.Session.query(model.Package).filter_by(type="dataset")}
    assert after == before and len(after) == 2


def test_edit_delete_and_private_at_source_are_reflected_exactly(agency_ckan, remote, local_agency):
    api, org = remote
    edited, deleted, hidden, untouched = seed(api, org, 4)
    source = create_source(agency_ckan.url, local_agency["id"], {"organization": org["name"]})
    run_job(source["id"])

    api.action.package_patch(id=edited["id"], title="จำนวนประชากรรายจังหวัด (ปรับปรุง)",
                             data_format=["JSON"])
    api.action.package_delete(id=deleted["id"])
    api.action.package_patch(id=hidden["id"], private=True)
    report = run_job(source["id"])

    assert report["gather_errors"] == [] and object_error_messages(report) == []
    assert report["stats"].get("updated") == 1 and report["stats"].get("deleted") == 2
    show = lambda i: tk.get_action("package_show")(sysadmin_context(), {"id": i})  # noqa: E731
    assert show(edited["id"])["title"] == "จำนวนประชากรรายจังหวัด (ปรับปรุง)"
    assert show(edited["id"])["data_format"] == ["JSON"]
    assert show(deleted["id"])["state"] == "deleted"
    assert show(hidden["id"])["state"] == "deleted"
    assert show(untouched["id"])["state"] == "active"
    public = tk.get_action("package_search")({"ignore_auth": False, "user": ""}, {"q": "*:*"})
    assert {d["id"] for d in public["results"]} == {edited["id"], untouched["id"]}

    # Made public again at the source: it comes back, same dataset, no duplicate.
    api.action.package_patch(id=hidden["id"], private=False)
    run_job(source["id"])
    assert show(hidden["id"])["state"] == "active"
    assert model.Session.query(model.Package).filter_by(type="dataset").count() == 4


def test_allow_harvest_false_is_not_harvested_and_withdrawn_when_changed(agency_ckan, remote, local_agency):
    api, org = remote
    kept, refused = seed(api, org, 2)
    api.action.package_patch(id=refused["id"], allow_harvest="False")
    source = create_source(agency_ckan.url, local_agency["id"], {"organization": org["name"]})
    report = run_job(source["id"])
    assert report["stats"].get("added") == 1 and report["stats"].get("deleted", 0) == 0
    assert model.Package.get(refused["id"]) is None
    assert model.Package.get(kept["id"]).state == "active"

    api.action.package_patch(id=kept["id"], allow_harvest="False")
    run_job(source["id"])
    assert model.Package.get(kept["id"]).state == "deleted"


def test_a_refused_record_is_reported_with_field_and_reason_and_the_rest_go_on(agency_ckan, remote, local_agency):
    api, org = remote
    good = seed(api, org, 2)
    # The agency software checks classification only in the browser, so this reached its API.
    (secret,) = seed(api, org, 1, data_category="ข้อมูลความลับทางราชการ", data_classification="ลับ")
    source = create_source(agency_ckan.url, local_agency["id"], {"organization": org["name"]})

    report = run_job(source["id"])

    assert report["stats"].get("added") == 2 and report["stats"].get("errored") == 1
    (message,) = object_error_messages(report)
    assert secret["name"] in message and "data_classification" in message
    assert model.Package.get(secret["id"]) is None
    assert all(model.Package.get(r["id"]).state == "active" for r in good)


def test_two_sources_holding_the_same_record_do_not_overwrite_each_other(agency_ckan, remote, local_agency):
    api, org = remote
    (original,) = seed(api, org, 1)
    first = create_source(agency_ckan.url, local_agency["id"], {"organization": org["name"]})
    run_job(first["id"])

    other_agency = tk.get_action("organization_create")(sysadmin_context(), factories.agency())
    second = create_source(agency_ckan.url, other_agency["id"], {"organization": org["name"], "page_size": 50})
    report = run_job(second["id"])

    (message,) = object_error_messages(report)
    assert original["id"] in message
    assert tk.get_action("package_show")(sysadmin_context(), {"id": original["id"]})["owner_org"] == local_agency["id"]


def test_two_agencies_copying_the_same_original_do_not_both_publish_it(agency_ckan, remote, local_agency):
    """Records with different ids that copy one original (same reference_url_catalog): the first wins."""
    api, org = remote
    original = "https://catalog.nso.go.th/dataset/population-2568"
    (first_copy,) = seed(api, org, 1, reference_url_catalog=original)
    other_org = api.action.organization_create(name=f"org-{uuid.uuid4().hex[:8]}", title="กรมทดสอบสอง")
    (second_copy,) = seed(api, other_org, 1, reference_url_catalog=original)
    first = create_source(agency_ckan.url, local_agency["id"], {"organization": org["name"]})
    assert run_job(first["id"])["stats"].get("added") == 1

    other_agency = tk.get_action("organization_create")(sysadmin_context(), factories.agency())
    second = create_source(agency_ckan.url, other_agency["id"], {"organization": other_org["name"]})
    report = run_job(second["id"])

    (message,) = object_error_messages(report)
    assert original in message
    kept = tk.get_action("package_show")(sysadmin_context(), {"id": first_copy["id"]})
    assert kept["reference_url_catalog"] == original and kept["owner_org"] == local_agency["id"]
    assert model.Package.get(second_copy["id"]) is None


def test_the_original_of_a_record_is_looked_up_through_an_index():
    """`ckan db upgrade -p opengov` indexes reference_url_catalog; the harvester's lookup uses it."""
    import sqlalchemy as sa

    with model.meta.engine.begin() as conn:
        conn.execute(sa.text("SET LOCAL enable_seqscan = off"))
        plan = " ".join(row[0] for row in conn.execute(sa.text(
            "EXPLAIN SELECT id FROM package WHERE extras ->> 'reference_url_catalog' = 'https://x.go.th/d'")))
    assert "idx_opengov_package_reference_url" in plan, plan


def test_an_objects_status_and_errors_are_read_through_an_index():
    """ckanext-harvest leaves its object extras and errors unindexed; every import reads them."""
    import sqlalchemy as sa

    with model.meta.engine.begin() as conn:
        conn.execute(sa.text("SET LOCAL enable_seqscan = off"))
        for table, index in (("harvest_object_extra", "idx_opengov_harvest_object_extra_object"),
                             ("harvest_object_error", "idx_opengov_harvest_object_error_object")):
            plan = " ".join(row[0] for row in conn.execute(sa.text(
                f"EXPLAIN SELECT * FROM {table} WHERE harvest_object_id = 'x'")))
            assert index in plan, plan
