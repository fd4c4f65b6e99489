"""The stack is real: PostgreSQL, Solr and Redis as dev/*.sh start them, CKAN with our plugins."""
from __future__ import annotations

import requests
import pytest

import ckan.plugins.toolkit as tk
from ckan.lib import redis as ckan_redis

from tests.factories import agency, tgdc_dataset

pytestmark = pytest.mark.usefixtures("clean_db", "clean_index")


def test_dataset_created_through_the_api_is_found_by_solr_and_shown_in_thai(app, api):
    org = api("organization_create", **agency())
    dataset = api("package_create", **tgdc_dataset(org["id"], name="population-by-province"))

    found = api("package_search", q="population-by-province")
    assert [d["name"] for d in found["results"]] == ["population-by-province"]
    assert found["results"][0]["organization"]["title"] == "สำนักงานสถิติแห่งชาติ"

    page = app.get(f"/dataset/{dataset['name']}")
    assert '<html lang="th"' in page.body
    assert "สถิติจำนวนประชากรรายจังหวัด" in page.body
    assert "ข้อมูลและทรัพยากร" in page.body  # CKAN's "Data and Resources", in Thai


def test_thai_tags_with_vowel_and_tone_marks_are_accepted(api):
    org = api("organization_create", **agency())
    tags = "สิ่งแวดล้อม,น้ำ,ผู้สูงอายุ,ข้าว"
    dataset = api("package_create", **tgdc_dataset(org["id"], tag_string=tags))
    assert sorted(t["name"] for t in dataset["tags"]) == sorted(tags.split(","))


def test_tags_with_markup_or_control_characters_are_refused(api):
    org = api("organization_create", **agency())
    error = api("package_create", status=409, **tgdc_dataset(org["id"], tag_string="<script>"))
    message = " ".join(error["tag_string"])
    # One message, in Thai and in English.
    assert "คำสำคัญ" in message and "may contain only letters" in message, message
    error = api("package_create", status=409, **tgdc_dataset(org["id"], tag_string="น้ำ\x07"))
    assert "อักขระควบคุม" in " ".join(error["tag_string"]) and "control characters" in " ".join(error["tag_string"])


def test_harvest_source_created_through_the_api_is_listed_to_its_agency_only(app, api, sysadmin):
    org = api("organization_create", **agency())
    source = api(
        "harvest_source_create",
        name="nso-catalog", title="แคตตาล็อกข้อมูล สสช.",
        url="http://127.0.0.1:9/catalog", source_type="opengov_ckan", owner_org=org["id"],
    )
    listed = api("harvest_source_list")
    assert [s["id"] for s in listed] == [source["id"]]
    assert "แคตตาล็อกข้อมูล สสช." in app.get("/harvest", headers={"Authorization": sysadmin["token"]}).body
    # A source's URL may hold credentials: the public does not see sources at all.
    assert "แคตตาล็อกข้อมูล สสช." not in app.get("/harvest").body


def test_solr_is_the_core_the_scripts_started(api):
    solr_url = tk.config["solr_url"]
    assert solr_url.startswith("http://127.0.0.1:") and solr_url.endswith("/solr/ckan_test")
    info = requests.get(solr_url.rsplit("/", 1)[0] + "/admin/info/system", params={"wt": "json"}, timeout=10).json()
    assert info["lucene"]["solr-spec-version"].startswith("9.")

    org = api("organization_create", **agency())
    api("package_create", **tgdc_dataset(org["id"], name="solr-direct"))
    docs = requests.get(f"{solr_url}/select", params={"q": "name:solr-direct", "wt": "json"}, timeout=10).json()
    assert docs["response"]["numFound"] == 1
    assert docs["response"]["docs"][0]["site_id"] == "opengov_test"


def test_redis_is_the_server_the_scripts_started():
    conn = ckan_redis.connect_to_redis()
    info = conn.info("server")
    assert conn.connection_pool.connection_kwargs["host"] == "127.0.0.1"
    assert info["tcp_port"] == conn.connection_pool.connection_kwargs["port"]
    assert conn.config_get("dir")["dir"].endswith("/.dev/redis")

    job = tk.enqueue_job(sorted, [[3, 1, 2]], title="opengov smoke job")
    try:
        assert conn.exists(f"rq:job:{job.id}") == 1
    finally:
        job.delete()


def test_package_patch_keeps_tags_and_needs_no_tag_string(api):
    org = api("organization_create", **agency())
    dataset = api("package_create", **tgdc_dataset(org["id"], tag_string="น้ำ,ข้าว"))
    patched = api("package_patch", id=dataset["id"], title="ชื่อใหม่")
    assert patched["title"] == "ชื่อใหม่"
    assert sorted(t["name"] for t in patched["tags"]) == ["ข้าว", "น้ำ"]


def test_keywords_are_required(api):
    org = api("organization_create", **agency())
    error = api("package_create", status=409, **tgdc_dataset(org["id"], tag_string=""))
    assert "keyword" in " ".join(error["tag_string"])


def test_language_switch_keeps_every_search_filter(app):
    page = app.get("/dataset/?tags=น้ำ&tags=ข้าว&q=ฝน").body
    switch = page[page.index('class="opengov-lang-switch"'):][:400]
    assert "/en/dataset" in switch
    assert switch.count("tags=") == 2, switch
