"""The TGDC mapping on hand-made agency records: pure functions, no CKAN."""
from __future__ import annotations

from ckanext.opengov.harvest import mapping

BASE = "https://catalog.agency.go.th"


def geo_record(**overrides):
    record = {
        "id": "11111111-2222-3333-4444-555555555555", "name": "flood-areas", "title": "พื้นที่น้ำท่วม",
        "notes": "ขอบเขตพื้นที่น้ำท่วมซ้ำซาก", "data_type": "ข้อมูลภูมิสารสนเทศเชิงพื้นที่",
        "tags": [{"name": "น้ำ"}, {"name": "สิ่งแวดล้อม"}],
        "objective": '["พันธกิจหน่วยงาน","ยุทธศาสตร์ชาติ"]',     # JSON string (scheming multiple_text)
        "data_format": "{Shapefile,GeoTiff}",                       # Postgres array literal
        "data_language": "ไทย, อังกฤษ",                               # comma separated
        "allow_harvest": True, "official_statistics": "false",
        "west_bound_longitude": "97.3", "east_bound_longitude": "105.6",
        "north_bound_longitude": "20.5", "south_bound_longitude": "5.6",
        "geographic_data_set": "ชั้นข้อมูลภาพวาดดาวเทียมดัดแก้",
        "data_category": "ข้อมูลสาธารณะ", "data_classification": "เปิดเผย",
        "license_id": "Open Data Common", "private": False, "state": "active",
        "organization": {"name": "dwr", "title": "กรมทรัพยากรน้ำ"},
        "groups": [{"name": "environment", "title": "ด้านทรัพยากรธรรมชาติและสิ่งแวดล้อม"}],
        "resources": [{"id": "r1", "url": "https://catalog.agency.go.th/flood.zip", "name": "ไฟล์", "format": "SHP",
                       "url_type": "upload", "datastore_active": True, "package_id": "x",
                       "resource_disaggregate": "[\"จังหวัด\"]", "resource_official_statistics": "True",
                       "resource_equivalent_scale": "1:50,000"}],
        "metadata_modified": "2026-11-01T10:00:00.123456",
    }
    record.update(overrides)
    return record


def test_every_field_and_value_form_lands_in_our_fields():
    out = mapping.map_dataset(geo_record(), BASE)
    assert out["id"] == "11111111-2222-3333-4444-555555555555" and out["name"] == "flood-areas"
    assert out["objective"] == ["พันธกิจหน่วยงาน", "ยุทธศาสตร์ชาติ"]
    assert out["data_format"] == ["Shapefile", "GeoTiff"]
    assert out["data_language"] == ["ไทย", "อังกฤษ"]
    assert out["allow_harvest"] == "True" and out["official_statistics"] == "False"
    assert (out["north_bound_longitude"], out["south_bound_longitude"]) == ("20.5", "5.6")
    assert out["geographic_data_set"] == "ชั้นข้อมูลภาพวาดดาวเทียมดัดแก้"  # stored exactly so
    assert out["tag_string"] == "น้ำ,สิ่งแวดล้อม"
    assert out["private"] is False
    assert out["reference_url_catalog"] == "https://catalog.agency.go.th/dataset/flood-areas"
    assert "organization" not in out and "metadata_modified" not in out


def test_resources_keep_metadata_and_lose_the_source_catalogs_internals():
    (res,) = mapping.map_dataset(geo_record(), BASE)["resources"]
    assert res == {"id": "r1", "url": "https://catalog.agency.go.th/flood.zip", "name": "ไฟล์", "format": "SHP",
                   "resource_disaggregate": ["จังหวัด"], "resource_official_statistics": "True",
                   "resource_equivalent_scale": "1:50,000"}


def test_latitudes_named_correctly_by_other_catalogs_are_accepted_too():
    record = geo_record(north_bound_longitude=None, south_bound_longitude=None,
                        north_bound_latitude="20.4", south_bound_latitude="5.7")
    out = mapping.map_dataset(record, BASE)
    assert (out["north_bound_longitude"], out["south_bound_longitude"]) == ("20.4", "5.7")


def test_fields_kept_in_extras_by_catalogs_without_scheming_are_read():
    record = geo_record(extras=[{"key": "data_category", "value": "ข้อมูลสาธารณะ"},
                                {"key": "objective", "value": "พันธกิจหน่วยงาน"}])
    del record["data_category"], record["objective"]
    out = mapping.map_dataset(record, BASE)
    assert out["data_category"] == "ข้อมูลสาธารณะ" and out["objective"] == ["พันธกิจหน่วยงาน"]


def test_a_copy_of_another_catalogs_record_keeps_pointing_at_the_original():
    record = geo_record(reference_url_catalog="https://gdcatalog.go.th/dataset/original")
    assert mapping.map_dataset(record, BASE)["reference_url_catalog"] == "https://gdcatalog.go.th/dataset/original"


def test_allow_harvest_and_visibility():
    assert mapping.allows_harvest(geo_record())
    assert mapping.allows_harvest(geo_record(allow_harvest=None))        # catalogs without the field
    assert not mapping.allows_harvest(geo_record(allow_harvest="False"))
    assert not mapping.allows_harvest(geo_record(allow_harvest=False))
    assert not mapping.is_public(geo_record(private=True))
    assert not mapping.is_public(geo_record(state="deleted"))


def test_agency_and_categories_are_read_for_the_harvester_to_resolve():
    record = geo_record()
    assert mapping.remote_organization(record)["name"] == "dwr"
    assert mapping.remote_groups(record) == [{"name": "environment", "title": "ด้านทรัพยากรธรรมชาติและสิ่งแวดล้อม"}]


def test_validation_errors_name_the_field_and_the_reason():
    text = mapping.format_validation_errors({
        "data_classification": ["ต้องเป็น เปิดเผย / must be เปิดเผย"],
        "resources": [{}, {"url": ["Missing value"]}],
    })
    assert text == "data_classification: ต้องเป็น เปิดเผย / must be เปิดเผย; resources[1].url: Missing value"


def test_the_public_reference_to_a_record_drops_credentials_and_tokens_of_the_source_url():
    from ckanext.opengov.harvest.mapping import source_dataset_url

    record = {"id": "x1", "name": "rainfall"}
    assert source_dataset_url("https://user:pw@catalog.example.go.th/data/?token=abc#f", record) == (
        "https://catalog.example.go.th/data/dataset/rainfall")
    assert source_dataset_url("http://u@[2001:db8::1]:8080", record) == "http://[2001:db8::1]:8080/dataset/rainfall"


# --- DCAT records: the harvester's profile chain (euro_dcat_ap_3, opengov_tgdc, opengov_tgdc_harvest)

import pytest  # noqa: E402

from ckanext.dcat.processors import RDFParser  # noqa: E402

from ckanext.opengov.harvest.dcat_harvester import PROFILES  # noqa: E402

EU_FREQ = "http://publications.europa.eu/resource/authority/frequency/"
DC_FREQ = "http://purl.org/cld/freq/"


def harvest_read(periodicity: str | None = None, extra: str = "") -> dict:
    """What the DCAT harvester makes of one foreign DCAT-AP record."""
    value = ""
    if periodicity is not None:
        value = (f"dct:accrualPeriodicity <{periodicity}> ;" if "://" in periodicity
                 else f'dct:accrualPeriodicity "{periodicity}" ;')
    turtle = f"""
    @prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
    @prefix foaf: <http://xmlns.com/foaf/0.1/> .
    <https://data.example.org/d/1> a dcat:Dataset ; dct:title "Rainfall" ; {value} {extra}
      dct:publisher [ a foaf:Agent ; foaf:name "Met Office" ] ;
      dcat:distribution [ a dcat:Distribution ; dcat:accessURL <https://data.example.org/r.csv> ;
                          dct:format "CSV" ] .
    """
    parser = RDFParser(profiles=PROFILES)
    parser.parse(turtle, _format="turtle")
    (dataset,) = list(parser.datasets())
    return dataset


def frequency(dataset: dict) -> tuple:
    return dataset.get("update_frequency_unit"), dataset.get("update_frequency_interval")


@pytest.mark.parametrize("spelling, expected", [
    # Dublin Core Collection frequencies: the semiannual read as ไม่ทราบ before
    (DC_FREQ + "semiannual", ("ครึ่งปี", "1")), (DC_FREQ + "annual", ("ปี", "1")),
    (DC_FREQ + "biennial", ("ปี", None)), (DC_FREQ + "triennial", ("ปี", None)),
    (DC_FREQ + "threeTimesAYear", ("ปี", "3")), (DC_FREQ + "quarterly", ("ไตรมาส", "1")),
    (DC_FREQ + "bimonthly", ("เดือน", None)), (DC_FREQ + "monthly", ("เดือน", "1")),
    (DC_FREQ + "semimonthly", ("เดือน", "2")), (DC_FREQ + "threeTimesAMonth", ("เดือน", "3")),
    (DC_FREQ + "biweekly", ("สัปดาห์", None)), (DC_FREQ + "weekly", ("สัปดาห์", "1")),
    (DC_FREQ + "semiweekly", ("สัปดาห์", "2")), (DC_FREQ + "threeTimesAWeek", ("สัปดาห์", "3")),
    (DC_FREQ + "daily", ("วัน", "1")), (DC_FREQ + "continuous", ("ตามเวลาจริง", None)),
    (DC_FREQ + "irregular", ("อื่นๆ", None)),
    # EU frequency authority (DCAT-AP)
    (EU_FREQ + "ANNUAL", ("ปี", "1")), (EU_FREQ + "ANNUAL_2", ("ครึ่งปี", "1")),
    (EU_FREQ + "ANNUAL_3", ("ปี", "3")), (EU_FREQ + "BIENNIAL", ("ปี", None)),
    (EU_FREQ + "QUARTERLY", ("ไตรมาส", "1")), (EU_FREQ + "MONTHLY", ("เดือน", "1")),
    (EU_FREQ + "MONTHLY_2", ("เดือน", "2")), (EU_FREQ + "WEEKLY", ("สัปดาห์", "1")),
    (EU_FREQ + "DAILY", ("วัน", "1")), (EU_FREQ + "DAILY_2", ("วัน", "2")),
    (EU_FREQ + "12HRS", ("วัน", "2")), (EU_FREQ + "HOURLY", ("ชั่วโมง", "1")),
    (EU_FREQ + "30MIN", ("ชั่วโมง", "2")), (EU_FREQ + "1MIN", ("นาที", "1")),
    (EU_FREQ + "CONT", ("ตามเวลาจริง", None)), (EU_FREQ + "UPDATE_CONT", ("ตามเวลาจริง", None)),
    (EU_FREQ + "NEVER", ("ไม่มีการปรับปรุงหลังจากการจัดเก็บข้อมูล", None)),
    (EU_FREQ + "IRREG", ("อื่นๆ", None)), (EU_FREQ + "OTHER", ("อื่นๆ", None)),
    (EU_FREQ + "UNKNOWN", ("ไม่ทราบ", None)),
    # ISO 8601 durations (DCAT-US / Project Open Data accrualPeriodicity)
    ("R/P1Y", ("ปี", "1")), ("R/P6M", ("ครึ่งปี", "1")), ("R/P3M", ("ไตรมาส", "1")),
    ("R/P4M", ("ปี", "3")), ("R/P1M", ("เดือน", "1")), ("R/P0.5M", ("เดือน", "2")),
    ("R/P0.33M", ("เดือน", "3")), ("R/P1W", ("สัปดาห์", "1")), ("R/P0.33W", ("สัปดาห์", "3")),
    ("R/P3.5D", ("สัปดาห์", "2")), ("R/P2W", ("สัปดาห์", None)), ("R/P1D", ("วัน", "1")),
    ("R/PT1H", ("ชั่วโมง", "1")), ("R/PT1S", ("ตามเวลาจริง", None)), ("P2Y", ("ปี", None)),
    ("R/P10Y", ("ปี", None)), ("PT12H", ("วัน", "2")), ("irregular", ("อื่นๆ", None)),
])
def test_every_frequency_spelling_of_dcat_catalogs(spelling, expected):
    assert frequency(harvest_read(spelling)) == expected


@pytest.mark.parametrize("spelling", [EU_FREQ + "NO_SUCH_CODE", "sometimes", "P", "R/P5X"])
def test_an_unreadable_frequency_is_the_documented_default(spelling):
    assert frequency(harvest_read(spelling)) == ("ไม่ทราบ", None)
    assert frequency(harvest_read(None)) == ("ไม่ทราบ", None)


def test_the_rest_of_a_foreign_record_and_the_defaults_dcat_cannot_say():
    out = harvest_read(DC_FREQ + "monthly", """
      dct:license <http://creativecommons.org/licenses/by-sa/3.0/> ;
      dct:language <http://publications.europa.eu/resource/authority/language/ENG> ;
      dct:modified "2026-10-31"^^<http://www.w3.org/2001/XMLSchema#date> ;""")
    assert out["license_id"] == "Creative Commons Attribution Share-Alike"   # any CC version
    assert out["data_language"] == ["อังกฤษ"]
    assert out["last_updated_date"] == "2026-10-31"
    assert out["data_format"] == ["CSV"]
    assert out["data_source"] == "Met Office" and out["maintainer"] == "Met Office"
    assert (out["data_type"], out["objective"], out["geo_coverage"]) == ("ข้อมูลหลากหลายประเภท", ["ไม่ทราบ"], "ไม่ทราบ")
    assert (out["data_category"], out["data_classification"]) == ("ข้อมูลสาธารณะ", "เปิดเผย")
    assert not {e["key"] for e in out.get("extras", [])} & {"frequency", "contact_name", "modified"}


def test_tgdc_fields_published_by_name_under_any_namespace_win():
    out = harvest_read(DC_FREQ + "monthly", """
      <https://agency.example/ns#update_frequency_unit> "ไตรมาส" ;
      <https://agency.example/ns#objective> "พันธกิจหน่วยงาน", "ยุทธศาสตร์ชาติ" ;""")
    assert out["update_frequency_unit"] == "ไตรมาส"
    assert sorted(out["objective"]) == ["พันธกิจหน่วยงาน", "ยุทธศาสตร์ชาติ"]
