"""ckanext-harvest's list and abort actions, guarded by navl schemas (logic/harvest_guards.py):
bad values are a 409 naming the field in Thai/English, good ones go through converted."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.usefixtures("clean_db", "clean_index")

BAD = [
    ("harvest_abort_failed_jobs", {"life_span": "a week"}, "life_span", "whole number"),
    ("harvest_abort_failed_jobs", {"life_span": True}, "life_span", "whole number"),
    ("harvest_abort_failed_jobs", {"life_span": [7]}, "life_span", "whole number"),
    ("harvest_abort_failed_jobs", {"life_span": -1}, "life_span", "whole number"),
    ("harvest_abort_failed_jobs", {"include": 5}, "include", "single text value"),
    ("harvest_abort_failed_jobs", {"exclude": ["a"]}, "exclude", "single text value"),
    ("harvest_log_list", {"level": 5}, "level", "single text value"),
    ("harvest_job_list", {"status": ["New"]}, "status", "single text value"),
    ("harvest_job_list", {"source_id": {"id": 1}}, "source_id", "single text value"),
]


@pytest.mark.parametrize("action, body, field, words", BAD)
def test_bad_input_is_a_409_naming_the_field(app, sysadmin, action, body, field, words):
    response = app.post(f"/api/3/action/{action}", json=body, headers={"Authorization": sysadmin["token"]})
    assert response.status_code == 409, (action, body, response.body[:300])
    (message,) = response.json["error"][field]
    assert words in message and " / " in message  # Thai / English


@pytest.mark.parametrize("action, body", [
    ("harvest_abort_failed_jobs", {"life_span": "3"}), ("harvest_abort_failed_jobs", {}),
    ("harvest_job_list", {"status": ""}), ("harvest_log_list", {"level": "error"}),
])
def test_good_input_goes_through(app, sysadmin, action, body):
    response = app.post(f"/api/3/action/{action}", json=body, headers={"Authorization": sysadmin["token"]})
    assert response.status_code == 200, (action, body, response.body[:300])
