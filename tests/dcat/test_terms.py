"""The pure TGDC <-> DCAT mappings."""
from __future__ import annotations

import pytest

from ckanext.opengov.dcat import terms

EU_FREQ = "http://publications.europa.eu/resource/authority/frequency/"


@pytest.mark.parametrize("unit, interval, code", [
    ("ปี", "1", "ANNUAL"), ("ปี", "2", "ANNUAL_2"), ("ครึ่งปี", "1", "ANNUAL_2"), ("ไตรมาส", None, "QUARTERLY"),
    ("เดือน", "1", "MONTHLY"), ("สัปดาห์", "1", "WEEKLY"), ("วัน", "1", "DAILY"), ("ชั่วโมง", "1", "HOURLY"),
    ("ตามเวลาจริง", None, "UPDATE_CONT"), ("ไม่มีการปรับปรุงหลังจากการจัดเก็บข้อมูล", None, "NEVER"),
    ("ไม่ทราบ", None, "UNKNOWN"), ("อื่นๆ", None, "OTHER"),
])
def test_frequencies_with_an_eu_code(unit, interval, code):
    assert terms.frequency_uri(unit, interval) == terms.EU_FREQUENCY[code]


@pytest.mark.parametrize("unit, interval", [("วันทำการ", "1"), ("ปี", "7"), ("", None), (None, None)])
def test_frequencies_without_a_clean_eu_code_get_none(unit, interval):
    assert terms.frequency_uri(unit, interval) is None


def test_frequency_codes_read_back():
    assert terms.frequency_from_uri(EU_FREQ + "MONTHLY") == ("เดือน", 1)
    assert terms.frequency_from_uri(EU_FREQ + "NEVER") == ("ไม่มีการปรับปรุงหลังจากการจัดเก็บข้อมูล", None)
    assert terms.frequency_from_uri("annual") == ("ปี", 1)
    assert terms.frequency_from_uri(EU_FREQ + "NO_SUCH") is None


def test_languages_and_their_codes():
    assert str(terms.language_uri("ไทย")).endswith("/language/THA")
    assert terms.language_uri("อื่นๆ") is None
    for code in ("THA", "th", "http://publications.europa.eu/resource/authority/language/THA"):
        assert terms.language_from(code) == "ไทย"
    assert terms.language_from("klingon") is None


def test_buddhist_era_years():
    assert terms.ce_year("2568") == "2025" and terms.be_year("2025-03-01") == "2568"
    assert terms.ce_year("ปีหน้า") is None and terms.be_year("long ago") is None


def test_bounding_box_both_ways():
    wkt = terms.bbox_wkt("97.3", "5.6", "105.6", "20.5")
    assert terms.bounds_from_wkt(wkt) == {
        "west_bound_longitude": "97.3", "south_bound_longitude": "5.6",
        "east_bound_longitude": "105.6", "north_bound_longitude": "20.5",
    }
    assert terms.bounds_from_wkt("ENVELOPE(97.3, 105.6, 20.5, 5.6)")["north_bound_longitude"] == "20.5"
    assert terms.bbox_wkt("x", 1, 2, 3) is None and terms.bounds_from_wkt("POINT(1 2)") is None


def test_licences():
    known = ["Open Data Common", "Creative Commons Attributions", "อื่นๆ"]
    assert terms.license_from("http://creativecommons.org/licenses/by/4.0", known) == ("Creative Commons Attributions", None)
    assert terms.license_from("Open Data Common", known) == ("Open Data Common", None)
    assert terms.license_from("cc-by", known) == ("Creative Commons Attributions", None)
    assert terms.license_from("Some licence", known) == ("อื่นๆ", "Some licence")


def test_classification_to_access_rights():
    assert str(terms.access_rights_uri("เปิดเผย")).endswith("/PUBLIC")
    assert str(terms.access_rights_uri("ชั้นเผยแพร่ภายในองค์กร")).endswith("/RESTRICTED")
    assert str(terms.access_rights_uri("ลับที่สุด")).endswith("/NON_PUBLIC")
