"""Inputs that made ckanext-harvest's actions (and our agency API) answer 500 get a 4xx with a
Thai/English message, and nothing is stored (the fuzz of test_no_server_errors found them)."""
from __future__ import annotations

import json

import pytest
from ckan.tests import factories as ckan_factories

from tests import factories
from tests.security.test_no_server_errors import fuzz, setup_portal  # noqa: F401  (module fixture)


@pytest.fixture
def harvest_world(api):
    org = api("organization_create", **factories.agency())
    source = api("harvest_source_create", name="bad-input-source", title="แหล่ง", url="http://127.0.0.1:9/x",
                 source_type="opengov_ckan", owner_org=org["id"])
    return {"org": org, "source": source}


def _refused(app, action, body, token=None, status=409):
    headers = {"Authorization": token} if token else {}
    response = app.post(f"/api/3/action/{action}", json=body, headers=headers)
    assert response.status_code == status, (action, body, response.status_code, response.body[:400])
    return response.json["error"]


CASES = [
    # (action, body, the field the error names)
    ("harvest_get_notifications_recipients", {}, "source_id"),
    ("harvest_get_notifications_recipients", {"source_id": ["x"]}, "source_id"),
    ("harvest_source_show_status", {}, "id"),
    ("harvest_source_show_status", {"id": {"a": 1}}, "id"),
    ("harvest_job_abort", {}, "id"),
    ("harvest_job_abort", {"source_id": 5}, "source_id"),
    ("harvest_object_create", {}, "job_id"),
    ("harvest_object_create", {"guid": "g", "content": "c"}, "job_id"),
    ("harvest_object_create", {"job_id": ["x"]}, "job_id"),
    ("harvest_objects_import", {"harvest_object_id": -1}, "harvest_object_id"),
    ("harvest_objects_import", {"package_id": {"id": 1}}, "package_id"),
    ("harvest_objects_import", {"source_id": [1]}, "source_id"),
]


@pytest.mark.usefixtures("clean_db", "clean_index")
@pytest.mark.parametrize("action, body, field", CASES)
def test_a_sysadmin_gets_a_validation_error(app, sysadmin, action, body, field):
    error = _refused(app, action, body, sysadmin["token"])
    assert field in error, error


@pytest.mark.usefixtures("clean_db", "clean_index")
@pytest.mark.parametrize("action, body, field", CASES)
def test_anonymous_callers_are_refused_before_validation(app, action, body, field):
    _refused(app, action, body, status=403)


@pytest.mark.usefixtures("clean_db", "clean_index")
def test_importing_an_inactive_source_is_a_validation_error(app, sysadmin, harvest_world):
    from ckanext.harvest.model import HarvestSource
    import ckan.model as model

    source = HarvestSource.get(harvest_world["source"]["id"])
    source.active = False
    model.Session.commit()
    error = _refused(app, "harvest_objects_import", {"source_id": source.id}, sysadmin["token"])
    assert "source_id" in error, error


@pytest.mark.usefixtures("clean_db", "clean_index")
def test_the_guards_still_let_good_calls_through(api, harvest_world):
    source_id = harvest_world["source"]["id"]
    assert api("harvest_source_show_status", id=source_id)["job_count"] == 0
    assert isinstance(api("harvest_get_notifications_recipients", source_id=source_id), list)
    job = api("harvest_job_create", source_id=source_id)
    obj = api("harvest_object_create", job_id=job["id"], guid="g-1", content="{}")
    assert obj["guid"] == "g-1"
    assert api("harvest_job_abort", source_id=source_id)["status"] == "Finished"
    api("harvest_objects_import", harvest_object_id=obj["id"])  # imports nothing: no dataset behind it


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.usefixtures("clean_db", "clean_index")
@pytest.mark.parametrize("config", [_nested(5000), '{"a": %s}' % _nested(5000), json.dumps(_nested(5000))],
                         ids=["array", "in-object", "json-string"])
def test_a_config_nested_too_deep_is_refused_and_nothing_is_stored(app, api, sysadmin, config):
    org = api("organization_create", **factories.agency())
    body = {"owner_org": org["id"], "title": "แหล่ง", "url": "http://127.0.0.1:9/deep",
            "source_type": "opengov_ckan", "config": config}
    error = _refused(app, "opengov_harvest_source_create", body, sysadmin["token"])
    assert "config" in error, error
    assert api("harvest_source_list") == []


def test_no_harvest_action_answers_with_a_server_error(setup_portal):  # noqa: F811
    """The fuzz of test_no_server_errors, for the harvest actions only (anonymous and sysadmin)."""
    app, sysadmin, real_ids, actions = setup_portal
    harvest = {name: f for name, f in actions.items() if "harvest" in name}
    assert len(harvest) > 30
    failures = fuzz(app, harvest, real_ids, None) + fuzz(app, harvest, real_ids, sysadmin["token"])
    assert not failures, "\n".join(failures[:100])


def test_a_user_without_rights_is_refused_not_crashed(app):
    user = ckan_factories.UserWithToken()
    for action, body, _field in CASES:
        _refused(app, action, body, user["token"], status=403)
