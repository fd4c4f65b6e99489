"""Fixtures for harvest tests: real HTTP servers on loopback only."""
from __future__ import annotations

import socket

import pytest
import sqlalchemy as sa
from ckan.tests import factories as ckan_factories

from tests import factories
from tests.harvest.fault_server import FaultServer


@pytest.fixture
def fault_server():
    server = FaultServer("127.0.0.1").start()
    yield server
    server.stop()


@pytest.fixture
def forbidden_servers():
    """Servers on loopback addresses left out of the allow-list (stand-ins for private targets).

    They record every request, so a test can show the guard never connected to them.
    """
    servers = [FaultServer("127.0.0.2").start()]
    if socket.has_ipv6:
        servers.append(FaultServer("::1", socket.AF_INET6).start())
    for server in servers:
        server.route("/secret", lambda h: h.send(200, b"metadata-credentials"))
    yield servers
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def agency_ckan(tmp_path_factory, pytestconfig):
    """A second real CKAN (the agency's catalog) on 127.0.0.1, for the whole session."""
    import os

    from tests.conftest import ROOT, _service_urls
    from tests.harvest.agency_ckan.instance import AgencyCkan

    urls = _service_urls(pytestconfig.getoption("ckan_ini") or os.path.join(ROOT, "test.ini"))
    port = os.environ.get("OPENGOV_AGENCY_CKAN_PORT") or str(int(os.environ.get("OPENGOV_CKAN_PORT", "5000")) + 1)
    instance = AgencyCkan(str(tmp_path_factory.mktemp("agency-ckan")), int(port),
                          urls["PostgreSQL"], urls["Solr"], urls["Redis"])
    instance.start()
    yield instance
    instance.stop()


@pytest.fixture(autouse=True)
def every_harvest_error_has_a_message():
    """After every harvest test: no harvest object it made is counted as `errored` without a
    message (a job report saying "errored: 15" and nothing else is what operators cannot act on)."""
    import ckan.model as model

    started = model.Session.execute(sa.text("SELECT timezone('utc', now())")).scalar()
    model.Session.remove()
    yield
    model.Session.remove()
    silent = model.Session.execute(sa.text(
        "SELECT o.guid FROM harvest_object o WHERE o.gathered >= :started AND o.report_status = 'errored' "
        "AND NOT EXISTS (SELECT 1 FROM harvest_object_error e WHERE e.harvest_object_id = o.id "
        "AND e.message <> '')"), {"started": started}).scalars().all()
    model.Session.remove()
    assert silent == [], f"harvest objects errored without a message: {silent[:5]}"


@pytest.fixture
def people(api):
    """Alice admins agency a (Ed edits it), Bob admins agency b; each has an API token."""
    alice, bob, ed = (ckan_factories.UserWithToken() for _ in range(3))
    agency_a = api("organization_create", **factories.agency(users=[
        {"name": alice["name"], "capacity": "admin"}, {"name": ed["name"], "capacity": "editor"}]))
    agency_b = api("organization_create", **factories.agency(users=[{"name": bob["name"], "capacity": "admin"}]))
    return {"alice": alice, "bob": bob, "ed": ed, "a": agency_a, "b": agency_b}
