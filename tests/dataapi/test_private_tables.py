"""A private (or classified) dataset's table is read by no outsider, through any action or page
that DataStore, xloader or we register: each is enumerated, none is listed by hand."""
from __future__ import annotations

import pytest

from ckan.tests import factories as ckan_factories
from tests.dataapi.conftest import run_jobs

pytestmark = pytest.mark.usefixtures("portal")

SECRET = "ความลับ-7f3a"
TABLE = f"รหัส,รายละเอียด\n1,{SECRET}\n".encode("utf-8")
FAMILIES = ("datastore_", "xloader_")
BLUEPRINTS = ("datastore", "xloader", "opengov_dataapi")


@pytest.fixture
def tables(dataset, upload):
    private = dataset(private=True)
    public = dataset()
    hidden = upload(private["id"], "secret.csv", TABLE, "CSV")
    shown = upload(public["id"], "open.csv", "รหัส,รายละเอียด\n1,เปิดเผย\n".encode(), "CSV")
    run_jobs()
    return {"private": (private, hidden), "public": (public, shown)}


def _arguments(resource_id: str) -> dict:
    """Enough for any DataStore/xloader action to reach its check on the resource."""
    return {"resource_id": resource_id, "id": resource_id, "sql": f'SELECT * FROM "{resource_id}"',
            "records": [{"รหัส": 2, "รายละเอียด": "x"}], "force": True, "filters": {},
            "name": "f", "definition": "BEGIN RETURN NEW; END;", "rettype": "trigger",
            "status": "complete", "metadata": {"resource_id": resource_id}}


def _actions() -> list[str]:
    import ckan.logic as logic

    logic.clear_actions_cache()
    logic.get_action("package_show")
    return sorted(n for n in logic._actions if n.startswith(FAMILIES))


def _routes(app) -> list[str]:
    flask_app = app.flask_app
    return sorted({r.rule for r in flask_app.url_map.iter_rules()
                   if r.endpoint.split(".")[0] in BLUEPRINTS and "<resource_id>" in r.rule})


def _fill(rule: str, package: dict, resource: dict) -> str:
    return (rule.replace("<id>", package["name"]).replace("<resource_id>", resource["id"])
            .replace("<fmt>", "csv").replace("<target>", "csv"))


def test_every_datastore_action_refuses_outsiders_a_private_table(app, tables):
    names = _actions()
    assert {"datastore_search", "datastore_search_sql", "datastore_info", "datastore_create",
            "xloader_submit", "xloader_status"} <= set(names)
    _, hidden = tables["private"]
    outsider = ckan_factories.UserWithToken()
    leaks = []
    for name in names:
        for who, headers in (("anonymous", {}), ("a user of no agency", {"Authorization": outsider["token"]})):
            response = app.post(f"/api/3/action/{name}", json=_arguments(hidden["id"]), headers=headers)
            body = response.get_data(as_text=True)
            if response.status_code == 200 or SECRET in body:
                leaks.append(f"{name} as {who}: {response.status_code}")
    assert not leaks, leaks


def test_every_datastore_page_refuses_outsiders_a_private_table(app, tables):
    package, hidden = tables["private"]
    routes = _routes(app)
    assert "/datastore/dump/<resource_id>" in routes
    leaks = []
    for rule in routes:
        response = app.get(_fill(rule, package, hidden), follow_redirects=False)
        body = response.get_data(as_text=True)
        if response.status_code == 200 or SECRET in body:
            leaks.append(f"{rule}: {response.status_code}")
    assert not leaks, leaks


def test_the_public_table_is_open_to_all(app, tables):
    """The same calls on a public table answer, so the refusals above are about privacy."""
    package, shown = tables["public"]
    for name, data in (("datastore_search", {"resource_id": shown["id"]}), ("datastore_info", {"id": shown["id"]}),
                       ("datastore_search_sql", {"sql": f'SELECT * FROM "{shown["id"]}"'})):
        response = app.post(f"/api/3/action/{name}", json=data)
        assert response.status_code == 200, (name, response.get_data(as_text=True)[:300])
    assert "เปิดเผย" in app.get(f"/datastore/dump/{shown['id']}").get_data(as_text=True)
    assert "เปิดเผย" in app.get(f"/dataset/{package['name']}/resource/{shown['id']}/table.csv").get_data(as_text=True)


def test_sql_cannot_reach_a_private_table_through_a_public_one(app, tables):
    _, hidden = tables["private"]
    _, shown = tables["public"]
    sql = f'SELECT * FROM "{shown["id"]}" UNION ALL SELECT * FROM "{hidden["id"]}"'
    response = app.post("/api/3/action/datastore_search_sql", json={"sql": sql})
    assert response.status_code == 403 and SECRET not in response.get_data(as_text=True)
