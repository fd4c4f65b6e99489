"""Metric definitions on hand-made cases (pure functions, no services needed)."""
from __future__ import annotations

import datetime as dt

import pytest

from ckanext.opengov.transparency.metrics import completeness, growth, harvest, openness, score
from ckanext.opengov.transparency.metrics import timeliness as tl

TODAY = dt.date(2026, 11, 25)


@pytest.mark.parametrize("formats, licence, stars", [
    (["PDF"], "Open Data Common", 1),
    (["XLS"], "Open Data Common", 2),
    (["pdf", ".csv"], "Creative Commons Attributions", 3),
    (["CSV", "JSON-LD"], "Creative Commons Attribution Share-Alike", 4),
    (["SPARQL"], "cc-by", 5),
    (["CSV"], "Creative Commons Attribution Non-Commercial", 0),  # NC is not an open licence
    (["CSV"], "อื่นๆ", 0),
    ([], "Open Data Common", 0),  # no resource, nothing on the web
    ([None], "Open Data Common", 1),
])
def test_dataset_stars(formats, licence, stars):
    assert openness.dataset_stars(formats, licence) == stars


def test_complete_dataset_scores_one():
    dataset = {f: "x" for f in completeness.REQUIRED_FIELDS}
    assert completeness.completeness(dataset) == 1.0
    assert completeness.missing_fields(dataset) == []


def test_missing_fields_include_empty_lists_and_tags():
    dataset = {f: "x" for f in completeness.REQUIRED_FIELDS}
    dataset.update(objective="[]", data_format=[], tag_string="", notes="   ")
    dataset["tags"] = []
    assert completeness.missing_fields(dataset) == ["notes", "tag_string", "objective", "data_format"]
    assert completeness.completeness(dataset) == pytest.approx(9 / 13)


def test_tags_count_when_given_as_tag_dicts():
    dataset = {f: "x" for f in completeness.REQUIRED_FIELDS if f != "tag_string"}
    dataset["tags"] = [{"name": "น้ำ"}]
    assert completeness.missing_fields(dataset) == []


@pytest.mark.parametrize("unit, interval, age, expected", [
    ("ปี", 1, 300, tl.UP_TO_DATE),
    ("ปี", 1, 365, tl.UP_TO_DATE),
    ("ปี", 1, 400, tl.DUE),
    ("ปี", 1, 600, tl.OVERDUE),
    ("ปี", 1, 1200, tl.DELINQUENT),
    ("ปี", 4, 100, tl.DUE),          # four times a year: period 91.25 days
    ("เดือน", 1, 20, tl.UP_TO_DATE),
    ("เดือน", 1, 80, tl.OVERDUE),
    ("วัน", 1, 1, tl.UP_TO_DATE),
    ("วัน", 1, 2, tl.OVERDUE),       # due up to 1.5 days: whole days skip it
    ("ชั่วโมง", 1, 1, tl.UP_TO_DATE),  # sub-daily periods count as a day
    ("ชั่วโมง", 1, 5, tl.DELINQUENT),
    ("ไม่ทราบ", 1, 5000, tl.NOT_APPLICABLE),
    ("ไม่มีการปรับปรุงหลังจากการจัดเก็บข้อมูล", None, 5000, tl.NOT_APPLICABLE),
    ("ปี", "abc", 300, tl.UP_TO_DATE),  # a nonsense interval means once per unit
])
def test_timeliness_status(unit, interval, age, expected):
    assert tl.status(unit, interval, TODAY - dt.timedelta(days=age), TODAY) == expected


def test_declared_frequency_without_date_is_delinquent():
    assert tl.status("ปี", 1, None, TODAY) == tl.DELINQUENT


def test_thresholds_explain_each_status():
    assert tl.thresholds("สัปดาห์", 1) == {tl.UP_TO_DATE: 7, tl.DUE: 10.5, tl.OVERDUE: 21}
    assert tl.thresholds("อื่นๆ", 1) is None


def test_share_on_time_ignores_not_applicable():
    assert tl.share_on_time({tl.UP_TO_DATE: 3, tl.OVERDUE: 1, tl.NOT_APPLICABLE: 10}) == 0.75
    assert tl.share_on_time({tl.NOT_APPLICABLE: 2}) is None


NOW = dt.datetime(2026, 11, 25, 12)


@pytest.mark.parametrize("active, finished, errors, success, expected", [
    (True, NOW, 0, NOW, harvest.OK),
    (True, NOW, 3, NOW - dt.timedelta(days=2), harvest.ERRORS),
    (True, NOW - dt.timedelta(days=40), 0, NOW - dt.timedelta(days=40), harvest.STALE),
    (True, None, 0, None, harvest.NEVER),
    (False, NOW, 5, None, harvest.INACTIVE),
])
def test_harvest_source_status(active, finished, errors, success, expected):
    assert harvest.source_status(active, finished, errors, success, NOW) == expected


def test_agency_health_is_the_worst_source():
    assert harvest.agency_health([harvest.OK, harvest.ERRORS, harvest.STALE]) == harvest.ERRORS
    assert harvest.agency_health([harvest.INACTIVE, harvest.OK]) == harvest.OK
    assert harvest.agency_health([]) is None


def test_growth_fills_missing_months_and_accumulates():
    assert growth.cumulative({"2025-11": 2, "2026-02": 3}) == [
        {"month": "2025-11", "added": 2, "total": 2},
        {"month": "2025-12", "added": 0, "total": 2},
        {"month": "2026-01", "added": 0, "total": 2},
        {"month": "2026-02", "added": 3, "total": 5},
    ]
    assert growth.cumulative({}) == []


def test_agency_score_is_the_mean_of_parts_that_apply():
    assert score.agency_score(5, 1.0, 1.0) == 1.0
    assert score.agency_score(2.5, 0.5, None) == 0.5
    assert score.agency_score(None, None, None) is None


def test_rank_shares_places_on_ties():
    assert score.rank({"a": 0.9, "b": 0.7, "c": 0.9, "d": None}) == {"a": 1, "b": 3, "c": 1, "d": None}
