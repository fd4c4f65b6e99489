"""Who may call each harvest action on the portal (issue 9, finding 8 and the table in
docs/security-harvest.md): every action ckanext-harvest registers, enumerated from its plugin,
answers each kind of caller as the table says and never with a server error; our
opengov_harvest_* actions answer bad input with a 4xx."""
from __future__ import annotations

import uuid

import pytest
from ckan.tests import factories as ckan_factories
from ckanext.harvest.plugin import _get_logic_functions

from ckanext.opengov.harvest import api as harvest_actions
from tests import factories
from tests.harvest.conftest import fault_server  # noqa: F401  (the harvest fixture)
from tests.harvest.fake_ckan import FakeCkan, ckan_record
from tests.harvest.helpers import run_job
from tests.harvest.records import agency_record

pytestmark = pytest.mark.usefixtures("clean_db", "clean_index")

# The table of docs/security-harvest.md: the least a caller must be.
ANYONE, MEMBER, ADMIN, SYSADMIN = "anyone", "agency member", "agency admin", "sysadmin"
POLICY = {
    "harvesters_info_show": ANYONE,
    "harvest_source_show": MEMBER, "harvest_source_show_status": MEMBER,
    "harvest_source_create": ADMIN, "harvest_source_update": ADMIN, "harvest_source_patch": ADMIN,
    "harvest_source_delete": ADMIN, "harvest_source_clear": ADMIN, "harvest_source_reindex": ADMIN,
    "harvest_source_index_clear": ADMIN, "harvest_source_job_history_clear": ADMIN,
    "harvest_job_create": ADMIN, "harvest_send_job_to_gather_queue": ADMIN, "harvest_job_show": ADMIN,
    "harvest_job_report": ADMIN, "harvest_job_list": ADMIN, "harvest_object_show": ADMIN,
    "harvest_object_list": ADMIN,
    "harvest_source_list": SYSADMIN, "harvest_job_abort": SYSADMIN, "harvest_jobs_run": SYSADMIN,
    "harvest_job_create_all": SYSADMIN, "harvest_objects_import": SYSADMIN, "harvest_sources_reindex": SYSADMIN,
    "harvest_sources_job_history_clear": SYSADMIN, "harvest_abort_failed_jobs": SYSADMIN,
    "harvest_object_create": SYSADMIN, "harvest_get_notifications_recipients": SYSADMIN,
    "harvest_log_list": SYSADMIN,
}
RANK = {ANYONE: 0, MEMBER: 1, ADMIN: 2, SYSADMIN: 3}


def ckanext_harvest_actions() -> list[str]:
    """The API actions ckanext-harvest's plugin registers (its own enumeration of its modules;
    the helpers and the exception class it registers by mistake are not harvest_* names and
    are answered 404 by core_guards)."""
    return sorted(n for n in _get_logic_functions("ckanext.harvest.logic.action", {}) if n.startswith("harvest"))


def test_the_table_covers_every_action_ckanext_harvest_registers():
    assert set(ckanext_harvest_actions()) == set(POLICY)


@pytest.fixture
def harvest_table_world(api, fault_server):  # noqa: F811
    users = {role: ckan_factories.UserWithToken() for role in ("admin", "editor", "member", "outsider")}
    agency = api("organization_create", **factories.agency(users=[
        {"name": users[r]["name"], "capacity": r} for r in ("admin", "editor", "member")]))
    api("organization_create", **factories.agency(users=[{"name": users["outsider"]["name"], "capacity": "admin"}]))
    record = ckan_record(agency_record("org", id=str(uuid.uuid4())))
    source_api = FakeCkan(fault_server, {record["id"]: record})
    source = api("opengov_harvest_source_create", owner_org=agency["id"], title="แหล่ง", url=source_api.url,
                 source_type="opengov_ckan")
    report = run_job(source["id"])
    object_id = next(iter(api("harvest_object_list", source_id=source["id"])))
    return dict(users, agency=agency, source=source, job_id=report["job"]["id"], object_id=object_id,
                source_url=source_api.url)


def _data(action: str, w) -> dict:
    source_id, job_id = w["source"]["id"], w["job_id"]
    by_source = {"source_id": source_id}
    return {
        "harvest_source_create": {"name": f"s-{uuid.uuid4().hex[:8]}", "url": w["source_url"] + "/new",
                                  "source_type": "opengov_ckan", "owner_org": w["agency"]["id"], "config": "{}"},
        "harvest_source_patch": {"id": source_id, "title": "แหล่ง"},
        "harvest_source_update": {"id": source_id, "title": "แหล่ง"},
        "harvest_job_create": by_source, "harvest_job_list": by_source, "harvest_object_list": by_source,
        "harvest_job_abort": by_source, "harvest_objects_import": by_source,
        "harvest_get_notifications_recipients": by_source,
        "harvest_send_job_to_gather_queue": {"id": job_id}, "harvest_job_show": {"id": job_id},
        "harvest_job_report": {"id": job_id}, "harvest_object_create": {"job_id": job_id, "guid": "x"},
        "harvest_object_show": {"id": w["object_id"]}, "harvest_abort_failed_jobs": {"life_span": 0},
    }.get(action, {"id": source_id} if "source_" in action and "sources" not in action else {})


def _post(app, action, user, data):
    headers = {"Authorization": user["token"]} if user else {}
    return app.post(f"/api/3/action/{action}", json=data, headers=headers)


# Destructive ones last, so the callers that may use them leave the others something to act on.
ORDER = sorted(POLICY, key=lambda a: (a in ("harvest_source_clear", "harvest_source_delete"), a))


def test_each_kind_of_caller_gets_what_the_table_says_and_never_a_server_error(app, harvest_table_world):
    w = harvest_table_world
    callers = [(None, 0), (w["outsider"], 0), (w["member"], 1), (w["editor"], 1), (w["admin"], 2)]
    failures = []
    for action in ORDER:
        needed = RANK[POLICY[action]]
        for user, rank in callers:
            response = _post(app, action, user, _data(action, w))
            who = user["name"] if user else "anonymous"
            if response.status_code >= 500:
                failures.append(f"{action} as {who}: {response.status_code}")
            elif rank < needed and response.status_code != 403:
                failures.append(f"{action} as {who} (rank {rank}): {response.status_code}, expected 403")
            elif rank >= needed and response.status_code == 403:
                failures.append(f"{action} as {who}: refused, the table allows it")
    assert not failures, "\n".join(failures)


def test_ckanext_harvest_calls_that_were_server_errors_get_a_4xx(app, harvest_table_world, sysadmin):
    w = harvest_table_world
    for user in (w["admin"], w["editor"]):
        assert _post(app, "harvest_job_list", user, {}).status_code == 403  # without source_id
        assert _post(app, "harvest_log_list", user, {}).status_code == 403
    assert _post(app, "harvest_job_list", sysadmin, {}).status_code == 200
    assert _post(app, "harvest_log_list", sysadmin, {"level": ["x"]}).status_code == 409
    first = _post(app, "harvest_job_create", w["admin"], {"source_id": w["source"]["id"], "run": False})
    assert first.status_code == 200
    for user in (w["admin"], sysadmin):
        again = _post(app, "harvest_job_create", user, {"source_id": w["source"]["id"]})
        assert again.status_code == 409 and again.json["error"]["source_id"], again.json
    assert _post(app, "harvest_abort_failed_jobs", sysadmin, {"life_span": "abc"}).status_code == 409


JUNK = [["a", "b"], {"a": 1}, 12, True]


def _opengov_calls(w) -> dict:
    source_id, job_id = w["source"]["id"], w["job_id"]
    return {
        "opengov_harvest_source_create": {"owner_org": w["agency"]["id"], "title": "แหล่ง",
                                          "url": w["source_url"] + "/x", "source_type": "opengov_ckan"},
        "opengov_harvest_source_update": {"id": source_id, "title": "แหล่ง"},
        "opengov_harvest_source_delete": {"id": source_id},
        "opengov_harvest_source_show": {"id": source_id},
        "opengov_harvest_source_list": {"organization": w["agency"]["id"]},
        "opengov_harvest_job_start": {"source_id": source_id, "run": False},
        "opengov_harvest_job_list": {"source_id": source_id, "limit": 5},
        "opengov_harvest_job_show": {"job_id": job_id},
    }


def test_every_opengov_harvest_action_answers_bad_input_with_a_4xx(app, harvest_table_world, sysadmin):
    w = harvest_table_world
    calls = _opengov_calls(w)
    assert set(calls) == {n for n in harvest_actions.get_actions() if n.startswith("opengov_harvest_")}
    failures = []
    for action, good in calls.items():
        bad_inputs = [dict(good, **{field: junk}) for field in good if field not in ("run", "limit")
                      for junk in JUNK]
        if "owner_org" in good:
            bad_inputs.append(dict(good, owner_org="no-such-agency"))
        if "organization" in good:
            bad_inputs.append(dict(good, organization="no-such-agency"))
        if "limit" in good:
            bad_inputs += [dict(good, limit=v) for v in ("abc", -1, 0, 10**9, 1.5, ["5"], True)]
        for data in bad_inputs:
            for user in (sysadmin, w["admin"]):
                response = _post(app, action, user, data)
                if not 400 <= response.status_code < 500:
                    failures.append(f"{action} {data} as {user['name']}: {response.status_code}")
                elif user is sysadmin and response.status_code != 409:  # past the access check
                    failures.append(f"{action} {data} as sysadmin: {response.status_code}, expected 409")
    assert not failures, "\n".join(failures)


def test_bad_input_errors_name_the_field_in_thai_and_english(app, harvest_table_world, sysadmin):
    w = harvest_table_world
    error = _post(app, "opengov_harvest_job_list", sysadmin, {"source_id": w["source"]["id"], "limit": "abc"}).json
    assert "1000" in error["error"]["limit"][0]
    error = _post(app, "opengov_harvest_source_create", sysadmin,
                  dict(_opengov_calls(w)["opengov_harvest_source_create"], owner_org="no-such-agency")).json
    assert "agency" in error["error"]["owner_org"][0]
    error = _post(app, "opengov_harvest_source_show", sysadmin, {"id": ["a"]}).json
    assert "single text value" in error["error"]["id"][0]
