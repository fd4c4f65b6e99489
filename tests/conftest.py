"""Root fixtures: every test runs with the portal's plugins against the real services."""
from __future__ import annotations

import configparser
import os
import socket
from urllib.parse import urlparse

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# tests/cluster runs against the several-machine topology (`make test-cluster` starts it and sets
# OPENGOV_CLUSTER_TESTS=1); a plain pytest run does not start a cluster behind one's back.
collect_ignore = [] if os.environ.get("OPENGOV_CLUSTER_TESTS") == "1" else ["cluster"]


def _service_urls(ini_path: str) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ini_path)
    main = parser["app:main"]
    return {
        "PostgreSQL": os.environ.get("CKAN_SQLALCHEMY_URL") or main["sqlalchemy.url"],
        "Solr": os.environ.get("CKAN_SOLR_URL") or main["solr_url"],
        "Redis": os.environ.get("CKAN_REDIS_URL") or main["ckan.redis.url"],
    }


@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session):
    """Fail the run at once, naming the service, when one of them is not there.

    No test may skip because a service is missing: `make test` starts them all.
    """
    ini = session.config.getoption("ckan_ini") or os.path.join(ROOT, "test.ini")
    missing = []
    for name, url in _service_urls(ini).items():
        parsed = urlparse(url)
        try:
            socket.create_connection((parsed.hostname, parsed.port), timeout=3).close()
        except OSError as error:
            missing.append(f"{name} at {parsed.hostname}:{parsed.port} ({error})")
    if missing:
        pytest.exit(
            "Services the tests need are not running: " + "; ".join(missing)
            + ". Run the tests with `make test`, which starts them (dev/*.sh start).",
            returncode=3,
        )


@pytest.fixture(autouse=True)
def load_portal_plugins(with_plugins):
    """The plugins test.ini lists (ours, scheming, harvest, dcat, activity) for every test."""


# Plugins whose tables CKAN's reset_db drops along with core's (it reflects every table).
PLUGINS_WITH_TABLES = ("activity", "harvest", "opengov")


@pytest.fixture
def clean_db(reset_db, migrate_db_for):
    """CKAN's clean_db, plus the migrations of the plugins that own tables, emptied.

    After the first reset CKAN deletes rows only from the tables its model defines, so rows in
    tables made by migrations alone (our snapshots) would survive into the next test.
    """
    reset_db()
    for plugin in PLUGINS_WITH_TABLES:
        migrate_db_for(plugin)
    _empty_plugin_tables()


def _empty_plugin_tables():
    import sqlalchemy as sa
    import ckan.model as model

    with model.meta.engine.begin() as conn:
        tables = [
            name for name in sa.inspect(conn).get_table_names()
            if name.startswith(("opengov_", "harvest_")) and not name.endswith("alembic_version")
        ]
        if tables:
            conn.execute(sa.text("TRUNCATE {} CASCADE".format(", ".join(f'"{t}"' for t in tables))))


@pytest.fixture
def sysadmin():
    from ckan.tests import factories

    return factories.SysadminWithToken()


def _action_over_http(app, action: str, user: dict | None, status: int, data: dict):
    headers = {"Authorization": user["token"]} if user else {}
    body = app.post(f"/api/3/action/{action}", json=data, headers=headers, status=status).json
    return body["result"] if body["success"] else body["error"]


@pytest.fixture
def api(app, sysadmin):
    """Call the Action API over HTTP as a sysadmin; returns the `result` or raises on failure."""

    def call(action: str, status: int = 200, **data):
        return _action_over_http(app, action, sysadmin, status, data)

    return call


@pytest.fixture
def call(app):
    """call(action, user or None, status=200, **data): the Action API over HTTP as `user` (a dict
    with its API token; None: anonymous); the `result`, or the `error` of a refusal. (A folder's
    own `call`, as in tests/participation, takes its place there.)"""

    def call_as(action: str, user: dict | None = None, status: int = 200, **data):
        return _action_over_http(app, action, user, status, data)

    return call_as
