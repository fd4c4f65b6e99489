"""Fixtures shared by the security tests. Names are prefixed by owner (gate_: the classification gate)."""
from __future__ import annotations

import pytest
from ckan.tests import factories

from tests.factories import agency, tgdc_dataset

SECRET_TAG = "แผนลับพิเศษ"
SECRET_TITLE = "ทะเบียนผู้ให้ข้อมูลลับ"
OPEN_TAG = "ข้อมูลเปิดทั่วไป"


@pytest.fixture
def gate_world(api):
    """An agency with an editor, one open dataset and one classified (private) dataset, each with
    its own keyword, in a category group; and an outsider from another agency."""
    editor = factories.UserWithToken()
    outsider = factories.UserWithToken()
    org = api("organization_create", **agency(users=[{"name": editor["name"], "capacity": "editor"}]))
    api("organization_create", **agency(users=[{"name": outsider["name"], "capacity": "editor"}]))
    group = api("group_create", name="gate-category", title="หมวดทดสอบ")
    open_ = api("package_create", **tgdc_dataset(org["id"], tag_string=OPEN_TAG, groups=[{"id": group["id"]}]))
    secret = api("package_create", **tgdc_dataset(
        org["id"], title=SECRET_TITLE, tag_string=SECRET_TAG, private=True,
        data_category="ข้อมูลความมั่นคง", data_classification="ลับมาก", groups=[{"id": group["id"]}],
    ))
    return {"org": org, "group": group, "open": open_, "secret": secret, "editor": editor, "outsider": outsider}


@pytest.fixture
def gate_call(app):
    """Call an action over HTTP as someone (None: anonymous); returns the JSON body."""

    def call(action: str, user: dict | None = None, method: str = "post", status=None, **data):
        headers = {"Authorization": user["token"]} if user else {}
        if method == "get":
            response = app.get(f"/api/3/action/{action}", query_string=data, headers=headers, status=status)
        else:
            response = app.post(f"/api/3/action/{action}", json=data, headers=headers, status=status)
        return response.json

    return call


@pytest.fixture(scope="module")
def module_portal(reset_db, reset_index, migrate_db_for, reset_redis):
    """An emptied portal built once for a module that reads it many times (the authorization
    matrix, the fuzz): the app, a sysadmin, and `api(action, **data)` calling as that sysadmin.
    Emptied again afterwards: what the module left (rows, index, queued jobs) is not for others."""
    import ckan.plugins
    from ckan.tests.helpers import _get_test_app

    from tests.conftest import PLUGINS_WITH_TABLES, _empty_plugin_tables

    ckan.plugins.load_all()
    reset_db()
    reset_index()
    reset_redis()
    for plugin in PLUGINS_WITH_TABLES:
        migrate_db_for(plugin)
    _empty_plugin_tables()
    app = _get_test_app()
    sysadmin = factories.SysadminWithToken()

    def api(action, **data):
        response = app.post(f"/api/3/action/{action}", json=data, headers={"Authorization": sysadmin["token"]})
        assert response.status_code == 200, (action, response.json)
        return response.json["result"]

    yield app, sysadmin, api
    reset_db()
    reset_index()
    reset_redis()
