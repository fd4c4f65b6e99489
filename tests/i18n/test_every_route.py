"""Every GET route the app registers, visited in Thai and in English, as a visitor and as a
sysadmin (who reaches the agency, harvest and admin pages): no page answers 500; a Thai page shows
no untranslated interface string; an English page shows no Thai where an English value exists
(the site's title, the agency's and category's title_en). Routes come from the app's url_map, so
a new route is checked without anyone listing it."""
from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from ckan.cli.cli import ckan as ckan_cli

from tests.factories import agency, tgdc_dataset
from tests.i18n import routes
from tests.i18n.test_rendered_pages import interface_msgids, untranslated  # noqa: F401 (fixtures)
from tests.i18n.visible_text import untranslated_on_page, visible_strings

THAI = re.compile(r"[\u0e00-\u0e7f]")


@pytest.fixture
def site(clean_db, clean_index, api, cli, sysadmin):
    org = api("organization_create", **agency(name="nso-routes"))
    group = api("group_create", name="environment", title="ด้านทรัพยากรธรรมชาติและสิ่งแวดล้อม",
                title_en="Natural resources and environment")
    dataset = api("package_create", **tgdc_dataset(org["id"], name="population-routes",
                                                   groups=[{"name": group["name"]}]))
    resource = dataset["resources"][0]
    view = api("resource_view_create", resource_id=resource["id"], view_type="image_view",
               title="ภาพ", image_url="http://127.0.0.1:9/x.png")
    api("package_patch", id=dataset["id"], title="สถิติประชากรรายจังหวัด")
    activity = api("package_activity_list", id=dataset["id"])[0]["id"]
    source = api("harvest_source_create", name="source-routes", title="บัญชีข้อมูลกรม",
                 url="http://127.0.0.1:9/source-routes", source_type="opengov_ckan",
                 owner_org=org["id"], frequency="MANUAL")
    result = cli.invoke(ckan_cli, ["opengov", "transparency", "refresh", "--no-overlap"])
    assert result.exit_code == 0, result.output
    return {"org": org["name"], "group": group["name"], "dataset": dataset["name"],
            "resource": resource["id"], "view": view["id"], "activity": activity,
            "source": source["name"], "user": sysadmin["name"], "tag": "สถิติ",
            "thai_titles": [org["title"], group["title"], "ข้อมูลเปิดภาครัฐ"]}


def _urls(app, site) -> list[str]:
    urls = []
    for rule in app.flask_app.url_map.iter_rules():
        if "GET" in rule.methods:
            url = routes.fill(rule, site)
            if url is not None:
                urls.append(url)
    return sorted(set(urls))


def _visit(app, url: str, headers: dict):
    """(status, content type, body); an exception the test app lets through counts as a 500."""
    try:
        response = app.get(url, headers=headers, status=None, follow_redirects=False)
    except Exception as error:  # noqa: BLE001 (what a reader would get as a 500 page)
        return 500, "", f"{type(error).__name__}: {error}"
    return response.status_code, response.headers.get("Content-Type", ""), response.body


def _english_thai(body: str, thai_titles) -> list[str]:
    """The Thai titles an English page shows. Text marked lang="th" is shown as Thai on purpose
    (an agency's about page lists its Thai name as such) and is not counted."""
    soup = BeautifulSoup(body, "html.parser")
    for element in soup.select('body [lang="th"], body [lang^="th-"]'):
        element.decompose()
    texts = [text for _where, text in visible_strings(str(soup))]
    return sorted({title for title in thai_titles for text in texts if title in text})


def test_every_get_route_in_both_languages(app, site, sysadmin, untranslated):
    urls = _urls(app, site)
    assert len(urls) > 100, "the url_map should hold CKAN's, the harvest's and our routes"
    errors, thai_failures, english_failures = [], {}, {}
    # The sysadmin visits what the visitor could not see (sign-in, 403 and 404 pages).
    visitor_saw = set()
    for who, headers in (("visitor", {}), ("sysadmin", {"Authorization": sysadmin["token"]})):
        for url in urls:
            if who == "sysadmin" and url in visitor_saw:
                continue
            for prefix in ("", "/en"):
                status, kind, body = _visit(app, prefix + url, headers)
                if status >= 500:
                    errors.append(f"{status} {who} {prefix}{url}: {body[:200] if not kind else ''}")
                if who == "visitor" and prefix == "" and status == 200:
                    visitor_saw.add(url)
                # A redirect's body is never shown: the browser follows it.
                if "text/html" not in kind or "<html" not in body or 300 <= status < 400:
                    continue
                if prefix == "":
                    found = untranslated_on_page(body, untranslated)
                    if found:
                        thai_failures[f"{who} {url} ({status})"] = found
                else:
                    found = _english_thai(body, site["thai_titles"])
                    if found:
                        english_failures[f"{who} /en{url} ({status})"] = found
    report = []
    if errors:
        report.append("Server errors:\n  " + "\n  ".join(errors))
    for title, failures in (("English interface strings on Thai pages", thai_failures),
                            ("Thai names on English pages that have an English value", english_failures)):
        if failures:
            report.append(f"{title}:")
            for page, strings in sorted(failures.items()):
                report.append(f"  {page}:")
                report.extend(f"    {s}" for s in strings)
    assert not report, "\n".join(report)


def test_every_registered_get_route_is_visited_or_named(app):
    """A route is either visited or named in routes.NOT_VISITED with its reason."""
    site = {key: "x" for key in ("org", "group", "dataset", "resource", "view", "activity",
                                 "source", "user", "tag")}
    skipped = {rule.endpoint for rule in app.flask_app.url_map.iter_rules()
               if "GET" in rule.methods and routes.fill(rule, site) is None}
    unexplained = {e for e in skipped if e not in routes.NOT_VISITED and not e.startswith(
        ("api.", "home.redirect_locale"))}
    assert not unexplained
