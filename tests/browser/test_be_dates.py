"""Buddhist-Era dates typed and picked in headless Chromium (public-front.js): in Thai the date
chooser shows BE years and sends the CE date the server expects, and a date field of the dataset
form is typed and shown back in BE; in English the browser's own date input and CE stay."""
from __future__ import annotations

import datetime as dt
import os
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from tests.factories import tgdc_dataset
from tests.portal.conftest import front  # noqa: F401 (fixture)

PASSWORD = "correct-horse-battery-2569"
THAI_MONTHS = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]


@pytest.fixture
def downloads(browser, tmp_path):
    """The folder Chromium saves downloads to; wait(name) returns a file's path once complete."""
    browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)})

    def wait(timeout: float = 20) -> list[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            done = [n for n in os.listdir(tmp_path) if not n.endswith(".crdownload")]
            if done:
                return done
            time.sleep(0.2)
        return []

    return wait


def _click(browser, element):
    # Bootstrap scrolls smoothly; an instant scroll puts the element under the pointer before the click.
    browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element)
    element.click()


def _since_form(browser):
    return browser.find_element(By.CSS_SELECTOR, "form[action*='changes']")


def test_thai_readers_pick_a_buddhist_era_date_and_the_server_gets_the_ce_date(
        front, browser, screenshot, downloads):  # noqa: F811
    today = dt.date.today()
    browser.get_path("/transparency/")
    form = _since_form(browser)
    assert not form.find_elements(By.CSS_SELECTOR, "input[type='date']"), "the browser's CE picker is still shown"
    day, month, year = (Select(s) for s in form.find_elements(By.CSS_SELECTOR, ".opengov-be-date select"))
    years = [o.text for o in year.options[1:]]
    assert str(today.year + 543) in years and str(today.year) not in years
    assert [o.text for o in month.options[1:]] == THAI_MONTHS
    # The label still names the first chooser (screen readers, a click on the label).
    assert browser.find_element(By.CSS_SELECTOR, "label[for='changes-since']").get_attribute("for") == \
        form.find_element(By.CSS_SELECTOR, ".opengov-be-date select").get_attribute("id")
    day.select_by_visible_text(str(today.day))
    month.select_by_visible_text(THAI_MONTHS[today.month - 1])
    # Typed, as a person types into a closed list: the BE year.
    year_box = form.find_elements(By.CSS_SELECTOR, ".opengov-be-date select")[2]
    year_box.send_keys(str(today.year + 543))
    assert year.first_selected_option.text == str(today.year + 543)
    browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", form)
    screenshot("picked")
    tops = {s.location["y"] for s in form.find_elements(By.CSS_SELECTOR, ".opengov-be-date select")}
    assert len(tops) == 1, "day, month and year are not on one line"
    _click(browser, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    # The file's name carries the date as the server read it.
    assert downloads() == [f"transparency-changes-since-{today.isoformat()}.csv"]


def test_an_impossible_day_is_never_sent(front, browser):  # noqa: F811
    browser.get_path("/transparency/")
    form = _since_form(browser)
    day, month, year = (Select(s) for s in form.find_elements(By.CSS_SELECTOR, ".opengov-be-date select"))
    year.select_by_visible_text("2568")
    month.select_by_visible_text("ก.พ.")
    day.select_by_visible_text("31")
    sent = browser.execute_script(
        "return new URLSearchParams(new FormData(arguments[0])).get('since');", form)
    valid = browser.execute_script("return arguments[0].checkValidity();", form)
    assert not (sent == "2025-02-31" and valid), "31 ก.พ. would be sent as 2025-02-31"


def test_a_date_before_the_first_snapshot_comes_back_to_the_page_with_its_message(
        front, browser, screenshot):  # noqa: F811
    earlier = dt.date.today() - dt.timedelta(days=400)
    browser.get_path("/transparency/")
    form = _since_form(browser)
    day, month, year = (Select(s) for s in form.find_elements(By.CSS_SELECTOR, ".opengov-be-date select"))
    day.select_by_visible_text(str(earlier.day))
    month.select_by_visible_text(THAI_MONTHS[earlier.month - 1])
    year.select_by_visible_text(str(earlier.year + 543))
    _click(browser, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".alert, .flash-messages .alert"))
    screenshot("refused")
    assert "/transparency" in browser.current_url
    # The page (and its chooser) is still there to try again.
    assert _since_form(browser).find_elements(By.CSS_SELECTOR, ".opengov-be-date select")


def test_english_readers_keep_the_browsers_ce_date_input(front, browser, downloads):  # noqa: F811
    today = dt.date.today()
    browser.get_path("/en/transparency/")
    form = _since_form(browser)
    assert not form.find_elements(By.CSS_SELECTOR, ".opengov-be-date")
    field = form.find_element(By.CSS_SELECTOR, "input[type='date'][name='since']")
    browser.execute_script("arguments[0].value = arguments[1];", field, today.isoformat())
    _click(browser, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert downloads() == [f"transparency-changes-since-{today.isoformat()}.csv"]


@pytest.fixture
def editor_dataset(front, api):  # noqa: F811
    from ckan.tests import factories

    user = factories.User(password=PASSWORD)
    api("organization_member_create", id=front["nso"]["id"], username=user["name"], role="editor")
    dataset = api("package_create", **tgdc_dataset(front["nso"]["id"], name="release-dates",
                                                   data_release_calendar="2026-03-31"))
    return user, dataset


def _field(browser, name):
    return browser.find_element(By.CSS_SELECTOR, f"form#dataset-edit [name='{name}']")


def test_the_dataset_forms_date_is_shown_and_typed_in_buddhist_era_in_thai(
        editor_dataset, api, browser, browser_login, screenshot):
    user, dataset = editor_dataset
    browser_login(user["name"], PASSWORD)
    browser.get_path("/dataset/edit/release-dates")
    field = _field(browser, "data_release_calendar")
    assert field.get_attribute("value") == "31/3/2569", "a stored date is shown in CE on the Thai form"
    field.clear()
    field.send_keys("1/10/2569")
    screenshot("typed")
    _click(browser, browser.find_element(By.CSS_SELECTOR, "form#dataset-edit button[name=save]"))
    WebDriverWait(browser, 30).until(lambda d: "/dataset/edit/" not in d.current_url)
    assert api("package_show", id="release-dates")["data_release_calendar"] == "2026-10-01"
    assert "1 ต.ค. 2569" in browser.find_element(By.TAG_NAME, "body").text
    # Saved again untouched, the BE date shown goes back as the same CE date.
    browser.get_path("/dataset/edit/release-dates")
    assert _field(browser, "data_release_calendar").get_attribute("value") == "1/10/2569"
    _click(browser, browser.find_element(By.CSS_SELECTOR, "form#dataset-edit button[name=save]"))
    WebDriverWait(browser, 30).until(lambda d: "/dataset/edit/" not in d.current_url)
    assert api("package_show", id="release-dates")["data_release_calendar"] == "2026-10-01"


def test_the_dataset_forms_date_stays_ce_in_english(editor_dataset, browser, browser_login):
    user, _ = editor_dataset
    browser_login(user["name"], PASSWORD)
    browser.get_path("/en/dataset/edit/release-dates")
    assert _field(browser, "data_release_calendar").get_attribute("value") == "2026-03-31"
