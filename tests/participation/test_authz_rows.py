"""Every participation action and page has its rows in the authorization matrix
(tests/security/authz_matrix.yaml), which test_every_cell_of_the_matrix runs with the rest."""
from __future__ import annotations

from tests.participation.authz_requests import requests
from tests.security import test_authz_matrix as matrix


def test_every_participation_action_and_route_has_a_row():
    from ckanext.opengov.participation import actions, views

    subjects = {row["do"] for row in matrix.load_matrix()["rows"]}
    assert set(actions.get_actions()) <= subjects
    assert set(requests()) <= subjects
    # Every page (GET route) too; the unsubscribe link is opened by its signed token alone.
    pages = {r.rule.replace("<any(csv, json):fmt>", "csv") for bp in views.get_blueprints()
             for r in _rules(bp) if "GET" in r.methods} - {"/follow/unsubscribe/<token>"}
    assert pages and pages <= subjects, sorted(pages - subjects)


def _rules(blueprint):
    from flask import Flask

    app = Flask(__name__)
    app.register_blueprint(blueprint)
    return [r for r in app.url_map.iter_rules() if r.endpoint != "static"]

