"""A harvest source's URL may hold credentials: transparency names only its scheme and host.

The agency's own admins, on its scorecard (and its per-agency harvest table), see the URL as
registered when nothing in it looks like a credential; never a password.
"""
from __future__ import annotations

import datetime as dt

import ckan.model as model
import pytest
from ckan.cli.cli import ckan as ckan_cli
from ckan.tests import factories
from sqlalchemy import text

from ckanext.opengov.harvest import source_url

SECRET_URL = "http://harvester:s3cr3t-pass@127.0.0.1:9/gd/token=t0k3n?api_key=abc123def456ghi789jkl012&page=1"
CLEAN_URL = "http://127.0.0.1:9/catalog/api/3"
PUBLIC = "http://127.0.0.1:9"
SECRETS = ("s3cr3t", "harvester:", "harvester%3A", "api_key", "abc123def456", "t0k3n")


def _set_url(source_id: str, url: str) -> None:
    """Stand in for a source registered before its URL was checked: write it where
    ckanext-harvest keeps it (harvest_source.url and the source's package.url)."""
    from ckanext.harvest.model import HarvestSource

    HarvestSource.get(source_id).url = url
    model.Package.get(source_id).url = url
    model.Session.commit()


@pytest.fixture
def sources(catalog, api, cli):
    secret = api("harvest_source_create", name="nso-secret-source", title="แหล่งที่มีรหัสผ่าน",
                 url="http://127.0.0.1:9/", source_type="opengov_ckan", owner_org=catalog["nso"]["id"])
    _set_url(secret["id"], SECRET_URL)
    api("harvest_source_create", name="nso-clean-source", title="แหล่งที่ไม่มีรหัสผ่าน",
        url=CLEAN_URL, source_type="opengov_ckan", owner_org=catalog["nso"]["id"])
    assert cli.invoke(ckan_cli, ["opengov", "transparency", "refresh"]).exit_code == 0
    return dict(catalog, secret=secret)


def _assert_no_secret(body: str, where: str) -> None:
    for secret in SECRETS + ("/catalog/api/3",):
        assert secret not in body, f"{secret!r} shown by {where}"


def test_the_public_sees_scheme_and_host_only_everywhere(app, sources):
    rows = app.post("/api/3/action/opengov_transparency_harvest", json={}).json["result"]["rows"]
    assert {(r["title"], r["url"]) for r in rows} == {
        ("แหล่งที่ไม่มีรหัสผ่าน", PUBLIC), ("แหล่งที่มีรหัสผ่าน", PUBLIC)}
    for url in ("/transparency/", "/transparency/agency/nso-test", "/transparency/download/harvest.csv",
                "/transparency/download/harvest.json", "/transparency/download/harvest.csv?agency=nso-test",
                "/api/3/action/opengov_transparency_harvest?agency=nso-test",
                "/api/3/action/opengov_transparency_agency?id=nso-test",
                "/api/3/action/opengov_transparency_summary"):
        _assert_no_secret(app.get(url).get_data(as_text=True), url)
    # Nor is the secret stored in the snapshot.
    stored = {r[0] for r in model.Session.execute(text("SELECT url FROM opengov_tr_harvest"))}
    assert stored == {PUBLIC}


def test_the_agencys_admin_sees_a_clean_url_and_never_the_password(app, sources, api):
    admin, other = factories.UserWithToken(), factories.UserWithToken()
    api("organization_member_create", id="nso-test", username=admin["name"], role="admin")
    api("organization_member_create", id="dopa-test", username=other["name"], role="admin")
    page = app.get("/transparency/agency/nso-test", headers={"Authorization": admin["token"]}).body
    assert CLEAN_URL in page
    for secret in SECRETS:
        assert secret not in page
    rows = app.post("/api/3/action/opengov_transparency_harvest", json={"agency": "nso-test"},
                    headers={"Authorization": admin["token"]}).json["result"]["rows"]
    assert sorted(r["url"] for r in rows) == [PUBLIC, CLEAN_URL]
    # Another agency's admin is the public here.
    _assert_no_secret(app.get("/transparency/agency/nso-test",
                              headers={"Authorization": other["token"]}).body, "another agency's admin")


def test_a_source_made_private_after_the_refresh_is_no_longer_named(app, sources):
    assert "แหล่งที่มีรหัสผ่าน" in app.get("/transparency/").body  # the national figures are cached now
    model.Package.get(sources["secret"]["id"]).private = True
    model.Session.commit()
    rows = app.post("/api/3/action/opengov_transparency_harvest", json={}).json["result"]["rows"]
    assert [r["title"] for r in rows] == ["แหล่งที่ไม่มีรหัสผ่าน"]
    assert "แหล่งที่มีรหัสผ่าน" not in app.get("/transparency/").body


def test_snapshots_stored_before_the_fix_are_shown_reduced_and_scrubbed(app, sources, cli):
    earlier = str(dt.date.today() - dt.timedelta(days=3))
    assert cli.invoke(ckan_cli, ["opengov", "transparency", "refresh", "--date", earlier]).exit_code == 0
    model.Session.execute(text("UPDATE opengov_tr_harvest SET url = :url WHERE snapshot_date = :day"),
                          {"url": SECRET_URL, "day": earlier})
    model.Session.commit()
    body = app.get(f"/transparency/download/harvest.json?date={earlier}").get_data(as_text=True)
    _assert_no_secret(body, "an earlier snapshot")
    assert cli.invoke(ckan_cli, ["opengov", "transparency", "refresh"]).exit_code == 0
    stored = {r[0] for r in model.Session.execute(text("SELECT url FROM opengov_tr_harvest"))}
    assert stored == {PUBLIC}


@pytest.mark.parametrize("url, public, admin", [
    ("http://user:password@host.example/path?token=x", "http://host.example", "http://host.example"),
    ("https://user@data.example.go.th:8443/", "https://data.example.go.th:8443", "https://data.example.go.th:8443"),
    ("https://data.example.go.th/catalog.ttl?page=2", "https://data.example.go.th",
     "https://data.example.go.th/catalog.ttl?page=2"),
    ("https://x.example/api?apikey=1", "https://x.example", "https://x.example"),
    ("https://x.example/api?access_token=1", "https://x.example", "https://x.example"),
    ("https://x.example/k/ab12cd34ef56gh78ij90kl/data.csv", "https://x.example", "https://x.example"),
    ("https://x.example/dcat#access_token=xyz", "https://x.example", "https://x.example"),
    ("http://[::1]:8080/a", "http://[::1]:8080", "http://[::1]:8080/a"),
    ("javascript:alert(1)", "", ""),
    ("http://h:99999/", "", ""),
    ("", "", ""),
    (None, "", ""),
])
def test_source_url_forms(url, public, admin):
    assert source_url.public_form(url) == public
    assert source_url.admin_form(url) == admin
