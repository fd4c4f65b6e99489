"""The participation rows of the authorization matrix (tests/security/authz_matrix.yaml), run
with the matrix's own world and reader until its REQUESTS table imports authz_requests.py."""
from __future__ import annotations

from tests.participation.authz_requests import REQUESTS as OURS
from tests.security import test_authz_matrix as matrix
from tests.security.conftest import module_portal  # noqa: F401  (the matrix world's fixture)
from tests.security.test_authz_matrix import world  # noqa: F401


def test_every_participation_action_and_route_has_a_row():
    from ckanext.opengov.participation import actions, views

    subjects = {row["do"] for row in matrix.load_matrix()["rows"]}
    assert set(actions.get_actions()) <= subjects
    assert set(OURS) <= subjects
    # Every page (GET route) too; the unsubscribe link is opened by its signed token alone.
    pages = {r.rule.replace("<any(csv, json):fmt>", "csv") for bp in views.get_blueprints()
             for r in _rules(bp) if "GET" in r.methods} - {"/follow/unsubscribe/<token>"}
    assert pages and pages <= subjects, sorted(pages - subjects)


def _rules(blueprint):
    from flask import Flask

    app = Flask(__name__)
    app.register_blueprint(blueprint)
    return [r for r in app.url_map.iter_rules() if r.endpoint != "static"]


def test_participation_cells(world):  # noqa: F811
    matrix.REQUESTS.update(OURS)
    wrong = []
    for row in matrix.load_matrix()["rows"]:
        if row["do"] not in OURS:
            continue
        for role, cell in zip(matrix.ROLES, row["expect"]):
            actual = matrix.observe(world, row["do"], row["object"], role)
            if actual != str(cell):
                wrong.append(f"{row['do']} on {row['object']} as {role}: expected {cell}, got {actual}")
    assert not wrong, "\n".join(wrong)
