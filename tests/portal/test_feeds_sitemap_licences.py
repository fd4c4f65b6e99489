"""Feeds, sitemap, licences and the category order, as a visitor or a feed reader meets them."""
from __future__ import annotations

import re

from lxml import etree

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def test_feed_entries_link_to_the_dataset_page_in_the_reader_language(app, front):
    for path, lang in (("/feeds/dataset.atom", "th"), ("/en/feeds/dataset.atom", "en"),
                       ("/feeds/organization/nso-front.atom", "th"),
                       ("/feeds/group/society-security.atom", "th")):
        root = etree.fromstring(app.get(path).body.encode())
        assert root.get(XML_LANG) == lang, path
        feed_id = root.find(ATOM + "id").text
        assert not re.match(r"https?://[^/]+feeds/", feed_id), feed_id
        entries = root.findall(ATOM + "entry")
        assert entries, path
        for entry in entries:
            href = entry.find(ATOM + "link").get("href")
            assert "/api/" not in href and href.endswith("/dataset/" + front["public"]["id"]), href
    organization_feed = app.get("/feeds/organization/nso-front.atom").body
    assert "Organization:" not in organization_feed


def test_feeds_never_list_private_data(app, front):
    for path in ("/feeds/dataset.atom", "/feeds/organization/nso-front.atom", "/feeds/custom.atom?q=*"):
        assert "secret-front" not in app.get(path).body and front["secret"]["id"] not in app.get(path).body


def test_sitemap_lists_public_pages_and_never_private_ones(app, front):
    response = app.get("/sitemap.xml")
    assert response.headers["Content-Type"].startswith("application/xml")
    locs = etree.fromstring(response.body.encode()).findall(
        "{http://www.sitemaps.org/schemas/sitemap/0.9}url/{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    urls = {loc.text for loc in locs}
    assert any(u.endswith("/dataset/population-front") for u in urls)
    assert any(u.endswith("/organization/nso-front") for u in urls)
    assert any(u.endswith("/group/sdg-10") for u in urls)
    assert any(u.endswith("/about") for u in urls) and any(u.endswith("/terms") for u in urls)
    assert not any("secret-front" in u for u in urls)


def test_open_data_common_is_open_and_links_to_its_text(app, front, api):
    dataset = api("package_show", id="population-front")
    assert dataset["license_id"] == "Open Data Common"
    assert dataset["isopen"] is True
    assert dataset["license_url"]
    page = app.get("/licence").body
    assert 'id="open-data-common"' in page
    assert app.get("/en/licence").status_code == 200


def test_categories_list_tgdc_first_then_sdgs_by_number(app, front):
    page = app.get("/group/").body
    order = [m for m in re.findall(r'href="/group/([a-z0-9-]+)"', page)]
    seen = list(dict.fromkeys(order))
    assert seen[:7] == ["national-strategy-master-plans", "development-issues", "physical", "economy",
                        "society-security", "environment", "other"]
    assert seen.index("sdg-1") < seen.index("sdg-2") < seen.index("sdg-10")
    assert "placeholder-group" not in page
    english = app.get("/en/group/").body
    assert "Society and security" in english and "ด้านสังคมและความมั่นคง" not in english


def test_a_pure_thai_title_gets_a_readable_url_the_person_can_change(front, api):
    created = api("package_create", **_dataset(front, title="คุณภาพอากาศรายวัน", name=""))
    assert re.fullmatch(r"[a-z0-9-]{3,}", created["name"]), created["name"]
    again = api("package_create", **_dataset(front, title="คุณภาพอากาศรายวัน", name=""))
    assert again["name"] != created["name"] and again["name"].startswith(created["name"])
    chosen = api("package_create", **_dataset(front, title="คุณภาพอากาศรายวัน", name="air-quality-daily"))
    assert chosen["name"] == "air-quality-daily"
    org = api("organization_create", title="กรมควบคุมมลพิษ", name="")
    assert re.fullmatch(r"[a-z0-9-]{3,}", org["name"]), org["name"]


def test_resource_format_is_guessed_from_the_file_extension(front, api):
    dataset = api("package_create", **_dataset(front, resources=[
        {"name": "ไฟล์", "url": "http://127.0.0.1:9/data/air-2569.csv", "format": ""}]))
    assert dataset["resources"][0]["format"] == "CSV"


def _dataset(front, **overrides):
    from tests.factories import tgdc_dataset
    return tgdc_dataset(front["nso"]["id"], **overrides)
