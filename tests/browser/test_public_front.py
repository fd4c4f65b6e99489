"""The public pages in headless Chromium, in Thai and in English, on a desktop (1366 px) and a
phone (390 px): no untranslated interface text, no placeholder image, Buddhist-Era dates in Thai,
the resource's Download button visible, no horizontal overflow; a screenshot of each."""
from __future__ import annotations

import re

import pytest

from tests.i18n.test_rendered_pages import interface_msgids, untranslated  # noqa: F401 (fixtures)
from tests.i18n.visible_text import untranslated_on_page
from tests.portal.conftest import front  # noqa: F401 (fixture)

WIDTHS = {"desktop": (1366, 900), "phone": (390, 844)}
BE_YEAR = re.compile(r"\b25[6-9]\d\b")
CE_ONLY = re.compile(r"ค\.ศ\.")


def _pages(front) -> dict[str, str]:  # noqa: F811
    resource = front["public"]["resources"][0]["id"]
    return {
        "home": "/", "search": "/dataset/", "dataset": "/dataset/population-front",
        "resource": f"/dataset/population-front/resource/{resource}",
        "agencies": "/organization/", "agency": "/organization/nso-front",
        "categories": "/group/", "category": "/group/society-security",
        "about": "/about", "terms": "/terms", "licence": "/licence", "transparency": "/transparency/",
    }


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["th", "en"])
def test_public_pages(front, browser, screenshot, untranslated, lang, width):  # noqa: F811
    browser.set_window_size(*WIDTHS[width])
    problems = []
    for label, path in _pages(front).items():
        browser.get_path(("/en" if lang == "en" else "") + path)
        html = browser.page_source
        screenshot(f"{lang}-{width}-{label}")
        if f'lang="{lang}"' not in html:
            problems.append(f"{label}: not rendered in {lang}")
        if lang == "th":
            found = untranslated_on_page(html, untranslated)
            if found:
                problems.append(f"{label}: untranslated {found}")
            if CE_ONLY.search(browser.find_element("tag name", "body").text):
                problems.append(f"{label}: a Common Era date in Thai")
        placeholders = browser.execute_script(
            "return Array.from(document.images).map(i => i.src).filter(s => /placeholder/.test(s))")
        if placeholders:
            problems.append(f"{label}: placeholder images {placeholders}")
        overflow = browser.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 2:
            problems.append(f"{label}: the page is {overflow}px wider than the screen")
        if label == "resource" and lang == "th" and not BE_YEAR.search(
                browser.find_element("tag name", "body").text):
            problems.append(f"{label}: no Buddhist-Era year shown")
        if label == "resource":
            buttons = [b for b in browser.find_elements("css selector", "a.resource-url-analytics, a[href*='/download']")
                       if b.is_displayed() and b.size["width"] > 0]
            if not buttons:
                problems.append("resource: no visible Download button")
    assert not problems, "\n".join(problems)
