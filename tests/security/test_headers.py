"""Security headers on every kind of response, no version banner from the app, and the session
cookie marked Secure whenever the portal is served over https."""
from __future__ import annotations

import pytest

from ckanext.opengov.web.headers import harden, is_https

pytestmark = pytest.mark.usefixtures("clean_db", "clean_index")

# A page, the API, an error, a static file, DCAT and a transparency download.
PATHS = ["/", "/dataset/", "/api/3/action/status_show", "/dataset/no-such-dataset",
         "/base/images/ckan-logo.png", "/catalog.ttl", "/transparency/catalog.csv", "/user/login"]


@pytest.mark.parametrize("path", PATHS)
def test_every_response_carries_the_security_headers(app, path):
    response = app.get(path, follow_redirects=False)
    headers = response.headers
    assert headers.get("X-Content-Type-Options") == "nosniff"
    assert headers.get("X-Frame-Options") == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in headers.get("Content-Security-Policy", "")
    assert headers.get("Referrer-Policy") == "strict-origin-when-cross-origin"
    assert "X-Powered-By" not in headers
    assert "werkzeug" not in headers.get("Server", "").lower()


@pytest.mark.parametrize("path", ["/", "/dataset/", "/user/login"])
def test_pages_do_not_name_the_ckan_release(app, path):
    """CKAN's base template writes <meta name="generator" content="ckan 2.12.0">."""
    body = app.get(path).get_data(as_text=True)
    assert 'name="generator"' not in body


def test_a_resource_view_can_still_be_embedded(app, api):
    """CKAN's "Embed" button gives other sites an iframe of a resource view."""
    from tests.factories import agency, tgdc_dataset

    org = api("organization_create", **agency())
    dataset = api("package_create", **tgdc_dataset(org["id"]))
    resource = dataset["resources"][0]
    view = api("resource_view_create", resource_id=resource["id"], view_type="image_view", title="ภาพ",
               image_url="http://127.0.0.1:9/a.png")
    response = app.get(f"/dataset/{dataset['name']}/resource/{resource['id']}/view/{view['id']}")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response.headers
    assert "frame-ancestors" not in response.headers.get("Content-Security-Policy", "")
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def _session_cookie(response) -> str:
    cookies = [v for k, v in response.headers.items() if k.lower() == "set-cookie" and v.startswith("ckan=")]
    assert cookies, response.headers
    return cookies[0]


def test_session_cookie_is_not_secure_on_plain_http(app):
    assert "secure" not in _session_cookie(app.get("/user/login")).lower().split("; ")


def test_session_cookie_is_secure_behind_an_https_proxy(app):
    response = app.get("/user/login", headers={"X-Forwarded-Proto": "https"})
    assert "Secure" in _session_cookie(response).split("; ")


@pytest.mark.ckan_config("ckan.site_url", "https://data.example.go.th")
def test_session_cookie_is_secure_when_the_site_is_https(app):
    cookie = _session_cookie(app.get("/user/login"))
    assert "Secure" in cookie.split("; ") and "HttpOnly" in cookie


def test_harden_keeps_an_apps_own_policy_and_marks_each_cookie_once():
    out = harden([("Set-Cookie", "a=1; Path=/; Secure"), ("Set-Cookie", "b=2; Path=/"),
                  ("X-Frame-Options", "DENY"), ("X-Powered-By", "PHP/5")], https=True, embeddable=False)
    assert ("Set-Cookie", "a=1; Path=/; Secure") in out and ("Set-Cookie", "b=2; Path=/; Secure") in out
    assert ("X-Frame-Options", "DENY") in out and not any(k == "X-Powered-By" for k, _ in out)


def test_https_is_read_from_the_site_the_server_or_the_proxy():
    assert is_https({}, "https://x") and is_https({"wsgi.url_scheme": "https"}, "http://x")
    assert is_https({"HTTP_X_FORWARDED_PROTO": "https, http"}, "http://x")
    assert not is_https({"HTTP_X_FORWARDED_PROTO": "http"}, "http://x")
