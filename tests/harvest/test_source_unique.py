"""One harvest source per URL and configuration: refused in Thai and English, checked in one query."""
from __future__ import annotations

import ckan.model as model
import pytest
import sqlalchemy as sa

from ckanext.opengov.harvest.source_unique import is_taken, unique_source_url
from tests.harvest.helpers import new_source

pytestmark = pytest.mark.usefixtures("clean_db", "clean_index")


@pytest.mark.parametrize("spelling", ["{url}", "{url}/", "{url}?page=2", "{url}#top"])
def test_the_same_catalog_registered_twice_is_refused_in_thai_and_english(call, people, fault_server, spelling):
    url = fault_server.base + "/catalog"
    call("opengov_harvest_source_create", people["alice"], **new_source(people["a"], url))

    error = call("opengov_harvest_source_create", people["alice"], status=409,
                 **new_source(people["a"], spelling.format(url=url)))

    assert "ลงทะเบียนไว้แล้ว" in error["url"][0] and "already registered" in error["url"][0]


def test_another_configuration_or_path_is_another_source_and_a_source_keeps_its_own_url(call, people, fault_server):
    url = fault_server.base + "/catalog"
    first = call("opengov_harvest_source_create", people["alice"], **new_source(people["a"], url))
    call("opengov_harvest_source_create", people["alice"], config='{"agencies": "source"}', name="catalog-by-source",
         **new_source(people["a"], url))
    call("opengov_harvest_source_create", people["alice"], **new_source(people["a"], url + "/other"))

    updated = call("opengov_harvest_source_update", people["alice"], **new_source(people["a"], url),
                   id=first["id"], frequency="WEEKLY")

    assert updated["frequency"] == "WEEKLY"


def test_ports_and_trailing_slashes_compare_as_ckanext_harvest_normalizes_them():
    stored = [("http://agency.example/catalog/", None), ("https://other.example:8443/api", '{"a": 1}')]
    assert is_taken("http://agency.example:80/catalog", None, stored)
    assert is_taken("https://other.example:8443/api?x=1", '{"a": 1}', stored)
    assert not is_taken("https://agency.example/catalog", None, stored)
    assert not is_taken("https://other.example:8443/api", None, stored)
    assert is_taken("https://other.example:8443/api", '{ "a":1 }', stored)  # the same JSON, spaced otherwise
    assert is_taken("http://agency.example/catalog", "", stored) and is_taken("http://agency.example/catalog", " ", stored)


def test_the_check_is_one_query_however_many_sources_exist(call, people, fault_server, app):
    for n in range(5):
        call("opengov_harvest_source_create", people["alice"], **new_source(people["a"], fault_server.base + f"/c{n}"))
    statements = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    key = ("url",)
    with app.flask_app.test_request_context():
        sa.event.listen(model.meta.engine, "before_cursor_execute", listener)
        try:
            unique_source_url(key, {key: fault_server.base + "/new", ("config",): None}, {}, {})
        finally:
            sa.event.remove(model.meta.engine, "before_cursor_execute", listener)

    assert len(statements) == 1
