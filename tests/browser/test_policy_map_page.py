"""The policy map in headless Chromium, in Thai and English at 1366 and 390 px: every point of the
page's data is drawn inside the graph (Cytoscape.js, served by the portal), the table beside it
names the same datasets, and tapping a dataset's point opens its page."""
from __future__ import annotations

import json

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tests.policymap.conftest import DUPLICATE_TITLE, PRIVATE_TITLE, SECRET_TITLE, policy_catalog  # noqa: F401

WIDTHS = {"desktop": (1366, 900), "phone": (390, 844)}

DRAWN = """
const cy = window.opengovPolicyMap, box = document.getElementById('opengov-policy-map');
if (!cy) { return null; }
const r = box.getBoundingClientRect();
return {
  box: {x: r.left, y: r.top, width: r.width, height: r.height},
  nodes: cy.nodes().map(n => ({id: n.id(), kind: n.data('kind'), label: n.data('label'), url: n.data('url'),
                               overlap: n.data('overlap'), x: n.renderedPosition('x'), y: n.renderedPosition('y'),
                               font: parseFloat(n.renderedStyle('font-size'))})),
  overlapEdges: cy.edges("[kind = 'overlap']").length,
  page: document.documentElement.clientWidth,
};
"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_point_is_drawn_and_the_table_names_the_same_datasets(
        policy_catalog, browser, screenshot, lang, width):  # noqa: F811
    browser.set_window_size(*WIDTHS[width])
    browser.get_path(("/en" if lang == "en" else "") + "/policy-map")
    data = json.loads(browser.find_element(By.ID, "opengov-policy-map-data").get_attribute("textContent"))
    WebDriverWait(browser, 20).until(lambda d: d.execute_script(DRAWN))
    drawn = browser.execute_script(DRAWN)
    box = browser.find_element(By.ID, "opengov-policy-map")
    browser.execute_script("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'});", box)
    screenshot(f"{lang}-{width}")
    assert {n["id"] for n in drawn["nodes"]} == {n["id"] for n in data["nodes"]}
    assert {n["kind"] for n in drawn["nodes"]} == {"objective", "agency", "dataset"}
    inside = [n for n in drawn["nodes"]
              if 0 <= n["x"] <= drawn["box"]["width"] and 0 <= n["y"] <= drawn["box"]["height"]]
    assert len(inside) == len(drawn["nodes"]), "points drawn outside the graph's box"
    assert len({(round(n["x"]), round(n["y"])) for n in drawn["nodes"]}) == len(drawn["nodes"]), "points on top of each other"
    assert drawn["box"]["width"] <= drawn["page"], "the graph is wider than the screen"
    small = sorted({n["font"] for n in drawn["nodes"] if n["font"] < 10})
    assert not small, f"labels drawn at {small} px: too small to read"
    assert drawn["overlapEdges"] >= 1 and any(n["overlap"] for n in drawn["nodes"])
    labels = " ".join(n["label"] for n in drawn["nodes"])
    assert SECRET_TITLE not in labels and PRIVATE_TITLE not in labels
    if lang == "en":
        assert "Statistics Test Office" in labels
    # The table beside it: one row per dataset drawn, each linking to the same page.
    table = browser.find_element(By.CSS_SELECTOR, "table.opengov-pm-table")
    dataset_links = {a.get_attribute("pathname") for a in table.find_elements(By.CSS_SELECTOR, "tbody th a")}
    drawn_datasets = {n["url"] for n in drawn["nodes"] if n["kind"] == "dataset"}
    assert dataset_links == {u.replace(browser.live_url, "") for u in drawn_datasets}
    assert DUPLICATE_TITLE in table.text


def test_tapping_a_dataset_point_opens_its_page(policy_catalog, browser):  # noqa: F811
    browser.set_window_size(1366, 900)
    browser.get_path("/policy-map")
    WebDriverWait(browser, 20).until(lambda d: d.execute_script(DRAWN))
    box = browser.find_element(By.ID, "opengov-policy-map")
    browser.execute_script("arguments[0].scrollIntoView({block: 'start', behavior: 'instant'});", box)
    node = next(n for n in browser.execute_script(DRAWN)["nodes"] if n["kind"] == "dataset")
    size = box.size
    ActionChains(browser).move_to_element_with_offset(
        box, int(node["x"] - size["width"] / 2), int(node["y"] - size["height"] / 2)).click().perform()
    WebDriverWait(browser, 20).until(lambda d: "/policy-map" not in d.current_url)
    assert browser.current_url.endswith(node["url"].replace(browser.live_url, "")), browser.current_url
