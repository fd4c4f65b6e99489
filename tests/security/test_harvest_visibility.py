"""Harvest sources are not public (issue 9, finding 3): a source's URL (which may hold
credentials) and configuration, its jobs and its raw harvested records reach only the agency's
members (records and jobs: its admins) and sysadmins, through every read path: the Action API,
search, DCAT, activity, and every page ckanext-harvest and we register."""
from __future__ import annotations

import uuid

import ckan.model as model
import pytest
from ckan.tests import factories as ckan_factories
from ckanext.harvest.model import HarvestJob, HarvestObject, HarvestSource

from tests import factories
from tests.harvest.conftest import fault_server  # noqa: F401  (the harvest fixture)
from tests.harvest.fake_ckan import FakeCkan, ckan_record
from tests.harvest.helpers import run_job
from tests.harvest.records import agency_record

pytestmark = pytest.mark.usefixtures("clean_db", "clean_index")

SECRET = "s3cret-password"
CONFIG_SECRET = "config-secret-key"


@pytest.fixture
def harvest_source_world(api, fault_server):  # noqa: F811
    admin, editor, member, outsider = (ckan_factories.UserWithToken() for _ in range(4))
    agency = api("organization_create", **factories.agency(users=[
        {"name": admin["name"], "capacity": "admin"}, {"name": editor["name"], "capacity": "editor"},
        {"name": member["name"], "capacity": "member"}]))
    api("organization_create", **factories.agency(users=[{"name": outsider["name"], "capacity": "admin"}]))
    records = [ckan_record(agency_record("org", id=str(uuid.uuid4()))) for _ in range(2)]
    source_api = FakeCkan(fault_server, {r["id"]: r for r in records})
    source = api("opengov_harvest_source_create", owner_org=agency["id"], title="แหล่งข้อมูลลับ",
                 url=source_api.url.replace("http://", f"http://user:{SECRET}@"), source_type="opengov_ckan",
                 config='{"api_key": "%s"}' % CONFIG_SECRET)
    report = run_job(source["id"])
    assert report["stats"]["added"] == 2
    obj = model.Session.query(HarvestObject).filter(HarvestObject.package_id.isnot(None)).first()
    return {"admin": admin, "editor": editor, "member": member, "outsider": outsider, "agency": agency,
            "source": source, "job_id": report["job"]["id"], "object_id": obj.id, "dataset_id": obj.package_id}


def _get(app, path, user=None, **params):
    headers = {"Authorization": user["token"]} if user else {}
    return app.get(path, headers=headers, query_string=params)


def _leaks(body: str) -> bool:
    return SECRET in body or CONFIG_SECRET in body


def test_search_and_show_give_sources_to_the_agencys_members_only(app, harvest_source_world, sysadmin):
    w = harvest_source_world
    for user in (None, w["outsider"]):
        for fq in ("dataset_type:harvest", "+dataset_type:harvest", "type:harvest"):
            response = _get(app, "/api/3/action/package_search", user, fq=fq, include_private="true")
            assert response.json["result"]["count"] == 0 and not _leaks(response.get_data(as_text=True))
        for path in ("/api/3/action/package_show", "/api/3/action/harvest_source_show",
                     "/api/3/action/harvest_source_show_status"):
            response = _get(app, path, user, id=w["source"]["id"])
            assert response.status_code == 403 and not _leaks(response.get_data(as_text=True))
    for user in (w["member"], w["editor"], w["admin"], sysadmin):
        found = _get(app, "/api/3/action/package_search", user, fq="dataset_type:harvest").json["result"]
        assert [r["id"] for r in found["results"]] == [w["source"]["id"]]


def test_harvest_source_show_answers_for_sources_only_and_never_confirms_a_url(app, harvest_source_world):
    """ckanext-harvest's show proxied package_show (any dataset's id answered) and looked a source
    up by URL before any check."""
    w = harvest_source_world
    dataset = _get(app, "/api/3/action/package_show", None, id=w["dataset_id"])
    assert dataset.status_code == 200  # a public harvested dataset
    for user in (None, w["outsider"], w["admin"]):
        assert _get(app, "/api/3/action/harvest_source_show", user, id=w["dataset_id"]).status_code == 404
    stored_url = model.Session.query(HarvestSource).get(w["source"]["id"]).url
    for user in (None, w["outsider"]):
        response = _get(app, "/api/3/action/harvest_source_show", user, url=stored_url)
        assert response.status_code == 404 and not _leaks(response.get_data(as_text=True))
    assert _get(app, "/api/3/action/harvest_source_show", w["member"], url=stored_url).json["result"]["id"] == (
        w["source"]["id"])


def test_dcat_and_activity_do_not_show_sources_to_outsiders(app, harvest_source_world):
    w = harvest_source_world
    name = w["source"]["name"]
    for user in (None, w["outsider"]):
        for path in (f"/dataset/{name}.ttl", f"/dataset/{name}.rdf", f"/harvest/{name}.jsonld"):
            response = _get(app, path, user)
            assert response.status_code in (403, 404) and not _leaks(response.get_data(as_text=True)), path
        catalog = _get(app, "/catalog.ttl", user).get_data(as_text=True)
        assert name not in catalog and CONFIG_SECRET not in catalog
        for path, params in (
            ("/api/3/action/package_activity_list", {"id": w["source"]["id"]}),
            ("/api/3/action/organization_activity_list", {"id": w["agency"]["id"]}),
            ("/api/3/action/recently_changed_packages_activity_list", {}),
            ("/api/3/action/dashboard_activity_list", {}),
        ):
            response = _get(app, path, user, **params)
            body = response.get_data(as_text=True)
            assert response.status_code != 500 and not _leaks(body) and name not in body, path
            if "package_activity_list" in path:
                assert response.status_code == 403
            else:  # the source's id is named only where the caller sent it
                assert w["source"]["id"] not in body, path


def test_raw_harvested_records_and_jobs_answer_the_agencys_admins_only(app, harvest_source_world, sysadmin):
    w = harvest_source_world
    calls = [
        ("harvest_object_list", {"source_id": w["source"]["id"]}),
        ("harvest_object_list", {}),
        ("harvest_object_show", {"id": w["object_id"]}),
        ("harvest_object_show", {"dataset_id": w["dataset_id"]}),
        ("harvest_job_list", {"source_id": w["source"]["id"]}),
        ("harvest_job_show", {"id": w["job_id"]}),
        ("harvest_job_report", {"id": w["job_id"]}),
        ("harvest_log_list", {}),
    ]
    for action, data in calls:
        for user in (None, w["outsider"], w["member"], w["editor"]):
            response = _get(app, f"/api/3/action/{action}", user, **data)
            assert response.status_code == 403, (action, user and user["name"], response.status_code)
        if action != "harvest_log_list" and data:
            assert _get(app, f"/api/3/action/{action}", w["admin"], **data).status_code == 200, action
        assert _get(app, f"/api/3/action/{action}", sysadmin, **data).status_code == 200, action


def _harvest_rules(app):
    """Every page rule of ckanext-harvest and of our agency harvest pages."""
    rules = []
    for rule in app.flask_app.url_map.iter_rules():
        if rule.rule.startswith(("/harvest", "/dataset/harvest_object", "/organization/<id>/harvest")):
            rules.append(rule)
    assert len(rules) >= 15, [r.rule for r in rules]
    return rules


def _fill(rule, w) -> str:
    values = {"source": w["source"]["name"], "source_id": w["source"]["id"], "job_id": w["job_id"],
              "package_type": "harvest", "ref_type": "object"}
    args = {}
    for arg in rule.arguments:
        if arg == "id":
            if rule.rule.startswith("/organization/"):
                args[arg] = w["agency"]["name"]
            elif "/object/" in rule.rule:
                args[arg] = w["object_id"]
            elif "harvest_object" in rule.rule:
                args[arg] = w["dataset_id"]
            elif "/job/<id>" in rule.rule:
                args[arg] = w["job_id"]
            else:
                args[arg] = w["source"]["name"]
        else:
            args[arg] = values.get(arg, str(uuid.uuid4()))
    path = rule.rule
    for arg, value in args.items():
        path = path.replace(f"<{arg}>", value).replace(f"<path:{arg}>", value)
    return path


def test_every_harvest_page_shows_and_changes_nothing_for_outsiders(app, harvest_source_world):
    w = harvest_source_world
    rules = _harvest_rules(app)
    checked = []
    for rule in rules:
        if "GET" not in rule.methods:
            continue
        path = _fill(rule, w)
        for user in (None, w["outsider"], w["member"]):
            response = _get(app, path, user)
            body = response.get_data(as_text=True)
            assert response.status_code != 500, path
            if user is w["member"]:  # members may read their agency's sources, not change them
                continue
            assert not _leaks(body), (path, user and user["name"])
            if response.status_code == 200:
                assert w["source"]["id"] not in body and w["source"]["name"] not in body.replace(path, ""), path
        checked.append(path)
    assert any(p.startswith("/harvest/refresh/") for p in checked)
    # GET /harvest/refresh|clear|delete/<id> act on the source in ckanext-harvest: not for outsiders
    source = HarvestSource.get(w["source"]["id"])
    assert source.active and model.Package.get(source.id).state == "active"
    assert HarvestJob.filter(source_id=source.id).count() == 1
    assert model.Session.query(HarvestObject).filter_by(harvest_source_id=source.id).count() >= 2


def test_a_source_urls_credentials_do_not_reach_the_public_through_harvested_records(app, harvest_source_world):
    for path in ("/catalog.ttl", "/api/3/action/package_search"):
        assert SECRET not in _get(app, path).get_data(as_text=True), path
