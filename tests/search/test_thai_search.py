"""Thai words inside Thai sentences are found; English search and title ranking still work."""
from __future__ import annotations

import pytest

from tests.factories import agency, tgdc_dataset

pytestmark = pytest.mark.usefixtures("clean_db", "clean_index")


@pytest.fixture
def corpus(api):
    org = api("organization_create", **agency())
    records = {
        "population": dict(title="สถิติจำนวนประชากรรายจังหวัด", notes="Population by province, yearly"),
        "rainfall": dict(title="ปริมาณน้ำฝนรายวันจากสถานีตรวจอากาศ", notes="ข้อมูลรายวันทั่วประเทศ"),
        "rice": dict(title="สถิติการผลิตข้าวนาปีรายจังหวัด", notes="เนื้อที่เพาะปลูกและผลผลิต"),
        # Mentions ประชากร only in its description: it must rank below the title match.
        "elderly": dict(title="การสำรวจผู้สูงอายุ", notes="ผลการสำรวจสุขภาพของประชากรสูงวัย"),
    }
    for name, fields in records.items():
        api("package_create", **tgdc_dataset(org["id"], name=name, tag_string="สถิติ", maintainer="ฝ่ายข้อมูล", **fields))
    return records


def _names(api, q):
    return [d["name"] for d in api("package_search", q=q, rows=10)["results"]]


def test_a_thai_word_inside_a_thai_title_is_found_and_title_matches_rank_first(api, corpus):
    assert _names(api, "ประชากร") == ["population", "elderly"]


@pytest.mark.parametrize("q, expected", [("น้ำฝน", "rainfall"), ("ข้าว", "rice"), ("สถานีตรวจอากาศ", "rainfall")])
def test_in_sentence_thai_words(api, corpus, q, expected):
    assert _names(api, q)[0] == expected


def test_english_search_and_stemming_still_work(api, corpus):
    assert _names(api, "populations") == ["population"]


def test_thai_search_through_the_search_box(app, corpus):
    page = app.get("/dataset/", query_string={"q": "ผลผลิต"})
    assert "สถิติการผลิตข้าวนาปีรายจังหวัด" in page.body
    assert "ปริมาณน้ำฝนรายวันจากสถานีตรวจอากาศ" not in page.body
