"""The public pages and the dataset form, rendered in Thai by the real app, show no English
interface string: every visible text, placeholder, title, aria-label, alt and button label that is
a CKAN core, ckanext-scheming or ckanext-opengov msgid must have a Thai translation."""
from __future__ import annotations

import flask_babel
import pytest
from babel.messages.pofile import read_po

from ckan.tests import factories

from tests.factories import agency, tgdc_dataset
from tests.i18n import msgids
from tests.i18n.visible_text import Matcher, normalise, untranslated_on_page

pytestmark = pytest.mark.usefixtures("clean_db", "clean_index")


@pytest.fixture
def interface_msgids(tmp_path) -> set[str]:
    return msgids.interface_msgids(tmp_path)


def _plural_forms() -> dict[str, tuple[str, ...]]:
    """Core's plural msgids: singular -> (singular, plural)."""
    with open(msgids.CORE_POT, "rb") as f:
        return {
            normalise(m.id[0]): tuple(normalise(form) for form in m.id)
            for m in read_po(f) if isinstance(m.id, (tuple, list))
        }


def _thai_catalog_ids(app) -> set[str]:
    """msgids the app's merged Thai catalog (core's, then every ITranslation plugin's) translates.

    Babel writes an untranslated plural into the .mo as the English msgids themselves, so a
    plural whose "translation" is its own msgid counts as untranslated.
    """
    with app.flask_app.test_request_context("/"), flask_babel.force_locale("th"):
        catalog = flask_babel.get_translations()._catalog
    plurals = _plural_forms()
    translated = set()
    for key, value in catalog.items():
        if not key or not value:
            continue
        if isinstance(key, tuple):
            forms = plurals.get(normalise(key[0]), (normalise(key[0]),))
            if normalise(value) not in forms:
                translated.update(forms)
        else:
            translated.add(normalise(key))
    return translated


@pytest.fixture
def untranslated(app, interface_msgids) -> Matcher:
    return Matcher.for_msgids(interface_msgids - _thai_catalog_ids(app))


@pytest.fixture
def portal(api):
    """Demo-like content made through the actions: an agency with an editor, a category,
    a statistics dataset with a resource, filed in the category."""
    editor = factories.UserWithToken()
    org = api("organization_create", **agency(users=[{"name": editor["name"], "capacity": "editor"}]))
    group = api("group_create", name="environment", title="ด้านทรัพยากรธรรมชาติและสิ่งแวดล้อม",
                title_en="Natural resources and environment")
    dataset = api("package_create", **tgdc_dataset(
        org["id"], name="population-by-province", groups=[{"name": group["name"]}],
    ))
    # A change, so that the activity stream and the changes page have something to show.
    api("package_patch", id=dataset["id"], title="สถิติประชากรรายจังหวัด", tag_string="ประชากร,สถิติ,จังหวัด",
        maintainer="กองสถิติประชากรและเคหะ")
    (change, *_) = api("package_activity_list", id=dataset["id"])
    return {"editor": editor, "org": org, "group": group, "dataset": dataset,
            "resource": dataset["resources"][0], "change": change}


def _report(failures: dict[str, list[str]]) -> str:
    lines = [f"{sum(map(len, failures.values()))} English interface strings on Thai pages:"]
    for page, strings in failures.items():
        lines.append(f"  {page}:")
        lines.extend(f"    {s}" for s in strings)
    return "\n".join(lines)


def _check(app, untranslated: Matcher, pages: dict[str, tuple], headers=None) -> dict:
    """pages: label -> (url, status) for a GET, or (url, status, form data) for a POST."""
    failures = {}
    for label, (url, status, *form) in pages.items():
        if form:
            response = app.post(url, data=form[0], headers=headers or {}, status=status)
        else:
            response = app.get(url, headers=headers or {}, status=status)
        assert '<html lang="th"' in response.body, f"{label} ({url}) is not rendered in Thai"
        found = untranslated_on_page(response.body, untranslated)
        if found:
            failures[f"{label} {url}"] = found
    return failures


def test_public_pages_show_no_untranslated_interface_string(app, portal, untranslated):
    name, org, group = portal["dataset"]["name"], portal["org"]["name"], portal["group"]["name"]
    pages = {
        "home": ("/", 200),
        "dataset search": ("/dataset/", 200),
        "dataset search, facets chosen": ("/dataset/?q=ประชากร&tags=สถิติ&res_format=CSV", 200),
        "dataset search, nothing found": ("/dataset/?q=nothing-matches-this", 200),
        "dataset": (f"/dataset/{name}", 200),
        "resource": (f"/dataset/{name}/resource/{portal['resource']['id']}", 200),
        "agencies": ("/organization/", 200),
        "agency": (f"/organization/{org}", 200),
        "categories": ("/group/", 200),
        "category": (f"/group/{group}", 200),
        "about": ("/about", 200),
        "log in": ("/user/login", 200),
        "register": ("/user/register", 200),
        "forgotten password": ("/user/reset", 200),
        "dataset activity": (f"/dataset/activity/{name}", 200),
        "not found": ("/dataset/no-such-dataset", 404),
    }
    failures = _check(app, untranslated, pages)
    assert not failures, _report(failures)


def test_forms_and_editor_views_show_no_untranslated_interface_string(app, portal, untranslated):
    name, resource_id = portal["dataset"]["name"], portal["resource"]["id"]
    pages = {
        "new dataset": ("/dataset/new", 200),
        "edit dataset": (f"/dataset/edit/{name}", 200),
        "new resource": (f"/dataset/{name}/resource/new", 200),
        "edit resource": (f"/dataset/{name}/resource/{resource_id}/edit", 200),
        # The public pages as the agency's editor sees them (manage buttons, account menu).
        "dataset, as its editor": (f"/dataset/{name}", 200),
        "resource, as its editor": (f"/dataset/{name}/resource/{resource_id}", 200),
        "agency, as its editor": (f"/organization/{portal['org']['name']}", 200),
        "dataset search, as an editor": ("/dataset/", 200),
        # Activity details are not public by default (ckan.auth.public_activity_stream_detail).
        "dataset changes": (f"/dataset/changes/{portal['change']['id']}", 200),
        "dataset, an earlier version": (f"/dataset/{name}/history/{portal['change']['id']}", 200),
        # Sent empty: the form comes back with every error message.
        "new dataset, sent empty": ("/dataset/new", 200, {"save": ""}),
        "new resource, sent without URL": (
            f"/dataset/{name}/resource/new", 200, {"save": "again", "id": "", "name": "x", "url": ""}),
    }
    headers = {"Authorization": portal["editor"]["token"]}
    failures = _check(app, untranslated, pages, headers)
    assert not failures, _report(failures)


def test_the_detector_reports_an_english_msgid_and_ignores_data():
    """The check itself can fail: an untranslated msgid is found in text and attributes,
    with values in place of placeholders; Thai text and English data are not."""
    matcher = Matcher.for_msgids({"Add Dataset", "Search datasets...", "%(num)s datasets found"})
    html = """<html lang="th"><body>
      <a class="btn">  Add Dataset </a>
      <input placeholder="Search datasets..." name="q">
      <h1>12 datasets found</h1>
      <p>เพิ่มชุดข้อมูล</p><p>National Statistical Office</p>
      <script>var s = "Add Dataset";</script>
    </body></html>"""
    assert untranslated_on_page(html, matcher) == [
        "'%(num)s datasets found' (<h1> text)",
        "'Add Dataset' (<a> text)",
        "'Search datasets...' (<input placeholder>)",
    ]
