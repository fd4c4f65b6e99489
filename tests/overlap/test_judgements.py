"""Agencies judge pairs on /transparency/overlap: stored, shown, respected by the next refresh,
counted on both scorecards; only the agencies that hold the pair may judge (real services)."""
from __future__ import annotations

import pytest
from ckan.cli.cli import ckan as ckan_cli
from ckan.tests import factories as ckan_factories

from tests.factories import agency, tgdc_dataset


@pytest.fixture
def portal(clean_db, clean_index, api, cli):
    users = {r: ckan_factories.UserWithToken() for r in ("admin_a", "editor_b", "admin_c", "member_a")}
    a = api("organization_create", **agency(name="nso-x", title="สำนักงานสถิติทดสอบ", users=[
        {"name": users["admin_a"]["name"], "capacity": "admin"},
        {"name": users["member_a"]["name"], "capacity": "member"}]))
    b = api("organization_create", **agency(name="dopa-x", title="กรมการปกครองทดสอบ", users=[
        {"name": users["editor_b"]["name"], "capacity": "editor"}]))
    c = api("organization_create", **agency(name="tmd-x", title="กรมอุตุนิยมวิทยาทดสอบ", users=[
        {"name": users["admin_c"]["name"], "capacity": "admin"}]))
    ds = {
        "a_pop": api("package_create", **tgdc_dataset(a["id"], name="a-pop", title="สถิติจำนวนประชากรรายจังหวัด พ.ศ. 2565 สำนักงานสถิติทดสอบ")),
        "b_pop": api("package_create", **tgdc_dataset(b["id"], name="b-pop", title="จำนวนประชากร จำแนกตามจังหวัด (2567)")),
        "b_rain": api("package_create", **tgdc_dataset(b["id"], name="b-rain", title="ปริมาณน้ำฝนรายวัน", notes="ฝน")),
        "c_rain_private": api("package_create", **tgdc_dataset(
            c["id"], name="c-secret", private=True, title="สถิติจำนวนประชากรรายจังหวัด ลับ",
            data_category="ข้อมูลส่วนบุคคล", data_classification="ลับ")),
    }

    def refresh():
        result = cli.invoke(ckan_cli, ["opengov", "transparency", "refresh"])
        assert result.exit_code == 0, result.output

    refresh()
    return {"users": users, "a": a, "b": b, "c": c, "ds": ds, "refresh": refresh}


def _judge(app, user, a, b, verdict, note="", status=200):
    headers = {"Authorization": user["token"]} if user else {}
    return app.post("/api/3/action/opengov_overlap_judge", headers=headers, status=status,
                    json={"package_a": a, "package_b": b, "verdict": verdict, "note": note})


def test_pair_is_shown_with_why_and_never_names_classified_data(app, portal):
    page = app.get("/transparency/overlap").get_data(as_text=True)
    assert "a-pop" in page and "b-pop" in page and "ประชากร" in page
    assert "opengov-tr-why" in page and "c-secret" not in page and "b-rain" not in page
    # no judging form for the public
    assert "opengov-tr-judge" not in page


def test_not_a_duplicate_is_stored_shown_and_respected_by_the_next_refresh(app, portal):
    ds, users = portal["ds"], portal["users"]
    # the judging form is offered to the agencies that hold the pair
    page = app.get("/transparency/overlap", headers={"Authorization": users["editor_b"]["token"]})
    assert "opengov-tr-judge" in page.get_data(as_text=True)
    response = app.post("/transparency/overlap/judge", headers={"Authorization": users["editor_b"]["token"]},
                        data={"package_a": ds["b_pop"]["id"], "package_b": ds["a_pop"]["id"],
                              "verdict": "not_duplicate", "note": "ทะเบียนราษฎร ไม่ใช่สำมะโน"},
                        follow_redirects=False)
    assert response.status_code == 302
    listed = app.post("/api/3/action/opengov_overlap_judgement_list", json={}).json["result"]
    assert [(j["verdict"], j["note"]) for j in listed] == [("not_duplicate", "ทะเบียนราษฎร ไม่ใช่สำมะโน")]
    page = app.get("/transparency/overlap").get_data(as_text=True)
    assert "ทะเบียนราษฎร ไม่ใช่สำมะโน" in page  # shown at once, before the refresh
    card = app.get("/transparency/agency/nso-x").get_data(as_text=True)
    assert "tr-duplicates" in card
    portal["refresh"]()
    page = app.get("/transparency/overlap").get_data(as_text=True)
    assert "a-pop" not in page  # not shown as a duplicate again


def test_confirmed_pair_stays_even_when_the_method_would_not_find_it(app, portal):
    ds, users = portal["ds"], portal["users"]
    _judge(app, users["admin_a"], ds["a_pop"]["id"], ds["b_rain"]["name"], "duplicate", "ใช่")
    portal["refresh"]()
    page = app.get("/transparency/overlap").get_data(as_text=True)
    assert "b-rain" in page and "opengov-tr-verdict" in page
    card = app.get("/transparency/agency/dopa-x").get_data(as_text=True)
    assert "1 confirmed" in card or "ยืนยัน" in card


def test_only_the_agencies_holding_the_pair_may_judge(app, portal):
    ds, users = portal["ds"], portal["users"]
    a, b = ds["a_pop"]["id"], ds["b_pop"]["id"]
    _judge(app, users["admin_c"], a, b, "duplicate", status=403)   # another agency's admin
    _judge(app, users["member_a"], a, b, "duplicate", status=403)  # a member cannot edit
    _judge(app, None, a, b, "duplicate", status=403)
    response = app.post("/transparency/overlap/judge", headers={"Authorization": users["admin_c"]["token"]},
                        data={"package_a": a, "package_b": b, "verdict": "duplicate"})
    assert response.status_code == 403
    listed = app.post("/api/3/action/opengov_overlap_judgement_list", json={}).json["result"]
    assert listed == []  # nothing stored


@pytest.mark.parametrize("data", [
    {"verdict": "maybe"}, {"package_b": "no-such-dataset"}, {"note": "ก" * 1001}, {"extra": 1},
    {"package_b": None},
])
def test_bad_input_is_a_clear_4xx_and_stores_nothing(app, portal, data):
    ds, users = portal["ds"], portal["users"]
    body = {"package_a": ds["a_pop"]["id"], "package_b": ds["b_pop"]["id"], "verdict": "duplicate", **data}
    body = {k: v for k, v in body.items() if v is not None}
    response = app.post("/api/3/action/opengov_overlap_judge", json=body,
                        headers={"Authorization": users["admin_a"]["token"]})
    assert response.status_code in (400, 409), response.get_data(as_text=True)
    assert app.post("/api/3/action/opengov_overlap_judgement_list", json={}).json["result"] == []


def test_a_pair_inside_one_agency_is_refused(app, portal):
    ds, users = portal["ds"], portal["users"]
    response = _judge(app, users["editor_b"], ds["b_pop"]["id"], ds["b_rain"]["id"], "duplicate", status=409)
    assert "agency" in response.get_data(as_text=True)
