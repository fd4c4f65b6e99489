"""Reads that named private and classified datasets' content to outsiders: their keywords
(tag_list, tag_search, tag_autocomplete, the form's keyword box), their ids (member_list) and
their number (organization_list, group_list). Outsiders see only what they may read."""
from __future__ import annotations

import json

import pytest

from tests.security.conftest import OPEN_TAG, SECRET_TAG

pytestmark = pytest.mark.usefixtures("clean_db", "clean_index")

SECRET_WORD = SECRET_TAG[:5]


def _outsiders(world):
    return [("anonymous", None), ("another agency", world["outsider"])]


def test_tag_reads_hide_keywords_of_classified_datasets(gate_world, gate_call, app):
    for who, user in _outsiders(gate_world):
        names = gate_call("tag_list", user)["result"]
        assert OPEN_TAG in names and SECRET_TAG not in names, who
        full = gate_call("tag_list", user, all_fields=True)["result"]
        assert {t["name"] for t in full} >= {OPEN_TAG} and SECRET_TAG not in json.dumps(full, ensure_ascii=False)
        assert gate_call("tag_list", user, query=SECRET_WORD)["result"] == [], who
        found = gate_call("tag_search", user, query=SECRET_WORD)["result"]
        assert found == {"count": 0, "results": []}, who
        assert gate_call("tag_autocomplete", user, q=SECRET_WORD)["result"] == [], who
        headers = {"Authorization": user["token"]} if user else {}
        box = app.get("/api/2/util/tag/autocomplete", query_string={"incomplete": SECRET_WORD}, headers=headers)
        assert SECRET_TAG not in box.body, who
    # A shared word is still found through the open dataset.
    assert gate_call("tag_autocomplete", None, q=OPEN_TAG[:4])["result"] == [OPEN_TAG]


def test_the_owning_agency_and_sysadmins_still_see_their_keywords(gate_world, gate_call, sysadmin):
    for user in (gate_world["editor"], sysadmin):
        assert SECRET_TAG in gate_call("tag_list", user)["result"]
        assert gate_call("tag_search", user, query=SECRET_WORD)["result"]["count"] == 1
        assert gate_call("tag_autocomplete", user, q=SECRET_WORD)["result"] == [SECRET_TAG]


def test_tag_search_counts_and_pages_only_readable_tags(api, gate_world, gate_call):
    open_tags = [f"{SECRET_WORD}{n}ก" for n in range(3)]
    api("package_patch", id=gate_world["open"]["id"], tag_string=",".join([OPEN_TAG, *open_tags]))
    api("package_patch", id=gate_world["secret"]["id"], tag_string=f"{SECRET_TAG},{SECRET_WORD}x1,{SECRET_WORD}x2")
    everything = gate_call("tag_search", None, query=SECRET_WORD)["result"]
    assert sorted(t["name"] for t in everything["results"]) == open_tags and everything["count"] == 3
    page = gate_call("tag_search", None, query=SECRET_WORD, limit=2, offset=2)["result"]
    assert page["count"] == 3 and len(page["results"]) == 1


def test_member_list_does_not_name_classified_datasets_to_outsiders(gate_world, gate_call, sysadmin):
    for container in ("org", "group"):
        for who, user in _outsiders(gate_world):
            members = gate_call("member_list", user, id=gate_world[container]["id"], object_type="package")["result"]
            ids = {m[0] for m in members}
            assert gate_world["open"]["id"] in ids and gate_world["secret"]["id"] not in ids, (container, who)
        members = gate_call("member_list", sysadmin, id=gate_world[container]["id"], object_type="package")["result"]
        assert gate_world["secret"]["id"] in {m[0] for m in members}
    members = gate_call("member_list", gate_world["editor"], id=gate_world["org"]["id"], object_type="package")
    assert gate_world["secret"]["id"] in {m[0] for m in members["result"]}


def test_agency_and_category_counts_count_only_readable_datasets(gate_world, gate_call):
    def count(action, user, name):
        listed = gate_call(action, user, all_fields=True)["result"]
        return next(g["package_count"] for g in listed if g["name"] == name)

    org, group = gate_world["org"]["name"], gate_world["group"]["name"]
    for who, user in _outsiders(gate_world):
        assert count("organization_list", user, org) == 1, who
        assert count("group_list", user, group) == 1, who
    assert count("organization_list", gate_world["editor"], org) == 2
    assert count("group_list", gate_world["editor"], group) == 2


@pytest.mark.parametrize("private", ["on", " true", "yes", "TRUE"])
def test_a_classified_dataset_sent_as_private_by_another_spelling_stays_off_every_public_list(
        api, app, gate_call, private):
    """Issue 9: with private "on" the dataset was stored public and its title showed on the home
    page's agency box, in package_list, resource_search and the agency's count on /organization."""
    from ckanext.opengov.tgdc import agencies
    from tests.factories import agency, tgdc_dataset

    org = api("organization_create", **agency())
    record = tgdc_dataset(org["id"], title="บัญชีผู้ต้องสงสัยลับ", private=private,
                          data_category="ข้อมูลความมั่นคง", data_classification="ลับที่สุด")
    record["resources"][0]["name"] = "ไฟล์รายชื่อลับ"
    api("package_create", **record)
    assert record["name"] not in gate_call("package_list")["result"]
    listed = gate_call("current_package_list_with_resources")["result"]
    assert record["name"] not in {d["name"] for d in listed}
    assert gate_call("resource_search", query="name:ไฟล์รายชื่อลับ")["result"]["count"] == 0
    assert "บัญชีผู้ต้องสงสัยลับ" not in app.get("/").body
    assert agencies.public_dataset_counts().get(org["id"], 0) == 0
    listed = gate_call("organization_list", all_fields=True)["result"]
    assert next(o["package_count"] for o in listed if o["id"] == org["id"]) == 0
