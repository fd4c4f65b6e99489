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
    return re.search(r'<meta name="_csrf_token" content="([^"]+)"', body).group(1)


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
