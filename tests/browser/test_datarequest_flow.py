"""A citizen asks an agency for data in Thai, the agency's admin answers with a published
dataset, and the citizen sees the answer: the whole request flow in headless Chromium."""
from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from tests import factories

PASSWORD = "correct-horse-battery-2569"
pytestmark = pytest.mark.usefixtures("clean_db", "clean_index")


@pytest.fixture
def cast(api):
    from ckan.tests import factories as ckan_factories

    citizen = ckan_factories.User(password=PASSWORD, fullname="สมชาย ใจดี")
    admin = ckan_factories.User(password=PASSWORD)
    org = api("organization_create", **factories.agency(name="tmd-flow", title="กรมอุตุนิยมวิทยา"))
    api("organization_member_create", id=org["id"], username=admin["name"], role="admin")
    dataset = api("package_create", **factories.tgdc_dataset(org["id"], title="ปริมาณน้ำฝนรายวันรายสถานี"))
    return {"citizen": citizen, "admin": admin, "org": org, "dataset": dataset}


def _click(browser, css: str):
    button = browser.find_element(By.CSS_SELECTOR, css)
    browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", button)
    button.click()


def _wait_for(browser, css: str):
    return WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, css))


def test_a_citizen_requests_data_in_thai_and_sees_the_agencys_answer(cast, browser, browser_login, screenshot):
    browser_login(cast["citizen"]["name"], PASSWORD)
    browser.get_path("/datarequest")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "th"
    _click(browser, "#opengov-datarequest-new")
    _wait_for(browser, "#opengov-datarequest-form")

    # Markup is refused with the message on the form, and what was typed stays.
    browser.find_element(By.ID, "field-title").send_keys("ปริมาณน้ำฝน <b>ด่วน</b>")
    browser.find_element(By.ID, "field-description").send_keys("ขอข้อมูลปริมาณน้ำฝนรายวันทุกสถานี ตั้งแต่ปี 2560")
    Select(browser.find_element(By.ID, "field-organization")).select_by_visible_text("กรมอุตุนิยมวิทยา")
    _click(browser, "#opengov-datarequest-submit")
    _wait_for(browser, "#opengov-form-errors")
    assert "HTML" in browser.find_element(By.ID, "opengov-form-errors").text
    title = browser.find_element(By.ID, "field-title")
    title.clear()
    title.send_keys("ปริมาณน้ำฝนรายวันรายสถานี")
    browser.find_element(By.ID, "field-purpose").send_keys("ใช้วางแผนการเพาะปลูก")
    _click(browser, "#opengov-datarequest-submit")
    _wait_for(browser, "#opengov-datarequest-title")
    assert browser.find_element(By.ID, "opengov-datarequest-title").text == "ปริมาณน้ำฝนรายวันรายสถานี"
    request_path = browser.current_url[len(browser.live_url):]
    assert request_path.startswith("/datarequest/")
    waiting = browser.find_element(By.ID, "opengov-datarequest-status").text
    assert not browser.find_elements(By.ID, "opengov-datarequest-answer")  # the citizen cannot answer
    screenshot("asked")

    # The agency's admin answers: published, with the dataset.
    browser.delete_all_cookies()
    browser_login(cast["admin"]["name"], PASSWORD)
    browser.get_path(request_path)
    _wait_for(browser, "#opengov-datarequest-answer")
    Select(browser.find_element(By.ID, "answer-status")).select_by_value("published")
    browser.find_element(By.ID, "answer-dataset").send_keys(cast["dataset"]["name"])
    browser.find_element(By.ID, "answer-note").send_keys("เผยแพร่ชุดข้อมูลแล้ว")
    _click(browser, "#opengov-datarequest-answer-submit")
    _wait_for(browser, "#opengov-datarequest-dataset")
    screenshot("answered")

    # The citizen sees the new status, the dataset and the history.
    browser.delete_all_cookies()
    browser_login(cast["citizen"]["name"], PASSWORD)
    browser.get_path(request_path)
    _wait_for(browser, "#opengov-datarequest-dataset")
    assert browser.find_element(By.ID, "opengov-datarequest-status").text != waiting
    assert browser.find_element(By.ID, "opengov-datarequest-dataset").text == "ปริมาณน้ำฝนรายวันรายสถานี"
    history = browser.find_element(By.ID, "opengov-datarequest-history").text
    assert "เผยแพร่ชุดข้อมูลแล้ว" in history
    screenshot("seen-by-citizen")
