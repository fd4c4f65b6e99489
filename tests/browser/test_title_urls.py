"""A Thai title gives a readable URL name on the dataset and agency forms (public-front.js asks
/opengov/slug while the person types), and the person can still change it, in headless Chromium."""
from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tests.factories import agency

PASSWORD = "correct-horse-battery-2569"
pytestmark = pytest.mark.usefixtures("clean_db", "clean_index")


@pytest.fixture
def editor(api):
    from ckan.tests import factories

    user = factories.User(password=PASSWORD)
    org = api("organization_create", **agency(name="nso-urls"))
    api("organization_member_create", id=org["id"], username=user["name"], role="editor")
    return user


@pytest.fixture
def sysadmin_user():
    from ckan.tests import factories

    return factories.Sysadmin(password=PASSWORD)


def _name(browser) -> str:
    return browser.find_element(By.ID, "field-name").get_attribute("value")


def _wait_for_name(browser, expected: str) -> None:
    try:
        WebDriverWait(browser, 10).until(lambda d: _name(d) == expected)
    except Exception:
        pytest.fail(f"the URL name is {_name(browser)!r}, not {expected!r}", pytrace=False)


def _click(browser, element):
    browser.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element)
    element.click()


def _edit_name(browser, name: str) -> None:
    """What a person does: opens the URL field from its preview (when there is one) and types."""
    edit = [b for b in browser.find_elements(By.CSS_SELECTOR, ".slug-preview button") if b.is_displayed()]
    if edit:
        _click(browser, edit[0])
    field = browser.find_element(By.ID, "field-name")
    field.clear()
    field.send_keys(name)


# Thai words with a number: CKAN's own slug script keeps only "2566" of it, which must not win.
@pytest.mark.parametrize("title, slug", [("สถิติผู้สูงอายุ 2566", "sathiti-phusungoai-2566"),
                                         ("สถิติประชากรรายจังหวัด", "sathiti-prachakn-rai-changwat")])
def test_a_thai_dataset_title_gives_a_readable_url_the_person_can_change(
        editor, browser, browser_login, screenshot, title, slug):
    browser_login(editor["name"], PASSWORD)
    browser.get_path("/dataset/new")
    browser.find_element(By.ID, "field-title").send_keys(title)
    _wait_for_name(browser, slug)
    preview = browser.find_elements(By.CSS_SELECTOR, ".slug-preview-value")
    assert not preview or preview[0].text == slug, "the URL shown is not the one sent"
    screenshot("filled")
    _edit_name(browser, "elderly-by-province")
    browser.find_element(By.ID, "field-title").send_keys(" ฉบับปรับปรุง")
    browser.execute_script("return new Promise(r => setTimeout(r, 1500));")  # longer than the script's wait
    assert _name(browser) == "elderly-by-province", "the person's own URL name was replaced"


def test_a_thai_agency_title_gives_a_readable_url_and_the_agency_is_saved_under_it(
        sysadmin_user, browser, browser_login, screenshot, api):
    browser_login(sysadmin_user["name"], PASSWORD)
    browser.get_path("/organization/new")
    browser.find_element(By.ID, "field-title").send_keys("กรมอุตุนิยมวิทยา")
    _wait_for_name(browser, "kramotunimwitya")
    screenshot("filled")
    _click(browser, browser.find_element(By.CSS_SELECTOR, "form button[name=save], form button[type=submit].btn-primary"))
    WebDriverWait(browser, 30).until(lambda d: "/organization/new" not in d.current_url)
    assert api("organization_show", id="kramotunimwitya")["title"] == "กรมอุตุนิยมวิทยา"


def test_the_agency_url_the_person_types_is_kept(sysadmin_user, browser, browser_login, api):
    browser_login(sysadmin_user["name"], PASSWORD)
    browser.get_path("/organization/new")
    browser.find_element(By.ID, "field-title").send_keys("กรมควบคุมมลพิษ")
    WebDriverWait(browser, 10).until(lambda d: _name(d))
    _edit_name(browser, "pcd")
    browser.find_element(By.ID, "field-title").send_keys(" (ทดสอบ)")
    browser.execute_script("return new Promise(r => setTimeout(r, 1500));")
    _click(browser, browser.find_element(By.CSS_SELECTOR, "form button[name=save], form button[type=submit].btn-primary"))
    WebDriverWait(browser, 30).until(lambda d: "/organization/new" not in d.current_url)
    assert api("organization_show", id="pcd")["title"] == "กรมควบคุมมลพิษ (ทดสอบ)"
