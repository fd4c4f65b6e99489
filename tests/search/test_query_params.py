"""The parameters the search hook sends: Thai queries change, English ones go as CKAN sends them."""
from __future__ import annotations

import pytest

from ckanext.opengov.search import query


@pytest.mark.parametrize("q", ["population", "PM2.5", "title:ประชากร", "", "open government data"])
def test_english_fielded_and_empty_queries_are_left_as_ckan_sends_them(q):
    assert query.with_thai_fallback({"q": q}) == {"q": q}


def test_a_thai_query_is_analysed_whole_and_gets_the_substring_fallback():
    assert query.with_thai_fallback({"q": "งบ ประมาณ"}) == {"q": "งบ ประมาณ", "defType": "edismax", "qf": query.QF}


def test_a_term_written_apart_from_its_number_is_analysed_whole():
    assert query.with_thai_fallback({"q": "PM 2.5"}) == {"q": "PM 2.5", "defType": "edismax"}


def test_a_mixed_query_is_analysed_whole_without_bigrams():
    assert query.with_thai_fallback({"q": "ฝุ่น PM2.5"}) == {"q": "ฝุ่น PM2.5", "defType": "edismax"}


def test_a_callers_own_parser_or_fields_are_kept():
    assert query.with_thai_fallback({"q": "ประชากร", "qf": "title"}) == {"q": "ประชากร", "qf": "title"}
    assert query.with_thai_fallback({"q": "ประชากร", "defType": "lucene"}) == {"q": "ประชากร", "defType": "lucene"}
