"""Search finds what Thais type: a word inside a compound, agency abbreviations and English
names, spelling variants, spaces inside Thai phrases, terms with punctuation (PM2.5, COVID-19);
results show agency and last update; suggestions as you type. Real Solr core, real analysis
(dev/solr/make_schema.py)."""
from __future__ import annotations

import pytest

from tests.factories import agency, tgdc_dataset

pytestmark = pytest.mark.usefixtures("clean_db", "clean_index")


@pytest.fixture
def corpus(api):
    # Agencies as the portal holds them: Thai title and English name; the abbreviation comes from
    # the reference table (ckanext/opengov/search/thai_agencies.csv).
    nso = api("organization_create", **agency(name="nso", title="สำนักงานสถิติแห่งชาติ",
                                              title_en="National Statistical Office"))
    ddpm = api("organization_create", **agency(name="ddpm", title="กรมป้องกันและบรรเทาสาธารณภัย",
                                               title_en="Department of Disaster Prevention and Mitigation"))
    pcd = api("organization_create", **agency(name="pcd", title="กรมควบคุมมลพิษ", title_en="Pollution Control Department"))
    records = {
        "budget": (nso, dict(title="รายจ่ายปีงบประมาณ 2566 จำแนกตามจังหวัด", notes="ตัวเลขรายจ่ายของรัฐ")),
        "flood": (ddpm, dict(title="พื้นที่ประสบอุทกภัยรายอำเภอ", notes="สถิติภัยพิบัติ")),
        "pm25": (pcd, dict(title="ค่าฝุ่นละออง PM2.5 รายชั่วโมง", notes="ข้อมูลจากสถานีตรวจวัดคุณภาพอากาศ")),
        "pm10": (pcd, dict(title="ค่าฝุ่นละออง PM10 รายวัน", notes="ข้อมูลจากสถานีตรวจวัดคุณภาพอากาศ")),
        "covid": (nso, dict(title="ผู้ติดเชื้อ COVID-19 รายวัน", notes="จำนวนผู้ป่วยยืนยัน")),
        "internet": (nso, dict(title="การใช้อินเทอร์เน็ตในครัวเรือน", notes="ผลการสำรวจ")),
        "map": (pcd, dict(title="แผนที่จุดตรวจวัดน้ำเสีย", notes="พิกัดจุดตรวจวัด")),
        "bangkok": (ddpm, dict(title="จุดเสี่ยงน้ำท่วมในเขตเมือง", notes="ข้อมูลร่วมกับ กทม. และหน่วยงานท้องถิ่น")),
        "english": (nso, dict(title="Labour force survey", notes="Quarterly employment figures")),
    }
    for name, (org, fields) in records.items():
        api("package_create", **tgdc_dataset(org["id"], name=name, tag_string="สถิติ", maintainer="ฝ่ายข้อมูล",
                                             data_source=org["title"], **fields))
    return records


def _names(api, q):
    return [d["name"] for d in api("package_search", q=q, rows=20)["results"]]


def test_a_word_inside_a_compound(api, corpus):
    # งบประมาณ is inside ปีงบประมาณ, which Thai word breaking keeps whole.
    assert _names(api, "งบประมาณ") == ["budget"]


@pytest.mark.parametrize("q, agency_datasets", [
    ("สสช.", {"budget", "covid", "internet", "english"}),
    ("สสช", {"budget", "covid", "internet", "english"}),
    ("ปภ.", {"flood", "bangkok"}),
    ("คพ.", {"pm25", "pm10", "map"}),
    ("National Statistical Office", {"budget", "covid", "internet", "english"}),
    ("Pollution Control Department", {"pm25", "pm10", "map"}),
])
def test_agency_abbreviations_and_english_names_find_the_agencys_datasets(api, corpus, q, agency_datasets):
    assert set(_names(api, q)) == agency_datasets


def test_an_abbreviation_in_the_text_finds_the_full_name_and_back(api, corpus):
    assert "bangkok" in _names(api, "กรุงเทพมหานคร")  # the notes say กทม.
    assert _names(api, "อุทกภัย ปภ.") == ["flood"]


@pytest.mark.parametrize("q", ["PM2.5", "PM 2.5", "pm2.5", "ฝุ่น PM2.5"])
def test_pm25_is_one_term_not_pm_2_and_5(api, corpus, q):
    assert _names(api, q) == ["pm25"]


@pytest.mark.parametrize("q", ["COVID-19", "COVID 19", "covid19", "โควิด-19", "โควิด"])
def test_covid_19_however_it_is_written(api, corpus, q):
    assert _names(api, q) == ["covid"]


@pytest.mark.parametrize("q, expected", [
    ("อินเตอร์เน็ต", "internet"),  # the common spelling finds the Royal Institute one
    ("เเผนที่", "map"),  # เ typed twice for แ
    ("งบ ประมาณ", "budget"),  # a space typed inside a Thai word
    ("ประสบ อุทกภัย", "flood"),
])
def test_spelling_variants_and_spaces(api, corpus, q, expected):
    assert _names(api, q)[0] == expected


def test_english_search_is_unchanged(api, corpus):
    assert _names(api, "survey") == ["english"]
    assert _names(api, "employment") == ["english"]
    assert _names(api, "labor") == []  # no fuzzy English: stock behaviour


def test_results_show_agency_and_last_update(app, corpus):
    page = app.get("/dataset/", query_string={"q": "อุทกภัย"}).body
    assert "พื้นที่ประสบอุทกภัยรายอำเภอ" in page
    item = page[page.index("พื้นที่ประสบอุทกภัยรายอำเภอ"):]
    item = item[:item.index("</li>")]
    assert "กรมป้องกันและบรรเทาสาธารณภัย" in item
    assert "opengov-result-updated" in item and "25" in item  # a Buddhist Era year (25xx) in Thai


def test_suggestions_as_you_type_in_thai_public_only(app, api, corpus):
    org = api("organization_show", id="nso")
    api("package_create", **tgdc_dataset(org["id"], name="secret-budget", title="งบประมาณลับเฉพาะ",
                                         private=True, data_category="ข้อมูลส่วนบุคคล", data_classification="ลับ"))
    found = app.get("/api/2/util/dataset/autocomplete", query_string={"incomplete": "งบประ"}).json
    titles = [d["title"] for d in found["ResultSet"]["Result"]]
    assert titles == ["รายจ่ายปีงบประมาณ 2566 จำแนกตามจังหวัด"]
    page = app.get("/dataset/").body
    assert 'data-opengov-suggest="/api/2/util/dataset/autocomplete"' in page  # the box asks as one types
    assert "_search.js" in page
