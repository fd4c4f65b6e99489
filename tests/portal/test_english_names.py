"""English readers see an agency's and category's English name wherever the portal names one
(issue 13): pages core leaves unprepared for view, activity streams, forms' choice lists, facets,
transparency tables and charts, error messages. Thai readers keep the Thai names, and the edit
form keeps the Thai title as the value it saves."""
from __future__ import annotations

import json

from bs4 import BeautifulSoup

NSO_TH, NSO_EN = "สำนักงานสถิติแห่งชาติ", "National Statistical Office"
MINISTRY_TH, MINISTRY_EN = "กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม", "Ministry of Digital Economy and Society"


def _page(app, url, sysadmin=None, status=200):
    headers = {"Authorization": sysadmin["token"]} if sysadmin else {}
    response = app.get(url, headers=headers, status=status)
    return BeautifulSoup(response.body, "html.parser")


def test_agency_edit_page_names_it_in_english_and_keeps_the_thai_title_to_save(app, front, sysadmin):
    page = _page(app, "/en/organization/edit/nso-front", sysadmin)
    assert NSO_EN in page.title.get_text() and NSO_TH not in page.title.get_text()
    assert NSO_EN in page.select_one(".breadcrumb").get_text()
    # display_name is English, the saved title is not: the form still holds the Thai name.
    assert page.select_one("#field-title")["value"] == NSO_TH
    ministry = {o["value"]: o.get_text() for o in page.select("#field-ministry option")}
    assert ministry["ministry-dst"] == MINISTRY_EN

    thai = _page(app, "/organization/edit/nso-front", sysadmin)
    assert NSO_TH in thai.title.get_text()
    assert {o["value"]: o.get_text() for o in thai.select("#field-ministry option")}["ministry-dst"] == MINISTRY_TH


def test_members_and_admins_pages_name_the_agency_in_english(app, front, sysadmin):
    for url in ("/en/organization/members/nso-front", "/en/organization/admins/nso-front",
                "/en/organization/manage_members/nso-front", "/en/organization/bulk_process/nso-front"):
        title = _page(app, url, sysadmin).title.get_text()
        assert NSO_EN in title and NSO_TH not in title, url


def test_about_page_shows_the_thai_name_as_thai_and_the_ministry_by_name(app, front):
    page = _page(app, "/en/organization/about/nso-front")
    assert page.select_one('dd[lang="th"]').get_text() == NSO_TH
    values = [dd.get_text(strip=True) for dd in page.select("dd")]
    assert MINISTRY_EN in values and "ministry-dst" not in values
    assert MINISTRY_TH in [dd.get_text(strip=True) for dd in _page(app, "/organization/about/nso-front").select("dd")]


def test_activity_streams_name_agencies_in_the_readers_language(app, front):
    english = _page(app, "/en/organization/activity/nso-front").select_one("ul.activity").get_text()
    assert NSO_EN in english and NSO_TH not in english
    assert NSO_TH in _page(app, "/organization/activity/nso-front").select_one("ul.activity").get_text()


def test_bulk_page_facets_name_agencies_categories_and_ministries_in_english(app, front, sysadmin):
    links = _page(app, "/en/organization/bulk_process/nso-front", sysadmin).select(".nav-facet a")
    # Core cuts long labels on this page and keeps the whole one in the tooltip.
    labels = {a.get("data-bs-title") or a.select_one(".item-label").get_text(strip=True) for a in links}
    assert {NSO_EN, MINISTRY_EN, "Society and security"} <= labels
    assert not labels & {NSO_TH, MINISTRY_TH, "ด้านสังคมและความมั่นคง"}


def test_transparency_tables_and_charts_name_agencies_in_english(app, front):
    page = _page(app, "/en/transparency/")
    table = page.select_one("#table-agencies").get_text()
    assert NSO_EN in table and NSO_TH not in table and MINISTRY_EN in table
    chart = json.loads(page.select_one("#chart-agencies")["data-opengov-chart"])
    assert chart["labels"] == [NSO_EN]
    ministries = json.loads(page.select_one("#chart-ministries")["data-opengov-chart"])
    assert MINISTRY_EN in ministries["labels"]
    thai = _page(app, "/transparency/")
    assert NSO_TH in thai.select_one("#table-agencies").get_text()


def test_a_core_error_message_names_the_agency_in_english(app, front):
    english = _page(app, "/en/organization/member_dump/nso-front", status=404)
    message = english.select_one("#error-content").get_text()
    assert NSO_EN in message and NSO_TH not in message


def test_default_view_tabs_read_in_the_readers_language(app, front, api):
    """The jobs worker makes default views outside any request, so they are titled in English
    ("Table", "Chart", "Image"): a Thai resource page shows their tabs in Thai."""
    resource = front["public"]["resources"][0]
    api("resource_view_create", resource_id=resource["id"], view_type="image_view", title="Image",
        image_url="http://127.0.0.1:9/x.png")
    url = f"/dataset/{front['public']['name']}/resource/{resource['id']}"
    tabs = lambda page: [a.get_text(strip=True) for a in page.select("a.view-item")]  # noqa: E731
    thai_tabs, english_tabs = tabs(_page(app, url)), tabs(_page(app, "/en" + url))
    assert "Image" in english_tabs
    assert "Image" not in thai_tabs and len(thai_tabs) == len(english_tabs)
