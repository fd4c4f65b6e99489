"""The home page of a national portal, /about, terms and licences, in Thai and in English."""
from __future__ import annotations

import re

import pytest


def test_home_shows_search_figures_categories_and_ministries_without_placeholder(app, front):
    page = app.get("/").body
    assert 'name="q"' in page and 'role="search"' in page
    assert "placeholder-" not in page and "420 x 220" not in page
    # Figures from the snapshot: one public dataset (the classified one is not counted).
    assert re.search(r"<strong>1</strong>\s*ชุดข้อมูลสาธารณะ|<strong>1</strong>", page)
    for icon in ("national-strategy-master-plans", "environment", "other"):
        assert f"/opengov/icons/{icon}.svg" in page
    assert "ด้านสังคมและความมั่นคง" in page
    assert "กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม" in page
    assert "สถิติประชากรรายจังหวัด" in page
    assert "เงินเดือนรายบุคคลลับเฉพาะ" not in page
    assert "/transparency" in page


def test_home_in_english_uses_english_names(app, front):
    page = app.get("/en/").body
    assert "Ministry of Digital Economy and Society" in page
    assert "Society and security" in page
    assert "Open Government Data Thailand" in page
    assert "กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม" not in page
    assert "Welcome to CKAN" not in page and "nice introductory paragraph" not in page


def test_category_icons_are_served(app):
    response = app.get("/opengov/icons/economy.svg")
    assert response.status_code == 200 and "<svg" in response.body


@pytest.mark.parametrize("path", ["/about", "/terms", "/licence", "/en/about", "/en/terms", "/en/licence"])
def test_about_terms_and_licence_pages_have_real_text(app, clean_db, path):
    page = app.get(path).body
    assert "CKAN is the world" not in page  # core's generic about text
    assert "Open Data Common" in page or "TGDC" in page or "licence" in page.lower()


def test_sysadmin_edits_portal_texts_in_both_languages(app, clean_db, api):
    api("config_option_update", **{
        "ckan.site_intro_text": "ยินดีต้อนรับสู่พอร์ทัลทดสอบ",
        "ckanext.opengov.site_intro_text_en": "Welcome to the test portal",
        "ckanext.opengov.terms_th": "ข้อตกลงทดสอบ",
        "ckanext.opengov.terms_en": "Test terms",
    })
    assert "ยินดีต้อนรับสู่พอร์ทัลทดสอบ" in app.get("/").body
    assert "Welcome to the test portal" in app.get("/en/").body
    assert "ข้อตกลงทดสอบ" in app.get("/terms").body
    assert "Test terms" in app.get("/en/terms").body
    api("config_option_update", **{"ckan.site_intro_text": "", "ckanext.opengov.site_intro_text_en": "",
                                   "ckanext.opengov.terms_th": "", "ckanext.opengov.terms_en": ""})


def test_admin_config_form_has_the_english_fields(app, clean_db, sysadmin):
    page = app.get("/ckan-admin/config", headers={"Authorization": sysadmin["token"]}).body
    for key in ("ckanext.opengov.site_title_en", "ckanext.opengov.site_intro_text_en",
                "ckanext.opengov.site_about_en", "ckanext.opengov.terms_th", "ckanext.opengov.terms_en"):
        assert f'name="{key}"' in page


def test_agency_names_are_english_in_english(app, front):
    assert "Ministry of Digital Economy and Society" in app.get("/en/organization/").body
    facets = app.get("/en/dataset/").body
    assert "National Statistical Office" in facets
