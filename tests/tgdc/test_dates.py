"""Buddhist-Era dates: typed in Thai forms, stored ISO CE, shown as Thai dates."""
from __future__ import annotations

import datetime as dt

import pytest

from ckanext.opengov.tgdc import dates
from tests.factories import agency, tgdc_dataset


@pytest.mark.parametrize("text", ["25/11/2569", "25-11-2569", "2569-11-25", "2026-11-25", "2026-11-25T08:30:00+07:00"])
def test_common_thai_forms_read_as_the_same_day(text):
    assert dates.parse_date(text) == dt.date(2026, 11, 25)


@pytest.mark.parametrize(
    "text, reason",
    [("29/02/2569", "day"), ("31/04/2568", "day"), ("2569-13-01", "month"), ("25 พฤศจิกายน", "format")],
)
def test_impossible_dates_say_why(text, reason):
    with pytest.raises(dates.DateProblem) as caught:
        dates.parse_date(text)
    assert caught.value.key == reason


def test_leap_day_in_a_be_leap_year():
    assert dates.parse_date("29/02/2567") == dt.date(2024, 2, 29)


def test_thai_display():
    assert dates.format_thai_date("2026-11-25") == "25 พ.ย. 2569"
    assert dates.format_thai_date(dt.date(2024, 1, 1)) == "1 ม.ค. 2567"


def test_be_years():
    assert dates.parse_be_year("2568", today=dt.date(2026, 1, 1)) == 2568
    with pytest.raises(dates.DateProblem) as caught:
        dates.parse_be_year("2025", today=dt.date(2026, 1, 1))
    assert caught.value.key == "year_not_be" and caught.value.params["be"] == 2568


@pytest.mark.usefixtures("clean_db", "clean_index")
class TestThroughTheApi:
    def test_be_date_is_stored_as_iso_ce_and_shown_as_a_thai_date(self, app, api):
        org = api("organization_create", **agency())
        dataset = api("package_create", **tgdc_dataset(
            org["id"], last_updated_date="25/11/2569", first_year_of_data="2560", last_year_of_data=2568,
        ))
        assert dataset["last_updated_date"] == "2026-11-25"
        assert (dataset["first_year_of_data"], dataset["last_year_of_data"]) == ("2560", "2568")
        assert "25 พ.ย. 2569" in app.get(f"/dataset/{dataset['name']}").body

    def test_impossible_date_is_refused_with_the_reason_in_thai_and_english(self, api):
        org = api("organization_create", **agency())
        error = api("package_create", status=409, **tgdc_dataset(org["id"], last_updated_date="31/02/2569"))
        message = " ".join(error["last_updated_date"])
        assert "that month has 28 days" in message
        assert message != "that month has 28 days"  # the Thai text comes first

    def test_ce_year_in_a_be_field_is_refused(self, api):
        org = api("organization_create", **agency())
        error = api("package_create", status=409, **tgdc_dataset(org["id"], first_year_of_data="2017"))
        assert "2560" in " ".join(error["first_year_of_data"])
