"""Property tests: random Thai and mixed Unicode never crash a validator or the API.

Every pure rule either accepts a value or names a problem; every TGDC field, sent through the
real Action API with random text, is saved (200) or refused with a validation error (409),
never a server error, and a refusal stores nothing.
"""
from __future__ import annotations

import uuid

import pytest
import yaml
from ckan.lib.navl.dictization_functions import Invalid
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ckanext.opengov.tgdc import agencies
from ckanext.opengov.schemas import __file__ as schemas_init
from ckanext.opengov.search import indexing
from ckanext.opengov.tgdc import classification, contact, dates, datatypes, tags
from tests.factories import agency, tgdc_dataset

# Thai letters, vowels, tone marks and digits, mixed with ASCII, Latin-1 and any other code point.
THAI = st.characters(min_codepoint=0x0E00, max_codepoint=0x0E7F)
MIXED_TEXT = st.text(
    alphabet=st.one_of(THAI, st.characters(max_codepoint=0x7F), st.characters(codec="utf-8")),
    max_size=60,
)
DATE_LIKE = st.from_regex(r"\A[0-9]{1,4}[/\-][0-9]{1,2}[/\-][0-9]{1,4}\Z") | MIXED_TEXT

PROPERTY_SETTINGS = settings(max_examples=300, deadline=None)


@PROPERTY_SETTINGS
@given(MIXED_TEXT)
def test_tag_rule_accepts_or_names_a_problem(text):
    assert tags.tag_problem(text) in (None, "too_short", "too_long", "bad_characters")
    for tag in tags.split_tag_string(text):
        assert tag == tag.strip()


@PROPERTY_SETTINGS
@given(DATE_LIKE)
def test_date_parsing_returns_a_date_or_a_reason(text):
    try:
        parsed = dates.parse_date(text)
    except dates.DateProblem as problem:
        assert problem.key in ("format", "year", "month", "day")
    else:
        assert dates.parse_date(parsed.isoformat()) == parsed  # stored form reads back unchanged
        assert dates.format_thai_date(parsed.isoformat())


@PROPERTY_SETTINGS
@given(st.one_of(MIXED_TEXT, st.integers(min_value=-10**6, max_value=10**6)))
def test_be_year_parsing_returns_a_year_or_a_reason(value):
    try:
        year = dates.parse_be_year(value)
    except dates.DateProblem as problem:
        assert problem.key.startswith("year")
    else:
        assert 2400 <= year <= 2700


@PROPERTY_SETTINGS
@given(MIXED_TEXT)
def test_contact_rules_accept_or_name_a_problem(text):
    assert contact.phone_problem(text) in (None, "phone")
    assert contact.url_problem(text) in (None, "url")
    assert contact.email_problem(text) in (None, "email")
    assert contact.number_problem(text, -90, 90) in (None, "number", "number_range")


@PROPERTY_SETTINGS
@given(MIXED_TEXT, MIXED_TEXT, st.booleans())
def test_gate_never_lets_anything_but_open_data_be_public(category, classification_value, private):
    value = classification.effective_classification(category, classification_value)
    problem = classification.gate_problem(category, value, private)
    if problem is None and not private:
        assert value == "เปิดเผย"


@PROPERTY_SETTINGS
@given(st.one_of(MIXED_TEXT, st.lists(MIXED_TEXT, max_size=5)))
def test_facet_values_are_always_lists_of_strings(value):
    for values in indexing.facet_fields({"objective": value}, None).values():
        assert all(isinstance(v, str) for v in values)
    assert datatypes.chose_other(value, "อื่นๆ") in (True, False)


@PROPERTY_SETTINGS
@given(MIXED_TEXT)
def test_agency_code_is_stored_clean_or_refused(value):
    try:
        stored = agencies.opengov_agency_code(value, {})
    except Invalid:
        return
    assert stored == "" or agencies.AGENCY_CODE.fullmatch(stored)


def _schema_fields() -> list[tuple[str, str]]:
    """(level, field name) for every field a person or a harvest may fill."""
    import os

    with open(os.path.join(os.path.dirname(schemas_init), "dataset.yaml"), encoding="utf-8") as f:
        schema = yaml.safe_load(f)
    fixed = {"name", "owner_org", "url"}
    return [("dataset", f["field_name"]) for f in schema["dataset_fields"] if f["field_name"] not in fixed] + [
        ("resource", f["field_name"]) for f in schema["resource_fields"] if f["field_name"] != "url"
    ]


FIELDS = _schema_fields()
DATA_TYPES = st.sampled_from(list(datatypes.CODES))
API_SETTINGS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.mark.usefixtures("clean_db", "clean_index")
@API_SETTINGS
@given(field=st.sampled_from(FIELDS), value=st.one_of(MIXED_TEXT, st.lists(MIXED_TEXT, max_size=3)),
       data_type=DATA_TYPES)
def test_random_field_values_through_the_api_never_cause_a_server_error(app, sysadmin, field, value, data_type):
    headers = {"Authorization": sysadmin["token"]}
    org = app.post("/api/3/action/organization_create", json=agency(), headers=headers).json["result"]
    record = tgdc_dataset(org["id"], data_type=data_type, name=f"p-{uuid.uuid4().hex[:12]}")
    level, name = field
    if level == "dataset":
        record[name] = value
    else:
        record["resources"][0][name] = value
    response = app.post("/api/3/action/package_create", json=record, headers=headers, status=None)
    assert response.status_code in (200, 409), (field, value, response.body[:500])
    stored = app.post("/api/3/action/package_show", json={"id": record["name"]}, headers=headers, status=None)
    assert stored.status_code == (200 if response.status_code == 200 else 404)
