"""The full TGDC dataset schema: type-specific fields, "อื่นๆ" companions, contact details."""
from __future__ import annotations

import pytest

from ckanext.opengov.tgdc import contact, datatypes
from tests.factories import agency, tgdc_dataset

pytestmark = pytest.mark.usefixtures("clean_db", "clean_index")

STATISTICS = dict(
    first_year_of_data="2560", last_year_of_data="2568", disaggregate=["เพศ", "อายุ/กลุ่มอายุ"],
    unit_of_measure="คน", unit_of_multiplier="พัน", calculation_method="นับจากทะเบียนราษฎร",
    standard="มาตรฐานสถิติ", official_statistics=True, data_release_calendar="31/3/2569",
)
GEOSPATIAL = dict(
    geographic_data_set="ชั้นข้อมูลขอบเขตการปกครอง", equivalent_scale="1:50,000",
    west_bound_longitude="97.3", east_bound_longitude="105.6",
    north_bound_longitude="20.5", south_bound_longitude="5.6",
    positional_accuracy="5 เมตร", reference_period="2568", data_release_date="2569-01-15",
)
RECORDS = dict(
    data_support="หน่วยงานของรัฐ", data_collect="บุคคล", created_date="1/1/2560",
    high_value_dataset="True", reference_data="False",
)


@pytest.fixture
def org(api):
    return api("organization_create", **agency())


def test_statistics_dataset_keeps_its_fields_and_drops_the_others(api, org):
    record = tgdc_dataset(org["id"], **STATISTICS, **GEOSPATIAL, **RECORDS)
    saved = api("package_create", **record)
    assert saved["disaggregate"] == ["เพศ", "อายุ/กลุ่มอายุ"]
    assert saved["unit_of_multiplier"] == "พัน"
    assert saved["official_statistics"] == "True"
    assert saved["data_release_calendar"] == "2026-03-31"
    assert saved["first_year_of_data"] == "2560"
    for name in list(GEOSPATIAL) + list(RECORDS):
        if name != "data_release_calendar":
            assert name not in saved, name


def test_geospatial_dataset_keeps_bounds_named_as_the_agency_software_names_them(api, org):
    record = tgdc_dataset(org["id"], data_type="ข้อมูลภูมิสารสนเทศเชิงพื้นที่", **GEOSPATIAL, **STATISTICS)
    saved = api("package_create", **record)
    assert saved["north_bound_longitude"] == "20.5"
    assert saved["equivalent_scale"] == "1:50,000"
    assert saved["data_release_date"] == "2026-01-15"  # BE input, stored CE
    assert "disaggregate" not in saved and "first_year_of_data" not in saved


def test_records_dataset_keeps_record_fields(api, org):
    saved = api("package_create", **tgdc_dataset(org["id"], data_type="ข้อมูลระเบียน", **RECORDS, **STATISTICS))
    assert saved["data_collect"] == "บุคคล"
    assert saved["created_date"] == "2017-01-01"
    assert saved["high_value_dataset"] == "True"
    assert "disaggregate" not in saved


def test_changing_the_type_drops_the_old_types_fields(api, org):
    saved = api("package_create", **tgdc_dataset(org["id"], **STATISTICS))
    patched = api("package_patch", id=saved["id"], data_type="ข้อมูลระเบียน", data_collect="ครัวเรือน/ครอบครัว")
    assert patched["data_collect"] == "ครัวเรือน/ครอบครัว"
    assert "disaggregate" not in patched and "unit_of_measure" not in patched


def test_latitude_out_of_range_is_refused_naming_the_field_in_thai(api, org):
    record = tgdc_dataset(org["id"], data_type="ข้อมูลภูมิสารสนเทศเชิงพื้นที่", north_bound_longitude="120")
    error = api("package_create", status=409, **record)
    message = " ".join(error["north_bound_longitude"])
    assert "ละติจูดขอบเขตด้านเหนือ" in message and "North bound latitude" in message


def test_choosing_other_requires_its_text(api, org):
    record = tgdc_dataset(org["id"], objective=["พันธกิจหน่วยงาน", "อื่นๆ"])
    error = api("package_create", status=409, **record)
    assert "วัตถุประสงค์อื่นๆ" in " ".join(error["objective_other"])
    saved = api("package_create", **dict(record, objective_other="แผนยุทธศาสตร์กรม"))
    assert saved["objective_other"] == "แผนยุทธศาสตร์กรม"


def test_other_dataset_type_requires_its_description(api, org):
    record = tgdc_dataset(org["id"], data_type="ข้อมูลประเภทอื่นๆ")
    error = api("package_create", status=409, **record)
    assert "data_type_other" in error
    saved = api("package_create", **dict(record, data_type_other="ข้อมูลเสียงสัมภาษณ์"))
    assert saved["data_type_other"] == "ข้อมูลเสียงสัมภาษณ์"


def test_other_text_is_dropped_when_other_is_not_chosen(api, org):
    saved = api("package_create", **tgdc_dataset(org["id"], geo_coverage="จังหวัด", geo_coverage_other="ค้างจากครั้งก่อน"))
    assert "geo_coverage_other" not in saved


def test_resource_fields_follow_the_dataset_type(api, org):
    resource = {
        "name": "ไฟล์", "format": "CSV", "url": "http://127.0.0.1:9/a.csv",
        "resource_disaggregate": ["เพศ"], "resource_first_year_of_data": "2565",
        "resource_geographic_data_set": "ชั้นข้อมูลป่าไม้", "resource_last_updated_date": "25/11/2569",
    }
    saved = api("package_create", **tgdc_dataset(org["id"], resources=[resource]))
    res = saved["resources"][0]
    assert res["resource_disaggregate"] == ["เพศ"]
    assert res["resource_first_year_of_data"] == "2565"
    assert res["resource_last_updated_date"] == "2026-11-25"
    assert "resource_geographic_data_set" not in res


@pytest.mark.parametrize("field, value", [
    ("telephone_number", "02-141-7000 ต่อ 123"),
    ("telephone_number", "+66 2 141 7000, 081-234-5678"),
    ("telephone_number", "1111"),
    ("reference_url_catalog", "https://catalog.nso.go.th/dataset/pop"),
    ("maintainer_email", "stat@nso.go.th"),
])
def test_good_contact_details_are_kept(api, org, field, value):
    assert api("package_create", **tgdc_dataset(org["id"], **{field: value}))[field] == value


@pytest.mark.parametrize("field, value, thai_label", [
    ("telephone_number", "โทรหาเรา", "เบอร์โทรผู้ติดต่อ"),
    ("telephone_number", "12345", "เบอร์โทรผู้ติดต่อ"),
    ("reference_url_catalog", "javascript:alert(1)", "อ้างอิง URL Catalog"),
    ("url", "catalog.nso.go.th", "URL ข้อมูล"),
    ("maintainer_email", "stat at nso", "อีเมลผู้ติดต่อ"),
])
def test_bad_contact_details_are_refused_naming_the_field_in_thai(api, org, field, value, thai_label):
    record = tgdc_dataset(org["id"], **{field: value})
    error = api("package_create", status=409, **record)
    assert thai_label in " ".join(error[field])
    assert api("package_search", q=f"name:{record['name']}", include_private=True)["count"] == 0


def test_boolean_fields_accept_the_agency_softwares_spellings(api, org):
    saved = api("package_create", **tgdc_dataset(org["id"], allow_harvest=True))
    assert saved["allow_harvest"] == "True"
    error = api("package_create", status=409, **tgdc_dataset(org["id"], allow_harvest="maybe"))
    assert "allow_harvest" in error


@pytest.mark.parametrize("number", ["02-141-7000", "053 123 456", "081-234-5678", "(02) 141.7000", "1800-123-456"])
def test_thai_phone_numbers(number):
    assert contact.phone_problem(number) is None


@pytest.mark.parametrize("number", ["", "0", "02-141-70", "+1 650 253 0000", "08-1234-56789", "call me"])
def test_not_thai_phone_numbers(number):
    assert contact.phone_problem(number) == "phone"


def test_fields_to_show_skips_empty_and_foreign_fields():
    fields = [
        {"field_name": "title"}, {"field_name": "notes"},
        {"field_name": "disaggregate", "data_types": ["S"]}, {"field_name": "data_collect", "data_types": ["R"]},
    ]
    data = {"title": "t", "notes": "", "disaggregate": ["เพศ"], "data_collect": "บุคคล"}
    shown = datatypes.fields_to_show(fields, data, "ข้อมูลสถิติ")
    assert [f["field_name"] for f in shown] == ["title", "disaggregate"]


def test_dataset_page_shows_only_this_types_fields_with_values(app, api, org):
    saved = api("package_create", **tgdc_dataset(org["id"], **STATISTICS))
    page = app.get(f"/dataset/{saved['name']}").body
    assert "การจัดจำแนก" in page and "อายุ/กลุ่มอายุ" in page
    assert "31 มี.ค. 2569" in page  # release calendar as a Thai date
    assert "ชุดข้อมูลภูมิศาสตร์" not in page  # a geospatial field
    assert "เบอร์โทรผู้ติดต่อ" not in page  # optional and empty


def test_form_carries_the_type_rules_for_its_script(app, sysadmin, org):
    page = app.get("/dataset/new", headers={"Authorization": sysadmin["token"]}).body
    assert 'id="opengov-form-rules"' in page
    assert '"disaggregate": ["S"]' in page or '"disaggregate":["S"]' in page
    assert "tgdc-form" in page or "_form.js" in page


def test_text_postgres_cannot_store_is_refused_not_a_server_error(api, org):
    record = tgdc_dataset(org["id"], title="สถิติ\x00ประชากร")
    error = api("package_create", status=409, **record)
    assert "NUL" in " ".join(error["title"])
    error = api("package_create", status=409, **tgdc_dataset(org["id"], notes="แท็บ\tได้ แต่\x0bไม่ได้"))
    assert set(error) == {"notes", "__type"}
    error = api("package_create", status=409, **tgdc_dataset(org["id"], title="ครึ่ง\ud800ตัว"))
    assert "title" in error  # a lone surrogate (valid JSON escape, not encodable as UTF-8)
    bad_resource = tgdc_dataset(org["id"], resources=[{"name": "x", "url": "http://127.0.0.1:9/a", "format": ["CSV"]}])
    assert "resources" in api("package_create", status=409, **bad_resource)
