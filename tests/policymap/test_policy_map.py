"""The policy map: objectives, agencies and public datasets, overlaps marked; filters; input;
public data only, whoever asks."""
from __future__ import annotations

import json

import pytest

from tests.policymap.conftest import DUPLICATE_TITLE, PRIVATE_TITLE, SECRET_TITLE


def call(app, status=200, headers=None, **data):
    response = app.post("/api/3/action/opengov_policy_map", json=data, headers=headers or {}, status=status)
    return response.json


def node_ids(result) -> set[str]:
    return {n["id"] for n in result["nodes"]}


def test_anonymous_sees_objectives_agencies_datasets_and_the_overlap(app, policy_catalog):
    result = call(app)["result"]
    ids = node_ids(result)
    assert {"dataset:nso-population", "dataset:dopa-population", "dataset:dopa-villages",
            "agency:nso-test", "agency:dopa-test", "objective:ยุทธศาสตร์ชาติ",
            "objective:พันธกิจหน่วยงาน", "objective:เพื่อการให้บริการประชาชน"} <= ids
    edges = {(e["source"], e["target"], e["kind"]) for e in result["edges"]}
    assert ("objective:ยุทธศาสตร์ชาติ", "dataset:nso-population", "serves") in edges
    assert ("dataset:nso-population", "agency:nso-test", "publishes") in edges
    # The same data held by two agencies: marked between the agencies and between the datasets.
    assert ("agency:dopa-test", "agency:nso-test", "overlap") in edges
    assert ("dataset:dopa-population", "dataset:nso-population", "overlap") in edges
    assert result["agency_overlaps"] == 1
    overlapping = {n["id"] for n in result["nodes"] if n.get("overlap")}
    assert overlapping == {"dataset:nso-population", "dataset:dopa-population"}


def test_every_node_links_to_a_page_that_opens(app, policy_catalog):
    for node in call(app)["result"]["nodes"]:
        assert node["url"].startswith("/"), node
        assert app.get(node["url"], status=200), node


@pytest.mark.parametrize("role", ["anonymous", "member", "sysadmin"])
def test_private_and_classified_datasets_never_appear_whoever_asks(app, policy_catalog, sysadmin, role):
    from ckan.tests import factories

    headers = {}
    if role == "sysadmin":
        headers = {"Authorization": sysadmin["token"]}
    elif role == "member":
        user = factories.UserWithToken()
        factories.Organization  # noqa: B018  (members are added through the API below)
        app.post("/api/3/action/organization_member_create", json={
            "id": "nso-test", "username": user["name"], "role": "admin"},
            headers={"Authorization": sysadmin["token"]}, status=200)
        headers = {"Authorization": user["token"]}
    body = json.dumps(call(app, headers=headers)["result"], ensure_ascii=False)
    assert DUPLICATE_TITLE in body
    for hidden in (SECRET_TITLE, PRIVATE_TITLE, "nso-secret-salaries", "nso-draft-report"):
        assert hidden not in body
    page = app.get("/policy-map", headers=headers).body
    assert DUPLICATE_TITLE in page and SECRET_TITLE not in page and PRIVATE_TITLE not in page


def test_filters_by_ministry_objective_and_category(app, policy_catalog):
    def datasets(**filters):
        return {n["id"] for n in call(app, **filters)["result"]["nodes"] if n["kind"] == "dataset"}

    assert datasets(ministry="moi-test") == {"dataset:dopa-population", "dataset:dopa-villages"}
    assert datasets(ministry="mdes-test") == {"dataset:nso-population"}
    assert datasets(objective="เพื่อการให้บริการประชาชน") == {"dataset:dopa-villages"}
    assert datasets(category="population-cat") == {"dataset:nso-population"}
    assert datasets(ministry="moi-test", objective="ยุทธศาสตร์ชาติ") == set()


def test_the_size_is_bounded_and_says_so(app, policy_catalog):
    result = call(app, limit=1)["result"]
    assert result["datasets"] == 1 and result["total"] == 3 and result["truncated"] is True
    assert call(app, limit=10**9)["result"]["limit"] == 1000  # asking for too many gets the most we give


@pytest.mark.parametrize("data, field", [
    ({"ministry": "nso-test"}, "ministry"),  # an agency under a ministry is not a ministry
    ({"ministry": "no-such-org"}, "ministry"),
    ({"objective": "ไม่มีวัตถุประสงค์นี้"}, "objective"),
    ({"category": "nso-test"}, "category"),  # an organization is not a category
    ({"objective": ["ยุทธศาสตร์ชาติ"]}, "objective"),
    ({"limit": "many"}, "limit"),
    ({"limit": 0}, "limit"),
    ({"ministry": "x" * 5000}, "ministry"),
])
def test_bad_input_is_a_409_naming_the_field_in_thai_and_english(app, policy_catalog, data, field):
    error = call(app, status=409, **data)["error"]
    assert field in error
    assert " / " in " ".join(error[field])  # "Thai / English"


def test_the_page_in_thai_and_english_with_a_table_and_the_graph_library(app, policy_catalog):
    th = app.get("/policy-map").body
    assert "แผนที่นโยบาย" in th or "Policy map" in th
    assert 'id="opengov-policy-map"' in th and "opengov-policy-map-data" in th
    assert "<table" in th and 'href="/dataset/nso-population"' in th
    assert "policymap.js" in th or "_policymap.js" in th
    en = app.get("/en/policy-map").body
    assert "Statistics Test Office" in en and "National Strategy" in en  # title_en, objective label
    assert app.get("/policy-map", query_string={"ministry": "moi-test"}).body.count("/dataset/nso-population") == 0


@pytest.mark.parametrize("query", ["objective=nothing", "limit=abc", "ministry=a&ministry=b"])
def test_the_page_answers_bad_filters_with_400(app, policy_catalog, query):
    app.get("/policy-map?" + query, status=400)
