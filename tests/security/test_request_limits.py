"""Bodies CKAN cannot or should not read get a 4xx in Thai and English, never a 500, and
nothing is stored."""
from __future__ import annotations

import json
import re

import pytest
from ckan import model

from tests.factories import agency

pytestmark = pytest.mark.usefixtures("clean_db", "clean_index")

THAI = re.compile("[\u0e00-\u0e7f]")


def _post(app, sysadmin, body, content_type="application/json", action="organization_create"):
    return app.post(f"/api/3/action/{action}", data=body, headers={
        "Authorization": sysadmin["token"], "Content-Type": content_type})


def _refused(response, status: int, english: str) -> str:
    assert response.status_code == status, response.body[:300]
    body = response.json
    assert body["success"] is False
    message = body["error"]["message"]
    assert english in message and THAI.search(message), message  # "ไทย / English"
    return message


def _nested(depth: int, record: dict) -> str:
    return json.dumps({**record, "extras": "X"}).replace('"X"', "[" * depth + "]" * depth)


def _stored(name: str) -> bool:
    model.Session.remove()
    return model.Group.get(name) is not None


def test_json_nested_5000_deep_is_refused_and_nothing_is_stored(app, sysadmin):
    record = agency()
    message = _refused(_post(app, sysadmin, _nested(5000, record)), 400, "nested too deeply")
    assert "64" in message
    assert not _stored(record["name"])


def test_json_nested_500_deep_is_refused_too(app, sysadmin):
    record = agency()
    _refused(_post(app, sysadmin, _nested(500, record)), 400, "nested too deeply")
    assert not _stored(record["name"])


def test_a_normal_nested_record_still_goes_through(app, sysadmin):
    record = agency()
    response = _post(app, sysadmin, json.dumps(record))
    assert response.status_code == 200, response.body[:300]
    assert _stored(record["name"])


def test_a_huge_body_is_refused_before_it_is_read(app, sysadmin):
    record = agency()
    body = json.dumps({**record, "description": "a" * (11 * 1024 * 1024)})
    _refused(_post(app, sysadmin, body), 413, "too large")
    assert not _stored(record["name"])


@pytest.mark.parametrize("body, english", [
    ("not json", "not valid JSON"),
    ('{"name": "x",', "not valid JSON"),
    (b"\xff\xfe{}", "not valid JSON"),
    ("[1, 2]", "it is a JSON array"),
    ('"organization"', "it is a JSON string"),
    ("42", "it is a JSON number"),
    ("null", "it is a JSON null"),
])
def test_a_body_that_is_not_a_json_object_is_refused(app, sysadmin, body, english):
    _refused(_post(app, sysadmin, body), 400, english)


def test_json_carried_in_a_form_key_is_checked_too(app, sysadmin):
    """CKAN reads a form whose only field has no value as JSON in the field's name."""
    record = agency()
    response = _post(app, sysadmin, _nested(5000, record) + "=", "application/x-www-form-urlencoded")
    _refused(response, 400, "nested too deeply")
    assert not _stored(record["name"])


def test_an_ordinary_form_post_is_left_to_ckan(app, sysadmin):
    response = _post(app, sysadmin, "q=name:none", "application/x-www-form-urlencoded", action="package_search")
    assert response.status_code == 200, response.body[:300]


@pytest.mark.parametrize("method, path, status", [
    ("POST", "/dataset/follow/{dataset}", 403),
    ("POST", "/organization/unfollow/{org}", 403),
    ("GET", "/dataset/changes_multiple", 404),
    ("GET", "/dataset/changes_multiple?new_id=no-such-activity&old_id=no-such-activity", 404),
])
def test_a_refusal_that_escapes_a_core_view_is_a_4xx_not_a_server_error(app, api, method, path, status):
    """CKAN's follow buttons and "changes" pages let NotAuthorized/NotFound escape (a 500)."""
    from tests.factories import tgdc_dataset

    org = api("organization_create", **agency())
    dataset = api("package_create", **tgdc_dataset(org["id"]))
    client = app.test_client(use_cookies=False)  # anonymous
    response = client.open(path.format(dataset=dataset["name"], org=org["name"]), method=method)
    assert response.status_code == status
    text = response.get_data(as_text=True)
    assert THAI.search(text) and ("not allowed" in text or "Not found" in text)


@pytest.mark.parametrize("path, missing", [
    ("/dataset/{dataset}/resource/new", "save, id"),
    ("/dataset/{dataset}/resource/{resource}/edit", "save"),
    ("/user/login", "login, password"),
])
def test_a_core_form_sent_incomplete_is_a_400_not_a_server_error(app, api, path, missing):
    from tests.factories import tgdc_dataset

    org = api("organization_create", **agency())
    dataset = api("package_create", **tgdc_dataset(org["id"]))
    url = path.format(dataset=dataset["name"], resource=dataset["resources"][0]["id"])
    response = app.test_client(use_cookies=False).post(url, data={"name": "x"})
    assert response.status_code == 400
    text = response.get_data(as_text=True)
    assert f"missing: {missing}" in text and THAI.search(text)
    model.Session.remove()
    assert len(model.Package.get(dataset["id"]).resources) == 1
