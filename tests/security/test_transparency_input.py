"""Wrong types and sizes sent to every transparency route and action get a 4xx, never a 500.

Routes are read from the registered URL rules (`app.flask_app.url_map`), their query
parameters from the views' own declarations (`views.QUERY_PARAMS`); actions are every
`opengov_transparency_*` name a plugin registers, their parameters from the actions' schemas.
"""
from __future__ import annotations

import datetime as dt
import itertools
from urllib.parse import quote

import ckan.plugins.toolkit as tk
import pytest
from ckan.cli.cli import ckan as ckan_cli
from ckan.plugins import IActions, PluginImplementations

from ckanext.opengov.transparency import actions as transparency_action
from ckanext.opengov.transparency import views
from tests.factories import agency, tgdc_dataset

ALLOWED = {200, 400, 403, 404, 409}
# Query-string values: not a number, out of range, huge, control characters, an impossible date.
BAD_TEXT = ["abc", "-1", "0", "99999999999999999999", "1e400", "x" * 20_000, "a\x00b", "\x1b[31m",
            "ก\u202e", "2026-02-30", "25/11/2569", "' OR 1=1 --", "%", "../../etc/passwd", ""]
# JSON values: every JSON type in the wrong place, plus the texts above.
BAD_JSON = BAD_TEXT + [12345, -1, 0, 99999999999999999999, 1.5, 1e308, True, None,
                       ["a"], ["a", "b"], [], {"x": 1}, {}, [{"x": 1}], "\ud800"]


@pytest.fixture
def snapshot(clean_db, clean_index, api, cli, clean_queues):
    nso = api("organization_create", **agency(name="nso-test"))
    api("package_create", **tgdc_dataset(nso["id"], name="nso-population"))
    assert cli.invoke(ckan_cli, ["opengov", "transparency", "refresh"]).exit_code == 0
    return {"agency": "nso-test", "since": str(dt.date.today()), "date": str(dt.date.today()),
            "id": "nso-test", "table": "agencies", "page": "1"}


def transparency_rules(app):
    rules = [r for r in app.flask_app.url_map.iter_rules() if r.endpoint.startswith("opengov_transparency.")]
    assert rules
    return rules


def _declared(endpoint: str) -> list[str]:
    return [k for k in views.QUERY_PARAMS[endpoint]() if not k.startswith("__")]


def _path(app, rule, values: dict) -> str:
    return app.flask_app.url_map.bind("127.0.0.1").build(rule.endpoint, values)


def _bad_path(app, rule, good: dict, name: str, value: str) -> str:
    """The rule's URL with one path value replaced (`any` converters refuse to build a bad one)."""
    url, marker = _path(app, rule, good), quote(good[name], safe="")
    at = url.rfind(marker)
    return url[:at] + quote(value, safe="") + url[at + len(marker):]


def _good_path_values(rule, snapshot) -> dict:
    values = {}
    for name, converter in rule._converters.items():
        items = getattr(converter, "items", None)
        values[name] = sorted(items)[0] if items else snapshot.get(name, snapshot["agency"])
    return values


def _assert_no_500(response, what):
    assert response.status_code in ALLOWED, f"{what}: {response.status_code}"


def test_every_route_declares_its_query_parameters(app):
    for rule in transparency_rules(app):
        assert rule.endpoint in views.QUERY_PARAMS, f"{rule.endpoint}: declare its query parameters"


def test_every_route_refuses_bad_query_parameters_and_path_values(app, snapshot):
    tried = 0
    for rule in transparency_rules(app):
        good = _good_path_values(rule, snapshot)
        base = _path(app, rule, good)
        declared = _declared(rule.endpoint)
        valid = {k: snapshot[k] for k in declared if k in snapshot}
        for key in declared:
            others = "&".join(f"{k}={quote(v)}" for k, v in valid.items() if k != key)
            for value in BAD_TEXT:
                url = f"{base}?{others}&{key}={quote(value, safe='')}"
                _assert_no_500(app.get(url), url)
                tried += 1
            # Given twice.
            url = f"{base}?{others}&{key}=a&{key}=b"
            response = app.get(url)
            _assert_no_500(response, url)
            assert response.status_code == 400, url
            tried += 1
        for name in rule._converters:
            for value in BAD_TEXT:
                if not value or "/" in value:
                    continue
                url = _bad_path(app, rule, good, name, value)
                _assert_no_500(app.get(url), url)
                tried += 1
    assert tried > 100


def test_every_action_refuses_wrong_types_and_sizes(app, snapshot, sysadmin):
    names = sorted({name for plugin in PluginImplementations(IActions) for name in plugin.get_actions()
                    if name.startswith("opengov_transparency_")})
    parameters = transparency_action.parameters()
    assert set(names) == set(parameters), "every transparency action states its parameters"
    for name in names:
        headers = {"Authorization": sysadmin["token"]} if name == "opengov_transparency_refresh" else {}
        valid = {k: snapshot[k] for k in parameters[name] if k in snapshot and k not in ("date", "page")}
        for key, value in itertools.product(parameters[name], BAD_JSON):
            data = dict(valid, **{key: value})
            response = app.post(f"/api/3/action/{name}", json=data, headers=headers)
            _assert_no_500(response, f"{name} {key}={value!r:.40}")
            assert response.json["success"] is (response.status_code == 200)
        # A GET parameter given twice arrives as a list (GET itself is refused for an action
        # that changes something).
        expected = 409 if getattr(tk.get_action(name), "side_effect_free", False) else 400
        for key in parameters[name]:
            query = "&".join([f"{k}={quote(str(v))}" for k, v in valid.items() if k != key]
                             + [f"{key}=a", f"{key}=b"])
            response = app.get(f"/api/3/action/{name}?{query}", headers=headers)
            assert response.status_code == expected, f"{name}?{query}: {response.status_code}"


@pytest.mark.parametrize("data, status, message", [
    ({"id": ["a"]}, 409, "Give one value here"),
    ({"id": {"x": 1}}, 409, "Give one value here"),
    ({"id": 12345}, 404, "Agency not found"),
    ({"id": "x" * 5000}, 409, "Too long"),
    ({"id": "nso\x00test"}, 409, "control characters"),
    ({"id": "nso-test", "date": 20261125}, 409, "YYYY-MM-DD"),
    ({}, 409, "Missing value"),
])
def test_the_scorecard_action_says_what_is_wrong(app, snapshot, data, status, message):
    response = app.post("/api/3/action/opengov_transparency_agency", json=data, status=status)
    assert message in str(response.json["error"])


def test_a_repeated_api_parameter_is_refused(app, snapshot):
    error = app.get("/api/3/action/opengov_transparency_agency?id=a&id=b", status=409).json["error"]
    assert "Give one value here" in error["id"][0]


@pytest.mark.parametrize("query, status, message", [
    ("page=abc", 400, "Must be a whole number"),
    ("page=99999999999999999999", 400, "Must be 1000000 or less"),
    ("page=-1", 400, "Must be 1 or more"),
    ("page=0", 400, "Must be 1 or more"),
    ("page=2", 404, "the last page is 1"),
    ("page=1&page=2", 400, "Give one value here"),
    ("date=2026-02-30", 400, "YYYY-MM-DD"),
])
def test_the_overlap_page_refuses_a_bad_page(app, snapshot, query, status, message):
    body = app.get(f"/transparency/overlap?{query}", status=status).get_data(as_text=True)
    assert message in body


def test_a_control_character_in_a_path_is_a_404(app, snapshot):
    app.get("/transparency/agency/nso%00test", status=404)
    app.get("/transparency/agency/" + "x" * 5000, status=404)
    app.get("/transparency/download/salaries.csv", status=404)
    app.get("/transparency/catalog.exe", status=404)
