"""Fixtures for the DataStore tests: the real DataStore database, CKAN's own job worker on Redis,
and real HTTP servers on loopback for linked files."""
from __future__ import annotations

import io

import pytest

from tests import factories
from tests.harvest.conftest import fault_server, forbidden_servers  # noqa: F401  (re-exported fixtures)


@pytest.fixture
def clean_datastore(clean_db):
    """Every DataStore table dropped (CKAN's own fixture, which lives in its test package)."""
    from ckanext.datastore.tests.helpers import clear_db
    from ckanext.datastore.backend.postgres import get_write_engine
    from sqlalchemy import orm

    clear_db(orm.scoped_session(orm.sessionmaker(bind=get_write_engine())))


@pytest.fixture
def portal(clean_db, clean_datastore, clean_index, clean_queues, api):
    """An emptied portal with one agency."""
    return {"agency": api("organization_create", **factories.agency())}


def run_jobs() -> None:
    """What the supervised `ckan opengov jobs-worker` does, until the queue is empty."""
    from ckanext.opengov.ops import jobs_worker

    jobs_worker.InProcessWorker().work(burst=True)


@pytest.fixture
def dataset(api, portal):
    def make(private=False, **overrides):
        record = factories.tgdc_dataset(portal["agency"]["id"], private=private, resources=[], **overrides)
        if private:
            record.setdefault("data_classification", "ลับ")
        return api("package_create", **record)
    return make


@pytest.fixture
def upload(app, sysadmin):
    """resource_create with a file, as the form and the API send it (multipart)."""
    def send(package_id: str, filename: str, content: bytes, fmt: str, **fields):
        response = app.post(
            "/api/3/action/resource_create",
            data=dict({"package_id": package_id, "name": filename, "format": fmt,
                       "upload": (io.BytesIO(content), filename)}, **fields),
            headers={"Authorization": sysadmin["token"]}, content_type="multipart/form-data",
        )
        assert response.status_code == 200, response.get_data(as_text=True)
        return response.json["result"]
    return send
