"""Writes made with the login session alone (no API token) need the CSRF token, API included.

CKAN 2.12 exempts a view from the check for the rest of the process as soon as one anonymous or
token-authenticated request reaches it; these tests make that request first, as any visitor
or harvester would.
"""
from __future__ import annotations

import re

import pytest
from ckan import model
from ckan.tests import factories

from tests.factories import agency

pytestmark = [
    pytest.mark.usefixtures("clean_db", "clean_index"),
    pytest.mark.ckan_config("WTF_CSRF_ENABLED", True),
]

PASSWORD = "correct123"


def _token(body: str) -> str:
    return re.search(r'name="_csrf_token" (?:content|value)="([^"]+)"', body).group(1)


@pytest.fixture
def browser_session(app):
    """A sysadmin logged in through the login form: the session cookie is the only credential."""
    user = factories.SysadminWithToken()
    page = app.get("/user/login")
    response = app.post("/user/login", data={
        "login": user["name"], "password": PASSWORD, "_csrf_token": _token(page.body),
    })
    assert response.status_code == 200
    assert user["name"] in app.get("/dashboard/datasets").body  # logged in
    return user


def _anonymous_visit(app, path):
    """Another client, without cookies (a visitor, a harvester)."""
    app.test_client(use_cookies=False).get(path)


def _organization_exists(name: str) -> bool:
    model.Session.remove()
    return model.Group.get(name) is not None


def test_cookie_api_write_without_token_is_refused_and_changes_nothing(app, browser_session):
    _anonymous_visit(app, "/api/3/action/status_show")
    record = agency()
    response = app.post("/api/3/action/organization_create", json=record)
    assert response.status_code == 403, response.body
    error = response.json["error"]["message"]
    assert "CSRF" in error and "ปฏิเสธ" in error, error  # Thai / English
    assert not _organization_exists(record["name"])


def test_cookie_api_write_with_the_pages_token_works(app, browser_session):
    """CKAN's JavaScript client sends the token of the page's meta tag as X-CSRFToken."""
    _anonymous_visit(app, "/api/3/action/status_show")
    token = _token(app.get("/dataset/").body)
    record = agency()
    response = app.post("/api/3/action/organization_create", json=record, headers={"X-CSRFToken": token})
    assert response.status_code == 200, response.body
    assert _organization_exists(record["name"])


def test_api_token_needs_no_csrf_token(app):
    user = factories.SysadminWithToken()
    record = agency()
    client = app.test_client(use_cookies=False)
    response = client.post("/api/3/action/organization_create", json=record,
                           headers={"Authorization": user["token"]})
    assert response.status_code == 200, response.body
    assert _organization_exists(record["name"])


def test_form_post_without_token_is_refused_after_an_anonymous_visit(app, browser_session):
    _anonymous_visit(app, "/organization/new")
    record = agency()
    response = app.post("/organization/new", data={**record, "save": ""})
    assert response.status_code == 403
    assert not _organization_exists(record["name"])


def test_an_anonymous_reader_gets_no_session_but_the_table_preview_gets_its_token(app):
    """A token starts a session (a cookie), and a page with a cookie is never cached: reading
    pages give anonymous visitors none; the table preview, whose script posts its queries, does."""
    from tests.factories import tgdc_dataset

    sysadmin = factories.Sysadmin()
    context = {"user": sysadmin["name"], "ignore_auth": True}
    import ckan.plugins.toolkit as tk

    org = tk.get_action("organization_create")(context, agency())
    dataset = tk.get_action("package_create")(context, tgdc_dataset(org["id"]))
    resource = dataset["resources"][0]
    view = tk.get_action("resource_view_create")(context, {
        "resource_id": resource["id"], "view_type": "image_view", "title": "ภาพ",
        "image_url": "http://127.0.0.1:9/x.png"})
    visitor = app.test_client(use_cookies=False)
    for path in ("/", "/dataset/", f"/dataset/{dataset['name']}",
                 f"/dataset/{dataset['name']}/resource/{resource['id']}", "/en/organization/"):
        page = visitor.get(path)
        assert page.status_code == 200, path
        assert "Set-Cookie" not in page.headers, path
        assert "_csrf_token" not in page.get_data(as_text=True), path
    preview = visitor.get(f"/dataset/{dataset['name']}/resource/{resource['id']}/view/{view['id']}")
    assert preview.status_code == 200
    assert re.search(r'<meta name="_csrf_token" content="[^"]+"', preview.get_data(as_text=True))
    # A form still carries its token for anonymous visitors (log in).
    assert 'name="_csrf_token" value="' in visitor.get("/user/login").get_data(as_text=True)
