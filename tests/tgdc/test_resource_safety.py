"""Values a browser would run or Solr cannot index are refused on write, with a bilingual 409:
script URL schemes in resource links, markup in formats, over-long free text."""
from __future__ import annotations

import pytest

from ckanext.opengov.tgdc import lengths, markup
from tests.factories import agency, tgdc_dataset

pytestmark = pytest.mark.usefixtures("clean_db", "clean_index")

SCRIPT_URLS = [
    "javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)",
    "&#106;avascript:alert(1)", "&#x6A;avascript:alert(1)", "&amp;#106;avascript:alert(1)",
    "jav&#x09;ascript:alert(1)", "java\u200bscript:alert(1)", "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)", "file:///etc/passwd",
]
SAFE_URLS = ["http://127.0.0.1:9/a.csv", "HTTPS://127.0.0.1/a.csv", "ftp://127.0.0.1/a.csv", "a.csv", ""]


@pytest.mark.parametrize("url", SCRIPT_URLS)
def test_script_schemes_are_found_however_spelled(url):
    assert markup.url_scheme_problem(url) == "scheme"


@pytest.mark.parametrize("url", SAFE_URLS)
def test_web_links_and_file_names_pass(url):
    assert markup.url_scheme_problem(url) is None


@pytest.mark.parametrize("url", SCRIPT_URLS[:6] + SCRIPT_URLS[9:11])
def test_a_script_link_is_refused_on_every_resource_write(api, url):
    org = api("organization_create", **agency())
    record = tgdc_dataset(org["id"])
    record["resources"][0]["url"] = url
    assert "http" in " ".join(api("package_create", status=409, **record)["resources"][0]["url"])
    dataset = api("package_create", **tgdc_dataset(org["id"]))
    resource = dataset["resources"][0]
    api("resource_create", status=409, package_id=dataset["id"], name="x", format="CSV", url=url)
    api("resource_patch", status=409, id=resource["id"], url=url)
    api("resource_update", status=409, **{**resource, "url": url})
    assert api("package_show", id=dataset["id"])["resources"][0]["url"] == resource["url"]


@pytest.mark.parametrize("fmt", ['<img src=x onerror=alert(1)>', 'CSV"><script>', "CSV'", "`x`", "<b>CSV</b>"])
def test_markup_in_a_format_is_refused(api, fmt):
    org = api("organization_create", **agency())
    dataset = api("package_create", **tgdc_dataset(org["id"]))
    error = api("resource_create", status=409, package_id=dataset["id"], name="x", format=fmt,
                url="http://127.0.0.1:9/x.csv")
    assert "CSV" in " ".join(error["format"])
    assert fmt not in str(api("format_autocomplete", q="CSV"))


@pytest.mark.parametrize("field, limit", [
    ("title", 500), ("notes", 8000), ("maintainer", 500), ("data_source", 1000), ("url", 2000),
])
def test_over_long_text_is_a_bilingual_409_not_a_500(api, field, limit):
    org = api("organization_create", **agency())
    value = "ก" * (limit + 1) if field != "url" else "http://127.0.0.1/" + "a" * limit
    record = tgdc_dataset(org["id"], **{field: value})
    error = api("package_create", status=409, **record)
    assert f"at most {limit}" in " ".join(error[field])
    assert api("package_search", q=f"name:{record['name']}", include_private=True)["count"] == 0
    api("package_create", **tgdc_dataset(org["id"], **{field: value[:limit]}))  # the limit itself is fine


def test_a_100000_character_title_is_refused_on_update_and_resource_writes(api):
    org = api("organization_create", **agency())
    dataset = api("package_create", **tgdc_dataset(org["id"]))
    huge = "ข" * 100_000
    api("package_patch", status=409, id=dataset["id"], title=huge)
    api("resource_patch", status=409, id=dataset["resources"][0]["id"], name=huge)
    api("organization_patch", status=409, id=org["id"], title=huge)
    assert api("package_show", id=dataset["id"])["title"] == dataset["title"]


def test_length_rule_walks_nested_values():
    found = lengths.too_long({"title": "x" * 501, "resources": [{"name": "ok", "description": "y" * 8001}],
                              "tags": [{"name": "z" * 600}]})
    assert found == [("title", 501, 500), ("resources.0.description", 8001, 8000), ("tags.0.name", 600, 500)]
