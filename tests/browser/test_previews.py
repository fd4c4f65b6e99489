"""An anonymous visitor sees a loaded table's previews in headless Chromium: the table view
(datatables_view, whose script posts its queries with the page's CSRF token) shows the rows, and
the chart view (opengov_chart_view) draws the numbers; at 1366 px and at 390 px."""
from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tests.dataapi.conftest import clean_datastore, dataset, portal, run_jobs, upload  # noqa: F401 (fixtures)

TABLE = "จังหวัด,ประชากร\nกรุงเทพมหานคร,5494932\nเชียงใหม่,1797074\nขอนแก่น,1790863\n"
WIDTHS = {"desktop": (1366, 900), "phone": (390, 844)}
pytestmark = pytest.mark.usefixtures("portal")  # first: its clean_db must not follow the sysadmin's creation

CHART_DRAWN = """
const c = document.querySelector('canvas.opengov-chart');
if (!c || !window.Chart || !window.Chart.getChart(c)) { return null; }
const chart = window.Chart.getChart(c);
const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
let inked = 0;
for (let i = 3; i < px.length; i += 4) { if (px[i] > 0) inked++; }
return {labels: chart.data.labels, values: chart.data.datasets[0].data, inked: inked,
        width: c.getBoundingClientRect().width, page: document.documentElement.clientWidth};
"""


@pytest.fixture
def loaded(dataset, upload, api):  # noqa: F811
    package = dataset()
    resource = upload(package["id"], "provinces.csv", TABLE.encode("utf-8"), "CSV")
    run_jobs()
    assert api("resource_show", id=resource["id"])["datastore_active"], "the table was not loaded"
    views = {v["view_type"]: v for v in api("resource_view_list", id=resource["id"])}
    return package, resource, views


def _open_view(browser, package, resource, view) -> None:
    """The resource page with this view chosen, then into the view's frame if it has one (as a
    visitor sees it: the table view is framed, the chart view drawn in the page)."""
    browser.get_path(f"/dataset/{package['name']}/resource/{resource['id']}?view_id={view['id']}")
    box = WebDriverWait(browser, 20).until(lambda d: d.find_element(By.CSS_SELECTOR, ".resource-view"))
    browser.execute_script("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'});", box)
    frames = box.find_elements(By.TAG_NAME, "iframe")
    if frames:
        browser.switch_to.frame(frames[0])


@pytest.mark.parametrize("width", WIDTHS)
def test_the_table_preview_shows_the_rows_to_an_anonymous_visitor(loaded, browser, screenshot, width):
    package, resource, views = loaded
    assert "datatables_view" in views, views
    browser.set_window_size(*WIDTHS[width])
    _open_view(browser, package, resource, views["datatables_view"])
    try:
        WebDriverWait(browser, 30).until(lambda d: "เชียงใหม่" in d.find_element(By.TAG_NAME, "body").text)
    except Exception:
        body = browser.find_element(By.TAG_NAME, "body").text[:1000]
        browser.switch_to.default_content()
        screenshot("table-missing")
        pytest.fail(f"the table preview shows no rows:\n{body}", pytrace=False)
    # In one read: the table redraws itself as it settles.
    cells = browser.execute_script(
        "return Array.from(document.querySelectorAll('table tbody td')).map(td => td.textContent.trim());")
    assert "กรุงเทพมหานคร" in cells and "ขอนแก่น" in cells
    browser.switch_to.default_content()
    screenshot("table")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_chart_preview_draws_the_numbers_for_an_anonymous_visitor(loaded, browser, screenshot, width):
    package, resource, views = loaded
    assert "opengov_chart_view" in views, views
    browser.set_window_size(*WIDTHS[width])
    _open_view(browser, package, resource, views["opengov_chart_view"])
    WebDriverWait(browser, 30).until(lambda d: d.execute_script(CHART_DRAWN))
    drawn = browser.execute_script(CHART_DRAWN)
    browser.switch_to.default_content()
    screenshot("chart")
    assert drawn["labels"] == ["กรุงเทพมหานคร", "เชียงใหม่", "ขอนแก่น"]
    assert drawn["values"] == [5494932, 1797074, 1790863]
    assert drawn["inked"] > 500
    assert drawn["width"] <= drawn["page"], "the chart is wider than its frame"
