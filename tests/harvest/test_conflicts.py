"""A record whose id is already a dataset here that this source does not own is refused with a
message naming the owner, and that dataset stays as it was (the same rule as
test_agency_ckan.py's, without the agency CKAN fixture, so it runs wherever the import changes)."""
from __future__ import annotations

import uuid

import ckan.model as model
import ckan.plugins.toolkit as tk
import pytest

from tests import factories
from tests.harvest.fake_ckan import FakeCkan, ckan_record
from tests.harvest.helpers import create_source, object_error_messages, run_job, sysadmin_context
from tests.harvest.records import agency_record

pytestmark = [pytest.mark.usefixtures("clean_db", "clean_index")]


def test_a_record_owned_by_another_source_or_made_here_is_refused_and_left_untouched(fault_server):
    record = ckan_record(agency_record("org", id=str(uuid.uuid4())))
    made_here = ckan_record(agency_record("org", id=str(uuid.uuid4())))
    FakeCkan(fault_server, {record["id"]: record, made_here["id"]: made_here})
    agency = tk.get_action("organization_create")(sysadmin_context(), factories.agency())
    first = create_source(fault_server.base, agency["id"])
    assert run_job(first["id"])["stats"].get("added") == 2
    title = model.Package.get(record["id"]).title
    # One of them then becomes a dataset this source no longer owns: made on the portal.
    tk.get_action("dataset_purge")(sysadmin_context(), {"id": made_here["id"]})
    tk.get_action("package_create")(sysadmin_context(), factories.tgdc_dataset(
        agency["id"], id=made_here["id"], name="made-here"))

    # The same catalog registered again as another source (another configuration).
    second = create_source(fault_server.base, agency["id"], config={"page_size": 50})
    report = run_job(second["id"])

    assert report["stats"].get("added", 0) == 0 and report["stats"].get("errored") == 2, report
    messages = sorted(object_error_messages(report))
    assert len(messages) == 2 and all("already exists here and belongs to" in m for m in messages), messages
    assert sum(first["name"] in m for m in messages) == 1
    assert sum("a dataset made on this portal" in m for m in messages) == 1
    assert model.Package.get(record["id"]).title == title
    assert model.Package.get(made_here["id"]).name == "made-here"
