"""Classified data never becomes public, by any path; refused writes change nothing."""
from __future__ import annotations

import pytest

from ckanext.opengov.tgdc import classification as gate
from tests.factories import agency, tgdc_dataset

pytestmark = pytest.mark.usefixtures("clean_db", "clean_index")


@pytest.mark.parametrize(
    "category, classification, private, problem",
    [
        ("ข้อมูลสาธารณะ", "เปิดเผย", False, None),
        ("ข้อมูลสาธารณะ", "ลับ", True, "pair_not_allowed"),
        ("ข้อมูลใช้ภายใน", "ชั้นเผยแพร่ภายในองค์กร", True, None),
        ("ข้อมูลใช้ภายใน", "ชั้นเผยแพร่ภายในองค์กร", False, "classified_cannot_be_public"),
        ("ข้อมูลส่วนบุคคล", "ลับมาก", True, None),
        ("ข้อมูลส่วนบุคคล", "ลับที่สุด", True, "pair_not_allowed"),
        ("ข้อมูลความมั่นคง", "ลับที่สุด", True, None),
        ("ข้อมูลความลับทางราชการ", "เปิดเผย", False, "pair_not_allowed"),
        ("ข้อมูลความมั่นคง", None, True, "classification_required"),
    ],
)
def test_gate_rule(category, classification, private, problem):
    value = gate.effective_classification(category, classification)
    assert gate.gate_problem(category, value, private) == problem


def test_public_category_without_classification_is_stored_as_open(api):
    org = api("organization_create", **agency())
    dataset = api("package_create", **tgdc_dataset(org["id"], data_classification=""))
    assert dataset["data_classification"] == "เปิดเผย"


def test_classified_public_dataset_is_refused_in_thai_and_english_and_not_saved(api):
    org = api("organization_create", **agency())
    record = tgdc_dataset(org["id"], data_category="ข้อมูลส่วนบุคคล", data_classification="ลับ")
    error = api("package_create", status=409, **record)
    message = " ".join(error["data_classification"])
    assert "ไม่" in message or "เปิดเผย" in message
    assert "cannot be public" in message
    assert api("package_search", q=f"name:{record['name']}", include_private=True)["count"] == 0


def test_forbidden_category_pair_is_refused(api):
    org = api("organization_create", **agency())
    error = api("package_create", status=409, **tgdc_dataset(org["id"], data_classification="ลับ", private=True))
    assert "cannot be classified" in " ".join(error["data_classification"])


def test_classified_private_dataset_is_invisible_to_the_public(app, api):
    org = api("organization_create", **agency())
    record = tgdc_dataset(
        org["id"], data_category="ข้อมูลความมั่นคง", data_classification="ลับมาก", private=True,
        title="แผนที่ฐานทัพ",
    )
    api("package_create", **record)
    assert api("package_search", q="ฐานทัพ", include_private=True)["count"] == 1  # the sysadmin sees it

    anonymous = app.get("/api/3/action/package_search", query_string={"q": "ฐานทัพ"}).json["result"]
    assert anonymous["count"] == 0
    app.get(f"/dataset/{record['name']}", status=404)
    assert "แผนที่ฐานทัพ" not in app.get("/dataset/").body
    assert "แผนที่ฐานทัพ" not in app.get("/catalog.ttl").body
    assert "แผนที่ฐานทัพ" not in app.get("/feeds/dataset.atom").body
    for action in ("organization_activity_list", "recently_changed_packages_activity_list"):
        response = app.get(f"/api/3/action/{action}", query_string={"id": org["id"]})
        assert "ฐานทัพ" not in response.body, action
    assert "แผนที่ฐานทัพ" not in app.get(f"/organization/activity/{org['name']}").body
    app.get("/api/3/action/package_activity_list", query_string={"id": record["name"]}, status=403)
    assert api("package_activity_list", id=record["name"])  # its history exists, for insiders


def test_making_a_public_dataset_classified_while_public_is_refused_and_nothing_changes(api):
    org = api("organization_create", **agency())
    dataset = api("package_create", **tgdc_dataset(org["id"]))
    error = api(
        "package_patch", status=409, id=dataset["id"],
        data_category="ข้อมูลส่วนบุคคล", data_classification="ลับ",
    )
    assert set(error) == {"data_classification", "__type"}
    stored = api("package_show", id=dataset["id"])
    assert (stored["data_classification"], stored["private"]) == ("เปิดเผย", False)


def test_bulk_update_public_refuses_the_whole_batch_with_a_classified_dataset(api):
    org = api("organization_create", **agency())
    open_one = api("package_create", **tgdc_dataset(org["id"], private=True))
    secret = api("package_create", **tgdc_dataset(
        org["id"], data_category="ข้อมูลใช้ภายใน", data_classification="ชั้นเผยแพร่ภายในองค์กร", private=True,
    ))
    error = api("bulk_update_public", status=409, org_id=org["id"], datasets=[open_one["id"], secret["id"]])
    assert secret["name"] in " ".join(error["datasets"])
    assert api("package_show", id=open_one["id"])["private"] is True  # nothing changed
    assert api("package_show", id=secret["id"])["private"] is True

    api("bulk_update_public", org_id=org["id"], datasets=[open_one["id"]])
    assert api("package_show", id=open_one["id"])["private"] is False
