"""Each transparency page in headless Chromium: charts drawn, Thai text rendered, screenshots kept."""
from __future__ import annotations

import pytest
from selenium.webdriver.support.ui import WebDriverWait

from tests.transparency.conftest import catalog  # noqa: F401  (fixture)

CHARTS_DRAWN = """
const canvases = Array.from(document.querySelectorAll('canvas[data-opengov-chart]'));
return canvases.map(c => {
  const chart = window.Chart && window.Chart.getChart(c);
  const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let inked = 0;
  for (let i = 3; i < px.length; i += 4) { if (px[i] > 0) inked++; }
  return {id: c.id, chart: !!chart, inked: inked, width: c.width};
});
"""

# Two different Thai letters drawn in the page's font: without a Thai font both come out as the
# same "missing glyph" box, so different bitmaps mean Thai is really rendered.
THAI_GLYPHS_DIFFER = """
const font = getComputedStyle(document.querySelector('h1')).fontFamily;
function draw(ch) {
  const c = document.createElement('canvas'); c.width = 60; c.height = 60;
  const g = c.getContext('2d'); g.font = '40px ' + font; g.fillText(ch, 5, 45);
  return c.toDataURL();
}
return draw('ก') !== draw('ม') && draw('ม') !== draw('ห');
"""


@pytest.mark.parametrize("path, heading, charts", [
    ("/transparency", "หน่วยงานเปิดเผยข้อมูลอย่างไร", {"chart-ministries", "chart-agencies", "chart-openness",
                                                        "chart-timeliness", "chart-growth"}),
    ("/transparency/agency/nso-test", "รายงานผล: สำนักงานสถิติทดสอบ", {"chart-openness", "chart-timeliness",
                                                                      "chart-history"}),
    ("/transparency/overlap", "ข้อมูลของหน่วยงานซ้ำซ้อนและเชื่อมโยงกันที่ใด", {"chart-objectives"}),
], ids=["national", "agency", "overlap"])
def test_page_draws_its_charts_and_thai_text(catalog, browser, screenshot, path, heading, charts):  # noqa: F811
    browser.get_path(path)
    WebDriverWait(browser, 20).until(lambda d: d.execute_script(
        "return document.readyState === 'complete' && !!window.Chart"))
    drawn = browser.execute_script(CHARTS_DRAWN)
    screenshot("page")
    assert {c["id"] for c in drawn} == charts
    assert all(c["chart"] and c["inked"] > 100 for c in drawn), drawn
    assert browser.find_element("tag name", "h1").text == heading
    assert browser.execute_script(THAI_GLYPHS_DIFFER), "Thai letters render as boxes: no Thai font"
    assert "เงินเดือนรายบุคคลลับเฉพาะ" not in browser.page_source


def test_the_agency_admin_sees_private_counts_in_the_browser(catalog, api, browser, browser_login, screenshot):  # noqa: F811
    from ckan.tests import factories

    admin = factories.User(password="admin-pass-123")
    api("organization_member_create", id="nso-test", username=admin["name"], role="admin")
    browser.get_path("/transparency/agency/nso-test")
    assert not browser.find_elements("css selector", ".opengov-tr-private")  # anonymous: nothing private
    browser_login(admin["name"], "admin-pass-123")
    browser.get_path("/transparency/agency/nso-test")
    private = browser.find_element("css selector", ".opengov-tr-private")
    screenshot("admin")
    assert private.find_element("tag name", "strong").text == "1"
