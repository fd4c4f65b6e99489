"""Cross-agency takeover of harvest sources (issue 9, finding 2): an admin of agency B who names
their own agency (`owner_org` / `organization`) beside agency A's source, job or record gets
nothing of A's, through our agency API, ckanext-harvest's API or the pages."""
from __future__ import annotations

import uuid

import ckan.model as model
import pytest
from ckan.tests import factories as ckan_factories
from ckanext.harvest.model import HarvestSource

from ckanext.opengov.harvest import api as harvest_actions
from tests import factories
from tests.harvest.conftest import fault_server  # noqa: F401  (the harvest fixture)
from tests.harvest.fake_ckan import FakeCkan, ckan_record
from tests.harvest.helpers import run_job
from tests.harvest.records import agency_record

pytestmark = pytest.mark.usefixtures("clean_db", "clean_index")

SECRET_URL_PART = "user:s3cret-password@"


@pytest.fixture
def harvest_world(api, app, fault_server):  # noqa: F811
    alice, bob = ckan_factories.UserWithToken(), ckan_factories.UserWithToken()
    agency_a = api("organization_create", **factories.agency(users=[{"name": alice["name"], "capacity": "admin"}]))
    agency_b = api("organization_create", **factories.agency(users=[{"name": bob["name"], "capacity": "admin"}]))
    records = [ckan_record(agency_record("org", id=str(uuid.uuid4()))) for _ in range(2)]
    source_api = FakeCkan(fault_server, {r["id"]: r for r in records})
    url = source_api.url.replace("http://", "http://" + SECRET_URL_PART)
    source = api("opengov_harvest_source_create", owner_org=agency_a["id"], title="บัญชีข้อมูลกรม ก",
                 url=url, source_type="opengov_ckan", config='{"api_key": "a-secret-key"}')
    report = run_job(source["id"])
    return {"alice": alice, "bob": bob, "a": agency_a, "b": agency_b, "source": source,
            "job_id": report["job"]["id"]}


@pytest.fixture
def harvest_call(app):
    def call(action, user=None, **data):
        headers = {"Authorization": user["token"]} if user else {}
        return app.post(f"/api/3/action/{action}", json=data, headers=headers)
    return call


def _opengov_actions() -> list[str]:
    """Every opengov_harvest_* action that touches an existing source, job or list."""
    return sorted(name for name in harvest_actions.get_actions()
                  if name.startswith("opengov_harvest_") and name != "opengov_harvest_source_create")


def _requests(world, action):
    """Every way of naming A's objects in a request to `action`, each with B's agency beside it."""
    source_id, job_id = world["source"]["id"], world["job_id"]
    b = world["b"]
    named = [{"owner_org": b["id"]}, {"owner_org": b["name"]}, {"organization": b["id"]},
             {"owner_org": b["id"], "organization": b["id"]}]
    targets = [{"id": source_id}, {"source_id": source_id}, {"job_id": job_id},
               {"id": world["source"]["name"]}]
    extra = {"opengov_harvest_source_update": {"title": "ยึดแล้ว", "url": "http://127.0.0.1:9/x"}}.get(action, {})
    return [dict(t, **n, **extra) for t in targets for n in named]


@pytest.mark.parametrize("action", _opengov_actions())
def test_another_agencys_admin_gets_nothing_of_a_source_by_naming_their_own_agency(action, harvest_world,
                                                                                    harvest_call):
    for data in _requests(harvest_world, action):
        response = harvest_call(action, harvest_world["bob"], **data)
        body = response.get_data(as_text=True)
        assert SECRET_URL_PART not in body and "a-secret-key" not in body
        if action == "opengov_harvest_source_list":  # lists B's own sources (none), never A's
            assert harvest_world["source"]["id"] not in body and response.status_code in (200, 403), body[:300]
            continue
        assert response.status_code in (403, 404, 409), (action, data, response.status_code, body[:300])
    stored = HarvestSource.get(harvest_world["source"]["id"])
    assert stored.active and stored.url.startswith("http://" + SECRET_URL_PART)
    listed = harvest_call("opengov_harvest_source_list", harvest_world["bob"],
                          organization=harvest_world["a"]["id"])
    assert listed.status_code == 403


def test_a_source_is_created_only_in_an_agency_its_creator_administers(harvest_world, harvest_call):
    new = dict(title="แหล่ง", url="http://127.0.0.1:9/y", source_type="opengov_ckan")
    assert harvest_call("opengov_harvest_source_create", harvest_world["bob"], owner_org=harvest_world["a"]["id"],
                        **new).status_code == 403
    # an `id` of A's source is no part of a new source: B's new source is B's own, A's is untouched
    created = harvest_call("opengov_harvest_source_create", harvest_world["bob"], owner_org=harvest_world["b"]["id"],
                           id=harvest_world["source"]["id"], **new).json["result"]
    assert created["owner_org"] == harvest_world["b"]["id"] and created["id"] != harvest_world["source"]["id"]
    stored = HarvestSource.get(harvest_world["source"]["id"])
    assert stored.url.startswith("http://" + SECRET_URL_PART)
    assert model.Package.get(stored.id).title == "บัญชีข้อมูลกรม ก" and model.Package.get(stored.id).state == "active"


CKANEXT_HARVEST_READS = {
    "harvest_source_show": lambda w: {"id": w["source"]["id"]},
    "harvest_source_show_status": lambda w: {"id": w["source"]["id"]},
    "harvest_job_show": lambda w: {"id": w["job_id"]},
    "harvest_job_report": lambda w: {"id": w["job_id"]},
    "harvest_job_list": lambda w: {"source_id": w["source"]["id"]},
    "harvest_object_list": lambda w: {"source_id": w["source"]["id"]},
    "harvest_source_patch": lambda w: {"id": w["source"]["id"], "title": "ยึดแล้ว"},
    "harvest_source_clear": lambda w: {"id": w["source"]["id"]},
    "harvest_source_delete": lambda w: {"id": w["source"]["id"]},
    "harvest_job_create": lambda w: {"source_id": w["source"]["id"]},
    "harvest_job_abort": lambda w: {"source_id": w["source"]["id"]},
    "harvest_source_reindex": lambda w: {"id": w["source"]["id"]},
}


@pytest.mark.parametrize("action", sorted(CKANEXT_HARVEST_READS))
def test_ckanext_harvest_api_gives_another_agency_nothing_either(action, harvest_world, harvest_call):
    data = CKANEXT_HARVEST_READS[action](harvest_world)
    for user in (harvest_world["bob"], None):
        response = harvest_call(action, user, owner_org=harvest_world["b"]["id"], **data)
        body = response.get_data(as_text=True)
        assert response.status_code in (403, 404), (action, response.status_code, body[:300])
        assert SECRET_URL_PART not in body and "a-secret-key" not in body
    assert harvest_call("harvest_source_show", harvest_world["alice"],
                        id=harvest_world["source"]["id"]).json["result"]["title"] == "บัญชีข้อมูลกรม ก"


def test_the_agency_harvest_pages_are_not_reachable_through_another_agency(app, harvest_world):
    bob, a, b = harvest_world["bob"], harvest_world["a"], harvest_world["b"]
    headers = {"Authorization": bob["token"]}
    job_page = f"/organization/{b['name']}/harvest/job/{harvest_world['job_id']}"
    response = app.get(job_page, headers=headers)
    assert response.status_code in (403, 404) and SECRET_URL_PART not in response.get_data(as_text=True)
    response = app.post(f"/organization/{b['name']}/harvest/{harvest_world['source']['id']}/run", headers=headers)
    assert response.status_code in (302, 400, 403, 404)
    assert app.get(f"/organization/{a['name']}/harvest", headers=headers).status_code == 403
    from ckanext.harvest.model import HarvestJob

    assert HarvestJob.filter(source_id=harvest_world["source"]["id"]).count() == 1
