"""The Cache-Control the app gives nginx: public answers carry a bounded stale-while-revalidate
(ckanext.opengov.cache_stale_seconds), answers to a person stay private. The live site's side
(nginx serving the stale copy, and not past the bound) is in test_leak_scan.py."""
from __future__ import annotations

import pytest

from ckanext.opengov.web.cache import with_stale_while_revalidate

# As deployed (dev/ckan.ini.in); test.ini leaves CKAN's page cache off.
pytestmark = [pytest.mark.usefixtures("clean_db", "clean_index"),
              pytest.mark.ckan_config("ckan.cache_enabled", "true"),
              pytest.mark.ckan_config("ckan.cache_expires", "60")]


@pytest.mark.parametrize("path", ["/dataset/", "/api/3/action/package_search?q=จังหวัด", "/transparency"])
def test_public_answers_announce_a_bounded_stale_window(app, path):
    response = app.get(path)
    assert response.status_code == 200
    directives = [d.strip() for d in response.headers["Cache-Control"].split(",")]
    assert "public" in directives and any(d.startswith("max-age=") for d in directives), directives
    assert "stale-while-revalidate=10" in directives  # the declared default
    assert "must-revalidate" not in directives  # it would forbid any stale copy


@pytest.mark.ckan_config("ckanext.opengov.cache_stale_seconds", "0")
def test_zero_keeps_ckans_own_header(app):
    directives = [d.strip() for d in app.get("/dataset/").headers["Cache-Control"].split(",")]
    assert "must-revalidate" in directives
    assert not any(d.startswith("stale-while-revalidate") for d in directives)


def test_pages_of_a_person_get_no_stale_window(app):
    """(Every answer to a request naming a person is `private, no-store` at nginx, whatever the
    app says: dev/nginx.conf.in.)"""
    from ckan.tests import factories

    user = factories.UserWithToken()
    response = app.get("/dataset/", headers={"Authorization": user["token"]})
    assert response.headers.get("Cache-Control") == "private"


@pytest.mark.parametrize("header, expected", [
    ("public, max-age=60, must-revalidate", "public, max-age=60, stale-while-revalidate=7"),
    ("public, max-age=60, stale-while-revalidate=600", "public, max-age=60, stale-while-revalidate=7"),
    ("private", "private"),
    ("public, max-age=60, no-store", "public, max-age=60, no-store"),
    ("public", "public"),
])
def test_only_public_answers_with_a_max_age_get_the_window(header, expected):
    assert with_stale_while_revalidate(header, 7) == expected
