"""Only the portal's operators register agencies and categories: a logged-in person cannot
publish under an agency (or a TGDC category) of their own making, by the API or by the form."""
from __future__ import annotations

import pytest
from ckan import model
from ckan.tests import factories as ckan_factories

from tests.factories import agency

pytestmark = pytest.mark.usefixtures("clean_db")


@pytest.mark.parametrize("action", ["organization_create", "group_create"])
def test_a_registered_user_cannot_create_an_agency_or_a_category(app, action):
    user = ckan_factories.UserWithToken()
    record = agency(name="krom-of-my-own", title="กรมที่ตั้งเอง")
    answer = app.post(f"/api/3/action/{action}", json=record,
                      headers={"Authorization": user["token"]}, status=403)
    assert answer.json["success"] is False
    model.Session.remove()
    assert model.Group.get("krom-of-my-own") is None

    form = app.get(f"/{'organization' if action.startswith('organization') else 'group'}/new",
                   headers={"Authorization": user["token"]}, status=403)
    assert form.status_code == 403


def test_a_sysadmin_registers_an_agency(app):
    sysadmin = ckan_factories.SysadminWithToken()
    answer = app.post("/api/3/action/organization_create", json=agency(name="krom-registered"),
                      headers={"Authorization": sysadmin["token"]})
    assert answer.json["success"] is True
