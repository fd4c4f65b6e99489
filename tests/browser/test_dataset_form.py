"""An agency editor fills the dataset form in Thai for a statistics dataset, in headless Chromium."""
from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from tests.factories import agency

PASSWORD = "correct-horse-battery-2569"
pytestmark = pytest.mark.usefixtures("clean_db", "clean_index")


@pytest.fixture
def editor(api):
    from ckan.tests import factories

    user = factories.User(password=PASSWORD)
    org = api("organization_create", **agency(name="nso-form", title="สำนักงานสถิติแห่งชาติ"))
    api("organization_member_create", id=org["id"], username=user["name"], role="editor")
    return user


def _visible(browser, name: str) -> bool:
    return browser.execute_script(
        "const i = document.querySelector(`[name='${arguments[0]}']`);"
        "return !!i && i.closest('.form-group').offsetParent !== null;", name)


def _type(browser, field_id: str, text: str):
    element = browser.find_element(By.ID, field_id)
    element.clear()
    element.send_keys(text)


def _check(browser, name: str, value: str):
    box = browser.find_element(By.CSS_SELECTOR, f"input[name='{name}'][value='{value}']")
    # Scheming's label sits over the box; clicking through script still fires "change" like a person would.
    browser.execute_script("arguments[0].click();", box)
    assert box.is_selected()


def _click(browser, css: str):
    button = browser.find_element(By.CSS_SELECTOR, css)
    # Bootstrap scrolls smoothly; an instant scroll puts the button under the pointer before the click.
    browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", button)
    button.click()


def test_statistics_dataset_through_the_thai_form(editor, browser, browser_login, screenshot):
    browser_login(editor["name"], PASSWORD)
    browser.get_path("/dataset/new")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "th"

    Select(browser.find_element(By.ID, "field-data_type")).select_by_visible_text("ข้อมูลสถิติ")
    assert _visible(browser, "disaggregate") and _visible(browser, "first_year_of_data")
    assert not _visible(browser, "geographic_data_set") and not _visible(browser, "data_collect")
    assert not _visible(browser, "objective_other")

    _type(browser, "field-title", "สถิติผู้สูงอายุรายจังหวัด")
    browser.execute_script("document.getElementById('field-name').value = 'elderly-by-province';")
    _type(browser, "field-notes", "จำนวนผู้สูงอายุจำแนกตามจังหวัดและเพศ")
    browser.execute_script("document.getElementById('field-tag_string').value = 'ผู้สูงอายุ,ประชากร';")
    _type(browser, "field-maintainer", "กองสถิติสังคม")
    _type(browser, "field-maintainer_email", "social@nso.go.th")
    _type(browser, "field-telephone_number", "02-141-7500 ต่อ 12")
    _check(browser, "objective", "พันธกิจหน่วยงาน")
    _check(browser, "objective", "อื่นๆ")
    assert _visible(browser, "objective_other")  # revealed by choosing อื่นๆ
    _type(browser, "field-objective_other", "แผนพัฒนาผู้สูงอายุ")
    Select(browser.find_element(By.ID, "field-update_frequency_unit")).select_by_visible_text("ปี")
    Select(browser.find_element(By.ID, "field-geo_coverage")).select_by_visible_text("จังหวัด")
    _type(browser, "field-data_source", "การสำรวจประชากรสูงอายุ")
    _check(browser, "data_format", "CSV")
    Select(browser.find_element(By.ID, "field-data_category")).select_by_visible_text("ข้อมูลสาธารณะ")
    Select(browser.find_element(By.ID, "field-license_id")).select_by_visible_text("สัญญาอนุญาตข้อมูลเปิด (Open Data Common)")
    _type(browser, "field-first_year_of_data", "2560")
    _type(browser, "field-last_year_of_data", "2568")
    _check(browser, "disaggregate", "เพศ")
    _type(browser, "field-data_release_calendar", "31/3/2569")
    screenshot("dataset-form")
    _click(browser, "button[name=save]")

    WebDriverWait(browser, 30).until(lambda d: "/resource/new" in d.current_url or "error" in d.page_source)
    assert "/resource/new" in browser.current_url, browser.find_element(By.TAG_NAME, "form").text[:2000]
    browser.execute_script(
        "const url = document.getElementById('field-resource-url') || document.querySelector(\"input[name='url']\");"
        "url.value = 'http://127.0.0.1:9/elderly.csv';")
    _type(browser, "field-name", "ตารางผู้สูงอายุ")
    browser.execute_script("document.querySelector(\"input[name='format']\").value = 'CSV';")
    _click(browser, "button[name=save][value=go-metadata]")

    WebDriverWait(browser, 30).until(lambda d: d.current_url.rstrip("/").endswith("/dataset/elderly-by-province"))
    page = browser.find_element(By.TAG_NAME, "body").text
    screenshot("saved-dataset")
    assert "สถิติผู้สูงอายุรายจังหวัด" in page
    for shown in ("การจัดจำแนก", "เพศ", "31 มี.ค. 2569", "2560", "แผนพัฒนาผู้สูงอายุ", "02-141-7500 ต่อ 12"):
        assert shown in page, shown
    assert "ชุดข้อมูลภูมิศาสตร์" not in page
